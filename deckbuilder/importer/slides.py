"""Blocks into slides: bullets packed by measured capacity, stat, quote and timeline slides beside them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from deckbuilder.importer.blocks import Block, ListBlock, Paragraph, Quote, Table, block_text
from deckbuilder.importer.capacity import BulletRoom
from deckbuilder.importer.figures import comparable_figures, find_quote, timeline_events
from deckbuilder.importer.points import list_points, prose_points
from deckbuilder.importer.sentences import heading_title, short_title, split_sentences, word_count
from deckbuilder.outline.model import (
    BulletPoint,
    BulletsSlide,
    Event,
    Point,
    QuoteSlide,
    Slide,
    Stat,
    StatSlide,
    TableSlide,
    TakeawaysSlide,
    TimelineSlide,
)

QUOTE_SLIDE_MAX_WORDS = 60
"""A block quotation longer than this is shown as bullets rather than set large."""
TAKEAWAY_COUNTS = range(2, 6)
SHARED_SLIDE_MAX_LINES = 6
"""Points and nested points on a slide that holds more than one paragraph: a paragraph alone may use more."""


@dataclass(frozen=True)
class SlideContext:
    """What every slide made from one article shares."""

    room: BulletRoom
    source: str
    known_terms: str
    """Words of the headline: a quoted phrase made of them is a term of the article, not a quotation."""


def first_sentence(block: Block) -> str:
    """A block's first sentence (a list's: its first item's), as written."""
    text = block.items[0].text if isinstance(block, ListBlock) and block.items else block_text(block)
    sentences = split_sentences(text)
    return sentences[0] if sentences else text


def _title_from(block: Block) -> str:
    """A slide title cut from a block's first sentence."""
    return short_title(first_sentence(block))


def _same_words(a: str, b: str) -> bool:
    """Whether two texts say the same words (case and punctuation aside)."""
    return re.findall(r"\w+", a.casefold()) == re.findall(r"\w+", b.casefold())


def _point_count(points: Sequence[Point]) -> int:
    """Points and nested points together."""
    return sum(1 + (len(p.points) if isinstance(p, BulletPoint) else 0) for p in points)


@dataclass
class _Packer:
    """Fills bullets slides block by block, starting a new slide when the next block would not fit."""

    context: SlideContext
    title_hint: str | None
    """The first slide's title (a heading), if any; later slides are titled from their first sentence."""
    list_title: str | None
    """The title for a later slide that opens with a list (whose first item would make a poor title)."""
    slides: list[Slide] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    title: str = ""
    extras: list[Slide] = field(default_factory=list)
    orphans: list[Block] = field(default_factory=list)
    """Blocks without words to show (a stray mark), kept for the notes of the next slide."""
    made: int = 0

    def _next_title(self, block: Block) -> str:
        """The title for a slide that starts with this block."""
        if self.made == 0 and self.title_hint:
            return self.title_hint
        if isinstance(block, ListBlock) and self.list_title:
            return self.list_title
        return _title_from(block)

    def _bullets(self, title: str, points: list[Point], blocks: Sequence[Block]) -> BulletsSlide:
        """A bullets slide; its notes hold the blocks' text as written."""
        self.made += 1
        notes = "\n\n".join(block_text(block) for block in blocks)
        if len(points) > 1 and isinstance(points[0], str) and _same_words(points[0], title):
            points = points[1:]  # the first sentence is the title already; the notes keep it
        return BulletsSlide(title=title, points=points, notes=notes, source=self.context.source)

    def flush(self) -> None:
        """Close the slide being filled, then add the slides that go after it."""
        title = None
        if self.blocks:
            bullets = self._bullets(self.title, self.points, self.blocks)
            self.slides.append(bullets)
            title = bullets.title
        for extra in self.extras:
            if isinstance(extra, QuoteSlide) and extra.title == title:
                extra = replace(extra, title=None)  # a pull quote after its own slide
            self.slides.append(extra)
        self.blocks, self.points, self.extras = [], [], []

    def add(self, block: Block, points: list[Point], extras: list[Slide]) -> None:
        """Put a block's points on the current slide if they fit, else on new ones."""
        room = self.context.room
        source = self.context.source
        merged = [*self.points, *points]
        if (
            self.blocks
            and _point_count(merged) <= SHARED_SLIDE_MAX_LINES
            and room.fits(self.title, merged, source)
        ):
            self.blocks.append(block)
            self.points.extend(points)
            self.extras.extend(extras)
            return
        self.flush()
        self.title = self._next_title(block)
        blocks, self.orphans = [*self.orphans, block], []
        if room.fits(self.title, points, source):
            self.blocks, self.points, self.extras = blocks, list(points), list(extras)
            return
        chunk: list[Point] = []
        for point in points:  # a block too long for one slide: its points over several, each with its text
            if chunk and not room.fits(self.title, [*chunk, point], source):
                self.slides.append(self._bullets(self.title, chunk, blocks))
                blocks = [block]
                self.title = short_title(point.text if isinstance(point, BulletPoint) else point)
                chunk = []
            chunk.append(point)
        self.blocks, self.points, self.extras = blocks, chunk, list(extras)

    def keep(self, block: Block) -> None:
        """A block with no words to show: its text goes into the notes all the same."""
        if self.blocks:
            self.blocks.append(block)
        else:
            self.orphans.append(block)

    def finish(self) -> list[Slide]:
        """Every slide made, the last one holding any blocks left over in its notes."""
        self.flush()
        if self.orphans:
            self.title = self.list_title or self.title_hint or _title_from(self.orphans[0])
            self.slides.append(self._bullets(self.title, [], self.orphans))
            self.orphans = []
        return self.slides

    def add_slide(self, slide: Slide) -> None:
        """A slide of its own (a quotation, a table) between bullets slides."""
        self.flush()
        self.slides.append(slide)
        self.made += 1


