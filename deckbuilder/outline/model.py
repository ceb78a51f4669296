"""The typed deck model: deck, sections and one class per slide kind."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ClassVar, Literal, get_args

from deckbuilder.outline.number_format import (
    MAX_NUMBER_FORMAT_LENGTH,
    NUMBER_FORMAT_HINT,
    NUMBER_FORMAT_PATTERN,
)
from deckbuilder.records import Record, Rule, Tagged, internal, tag_of

NonEmptyText = Annotated[str, Rule(min_length=1)]
INLINE_MARKUP = (
    "Text shown on a slide. Inline markup: **bold**, *italic* (or _italic_), `code`, [text](https://…) "
    "links (http, https or mailto only); \\* \\_ \\` \\[ write a marker as itself."
)
Markup = Annotated[str, Rule(description=INLINE_MARKUP)]
"""Text shown on a slide, which may hold inline markup (parsed by deckbuilder.outline.inline)."""
RichText = Annotated[str, Rule(min_length=1, description=INLINE_MARKUP)]
"""Markup that may not be empty."""
SOURCE_MARKUP = INLINE_MARKUP + " A bare https:// URL becomes a link."
NOTES_MARKUP = "Speaker notes, formatted in the notes too. " + INLINE_MARKUP.removeprefix(
    "Text shown on a slide. "
)

# Limits on the size of tables and charts. Past them a slide is unreadable anyway, and python-pptx's
# costs grow faster than the data (roughly cubic in a table's columns, quadratic in a chart's
# categories): at these limits every export takes a few seconds at most (bench/bench_limits.py).
MAX_TABLE_COLUMNS = 20
"""Cells in a table's header and in each of its rows."""
MAX_TABLE_ROWS = 500
"""Rows of a table below its header; they continue on "(cont.)" slides as they need."""
MAX_CHART_CATEGORIES = 1000
"""Categories of a chart, and so values of each of its series (slices of a pie)."""
MAX_CHART_SERIES = 20
"""Series of a chart."""
MAX_CHART_VALUE = 1e15
"""The largest size of a chart value: Excel keeps 15 significant digits, and labels stay short."""


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 cell', '2 cells'."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


@dataclass(kw_only=True)
class Source(Record):
    """A reference the deck draws on."""

    title: RichText
    url: (
        Annotated[
            str,
            Rule(
                pattern=r"^(https?://|mailto:)",
                pattern_hint="must start with http://, https:// or mailto:",
                description="The source's address, linked from the sources slide: http, https or mailto.",
            ),
        ]
        | None
    ) = None
    publisher: Markup | None = None
    date: Markup | None = None


@dataclass(kw_only=True)
class BulletPoint(Record):
    """A first-level point with second-level points under it."""

    text: RichText
    points: list[RichText] = field(default_factory=list)


Point = RichText | BulletPoint
"""A bullet: plain text, or text with second-level points (a mapping is read as the latter)."""


@dataclass(kw_only=True)
class Column(Record):
    """One side of a comparison: a heading and its points."""

    heading: RichText
    points: list[Point] = field(default_factory=list)


@dataclass(kw_only=True)
class Stat(Record):
    """One big number and what it counts."""

    value: RichText
    label: RichText


@dataclass(kw_only=True)
class Series(Record):
    """A named row of chart values, one per category."""

    name: NonEmptyText
    values: Annotated[
        list[Annotated[float, Rule(ge=-MAX_CHART_VALUE, le=MAX_CHART_VALUE)]],
        Rule(min_length=1, max_length=MAX_CHART_CATEGORIES),
    ]


@dataclass(kw_only=True)
class Event(Record):
    """A dated event on a timeline."""

    date: RichText
    text: RichText


@dataclass(kw_only=True)
class SlideBase(Record):
    """Fields every slide kind has; each kind also declares its `kind` tag and the class facts below.

    A slide kind is declared once, as a subclass listed in `Slide`: the outline's reader, the JSON
    Schema, the app's Add Slide menu and new-slide content all follow from it.
    """

    label: ClassVar[str]
    """What the app calls the kind (menus, the outline tree)."""
    starter: ClassVar[Mapping[str, object]]
    """The content a new slide of the kind starts with (it passes validation)."""
    own_title: ClassVar[bool] = True
    """Whether `title` is the slide's own heading (kept when the slide changes kind)."""

    notes: Annotated[str, Rule(description=NOTES_MARKUP)] | None = None
    source: Annotated[str, Rule(description=SOURCE_MARKUP)] | None = None


@dataclass(kw_only=True)
class TitleSlide(SlideBase):
    """The opening slide; empty fields fall back to the deck's own."""

    label: ClassVar[str] = "Title"
    starter: ClassVar[Mapping[str, object]] = {}
    own_title: ClassVar[bool] = False
    kind: Literal["title"] = "title"
    title: Markup | None = None
    subtitle: Markup | None = None
    author: Markup | None = None
    date: Markup | None = None


