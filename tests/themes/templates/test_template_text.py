"""Text on a template: written as the user typed it, measured as the template shows it, readable on it."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches
from support.crafted_templates import WIDE, widen
from template_fixtures import FLAGSHIP, _add_master_shape, bar

import deckbuilder
from deckbuilder.themes.contrast import contrast_ratio


def capitals_template(path: Path) -> Path:
    """16:9, every title shown in capitals by the master's title style (cap="all")."""
    prs = Presentation()
    widen(prs)
    style = prs.slide_masters[0]._element.find(qn("p:txStyles")).find(qn("p:titleStyle"))
    style.find(qn("a:lvl1pPr")).find(qn("a:defRPr")).set("cap", "all")
    prs.save(str(path))
    return path


def test_titles_in_a_capitals_placeholder_keep_the_outline_s_case(tmp_path: Path) -> None:
    template = capitals_template(tmp_path / "capitals.pptx")
    out = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(template))
    titles = [
        slide.shapes.title.text_frame.text for slide in Presentation(str(out)).slides if slide.shapes.title
    ]
    assert titles[0] == "France-US Conundrum"
    assert "Two responses to the coup" in titles
    assert not any(title.isupper() for title in titles), titles


def banded_template(path: Path) -> Path:
    """16:9 on white, a black band drawn on the master behind every title and another behind the footer."""
    prs = Presentation()
    widen(prs)
    master = prs.slide_masters[0]
    title = next(ph for ph in master.placeholders if ph.placeholder_format.idx == 0)
    title.left, title.top, title.width, title.height = Inches(0.6), Emu(0), Inches(12.1), Inches(1.2)
    _add_master_shape(master, bar("Title band", 0, 0, WIDE[0], Inches(1.3), "000000"))
    _add_master_shape(master, bar("Foot band", 0, Inches(6.8), WIDE[0], Inches(0.7), "000000"))
    for layout in prs.slide_layouts:
        for ph in layout.placeholders:
            if ph.placeholder_format.idx == 0 and layout.name != "Title Slide":
                ph.left, ph.top, ph.width, ph.height = Inches(0.6), Emu(0), Inches(12.1), Inches(1.2)
    prs.save(str(path))
    return path


def test_titles_and_footers_on_a_band_are_readable_on_it(tmp_path: Path) -> None:
    template = banded_template(tmp_path / "banded.pptx")
    out = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(template))
    slides = list(Presentation(str(out)).slides)
    content = [s for s in slides if s.slide_layout.name == "Title and Content"]
    assert content
    for slide in content:
        run = slide.shapes.title.text_frame.paragraphs[0].runs[0]
        assert contrast_ratio(str(run.font.color.rgb), "000000") >= 4.5
        footer = next(sh for sh in slide.placeholders if sh.placeholder_format.type == PP_PLACEHOLDER.FOOTER)
        color = str(footer.text_frame.paragraphs[0].runs[0].font.color.rgb)
        assert contrast_ratio(color, "000000") >= 4.5, f"footer {color} on the black band"


def test_the_source_line_on_a_band_is_readable_on_it(tmp_path: Path) -> None:
    prs = Presentation()  # a black band from 6.5 in down: behind the source line, not the body
    widen(prs)
    _add_master_shape(prs.slide_masters[0], bar("Foot band", 0, Inches(6.5), WIDE[0], Inches(1), "000000"))
    prs.save(str(tmp_path / "low-band.pptx"))
    out = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(tmp_path / "low-band.pptx"))
    sources = [
        shape
        for slide in Presentation(str(out)).slides
        for shape in slide.shapes
        if shape.has_text_frame and shape.text_frame.text.startswith("Source:")
    ]
    assert len(sources) >= 5
    for shape in sources:
        assert shape.top >= Inches(6.5)  # on the band
        color = str(shape.text_frame.paragraphs[0].runs[0].font.color.rgb)
        assert contrast_ratio(color, "000000") >= 4.5, f"source line {color} on the black band"


def test_a_slide_number_on_a_disc_at_its_box_s_end_is_readable_on_the_disc(tmp_path: Path) -> None:
    prs = Presentation()
    widen(prs)
    master = prs.slide_masters[0]
    kind = PP_PLACEHOLDER.SLIDE_NUMBER
    number = next(ph for ph in master.placeholders if ph.placeholder_format.type == kind)
    side = number.height  # a black square at the box's right end, where its right-aligned number sits
    left = number.left + number.width - side
    _add_master_shape(master, bar("Disc", left, number.top, side, side, "000000"))
    prs.save(str(tmp_path / "disc.pptx"))
    out = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(tmp_path / "disc.pptx"))
    numbers = [
        shape
        for slide in Presentation(str(out)).slides
        for shape in slide.placeholders
        if shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER
    ]
    assert len(numbers) >= 5
    for shape in numbers:
        paragraph = shape.text_frame.paragraphs[0]
        assert paragraph.alignment == PP_ALIGN.RIGHT
        color = str(paragraph._p.find(qn("a:fld")).find(qn("a:rPr")).find(qn("a:solidFill"))[0].get("val"))
        assert contrast_ratio(color, "000000") >= 4.5, f"slide number {color} on the black disc"
