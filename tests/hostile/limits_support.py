"""Helpers of the limits, number-format and confinement suites: crafted outlines, capped CLI runs."""

from __future__ import annotations

import re
import resource
import signal
import subprocess
from pathlib import Path
from typing import Any

import yaml
from hostile_support import run_cli

GB = 1024**3
PPTX_MEMORY = 2 * GB
QT_MEMORY = 8 * GB
"""Qt reserves a lot of address space it never touches: PDF and PNG runs need a larger cap."""
TIMEOUT = 240
"""Generous: only a hang, or the minute-long exports of unbounded data, runs out of it."""


def capped_cli(
    *args: str | Path, memory: int = PPTX_MEMORY, file_size: int | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m deckbuilder ARGS` under an address-space cap (and a file-size cap, if given)."""

    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if file_size is not None:  # a write past it fails with EFBIG, as on a full disk
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return run_cli(*args, timeout=TIMEOUT, preexec_fn=limits)


def assert_refused_at(result: subprocess.CompletedProcess[str], deck: Path, line: int, *words: str) -> str:
    """Exit status 1, every message `deck:line:col: …`, one of them at line (or the next, where a
    block list written under its key begins) holding words."""
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    pattern = re.compile(rf"^{re.escape(str(deck))}:(\d+):\d+: .+")
    lines = result.stderr.splitlines()
    assert lines and all(pattern.match(text) for text in lines), result.stderr
    found = [text for text in lines if int(pattern.match(text)[1]) in (line, line + 1)]  # type: ignore[index]
    assert found, f"nothing at line {line}: {result.stderr}"
    assert all(word in found[0] for word in words), found[0]
    return found[0]


def assert_exported(result: subprocess.CompletedProcess[str]) -> None:
    """Exit status 0, nothing on stderr that looks like a failure."""
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def one_slide_deck(slide: dict[str, Any], path: Path, **deck: Any) -> Path:
    """Write an outline of one section holding one slide; returns its path."""
    data = {
        "title": "Hostile data",
        **deck,
        "sections": [{"title": "S", "divider": False, "slides": [slide]}],
    }
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The number of the first line of a file holding text."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def table(columns: int, rows: int, cell: str = "cell") -> dict[str, Any]:
    """A table slide of the given size."""
    return {
        "kind": "table",
        "title": f"{columns} by {rows}",
        "header": [f"Heading {c}" for c in range(columns)],
        "rows": [[f"{cell} {r}.{c}" for c in range(columns)] for r in range(rows)],
    }


def chart(categories: int, series: int, kind: str = "column", **extra: Any) -> dict[str, Any]:
    """A chart slide of the given size, its values small whole numbers."""
    return {
        "kind": "chart",
        "title": f"{categories} by {series}",
        "chart": kind,
        "categories": [f"c{c}" for c in range(categories)],
        "series": [
            {"name": f"s{s}", "values": [float(c % 97 + 1) for c in range(categories)]} for s in range(series)
        ],
        **extra,
    }
