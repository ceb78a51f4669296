"""Markdown and HTML articles, and plain text without headings: structure from markup, words all kept."""

from __future__ import annotations

import pytest
from outline_checks import (
    ARTICLES,
    OutlineChecks,
    bullet_texts,
    html_article_words,
    markdown_words,
    outline_text,
)

from deckbuilder.outline.model import (
    BulletPoint,
    BulletsSlide,
    Deck,
    QuoteSlide,
    SourcesSlide,
    StatSlide,
    TableSlide,
    TakeawaysSlide,
    TimelineSlide,
    TitleSlide,
)
from deckbuilder.outline.model import Slide as AnySlide
from deckbuilder.pipeline import import_article, import_text

MARKDOWN = ARTICLES / "grid-under-strain.md"
HTML = ARTICLES / "sahel-briefing.html"
NO_HEADINGS = ARTICLES / "no-headings.txt"


def slides(deck: Deck) -> list[AnySlide]:
    return [slide for section in deck.sections for slide in section.slides]


@pytest.fixture(scope="module")
def markdown_deck() -> Deck:
    return import_article(MARKDOWN)


@pytest.fixture(scope="module")
def html_deck() -> Deck:
    return import_article(HTML)


# -- Markdown


def test_markdown_headings_become_sections_in_order(markdown_deck: Deck) -> None:
    assert [section.title for section in markdown_deck.sections] == [
        "Key points",
        "A grid built for another age",
        "How we got here",
        "What the experts say",
        "What comes next",
    ]
    assert markdown_deck.sources[0].title == (
        "Grid Under Strain: Why Europe's power prices swing so wildly | Analysis"
    )


def test_markdown_key_points_list_becomes_takeaways(markdown_deck: Deck) -> None:
    takeaways = markdown_deck.sections[0].slides[1]
    assert isinstance(takeaways, TakeawaysSlide)
    assert takeaways.points[0] == "Renewables now supply a record share of Europe's power, but not on demand."
    assert len(takeaways.points) == 3


def test_markdown_subheading_titles_its_own_slide(markdown_deck: Deck) -> None:
    titles = [slide.title for slide in markdown_deck.sections[1].slides if isinstance(slide, BulletsSlide)]
    assert [title for title in titles if title.startswith("What congestion costs")] == [
        "What congestion costs (1/2)"
    ]
    assert titles[0].startswith("A grid built for another age")


def test_markdown_block_quote_keeps_its_attribution(markdown_deck: Deck) -> None:
    quotes = [slide for slide in slides(markdown_deck) if isinstance(slide, QuoteSlide)]
    assert [(quote.text, quote.attribution) for quote in quotes] == [
        (
            "We built the power stations of the future and kept the wires of the past.",
            "Ingrid Halvorsen, grid analyst",
        )
    ]


def test_three_dated_events_make_a_timeline_in_date_order(markdown_deck: Deck) -> None:
    timelines = [slide for slide in slides(markdown_deck) if isinstance(slide, TimelineSlide)]
    assert len(timelines) == 1
    assert [event.date for event in timelines[0].events] == ["2011", "2019", "2022"]
    assert timelines[0].events[0].text == (
        "Germany decided to phase out nuclear power after the Fukushima disaster"
    )


def test_money_figures_in_one_currency_make_a_stat_slide(markdown_deck: Deck) -> None:
    stats = [slide for slide in slides(markdown_deck) if isinstance(slide, StatSlide)]
    assert len(stats) == 1
    assert [stat.value for stat in stats[0].stats] == ["€3.1 billion", "€0.4 billion"]


def test_markdown_table_becomes_a_table_slide(markdown_deck: Deck) -> None:
    tables = [slide for slide in slides(markdown_deck) if isinstance(slide, TableSlide)]
    assert len(tables) == 1
    assert tables[0].header == ["Measure", "Cost", "Time to build"]
    assert tables[0].rows[0] == ["New interconnector", "High", "8–10 years"]


def test_nested_list_items_become_second_level_points(markdown_deck: Deck) -> None:
    nested = [
        point
        for slide in slides(markdown_deck)
        if isinstance(slide, BulletsSlide)
        for point in slide.points
        if isinstance(point, BulletPoint) and point.points == ["Home batteries", "Grid-scale storage parks"]
    ]
    assert nested


