"""The outline tree: sections and slides, with actions to add, duplicate, delete, move and drag them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMenu, QStyle, QTreeView, QWidget

from deckbuilder.gui import edits
from deckbuilder.gui.document import Document
from deckbuilder.gui.edits import KIND_LABELS, OutlinePath
from deckbuilder.gui.icons import kind_icon
from deckbuilder.gui.models.outline_model import OutlineModel


class OutlineTree(QTreeView):
    """Shows the outline model; owns the structural edit actions (also used by the toolbar and menus)."""

    current_path_changed = Signal(object)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._path: OutlinePath = ()
        self.outline_model = OutlineModel(document, self)
        self.setModel(self.outline_model)
        self.setHeaderHidden(True)
        self.setAccessibleName("Outline")
        self.setUniformRowHeights(True)
        self.setIconSize(QSize(24, 24))
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_context_menu)
        self.outline_model.modelReset.connect(self._after_reset)
        self.selectionModel().selectionChanged.connect(self._on_selection_changed)
        document.focus_requested.connect(self.select_path)
        document.opened.connect(self._forget_selection)
        document.problems_changed.connect(self.update_actions)
        self._build_actions()
        self.expandAll()

    # -- actions ---------------------------------------------------------------------------------------

    def _action(
        self, text: str, tip: str, icon: QStyle.StandardPixmap | None, shortcut: str | None
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_actions(self) -> None:
        pix = QStyle.StandardPixmap
        self.add_slide_menu = QMenu("Add slide", self)
        for kind, label in KIND_LABELS.items():
            action = self.add_slide_menu.addAction(kind_icon(kind), label)
            action.triggered.connect(lambda _checked=False, k=kind: self.add_slide(k))
        self.add_slide_action = self._action(
            "Add Slide", "Add a bullets slide after the selection", pix.SP_FileIcon, "Ctrl+M"
        )
        self.add_slide_action.setMenu(self.add_slide_menu)
        self.add_slide_action.triggered.connect(lambda: self.add_slide("bullets"))
        self.add_section_action = self._action(
            "Add Section", "Add a section after the selected one", pix.SP_FileDialogNewFolder, "Ctrl+Shift+M"
        )
        self.add_section_action.triggered.connect(self.add_section)
        self.duplicate_action = self._action(
            "Duplicate", "Duplicate the selected slide or section", pix.SP_FileDialogContentsView, "Ctrl+D"
        )
        self.duplicate_action.triggered.connect(self.duplicate)
        self.delete_action = self._action(
            "Delete", "Delete the selected slide or section", pix.SP_TrashIcon, None
        )
        self.delete_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Delete)])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete)
        self.addAction(self.delete_action)
        self.move_up_action = self._action("Move Up", "Move the selection up", pix.SP_ArrowUp, "Alt+Up")
        self.move_up_action.triggered.connect(lambda: self.move_selection(-1))
        self.move_down_action = self._action(
            "Move Down", "Move the selection down", pix.SP_ArrowDown, "Alt+Down"
        )
        self.move_down_action.triggered.connect(lambda: self.move_selection(1))
        self.update_actions()

    def edit_actions(self) -> list[QAction]:
        """The structural actions, in menu order."""
        return [
            self.add_slide_action,
            self.add_section_action,
            self.duplicate_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
        ]

    def update_actions(self) -> None:
        """Enable what makes sense for the selection and a valid outline."""
        ready = self._document.is_valid and self._document.deck is not None
        path = self._path
        deck = self._document.deck
        self.add_slide_action.setEnabled(ready)
        self.add_section_action.setEnabled(ready)
        self.duplicate_action.setEnabled(ready and bool(path))
        deletable = bool(path) and (len(path) == 2 or (deck is not None and len(deck.sections) > 1))
        self.delete_action.setEnabled(ready and deletable)
        data = self._document.data() if ready and path else None
        self.move_up_action.setEnabled(data is not None and edits.can_move(data, path, -1))
        self.move_down_action.setEnabled(data is not None and edits.can_move(data, path, 1))

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if index.isValid():
            self.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addMenu(self.add_slide_menu)
        for action in self.edit_actions()[1:]:
            menu.addAction(action)
        menu.exec(self.viewport().mapToGlobal(position))

    # -- edits -------------------------------------------------------------------------------------------

    def _apply(self, result: tuple[edits.Data, OutlinePath], label: str) -> bool:
        new, focus = result
        return not self._document.edit_data(new, label, focus=focus, focus_before=self._path)

    def add_slide(self, kind: str) -> bool:
        """Add a slide of a kind after the selection."""
        return self._apply(
            edits.add_slide(self._document.data(), self._path, kind), f"Add {KIND_LABELS[kind]} slide"
        )

    def add_section(self) -> bool:
        """Add a section after the selected one."""
        return self._apply(edits.add_section(self._document.data(), self._path[:1]), "Add section")

    def duplicate(self) -> bool:
        """Duplicate the selected slide or section."""
        if not self._path:
            return False
        what = "slide" if len(self._path) == 2 else "section"
        return self._apply(edits.duplicate(self._document.data(), self._path), f"Duplicate {what}")

    def delete(self) -> bool:
        """Delete the selected slide or section."""
        if not self._path or not self.delete_action.isEnabled():
            return False
        what = "slide" if len(self._path) == 2 else "section"
        return self._apply(edits.delete(self._document.data(), self._path), f"Delete {what}")

    def move_selection(self, delta: int) -> bool:
        """Move the selection up (-1) or down (+1)."""
        data = self._document.data()
        if not self._path or not edits.can_move(data, self._path, delta):
            return False
        what = "slide" if len(self._path) == 2 else "section"
        return self._apply(
            edits.move(data, self._path, delta), f"Move {what} {'up' if delta < 0 else 'down'}"
        )

    # -- selection ------------------------------------------------------------------------------------

    def current_path(self) -> OutlinePath:
        """The selected item's outline path."""
        return self._path

    def select_path(self, path: OutlinePath) -> None:
        """Select the item at a path (the nearest existing one)."""
        index = self.outline_model.index_of(path)
        if not index.isValid() and len(path) == 2:
            index = self.outline_model.index_of(path[:1])
        if not index.isValid() and self.outline_model.rowCount() > 0:
            index = self.outline_model.index(
                min(path[0] if path else 0, self.outline_model.rowCount() - 1), 0
            )
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        self._set_path(self.outline_model.path_of(index))

    def _forget_selection(self) -> None:
        """Another deck opened: it starts at its first slide, not where the last one was."""
        self._path = ()

    def _after_reset(self) -> None:
        self.expandAll()
        self.select_path(self._path or (0, 0))

    def _on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        indexes = self.selectionModel().selectedIndexes()
        self._set_path(self.outline_model.path_of(indexes[0]) if indexes else ())

    def _set_path(self, path: OutlinePath) -> None:
        if path != self._path:
            self._path = path
            self.current_path_changed.emit(path)
        self.update_actions()
