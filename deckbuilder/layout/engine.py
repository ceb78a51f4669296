"""Lay out a whole deck: expand sections into output slides, then number them and add the chrome."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from deckbuilder.layout.boxes import DeckLayout, SlideLayout
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.images import resolve_image
from deckbuilder.layout.pages import SlideInfo
from deckbuilder.layout.slides.bullets import layout_bullets, layout_sources, layout_takeaways, source_lines
from deckbuilder.layout.slides.chart import layout_chart
from deckbuilder.layout.slides.comparison import layout_comparison
from deckbuilder.layout.slides.image import layout_image
from deckbuilder.layout.slides.quote import layout_quote
from deckbuilder.layout.slides.stat import layout_stat
from deckbuilder.layout.slides.table import layout_table
from deckbuilder.layout.slides.timeline import layout_timeline
from deckbuilder.layout.slides.title import layout_section, layout_title
from deckbuilder.outline.inline import Run, plain_text, runs
from deckbuilder.outline.model import (
    Deck,
    QuoteSlide,
    Section,
    SectionSlide,
    Slide,
    SourcesSlide,
    TitleSlide,
)
from deckbuilder.themes.model import Theme

OPENING_KINDS = ("title", "section")


def outline_slides(deck: Deck) -> Iterator[tuple[Slide, tuple[int, int] | None, int]]:
    """Every slide to lay out, in order, with where it came from and the number of its divider.

    A section gets a divider first when it wants one (has_divider) and does not open with its own
    section slide; a deck with sources but no sources slide gets one at the end.
    """
    has_sources_slide = False
    number = 0
    for s_index, section in enumerate(deck.sections):
        first_kind = section.slides[0].kind if section.slides else None
        if has_divider(section, deck) and first_kind != "section":
            number += 1
            yield SectionSlide(title=section.title), (s_index, -1), number
        for index, slide in enumerate(section.slides):
            has_sources_slide = has_sources_slide or isinstance(slide, SourcesSlide)
            number += isinstance(slide, SectionSlide)
            yield slide, (s_index, index), number
    if not has_sources_slide and source_lines(deck):
        yield SourcesSlide(), None, number


def has_divider(section: Section, deck: Deck) -> bool:
    """Whether a section gets a divider: its own `divider`, else the deck's `dividers` rule.

    With `auto`, only a section of at least two slides besides a sources slide: a divider before a
    single slide only delays it.
    """
    if section.divider is not None:
        return section.divider
    if deck.dividers != "auto":
        return deck.dividers == "always"
    return sum(not isinstance(slide, SourcesSlide) for slide in section.slides) >= 2


def _slide_title(slide: Slide, deck: Deck) -> str:
    if isinstance(slide, TitleSlide):
        return slide.title or deck.title
    if isinstance(slide, QuoteSlide):
        return slide.title or "Quote"
    return slide.title


def _slide_info(slide: Slide, deck: Deck, origin: tuple[int, int] | None) -> SlideInfo:
    info = SlideInfo(slide.kind, _slide_title(slide, deck), slide.source, slide.notes, origin)
    if isinstance(slide, QuoteSlide) and not slide.title:
        info = replace(info, title="")
    return info


def layout_slide(
    slide: Slide, deck: Deck, frame: Frame, origin: tuple[int, int] | None, section_number: int
) -> list[SlideLayout]:
    """The output slides of one outline slide (more than one when its content continues)."""
    info = _slide_info(slide, deck, origin)
    if frame.template_path is not None:  # only decks on a template load its slide layouts
        from deckbuilder.layout.template_frame import TemplateFrame
        from deckbuilder.layout.template_slides import layout_on_template

        assert isinstance(frame, TemplateFrame)
        own = layout_on_template(slide, deck, frame, origin, section_number, info)
        if own is not None:
            return own
    return SLIDE_LAYOUTS[slide.kind](SlideJob(slide, deck, frame, info, origin, section_number))


@dataclass(frozen=True)
class SlideJob:
    """One outline slide to lay out, with everything a kind's layout may need."""

    slide: Any  # the kind's own class: SLIDE_LAYOUTS pairs them
    deck: Deck
    frame: Frame
    info: SlideInfo
    origin: tuple[int, int] | None
    section_number: int


