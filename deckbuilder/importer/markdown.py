"""Markdown articles, parsed by markdown-it-py: headings, paragraphs, lists, block quotes, tables and
simple front matter; emphasis, code and links kept beside the text, images as their alt text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.token import Token

from deckbuilder.importer.blocks import (
    Article,
    Block,
    Chrome,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Span,
    SpanKind,
    Table,
    clean_text,
)
from deckbuilder.importer.chrome import is_chrome
from deckbuilder.importer.spans import SpanText, link_target

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATTRIBUTION = re.compile(r"^(?:—|–|--)\s*(?P<who>\S.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
MAX_QUOTE_DEPTH = 8
MAX_INDENT = 24
MAX_NESTING = 40
"""markdown-it stops reading blocks nested deeper than this; quotes and lists are flattened to fit first,
so deeply nested text is read at the deepest level kept instead of being lost."""
_DEEP_QUOTE = re.compile(rf"(?m)^(?:[ \t]{{0,3}}>){{{MAX_QUOTE_DEPTH + 1},}}")
_DEEP_INDENT = re.compile(rf"(?m)^[ \t]{{{MAX_INDENT + 1},}}")
_ALERT = re.compile(r"^\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*", re.I)
"""GitHub's alert mark at the head of a block quote ('> [!NOTE]'): markup, not words."""
_TRAILING_ATTRIBUTION = re.compile(r"^(?P<text>.+?)\s+(?:—|–|--)\s*(?P<who>[^—–\s][^—–]{1,80})$")
"""'Words. — Jane Doe, analyst': a quotation with its speaker on the next line of the same paragraph."""


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple 'key: value' front matter at the top of the file, and the text after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    values: dict[str, str] = {}
    for line in match.group("body").split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith((" ", "\t")):
            values[key.strip().lower()] = clean_text(value.strip().strip("'\""))
    return values, text[match.end() :]


_SPAN_OPENS: dict[str, SpanKind] = {"strong_open": "bold", "em_open": "italic"}


def inline_text(
    token: Token, marks: dict[str, tuple[Span, ...]] | None = None, base: str | None = None
) -> str:
    """The words of an inline token: text, code and link text kept, images as their alt text; its
    emphasis, code and links (to addresses a slide may link to) go to `marks`, under the text."""
    text = SpanText()
    for child in token.children or []:
        if child.type == "text":
            text.add(child.content)
        elif child.type == "code_inline":
            text.open("code")
            text.add(child.content)
            text.close()
        elif child.type in ("softbreak", "hardbreak"):
            text.add(" ")
        elif child.type == "image":
            text.add(" ".join(c.content for c in child.children or []))
        elif child.type in _SPAN_OPENS:
            text.open(_SPAN_OPENS[child.type])
        elif child.type == "link_open":
            href = child.attrGet("href")
            url = link_target(href if isinstance(href, str) else None, base)
            text.open("link" if url else None, url)
        elif child.type in ("strong_close", "em_close", "link_close"):
            text.close()
    return text.finish({} if marks is None else marks)


def _html_words(markup: str) -> str:
    """The words of a piece of HTML (comments left out)."""
    markup = _COMMENT.sub(" ", markup)
    if not markup.strip():
        return ""
    try:
        return clean_text(lxml_html.fragment_fromstring(markup, create_parent="div").text_content())
    except (etree.ParserError, ValueError):
        return clean_text(re.sub(r"<[^>]*>", " ", markup))


def _only_pictures(token: Token) -> bool:
    """Whether an inline token holds nothing but pictures (and the breaks between them)."""
    kinds = {child.type for child in token.children or []} - {"softbreak", "hardbreak"}
    kinds -= (
        {"text"} if all(not c.content.strip() for c in token.children or [] if c.type == "text") else set()
    )
    return kinds == {"image"}


@dataclass
class _ListFrame:
    """A list being read: its items, and how deep it sits inside other lists."""

    ordered: bool
    items: list[tuple[str, list[str], str]] = field(default_factory=list)
    start: int = 1