@dataclass(kw_only=True)
class SectionSlide(SlideBase):
    """A divider that opens a section."""

    label: ClassVar[str] = "Section divider"
    starter: ClassVar[Mapping[str, object]] = {"title": "New section"}
    kind: Literal["section"] = "section"
    title: RichText
    subtitle: Markup | None = None


@dataclass(kw_only=True)
class BulletsSlide(SlideBase):
    """A heading and points on two levels."""

    label: ClassVar[str] = "Bullets"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "New slide",
        "points": ["First point", "Second point"],
    }
    kind: Literal["bullets"] = "bullets"
    title: RichText
    points: list[Point] = field(default_factory=list)


@dataclass(kw_only=True)
class TakeawaysSlide(SlideBase):
    """Two to five numbered key points, set large."""

    label: ClassVar[str] = "Key takeaways"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "Key Takeaways",
        "points": ["First takeaway", "Second takeaway"],
    }
    kind: Literal["takeaways"] = "takeaways"
    title: RichText = "Key Takeaways"
    points: Annotated[list[RichText], Rule(min_length=2, max_length=5)]


@dataclass(kw_only=True)
class ComparisonSlide(SlideBase):
    """Two columns side by side."""

    label: ClassVar[str] = "Comparison"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "Side by side",
        "left": {"heading": "One side", "points": ["A point"]},
        "right": {"heading": "The other side", "points": ["A point"]},
    }
    kind: Literal["comparison"] = "comparison"
    title: RichText
    left: Column
    right: Column


@dataclass(kw_only=True)
class StatSlide(SlideBase):
    """One to three big numbers with labels."""

    label: ClassVar[str] = "Big numbers"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "In numbers",
        "stats": [{"value": "100", "label": "What it counts"}],
    }
    kind: Literal["stat"] = "stat"
    title: RichText
    stats: Annotated[list[Stat], Rule(min_length=1, max_length=3)]


ChartType = Literal["bar", "column", "line", "pie"]


@dataclass(kw_only=True)
class ChartSlide(SlideBase):
    """A native chart from inline data."""

    label: ClassVar[str] = "Chart"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "A chart",
        "chart": "column",
        "categories": ["First", "Second"],
        "series": [{"name": "Series 1", "values": [1, 2]}],
    }
    kind: Literal["chart"] = "chart"
    title: RichText
    chart: ChartType = "column"
    categories: Annotated[list[NonEmptyText], Rule(min_length=1, max_length=MAX_CHART_CATEGORIES)]
    series: Annotated[list[Series], Rule(min_length=1, max_length=MAX_CHART_SERIES)]
    number_format: Annotated[
        str,
        Rule(
            min_length=1,
            max_length=MAX_NUMBER_FORMAT_LENGTH,
            pattern=NUMBER_FORMAT_PATTERN,
            pattern_hint=NUMBER_FORMAT_HINT,
            description="An Excel number format for the value labels and axis: General, 0, #,##0.0, 0%, "
            '"€"#,##0 … (words in double quotes).',
        ),
    ] = "General"

    def broken_rule(self) -> str | None:
        """Every series has one value per category; a pie has one series."""
        for index, series in enumerate(self.series):
            if len(series.values) != len(self.categories):
                return (
                    f"series {index + 1} ('{series.name}') has {_count(len(series.values), 'value')} "
                    f"but there {'is' if len(self.categories) == 1 else 'are'} "
                    f"{_count(len(self.categories), 'category', 'categories')}"
                )
        if self.chart == "pie" and len(self.series) != 1:
            return f"a pie chart takes exactly one series, not {len(self.series)}"
        return None


@dataclass(kw_only=True)
class TableSlide(SlideBase):
    """A header row and rows of cells."""

    label: ClassVar[str] = "Table"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "A table",
        "header": ["", "Column 1"],
        "rows": [["Row 1", "Value"]],
    }
    kind: Literal["table"] = "table"
    title: RichText
    header: Annotated[list[Markup], Rule(min_length=1, max_length=MAX_TABLE_COLUMNS)]
    rows: Annotated[
        list[Annotated[list[Markup], Rule(max_length=MAX_TABLE_COLUMNS)]],
        Rule(min_length=1, max_length=MAX_TABLE_ROWS),
    ]

    def broken_rule(self) -> str | None:
        """Every row has one cell per header cell."""
        for index, row in enumerate(self.rows):
            if len(row) != len(self.header):
                return (
                    f"row {index + 1} has {_count(len(row), 'cell')} "
                    f"but the header has {_count(len(self.header), 'cell')}"
                )
        return None


