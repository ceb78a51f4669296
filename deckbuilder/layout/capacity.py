"""How many points a bullets slide holds: measured with the layout engine, not guessed from counts."""

from __future__ import annotations

from collections.abc import Sequence

from deckbuilder.layout.boxes import TextBox
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.pages import SlideInfo
from deckbuilder.layout.slides.bullets import layout_bullets
from deckbuilder.outline.model import BulletPoint, BulletsSlide, Point
from deckbuilder.themes.model import Theme

MAX_POINTS = 5
"""First-level points on one slide, however short: more and a slide stops reading as a briefing."""
MAX_LINES = 8
"""Points and nested points together on one slide."""
SHRINK_ALLOWANCE_PT = 4.0
"""How far below the theme's largest body size the text may shrink before points move to a new slide."""


class BulletRoom:
    """Whether points fit one bullets slide of a theme at a comfortable size."""

    def __init__(self, theme: Theme) -> None:
        self.theme = theme
        self.floors = (
            theme.sizes.body.max - SHRINK_ALLOWANCE_PT,
            theme.sizes.body_level2.max - SHRINK_ALLOWANCE_PT,
        )
        self._frames: dict[str | None, Frame] = {}

    def fits(self, title: str, points: Sequence[Point], source: str | None, footer: str | None) -> bool:
        """True when the points make one slide, text no smaller than the floor, within the count limits."""
        lines = sum(1 + (len(p.points) if isinstance(p, BulletPoint) else 0) for p in points)
        if len(points) > MAX_POINTS or lines > MAX_LINES:
            return False
        frame = self._frames.get(footer) or self._frames.setdefault(footer, Frame(self.theme, footer))
        slide = BulletsSlide(title=title, points=list(points), source=source)
        pages = layout_bullets(slide, frame, SlideInfo("bullets", title, source, None, None))
        if len(pages) != 1:
            return False
        return all(
            paragraph.size_pt >= self.floors[min(paragraph.level, 1)]
            for box in pages[0].boxes
            if isinstance(box, TextBox) and box.role == "body"
            for paragraph in box.paragraphs
        )
