"""An article's shape into a Deck: title slide, takeaways, one section per heading, sources at the end."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from deckbuilder.importer.blocks import Article, Chrome, ListBlock, Paragraph
from deckbuilder.importer.sentences import capitalize, heading_title, split_sentences, word_count
from deckbuilder.importer.slides import BulletsFit, SlideContext, part_slides, takeaways_slide, timeline_slide
from deckbuilder.importer.structure import OVERVIEW_TITLE, Chapter, Part, Shape, article_shape
from deckbuilder.outline.inline import LINK_SCHEMES
from deckbuilder.outline.model import BulletsSlide, Deck, Section, Slide, Source, SourcesSlide, TitleSlide

SUBTITLE_MAX_WORDS = 25
DECK_TITLE_WORDS = 14
DECK_TITLE_CHARS = 100
FOOTER_MAX_WORDS = 10
FOOTER_MAX_CHARS = 70
SOURCE_MAX_CHARS = 70
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


def _subtitle_from_standfirst(standfirst: str, language: str) -> str:
    """The standfirst if short, else its first sentence if short, else the standfirst cut as a title."""
    if word_count(standfirst) <= SUBTITLE_MAX_WORDS:
        return standfirst
    first = split_sentences(standfirst, language)[0]
    if word_count(first) <= SUBTITLE_MAX_WORDS:
        return first
    return heading_title(first, SUBTITLE_MAX_WORDS, 180)


def _short_source(title: str, tag: str | None) -> str:
    """The article as cited on each slide: its title (cut short) and tag."""
    short = f"{title} | {tag}" if tag else title
    return short if len(short) <= SOURCE_MAX_CHARS else heading_title(title, 8, SOURCE_MAX_CHARS)


def _numbered(slides: list[Slide]) -> list[Slide]:
    """Slides that share a title within a section, numbered '(2/3)' so each title says where it stands."""
    counts = Counter(title for slide in slides if (title := getattr(slide, "title", None)))
    seen: Counter[str] = Counter()
    result: list[Slide] = []
    for slide in slides:
        title = getattr(slide, "title", None)
        if title and counts[title] > 1 and not isinstance(slide, TitleSlide):
            seen[title] += 1
            slide = replace(slide, title=f"{title} ({seen[title]}/{counts[title]})")
        result.append(slide)
    return result


def _chapter_slides(chapter: Chapter, context: SlideContext) -> list[Slide]:
    """The slides of one chapter: takeaways or bullets per part, then a timeline of its dated events."""
    title = heading_title(chapter.heading)
    blocks = chapter.blocks
    slides: list[Slide] = []
    if chapter.takeaways:
        first_list = next(block for block in blocks if isinstance(block, ListBlock))
        return [takeaways_slide(first_list, title, context)]
    for index, part in enumerate(chapter.parts):
        part_title = heading_title(part.heading) if part.heading else title
        part_blocks = list(part.blocks)
        if not part_blocks and (index or not blocks):  # a heading with nothing under it still shows
            part_blocks = [Paragraph(part.heading or chapter.heading)]
        if part.heading and part_title != part.heading and part.blocks:
            part_blocks.insert(0, Chrome(part.heading))  # a subheading cut for its title, whole in notes
        slides.extend(part_slides(part_blocks, part_title, context))
    paragraphs = [block.text for block in blocks if isinstance(block, Paragraph)]
    timeline = timeline_slide(paragraphs, title, context)
    if timeline is not None:
        slides.append(timeline)
    cut_heading = chapter.heading if title != chapter.heading else None  # the whole heading stays in notes
    lead_notes = [note for note in (chapter.note, cut_heading) if note]
    if lead_notes and slides:
        slides[0] = replace(slides[0], notes="\n\n".join(filter(None, [*lead_notes, slides[0].notes])))
    return _numbered(slides)


def _fold_empty_slides(contents: list[list[Slide]], headings: list[str | None]) -> list[list[Slide]]:
    """The sections' slides without bullets slides that show nothing (their text was all page chrome):
    their notes, and the heading of a section left with no slide, join the slide before them."""
    result: list[list[Slide]] = []
    last: tuple[list[Slide], int] | None = None

    def fold(text: str | None) -> None:
        if last is not None and text:
            target, index = last
            target[index] = replace(
                target[index], notes="\n\n".join(filter(None, [target[index].notes, text]))
            )

    for slides, heading in zip(contents, headings, strict=True):
        kept: list[Slide] = []
        result.append(kept)
        for slide in slides:
            if isinstance(slide, BulletsSlide) and not slide.points and last is not None:
                fold(slide.notes)
                continue
            kept.append(slide)
            last = (kept, len(kept) - 1)
        if not kept:
            fold(heading)
    return result


def _headline_of(shape: Shape, name: str) -> str:
    """The article's headline, or the file's name when it has none."""
    return (shape.headline or "").strip() or name


def build_deck(article: Article, name: str, language: str, theme: str, fits: BulletsFit) -> Deck:
    """The Deck for an article in a language, on a theme whose bullets slides hold what `fits` says;
    `name` titles it when the article has no headline."""
    shape = article_shape(article, article.author)
    headline = _headline_of(shape, name)
    title, headline_subtitle, tag = split_headline(headline)
    title = heading_title(title, DECK_TITLE_WORDS, DECK_TITLE_CHARS)
    subtitle = headline_subtitle
    if subtitle is None and shape.standfirst:
        subtitle = _subtitle_from_standfirst(shape.standfirst, language)
    footer_text = f"{title} · {tag}" if tag else title
    fits_footer = word_count(footer_text) <= FOOTER_MAX_WORDS and len(footer_text) <= FOOTER_MAX_CHARS
    footer = footer_text if fits_footer else None
    source = _short_source(title, tag)
    context = SlideContext(lambda t, points: fits(t, points, source, footer), source, language)

    opening: list[Slide] = [TitleSlide(notes=shape.standfirst)]
    chapters = list(shape.chapters)
    opening_title = OVERVIEW_TITLE
    if not shape.lead and chapters and chapters[0].takeaways:
        takeaways = chapters.pop(0)
        opening_title = heading_title(takeaways.heading)
        opening.extend(_chapter_slides(takeaways, context))
    elif shape.lead:
        opening.extend(_chapter_slides(Chapter(OVERVIEW_TITLE, [Part(None, list(shape.lead))]), context))
    elif chapters and chapters[0].heading == OVERVIEW_TITLE:  # a short text without headings: one section
        opening.extend(_chapter_slides(chapters.pop(0), context))
    titles = [opening_title, *(heading_title(chapter.heading) for chapter in chapters)]
    contents = _fold_empty_slides(
        [opening, *(_chapter_slides(chapter, context) for chapter in chapters)],
        [None, *(chapter.heading for chapter in chapters)],
    )
    sections = [Section(title=titles[0], divider=False, slides=contents[0])]
    sections.extend(  # a heading over nothing but page chrome makes no section
        Section(title=title, slides=slides)
        for title, slides in zip(titles[1:], contents[1:], strict=True)
        if slides
    )
    sections[-1].slides.append(SourcesSlide())

    url = (
        article.url if article.url and article.url.lower().startswith(LINK_SCHEMES) else None
    )  # as a deck takes
    sources = [Source(title=headline, url=url, publisher=article.publisher, date=article.date)]
    known = set(re.findall(r"\w+", f"{headline} {article.publisher or ''}".lower()))
    if article.extra_title and not set(re.findall(r"\w+", article.extra_title.lower())) <= known:
        sources.append(Source(title=article.extra_title, url=url))  # the page title says more
    return Deck(
        title=title,
        subtitle=subtitle,
        author=article.author or shape.byline,
        date=article.date,
        theme=theme,
        footer=footer,
        sources=sources,
        sections=sections,
    )
