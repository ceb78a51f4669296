"""Text on a template stays readable where the template's art lies under it: recoloured, or on a panel."""

from __future__ import annotations

from support.crafted_templates import busy_photo

from deckbuilder.geometry import EMU_PER_PT, Rect
from deckbuilder.layout.boxes import Paragraph, ShapeBox, TextBox
from deckbuilder.layout.template_calm import calm_text, line_rects
from deckbuilder.themes.contrast import contrast_ratio
from deckbuilder.themes.templates.canvas import Canvas, paint
from deckbuilder.themes.templates.colors import Background, thumbnail
from deckbuilder.themes.templates.model import Decoration, Layout, TemplateSpec

W, H = 12192000, 6858000


def _canvas(*shapes: Decoration, background: str = "FFFFFF") -> Canvas:
    layout = Layout("Blank", 0, 0, None, (), Background(background), shapes)
    return paint(TemplateSpec("t.pptx", W, H, (layout,), "Arial", "Arial", ()), layout)


def _text(
    x: int, y: int, color: str = "000000", role: str = "body", text: str = "Readable words here"
) -> TextBox:
    paragraph = Paragraph(text, (text,), "Arial", 14.0, color, 17.0)  # body size: it needs 4.5:1
    return TextBox(x, y, W // 3, round(30 * EMU_PER_PT), (paragraph,), role)


def test_text_on_a_calm_background_keeps_its_colour_where_it_reads() -> None:
    box = _text(W // 10, H // 10)
    assert calm_text(_canvas(), [box]) == (box,)


def test_dark_text_on_a_dark_part_of_the_slide_turns_light() -> None:
    canvas = _canvas(Decoration(Rect(0, 0, W // 2, H), "shape", fill="101010"))
    (box,) = calm_text(canvas, [_text(W // 10, H // 10)])
    assert isinstance(box, TextBox) and contrast_ratio(box.paragraphs[0].color, "101010") >= 4.5


def test_text_over_a_photo_gets_a_quiet_panel_under_everything_and_reads_on_it() -> None:
    photo = thumbnail(busy_photo())
    assert photo is not None
    canvas = _canvas(Decoration(Rect(W // 2, 0, W // 2, H), "picture", pixels=photo, geometry="picture"))
    other = _text(W // 10, H // 2, role="caption")
    boxes = calm_text(canvas, [other, _text(W * 6 // 10, H // 10)])
    panel, first, text = boxes
    assert isinstance(panel, ShapeBox) and panel.role == "panel" and first == other
    assert isinstance(text, TextBox)
    (line,) = [rect for _, rect in line_rects(text)]
    assert panel.x <= line.x and line.right <= panel.x + panel.w and panel.y <= line.y
    assert canvas.spread(Rect(panel.x, panel.y, panel.w, panel.h)) > 0.1  # it covers the busy part
    assert contrast_ratio(text.paragraphs[0].color, panel.fill) >= 4.5


def test_the_template_s_footer_and_number_are_left_as_its_author_drew_them() -> None:
    canvas = _canvas(background="000000")
    footer, number = _text(0, H - H // 10, role="footer"), _text(W // 2, H - H // 10, role="slide-number")
    assert calm_text(canvas, [footer, number]) == (footer, number)
