"""An article's shape: headline, standfirst, byline, takeaways, and the sections its headings open."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from deckbuilder.importer.blocks import Article, Block, Chrome, Heading, ListBlock, Paragraph, block_text
from deckbuilder.importer.sentences import word_count

TAKEAWAYS_LABEL = re.compile(
    r"^(?:key (?:takeaways?|points|facts|findings|messages|highlights)|takeaways?|summary|in summary|"
    r"in brief|at a glance|highlights|tl;? ?dr|the bottom line|what you need to know|"
    r"points clés|à retenir|en bref|résumé|das wichtigste in kürze|auf einen blick|главное|"
    r"要点|ポイント|まとめ|ملخص|النقاط الرئيسية|أبرز النقاط)\s*[:：]?$",
    re.I,
)
BACK_MATTER = re.compile(
    r"^(?:see also|references|notes|footnotes|citations|sources|external links|further reading|"
    r"bibliography|related (?:articles|topics|stories)|siehe auch|einzelnachweise|anmerkungen|weblinks|"
    r"literatur|quellen|см\. также|примечания|ссылки|литература|источники|voir aussi|références|"
    r"notes et références|liens externes|bibliographie|véase también|referencias|enlaces externos|"
    r"انظر أيضا|مراجع|وصلات خارجية|پانویس|منابع|جستارهای وابسته)\s*[:：]?$",
    re.I,
)
"""Headings of what follows an article (references, links, further reading): kept in notes, not sections."""
STANDFIRST_MAX_WORDS = 80
"""A first paragraph longer than this is the article's opening prose, not a standfirst."""
HEADLINE_PARAGRAPH_MAX_WORDS = 25
PARAGRAPHS_PER_PART = 5
"""In an article without headings, a new section starts every this many paragraphs."""
PART_TITLE = "Part {number}"
OVERVIEW_TITLE = "Overview"
NO_HEADINGS_NOTE = (
    "The article has no headings: its text is split into sections of about "
    f"{PARAGRAPHS_PER_PART} paragraphs, named in order."
)


@dataclass
class Part:
    """A run of blocks under one subheading (or none), shown as one or more slides."""

    heading: str | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Chapter:
    """A section to be: its title, its parts, and whether it is the article's list of takeaways."""

    heading: str
    parts: list[Part] = field(default_factory=list)
    takeaways: bool = False
    note: str | None = None
    """A line for the first slide's notes saying how the section was made, when not from a heading."""

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
    return word_count(block.text) <= HEADLINE_PARAGRAPH_MAX_WORDS and not text.endswith((".", "。", ";", ","))


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


def is_back_matter(heading: str) -> bool:
    """Whether a heading opens an article's back matter ('See also', 'References', 'Weblinks')."""
    return bool(BACK_MATTER.match(heading.strip()))


def _chapters(blocks: list[Block], section_level: int) -> tuple[list[Block], list[Chapter]]:
    """Blocks before the first heading, and one chapter per heading at the section level; back matter
    ('References', 'See also') goes to the notes of the section before it."""
    lead: list[Block] = []
    chapters: list[Chapter] = []
    back_matter = False
    for block in blocks:
        if isinstance(block, Heading) and block.level <= section_level:
            back_matter = is_back_matter(block.text)
        if back_matter:
            target = chapters[-1].parts[-1].blocks if chapters else lead
            target.append(Chrome(block_text(block)))
        elif isinstance(block, Heading) and block.level <= section_level:
            takeaways = is_takeaways_label(block.text)
            text = block.text.rstrip(":：").strip() if takeaways else block.text
            chapters.append(Chapter(text, [Part(None)], takeaways=takeaways))
        elif isinstance(block, Heading) and chapters:
            chapters[-1].parts.append(Part(block.text))
        elif chapters:
            chapters[-1].parts[-1].blocks.append(block)
        elif isinstance(block, Heading):
            lead.append(Paragraph(block.text))
        else:
            lead.append(block)
    return lead, chapters


