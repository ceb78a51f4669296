"""How busy a layout's slides are behind a box: shapes drawn over it, a background picture's spread."""

from __future__ import annotations

from statistics import pstdev

from deckbuilder.geometry import Rect
from deckbuilder.themes.contrast import relative_luminance
from deckbuilder.themes.templates.model import Layout, TemplateSpec

SPREAD_WEIGHT = 3.0
"""A luminance standard deviation of a third (a photograph, a strong pattern) counts as fully busy."""


def _overlap(a: Rect, b: Rect) -> int:
    """The area two rectangles share."""
    w = min(a.right, b.right) - max(a.x, b.x)
    h = min(a.bottom, b.bottom) - max(a.y, b.y)
    return w * h if w > 0 and h > 0 else 0


def covered_by(shape: Rect, box: Rect) -> float:
    """The share of a box (0–1) one shape's bounds cover."""
    area = box.w * box.h
    return _overlap(shape, box) / area if area > 0 else 0.0


def covered(layout: Layout, box: Rect) -> float:
    """The share of a box (0–1) the layout's and its master's shapes are drawn over (by their bounds)."""
    area = box.w * box.h
    if area <= 0:
        return 0.0
    return min(1.0, sum(_overlap(shape.rect, box) for shape in layout.decorations) / area)


def spread(spec: TemplateSpec, layout: Layout, box: Rect) -> float:
    """The standard deviation of the background's luminance under a box (0 for a plain colour)."""
    cells = layout.background.colors_under(
        box.x / spec.width, box.y / spec.height, box.w / spec.width, box.h / spec.height
    )
    return pstdev(relative_luminance(cell) for cell in cells) if len(cells) > 1 else 0.0


def clutter(spec: TemplateSpec, layout: Layout, box: Rect) -> float:
    """How busy the slide is behind a box, from 0 (a plain background) to 1 (covered or a busy picture)."""
    return min(1.0, max(covered(layout, box), SPREAD_WEIGHT * spread(spec, layout, box)))