def test_markdown_markup_and_link_targets_stay_out_of_the_slides(markdown_deck: Deck) -> None:
    text = outline_text(markdown_deck)
    assert "**" not in text and "](" not in text and "example.org" not in text
    assert "dispatch coal and gas units" in text and "grid plans" in text


def test_markdown_article_validates_exports_fits_and_keeps_every_word(
    markdown_deck: Deck, checks: OutlineChecks
) -> None:
    checks.all(markdown_deck, markdown_words(MARKDOWN.read_text(encoding="utf-8")))


def test_a_front_matter_url_a_deck_cannot_link_to_is_left_out() -> None:
    article = "---\ntitle: Grid notes\nurl: /posts/grid-notes\n---\n\nThe grid is under strain this summer.\n"
    deck = import_text(article)
    assert deck.sources[0].title == "Grid notes" and deck.sources[0].url is None


# -- HTML


def test_html_headline_canonical_link_and_site_name_make_the_source(html_deck: Deck) -> None:
    assert html_deck.title == "Water Wars in the Sahel: how shrinking rivers fuel conflict"
    source = html_deck.sources[0]
    assert source.title == "Water Wars in the Sahel: how shrinking rivers fuel conflict"
    assert source.url == "https://news.example.com/world/water-wars-sahel"
    assert source.publisher == "World Desk"
    assert html_deck.date == "2024-03-18"


def test_html_sections_follow_the_h2_headings(html_deck: Deck) -> None:
    assert [section.title for section in html_deck.sections] == [
        "Key Takeaways",
        "A Shrinking Lake",
        "From Grazing Rights to Gunfire",
        "What Could Help",
    ]
    assert isinstance(html_deck.sections[0].slides[1], TakeawaysSlide)


def test_html_h3_titles_a_slide_within_its_section(html_deck: Deck) -> None:
    titles = [slide.title for slide in html_deck.sections[2].slides if isinstance(slide, BulletsSlide)]
    assert "Armed groups step in" in titles


def test_html_blockquote_takes_its_cite_as_attribution(html_deck: Deck) -> None:
    quotes = [slide for slide in slides(html_deck) if isinstance(slide, QuoteSlide)]
    assert [(quote.text, quote.attribution) for quote in quotes] == [
        ("When the water goes, the peace goes with it.", "Amina Moussa, community mediator")
    ]


def test_navigation_asides_footers_scripts_and_styles_are_left_out(html_deck: Deck) -> None:
    text = outline_text(html_deck)
    for word in (
        "Politics",
        "Newsletter",
        "Sign up",
        "Most read",
        "Celebrity",
        "Cookie",
        "Filed under",
        "analytics",
        "font-family",
        "noopener",
        "Subscribe",
    ):
        assert word not in text, word


def test_html_standfirst_is_the_subtitle_when_short_and_the_title_notes_in_full(html_deck: Deck) -> None:
    title_slide = html_deck.sections[0].slides[0]
    assert isinstance(title_slide, TitleSlide)
    assert html_deck.subtitle == "Farmers and herders have shared the Sahel’s rivers for centuries."
    assert title_slide.notes is not None and title_slide.notes.endswith(
        "armed groups are exploiting the anger."
    )


def test_html_article_validates_exports_fits_and_keeps_every_word(
    html_deck: Deck, checks: OutlineChecks
) -> None:
    checks.all(html_deck, html_article_words(HTML.read_text(encoding="utf-8")))


def test_a_page_without_an_article_element_uses_its_body_and_title() -> None:
    page = (
        "<html><head><title>Budget Day</title></head><body><nav>Home</nav>"
        "<p>The budget was published today. It raises spending on schools.</p>"
        "<h2>Schools</h2><p>Teachers get a pay rise of two per cent.</p></body></html>"
    )
    deck = import_text(page)
    assert deck.title == "Budget Day"
    assert [section.title for section in deck.sections] == ["Overview", "Schools"]
    assert "Home" not in outline_text(deck)


# -- plain text without headings


@pytest.fixture(scope="module")
def no_headings_deck() -> Deck:
    return import_article(NO_HEADINGS)


