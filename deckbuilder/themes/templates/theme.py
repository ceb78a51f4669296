"""A Theme derived from a template: its fonts, type sizes and colours, each text colour kept readable."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from deckbuilder.geometry import EMU_PER_INCH, Rect
from deckbuilder.records import as_data, internal
from deckbuilder.themes.contrast import AA_NORMAL_TEXT, contrast_ratio, relative_luminance
from deckbuilder.themes.model import Colors, Theme
from deckbuilder.themes.templates.canvas import canvas_of
from deckbuilder.themes.templates.colors import average, blend
from deckbuilder.themes.templates.mapping import LayoutChoice, side_by_side
from deckbuilder.themes.templates.model import Layout, TemplateSpec

BRIEFING_SIZES = {
    "takeaway": (26, 18),
    "stat_value": (72, 40),
    "stat_label": (20, 14),
    "quote": (34, 22),
    "caption": (14, 12),
    "table": (18, 11),
}
"""Sizes for what templates have no placeholder for, as the briefing theme sets them at 13.33 in wide."""
EXTREME_SHARE = 0.05
"""A picture background's darkest and lightest 5% of cells under text are what contrast is checked on."""


@dataclasses.dataclass(kw_only=True, frozen=True)
class TemplateTheme(Theme):
    """A theme derived from a .pptx template; layout lays decks out on the template's own layouts."""

    _spec: TemplateSpec | None = internal()
    _choices: dict[str, LayoutChoice] | None = internal()

    @property
    def from_template(self) -> bool:
        """Read-only: always, for a theme derived from a template."""
        return True

    @property
    def template(self) -> TemplateSpec:
        """Read-only: the template this theme was derived from."""
        assert self._spec is not None, "a TemplateTheme is made by derive_theme"
        return self._spec

    @property
    def choices(self) -> dict[str, LayoutChoice]:
        """Read-only: each slide kind's layout, before any outline overrides."""
        return dict(self._choices or {})


def _cells(spec: TemplateSpec, layout: Layout, areas: Sequence[Rect]) -> list[str]:
    """The colours under areas of a layout's slides, as its canvas paints them."""
    canvas = canvas_of(spec, layout)
    return [color for area in areas for color in canvas.colors_under(area)] or [layout.background.color]


def backdrop(spec: TemplateSpec, layout: Layout, areas: Sequence[Rect]) -> list[str]:
    """The colours text on these areas of a layout is seen against (a picture's extremes, else one colour)."""
    cells = _cells(spec, layout, areas)
    if len(set(cells)) <= 1:
        return cells[:1]
    ordered = sorted(set(cells), key=relative_luminance)
    cut = max(1, round(len(ordered) * EXTREME_SHARE))
    return [ordered[cut - 1], ordered[-cut], average(cells)]


def worst_contrast(color: str, behind: Sequence[str]) -> float:
    """The lowest contrast a colour has against any of the colours behind it."""
    return min(contrast_ratio(color, b) for b in behind)


def readable(
    preferred: str, behind: Sequence[str], alternatives: Sequence[str] = (), ratio: float = AA_NORMAL_TEXT
) -> str:
    """A text colour with `ratio` (AA) contrast on everything behind it, as close to the template's as can be.

    preferred if it reaches it; else the template's own text or background colour that does best;
    else preferred darkened or lightened until it does; when nothing does (a busy picture), black
    or white, whichever does better.
    """
    if worst_contrast(preferred, behind) >= ratio:
        return preferred
    passing = [c for c in alternatives if worst_contrast(c, behind) >= ratio]
    if passing:
        return max(passing, key=lambda c: worst_contrast(c, behind))
    for target in ("000000", "FFFFFF"):
        for step in range(1, 21):
            candidate = blend(preferred, target, step / 20)
            if worst_contrast(candidate, behind) >= ratio:
                return candidate
    return max(("000000", "FFFFFF"), key=lambda c: worst_contrast(c, behind))


def title_color(spec: TemplateSpec, layout: Layout, area: Rect) -> str:
    """The colour of a layout's title: the template's, kept readable on what is behind the title."""
    title = layout.title
    preferred = title.look.color if title is not None and title.look.color else spec.color("tx1")
    where = [title.rect] if title is not None else [area]
    return readable(preferred, backdrop(spec, layout, where), _own_colors(spec))


def _own_colors(spec: TemplateSpec) -> list[str]:
    """The template's text and background colours, the first choices when a colour must change."""
    return [spec.color(name) for name in ("tx1", "bg1", "tx2", "bg2")]


def layout_colors(spec: TemplateSpec, layout: Layout, content: Rect) -> Colors:
    """The palette for slides on one layout: template colours, each text colour readable where it sits.

    Text on the body (points, headings inside the body, numbers, the footer) is checked against the
    background under the body; the title against the background under the title placeholder.
    """
    title = layout.title
    texts = [p for p in layout.placeholders if p.takes_points or p.type == "subTitle"]
    text_area = [p.rect for p in texts] or [content]
    background = average(_cells(spec, layout, text_area))  # what cards and rules sit on
    own = _own_colors(spec)
    text_pref = texts[0].look.color if texts and texts[0].look.color else spec.color("tx1")
    heading_pref = title.look.color if title is not None and title.look.color else spec.color("tx1")
    surface = blend(background, text_pref, 0.07)
    behind_text = [*backdrop(spec, layout, text_area), surface]
    text = readable(text_pref, behind_text, own)
    accent = readable(spec.color("accent1", "1F4E79"), behind_text)
    title_area = [title.rect] if title is not None else [content]
    return Colors(
        background=background,
        text=text,
        heading=readable(heading_pref, behind_text, own),
        muted=readable(blend(text, background, 0.3), behind_text),
        accent=accent,
        accent_text=max(("FFFFFF", "000000"), key=lambda c: contrast_ratio(c, accent)),
        surface=surface,
        surface_text=readable(text, [surface]),
        title_background=average(_cells(spec, layout, title_area)),
        title_text=title_color(spec, layout, content),
        rule=blend(background, text, 0.2),
        chart=[spec.color(f"accent{n}", "808080") for n in range(1, 7)],
    )


