"""Text-led kinds: bullets, numbered takeaways and the sources list."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from deckbuilder.geometry import EMU_PER_PT, Rect, points
from deckbuilder.layout.boxes import DESCENT_ROOM_EM, Box, Paragraph, ShapeBox, SlideLayout, TextBox
from deckbuilder.layout.frame import Frame, fixed
from deckbuilder.layout.pages import SlideInfo, bullet_specs, paged, single_text, text_pages
from deckbuilder.layout.rhythm import spread_text
from deckbuilder.layout.text import ParaSpec, fit, height_emu, max_steps, paginate, paragraphs_at
from deckbuilder.outline.inline import escape
from deckbuilder.outline.model import BulletsSlide, Deck, SourcesSlide, TakeawaysSlide


def layout_bullets(data: BulletsSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """A title and two levels of points, continued on further slides when they do not fit."""
    specs = bullet_specs(data.points, frame)
    if not specs:
        return paged(frame, info, lambda rect: [], lambda rect: [[]])
    return paged(frame, info, spread_text(specs, "body"), lambda rect: text_pages(specs, rect, "body"))


def _takeaway_rows(
    paragraphs: Sequence[Paragraph], numbers: Sequence[int], rect: Rect, frame: Frame, spread: bool
) -> list[Box]:
    """Numbered rows: an accent disc with the number, the point beside it."""
    colors = frame.theme.colors
    boxes: list[Box] = []
    heights = [height_emu([p]) for p in paragraphs]
    gap_min = round(paragraphs[0].size_pt * 0.9 * EMU_PER_PT) if paragraphs else 0
    free = rect.h - sum(heights)
    gap = gap_min
    if spread and len(paragraphs) > 1:
        gap = min(max(gap_min, free // (len(paragraphs) - 1)), gap_min * 3)
    disc = round(paragraphs[0].line_height_pt * 1.15 * EMU_PER_PT) if paragraphs else 0
    number_style = frame.styles.style(
        fixed(paragraphs[0].size_pt * 0.8 if paragraphs else 12),
        colors.accent_text,
        bold=True,
        align="center",
        line_spacing=1.0,
    )
    y = rect.y
    for paragraph, number, height in zip(paragraphs, numbers, heights, strict=True):
        line = round(paragraph.line_height_pt * EMU_PER_PT)
        disc_y = y + (line - disc) // 2
        boxes.append(ShapeBox(rect.x, disc_y, disc, disc, colors.accent, "number-disc", shape="ellipse"))
        label = paragraphs_at([ParaSpec(str(number), number_style)], 0, disc)
        boxes.append(TextBox(rect.x, disc_y, disc, disc, tuple(label), "number", anchor="middle"))
        text_x = rect.x + disc + points(16)
        boxes.append(TextBox(text_x, y, rect.right - text_x, height, (paragraph,), "takeaway"))
        y += height + gap
    return boxes


def layout_takeaways(data: TakeawaysSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """Two to five key points, numbered and set large."""
    theme = frame.theme
    style = frame.styles.style(theme.sizes.takeaway, theme.colors.text, space_before_em=0.9 + DESCENT_ROOM_EM)
    specs = [ParaSpec(point, style) for point in data.points]
    disc_room = round(theme.sizes.takeaway.max * theme.line_spacing * 1.15 * EMU_PER_PT) + points(16)

    def single(rect: Rect) -> list[Box] | None:
        fitted = fit(specs, rect.w - disc_room, rect.h)
        if fitted is None:
            return None
        return _takeaway_rows(fitted[0], range(1, len(specs) + 1), rect, frame, spread=True)

    def pages(rect: Rect) -> list[list[Box]]:
        paragraphs = paragraphs_at(specs, max_steps(specs), rect.w - disc_room)
        result: list[list[Box]] = []
        number = 1
        for page in paginate(paragraphs, rect.h):
            numbers = list(range(number, number + len(page)))
            number += sum(1 for p in page if p.space_before_pt or p is page[0])
            result.append(_takeaway_rows(page, numbers, rect, frame, spread=False))
        return result

    return paged(frame, info, single, pages)


def source_lines(deck: Deck) -> list[str]:
    """The deck's sources, then every distinct slide source not already listed."""
    lines: list[str] = []
    for source in deck.sources:
        parts = [part for part in (source.publisher, source.date) if part]
        if source.url:
            parts.append(_link(source.url))
        lines.append(source.title + (f" — {', '.join(parts)}" if parts else ""))
    listed = [_words(line) for line in lines]
    for section in deck.sections:
        for slide_data in section.slides:
            cited = slide_data.source
            # a slide's short form of a listed source ("France-US Conundrum | Explained") adds nothing
            if cited and not any(_words(cited) <= words for words in listed):
                lines.append(cited)
                listed.append(_words(cited))
    return lines


def _link(url: str) -> str:
    """A source's address as a link showing only its site (example.org) or mail address: a whole URL
    seldom fits a line, and one broken between characters reads badly."""
    parts = urlsplit(url)
    shown = parts.path if parts.scheme.lower() == "mailto" else (parts.hostname or url).removeprefix("www.")
    target = url.replace("<", "%3C").replace(">", "%3E")
    return f"[{escape(shown or url)}](<{target}>)"


def _words(text: str) -> set[str]:
    """The words of a citation, case-folded, for telling whether one names another."""
    return set(re.findall(r"\w+", text.casefold()))


def layout_sources(data: SourcesSlide, deck: Deck, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """The references, generated from the deck's and the slides' sources."""
    theme = frame.theme
    style = frame.styles.style(theme.sizes.body_level2, theme.colors.text, space_before_em=0.6)
    lines = source_lines(deck) or ["No sources are listed in this deck."]
    specs = [ParaSpec(line, style, 0, "•", linkify=True) for line in lines]
    return paged(frame, info, single_text(specs, "body"), lambda rect: text_pages(specs, rect, "body"))
