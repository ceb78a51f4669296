"""WCAG 2.x contrast ratios, and the text/background colour pairs a theme's layouts use."""

from __future__ import annotations

from deckbuilder.themes.model import Theme

AA_NORMAL_TEXT = 4.5
"""WCAG 2.x level AA minimum contrast for normal-size text."""


def _channel(value: int) -> float:
    """One sRGB channel (0–255) linearised for the relative-luminance formula."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """The WCAG relative luminance of an RRGGBB colour (0 for black, 1 for white)."""
    hex_digits = color.removeprefix("#")
    if len(hex_digits) != 6:
        raise ValueError(f"not an RRGGBB colour: {color!r}")
    red, green, blue = (int(hex_digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(fg: str, bg: str) -> float:
    """The WCAG 2.x contrast ratio of two RRGGBB colours, from 1 to 21 (order doesn't matter)."""
    lighter, darker = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    # (L1 + 0.05) / (L2 + 0.05), scaled by 20 so that black on white is exactly 21.
    return (20 * lighter + 1) / (20 * darker + 1)


def text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """Every (name, foreground, background) pair of colours that layouts set text in."""
    c = theme.colors
    return [
        ("text on background", c.text, c.background),
        ("heading on background", c.heading, c.background),
        ("muted on background", c.muted, c.background),
        ("accent on background", c.accent, c.background),
        ("accent_text on accent", c.accent_text, c.accent),
        ("surface_text on surface", c.surface_text, c.surface),
        ("title_text on title_background", c.title_text, c.title_background),
        ("muted on surface", c.muted, c.surface),
        ("heading on surface", c.heading, c.surface),
        ("accent on surface", c.accent, c.surface),
    ]
