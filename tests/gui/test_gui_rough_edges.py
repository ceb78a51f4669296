"""The app as a new user meets it: clipboard, filmstrip drag, compact form, focus, names, window, menus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from support.outline_diff import COMMENTED

from deckbuilder.gui.help_menu import ShortcutsDialog, about_text, shortcut_rows
from deckbuilder.gui.icons import history_icon
from deckbuilder.gui.main_window import MainWindow
from deckbuilder.gui.slide_clipboard import slide_from_mime
from deckbuilder.version import installed_version


def slide_titles(window: MainWindow, section: int) -> list[str]:
    deck = window.document.deck
    assert deck is not None
    return [str(getattr(slide, "title", None) or slide.kind) for slide in deck.sections[section].slides]


def laid_out(qtbot: QtBot, window: MainWindow, path: Path) -> MainWindow:
    assert window.files.open_path(path, ask=False)
    qtbot.waitUntil(lambda: window.layout_service.layout is not None, timeout=5000)
    return window


def test_ctrl_c_and_ctrl_v_copy_a_slide_into_another_deck(
    qtbot: QtBot, opened: MainWindow, new_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    opened.outline.select_path((2, 1))
    opened.activateWindow()
    opened.outline.setFocus()
    qtbot.keyClick(opened.outline, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = slide_from_mime(QGuiApplication.clipboard().mimeData())
    assert copied is not None and copied["title"] == "Niger and the Sahel"
    other_path = tmp_path / "other.yaml"
    other_path.write_text(COMMENTED.read_text(encoding="utf-8"), encoding="utf-8")
    other = laid_out(qtbot, new_window(), other_path)
    other.outline.select_path((0, 0))
    other.activateWindow()
    other.filmstrip.setFocus()
    qtbot.keyClick(other.filmstrip, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert slide_titles(other, 0)[1] == "Niger and the Sahel"
    assert other.outline.current_path() == (0, 1)
    assert other.isWindowModified()


def test_ctrl_x_cuts_a_slide_and_undo_brings_it_back(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path((2, 1))
    before = slide_titles(opened, 2)
    opened.activateWindow()
    opened.outline.setFocus()
    qtbot.keyClick(opened.outline, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    assert "Niger and the Sahel" not in slide_titles(opened, 2)
    opened.outline.select_path((0, 0))
    assert opened.clipboard.paste()
    assert slide_titles(opened, 0)[1] == "Niger and the Sahel"
    opened.document.undo_stack.undo()
    opened.document.undo_stack.undo()
    assert slide_titles(opened, 2) == before


def test_ctrl_c_in_a_text_field_still_copies_text(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path((2, 1))
    QGuiApplication.clipboard().setText("before")
    field = opened.slide_editor.common.fields["source"]
    opened.activateWindow()
    field.setFocus()
    field.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "France-US Conundrum | Explained"


def test_dragging_a_thumbnail_moves_its_slide(qtbot: QtBot, opened: MainWindow) -> None:
    strip = opened.filmstrip
    layout = opened.layout_service.layout
    assert layout is not None
    number = next(n for n, s in enumerate(layout.slides) if s.title == "Niger and the Sahel")
    strip.setCurrentRow(number)
    first = strip.visualItemRect(strip.item(1))
    mime = QMimeData()
    event = QDropEvent(
        first.topLeft() + QPoint(2, first.height() // 2),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.dropEvent(event)
    assert slide_titles(opened, 0)[1] == "Niger and the Sahel"
    assert opened.outline.current_path() == (0, 1)


def test_the_form_stays_compact_after_a_large_form_and_undo(qtbot: QtBot, opened: MainWindow) -> None:
    editor = opened.slide_editor
    opened.outline.select_path((2, 3))  # a chart: the tallest form
    opened.outline.select_path((0, 0))  # the title slide: a short one
    form = editor.current_form()
    assert form is not None
    qtbot.wait(50)
    compact = editor.stack.height()
    assert compact <= form.sizeHint().height() + 8
    opened.theme_picker.choose("midnight")
    opened.document.undo_stack.undo()
    opened.document.undo_stack.redo()
    qtbot.wait(50)
    assert editor.stack.height() <= compact + 8


def test_every_pane_has_an_accessible_name_and_the_preview_takes_focus(opened: MainWindow) -> None:
    named = [
        opened.outline,
        opened.filmstrip,
        opened.preview,
        opened.problems,
        opened.yaml_editor,
        opened.slide_editor.kind_combo,
        opened.theme_picker,
        opened.deck_form.theme_picker,
        opened.deck_form.sources.table,
    ]
    assert all(widget.accessibleName() for widget in named)
    opened.outline.select_path((3, 0))
    assert all(
        table.accessibleName()
        for table in opened.slide_editor.findChildren(QWidget)
        if table.inherits("QTableWidget")
    )
    assert opened.preview.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_tab_goes_through_the_panes_left_to_right(qtbot: QtBot, opened: MainWindow) -> None:
    panes = [opened.outline, opened.editor_tabs, opened.preview, opened.filmstrip]
    seen: list[int] = []
    widget: QWidget | None = opened.outline
    for _ in range(200):
        assert widget is not None
        widget = widget.nextInFocusChain()
        pane = next((i for i, p in enumerate(panes) if widget is p or p.isAncestorOf(widget)), None)
        if (
            pane is not None
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and (not seen or seen[-1] != pane)
        ):
            seen.append(pane)
        if widget is opened.outline:
            break
    assert seen[:3] == [1, 2, 3]


def test_tab_goes_down_the_slide_form(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path((2, 4))  # a comparison: fields in two columns' worth of rows
    qtbot.wait(50)
    editor = opened.slide_editor
    form = editor.current_form()
    assert form is not None
    order: list[QWidget] = []
    widget: QWidget = editor.kind_combo
    for _ in range(40):
        widget = widget.nextInFocusChain()
        if widget is editor.kind_combo or not editor.isAncestorOf(widget):
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            order.append(widget)
    tops = [w.mapTo(editor.widget(), QPoint(0, 0)).y() for w in order]
    assert len(order) > 4
    assert tops == sorted(tops)
    assert order[-1] is editor.common.fields["source"]


def test_the_window_opens_on_screen_and_remembers_its_geometry(new_window: Callable[..., MainWindow]) -> None:
    first = new_window(size=None)
    area = first.screen().availableGeometry()
    assert area.contains(first.frameGeometry())
    first.resize(700, 520)
    first.move(area.left() + 30, area.top() + 20)
    first.document.undo_stack.setClean()
    first.close()
    second = new_window(size=None)
    assert (second.width(), second.height()) == (700, 520)
    assert area.contains(second.frameGeometry())


def test_undo_and_redo_have_their_own_icons(opened: MainWindow) -> None:
    undo, redo = opened.undo_action.icon(), opened.redo_action.icon()
    assert undo.cacheKey() == history_icon(redo=False).cacheKey()
    assert redo.cacheKey() == history_icon(redo=True).cacheKey()
    assert undo.cacheKey() != redo.cacheKey()


def test_opening_another_deck_drops_the_export_notice_and_starts_at_its_first_slide(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path
) -> None:
    opened.exports._on_finished(tmp_path / "france.pptx")

    def notices() -> list[str]:
        return [w.text() for w in opened.statusBar().findChildren(QLabel) if w.isVisible()]

    assert "Exported france.pptx" in notices()
    opened.outline.select_path((3, 2))
    other = tmp_path / "other.yaml"
    other.write_text(COMMENTED.read_text(encoding="utf-8"), encoding="utf-8")
    laid_out(qtbot, opened, other)
    assert not any("Exported" in text for text in notices())
    assert opened.statusBar().currentMessage() == "Opened other.yaml"
    assert opened.outline.current_path() == (0, 0)


def test_the_form_and_the_preview_number_a_slide_alike(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path((2, 1))
    caption = opened.preview.caption.text()
    assert caption.startswith("Slide ")
    assert opened.slide_editor.heading.text().startswith(caption)


def test_help_lists_the_shortcuts_and_about_gives_version_and_licence(opened: MainWindow) -> None:
    titles = [action.text() for action in opened.menuBar().actions()]
    assert titles[-1] == "&Help"
    rows = dict(shortcut_rows([opened.files.save_action, opened.undo_action, *opened.clipboard.actions()]))
    assert rows["Ctrl+S"] == "Save"
    assert rows["Ctrl+V"] == "Paste Slide"
    assert rows["F2"].startswith("Rename")
    text = about_text()
    assert installed_version() in text and "MIT" in text
    assert QApplication.instance() is not None


def test_the_shortcuts_dialog_lists_each_window_shortcut_once(
    opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    help_menu = opened.menuBar().actions()[-1].menu()
    assert help_menu is not None
    help_menu.actions()[0].trigger()
    cells = [cell.split("</b>")[0] for cell in shown[0].table.text().split("<b>")[1:]]
    keys = [key for cell in cells for key in cell.split(" / ")]
    for wanted in ("Ctrl+S", "Ctrl+Shift+Z", "Alt+Down", "Ctrl+V", "Ctrl+E", "F2"):
        assert keys.count(wanted) == 1, wanted
