"""Reading templates once per file version: the spec, the theme derived from it, its pictures."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from deckbuilder.errors import DeckError, Problem
from deckbuilder.inputs import shipped_files
from deckbuilder.themes.templates.guard import MAX_XML_BYTES, read_template_bytes
from deckbuilder.themes.templates.limits import MAX_DRAWN_PIXELS
from deckbuilder.themes.templates.mapping import plan_layouts
from deckbuilder.themes.templates.model import Layout, TemplateSpec
from deckbuilder.themes.templates.package import TemplatePackage
from deckbuilder.themes.templates.reader import read_spec
from deckbuilder.themes.templates.sanitize import clean_package
from deckbuilder.themes.templates.theme import TemplateTheme, derive_theme

T = TypeVar("T")


def _stamp(path: Path) -> tuple[str, int, int]:
    """The resolved path with what changes when the file is rewritten, for caching."""
    files = shipped_files()
    if files is not None:  # bytes a client read: named as it named them, told apart by content
        return files.stamp(path)
    try:
        resolved = path.expanduser().resolve()
        status = resolved.stat()
    except (OSError, RuntimeError):  # missing, unreadable, or a loop of symbolic links
        return str(path.absolute()), -1, -1
    return str(resolved), status.st_mtime_ns, status.st_size


_MALFORMED = (ValueError, KeyError, IndexError, AttributeError, TypeError, ArithmeticError, RecursionError)
"""What reading a zip-sane package with malformed parts can raise; each becomes a located DeckError."""


def _relocated(error: DeckError, resolved: str, shown: str) -> DeckError:
    """The error with problems about the resolved path moved onto the path as the user gave it."""
    return DeckError(
        Problem(shown, p.message, p.line, p.column) if p.path == resolved else p for p in error.problems
    )


def _as_given(read: Callable[[str, int, int], T], path: str | Path) -> T:
    """A cached reading of a template's current version; problems named by the path as given."""
    resolved, mtime_ns, size = _stamp(Path(path))
    try:
        return read(resolved, mtime_ns, size)
    except DeckError as error:
        raise _relocated(error, resolved, str(path)) from None
    except _MALFORMED as error:
        raise DeckError.single(str(path), f"not a usable template: a part is malformed ({error})") from None


@functools.lru_cache(maxsize=4)
def _package(path: str, mtime_ns: int, size: int) -> TemplatePackage:
    """The one reading of a template file every user of it shares: checked, cleaned, parts on demand."""
    return TemplatePackage(clean_package(read_template_bytes(Path(path)), path), path)


def template_package(path: str | Path) -> TemplatePackage:
    """A template's checked and cleaned package, read once per version of the file."""
    return _as_given(_package, path)


@functools.lru_cache(maxsize=16)
def _spec(path: str, mtime_ns: int, size: int) -> TemplateSpec:
    return read_spec(_package(path, mtime_ns, size), path)


def load_template(path: str | Path) -> TemplateSpec:
    """A template's spec, read once per version of the file; DeckError `path: message` when unusable."""
    return _as_given(_spec, path)


@functools.lru_cache(maxsize=16)
def _theme(path: str, mtime_ns: int, size: int) -> TemplateTheme:
    spec = _spec(path, mtime_ns, size)
    return derive_theme(spec, plan_layouts(spec))


def template_theme(path: str | Path) -> TemplateTheme:
    """The theme a template stands in for (its layouts chosen per slide kind), cached per file version."""
    return _as_given(_theme, path)


def template_layout(template: str | Path, master: int, index: int) -> Layout | None:
    """A template's layout by its master's and its own position, as slides refer to it."""
    spec = load_template(template)
    return next((found for found in spec.layouts if (found.master, found.index) == (master, index)), None)


def template_picture(template: str | Path, part: str) -> bytes:
    """A picture part of a template (a background, a logo), for a renderer that paints it."""
    return template_package(template).blob(part, MAX_XML_BYTES)


_BACKGROUNDS_LEFT_OUT = {
    "gradient": "gradient background",
    "pattern": "patterned background",
    "unknown": "background picture (SVG or EMF?)",
}


def _oversized(template: str | Path, part: str) -> str | None:
    """How a template picture's pixels outrun what PDF and PNG export draw, read from its header only."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a bomb's size is just what is reported here
            with Image.open(io.BytesIO(template_picture(template, part))) as image:
                width, height = image.size
    except Exception:  # not a picture Pillow reads: the kinds of art below say so
        return None
    if width * height <= MAX_DRAWN_PIXELS:
        return None
    return (
        f"{width:,} × {height:,} pixels; PDF and PNG export draw up to {MAX_DRAWN_PIXELS // 10**6} megapixels"
    )


def art_left_out(template: str | Path, layouts: Iterable[tuple[int, int]]) -> list[str]:
    """What of these layouts (master, index) a renderer of pictures and plain shapes cannot draw."""
    found: list[str] = []
    for master, index in layouts:
        layout = template_layout(template, master, index)
        if layout is None:
            continue
        background = layout.background
        too_large = _oversized(template, background.part) if background.part else None
        if too_large:
            found.append(f"background picture of layout {layout.label} ({too_large})")
        elif background.kind in _BACKGROUNDS_LEFT_OUT:
            found.append(f"the {_BACKGROUNDS_LEFT_OUT[background.kind]} of layout {layout.label}")
        for shape in layout.decorations:
            if shape.kind == "other":
                found.append(shape.description)
            elif shape.part and (too_large := _oversized(template, shape.part)):
                found.append(f"picture, {shape.description}, of layout {layout.label} ({too_large})")
    return list(dict.fromkeys(found))
