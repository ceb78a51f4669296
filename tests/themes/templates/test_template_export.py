"""The flagship exported through corporate templates: their size, layouts and placeholders, no samples."""

from __future__ import annotations

import io
import posixpath
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image, ImageStat
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Inches
from PySide6.QtGui import QImage
from support.crafted_templates import widen
from support.office import needs_pdftotext, pdf_words, words_outside_their_boxes
from template_fixtures import FLAGSHIP, NAMES, SAMPLE_TEXT, _add_master_shape, bar, branded_template

import deckbuilder
from deckbuilder.layout.boxes import PictureBox
from deckbuilder.pipeline import layout

POWERPOINT = {
    "title": "Title Slide",
    "section": "Section Header",
    "bullets": "Title and Content",
    "sources": "Title and Content",
    "comparison": "Two Content",
    "image": "Picture with Caption",
    **{kind: "Title Only" for kind in ("takeaways", "stat", "chart", "table", "timeline", "quote")},
}
LIBREOFFICE = {
    **POWERPOINT,
    "section": "Title Slide",
    "bullets": "Title, Content",
    "sources": "Title, Content",
    "comparison": "Title, 2 Content",
    "image": "Title Only",
}
EXPECTED_LAYOUTS = {name: LIBREOFFICE if name == "libreoffice" else POWERPOINT for name in NAMES}
SIZES = {"default": (9144000, 6858000), "dark43": (9144000, 6858000), "samples": (9144000, 6858000)}
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def kinds(template: Path) -> list[str]:
    """The slide kind of each exported slide, in order."""
    return [page.kind for page in layout(deckbuilder.load(FLAGSHIP), theme=str(template)).slides]


@pytest.mark.parametrize("name", NAMES)
def test_the_deck_takes_the_templates_slide_size(
    name: str, templates: dict[str, Path], exported: dict[str, Path]
) -> None:
    template, deck = Presentation(str(templates[name])), Presentation(str(exported[name]))
    assert (deck.slide_width, deck.slide_height) == (template.slide_width, template.slide_height)
    assert (deck.slide_width, deck.slide_height) == SIZES.get(name, (12192000, 6858000))


@pytest.mark.parametrize("name", NAMES)
def test_each_kind_is_made_on_the_layout_that_holds_what_it_needs(
    name: str, templates: dict[str, Path], exported: dict[str, Path]
) -> None:
    slides = Presentation(str(exported[name])).slides
    used = {
        (kind, slide.slide_layout.name) for kind, slide in zip(kinds(templates[name]), slides, strict=True)
    }
    assert used == {(kind, EXPECTED_LAYOUTS[name][kind]) for kind, _ in used}


@pytest.mark.parametrize("name", NAMES)
def test_every_title_is_in_the_layouts_title_placeholder(name: str, exported: dict[str, Path]) -> None:
    deck = deckbuilder.load(FLAGSHIP)
    titles = []
    for slide in Presentation(str(exported[name])).slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder
        titles.append(title.text_frame.text.replace("\u00a0", " ").casefold())  # no-break: no widow
    assert deck.title.casefold() in titles
    assert "two responses to the coup" in titles
    assert "niger: a case study in divergence" in titles  # Section Header writes it in capitals


@pytest.mark.parametrize("name", NAMES)
def test_points_go_into_the_content_placeholder(name: str, exported: dict[str, Path]) -> None:
    slide = next(
        s
        for s in Presentation(str(exported[name])).slides
        if s.shapes.title.text == "Niger as proof for Paris"
    )
    bodies = [
        shape
        for shape in slide.placeholders
        if shape.placeholder_format.type in (PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY)
    ]
    assert len(bodies) == 1
    assert bodies[0].text_frame.text.startswith("France has long criticised")
    assert len(bodies[0].text_frame.paragraphs) == 4


