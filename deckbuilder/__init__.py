"""Deckbuilder: turn an article's YAML outline into a finished, editable PowerPoint briefing deck."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


def __getattr__(name: str) -> Any:
    """Import public names on first use, so `deckbuilder --help` starts fast."""
    if name not in _LAZY:
        raise AttributeError(f"module 'deckbuilder' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
