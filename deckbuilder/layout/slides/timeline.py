"""Dated events along a horizontal line, a few per slide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deckbuilder.geometry import Rect, points
from deckbuilder.layout.boxes import Box, ShapeBox, SlideLayout, TextBox
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.pages import SlideInfo, body_rects, content_pages, located_in
from deckbuilder.layout.text import (
    ParaSpec,
    TextStyle,
    TooLongError,
    fit,
    fit_lines,
    height_emu,
    max_steps,
    paginate,
    paragraphs_at,
)
from deckbuilder.outline.model import Event, TimelineSlide
from deckbuilder.themes.model import SizeRange

MAX_PER_SLIDE = 5
DOT_PT = 16


def _events_row(events: Sequence[Event], rect: Rect, frame: Frame) -> list[Box] | None:
    """One row of events, its dates at their size or, where that leaves their text no room, smallest."""
    theme = frame.theme
    date_style = frame.styles.style(theme.sizes.body, theme.colors.accent, heading=True, bold=True)
    smallest = replace(date_style, sizes=SizeRange(max=date_style.sizes.min, min=date_style.sizes.min))
    return _row_at(events, rect, frame, date_style) or _row_at(events, rect, frame, smallest)


def _row_at(events: Sequence[Event], rect: Rect, frame: Frame, date_style: TextStyle) -> list[Box] | None:
    """One row of events: the line, a dot, the date above and the text below each; None if text overflows."""
    theme = frame.theme
    colors = theme.colors
    text_style = frame.styles.style(theme.sizes.body_level2, colors.text)
    cols = rect.columns(len(events), frame.gutter)
    width = cols[0].w
    dates = fit_lines([ParaSpec(event.date, date_style) for event in events], width, 2 * len(events))
    date_h = max(height_emu([paragraph]) for paragraph in dates)
    if date_h > rect.h // 4:  # dates this long need the width of fewer events a row
        return None
    line_y = rect.y + date_h + points(14)
    text_top = line_y + points(DOT_PT) + points(12)
    room = rect.bottom - text_top
    fits = [fit([ParaSpec(event.text, text_style)], width, room) for event in events]
    if room <= 0 or any(result is None for result in fits):
        return None
    step = max(result[1] for result in fits if result is not None)
    texts = [paragraphs_at([ParaSpec(event.text, text_style)], step, width) for event in events]
    used = text_top - rect.y + max(height_emu(text) for text in texts)
    shift = max(0, (rect.h - used) // 3)  # a little above the middle of the body
    line_y, text_top, top = line_y + shift, text_top + shift, rect.y + shift
    dot = points(DOT_PT)
    boxes: list[Box] = [
        ShapeBox(rect.x, line_y + dot // 2 - points(1.5), rect.w, points(3), colors.rule, "timeline-line")
    ]
    for col, date, text in zip(cols, dates, texts, strict=True):
        boxes.append(TextBox(col.x, top, width, date_h, (date,), "timeline-date", anchor="bottom"))
        boxes.append(ShapeBox(col.x, line_y, dot, dot, colors.accent, "timeline-dot", shape="ellipse"))
        boxes.append(TextBox(col.x, text_top, width, height_emu(text), tuple(text), "timeline-text"))
    return boxes


def _lone_event_pages(event: Event, rect: Rect, frame: Frame) -> list[list[Box]]:
    """An event whose text is too long even alone: its text continues over pages under its date."""
    theme = frame.theme
    spec = ParaSpec(event.text, frame.styles.style(theme.sizes.body_level2, theme.colors.text))
    date_style = frame.styles.style(theme.sizes.body, theme.colors.accent, heading=True, bold=True)
    date = paragraphs_at([ParaSpec(event.date, date_style)], max_steps([ParaSpec("", date_style)]), rect.w)
    top = rect.y + height_emu(date) + points(12)
    pages = paginate(paragraphs_at([spec], max_steps([spec]), rect.w), rect.bottom - top)
    return [
        [
            TextBox(rect.x, rect.y, rect.w, height_emu(date), tuple(date), "timeline-date"),
            TextBox(rect.x, top, rect.w, height_emu(page), tuple(page), "timeline-text"),
        ]
        for page in pages
    ]


def layout_timeline(data: TimelineSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """Events in order, up to five a slide, fewer when their text needs the width."""
    with located_in(info):
        return _timeline(data, frame, info)


def _check_dates(events: Sequence[Event], rect: Rect, frame: Frame) -> None:
    """A date that takes more than a quarter of the body even on its own is refused, located."""
    theme = frame.theme
    style = frame.styles.style(theme.sizes.body, theme.colors.accent, heading=True, bold=True)
    for index, event in enumerate(events):
        date = paragraphs_at([ParaSpec(event.date, style)], max_steps([ParaSpec("", style)]), rect.w)
        if height_emu(date) > rect.h // 4:
            raise TooLongError(("events", index, "date"), "an event's date")


def _timeline(data: TimelineSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    single, shared = body_rects(frame, info)
    _check_dates(data.events, shared, frame)
    if len(data.events) <= MAX_PER_SLIDE and (row := _events_row(data.events, single, frame)) is not None:
        return content_pages(frame, info, [row])
    bodies: list[list[Box]] = []
    remaining = list(data.events)
    while remaining:
        for count in range(min(MAX_PER_SLIDE, len(remaining)), 0, -1):
            row = _events_row(remaining[:count], shared, frame)
            if row is not None:
                bodies.append(row)
                remaining = remaining[count:]
                break
        else:
            bodies.extend(_lone_event_pages(remaining.pop(0), shared, frame))
    return content_pages(frame, info, bodies)
