"""deckbuilder/gui/document.py: the open deck's text, its Deck and problems, edits through one undo stack."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from deckbuilder.gui.document import UNTITLED, Document

OUTLINE = """\
# a hand-written outline
title: Allies apart
sections:
  - title: Background
    slides:
      - kind: bullets
        title: Why it matters   # kept as written
        points: [One, Two]
"""


@pytest.fixture
def document(qtbot: QtBot) -> Document:
    """A document holding OUTLINE, as if opened from deck.yaml (qtbot makes the QApplication)."""
    doc = Document()
    doc.open_text(OUTLINE, Path("deck.yaml"))
    return doc


def retitled(document: Document, title: str) -> dict[str, object]:
    data = document.data()
    data["title"] = title
    return data


def test_opening_text_validates_it_and_starts_a_clean_history(qtbot: QtBot) -> None:
    doc = Document()
    with qtbot.waitSignals([doc.opened, doc.path_changed, doc.text_changed, doc.deck_changed], timeout=1000):
        doc.open_text(OUTLINE, Path("deck.yaml"))
    assert doc.is_valid and doc.problems == ()
    assert doc.deck is not None and doc.deck.title == "Allies apart" and doc.display_name == "Allies apart"
    assert doc.undo_stack.isClean() and doc.undo_stack.count() == 0
    assert doc.saved_text == OUTLINE


def test_broken_text_lists_its_problems_located_and_refuses_form_edits(qtbot: QtBot) -> None:
    doc = Document()
    with qtbot.waitSignal(doc.problems_changed, timeout=1000):
        doc.open_text(OUTLINE.replace("title: Allies apart", "titel: Allies apart"), None)
    assert not doc.is_valid
    assert [(p.path, p.line) for p in doc.problems][:1] == [(UNTITLED, 2)]
    assert any("did you mean 'title'" in p.message for p in doc.problems)
    assert doc.deck is None and doc.display_name == UNTITLED  # no title: nothing of it can be shown
    before = doc.text
    assert doc.edit_data({"title": "x"}, "Edit") == ["fix the problems in the YAML first"]
    assert doc.text == before and doc.undo_stack.count() == 0


def test_a_refused_link_is_a_located_problem_in_the_app(qtbot: QtBot) -> None:
    doc = Document()
    with qtbot.waitSignal(doc.problems_changed, timeout=1000):
        doc.open_text(
            OUTLINE.replace("points: [One, Two]", 'points: ["[Run](javascript:alert(1))"]'), Path("deck.yaml")
        )
    assert [(p.path, p.line, p.column) for p in doc.problems] == [("deck.yaml", 8, 18)]
    assert "link 'javascript:alert(1)' is not allowed" in doc.problems[0].message
    assert doc.deck is not None  # what validates is still shown


def test_a_file_opened_broken_shows_what_of_it_validates(qtbot: QtBot) -> None:
    doc = Document()
    doc.open_text(OUTLINE.replace("kind: bullets", "kind: bulets"), Path("deck.yaml"))
    assert not doc.is_valid and doc.problems[0].line == 6
    assert doc.deck is not None and doc.display_name == "Allies apart"


def test_a_form_edit_rewrites_only_its_line_and_undoes(qtbot: QtBot, document: Document) -> None:
    with qtbot.waitSignals([document.text_changed, document.deck_changed], timeout=1000):
        assert document.edit_data(retitled(document, "Allies, apart"), "Edit deck title") == []
    assert document.text == OUTLINE.replace("title: Allies apart", "title: Allies, apart")
    assert "# kept as written" in document.text and "# a hand-written outline" in document.text
    assert document.deck is not None and document.deck.title == "Allies, apart"
    assert not document.undo_stack.isClean() and document.undo_stack.undoText() == "Edit deck title"
    document.undo_stack.undo()
    assert document.text == OUTLINE and document.deck is not None and document.deck.title == "Allies apart"
    assert document.undo_stack.isClean()
    document.undo_stack.redo()
    assert document.deck is not None and document.deck.title == "Allies, apart"


def test_an_edit_the_model_refuses_is_not_applied(document: Document) -> None:
    problems = document.edit_data(retitled(document, ""), "Edit deck title")
    assert problems and all(problem for problem in problems)
    assert document.text == OUTLINE and document.undo_stack.count() == 0


def test_an_edit_that_changes_nothing_leaves_no_undo_step(document: Document) -> None:
    assert document.edit_data(document.data(), "Nothing") == []
    assert document.undo_stack.count() == 0


def test_undo_requests_focus_where_the_edit_was(qtbot: QtBot, document: Document) -> None:
    document.edit_data(retitled(document, "New"), "Edit", focus=(0, 0), focus_before=(0, 0))
    with qtbot.waitSignal(document.focus_requested, timeout=1000) as focus:
        document.undo_stack.undo()
    assert focus.args == [(0, 0)]


def test_typed_yaml_validates_after_a_pause(qtbot: QtBot, document: Document) -> None:
    document.edit_text(OUTLINE.replace("Why it matters", "Why now"))
    assert not document.is_valid  # not while typing
    assert document.undo_stack.undoText() == "Edit YAML"
    qtbot.waitUntil(lambda: document.is_valid, timeout=3000)
    assert document.deck is not None and document.deck.sections[0].slides[0].title == "Why now"


def test_typed_yaml_that_breaks_the_outline_keeps_the_last_valid_deck(
    qtbot: QtBot, document: Document
) -> None:
    last = document.deck
    with qtbot.waitSignal(document.problems_changed, timeout=3000):
        document.edit_text(OUTLINE.replace("kind: bullets", "kind: bulets"))
    assert not document.is_valid and document.deck is last
    assert document.problems[0].line == 6 and "did you mean 'bullets'" in document.problems[0].message
    assert document.problem_places  # the slide the problem is in is known


def test_replacing_the_whole_text_is_one_undo_step(document: Document) -> None:
    document.replace_text(OUTLINE.replace("One", "Uno"), "Reload from disk")
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == "Reload from disk"
    assert document.is_valid and document.deck is not None
    document.undo_stack.undo()
    assert document.text == OUTLINE


def test_saving_writes_the_text_and_marks_the_history_clean(qtbot: QtBot, tmp_path: Path) -> None:
    doc = Document()
    doc.open_text(OUTLINE, None, suggested=tmp_path / "suggested.yaml")
    assert doc.display_name == "Allies apart" and doc.path is None
    with pytest.raises(ValueError, match="needs a path"):
        doc.save()
    doc.edit_data(retitled(doc, "Saved"), "Edit deck title")
    target = tmp_path / "deck.yaml"
    with qtbot.waitSignal(doc.path_changed, timeout=1000):
        assert doc.save(target) == target
    assert target.read_text(encoding="utf-8") == doc.text == doc.saved_text
    assert doc.undo_stack.isClean() and doc.path == target
    doc.undo_stack.undo()
    assert not doc.undo_stack.isClean()  # back before the save: modified again


def test_an_import_is_unsaved_until_saved(document: Document) -> None:
    document.mark_unsaved()
    assert not document.undo_stack.isClean()
