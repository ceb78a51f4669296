"""The Help menu: the keyboard shortcuts, read from the window's own actions, and About."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar

LICENCE = "MIT (code) and SIL Open Font License 1.1 (bundled fonts)"
HOMEPAGE = "https://github.com/deckbuilder/deckbuilder"
EXTRA_SHORTCUTS = (("F2", "Rename the selected slide or section in the outline"),)
"""Keys no action carries (the rest are read from the actions, so the list never goes stale)."""


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, then the keys that act on one pane."""
    rows: list[tuple[str, str]] = []
    for action in actions:
        keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()]
        if keys and action.text():
            rows.append((" / ".join(keys), action.text().replace("&", "").rstrip("…")))
    return rows + list(EXTRA_SHORTCUTS)


class ShortcutsDialog(QDialog):
    """A table of the keyboard shortcuts."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        body = "".join(
            f"<tr><td style='padding-right:16px'><b>{html.escape(keys)}</b></td>"
            f"<td>{html.escape(what)}</td></tr>"
            for keys, what in rows
        )
        self.table = QLabel(f"<table>{body}</table>", self)
        self.table.setAccessibleName("Keyboard shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


def about_text() -> str:
    """What About says: the version and the licence."""
    from deckbuilder.version import installed_version

    return (
        f"<h3>Deckbuilder {html.escape(installed_version())}</h3>"
        "<p>Turns an article's YAML outline into an editable PowerPoint briefing deck.</p>"
        f"<p>Licence: {LICENCE}.</p><p><a href='{HOMEPAGE}'>{HOMEPAGE}</a></p>"
    )


def add_help_menu(bar: QMenuBar, window: QWidget) -> QAction:
    """Add Help with Keyboard Shortcuts and About to a menu bar; returns the shortcuts action."""
    menu = bar.addMenu("&Help")
    shortcuts = menu.addAction("&Keyboard Shortcuts")
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))

    def show_shortcuts() -> None:
        actions = [action for action in window.findChildren(QAction) if action.shortcuts()]
        ShortcutsDialog(shortcut_rows(list(dict.fromkeys(actions))), window).exec()

    shortcuts.triggered.connect(show_shortcuts)
    about = menu.addAction("&About Deckbuilder")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: QMessageBox.about(window, "About Deckbuilder", about_text()))
    return shortcuts
