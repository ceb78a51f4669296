"""Real articles (tests/data/articles/corpus): each imports to a deck an editor would present."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from outline_checks import OutlineChecks
from support.article_quality import CORPUS, manifest, measure

from deckbuilder.importer.reader import read_article_file
from deckbuilder.outline.model import Deck
from deckbuilder.pipeline import import_article

ENTRIES = manifest()

KNOWN_GAPS: dict[str, dict[str, set[str]]] = {
    # The licence deeds' "Notice" box is an <h2> of the page's main content, like the real sections.
    "de-explainer-cc-by-deed.html": {"invented": {"Notice"}},
    "ar-explainer-cc-by-deed.html": {"invented": {"Notice"}},
    "en-explainer-cc0-deed.html": {"invented": {"Notice"}},
    # A definition term standing alone between paragraphs, shaped exactly like the text's headings.
    "ru-guide-mdn-domennye-imena.txt": {
        "invented": {"Домены"},
        "chrome": {"Необходимые знания:", "Цель:"},  # a learning box's labels, copied as text lines
    },
    # Sign-off and macro lines that read like content.
    "en-report-noaa-nhc-isaac-advisory16.txt": {"chrome": {"FORECASTER STEWART"}},
    "de-guide-mdn-dateien-hochladen.md": {"chrome": {'{{Glossary("Rsync")}}'}},
    # A web page's deed copied as text: its labels end with colons (read as lists' lead-ins, not
    # headings) and its menu lines stand alone like headings.
    "fa-explainer-cc-by-deed.txt": {
        "invented": {"*"},
        "missing": {"*"},
        "chrome": {"*"},
    },
}


def _allowed(entry: dict[str, Any], kind: str, found: list[str]) -> list[str]:
    """What was found beyond the article's known, documented gaps."""
    known = KNOWN_GAPS.get(entry["file"], {}).get(kind, set())
    return [] if "*" in known else [item for item in found if item not in known]


@pytest.fixture(scope="module", params=ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def imported(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Deck, str]:
    entry: dict[str, Any] = request.param
    path = CORPUS / entry["file"]
    return entry, import_article(path), read_article_file(path)


def test_the_articles_headings_are_its_sections_in_order(imported: tuple[dict[str, Any], Deck, str]) -> None:
    entry, deck, article = imported
    quality = measure(deck, entry, article)
    assert _allowed(entry, "invented", quality.invented_sections) == []
    assert _allowed(entry, "missing", quality.missing_sections) == []


def test_no_bullet_is_a_fragment_of_a_sentence(imported: tuple[dict[str, Any], Deck, str]) -> None:
    entry, deck, article = imported
    assert measure(deck, entry, article).fragments == []


def test_no_bullet_or_title_comes_from_page_chrome(imported: tuple[dict[str, Any], Deck, str]) -> None:
    entry, deck, article = imported
    assert _allowed(entry, "chrome", measure(deck, entry, article).chrome_bullets) == []


def test_every_quote_slide_names_its_speaker(imported: tuple[dict[str, Any], Deck, str]) -> None:
    entry, deck, article = imported
    assert measure(deck, entry, article).unattributed_quotes == []


def test_the_deck_is_in_proportion_to_the_article(imported: tuple[dict[str, Any], Deck, str]) -> None:
    entry, deck, article = imported
    quality = measure(deck, entry, article)
    assert 0.5 <= quality.slides_per_100_words <= 3.0, quality.slides_per_100_words


def test_the_outline_validates_exports_fits_and_keeps_every_word(
    imported: tuple[dict[str, Any], Deck, str], tmp_path: Path
) -> None:
    entry, deck, article = imported
    checks = OutlineChecks(tmp_path)
    checks.round_trips(deck)
    checks.fits(deck)
    checks.exports(deck)
    if entry["format"] != "html":  # a page's menus and footers are left out on purpose
        checks.keeps_words(deck, article if entry["format"] == "text" else _markdown_words(article))


def _markdown_words(text: str) -> str:
    """A Markdown file's words as a reader sees them: link targets, comments and markup left out."""
    text = re.sub(r"\A---\n.*?\n---\n", " ", text, flags=re.S)  # front matter
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"(?<!\w)_|_(?!\w)", " ", text)  # emphasis marks, not the underscores inside a name
    text = re.sub(r"(?m)^(```|~~~)\w+", r"\1", text)  # a code fence's language
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"<[^>]+>|\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]|&\w+;", " ", text)
