"""Slides on the clipboard: copy, cut and paste in the outline and the filmstrip, between decks too."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from deckbuilder.gui import edits
from deckbuilder.gui.document import Document
from deckbuilder.gui.edits import KIND_LABELS, Data, OutlinePath

MIME_TYPE = "application/x-deckbuilder-slide+json"


def slide_mime(slide: Data) -> QMimeData:
    """A slide as clipboard data: JSON for Deckbuilder, YAML text for any editor."""
    import yaml

    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps(slide, ensure_ascii=False).encode("utf-8"))
    mime.setText(yaml.safe_dump([slide], allow_unicode=True, sort_keys=False))
    return mime


def slide_from_mime(mime: QMimeData | None) -> Data | None:
    """The slide on the clipboard (Deckbuilder's own, or YAML text of one slide), if any."""
    import yaml

    if mime is None:
        return None
    value: Any = None
    if mime.hasFormat(MIME_TYPE):
        try:
            value = json.loads(bytes(mime.data(MIME_TYPE).data()).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
    elif mime.hasText():
        try:
            value = yaml.safe_load(mime.text())
        except yaml.YAMLError:
            return None
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
    if isinstance(value, dict) and value.get("kind") in KIND_LABELS:
        return value
    return None


class SlideClipboard(QObject):
    """The Copy, Cut and Paste slide actions for the widgets that show slides (outline, filmstrip)."""

    status_message = Signal(str)

    def __init__(self, document: Document, current_path: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._current_path = current_path
        self.copy_action = self._action("&Copy Slide", QKeySequence.StandardKey.Copy, self.copy)
        self.cut_action = self._action("Cu&t Slide", QKeySequence.StandardKey.Cut, self.cut)
        self.paste_action = self._action("&Paste Slide", QKeySequence.StandardKey.Paste, self.paste)

    def _action(self, text: str, keys: QKeySequence.StandardKey, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # text fields keep their own Ctrl+C
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        """Copy, cut and paste."""
        return [self.copy_action, self.cut_action, self.paste_action]

    def attach(self, widget: QWidget) -> None:
        """Make the shortcuts work while widget has the focus."""
        widget.addActions(self.actions())

    def _slide(self) -> tuple[OutlinePath, Data] | None:
        path: OutlinePath = self._current_path()
        if len(path) != 2 or not self._document.is_valid:
            return None
        return path, self._document.data()["sections"][path[0]]["slides"][path[1]]

    def copy(self) -> bool:
        """Put the selected slide on the clipboard."""
        found = self._slide()
        if found is None:
            return False
        QGuiApplication.clipboard().setMimeData(slide_mime(found[1]))
        self.status_message.emit("Copied the slide")
        return True

    def cut(self) -> bool:
        """Put the selected slide on the clipboard and delete it."""
        found = self._slide()
        if found is None or not self.copy():
            return False
        new, focus = edits.delete(self._document.data(), found[0])
        return not self._document.edit_data(new, "Cut slide", focus=focus, focus_before=found[0])

    def paste(self) -> bool:
        """Insert the slide on the clipboard after the selected slide (or at the end of the section)."""
        slide = slide_from_mime(QGuiApplication.clipboard().mimeData())
        if slide is None or not self._document.is_valid:
            self.status_message.emit("Nothing to paste: the clipboard holds no slide")
            return False
        path: OutlinePath = self._current_path()
        data = self._document.data()
        section = path[0] if path else len(data["sections"]) - 1
        slides = data["sections"][section].setdefault("slides", [])
        row = path[1] + 1 if len(path) == 2 else len(slides)
        slides.insert(row, slide)
        problems = self._document.edit_data(data, "Paste slide", focus=(section, row), focus_before=path)
        if problems:
            self.status_message.emit("Cannot paste: " + "; ".join(problems))
        return not problems
