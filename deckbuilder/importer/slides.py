"""Blocks into slides: bullets packed by measured capacity, with quote, stat and table slides beside them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from deckbuilder.importer.blocks import Block, Chrome, ListBlock, Paragraph, Quote, Table, block_text
from deckbuilder.importer.figures import comparable_figures, find_quote, timeline_events
from deckbuilder.importer.points import list_points, prose_points
from deckbuilder.importer.sentences import word_count
from deckbuilder.outline.model import (
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
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
TABLE_CELL_MAX_WORDS = 30
"""A table with a longer cell is read as bullets, one row a point."""
TAKEAWAY_COUNTS = range(2, 6)
MAX_POINTS = 5
MAX_LINES = 8
MAX_WORDS = 80
LONE_POINT_MAX_WORDS = 12
"""A slide's only point shorter than this would stand on the slide alone: it joins or takes company."""
"""Words of points on one slide: more and it reads as a page of prose (a point alone may be longer)."""


BulletsFit = Callable[[str, Sequence[Point], str | None, str | None], bool]
"""Whether points make one bullets slide at a comfortable size: (title, points, source, footer) -> bool.

The caller measures it (the layout engine knows what fits); the importer only asks."""


@dataclass(frozen=True)
class SlideContext:
    """What every slide made from one article shares."""

    fits: Callable[[str, Sequence[Point]], bool]
    """Whether points make one bullets slide under a title, at a comfortable size."""
    source: str
    language: str


def _lines(points: Sequence[Point]) -> int:
    """Points and nested points together."""
    return sum(1 + (len(p.points) if isinstance(p, BulletPoint) else 0) for p in points)


def _words(points: Sequence[Point]) -> int:
    """Words of points and nested points together."""
    return sum(
        word_count(p.text) + sum(map(word_count, p.points)) if isinstance(p, BulletPoint) else word_count(p)
        for p in points
    )


@dataclass
class _Packer:
    """Fills bullets slides block by block, starting a new slide when the next points would not fit."""

    context: SlideContext
    title: str
    slides: list[Slide] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    extras: list[Slide] = field(default_factory=list)

    def _room_for(self, points: Sequence[Point]) -> bool:
        """Whether points fit on the slide being filled."""
        merged = [*self.points, *points]
        if len(merged) > MAX_POINTS or _lines(merged) > MAX_LINES or _words(merged) > MAX_WORDS:
            return False
        return self.context.fits(self.title, merged)

    def flush(self) -> None:
        """Close the slide being filled (if it shows anything), then add the slides that go after it."""
        if self.points:
            notes = "\n\n".join(self.notes) or None
            self.slides.append(
                BulletsSlide(title=self.title, points=self.points, notes=notes, source=self.context.source)
            )
            self.notes = []
        self.slides.extend(self.extras)
        self.points, self.extras = [], []

    def note(self, text: str) -> None:
        """Text for the notes of the slide being filled (or of the next one)."""
        self.notes.append(text)

    def add(self, text: str, points: list[Point], extras: Sequence[Slide] = ()) -> None:
        """A block's points on the current slide if they fit, else on new ones; its text in the notes of
        the first slide that shows it."""
        if self.points and not self._room_for(points):
            self.flush()
        self.note(text)
        for point in points:
            if self.points and not self._room_for([point]):
                pending_extras, self.extras = self.extras, []
                self.flush()
                self.extras = pending_extras
            self.points.append(point)
        self.extras.extend(extras)

    def add_slide(self, slide: Slide) -> None:
        """A slide of its own (a quotation, a table) after the bullets so far."""
        self.flush()
        if self.notes:  # chrome read before this slide: it goes with it
            text = "\n\n".join([*self.notes, slide.notes or ""]).strip()
            slide = _with_notes(slide, text)
            self.notes = []
        self.slides.append(slide)

    def finish(self) -> list[Slide]:
        """Every slide made; notes left over (chrome at the end) join the last slide's."""
        self.flush()
        self._no_lone_short_point()
        if self.notes and self.slides:
            last = self.slides[-1]
            self.slides[-1] = _with_notes(last, "\n\n".join(filter(None, [last.notes, *self.notes])))
        elif self.notes:
            text = "\n\n".join(self.notes)
            self.slides.append(
                BulletsSlide(title=self.title, points=[], notes=text, source=self.context.source)
            )
        return self.slides

    def _no_lone_short_point(self) -> None:
        """A last bullets slide showing one short point joins the slide before when they fit together;
        else it takes that slide's last point, so no slide stands on a few words alone."""
        if len(self.slides) < 2:
            return
        before, last = self.slides[-2], self.slides[-1]
        if not (isinstance(before, BulletsSlide) and isinstance(last, BulletsSlide)):
            return
        if len(last.points) != 1 or _words(last.points) >= LONE_POINT_MAX_WORDS:
            return
        notes = "\n\n".join(filter(None, [before.notes, last.notes])) or None
        merged = [*before.points, *last.points]
        if (
            len(merged) <= MAX_POINTS
            and _lines(merged) <= MAX_LINES
            and self.context.fits(self.title, merged)
        ):
            self.slides[-2:] = [replace(before, points=merged, notes=notes)]
        elif len(before.points) >= 3:
            self.slides[-2:] = [
                replace(before, points=before.points[:-1]),
                replace(last, points=[before.points[-1], *last.points]),
            ]


