"""Imports keep the article's bold, italic, code and links, balanced, and show literal markers as typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from outline_checks import ARTICLES, OutlineChecks, html_article_words, markdown_words, strings_in
from pptx import Presentation

import deckbuilder
from deckbuilder.outline.inline import bad_links, plain_text, runs
from deckbuilder.outline.model import BulletsSlide, Deck, QuoteSlide, StatSlide
from deckbuilder.pipeline import import_article, import_text
from deckbuilder.records import as_data

MARKDOWN = ARTICLES / "marked-up.md"
HTML = ARTICLES / "marked-up.html"
LITERAL = ARTICLES / "literal-markers.txt"


def _points(deck: Deck) -> list[str]:
    """Every bullet as written in the outline (markers and all)."""
    points: list[str] = []
    for section in deck.sections:
        for slide in section.slides:
            if isinstance(slide, BulletsSlide):
                points.extend(p if isinstance(p, str) else p.text for p in slide.points)
    return points


def _notes(deck: Deck) -> str:
    """Every slide's notes, as written in the outline."""
    return "\n".join(slide.notes or "" for section in deck.sections for slide in section.slides)


def _shown_values(deck: Deck) -> list[str]:
    """Every text value a slide shows (not addresses, themes or dates)."""
    data = as_data(deck)
    for source in data.get("sources", []):
        source.pop("url", None)
    data.pop("theme", None)
    return list(strings_in(data))


def _assert_balanced(deck: Deck) -> None:
    """Every value reads back with no marker left over outside code, and links only to allowed places."""
    for value in _shown_values(deck):
        for run in runs(value):
            if not run.code:
                assert not set(run.text) & set("*_`["), (value, run)
            assert run.link is None or run.link.startswith(("https://", "http://", "mailto:")), value
        assert bad_links(value) == [], value


@pytest.fixture(scope="module")
def markdown_deck() -> Deck:
    return import_article(MARKDOWN)


@pytest.fixture(scope="module")
def html_deck() -> Deck:
    return import_article(HTML)


def test_markdown_emphasis_code_and_links_reach_the_bullets_of_their_paragraph(markdown_deck: Deck) -> None:
    points = _points(markdown_deck)
    assert "**The grid held through** the January storm" in points  # connective, aside and speaker cut
    assert "Reserve margins stayed above the `N-1` limit on all but two days" in points
    assert "Operators call this the ***double** margin* that every planner wants" in points
    corridor = "New lines in the *northern* corridor, see the [map](https://example.org/maps/north_corridor)"
    assert corridor in points
    assert "The `grid_status` feed, now public" in points
    assert markdown_deck.subtitle is not None and "**demand at a record high**" in markdown_deck.subtitle


def test_markdown_links_resolve_against_the_articles_address_and_bad_ones_keep_only_their_text(
    markdown_deck: Deck,
) -> None:
    notes = _notes(markdown_deck)
    assert "[winter report](https://example.org/reports/winter.pdf)" in notes
    assert "A phishing link in one bulletin was removed from the record" in _points(markdown_deck)
    assert "javascript" not in "\n".join(strings_in(as_data(markdown_deck)))
    assert markdown_deck.sources[0].url == "https://example.org/briefs/lights"


def test_a_heading_is_not_marked_like_the_paragraph_it_echoes(markdown_deck: Deck) -> None:
    assert [section.title for section in markdown_deck.sections][1:] == ["How the grid held", "What it costs"]


def test_quotes_and_figures_are_found_through_the_emphasis(markdown_deck: Deck) -> None:
    slides = [slide for section in markdown_deck.sections for slide in section.slides]
    quote = next(slide for slide in slides if isinstance(slide, QuoteSlide))
    assert plain_text(quote.text) == "We will not let the lights go out this winter, whatever it costs us"
    assert quote.attribution is not None and plain_text(quote.attribution) == "Jane Doe"
    stat = next(slide for slide in slides if isinstance(slide, StatSlide))
    assert [plain_text(s.value) for s in stat.stats] == ["1,500", "1,000"]


