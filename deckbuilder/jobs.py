"""One deck as one pure job: the client reads what it needs, a worker anywhere turns that into .pptx bytes.

`ship` runs on the client: it reads the outline and every file the outline names (pictures, theme
file, template), checking each path as a local export does. `build_shipped` runs on a worker (a
local process, or a Dask worker on another machine): bytes in, .pptx bytes or located problems out,
without opening a single file of the client's.
"""

from __future__ import annotations

import weakref
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

from deckbuilder.errors import DeckError
from deckbuilder.inputs import InputFile, ShippedFiles, reading_shipped


@dataclass(frozen=True)
class ShippedDeck:
    """An outline's text and the files it names, with the options its export takes."""

    path: Path
    text: str
    files: ShippedFiles
    theme: str | None = None
    allow_outside_paths: bool = False


@dataclass(frozen=True)
class Built:
    """A job's outcome: the .pptx bytes with the slide count and notes, or the problems as lines to print."""

    blob: bytes | None = None
    problems: str | None = None
    slides: int = 0
    notes: tuple[str, ...] = ()


SharedFiles = MutableMapping[tuple[int, int, bool], InputFile]
"""Files already read for decks still in flight, by content: decks on one template hold it once."""


def shared_files() -> SharedFiles:
    """An empty SharedFiles, whose files go once no deck in flight holds them."""
    return weakref.WeakValueDictionary()


def ship(
    deck_path: Path,
    *,
    theme: str | None = None,
    allow_outside_paths: bool = False,
    shared: SharedFiles | None = None,
) -> ShippedDeck:
    """Read an outline and the files it names; DeckError when the outline itself cannot be read or parsed.

    Files read for another deck still in flight (in shared) are held once, not once a deck.
    """
    from deckbuilder.layout.images import allowed_folders, resolve_image
    from deckbuilder.outline.loader import loads
    from deckbuilder.outline.model import ImageSlide
    from deckbuilder.outline.yaml_source import read_outline_text
    from deckbuilder.themes.registry import theme_file

    text = read_outline_text(deck_path)
    deck = loads(text, str(deck_path)).with_path(deck_path)
    files: dict[str, InputFile] = {}
    allowed = None if allow_outside_paths else allowed_folders(deck)
    for section in deck.sections:
        for slide in section.slides:
            if isinstance(slide, ImageSlide):
                path = resolve_image(deck, slide.image)
                files[str(path)] = _once(_read_picture(path, allowed), shared)
    theme_path = theme_file(theme or deck.theme, deck.base_dir)
    if theme_path is not None:
        # A --theme is the user's own choice; a theme the outline names is confined as its images are.
        confined = not (allow_outside_paths or theme is not None)
        reference = theme or deck.theme
        named = _read_named(theme_path, deck.base_dir, reference, confined=confined)
        files[str(theme_path)] = _once(named, shared)
    return ShippedDeck(deck_path, text, ShippedFiles(files), theme, allow_outside_paths)


def _once(read: InputFile, shared: SharedFiles | None) -> InputFile:
    """The file as already read for a deck in flight, when one holds the same bytes; else this one."""
    if shared is None or read.data is None:
        return read
    return shared.setdefault((read.digest, len(read.data), read.inside), read)


def _read_picture(path: Path, allowed: tuple[Path, ...] | None) -> InputFile:
    """A picture's bytes, or why its path cannot be used (worded as a local export words it)."""
    from deckbuilder.layout.images import image_path_problem

    problem = image_path_problem(path, allowed=allowed)
    if problem is not None:
        return InputFile(problem=problem)
    try:
        return InputFile.of(path.read_bytes())
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return InputFile(problem=f"image '{path}' cannot be opened ({reason})")


def _read_named(path: Path, base_dir: Path, reference: str, *, confined: bool) -> InputFile:
    """A theme file's or template's bytes as their readers read them, and whether it lies where it may."""
    from deckbuilder.input_files import read_input_bytes
    from deckbuilder.outline.yaml_source import MAX_OUTLINE_BYTES
    from deckbuilder.paths import input_folders, is_inside
    from deckbuilder.themes.templates import is_template
    from deckbuilder.themes.templates.guard import MAX_FILE_BYTES

    inside = is_inside(path, input_folders(base_dir))
    if (confined and not inside) or not path.exists():  # nothing to read, or nothing it may read
        return InputFile(inside=inside)
    if is_template(reference):
        limit, what, plural = MAX_FILE_BYTES, "a .pptx template", "templates"
    else:
        limit, what, plural = MAX_OUTLINE_BYTES, "a theme file", "theme files"
    try:
        return InputFile.of(read_input_bytes(path, limit=limit, what=what, plural=plural), inside=inside)
    except DeckError as error:
        return InputFile(problem=error.problems[0].message, inside=inside)


def build_shipped(deck: ShippedDeck) -> Built:
    """A shipped deck's .pptx bytes, made from its bytes alone; bad input becomes problems, never raises."""
    from deckbuilder.outline.loader import loads
    from deckbuilder.pipeline import build_pptx

    try:
        with reading_shipped(deck.files):
            model = loads(deck.text, str(deck.path)).with_path(deck.path)
            blob, outcome = build_pptx(model, theme=deck.theme, allow_outside_paths=deck.allow_outside_paths)
    except DeckError as error:
        return Built(problems=str(error))
    except Exception as error:  # one deck's failure must not stop the batch
        return Built(problems=f"{deck.path}: internal error: {type(error).__name__}: {error}")
    return Built(blob, None, outcome.slides, outcome.notes)
