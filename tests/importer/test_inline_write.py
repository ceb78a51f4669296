"""Plain text and spans written in the outline's syntax read back as the same text, with the same marks."""

from __future__ import annotations

import random

from deckbuilder.importer.blocks import Span, SpanKind
from deckbuilder.importer.inline_write import write
from deckbuilder.outline.inline import plain_text, runs

KINDS: tuple[SpanKind, ...] = ("bold", "italic", "code", "link")


def _marked(value: str, attribute: str) -> str:
    """The text of the runs of a value that carry a mark (bold, italic, code, link)."""
    return "".join(run.text for run in runs(value) if getattr(run, attribute))


def test_plain_text_is_escaped_to_read_back_as_typed() -> None:
    text = r"5 * 3 is not 5*3, snake_case [1] `tick` back\slash https://example.org/a_b"
    assert plain_text(write(text)) == text
    assert len(runs(write(text))) == 1


def test_a_span_cut_by_the_end_of_its_text_still_closes() -> None:
    assert write("half of the sentence", [Span(0, 60, "bold")]) == "**half of the sentence**"
    assert write("the grid held", [Span(4, 40, "italic")]) == "the *grid held*"


def test_markers_sit_against_words_not_spaces() -> None:
    value = write("a bold word here", [Span(1, 12, "bold")])
    assert value == "a **bold word** here"
    assert _marked(value, "bold") == "bold word"


def test_nested_marks_open_outside_in_and_read_back() -> None:
    text = "the double margin matters"
    value = write(text, [Span(4, 17, "italic"), Span(4, 10, "bold")])
    assert value == "the ***double** margin* matters"
    assert _marked(value, "bold") == "double" and _marked(value, "italic") == "double margin"


def test_a_bracket_in_link_text_keeps_the_link_whole() -> None:
    value = write("see [1] and [2]", [Span(0, 15, "link", "https://example.org")])
    assert value == r"[see \[1\] and \[2\]](https://example.org)"
    assert [(run.text, run.link) for run in runs(value)] == [("see [1] and [2]", "https://example.org")]


def test_links_keep_their_address_and_code_its_characters() -> None:
    value = write("see the map of a_b", [Span(8, 11, "link", "https://example.org/m"), Span(15, 18, "code")])
    assert value == "see the [map](https://example.org/m) of `a_b`"
    assert [run.link for run in runs(value) if run.link] == ["https://example.org/m"]


def test_marks_that_cannot_be_written_leave_the_text_as_typed() -> None:
    cases = [
        ("a `tick` in code", [Span(0, 16, "code")]),  # a backtick inside code would end it
        ("only , marks", [Span(5, 6, "bold")]),  # emphasis of nothing but punctuation
    ]
    for text, spans in cases:
        value = write(text, spans)
        assert plain_text(value) == text, value


def test_any_spans_on_any_text_read_back_as_the_same_text() -> None:
    chooser = random.Random(15)
    alphabet = "ab c*_`[]\\(): é"
    for _ in range(400):
        text = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(1, 24)))
        spans = []
        for _ in range(chooser.randint(0, 4)):
            start = chooser.randint(0, len(text))
            kind = chooser.choice(KINDS)
            url = "https://example.org/x" if kind == "link" else None
            spans.append(Span(start, chooser.randint(start, len(text) + 3), kind, url))
        value = write(text, spans)
        assert plain_text(value) == text, (text, spans, value)
