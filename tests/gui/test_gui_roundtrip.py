"""The app keeps the user's outline: every edit rewrites only its lines, and a broken file still shows."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from support.outline_diff import COMMENTED, OUTLINES, changed_lines, comments

from deckbuilder.gui.main_window import MainWindow


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    """A copy of the commented outline, beside the flagship's assets like the real one."""
    target = tmp_path / "decks" / COMMENTED.name
    target.parent.mkdir()
    shutil.copy(COMMENTED, target)
    return target


def open_deck(qtbot: QtBot, window: MainWindow, path: Path) -> MainWindow:
    assert window.files.open_path(path, ask=False)
    qtbot.waitUntil(lambda: window.layout_service.layout is not None, timeout=5000)
    return window


def saved_diff(window: MainWindow, path: Path) -> list[str]:
    """Save, and the lines the file changed."""
    before = path.read_text(encoding="utf-8")
    assert window.files.save()
    return changed_lines(before, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda path: path.name)
def test_open_then_save_gives_the_same_bytes(
    qtbot: QtBot, window: MainWindow, outline: Path, tmp_path: Path
) -> None:
    target = tmp_path / outline.name
    shutil.copy(outline, target)
    open_deck(qtbot, window, target)
    window.document.undo_stack.resetClean()  # a save with nothing changed
    assert window.files.save()
    assert target.read_bytes() == outline.read_bytes()


STRUCTURAL_EDITS: dict[str, tuple[Callable[[MainWindow], object], list[str]]] = {
    "add slide": (
        lambda w: (w.outline.select_path((1, 1)), w.outline.add_slide("bullets")),
        [
            "+",
            "+      - kind: bullets",
            '+        title: "New slide"',
            '+        points: ["First point", "Second point"]',
        ],
    ),
    "delete slide": (
        lambda w: (w.outline.select_path((0, 2)), w.outline.delete()),
        [
            "-      - kind: quote",
            '-        text: "Words worth quoting"',
            "-        attribution: Someone",
            "-",
        ],
    ),
    "duplicate slide": (
        lambda w: (w.outline.select_path((0, 2)), w.outline.duplicate()),
        [
            "+      - kind: quote",
            '+        text: "Words worth quoting"',
            "+        attribution: Someone",
            "+",
        ],
    ),
    "move slide down": (  # the diff reads as the quote moving up: the same file
        lambda w: (w.outline.select_path((0, 1)), w.outline.move_selection(1)),
        [
            "+      - kind: quote",
            '+        text: "Words worth quoting"',
            "+        attribution: Someone",
            "+",
            "-",
            "-      - kind: quote",
            '-        text: "Words worth quoting"',
            "-        attribution: Someone",
        ],
    ),
    "add section": (
        lambda w: (w.outline.select_path((1,)), w.outline.add_section()),
        [
            "+",
            '+  - title: "New section"',
            "+    slides:",
            "+      - kind: bullets",
            '+        title: "New slide"',
            '+        points: ["First point", "Second point"]',
        ],
    ),
    "theme switch": (
        lambda w: w.theme_picker.choose("midnight"),
        ["-theme: briefing", "+theme: midnight"],
    ),
}


@pytest.mark.parametrize("name", list(STRUCTURAL_EDITS))
def test_each_structural_edit_changes_only_its_lines(
    qtbot: QtBot, window: MainWindow, commented: Path, name: str
) -> None:
    open_deck(qtbot, window, commented)
    edit, expected = STRUCTURAL_EDITS[name]
    edit(window)
    assert saved_diff(window, commented) == expected


def test_dragging_a_slide_in_the_tree_moves_its_lines_and_comment(
    qtbot: QtBot, window: MainWindow, commented: Path
) -> None:
    open_deck(qtbot, window, commented)
    before = commented.read_text(encoding="utf-8")
    model = window.outline.outline_model
    mime = model.mimeData([model.index_of((1, 0))])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index_of((0,)))
    assert window.files.save()
    after = commented.read_text(encoding="utf-8")
    assert sorted(comments(after)) == sorted(comments(before))
    assert after.index("# A comparison") < after.index("- kind: title") < after.index("# --- Part two")
    assert len(after.splitlines()) == len(before.splitlines())


