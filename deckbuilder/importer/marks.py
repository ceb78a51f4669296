"""An imported deck's texts written in the outline's inline syntax: every text escaped, and the emphasis,
code and links of the article put back on whatever part of their text a slide shows.

The importer works on plain text throughout (sentences, cuts, quotes, figures and word counts never see a
marker); only here, at the end, is each shown text matched to the article text it came from, and that
text's spans carried over, so a cut can never leave a marker unbalanced."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass, replace
from difflib import SequenceMatcher
from typing import Any, TypeVar

from deckbuilder.importer.blocks import Article, ListBlock, Quote, Span, Table
from deckbuilder.importer.inline_write import write
from deckbuilder.outline.inline import escape
from deckbuilder.outline.model import Event

_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")
CANDIDATES = 4
"""How many article texts sharing the most words with a shown text are matched against it."""
MIN_BLOCK_TOKENS = 2
"""A run of matching words shorter than this is chance (a 'the' in a dropped aside), not the same text."""
MIN_MATCHED_SHARE = 0.5
NEAR_SHARE = 0.9
"""A text that explains this much of what another explains is as good a source (a page's own paragraph
beside the extractor's copy of it)."""
NOT_TEXT = frozenset({"kind", "theme", "url", "image", "layouts", "date"})
"""Fields that hold no slide text (a date is metadata, except an event's, which is shown)."""
_FIELD = re.compile(
    r"(?:^\s*(?:[-*+•‣◦▪–]|\d{1,3}[.)]|[a-zA-Z][)])\s+|^|(?<= \| )|(?<= · )|(?<= — ))“?"
    r"(?P<text>.+?)”?(?= \| | · | — |$)"
)
"""A field of a line made of several texts: a list item after its mark, a table cell, a quotation."""
T = TypeVar("T")


def _shifted(spans: tuple[Span, ...], offset: int, length: int) -> list[Span]:
    """Spans moved by offset, cut to a text of the given length."""
    moved = [Span(max(s.start + offset, 0), min(s.end + offset, length), s.kind, s.url) for s in spans]
    return [span for span in moved if span.end > span.start]


def _aligned(shown: str, source: str, spans: tuple[Span, ...]) -> tuple[float, list[Span]]:
    """How much of shown, a text made from source by cuts (and a capital letter), matches it word for
    word, and the spans of source carried onto shown: each character with the marks of the one it came
    from."""
    a = list(_TOKEN.finditer(shown))
    b = list(_TOKEN.finditer(source))
    matcher = SequenceMatcher(None, [m[0].lower() for m in a], [m[0].lower() for m in b], autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size >= MIN_BLOCK_TOKENS]
    share = sum(block.size for block in blocks) / max(len(a), 1)
    if share < MIN_MATCHED_SHARE or not spans:
        return share, []
    origin: list[int | None] = [None] * len(shown)
    for block in blocks:
        for offset in range(block.size):
            mine, theirs = a[block.a + offset], b[block.b + offset]
            if len(mine[0]) == len(theirs[0]):
                for index in range(len(mine[0])):
                    origin[mine.start() + index] = theirs.start() + index
    carried: list[Span] = []
    for span in spans:
        flags = [o is not None and span.start <= o < span.end for o in origin]
        carried.extend(Span(s, e, span.kind, span.url) for s, e in _filled_runs(flags, origin))
    return share, carried


def _filled_runs(flags: list[bool], origin: list[int | None]) -> list[tuple[int, int]]:
    """Runs of marked characters, joined across characters that came from nowhere (the space left by a
    cut aside) when the characters on both sides are marked."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    last_marked: int | None = None
    for index, flag in enumerate(flags):
        if flag:
            if start is None:
                start = index
            last_marked = index
        elif origin[index] is not None and start is not None and last_marked is not None:
            runs.append((start, last_marked + 1))
            start = last_marked = None
    if start is not None and last_marked is not None:
        runs.append((start, last_marked + 1))
    return runs


def article_texts(article: Article) -> Iterator[str]:
    """Every text of an article's blocks, as its reader made it (marked or not)."""
    for block in article.blocks:
        if isinstance(block, ListBlock):
            for item in block.items:
                yield item.text
                yield from item.children
        elif isinstance(block, Table):
            yield from (cell for row in (block.header, *block.rows) for cell in row)
        elif isinstance(block, Quote):
            yield block.text
            yield block.attribution or ""
        else:
            yield block.text
    yield article.headline or ""
    yield article.standfirst or ""


class Marker:
    """Writes shown texts in the outline's syntax, with the spans of the article texts they came from."""

    def __init__(self, marks: dict[str, tuple[Span, ...]], texts: Iterable[str] = ()) -> None:
        self.marks = dict(marks)
        if marks:  # unmarked texts compete too, so a heading is not marked like a paragraph it echoes
            for text in texts:
                self.marks.setdefault(text, ())
        self.sources = list(self.marks)
        self.by_word: dict[str, list[int]] = {}
        for number, text in enumerate(self.sources):
            for word in {w.lower() for w in _WORD.findall(text)}:
                self.by_word.setdefault(word, []).append(number)

    def _candidates(self, line: str) -> list[str]:
        """The article texts that share the most words with a line (half of its words at least, or all)."""
        words = {w.lower() for w in _WORD.findall(line)}
        shared: Counter[int] = Counter()
        for word in words:
            shared.update(self.by_word.get(word, ()))
        least = min(len(words), max(2, MIN_MATCHED_SHARE * len(words)))
        return [self.sources[n] for n, count in shared.most_common(CANDIDATES) if count >= least]

    def _field_spans(self, line: str) -> tuple[list[Span], bool]:
        """The spans of the article texts a line is made of field by field (a table row's cells, a list
        item after its mark, a quotation and its speaker), and whether every field is such a text."""
        spans: list[Span] = []
        whole = True
        for field in _FIELD.finditer(line):
            text = field.group("text")
            if text in self.marks:
                spans.extend(_shifted(self.marks[text], field.start("text"), len(line)))
            else:
                whole = False
        return spans, whole

    def _spans(self, line: str) -> list[Span]:
        """The spans a shown line carries from the article texts it came from: those of the texts it is
        made of, field by field, or of the one text that explains most of it (one with spans when it
        explains nearly as much)."""
        if line in self.marks:
            return list(self.marks[line])
        fields, whole = self._field_spans(line)
        if whole:
            return fields
        scored: list[tuple[float, bool, list[Span]]] = []
        for source in self._candidates(line):
            spans = self.marks[source]
            if (at := source.find(line)) >= 0:
                scored.append((1.0, bool(spans), _shifted(spans, -at, len(line))))
            else:
                share, carried = _aligned(line, source, spans)
                if share >= MIN_MATCHED_SHARE:
                    scored.append((share, bool(spans), carried))
        best = max((share for share, _, _ in scored), default=0.0)
        near = [entry for entry in scored if entry[0] >= NEAR_SHARE * best]
        chosen = max(near, key=lambda entry: entry[:2])[2] if near else []
        return chosen if best >= NEAR_SHARE else [*chosen, *fields]

    def text(self, value: str, *, links: bool = True) -> str:
        """A shown text in the outline's syntax, line by line (notes hold many); a title has no links."""
        if not self.marks:
            return escape(value)
        return "\n".join(
            write(line, [s for s in self._spans(line) if links or s.kind != "link"])
            for line in value.split("\n")
        )

    def deck(self, value: T) -> T:
        """A deck (or any part of one) with every shown text written in the outline's syntax."""
        return self._value(value, "")  # type: ignore[no-any-return]

    def _value(self, value: Any, name: str) -> Any:
        """A value (of a field of that name) with its shown texts written in the outline's syntax; the
        same object when nothing in it changes (most texts hold no marker character)."""
        if isinstance(value, str):
            return value if name in NOT_TEXT else self.text(value, links=name != "title")
        if isinstance(value, list):
            items = [self._value(item, name) for item in value]
            return (
                value
                if all(new is old or new == old for new, old in zip(items, value, strict=True))
                else items
            )
        if is_dataclass(value) and not isinstance(value, type):
            event = isinstance(value, Event)
            changes = {}
            for f in fields(value):
                if f.init and not f.name.startswith("_"):
                    old = getattr(value, f.name)
                    new = self._value(old, "text" if event else f.name)
                    if new is not old and new != old:
                        changes[f.name] = new
            return replace(value, **changes) if changes else value
        return value
