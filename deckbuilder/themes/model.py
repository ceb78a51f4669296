"""The theme model: slide size, fonts, colours, type sizes and margins."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from deckbuilder.records import Record, Rule

Color = Annotated[str, Rule(pattern=r"^[0-9A-Fa-f]{6}$")]
"""A colour as six hex digits, RRGGBB, without '#'."""
Positive = Annotated[float, Rule(gt=0)]
"""A number above zero."""
NotNegative = Annotated[float, Rule(ge=0)]
"""Zero or a number above it."""


@dataclass(kw_only=True, frozen=True)
class SizeRange(Record):
    """A text role's largest and smallest size in points; layout shrinks from max down to min."""

    max: Positive
    min: Positive

    def broken_rule(self) -> str | None:
        """The smallest size is no larger than the largest."""
        return f"min ({self.min}) is larger than max ({self.max})" if self.min > self.max else None


@dataclass(kw_only=True, frozen=True)
class Fonts(Record):
    """Office font family names; layout measures them with bundled metric-compatible fonts."""

    heading: str = "Calibri"
    body: str = "Calibri"


@dataclass(kw_only=True, frozen=True)
class Colors(Record):
    """The palette; each text colour is checked for WCAG AA contrast on its background."""

    background: Color
    text: Color
    heading: Color
    muted: Color
    accent: Color
    accent_text: Color
    surface: Color
    surface_text: Color
    title_background: Color
    title_text: Color
    rule: Color
    chart: Annotated[list[Color], Rule(min_length=3)]


@dataclass(kw_only=True, frozen=True)
class Sizes(Record):
    """Type sizes per role, in points."""

    deck_title: SizeRange
    deck_subtitle: SizeRange
    slide_title: SizeRange
    body: SizeRange
    body_level2: SizeRange
    takeaway: SizeRange
    stat_value: SizeRange
    stat_label: SizeRange
    quote: SizeRange
    caption: SizeRange
    table: SizeRange
    chart: Positive
    footer: Positive
    source: Positive


@dataclass(kw_only=True, frozen=True)
class Margins(Record):
    """Slide margins and the gap between columns, in inches."""

    left: NotNegative
    right: NotNegative
    top: NotNegative
    bottom: NotNegative
    gutter: NotNegative


@dataclass(kw_only=True, frozen=True)
class Theme(Record):
    """A complete theme, as read from a theme YAML file."""

    @property
    def from_template(self) -> bool:
        """Read-only: whether decks are laid out on a .pptx template's layouts (see TemplateTheme)."""
        return False

    name: str
    description: str = ""
    width_in: Positive = 13.3333333
    height_in: Positive = 7.5
    line_spacing: Annotated[float, Rule(ge=1.0, le=2.0)] = 1.2
    fonts: Fonts = field(default_factory=Fonts)
    colors: Colors
    sizes: Sizes
    margins: Margins
