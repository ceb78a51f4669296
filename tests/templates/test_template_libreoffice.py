"""Template exports as LibreOffice draws them: every word inside the box (placeholder or shape) holding it."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation
from template_fixtures import NAMES

EMU_PER_PT = 12700
TOLERANCE_PT = 3.0

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (soffice) and poppler (pdftotext); .ci/run installs them",
)


@dataclass(frozen=True)
class Box:
    """A box on the page in points, with the text it holds (None: a chart, which holds any label)."""

    left: float
    top: float
    right: float
    bottom: float
    text: str | None

    def holds(self, word: Box) -> bool:
        return (
            word.left >= self.left - TOLERANCE_PT
            and word.right <= self.right + TOLERANCE_PT
            and word.top >= self.top - TOLERANCE_PT
            and word.bottom <= self.bottom + TOLERANCE_PT
        )


def shape_boxes(pptx: Path) -> list[list[Box]]:
    """Every slide's shapes (placeholders included) as boxes with their text."""
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


@pytest.fixture(scope="module")
def rendered(exported: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each template export converted to PDF by LibreOffice (one soffice run for all)."""
    folder = tmp_path_factory.mktemp("template-pdf")
    profile = folder / "profile"
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*command, "--outdir", str(folder), *map(str, exported.values())],
        capture_output=True,
        check=True,
        timeout=600,
    )
    return {name: folder / f"{path.stem}.pdf" for name, path in exported.items()}


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_draws_every_word_inside_its_box(
    name: str, exported: dict[str, Path], rendered: dict[str, Path]
) -> None:
    slides, pages = shape_boxes(exported[name]), pdf_words(rendered[name])
    assert len(pages) == len(slides)
    outside = []
    for number, (boxes, words) in enumerate(zip(slides, pages, strict=True), start=1):
        for word in words:
            owners = [b for b in boxes if b.text is None or (word.text or "") in (b.text or "")] or boxes
            if not any(box.holds(word) for box in owners):
                outside.append(f"slide {number}: {word.text!r} at ({word.left:.0f}, {word.top:.0f})")
    assert not outside, "words drawn outside their boxes:\n" + "\n".join(outside[:30])


@pytest.mark.parametrize("name", NAMES)
def test_every_outline_word_reaches_the_page(name: str, rendered: dict[str, Path]) -> None:
    drawn = {word.text for page in pdf_words(rendered[name]) for word in page}
    assert {"Sahel", "Bazoum", "AUKUS", "Afghanistan", "Indo-Pacific", "1,500", "1,000"} <= drawn