def _stat_slide(paragraph: str, topic: str, context: SlideContext) -> StatSlide | None:
    """A stat slide of a paragraph's comparable figures, or None."""
    figures = comparable_figures(paragraph)
    if not figures:
        return None
    notes = " ".join(dict.fromkeys(figure.sentence for figure in figures))
    return StatSlide(
        title=f"{topic} in figures",
        stats=[Stat(value=figure.value, label=figure.label) for figure in figures],
        notes=notes,
        source=context.source,
    )


def _quote_slide(paragraph: str, known: str, title: str, context: SlideContext) -> QuoteSlide | None:
    """A quote slide of a paragraph's quotation, or None."""
    quote = find_quote(paragraph, known)
    if quote is None:
        return None
    return QuoteSlide(
        title=title,
        text=quote.text,
        attribution=quote.attribution,
        notes=quote.sentence,
        source=context.source,
    )


def _block_quote_slide(block: Quote, packer: _Packer) -> None:
    """A block quotation set large (titled by the heading it opens, if any), or as bullets when long."""
    as_paragraph = Paragraph(block_text(block))
    if word_count(block.text) > QUOTE_SLIDE_MAX_WORDS:
        packer.add(as_paragraph, prose_points(block.text), [])
        return
    title = packer.title_hint if packer.made == 0 else None
    notes = block_text(block)
    source = packer.context.source
    packer.add_slide(
        QuoteSlide(title=title, text=block.text, attribution=block.attribution, notes=notes, source=source)
    )


def _table_slide(block: Table, title: str, context: SlideContext) -> TableSlide:
    """A table slide, titled by its caption or the heading above it."""
    return TableSlide(
        title=(block.caption and heading_title(block.caption)) or title,
        header=list(block.header),
        rows=[list(row) for row in block.rows],
        notes=block.caption,
        source=context.source,
    )


def takeaways_slide(block: ListBlock, title: str, context: SlideContext) -> Slide:
    """A takeaways slide of the list's items as written, or bullets when there are too few or too many."""
    items = [item.text for item in block.items if item.text]
    if len(items) in TAKEAWAY_COUNTS and not any(item.children for item in block.items):
        return TakeawaysSlide(title=title, points=items, notes=block_text(block), source=context.source)
    return BulletsSlide(
        title=title, points=list_points(block), notes=block_text(block), source=context.source
    )


def part_slides(
    blocks: Sequence[Block], title_hint: str | None, topic: str, section_title: str, context: SlideContext
) -> list[Slide]:
    """The slides of a run of blocks: bullets filled to capacity, each followed by the richer slides of its
    paragraphs (figures, a quotation), at most one quotation per run."""
    packer = _Packer(context, title_hint, title_hint or heading_title(section_title))
    quoted = False
    known = f"{section_title} {context.known_terms}"
    for block in blocks:
        if isinstance(block, Quote):
            _block_quote_slide(block, packer)
            quoted = True
        elif isinstance(block, Table):
            packer.add_slide(_table_slide(block, title_hint or topic, context))
        elif isinstance(block, Paragraph | ListBlock):
            points = prose_points(block.text) if isinstance(block, Paragraph) else list_points(block)
            extras: list[Slide] = []
            if isinstance(block, Paragraph):
                stat = _stat_slide(block.text, topic, context)
                quote = None if quoted else _quote_slide(block.text, known, _title_from(block), context)
                quoted = quoted or quote is not None
                extras = [slide for slide in (stat, quote) if slide is not None]
            if points:
                packer.add(block, points, extras)
            else:
                packer.keep(block)
    return packer.finish()


def timeline_slide(paragraphs: Sequence[str], topic: str, context: SlideContext) -> TimelineSlide | None:
    """A timeline of three or more dated events told in the paragraphs, or None."""
    events = timeline_events(paragraphs)
    if not events:
        return None
    return TimelineSlide(
        title=f"{topic}: key dates",
        events=[Event(date=event.date, text=event.text) for event in events],
        notes=" ".join(dict.fromkeys(event.sentence for event in events)),
        source=context.source,
    )
