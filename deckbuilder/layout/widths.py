"""Precomputed advance-width tables of the bundled fonts: their file format, written and read."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import NamedTuple

_MAGIC = b"DBWT"
_VERSION = 1
_HEADER = struct.Struct("<4sHHI")
"""Magic, format version, unitsPerEm, number of code points (little-endian, like the rest)."""


class WidthTable(NamedTuple):
    """One font's advance widths, in font units, as layout measures with them."""

    units_per_em: int
    codes: tuple[int, ...]
    """Every code point the font maps (its best cmap), ascending."""
    advances: tuple[int, ...]
    """The advance width (hmtx) of each code point's glyph, in font units."""


def table_file(font_path: Path) -> Path:
    """Where the width table of a bundled font file lives: beside it, `.ttf` replaced by `.widths`."""
    return font_path.with_suffix(".widths")


def encode(table: WidthTable) -> bytes:
    """The bytes of a `.widths` file: the header, then uint32 code points, then uint16 advances."""
    count = len(table.codes)
    if len(table.advances) != count or list(table.codes) != sorted(set(table.codes)):
        raise ValueError("a width table needs ascending, distinct code points, each with one advance")
    return (
        _HEADER.pack(_MAGIC, _VERSION, table.units_per_em, count)
        + struct.pack(f"<{count}I", *table.codes)
        + struct.pack(f"<{count}H", *table.advances)
    )


def read_table(path: Path) -> WidthTable:
    """The width table in a `.widths` file (ValueError if the file is not one)."""
    data = path.read_bytes()
    if len(data) >= _HEADER.size:
        magic, version, units_per_em, count = _HEADER.unpack_from(data)
        start = _HEADER.size
        if magic == _MAGIC and version == _VERSION and units_per_em and len(data) == start + 6 * count:
            codes: tuple[int, ...] = struct.unpack_from(f"<{count}I", data, start)
            advances: tuple[int, ...] = struct.unpack_from(f"<{count}H", data, start + 4 * count)
            return WidthTable(units_per_em, codes, advances)
    raise ValueError(f"{path}: not a font width table; regenerate it with assets/fonts/make_widths.py")
