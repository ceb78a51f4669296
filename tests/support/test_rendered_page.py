"""The corpus checks on crafted pages: each catches its bad case and passes its good one."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.util import Pt

from support.crafted_templates import busy_photo
from support.office import Box, needs_pdftotext
from support.rendered_page import (
    BODY_CONTRAST,
    BUSY_SPREAD,
    LARGE_CONTRAST,
    Line,
    Page,
    blended,
    broken_words,
    contrast,
    legibility,
    otsu,
    outline_words,
    read_pages,
    readability,
    render_pages,
    template_numbers,
    template_words,
    words_outside,
)

FONT = ImageFont.load_default(size=28)


def word_image(
    ink: tuple[int, int, int], paper: Image.Image | tuple[int, int, int], text: str = "Sahel"
) -> Image.Image:
    """A word's box as a renderer would draw it: text in ink on paper (a colour or a picture)."""
    image = paper.copy() if isinstance(paper, Image.Image) else Image.new("RGB", (110, 36), paper)
    ImageDraw.Draw(image).text((4, 2), text, fill=ink, font=FONT)
    return image


def tiny_pdf(path: Path, lines: list[str], *, step: float = 30) -> Path:
    """A one-page PDF (Helvetica, 24 pt) with the lines set one under the other, as a text box would."""
    text = " ".join(f"({line}) Tj 0 -{step} Td" for line in lines)
    return pdf_of(path, f"BT /F1 24 Tf 72 330 Td {text} ET".encode())


def styled_pdf(path: Path, runs: list[tuple[str, float, int, bool]]) -> Path:
    """A one-page PDF with one line per run: (text, size in points, grey level 0..255, bold)."""
    text = " ".join(
        f"BT /F{2 if bold else 1} {size:g} Tf {grey / 255:.4f} g 72 {330 - 60 * n} Td ({words}) Tj ET"
        for n, (words, size, grey, bold) in enumerate(runs)
    )
    return pdf_of(path, text.encode())