def _with_notes(slide: Slide, notes: str) -> Slide:
    """The slide with other speaker notes."""
    return replace(slide, notes=notes or None)


def _stat_slide(paragraph: str, title: str, context: SlideContext) -> StatSlide | None:
    """A stat slide of the figures a paragraph compares, or None."""
    figures = comparable_figures(paragraph, context.language)
    if not figures:
        return None
    notes = " ".join(dict.fromkeys(figure.sentence for figure in figures))
    stats = [Stat(value=figure.value, label=figure.label) for figure in figures]
    return StatSlide(title=title, stats=stats, notes=notes, source=context.source)


def _paragraph(packer: _Packer, text: str, quoted: bool) -> bool:
    """A paragraph's bullets, and its quotation and compared figures as slides after them; whether a
    quotation was set large."""
    context = packer.context
    quote = None if quoted else find_quote(text, context.language)
    points = prose_points(text, context.language)
    extras: list[Slide] = []
    if quote is not None:  # the quotation is shown large: its sentence is not a bullet too
        shown = set(prose_points(quote.sentence, context.language))
        points = [point for point in points if point not in shown]
        extras.append(
            QuoteSlide(
                text=quote.text, attribution=quote.attribution, notes=quote.sentence, source=context.source
            )
        )
    stat = _stat_slide(text, packer.title, context)
    if stat is not None:
        extras.append(stat)
    if points:
        packer.add(text, points, extras)
    else:
        packer.note(text)
        for extra in extras:
            packer.add_slide(extra)
    return quote is not None


def _block_quote(packer: _Packer, block: Quote) -> None:
    """A block quotation with its speaker set large; a long or unattributed one as bullets."""
    context = packer.context
    if block.attribution and QUOTE_SLIDE_MAX_WORDS >= word_count(block.text) >= 4:
        slide = QuoteSlide(
            text=block.text, attribution=block.attribution, notes=block_text(block), source=context.source
        )
        packer.add_slide(slide)
    else:
        packer.add(block_text(block), prose_points(block.text, context.language))


def _table(packer: _Packer, block: Table) -> None:
    """A table slide, or bullets of its rows when it is too big or its cells too long for a table."""
    context = packer.context
    cells = [cell for row in (block.header, *block.rows) for cell in row]
    if (
        2 <= len(block.header) <= MAX_TABLE_COLUMNS
        and 1 <= len(block.rows) <= MAX_TABLE_ROWS
        and all(word_count(cell) <= TABLE_CELL_MAX_WORDS for cell in cells)
    ):
        title = packer.title
        packer.add_slide(
            TableSlide(
                title=title,
                header=list(block.header),
                rows=[list(row) for row in block.rows],
                notes=block_text(block),
                source=context.source,
            )
        )
        return
    rows = [" · ".join(cell for cell in row if cell) for row in block.rows]
    packer.add(block_text(block), [row for row in rows if word_count(row) > 0])


def part_slides(blocks: Sequence[Block], title: str, context: SlideContext) -> list[Slide]:
    """The slides of a run of blocks under one title: bullets filled to capacity, each followed by the
    richer slides of its paragraphs (a quotation, compared figures), at most one quotation per run."""
    packer = _Packer(context, title)
    quoted = False
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        previous = blocks[index - 1] if index else None
        if isinstance(block, Chrome):
            packer.note(block.text)
        elif isinstance(block, Quote):
            _block_quote(packer, block)
        elif isinstance(block, Table):
            _table(packer, block)
        elif (
            isinstance(block, Paragraph)
            and block.text.rstrip().endswith((":", "："))
            and isinstance(following, ListBlock)
        ):
            continue  # a lead-in: it heads the list that follows
        elif isinstance(block, Paragraph):
            quoted = _paragraph(packer, block.text, quoted) or quoted
        elif isinstance(block, ListBlock):
            lead_in = (
                previous.text
                if isinstance(previous, Paragraph) and previous.text.rstrip().endswith((":", "："))
                else None
            )
            points = list_points(block, context.language, lead_in)
            text = "\n".join(filter(None, [lead_in, block_text(block)]))
            if points:
                packer.add(text, points)
            else:
                packer.note(text)
    return packer.finish()


def takeaways_slide(block: ListBlock, title: str, context: SlideContext) -> Slide:
    """A takeaways slide of the list's items as written, or bullets when there are too few or too many."""
    items = [item.text for item in block.items if item.text]
    if len(items) in TAKEAWAY_COUNTS and not any(item.children for item in block.items):
        return TakeawaysSlide(title=title, points=items, notes=block_text(block), source=context.source)
    return BulletsSlide(
        title=title,
        points=list_points(block, context.language),
        notes=block_text(block),
        source=context.source,
    )


def timeline_slide(paragraphs: Sequence[str], title: str, context: SlideContext) -> TimelineSlide | None:
    """A timeline of three or more events the paragraphs date, or None."""
    events = timeline_events(paragraphs, context.language)
    if not events:
        return None
    return TimelineSlide(
        title=title,
        events=[Event(date=event.date, text=event.text) for event in events],
        notes=" ".join(dict.fromkeys(event.sentence for event in events)),
        source=context.source,
    )
