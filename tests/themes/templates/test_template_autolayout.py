"""Layouts LibreOffice writes once for every master: each master's placed on its own title and body areas."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from support.crafted_templates import NSDECL, _copy_master, _place, _placeholders
from template_fixtures import FLAGSHIP

from deckbuilder.geometry import Rect
from deckbuilder.layout.boxes import TextBox
from deckbuilder.layout.engine import layout_deck
from deckbuilder.outline.loader import loads
from deckbuilder.themes.templates import template_theme
from deckbuilder.themes.templates.check import check_template
from deckbuilder.themes.templates.loading import load_template

TITLE = (457200, 274638, 8229600, 1143000)
BODY = (457200, 1600200, 8229600, 4525963)
"""python-pptx's default master's title and body areas, where the shared layouts put theirs."""
BAND_TITLE = Rect(457200, 91440, 8229600, 640080)
BAND_BODY = Rect(457200, 1005840, 8229600, 5212080)
"""The banded master's own areas: its title on a navy band across the top, its body below it."""
LIBREOFFICE = "LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2"
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def libreoffice_masters(path: Path, *, band: bool = True, application: str = LIBREOFFICE) -> Path:
    """Two masters holding the same layouts, all placed by the second master's areas (as LibreOffice
    writes them); the first master's own title sits on a navy band at the top, its body fills the rest."""
    prs = Presentation()
    app = next(part for part in prs.part.package.iter_parts() if part.partname == "/docProps/app.xml")
    properties = etree.fromstring(app.blob)
    properties.find(f"{EXTENDED}Application").text = application
    app._blob = etree.tostring(properties, xml_declaration=True, encoding="UTF-8", standalone=True)
    _copy_master(prs, "Reference")
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            for sp in _placeholders(layout, "title", "ctrTitle"):
                _place(sp, *TITLE)
            for sp in _placeholders(layout, "body", "obj", "subTitle"):
                if sp.find(qn("p:spPr")).find(qn("a:xfrm")) is None:
                    _place(sp, *BODY)
    banded = prs.slide_masters[0]
    (title,) = _placeholders(banded, "title")
    (body,) = _placeholders(banded, "body")
    _place(title, BAND_TITLE.x, BAND_TITLE.y, BAND_TITLE.w, BAND_TITLE.h)
    _place(body, BAND_BODY.x, BAND_BODY.y, BAND_BODY.w, BAND_BODY.h)
    if band:
        tree = banded._element.find(qn("p:cSld")).find(qn("p:spTree"))
        tree.insert(
            2,
            etree.fromstring(
                f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="81" name="Title band"/><p:cNvSpPr/><p:nvPr/>'
                '</p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9144000" cy="822960"/>'
                '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill>'
                '<a:srgbClr val="2C3E50"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>'
            ),
        )
    prs.save(str(path))
    return path


def _rects(path: Path, master: int, name: str) -> dict[str, Rect]:
    spec = load_template(str(path))
    layout = next(lay for lay in spec.layouts if lay.master == master and lay.name == name)
    return {p.type: p.rect for p in layout.placeholders}


def test_a_banded_master_s_layouts_take_its_own_title_and_body_areas(tmp_path: Path) -> None:
    path = libreoffice_masters(tmp_path / "lo.pptx")
    content = _rects(path, 0, "Title and Content")
    assert (content["title"], content["obj"]) == (BAND_TITLE, BAND_BODY)
    assert _rects(path, 0, "Title Only")["title"] == BAND_TITLE
    spec = load_template(str(path))
    two = next(lay for lay in spec.layouts if lay.master == 0 and lay.name == "Two Content")
    left, right = sorted((p.rect for p in two.placeholders if p.takes_points), key=lambda r: r.x)
    assert left.y == right.y == BAND_BODY.y and left.x == BAND_BODY.x and right.right == BAND_BODY.right
    assert _rects(path, 1, "Title and Content")["title"] == Rect(*TITLE)  # the reference master keeps its own


def test_without_a_band_the_layouts_stay_where_they_are_written(tmp_path: Path) -> None:
    path = libreoffice_masters(tmp_path / "plain.pptx", band=False)
    assert _rects(path, 0, "Title and Content")["title"] == Rect(*TITLE)


def test_powerpoint_s_layouts_stay_where_they_are_written(tmp_path: Path) -> None:
    path = libreoffice_masters(tmp_path / "pp.pptx", application="Microsoft Office PowerPoint")
    assert _rects(path, 0, "Title and Content")["title"] == Rect(*TITLE)


def test_points_on_the_banded_master_start_under_its_band(tmp_path: Path) -> None:
    path = libreoffice_masters(tmp_path / "lo.pptx")
    # the first master's layout, by name (the calmer second master would be chosen otherwise)
    text = FLAGSHIP.read_text(encoding="utf-8") + "layouts:\n  bullets: Title and Content\n"
    deck = loads(text, str(FLAGSHIP)).with_path(FLAGSHIP)
    slides = layout_deck(deck, template_theme(str(path))).slides
    bullets = [s for s in slides if s.kind == "bullets" and s.layout is not None and s.layout.master == 0]
    assert bullets, "the flagship's points are laid out on the banded master"
    for slide in bullets:
        body = next(b for b in slide.boxes if b.role == "body")
        assert BAND_BODY.y - 100_000 <= body.y < BAND_TITLE.bottom + 400_000, slide.title


def test_a_divider_s_part_number_shrinks_with_its_title_on_a_short_band(tmp_path: Path) -> None:
    path = libreoffice_masters(tmp_path / "lo.pptx")
    text = FLAGSHIP.read_text(encoding="utf-8") + "layouts:\n  section: Title Slide\n"
    slides = layout_deck(loads(text, str(FLAGSHIP)).with_path(FLAGSHIP), template_theme(str(path))).slides
    dividers = [s for s in slides if s.kind == "section"]
    assert dividers
    for slide in dividers:
        label = next(b for b in slide.boxes if isinstance(b, TextBox) and b.role == "label")
        title = next(b for b in slide.boxes if isinstance(b, TextBox) and b.role == "title")
        # 'Part 1' above the title and clearly smaller than it, not nearly as large as the title it names
        assert label.paragraphs[0].size_pt <= title.paragraphs[0].size_pt * 2 / 3, slide.title


def test_the_checker_takes_a_title_s_band_for_its_backdrop_not_a_logo(tmp_path: Path) -> None:
    lines = check_template(libreoffice_masters(tmp_path / "lo.pptx")).lines()
    assert "title       Title Slide                 1 " in "\n".join(lines)  # on the banded master
    assert not [line for line in lines if "(logo?)" in line], lines
