"""Slide geometry every layer shares: EMU units, rectangles and text alignment."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EMU_PER_PT = 12700
EMU_PER_INCH = 914400

Align = Literal["left", "center", "right"]
Anchor = Literal["top", "middle", "bottom"]


@dataclass(frozen=True)
class Rect:
    """A rectangle on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int

    @property
    def bottom(self) -> int:
        """Read-only: the y of the bottom edge."""
        return self.y + self.h

    @property
    def right(self) -> int:
        """Read-only: the x of the right edge."""
        return self.x + self.w

    def columns(self, count: int, gutter: int) -> list[Rect]:
        """The rectangle cut into count equal columns with gutters between them."""
        width = (self.w - gutter * (count - 1)) // count
        return [Rect(self.x + i * (width + gutter), self.y, width, self.h) for i in range(count)]

    def shrunk(self, by: int) -> Rect:
        """The rectangle with `by` EMU taken off every side."""
        return Rect(self.x + by, self.y + by, max(0, self.w - 2 * by), max(0, self.h - 2 * by))


def inches(value: float) -> int:
    """Inches in EMU."""
    return round(value * EMU_PER_INCH)


def points(value: float) -> int:
    """Points in EMU."""
    return round(value * EMU_PER_PT)
