"""The title slide and section dividers: large type on the theme's title background."""

from __future__ import annotations

from deckbuilder.geometry import Rect, inches, points
from deckbuilder.layout.boxes import Box, ShapeBox, SlideLayout
from deckbuilder.layout.frame import CONTINUED, Frame, fixed, slide
from deckbuilder.layout.pages import text_box
from deckbuilder.layout.text import ParaSpec, TooLongError, fit_or_paginate, height_emu, paragraphs_at
from deckbuilder.outline.model import Deck, SectionSlide, TitleSlide

META_MAX_LINES = 2


def _opening(
    frame: Frame,
    kind: str,
    specs: list[ParaSpec],
    meta: str | None,
    notes: str | None,
    origin: tuple[int, int] | None,
    bar_at: float,
) -> list[SlideLayout]:
    """Specs on the title background under an accent bar, with an optional line at the foot."""
    colors = frame.theme.colors
    live = frame.live
    meta_boxes: list[Box] = []
    bottom = live.bottom
    if meta:
        style = frame.styles.style(fixed(frame.theme.sizes.caption.max), colors.title_text)
        paragraphs = paragraphs_at([ParaSpec(meta, style)], 0, live.w)
        if sum(len(p.lines) for p in paragraphs) > META_MAX_LINES:
            raise TooLongError(("author",), "the author and date line")
        h = height_emu(paragraphs)
        meta_boxes.append(text_box(Rect(live.x, live.bottom - h, live.w, h), paragraphs, "meta"))
        bottom = live.bottom - h - points(18)
    bar_y = live.y + round(live.h * bar_at)
    bar = ShapeBox(live.x, bar_y, inches(1.2), points(6), colors.accent, "accent-bar")
    rect = Rect(
        live.x, bar_y + points(24), round(live.w * 0.88), max(points(40), bottom - bar_y - points(24))
    )
    pages = fit_or_paginate(specs, rect.w, rect.h)
    title = specs[0].text
    return [
        slide(
            kind,
            title if index == 0 else title + CONTINUED,
            colors.title_background,
            [bar, text_box(rect, page, "title"), *meta_boxes],
            notes if index == 0 else None,
            origin,
            continued=index > 0,
        )
        for index, page in enumerate(pages)
    ]


def layout_title(
    data: TitleSlide, deck: Deck, frame: Frame, origin: tuple[int, int] | None
) -> list[SlideLayout]:
    """The deck's opening slide: title, subtitle, author and date."""
    theme = frame.theme
    color = theme.colors.title_text
    title_style = frame.styles.style(theme.sizes.deck_title, color, heading=True, bold=True, line_spacing=1.1)
    subtitle_style = frame.styles.style(theme.sizes.deck_subtitle, color, space_before_em=1.0)
    specs = [ParaSpec(data.title or deck.title, title_style)]
    subtitle = data.subtitle if data.subtitle is not None else deck.subtitle
    if subtitle:
        specs.append(ParaSpec(subtitle, subtitle_style))
    author, date = data.author or deck.author, data.date or deck.date
    meta = " · ".join(part for part in (author, date) if part)
    try:
        return _opening(frame, "title", specs, meta or None, data.notes, origin, 0.22)
    except TooLongError:
        field = "author" if len(author or "") >= len(date or "") else "date"
        on_slide = getattr(data, field) is not None
        raise TooLongError((field,), f"the {field}", absolute=not on_slide).within(origin) from None


def layout_section(
    data: SectionSlide, number: int, frame: Frame, origin: tuple[int, int] | None
) -> list[SlideLayout]:
    """A divider: the section's number, title and optional subtitle."""
    theme = frame.theme
    color = theme.colors.title_text
    label_style = frame.styles.style(theme.sizes.deck_subtitle, color, bold=False)
    title_style = frame.styles.style(
        theme.sizes.deck_title, color, heading=True, bold=True, line_spacing=1.1, space_before_em=0.3
    )
    subtitle_style = frame.styles.style(theme.sizes.deck_subtitle, color, space_before_em=0.8)
    specs = [ParaSpec(f"Part {number}", label_style), ParaSpec(data.title, title_style)]
    if data.subtitle:
        specs.append(ParaSpec(data.subtitle, subtitle_style))
    pages = _opening(frame, "section", specs, None, data.notes, origin, 0.30)
    return [
        SlideLayout(
            page.kind,
            data.title if not page.continued else data.title + CONTINUED,
            page.background,
            page.boxes,
            page.notes,
            page.origin,
            page.continued,
        )
        for page in pages
    ]
