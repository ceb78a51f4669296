"""The typed deck model: deck, sections and one class per slide kind."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    FiniteFloat,
    PrivateAttr,
    Tag,
    model_validator,
)

NonEmptyText = Annotated[str, Field(min_length=1)]


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """'1 cell', '2 cells'."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


class Strict(BaseModel):
    """Base for every outline object: unknown keys are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


class Source(Strict):
    """A reference the deck draws on."""

    title: NonEmptyText
    url: str | None = None
    publisher: str | None = None
    date: str | None = None


class BulletPoint(Strict):
    """A first-level point with second-level points under it."""

    text: NonEmptyText
    points: list[NonEmptyText] = Field(default_factory=list)


def _point_tag(value: object) -> str:
    """Which branch of Point a raw value is for, so errors name only that branch."""
    return "point" if isinstance(value, dict | BulletPoint) else "text"


Point = Annotated[
    Annotated[NonEmptyText, Tag("text")] | Annotated[BulletPoint, Tag("point")],
    Discriminator(_point_tag),
]
"""A bullet: plain text, or text with second-level points."""


class Column(Strict):
    """One side of a comparison: a heading and its points."""

    heading: NonEmptyText
    points: list[Point] = Field(default_factory=list)


class Stat(Strict):
    """One big number and what it counts."""

    value: NonEmptyText
    label: NonEmptyText


class Series(Strict):
    """A named row of chart values, one per category."""

    name: NonEmptyText
    values: list[FiniteFloat] = Field(min_length=1)


class Event(Strict):
    """A dated event on a timeline."""

    date: NonEmptyText
    text: NonEmptyText


class SlideBase(Strict):
    """Fields every slide kind has."""

    notes: str | None = None
    source: str | None = None


class TitleSlide(SlideBase):
    """The opening slide; empty fields fall back to the deck's own."""

    kind: Literal["title"] = "title"
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    date: str | None = None


class SectionSlide(SlideBase):
    """A divider that opens a section."""

    kind: Literal["section"] = "section"
    title: NonEmptyText
    subtitle: str | None = None


class BulletsSlide(SlideBase):
    """A heading and points on two levels."""

    kind: Literal["bullets"] = "bullets"
    title: NonEmptyText
    points: list[Point] = Field(default_factory=list)


class TakeawaysSlide(SlideBase):
    """Two to five numbered key points, set large."""

    kind: Literal["takeaways"] = "takeaways"
    title: NonEmptyText = "Key Takeaways"
    points: list[NonEmptyText] = Field(min_length=2, max_length=5)


class ComparisonSlide(SlideBase):
    """Two columns side by side."""

    kind: Literal["comparison"] = "comparison"
    title: NonEmptyText
    left: Column
    right: Column


class StatSlide(SlideBase):
    """One to three big numbers with labels."""

    kind: Literal["stat"] = "stat"
    title: NonEmptyText
    stats: list[Stat] = Field(min_length=1, max_length=3)


ChartType = Literal["bar", "column", "line", "pie"]


class ChartSlide(SlideBase):
    """A native chart from inline data."""

    kind: Literal["chart"] = "chart"
    title: NonEmptyText
    chart: ChartType = "column"
    categories: list[NonEmptyText] = Field(min_length=1)
    series: list[Series] = Field(min_length=1)
    number_format: str = "General"

    @model_validator(mode="after")
    def _lengths_agree(self) -> ChartSlide:
        for index, series in enumerate(self.series):
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series {index + 1} ('{series.name}') has {_count(len(series.values), 'value')} "
                    f"but there {'is' if len(self.categories) == 1 else 'are'} "
                    f"{_count(len(self.categories), 'category', 'categories')}"
                )
        if self.chart == "pie" and len(self.series) != 1:
            raise ValueError(f"a pie chart takes exactly one series, not {len(self.series)}")
        return self


