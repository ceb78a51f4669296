"""What a .pptx template offers layout: slide size, fonts, colours and each layout's placeholders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from deckbuilder.geometry import Align, Anchor, Rect
from deckbuilder.themes.templates.colors import Background, Gradient, Thumbnail

TITLE_TYPES = ("title", "ctrTitle")
TEXT_CONTENT_TYPES = ("obj", "body")
"""Placeholders that take points: a content placeholder (no type) or a text (body) placeholder."""
CHROME_TYPES = ("dt", "ftr", "sldNum", "hdr")


@dataclass(frozen=True)
class TextLook:
    """How a placeholder's first level of text looks, inherited from layout, master and text styles."""

    size_pt: float | None = None
    level2_size_pt: float | None = None
    color: str | None = None
    font: str | None = None
    bold: bool = False
    align: Align = "left"
    anchor: Anchor = "top"
    caps: bool = False
    letter_spacing: float = 0.0
    """Extra space between letters in points (positive runs text longer than measured)."""
    inset: int = 91440
    """The text frame's inset on each side, in EMU (the largest of its four)."""


@dataclass(frozen=True)
class Placeholder:
    """One placeholder of a layout, its position resolved (layout, else the master's of its kind)."""

    type: str
    """title, ctrTitle, subTitle, body, obj (a content placeholder), pic, chart, tbl, dt, ftr, sldNum …"""
    idx: int
    name: str
    rect: Rect
    look: TextLook
    vertical: bool = False

    @property
    def text_area(self) -> Rect:
        """Read-only: the rectangle inside the placeholder's insets, where its text goes."""
        return self.rect.shrunk(self.look.inset)

    @property
    def is_title(self) -> bool:
        """Read-only: whether the placeholder takes a slide's title."""
        return self.type in TITLE_TYPES

    @property
    def takes_points(self) -> bool:
        """Read-only: whether it is a horizontal content or text placeholder."""
        return self.type in TEXT_CONTENT_TYPES and not self.vertical


@dataclass(frozen=True)
class Decoration:
    """A shape on a layout or its master that is no placeholder (a logo, a bar), as a renderer sees it."""

    rect: Rect
    kind: Literal["picture", "shape", "other"]
    """picture: the image at `part`; shape: a rectangle or ellipse, filled and outlined; other: anything
    a simple renderer cannot draw faithfully (text, lines, groups, rotation, gradients …)."""
    name: str = ""
    part: str | None = None
    fill: str | None = None
    outline: str | None = None
    outline_emu: int = 0
    alpha: float = 1.0
    """How opaque its fill is (what is behind shows through the rest)."""
    fields: tuple[str, ...] = ()
    """The fields its text shows (slidenum, datetime …): a number the template draws on every slide."""
    geometry: str = "rect"
    """Its outline: a preset's name (rect, ellipse, line …), custom, picture, group or frame."""
    turned: float = 0.0
    """Degrees it is rotated clockwise about its centre (its bounds are not where its drawing is)."""
    flipped: tuple[bool, bool] = (False, False)
    """Mirrored left to right, top to bottom."""
    gradient: Gradient | None = None
    """Its gradient fill, for a painter."""
    path: tuple[tuple[tuple[float, float], ...], ...] | None = None
    """A custom outline as polygons, each point a fraction (0–1) of its bounds; None if not drawable."""
    pixels: Thumbnail | None = field(default=None, repr=False, compare=False)
    """A picture's pixels decoded small, for a painter."""
    text: bool = False
    """It holds text of its own (drawn on every slide on it)."""
    empty: bool = False
    """It draws nothing: no fill, no line, no text (a frame left over)."""

    @property
    def description(self) -> str:
        """How a message names it: its name in the template, else what it is."""
        return f"shape '{self.name}'" if self.name else "an unnamed shape"


@dataclass(frozen=True)
class Layout:
    """A slide layout: its name, where it is in the package, its placeholders and background."""

    name: str
    master: int
    index: int
    type: str | None
    placeholders: tuple[Placeholder, ...]
    background: Background
    decorations: tuple[Decoration, ...] = ()
    """Non-placeholder shapes its slides show (logos, bars), from the layout and its master."""

    def first(self, *types: str) -> Placeholder | None:
        """The first placeholder of any of the types (horizontal ones before vertical ones)."""
        found = [p for p in self.placeholders if p.type in types]
        found.sort(key=lambda p: p.vertical)
        return found[0] if found else None

    @property
    def title(self) -> Placeholder | None:
        """Read-only: the title placeholder, if any."""
        return self.first(*TITLE_TYPES)

    @property
    def contents(self) -> list[Placeholder]:
        """Read-only: the content placeholders that take points, largest first."""
        return sorted((p for p in self.placeholders if p.takes_points), key=lambda p: -p.rect.w * p.rect.h)

    @property
    def draws_number(self) -> bool:
        """Read-only: whether a shape of its own, no placeholder, shows the slide number (LibreOffice
        writes a master's number placeholder so)."""
        return any("slidenum" in decoration.fields for decoration in self.decorations)

    def is_unique(self, placeholder: Placeholder) -> bool:
        """Whether no other placeholder shares its type and idx (LibreOffice numbers every one 0)."""
        same = [p for p in self.placeholders if (p.type, p.idx) == (placeholder.type, placeholder.idx)]
        return len(same) == 1

    @property
    def label(self) -> str:
        """Read-only: the layout's name as shown in messages."""
        return f"'{self.name}'"


@dataclass(frozen=True)
class TemplateSpec:
    """Everything layout and the checker need from a template, read once and kept immutable."""

    path: str
    """The template file, resolved."""
    width: int
    height: int
    layouts: tuple[Layout, ...]
    heading_font: str
    body_font: str
    palette: tuple[tuple[str, str], ...]
    """Scheme colours (dk1, lt1, accent1 … and the mapped tx1, bg1 …) as RRGGBB."""
    masters: int = 1
    sample_slides: int = 0
    sample_layouts: tuple[tuple[int, int], ...] = ()
    """The (master, layout index) of each sample slide, in order: how the template's author used it."""

    def color(self, name: str, default: str = "000000") -> str:
        """A scheme colour by name."""
        return dict(self.palette).get(name, default)

    @property
    def name(self) -> str:
        """Read-only: the template's file name."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]
