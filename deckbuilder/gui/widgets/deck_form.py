"""The deck's own fields: title, subtitle, author, date, footer and theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from deckbuilder.gui import edits
from deckbuilder.gui.widgets.form_base import FieldForm
from deckbuilder.gui.widgets.slide_editor import ERROR_STYLE
from deckbuilder.gui.widgets.theme_picker import ThemePicker

if TYPE_CHECKING:
    from deckbuilder.gui.document import Document

DECK_KEYS = ("title", "subtitle", "author", "date", "footer")


class DeckForm(QScrollArea):
    """Edits the deck's metadata; sources stay in the YAML."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        heading = QLabel("Deck", body)
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.form = FieldForm(body)
        self.form.line(("title",), "Title")
        self.form.line(("subtitle",), "Subtitle", optional=True)
        self.form.line(("author",), "Author", optional=True)
        self.form.line(("date",), "Date", optional=True, placeholder="2026-01-31")
        self.form.line(
            ("footer",), "Footer", optional=True, placeholder="Shown at the foot of content slides"
        )
        self.theme_picker = ThemePicker(document, body)
        self.form.add_widget("Theme", self.theme_picker)
        self.form.edited.connect(self._on_edited)
        self.error = QLabel(body)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel("Sources are listed in the YAML tab under <code>sources:</code>.", body)
        note.setStyleSheet("color: #52606D;")
        for widget in (heading, self.error, self.form, note):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.setWidget(body)
        document.deck_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Show the deck's current values."""
        if self._document.deck is not None:
            self.form.load(self._document.data())

    def _on_edited(self, field: str) -> None:
        values = self.form.collect()
        new = edits.set_deck_fields(self._document.data(), {key: values.get(key) for key in DECK_KEYS})
        problems = self._document.edit_data(new, f"Edit deck {field}", merge_key=f"deck:{field}")
        self.error.setText("Not applied yet: " + "; ".join(problems))
        self.error.setVisible(bool(problems))
