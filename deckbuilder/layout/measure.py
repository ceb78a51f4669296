"""Text measurement with bundled metric-compatible fonts, and greedy line wrapping."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from pathlib import Path

from deckbuilder.fonts import (
    UNKNOWN_FAMILY_FILE_STEM,
    UNKNOWN_FAMILY_SCALE,
    file_for_stem,
    font_file,
    has_stand_in,
)
from deckbuilder.layout.widths import read_table, table_file

_WIDE_EM = 1.05
"""Width of a character missing from the font that is East Asian wide or an emoji."""
_OTHER_MISSING_EM = 0.75
"""Width of any other character missing from the font."""
_QUANTUM = 2.0**-16
"""Em widths are rounded up to multiples of this, so that sums of widths are exact and order-free."""

_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
"""Zero-width space/non-joiner/joiner, word joiner, BOM and soft hyphen: no advance."""
_STAND_INS = {"\u00a0": " ", "\u202f": "\u2009", "\u2007": "0", "\u2011": "-", "\u2010": "-"}
"""Characters some fonts lack but renderers draw like another character of the same font."""

BREAK_SPACES = " \t\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f\u3000"
"""Spaces a line may break after; they hang at the end of a line and don't count toward its width."""
SEGMENT_RE = re.compile(f"([^{BREAK_SPACES}]*)([{BREAK_SPACES}]*)")
NEWLINE_RE = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_HYPHENS = frozenset("-\u2010\u2013\u2014")
"""A line may break after these when a letter follows."""
_NO_BREAK_BEFORE = frozenset(
    "、。，．・：；？！ー）〕］｝〉》」』】〙〗〟’”｠»)]}!?,.:;"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻"
)
"""Closing punctuation and small kana that CJK line breaking keeps off the start of a line."""
_NO_BREAK_AFTER = frozenset("（〔［｛〈《「『【〘〖〝‘“｟«([{")
"""Opening brackets that CJK line breaking keeps off the end of a line."""
_GLUE = frozenset("\u00a0\u202f\u2007\u2011\u2060\ufeff\u200d")
"""No-break spaces and hyphen, word joiners and ZWJ: no line break on either side."""


def _quantize(em: float) -> float:
    """An em width rounded up to a multiple of the quantum (never narrower than the font says)."""
    return math.ceil(em / _QUANTUM - 1e-9) * _QUANTUM


def _is_wide(char: str) -> bool:
    """Whether a character takes a full em-square: East Asian wide/fullwidth or an emoji-range symbol."""
    return unicodedata.east_asian_width(char) in ("W", "F") or ord(char) >= 0x1F000


def _is_zero_width(char: str) -> bool:
    """Whether a character the font lacks still takes no room: marks, selectors, format characters."""
    code = ord(char)
    return (
        unicodedata.combining(char) != 0
        or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc")
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0000 <= code <= 0xE0FFF
    )


def _breaks_around(char: str) -> bool:
    """Whether a line may break before and after a character: CJK ideographs, kana, fullwidth forms."""
    code = ord(char)
    if code >= 0x1F000:
        return 0x20000 <= code <= 0x3FFFF  # CJK extension planes; emoji stay with their word
    if 0x2600 <= code <= 0x27BF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return False  # symbols/dingbats (emoji), Hangul jamo
    if 0xA960 <= code <= 0xA97F or 0xAC00 <= code <= 0xD7FF:
        return False  # Hangul: Office and LibreOffice may keep Korean words whole, so break at spaces only
    return unicodedata.east_asian_width(char) in ("W", "F")


