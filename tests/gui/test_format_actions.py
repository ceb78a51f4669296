"""Bold, Italic and Link in the slide form: markers around the selection, one undo step each, keys, menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from deckbuilder.gui.main_window import MainWindow

STRATEGIC_AUTONOMY = (1, 0)
"""The first bullets slide of the flagship."""
FIRST_POINT = "Championed by France under President Emmanuel Macron"


def edit_first_point(qtbot: QtBot, window: MainWindow) -> QLineEdit:
    """Open the first point of the strategic-autonomy slide for typing; the line edit that has focus."""
    window.outline.select_path(STRATEGIC_AUTONOMY)
    form = window.slide_editor.current_form()
    assert form is not None
    tree = form.fields["points"].tree  # type: ignore[attr-defined]
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    tree.editItem(tree.topLevelItem(0))
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == FIRST_POINT
    return editor


def first_point(window: MainWindow) -> str:
    return str(window.document.data()["sections"][1]["slides"][0]["points"][0])


def test_ctrl_b_on_a_selected_word_makes_it_bold_as_one_undo_step(
    qtbot: QtBot, opened: MainWindow, flagship: Path
) -> None:
    original = flagship.read_text(encoding="utf-8").splitlines()
    editor = edit_first_point(qtbot, opened)
    qtbot.keyClicks(editor, "")  # nothing typed yet: the undo stack starts clean
    editor.setSelection(FIRST_POINT.index("France"), len("France"))
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert first_point(opened) == "Championed by **France** under President Emmanuel Macron"
    assert editor.selectedText() == "France"  # still selected: Ctrl+B again takes the markers away
    assert opened.undo_action.text() == "&Undo Bold"
    opened.document.save()
    saved = flagship.read_text(encoding="utf-8").splitlines()
    changed = [n for n, (a, b) in enumerate(zip(original, saved, strict=True), start=1) if a != b]
    line = next(n for n, text in enumerate(original, start=1) if FIRST_POINT in text)
    assert changed == [line]
    assert saved[line - 1] == '          - "Championed by **France** under President Emmanuel Macron"'
    opened.document.undo_stack.undo()
    assert first_point(opened) == FIRST_POINT
    assert opened.document.undo_stack.index() == 0


def test_ctrl_b_again_and_ctrl_i_toggle_their_markers(qtbot: QtBot, opened: MainWindow) -> None:
    editor = edit_first_point(qtbot, opened)
    editor.setSelection(FIRST_POINT.index("France"), len("France"))
    for key, expected in [
        (Qt.Key.Key_B, "**France**"),
        (Qt.Key.Key_I, "***France***"),
        (Qt.Key.Key_B, "*France*"),
        (Qt.Key.Key_I, "France"),
    ]:
        qtbot.keyClick(editor, key, Qt.KeyboardModifier.ControlModifier)
        assert first_point(opened) == FIRST_POINT.replace("France", expected)
    assert opened.document.undo_stack.count() == 4  # each action its own step
    assert opened.document.undo_stack.command(1).text() == "Italic"


def test_with_no_selection_a_pair_goes_in_with_the_cursor_between(qtbot: QtBot, opened: MainWindow) -> None:
    editor = edit_first_point(qtbot, opened)
    editor.setCursorPosition(len("Championed by "))
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Paris")
    assert first_point(opened) == "Championed by **Paris**France under President Emmanuel Macron"
    assert [opened.document.undo_stack.command(i).text() for i in range(2)] == ["Bold", "Edit points"]


def test_ctrl_k_asks_for_the_address_and_writes_a_link(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(parent: QWidget, title: str, label: str, *args: object) -> tuple[str, bool]:
        asked.append(label)
        return " https://www.elysee.fr/en ", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    editor = edit_first_point(qtbot, opened)
    editor.setSelection(FIRST_POINT.index("Emmanuel"), len("Emmanuel Macron"))
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Address the text links to:"]
    assert (
        first_point(opened)
        == "Championed by France under President [Emmanuel Macron](https://www.elysee.fr/en)"
    )
    assert opened.undo_action.text() == "&Undo Link"
    assert editor.selectedText() == "Emmanuel Macron"
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # a link already: unlinked
    assert asked == ["Address the text links to:"]
    assert first_point(opened) == FIRST_POINT


def test_an_address_without_a_scheme_becomes_a_web_address(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("www.elysee.fr/en (English)", True))
    editor = edit_first_point(qtbot, opened)
    editor.setSelection(0, len("Championed"))
    opened.formatting.link_action.trigger()
    assert first_point(opened).startswith("[Championed](https://www.elysee.fr/en%20%28English%29) by")


def test_a_cancelled_link_changes_nothing(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", False))
    editor = edit_first_point(qtbot, opened)
    editor.setSelection(0, 10)
    opened.formatting.link_action.trigger()
    assert first_point(opened) == FIRST_POINT
    assert opened.document.undo_stack.count() == 0


def test_the_actions_work_in_a_multi_line_field_and_the_title(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    notes = next(w for w in opened.slide_editor.common.findChildren(QPlainTextEdit))
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes)
    cursor = notes.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(3, cursor.MoveMode.KeepAnchor)
    notes.setTextCursor(cursor)
    selected = notes.textCursor().selectedText()
    opened.formatting.italic_action.trigger()
    slide = opened.document.data()["sections"][1]["slides"][0]
    assert slide["notes"].startswith(f"*{selected}*")
    title = opened.slide_editor.current_form().fields["title"]  # type: ignore[union-attr]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title)
    title.setSelection(0, 4)
    opened.formatting.bold_action.trigger()
    assert opened.document.data()["sections"][1]["slides"][0]["title"].startswith("**What**")
    assert opened.document.undo_stack.count() == 2


def test_the_actions_are_in_the_format_menu_and_off_without_a_text_field(
    qtbot: QtBot, opened: MainWindow
) -> None:
    menus = {action.text(): action.menu() for action in opened.menuBar().actions()}
    format_menu = menus["F&ormat"]
    assert [a.text() for a in format_menu.actions()] == ["&Bold", "&Italic", "&Link…"]  # type: ignore[union-attr]
    shortcuts = [a.shortcut().toString() for a in opened.formatting.actions()]
    assert shortcuts == ["Ctrl+B", "Ctrl+I", "Ctrl+K"]
    assert all("Ctrl+" in a.toolTip() for a in opened.formatting.actions())
    opened.outline.setFocus()
    qtbot.waitUntil(lambda: not opened.formatting.bold_action.isEnabled())
    opened.yaml_editor.setFocus()  # the YAML is edited as YAML: markers there are typed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is opened.yaml_editor)
    assert not any(a.isEnabled() for a in opened.formatting.actions())
    edit_first_point(qtbot, opened)
    assert all(a.isEnabled() for a in opened.formatting.actions())


class DeleteToEndOfLine(QObject):
    """What a line edit does with Ctrl+K on X11 desktops (KDE, GNOME): claims the key, deletes to the end."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(event, QKeyEvent) or not isinstance(watched, QLineEdit):
            return False
        if QKeySequence(event.keyCombination()) != QKeySequence("Ctrl+K"):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress:
            watched.setText(watched.text()[: watched.cursorPosition()])
            return True
        return False


def test_ctrl_k_links_even_where_the_field_claims_ctrl_k(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("https://www.elysee.fr", True))
    editor = edit_first_point(qtbot, opened)
    claim = DeleteToEndOfLine(editor)
    editor.installEventFilter(claim)
    editor.setSelection(0, len("Championed"))
    qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert first_point(opened).startswith("[Championed](https://www.elysee.fr) by France")
