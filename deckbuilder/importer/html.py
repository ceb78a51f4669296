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
    Chrome,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Table,
    block_text,
    clean_text,
)
from deckbuilder.importer.chrome import is_byline, is_chrome
from deckbuilder.importer.html_marks import page_marks
from deckbuilder.importer.sentences import word_count, word_set

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())  # a library's chatter is not our message

_ATTRIBUTION = re.compile(r"^\s*(?:—|–|--|―)\s*")
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_HEADING_LEVEL = re.compile(r"^h([1-6])$")
_MARK_CLASSES = word_set(
    "mw-editsection editsection reference noprint mw-jump mw-jump-link toc toclimit-2 toclimit-3 "
    "mw-cite-backlink navbox catlinks printfooter"
)
"""Classes (and ids) of the marks a wiki sets in an article's text: not words of the article."""
SHORT_EXTRACT_CHARS = 1500
LABEL_MAX_WORDS = 12
LABEL_RUN = 3
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


def _parse_page(page: str) -> lxml_html.HtmlElement | None:
    """The page as an element tree, or None when it is not HTML lxml can read."""
    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _is_label(block: Block) -> bool:
    """A paragraph of a few words with no sentence end: a label, a dateline, a kicker."""
    return (
        isinstance(block, Paragraph)
        and word_count(block.text) <= LABEL_MAX_WORDS
        and not block.text.rstrip().endswith((".", "!", "?", ":", "…"))
    )


def _label_runs_to_chrome(blocks: list[Block]) -> list[Block]:
    """Three or more labels in a row (a release's header block: 'Weekly Address', 'The White House',
    a date) are page furniture, kept for the notes."""
    result = list(blocks)
    start = 0
    while start < len(result):
        end = start
        while end < len(result) and _is_label(result[end]):
            end += 1
        if end - start >= LABEL_RUN:
            result[start:end] = [Chrome(block_text(block)) for block in result[start:end]]
        start = max(end, start + 1)
    return result


def _quote_speakers(tree: lxml_html.HtmlElement | None, blocks: list[Block]) -> list[Block]:
    """Block quotations with the speaker the page names in their <cite> or <footer>."""
    if tree is None or not any(isinstance(block, Quote) for block in blocks):
        return blocks
    speakers: dict[str, str] = {}
    for quote in tree.iter("blockquote"):
        marks = [*quote.iter("cite"), *quote.iter("footer")]
        who = next((clean_text(mark.text_content()) for mark in marks if mark.text_content().strip()), "")
        text = clean_text(quote.text_content())
        for said in sorted((clean_text(mark.text_content()) for mark in marks), key=len, reverse=True):
            text = text.replace(said, "").strip()  # the footer that holds the cite goes first
        if who:
            speakers[text] = _ATTRIBUTION.sub("", who)
    return [
        Quote(block.text, speakers.get(block.text)) if isinstance(block, Quote) else block for block in blocks
    ]


def _is_logo(heading: lxml_html.HtmlElement) -> bool:
    """An <h1> that only holds a link to the site's home page: the masthead, not the article's title."""
    links = list(heading.iter("a"))
    text = clean_text(heading.text_content())
    return (
        bool(links)
        and all((link.get("href") or "").strip() in ("/", "./", "#") for link in links)
        and (clean_text(" ".join(link.text_content() for link in links)) == text)
    )


def _headline(tree: lxml_html.HtmlElement | None, extracted: str | None, publisher: str | None) -> str | None:
    """The article's headline: the page's own <h1> (not its logo, not the site's name), else the title the
    extractor found, unless that is the site's name."""
    names = {name.casefold() for name in (publisher,) if name}
    if tree is not None:
        names |= {
            clean_text(meta.get("content") or "").casefold()
            for meta in tree.iter("meta")
            if meta.get("property") == "og:site_name"
        }
        for heading in tree.iter("h1"):
            text = clean_text(heading.text_content())
            if text and not _is_logo(heading) and text.casefold() not in names:
                return text
    if extracted and extracted.casefold() not in names:
        return extracted
    return None


def _site_name(tree: lxml_html.HtmlElement | None) -> str | None:
    """The site's name, as its og:site_name or the last part of its <title> ('… - The White House')."""
    if tree is None:
        return None
    for meta in tree.iter("meta"):
        if meta.get("property") == "og:site_name" and meta.get("content"):
            return clean_text(meta.get("content") or "")
    title = _page_title(tree) or ""
    parts = re.split(r"\s+[|–—-]\s+", title)
    return parts[-1] if len(parts) > 1 else None


def _page_title(tree: lxml_html.HtmlElement | None) -> str | None:
    """The page's <title>."""
    title = tree.find(".//title") if tree is not None else None
    return clean_text(title.text_content()) or None if title is not None else None


def _without_navigation(page: str) -> str | etree._Element:
    """The page without its menus, asides, footers and forms: what recall may not pick up."""
    tree = _parse_page(page)
    if tree is None:
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


def _without_marks(page: str) -> str | etree._Element:
    """The page without the marks wikis and news sites set in the text: edit links beside headings,
    citation markers, 'citation needed' tags, jump links and contents boxes."""
    tree = _parse_page(page)
    if tree is None:
        return page
    for element in list(tree.iter()):
        if not isinstance(element.tag, str):
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
        if any(mark in _MARK_CLASSES for mark in marks):
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)  # drops the element's tail text too, so keep it
                _keep_tail(parent, element)
    return tree


def _keep_tail(parent: lxml_html.HtmlElement, removed: lxml_html.HtmlElement) -> None:
    """Put back the text that followed a removed element (lxml removes it with the element)."""
    if removed.tail:
        previous = removed.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + removed.tail
        else:
            parent.text = (parent.text or "") + removed.tail


def parse_html(page: str) -> Article:
    """The article of a saved web page: its blocks and the page's facts (headline, site, date, author)."""
    cleaned = _without_marks(page)
    extracted = _extract(cleaned, favor_recall=False)
    if extracted is None or len(extracted) < SHORT_EXTRACT_CHARS:
        extracted = _extract(_without_navigation(page), favor_recall=True) or extracted  # a short page
    if not extracted:
        return Article([])
    document = etree.fromstring(extracted.encode("utf-8"), _SAFE_XML)
    main = document.find("main")
    tree = _parse_page(page)
    blocks = _quote_speakers(tree, _blocks(main)) if main is not None else []
    publisher = clean_text(document.get("sitename") or "") or None
    headline = _headline(tree, clean_text(document.get("title") or "") or None, publisher)
    same = (headline or "").casefold()
    site_names = {name.casefold() for name in (publisher, _site_name(tree)) if name}
    blocks = [
        block
        for block in blocks
        if not (isinstance(block, Heading) and block.text.casefold() == same)
        and not (isinstance(block, Paragraph) and block.text.casefold() in site_names)
    ]
    page_title = _page_title(tree)
    return Article(
        _label_runs_to_chrome(blocks),
        headline=headline,
        url=document.get("url") or None,
        publisher=publisher if publisher and same not in publisher.casefold() else None,
        date=document.get("date") or None,
        author=clean_text(document.get("author") or "") or None,
        extra_title=page_title if page_title and page_title != headline else None,
        marks=page_marks(cleaned if isinstance(cleaned, etree._Element) else None, document.get("url")),
    )