def pdf_of(path: Path, stream: bytes) -> Path:
    """A one-page PDF, 720 x 405 pt, drawing stream with Helvetica as /F1 and Helvetica-Bold as /F2."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 720 405] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    path.write_bytes(out.getvalue())
    return path


def test_contrast_is_wcag_s_ratio() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast((40, 90, 200), (40, 90, 200)) == 1


def test_otsu_splits_two_peaks_between_them() -> None:
    histogram = [0] * 256
    histogram[30], histogram[220] = 40, 400
    assert 30 <= otsu(histogram) < 220


def test_dark_words_on_white_are_legible_and_calm() -> None:
    seen = legibility(word_image((20, 20, 20), (255, 255, 255)))
    assert seen.contrast > 12
    assert seen.spread < 0.01


def test_light_grey_on_white_is_under_3_to_1() -> None:
    seen = legibility(word_image((190, 190, 190), (255, 255, 255)))
    assert seen.contrast < LARGE_CONTRAST
    assert seen.spread < BUSY_SPREAD


def test_a_word_the_colour_of_its_background_has_no_contrast() -> None:
    assert legibility(word_image((0, 60, 120), (0, 60, 120))).contrast == pytest.approx(1)


def test_white_on_a_dark_band_is_legible() -> None:
    assert legibility(word_image((255, 255, 255), (31, 42, 68))).contrast > 10


def test_a_word_on_a_busy_photo_is_flagged_busy() -> None:
    photo = Image.open(io.BytesIO(busy_photo())).convert("RGB").crop((300, 300, 410, 336))
    assert legibility(word_image((255, 255, 255), photo)).spread > BUSY_SPREAD


def test_readability_names_each_bad_word_on_its_page(tmp_path: Path) -> None:
    image = Image.new("RGB", (400, 100), (255, 255, 255))
    image.paste(word_image((20, 20, 20), (255, 255, 255), "Niger"), (0, 0))
    image.paste(word_image((200, 200, 200), (255, 255, 255), "Sahel"), (150, 0))
    photo = Image.open(io.BytesIO(busy_photo())).convert("RGB").crop((300, 300, 410, 336))
    image.paste(word_image((255, 255, 255), photo, "Paris"), (0, 50))
    path = tmp_path / "page-1.ppm"
    image.save(path)
    words = (Box(0, 0, 110, 36, "Niger"), Box(150, 0, 260, 36, "Sahel"), Box(0, 50, 110, 86, "Paris"))
    page = Page(400, 100, (Line(0, words),))  # one point a pixel
    seen = readability([page], [path])
    assert [message.split(" contrast")[0] for message in seen.low_contrast] == [
        "slide 1: 'Sahel' at (150, 0)"
    ]
    assert [message.split(" on a")[0] for message in seen.busy] == ["slide 1: 'Paris' at (0, 50)"]


def test_outline_words_are_its_words() -> None:
    assert outline_words("Washington's 'pivot to Asia': 1,500 troops — Indo-Pacific") == {
        "Washington's",
        "pivot",
        "to",
        "Asia",
        "troops",
        "Indo-Pacific",
    }


def page_of(*lines: list[str], blocks: list[int] | None = None) -> Page:
    """A page whose lines hold these words (positions do not matter to the broken-word check)."""
    numbers = blocks or [0] * len(lines)
    return Page(
        720,
        405,
        tuple(
            Line(n, tuple(Box(0, 0, 1, 1, w) for w in line)) for n, line in zip(numbers, lines, strict=True)
        ),
    )


def test_a_word_split_across_two_lines_is_broken() -> None:
    vocabulary = {"Washington", "sees", "Paris"}
    found = broken_words([page_of(["Paris", "sees", "Washing"], ["ton", "as"])], vocabulary)
    assert found == ["slide 1: 'Washington' broken as 'Washing' / 'ton'"]


def test_two_words_that_join_into_a_third_are_not_broken() -> None:
    vocabulary = {"in", "to", "into"}
    assert broken_words([page_of(["go", "in"], ["to", "it"])], vocabulary) == []


def test_lines_of_different_blocks_or_a_capital_are_not_broken() -> None:
    vocabulary = {"Washington", "Tonga"}
    assert broken_words([page_of(["Washing"], ["ton"], blocks=[0, 1])], vocabulary) == []
    assert broken_words([page_of(["Washing"], ["Ton"])], {"WashingTon"}) == []


@needs_pdftotext
def test_read_pages_keeps_a_text_box_s_lines_in_one_block(tmp_path: Path) -> None:
    pages = read_pages(tiny_pdf(tmp_path / "broken.pdf", ["Paris now sees Washing", "ton as a risk"]))
    assert (pages[0].width, pages[0].height) == (720, 405)
    assert [[word.text for word in line.words] for line in pages[0].lines] == [
        ["Paris", "now", "sees", "Washing"],
        ["ton", "as", "a", "risk"],
    ]
    assert broken_words(pages, outline_words("Paris now sees Washington as a risk")) == [
        "slide 1: 'Washington' broken as 'Washing' / 'ton'"
    ]


def test_a_word_outside_the_shape_holding_its_text_is_named(tmp_path: Path) -> None:
    prs = Presentation()  # 720 x 540 pt
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(Pt(72), Pt(72), Pt(200), Pt(50))
    box.text_frame.text = "Niger coup"
    deck = tmp_path / "deck.pptx"
    prs.save(str(deck))
    # The page is half the slide's size: the box lies at (36, 36)-(136, 61) on it.
    words = (Box(40, 40, 80, 55, "Niger"), Box(150, 40, 180, 55, "coup"), Box(200, 200, 230, 215, "stray"))
    assert words_outside(deck, [Page(360, 270, (Line(0, words),))]) == [
        "slide 1: 'coup' outside its box at (150, 40)",
        "slide 1: 'stray' outside its box at (200, 200)",
    ]


def test_a_word_off_the_slide_is_named_even_inside_its_shape(tmp_path: Path) -> None:
    prs = Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(Pt(-100), Pt(10), Pt(400), Pt(50))
    box.text_frame.text = "Key Takeaways"
    deck = tmp_path / "deck.pptx"
    prs.save(str(deck))
    words = (Box(-90, 20, -20, 50, "Key"), Box(0, 20, 120, 50, "Takeaways"))
    assert words_outside(deck, [Page(720, 540, (Line(0, words),))]) == [
        "slide 1: 'Key' off the slide at (-90, 20)"
    ]


def test_the_template_s_own_words_are_not_the_deck_s(tmp_path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    slide.shapes.add_textbox(Pt(72), Pt(72), Pt(200), Pt(50)).text_frame.text = "Niger Confidential"
    label = (
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<p:nvSpPr><p:cNvPr id="90" name="Label"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="300000"/></a:xfrm></p:spPr>'
        "<p:txBody><a:bodyPr/><a:p><a:r><a:t>Confidential ModifyMe</a:t></a:r></a:p></p:txBody></p:sp>"
    )
    slide.slide_layout.shapes._spTree.append(etree.fromstring(label))
    deck = tmp_path / "deck.pptx"
    prs.save(str(deck))
    assert template_words(deck) == [{"ModifyMe"}]
    path = tmp_path / "page-1.ppm"
    word_image((230, 230, 230), (255, 255, 255), "ModifyMe").save(path)
    page = Page(110, 36, (Line(0, (Box(0, 0, 110, 36, "ModifyMe"),)),))
    assert readability([page], [path]).low_contrast == [
        "slide 1: 'ModifyMe' at (0, 0) contrast 1.2:1, under 4.5:1 for text of unknown size"
    ]
    assert readability([page], [path], template_words(deck)).low_contrast == []


def test_a_template_s_number_field_holds_the_slide_s_number(tmp_path: Path) -> None:
    prs = Presentation()  # 720 x 540 pt
    for _ in range(2):  # each slide's own text holds the digits too: the owner is the field, not it
        box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(Pt(72), Pt(72), Pt(200), Pt(50))
        box.text_frame.text = "1 2"
    number = (
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<p:nvSpPr><p:cNvPr id="91" name="Number"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="8229600" y="6096000"/><a:ext cx="635000" cy="381000"/></a:xfrm></p:spPr>'
        '<p:txBody><a:bodyPr/><a:p><a:fld id="{1E3A7294-387A-4596-BA23-90676B996C76}" type="slidenum">'
        "<a:t>&lt;number&gt;</a:t></a:fld></a:p></p:txBody></p:sp>"
    )
    prs.slide_masters[0].shapes._spTree.append(etree.fromstring(number))
    deck = tmp_path / "deck.pptx"
    prs.save(str(deck))
    # The field's box lies at (648, 480)-(698, 510); each page draws its own number in it.
    pages = [Page(720, 540, (Line(0, (Box(660, 485, 672, 500, str(n)),)),)) for n in (1, 2)]
    assert words_outside(deck, pages) == []
    stray = [Page(720, 540, (Line(0, (Box(400, 300, 412, 315, "2"),)),)) for _ in (1, 2)]
    assert words_outside(deck, stray) == [
        "slide 1: '2' outside its box at (400, 300)",
        "slide 2: '2' outside its box at (400, 300)",
    ]


GREY_3_5 = 137
"""The grey that is 3.5:1 on white: between WCAG's floors for large text (3:1) and other text (4.5:1)."""
GREY_5 = 111
"""The grey that is 5:1 on white."""


