"""Text colours on a template see what is drawn behind the text: backgrounds and the shapes over them."""

from __future__ import annotations

from lxml import etree

from deckbuilder.geometry import Rect
from deckbuilder.themes.contrast import contrast_ratio
from deckbuilder.themes.templates.canvas import Canvas, paint
from deckbuilder.themes.templates.colors import Background, fill_alpha, read_gradient
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
    (seen,) = backdrop(spec, layout, [BODY])
    assert all(abs(int(seen[i : i + 2], 16) - 128) <= 1 for i in (0, 2, 4))  # half black over white


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


def _canvas(shape: Decoration) -> Canvas:
    spec, layout = _spec(shape)
    return paint(spec, layout)


def test_a_linear_gradient_is_seen_where_the_text_sits_not_as_its_average() -> None:
    down = read_gradient(_gradient(90), {})
    assert down is not None
    canvas = _canvas(Decoration(Rect(0, 0, W, H), "other", fill="7B004A", gradient=down))
    assert set(canvas.colors_under(Rect(0, 0, W, H // 4))) == {"000032"}  # the top quarter: the first stop
    assert canvas.colors_under(Rect(0, H * 19 // 20, W, H // 20))[-1] > "E00000"  # the bottom: near pink
    across = read_gradient(_gradient(0), {})
    assert across is not None
    canvas = _canvas(Decoration(Rect(0, 0, W, H), "other", fill="7B004A", gradient=across))
    assert set(canvas.colors_under(Rect(0, 0, W // 10, H))) == {"000032"}


def test_a_path_gradient_runs_out_from_its_focus() -> None:
    glow = read_gradient(
        etree.fromstring(
            f'<a:gradFill xmlns:a="{A}"><a:gsLst><a:gs pos="0"><a:srgbClr val="FFFFFF"/></a:gs>'
            '<a:gs pos="100000"><a:srgbClr val="000000"/></a:gs></a:gsLst>'
            '<a:path path="circle"><a:fillToRect l="50000" t="85000" r="50000" b="15000"/></a:path>'
            "</a:gradFill>"
        ),
        {},
    )
    assert glow is not None and glow.angle is None
    canvas = _canvas(Decoration(Rect(0, 0, W, H), "other", fill="808080", gradient=glow))
    focus = canvas.colors_under(Rect(W // 2 - W // 100, H * 85 // 100 - H // 100, W // 50, H // 50))
    corner = canvas.colors_under(Rect(0, 0, W // 50, H // 50))
    assert min(focus) > "E0E0E0" and max(corner) < "303030"
