"""The open deck: its file, its YAML text, the last valid Deck, its problems and its undo stack."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from deckbuilder.errors import DeckError, Problem
from deckbuilder.gui.commands import DocState, SnapshotCommand, YamlTextCommand
from deckbuilder.gui.edits import Data, OutlinePath
from deckbuilder.outline.model import Deck

VALIDATE_DELAY_MS = 300
UNTITLED = "Untitled"


class Document(QObject):
    """Owns the outline text and its parse; every change goes through the undo stack."""

    text_changed = Signal(str)
    deck_changed = Signal()
    problems_changed = Signal()
    path_changed = Signal()
    focus_requested = Signal(object)
    opened = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._path: Path | None = None
        self._text = ""
        self._deck: Deck | None = None
        self._valid = False
        self._problems: tuple[Problem, ...] = ()
        self._places: dict[OutlinePath, str] = {}
        self.saved_text = ""
        self.suggested_path: Path | None = None
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)
        self._step: tuple[str, str] | None = None
        self._steps = 0

    # -- reading -----------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """Read-only: the deck's file, None while untitled."""
        return self._path

    @property
    def text(self) -> str:
        """Read-only: the current outline text (the source of truth)."""
        return self._text

    @property
    def deck(self) -> Deck | None:
        """Read-only: the last valid Deck (it may lag behind the text), or what of a broken file validates."""
        return self._deck

    @property
    def is_valid(self) -> bool:
        """Read-only: whether the current text parsed into the current Deck."""
        return self._valid and not self._validate_timer.isActive()

    @property
    def problem_places(self) -> dict[OutlinePath, str]:
        """Read-only: the sections and slides the problems are in, each with its first problem."""
        return self._places

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Read-only: what is wrong with the current text."""
        return self._problems

    @property
    def display_name(self) -> str:
        """Read-only: the deck's title, else its file name, else 'Untitled'."""
        if self._deck is not None:
            return self._deck.title
        return self._path.name if self._path is not None else UNTITLED

    def data(self) -> Data:
        """The last valid deck as plain outline data (a fresh copy)."""
        from deckbuilder.outline.loader import outline_data

        if self._deck is None:
            raise DeckError.single(self._source_name(), "the outline has problems; fix them first")
        return outline_data(self._deck)

    def state(self) -> DocState:
        """The current snapshot."""
        return DocState(self._text, self._deck if self.is_valid else None)

    def _source_name(self) -> str:
        return str(self._path) if self._path is not None else UNTITLED

    # -- loading and saving --------------------------------------------------------------------------

    def open_text(self, text: str, path: Path | None, *, suggested: Path | None = None) -> None:
        """Start afresh with text for a file (or untitled, saved first to suggested): the stack is clean."""
        self._validate_timer.stop()
        self.undo_stack.clear()
        self._path = path
        self.suggested_path = suggested
        self.saved_text = text if path is not None else ""
        self._text = text
        self._deck = None
        self._valid = False
        self.opened.emit()
        self.path_changed.emit()
        self.text_changed.emit(text)
        self.validate_now()
        self.undo_stack.setClean()

    def mark_unsaved(self) -> None:
        """Treat the text as not yet saved anywhere (an import): modified until a save."""
        self.undo_stack.resetClean()

    def open_file(self, path: Path) -> None:
        """Open an outline file; raises DeckError when it cannot be read at all."""
        from deckbuilder.outline.yaml_source import read_outline_text

        self.open_text(read_outline_text(path), path)

    def save(self, path: Path | None = None) -> Path:
        """Write the text to path (default: the deck's file) atomically and mark the stack clean."""
        from deckbuilder.atomic import write_text_atomic

        target = path or self._path
        if target is None:
            raise ValueError("an untitled deck needs a path to save to")
        write_text_atomic(target, self._text)
        self.saved_text = self._text
        if target != self._path:
            self._path = target
            self.path_changed.emit()
            self.validate_now()
        self.undo_stack.setClean()
        return target

    # -- validation -----------------------------------------------------------------------------------

    def validate_now(self) -> None:
        """Parse the current text now: a valid one replaces the Deck, an invalid one lists its problems."""
        from deckbuilder.outline.loader import loads, salvage

        self._validate_timer.stop()
        try:
            deck = loads(self._text, self._source_name()).with_path(self._path)
        except DeckError as error:
            self._valid = False
            self._set_problems(error.problems)
            if self._deck is None:  # nothing valid shown yet: show what of the file does validate
                salvaged = salvage(self._text, self._source_name())
                if salvaged is not None:
                    self._deck = salvaged.with_path(self._path)
                    self.deck_changed.emit()
            return
        self._set_deck(deck)

    def _set_deck(self, deck: Deck) -> None:
        self._deck = deck
        self._valid = True
        self._set_problems(())
        self.deck_changed.emit()

    def _set_problems(self, problems: tuple[Problem, ...]) -> None:
        from deckbuilder.outline.loader import problem_places

        if problems != self._problems:
            self._problems = problems
            self._places = problem_places(self._text, problems) if problems else {}
            self.problems_changed.emit()

    # -- changes (called by undo commands) ---------------------------------------------------------

    def apply_state(self, state: DocState, focus: OutlinePath | None, *, validate: str = "now") -> None:
        """Make a snapshot current; validate 'now', 'later' (debounced, while typing) or not at all."""
        changed = state.text != self._text
        self._text = state.text
        if changed:
            self.text_changed.emit(state.text)
        if state.deck is not None:
            self._validate_timer.stop()
            deck = state.deck  # the held Deck itself; a copy only if the file was renamed since
            self._set_deck(deck if deck.path == self._path else deck.with_path(self._path))
        elif validate == "later":
            self._valid = False
            self._validate_timer.start()
        else:
            self.validate_now()
        if focus is not None:
            self.focus_requested.emit(focus)

    # -- edits (each pushes one undo command) -------------------------------------------------------

    def edit_text(self, text: str) -> None:
        """The YAML editor's text changed: record it as an undoable edit and re-validate after a pause."""
        if text != self._text:
            self.undo_stack.push(YamlTextCommand(self, self.state(), DocState(text, None)))

    def replace_text(self, text: str, label: str) -> None:
        """Swap in a whole new text (recovered or reloaded) as one undo step."""
        if text != self._text:
            self.undo_stack.push(SnapshotCommand(self, label, self.state(), DocState(text, None)))

    @contextmanager
    def own_step(self, label: str) -> Iterator[None]:
        """Field edits made in the block are one undo step named label, merged with no typing around it."""
        self._steps += 1
        self._step = (label, f"step:{self._steps}")
        try:
            yield
        finally:
            self._step = None

    def edit_data(
        self,
        new_data: Data,
        label: str,
        *,
        merge_key: str | None = None,
        focus: OutlinePath | None = None,
        focus_before: OutlinePath | None = None,
    ) -> list[str]:
        """Apply an outline edit as one undo step; returns why it was refused (empty when applied)."""
        if self._validate_timer.isActive():
            self.validate_now()
        if not self._valid or self._deck is None:
            return ["fix the problems in the YAML first"]
        try:
            after = self._state_for(new_data)
        except DeckError as error:
            return [problem.message for problem in error.problems]
        if after.text == self._text:
            return []
        if self._step is not None:
            label, merge_key = self._step
        command = SnapshotCommand(self, label, self.state(), after, focus_before, focus, merge_key)
        self.undo_stack.push(command)
        return []

    def _state_for(self, new_data: Data) -> DocState:
        """The text and Deck for new outline data: only the lines the change touches are rewritten."""
        from deckbuilder.outline.loader import edited_outline

        assert self._deck is not None
        text, deck = edited_outline(self._text, self._deck, new_data, self._source_name())
        return DocState(text, deck.with_path(self._path))
