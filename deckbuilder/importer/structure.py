"""An article's shape: headline, standfirst, takeaways, and the run of sections its headings open."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deckbuilder.importer.blocks import Article, Block, Heading, ListBlock, Paragraph, block_text
from deckbuilder.importer.sentences import word_count

TAKEAWAYS_LABEL = re.compile(
    r"^(?:key (?:takeaways?|points|facts|findings|messages|highlights)|takeaways?|summary|in summary|"
    r"in brief|at a glance|highlights|tl;? ?dr|the bottom line|what you need to know|"
    r"points clés|à retenir|en bref|résumé|要点|ポイント|まとめ|ملخص|النقاط الرئيسية|أبرز النقاط)\s*[:：]?$",
    re.I,
)
STANDFIRST_MAX_WORDS = 80
"""A first paragraph longer than this is the article's opening prose, not a standfirst."""
BYLINE = re.compile(
    r"^(?:By|Par|Von|Por|Di)\s+[A-Z][\w'’.-]*(?:(?:,?\s+(?:and\s+|et\s+|und\s+)?|,\s*)[A-Z][\w'’.-]*)*$"
)
"""A byline ('By Jane Doe'): the deck's author, not a heading."""
PARAGRAPHS_PER_SECTION = 3
"""In an article without headings, a new section starts every this many blocks."""


@dataclass
class Part:
    """A run of blocks under one subheading (or none), shown as one or more slides."""

    heading: str | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Chapter:
    """A section to be: its heading (None when it is titled from its first sentence) and its parts."""

    heading: str | None
    parts: list[Part] = field(default_factory=list)
    takeaways: bool = False

    @property
    def blocks(self) -> list[Block]:
        """Read-only: every block of every part, in order."""
        return [block for part in self.parts for block in part.blocks]


@dataclass
class Shape:
    """The article's shape, ready to be made into slides."""

    headline: str | None
    standfirst: str | None
    lead: list[Block]
    chapters: list[Chapter]
    byline: str | None = None


def is_takeaways_label(text: str) -> bool:
    """Whether text is a 'Key Takeaways' / 'Key points' / 'Summary' label."""
    return bool(TAKEAWAYS_LABEL.match(text.strip().strip("*_#").strip()))


def _is_headline_paragraph(block: Paragraph) -> bool:
    """A first paragraph that reads as a headline: one short line without a closing full stop."""
    text = block.text.rstrip("”’\"')")
    return word_count(block.text) <= 25 and not text.endswith((".", "。", ";", ","))


def _labels_to_headings(blocks: list[Block], level: int) -> list[Block]:
    """A 'Key Takeaways' paragraph right before a list becomes a heading of that list."""
    result: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            isinstance(block, Paragraph)
            and is_takeaways_label(block.text)
            and isinstance(following, ListBlock)
        ):
            result.append(Heading(level, block.text.strip().rstrip(":：").strip()))
        else:
            result.append(block)
    return result


def _chapters(blocks: list[Block], section_level: int) -> tuple[list[Block], list[Chapter]]:
    """Blocks before the first heading, and one chapter per heading at the section level."""
    lead: list[Block] = []
    chapters: list[Chapter] = []
    for block in blocks:
        if isinstance(block, Heading) and block.level <= section_level:
            text = block.text.rstrip(":：").strip() if is_takeaways_label(block.text) else block.text
            chapters.append(Chapter(text, [Part(None)], takeaways=is_takeaways_label(block.text)))
        elif isinstance(block, Heading) and chapters:
            chapters[-1].parts.append(Part(block.text))
        elif isinstance(block, Heading):
            lead.append(Paragraph(block.text))
        elif chapters:
            chapters[-1].parts[-1].blocks.append(block)
        else:
            lead.append(block)
    return lead, chapters


def _chunk(blocks: list[Block]) -> list[Chapter]:
    """Sections of an article without headings: every few blocks, titled from their first sentence."""
    chapters: list[Chapter] = []
    for start in range(0, len(blocks), PARAGRAPHS_PER_SECTION):
        chapters.append(Chapter(None, [Part(None, blocks[start : start + PARAGRAPHS_PER_SECTION])]))
    tail = chapters[-1].parts[0].blocks if chapters else []
    if len(chapters) > 1 and len(tail) == 1 and word_count(block_text(tail[0])) < 40:
        chapters[-2].parts[0].blocks.extend(tail)  # a lone short closing paragraph joins the one before
        chapters.pop()
    return chapters


def _split_takeaways(lead: list[Block], chapters: list[Chapter]) -> tuple[list[Block], list[Chapter]]:
    """A takeaways chapter keeps its list; prose after the list, before the next heading, gets sections of
    its own, titled from its first sentence."""
    result: list[Chapter] = []
    for chapter in chapters:
        result.append(chapter)
        if not chapter.takeaways:
            continue
        first, *later = chapter.parts
        first_list = next((i for i, b in enumerate(first.blocks) if isinstance(b, ListBlock)), None)
        if first_list is None:
            chapter.takeaways = False
            continue
        chapter.parts = [Part(None, first.blocks[: first_list + 1])]
        result.extend(_chunk(first.blocks[first_list + 1 :]))
        result.extend(Chapter(part.heading, [Part(None, part.blocks)]) for part in later)
    if lead and not any(c.heading is not None and not c.takeaways for c in result):
        result = _chunk(lead) + result  # no headings but a takeaways label: the prose before it is chunked
        lead = []
    return lead, result


def _take_byline(blocks: list[Block]) -> str | None:
    """A byline at the top of the blocks, taken out of them."""
    first = blocks[0] if blocks else None
    if isinstance(first, Heading | Paragraph) and word_count(first.text) <= 8 and BYLINE.match(first.text):
        blocks.pop(0)
        return first.text
    return None


def article_shape(article: Article) -> Shape:
    """Headline, standfirst, lead blocks and chapters of an article."""
    blocks = list(article.blocks)
    headline = article.headline
    if headline is None and blocks:
        first = blocks[0]
        if isinstance(first, Heading) or (isinstance(first, Paragraph) and _is_headline_paragraph(first)):
            headline = first.text
            blocks.pop(0)
    byline = _take_byline(blocks)
    standfirst = None
    opening = blocks[0] if blocks else None
    if (
        isinstance(opening, Paragraph)
        and not is_takeaways_label(opening.text)
        and headline is not None
        and word_count(opening.text) <= STANDFIRST_MAX_WORDS
    ):
        following = blocks[1] if len(blocks) > 1 else None
        if not (isinstance(following, ListBlock) and opening.text.endswith(":")):
            standfirst = opening.text
            blocks.pop(0)
    levels = [block.level for block in blocks if isinstance(block, Heading)]
    section_level = min(levels, default=2)
    blocks = _labels_to_headings(blocks, section_level)
    byline = byline or _take_byline(blocks)
    lead, chapters = _split_takeaways(*_chapters(blocks, section_level))
    if not chapters:
        return Shape(headline, standfirst, [], _chunk(lead), byline)
    return Shape(headline, standfirst, lead, chapters, byline)
