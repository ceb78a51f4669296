"""Plain text and its spans written in the outline's inline syntax (outline/inline.py): `**bold**`,
`*italic*`, `` `code` ``, `[text](address)`, every other marker character escaped so it shows as typed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from deckbuilder.importer.blocks import Span, SpanKind
from deckbuilder.outline.inline import escape, plain_text

_OPEN: dict[SpanKind, str] = {"link": "[", "bold": "**", "italic": "*", "code": "`"}
_ORDER: dict[SpanKind, int] = {"link": 0, "bold": 1, "italic": 2, "code": 3}
"""Which span opens first when several open at one character: a link outside, code inside."""
_Key = tuple[SpanKind, str | None]


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges with those that overlap or touch joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _writable(text: str, key: _Key, start: int, end: int) -> tuple[int, int] | None:
    """A run of one mark trimmed of white space at its ends, or None when it cannot be written: nothing
    but marks or spaces, or code holding a backtick."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = text[start:end]
    if key[0] == "code":
        return (start, end) if inner and "`" not in inner else None
    if not re.search(r"\w", inner):
        return None
    return start, end


def _key_runs(text: str, spans: Sequence[Span]) -> dict[_Key, list[tuple[int, int]]]:
    """Where each mark runs: its spans joined where they touch, trimmed, those it cannot write dropped."""
    by_key: dict[_Key, list[tuple[int, int]]] = {}
    for span in spans:
        by_key.setdefault((span.kind, span.url), []).append((max(span.start, 0), min(span.end, len(text))))
    runs: dict[_Key, list[tuple[int, int]]] = {}
    for key, ranges in by_key.items():
        kept = [run for start, end in _merged(ranges) if (run := _writable(text, key, start, end))]
        if kept:
            runs[key] = kept
    return runs


def _covering(runs: dict[_Key, list[tuple[int, int]]], start: int, end: int) -> dict[_Key, int]:
    """The marks that run over all of start..end, each with where its run ends."""
    return {key: b for key, ranges in runs.items() for a, b in ranges if a <= start and end <= b}


def _segments(text: str, spans: Sequence[Span]) -> list[tuple[int, int, dict[_Key, int]]]:
    """The text cut where its marks change, each piece with its marks and where they end: at most one
    link, and inside code only the marks around the whole code span."""
    runs = _key_runs(text, spans)
    cuts = sorted({0, len(text), *(i for ranges in runs.values() for run in ranges for i in run)})
    code = runs.get(("code", None), [])
    segments: list[tuple[int, int, dict[_Key, int]]] = []
    for start, end in pairwise(cuts):
        around = next(((a, b) for a, b in code if a <= start and end <= b), (start, end))
        keys = _covering(runs, *around)
        links = sorted((key for key in keys if key[0] == "link"), key=lambda k: k[1] or "")
        segments.append((start, end, {k: e for k, e in keys.items() if k not in links[1:]}))
    return segments


def _close(key: _Key) -> str:
    """The marker that ends a mark."""
    return f"]({key[1]})" if key[0] == "link" else _OPEN[key[0]]


def write(text: str, spans: Sequence[Span] = ()) -> str:
    """The text in the outline's syntax: escaped, with its spans as markers that read back as the same
    text. Emphasis that the syntax cannot hold where it stands (a marker between punctuation and a word
    may not close) is dropped, then links and code if even they would not read back."""
    if not spans:
        return escape(text)
    for kept in (spans, [span for span in spans if span.kind in ("link", "code")]):
        value = _written(text, kept)
        if plain_text(value) == text:
            return value
    return escape(text)


def _written(text: str, spans: Sequence[Span]) -> str:
    """The text with its spans as markers, every other marker character escaped."""
    out: list[str] = []
    stack: list[_Key] = []
    for start, end, wanted in _segments(text, spans):
        kept = 0
        while kept < len(stack) and stack[kept] in wanted:
            kept += 1
        out.extend(_close(key) for key in reversed(stack[kept:]))
        # what runs longer opens first (outside), so it need not close and open again around the other
        opening = sorted(
            (key for key in wanted if key not in stack[:kept]),
            key=lambda k: (-wanted[k], _ORDER[k[0]], k[1] or ""),
        )
        out.extend(_OPEN[key[0]] for key in opening)
        stack = [*stack[:kept], *opening]
        piece = text[start:end]
        if any(key[0] == "code" for key in stack):
            out.append(piece)
        else:  # a ']' would end a link's text early
            linked = any(key[0] == "link" for key in stack)
            out.append(escape(piece).replace("]", "\\]") if linked else escape(piece))
    out.extend(_close(key) for key in reversed(stack))
    return "".join(out)
