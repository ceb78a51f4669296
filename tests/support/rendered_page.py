"""A deck as LibreOffice drew it, measured as a reader sees it: words, their boxes, their ink and background.

Pages come from `pdftotext -bbox-layout` (words in points, grouped in lines and blocks), `pdftohtml
-xml` (the runs of text in one face: their size, weight and colour as the PDF sets them) and
`pdftoppm` (pixels); shapes from the .pptx with python-pptx. Each check returns one message per
offending word, so a test can show what a person would notice.
"""

from __future__ import annotations

import math
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree
from PIL import Image, ImageChops, ImageFilter, ImageStat
from pptx import Presentation

from support.office import Box

EMU_PER_PT = 12700
BODY_CONTRAST = 4.5
"""WCAG's floor (AA) for text under large size."""
LARGE_CONTRAST = 3.0
"""WCAG's floor (AA) for large text: 18 pt and over, or 14 pt and over in bold."""
BUSY_SPREAD = 0.06
"""Standard deviation of the background's luma (0..1) past which a word sits on a busy picture."""
BLEND_FROM = 0.5
"""How far from the paper towards a word's colour its measured ink must lie to be that colour, thinned."""
BLEND_SLACK = 16.0
"""How far (in 0..255 RGB levels) measured ink may lie off the line from paper to colour and be on it."""
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    """One line of words as pdftotext reads it, with the number of the block (paragraph run) holding it."""

    block: int
    words: tuple[Box, ...]


@dataclass(frozen=True)
class Run:
    """A stretch of text set in one face, as the PDF draws it: its box and size in points, weight, colour."""

    box: Box
    size: float
    bold: bool
    colour: tuple[int, int, int]

    @property
    def large(self) -> bool:
        """Whether WCAG counts it as large text: 18 pt and over, or 14 pt and over in bold."""
        return self.size >= 18 - SIZE_SLACK or (self.bold and self.size >= 14 - SIZE_SLACK)


SIZE_SLACK = 0.2
"""Points a run's size may fall short of a WCAG bound and still meet it (pdftohtml rounds to 1/3 pt)."""


@dataclass(frozen=True)
class Page:
    """One rendered page: its size in points, its lines of words and its runs of text in one face."""

    width: float
    height: float
    lines: tuple[Line, ...]
    runs: tuple[Run, ...] = ()

    @property
    def words(self) -> list[Box]:
        """Every word on the page in reading order."""
        return [word for line in self.lines for word in line.words]

    def run_of(self, word: Box) -> Run | None:
        """The run that covers most of a word's box (None when none touches it)."""
        best, most = None, 0.0
        for run in self.runs:
            width = min(word.right, run.box.right) - max(word.left, run.box.left)
            height = min(word.bottom, run.box.bottom) - max(word.top, run.box.top)
            if width > 0 and height > 0 and width * height > most:
                best, most = run, width * height
        return best


def read_runs(pdf: Path, widths: Sequence[float]) -> list[tuple[Run, ...]]:
    """Every page's runs of text in one face, from `pdftohtml -xml`, in points (pages as wide as widths).

    Zoomed threefold (pdftohtml's most), its whole-number sizes and positions are good to 1/3 pt.
    """
    out = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-q", "-stdout", "-zoom", "3", str(pdf)],
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, no_network=True, resolve_entities=False))
    fonts: dict[str, tuple[float, bool, tuple[int, int, int]]] = {}
    pages = []
    for page, width in zip(root.iter("page"), widths, strict=False):
        sizes = float(page.get("width", 0)) / width if width else 1.0
        for spec in page.iter("fontspec"):
            colour = spec.get("color", "#000000").lstrip("#")
            fonts[spec.get("id", "")] = (
                float(spec.get("size", 0)) / sizes,
                bool(re.search("bold|black|heavy", spec.get("family", ""), re.IGNORECASE)),
                (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)),
            )
        runs = []
        for text in page.iter("text"):
            size, bold, colour = fonts.get(text.get("font", ""), (0.0, False, (0, 0, 0)))
            left, top = float(text.get("left", 0)) / sizes, float(text.get("top", 0)) / sizes
            right = left + float(text.get("width", 0)) / sizes
            bottom = top + float(text.get("height", 0)) / sizes
            bold = bold or text.find(".//b") is not None
            runs.append(Run(Box(left, top, right, bottom, "".join(text.itertext())), size, bold, colour))
        pages.append(tuple(runs))
    return pages


