"""Import an article (plain text, Markdown or HTML) into a deck outline, losing none of its words."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from deckbuilder.importer.api import FORMATS, import_article, import_text

__all__ = ["FORMATS", "import_article", "import_text"]


def __getattr__(name: str) -> Any:
    """Load the importer on first use, so `deckbuilder --help` does not pay for it."""
    if name not in __all__:
        raise AttributeError(f"module 'deckbuilder.importer' has no attribute {name!r}")
    value = getattr(importlib.import_module("deckbuilder.importer.api"), name)
    globals()[name] = value
    return value
