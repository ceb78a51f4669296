"""Deckbuilder: turn an article's YAML outline into a finished, editable PowerPoint briefing deck."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckbuilder.lazy import lazy_attributes

__version__ = "0.1.0"
__all__ = ["Deck", "DeckError", "Problem", "export", "import_article", "load", "loads", "save"]

if TYPE_CHECKING:
    from deckbuilder.errors import DeckError, Problem
    from deckbuilder.importer import import_article
    from deckbuilder.outline.loader import load, loads, save
    from deckbuilder.outline.model import Deck
    from deckbuilder.pipeline import export

_LAZY = {
    "Deck": "deckbuilder.outline.model",
    "DeckError": "deckbuilder.errors",
    "Problem": "deckbuilder.errors",
    "export": "deckbuilder.pipeline",
    "import_article": "deckbuilder.importer",
    "load": "deckbuilder.outline.loader",
    "loads": "deckbuilder.outline.loader",
    "save": "deckbuilder.outline.loader",
}


__getattr__ = lazy_attributes(__name__, globals(), _LAZY)
