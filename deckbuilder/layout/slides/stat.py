"""One to three big numbers, each with its label."""

from __future__ import annotations

from deckbuilder.geometry import Rect, points
from deckbuilder.layout.boxes import Box, ShapeBox, SlideLayout, TextBox
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.pages import SlideInfo, paged
from deckbuilder.layout.text import (
    ParaSpec,
    TooLongError,
    fit,
    fit_lines,
    height_emu,
    max_steps,
    paginate,
    paragraphs_at,
)
from deckbuilder.outline.model import StatSlide

STAT_VALUE_MAX_LINES = 3


def layout_stat(data: StatSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """Values share one size that keeps each on a line; labels share one size that fits below."""
    theme = frame.theme
    value_style = frame.styles.style(theme.sizes.stat_value, theme.colors.accent, heading=True, bold=True)
    label_style = frame.styles.style(theme.sizes.stat_label, theme.colors.text, space_before_em=0.4)

    def columns(rect: Rect) -> list[Rect]:
        return rect.columns(len(data.stats), frame.gutter)

    def values(width: int) -> list[list]:  # type: ignore[type-arg]
        specs = [ParaSpec(stat.value, value_style) for stat in data.stats]
        fitted = fit_lines(specs, width, len(specs))
        step = round(theme.sizes.stat_value.max - fitted[0].size_pt)
        values = [paragraphs_at([spec], step, width) for spec in specs]
        for index, value in enumerate(values):
            if len(value[0].lines) > STAT_VALUE_MAX_LINES:
                raise TooLongError(("stats", index, "value"), "a stat value")
        return values

    def single(rect: Rect) -> list[Box] | None:
        cols = columns(rect)
        value_paragraphs = values(cols[0].w)
        value_h = max(height_emu(p) for p in value_paragraphs)
        label_room = rect.h - value_h - points(30)
        label_specs = [[ParaSpec(stat.label, label_style)] for stat in data.stats]
        fits = [fit(specs, cols[0].w, label_room) for specs in label_specs]
        if any(result is None for result in fits) or label_room <= 0:
            return None
        step = max(result[1] for result in fits if result is not None)
        labels = [paragraphs_at(specs, step, cols[0].w) for specs in label_specs]
        group_h = value_h + points(14) + max(height_emu(p) for p in labels)
        top = rect.y + max(0, (rect.h - group_h) // 2 - points(20))
        boxes: list[Box] = []
        for col, value, label in zip(cols, value_paragraphs, labels, strict=True):
            boxes.append(
                ShapeBox(
                    col.x, top - points(16), round(col.w * 0.25), points(5), theme.colors.accent, "stat-rule"
                )
            )
            boxes.append(TextBox(col.x, top, col.w, value_h, tuple(value), "stat-value", anchor="bottom"))
            label_y = top + value_h + points(14)
            boxes.append(TextBox(col.x, label_y, col.w, height_emu(label), tuple(label), "stat-label"))
        return boxes

    def pages(rect: Rect) -> list[list[Box]]:
        # Labels too long for the slide: each stat gets its own column of pages.
        cols = columns(rect)
        value_paragraphs = values(cols[0].w)
        value_h = max(height_emu(p) for p in value_paragraphs)
        room = rect.h - value_h - points(14)
        label_pages = [
            paginate(
                paragraphs_at(
                    [ParaSpec(s.label, label_style)], max_steps([ParaSpec(s.label, label_style)]), cols[0].w
                ),
                room,
            )
            for s in data.stats
        ]
        count = max(len(p) for p in label_pages)
        result: list[list[Box]] = []
        for index in range(count):
            boxes: list[Box] = []
            for col, value, label_set in zip(cols, value_paragraphs, label_pages, strict=True):
                boxes.append(
                    TextBox(col.x, rect.y, col.w, value_h, tuple(value), "stat-value", anchor="bottom")
                )
                if index < len(label_set) and label_set[index]:
                    label = label_set[index]
                    boxes.append(
                        TextBox(
                            col.x,
                            rect.y + value_h + points(14),
                            col.w,
                            height_emu(label),
                            tuple(label),
                            "stat-label",
                        )
                    )
            result.append(boxes)
        return result

    return paged(frame, info, single, pages)
