"""Wrapping text made of styled runs: each run measured with its own face, lines broken across runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate

from deckbuilder.layout.measure import (
    BREAK_SPACES,
    NEWLINE_RE,
    SEGMENT_RE,
    FontMetrics,
    needs_split,
    split_content,
)
from deckbuilder.outline.inline import Run

Line = tuple[Run, ...]


def wrap_runs(
    runs: Sequence[Run], width_pt: float, metrics_of: Callable[[Run], FontMetrics], size_pt: float
) -> tuple[Line, ...]:
    """Wrap runs into lines no wider than width_pt, breaking where `measure.wrap_text` would.

    The same greedy rules as wrap_text over the runs' joined text (so plain runs wrap exactly as it
    does); only the width of each character comes from its run's face.
    """
    text = "".join(run.text for run in runs)
    ems: list[float] = []
    owner: list[int] = []  # the run each character belongs to
    for index, run in enumerate(runs):
        metrics = metrics_of(run)
        ems.extend(metrics.char_em(char) for char in run.text)
        owner.extend([index] * len(run.text))
    prefix = [0.0, *accumulate(ems)]  # exact: every em is a multiple of a power of two
    spans: list[tuple[int, int]] = []
    start = 0
    for newline in NEWLINE_RE.finditer(text):
        spans.extend(_line_spans(text, start, newline.start(), prefix, width_pt, size_pt))
        start = newline.end()
    spans.extend(_line_spans(text, start, len(text), prefix, width_pt, size_pt))
    return tuple(_slice(runs, owner, a, b) for a, b in spans)


def _line_spans(
    text: str, begin: int, end: int, prefix: list[float], width_pt: float, size_pt: float
) -> list[tuple[int, int]]:
    """Greedily wrap text[begin:end] (no newlines) into (start, end) spans, trailing spaces dropped."""
    lines: list[tuple[int, int]] = []
    line_start = begin
    line_end = begin  # where the current line's pieces end, trailing spaces included
    for match in SEGMENT_RE.finditer(text, begin, end):
        content, spaces = match.group(1), match.group(2)
        if not content and not spaces:
            continue
        pieces = split_content(content) if needs_split(content) else [content]
        at = match.start()
        for number, piece in enumerate(pieces):
            piece_end = at + len(piece)
            trailing_end = match.end() if number == len(pieces) - 1 else piece_end
            if (prefix[piece_end] - prefix[line_start]) * size_pt > width_pt:
                if line_end > line_start:
                    lines.append((line_start, _rstrip(text, line_start, line_end)))
                    line_start = at
                if (prefix[piece_end] - prefix[at]) * size_pt > width_pt:
                    line_start = _break_word(at, piece_end, prefix, width_pt, size_pt, lines)
            line_end = trailing_end
            at = piece_end
    lines.append((line_start, _rstrip(text, line_start, line_end)))
    return lines


def _break_word(
    start: int, end: int, prefix: list[float], width_pt: float, size_pt: float, lines: list[tuple[int, int]]
) -> int:
    """Break a word too long for a line into full lines (appended); returns where its last piece starts."""
    piece_start = start
    for index in range(start + 1, end):
        if (prefix[index + 1] - prefix[piece_start]) * size_pt > width_pt:
            lines.append((piece_start, index))
            piece_start = index
    return piece_start


def _rstrip(text: str, start: int, end: int) -> int:
    """Where a line ends once its trailing break spaces are dropped."""
    while end > start and text[end - 1] in BREAK_SPACES:
        end -= 1
    return end


def _slice(runs: Sequence[Run], owner: list[int], start: int, end: int) -> Line:
    """The runs covering text[start:end], the first and last cut to it."""
    if start >= end:
        return ()
    line: list[Run] = []
    offset = 0
    for index, run in enumerate(runs):
        run_start, run_end = offset, offset + len(run.text)
        offset = run_end
        if run_end <= start or run_start >= end or index < owner[start]:
            continue
        a, b = max(start, run_start) - run_start, min(end, run_end) - run_start
        line.append(run if (a, b) == (0, len(run.text)) else _with_text(run, run.text[a:b]))
    return tuple(line)


def _with_text(run: Run, text: str) -> Run:
    return Run(text, run.bold, run.italic, run.code, run.link)


def line_text(line: Line) -> str:
    """The text a line of runs reads."""
    return "".join(run.text for run in line)
