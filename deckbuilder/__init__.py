"""Deckbuilder: turn an article's YAML outline into a finished, editable PowerPoint briefing deck.

    import deckbuilder

    deck = deckbuilder.load("decks/france-us-conundrum.yaml")
    deckbuilder.save(deck, "decks/edited.yaml")
    deckbuilder.export(deck, "out/edited.pptx", theme="midnight")

The public API (every name below is documented under FUNCTIONS and CLASSES):

- load(path), loads(text): read an outline into a Deck; DeckError lists every problem, located
- save(deck, path): check a Deck and write it as a YAML outline, atomically
- export(deck_or_path, out_path, theme=None, fmt="pptx"): write a .pptx, a .pdf or a folder of PNGs
- export_many(decks, out_dir, executor=None): export a batch of outlines to .pptx files, on a local
  process pool or any concurrent.futures.Executor (a Dask client's get_executor() runs it on a cluster)
- import_article(source): turn an article (plain text, Markdown, HTML) into a Deck outline
- Deck, DeckError, Problem: the typed outline and the located errors every step raises

The command line (`deckbuilder`, `python -m deckbuilder`) and the desktop app (`deckbuilder-gui`)
go through these same functions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckbuilder.lazy import lazy_attributes

__all__ = ["Deck", "DeckError", "Problem", "export", "export_many", "import_article", "load", "loads", "save"]

if TYPE_CHECKING:
    from deckbuilder.batch import export_many
    from deckbuilder.errors import DeckError, Problem
    from deckbuilder.outline.loader import load, loads, save
    from deckbuilder.outline.model import Deck
    from deckbuilder.pipeline import export, import_article
    from deckbuilder.version import __version__ as __version__

_LAZY = {
    "Deck": "deckbuilder.outline.model",
    "DeckError": "deckbuilder.errors",
    "Problem": "deckbuilder.errors",
    "export": "deckbuilder.pipeline",
    "export_many": "deckbuilder.batch",
    "import_article": "deckbuilder.pipeline",
    "load": "deckbuilder.outline.loader",
    "loads": "deckbuilder.outline.loader",
    "save": "deckbuilder.outline.loader",
    "__version__": "deckbuilder.version",
}

# Imported on first use, so that starting a command loads only what it needs.
__getattr__ = lazy_attributes(__name__, globals(), _LAZY)


def __dir__() -> list[str]:
    """The public names, for dir(), tab completion and help(), rather than this module's plumbing."""
    standard = ["__all__", "__doc__", "__file__", "__name__", "__path__", "__spec__", "__version__"]
    return sorted([*__all__, *standard])