@dataclass
class _Reader:
    """Turns markdown-it's flat token stream into blocks, without recursion (nesting cannot overflow)."""

    blocks: list[Block] = field(default_factory=list)
    lists: list[_ListFrame] = field(default_factory=list)
    quote: list[str] | None = None
    quote_depth: int = 0
    table: list[list[str]] | None = None
    header_rows: int = 0
    heading: int | None = None
    marks: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    base: str | None = None
    """The article's own address, against which relative links are resolved."""

    def read(self, tokens: list[Token]) -> list[Block]:
        """Every block of the token stream, in order."""
        for token in tokens:
            handler = getattr(self, f"_on_{token.type}", None)
            if handler is not None:
                handler(token)
        return self.blocks

    def _on_heading_open(self, token: Token) -> None:
        self.heading = int(token.tag[1:])

    def _on_heading_close(self, token: Token) -> None:
        self.heading = None

    def _on_bullet_list_open(self, token: Token) -> None:
        self.lists.append(_ListFrame(ordered=False))

    def _on_ordered_list_open(self, token: Token) -> None:
        start = token.attrGet("start")
        self.lists.append(_ListFrame(ordered=True, start=int(start) if isinstance(start, int | str) else 1))

    def _on_bullet_list_close(self, token: Token) -> None:
        self._close_list()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        frame = self.lists[-1]
        marker = f"{frame.start + len(frame.items)}." if frame.ordered else "-"
        frame.items.append(("", [], marker))

    def _close_list(self) -> None:
        """A finished list: nested in the item it sits under, or a block of its own."""
        frame = self.lists.pop()
        if self.lists and self.lists[-1].items:
            parent = self.lists[-1].items[-1]
            for text, children, _ in frame.items:
                parent[1].extend(filter(None, [text, *children]))
            return
        items = tuple(ListItem(text, tuple(children), marker) for text, children, marker in frame.items)
        if items and self.quote is None:
            self.blocks.append(ListBlock(items, ordered=frame.ordered))
        elif self.quote is not None:  # '> 2021.' reads as an empty numbered item: its number is its text
            self.quote.extend(item.text or (item.marker if frame.ordered else "") for item in items)

    def _on_blockquote_open(self, token: Token) -> None:
        self.quote_depth += 1
        if self.quote is None:
            self.quote = []

    def _on_blockquote_close(self, token: Token) -> None:
        self.quote_depth -= 1
        if self.quote_depth or self.quote is None:
            return
        lines, self.quote = self.quote, None
        who = None
        if len(lines) > 1 and (match := _ATTRIBUTION.match(lines[-1])) is not None:
            who, lines = match.group("who"), lines[:-1]
        text = _ALERT.sub("", clean_text(" ".join(lines)))
        if who is None and (match := _TRAILING_ATTRIBUTION.match(text)) is not None:
            text, who = match.group("text"), match.group("who")
        if text:
            self.blocks.append(Quote(text, who))

    def _on_table_open(self, token: Token) -> None:
        self.table, self.header_rows = [], 0

    def _on_tr_open(self, token: Token) -> None:
        if self.table is not None:
            self.table.append([])

    def _on_thead_close(self, token: Token) -> None:
        self.header_rows = len(self.table or [])

    def _on_table_close(self, token: Token) -> None:
        rows, self.table = self.table or [], None
        if not rows:
            return
        header, body = rows[0], rows[1:]
        width = len(header)
        body = [(row + [""] * width)[:width] for row in body]
        self.blocks.append(Table(tuple(header), tuple(tuple(row) for row in body)))

    def _on_inline(self, token: Token) -> None:
        text = inline_text(token, self.marks, self.base)
        if self.table is not None and self.table:
            self.table[-1].append(text)
        elif not text:
            return
        elif self.heading is not None:
            self.blocks.append(Heading(self.heading, text))
        elif self.lists and self.lists[-1].items:
            current_text, children, marker = self.lists[-1].items[-1]
            if current_text:
                children.append(text)
            else:
                self.lists[-1].items[-1] = (text, children, marker)
        elif self.quote is not None:
            self.quote.append(text)
        elif is_chrome(text) or _only_pictures(token):
            self.blocks.append(Chrome(text))  # a caption or credit, or a picture's alt text
        else:
            self.blocks.append(Paragraph(text))

    def _on_fence(self, token: Token) -> None:
        self._code(token)

    def _on_code_block(self, token: Token) -> None:
        self._code(token)

    def _on_html_block(self, token: Token) -> None:
        """Raw HTML in the Markdown (a box, a table, a comment): its words go to the notes."""
        text = _html_words(token.content)
        if text:
            self.blocks.append(Chrome(text))

    def _code(self, token: Token) -> None:
        """Code is not slide material: its text goes to the notes."""
        text = clean_text(token.content)
        if text:
            self.blocks.append(Chrome(text))


def _any_link(url: str) -> bool:
    """Every link is read as a link; link_target decides which addresses a slide keeps."""
    return True


def parse_markdown(text: str) -> Article:
    """The blocks of a Markdown article; its first heading (or front-matter title) is its headline."""
    meta, body = _front_matter(text)
    body = _DEEP_INDENT.sub(" " * MAX_INDENT, _DEEP_QUOTE.sub(">" * MAX_QUOTE_DEPTH, body))
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    parser.validateLink = _any_link  # type: ignore[method-assign]  # a 'javascript:' link still has its text
    url = meta.get("canonical_url") or meta.get("canonical") or meta.get("url") or None
    reader = _Reader(base=url)
    blocks = reader.read(parser.parse(body))
    headline = meta.get("title") or None
    first = blocks[0] if blocks else None
    if headline is None and isinstance(first, Heading):
        headline = first.text
        blocks.pop(0)
    elif headline is not None and blocks and isinstance(blocks[0], Heading) and blocks[0].text == headline:
        blocks.pop(0)
    standfirst = meta.get("subtitle") or meta.get("description")
    if standfirst and not any(isinstance(b, Paragraph) and b.text == standfirst for b in blocks[:2]):
        blocks.insert(0, Paragraph(standfirst))
    return Article(
        blocks,
        headline=headline,
        url=url,
        author=meta.get("author") or None,
        date=meta.get("date") or None,
        marks=reader.marks,
    )
