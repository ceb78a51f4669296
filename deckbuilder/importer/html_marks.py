"""The bold, italic, code and links of a web page's text blocks, read from the page itself.

trafilatura finds the article's text; asked to keep formatting and links as well, it glues words to links
('November1956') and picks other headings, and a second extraction would double the time of a large page.
So the spans are read here, from the page's own paragraphs, list items, headings and cells, and the
importer carries them onto the extracted text by matching words."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from deckbuilder.importer.blocks import Span, SpanKind
from deckbuilder.importer.sentences import word_set
from deckbuilder.importer.spans import SpanText, link_target

_KINDS: dict[str, SpanKind] = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "code": "code",
    "kbd": "code",
    "tt": "code",
    "samp": "code",
}
_BLOCKS = word_set("p li h1 h2 h3 h4 h5 h6 td th dd dt blockquote figcaption caption summary")
_SKIPPED = frozenset(("script", "style", "noscript", "template"))
MAX_BLOCK_CHARS = 20_000
"""A block longer than this (a page without paragraphs, all in one <div>) is not read for spans."""


def _block_of(element: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The paragraph, item, heading or cell an inline element stands in, if any."""
    for ancestor in element.iterancestors():
        if ancestor.tag in _BLOCKS:
            return ancestor
    return None


def _read(block: lxml_html.HtmlElement, base: str | None, marks: dict[str, tuple[Span, ...]]) -> None:
    """A block's plain text and spans, kept in marks."""
    text = SpanText()
    skipping = 0
    for event, node in etree.iterwalk(block, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        if event == "start":
            skipping += node.tag in _SKIPPED
            if node.tag in _KINDS:
                text.open(_KINDS[node.tag])
            elif node.tag == "a":
                url = link_target(node.get("href"), base)
                text.open("link" if url else None, url)
            if node.tag == "br":
                text.add(" ")
            if not skipping:
                text.add(node.text or "")
        else:
            if node.tag in _KINDS or node.tag == "a":
                text.close()
            skipping -= node.tag in _SKIPPED
            if node is not block and not skipping:
                text.add(node.tail or "")
    text.finish(marks)


def page_marks(tree: etree._Element | None, base: str | None) -> dict[str, tuple[Span, ...]]:
    """The spans of every text block of a page that holds bold, italic, code or a link, by its plain text;
    relative links are resolved against the page's address `base` when it is known."""
    marks: dict[str, tuple[Span, ...]] = {}
    if tree is None:
        return marks
    seen: set[lxml_html.HtmlElement] = set()  # the elements themselves: lxml reuses a dropped proxy's id
    for element in tree.iter("a", *_KINDS):
        block = _block_of(element)
        if block is None or block in seen:
            continue
        seen.add(block)
        if len(block.text_content()) <= MAX_BLOCK_CHARS:
            _read(block, base, marks)
    return marks
