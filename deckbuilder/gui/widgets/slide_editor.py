"""The form for the selected outline item: a slide (per kind, with notes and source) or a section."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from deckbuilder.gui import edits
from deckbuilder.gui.document import Document
from deckbuilder.gui.edits import KIND_LABELS, OutlinePath
from deckbuilder.gui.icons import kind_icon
from deckbuilder.gui.widgets.form_base import Data, FieldForm
from deckbuilder.gui.widgets.form_stack import FormStack
from deckbuilder.gui.widgets.kind_forms import build_kind_form

ERROR_STYLE = (
    "color: #B42318; background: #FEF3F2; border: 1px solid #FECDCA; border-radius: 4px; padding: 6px;"
)
HINT_STYLE = "color: #52606D; padding: 24px;"


class SlideEditor(QScrollArea):
    """Edits the selected slide or section; every change is one undoable document edit."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._path: OutlinePath = ()
        self._forms: dict[str, FieldForm] = {}
        self._numbers: tuple[int, ...] = ()
        self._total = 0
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(10)
        self.heading = QLabel(body)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.heading.setWordWrap(True)
        self.kind_combo = QComboBox(body)
        for kind, label in KIND_LABELS.items():
            self.kind_combo.addItem(kind_icon(kind), label, kind)
        self.kind_combo.setToolTip("Change the kind of slide; the title, notes and text carry over")
        self.kind_combo.setAccessibleName("Kind of slide")
        self.kind_combo.activated.connect(self._on_kind_chosen)
        self.error = QLabel(body)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.stack = FormStack(body)
        self.hint = QLabel("Select a slide or a section in the outline to edit it here.", body)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.hint.setStyleSheet(HINT_STYLE)
        self.stack.addWidget(self.hint)
        self.section_form = FieldForm(body)
        self.section_form.line(("title",), "Section title")
        self.section_form.options(
            ("divider",),
            "Divider slide",
            [("As the deck's dividers say", None), ("Always", True), ("Never", False)],
        )
        self.section_form.edited.connect(self._on_section_edited)
        self.stack.addWidget(self.section_form)
        self.common = FieldForm(body)
        self.common.add_heading("Speaker notes and source")
        self.common.text(("notes",), "Notes", rows=5, placeholder="What to say with this slide")
        self.common.line(
            ("source",), "Source", optional=True, placeholder="Shown small at the foot of the slide"
        )
        self.common.edited.connect(self._on_slide_edited)
        for widget in (self.heading, self.kind_combo, self.error, self.stack, self.common):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        document.deck_changed.connect(self.reload)
        document.problems_changed.connect(self._update_enabled)
        self.show_path(())

    @property
    def path(self) -> OutlinePath:
        """Read-only: the outline path being edited."""
        return self._path

    def current_form(self) -> FieldForm | None:
        """The form of the slide kind being edited, if a slide is selected."""
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, FieldForm) and widget is not self.section_form else None

    def _form_for(self, kind: str) -> FieldForm:
        form = self._forms.get(kind)
        if form is None:
            form = build_kind_form(kind, self._base_dir, self.stack)
            form.edited.connect(self._on_slide_edited)
            self._forms[kind] = form
            self.stack.addWidget(form)
        return form

    def _base_dir(self) -> Path:
        deck = self._document.deck
        return deck.base_dir if deck is not None else Path.cwd()

    def show_path(self, path: OutlinePath) -> None:
        """Edit the item at an outline path (() shows a hint)."""
        if path != self._path:
            self.error.hide()
            self._numbers = ()
        self._path = path
        self.reload()

    def _slide_data(self) -> Data | None:
        deck = self._document.deck
        if deck is None or len(self._path) != 2:
            return None
        try:
            return dict(self._document.data()["sections"][self._path[0]]["slides"][self._path[1]])
        except (IndexError, KeyError):
            return None

    def reload(self) -> None:
        """Show the current values of the edited item (fields being typed in keep their cursor)."""
        deck = self._document.deck
        path = self._path
        if deck is None or not path or path[0] >= len(deck.sections):
            self._show_hint()
            return
        section = deck.sections[path[0]]
        if len(path) == 1:
            self.heading.setText(f"Section {path[0] + 1}")
            self.kind_combo.hide()
            self.common.hide()
            self.section_form.load(self._document.data()["sections"][path[0]])
            self.stack.setCurrentWidget(self.section_form)
        else:
            slide = self._slide_data()
            if slide is None or path[1] >= len(section.slides):
                self._show_hint()
                return
            kind = str(slide["kind"])
            self._update_heading()
            self.kind_combo.show()
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))
            form = self._form_for(kind)
            form.load(slide)
            self.common.load(slide)
            self.common.show()
            self.stack.setCurrentWidget(form)
            self._chain_tabs(form)
        self._update_enabled()

    def set_numbers(self, numbers: tuple[int, ...], total: int) -> None:
        """The output slide numbers (0-based) the edited slide has in the preview, and how many there are."""
        self._numbers, self._total = numbers, total
        self._update_heading()

    def _update_heading(self) -> None:
        deck = self._document.deck
        path = self._path
        if deck is None or len(path) != 2 or path[0] >= len(deck.sections):
            return
        section = deck.sections[path[0]].title
        if not self._numbers or not self._total:
            self.heading.setText(f"Slide in “{section}”")
        elif len(self._numbers) == 1:
            self.heading.setText(f"Slide {self._numbers[0] + 1} of {self._total} · in “{section}”")
        else:
            first, last = self._numbers[0] + 1, self._numbers[-1] + 1
            self.heading.setText(f"Slides {first}–{last} of {self._total} · in “{section}”")

    def _chain_tabs(self, form: QWidget) -> None:
        """Tab goes down the form as it reads: kind, the kind's fields, then notes and source."""
        chain: list[QWidget] = [self.kind_combo]
        for part in (form, self.common):
            fields = [
                w
                for w in part.findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(part) and w.isEnabled()
            ]
            chain += sorted(
                fields, key=lambda w: (w.mapTo(part, QPoint(0, 0)).y(), w.mapTo(part, QPoint(0, 0)).x())
            )
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_hint(self) -> None:
        self.heading.setText("Nothing selected")
        self.kind_combo.hide()
        self.common.hide()
        self.stack.setCurrentWidget(self.hint)

    def _update_enabled(self) -> None:
        valid = self._document.is_valid or self._document.deck is None
        enabled = valid and self._document.deck is not None
        for widget in (self.stack, self.common, self.kind_combo):
            widget.setEnabled(enabled)
        if not valid:
            self._show_error("The YAML has problems. Fix them in the YAML tab, then edit here again.")
        elif self.error.text().startswith("The YAML has problems"):
            self.error.hide()

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _apply(self, new: Data, label: str, merge_key: str | None) -> None:
        problems = self._document.edit_data(new, label, merge_key=merge_key, focus=self._path)
        if problems:
            self._show_error("Not applied yet: " + "; ".join(problems))
        else:
            self.error.hide()

    def _on_slide_edited(self, field: str) -> None:
        form = self.current_form()
        if form is None or len(self._path) != 2:
            return
        try:
            slide = form.collect()
            common = self.common.collect()
        except ValueError as error:
            self._show_error(f"Not applied yet: {error}")
            return
        for key in ("notes", "source"):
            if key in common:
                slide[key] = common[key]
            else:
                slide.pop(key, None)
        new = edits.set_slide(self._document.data(), self._path, slide)
        self._apply(new, f"Edit {field.replace('.', ' ')}", f"slide:{self._path}:{field}")

    def _on_section_edited(self, field: str) -> None:
        if len(self._path) != 1:
            return
        values = self.section_form.collect()
        new = edits.set_section_fields(
            self._document.data(),
            self._path[0],
            {"title": values.get("title", ""), "divider": values.get("divider")},
        )
        self._apply(new, f"Edit section {field}", f"section:{self._path}:{field}")

    def _on_kind_chosen(self, index: int) -> None:
        kind = str(self.kind_combo.itemData(index))
        slide = self._slide_data()
        if slide is None or slide.get("kind") == kind:
            return
        new = edits.set_slide(self._document.data(), self._path, edits.convert_slide(slide, kind))
        self._apply(new, f"Change slide to {KIND_LABELS[kind]}", None)


def _reading_place(widget: QWidget, ancestor: QWidget) -> tuple[int, int]:
    """Where a widget sits in an ancestor, top to bottom then left to right."""
    place = widget.mapTo(ancestor, QPoint(0, 0))
    return place.y(), place.x()