class TableSlide(SlideBase):
    """A header row and rows of cells."""

    kind: Literal["table"] = "table"
    title: NonEmptyText
    header: list[str] = Field(min_length=1)
    rows: list[list[str]] = Field(min_length=1)

    @model_validator(mode="after")
    def _rows_match_header(self) -> TableSlide:
        for index, row in enumerate(self.rows):
            if len(row) != len(self.header):
                raise ValueError(
                    f"row {index + 1} has {_count(len(row), 'cell')} "
                    f"but the header has {_count(len(self.header), 'cell')}"
                )
        return self


class TimelineSlide(SlideBase):
    """Dated events in order."""

    kind: Literal["timeline"] = "timeline"
    title: NonEmptyText
    events: list[Event] = Field(min_length=1)


class QuoteSlide(SlideBase):
    """A quotation and who said it."""

    kind: Literal["quote"] = "quote"
    title: str | None = None
    text: NonEmptyText
    attribution: str | None = None


class ImageSlide(SlideBase):
    """A picture, relative to the deck file, with alt text and a caption."""

    kind: Literal["image"] = "image"
    title: NonEmptyText
    image: NonEmptyText
    alt: NonEmptyText
    caption: str | None = None


class SourcesSlide(SlideBase):
    """The references, generated from the deck's and the slides' sources."""

    kind: Literal["sources"] = "sources"
    title: NonEmptyText = "Sources"


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
    Field(discriminator="kind"),
]

SLIDE_CLASSES: dict[str, type[SlideBase]] = {
    cls.model_fields["kind"].default: cls
    for cls in (
        TitleSlide,
        SectionSlide,
        BulletsSlide,
        TakeawaysSlide,
        ComparisonSlide,
        StatSlide,
        ChartSlide,
        TableSlide,
        TimelineSlide,
        QuoteSlide,
        ImageSlide,
        SourcesSlide,
    )
}
SLIDE_KINDS: tuple[str, ...] = tuple(SLIDE_CLASSES)


class Section(Strict):
    """A titled run of slides; a divider slide opens it unless `divider: false`."""

    title: NonEmptyText
    divider: bool = True
    slides: list[Slide] = Field(default_factory=list)


SlideKind = Literal[
    "title",
    "section",
    "bullets",
    "takeaways",
    "comparison",
    "stat",
    "chart",
    "table",
    "timeline",
    "quote",
    "image",
    "sources",
]


class Deck(Strict):
    """A whole briefing deck: metadata and ordered sections."""

    title: NonEmptyText
    subtitle: str | None = None
    author: str | None = None
    date: str | None = None
    theme: NonEmptyText = "briefing"
    footer: str | None = None
    sources: list[Source] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    layouts: dict[SlideKind, NonEmptyText] = Field(
        default_factory=dict,
        description="With a .pptx template as theme: the template layout (by name) a slide kind uses.",
    )
    _path: Path | None = PrivateAttr(default=None)
    _marks: dict[tuple[str | int, ...], tuple[int, int]] = PrivateAttr(default_factory=dict)

    def locate(self, key_path: tuple[str | int, ...]) -> tuple[int | None, int | None]:
        """The line and column where the value at key_path was written, if the deck came from a file."""
        return self._marks.get(key_path, (None, None))

    def with_marks(self, marks: dict[tuple[str | int, ...], tuple[int, int]]) -> Deck:
        """Record where each value was written; returns self."""
        self._marks = marks
        return self

    def __eq__(self, other: object) -> bool:
        """Decks are equal when their content is; where they were read from does not count."""
        if not isinstance(other, Deck):
            return NotImplemented
        return self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]

    @property
    def path(self) -> Path | None:
        """Read-only: the file this deck was loaded from or last saved to, if any."""
        return self._path

    @property
    def base_dir(self) -> Path:
        """Read-only: the folder relative paths (images, theme files) resolve against."""
        return self._path.parent if self._path is not None else Path.cwd()

    def with_path(self, path: Path | None) -> Deck:
        """Record the file this deck belongs to; returns self."""
        self._path = path
        return self
