"""Spans read beside an article's text land on the right words of its clean text; links only where allowed."""

from __future__ import annotations

from deckbuilder.importer.blocks import Span
from deckbuilder.importer.spans import SpanText, link_target


def test_links_resolve_against_the_page_or_are_dropped() -> None:
    assert link_target("/a/b.pdf", "https://example.org/x/y.html") == "https://example.org/a/b.pdf"
    assert link_target("b.pdf", "https://example.org/x/y.html") == "https://example.org/x/b.pdf"
    assert link_target("/a/b.pdf", None) is None  # no address to resolve it against
    assert link_target("javascript:alert(1)", "https://example.org/") is None
    assert link_target("file:///etc/passwd", None) is None
    assert link_target("#section", "https://example.org/") is None
    assert link_target("mailto:desk@example.org", None) == "mailto:desk@example.org"
    assert (
        link_target("https://en.wikipedia.org/wiki/A_(b) c", None)
        == "https://en.wikipedia.org/wiki/A_%28b%29%20c"
    )
    assert link_target("http://[broken", None) is None


def test_spans_follow_the_text_when_its_white_space_is_collapsed() -> None:
    text = SpanText()
    text.add("  The\n grid ")
    text.open("bold")
    text.add("  held   up ")
    text.close()
    text.add("\tall winter. ")
    marks: dict[str, tuple[Span, ...]] = {}
    plain = text.finish(marks)
    assert plain == "The grid held up all winter."
    (span,) = marks[plain]
    assert plain[span.start : span.end].strip() == "held up"


def test_markup_that_marks_nothing_still_closes_and_plain_text_keeps_no_marks() -> None:
    text = SpanText()
    text.open(None)  # a link to nowhere a slide may go
    text.add("words")
    text.open("italic")
    text.add(" more")
    text.close()
    text.close()
    marks: dict[str, tuple[Span, ...]] = {}
    assert text.finish(marks) == "words more"
    assert marks == {"words more": (Span(5, 10, "italic"),)}
    assert SpanText().finish(marks) == "" and "" not in marks
