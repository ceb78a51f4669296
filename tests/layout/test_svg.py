"""SVG checks: an SVG's size from its width, height and viewBox; every way out of the file refused."""

from __future__ import annotations

import pytest

from deckbuilder.layout.svg import FALLBACK_PX, SvgError, SvgInfo, is_svg, read_svg

OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(attributes: str, body: str = "") -> bytes:
    return f"{OPEN} {attributes}>{body}</svg>".encode()


@pytest.mark.parametrize(
    ("attributes", "size"),
    [
        ('viewBox="0 0 160 100"', (160, 100)),
        ('width="320" height="200"', (320, 200)),
        ('width="1in" height="48pt"', (96, 64)),
        ('width="254mm" height="2.54cm"', (960, 96)),
        ('width="100%" height="100%" viewBox="-5,-5 40,30"', (40, 30)),
        ('width="80" viewBox="0 0 4 3"', (80, 60)),
        ('height="30px" viewBox="0 0 4 3"', (40, 30)),
    ],
)
def test_the_size_comes_from_width_height_or_the_viewbox(attributes: str, size: tuple[float, float]) -> None:
    info = read_svg(svg(attributes))
    assert (info.width, info.height) == pytest.approx(size)


def test_the_fallback_has_the_long_side_fixed_and_the_aspect_ratio_kept() -> None:
    assert SvgInfo(160, 100).pixel_size() == (FALLBACK_PX, 1000)
    assert SvgInfo(1, 3).pixel_size() == (533, FALLBACK_PX)
    assert SvgInfo(100_000, 1).pixel_size() == (FALLBACK_PX, 1)


SIZED = 'viewBox="0 0 10 10"'


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (svg(SIZED, '<image xlink:href="https://example.com/a.png"/>'), "names 'https://example.com/a.png'"),
        (svg(SIZED, '<image href="../../secret.png"/>'), "names '../../secret.png'"),
        (svg(SIZED, '<use href="other.svg#shape"/>'), "names 'other.svg#shape'"),
        (svg(SIZED, '<rect fill="url(file:///etc/passwd#x)"/>'), "names 'file:///etc/passwd#x'"),
        (svg(SIZED, "<rect style=\"fill: url( 'http://x/y' )\"/>"), "names 'http://x/y'"),
        (svg(SIZED, "<style>rect { fill: url(http://x/y) }</style>"), "names 'http://x/y'"),
        (svg(SIZED, '<style>@import url("a.css");</style>'), "imports a style sheet (@import"),
        (
            svg(SIZED, '<image href="data:image/svg+xml;base64,AAAA"/>'),
            "names 'data:image/svg+xml;base64,AAAA'",
        ),
        (b'<?xml-stylesheet href="a.css"?>' + svg(SIZED), "names an external style sheet"),
        (
            b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + svg(SIZED, "<text>&x;</text>"),
            "entities",
        ),
        (b'<!DOCTYPE svg [<!ENTITY a "aa">]>' + svg(SIZED, "<text>&a;</text>"), "declares XML entities"),
        (svg("", ""), "has no size"),
        (svg('width="50%" height="2em"'), "has no size"),
        (svg('viewBox="0 0 0 10"'), "has a viewBox that is not four numbers"),
        (svg('viewBox="0 0 10"'), "has a viewBox that is not four numbers"),
        (svg('width="wide" height="10"'), "not a length ('wide')"),
        (svg('width="1e9" height="1"'), "at most 100,000 pixels a side"),
        (svg('width="-4" height="1"'), "larger than 0"),
        (b'<svg width="10" height="10"/>', "is not an SVG drawing"),
        (b"<html><svg/></html>", "is not an SVG drawing"),
        (b"<svg", "is not a readable SVG"),
        (b"\x1f\x8b\x08\x00", "compressed SVG"),
    ],
)
def test_a_dangerous_or_unusable_svg_is_refused_with_its_reason(data: bytes, words: str) -> None:
    with pytest.raises(SvgError) as refused:
        read_svg(data)
    assert words in str(refused.value)


def test_references_inside_the_file_and_embedded_bitmaps_are_allowed() -> None:
    body = (
        '<defs><linearGradient id="g"/></defs><rect id="r" fill="url(#g)" style="stroke: url(\'#g\')"/>'
        '<use xlink:href="#r"/><image href="data:image/png;base64,iVBORw0KGgo="/>'
        "<style>circle { fill: url(#g) }</style>"
    )
    assert read_svg(svg(SIZED, body)) == SvgInfo(10, 10)


def test_an_external_dtd_is_never_loaded() -> None:
    doctype = b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://127.0.0.1:9/svg11.dtd">'
    assert read_svg(doctype + svg(SIZED)) == SvgInfo(10, 10)
    with pytest.raises(SvgError, match="uses an XML entity"):  # an entity only that DTD would define
        read_svg(doctype + svg(SIZED, "<text>&nbsp;</text>"))


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("map.svg", b"", True),
        ("MAP.SVGZ", b"\x1f\x8b", True),
        ("drawing.png", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', True),
        ("drawing.png", b"\xef\xbb\xbf<!-- made by hand --><svg/>", True),
        ("notes.png", b"<?xml version='1.0'?><notes/>", False),
        ("map.png", b"\x89PNG\r\n\x1a\n", False),
    ],
)
def test_an_svg_is_known_by_its_name_or_its_first_bytes(name: str, head: bytes, expected: bool) -> None:
    assert is_svg(name, head) is expected
