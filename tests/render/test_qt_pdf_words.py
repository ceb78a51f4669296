"""Qt's PDF export draws every word inside the box the .pptx export gives the same text."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support.office import needs_pdftotext, words_outside_their_boxes

import deckbuilder

ROOT = Path(__file__).resolve().parents[2]
MARKUP = ROOT / "tests" / "data" / "rich" / "markup.yaml"
DECKS = [
    ROOT / "decks" / "france-us-conundrum.yaml",
    ROOT / "tests" / "data" / "good" / "torture.yaml",
    MARKUP,
]

pytestmark = needs_pdftotext


@pytest.mark.parametrize("deck", DECKS, ids=[deck.stem for deck in DECKS])
def test_every_word_of_the_pdf_is_inside_its_box(deck: Path, tmp_path: Path) -> None:
    pptx = deckbuilder.export(deck, tmp_path / "deck.pptx")
    pdf = deckbuilder.export(deck, tmp_path / "deck.pdf", fmt="pdf")
    outside = words_outside_their_boxes(pptx, pdf)
    assert not outside, "words drawn outside their boxes:\n" + "\n".join(outside[:30])


def test_the_pdf_draws_runs_not_markers_and_its_links_click(tmp_path: Path) -> None:
    pdf = deckbuilder.export(MARKUP, tmp_path / "deck.pdf", fmt="pdf")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "1,500 troops" in " ".join(text.split())
    assert not any(marker in text for marker in ("**", "`", "](", "\\"))
    assert "Escaped *asterisk* and _underscore_ stay literal" in text
    targets = set(re.findall(rb"/URI\s*\(([^)]*)\)", pdf.read_bytes()))
    assert {b"https://example.com/x", b"https://example.org/us", b"https://reuters.com/item"} <= targets
