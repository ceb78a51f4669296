"""A 10,000-word article imports in well under a few seconds, every word kept, every slide readable."""

from __future__ import annotations

import random
import re

from outline_checks import OutlineChecks, bullet_texts, words_of

from deckbuilder.outline.model import BulletPoint, BulletsSlide, TimelineSlide
from deckbuilder.pipeline import import_text

SUBJECTS = [
    "The ministry",
    "Regional officials",
    "A coalition of farmers",
    "The central bank",
    "Local researchers",
    "The city council",
    "Several analysts",
    "The new government",
]
VERBS = ["announced", "questioned", "defended", "reviewed", "postponed", "expanded", "criticised", "approved"]
OBJECTS = [
    "a plan to modernise the railway network",
    "the budget for coastal defences",
    "new rules on water use",
    "a programme of school repairs",
    "the tax on imported fuel",
    "an agreement with neighbouring states",
    "the schedule for the elections",
    "a fund for small businesses",
]
TAILS = [
    "",
    ", which surprised many observers",
    " after months of debate",
    "; critics called the move premature",
    " — a decision that may take years to bear fruit",
    ", while opposition leaders demanded a public inquiry about the costs, the delays and the contracts",
    ", citing rising costs and delays",
]


def long_article(words: int = 10_000, seed: int = 7) -> str:
    """A plain-text article of varied sentences, headings every few paragraphs, some of them dated."""
    rng = random.Random(seed)
    lines = [
        "A Long Report on Public Works: What Changed This Year",
        "This report gathers a year of decisions, debates and delays in one place.",
    ]
    count = 0
    section = 0
    while count < words:
        if section == 0 or rng.random() < 0.12:
            section += 1
            lines.append(f"Part {section} of the Record")
        sentences = []
        for _ in range(rng.randint(1, 7)):
            sentence = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
            if rng.random() < 0.15:
                sentence = f"In {rng.randint(1990, 2024)}, {sentence[0].lower()}{sentence[1:]}"
            sentences.append(sentence)
        paragraph = " ".join(sentences)
        lines.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(lines) + "\n"


def test_a_ten_thousand_word_article_imports_and_keeps_every_word(checks: OutlineChecks) -> None:
    text = long_article()  # its import time is measured in bench/import_quality.py, not here
    assert len(text.split()) >= 10_000
    checks.all(import_text(text), text)


def test_a_long_article_spreads_its_points_over_many_short_slides() -> None:
    deck = import_text(long_article())
    bullets = [
        slide for section in deck.sections for slide in section.slides if isinstance(slide, BulletsSlide)
    ]
    assert len(bullets) > 100
    for slide in bullets:
        assert 1 <= len(slide.points) <= 5
        assert len(slide.points) + sum(len(p.points) for p in slide.points if isinstance(p, BulletPoint)) <= 8
        assert re.fullmatch(r"(?:Overview|Part \d+ of the Record)(?: \(\d+/\d+\))?", slide.title), slide.title
    known = words_of(long_article())
    for text in bullet_texts(deck):
        assert text[0].isupper(), text
        assert words_of(text) <= known


def test_sections_with_three_dated_sentences_get_a_timeline() -> None:
    deck = import_text(long_article())
    timelines = [
        slide for section in deck.sections for slide in section.slides if isinstance(slide, TimelineSlide)
    ]
    assert timelines
    for timeline in timelines:
        years = [int(event.date) for event in timeline.events]
        assert len(years) >= 3 and years == sorted(years)
