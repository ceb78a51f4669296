"""Ctrl+Z and Ctrl+Shift+Z typed in any form field undo the document, not just the field's text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_WIDGETS = (QLineEdit, QPlainTextEdit, QTextEdit)


class UndoKeys(QObject):
    """An application event filter: undo keys in text fields under `scope` go to the document's stack.

    A QLineEdit keeps its own undo history and takes Ctrl+Z before the window's Undo action sees it;
    its undo then changes the field without telling the form, so field and document disagree.
    """

    def __init__(self, stack: QUndoStack, scope: QWidget) -> None:
        super().__init__(scope)
        self._stack = stack
        self._scope = scope

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, TEXT_WIDGETS) or not self._scope.isAncestorOf(watched):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        undo = event.matches(QKeySequence.StandardKey.Undo)
        redo = event.matches(QKeySequence.StandardKey.Redo)
        if not (undo or redo):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # deliver the key press to the field, where this filter takes it
            return True
        if redo:
            self._stack.redo()
        else:
            self._stack.undo()
        return True
