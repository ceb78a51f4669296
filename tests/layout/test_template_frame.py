"""A template frame's chrome and body areas, on templates shaped the way LibreOffice writes them."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation

from deckbuilder.layout.boxes import TextBox
from deckbuilder.layout.engine import layout_deck
from deckbuilder.outline.loader import load
from deckbuilder.themes.templates import template_theme

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
NSDECL = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)


def numbered_by_a_text_box(path: Path) -> Path:
    """python-pptx's default with no number placeholders; the master shows the number in a text box's
    field instead (how LibreOffice writes a master's number placeholder to .pptx)."""
    prs = Presentation()
    master = prs.slide_masters[0]
    for part in (master, *master.slide_layouts):
        for shape in list(part.placeholders):
            if shape.placeholder_format.type is not None and shape.placeholder_format.type == 13:
                shape.element.getparent().remove(shape.element)
    number = (
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="99" name="Number"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
        '</p:nvSpPr><p:spPr><a:xfrm><a:off x="8229600" y="6400800"/><a:ext cx="731520" cy="365760"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/>'
        '<a:p><a:fld id="{1E3A7294-387A-4596-BA23-90676B996C76}" type="slidenum"><a:t>&lt;number&gt;</a:t>'
        "</a:fld></a:p></p:txBody></p:sp>"
    )
    master.shapes._spTree.append(etree.fromstring(number))
    prs.save(str(path))
    return path


def test_no_number_is_drawn_where_the_template_s_own_text_box_shows_it(tmp_path: Path) -> None:
    theme = template_theme(str(numbered_by_a_text_box(tmp_path / "numbered.pptx")))
    slides = layout_deck(load(FLAGSHIP), theme).slides
    roles = {box.role for slide in slides for box in slide.boxes if isinstance(box, TextBox)}
    assert "footer" in roles, "the footer is still drawn"
    assert "slide-number" not in roles, "a second number is drawn beside the template's own"


def test_a_number_is_drawn_where_the_template_shows_none(tmp_path: Path) -> None:
    path = numbered_by_a_text_box(tmp_path / "plain.pptx")
    prs = Presentation(str(path))
    shapes = prs.slide_masters[0].shapes
    shapes.element.remove(shapes[-1].element)
    prs.save(str(path))
    slides = layout_deck(load(FLAGSHIP), template_theme(str(path))).slides
    content = [slide for slide in slides if slide.kind not in ("title", "section")]
    for slide in content:
        assert any(isinstance(b, TextBox) and b.role == "slide-number" for b in slide.boxes), slide.title
