"""The pipeline behind the faces: outline (or Deck) to layout to a finished file, written atomically."""

from __future__ import annotations

import os
from pathlib import Path

from deckbuilder.atomic import remove_stale_temporaries, write_bytes_atomic
from deckbuilder.errors import DeckError
from deckbuilder.layout.boxes import DeckLayout
from deckbuilder.outline.model import Deck

FORMATS = ("pptx",)


def output_path_for(deck_path: Path, output_dir: str | os.PathLike[str] | None, fmt: str = "pptx") -> Path:
    """Where `deckbuilder export` writes a deck: DIR/<deck stem>.<fmt>, by default beside the deck."""
    folder = Path(output_dir) if output_dir is not None else deck_path.parent
    return folder / f"{deck_path.stem}.{fmt}"


def layout(deck: Deck, *, theme: str | None = None, allow_outside_paths: bool = False) -> DeckLayout:
    """Lay the deck out with its theme (or the one given), checking its images first."""
    from deckbuilder.layout.engine import layout_deck
    from deckbuilder.layout.images import check_images
    from deckbuilder.themes.registry import load_theme

    problems = check_images(deck, allow_outside_paths=allow_outside_paths)
    if problems:
        raise DeckError(problems)
    resolved = load_theme(theme or deck.theme, deck.base_dir)
    return layout_deck(deck, resolved)


def export(
    deck: Deck | str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    theme: str | None = None,
    allow_outside_paths: bool = False,
) -> Path:
    """Export a deck (or an outline file) to a .pptx at out_path; returns the path written.

    Raises DeckError, with every problem located, before anything is written; the previous file
    at out_path is replaced only once the new one is complete.
    """
    export_counting(deck, out_path, theme=theme, allow_outside_paths=allow_outside_paths)
    return Path(out_path)


def export_counting(
    deck: Deck | str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    theme: str | None = None,
    allow_outside_paths: bool = False,
) -> int:
    """Export as `export` does; returns how many slides the deck came to."""
    from deckbuilder.outline.loader import load
    from deckbuilder.render.pptx import render_pptx

    model = deck if isinstance(deck, Deck) else load(deck)
    target = Path(out_path)
    laid_out = layout(model, theme=theme, allow_outside_paths=allow_outside_paths)
    blob = render_pptx(laid_out)
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise DeckError.single(str(target), "the output folder does not exist")
    if target.is_dir():
        raise DeckError.single(str(target), "is a folder; name the .pptx file to write")
    remove_stale_temporaries(folder)
    try:
        write_bytes_atomic(target, blob)
    except OSError as error:
        raise DeckError.single(str(target), f"cannot write: {error.strerror or error}") from None
    return len(laid_out.slides)