def test_a_form_edit_changes_one_line(qtbot: QtBot, window: MainWindow, commented: Path) -> None:
    open_deck(qtbot, window, commented)
    window.outline.select_path((1, 1))
    form = window.slide_editor.current_form()
    assert form is not None
    title = form.fields["title"]
    assert isinstance(title, QLineEdit)
    title.selectAll()
    qtbot.keyClicks(title, "Final points")
    assert saved_diff(window, commented) == [
        '-        title: "Last points"',
        '+        title: "Final points"',
    ]


def test_save_as_writes_the_same_text_elsewhere(
    qtbot: QtBot, window: MainWindow, commented: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_deck(qtbot, window, commented)
    target = commented.parent / "copy.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    assert window.files.save_as()
    assert target.read_bytes() == commented.read_bytes()


def test_comments_survive_a_session_of_mixed_edits_undo_and_redo(
    qtbot: QtBot, window: MainWindow, commented: Path
) -> None:
    open_deck(qtbot, window, commented)
    original = commented.read_text(encoding="utf-8")
    outline, stack = window.outline, window.document.undo_stack
    outline.select_path((0, 1))
    assert outline.move_selection(1)
    outline.select_path((1, 0))
    assert outline.duplicate()
    assert outline.add_slide("chart")
    window.theme_picker.choose("midnight")
    outline.select_path((0, 0))
    assert outline.delete()
    data = window.document.data()
    data["sections"][1]["title"] = "The middle"
    assert window.document.edit_data(data, "Rename") == []
    stack.undo()
    stack.undo()
    stack.redo()
    assert window.files.save()
    text = commented.read_text(encoding="utf-8")
    kept = set(comments(original)) - {"# Folded notes"}
    assert kept <= set(comments(text))
    assert "        notes: >\n" not in text  # the deleted title slide took its folded notes
    assert "theme: midnight\n" in text
    while stack.canUndo():
        stack.undo()
    assert window.document.text == original


def test_a_file_with_one_bad_key_still_shows_its_slides(
    qtbot: QtBot, window: MainWindow, flagship: Path
) -> None:
    text = flagship.read_text(encoding="utf-8")
    broken = text.replace('title: "Key Takeaways"\n', 'title: "Key Takeaways"\n        colour: red\n')
    flagship.write_text(broken, encoding="utf-8")
    assert window.files.open_path(flagship, ask=False)
    qtbot.waitUntil(lambda: window.layout_service.layout is not None, timeout=5000)
    assert len(window.document.problems) == 1
    model = window.outline.outline_model
    assert model.rowCount() == 6
    assert sum(model.rowCount(model.index_of((s,))) for s in range(6)) == 14
    assert window.filmstrip.count() >= 14
    assert window.preview.current_pages()
    marked = model.index_of((0, 1))
    assert model.data(marked, Qt.ItemDataRole.ToolTipRole) == "Problem: unknown key 'colour'"
    assert model.data(model.index_of((0, 0)), Qt.ItemDataRole.ToolTipRole) == "Title slide"
    assert window.editor_tabs.currentIndex() == 2  # the YAML tab, at the problem
    assert window.yaml_editor.textCursor().blockNumber() + 1 == window.document.problems[0].line


def test_saving_a_file_with_problems_asks_first(
    qtbot: QtBot, opened: MainWindow, flagship: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = opened.document.text.replace("theme: briefing", "theme: briefing\ncolour: red\nsize: huge")
    opened.document.edit_text(bad)
    opened.document.validate_now()
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not opened.files.save()
    assert asked == ["Save with 2 problems?"]
    assert "colour" not in flagship.read_text(encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Save)
    assert opened.files.save()
    assert "colour: red" in flagship.read_text(encoding="utf-8")
