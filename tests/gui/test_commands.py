"""deckbuilder/gui/commands.py: undo commands that hold the states before and after, merging typing bursts."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from deckbuilder.gui import commands
from deckbuilder.gui.commands import DocState, SnapshotCommand, YamlTextCommand
from deckbuilder.gui.document import Document

OUTLINE = (
    "title: Deck\nsections:\n  - title: Part\n    slides:\n      - kind: bullets\n        title: Slide\n"
)


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(commands, "time", SimpleNamespace(monotonic=fake.monotonic))
    return fake


@pytest.fixture
def document(qtbot: QtBot) -> Document:
    doc = Document()
    doc.open_text(OUTLINE, Path("deck.yaml"))
    return doc


def titled(document: Document, title: str) -> DocState:
    """The state the document would be in with the deck retitled (made through the document's own edit)."""
    data = document.data()
    data["title"] = title
    document.edit_data(data, "probe")
    after = document.state()
    document.undo_stack.undo()
    return after


def push_title(document: Document, title: str, key: str | None = "title") -> None:
    after = titled(document, title)
    document.undo_stack.push(SnapshotCommand(document, "Edit title", document.state(), after, merge_key=key))


def test_a_snapshot_command_swaps_the_whole_state_both_ways(document: Document) -> None:
    before = document.state()
    after = titled(document, "Other")
    document.undo_stack.push(SnapshotCommand(document, "Edit title", before, after))
    assert document.text == after.text and document.deck is after.deck  # the held Deck, not a re-parse
    document.undo_stack.undo()
    assert document.text == before.text and document.deck is before.deck
    document.undo_stack.redo()
    assert document.deck is after.deck


def test_typing_into_one_field_is_one_undo_step(document: Document, clock: Clock) -> None:
    base = document.undo_stack.count()
    for title in ("D", "De", "Dec", "Deck!"):
        push_title(document, title)
        clock.now += 0.3
    assert document.undo_stack.count() == base + 1
    assert document.deck is not None and document.deck.title == "Deck!"
    document.undo_stack.undo()
    assert document.text == OUTLINE


def test_a_pause_or_another_field_starts_a_new_step(document: Document, clock: Clock) -> None:
    base = document.undo_stack.count()
    push_title(document, "A")
    clock.now += commands.TYPING_PAUSE_S + 0.1
    push_title(document, "AB")
    push_title(document, "ABC", key="subtitle")
    push_title(document, "ABCD", key=None)
    push_title(document, "ABCDE", key=None)
    assert document.undo_stack.count() == base + 5


def test_typing_back_to_where_it_started_leaves_no_step(document: Document, clock: Clock) -> None:
    push_title(document, "Decks")
    push_title(document, "Deck")
    assert document.undo_stack.count() == 0 and document.text == OUTLINE
    assert document.undo_stack.isClean()


def test_a_yaml_typing_burst_is_one_step_validated_after_a_pause(
    qtbot: QtBot, document: Document, clock: Clock
) -> None:
    for length in range(1, 4):
        document.edit_text(OUTLINE.replace("title: Slide", "title: Slide" + "!" * length))
        clock.now += 0.2
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Edit YAML"
    assert not document.is_valid  # validation waits for the typist
    qtbot.waitUntil(lambda: document.is_valid, timeout=3000)
    document.undo_stack.undo()
    assert document.text == OUTLINE and document.is_valid
    document.undo_stack.redo()  # a redo is not typing: it validates at once
    assert document.is_valid and document.deck is not None
    assert document.deck.sections[0].slides[0].title == "Slide!!!"


def test_yaml_typed_after_a_pause_is_a_new_step(document: Document, clock: Clock) -> None:
    document.edit_text(OUTLINE + "# one\n")
    clock.now += commands.TYPING_PAUSE_S + 0.1
    document.edit_text(OUTLINE + "# one two\n")
    assert document.undo_stack.count() == 2


def test_commands_merge_only_with_their_own_sort(document: Document) -> None:
    state = document.state()
    typed = YamlTextCommand(document, state, DocState(OUTLINE + "# x\n", None))
    field = SnapshotCommand(document, "Edit", state, state, merge_key="title")
    assert typed.id() != field.id() and SnapshotCommand(document, "Edit", state, state).id() == -1
    assert not typed.mergeWith(field) and not field.mergeWith(typed)