@pytest.mark.parametrize("name", ["default", "picture", "dark43"])
def test_comparison_columns_and_the_picture_fill_their_placeholders(
    name: str, exported: dict[str, Path]
) -> None:
    slides = list(Presentation(str(exported[name])).slides)
    comparison = next(s for s in slides if s.shapes.title.text == "Two responses to the coup")
    columns = sorted(
        (shape for shape in comparison.placeholders if shape.placeholder_format.idx in (1, 2)),
        key=lambda s: s.left,
    )
    assert [c.text_frame.paragraphs[0].text.replace("\u00a0", " ") for c in columns] == [
        "1,500 troops in the Sahel",
        "1,000 personnel for drone operations",
    ]
    image = next(s for s in slides if s.shapes.title.text == "Niger and the Sahel")
    picture = next(
        shape
        for shape in image.shapes
        if shape.shape_type == MSO_SHAPE_TYPE.PLACEHOLDER
        and shape.placeholder_format.type == PP_PLACEHOLDER.PICTURE
    )
    assert abs(picture.width / picture.height - 1600 / 1000) < 0.01
    caption = next(shape for shape in image.placeholders if shape.placeholder_format.idx == 2)
    assert caption.text_frame.text.startswith("Schematic, not to scale")


@pytest.mark.parametrize("name", NAMES)
def test_footer_and_slide_number_go_into_the_footer_placeholders(
    name: str, exported: dict[str, Path]
) -> None:
    slide = Presentation(str(exported[name])).slides[1]
    kinds_of = {shape.placeholder_format.type: shape for shape in slide.placeholders}
    assert kinds_of[PP_PLACEHOLDER.FOOTER].text_frame.text == "France, the US and NATO · Explained"
    assert kinds_of[PP_PLACEHOLDER.SLIDE_NUMBER].text_frame.text == "2"
    assert b'type="slidenum"' in slide.part.blob


def _reachable(package: zipfile.ZipFile) -> set[str]:
    """Every part reachable from the package relationships."""
    names = set(package.namelist())
    seen: set[str] = set()
    queue = [""]
    while queue:
        part = queue.pop()
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels not in names:
            continue
        for rel in etree.fromstring(package.read(rels)).iter(f"{REL_NS}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target")))
            assert target in names, f"{part} names a missing part {target}"
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def test_sample_slides_are_removed_without_a_trace(
    templates: dict[str, Path], exported: dict[str, Path]
) -> None:
    assert len(Presentation(str(templates["samples"])).slides) == 3
    blob = exported["samples"].read_bytes()
    package = zipfile.ZipFile(io.BytesIO(blob))
    assert len(Presentation(io.BytesIO(blob)).slides) == len(kinds(templates["samples"]))
    for name in package.namelist():
        assert SAMPLE_TEXT.encode() not in package.read(name), name
    presentation = package.read("ppt/presentation.xml")
    assert b"custShowLst" not in presentation and b"sectionLst" not in presentation
    parts = {n for n in package.namelist() if not n.endswith(".rels") and n != "[Content_Types].xml"}
    assert parts == _reachable(package), "orphan parts were saved"
    types = etree.fromstring(package.read("[Content_Types].xml"))
    overridden = {o.get("PartName").lstrip("/") for o in types if o.get("PartName")}
    assert overridden <= parts, f"content types for missing parts: {overridden - parts}"
    assert not any(name.startswith("docProps/thumbnail") for name in package.namelist())


def test_the_template_export_is_byte_for_byte_repeatable(templates: dict[str, Path], tmp_path: Path) -> None:
    first = deckbuilder.export(FLAGSHIP, tmp_path / "a.pptx", theme=str(templates["picture"])).read_bytes()
    second = deckbuilder.export(FLAGSHIP, tmp_path / "b.pptx", theme=str(templates["picture"])).read_bytes()
    assert first == second


@pytest.mark.parametrize("name", NAMES)
def test_slide_placeholders_each_name_one_of_their_layouts(name: str, exported: dict[str, Path]) -> None:
    for number, slide in enumerate(Presentation(str(exported[name])).slides, start=1):
        offered = {
            (ph.placeholder_format.type, ph.placeholder_format.idx) for ph in slide.slide_layout.placeholders
        }
        for shape in slide.placeholders:
            key = (shape.placeholder_format.type, shape.placeholder_format.idx)
            assert key in offered, f"slide {number}: {key} is not on layout {slide.slide_layout.name!r}"
        ids = [shape.shape_id for shape in slide.shapes]
        assert len(ids) == len(set(ids)), f"slide {number}: duplicate shape ids"


