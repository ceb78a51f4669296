"""Articles as they arrive: byte-order marks, Windows and old Mac line endings, UTF-16, non-Latin scripts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from outline_checks import ARTICLES, SEED, OutlineChecks

from deckbuilder.outline.model import BulletsSlide, Deck
from deckbuilder.pipeline import import_article
from deckbuilder.records import as_data


@pytest.fixture(scope="module")
def seed_deck() -> Deck:
    return import_article(SEED)


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("crlf", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
        ("cr", lambda text: text.replace("\n", "\r").encode("utf-8")),
        ("bom", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("bom-crlf", lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")),
        ("utf-16", lambda text: text.encode("utf-16")),
    ],
)
def test_line_endings_and_byte_order_marks_make_the_same_deck(
    name: str, encode: object, seed_deck: Deck, tmp_path: Path
) -> None:
    article = tmp_path / f"seed-{name}.txt"
    article.write_bytes(encode(SEED.read_text(encoding="utf-8")))  # type: ignore[operator]
    deck = import_article(article)
    assert deck == seed_deck
    assert "\r" not in json.dumps(as_data(deck))
    assert "\ufeff" not in deck.title


SCRIPTS = {
    "french": (
        "reforme-des-retraites.txt",
        "Réforme des retraites",
        ["Un âge légal repoussé", "Des exceptions pour les carrières longues", "Une contestation durable"],
    ),
    "japanese": (
        "tokyo-heat.txt",
        "東京の猛暑対策：都市はどう変わるのか",
        ["緑の回廊", "涼しい屋根", "残る課題"],
    ),
    "arabic": (
        "desalination.txt",
        "تحلية المياه في الخليج: حل للعطش أم عبء على البحر؟",
        ["اعتماد متزايد", "أثر بيئي", "طاقة أنظف"],
    ),
}


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_non_latin_articles_keep_their_headings_as_sections(script: str) -> None:
    name, title, sections = SCRIPTS[script]
    deck = import_article(ARTICLES / name)
    assert deck.title == title
    assert [section.title for section in deck.sections[1:]] == sections
    for section in deck.sections[1:]:
        assert isinstance(section.slides[0], BulletsSlide)
        assert section.slides[0].title == section.title


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_non_latin_articles_validate_export_fit_and_keep_every_word(
    script: str, checks: OutlineChecks
) -> None:
    name = SCRIPTS[script][0]
    deck = import_article(ARTICLES / name)
    checks.all(deck, (ARTICLES / name).read_text(encoding="utf-8"))


def test_japanese_sentences_split_at_the_full_stop() -> None:
    deck = import_article(ARTICLES / "tokyo-heat.txt")
    slide = deck.sections[2].slides[0]
    assert isinstance(slide, BulletsSlide)
    assert slide.points == [
        "新しい公共施設では、日光を反射する白い屋根の採用が義務づけられる",
        "古い建物への補助金も検討されている",
    ]


def test_french_headline_splits_at_its_colon() -> None:
    deck = import_article(ARTICLES / "reforme-des-retraites.txt")
    assert deck.subtitle == "Ce qui change pour les salariés en 2024"
    assert deck.sources[0].title == "Réforme des retraites : ce qui change pour les salariés en 2024"
