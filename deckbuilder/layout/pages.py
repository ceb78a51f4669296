"""Turning a slide's body, fitted page by page, into SlideLayouts with titles, sources and '(cont.)'."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from deckbuilder.geometry import Rect
from deckbuilder.layout.boxes import Box, Paragraph, SlideLayout, TextBox
from deckbuilder.layout.frame import CONTINUED, Frame, slide
from deckbuilder.layout.text import ParaSpec, TooLongError, fit_or_paginate
from deckbuilder.outline.model import BulletPoint, Point

BULLETS = ("•", "–")


@dataclass(frozen=True)
class SlideInfo:
    """What every output slide of one outline slide shares."""

    kind: str
    title: str
    source: str | None
    notes: str | None
    origin: tuple[int, int] | None


def body_rects(frame: Frame, info: SlideInfo) -> tuple[Rect, Rect]:
    """The body rectangle of a single slide, and the one every page of a continued slide can use."""
    _, single = frame.content(info.title, info.source)
    _, continued = frame.content(info.title + CONTINUED, info.source)
    top = max(single.y, continued.y)
    return single, Rect(single.x, top, single.w, single.bottom - top)


def content_pages(frame: Frame, info: SlideInfo, bodies: Sequence[Sequence[Box]]) -> list[SlideLayout]:
    """One content slide per body, the second and later titled '… (cont.)'; notes go on the first."""
    pages: list[SlideLayout] = []
    for index, body in enumerate(bodies):
        title = info.title if index == 0 else info.title + CONTINUED
        chrome, _ = frame.content(title, info.source)
        notes = info.notes if index == 0 else f"(continued) {info.title}"
        pages.append(
            slide(
                info.kind,
                title,
                frame.theme.colors.background,
                [*chrome, *body],
                notes,
                info.origin,
                continued=index > 0,
            )
        )
    return pages


def paged(
    frame: Frame,
    info: SlideInfo,
    build_single: Callable[[Rect], list[Box] | None],
    build_pages: Callable[[Rect], list[list[Box]]],
) -> list[SlideLayout]:
    """Lay a body out on one slide if it fits, else over as many '(cont.)' slides as it needs."""
    with located_in(info):
        single, shared = body_rects(frame, info)
        body = build_single(single)
        if body is not None:
            return content_pages(frame, info, [body])
        return content_pages(frame, info, build_pages(shared))


@contextmanager
def located_in(info: SlideInfo) -> Iterator[None]:
    """Completes a TooLongError raised inside with the outline slide's path."""
    try:
        yield
    except TooLongError as error:
        raise error.within(info.origin) from None


def bullet_specs(points: Sequence[Point], frame: Frame) -> list[ParaSpec]:
    """Two-level points as bulleted paragraph specs."""
    theme = frame.theme
    first = frame.styles.style(theme.sizes.body, theme.colors.text, space_before_em=0.55)
    second = frame.styles.style(theme.sizes.body_level2, theme.colors.text, space_before_em=0.25)
    specs: list[ParaSpec] = []
    for point in points:
        if isinstance(point, BulletPoint):
            specs.append(ParaSpec(point.text, first, 0, BULLETS[0]))
            specs.extend(ParaSpec(text, second, 1, BULLETS[1]) for text in point.points)
        else:
            specs.append(ParaSpec(point, first, 0, BULLETS[0]))
    return specs


def text_pages(specs: Sequence[ParaSpec], rect: Rect, role: str) -> list[list[Box]]:
    """Specs fitted into a rectangle, one text box per page."""
    return [[text_box(rect, page, role)] for page in fit_or_paginate(specs, rect.w, rect.h)]


def text_box(rect: Rect, paragraphs: Sequence[Paragraph], role: str, anchor: str = "top") -> TextBox:
    """A text box filling a rectangle."""
    return TextBox(rect.x, rect.y, rect.w, rect.h, tuple(paragraphs), role, anchor=anchor)  # type: ignore[arg-type]


def single_text(specs: Sequence[ParaSpec], role: str) -> Callable[[Rect], list[Box] | None]:
    """A build_single for a body that is one text box."""

    def build(rect: Rect) -> list[Box] | None:
        pages = fit_or_paginate(specs, rect.w, rect.h)
        return [text_box(rect, pages[0], role)] if len(pages) == 1 else None

    return build
