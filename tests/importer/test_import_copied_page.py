"""A news page copied from a browser, menus, share buttons and captions included: the story survives, the
page does not. The page (tests/data/articles/copied-news-page.txt) was written for this test, after the
copied pages that made the importer's bad decks: every failure they showed, in one page."""

from __future__ import annotations

import pytest
from outline_checks import ARTICLES, OutlineChecks, bullet_texts

from deckbuilder.outline.model import BulletsSlide, Deck, QuoteSlide
from deckbuilder.pipeline import import_article

PAGE = ARTICLES / "copied-news-page.txt"
CHROME = [
    "Skip to content",
    "Home",
    "Weather",
    "Share this with",
    "Facebook",
    "Messenger",
    "Image source",
    "Getty Images",
    "Image caption",
    "Media playback",
    "Media caption",
    "Related Topics",
    "Top Stories",
    "Live: results",
    "Published",
    "Business reporters",
]


@pytest.fixture(scope="module")
def deck() -> Deck:
    return import_article(PAGE)


def test_the_headline_and_byline_make_the_title_slide_not_the_menu(deck: Deck) -> None:
    assert deck.title == "Tariffs: Who really pays when import taxes go up?"
    assert deck.author == "Jane Doe and John Roe"


def test_question_and_capital_headings_are_the_sections_and_nothing_else_is(deck: Deck) -> None:
    assert [section.title for section in deck.sections] == [
        "Overview",
        "Who pays the cost of a tariff?",
        "WHO IS THE FRONT-RUNNER?",
    ]


def test_no_menu_share_caption_or_related_line_is_a_bullet_or_title(deck: Deck) -> None:
    shown = [
        *bullet_texts(deck),
        *(getattr(s, "title", "") or "" for sec in deck.sections for s in sec.slides),
    ]
    for chrome in CHROME:
        assert not [text for text in shown if chrome in text], chrome
    assert all(
        slide.points for sec in deck.sections for slide in sec.slides if isinstance(slide, BulletsSlide)
    )


def test_numbers_and_abbreviations_stay_inside_their_sentences(deck: Deck) -> None:
    bullets = bullet_texts(deck)
    assert "Residents of Monroe, La., on Nov. 6 said they had already seen prices rise" in bullets
    assert any("the $1,000 a fortnight" in text for text in bullets)
    assert any(text.startswith("Most mainstream economists, however, say") for text in bullets)


def test_the_quotation_is_set_large_with_its_speaker(deck: Deck) -> None:
    quotes = [slide for sec in deck.sections for slide in sec.slides if isinstance(slide, QuoteSlide)]
    assert [(quote.attribution, quote.text.split()[:3]) for quote in quotes] == [
        ("Mary Smith", ["We", "used", "to"])
    ]


def test_the_page_validates_exports_fits_and_keeps_every_word(deck: Deck, checks: OutlineChecks) -> None:
    checks.all(deck, PAGE.read_text(encoding="utf-8"))