def test_the_greys_are_the_contrasts_they_stand_for() -> None:
    assert contrast((GREY_3_5,) * 3, (255, 255, 255)) == pytest.approx(3.5, abs=0.05)
    assert contrast((GREY_5,) * 3, (255, 255, 255)) == pytest.approx(5, abs=0.05)
    assert LARGE_CONTRAST < 3.5 < BODY_CONTRAST < 5


@needs_pdftotext
def test_the_contrast_a_word_needs_follows_its_size_and_weight(tmp_path: Path) -> None:
    runs = [
        ("Small grey", 12, GREY_3_5, False),
        ("Large grey", 24, GREY_3_5, False),
        ("Small dark", 12, GREY_5, False),
        ("Bold grey", 14, GREY_3_5, True),
        ("Plain grey", 14, GREY_3_5, False),
    ]
    pdf = styled_pdf(tmp_path / "sizes.pdf", runs)
    pages = read_pages(pdf)
    low = readability(pages, render_pages(pdf, tmp_path / "pages")).low_contrast
    assert [message.split(" at (")[0] for message in low] == [
        "slide 1: 'Small'",
        "slide 1: 'grey'",
        "slide 1: 'Plain'",
        "slide 1: 'grey'",
    ]
    assert re.search(r"contrast 3\.[45]:1, under 4\.5:1 for 12 pt text$", low[0]), low[0]
    assert re.search(r"contrast 3\.[45]:1, under 4\.5:1 for 14 pt text$", low[2]), low[2]


