"""Qt's PDF export draws every word inside the box the .pptx export gives the same text."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.office import needs_pdftotext, words_outside_their_boxes

import deckbuilder

ROOT = Path(__file__).resolve().parents[2]
DECKS = [ROOT / "decks" / "france-us-conundrum.yaml", ROOT / "tests" / "data" / "good" / "torture.yaml"]

pytestmark = needs_pdftotext


@pytest.mark.parametrize("deck", DECKS, ids=[deck.stem for deck in DECKS])
def test_every_word_of_the_pdf_is_inside_its_box(deck: Path, tmp_path: Path) -> None:
    pptx = deckbuilder.export(deck, tmp_path / "deck.pptx")
    pdf = deckbuilder.export(deck, tmp_path / "deck.pdf", fmt="pdf")
    outside = words_outside_their_boxes(pptx, pdf)
    assert not outside, "words drawn outside their boxes:\n" + "\n".join(outside[:30])
