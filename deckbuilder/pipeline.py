"""The pipeline behind the faces: outline (or Deck) to layout to a finished file, written atomically."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deckbuilder.atomic import TEMP_PREFIX, atomic_folder, remove_stale_temporaries, write_bytes_atomic
from deckbuilder.errors import DeckError, Problem
from deckbuilder.layout.boxes import DeckLayout
from deckbuilder.outline.model import Deck
from deckbuilder.themes.model import Theme

if TYPE_CHECKING:
    from deckbuilder.layout.capacity import BulletRoom

FORMATS = ("pptx", "pdf", "png")
IMPORT_THEME = "briefing"
"""The theme an imported outline names, and whose bullets slides the importer fills."""


@dataclass(frozen=True)
class Exported:
    """What one export made: its slide count, and notes for its user (a template's fallbacks)."""

    slides: int
    notes: tuple[str, ...] = ()


def import_article(source: str | os.PathLike[str], *, format: str = "auto") -> Deck:
    """The deck outline for an article: a file (a path, or a one-line str naming a file or ending in .txt,
    .md or .html) or the article's text itself. Raises DeckError, located, for a bad file or no text."""
    from deckbuilder.importer.api import import_article as read_article

    return read_article(source, theme=IMPORT_THEME, fits=_bullet_room().fits, format=format)


def import_text(
    text: str, *, format: str = "auto", name: str = "<article>", path: Path | None = None
) -> Deck:
    """The deck outline for an article's text; `name` locates problems, `path` helps tell the format."""
    from deckbuilder.importer.api import import_text as read_text

    return read_text(text, theme=IMPORT_THEME, fits=_bullet_room().fits, format=format, name=name, path=path)


def _bullet_room() -> BulletRoom:
    """What fits on a bullets slide of the theme imports use: the layout engine measures it."""
    from deckbuilder.layout.capacity import BulletRoom
    from deckbuilder.themes.registry import load_theme

    return BulletRoom(load_theme(IMPORT_THEME))


def output_path_for(deck_path: Path, output_dir: str | os.PathLike[str] | None, fmt: str = "pptx") -> Path:
    """Where `deckbuilder export` writes: DIR/<stem>.pptx or .pdf, or the folder DIR/<stem>/ of PNGs."""
    folder = Path(output_dir) if output_dir is not None else deck_path.parent
    return folder / deck_path.stem if fmt == "png" else folder / f"{deck_path.stem}.{fmt}"


def check(deck: Deck, *, theme: str | None = None, allow_outside_paths: bool = False) -> Theme:
    """What export checks beyond the outline itself, its images and its theme; returns the theme.

    Raises DeckError with every image problem, or the theme's problems, located in the outline.
    """
    from deckbuilder.layout.images import check_images

    problems = check_images(deck, allow_outside_paths=allow_outside_paths)
    if problems:
        raise DeckError(problems)
    return _theme_of(deck, theme=theme, allow_outside_paths=allow_outside_paths)


def _theme_of(deck: Deck, *, theme: str | None, allow_outside_paths: bool) -> Theme:
    """The deck's theme (or the one given), its problems located in the outline."""
    from deckbuilder.themes.registry import load_theme

    try:
        # A --theme is the user's own choice; a theme the outline names is confined as its images are.
        outside = allow_outside_paths or theme is not None
        return load_theme(theme or deck.theme, deck.base_dir, allow_outside_paths=outside)
    except DeckError as error:
        raise _theme_problems_in_outline(error, deck, named_in_outline=theme is None) from None


def _theme_problems_in_outline(error: DeckError, deck: Deck, *, named_in_outline: bool) -> DeckError:
    """Move an unknown theme name (the registry's path 'theme') and a missing theme file onto the
    outline's `theme:` value, or onto the outline for --theme; problems inside a theme file stay there."""
    where = str(deck.path) if deck.path is not None else "<outline>"
    line, column = deck.locate(("theme",)) if named_in_outline else (None, None)
    moved = []
    for problem in error.problems:
        if problem.path == "theme":
            moved.append(Problem(where, problem.message, line, column))
        elif problem.message == "theme file not found":
            moved.append(Problem(where, f"theme file '{problem.path}' not found", line, column))
        else:
            moved.append(problem)
    return DeckError(moved)


def layout(deck: Deck, *, theme: str | None = None, allow_outside_paths: bool = False) -> DeckLayout:
    """Lay the deck out with its theme (or the one given), checking its images first."""
    return _laid_out(deck, check(deck, theme=theme, allow_outside_paths=allow_outside_paths))


def _laid_out(deck: Deck, theme: Theme) -> DeckLayout:
    """The deck's layout; text too long for its box is a problem located at its value."""
    from deckbuilder.layout.engine import layout_deck
    from deckbuilder.layout.text import TooLongError

    try:
        return layout_deck(deck, theme)
    except TooLongError as error:
        line, column = deck.locate(error.key_path)
        raise DeckError([Problem(str(deck.path or "<outline>"), str(error), line, column)]) from None


def preview_layout(deck: Deck, placeholder: Path) -> tuple[DeckLayout | None, tuple[Problem, ...]]:
    """The layout export would make, for a live preview: a picture export would refuse is drawn as the
    placeholder picture instead, and every problem export would report comes back, located the same way
    (None for the layout when the theme or the text stops it)."""
    from deckbuilder.layout.images import check_images

    problems = tuple(check_images(deck))
    shown = _with_placeholder_images(deck, placeholder) if problems else deck
    try:
        return _laid_out(shown, _theme_of(deck, theme=None, allow_outside_paths=False)), problems
    except DeckError as error:
        return None, problems + tuple(error.problems)


def _with_placeholder_images(deck: Deck, placeholder: Path) -> Deck:
    """A copy of the deck whose unusable pictures are the placeholder."""
    import copy

    from deckbuilder.layout.images import allowed_folders, image_problem, resolve_image
    from deckbuilder.outline.model import ImageSlide

    result = copy.deepcopy(deck)
    allowed = allowed_folders(result)  # what export allows, so the preview shows what export will
    for section in result.sections:
        for slide in section.slides:
            if isinstance(slide, ImageSlide) and image_problem(
                resolve_image(result, slide.image), allowed=allowed
            ):
                slide.image = str(placeholder)
    return result


def export(
    deck: Deck | str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    theme: str | None = None,
    allow_outside_paths: bool = False,
    fmt: str = "pptx",
) -> Path:
    """Export a deck (or an outline file) to a .pptx (or .pdf, or a folder of PNGs) at out_path.

    Raises DeckError, with every problem located, before anything is written; the previous file
    at out_path is replaced only once the new one is complete.
    """
    export_outcome(deck, out_path, theme=theme, allow_outside_paths=allow_outside_paths, fmt=fmt)
    return Path(out_path)


def export_outcome(
    deck: Deck | str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    theme: str | None = None,
    allow_outside_paths: bool = False,
    fmt: str = "pptx",
) -> Exported:
    """Export as `export` does; returns how many slides the deck came to, and notes for its user."""
    from deckbuilder.outline.loader import check_deck, load

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(deck, Deck):
        check_deck(deck)  # built or changed in Python: checked as a loaded outline is
    model = deck if isinstance(deck, Deck) else load(deck)
    target = Path(out_path)
    laid_out = layout(model, theme=theme, allow_outside_paths=allow_outside_paths)
    outcome = Exported(len(laid_out.slides), tuple(f"note: {note}" for note in laid_out.notes))
    if fmt != "pptx":
        _refuse_what_qt_cannot_draw(laid_out, fmt)
        _render_with_qt(laid_out, target, fmt)
        return outcome
    from deckbuilder.render.pptx import render_pptx

    write_pptx(target, render_pptx(laid_out))
    return outcome


def build_pptx(
    deck: Deck, *, theme: str | None = None, allow_outside_paths: bool = False
) -> tuple[bytes, Exported]:
    """A checked deck's .pptx bytes and what its export made, nothing written; DeckError when it cannot be."""
    from deckbuilder.render.pptx import render_pptx

    laid_out = layout(deck, theme=theme, allow_outside_paths=allow_outside_paths)
    outcome = Exported(len(laid_out.slides), tuple(f"note: {note}" for note in laid_out.notes))
    return render_pptx(laid_out), outcome


def write_pptx(target: Path, blob: bytes) -> None:
    """Write a deck's bytes to target atomically; DeckError, located at target, when it cannot be."""
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


def _refuse_what_qt_cannot_draw(laid_out: DeckLayout, fmt: str) -> None:
    """A template whose layouts show text, lines or gradients Qt would leave out is refused, not lost."""
    if laid_out.template is None:
        return
    from deckbuilder.themes.templates import art_left_out

    used = dict.fromkeys((s.layout.master, s.layout.index) for s in laid_out.slides if s.layout is not None)
    missing = art_left_out(laid_out.template, used)
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        message = (
            f"{fmt} export cannot draw some of the template's art yet ({shown}); export pptx, print that"
        )
        raise DeckError.single(laid_out.template, message)


def _render_with_qt(laid_out: DeckLayout, target: Path, fmt: str) -> None:
    """PDF pages or PNG images of the same layout, drawn offscreen by Qt (imported only here)."""
    from deckbuilder.render.qt import render_pdf, render_png

    try:
        if fmt == "pdf":
            render_pdf(laid_out, target)
        else:
            _refuse_as_png_folder(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            with atomic_folder(target) as staging:  # the whole set or the previous one, never a mix
                render_png(laid_out, staging)
    except OSError as error:
        raise DeckError.single(str(target), f"cannot write: {error.strerror or error}") from None


_SLIDE_IMAGE = re.compile(r"slide-[0-9]+\.png")


def _refuse_as_png_folder(target: Path) -> None:
    """A folder of PNGs replaces only a folder of slide images: never a file, a link or other files."""
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise DeckError.single(str(target), "is not a folder; the PNG images go in a folder of this name")
    if target.is_dir():
        names = (entry.name for entry in target.iterdir())
        others = sorted(n for n in names if not (_SLIDE_IMAGE.fullmatch(n) or n.startswith(TEMP_PREFIX)))
        if others:
            raise DeckError.single(
                str(target),
                f"holds files other than slide images ({others[0]}{' …' if len(others) > 1 else ''}), "
                "which a new export would replace; export to another folder",
            )