def test_the_outline_theme_may_name_a_template_beside_it(templates: dict[str, Path], tmp_path: Path) -> None:
    outline = tmp_path / "deck.yaml"
    (tmp_path / "corp").mkdir()
    (tmp_path / "corp" / "CORP.pptx").write_bytes(templates["libreoffice"].read_bytes())
    outline.write_text(
        "title: T\ntheme: corp/CORP.pptx\nlayouts: {comparison: 'Title, Content'}\nsections:\n"
        "  - title: S\n    divider: true\n    slides:\n      - kind: comparison\n        title: C\n"
        "        left: {heading: A, points: [a]}\n        right: {heading: B, points: [b]}\n",
        encoding="utf-8",
    )
    slides = Presentation(str(deckbuilder.export(outline, tmp_path / "deck.pptx"))).slides
    assert [slide.slide_layout.name for slide in slides] == ["Title Slide", "Title, Content"]


def test_a_potx_template_works_like_a_pptx(templates: dict[str, Path], tmp_path: Path) -> None:
    potx = tmp_path / "corp.potx"
    with zipfile.ZipFile(templates["default"]) as source, zipfile.ZipFile(potx, "w") as target:
        for info in source.infolist():
            blob = source.read(info)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b"presentationml.presentation.main", b"presentationml.template.main")
            target.writestr(info, blob)
    deck = Presentation(str(deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(potx))))
    assert deck.slides[0].slide_layout.name == "Title Slide"


@needs_pdftotext
def test_a_template_decks_pdf_keeps_every_word_in_its_placeholder(
    templates: dict[str, Path], tmp_path: Path
) -> None:
    theme = str(templates["picture"])
    pptx = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=theme)
    pdf = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pdf", theme=theme, fmt="pdf")
    outside = words_outside_their_boxes(pptx, pdf)
    assert not outside, "words drawn outside their boxes:\n" + "\n".join(outside[:30])
    title = [word for word in pdf_words(pdf)[0] if word.text in ("France-US", "Conundrum")]
    middle = (min(word.left for word in title) + max(word.right for word in title)) / 2
    assert abs(middle - 480) < 10, middle  # the template centres its title on the 960 pt page


def test_png_export_draws_the_templates_logo_and_bars(templates: dict[str, Path], tmp_path: Path) -> None:
    branded = branded_template(tmp_path / "branded.pptx")
    for theme, x_in, y_in, rgb in (
        (templates["picture"], 0.27, 6.97, (200, 130, 30)),  # the amber logo on the master
        (branded, 6.6, 7.4, (0x0B, 0x6E, 0x75)),  # the teal bar along the master's foot
    ):
        folder = deckbuilder.export(FLAGSHIP, tmp_path / theme.stem, theme=str(theme), fmt="png")
        image = QImage(str(folder / "slide-02.png"))
        pixel = image.pixelColor(round(x_in * image.width() / 13.333), round(y_in * image.height() / 7.5))
        assert (pixel.red(), pixel.green(), pixel.blue()) == rgb, theme.stem


def _tinted(path: Path) -> Path:
    """A 16:9 template whose master lays a half-transparent black band over the whole slide."""
    prs = Presentation()
    widen(prs)
    band = bar("Tint", 0, 0, Inches(13.333), Inches(7.5), "000000").replace(
        '<a:srgbClr val="000000"/>', '<a:srgbClr val="000000"><a:alpha val="50000"/></a:srgbClr>'
    )
    _add_master_shape(prs.slide_masters[0], band)
    prs.save(str(path))
    return path


