"""A drop-down of the built-in themes that changes the deck's theme as one undoable edit."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from deckbuilder.gui import edits
from deckbuilder.gui.document import Document


class ThemePicker(QComboBox):
    """Lists built-in themes (and the deck's own theme file, if it names one)."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from deckbuilder.themes.registry import builtin_theme_names

        self._document = document
        self._builtins = builtin_theme_names()
        self.addItems(self._builtins)
        self.setToolTip("The deck's theme: colours, fonts and sizes")
        self.setAccessibleName("Theme")
        self.setMinimumContentsLength(10)
        self.activated.connect(self._on_activated)
        document.deck_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the deck's current theme."""
        deck = self._document.deck
        if deck is None:
            return
        if self.findText(deck.theme) < 0:
            self.addItem(deck.theme)
        self.setCurrentText(deck.theme)

    def choose(self, name: str) -> list[str]:
        """Switch the deck to a theme; returns why not, if it was refused."""
        deck = self._document.deck
        if deck is None or deck.theme == name:
            return []
        new = edits.set_deck_fields(self._document.data(), {"theme": name})
        return self._document.edit_data(new, f"Change theme to {name}")

    def _on_activated(self, index: int) -> None:
        if self.choose(self.itemText(index)):
            self.refresh()
