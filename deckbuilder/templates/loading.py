"""Reading templates once per file version: the spec, the theme derived from it, its pictures."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from deckbuilder.errors import DeckError
from deckbuilder.templates.guard import MAX_XML_BYTES, read_template_bytes
from deckbuilder.templates.mapping import plan_layouts
from deckbuilder.templates.model import Layout, TemplateSpec
from deckbuilder.templates.package import TemplatePackage
from deckbuilder.templates.reader import read_spec
from deckbuilder.templates.theme import TemplateTheme, derive_theme


def _stamp(path: Path) -> tuple[str, int, int]:
    """The resolved path with what changes when the file is rewritten, for caching."""
    resolved = path.expanduser().resolve()
    try:
        status = resolved.stat()
    except OSError:
        return str(resolved), -1, -1
    return str(resolved), status.st_mtime_ns, status.st_size


_MALFORMED = (ValueError, KeyError, IndexError, AttributeError, TypeError, ArithmeticError)
"""What reading a zip-sane package with malformed parts can raise; each becomes a located DeckError."""


@functools.lru_cache(maxsize=16)
def _spec(path: str, mtime_ns: int, size: int, shown: str) -> TemplateSpec:
    data = read_template_bytes(Path(path), shown)
    try:
        return read_spec(TemplatePackage(data, shown), path)
    except DeckError:
        raise
    except _MALFORMED as error:
        raise DeckError.single(shown, f"not a usable template: a part is malformed ({error})") from None


def load_template(path: str | Path) -> TemplateSpec:
    """A template's spec, read once per version of the file; DeckError `path: message` when unusable."""
    shown = str(path)
    return _spec(*_stamp(Path(path)), shown)


@functools.lru_cache(maxsize=16)
def _theme(path: str, mtime_ns: int, size: int, shown: str) -> TemplateTheme:
    spec = _spec(path, mtime_ns, size, shown)
    return derive_theme(spec, plan_layouts(spec))


def template_theme(path: str | Path) -> TemplateTheme:
    """The theme a template stands in for (its layouts chosen per slide kind), cached per file version."""
    try:
        return _theme(*_stamp(Path(path)), str(path))
    except DeckError:
        raise
    except _MALFORMED as error:
        raise DeckError.single(str(path), f"not a usable template: {error}") from None


def template_layout(template: str | Path, master: int, index: int) -> Layout | None:
    """A template's layout by its master's and its own position, as slides refer to it."""
    spec = load_template(template)
    return next((found for found in spec.layouts if (found.master, found.index) == (master, index)), None)


def template_picture(template: str | Path, part: str) -> bytes:
    """A picture part of a template (a background, a logo), for a renderer that paints it."""
    spec = load_template(template)
    package = TemplatePackage(read_template_bytes(Path(spec.path), str(template)), str(template))
    return package.blob(part, MAX_XML_BYTES)


_BACKGROUNDS_LEFT_OUT = {
    "gradient": "gradient background",
    "pattern": "patterned background",
    "unknown": "background picture (SVG or EMF?)",
}


def art_left_out(template: str | Path, layouts: Iterable[tuple[int, int]]) -> list[str]:
    """What of these layouts (master, index) a renderer of pictures and plain shapes cannot draw."""
    found: list[str] = []
    for master, index in layouts:
        layout = template_layout(template, master, index)
        if layout is None:
            continue
        if layout.background.kind in _BACKGROUNDS_LEFT_OUT:
            found.append(f"the {_BACKGROUNDS_LEFT_OUT[layout.background.kind]} of layout '{layout.name}'")
        found.extend(shape.description for shape in layout.decorations if shape.kind == "other")
    return list(dict.fromkeys(found))