@needs_pdftotext
def test_read_pages_gives_each_word_its_run_s_size_weight_and_colour(tmp_path: Path) -> None:
    pdf = styled_pdf(tmp_path / "runs.pdf", [("Sahel", 10, GREY_5, False), ("Niger", 14, 0, True)])
    page = read_pages(pdf)[0]
    runs = [page.run_of(word) for word in page.words]
    assert [(run.size, run.bold, run.colour, run.large) for run in runs if run] == [
        (10, False, (GREY_5,) * 3, False),
        (14, True, (0, 0, 0), True),
    ]


def test_small_ink_thinned_by_anti_aliasing_is_the_colour_drawn() -> None:
    drawn, paper = (90, 100, 114), (255, 255, 255)
    assert blended((113, 122, 134), paper, drawn)  # 10 pt #5A6472 on white, as read at 100 dpi
    assert not blended((255, 255, 255), (100, 100, 100), (76, 76, 76))  # light ink: not the dark drawn
    assert not blended((200, 60, 60), paper, drawn)  # another hue
    assert not blended((240, 240, 240), paper, drawn)  # barely inked: not shown to be that colour


def test_a_slide_number_the_template_draws_itself_is_the_template_s(tmp_path: Path) -> None:
    prs = Presentation()  # 720 x 540 pt
    prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(Pt(10), Pt(10), Pt(100), Pt(40))
    disc = (
        '<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<p:nvSpPr><p:cNvPr id="90" name="Disc number"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="7620000" y="5080000"/><a:ext cx="1270000" cy="1270000"/></a:xfrm></p:spPr>'
        '<p:txBody><a:bodyPr/><a:p><a:fld id="{C777AF56-2813-40CB-946C-011A4534A43F}" type="slidenum">'
        "<a:t>&lt;number&gt;</a:t></a:fld></a:p></p:txBody></p:sp>"
    )
    prs.slide_masters[0].shapes._spTree.append(etree.fromstring(disc))
    deck = tmp_path / "deck.pptx"
    prs.save(str(deck))
    theirs, ours = Box(610, 410, 630, 430, "1"), Box(0, 0, 110, 36, "1")  # the disc: (600, 400)-(700, 500)
    page = Page(720, 540, (Line(0, (ours, theirs)),))
    assert template_numbers(deck, [page]) == [[Box(600, 400, 700, 500, "<number> 1")]]
    image = Image.new("RGB", (720, 540), (255, 255, 255))
    image.paste(word_image((230, 230, 230), (255, 255, 255), "1"), (0, 0))
    image.paste(word_image((230, 230, 230), (255, 255, 255), "1").crop((0, 0, 20, 20)), (610, 410))
    image.save(tmp_path / "page-1.ppm")
    low = readability([page], [tmp_path / "page-1.ppm"], numbers=template_numbers(deck, [page])).low_contrast
    assert [message.split(" contrast")[0] for message in low] == ["slide 1: '1' at (0, 0)"]