def test_png_export_draws_a_see_through_band_as_a_tint_not_a_wall(tmp_path: Path) -> None:
    _tinted(tmp_path / "tint.pptx")
    folder = deckbuilder.export(FLAGSHIP, tmp_path / "out", theme=str(tmp_path / "tint.pptx"), fmt="png")
    image = QImage(str(folder / "slide-02.png"))
    pixel = image.pixelColor(round(0.1 * image.width() / 13.333), round(0.1 * image.height() / 7.5))
    assert 100 <= pixel.red() <= 156 and pixel.red() == pixel.green() == pixel.blue()  # half black on white


@needs_pdftotext
def test_a_see_through_band_leaves_a_pdf_s_pictures_opaque(tmp_path: Path) -> None:
    """Qt's PDF engine kept a see-through fill's opacity for the pictures drawn after it."""
    _tinted(tmp_path / "tint.pptx")
    pdf = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pdf", theme=str(tmp_path / "tint.pptx"), fmt="pdf")
    laid_out = layout(deckbuilder.load(FLAGSHIP), theme=str(tmp_path / "tint.pptx"))
    number, picture = next(
        (n, box) for n, s in enumerate(laid_out.slides, 1) for box in s.boxes if isinstance(box, PictureBox)
    )
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", str(number), "-l", str(number), "-png", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    (page,) = tmp_path.glob("p*.png")
    with Image.open(page) as image:
        scale = image.width / laid_out.width
        box = (picture.x, picture.y, picture.x + picture.w, picture.y + picture.h)
        drawn = ImageStat.Stat(
            image.convert("RGB").crop(
                tuple(round(v * scale) + d for v, d in zip(box, (3, 3, -3, -3), strict=True))
            )
        ).mean
    with Image.open(picture.path) as source:
        own = ImageStat.Stat(source.convert("RGB")).mean
    assert all(abs(a - b) < 12 for a, b in zip(drawn, own, strict=True)), (drawn, own)


def test_pdf_export_refuses_a_template_whose_master_shows_text_it_cannot_draw(tmp_path: Path) -> None:
    classified = branded_template(tmp_path / "classified.pptx", text="OFFICIAL")
    refusal = "pdf export cannot draw some of the template's art yet (shape 'Classification'"
    with pytest.raises(deckbuilder.DeckError, match=re.escape(refusal)):
        deckbuilder.export(FLAGSHIP, tmp_path / "deck.pdf", theme=str(classified), fmt="pdf")
    assert not (tmp_path / "deck.pdf").exists()
    assert deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(classified)).exists()


def test_a_layouts_background_picture_and_logo_are_there_for_renderers_that_paint_them(
    templates: dict[str, Path],
) -> None:
    from deckbuilder.themes.templates import template_layout, template_picture

    layout = template_layout(templates["picture"], 0, 1)
    assert layout is not None and layout.background.part is not None
    assert template_picture(templates["picture"], layout.background.part).startswith(b"\x89PNG")
    (logo,) = layout.decorations
    assert logo.kind == "picture" and logo.name == "Logo" and logo.part is not None
    assert template_picture(templates["picture"], logo.part).startswith(b"\x89PNG")
    default = template_layout(templates["default"], 0, 1)
    assert default is not None and default.background.part is None and not default.decorations


def test_the_layout_lists_what_the_template_lacked_for_the_kinds_used(templates: dict[str, Path]) -> None:
    notes = layout(deckbuilder.load(FLAGSHIP), theme=str(templates["libreoffice"])).notes
    assert len(notes) == 2 and all(note.startswith("libreoffice.pptx: no ") for note in notes)
    assert not layout(deckbuilder.load(FLAGSHIP), theme=str(templates["default"])).notes


def test_the_preview_paints_a_templates_background_picture(templates: dict[str, Path]) -> None:
    from deckbuilder.pipeline import layout
    from deckbuilder.render.qt import slide_image

    laid_out = layout(deckbuilder.load(FLAGSHIP), theme=str(templates["picture"]))
    image = slide_image(laid_out.slides[1], laid_out, 400)
    band = image.pixelColor(5, 5)  # the picture's dark title band, not the flat background colour
    assert band.lightness() < 80, band.name()
    assert band.name().upper().lstrip("#") != laid_out.slides[1].background.upper()
