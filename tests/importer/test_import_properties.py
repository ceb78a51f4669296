"""Properties of generated articles: a valid outline or a clear error, and no visible word lost."""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from outline_checks import outline_text, words_of

from deckbuilder.errors import DeckError
from deckbuilder.outline.loader import dumps, loads
from deckbuilder.pipeline import import_text

WORDS_TEXT = (
    "alpha Beta gamma Delta 1,500 troops 2021 “quoted phrase here” said Jane Doe Key Takeaways; which — "
    "while, 4.5% €3 billion Summary é 東京 ملخص **bold** _em_ `code` *star* [linked](http://x.example/a) "
    "(aside) 3. # > | -- ... U.S. Dr. e.g. A&B <tag> x<y"
)
word = st.sampled_from(WORDS_TEXT.split(" "))
sentence = st.lists(word, min_size=1, max_size=25).map(lambda words: " ".join(words) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
heading = st.lists(word, min_size=1, max_size=6).map(" ".join)
items = st.lists(st.lists(word, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=7)
Block = tuple[str, int, "str | list[str]"]
blocks = st.lists(
    st.one_of(
        st.tuples(st.just("heading"), st.integers(1, 3), heading),
        st.tuples(st.just("paragraph"), st.just(0), paragraph),
        st.tuples(st.just("list"), st.just(0), items),
        st.tuples(st.just("quote"), st.just(0), paragraph),
    ),
    min_size=1,
    max_size=15,
)


def as_markdown(article: list[Block]) -> str:
    out: list[str] = []
    for kind, level, text in article:
        if kind == "heading":
            out.append(f"{'#' * level} {text}")
        elif kind == "list":
            out.append("\n".join(f"- {item}" for item in text))
        else:
            out.append(f"> {text}" if kind == "quote" else str(text))
    return "\n\n".join(out) + "\n"


def as_html(article: list[Block]) -> str:
    out: list[str] = []
    for kind, level, text in article:
        if kind == "heading":
            out.append(f"<h{level}>{html.escape(str(text))}</h{level}>")
        elif kind == "list":
            out.append("<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in text) + "</ul>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{html.escape(str(text))}</p></blockquote>")
        else:
            out.append(f"<p>{html.escape(str(text))}</p>")
    return "<html><body><nav>Menu</nav><article>" + "\n".join(out) + "</article></body></html>"


def as_plain_text(article: list[Block]) -> str:
    out: list[str] = []
    for _, _, text in article:
        out.append("\n".join(f"- {item}" for item in text) if isinstance(text, list) else text)
    return "\n".join(out) + "\n"


def visible_words(text: str, fmt: str) -> set[str]:
    """The words a reader of the article sees: markup, link targets and navigation left out."""
    if fmt == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text.replace("<nav>Menu</nav>", "")))
    elif fmt == "markdown":
        text = re.sub(r"(?m)^(\s*[-*+])\s+\d{1,9}[.)](?=\s|$)", r"\1", text)  # a nested list's number
        text = re.sub(r"<[^>]+>", " ", re.sub(r"\]\([^)]*\)", "]", text)).replace("_", " ")
    return words_of(text)


@settings(max_examples=60, deadline=None)
@given(blocks, st.sampled_from(["markdown", "html", "text"]))
@example([("quote", 0, "2021.")], "markdown")  # '> 2021.' is an empty numbered item in a quotation
def test_every_visible_word_of_a_generated_article_is_kept(article: list[Block], fmt: str) -> None:
    text = {"markdown": as_markdown, "html": as_html, "text": as_plain_text}[fmt](article)
    try:
        deck = import_text(text, format=fmt)
    except DeckError:
        assert not visible_words(text, fmt), text
        return
    assert loads(dumps(deck)) == deck
    if fmt == "html":  # headings that head nothing at the page's end are chrome to the extractor
        while article and article[-1][0] == "heading":
            article = article[:-1]
        text = as_html(article)
    assert visible_words(text, fmt) <= words_of(outline_text(deck))
    assert "Menu" not in outline_text(deck)


ANY_TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "N", "P", "Zs", "S"), include_characters="\n\r\t\u2028\x0b"
    ),
    max_size=400,
)


@settings(max_examples=60, deadline=None)
@given(ANY_TEXT)
def test_any_text_imports_into_a_valid_outline_or_a_clear_error(text: str) -> None:
    try:
        deck = import_text(text, format="text")
    except DeckError as error:
        assert str(error).startswith("<article>")
        return
    assert loads(dumps(deck)) == deck
    assert words_of(text) <= words_of(outline_text(deck))
