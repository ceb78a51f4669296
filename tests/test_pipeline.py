"""The pipeline every face uses: import, check, lay out, export — and it never changes a Deck it is handed."""

from __future__ import annotations

import copy
from pathlib import Path

from pptx import Presentation

import deckbuilder
from deckbuilder.outline.loader import outline_data
from deckbuilder.paths import ASSETS_DIR
from deckbuilder.pipeline import export, import_text, preview_layout

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"


def test_save_and_export_leave_the_callers_deck_as_it_was(tmp_path: Path) -> None:
    deck = deckbuilder.load(FLAGSHIP)
    before, where = copy.deepcopy(outline_data(deck)), deck.locate(("title",))
    deckbuilder.save(deck, tmp_path / "copy.yaml")
    export(deck, tmp_path / "deck.pptx")
    preview_layout(deck, ASSETS_DIR / "images" / "sahel.png")
    assert deck.path == FLAGSHIP and deck.base_dir == FLAGSHIP.parent
    assert outline_data(deck) == before and deck.locate(("title",)) == where
    assert len(Presentation(str(tmp_path / "deck.pptx")).slides) > 10


def test_a_deck_given_a_path_is_a_new_deck() -> None:
    deck = deckbuilder.load(FLAGSHIP)
    moved = deck.with_path(Path("/elsewhere/deck.yaml"))
    assert moved is not deck and deck.path == FLAGSHIP and moved.base_dir == Path("/elsewhere")


def test_imports_fill_bullets_slides_as_the_layout_engine_measures_them() -> None:
    sentences = " ".join(
        f"Point number {n} says one short and complete thing about the port." for n in range(12)
    )
    deck = import_text(f"Harbour News\n\nA standfirst.\n\nCosts\n\n{sentences}\n")
    bullets = [s for section in deck.sections for s in section.slides if s.kind == "bullets"]
    assert bullets and all(1 < len(slide.points) <= 5 for slide in bullets)
    assert deck.theme == "briefing"
