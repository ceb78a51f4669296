"""Every undoable edit: snapshot commands that swap the outline text (and its Deck) before and after."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from deckbuilder.gui.edits import OutlinePath
from deckbuilder.outline.model import Deck


@dataclass(frozen=True)
class DocState:
    """A snapshot an undo command restores: the text, and its Deck when the text is known to be valid."""

    text: str
    deck: Deck | None


class StateHolder(Protocol):
    """What a command swaps states in: the open document."""

    def apply_state(self, state: DocState, focus: OutlinePath | None, *, validate: str = "now") -> None:
        """Make a snapshot current."""


MERGE_FIELD_EDITS = 1001
MERGE_YAML_TYPING = 1002
TYPING_PAUSE_S = 1.5
"""Keystrokes further apart than this start a new undo step."""


class SnapshotCommand(QUndoCommand):
    """An outline edit (a form field, a tree change, a theme): the whole state before and after.

    Consecutive edits with the same merge key (typing into one field) merge into one undo step.
    """

    def __init__(
        self,
        document: StateHolder,
        label: str,
        before: DocState,
        after: DocState,
        focus_before: OutlinePath | None = None,
        focus_after: OutlinePath | None = None,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(label)
        self._document = document
        self.before = before
        self.after = after
        self._focus_before = focus_before if focus_before is not None else focus_after
        self._focus_after = focus_after
        self.merge_key = merge_key
        self._stamp = time.monotonic()

    def redo(self) -> None:
        """Apply the after-state."""
        self._document.apply_state(self.after, self._focus_after)

    def undo(self) -> None:
        """Restore the before-state."""
        self._document.apply_state(self.before, self._focus_before)

    def id(self) -> int:
        """Field edits with a merge key can merge; others never do."""
        return MERGE_FIELD_EDITS if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a following edit of the same field, typed without a long pause, into this one."""
        if not isinstance(other, SnapshotCommand) or other.merge_key != self.merge_key:
            return False
        if other._stamp - self._stamp > TYPING_PAUSE_S:
            return False
        self.after = other.after
        self._stamp = other._stamp
        self.setObsolete(self.after.text == self.before.text)
        return True


class YamlTextCommand(QUndoCommand):
    """Typing in the YAML editor: the text before and after; validation runs after a pause."""

    def __init__(self, document: StateHolder, before: DocState, after: DocState) -> None:
        super().__init__("Edit YAML")
        self._document = document
        self.before = before
        self.after = after
        self._stamp = time.monotonic()
        self._typed = True

    def redo(self) -> None:
        """Apply the typed text (debounced validation the first time, immediate on redo)."""
        self._document.apply_state(self.after, None, validate="later" if self._typed else "now")
        self._typed = False

    def undo(self) -> None:
        """Restore the text from before the typing."""
        self._document.apply_state(self.before, None)

    def id(self) -> int:
        """YAML typing merges into one step per burst."""
        return MERGE_YAML_TYPING

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold the next keystroke in, unless the typist paused."""
        if not isinstance(other, YamlTextCommand) or other._stamp - self._stamp > TYPING_PAUSE_S:
            return False
        self.after = other.after
        self._stamp = other._stamp
        self.setObsolete(self.after.text == self.before.text)
        return True
