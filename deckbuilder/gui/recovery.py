"""Autosave for crash recovery: unsaved text goes to a recovery file every few seconds."""

from __future__ import annotations

import contextlib
import hashlib
import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer

from deckbuilder.atomic import write_text_atomic
from deckbuilder.errors import DeckError
from deckbuilder.gui.document import Document
from deckbuilder.outline.model import Deck

AUTOSAVE_INTERVAL_MS = 5000
RECOVERY_DIR_ENV = "DECKBUILDER_RECOVERY_DIR"


def default_recovery_dir() -> Path:
    """$DECKBUILDER_RECOVERY_DIR, else the app data folder's recovery/ subfolder."""
    override = os.environ.get(RECOVERY_DIR_ENV)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".deckbuilder") / "recovery"


def recovery_name(path: Path | None) -> str:
    """The recovery file's name for a deck: a hash of its absolute path, or 'untitled'."""
    if path is None:
        return "untitled.yaml"
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"{digest}.yaml"


class Recovery(QObject):
    """Writes the document's text to its recovery file while it has unsaved changes."""

    def __init__(
        self,
        document: Document,
        folder: Path | None = None,
        parent: QObject | None = None,
        interval_ms: int = AUTOSAVE_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self.folder = folder if folder is not None else default_recovery_dir()
        self._written: str | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave_now)
        self.timer.start()

    def file_for(self, path: Path | None) -> Path:
        """Where the recovery text of a deck (or the untitled deck) is kept."""
        return self.folder / recovery_name(path)

    def autosave_now(self) -> Path | None:
        """Write the text if it has unsaved changes not yet written; returns the file written."""
        document = self._document
        if document.undo_stack.isClean() or document.text == self._written:
            return None
        target = self.file_for(document.path)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_text_atomic(target, document.text)
        except OSError:
            return None
        self._written = document.text
        return target

    def pending_text(self, path: Path | None, current: str) -> str | None:
        """The recovered text for a deck, if a recovery file exists and differs from current."""
        target = self.file_for(path)
        try:
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if text != current else None

    def describe(self, path: Path | None) -> str:
        """When a deck's recovery file was autosaved and what it holds: 'Autosaved 14:02 on 3 May: …'."""
        from deckbuilder.outline.loader import loads, salvage

        target = self.file_for(path)
        try:
            when = datetime.fromtimestamp(target.stat().st_mtime)
            text = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""
        stamp = f"Autosaved at {when:%H:%M} on {when:%d %B %Y}".replace(" 0", " ")
        deck: Deck | None
        try:
            deck = loads(text)
        except DeckError:
            deck = salvage(text)
        if deck is None:
            return f"{stamp}; the outline has problems."
        count = sum(len(section.slides) for section in deck.sections)
        return f"{stamp}: “{deck.title}”, {count} slide{'s' if count != 1 else ''}."

    def discard(self, path: Path | None) -> None:
        """Remove a deck's recovery file (after a save, or a close without changes to keep)."""
        self._written = None
        with contextlib.suppress(OSError):
            self.file_for(path).unlink(missing_ok=True)

    def stop(self) -> None:
        """No more autosaves (the window is closing)."""
        self.timer.stop()
