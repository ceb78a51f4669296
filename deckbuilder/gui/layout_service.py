"""Lay the deck out off the GUI thread as soon as it changes, coalescing changes that come while a layout
runs, and hand the newest result to the views."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from deckbuilder.errors import Problem
from deckbuilder.gui.document import Document
from deckbuilder.layout.boxes import DeckLayout
from deckbuilder.outline.model import Deck

LOG = logging.getLogger(__name__)


def _placeholder_image(folder: Path) -> Path:
    """A grey picture that stands in for a missing image, so the rest of the deck still previews."""
    from PIL import Image

    path = folder / "missing-image.png"
    if not path.exists():
        Image.new("RGB", (800, 450), (214, 219, 226)).save(path)
    return path


def build_layout(deck: Deck, scratch: Path) -> tuple[DeckLayout | None, tuple[Problem, ...]]:
    """The deck's layout and its problems, as the pipeline gives them to every face."""
    from deckbuilder.pipeline import preview_layout

    try:
        return preview_layout(deck, _placeholder_image(scratch))
    except Exception as error:  # a layout bug must not take the app down; report it instead
        LOG.exception("layout failed")
        return None, (Problem(str(deck.path or "deck"), f"internal error while laying out: {error}"),)


class _Signals(QObject):
    """Carries a finished job's result back to the GUI thread."""

    finished = Signal(int, object, object)


class _LayoutJob(QRunnable):
    """One layout run on a pool thread."""

    def __init__(self, generation: int, deck: Deck, scratch: Path, signals: _Signals) -> None:
        super().__init__()
        self._generation = generation
        self._deck = deck
        self._scratch = scratch
        self._signals = signals

    def run(self) -> None:
        """Lay out and report, whatever happens."""
        layout, problems = build_layout(self._deck, self._scratch)
        self._signals.finished.emit(self._generation, layout, problems)


class LayoutService(QObject):
    """Re-lays out the document's Deck at once when it changes; while a layout runs, further changes
    wait as one pending run (no fixed pause, no queue), and the newest result wins."""

    layout_ready = Signal(object)
    problems_changed = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._scratch = tempfile.TemporaryDirectory(prefix="deckbuilder-preview-")
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._generation = 0
        self._running = False
        self._pending = False
        self.layout: DeckLayout | None = None
        self.problems: tuple[Problem, ...] = ()
        document.deck_changed.connect(self._start)

    @property
    def is_laying_out(self) -> bool:
        """Read-only: whether a layout of the deck is running now."""
        return self._running

    def reset(self) -> None:
        """Forget the last layout and problems (another deck was opened); results in flight are dropped."""
        self._generation += 1
        self._pending = False
        self.layout = None
        self.problems = ()
        self.problems_changed.emit(())

    def request_now(self) -> None:
        """Lay out now (on opening a deck)."""
        self._start()

    def _start(self) -> None:
        deck = self._document.deck
        if deck is None:
            return
        if self._running:
            self._pending = True
            return
        self._generation += 1
        self._running = True
        self._pool.start(_LayoutJob(self._generation, deck, Path(self._scratch.name), self._signals))

    def _on_finished(self, generation: int, layout: DeckLayout | None, problems: tuple[Problem, ...]) -> None:
        self._running = False
        if generation == self._generation:  # not from before a reset: newer than what is shown
            if problems != self.problems:
                self.problems = problems
                self.problems_changed.emit(problems)
            if layout is not None:
                self.layout = layout
                self.layout_ready.emit(layout)
        if self._pending:  # the changes made meanwhile, as one run
            self._pending = False
            self._start()

    def shutdown(self) -> None:
        """Stop scheduling and wait for a running job (before the window goes)."""
        self._pending = False
        self._pool.waitForDone(5000)
        self._scratch.cleanup()
