"""The theme model: slide size, fonts, colours, type sizes and margins."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Color = Annotated[str, StringConstraints(pattern=r"^[0-9A-Fa-f]{6}$")]
"""A colour as six hex digits, RRGGBB, without '#'."""


class ThemePart(BaseModel):
    """Base for theme objects: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SizeRange(ThemePart):
    """A text role's largest and smallest size in points; layout shrinks from max down to min."""

    max: float = Field(gt=0)
    min: float = Field(gt=0)

    @model_validator(mode="after")
    def _ordered(self) -> SizeRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self


class Fonts(ThemePart):
    """Office font family names; layout measures them with bundled metric-compatible fonts."""

    heading: str = "Calibri"
    body: str = "Calibri"


class Colors(ThemePart):
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
    chart: list[Color] = Field(min_length=3)


class Sizes(ThemePart):
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
    chart: float = Field(gt=0)
    footer: float = Field(gt=0)
    source: float = Field(gt=0)


class Margins(ThemePart):
    """Slide margins and the gap between columns, in inches."""

    left: float = Field(ge=0)
    right: float = Field(ge=0)
    top: float = Field(ge=0)
    bottom: float = Field(ge=0)
    gutter: float = Field(ge=0)


class Theme(ThemePart):
    """A complete theme, as read from a theme YAML file."""

    @property
    def from_template(self) -> bool:
        """Read-only: whether decks are laid out on a .pptx template's layouts (see TemplateTheme)."""
        return False

    name: str
    description: str = ""
    width_in: float = Field(default=13.3333333, gt=0)
    height_in: float = Field(default=7.5, gt=0)
    line_spacing: float = Field(default=1.2, ge=1.0, le=2.0)
    fonts: Fonts = Fonts()
    colors: Colors
    sizes: Sizes
    margins: Margins
