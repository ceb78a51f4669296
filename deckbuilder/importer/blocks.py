"""What every article reader produces: the article's blocks (headings, paragraphs, lists, quotes, tables)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

_UNHOLDABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
"""Control and non-characters a slide cannot hold (YAML would refuse them too); dropped from text."""
_SPACES = re.compile("[ \t\r\n\x0b\x0c\x85\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]+")
"""White space that may be collapsed; no-break spaces are kept (they glue a number to its unit)."""


def clean_text(text: str) -> str:
    """Text as one line: control characters dropped, runs of white space made one space, ends trimmed."""
    return _SPACES.sub(" ", _UNHOLDABLE.sub(" ", text)).strip(" \u00a0\u202f")


SpanKind = Literal["bold", "italic", "code", "link"]


@dataclass(frozen=True)
class Span:
    """Emphasis, code or a link over characters start..end of a plain text; a link has its address."""

    start: int
    end: int
    kind: SpanKind
    url: str | None = None


@dataclass(frozen=True)
class Heading:
    """A heading: its level (1 is the headline's) and text."""

    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of prose, as written."""

    text: str


@dataclass(frozen=True)
class ListItem:
    """One list item and the items nested under it."""

    text: str
    children: tuple[str, ...] = ()
    marker: str = "-"
    """The item's bullet or number as written ('-', '3.', 'a)')."""


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list."""

    items: tuple[ListItem, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Quote:
    """A block quotation, with who said it when the article says so."""

    text: str
    attribution: str | None = None


@dataclass(frozen=True)
class Table:
    """A table: a header row and rows of cells, every row as long as the header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None


@dataclass(frozen=True)
class Chrome:
    """Page chrome (a caption, credit, share or navigation line): kept for the notes, never shown."""

    text: str


Block = Heading | Paragraph | ListBlock | Quote | Table | Chrome


@dataclass
class Article:
    """An article as its reader found it: headline (if marked up), blocks in order, and page facts."""

    blocks: list[Block]
    headline: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    author: str | None = None
    extra_title: str | None = None
    """A second title the page carries (an HTML <title> that differs from its h1), kept in sources."""
    standfirst: str | None = None
    """The summary under the headline, when the page's markup says which paragraph it is."""
    marks: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    """The emphasis, code and links of the article's texts, by the plain text they mark."""


def block_text(block: Block) -> str:
    """A block's words as plain text, for speaker notes: lists one item a line, tables one row a line."""
    if isinstance(block, Heading | Paragraph | Chrome):
        return block.text
    if isinstance(block, ListBlock):
        lines: list[str] = []
        for item in block.items:
            lines.append(f"{item.marker} {item.text}")
            lines.extend(f"  - {child}" for child in item.children)
        return "\n".join(lines)
    if isinstance(block, Quote):
        return f"“{block.text}”" + (f" — {block.attribution}" if block.attribution else "")
    rows = [block.header, *block.rows]
    text = "\n".join(" | ".join(row) for row in rows)
    return f"{block.caption}\n{text}" if block.caption else text
