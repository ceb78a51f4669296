"""The deck's own fields: title, subtitle, author, date, footer and theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QScrollArea, QVBoxLayout, QWidget

from deckbuilder.gui import edits
from deckbuilder.gui.document import Document
from deckbuilder.gui.widgets.fields import GridEditor
from deckbuilder.gui.widgets.form_base import Data, FieldForm
from deckbuilder.gui.widgets.slide_editor import ERROR_STYLE
from deckbuilder.gui.widgets.theme_picker import ThemePicker

DECK_KEYS = ("title", "subtitle", "author", "date", "footer", "sources")
SOURCE_KEYS = ("title", "url", "publisher", "date")


def _source_rows(data: Data) -> list[list[str]]:
    """The deck's sources as grid rows: title, URL, publisher, date."""
    return [[str(source.get(key) or "") for key in SOURCE_KEYS] for source in data.get("sources") or []]


def _sources_from_rows(data: Data, rows: list[list[str]]) -> None:
    """Grid rows back into sources; a row without a title is left out, empty cells write no key."""
    sources = [
        {key: cell.strip() for key, cell in zip(SOURCE_KEYS, row, strict=False) if cell.strip()}
        for row in rows
        if row and row[0].strip()
    ]
    data["sources"] = sources or None


class DeckForm(QScrollArea):
    """Edits the deck's metadata and its list of sources."""

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
        self.sources = self.form.grid(
            "sources",
            "Sources",
            GridEditor(["Title", "URL", "Publisher", "Date"], parent=self.form),
            _source_rows,
            _sources_from_rows,
        )
        header = self.sources.table.horizontalHeader()
        for column in (1, 2, 3):  # the title takes the room; the rest size to what they hold
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.form.edited.connect(self._on_edited)
        self.error = QLabel(body)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        note = QLabel("The sources slide lists these, then every slide's own source.", body)
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