@dataclass(kw_only=True)
class TimelineSlide(SlideBase):
    """Dated events in order."""

    label: ClassVar[str] = "Timeline"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "Timeline",
        "events": [{"date": "2024", "text": "What happened"}],
    }
    kind: Literal["timeline"] = "timeline"
    title: RichText
    events: Annotated[list[Event], Rule(min_length=1)]


@dataclass(kw_only=True)
class QuoteSlide(SlideBase):
    """A quotation and who said it."""

    label: ClassVar[str] = "Quote"
    starter: ClassVar[Mapping[str, object]] = {"text": "The quotation", "attribution": "Who said it"}
    kind: Literal["quote"] = "quote"
    title: Markup | None = None
    text: RichText
    attribution: Markup | None = None


@dataclass(kw_only=True)
class ImageSlide(SlideBase):
    """A picture, relative to the deck file, with alt text and a caption."""

    label: ClassVar[str] = "Image"
    starter: ClassVar[Mapping[str, object]] = {
        "title": "A picture",
        "image": "image.png",
        "alt": "What the picture shows",
    }
    kind: Literal["image"] = "image"
    title: RichText
    image: NonEmptyText
    alt: NonEmptyText
    caption: Markup | None = None


@dataclass(kw_only=True)
class SourcesSlide(SlideBase):
    """The references, generated from the deck's and the slides' sources."""

    label: ClassVar[str] = "Sources"
    starter: ClassVar[Mapping[str, object]] = {}
    own_title: ClassVar[bool] = False
    kind: Literal["sources"] = "sources"
    title: RichText = "Sources"


Slide = Annotated[
    TitleSlide
    | SectionSlide
    | BulletsSlide
    | TakeawaysSlide
    | ComparisonSlide
    | StatSlide
    | ChartSlide
    | TableSlide
    | TimelineSlide
    | QuoteSlide
    | ImageSlide
    | SourcesSlide,
    Tagged("slide"),
]

SLIDE_CLASSES: dict[str, type[SlideBase]] = {tag_of(cls): cls for cls in get_args(get_args(Slide)[0])}
"""Every slide kind's class by its `kind` tag, in the order `Slide` lists them."""
SLIDE_KINDS: tuple[str, ...] = tuple(SLIDE_CLASSES)


@dataclass(kw_only=True)
class Section(Record):
    """A titled run of slides; a divider slide may open it (see the deck's `dividers`)."""

    title: RichText
    divider: Annotated[
        bool | None,
        Rule(
            description="true: open this section with a divider slide; false: never; unset: as the "
            "deck's `dividers` says."
        ),
    ] = None
    slides: list[Slide] = field(default_factory=list)


if TYPE_CHECKING:
    SlideKind = str
else:  # the kinds as a Literal, for the reader and the schema, from the one list above
    SlideKind = Literal[SLIDE_KINDS]


@dataclass(kw_only=True)
class Deck(Record):
    """A whole briefing deck: metadata and ordered sections."""

    title: RichText
    subtitle: Markup | None = None
    author: Markup | None = None
    date: Markup | None = None
    theme: NonEmptyText = "briefing"
    footer: Markup | None = None
    sources: list[Source] = field(default_factory=list)
    dividers: Annotated[
        Literal["auto", "always", "never"],
        Rule(
            description="Divider slides before sections: auto, before a section of two or more slides; "
            "always; never. A section's own `divider` wins."
        ),
    ] = "auto"
    sections: Annotated[list[Section], Rule(min_length=1)]
    layouts: Annotated[
        dict[SlideKind, NonEmptyText],
        Rule(description="With a .pptx template as theme: the template layout (by name) a slide kind uses."),
    ] = field(default_factory=dict)
    _path: Path | None = internal(init=False)
    _marks: dict[tuple[str | int, ...], tuple[int, int]] | None = internal(init=False)

    def locate(self, key_path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        """The line and column where the value at key_path was written, if the deck came from a file."""
        return (self._marks or {}).get(key_path, (None, None))

    def with_marks(self, marks: dict[tuple[str | int, ...], tuple[int, int]]) -> Deck:
        """This deck, knowing where each value was written (a new Deck: this one stays as it was)."""
        result = copy.copy(self)
        result._marks = marks
        return result

    @property
    def path(self) -> Path | None:
        """Read-only: the file this deck was loaded from or last saved to, if any."""
        return self._path

    @property
    def base_dir(self) -> Path:
        """Read-only: the folder relative paths (images, theme files) resolve against."""
        return self._path.parent if self._path is not None else Path.cwd()

    def with_path(self, path: Path | None) -> Deck:
        """This deck, belonging to a file (a new Deck sharing its content: this one stays as it was)."""
        result = copy.copy(self)
        result._path = path
        return result
