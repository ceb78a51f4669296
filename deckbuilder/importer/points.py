"""Turning prose into bullet points: one per sentence or clause, trimmed, with clauses nested under it."""

from __future__ import annotations

import re

from deckbuilder.importer.blocks import ListBlock
from deckbuilder.importer.sentences import (
    capitalize,
    protected_spans,
    split_clauses,
    split_sentences,
    trim_point,
    word_count,
)
from deckbuilder.outline.model import BulletPoint, Point

MAX_NESTED = 3
"""Clauses nested under one point; further clauses of a very long sentence become points of their own."""
_DASH = r"(?:\s*—\s*|\s+–\s+|\s+--\s+)"
_DASHED_ASIDE = re.compile(f"{_DASH}(?P<aside>[^—–]+?){_DASH}")


def _lift_aside(text: str) -> tuple[str, str | None, int]:
    """A sentence with a dash-enclosed aside taken out: (main text, aside, where it was in the main text)."""
    spans = protected_spans(text)
    for match in _DASHED_ASIDE.finditer(text):
        if any(a <= match.start() < b for a, b in spans):
            continue
        aside = match.group("aside").strip()
        before, after = text[: match.start()].rstrip(), text[match.end() :].lstrip()
        if 2 <= word_count(aside) <= 12 and word_count(before) >= 2 and word_count(after) >= 2:
            return f"{before} {after}", aside, len(before)
    return text, None, -1


def sentence_points(sentence: str) -> list[Point]:
    """The points of one sentence: its main clause first, with clauses that elaborate it nested under it."""
    main, aside, aside_at = _lift_aside(sentence.strip())
    tops: list[tuple[str, list[str]]] = []
    cursor = 0
    for clause, relation in split_clauses(main):
        found = main.find(clause, cursor)
        if found >= 0:
            cursor = found + len(clause)
        piece = trim_point(clause)
        if word_count(piece) == 0:
            continue
        if relation == "child" and tops and len(tops[-1][1]) < MAX_NESTED:
            tops[-1][1].append(piece)
        else:
            tops.append((capitalize(piece), []))
        if aside is not None and cursor >= aside_at:
            tops[-1][1].append(trim_point(aside))
            aside = None
    if aside is not None and tops:
        tops[-1][1].append(trim_point(aside))
    return [BulletPoint(text=text, points=children) if children else text for text, children in tops]


def prose_points(text: str) -> list[Point]:
    """The points of a paragraph, in order."""
    return [point for sentence in split_sentences(text) for point in sentence_points(sentence)]


def list_points(block: ListBlock) -> list[Point]:
    """A list's items as points; long items split like sentences, nested items kept one level down."""
    points: list[Point] = []
    for item in block.items:
        made = prose_points(item.text) if word_count(item.text) > 0 else []
        children = [trim_point(child) for child in item.children if word_count(child) > 0]
        if not made:
            points.extend(c for c in children if c)
            continue
        if children:
            first = made[-1]
            if isinstance(first, BulletPoint):
                made[-1] = BulletPoint(text=first.text, points=[*first.points, *children])
            else:
                made[-1] = BulletPoint(text=first, points=children)
        points.extend(made)
    return points


def paragraph_count(points: list[Point]) -> int:
    """How many lines of bullets the points make: each point and each nested point."""
    return sum(1 + (len(p.points) if isinstance(p, BulletPoint) else 0) for p in points)
