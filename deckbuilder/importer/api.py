"""Importing an article (plain text, Markdown or HTML) into a deck outline, losing none of its words."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from deckbuilder.errors import DeckError
from deckbuilder.importer.blocks import Article, block_text
from deckbuilder.importer.reader import (
    FORMATS,
    NAMED_FORMATS,
    ArticleFormat,
    detect_format,
    normalize_text,
    read_article_file,
)
from deckbuilder.importer.sentences import word_count
from deckbuilder.outline.yaml_compose import MAX_NODES
from deckbuilder.records import as_data

if TYPE_CHECKING:  # the model loads only when an article is imported: `--help` stays fast
    from deckbuilder.importer.slides import BulletsFit
    from deckbuilder.outline.model import Deck

__all__ = ["FORMATS", "import_article", "import_text"]

_PATH_LIKE_MAX = 4096
MAX_IMPORT_NODES = MAX_NODES // 2
"""Room left under the loader's node limit, so the outline still opens after a user's edits."""
MAX_IMPORT_WORDS = 200_000
"""An article longer than this (a book, a whole site) would make an outline past the loader's limits."""


def _parse(text: str, fmt: ArticleFormat) -> Article:
    """The article's blocks, by the reader for its format."""
    if fmt == "html":
        from deckbuilder.importer.html import parse_html

        return parse_html(text)
    if fmt == "markdown":
        from deckbuilder.importer.markdown import parse_markdown

        return parse_markdown(text)
    from deckbuilder.importer.plaintext import parse_plain_text

    return parse_plain_text(text)


def import_text(
    text: str,
    *,
    theme: str,
    fits: BulletsFit,
    format: str = "auto",
    name: str = "<article>",
    path: Path | None = None,
) -> Deck:
    """The deck outline for an article's text on a theme (`fits` measures its bullets slides);
    `name` locates problems, `path` helps tell the format."""
    if format not in FORMATS:
        raise DeckError.single(name, f"unknown article format {format!r}; use one of {', '.join(FORMATS)}")
    text = normalize_text(text)
    if not text.strip():
        raise DeckError.single(name, "the article is empty")
    fmt = detect_format(text, path) if format == "auto" else NAMED_FORMATS[format]
    article = _parse(text, fmt)
    if not _has_words(article):
        raise DeckError.single(name, f"no article text found in this {fmt} file")
    words = sum(word_count(block_text(block)) for block in article.blocks)
    if words > MAX_IMPORT_WORDS:
        raise DeckError.single(
            name,
            f"the article has {words:,} words; imports are limited to {MAX_IMPORT_WORDS:,} "
            "(split it into parts and import each)",
        )
    from deckbuilder.importer.language import guess_language
    from deckbuilder.importer.marks import Marker, article_texts
    from deckbuilder.importer.outline import build_deck

    stem = path.stem if path is not None else "Article"
    language = guess_language(" ".join(block_text(block) for block in article.blocks[:400]))
    deck = Marker(article.marks, article_texts(article)).deck(
        build_deck(article, stem, language, theme, fits)
    )
    nodes = _node_count(as_data(deck))
    if nodes > MAX_IMPORT_NODES:
        raise DeckError.single(
            name,
            f"the article would make an outline of {nodes:,} entries; outlines hold at most "
            f"{MAX_IMPORT_NODES:,} (split the article into parts and import each)",
        )
    return deck


def import_article(
    source: str | os.PathLike[str], *, theme: str, fits: BulletsFit, format: str = "auto"
) -> Deck:
    """The deck outline for an article: a file (a path, or a one-line str naming a file or ending in .txt,
    .md or .html) or the article's text itself. Raises DeckError, located, for a bad file or no text."""
    if isinstance(source, str) and (
        "\n" in source or len(source) > _PATH_LIKE_MAX or not _names_a_file(source)
    ):
        return import_text(source, theme=theme, fits=fits, format=format)
    path = Path(source)
    return import_text(
        read_article_file(path), theme=theme, fits=fits, format=format, name=str(path), path=path
    )


def _node_count(data: object) -> int:
    """How many YAML nodes plain outline data makes (each mapping key and value, each list item)."""
    count, stack = 0, [data]
    while stack:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            count += len(value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


def _has_words(article: Article) -> bool:
    """Whether the article holds any word at all (not only marks, rules or markup)."""
    texts = [article.headline or "", *(block_text(block) for block in article.blocks)]
    return any(re.search(r"\w", text) for text in texts)


def _names_a_file(text: str) -> bool:
    """Whether a one-line string is meant as a path: it names something that exists, or ends like a file."""
    try:
        if Path(text).exists():
            return True
    except (OSError, ValueError):
        return False
    return Path(text).suffix.lower() in (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