def test_html_bold_italic_code_and_links_reach_the_bullets(html_deck: Deck) -> None:
    points = _points(html_deck)
    margin = "The operators said the *reserve margin* stayed above the `N-1` threshold for the whole month"
    assert margin in points
    assert any(
        "[summer report](https://news.example.org/reports/summer-2026.pdf)" in point for point in points
    )  # a relative link, resolved against the page's canonical address
    engineers = next(point for point in points if point.startswith("Engineers compared"))
    assert "[base load](https://en.wikipedia.org/wiki/Base_load)" in engineers
    assert "**full output**" in engineers and "*weeks at a time*" in engineers
    assert "a pop-up link showed" in engineers  # a javascript: link keeps its words, not its address
    assert "Storage: **4 GW** by 2028 in the plan" in points
    assert html_deck.sources[0].url == "https://news.example.org/2026/grid-heat.html"


def test_a_relative_link_on_a_page_without_an_address_keeps_only_its_text() -> None:
    body = (
        "<p>The regional operator published its <a href='/reports/x.pdf'>winter report</a> on Monday, and "
        "the <b>numbers</b> in it surprised many of the engineers who had worked through the storm.</p>"
    )
    page = f"<html><body><article><h1>Report</h1>{body * 3}</article></body></html>"
    deck = import_text(page, format="html")
    values = "\n".join(_shown_values(deck))
    assert "winter report" in values and "](" not in values and "**numbers**" in values


@pytest.mark.parametrize("path", [MARKDOWN, HTML], ids=["markdown", "html"])
def test_every_value_reads_back_with_balanced_markers_and_allowed_links(path: Path) -> None:
    _assert_balanced(import_article(path))


def _read_words(path: Path) -> str:
    """The words a reader of the article sees (markup, link targets and front matter left out)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_article_words(text)
    if path.suffix == ".md":
        return re.sub(r"(?<!\w)_+|_+(?!\w)", " ", markdown_words(text.split("---", 2)[2]))  # _x_, __x__
    return text


@pytest.mark.parametrize("path", [MARKDOWN, HTML, LITERAL], ids=["markdown", "html", "plain"])
def test_marked_imports_keep_every_word_fit_and_export(path: Path, tmp_path: Path) -> None:
    OutlineChecks(tmp_path).all(import_article(path), _read_words(path))


def test_literal_marker_characters_of_a_plain_text_article_show_as_typed(tmp_path: Path) -> None:
    deck = import_article(LITERAL)
    assert deck.subtitle is not None and "5 \\* 3" in deck.subtitle and "\\[1]" in deck.subtitle
    assert any("snake\\_case" in point for point in _points(deck))
    shown = "\n".join(plain_text(value) for value in [*_points(deck), deck.subtitle])
    literals = ("5 * 3", "[1]", "snake_case", "grid_status", "`backticks`", "C:\\grid\\feeds", "*starred*")
    for literal in literals:
        assert literal in shown, literal
    target = deckbuilder.export(deck, tmp_path / "literal.pptx")
    texts = "\n".join(
        shape.text_frame.text
        for slide in Presentation(str(target)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    for literal in (*literals, "[2]"):
        assert literal in texts, literal
    assert "\\*" not in texts and "\\_" not in texts


GRID_NOTES = """# Grid notes

## Winter

The operators kept **every plant online through the storm. Reserve margins never** fell below the limit \
that regulators set for the winter season. Engineers said the *new storage helped more than expected*.

| Plant | Output |
| --- | --- |
| **North** | *900 MW* |
| South | 700 MW |
"""


def test_bold_across_a_sentence_end_closes_in_each_bullet_and_splits_nothing() -> None:
    deck = import_text(GRID_NOTES, format="markdown")
    assert _points(deck) == [
        "The operators kept **every plant online through the storm**",
        "**Reserve margins never** fell below the limit that regulators set for the winter season",
        "Engineers said the *new storage helped more than expected*",
    ]


def test_table_cells_and_the_rows_in_the_notes_keep_their_marks() -> None:
    deck = import_text(GRID_NOTES, format="markdown")
    table = next(slide for section in deck.sections for slide in section.slides if slide.kind == "table")
    assert table.rows == [["**North**", "*900 MW*"], ["South", "700 MW"]]
    assert table.notes == "Plant | Output\n**North** | *900 MW*\nSouth | 700 MW"
