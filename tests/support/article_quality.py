"""Measures of an imported deck an editor would judge: fragments, invented sections, chrome bullets, size."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from lxml import html as lxml_html

from deckbuilder.importer.sentences import ends_on_abbreviation, heading_title
from deckbuilder.outline.inline import plain_text as plain
from deckbuilder.outline.model import (
    BulletPoint,
    BulletsSlide,
    ComparisonSlide,
    Deck,
    QuoteSlide,
    TakeawaysSlide,
)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "articles" / "corpus"
PLAIN_SECTION = re.compile(r"^(?:Overview|Part \d+)$")
"""Section titles the importer gives text without headings, which invent nothing."""


def manifest() -> list[dict[str, Any]]:
    """The corpus's entries: file, language, format, headline, sections, chrome, quotes."""
    entries: list[dict[str, Any]] = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    return entries


def bullets(deck: Deck) -> list[str]:
    """Every point and nested point shown on bullets, takeaways and comparison slides, as plain text."""
    texts: list[str] = []
    for section in deck.sections:
        for slide in section.slides:
            points: list[Any] = []
            if isinstance(slide, BulletsSlide | TakeawaysSlide):
                points = list(slide.points)
            elif isinstance(slide, ComparisonSlide):
                points = [*slide.left.points, *slide.right.points]
            for point in points:
                texts.extend([point.text, *point.points] if isinstance(point, BulletPoint) else [point])
    return [plain(text) for text in texts]


def visible_text(article: str, entry: dict[str, Any]) -> str:
    """The text a reader of the article sees: a page without its markup, scripts and styles."""
    if entry["format"] != "html":
        return article
    tree = lxml_html.document_fromstring(article)
    for element in list(tree.iter("script", "style", "noscript")):
        element.getparent().remove(element)
    return str(tree.text_content())


def _flat(text: str) -> str:
    return " ".join(text.split())


def fragment_reason(point: str, article: str, language: str) -> str | None:
    """Why a point reads as a fragment of a sentence, or None when it reads whole."""
    first_word = point.split()[0] if point.split() else ""
    if first_word[:1].islower() and not any(c.isupper() for c in first_word[1:]):
        return "starts in lower case"
    if re.search(r"\d$", point) and re.search(re.escape(_flat(point)[-12:]) + r"[.,]\d", article):
        return "ends inside a number"
    if re.match(r"\d", point) and re.search(r"\d[.,]" + re.escape(_flat(point)[:12]), article):
        return "starts inside a number"
    if not point.endswith(".") and ends_on_abbreviation(point + ".", language):
        return "ends on an abbreviation"
    return None


@dataclass
class Quality:
    """What an editor would count against an imported deck."""

    words: int
    slides: int
    fragments: list[tuple[str, str]] = field(default_factory=list)
    invented_sections: list[str] = field(default_factory=list)
    missing_sections: list[str] = field(default_factory=list)
    chrome_bullets: list[str] = field(default_factory=list)
    unattributed_quotes: list[str] = field(default_factory=list)

    @property
    def slides_per_100_words(self) -> float:
        """Read-only: content slides for every hundred words of the article."""
        return 100 * self.slides / max(self.words, 1)


def content_slides(deck: Deck) -> int:
    """Slides that carry the article's content (not the title, dividers or sources)."""
    return sum(
        1 for section in deck.sections for slide in section.slides if slide.kind not in ("title", "sources")
    )


def measure(deck: Deck, entry: dict[str, Any], article: str) -> Quality:
    """The quality measures of a deck imported from a corpus article."""
    flat = _flat(article)
    quality = Quality(
        words=len(re.findall(r"\w+", visible_text(article, entry))), slides=content_slides(deck)
    )
    for point in bullets(deck):
        reason = fragment_reason(point, flat, entry["language"])
        if reason:
            quality.fragments.append((reason, point))
    expected = [heading_title(_flat(s)) for s in entry.get("sections") or []]
    lower = {heading_title(_flat(s)) for s in entry.get("subheadings") or []}
    titles = [plain(section.title) for section in deck.sections]
    quality.invented_sections = [
        title
        for title in titles
        if not PLAIN_SECTION.match(title)
        and title not in expected
        and title not in lower  # a lower-level heading of plain text, where levels are not written
        and not _is_takeaways(deck, title)
    ]
    found = [title for title in titles if title in expected]
    if found != expected:
        quality.missing_sections = [title for title in expected if title not in titles] or ["(out of order)"]
    slides = [slide for section in deck.sections for slide in section.slides]
    slide_titles = [plain(getattr(slide, "title", None) or "") for slide in slides]
    shown = [*bullets(deck), *titles, *slide_titles]
    for chrome in entry.get("chrome") or []:
        needle = _flat(chrome).rstrip(".")
        pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")
        if len(needle) >= 4 and any(pattern.search(text) or _part_of(text, needle) for text in shown):
            quality.chrome_bullets.append(chrome)
    for section in deck.sections:
        for slide in section.slides:
            if isinstance(slide, QuoteSlide) and not slide.attribution:
                quality.unattributed_quotes.append(plain(slide.text))
    return quality


def _part_of(text: str, chrome: str) -> bool:
    """Whether a shown text of a few words is a piece of a chrome line (a caption split into bullets)."""
    return len(text.split()) >= 3 and text in chrome


def _is_takeaways(deck: Deck, title: str) -> bool:
    """Whether the section of that title is the article's own takeaways list."""
    return any(
        plain(section.title) == title and any(isinstance(slide, TakeawaysSlide) for slide in section.slides)
        for section in deck.sections
    )
