"""An article's shape into a Deck: title slide, takeaways, one section per heading, sources at the end."""

from __future__ import annotations

import re

from deckbuilder.importer.blocks import Article, ListBlock, Paragraph
from deckbuilder.importer.capacity import BulletRoom
from deckbuilder.importer.sentences import (
    TITLE_WORDS,
    capitalize,
    heading_title,
    short_title,
    split_sentences,
    topic_of,
    word_count,
)
from deckbuilder.importer.slides import (
    SlideContext,
    first_sentence,
    part_slides,
    takeaways_slide,
    timeline_slide,
)
from deckbuilder.importer.structure import Chapter, Part, article_shape
from deckbuilder.outline.model import Deck, Section, Slide, Source, SourcesSlide, TitleSlide

THEME = "briefing"
OPENING_TITLE = "Overview"
SUBTITLE_MAX_WORDS = 25
_TAG = re.compile(r"^(?P<core>.*\S)\s+[|｜]\s+(?P<tag>\S.*)$")


def split_headline(headline: str) -> tuple[str, str | None, str | None]:
    """A headline as (title, subtitle taken from it, trailing tag).

    'A: B | Explained' gives ('A', 'B', 'Explained') when A is short and the whole is long; otherwise the
    headline (without its tag) is the title.
    """
    core, tag = headline, None
    match = _TAG.match(headline)
    if match is not None and word_count(match.group("tag")) <= 4:
        core, tag = match.group("core"), match.group("tag").strip()
    head, colon, tail = core.partition(": ")
    if colon and 1 <= word_count(head) <= 6 and word_count(tail) >= 3 and word_count(core) > 10:
        return head.strip(), capitalize(tail.strip()), tag
    return core.strip(), None, tag


def _subtitle_from_standfirst(standfirst: str) -> str:
    """The standfirst if short, else its first sentence, else a cut of it."""
    if word_count(standfirst) <= SUBTITLE_MAX_WORDS:
        return standfirst
    first = split_sentences(standfirst)[0]
    if word_count(first) <= SUBTITLE_MAX_WORDS:
        return first
    return short_title(first, 20)


def _short_source(title: str, tag: str | None) -> str:
    """The article as cited on each slide: its short title and tag."""
    short = title if word_count(title) <= TITLE_WORDS else short_title(title, 6)
    return f"{short} | {tag}" if tag else short


def _chapter_title(chapter: Chapter) -> str:
    """A section's title: its heading, else a title cut from its first sentence."""
    if chapter.heading:
        return chapter.heading
    blocks = chapter.blocks
    return short_title(first_sentence(blocks[0])) if blocks else OPENING_TITLE


def _chapter_slides(chapter: Chapter, title: str, context: SlideContext) -> list[Slide]:
    """The slides of one chapter: takeaways or bullets per part, then a timeline of its dates."""
    slides: list[Slide] = []
    topic = topic_of(title)
    blocks = chapter.blocks
    if chapter.takeaways and blocks and isinstance(blocks[0], ListBlock):
        slides.append(takeaways_slide(blocks[0], title, context))
        return slides
    for index, part in enumerate(chapter.parts):
        hint = (
            heading_title(part.heading)
            if part.heading
            else (heading_title(chapter.heading) if index == 0 and chapter.heading else None)
        )
        if part.heading and not part.blocks:
            part.blocks.append(Paragraph(part.heading))  # a subheading with nothing under it still shows
        part_topic = topic_of(part.heading) if part.heading else topic
        slides.extend(part_slides(part.blocks, hint, part_topic, title, context))
    paragraphs = [block.text for block in blocks if isinstance(block, Paragraph)]
    timeline = timeline_slide(paragraphs, topic, context)
    if timeline is not None:
        slides.append(timeline)
    return slides


def build_deck(article: Article, name: str) -> Deck:
    """The Deck for an article; `name` titles it when the article has no headline."""
    shape = article_shape(article)
    headline = shape.headline
    if headline is None:
        first = next(iter([*shape.lead, *(b for c in shape.chapters for b in c.blocks)]), None)
        headline = short_title(first_sentence(first)) if first is not None else name
    headline = headline.strip() or name
    title, headline_subtitle, tag = split_headline(headline)
    subtitle = headline_subtitle
    if subtitle is None and shape.standfirst:
        subtitle = _subtitle_from_standfirst(shape.standfirst)
    footer_text = f"{title} · {tag}" if tag else title
    footer = footer_text if word_count(footer_text) <= 10 else None
    source = _short_source(title, tag)
    context = SlideContext(BulletRoom(THEME, footer), source, headline)

    opening: list[Slide] = [TitleSlide(notes=shape.standfirst)]
    chapters = list(shape.chapters)
    opening_title = OPENING_TITLE
    if not shape.lead and chapters and chapters[0].takeaways:
        takeaways = chapters.pop(0)
        opening_title = takeaways.heading or OPENING_TITLE
        opening.extend(_chapter_slides(takeaways, opening_title, context))
    elif shape.lead:
        opening.extend(_chapter_slides(Chapter(None, [Part(None, list(shape.lead))]), opening_title, context))
    titles = [_chapter_title(chapter) for chapter in chapters]
    contents = [
        opening,
        *(_chapter_slides(c, name, context) for c, name in zip(chapters, titles, strict=True)),
    ]
    contents[-1].append(SourcesSlide())
    sections = [Section(title=opening_title, divider=False, slides=contents[0])]
    for section_title, slides in zip(titles, contents[1:], strict=True):
        sections.append(Section(title=section_title, slides=slides))

    sources = [Source(title=headline, url=article.url, publisher=article.publisher, date=article.date)]
    known = set(re.findall(r"\w+", f"{headline} {article.publisher or ''}".lower()))
    if article.extra_title and not set(re.findall(r"\w+", article.extra_title.lower())) <= known:
        sources.append(Source(title=article.extra_title, url=article.url))  # the page title says more
    return Deck(
        title=title,
        subtitle=subtitle,
        author=article.author or shape.byline,
        date=article.date,
        theme=THEME,
        footer=footer,
        sources=sources,
        sections=sections,
    )
