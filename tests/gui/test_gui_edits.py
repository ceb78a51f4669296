"""Outline edits as data: templates validate, kinds convert keeping content, moves land where expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckbuilder.gui import edits
from deckbuilder.outline.loader import load, outline_data
from deckbuilder.outline.model import SLIDE_KINDS, Deck

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def flagship_data() -> edits.Data:
    return outline_data(load(ROOT / "decks" / "france-us-conundrum.yaml"))


@pytest.mark.parametrize("kind", SLIDE_KINDS)
def test_every_new_slide_template_is_valid(flagship_data: edits.Data, kind: str) -> None:
    new, path = edits.add_slide(flagship_data, (1, 0), kind)
    deck = Deck.from_data(new)
    assert deck.sections[1].slides[1].kind == kind
    assert path == (1, 1)


@pytest.mark.parametrize("kind", SLIDE_KINDS)
def test_every_kind_converts_to_every_other_validly(flagship_data: edits.Data, kind: str) -> None:
    for section in flagship_data["sections"]:
        for slide in section["slides"]:
            converted = edits.convert_slide(slide, kind)
            Deck.from_data({**flagship_data, "sections": [{"title": "S", "slides": [converted]}]})


def test_conversion_keeps_title_notes_and_points(flagship_data: edits.Data) -> None:
    bullets = flagship_data["sections"][1]["slides"][0]
    comparison = edits.convert_slide(bullets, "comparison")
    assert comparison["title"] == bullets["title"]
    assert comparison["notes"] == bullets["notes"]
    assert comparison["left"]["points"][0] == bullets["points"][0]
    assert len(edits.convert_slide(bullets, "takeaways")["points"]) == 5


def test_moves_and_deletes_return_where_the_selection_goes(flagship_data: edits.Data) -> None:
    moved, path = edits.move_slide(flagship_data, (2, 1), 4, 0)
    assert path == (4, 0)
    assert moved["sections"][4]["slides"][0]["title"] == "Niger and the Sahel"
    moved, path = edits.move_section(flagship_data, 5, 0)
    assert path == (0,)
    assert moved["sections"][0]["title"] == "The Sovereignty Conundrum"
    _, path = edits.delete(flagship_data, (3, 0))
    assert path == (3,)
    assert not edits.can_move(flagship_data, (0,), -1)
    assert edits.can_move(flagship_data, (0, 1), 1)
    assert flagship_data["sections"][2]["slides"][1]["title"] == "Niger and the Sahel"  # inputs untouched