def read_pages(pdf: Path) -> list[Page]:
    """Every page's words, lines and blocks, from `pdftotext -bbox-layout`, with its runs of text."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, timeout=120
    ).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, no_network=True, resolve_entities=False))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        lines = []
        for number, block in enumerate(page.iter(f"{XHTML}block")):
            for line in block.iter(f"{XHTML}line"):
                words = tuple(
                    Box(*(float(word.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")), word.text or "")
                    for word in line.iter(f"{XHTML}word")
                )
                lines.append(Line(number, words))
        pages.append(Page(float(page.get("width", 0)), float(page.get("height", 0)), tuple(lines)))
    runs = read_runs(pdf, [page.width for page in pages])
    return [replace(page, runs=runs[n] if n < len(runs) else ()) for n, page in enumerate(pages)]


def _shape_box(shape: object, scale: float, number: int = 0) -> Box:
    text: str | None = ""
    if getattr(shape, "has_chart", False):
        text = None  # a chart's labels are drawn from its data, not from shape text
    elif getattr(shape, "has_text_frame", False):
        text = shape.text_frame.text  # type: ignore[attr-defined]
        if shape.element.xpath(".//a:fld[@type='slidenum']"):  # type: ignore[attr-defined]
            text = f"{text} {number}"  # a number field shows the slide's number, not its stored text
    elif getattr(shape, "has_table", False):
        text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)  # type: ignore[attr-defined]
    left, top = (shape.left or 0) * scale, (shape.top or 0) * scale  # type: ignore[attr-defined]
    width, height = (shape.width or 0) * scale, (shape.height or 0) * scale  # type: ignore[attr-defined]
    return Box(left, top, left + width, top + height, text)


def slide_boxes(pptx: Path, pages: Sequence[Page]) -> list[list[Box]]:
    """Each slide's shapes in the page's points: its own, and the text its layout and master draw."""
    prs = Presentation(str(pptx))
    slides = []
    for number, (slide, page) in enumerate(zip(prs.slides, pages, strict=False), start=1):
        scale = page.width / int(prs.slide_width or 1) if page.width else 1 / EMU_PER_PT
        shapes = list(slide.shapes)
        for part in (slide.slide_layout, slide.slide_layout.slide_master):
            shapes += [
                s for s in part.shapes if not s.is_placeholder and s.has_text_frame and s.text_frame.text
            ]
        slides.append([_shape_box(shape, scale, number) for shape in shapes])
    return slides


def template_words(pptx: Path) -> list[set[str]]:
    """Per slide, the words only its layout's and master's own text draws: the template's, not the deck's."""
    slides = []
    for slide in Presentation(str(pptx)).slides:
        own = {
            word for shape in slide.shapes if shape.has_text_frame for word in shape.text_frame.text.split()
        }
        drawn = {
            word
            for part in (slide.slide_layout, slide.slide_layout.slide_master)
            for shape in part.shapes
            if not shape.is_placeholder and shape.has_text_frame
            for word in shape.text_frame.text.split()
        }
        slides.append(drawn - own)
    return slides


def template_numbers(pptx: Path, pages: Sequence[Page]) -> list[list[Box]]:
    """Per slide, where its layout and master draw a slide number of their own (a field in a text box).

    The number drawn there is the template's, like its other words, but it is the deck's number too:
    only its place tells it from the deck's own slide number.
    """
    prs = Presentation(str(pptx))
    slides = []
    for number, (slide, page) in enumerate(zip(prs.slides, pages, strict=False), start=1):
        scale = page.width / int(prs.slide_width or 1) if page.width else 1 / EMU_PER_PT
        slides.append(
            [
                _shape_box(shape, scale, number)
                for part in (slide.slide_layout, slide.slide_layout.slide_master)
                for shape in part.shapes
                if not shape.is_placeholder and shape.has_text_frame and _SLIDE_NUMBER(shape._element)
            ]
        )
    return slides


_SLIDE_NUMBER = etree.XPath(
    ".//a:fld[@type='slidenum']", namespaces={"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
)


def words_outside(pptx: Path, pages: Sequence[Page]) -> list[str]:
    """Every word drawn off the slide, or outside the shape whose text holds it (any shape, if none does)."""
    messages = []
    for number, (boxes, page) in enumerate(zip(slide_boxes(pptx, pages), pages, strict=False), start=1):
        slide = Box(0, 0, page.width, page.height, None)
        for word in page.words:
            owners = [b for b in boxes if b.text is None or (word.text or "") in b.text] or boxes
            if not slide.holds(word):
                messages.append(
                    f"slide {number}: {word.text!r} off the slide at ({word.left:.0f}, {word.top:.0f})"
                )
            elif not any(box.holds(word) for box in owners):
                messages.append(
                    f"slide {number}: {word.text!r} outside its box at ({word.left:.0f}, {word.top:.0f})"
                )
    return messages


def outline_words(text: str) -> set[str]:
    """The words (letters, inner apostrophes and hyphens) of an outline's text."""
    return set(re.findall(r"[^\W\d_](?:[\w'’-]*[^\W\d_])?", text))


