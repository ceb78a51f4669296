"""layout/slides/quote.py: a quotation set large beside an accent mark, with who said it."""

from __future__ import annotations

import pytest
from slide_checks import THEMES, assert_at_least, assert_on_the_slide, laid_out, refusal, text_of, with_role

from deckbuilder.themes.registry import load_theme

QUOTE = "Europe must learn to think of itself as a power, not only as a market"


@pytest.mark.parametrize("theme", THEMES)
def test_a_short_quote_is_set_large_after_the_mark_with_its_attribution(theme: str) -> None:
    laid = laid_out({"kind": "quote", "text": QUOTE, "attribution": "Emmanuel Macron"}, theme=theme)
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    assert slide.title == "" and text_of(with_role(slide, "title")) == ""  # no title given: none shown
    (mark,) = with_role(slide, "quote-mark")
    (quote,) = with_role(slide, "quote")
    assert text_of([mark]) == "“" and mark.x + mark.w <= quote.x
    paragraphs = quote.paragraphs  # type: ignore[union-attr]
    assert [p.text for p in paragraphs] == [QUOTE, "— Emmanuel Macron"]
    sizes = load_theme(theme).sizes
    assert paragraphs[0].italic and paragraphs[0].size_pt == sizes.quote.max
    assert paragraphs[1].size_pt < paragraphs[0].size_pt


def test_a_titled_quote_keeps_its_title() -> None:
    (slide,) = laid_out({"kind": "quote", "title": "In his words", "text": QUOTE}).slides
    assert slide.title == "In his words" and text_of(with_role(slide, "title")) == "In his words"


@pytest.mark.parametrize("theme", THEMES)
def test_a_long_quote_shrinks_then_continues(theme: str) -> None:
    sizes = load_theme(theme).sizes
    longer = laid_out({"kind": "quote", "text": " ".join([QUOTE] * 9)}, theme=theme)
    assert len(longer.slides) == 1
    assert max(assert_at_least(longer, "quote", sizes.quote)) < sizes.quote.max
    longest = laid_out({"kind": "quote", "title": "Speech", "text": " ".join([QUOTE] * 40)}, theme=theme)
    assert_on_the_slide(longest)
    assert [s.title for s in longest.slides][:2] == ["Speech", "Speech (cont.)"]
    assert_at_least(longest, "quote", sizes.quote)


def test_a_title_too_long_is_refused_at_the_title() -> None:
    problem, line = refusal({"kind": "quote", "title": " ".join(["Speech"] * 80), "text": QUOTE})
    assert "too long to fit on a slide" in problem.message
    assert line.strip().startswith("title: Speech Speech")
