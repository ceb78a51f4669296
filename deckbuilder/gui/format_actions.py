"""Bold, Italic and Link: Markdown markers put around the selection in the form field that has focus."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPlainTextEdit, QWidget

from deckbuilder.gui.markers import BOLD, ITALIC, Change, link_around, make_link, toggle

if TYPE_CHECKING:
    from deckbuilder.gui.document import Document

TextField = QLineEdit | QPlainTextEdit
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _qt_index(value: str, index: int) -> int:
    """A Python string index as Qt counts it (UTF-16 code units)."""
    return len(value[:index].encode("utf-16-le")) // 2


def _py_index(value: str, qt_index: int) -> int:
    """A Qt (UTF-16) position in value as a Python string index."""
    units = 0
    for index, char in enumerate(value):
        if units >= qt_index:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(value)


def _selection(field: TextField) -> tuple[str, int, int]:
    """The field's text and its selection (or cursor) as Python indexes."""
    if isinstance(field, QLineEdit):
        value = field.text()
        if field.hasSelectedText():
            start, end = field.selectionStart(), field.selectionEnd()
        else:
            start = end = field.cursorPosition()
    else:
        value = field.toPlainText()
        cursor = field.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
    return value, _py_index(value, start), _py_index(value, end)


def _apply(field: TextField, value: str, change: Change) -> None:
    """Make the change as an edit of the field (so its form records it), then select what it says."""
    new_value = change.apply(value)
    start, end = _qt_index(value, change.start), _qt_index(value, change.end)
    first, last = _qt_index(new_value, change.select_start), _qt_index(new_value, change.select_end)
    if isinstance(field, QLineEdit):
        field.setSelection(start, end - start)
        field.insert(change.text)  # an edit, as typing is: textEdited reaches the form
        field.setSelection(first, last - first)
        return
    cursor = field.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(change.text)
    cursor.setPosition(first)
    cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    field.setTextCursor(cursor)


class FormatActions(QObject):
    """The Bold, Italic and Link actions of the slide and deck forms, enabled while a text field has focus.

    Also an application event filter: a line edit claims Ctrl+K (delete to the end of the line) before
    the window's shortcuts see it, so the three keys typed in a field under `scopes` are handled here.
    """

    def __init__(self, document: Document, window: QWidget, scopes: tuple[QWidget, ...]) -> None:
        super().__init__(window)
        self._document = document
        self._window = window
        self._scopes = scopes
        self.bold_action = self._action(
            "&Bold", "B", QKeySequence.StandardKey.Bold, "Bold: put ** around the selected text"
        )
        self.italic_action = self._action(
            "&Italic", "I", QKeySequence.StandardKey.Italic, "Italic: put * around the selected text"
        )
        self.link_action = self._action(
            "&Link…", "Link", QKeySequence("Ctrl+K"), "Link: make the selected text a link to an address"
        )
        self.bold_action.triggered.connect(lambda: self.toggle(BOLD, "Bold"))
        self.italic_action.triggered.connect(lambda: self.toggle(ITALIC, "Italic"))
        self.link_action.triggered.connect(self.link)
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._update_enabled)
            application.installEventFilter(self)
        self._update_enabled()

    def _action(
        self, text: str, short: str, keys: QKeySequence | QKeySequence.StandardKey, tip: str
    ) -> QAction:
        action = QAction(text, self._window)
        action.setIconText(short)
        action.setShortcut(keys)
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setStatusTip(tip)
        return action

    def actions(self) -> list[QAction]:
        """Bold, Italic and Link, in menu order."""
        return [self.bold_action, self.italic_action, self.link_action]

    def field(self) -> TextField | None:
        """The editable text field of the forms that has focus, if any."""
        widget = QApplication.focusWidget()
        if not isinstance(widget, QLineEdit | QPlainTextEdit) or widget.isReadOnly():
            return None
        return widget if any(scope.isAncestorOf(widget) for scope in self._scopes) else None

    def _update_enabled(self, *_ignored: object) -> None:
        enabled = self.field() is not None
        for action in self.actions():
            action.setEnabled(enabled)

    def toggle(self, markers: tuple[str, ...], label: str) -> None:
        """Put the style's markers around the selection, or take them away when it has them."""
        field = self.field()
        if field is None:
            return
        value, start, end = _selection(field)
        with self._document.own_step(label):
            _apply(field, value, toggle(value, start, end, markers))

    def link(self) -> None:
        """Make the selection a link to an address asked for, or unlink it when it is a link."""
        field = self.field()
        if field is None:
            return
        value, start, end = _selection(field)
        change = link_around(value, start, end)
        if change is None:
            address, ok = QInputDialog.getText(
                self._window, "Link", "Address the text links to:", QLineEdit.EchoMode.Normal, "https://"
            )
            address = address.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            field.setFocus()
            if not ok or not address or address == "https://":
                return
            if not _SCHEME.match(address):  # "www.example.org" typed: the outline takes web addresses
                address = f"https://{address}"
            change = make_link(value, start, end, address)
        with self._document.own_step("Link" if change.text.startswith("[") else "Remove link"):
            _apply(field, value, change)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take Bold, Italic and Link keys typed in a form field before the field does."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(event, QKeyEvent) or watched is not self.field():
            return False
        pressed = QKeySequence(event.keyCombination())
        action = next((a for a in self.actions() if a.shortcut() == pressed), None)
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # deliver the key press to the field, where this filter takes it
        else:
            action.trigger()
        return True
