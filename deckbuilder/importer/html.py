"""HTML articles (saved web pages): headings, paragraphs, lists, quotes and tables of the article itself;
navigation, page header and footer, asides, scripts and styles left out. Standard library only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from deckbuilder.importer.blocks import (
    Article,
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Table,
    clean_text,
)
from deckbuilder.importer.sentences import word_count, word_set

_SKIPPED = word_set(
    "script style noscript template svg math nav aside form button select textarea iframe canvas "
    "object embed dialog menu"
)
_VOID = word_set("area base br col embed hr img input link meta param source track wbr")
_BLOCK = word_set(
    "p div section article main header footer li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre "
    "table tr td th caption figure figcaption address details summary body html hr br center"
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}
_ATTRIBUTION = re.compile(r"^(?:—|–|--)\s*(?P<who>\S.*)$")


@dataclass
class _ListFrame:
    """A list being read: its items, and the text and nested items of the item open now."""

    ordered: bool
    start: int = 1
    items: list[ListItem] = field(default_factory=list)
    text: list[str] | None = None
    children: list[str] = field(default_factory=list)

    def close_item(self) -> None:
        """Finish the open item, if any, with the nested items gathered under it."""
        if self.text is not None:
            text = clean_text(" ".join(self.text))
            marker = f"{self.start + len(self.items)}." if self.ordered else "-"
            if text:
                self.items.append(ListItem(text, tuple(self.children), marker))
            else:
                self.items.extend(ListItem(child) for child in self.children)
        self.text, self.children = None, []


@dataclass
class _Found:
    """A block and where it was found: inside which <article> (by order), and whether inside <main>."""

    block: Block
    article: int
    in_main: bool


class _ArticleParser(HTMLParser):
    """Collects the page's blocks and facts (title, canonical link, site name, date, author)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[_Found] = []
        self.stack: list[str] = []
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.buffer: list[str] = []
        self.lists: list[_ListFrame] = []
        self.quote: list[str] | None = None
        self.quote_who: list[str] | None = None
        self.table: list[list[str]] | None = None
        self.row: list[str] | None = None
        self.caption: str | None = None
        self.heading: int | None = None
        self.article_count = 0
        self.article_stack: list[int] = []
        self.main_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}

    # -- where we are

    def _inside(self, *tags: str) -> bool:
        """Whether any of the tags is open."""
        return any(tag in self.stack for tag in tags)

    def _skips(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Whether an element and everything in it is left out (navigation, asides, hidden parts …)."""
        if tag in _SKIPPED or "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        style = (attrs.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style:
            return True
        if tag == "header":
            return not self._inside("article", "main")
        return tag == "footer" and not self._inside("blockquote")

    # -- parser callbacks

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        """Open an element: skip it, or end the text before it if it is a block."""
        attrs = {key.lower(): value for key, value in attrs_list}
        if tag in ("link", "meta"):
            self._head_fact(tag, attrs)
        if self.skip_tag is not None:
            self.skip_depth += tag == self.skip_tag
            return
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag == "br":
                if self.buffer and self.buffer[-1] == "\n":
                    self._flush()  # two line breaks in a row end a paragraph
                else:
                    self.buffer.append("\n")
            return
        if self._skips(tag, attrs):
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag == "body" and "head" in self.stack:
            del self.stack[self.stack.index("head") :]
        if self._breaks(tag):
            self._flush()
        self.stack.append(tag)
        self._open(tag, attrs)

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        """A self-closing element: opened and closed at once."""
        self.handle_starttag(tag, attrs_list)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close an element and any left open inside it, ending the text they gathered."""
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag == "title":
            self.in_title = False
        if tag in _VOID or tag not in self.stack:
            return  # a void element's or a stray end tag
        while self.stack:
            open_tag = self.stack[-1]
            if self._breaks(open_tag):
                self._flush()
            self.stack.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _breaks(self, tag: str) -> bool:
        """Whether the tag ends the text gathered before it (a block, or a citation inside a quotation)."""
        return tag in _BLOCK or (tag == "cite" and self.quote is not None)

    def handle_data(self, data: str) -> None:
        """Gather text, unless it is in a skipped element or the head (the page title aside)."""
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.skip_tag is not None or "head" in self.stack:
            return
        self.buffer.append(data)

    # -- opening and closing elements

    def _head_fact(self, tag: str, attrs: dict[str, str | None]) -> None:
        """Note the canonical link, site name, publication date and author from <link> and <meta>."""
        if tag == "link" and "canonical" in (attrs.get("rel") or "").lower().split() and attrs.get("href"):
            self.meta.setdefault("url", attrs["href"] or "")
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            content = clean_text(attrs.get("content") or "")
            if content and key in ("og:url", "og:site_name", "article:published_time", "author", "og:title"):
                self.meta.setdefault(key, content)

    def _open(self, tag: str, attrs: dict[str, str | None]) -> None:
        """Start what an element begins: an article, a list, an item, a quotation, a table, a heading."""
        if tag == "article":
            self.article_count += 1
            self.article_stack.append(self.article_count)
        elif tag == "main":
            self.main_depth += 1
        elif tag in ("ul", "ol"):
            start = attrs.get("start") or "1"
            self.lists.append(_ListFrame(tag == "ol", int(start) if start.isdigit() else 1))
        elif tag == "li" and self.lists:
            self.lists[-1].close_item()
            self.lists[-1].text = []
        elif tag == "blockquote" and self.quote is None:
            self.quote, self.quote_who = [], []
        elif tag == "table" and self.table is None:
            self.table, self.caption = [], None
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.row.append("")
        elif tag in _HEADINGS or tag in ("h4", "h5", "h6"):
            self.heading = _HEADINGS.get(tag, 0)

    def _close(self, tag: str) -> None:
        """Finish what an element began, emitting the list, quotation or table it made."""
        if tag == "article" and self.article_stack:
            self.article_stack.pop()
        elif tag == "main":
            self.main_depth -= 1
        elif tag in ("ul", "ol") and self.lists:
            frame = self.lists.pop()
            frame.close_item()
            if self.lists and self.lists[-1].text is not None:
                parent = self.lists[-1]
                parent.children.extend(item.text for item in frame.items)
                parent.children.extend(child for item in frame.items for child in item.children)
            elif frame.items and self.quote is not None:
                self.quote.extend(item.text for item in frame.items)
            elif frame.items:
                self._emit(ListBlock(tuple(frame.items), frame.ordered))
        elif tag == "li" and self.lists:
            self.lists[-1].close_item()
        elif tag == "blockquote" and self.quote is not None and "blockquote" not in self.stack:
            text = clean_text(" ".join(self.quote))
            who = clean_text(" ".join(self.quote_who or [])) or None
            if who is None and len(self.quote) > 1 and (by := _ATTRIBUTION.match(clean_text(self.quote[-1]))):
                who = by.group("who")
                text = clean_text(" ".join(self.quote[:-1]))
            if who:
                who = who.lstrip("—–- ").strip() or None
            if text:
                self._emit(Quote(text, who))
            self.quote, self.quote_who = None, None
        elif tag == "tr" and self.table is not None and self.row is not None:
            if any(self.row):
                self.table.append(self.row)
            self.row = None
        elif tag == "table" and self.table is not None and "table" not in self.stack:
            self._emit_table(self.table, self.caption)
            self.table = None
        elif tag in _HEADINGS or tag in ("h4", "h5", "h6"):
            self.heading = None

    def _flush(self) -> None:
        """The text gathered since the last block boundary, as the block the open elements make it."""
        text = clean_text("".join(self.buffer))
        self.buffer = []
        if not text:
            return
        if self.quote is not None:
            (
                self.quote_who
                if self._inside("cite", "footer") and self.quote_who is not None
                else self.quote
            ).append(text)
        elif self.table is not None and "caption" in self.stack:
            self.caption = clean_text(f"{self.caption or ''} {text}")
        elif self.table is not None and self.row:
            self.row[-1] = clean_text(f"{self.row[-1]} {text}")
        elif self.lists and self.lists[-1].text is not None:
            self.lists[-1].text.append(text)
        elif self.heading:
            self._emit(Heading(self.heading, text))
        else:
            self._emit(Paragraph(text))

    def _emit(self, block: Block) -> None:
        """Record a block with the <article> and <main> it was found in."""
        article = self.article_stack[0] if self.article_stack else 0
        self.found.append(_Found(block, article, self.main_depth > 0))

    def _emit_table(self, rows: list[list[str]], caption: str | None) -> None:
        """A table block (first row as header), or a paragraph for a one-row table."""
        if not rows:
            return
        width = max(len(row) for row in rows)
        padded = [tuple(row + [""] * (width - len(row))) for row in rows]
        if len(padded) >= 2:
            self._emit(Table(padded[0], tuple(padded[1:]), caption))
        else:
            self._emit(Paragraph(" ".join(padded[0])))

    def close(self) -> None:
        """End of the page: the last text and any elements left open are finished."""
        super().close()
        self._flush()
        while self.stack:
            self._close(self.stack.pop())


def _article_blocks(found: list[_Found]) -> list[Block]:
    """The blocks of the page's article: the <article> with the most words, else <main>, else all."""
    words: dict[int, int] = {}
    for item in found:
        if item.article:
            words[item.article] = words.get(item.article, 0) + word_count(_text_of(item.block))
    if words:
        chosen = max(words, key=lambda key: (words[key], -key))
        return [item.block for item in found if item.article == chosen]
    if any(item.in_main for item in found):
        return [item.block for item in found if item.in_main]
    return [item.block for item in found]


def _text_of(block: Block) -> str:
    """A block's words as one line, to weigh which <article> holds the story."""
    if isinstance(block, Heading | Paragraph | Quote):
        return block.text
    if isinstance(block, ListBlock):
        return " ".join(item.text for item in block.items)
    return " ".join(" ".join(row) for row in (block.header, *block.rows))


def parse_html(text: str) -> Article:
    """The blocks of an HTML article; its first h1 (else the page title) is its headline."""
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    blocks = _article_blocks(parser.found)
    page_title = clean_text(" ".join(parser.title_parts)) or parser.meta.get("og:title") or None
    headline = None
    first_h1 = next((i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), None)
    if first_h1 is not None:
        headline = _text_of(blocks.pop(first_h1))
    elif page_title:
        headline = page_title
    date = parser.meta.get("article:published_time", "")[:10] or None
    return Article(
        blocks,
        headline=headline,
        url=parser.meta.get("url") or parser.meta.get("og:url") or None,
        publisher=parser.meta.get("og:site_name") or None,
        date=date,
        author=parser.meta.get("author") or None,
        extra_title=page_title if page_title and page_title != headline else None,
    )
