"""Importing the flagship article: its sections, takeaways and paragraphs, as a deck that reads well."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from outline_checks import SEED, OutlineChecks, bullet_texts, words_of
from pptx import Presentation

import deckbuilder
from deckbuilder.outline.model import (
    BulletPoint,
    BulletsSlide,
    Deck,
    QuoteSlide,
    SourcesSlide,
    StatSlide,
    TakeawaysSlide,
    TitleSlide,
)
from deckbuilder.pipeline import import_article

HEADLINE = (
    "France-US Conundrum: Why Paris now sees Washington as a risk to European sovereignty in NATO | Explained"
)
SECTIONS = [
    "Key Takeaways",
    "The Roots of Distrust: Strategic Autonomy",
    "Niger: A Case Study in Divergence",
    "The NATO Implications",
    "The Global Pivot and European Fears",
    "The Sovereignty Conundrum",
]
TAKEAWAYS = [
    "France’s perception of the US has shifted from protector to potential risk within NATO.",
    "The 2023 Niger coup exposed a stark divergence in Franco-US strategic interests.",
    "Paris argues European strategic autonomy is now a necessity, not just an ideal.",
]


@pytest.fixture(scope="module")
def deck() -> Deck:
    return import_article(SEED)


@pytest.fixture(scope="module")
def article_lines() -> list[str]:
    return [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_six_sections_come_in_the_articles_order(deck: Deck) -> None:
    assert [section.title for section in deck.sections] == SECTIONS


def test_the_takeaways_open_the_deck_verbatim_after_the_title_slide(deck: Deck) -> None:
    opening = deck.sections[0]
    assert opening.divider is False
    assert isinstance(opening.slides[0], TitleSlide)
    takeaways = opening.slides[1]
    assert isinstance(takeaways, TakeawaysSlide)
    assert takeaways.points == TAKEAWAYS


def test_headline_and_standfirst_make_the_title_slide(deck: Deck, article_lines: list[str]) -> None:
    assert deck.title == "France-US Conundrum"
    assert deck.subtitle == "Why Paris now sees Washington as a risk to European sovereignty in NATO"
    assert deck.sources[0].title == HEADLINE
    title_slide = deck.sections[0].slides[0]
    assert title_slide.notes == article_lines[1]  # the standfirst, in full


def test_every_paragraph_is_verbatim_in_the_notes_of_its_section(
    deck: Deck, article_lines: list[str]
) -> None:
    sections = {section.title: section for section in deck.sections}
    current = None
    for line in article_lines[2:]:
        if line in sections:
            current = sections[line]
            continue
        assert current is not None
        notes = "\n".join(slide.notes or "" for slide in current.slides)
        assert line.removeprefix("- ") in notes, line[:50]


def test_each_section_opens_with_bullets_titled_by_its_heading(deck: Deck) -> None:
    for section in deck.sections[1:]:
        first = section.slides[0]
        assert isinstance(first, BulletsSlide)
        assert re.fullmatch(re.escape(section.title) + r"(?: \(1/\d\))?", first.title), first.title


def test_points_are_whole_sentences_in_the_articles_words(deck: Deck) -> None:
    article = SEED.read_text(encoding="utf-8")
    known = words_of(article)
    for text in bullet_texts(deck):
        assert words_of(text) <= known, text
        assert not text.endswith("."), text
        assert text[0].isupper(), text
        assert f"{text}." in article or f"{text}”" in article or f"{text}:" in article, text


def test_no_slide_holds_more_than_five_points(deck: Deck) -> None:
    for section in deck.sections:
        for slide in section.slides:
            if isinstance(slide, BulletsSlide):
                assert len(slide.points) <= 5
                assert (
                    len(slide.points) + sum(len(p.points) for p in slide.points if isinstance(p, BulletPoint))
                    <= 8
                )


def test_long_sentences_stay_whole(deck: Deck) -> None:
    roots = deck.sections[1].slides[0]
    assert isinstance(roots, BulletsSlide)
    assert roots.points == [
        "Under President Emmanuel Macron, France has championed “strategic autonomy”—the idea that Europe "
        "must build independent defence capabilities",
        "This push accelerated after the chaotic 2021 US withdrawal from Afghanistan and the AUKUS pact, "
        "which cost France a major submarine contract",
    ]


def test_troops_and_personnel_make_a_stat_slide_with_values_as_written(deck: Deck) -> None:
    stats = [slide for section in deck.sections for slide in section.slides if isinstance(slide, StatSlide)]
    assert len(stats) == 1
    assert [(s.value, s.label) for s in stats[0].stats] == [
        ("1,500", "France: troops in the Sahel"),
        ("1,000", "The US: personnel for drone operations"),
    ]


def test_a_two_word_phrase_without_a_speaker_makes_no_quote_slide(deck: Deck) -> None:
    quotes = [slide for section in deck.sections for slide in section.slides if isinstance(slide, QuoteSlide)]
    assert quotes == []


def test_terms_the_headings_name_are_not_taken_for_quotations(deck: Deck) -> None:
    texts = [
        slide.text for section in deck.sections for slide in section.slides if isinstance(slide, QuoteSlide)
    ]
    assert "strategic autonomy" not in texts and "pivot to Asia" not in texts


def test_content_slides_cite_the_article_in_short(deck: Deck) -> None:
    for section in deck.sections:
        for slide in section.slides:
            if not isinstance(slide, TitleSlide | SourcesSlide):
                assert slide.source == "France-US Conundrum | Explained"


def test_the_deck_ends_with_a_sources_slide(deck: Deck) -> None:
    assert isinstance(deck.sections[-1].slides[-1], SourcesSlide)


def test_the_seed_import_validates_exports_fits_and_keeps_every_word(
    deck: Deck, checks: OutlineChecks
) -> None:
    checks.all(deck, SEED.read_text(encoding="utf-8"))


def test_the_exported_deck_carries_every_paragraph_in_its_speaker_notes(
    deck: Deck, article_lines: list[str], tmp_path: Path
) -> None:
    target = deckbuilder.export(deck, tmp_path / "seed.pptx")
    presentation = Presentation(str(target))
    notes = "\n".join(
        slide.notes_slide.notes_text_frame.text for slide in presentation.slides if slide.has_notes_slide
    )
    for line in article_lines[1:]:
        if line not in SECTIONS:
            assert line.removeprefix("- ") in notes, line[:50]
