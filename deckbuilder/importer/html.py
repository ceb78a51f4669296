"""Saved web pages: the article body found by trafilatura (menus, share buttons, captions and footers
left out), read into headings, paragraphs, lists, quotes and tables; headline and facts from metadata."""

from __future__ import annotations

import logging
import re

import trafilatura
from lxml import etree
from lxml import html as lxml_html

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
from deckbuilder.importer.chrome import is_byline, is_chrome

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())  # a library's chatter is not our message

_ATTRIBUTION = re.compile(r"^\s*(?:—|–|--|―)\s*")
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_HEADING_LEVEL = re.compile(r"^h([1-6])$")
SHORT_EXTRACT_CHARS = 1500
"""An extract shorter than this is read again favouring recall: on a short page, precision loses text."""


def _text(element: etree._Element) -> str:
    """An element's words as one clean line."""
    return clean_text("".join(element.itertext()))


def _list(element: etree._Element) -> ListBlock:
    """A <list> of <item>s; nested lists become the children of the item they sit in."""
    items: list[ListItem] = []
    ordered = element.get("rend") == "ol"
    for number, item in enumerate(element.iterchildren("item"), start=1):
        nested = list(item.iter("list"))
        children = [_text(child) for sub in nested for child in sub.iterchildren("item")]
        for sub in nested:
            sub.getparent().remove(sub)
        marker = f"{number}." if ordered else "-"
        items.append(ListItem(_text(item), tuple(filter(None, children)), marker))
    return ListBlock(tuple(item for item in items if item.text or item.children), ordered=ordered)


def _table(element: etree._Element) -> Table | None:
    """A <table> of <row>s and <cell>s, every row padded to the header's width."""
    rows = [[_text(cell) for cell in row.iterchildren("cell")] for row in element.iter("row")]
    rows = [row for row in rows if any(row)]
    if len(rows) < 2:
        return None
    width = max(len(row) for row in rows)
    padded = [tuple((row + [""] * width)[:width]) for row in rows]
    return Table(padded[0], tuple(padded[1:]))


def _blocks(main: etree._Element) -> list[Block]:
    """The blocks of trafilatura's <main>, in order."""
    blocks: list[Block] = []
    for element in main.iterchildren():
        tag = element.tag
        if tag == "head":
            level = _HEADING_LEVEL.match(element.get("rend") or "")
            text = _text(element)
            if text:
                blocks.append(Heading(int(level.group(1)) if level else 2, text))
        elif tag == "p":
            text = _text(element)
            if text and not is_chrome(text) and not is_byline(text):
                blocks.append(Paragraph(text))
        elif tag == "list":
            block = _list(element)
            if block.items:
                blocks.append(block)
        elif tag == "quote":
            text = _text(element)
            if text:
                blocks.append(Quote(text))
        elif tag == "table":
            table = _table(element)
            if table is not None:
                blocks.append(table)
    return blocks


def _quote_speakers(page: str, blocks: list[Block]) -> list[Block]:
    """Block quotations with the speaker the page names in their <cite> or <footer>."""
    if not any(isinstance(block, Quote) for block in blocks):
        return blocks
    try:
        tree = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return blocks
    speakers: dict[str, str] = {}
    for quote in tree.iter("blockquote"):
        marks = [*quote.iter("cite"), *quote.iter("footer")]
        who = next((clean_text(mark.text_content()) for mark in marks if mark.text_content().strip()), "")
        for mark in marks:
            if mark.getparent() is not None:
                mark.getparent().remove(mark)
        if who:
            speakers[clean_text(quote.text_content())] = _ATTRIBUTION.sub("", who)
    return [
        Quote(block.text, speakers.get(block.text)) if isinstance(block, Quote) else block for block in blocks
    ]


def _page_title(page: str) -> str | None:
    """The page's <title>."""
    match = re.search(r"<title[^>]{0,200}>(?P<title>[^<]{1,500})</title>", page[:200_000], re.I)
    return clean_text(lxml_html.fromstring(match.group("title")).text_content()) if match else None


def _without_navigation(page: str) -> str | etree._Element:
    """The page without its menus, asides, footers and forms: what recall may not pick up."""
    try:
        tree = lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return page
    for element in list(tree.iter("nav", "aside", "footer", "form", "menu")):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return tree


def _extract(page: str | etree._Element, *, favor_recall: bool) -> str | None:
    """trafilatura's XML of the page's main content, with its metadata."""
    result: str | None = trafilatura.extract(
        page,
        output_format="xml",
        include_tables=True,
        include_comments=False,
        with_metadata=True,
        favor_recall=favor_recall,
    )
    return result


def parse_html(page: str) -> Article:
    """The article of a saved web page: its blocks and the page's facts (headline, site, date, author)."""
    extracted = _extract(page, favor_recall=False)
    if extracted is None or len(extracted) < SHORT_EXTRACT_CHARS:
        extracted = _extract(_without_navigation(page), favor_recall=True) or extracted  # a short page
    if not extracted:
        return Article([])
    document = etree.fromstring(extracted.encode("utf-8"), _SAFE_XML)
    main = document.find("main")
    blocks = _quote_speakers(page, _blocks(main)) if main is not None else []
    headline = clean_text(document.get("title") or "") or None
    first = blocks[0] if blocks else None
    if isinstance(first, Heading) and (headline is None or first.level == 1):
        blocks.pop(0)
        headline = (
            first.text if headline is None or first.text.casefold() != headline.casefold() else headline
        )
    publisher = clean_text(document.get("sitename") or "") or None
    if headline is not None and publisher is not None and headline.casefold() == publisher.casefold():
        headline = None  # the site's name is not the article's headline
    page_title = _page_title(page)
    return Article(
        blocks,
        headline=headline,
        url=document.get("url") or None,
        publisher=publisher,
        date=document.get("date") or None,
        author=clean_text(document.get("author") or "") or None,
        extra_title=page_title if page_title and page_title != headline else None,
    )
