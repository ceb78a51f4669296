"""How busy a layout's slides are behind a box: what its painted canvas shows there."""

from __future__ import annotations

from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.canvas import canvas_of
from deckbuilder.themes.templates.model import Layout, TemplateSpec

COVERING_SHARE = 0.5
"""A filled shape over this share of a placeholder is a band the placeholder's text sits on."""


def covered_by(shape: Rect, box: Rect) -> float:
    """The share of a box (0–1) one shape's bounds cover."""
    area = box.w * box.h
    w = min(shape.right, box.right) - max(shape.x, box.x)
    h = min(shape.bottom, box.bottom) - max(shape.y, box.y)
    return w * h / area if area > 0 and w > 0 and h > 0 else 0.0


def clutter(spec: TemplateSpec, layout: Layout, box: Rect) -> float:
    """How busy the slide is behind a box, from 0 (calm all over) to 1 (busy all over)."""
    return canvas_of(spec, layout).busy_share(box)
