"""Two columns side by side, each a card with a heading and points."""

from __future__ import annotations

from deckbuilder.geometry import Rect, points
from deckbuilder.layout.boxes import Box, Paragraph, ShapeBox, SlideLayout, TextBox
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.pages import SlideInfo, bullet_specs, paged
from deckbuilder.layout.text import (
    ParaSpec,
    TooLongError,
    fit,
    height_emu,
    max_steps,
    paginate,
    paragraphs_at,
)
from deckbuilder.outline.model import Column, ComparisonSlide

CARD_INSET = 0.22


class _Card:
    """One column's heading and points, measured for a card rectangle."""

    def __init__(self, column: Column, side: str, frame: Frame, card: Rect) -> None:
        theme = frame.theme
        self.frame = frame
        self.card = card
        self.inner = card.shrunk(round(CARD_INSET * 914400))
        heading_style = frame.styles.style(theme.sizes.body, theme.colors.heading, heading=True, bold=True)
        heading = [ParaSpec(column.heading, heading_style)]
        for step in range(max_steps(heading) + 1):  # a heading shrinks before it is refused
            self.heading = paragraphs_at(heading, step, self.inner.w)
            if height_emu(self.heading) <= self.inner.h // 3:
                break
        else:
            raise TooLongError((side, "heading"), "a column heading")
        self.points_top = self.inner.y + height_emu(self.heading) + points(10)
        self.room = max(0, self.inner.bottom - self.points_top)
        self.specs = bullet_specs(column.points, frame)

    def boxes(self, body: list[Paragraph]) -> list[Box]:
        """The card, its heading and a page of its points."""
        colors = self.frame.theme.colors
        inner = self.inner
        boxes: list[Box] = [
            ShapeBox(self.card.x, self.card.y, self.card.w, self.card.h, colors.surface, "card"),
            ShapeBox(self.card.x, self.card.y, self.card.w, points(5), colors.accent, "card-rule"),
            TextBox(
                inner.x, inner.y, inner.w, height_emu(self.heading), tuple(self.heading), "column-heading"
            ),
        ]
        if body:
            recolored = [
                Paragraph(**{**paragraph.__dict__, "color": colors.surface_text}) for paragraph in body
            ]
            boxes.append(
                TextBox(inner.x, self.points_top, inner.w, self.room, tuple(recolored), "column-body")
            )
        return boxes


def layout_comparison(data: ComparisonSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """Both columns at one shared size; when either overflows, both continue together."""

    def cards(rect: Rect) -> tuple[_Card, _Card]:
        left, right = rect.columns(2, frame.gutter)
        return _Card(data.left, "left", frame, left), _Card(data.right, "right", frame, right)

    def single(rect: Rect) -> list[Box] | None:
        left, right = cards(rect)
        fits = [fit(card.specs, card.inner.w, card.room) if card.specs else ([], 0) for card in (left, right)]
        if any(result is None for result in fits):
            return None
        step = max(result[1] for result in fits if result is not None)
        return [
            *left.boxes(paragraphs_at(left.specs, step, left.inner.w)),
            *right.boxes(paragraphs_at(right.specs, step, right.inner.w)),
        ]

    def pages(rect: Rect) -> list[list[Box]]:
        left, right = cards(rect)
        step = max(max_steps(left.specs), max_steps(right.specs))
        left_pages = (
            paginate(paragraphs_at(left.specs, step, left.inner.w), left.room) if left.specs else [[]]
        )
        right_pages = (
            paginate(paragraphs_at(right.specs, step, right.inner.w), right.room) if right.specs else [[]]
        )
        count = max(len(left_pages), len(right_pages))
        left_pages += [[]] * (count - len(left_pages))
        right_pages += [[]] * (count - len(right_pages))
        return [[*left.boxes(lp), *right.boxes(rp)] for lp, rp in zip(left_pages, right_pages, strict=True)]

    return paged(frame, info, single, pages)