def _glued(char: str, following: str) -> bool:
    """Whether a line may never break between two adjacent characters (inside one run without spaces)."""
    code = ord(following)
    return (
        following in _NO_BREAK_BEFORE
        or char in _NO_BREAK_AFTER
        or following in _GLUE
        or char in _GLUE
        or unicodedata.combining(following) != 0
        or unicodedata.category(following) in ("Mn", "Mc", "Me")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF  # emoji skin-tone modifiers
        or 0xE0000 <= code <= 0xE0FFF  # tags, variation selectors supplement
        or (0x1F1E6 <= ord(char) <= 0x1F1FF and 0x1F1E6 <= code <= 0x1F1FF)  # flag pairs
    )


class FontMetrics:
    """Advance widths of one bundled font file (read from its precomputed table), loaded on first use."""

    def __init__(self, path: Path, scale: float = 1.0) -> None:
        self.path = path
        self.scale = scale
        """Every width is multiplied by this: above 1 for a conservative stand-in."""
        self._advances: dict[int, float] | None = None
        self._char_em: dict[str, float] | None = None

    @property
    def advances(self) -> dict[int, float]:
        """Read-only: code point → advance width as a fraction of the font size, from cmap and hmtx.

        Taken from the font's precomputed width table (deckbuilder.layout.widths), not the font file.
        """
        if self._advances is None:
            self._load()
        assert self._advances is not None
        return self._advances

    def _table(self) -> dict[str, float]:
        """The per-character width table (font characters plus fallbacks met so far), loaded once."""
        table = self._char_em
        return table if table is not None else self._load()

    def _load(self) -> dict[str, float]:
        """Read the font's width table (unitsPerEm, code points, advances) and build the width tables."""
        units_per_em, codes, units = read_table(table_file(self.path))
        scale = self.scale
        # Fonts reuse a few hundred advance values across thousands of characters: quantize each once.
        em_of = {advance: _quantize(advance * scale / units_per_em) for advance in set(units)}
        ems = list(map(em_of.__getitem__, units))
        advances = dict(zip(codes, ems, strict=True))
        table = dict(zip(map(chr, codes), ems, strict=True))
        for char in _ZERO_WIDTH:
            table[char] = 0.0
        table["\t"] = 4 * table.get(" ", _OTHER_MISSING_EM)
        self._advances = advances
        self._char_em = table
        return table

    def char_em(self, char: str) -> float:
        """The advance of one character as a fraction of the font size, with fallbacks for missing ones."""
        table = self._table()
        em = table.get(char)
        if em is None:
            em = table[char] = self._missing_em(char, table, self.scale)
        return em

    @staticmethod
    def _missing_em(char: str, table: dict[str, float], scale: float = 1.0) -> float:
        """The conservative width of a character the font lacks (the renderer uses a fallback font)."""
        stand_in = _STAND_INS.get(char)
        if stand_in is not None and stand_in in table:
            return table[stand_in]
        if _is_zero_width(char):
            return 0.0
        if _is_wide(char):
            return _quantize(_WIDE_EM * scale)
        return _quantize(_OTHER_MISSING_EM * scale)

    def text_width_em(self, text: str) -> float:
        """The advance of a string as a fraction of the font size (no kerning, so a slight overestimate)."""
        table = self._table()
        try:
            return sum(map(table.__getitem__, text))
        except KeyError:
            for char in text:
                self.char_em(char)
            return sum(map(table.__getitem__, text))

    def text_width_pt(self, text: str, size_pt: float) -> float:
        """The advance of a string at a size in points, on one line."""
        return self.text_width_em(text) * size_pt


@functools.cache
def _metrics_for_file(path: Path, scale: float = 1.0) -> FontMetrics:
    """The one FontMetrics instance for a font file (at a width scale)."""
    return FontMetrics(path, scale)


@functools.lru_cache(maxsize=256)
def metrics_for(family: str, *, bold: bool = False, italic: bool = False) -> FontMetrics:
    """The metrics for an Office font family and style, shared by every family that maps to one file.

    A family without a bundled metric-compatible stand-in (a corporate template's Georgia, say) is
    measured conservatively: Liberation Sans widths × UNKNOWN_FAMILY_SCALE, so that text laid out for
    it still fits when the renderer draws it in the real font or in a substitute of similar width.
    """
    if has_stand_in(family):
        return _metrics_for_file(font_file(family, bold=bold, italic=italic))
    path = file_for_stem(UNKNOWN_FAMILY_FILE_STEM, bold=bold, italic=italic)
    return _metrics_for_file(path, UNKNOWN_FAMILY_SCALE)


