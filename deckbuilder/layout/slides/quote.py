"""A quotation set large, with who said it."""

from __future__ import annotations

from deckbuilder.geometry import Rect, points
from deckbuilder.layout.boxes import Box, SlideLayout, TextBox
from deckbuilder.layout.frame import Frame, fixed
from deckbuilder.layout.pages import SlideInfo, paged, text_box
from deckbuilder.layout.text import ParaSpec, fit_or_paginate, height_emu, paragraphs_at
from deckbuilder.outline.model import QuoteSlide

MARK = "“"


def layout_quote(data: QuoteSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """A large opening mark in the accent colour, the quotation, then the attribution."""
    theme = frame.theme
    colors = theme.colors
    quote_style = frame.styles.style(theme.sizes.quote, colors.heading, italic=True, line_spacing=1.25)
    by_style = frame.styles.style(theme.sizes.stat_label, colors.muted, space_before_em=1.2)
    specs = [ParaSpec(data.text, quote_style)]
    if data.attribution:
        specs.append(ParaSpec(f"— {data.attribution}", by_style))
    mark_style = frame.styles.style(fixed(theme.sizes.stat_value.max), colors.accent, heading=True, bold=True)
    mark = paragraphs_at([ParaSpec(MARK, mark_style)], 0, points(80))
    mark_w = points(80)

    def area(rect: Rect) -> tuple[TextBox, Rect]:
        box = TextBox(rect.x, rect.y, mark_w, height_emu(mark), tuple(mark), "quote-mark")
        inner = Rect(rect.x + mark_w, rect.y + points(10), rect.w - mark_w - points(40), rect.h - points(10))
        return box, inner

    def single(rect: Rect) -> list[Box] | None:
        mark_box, inner = area(rect)
        pages = fit_or_paginate(specs, inner.w, inner.h)
        if len(pages) > 1:
            return None
        h = height_emu(pages[0])
        centred = Rect(inner.x, inner.y + max(0, (inner.h - h) // 3), inner.w, h)
        return [
            TextBox(
                mark_box.x, centred.y - points(10), mark_box.w, mark_box.h, mark_box.paragraphs, "quote-mark"
            ),
            text_box(centred, pages[0], "quote"),
        ]

    def pages(rect: Rect) -> list[list[Box]]:
        mark_box, inner = area(rect)
        return [
            [mark_box, text_box(inner, page, "quote")] for page in fit_or_paginate(specs, inner.w, inner.h)
        ]

    return paged(frame, info, single, pages)
