"""A form of fields bound to keys of outline data: load fills the widgets, collect reads them back."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from deckbuilder.gui.widgets.fields import GridEditor, PointsEditor

Data = dict[str, Any]
Key = tuple[str, ...]


def get_in(data: Data, key: Key, default: Any = None) -> Any:
    """The value at a nested key, or default."""
    value: Any = data
    for part in key:
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def set_in(data: Data, key: Key, value: Any) -> None:
    """Set a nested key (None removes it)."""
    target = data
    for part in key[:-1]:
        target = target.setdefault(part, {})
    if value is None:
        target.pop(key[-1], None)
    else:
        target[key[-1]] = value


class FieldForm(QWidget):
    """Widgets bound to outline data keys; `edited` names the field the person changed."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._loaders: list[Callable[[Data], None]] = []
        self._storers: list[Callable[[Data], None]] = []
        self._data: Data = {}
        self._loading = False
        self.fields: dict[str, QWidget] = {}

    def _bind(
        self, name: str, widget: QWidget, load: Callable[[Data], None], store: Callable[[Data], None]
    ) -> None:
        self.fields[name] = widget
        self._loaders.append(load)
        self._storers.append(store)

    def _emit(self, name: str) -> None:
        if not self._loading:
            self.edited.emit(name)

    def add_heading(self, text: str) -> None:
        """A bold label spanning the form."""
        label = QLabel(f"<b>{text}</b>", self)
        self.form.addRow(label)

    def line(self, key: Key, label: str, *, optional: bool = False, placeholder: str = "") -> QLineEdit:
        """A one-line text field (an empty optional field removes its key)."""
        name = ".".join(key)
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(optional)
        edit.textEdited.connect(lambda _text: self._emit(name))

        def load(data: Data) -> None:
            value = str(get_in(data, key) or "")
            if edit.text() != value:
                edit.setText(value)

        def store(data: Data) -> None:
            set_in(data, key, None if optional and not edit.text().strip() else edit.text())

        self._bind(name, edit, load, store)
        self.form.addRow(label, edit)
        edit.setAccessibleName(label)
        return edit

    def text(
        self, key: Key, label: str, *, optional: bool = True, placeholder: str = "", rows: int = 4
    ) -> QPlainTextEdit:
        """A multi-line text field."""
        name = ".".join(key)
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 14)
        edit.textChanged.connect(lambda: self._emit(name))

        def load(data: Data) -> None:
            value = str(get_in(data, key) or "")
            if edit.toPlainText() != value:
                edit.setPlainText(value)

        def store(data: Data) -> None:
            value = edit.toPlainText()
            set_in(data, key, None if optional and not value.strip() else value)

        self._bind(name, edit, load, store)
        self.form.addRow(label, edit)
        edit.setAccessibleName(label)
        return edit

    def choice(self, key: Key, label: str, choices: list[str]) -> QComboBox:
        """A drop-down of fixed values."""
        name = ".".join(key)
        combo = QComboBox(self)
        combo.addItems(choices)
        combo.activated.connect(lambda _index: self._emit(name))

        def load(data: Data) -> None:
            combo.setCurrentText(str(get_in(data, key) or choices[0]))

        def store(data: Data) -> None:
            set_in(data, key, combo.currentText())

        self._bind(name, combo, load, store)
        self.form.addRow(label, combo)
        combo.setAccessibleName(label)
        return combo

    def options(self, key: Key, label: str, options: list[tuple[str, object]]) -> QComboBox:
        """A drop-down of labelled values; a value of None is written as no key."""
        name = ".".join(key)
        combo = QComboBox(self)
        for text, _value in options:
            combo.addItem(text)
        values = [value for _text, value in options]
        combo.activated.connect(lambda _index: self._emit(name))

        def load(data: Data) -> None:
            value = get_in(data, key)
            combo.setCurrentIndex(values.index(value) if value in values else 0)

        def store(data: Data) -> None:
            set_in(data, key, values[max(0, combo.currentIndex())])

        self._bind(name, combo, load, store)
        self.form.addRow(label, combo)
        combo.setAccessibleName(label)
        return combo

    def points(self, key: Key, label: str, *, two_levels: bool = True) -> PointsEditor:
        """A points list, on one or two levels."""
        name = ".".join(key)
        editor = PointsEditor(two_levels, self)
        editor.edited.connect(lambda: self._emit(name))
        self._bind(
            name,
            editor,
            lambda data: editor.set_points(list(get_in(data, key, []))),
            lambda data: set_in(data, key, editor.points()),
        )
        self.form.addRow(QLabel(label, self))
        self.form.addRow(editor)
        editor.tree.setAccessibleName(label)
        return editor

    def grid(
        self,
        name: str,
        label: str,
        editor: GridEditor,
        to_rows: Callable[[Data], list[list[str]]],
        from_rows: Callable[[Data, list[list[str]]], None],
    ) -> GridEditor:
        """A grid whose rows convert to and from part of the data."""
        editor.edited.connect(lambda: self._emit(name))
        self._bind(
            name,
            editor,
            lambda data: editor.set_rows(to_rows(data)),
            lambda data: from_rows(data, editor.rows()),
        )
        self.form.addRow(QLabel(label, self))
        self.form.addRow(editor)
        editor.table.setAccessibleName(label)
        return editor

    def add_widget(self, label: str, widget: QWidget) -> None:
        """An unbound widget in the form (a button row, a note)."""
        self.form.addRow(label, widget)

    def load(self, data: Data) -> None:
        """Show data in the fields (fields that already show their value are left alone)."""
        self._data = copy.deepcopy(data)
        self._loading = True
        try:
            for loader in self._loaders:
                loader(data)
        finally:
            self._loading = False

    def collect(self) -> Data:
        """The loaded data with the fields' values written back; raises ValueError for unreadable input."""
        data = copy.deepcopy(self._data)
        for storer in self._storers:
            storer(data)
        return data
