"""Vertical rhythm: a short body spreads down its slide instead of crowding under the title.

The block stays at the top of the body, where every slide's text starts (a block lowered on some
slides and not others made the text jump from slide to slide); its first-level points move apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from deckbuilder.geometry import EMU_PER_PT, Rect
from deckbuilder.layout.boxes import Box, Paragraph
from deckbuilder.layout.pages import text_box
from deckbuilder.layout.text import ParaSpec, fit, height_emu

SHORT = 0.6
"""A body filling less of its area than this share is short: its points move apart up to this share."""
MAX_GAP_EM = 1.3
"""The most space above a first-level point, in ems of its size (the theme's is about half that)."""


def spread(paragraphs: Sequence[Paragraph], height: int) -> list[Paragraph]:
    """A short run of paragraphs with more space between its first-level points (a long one as it is)."""
    used = height_emu(paragraphs)
    if used >= height * SHORT:
        return list(paragraphs)
    spaced = list(paragraphs)
    gaps = [index for index, p in enumerate(spaced) if index > 0 and p.level == 0]
    if gaps:
        extra_pt = (height * SHORT - used) / len(gaps) / EMU_PER_PT
        for index in gaps:
            p = spaced[index]
            gap = min(p.size_pt * MAX_GAP_EM, p.space_before_pt + extra_pt)
            spaced[index] = replace(p, space_before_pt=round(max(gap, p.space_before_pt), 2))
    return spaced


def spread_text(specs: Sequence[ParaSpec], role: str) -> Callable[[Rect], list[Box] | None]:
    """A build_single for a body of one text box: spread when short at full size, as fitted otherwise."""

    def build(rect: Rect) -> list[Box] | None:
        fitted = fit(specs, rect.w, rect.h)
        if fitted is None:
            return None
        paragraphs, step = fitted
        return [text_box(rect, spread(paragraphs, rect.h) if step == 0 else paragraphs, role)]  # shrunk: full

    return build
