"""Text colours on a template see what is drawn behind the text: backgrounds and the shapes over them."""

from __future__ import annotations

from lxml import etree

from deckbuilder.geometry import Rect
from deckbuilder.themes.contrast import contrast_ratio
from deckbuilder.themes.templates.colors import Background, fill_alpha, gradient_background
from deckbuilder.themes.templates.model import Decoration, Layout, Placeholder, TemplateSpec, TextLook
from deckbuilder.themes.templates.theme import backdrop, layout_colors

W, H = 12192000, 6858000
TITLE = Rect(W // 12, 0, W * 10 // 12, H // 6)
BODY = Rect(W // 12, H // 4, W * 10 // 12, H // 2)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _spec(*shapes: Decoration) -> tuple[TemplateSpec, Layout]:
    title, body = (
        Placeholder("title", 0, "Title", TITLE, TextLook()),
        Placeholder("obj", 1, "Body", BODY, TextLook()),
    )
    layout = Layout("Title and Content", 0, 0, None, (title, body), Background("FFFFFF"), shapes)
    palette = (("tx1", "000000"), ("bg1", "FFFFFF"), ("accent1", "1F4E79"))
    return TemplateSpec("t.pptx", W, H, (layout,), "Arial", "Arial", palette), layout


def test_a_dark_band_under_the_title_makes_its_text_light() -> None:
    spec, layout = _spec(Decoration(Rect(0, 0, W, H // 5), "shape", fill="000000"))
    colors = layout_colors(spec, layout, BODY)
    assert contrast_ratio(colors.title_text, "000000") >= 4.5
    assert contrast_ratio(colors.text, "FFFFFF") >= 4.5  # the body stays on white


def test_a_translucent_shape_is_seen_through() -> None:
    spec, layout = _spec(Decoration(Rect(0, 0, W, H), "other", fill="000000", alpha=0.5))
    assert backdrop(spec, layout, [BODY]) == ["808080"]


def test_a_fill_s_opacity_is_read_from_its_alpha() -> None:
    fill = etree.fromstring(
        f'<a:solidFill xmlns:a="{A}"><a:srgbClr val="FFFFFF"><a:alpha val="30000"/></a:srgbClr></a:solidFill>'
    )
    assert fill_alpha(fill) == 0.3 and fill_alpha(None) == 1.0


def _gradient(angle_degrees: int) -> etree._Element:
    """A gradient fill from navy (at 30%) to pink, running at an angle like Lights' background shape."""
    return etree.fromstring(
        f'<a:gradFill xmlns:a="{A}"><a:gsLst>'
        '<a:gs pos="30000"><a:srgbClr val="000032"/></a:gs>'
        '<a:gs pos="100000"><a:srgbClr val="F60063"/></a:gs>'
        f'</a:gsLst><a:lin ang="{angle_degrees * 60000}"/></a:gradFill>'
    )


def test_a_linear_gradient_is_seen_where_the_text_sits_not_as_its_average() -> None:
    down = gradient_background(_gradient(90), {})
    assert down is not None and down.color != "000032"
    assert set(down.colors_under(0, 0, 1, 0.25)) == {"000032"}  # the top third is the first stop's colour
    assert down.colors_under(0, 0.95, 1, 0.05)[0] != "000032"  # the bottom is near pink
    across = gradient_background(_gradient(0), {})
    assert across is not None and across.colors_under(0, 0, 0.1, 1)[0] == "000032"


def test_a_radial_gradient_keeps_its_average() -> None:
    radial = etree.fromstring(
        f'<a:gradFill xmlns:a="{A}"><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFF00"/></a:gs>'
        '<a:gs pos="100000"><a:srgbClr val="FF8000"/></a:gs></a:gsLst><a:path path="circle"/></a:gradFill>'
    )
    assert gradient_background(radial, {}) is None
