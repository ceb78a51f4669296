"""What `deckbuilder check-template` reports: each slide kind's layout, and what is missing or suspicious."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from deckbuilder.fonts import UNKNOWN_FAMILY_SCALE, has_stand_in
from deckbuilder.geometry import EMU_PER_INCH, Rect
from deckbuilder.outline.model import SLIDE_KINDS
from deckbuilder.themes.contrast import AA_NORMAL_TEXT
from deckbuilder.themes.templates.calm import COVERING_SHARE, covered_by
from deckbuilder.themes.templates.mapping import LayoutChoice, plan_layouts
from deckbuilder.themes.templates.model import Layout, Placeholder, TemplateSpec
from deckbuilder.themes.templates.theme import (
    backdrop,
    content_area,
    layout_colors,
    title_color,
    worst_contrast,
)

_STAND_INS = {"calibri": "Carlito", "carlito": "Carlito"}
_SHAPES = {(4, 3): "4:3", (16, 9): "16:9", (16, 10): "16:10"}


@dataclass
class TemplateReport:
    """A template's check: a summary, the layout each kind uses, and warnings."""

    spec: TemplateSpec
    choices: dict[str, LayoutChoice]
    warnings: list[str] = field(default_factory=list)
    shown: str = ""
    """The template's path as the user gave it."""

    def lines(self) -> list[str]:
        """The report as printed: summary, fonts, a kind/layout table, then warnings."""
        spec = self.spec
        width, height = spec.width / EMU_PER_INCH, spec.height / EMU_PER_INCH
        shape = next(
            (name for (w, h), name in _SHAPES.items() if abs(width / height - w / h) < 0.01), "custom"
        )
        plural = "s" if spec.sample_slides != 1 else ""
        samples = (
            f", {spec.sample_slides} sample slide{plural} (left out of exports)" if spec.sample_slides else ""
        )
        masters = f"{spec.masters} master{'s' if spec.masters != 1 else ''}"
        lines = [
            f"{self.shown or spec.path}: usable template, {shape} ({width:.2f} × {height:.2f} in), "
            f"{masters}, {len(spec.layouts)} layouts{samples}",
            f"fonts: headings {_font(spec.heading_font)}, body {_font(spec.body_font)}",
            "",
            f"{'kind':<12}{'layout':<28}{'master':<8}why",
        ]
        for kind in SLIDE_KINDS:
            choice = self.choices[kind]
            note = f"; warning: {choice.warning}" if choice.warning else ""
            where = f"{choice.layout.master + 1:<8}"
            lines.append(f"{kind:<12}{choice.layout.name:<28}{where}{choice.why}{note}".rstrip())
        if self.warnings:
            lines.append("")
            lines.extend(f"warning: {warning}" for warning in self.warnings)
        return lines


def _font(family: str) -> str:
    if has_stand_in(family):
        stand_in = _STAND_INS.get(" ".join(family.split()).casefold(), "Liberation Sans")
        return f"{family} (measured with {stand_in})"
    return f"{family} (no metric-compatible font bundled: measured conservatively)"


def _used(spec: TemplateSpec, choice: LayoutChoice) -> list[Placeholder]:
    """The placeholders a kind's slides fill on its layout."""
    layout = choice.layout
    used = [
        p for p in (layout.title, layout.first("subTitle"), layout.first("ftr"), layout.first("sldNum")) if p
    ]
    if choice.role in ("content", "section", "two-content", "picture"):
        used.extend(layout.contents[:2])
    if choice.role == "picture" and (picture := layout.first("pic")) is not None:
        used.append(picture)
    return used


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _suspicions(spec: TemplateSpec, choices: dict[str, LayoutChoice]) -> list[str]:
    """Fonts, letter spacing, unreadable pictures, contrast and shapes over placeholders."""
    found: list[str] = []
    for family in dict.fromkeys((spec.heading_font, spec.body_font)):
        if not has_stand_in(family):
            found.append(
                f"font '{family}' has no bundled metric-compatible stand-in: text is measured as "
                f"Liberation Sans × {UNKNOWN_FAMILY_SCALE}, which a much wider face may still outrun"
            )
    layouts: dict[int, Layout] = {}
    for choice in choices.values():
        layouts.setdefault(id(choice.layout), choice.layout)
    for choice in choices.values():
        for placeholder in _used(spec, choice):
            if placeholder.look.letter_spacing > 0:
                found.append(
                    f"{choice.layout.label}: '{placeholder.name}' spaces its letters "
                    f"{placeholder.look.letter_spacing:g} pt apart, so its text runs longer than measured"
                )
            for decoration in choice.layout.decorations:
                # a filled band under most of a placeholder is its backdrop (its contrast is checked), no logo
                band = (
                    decoration.fill is not None
                    and covered_by(decoration.rect, placeholder.rect) >= COVERING_SHARE
                )
                if (
                    placeholder.type not in ("ftr", "sldNum")
                    and not band
                    and _overlaps(decoration.rect, placeholder.rect)
                ):
                    found.append(f"{choice.layout.label}: a shape (logo?) overlaps its '{placeholder.name}'")
                    break
    for layout in layouts.values():
        found.extend(_background_warnings(spec, layout, choices))
    return list(dict.fromkeys(found))


def _background_warnings(spec: TemplateSpec, layout: Layout, choices: dict[str, LayoutChoice]) -> list[str]:
    if layout.background.kind == "unknown":
        unread = "its background picture cannot be read (SVG or EMF, or over 40 megapixels?)"
        return [f"{layout.label}: {unread}; colours assume white"]
    area = layout.contents[0].text_area if layout.contents else content_area(spec, choices)
    colors = layout_colors(spec, layout, area)
    warnings = []
    texts = [p.rect for p in layout.placeholders if p.takes_points or p.type == "subTitle"] or [area]
    ratio = worst_contrast(colors.text, backdrop(spec, layout, texts))
    if ratio < AA_NORMAL_TEXT:
        warnings.append(
            f"{layout.label}: text on its background reaches only {ratio:.1f}:1 contrast (AA is 4.5:1)"
        )
    title = layout.title
    if title is not None:
        title_ratio = worst_contrast(title_color(spec, layout, area), backdrop(spec, layout, [title.rect]))
        if title_ratio < AA_NORMAL_TEXT:
            warnings.append(
                f"{layout.label}: its title reaches only {title_ratio:.1f}:1 contrast (AA is 4.5:1)"
            )
    return warnings


def check_template(path: str | Path) -> TemplateReport:
    """Check a template; DeckError (`path: message`) when it is not a usable template at all."""
    from deckbuilder.themes.templates import load_template

    spec = load_template(path)
    choices = plan_layouts(spec)
    warnings = _suspicions(spec, choices)
    return TemplateReport(spec, choices, warnings, str(path))