def split_content(content: str) -> list[str]:
    """Split a run without spaces at its break opportunities: after hyphens and ZWSP, around CJK."""
    # Only breaks every renderer also takes, so a renderer never needs more lines than layout planned.
    pieces: list[str] = []
    start = 0
    for index in range(len(content) - 1):
        char, following = content[index], content[index + 1]
        if _glued(char, following):
            continue
        if (
            char == "\u200b"
            or (char in _HYPHENS and index > 0 and following.isalpha())
            or _breaks_around(char)
            or _breaks_around(following)
        ):
            pieces.append(content[start : index + 1])
            start = index + 1
    pieces.append(content[start:])
    return pieces


def needs_split(content: str) -> bool:
    """Whether a run without spaces may hold break opportunities beyond its end."""
    if content.isascii():
        return "-" in content
    return True


def _break_word(word: str, width_pt: float, metrics: FontMetrics, size_pt: float) -> list[str]:
    """Break a word too long for a line into pieces that each fit (at least one character each)."""
    pieces: list[str] = []
    piece_start = 0
    piece_em = 0.0
    for index, char in enumerate(word):
        em = metrics.char_em(char)
        if index > piece_start and (piece_em + em) * size_pt > width_pt:
            pieces.append(word[piece_start:index])
            piece_start = index
            piece_em = 0.0
        piece_em += em
    pieces.append(word[piece_start:])
    return pieces


def _wrap_paragraph(paragraph: str, width_pt: float, metrics: FontMetrics, size_pt: float) -> list[str]:
    """Greedily wrap one paragraph (no newlines) into lines."""
    lines: list[str] = []
    parts: list[str] = []  # the current line's text pieces
    line_em = 0.0  # the current line's width, its trailing spaces included
    for match in SEGMENT_RE.finditer(paragraph):
        content, spaces = match.group(1), match.group(2)
        if not content and not spaces:
            continue
        pieces = split_content(content) if needs_split(content) else [content]
        for number, piece in enumerate(pieces):
            trailing = spaces if number == len(pieces) - 1 else ""
            piece_em = metrics.text_width_em(piece)
            if (line_em + piece_em) * size_pt > width_pt:
                if parts:
                    lines.append("".join(parts).rstrip(BREAK_SPACES))
                    parts = []
                    line_em = 0.0
                if piece_em * size_pt > width_pt:
                    *full, piece = _break_word(piece, width_pt, metrics, size_pt)
                    lines.extend(full)
                    piece_em = metrics.text_width_em(piece)
            parts.append(piece + trailing)
            line_em += piece_em + metrics.text_width_em(trailing)
    lines.append("".join(parts).rstrip(BREAK_SPACES))
    return lines


def wrap_text(text: str, width_pt: float, metrics: FontMetrics, size_pt: float) -> tuple[str, ...]:
    """Wrap text greedily into lines no wider than width_pt, breaking where PowerPoint/LibreOffice would."""
    # Lines break after spaces (which hang: dropped from the line's end, not counted), after a hyphen
    # or dash followed by a letter, after a zero-width space, and around CJK characters (keeping closing
    # punctuation off a line's start). A word longer than a line is broken between characters. Every
    # newline starts a new line; empty text is one empty line. A single character wider than width_pt
    # still gets a line of its own: the one case where a line exceeds the width.
    lines: list[str] = []
    for paragraph in NEWLINE_RE.split(text):
        lines.extend(_wrap_paragraph(paragraph, width_pt, metrics, size_pt))
    return tuple(lines)