def chunk(blocks: list[Block], first_number: int = 1) -> list[Chapter]:
    """Sections of prose without headings: every few paragraphs, named 'Part N' in order."""
    chapters: list[Chapter] = []
    current: list[Block] = []
    shown = 0
    for block in blocks:
        current.append(block)
        shown += not isinstance(block, Chrome)
        if shown == PARAGRAPHS_PER_PART:
            chapters.append(Chapter("", [Part(None, current)]))
            current, shown = [], 0
    if current and chapters and shown <= 1:
        chapters[-1].parts[0].blocks.extend(current)  # a lone closing paragraph joins the part before
    elif current:
        chapters.append(Chapter("", [Part(None, current)]))
    for number, chapter in enumerate(chapters, start=first_number):
        alone = len(chapters) == 1 and first_number == 1
        chapter.heading = OVERVIEW_TITLE if alone else PART_TITLE.format(number=number)
        chapter.note = NO_HEADINGS_NOTE
    return chapters


def _split_takeaways(lead: list[Block], chapters: list[Chapter]) -> tuple[list[Block], list[Chapter]]:
    """A takeaways chapter keeps its list; prose after the list, before the next heading, gets sections of
    its own."""
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
        rest = first.blocks[first_list + 1 :]
        if any(not isinstance(block, Chrome) for block in rest):
            result.extend(chunk(rest))
        else:
            chapter.parts[0].blocks.extend(rest)
        result.extend(Chapter(part.heading or chapter.heading, [Part(None, part.blocks)]) for part in later)
    if lead and not any(not c.takeaways for c in result):
        result = chunk(lead) + result  # no headings but a takeaways label: the prose before it is chunked
        lead = []
    return lead, result


def _first_shown(blocks: list[Block]) -> int | None:
    """The index of the first block that is not chrome."""
    return next((i for i, block in enumerate(blocks) if not isinstance(block, Chrome)), None)


def _take_headline(blocks: list[Block]) -> str | None:
    """The headline at the top of the blocks (a heading, or a short unpunctuated line), taken out."""
    index = _first_shown(blocks)
    if index is None:
        return None
    first = blocks[index]
    if isinstance(first, Heading) or (isinstance(first, Paragraph) and _is_headline_paragraph(first)):
        del blocks[index]
        return block_text(first)
    return None


def _take_standfirst(blocks: list[Block], headline: str | None) -> str | None:
    """A short first paragraph under the headline (not a list's lead-in), taken out."""
    index = _first_shown(blocks)
    if index is None or headline is None:
        return None
    opening = blocks[index]
    if not isinstance(opening, Paragraph) or is_takeaways_label(opening.text):
        return None
    if word_count(opening.text) > STANDFIRST_MAX_WORDS:
        return None
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if isinstance(following, ListBlock) and opening.text.endswith(":"):
        return None
    del blocks[index]
    return opening.text


def article_shape(article: Article, byline: str | None = None) -> Shape:
    """Headline, standfirst, lead blocks and chapters of an article."""
    blocks = list(article.blocks)
    headline = article.headline or _take_headline(blocks)
    if headline is not None:
        same = headline.casefold()
        blocks = [b for b in blocks if not (isinstance(b, Heading) and b.text.casefold() == same)]
    standfirst = article.standfirst
    if standfirst is not None:
        blocks = [b for b in blocks if not (isinstance(b, Paragraph) and b.text == standfirst)]
    else:
        standfirst = _take_standfirst(blocks, headline)
    levels = [block.level for block in blocks if isinstance(block, Heading)]
    section_level = min(levels, default=2)
    blocks = _labels_to_headings(blocks, section_level)
    lead, chapters = _split_takeaways(*_chapters(blocks, section_level))
    if not chapters:
        return Shape(headline, standfirst, [], chunk(lead), byline)
    return Shape(headline, standfirst, lead, chapters, byline)
