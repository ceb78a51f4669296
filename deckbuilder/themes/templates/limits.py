"""What a template may hold: counts that bound the work of reading and matching it, and sane values.

Past these limits a template is refused with a message naming the layout, before anything works on
it: matching compares a layout's placeholders, and every value read here is copied into slides.
"""

from __future__ import annotations

import dataclasses
import re

from deckbuilder.errors import DeckError
from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.model import Placeholder

MAX_MASTERS = 100
"""Slide masters in a template (real ones have one to a few)."""
MAX_LAYOUTS = 1000
"""Slide layouts in a template, over all its masters (real ones have ten to a hundred)."""
MAX_SHAPES = 5000
"""Shapes in one master's or layout's shape tree."""
MAX_PLACEHOLDERS = 200
"""Placeholders in one master or layout (real ones have two to twenty)."""
MAX_COORDINATE = 4 * 51206400
"""The farthest a placeholder or shape may lie from the slide's corner, and its largest size, in EMU:
four times the largest slide PowerPoint makes (56 in)."""
MIN_FONT_PT = 1.0
MAX_FONT_PT = 4000.0
"""The font sizes DrawingML allows (sz 100 to 400000)."""
MAX_DRAWN_PIXELS = 40_000_000
"""The largest template picture (background or logo) PDF and PNG export draw; Qt's image reader
refuses larger ones (at 256 MB decoded), which would leave them out of the page silently."""
MAX_NAME_CHARACTERS = 120
"""A name from a template is shown this long at most."""

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(name: str) -> str:
    """A name read from a file, safe to print in a message: control characters escaped, length capped."""
    shown = _UNPRINTABLE.sub(_escaped, name)
    if len(shown) > MAX_NAME_CHARACTERS:
        return shown[: MAX_NAME_CHARACTERS - 1] + "…"
    return shown


def refuse_counts(shown: str, what: str, shapes: int, placeholders: int) -> None:
    """Refuse a master or layout (`what` names it) with too many shapes or placeholders."""
    if placeholders > MAX_PLACEHOLDERS:
        raise DeckError.single(
            shown, f"refused: {what} holds {placeholders:,} placeholders; the limit is {MAX_PLACEHOLDERS}"
        )
    if shapes > MAX_SHAPES:
        raise DeckError.single(shown, f"refused: {what} holds {shapes:,} shapes; the limit is {MAX_SHAPES:,}")


def rect_problem(rect: Rect) -> str | None:
    """Why a shape's position or size is no sane one, if it is not."""
    if not all(-MAX_COORDINATE <= value <= MAX_COORDINATE for value in (rect.x, rect.y)):
        return f"lies {max(abs(rect.x), abs(rect.y)):,} EMU from the slide (the limit is {MAX_COORDINATE:,})"
    if not all(0 <= value <= MAX_COORDINATE for value in (rect.w, rect.h)):
        return f"has a size of {rect.w:,} × {rect.h:,} EMU (the limit is {MAX_COORDINATE:,})"
    return None


def checked_placeholder(shown: str, layout: str, placeholder: Placeholder) -> Placeholder:
    """The placeholder with its inset kept inside it; DeckError if its rectangle or sizes are absurd."""
    where = f"layout {layout}, placeholder '{printable(placeholder.name)}'"
    problem = rect_problem(placeholder.rect)
    if problem:
        raise DeckError.single(shown, f"refused: {where} {problem}")
    look = placeholder.look
    for size in (look.size_pt, look.level2_size_pt):
        if size is not None and not MIN_FONT_PT <= size <= MAX_FONT_PT:
            raise DeckError.single(
                shown,
                f"refused: {where} sets a font size of {size:g} pt (from {MIN_FONT_PT:g} to {MAX_FONT_PT:g})",
            )
    inset = min(look.inset, min(placeholder.rect.w, placeholder.rect.h) // 4)
    if inset == look.inset:
        return placeholder
    return dataclasses.replace(placeholder, look=dataclasses.replace(look, inset=inset))
