"""The rules that turn prose into points: whole sentences, concise cuts, figures, dates and quotations."""

from __future__ import annotations

import pytest

from deckbuilder.importer.figures import comparable_figures, find_quote, timeline_events
from deckbuilder.importer.language import guess_language
from deckbuilder.importer.points import concise, prose_points
from deckbuilder.importer.sentences import heading_title, split_sentences
from deckbuilder.outline.model import BulletsSlide
from deckbuilder.pipeline import import_text


def test_sentences_split_at_full_stops_but_not_after_abbreviations_or_initials() -> None:
    text = "Dr. Smith met J. R. Jones in the U.S. capital. They spoke for 2.5 hours! Was it enough? No."
    assert split_sentences(text) == [
        "Dr. Smith met J. R. Jones in the U.S. capital.",
        "They spoke for 2.5 hours!",
        "Was it enough?",
        "No.",
    ]


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        ("en", "Residents of Monroe, La., on Nov. 6 said they get the $1,000 a fortnight. Then it ended.", 2),
        ("en", "It costs $4.5 bn. in total, e.g. for roads. Work starts on Jan. 3 at 9 a.m. sharp.", 2),
        (
            "de",
            "Die Firma beschäftigt ca. 10 Mio. Menschen, z. B. in Berlin. "
            "Das gilt laut Nr. 5 des sog. Vertrags.",
            2,
        ),
        ("de", "Der 2. Weltkrieg endete 1945. Am 3. Oktober 1990 kam die Einheit.", 2),
        ("ru", "В 2023 г. компания, т. е. ООО «Ромашка», выросла. Потом всё изменилось.", 2),
        ("en", 'He said: "It is over. We lost." Then he left.', 2),
    ],
)
def test_sentences_never_end_inside_a_number_date_abbreviation_or_quotation(
    language: str, text: str, count: int
) -> None:
    sentences = split_sentences(text, language)
    assert len(sentences) == count, sentences
    assert " ".join(sentences) == text


def test_sentences_keep_closing_quotes_and_split_cjk_at_the_ideographic_stop() -> None:
    assert split_sentences("He said “enough.” Then he left.") == ["He said “enough.”", "Then he left."]
    assert split_sentences("雨が降った。風も強い。", "ja") == ["雨が降った。", "風も強い。"]


def test_the_language_is_told_from_script_and_common_words() -> None:
    assert guess_language("The council met and the vote was held in the hall.") == "en"
    assert guess_language("Der Rat hat sich getroffen und die Abstimmung ist nicht einfach.") == "de"
    assert guess_language("Совет собрался, и голосование прошло спокойно.") == "ru"
    assert guess_language("اجتمع المجلس وجرى التصويت بهدوء.") == "ar"


def test_every_sentence_is_one_point_without_its_full_stop() -> None:
    assert prose_points("The vote passed. Turnout was low.") == ["The vote passed", "Turnout was low"]


def test_a_long_sentence_stays_whole_rather_than_chopped() -> None:
    sentence = (
        "The committee, which met on Tuesday in the old town hall, reviewed the proposals for the harbour, "
        "the railway station and the new bridge, while residents, who had waited for hours outside, "
        "demanded answers about the noise, the traffic and the cost of the works."
    )
    assert prose_points(sentence) == [sentence.removesuffix(".")]


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        ("However, the plan failed after two years.", "The plan failed after two years"),
        ("And the vote was lost by a wide margin.", "The vote was lost by a wide margin"),
        (
            "Prices will keep rising next year, said John Smith, a professor at Yale University.",
            "Prices will keep rising next year",
        ),
        (
            "“We will not back down,” said Jane Doe, a spokeswoman for the union.",
            "“We will not back down,” said Jane Doe",
        ),
        (
            "The agency (pictured) opened its new office in March.",
            "The agency opened its new office in March",
        ),
        ("The plan moved to the U.S.", "The plan moved to the U.S."),
    ],
)
def test_points_are_made_concise_without_breaking_grammar(sentence: str, point: str) -> None:
    assert concise(sentence) == point


