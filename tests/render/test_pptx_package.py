"""Package writing in the python-pptx layer: slides streamed as bytes, the package python-pptx writes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.serialized import _ContentTypesItem
from pptx.util import Inches

from deckbuilder.render.pptx_compat import (
    SerializedPart,
    SlideAppender,
    content_types_xml,
    relative_ref,
    rels_xml,
    save_deterministic,
)

ROOT = Path(__file__).resolve().parents[2]
PICTURE = ROOT / "assets" / "images" / "sahel.png"
NOTES = ["Paris read it as a betrayal.\nA second paragraph.", "soft\vbreak and an escape \x1b here", ""]


def _built_by_python_pptx() -> object:
    """A presentation with slides, notes, a picture, a chart and an external link, built by python-pptx."""
    prs = Presentation()
    for index, notes in enumerate(NOTES):
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        slide.notes_slide.notes_text_frame.text = notes
        if index == 0:
            slide.shapes.add_picture(str(PICTURE), Inches(1), Inches(1), Inches(3))
            box = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1))
            box.text_frame.text = "link"
            box.text_frame.paragraphs[0].runs[0].hyperlink.address = "https://example.org/a&b"
        if index == 1:
            data = CategoryChartData()
            data.categories = ["France", "United States"]
            data.add_series("Personnel", (1500, 1000))
            slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3), data)
    return prs


def test_relationships_and_content_types_are_written_as_python_pptx_writes_them() -> None:
    prs = _built_by_python_pptx()
    package = prs.part.package  # type: ignore[attr-defined]
    parts = tuple(package.iter_parts())
    assert rels_xml(package._rels) == package._rels.xml
    for part in parts:
        assert rels_xml(part.rels) == part.rels.xml, part.partname
    assert content_types_xml(parts) == serialize_part_xml(_ContentTypesItem.xml_for(parts))


@pytest.mark.parametrize(
    ("partname", "base"),
    [
        ("/ppt/slides/slide1.xml", "/ppt"),
        ("/ppt/slideLayouts/slideLayout6.xml", "/ppt/slides"),
        ("/ppt/slides/slide1.xml", "/ppt/slides"),
        ("/docProps/core.xml", "/"),
        ("/ppt/embeddings/Microsoft_Excel_Sheet1.xlsx", "/ppt/charts"),
    ],
)
def test_relative_references_match_python_pptx(partname: str, base: str) -> None:
    from pptx.opc.packuri import PackURI

    assert relative_ref(partname, base) == PackURI(partname).relative_ref(base)


def test_the_package_has_python_pptx_members_in_python_pptx_order() -> None:
    prs = _built_by_python_pptx()
    ours = zipfile.ZipFile(io.BytesIO(save_deterministic(prs)))
    buffer = io.BytesIO()
    prs.save(buffer)  # type: ignore[attr-defined]
    theirs = zipfile.ZipFile(buffer)
    assert ours.namelist() == theirs.namelist()
    for name in theirs.namelist():
        assert ours.read(name) == theirs.read(name), name


def test_finished_slides_keep_only_the_bytes_python_pptx_would_write() -> None:
    reference = _built_by_python_pptx()
    prs = Presentation()
    appender = SlideAppender(prs)
    for notes in NOTES:
        slide = appender.add_slide(appender.layout(6))
        appender.add_notes(slide, notes)
        appender.finish(slide)
        assert isinstance(slide.part, SerializedPart)
        assert not hasattr(slide.part, "_element")
    names = ("ppt/notesSlides/notesSlide2.xml", "ppt/notesSlides/notesSlide3.xml")
    ours = zipfile.ZipFile(io.BytesIO(save_deterministic(prs)))
    theirs = zipfile.ZipFile(io.BytesIO(save_deterministic(reference)))
    for name in names:  # copied notes slides, text with paragraphs, line breaks and escapes
        assert ours.read(name) == theirs.read(name), name
    reopened = Presentation(io.BytesIO(save_deterministic(prs)))
    texts = [slide.notes_slide.notes_text_frame.text for slide in reopened.slides]
    assert texts == [text.replace("\x1b", "_x001B_") for text in NOTES]
