"""`deckbuilder watch`: export again whenever the outline, or a file it uses, changes."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from deckbuilder.errors import DeckError

POLL_SECONDS = 0.3


def watched_files(deck_path: Path) -> list[Path]:
    """The outline and the images and theme file (or .pptx template) it names, as far as it can be read."""
    from deckbuilder.layout.images import resolve_image
    from deckbuilder.outline.loader import load
    from deckbuilder.outline.model import ImageSlide
    from deckbuilder.themes.registry import theme_file

    files = [deck_path]
    try:
        deck = load(deck_path)
    except DeckError:
        return files
    files.extend(
        resolve_image(deck, slide.image)
        for section in deck.sections
        for slide in section.slides
        if isinstance(slide, ImageSlide)
    )
    theme = theme_file(deck.theme, deck.base_dir)
    if theme is not None:
        files.append(theme)
    return files


def _stamp(files: list[Path]) -> tuple[tuple[str, float, int], ...]:
    """What changes when any of the files is written, created or removed."""
    stamps = []
    for path in files:
        try:
            status = path.stat()
            stamps.append((str(path), status.st_mtime, status.st_size))
        except OSError:
            stamps.append((str(path), -1.0, -1))
    return tuple(stamps)


def watch(
    deck_path: Path,
    target: Path,
    export_once: Callable[[], str],
    say: Callable[[str], None],
    *,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Export now, then again after every change, until should_stop() or Ctrl+C."""
    files = watched_files(deck_path)
    last = _stamp(files)
    say(export_once())
    while not should_stop():
        time.sleep(POLL_SECONDS)
        now = _stamp(files)
        if now == last:
            continue
        time.sleep(POLL_SECONDS)  # let an editor finish writing before reading
        files = watched_files(deck_path)
        last = _stamp(files)
        say(export_once())
