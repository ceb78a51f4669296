"""Decks as another office suite draws them: LibreOffice renders every word inside its own box."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

import deckbuilder

ROOT = Path(__file__).resolve().parents[2]
DECKS = [ROOT / "decks" / "france-us-conundrum.yaml", ROOT / "tests" / "data" / "good" / "torture.yaml"]
EMU_PER_PT = 12700
TOLERANCE_PT = 3.0

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (soffice) and poppler (pdftotext); .ci/run installs them",
)


@dataclass(frozen=True)
class Frame:
    """A shape's box on the page, in points, and the text it holds."""

    left: float
    top: float
    right: float
    bottom: float
    text: str | None
    """None for a chart, whose labels are not shape text."""

    def holds(self, word: Word) -> bool:
        """Whether the word's box lies inside this frame, give or take the tolerance."""
        return (
            word.left >= self.left - TOLERANCE_PT
            and word.right <= self.right + TOLERANCE_PT
            and word.top >= self.top - TOLERANCE_PT
            and word.bottom <= self.bottom + TOLERANCE_PT
        )


@dataclass(frozen=True)
class Word:
    """A word as drawn on a PDF page."""

    left: float
    top: float
    right: float
    bottom: float
    text: str


def shape_frames(pptx_path: Path) -> list[list[Frame]]:
    """Every slide's shapes as frames, with their text (tables and charts as one frame each)."""
    slides: list[list[Frame]] = []
    for slide in Presentation(str(pptx_path)).slides:
        frames: list[Frame] = []
        for shape in slide.shapes:
            text: str | None = ""
            if shape.has_chart:
                text = None
            elif shape.has_text_frame:
                text = shape.text_frame.text
            elif shape.has_table:
                text = " ".join(cell.text for row in shape.table.rows for cell in row.cells)
            left, top = shape.left / EMU_PER_PT, shape.top / EMU_PER_PT
            frames.append(
                Frame(left, top, left + shape.width / EMU_PER_PT, top + shape.height / EMU_PER_PT, text)
            )
        slides.append(frames)
    return slides


def pdf_words(pdf_path: Path) -> list[list[Word]]:
    """Every page's words with their boxes, from `pdftotext -bbox`."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages: list[list[Word]] = []
    for page in re.split(r"<page ", out)[1:]:
        words = [
            Word(float(a), float(b), float(c), float(d), html.unescape(text))
            for a, b, c, d, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page
            )
        ]
        pages.append(words)
    return pages


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    exported = [deckbuilder.export(deck, folder / f"{deck.stem}.pptx") for deck in DECKS]
    profile = folder / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, exported),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return [(pptx, pptx.with_suffix(".pdf")) for pptx in exported]


@pytest.mark.parametrize("index", range(len(DECKS)), ids=[deck.stem for deck in DECKS])
def test_libreoffice_draws_one_page_per_slide(rendered: list[tuple[Path, Path]], index: int) -> None:
    pptx, pdf = rendered[index]
    assert len(pdf_words(pdf)) == len(Presentation(str(pptx)).slides)


@pytest.mark.parametrize("index", range(len(DECKS)), ids=[deck.stem for deck in DECKS])
def test_every_word_is_drawn_inside_the_box_that_holds_it(
    rendered: list[tuple[Path, Path]], index: int
) -> None:
    pptx, pdf = rendered[index]
    outside: list[str] = []
    for number, (frames, words) in enumerate(zip(shape_frames(pptx), pdf_words(pdf), strict=True), start=1):
        for word in words:
            owners = [f for f in frames if f.text is None or word.text in f.text] or frames
            if not any(frame.holds(word) for frame in owners):
                outside.append(f"slide {number}: {word.text!r} at ({word.left:.0f}, {word.top:.0f})")
    assert not outside, "words drawn outside their boxes:\n" + "\n".join(outside[:30])


def test_every_outline_word_reaches_the_page(rendered: list[tuple[Path, Path]]) -> None:
    _, pdf = rendered[0]
    drawn = {word.text for page in pdf_words(pdf) for word in page}
    deck = deckbuilder.load(DECKS[0])
    expected = {"Sahel", "Bazoum", "AUKUS", "Afghanistan", "Indo-Pacific", "1,500", "1,000"}
    assert expected <= drawn, expected - drawn
    assert deck.title.split()[0] in drawn
