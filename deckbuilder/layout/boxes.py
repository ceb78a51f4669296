"""What layout hands the renderers: positioned boxes in EMU with fitted, wrapped text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from deckbuilder.geometry import EMU_PER_PT, Align, Anchor
from deckbuilder.outline.inline import Run

DESCENT_ROOM_EM = 0.2
"""Room under a box's last line for descenders: renderers hang glyphs a little below a line's exact height."""


@dataclass(frozen=True)
class PlaceholderRef:
    """A template placeholder a box fills: its type as the layout writes it (title, obj, pic …) and idx."""

    type: str
    idx: int = 0


@dataclass(frozen=True)
class LayoutRef:
    """The template layout a slide is made on: its name, master and place among that master's layouts."""

    name: str
    master: int
    index: int


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of text as layout fitted it: its style and the lines it wraps into."""

    text: str
    lines: tuple[str, ...]
    font: str
    size_pt: float
    color: str
    line_height_pt: float
    space_before_pt: float = 0.0
    bold: bool = False
    italic: bool = False
    align: Align = "left"
    level: int = 0
    bullet: str | None = None
    indent_emu: int = 0
    hanging_emu: int = 0
    field: Literal["slidenum"] | None = None
    line_runs: tuple[tuple[Run, ...], ...] = ()
    """Each line's styled runs, for text with inline markup; empty for plain text (one run per line,
    in the paragraph's style). `text` and `lines` are always the plain text, markers gone."""

    @property
    def rich(self) -> bool:
        """Read-only: whether the paragraph holds styled runs (bold, italic, code, links)."""
        return bool(self.line_runs)

    @property
    def runs(self) -> tuple[Run, ...]:
        """Read-only: the paragraph's runs, its lines joined by a space (one plain run for plain text)."""
        if not self.line_runs:
            return (Run(self.text),)
        joined: list[Run] = []
        for number, line in enumerate(self.line_runs):
            if number:
                joined.append(Run(" "))
            joined.extend(line)
        return tuple(joined)

    @property
    def height_pt(self) -> float:
        """Read-only: the vertical space the paragraph takes, its space before included."""
        return self.space_before_pt + self.line_height_pt * len(self.lines)


@dataclass(frozen=True)
class TextBox:
    """A text frame at a position; its paragraphs are known to fit inside it."""

    x: int
    y: int
    w: int
    h: int
    paragraphs: tuple[Paragraph, ...]
    role: str
    anchor: Anchor = "top"
    inset: int = 0
    fill: str | None = None
    placeholder: PlaceholderRef | None = None
    """On a template, the layout placeholder this text goes into (so the template's styling applies)."""

    @property
    def bottom_inset(self) -> int:
        """Read-only: the inset under the text, with room for the last line's descenders."""
        last = self.paragraphs[-1].size_pt if self.paragraphs else 0.0
        return self.inset + round(last * DESCENT_ROOM_EM * EMU_PER_PT)


@dataclass(frozen=True)
class ShapeBox:
    """A plain filled shape: an accent bar, a rule, a timeline dot."""

    x: int
    y: int
    w: int
    h: int
    fill: str
    role: str
    shape: Literal["rect", "ellipse"] = "rect"


@dataclass(frozen=True)
class PictureBox:
    """A picture fitted inside its box with its aspect ratio kept."""

    x: int
    y: int
    w: int
    h: int
    path: str
    alt: str
    role: str = "image"
    placeholder: PlaceholderRef | None = None
    """On a template, the picture placeholder the picture fills."""


@dataclass(frozen=True)
class ChartSeries:
    """A named row of chart values."""

    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartBox:
    """A native chart: its type, data and text styling."""

    x: int
    y: int
    w: int
    h: int
    chart_type: Literal["bar", "column", "line", "pie"]
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    number_format: str
    font: str
    size_pt: float
    text_color: str
    palette: tuple[str, ...]
    role: str = "chart"
    grid_color: str = "D0D5DD"


@dataclass(frozen=True)
class TableBox:
    """A native table: column widths, row heights and one fitted paragraph per cell."""

    x: int
    y: int
    w: int
    h: int
    col_widths: tuple[int, ...]
    row_heights: tuple[int, ...]
    cells: tuple[tuple[Paragraph, ...], ...]
    header_fill: str
    body_fills: tuple[str, str]
    cell_inset: int
    """The cells' left and right margins (the renderers set them; layout wraps inside them)."""
    cell_inset_y: int
    """The cells' top and bottom margins."""
    border: str
    """The colour of the thin lines between cells."""
    role: str = "table"


Box = TextBox | ShapeBox | PictureBox | ChartBox | TableBox


@dataclass(frozen=True)
class SlideLayout:
    """One output slide: its background, boxes in drawing order and speaker notes."""

    kind: str
    title: str
    background: str
    boxes: tuple[Box, ...]
    notes: str = ""
    """The speaker notes as they read, markers gone."""
    origin: tuple[int, int] | None = None
    continued: bool = False
    layout: LayoutRef | None = None
    """On a template, the layout the slide is made on; None for built-in themes."""
    notes_runs: tuple[tuple[Run, ...], ...] = ()
    """The notes' paragraphs (lines) as styled runs when they hold markup; empty for plain notes."""


@dataclass(frozen=True)
class DeckLayout:
    """Every output slide of a deck, at the deck's slide size."""

    width: int
    height: int
    title: str
    author: str
    date: str | None
    slides: tuple[SlideLayout, ...] = field(default_factory=tuple)
    template: str | None = None
    """The .pptx template file the slides are made on; None for built-in themes."""
    notes: tuple[str, ...] = ()
    """What the export should tell its user, e.g. a template layout that is missing for a kind used."""
