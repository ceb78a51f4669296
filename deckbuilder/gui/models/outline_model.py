"""The outline as a Qt item model: sections and slides, renamed and rearranged through undo commands."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from deckbuilder.gui import edits
from deckbuilder.gui.document import Document
from deckbuilder.gui.edits import KIND_LABELS, OutlinePath
from deckbuilder.gui.icons import SECTION_GROUP, kind_icon, problem_icon
from deckbuilder.outline.model import Deck, Section

MIME_TYPE = "application/x-deckbuilder-outline-path"
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION_ID = 0
"""internalId of a section index; a slide's internalId is its section's row + 1."""

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
"""The invalid index (the root), as the default parent."""


def slide_label(slide: Any, deck: Deck) -> str:
    """How a slide reads in the outline: its title, or what stands in for one."""
    kind = slide.kind
    if kind == "title":
        return str(slide.title or deck.title)
    if kind == "quote":
        return str(slide.title or f"“{slide.text}”")
    return str(getattr(slide, "title", None) or KIND_LABELS.get(kind, kind))


class OutlineModel(QAbstractItemModel):
    """Sections (top level) and their slides (children), one column, over the document's Deck."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._deck: Deck | None = document.deck
        document.deck_changed.connect(self._on_deck_changed)
        document.problems_changed.connect(self._on_deck_changed)

    # -- structure ---------------------------------------------------------------------------------

    def _sections(self) -> list[Section]:
        return list(self._deck.sections) if self._deck is not None else []

    def index(self, row: int, column: int, parent: AnyIndex = NO_PARENT) -> QModelIndex:
        """The index of a section (under the root) or a slide (under its section)."""
        if column != 0 or row < 0:
            return QModelIndex()
        sections = self._sections()
        if not parent.isValid():
            return self.createIndex(row, 0, SECTION_ID) if row < len(sections) else QModelIndex()
        if (
            parent.internalId() == SECTION_ID
            and parent.row() < len(sections)
            and row < len(sections[parent.row()].slides)
        ):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: AnyIndex = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        """A slide's section; nothing for a section."""
        if not child.isValid() or child.internalId() == SECTION_ID:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, SECTION_ID)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        """Sections under the root, slides under a section, nothing under a slide."""
        if parent.column() > 0:
            return 0
        sections = self._sections()
        if not parent.isValid():
            return len(sections)
        if parent.internalId() == SECTION_ID and parent.row() < len(sections):
            return len(sections[parent.row()].slides)
        return 0

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        """One column: the title."""
        return 1

    def path_of(self, index: AnyIndex) -> OutlinePath:
        """(s,) for a section, (s, i) for a slide, () for the root."""
        if not index.isValid():
            return ()
        if index.internalId() == SECTION_ID:
            return (index.row(),)
        return (index.internalId() - 1, index.row())

    def index_of(self, path: OutlinePath) -> QModelIndex:
        """The index at an outline path (invalid if there is none)."""
        if not path:
            return QModelIndex()
        section = self.index(path[0], 0)
        return section if len(path) == 1 else self.index(path[1], 0, section)

    # -- data ----------------------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title, icon, kind and path of a section or slide."""
        if not index.isValid() or self._deck is None:
            return None
        path = self.path_of(index)
        section = self._deck.sections[path[0]]
        if role == PATH_ROLE:
            return path
        problem = self._document.problem_places.get(path)
        if problem is not None and role == Qt.ItemDataRole.DecorationRole:
            return problem_icon()
        if problem is not None and role == Qt.ItemDataRole.ToolTipRole:
            return f"Problem: {problem}"
        if len(path) == 1:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return section.title
            if role == Qt.ItemDataRole.DecorationRole:
                return kind_icon(SECTION_GROUP)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Section {path[0] + 1}: {section.title}"
            if role == KIND_ROLE:
                return "section"
            return None
        slide = section.slides[path[1]]
        if role == Qt.ItemDataRole.DisplayRole:
            return slide_label(slide, self._deck)
        if role == Qt.ItemDataRole.EditRole:
            return getattr(slide, "title", None) or ""
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(slide.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{KIND_LABELS.get(slide.kind, slide.kind)} slide"
        if role == KIND_ROLE:
            return slide.kind
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Everything selectable and draggable; sections accept dropped slides, the root dropped sections."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() != SECTION_ID:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Rename a section or slide in place, as an undoable edit."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._deck is None:
            return False
        path = self.path_of(index)
        title = str(value).strip()
        data = self._document.data()
        if len(path) == 1:
            new = edits.set_section_fields(data, path[0], {"title": title})
        else:
            slide = dict(data["sections"][path[0]]["slides"][path[1]])
            if title:
                slide["title"] = title
            else:
                slide.pop("title", None)
            new = edits.set_slide(data, path, slide)
        return not self._document.edit_data(new, "Rename", focus=path)

    # -- drag and drop ---------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        """Items are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The one type the outline understands: a dragged outline path."""
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The path of the first dragged item."""
        mime = QMimeData()
        valid = [index for index in indexes if index.isValid()]
        if valid:
            mime.setData(MIME_TYPE, QByteArray(json.dumps(list(self.path_of(valid[0]))).encode()))
        return mime

    def _drop_target(
        self, mime: QMimeData, row: int, parent: AnyIndex
    ) -> tuple[OutlinePath, int, int] | None:
        """What is dropped, and the section and row it lands at (section -1 for a section move)."""
        if self._deck is None or not mime.hasFormat(MIME_TYPE):
            return None
        try:
            source = tuple(int(part) for part in json.loads(bytes(mime.data(MIME_TYPE).data()).decode()))
        except (ValueError, TypeError):
            return None
        target = self.path_of(parent)
        if len(source) == 2:
            if not target:
                return None
            section = target[0]
            if len(target) == 2:
                row = target[1] + 1
            elif row < 0:
                row = len(self._deck.sections[section].slides)
            return source, section, row
        if len(source) == 1:
            if target:
                row = target[0] + (1 if len(target) == 2 else 0)
            elif row < 0:
                row = len(self._deck.sections)
            return source, -1, row
        return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Slides drop into sections, sections between sections."""
        return action == Qt.DropAction.MoveAction and self._drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Move the dragged slide or section through an undo command."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        target = self._drop_target(data, row, parent)
        if action != Qt.DropAction.MoveAction or target is None:
            return False
        source, section, row = target
        outline = self._document.data()
        if section >= 0:
            new, focus = edits.move_slide(outline, source, section, row)
            label = "Move slide"
        else:
            new, focus = edits.move_section(outline, source[0], row)
            label = "Move section"
        if focus == source:
            return False
        return not self._document.edit_data(new, label, focus=focus, focus_before=source)

    # -- following the document --------------------------------------------------------------------

    def _on_deck_changed(self) -> None:
        """Refresh titles in place when the shape is unchanged, else reset."""
        deck = self._document.deck
        old_shape = [len(s.slides) for s in self._sections()]
        new_shape = [len(s.slides) for s in deck.sections] if deck is not None else []
        if old_shape != new_shape:
            self.beginResetModel()
            self._deck = deck
            self.endResetModel()
            return
        self._deck = deck
        if not new_shape:
            return
        self.dataChanged.emit(self.index(0, 0), self.index(len(new_shape) - 1, 0))
        for row, count in enumerate(new_shape):
            if count:
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 0, parent))
