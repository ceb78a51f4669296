"""Decks as another office suite draws them: LibreOffice renders every word inside its own box."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from support.office import convert_to_pdf, needs_libreoffice, pdf_words, words_outside_their_boxes

import deckbuilder

ROOT = Path(__file__).resolve().parents[2]
DECKS = [
    ROOT / "decks" / "france-us-conundrum.yaml",
    ROOT / "tests" / "data" / "good" / "torture.yaml",
    ROOT / "tests" / "data" / "rich" / "markup.yaml",  # bold, italic and code runs measured in their faces
]

pytestmark = needs_libreoffice


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("libreoffice")
    exported = [deckbuilder.export(deck, folder / f"{deck.stem}.pptx") for deck in DECKS]
    convert_to_pdf(exported, folder)
    return [(pptx, pptx.with_suffix(".pdf")) for pptx in exported]


@pytest.mark.parametrize("index", range(len(DECKS)), ids=[deck.stem for deck in DECKS])
def test_libreoffice_draws_one_page_per_slide(rendered: list[tuple[Path, Path]], index: int) -> None:
    pptx, pdf = rendered[index]
    assert len(pdf_words(pdf)) == len(Presentation(str(pptx)).slides)


@pytest.mark.parametrize("index", range(len(DECKS)), ids=[deck.stem for deck in DECKS])
def test_every_word_is_drawn_inside_the_box_that_holds_it(
    rendered: list[tuple[Path, Path]], index: int
) -> None:
    outside = words_outside_their_boxes(*rendered[index])
    assert not outside, "words drawn outside their boxes:\n" + "\n".join(outside[:30])


def test_every_outline_word_reaches_the_page(rendered: list[tuple[Path, Path]]) -> None:
    _, pdf = rendered[0]
    drawn = {word.text for page in pdf_words(pdf) for word in page}
    deck = deckbuilder.load(DECKS[0])
    expected = {"Sahel", "Bazoum", "AUKUS", "Afghanistan", "Indo-Pacific", "1,500", "1,000"}
    assert expected <= drawn, expected - drawn
    assert deck.title.split()[0] in drawn
