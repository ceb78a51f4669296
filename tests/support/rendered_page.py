"""A deck as LibreOffice drew it, measured as a reader sees it: words, their boxes, their ink and background.

Pages come from `pdftotext -bbox-layout` (words in points, grouped in lines and blocks) and
`pdftoppm` (pixels); shapes from the .pptx with python-pptx. Each check returns one message per
offending word, so a test can show what a person would notice.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from PIL import Image, ImageChops, ImageFilter, ImageStat
from pptx import Presentation

from support.office import Box

EMU_PER_PT = 12700
MIN_CONTRAST = 3.0
"""WCAG's floor for large text; anything a deck draws should clear it."""
BUSY_SPREAD = 0.06
"""Standard deviation of the background's luma (0..1) past which a word sits on a busy picture."""
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    """One line of words as pdftotext reads it, with the number of the block (paragraph run) holding it."""

    block: int
    words: tuple[Box, ...]


@dataclass(frozen=True)
class Page:
    """One rendered page: its size in points and its lines of words."""

    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def words(self) -> list[Box]:
        """Every word on the page in reading order."""
        return [word for line in self.lines for word in line.words]


def read_pages(pdf: Path) -> list[Page]:
    """Every page's words, lines and blocks, from `pdftotext -bbox-layout`."""
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
    return pages


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


def _mask(grey: Image.Image, keep: object) -> Image.Image:
    return grey.point([255 if keep(v) else 0 for v in range(256)])  # type: ignore[operator]


def legibility(crop: Image.Image) -> Legibility:
    """Split a word's box into ink and background on luma (Otsu) and measure the two.

    Ink is the smaller class; its colour the more extreme half of it (anti-aliased edges lie between).
    The background is the rest, less a one-pixel ring around the ink, so glyph edges do not read as
    a busy picture.
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
    return Legibility(contrast(ink_colour, paper), spread)


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
    """The words of a deck drawn under 3:1 contrast, and those drawn on a busy background."""

    low_contrast: list[str]
    busy: list[str]


def readability(
    pages: Sequence[Page], images: Iterable[Path], template: Sequence[set[str]] = ()
) -> Readability:
    """Measure every word of every page against the pixels beneath it, less the template's own words."""
    low, busy = [], []
    for number, (page, path) in enumerate(zip(pages, images, strict=True), start=1):
        theirs = template[number - 1] if number <= len(template) else set()
        with Image.open(path) as image:
            image.load()
            for word in page.words:
                if word.text in theirs:
                    continue
                # A mark alone (·, |, “) is a few anti-aliased pixels: too small to split into ink and paper.
                crop = word_crop(image, page, word) if any(c.isalnum() for c in word.text or "") else None
                if crop is None:
                    continue
                seen = legibility(crop)
                where = f"slide {number}: {word.text!r} at ({word.left:.0f}, {word.top:.0f})"
                if seen.contrast < MIN_CONTRAST:
                    low.append(f"{where} contrast {seen.contrast:.1f}:1")
                if seen.spread > BUSY_SPREAD:
                    busy.append(f"{where} on a busy background (spread {seen.spread:.2f})")
    return Readability(low, busy)
