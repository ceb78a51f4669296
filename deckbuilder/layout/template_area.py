"""Where a template slide's drawn content goes: the template's content area, or, when that is cramped,
the larger and calmer free region below or beside the layout's title."""

from __future__ import annotations

from deckbuilder.geometry import Rect, points
from deckbuilder.themes.templates.calm import clutter
from deckbuilder.themes.templates.model import Layout, TemplateSpec

ROOMY_WIDTH = 0.5
"""A content area this share of the layout's span wide, or wider, is used as it is …"""
ROOMY_HEIGHT = 0.3
"""… when it is also this share of the slide tall."""
MIN_WIDTH = 0.3
"""A free region narrower than this share of the slide is no place for drawn content."""


def _span(spec: TemplateSpec, layout: Layout, area: Rect) -> tuple[int, int, int]:
    """The left, right and top edges of what the layout's placeholders and the content area cover,
    kept inside the slide."""
    rects = [area, *(p.rect for p in layout.placeholders)]
    margin = spec.width // 40
    left = max(margin, min(r.x for r in rects))
    right = min(spec.width - margin, max(r.right for r in rects))
    top = max(spec.height // 40, min(r.y for r in rects))
    return left, right, top


def free_area(spec: TemplateSpec, layout: Layout, area: Rect, bottom: int) -> Rect:
    """The template's content area if it is roomy, else the largest calm one of it, the region below
    the title and the region right of a title that stands as a column (each ending at `bottom`)."""
    left, right, top = _span(spec, layout, area)
    if area.w >= ROOMY_WIDTH * (right - left) and area.h >= ROOMY_HEIGHT * spec.height:
        return area
    candidates = [area]
    title = layout.title
    if title is not None and not title.vertical:
        below = title.rect.bottom + points(12)
        candidates.append(Rect(left, below, right - left, bottom - below))
        beside = title.rect.right + points(18)
        candidates.append(Rect(beside, top, right - beside, bottom - top))
    usable = [r for r in candidates if r.w >= MIN_WIDTH * spec.width and r.h >= points(72)]
    return max(usable, key=lambda r: r.w * r.h * (1 - clutter(spec, layout, r)) ** 2) if usable else area
