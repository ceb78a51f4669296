"""A layout's empty slide painted small: shapes where they are drawn, busy where text would not read."""

from __future__ import annotations

import io
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from support.crafted_templates import busy_photo, widen

from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.canvas import Canvas, paint
from deckbuilder.themes.templates.colors import Background, thumbnail
from deckbuilder.themes.templates.loading import load_template
from deckbuilder.themes.templates.model import Decoration, Layout, TemplateSpec

W, H = 12192000, 6858000
LEFT, RIGHT = Rect(0, 0, W // 2, H), Rect(W // 2, 0, W // 2, H)
NS = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)


def _canvas(*shapes: Decoration, background: str = "FFFFFF") -> Canvas:
    layout = Layout("Blank", 0, 0, None, (), Background(background), shapes)
    return paint(TemplateSpec("t.pptx", W, H, (layout,), "Arial", "Arial", ()), layout)


def test_a_plain_slide_is_calm_all_over_and_its_colour_is_what_text_sits_on() -> None:
    canvas = _canvas(background="123456")
    assert canvas.colors_under(LEFT) == ["123456"]
    assert canvas.spread(LEFT) == 0 and canvas.busy_share(LEFT) == 0
    assert canvas.calm_part(LEFT, W // 4, H // 4) == LEFT


def test_a_photo_is_busy_and_the_calm_part_beside_it_is_found() -> None:
    photo = thumbnail(busy_photo())
    assert photo is not None
    canvas = _canvas(Decoration(RIGHT, "picture", pixels=photo, geometry="picture"))
    assert canvas.spread(RIGHT) > 0.1 and canvas.busy_share(RIGHT) > 0.5
    assert canvas.spread(LEFT) == 0
    calm = canvas.calm_part(Rect(0, H // 4, W, H // 2), W // 4, H // 8)
    assert calm is not None and calm.right <= W // 2 and calm.w >= W * 2 // 5


def test_a_transparent_picture_shows_what_is_behind_it() -> None:
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 20, 40))  # red on its left half, nothing on its right
    out = io.BytesIO()
    image.save(out, "PNG")
    pixels = thumbnail(out.getvalue())
    assert pixels is not None
    canvas = _canvas(
        Decoration(Rect(0, 0, W, H), "picture", pixels=pixels, geometry="picture"), background="00FF00"
    )
    assert canvas.colors_under(Rect(W // 8, H // 4, W // 8, H // 2)) == ["C80000"]
    assert canvas.colors_under(Rect(W * 5 // 8, H // 4, W // 8, H // 2)) == ["00FF00"]


def test_a_custom_outline_is_painted_where_it_is_drawn_not_over_its_bounds() -> None:
    triangle = (((0.0, 0.0), (1.0, 0.0), (0.0, 1.0)),)  # the upper-left half of its bounds
    canvas = _canvas(Decoration(Rect(0, 0, W, H), "other", fill="000000", geometry="custom", path=triangle))
    assert canvas.colors_under(Rect(W // 20, H // 20, W // 10, H // 10)) == ["000000"]
    assert canvas.colors_under(Rect(W * 17 // 20, H * 17 // 20, W // 10, H // 10)) == ["FFFFFF"]
    assert canvas.spread(Rect(W * 2 // 5, H * 2 // 5, W // 5, H // 5)) > 0.3  # across the edge


def test_a_rotated_rectangle_is_painted_turned_and_a_shape_no_painter_knows_counts_as_busy() -> None:
    square = Rect(W // 4, H // 4, H // 2, H // 2)
    turned = _canvas(Decoration(square, "other", fill="000000", turned=45.0))
    assert turned.colors_under(Rect(square.x, square.y, H // 20, H // 20)) == [
        "FFFFFF"
    ]  # the corner turned away
    middle = Rect(square.x + square.w // 2 - H // 40, square.y + square.h // 2 - H // 40, H // 20, H // 20)
    assert turned.colors_under(middle) == ["000000"]
    unknown = _canvas(Decoration(LEFT, "other", geometry="custom"))
    assert unknown.spread(Rect(W // 8, H // 4, W // 8, H // 8)) == 1.0 and unknown.spread(RIGHT) == 0


NUMBER = (
    '<p:sp><p:nvSpPr><p:cNvPr id="95" name="Number"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
    f'<p:spPr><a:xfrm><a:off x="{W - 900000}" y="{H - 400000}"/><a:ext cx="800000" cy="300000"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr/>'
    '<a:p><a:fld id="{00000000-0000-0000-0000-000000000001}" type="slidenum"><a:t>‹#›</a:t></a:fld></a:p>'
    "</p:txBody></p:sp>"
)
"""A text box on the master showing the slide number, as LibreOffice writes a number placeholder."""


def _template(tmp_path: Path, *shapes: str) -> TemplateSpec:
    prs = Presentation()
    widen(prs)
    tree = prs.slide_masters[0]._element.find(qn("p:cSld")).find(qn("p:spTree"))
    for shape in shapes:
        tree.append(
            etree.fromstring(shape.replace("<p:sp>", f"<p:sp {NS}>").replace("<p:grpSp>", f"<p:grpSp {NS}>"))
        )
    prs.save(str(tmp_path / "t.pptx"))
    return load_template(tmp_path / "t.pptx")


def _rect(
    x: int, y: int, w: int, h: int, fill: str = "<a:solidFill><a:srgbClr val='000000'/></a:solidFill>"
) -> str:
    return (
        '<p:sp><p:nvSpPr><p:cNvPr id="90" name="Box"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
    )


def test_a_group_s_shapes_are_read_where_the_group_places_them(tmp_path: Path) -> None:
    group = (
        '<p:grpSp><p:nvGrpSpPr><p:cNvPr id="80" name="Group"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        f'<p:grpSpPr><a:xfrm><a:off x="{W // 2}" y="0"/><a:ext cx="{W // 2}" cy="{H // 2}"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="1000" cy="1000"/></a:xfrm></p:grpSpPr>'
        + _rect(500, 0, 500, 500).replace("<p:sp>", "<p:sp>", 1)
        + "</p:grpSp>"
    )
    spec = _template(tmp_path, group)
    layout = spec.layouts[0]
    (shape,) = [d for d in layout.decorations if d.name == "Box"]
    assert shape.rect == Rect(W * 3 // 4, 0, W // 4, H // 4) and shape.kind == "shape"
    assert paint(spec, layout).colors_under(Rect(W * 7 // 8, H // 16, W // 20, H // 20)) == ["000000"]


def test_an_empty_frame_draws_nothing_and_a_slide_number_text_box_is_known(tmp_path: Path) -> None:
    empty = _rect(0, 0, W, H, fill="<a:noFill/>")
    spec = _template(tmp_path, empty, NUMBER)
    layout = spec.layouts[0]
    assert paint(spec, layout).spread(Rect(0, 0, W // 2, H // 2)) == 0  # the empty frame is not busy
    assert layout.draws_number


def test_a_template_that_numbers_its_slides_itself_gets_no_second_number(tmp_path: Path) -> None:
    from deckbuilder import load, pipeline

    _template(tmp_path, NUMBER)
    deck = load(Path(__file__).resolve().parents[3] / "decks" / "france-us-conundrum.yaml")
    laid_out = pipeline.layout(deck, theme=str(tmp_path / "t.pptx"))
    roles = [getattr(box, "role", "") for slide in laid_out.slides for box in slide.boxes]
    assert "slide-number" not in roles and "footer" in roles