def test_a_short_article_without_headings_is_one_section_that_says_so(no_headings_deck: Deck) -> None:
    assert [section.title for section in no_headings_deck.sections] == ["Overview"]
    first_bullets = next(s for s in slides(no_headings_deck) if isinstance(s, BulletsSlide))
    assert first_bullets.notes is not None and "has no headings" in first_bullets.notes


def test_without_headings_sections_fall_every_five_paragraphs_named_plainly() -> None:
    paragraphs = [f"Paragraph {n} tells the reader one more thing about the harbour plan." for n in range(12)]
    deck = import_text("Harbour News\n\n" + "\n\n".join(paragraphs) + "\n")
    assert [section.title for section in deck.sections] == ["Overview", "Part 1", "Part 2"]
    text = outline_text(deck)
    assert all(paragraph in text for paragraph in paragraphs)


def test_plain_text_without_headings_validates_exports_fits_and_keeps_every_word(
    no_headings_deck: Deck, checks: OutlineChecks
) -> None:
    checks.all(no_headings_deck, NO_HEADINGS.read_text(encoding="utf-8"))


def test_hard_wrapped_plain_text_joins_its_lines_into_paragraphs(checks: OutlineChecks) -> None:
    text = (
        "Harbour Plans Move Ahead\n\n"
        "The port authority approved the new quay on Monday after a\n"
        "long debate about its cost and the dredging it will need.\n\n"
        "Construction\n\n"
        "Work starts in spring. The first ships should dock there within\n"
        "three years, the authority said, if the weather allows.\n"
    )
    deck = import_text(text)
    assert [section.title for section in deck.sections] == ["Overview", "Construction"]
    assert deck.sections[0].slides[0].notes == (
        "The port authority approved the new quay on Monday after a long debate about its cost and the "
        "dredging it will need."
    )
    checks.all(deck, text)


def test_every_deck_ends_with_sources(markdown_deck: Deck, html_deck: Deck, no_headings_deck: Deck) -> None:
    for deck in (markdown_deck, html_deck, no_headings_deck):
        assert isinstance(slides(deck)[-1], SourcesSlide)
        assert bullet_texts(deck)


def test_a_byline_under_the_headline_becomes_the_author_not_a_section(checks: OutlineChecks) -> None:
    text = (
        "Harbour Plans Move Ahead\nBy Jane Doe and John Roe\nThe port approved its new quay on Monday.\n"
        "By the Numbers\nThe quay will take two years to build.\n"
    )
    deck = import_text(text)
    assert deck.author == "Jane Doe and John Roe"
    assert deck.subtitle == "The port approved its new quay on Monday."
    assert [section.title for section in deck.sections] == ["Overview", "By the Numbers"]
    checks.all(deck, text)


def test_a_pages_logo_and_donation_banner_are_not_its_headline_and_standfirst() -> None:
    page = (
        "<html><head><title>Budget Day - The Daily Ledger</title>"
        '<meta property="og:site_name" content="The Daily Ledger"></head><body>'
        '<header><h1><a href="/">The Daily Ledger</a></h1></header><main>'
        "<p>Help us keep reporting. Make a tax deductible gift to fund our work. Donate today!</p>"
        "<h1>Budget Day</h1><p>The budget was published today. It raises spending on schools and hospitals "
        "across the country, the finance minister said in parliament.</p>"
        "<h2>Schools</h2><p>Teachers get a pay rise of two per cent from next year onwards.</p>"
        "</main></body></html>"
    )
    deck = import_text(page)
    assert deck.title == "Budget Day"
    assert "Donate" not in (deck.subtitle or "") and "Donate" not in " ".join(bullet_texts(deck))


def test_back_matter_headings_are_not_sections_and_their_text_stays_in_the_notes() -> None:
    deck = import_text(
        "Harbour News\n\nThe quay opens on Monday after two years of work.\n\nCosts\n\n"
        "The port took a loan from two banks to pay for the new quay.\n\n"
        "References\n\nPort authority annual report, 2024.\n"
    )
    assert [section.title for section in deck.sections] == ["Overview", "Costs"]
    assert "Port authority annual report" not in " ".join(bullet_texts(deck))
    assert "Port authority annual report, 2024." in outline_text(deck)
