"""Editors for list-like slide content: two-level points and grids of cells, committing as you type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

Point = str | dict[str, Any]


class LiveDelegate(QStyledItemDelegate):
    """An item editor that writes to the model on every keystroke, so the preview follows typing."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        """A line edit that commits each edit."""
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.textEdited.connect(lambda _text: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        """Fill the editor, unless it already shows the value (keeps the cursor while typing)."""
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QLineEdit) and editor.text() != value:
            editor.setText(value)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Write the editor's text to the item."""
        if isinstance(editor, QLineEdit) and editor.text() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def _tool(parent: QWidget, icon: QStyle.StandardPixmap | None, text: str, tip: str) -> QToolButton:
    button = QToolButton(parent)
    style = parent.style()
    if icon is not None:
        button.setIcon(style.standardIcon(icon))
    button.setText(text)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    button.setToolButtonStyle(
        Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if icon is not None
        else Qt.ToolButtonStyle.ToolButtonTextOnly
    )
    return button


class PointsEditor(QWidget):
    """Bullet points on one or two levels: add, remove, reorder, indent and outdent."""

    edited = Signal()

    def __init__(self, two_levels: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._two_levels = two_levels
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(22)
        self.tree.setItemDelegate(LiveDelegate(self.tree))
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.tree.itemChanged.connect(lambda *_: self.edited.emit())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        pix = QStyle.StandardPixmap
        specs: list[tuple[QStyle.StandardPixmap | None, str, str, Any, str]] = [
            (None, "+ Add", "Add a point after the selected one (Ctrl+Enter)", self.add_point, "Ctrl+Return"),
            (
                None,
                "Remove",
                "Remove the selected point (Ctrl+Backspace)",
                self.remove_point,
                "Ctrl+Backspace",
            ),
            (
                pix.SP_ArrowUp,
                "",
                "Move the point up (Alt+Shift+Up)",
                lambda: self.move_point(-1),
                "Alt+Shift+Up",
            ),
            (
                pix.SP_ArrowDown,
                "",
                "Move the point down (Alt+Shift+Down)",
                lambda: self.move_point(1),
                "Alt+Shift+Down",
            ),
        ]
        if two_levels:
            specs += [
                (
                    pix.SP_ArrowRight,
                    "",
                    "Indent: make it a sub-point of the point above (Tab)",
                    self.indent,
                    "Tab",
                ),
                (
                    pix.SP_ArrowLeft,
                    "",
                    "Outdent: make it a main point again (Shift+Tab)",
                    self.outdent,
                    "Shift+Tab",
                ),
            ]
        for icon, text, tip, slot, keys in specs:
            button = _tool(self, icon, text, tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            shortcut = QAction(tip, self.tree)
            shortcut.setShortcut(QKeySequence(keys))
            shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.triggered.connect(slot)
            self.tree.addAction(shortcut)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)

    def _item(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def set_points(self, points: list[Point]) -> None:
        """Show points, unless they are already shown (so typing is not interrupted)."""
        if points == self.points():
            return
        self.tree.blockSignals(True)
        self.tree.clear()
        for point in points:
            if isinstance(point, dict):
                item = self._item(str(point.get("text", "")))
                item.addChildren([self._item(str(sub)) for sub in point.get("points", [])])
            else:
                item = self._item(str(point))
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every point and one more line, so the list rarely scrolls."""
        rows = len(self._flat()) + 1
        line = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height() + 6)
        self.tree.setFixedHeight(min(16, max(3, rows)) * line + 2 * self.tree.frameWidth() + 4)

    def _top(self, row: int) -> QTreeWidgetItem:
        item = self.tree.topLevelItem(row)
        assert item is not None
        return item

    @staticmethod
    def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        return [child for i in range(item.childCount()) if (child := item.child(i)) is not None]

    def points(self) -> list[Point]:
        """The points as outline data: text, or text with sub-points."""
        result: list[Point] = []
        for row in range(self.tree.topLevelItemCount()):
            item = self._top(row)
            subs = [child.text(0) for child in self._children(item)]
            result.append({"text": item.text(0), "points": subs} if subs else item.text(0))
        return result

    def _flat(self) -> list[tuple[int, str]]:
        """The points as (level, text) rows in reading order."""
        rows: list[tuple[int, str]] = []
        for point in self.points():
            if isinstance(point, dict):
                rows.append((0, str(point["text"])))
                rows.extend((1, str(sub)) for sub in point["points"])
            else:
                rows.append((0, point))
        return rows

    def _items(self) -> list[QTreeWidgetItem]:
        """Every item in reading order."""
        items: list[QTreeWidgetItem] = []
        for top in range(self.tree.topLevelItemCount()):
            item = self._top(top)
            items.append(item)
            items.extend(self._children(item))
        return items

    def _current_row(self) -> int | None:
        """The selected point's index in reading order."""
        current = self.tree.currentItem()
        return next((row for row, item in enumerate(self._items()) if item is current), None)

    def _set_flat(self, rows: list[tuple[int, str]], select: int, *, edit: bool = False) -> None:
        """Show (level, text) rows, select one, and report the edit."""
        points: list[Point] = []
        for level, text in rows:
            last = points[-1] if points else None
            if level and isinstance(last, dict):
                last["points"].append(text)
            elif level and isinstance(last, str):
                points[-1] = {"text": last, "points": [text]}
            else:
                points.append(text)
        self.set_points(points)
        items = self._items()
        if 0 <= select < len(items):
            self.tree.setCurrentItem(items[select])
            if edit:
                self.tree.editItem(items[select], 0)
        self.edited.emit()

    @staticmethod
    def _subtree_end(rows: list[tuple[int, str]], row: int) -> int:
        """The index just past a point and (for a main point) its sub-points."""
        end = row + 1
        if rows[row][0] == 0:
            while end < len(rows) and rows[end][0] == 1:
                end += 1
        return end

    def add_point(self) -> None:
        """A new point after the selected one (and its sub-points), ready to type over."""
        rows = self._flat()
        row = self._current_row()
        at = len(rows) if row is None else self._subtree_end(rows, row)
        rows.insert(at, (0 if row is None else rows[row][0], "New point"))
        self._set_flat(rows, at, edit=True)

    def remove_point(self) -> None:
        """Remove the selected point (a main point takes its sub-points with it)."""
        rows = self._flat()
        row = self._current_row()
        if row is None:
            return
        del rows[row : self._subtree_end(rows, row)]
        self._set_flat(rows, min(row, len(rows) - 1))

    def move_point(self, delta: int) -> None:
        """Move the selected point up or down past its neighbour at the same level."""
        rows = self._flat()
        row = self._current_row()
        if row is None:
            return
        if rows[row][0] == 1:
            other = row + delta
            if 0 <= other < len(rows) and rows[other][0] == 1:
                rows[row], rows[other] = rows[other], rows[row]
                self._set_flat(rows, other)
            return
        end = self._subtree_end(rows, row)
        block = rows[row:end]
        if delta < 0:
            previous = max((i for i in range(row) if rows[i][0] == 0), default=None)
            if previous is not None:
                rows[previous:end] = block + rows[previous:row]
                self._set_flat(rows, previous)
        elif end < len(rows):
            next_end = self._subtree_end(rows, end)
            rows[row:next_end] = rows[end:next_end] + block
            self._set_flat(rows, row + next_end - end)

    def indent(self) -> None:
        """Make the selected main point a sub-point of the one above (its sub-points follow it)."""
        rows = self._flat()
        row = self._current_row()
        if not self._two_levels or row is None or row == 0 or rows[row][0] == 1:
            return
        rows[row] = (1, rows[row][1])
        self._set_flat(rows, row)

    def outdent(self) -> None:
        """Make the selected sub-point a main point; the sub-points below it become its own."""
        rows = self._flat()
        row = self._current_row()
        if row is None or rows[row][0] == 0:
            return
        rows[row] = (0, rows[row][1])
        self._set_flat(rows, row)


class GridEditor(QWidget):
    """A grid of text cells with rows (and optionally columns) to add and remove."""

    edited = Signal()

    def __init__(
        self,
        headers: list[str] | None = None,
        *,
        header_row: str | None = None,
        column_label: Callable[[int], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fixed_headers = headers
        self._header_row = header_row
        self._column_label = column_label or (lambda c: chr(ord("A") + c) if c < 26 else str(c + 1))
        self.table = QTableWidget(self)
        self.table.setItemDelegate(LiveDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(header_row is not None)
        self.table.itemChanged.connect(lambda *_: self.edited.emit())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        actions: list[tuple[str, str, Any]] = [
            ("+ Row", "Add a row after the selected one", self.add_row),
            ("− Row", "Remove the selected row", self.remove_row),
        ]
        if headers is None:
            actions += [
                ("+ Column", "Add a column after the selected one", self.add_column),
                ("− Column", "Remove the selected column", self.remove_column),
            ]
        for text, tip, slot in actions:
            button = _tool(self, None, text, tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_rows(self, rows: list[list[str]]) -> None:
        """Show rows of cells, unless they are already shown."""
        if rows == self.rows():
            return
        self.table.blockSignals(True)
        columns = len(self._fixed_headers) if self._fixed_headers else max((len(r) for r in rows), default=1)
        self.table.setColumnCount(columns)
        self.table.setRowCount(len(rows))
        if self._fixed_headers:
            self.table.setHorizontalHeaderLabels(self._fixed_headers)
        else:
            self.table.setHorizontalHeaderLabels([self._column_label(c) for c in range(columns)])
        if self._header_row is not None:
            self.table.setVerticalHeaderLabels([self._header_row] + [str(r) for r in range(1, len(rows))])
        for r, row in enumerate(rows):
            for c in range(columns):
                item = QTableWidgetItem(row[c] if c < len(row) else "")
                if self._header_row is not None and r == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        line = max(self.table.verticalHeader().defaultSectionSize(), self.table.fontMetrics().height() + 8)
        visible = min(12, max(2, len(rows))) + 1
        self.table.setFixedHeight(visible * line + self.table.horizontalHeader().sizeHint().height() // 2 + 6)

    def rows(self) -> list[list[str]]:
        """Every row's cells as text."""
        result = []
        for r in range(self.table.rowCount()):
            row = []
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                row.append(item.text() if item is not None else "")
            result.append(row)
        return result

    def _edit(self, rows: list[list[str]], select: tuple[int, int]) -> None:
        self.set_rows(rows)
        self.table.setCurrentCell(*select)
        self.edited.emit()

    def add_row(self) -> None:
        """A blank row after the selected one."""
        rows = self.rows()
        at = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else len(rows)
        at = max(at, 1) if self._header_row is not None else at
        rows.insert(at, ["" for _ in range(self.table.columnCount())])
        self._edit(rows, (at, 0))

    def remove_row(self) -> None:
        """Remove the selected row (a header row stays)."""
        row = self.table.currentRow()
        if row < 0 or (self._header_row is not None and row == 0):
            return
        rows = self.rows()
        del rows[row]
        self._edit(rows, (min(row, len(rows) - 1), 0))

    def add_column(self) -> None:
        """A blank column after the selected one."""
        at = self.table.currentColumn() + 1 if self.table.currentColumn() >= 0 else self.table.columnCount()
        rows = [[*row[:at], "", *row[at:]] for row in self.rows()]
        self._edit(rows, (max(0, self.table.currentRow()), at))

    def remove_column(self) -> None:
        """Remove the selected column (one always stays)."""
        column = self.table.currentColumn()
        if column < 0 or self.table.columnCount() <= 1:
            return
        rows = [row[:column] + row[column + 1 :] for row in self.rows()]
        self._edit(rows, (max(0, self.table.currentRow()), min(column, len(rows[0]) - 1 if rows else 0)))
