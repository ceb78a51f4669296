"""Write `<font>.widths` beside each bundled `<font>.ttf`: the advance widths layout measures with.

Layout (`deckbuilder/layout/measure.py`) reads these small tables instead of the TrueType files, so
a run needs no font library and no cmap decoding. A table holds the font's unitsPerEm, every code
point of its best cmap and each one's glyph advance (hmtx) in font units; the file format is in
`deckbuilder/layout/widths.py`. The output depends only on the font file, so regenerating gives
byte-identical tables, and a test (`tests/layout/test_widths.py`) fails when a table no longer
matches its font: run this after adding or updating a font.

Run:  python assets/fonts/make_widths.py   (needs fontTools, from the `test` extra)
Each table is written atomically (temp file, then rename) by deckbuilder.atomic.
"""

from __future__ import annotations

import struct
from pathlib import Path

from fontTools.ttLib import TTFont

from deckbuilder.atomic import write_bytes_atomic
from deckbuilder.layout.widths import WidthTable, encode, table_file

HERE = Path(__file__).resolve().parent


def width_table(font_path: Path) -> WidthTable:
    """The advance widths of one font file, read with fontTools."""
    with TTFont(font_path, lazy=True) as font:
        cmap: dict[int, str] = font.getBestCmap()
        metrics: dict[str, tuple[int, int]] = font["hmtx"].metrics
        # unitsPerEm is the uint16 at byte 18 of 'head'; reading it raw skips fontTools' head parsing
        # (which logs a warning about these fonts' zero creation dates).
        (units_per_em,) = struct.unpack_from(">H", font.getTableData("head"), 18)
    codes = tuple(sorted(cmap))
    return WidthTable(units_per_em, codes, tuple(metrics[cmap[code]][0] for code in codes))


def main(folder: Path = HERE) -> None:
    """Write (or keep, when unchanged) the width table of every font file in folder."""
    for font_path in sorted(folder.glob("*.ttf")):
        data = encode(width_table(font_path))
        target = table_file(font_path)
        if target.is_file() and target.read_bytes() == data:
            print(f"unchanged {target.name}")
            continue
        write_bytes_atomic(target, data)
        print(f"wrote {target.name} ({len(data):,} bytes)")


if __name__ == "__main__":
    main()