def _strip(word: str) -> str:
    return re.sub(r"^[^\w]+|[^\w]+$", "", word)


def broken_words(pages: Sequence[Page], vocabulary: set[str]) -> list[str]:
    """Every word of the outline split across two lines of one block ("Washing" / "ton")."""
    messages = []
    for number, page in enumerate(pages, start=1):
        for above, below in zip(page.lines, page.lines[1:], strict=False):
            if above.block != below.block or not above.words or not below.words:
                continue
            head, tail = above.words[-1].text or "", below.words[0].text or ""
            if not (head[-1:].isalpha() and tail[:1].islower()):
                continue
            left, right = _strip(head), _strip(tail)
            if left + right in vocabulary and not (left in vocabulary and right in vocabulary):
                messages.append(f"slide {number}: {left + right!r} broken as {head!r} / {tail!r}")
    return messages


def render_pages(pdf: Path, folder: Path, dpi: int = 100) -> list[Path]:
    """The PDF's pages as images (uncompressed PPM: PNG encoding costs ten times the drawing)."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), str(pdf), str(folder / "page")], check=True, timeout=600)
    return sorted(folder.glob("page*.ppm"), key=lambda p: int(re.findall(r"\d+", p.stem)[-1]))


def _linear(channel: float) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(rgb: Sequence[float]) -> float:
    """WCAG relative luminance of an sRGB colour (0..255 channels)."""
    r, g, b = (_linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: Sequence[float], second: Sequence[float]) -> float:
    """WCAG contrast ratio of two sRGB colours (1 to 21)."""
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def otsu(histogram: Sequence[int]) -> int:
    """The grey level splitting a 256-bin histogram into two classes of least spread (Otsu)."""
    total = sum(histogram)
    weighted = sum(level * count for level, count in enumerate(histogram))
    best, threshold, below, below_sum = -1.0, 0, 0, 0.0
    for level in range(256):
        below += histogram[level]
        below_sum += level * histogram[level]
        above = total - below
        if below == 0 or above == 0:
            continue
        between = below * above * (below_sum / below - (weighted - below_sum) / above) ** 2
        if between > best:
            best, threshold = between, level
    return threshold


@dataclass(frozen=True)
class Legibility:
    """A word's ink against its background: their contrast, and how busy the background is (luma spread)."""

    contrast: float
    spread: float
    ink: tuple[float, ...] = (0.0, 0.0, 0.0)
    paper: tuple[float, ...] = (0.0, 0.0, 0.0)


def _mask(grey: Image.Image, keep: object) -> Image.Image:
    return grey.point([255 if keep(v) else 0 for v in range(256)])  # type: ignore[operator]


def blended(ink: Sequence[float], paper: Sequence[float], colour: Sequence[float]) -> bool:
    """Whether an ink measured on paper is that colour thinned by the paper, as anti-aliasing thins it.

    Small text at 100 dpi has strokes a pixel or two wide, few of them fully inked: its measured ink
    lies between the colour drawn and the paper (10 pt grey #5A6472 on white reads #717A86, 4.4:1
    for 6.0:1). Such ink lies on the line from the paper to the colour, past BLEND_FROM of the way.
    """
    span = [c - p for c, p in zip(colour, paper, strict=True)]
    along = [i - p for i, p in zip(ink, paper, strict=True)]
    length = sum(v * v for v in span)
    if length < 1:
        return False
    share = sum(a * v for a, v in zip(along, span, strict=True)) / length
    off = math.dist(along, [share * v for v in span])
    return BLEND_FROM <= share <= 1 + BLEND_FROM / 10 and off <= BLEND_SLACK