SLIDE_LAYOUTS: dict[str, Callable[[SlideJob], list[SlideLayout]]] = {
    "title": lambda job: layout_title(job.slide, job.deck, job.frame, job.origin),
    "section": lambda job: layout_section(job.slide, job.section_number, job.frame, job.origin),
    "bullets": lambda job: layout_bullets(job.slide, job.frame, job.info),
    "takeaways": lambda job: layout_takeaways(job.slide, job.frame, job.info),
    "comparison": lambda job: layout_comparison(job.slide, job.frame, job.info),
    "stat": lambda job: layout_stat(job.slide, job.frame, job.info),
    "chart": lambda job: layout_chart(job.slide, job.frame, job.info),
    "table": lambda job: layout_table(job.slide, job.frame, job.info),
    "timeline": lambda job: layout_timeline(job.slide, job.frame, job.info),
    "quote": lambda job: layout_quote(job.slide, job.frame, job.info),
    "image": lambda job: layout_image(
        job.slide, resolve_image(job.deck, job.slide.image), job.frame, job.info
    ),
    "sources": lambda job: layout_sources(job.slide, job.deck, job.frame, job.info),
}
"""Each slide kind's layout, by its `kind` tag: one line per kind."""


def _as_read(page: SlideLayout) -> SlideLayout:
    """A slide with its title as it reads, and its notes as plain text and runs (one tuple per line)."""
    if plain_text(page.title) != page.title:
        page = replace(page, title=plain_text(page.title))
    spans = runs(page.notes)
    if len(spans) <= 1 and all(run.plain for run in spans):
        return page if not spans or spans[0].text == page.notes else replace(page, notes=spans[0].text)
    lines: list[tuple[Run, ...]] = [()]
    for run in spans:
        first, *rest = run.text.split("\n")
        for number, piece in enumerate([first, *rest]):
            if number:
                lines.append(())
            if piece:
                lines[-1] += (Run(piece, run.bold, run.italic, run.code, run.link),)
    plain = "\n".join("".join(run.text for run in line) for line in lines)
    return replace(page, notes=plain, notes_runs=tuple(lines))


def deck_frame(deck: Deck, theme: Theme) -> Frame:
    """The frame a deck is laid out in: the theme's grid, or a template's layouts (overrides applied)."""
    if not theme.from_template:
        return Frame(theme, deck.footer)
    from deckbuilder.layout.template_frame import template_deck_frame  # only decks on a template pay for it

    return template_deck_frame(deck, theme)


def layout_deck(deck: Deck, theme: Theme) -> DeckLayout:
    """Every output slide of the deck, numbered, with footer and slide numbers on content slides."""
    frame = deck_frame(deck, theme)
    slides: list[tuple[Frame, SlideLayout]] = []
    for slide, origin, section_number in outline_slides(deck):
        kind_frame = frame.for_kind(slide.kind)
        pages = layout_slide(slide, deck, kind_frame, origin, section_number)
        slides.extend((kind_frame, kind_frame.finish(page)) for page in pages)
    numbered = [
        _as_read(
            page
            if page.kind in OPENING_KINDS
            else replace(page, boxes=(*page.boxes, *page_frame.chrome(number)))
        )
        for number, (page_frame, page) in enumerate(slides, start=1)
    ]
    return DeckLayout(
        width=frame.width,
        height=frame.height,
        title=plain_text(deck.title),
        author=plain_text(deck.author or ""),
        date=deck.date,
        slides=tuple(numbered),
        template=frame.template_path,
        notes=frame.notes_for({page.kind for _, page in slides}),
    )
