"""Random runs of the app's structural edits: the writer always edits in place and the file reads back."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from support.outline_diff import COMMENTED, OUTLINES

from deckbuilder.gui import edits
from deckbuilder.outline.loader import loads, outline_data, updated_text
from deckbuilder.outline.model import Deck
from deckbuilder.records import RecordError

Data = dict[str, object]
TEXTS = ["NO", "2026-11-27", "a: b", "Plain words", "It's “quoted”", "1:30", "#hash", "two\nlines\n"]


def random_edit(data: Data, chance: random.Random) -> Data:
    """One edit the app can make, at a random place."""
    sections: list[Data] = data["sections"]  # type: ignore[assignment]
    s = chance.randrange(len(sections))
    slides: list[Data] = sections[s].get("slides", [])  # type: ignore[assignment]
    path = (s, chance.randrange(len(slides))) if slides else (s,)
    kind = chance.choice(list(edits.KIND_LABELS))
    operation = chance.choice(["add", "duplicate", "delete", "move", "convert", "title", "section"])
    if operation == "add":
        return edits.add_slide(data, path, kind)[0]
    if operation == "duplicate":
        return edits.duplicate(data, path)[0]
    if operation == "delete" and (len(path) == 2 or len(sections) > 1):
        return edits.delete(data, path)[0]
    if operation == "move":
        delta = chance.choice([-1, 1])
        return edits.move(data, path, delta)[0] if edits.can_move(data, path, delta) else data
    if operation == "convert" and len(path) == 2:
        return edits.set_slide(data, path, edits.convert_slide(slides[path[1]], kind))
    if operation == "title" and len(path) == 2 and "title" in slides[path[1]]:
        slide = dict(slides[path[1]], title=chance.choice(TEXTS))
        return edits.set_slide(data, path, slide)
    return edits.set_section_fields(
        data, s, {"title": chance.choice(TEXTS), "divider": chance.random() < 0.5}
    )


@pytest.mark.parametrize("outline", [OUTLINES[0], COMMENTED], ids=lambda path: path.name)
def test_a_hundred_random_edits_are_all_written_in_place(outline: Path) -> None:
    chance = random.Random(13)
    text = outline.read_text(encoding="utf-8")
    first_line = text.splitlines()[0]
    written = 0
    while written < 100:
        old = outline_data(loads(text))
        try:
            deck = Deck.from_data(random_edit(old, chance))
        except RecordError:
            continue
        new_text = updated_text(text, old, deck)
        assert new_text is not None
        assert outline_data(loads(new_text)) == outline_data(deck)
        assert new_text.splitlines()[0] == first_line
        text, written = new_text, written + 1