def _range(maximum: float, floor: float, share: float = 0.6) -> dict[str, float]:
    """A size range from the template's size down to a readable minimum."""
    return {"max": maximum, "min": min(maximum, max(floor, round(maximum * share)))}


def _sizes(spec: TemplateSpec, choices: dict[str, LayoutChoice]) -> dict[str, Any]:
    """Type sizes: the template's own for what has a placeholder, the briefing's scaled for the rest."""
    content = choices["bullets"].layout
    body = content.contents[0].look if content.contents else None
    title = content.title.look if content.title else None
    opening = choices["title"].layout
    deck_title = opening.title.look if opening.title else None
    subtitle = opening.first("subTitle")
    footer = content.first("ftr")
    body_max = body.size_pt if body and body.size_pt else 24.0
    level2 = body.level2_size_pt if body and body.level2_size_pt else body_max * 0.85
    footer_size = footer.look.size_pt if footer and footer.look.size_pt else 11.0
    # Drawn kinds take the briefing's sizes, scaled by how large the template sets body text against
    # the briefing's 24 pt and by how wide its slides are against the briefing's 13.33 in; minimums
    # scale with the width alone, so text at its smallest is as large against the slide as the briefing's.
    width_scale = max(0.75, min(1.0, spec.width / EMU_PER_INCH / 13.3333333))
    scale = max(0.75, min(1.4, body_max / 24.0 * width_scale))
    sizes: dict[str, Any] = {
        "deck_title": _range(deck_title.size_pt if deck_title and deck_title.size_pt else 44.0, 20),
        "deck_subtitle": _range(subtitle.look.size_pt if subtitle and subtitle.look.size_pt else 24.0, 16),
        "slide_title": _range(title.size_pt if title and title.size_pt else 32.0, 18, 0.55),
        "body": _range(body_max, round(16 * width_scale), 0.5),
        "body_level2": _range(level2, round(14 * width_scale), 0.5),
        "chart": round(14 * scale),
        "footer": footer_size,
        "source": min(10.0, footer_size),
    }
    for name, (largest, smallest) in BRIEFING_SIZES.items():
        floor = max(11, round(smallest * width_scale))  # as small on the slide as the briefing's minimum
        sizes[name] = {"max": max(floor, round(largest * scale)), "min": floor}
    return sizes


def content_area(spec: TemplateSpec, choices: dict[str, LayoutChoice]) -> Rect:
    """Where a slide's body goes when its layout has no placeholder for it: the main content placeholder."""
    content = choices["bullets"].layout
    if content.contents:
        return content.contents[0].text_area
    title = (
        content.title.rect
        if content.title
        else Rect(spec.width // 20, spec.height // 20, spec.width * 9 // 10, spec.height // 6)
    )
    top = title.bottom + spec.height // 40
    return Rect(title.x, top, title.w, max(spec.height // 5, spec.height * 17 // 20 - top))


def derive_theme(spec: TemplateSpec, choices: dict[str, LayoutChoice]) -> TemplateTheme:
    """The deck-wide theme of a template (its content slides' palette); kind frames adapt the colours."""
    content = choices["bullets"].layout
    area = content_area(spec, choices)
    title = content.title
    footer = content.first("ftr")
    left = min(area.x, title.rect.x if title else area.x)
    right = max(area.right, title.rect.right if title else area.right)
    top = min(area.y, title.rect.y if title else area.y)
    bottom = max(area.bottom, footer.rect.bottom if footer else area.bottom)
    pair = side_by_side(choices["comparison"].layout, spec)
    gutter = (
        pair[1].rect.x - pair[0].rect.right if pair else round(0.4 * EMU_PER_INCH * spec.width / 12192000)
    )
    fonts = {
        "heading": (title.look.font if title else None) or spec.heading_font,
        "body": (content.contents[0].look.font if content.contents else None) or spec.body_font,
    }
    theme = Theme.from_data(
        {
            "name": spec.name,
            "description": f"the template {spec.name}",
            "width_in": spec.width / EMU_PER_INCH,
            "height_in": spec.height / EMU_PER_INCH,
            "fonts": fonts,
            "colors": as_data(layout_colors(spec, content, area)),
            "sizes": _sizes(spec, choices),
            "margins": {
                "left": max(0, left) / EMU_PER_INCH,
                "right": max(0, spec.width - right) / EMU_PER_INCH,
                "top": max(0, top) / EMU_PER_INCH,
                "bottom": max(0, spec.height - bottom) / EMU_PER_INCH,
                "gutter": max(0, gutter) / EMU_PER_INCH,
            },
        }
    )
    fields = {field.name: getattr(theme, field.name) for field in dataclasses.fields(Theme)}
    return TemplateTheme(**fields, _spec=spec, _choices=dict(choices))
