"""Which bundled open font stands in for an Office font family, metric for metric."""

from __future__ import annotations

from pathlib import Path

from deckbuilder.paths import FONTS_DIR

_FAMILY_FILES: dict[str, str] = {
    "calibri": "Carlito",
    "carlito": "Carlito",
    "arial": "LiberationSans",
    "helvetica": "LiberationSans",
    "liberation sans": "LiberationSans",
    "courier new": "LiberationMono",
    "courier": "LiberationMono",
    "liberation mono": "LiberationMono",
}
_FALLBACK_FILE_STEM = "Carlito"
UNKNOWN_FAMILY_FILE_STEM = "LiberationSans"
UNKNOWN_FAMILY_SCALE = 1.1
"""Layout measures a family with no bundled stand-in as Liberation Sans with every width × this factor."""


def font_file(family: str, *, bold: bool = False, italic: bool = False) -> Path:
    """The bundled font file that stands in for an Office family (unknown families draw as Carlito)."""
    # Calibri/Carlito map to Carlito and Arial/Helvetica/Liberation Sans to Liberation Sans: metric-
    # compatible, so widths match what PowerPoint draws. Any other family is drawn (by the preview)
    # with Carlito, a mid-width sans; metrics_for does not measure it with Carlito but conservatively,
    # as Liberation Sans widened by UNKNOWN_FAMILY_SCALE, since the renderer substitutes a font we
    # cannot predict. Even that is a margin, not a bound: a very wide face (Verdana) may run longer.
    stem = _FAMILY_FILES.get(" ".join(family.split()).casefold(), _FALLBACK_FILE_STEM)
    return file_for_stem(stem, bold=bold, italic=italic)


def file_for_stem(stem: str, *, bold: bool, italic: bool) -> Path:
    style = ("Bold" if bold else "") + ("Italic" if italic else "")
    return FONTS_DIR / f"{stem}-{style or 'Regular'}.ttf"


def has_stand_in(family: str) -> bool:
    """Whether a bundled font is metric-compatible with an Office family (Calibri, Arial …)."""
    return " ".join(family.split()).casefold() in _FAMILY_FILES