def test_a_heading_titles_slides_whole_and_only_a_long_one_is_cut() -> None:
    assert heading_title("Who pays the cost of a tariff?") == "Who pays the cost of a tariff?"
    assert heading_title("Niger: a case study in how one coup split two allies over the Sahel and more") == (
        "Niger: a case study in how one coup split two allies over…"
    )
    assert heading_title("https://" + "x" * 300).endswith("…")
    assert len(heading_title("https://" + "x" * 300)) <= 90


def test_figures_of_different_kinds_or_from_one_sentence_make_no_stat() -> None:
    assert comparable_figures("The army sent 1,500 troops for 3 years, and spending rose 4%.") == []
    assert comparable_figures("The 2023 coup followed the 2021 withdrawal.") == []
    assert comparable_figures("The plan costs €3 billion and saves €1 billion a year.") == []


def test_figures_a_sentence_compares_make_a_stat_labelled_by_their_clauses() -> None:
    figures = comparable_figures("Inflation rose to 4.5% in March, up from 3.2% a year earlier.")
    assert [(f.value, f.label) for f in figures] == [
        ("4.5%", "Inflation rose to 4.5% in March"),
        ("3.2%", "Up from 3.2% a year earlier"),
    ]


def test_figures_two_sentences_compare_make_a_stat_with_whole_labels() -> None:
    figures = comparable_figures(
        "France, with 1,500 troops in the Sahel, condemned the coup. "
        "The US, with 1,000 personnel for drone operations, was cautious."
    )
    assert [(f.value, f.label) for f in figures] == [
        ("1,500", "France: troops in the Sahel"),
        ("1,000", "The US: personnel for drone operations"),
    ]


def test_only_events_that_open_with_their_own_date_make_a_timeline() -> None:
    two = ["In 2019, the plan was drafted in full. In 2021, it was approved by the council."]
    assert timeline_events(two) == []
    assert timeline_events([*two, "Construction began in 2023 after a long delay."]) == []
    three = [*two, "In 2023, construction began after a long delay."]
    assert [event.date for event in timeline_events(three)] == ["2019", "2021", "2023"]


def test_a_quotation_needs_eight_words_and_a_named_speaker() -> None:
    said = find_quote("“We will not back down from this fight, not now and not ever,” said President Macron.")
    assert said is not None and said.attribution == "President Macron"
    assert find_quote("“We will not back down,” said President Macron on Tuesday.") is None  # too short
    assert find_quote("Critics see America as an “unreliable ally” in the region.") is None
    unnamed = "“We will not back down from this fight, not now and not ever,” he said."
    assert find_quote(unnamed) is None


def test_a_quotation_set_large_is_not_also_a_bullet() -> None:
    deck = import_text(
        "Harbour News\nThe quay opens on Monday.\nCosts\nThe port took a loan from two banks last year. "
        "“We had no choice but to borrow the money from the banks,” said Mayor Anna Berg.\n"
    )
    slides = deck.sections[1].slides
    bullets = [s for s in slides if isinstance(s, BulletsSlide)]
    assert [s.kind for s in slides[:2]] == ["bullets", "quote"]
    assert all("borrow the money" not in str(point) for s in bullets for point in s.points)


def test_a_long_first_paragraph_is_prose_not_a_standfirst() -> None:
    opening = " ".join(["The council met again to discuss the harbour plan in detail."] * 10)
    deck = import_text(f"Harbour News\n{opening}\nCosts\nThe port took a loan.\n")
    assert deck.subtitle is None
    assert any(isinstance(slide, BulletsSlide) for slide in deck.sections[0].slides)


def test_no_slide_stands_on_one_short_point_when_the_section_has_more() -> None:
    sentences = " ".join(
        f"Sentence number {n} tells the reader one more thing about the harbour." for n in range(5)
    )
    deck = import_text(f"Harbour News\n\nA standfirst.\n\nCosts\n\n{sentences}\n\nIt rained.\n")
    bullets = [slide for slide in deck.sections[1].slides if isinstance(slide, BulletsSlide)]
    assert len(bullets) == 2
    assert [len(slide.points) for slide in bullets] == [4, 2]
    assert bullets[1].points[-1] == "It rained"