def legibility(crop: Image.Image, colour: Sequence[float] | None = None) -> Legibility:
    """Split a word's box into ink and background on luma (Otsu) and measure the two.

    Ink is the smaller class; its colour the more extreme half of it (anti-aliased edges lie between),
    or the colour the PDF draws the word in (when given), where the ink measured is that colour
    blended with the paper. The background is the rest, less a one-pixel ring around the ink, so
    glyph edges do not read as a busy picture.
    """
    rgb = crop.convert("RGB")
    grey = rgb.convert("L")
    histogram = grey.histogram()
    threshold = otsu(histogram)
    dark = sum(histogram[: threshold + 1])
    dark_ink = dark <= sum(histogram) - dark
    ink_levels = range(threshold + 1) if dark_ink else range(threshold + 1, 256)
    ink_count = sum(histogram[v] for v in ink_levels)
    if ink_count == 0:
        return Legibility(1.0, 0.0)
    seen, middle = 0, ink_levels[0]
    for level in ink_levels if dark_ink else reversed(ink_levels):
        seen += histogram[level]
        middle = level
        if seen * 2 >= ink_count:
            break
    ink = _mask(grey, (lambda v: v <= middle) if dark_ink else (lambda v: v >= middle))
    around = _mask(grey, (lambda v: v <= threshold) if dark_ink else (lambda v: v > threshold))
    background = ImageChops.invert(around.filter(ImageFilter.MaxFilter(3)))
    if not ImageStat.Stat(background).sum[0]:
        background = ImageChops.invert(around)
    ink_colour = ImageStat.Stat(rgb, ink).mean
    paper = ImageStat.Stat(rgb, background).mean
    spread = ImageStat.Stat(grey, background).stddev[0] / 255
    if colour is not None and blended(ink_colour, paper, colour):
        ink_colour = list(colour)
    return Legibility(contrast(ink_colour, paper), spread, tuple(ink_colour), tuple(paper))


def word_crop(image: Image.Image, page: Page, word: Box) -> Image.Image | None:
    """The pixels of a word's box on a page image (None when the box is empty or off the page)."""
    sx, sy = image.width / page.width, image.height / page.height
    left, top = max(0, round(word.left * sx)), max(0, round(word.top * sy))
    right, bottom = min(image.width, round(word.right * sx)), min(image.height, round(word.bottom * sy))
    if right - left < 2 or bottom - top < 2:
        return None
    return image.crop((left, top, right, bottom))


@dataclass(frozen=True)
class Readability:
    """The words of a deck drawn under WCAG's contrast for their size, and those on a busy background."""

    low_contrast: list[str]
    busy: list[str]


def _size(run: Run | None) -> str:
    if run is None:
        return "text of unknown size"
    return f"{round(run.size, 1):g} pt{' bold' if run.bold else ''} text"


def readability(
    pages: Sequence[Page],
    images: Iterable[Path],
    template: Sequence[set[str]] = (),
    numbers: Sequence[Sequence[Box]] = (),
) -> Readability:
    """Measure every word of every page against the pixels beneath it, less the template's own words.

    Those are the words its layouts' and masters' text draws, and anything in the boxes where they
    draw a slide number of their own.
    """
    low, busy = [], []
    for number, (page, path) in enumerate(zip(pages, images, strict=True), start=1):
        theirs = template[number - 1] if number <= len(template) else set()
        fields = numbers[number - 1] if number <= len(numbers) else ()
        with Image.open(path) as image:
            image.load()
            for word in page.words:
                if word.text in theirs or any(box.holds(word) for box in fields):
                    continue
                # A mark alone (·, |, “) is a few anti-aliased pixels: too small to split into ink and paper.
                crop = word_crop(image, page, word) if any(c.isalnum() for c in word.text or "") else None
                if crop is None:
                    continue
                run = page.run_of(word)
                seen = legibility(crop, run.colour if run is not None else None)
                where = f"slide {number}: {word.text!r} at ({word.left:.0f}, {word.top:.0f})"
                floor = LARGE_CONTRAST if run is not None and run.large else BODY_CONTRAST
                if seen.contrast < floor:
                    shown = math.floor(seen.contrast * 10) / 10  # 2.98 is not "3.0:1, under 3:1"
                    low.append(f"{where} contrast {shown:.1f}:1, under {floor:g}:1 for {_size(run)}")
                if seen.spread > BUSY_SPREAD:
                    busy.append(f"{where} on a busy background (spread {seen.spread:.2f})")
    return Readability(low, busy)
