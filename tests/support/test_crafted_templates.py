"""The crafted corpus templates hold what each promises, as PowerPoint would read them."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from support.crafted_templates import masters_template, narrow_template, picture_body_template


def _background_fill(part: object) -> str:
    """The tag of a master's background fill (blipFill for a picture, solidFill for a colour)."""
    fill = part._element.find(f"{qn('p:cSld')}/{qn('p:bg')}/{qn('p:bgPr')}")  # type: ignore[attr-defined]
    return str(fill[0].tag).rsplit("}", 1)[-1]


def test_the_cover_master_comes_first_on_a_photo_and_the_content_master_is_calm(tmp_path: Path) -> None:
    prs = Presentation(str(masters_template(tmp_path / "masters.pptx")))
    cover, content = prs.slide_masters
    names = [m._element.find(qn("p:cSld")).get("name") for m in prs.slide_masters]
    assert names == ["Cover", "Content"]
    assert (_background_fill(cover), _background_fill(content)) == ("blipFill", "solidFill")
    assert len(cover.slide_layouts) == len(content.slide_layouts) == 11
    assert all(layout.slide_master.part is content.part for layout in content.slide_layouts)
    footers = {p.placeholder_format.type for p in content.placeholders}
    assert {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER} <= footers


def test_the_photo_lies_behind_the_body(tmp_path: Path) -> None:
    master = Presentation(str(picture_body_template(tmp_path / "picture.pptx"))).slide_masters[0]
    photo = next(s for s in master.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    body = next(p for p in master.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.BODY)
    assert photo.left < body.left + body.width and photo.top < body.top + body.height
    assert list(master.shapes).index(photo) < list(master.shapes).index(body)  # drawn first, underneath


def test_the_narrow_template_puts_its_title_left_of_a_narrow_body(tmp_path: Path) -> None:
    prs = Presentation(str(narrow_template(tmp_path / "narrow.pptx")))
    layout = next(x for x in prs.slide_layouts if x.name == "Title and Content")
    title = next(p for p in layout.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.TITLE)
    body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    assert title.left + title.width <= body.left
    assert body.width < prs.slide_width * 0.4
