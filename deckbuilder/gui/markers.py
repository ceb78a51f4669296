"""Inline Markdown markers put around (or taken from around) a selection: bold, italic and links."""

from __future__ import annotations

import re
from dataclasses import dataclass

BOLD = ("**",)
ITALIC = ("*", "_")
"""The markers of a style, the first the one written; `__` is not bold in the outline's Markdown."""

_LINK = re.compile(r"\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)")


@dataclass(frozen=True)
class Change:
    """Replace text[start:end] with `text`, then select [select_start, select_end) of the new value."""

    start: int
    end: int
    text: str
    select_start: int
    select_end: int

    def apply(self, value: str) -> str:
        """The value with the change made."""
        return value[: self.start] + self.text + value[self.end :]


def _run(value: str, index: int, char: str, step: int) -> int:
    """How many `char` in a row from index, walking by step (-1 left, +1 right), escapes not counted."""
    count = 0
    while 0 <= index < len(value) and value[index] == char and not _escaped(value, index):
        count += 1
        index += step
    return count


def _escaped(value: str, index: int) -> bool:
    slashes = 0
    while index - slashes - 1 >= 0 and value[index - slashes - 1] == "\\":
        slashes += 1
    return slashes % 2 == 1


def _on(runs: int, marker: str) -> bool:
    """Whether `runs` marker characters on each side mean the style is on (`***` is bold and italic)."""
    if marker == "**":
        return runs >= 2
    if marker == "*":
        return runs in (1, 3)
    return runs >= 1


def toggle(value: str, start: int, end: int, markers: tuple[str, ...]) -> Change:
    """Wrap value[start:end] in markers[0], or unwrap it when it is already wrapped (inside or around)."""
    selected = value[start:end]
    for marker in markers:
        char, size = marker[0], len(marker)
        inner_runs = min(_run(selected, 0, char, 1), _run(selected, len(selected) - 1, char, -1))
        if len(selected) >= 2 * size and _on(inner_runs, marker) and 2 * inner_runs < len(selected):
            inner = selected[size:-size]
            return Change(start, end, inner, start, start + len(inner))
        outer_runs = min(_run(value, start - 1, char, -1), _run(value, end, char, 1))
        if _on(outer_runs, marker):
            return Change(start - size, end + size, selected, start - size, end - size)
    marker = markers[0]
    wrapped = f"{marker}{selected}{marker}"
    return Change(start, end, wrapped, start + len(marker), end + len(marker))


def link_around(value: str, start: int, end: int) -> Change | None:
    """Unwrap the link the selection is (or lies in the text of), keeping its text; None when none."""
    for match in _LINK.finditer(value):
        if (start, end) == match.span() or match.start(1) <= start <= end <= match.end(1):
            text = match.group(1)
            offset = match.start()
            return Change(match.start(), match.end(), text, offset, offset + len(text))
    return None


def make_link(value: str, start: int, end: int, address: str) -> Change:
    """Make value[start:end] the text of a link to address; with no selection the cursor goes in []."""
    selected = value[start:end]
    text = f"[{selected}]({address})"
    return Change(start, end, text, start + 1, start + 1 + len(selected))
