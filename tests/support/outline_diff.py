"""Helpers for round-trip tests: the lines a save changed, as a reviewer reads them in a diff."""

from __future__ import annotations

import difflib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMENTED = ROOT / "tests" / "outline" / "data" / "commented.yaml"
OUTLINES = [
    ROOT / "decks" / "france-us-conundrum.yaml",
    *sorted((ROOT / "tests" / "data" / "good").glob("*.yaml")),
    COMMENTED,
]


def changed_lines(before: str, after: str) -> list[str]:
    """The unified diff's removed (-) and added (+) lines, without headers or hunk marks."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if not line.startswith(("---", "+++", "@@"))]


def comments(text: str) -> list[str]:
    """Every comment in an outline (whole-line and trailing), in order."""
    found = []
    for line in text.splitlines():
        if "#" in line and (line.lstrip().startswith("#") or "  #" in line):
            found.append(
                line[line.index("#") if line.lstrip().startswith("#") else line.index("  #") :].strip()
            )
    return found
