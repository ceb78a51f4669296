"""The rules that cut prose: sentences, clauses, titles, figures, dates and quotations."""

from __future__ import annotations

import pytest

from deckbuilder.importer import import_text
from deckbuilder.importer.figures import comparable_figures, find_quote, timeline_events
from deckbuilder.importer.points import prose_points
from deckbuilder.importer.sentences import short_title, split_sentences
from deckbuilder.outline.model import BulletPoint, BulletsSlide


def test_sentences_split_at_full_stops_but_not_after_abbreviations_or_initials() -> None:
    text = "Dr. Smith met J. R. Jones in the U.S. capital. They spoke for 2.5 hours! Was it enough? No."
    assert split_sentences(text) == [
        "Dr. Smith met J. R. Jones in the U.S. capital.",
        "They spoke for 2.5 hours!",
        "Was it enough?",
        "No.",
    ]


def test_sentences_keep_closing_quotes_and_split_cjk_at_the_ideographic_stop() -> None:
    assert split_sentences("He said “enough.” Then he left.") == ["He said “enough.”", "Then he left."]
    assert split_sentences("雨が降った。風も強い。") == ["雨が降った。", "風も強い。"]


def test_a_short_sentence_is_one_point_without_its_full_stop() -> None:
    assert prose_points("The vote passed. Turnout was low.") == ["The vote passed", "Turnout was low"]


def test_a_long_sentence_splits_at_a_semicolon_into_two_points() -> None:
    points = prose_points(
        "The council approved the new budget for coastal defences after a long debate; "
        "critics called the decision rushed and badly costed."
    )
    assert points == [
        "The council approved the new budget for coastal defences after a long debate",
        "Critics called the decision rushed and badly costed",
    ]


def test_a_dashed_aside_becomes_a_nested_point_and_the_sentence_closes_up() -> None:
    points = prose_points(
        "European theatres—from the Sahel to Eastern Europe—risk becoming secondary concerns."
    )
    assert points == [
        BulletPoint(
            text="European theatres risk becoming secondary concerns",
            points=["from the Sahel to Eastern Europe"],
        )
    ]


def test_leading_filler_is_trimmed_but_no_word_is_added() -> None:
    assert prose_points("However, the plan failed. In fact, nobody came.") == [
        "The plan failed",
        "Nobody came",
    ]


def test_points_stay_short_even_from_a_very_long_sentence() -> None:
    sentence = (
        "The committee, which met on Tuesday in the old town hall, reviewed the proposals for the harbour, "
        "the railway station and the new bridge, while residents, who had waited for hours outside, "
        "demanded answers about the noise, the traffic and the cost of the works."
    )
    for point in prose_points(sentence):
        for text in [point.text, *point.points] if isinstance(point, BulletPoint) else [point]:
            assert len(text.split()) <= 20, text


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("From Paris, this was a betrayal.", "From Paris, this was a betrayal"),
        ("Yet the business remains fragile.", "The business remains fragile"),
        (
            "Under President Emmanuel Macron, France has championed “strategic autonomy” for Europe.",
            "France has championed “strategic autonomy” for Europe",
        ),
        ("Operators agree on the diagnosis but not on the cure.", "Operators agree on the diagnosis"),
    ],
)
def test_titles_are_cut_from_the_sentence_at_most_eight_words(sentence: str, title: str) -> None:
    assert short_title(sentence) == title
    assert len(title.split()) <= 8


def test_figures_of_different_kinds_make_no_stat() -> None:
    assert comparable_figures("The army sent 1,500 troops for 3 years, and spending rose 4%.") == []
    assert comparable_figures("The 2023 coup followed the 2021 withdrawal.") == []
    assert comparable_figures("L’âge légal passe de 62 à 64 ans.") == []


def test_percentages_compare_with_the_clause_that_says_what_they_measure() -> None:
    figures = comparable_figures("Inflation rose to 4.5% in March, up from 3.2% a year earlier.")
    assert [(f.value, f.label) for f in figures] == [
        ("4.5%", "Inflation rose to 4.5% in March"),
        ("3.2%", "Up from 3.2% a year earlier"),
    ]


def test_two_dated_events_are_not_a_timeline_but_three_are() -> None:
    two = ["In 2019, the plan was drafted. In 2021, it was approved."]
    assert timeline_events(two) == []
    three = [*two, "Construction began in 2023 after a long delay."]
    assert [event.date for event in timeline_events(three)] == ["2019", "2021", "2023"]


def test_a_quotation_is_attributed_only_when_the_article_names_the_speaker() -> None:
    said = find_quote("“We will not back down,” said President Macron on Tuesday.", "")
    assert said is not None and (said.text, said.attribution) == ("We will not back down", "President Macron")
    phrase = find_quote("Critics see America as an “unreliable ally” in the region.", "")
    assert phrase is not None and (phrase.text, phrase.attribution) == ("unreliable ally", None)
    assert find_quote("The so-called “coup” was quick.", "") is None  # one word: a scare quote


def test_a_slide_titled_by_its_first_sentence_does_not_repeat_it_as_a_point() -> None:
    deck = import_text(
        "Harbour News\nThe quay opens on Monday.\nCosts\nThe port took a loan. It borrowed from two banks. "
        "Repayments start in May.\n\nThe result is debt. Interest rates have risen since then, and the "
        "authority now pays more than planned. Its budget is tight.\n"
    )
    slides = deck.sections[1].slides[:-1]  # the sources slide ends the last section
    assert [slide.title for slide in slides] == ["Costs", "The result is debt"]
    assert isinstance(slides[1], BulletsSlide)
    assert slides[1].points[0] != "The result is debt"
    assert slides[1].notes is not None and slides[1].notes.startswith("The result is debt.")


def test_a_run_on_sentence_spreads_over_slides_with_few_nested_points() -> None:
    text = "Lists\nA standfirst.\n" + ", ".join(["the harbour, the station and the bridge"] * 120) + ".\n"
    deck = import_text(text)
    bullets = [s for section in deck.sections for s in section.slides if isinstance(s, BulletsSlide)]
    assert len(bullets) > 5
    for slide in bullets:
        assert len(slide.points) <= 5
        assert all(len(p.points) <= 3 for p in slide.points if isinstance(p, BulletPoint))


def test_a_long_first_paragraph_is_prose_not_a_standfirst() -> None:
    opening = " ".join(["The council met again to discuss the harbour plan in detail."] * 10)
    deck = import_text(f"Harbour News\n{opening}\nCosts\nThe port took a loan.\n")
    assert deck.subtitle is None
    assert any(isinstance(slide, BulletsSlide) for slide in deck.sections[0].slides)
