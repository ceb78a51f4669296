"""Import an article (plain text, Markdown or HTML) into a deck outline, losing none of its words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckbuilder.lazy import lazy_attributes

if TYPE_CHECKING:
    from deckbuilder.importer.api import FORMATS, import_article, import_text

__all__ = ["FORMATS", "import_article", "import_text"]


__getattr__ = lazy_attributes(__name__, globals(), dict.fromkeys(__all__, "deckbuilder.importer.api"))
