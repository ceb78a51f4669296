"""Decks as LibreOffice draws them: convert to PDF, read each word's box, check it lies in its shape."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

EMU_PER_PT = 12700
TOLERANCE_PT = 3.0

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (soffice) and poppler (pdftotext); .ci/run installs them",
)

needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler (pdftotext); .ci/run installs it"
)


@dataclass(frozen=True)
class Box:
    """A box on the page in points, with the text it holds (None: a chart, whose labels are no shape text)."""

    left: float
    top: float
    right: float
    bottom: float
    text: str | None

    def holds(self, word: Box) -> bool:
        """Whether the word's box lies inside this one, give or take the tolerance."""
        return (
            word.left >= self.left - TOLERANCE_PT
            and word.right <= self.right + TOLERANCE_PT
            and word.top >= self.top - TOLERANCE_PT
            and word.bottom <= self.bottom + TOLERANCE_PT
        )


def shape_boxes(pptx: Path) -> list[list[Box]]:
    """Every slide's shapes (placeholders, tables and charts included) as boxes with their text."""
    slides = []
    for slide in Presentation(str(pptx)).slides:
        boxes = []
        for shape in slide.shapes:
            text: str | None = ""
            if shape.has_chart:
                text = None
            elif shape.has_text_frame:
                text = shape.text_frame.text
            elif shape.has_table:
                text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)
            left, top = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT
            boxes.append(
                Box(left, top, left + shape.width / EMU_PER_PT, top + shape.height / EMU_PER_PT, text)
            )
        slides.append(boxes)
    return slides


def pdf_words(pdf: Path) -> list[list[Box]]:
    """Every page's words with their boxes, from `pdftotext -bbox`."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
    return [
        [
            Box(float(a), float(b), float(c), float(d), html.unescape(t))
            for a, b, c, d, t in re.findall(pattern, page)
        ]
        for page in re.split(r"<page ", out)[1:]
    ]


def convert(files: Iterable[Path], folder: Path, target: str) -> None:
    """Convert documents to target (pdf, pptx) in folder with one LibreOffice run and a private profile."""
    profile = folder / "profile"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target]
    subprocess.run(
        [*command, "--outdir", str(folder), *map(str, files)], capture_output=True, check=True, timeout=900
    )


def convert_to_pdf(decks: Iterable[Path], folder: Path) -> None:
    """Convert .pptx files to PDF in folder with one LibreOffice run and a private profile."""
    convert(decks, folder, "pdf")


def words_outside_their_boxes(pptx: Path, pdf: Path) -> list[str]:
    """Every drawn word that lies outside the shapes whose text holds it (or any shape, if none does)."""
    slides, pages = shape_boxes(pptx), pdf_words(pdf)
    assert len(pages) == len(slides), f"{len(pages)} pages for {len(slides)} slides"
    outside = []
    for number, (boxes, words) in enumerate(zip(slides, pages, strict=True), start=1):
        for word in words:
            owners = [b for b in boxes if b.text is None or (word.text or "") in b.text] or boxes
            if not any(box.holds(word) for box in owners):
                outside.append(f"slide {number}: {word.text!r} at ({word.left:.0f}, {word.top:.0f})")
    return outside
