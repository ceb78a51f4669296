"""Export time of the largest tables and charts an outline may hold, and how fast larger ones are refused.

Run by hand: `python bench/bench_limits.py [--formats pptx pdf png]`. Every figure is a whole cold
`deckbuilder export` process (start-up included), wall-clock time and peak resident memory.

Measured on the development machine (2 cores, Python 3.11, 2026-11-29), pptx / pdf / png:

    table 20 x 500, short cells (40 slides)          1.3 s / 0.7 s / 2.6 s
    table 20 x 500, 80-character cells (501 slides)  2.6 s / 2.2 s / 37 s (PNG: ~70 ms a slide,
                                                     nearly all of it PNG compression)
    column chart, 1,000 categories x 20 series       0.8 s / 0.6 s / 0.6 s
    pie, 1,000 slices                                0.6 s / 0.2 s / 0.4 s
    refused: 300 columns, 20,000 rows or points      0.1 s to 0.8 s

Before the limits, the one-pass table writer and the table layout's early out: 12 x 10,000 took
33 s, 20 x 1,000 7.8 s, the 80-character 20 x 500 table 10 s, a 20,000-point chart 9.5 s
(python-pptx's table accessors are quadratic to cubic, its chart XML quadratic in categories).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from deckbuilder.outline.model import (
    MAX_CHART_CATEGORIES,
    MAX_CHART_SERIES,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
)

LONG_CELL = "Internationalisation of defence procurement across the European Union member states"


def table(columns: int, rows: int, cell: str) -> dict[str, Any]:
    header = [f"Heading {c}" for c in range(columns)]
    return {
        "kind": "table",
        "title": "Table",
        "header": header,
        "rows": [[f"{cell} {r}"] * columns for r in range(rows)],
    }


def chart(categories: int, series: int, kind: str) -> dict[str, Any]:
    values = [float(c % 97 + 1) for c in range(categories)]
    return {
        "kind": "chart",
        "title": "Chart",
        "chart": kind,
        "categories": [f"c{c}" for c in range(categories)],
        "series": [{"name": f"s{s}", "values": values} for s in range(series)],
    }


CASES: dict[str, dict[str, Any]] = {
    f"table {MAX_TABLE_COLUMNS} x {MAX_TABLE_ROWS}, short cells": table(
        MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, "x"
    ),
    f"table {MAX_TABLE_COLUMNS} x {MAX_TABLE_ROWS}, long cells": table(
        MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, LONG_CELL
    ),
    f"column chart {MAX_CHART_CATEGORIES} x {MAX_CHART_SERIES}": chart(
        MAX_CHART_CATEGORIES, MAX_CHART_SERIES, "column"
    ),
    f"pie {MAX_CHART_CATEGORIES}": chart(MAX_CHART_CATEGORIES, 1, "pie"),
    "refused: table 300 columns": table(300, 3, "x"),
    "refused: table 20,000 rows": table(3, 20_000, "x"),
    "refused: chart 20,000 points": chart(20_000, 1, "pie"),
}


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit status of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--formats", nargs="+", default=["pptx", "pdf", "png"], choices=["pptx", "pdf", "png"]
    )
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name, slide in CASES.items():
            outline = folder / "deck.yaml"
            data = {"title": "Limits", "sections": [{"title": "S", "divider": False, "slides": [slide]}]}
            outline.write_text(yaml.safe_dump(data, width=10_000), encoding="utf-8")
            cells = []
            for fmt in args.formats if not name.startswith("refused") else ["pptx"]:
                command = [sys.executable, "-m", "deckbuilder", "export", str(outline), "-o", str(folder)]
                seconds, megabytes, status = timed([*command, "--format", fmt])
                cells.append(f"{fmt} {seconds:5.2f} s {megabytes:4.0f} MB (exit {status})")
            print(f"{name:<34} " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
