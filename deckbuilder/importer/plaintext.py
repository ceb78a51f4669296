"""Plain-text articles: headline on the first line, headings as short lines of their own, lists, prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

from deckbuilder.importer.blocks import (
    Article,
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    block_text,
    clean_text,
)
from deckbuilder.importer.sentences import word_count
from deckbuilder.importer.structure import is_takeaways_label

HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
WRAP_MAX_WIDTH = 100
"""Lines are hard-wrapped prose only if the text's long lines are at most this many characters."""

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*+•‣◦▪–]|\d{1,3}[.)]|[a-zA-Z][)])[ \t]+(?P<text>\S.*)$")
_FINAL_PUNCTUATION = ".,;!?…。！？，；،؛؟۔।:："
_QUOTE_LINE = re.compile(r"^\s*(?:[“\"«](?P<text>.+)[”\"»]|>\s?(?P<mail>.*))\s*$")
_ATTRIBUTION = re.compile(r"^\s*(?:—|–|--)\s*(?P<who>\S.{0,80})$")


@dataclass
class _Line:
    """A logical line: one source line, or several joined when the text is hard-wrapped."""

    text: str
    indent: int


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with punctuation (closing quotes and brackets aside)."""
    end = line.rstrip().rstrip("”’\"')»]")[-1:]
    return bool(end) and end in _FINAL_PUNCTUATION


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text is hard-wrapped at, or None when every line is a paragraph of its own."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths or not any(not line.strip() for line in lines):
        return None
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) > 1 else lengths[0]
    if width > WRAP_MAX_WIDTH:
        return None
    long_lines = [line for line in lines if len(line.rstrip()) >= 0.6 * width and not _BULLET.match(line)]
    open_ended = sum(1 for line in long_lines if not _ends_sentence(line))
    return width if long_lines and open_ended * 2 >= len(long_lines) else None


def _logical_lines(text: str) -> list[_Line]:
    """Source lines, with hard-wrapped continuation lines joined to the line they continue."""
    raw = text.split("\n")
    width = _wrap_width(raw)
    result: list[_Line] = []
    previous: str | None = None
    for line in raw:
        stripped = line.strip()
        if not clean_text(stripped):
            previous = None
            continue
        indent = len(line) - len(line.lstrip())
        joins = (
            width is not None
            and previous is not None
            and not _BULLET.match(line)
            and len(previous.rstrip()) >= 0.5 * width
        )
        if joins and result:
            result[-1].text = _join(result[-1].text, stripped)
        else:
            result.append(_Line(stripped, indent))
        previous = line
    return result


def _join(left: str, right: str) -> str:
    """Two pieces of a wrapped line: with a space, or without one between characters of CJK scripts."""
    if re.search(r"[\u3000-\u9fff\uff00-\uffef]$", left) and re.match(r"[\u3000-\u9fff\uff00-\uffef]", right):
        return left + right
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left + right  # a word hyphenated across lines
    return f"{left} {right}"


def _is_heading_candidate(text: str) -> bool:
    """A short line without final punctuation, starting with a capital or a non-Latin letter."""
    if word_count(text) > HEADING_MAX_WORDS or len(text) > HEADING_MAX_CHARS or _BULLET.match(text):
        return False
    if _ends_sentence(text) and not is_takeaways_label(text):
        return False
    first = next((char for char in text if char.isalnum()), "")
    return bool(first) and not first.islower()


def _quote_at(lines: list[_Line], index: int) -> tuple[Quote, int] | None:
    """A line that is all quotation (or '>' lines), with an '— Name' line after it: a quote block."""
    match = _QUOTE_LINE.match(lines[index].text)
    if match is None:
        return None
    if match.group("mail") is not None:
        parts: list[str] = []
        end = index
        while end < len(lines) and (m := _QUOTE_LINE.match(lines[end].text)) and m.group("mail") is not None:
            parts.append(m.group("mail"))
            end += 1
        text = clean_text(" ".join(parts))
    else:
        text, end = clean_text(match.group("text")), index + 1
    if word_count(text) < 4:
        return None
    who = None
    if end < len(lines) and (by := _ATTRIBUTION.match(lines[end].text)) and word_count(by.group("who")) <= 10:
        who, end = clean_text(by.group("who")), end + 1
    elif match.group("mail") is None and who is None:
        return None  # a quoted line with no one named is prose that happens to start and end with quotes
    return Quote(text, who), end


def parse_plain_text(text: str) -> Article:
    """The blocks of a plain-text article; its first line is its headline."""
    lines = _logical_lines(text)
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _BULLET.match(line.text):
            items, index = _list_at(lines, index)
            blocks.append(ListBlock(tuple(items), ordered=bool(re.match(r"\d", line.text))))
            continue
        quote = _quote_at(lines, index)
        if quote is not None and index > 0:
            blocks.append(quote[0])
            index = quote[1]
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        cleaned = clean_text(line.text)
        if index == 0:
            blocks.append(Heading(1, cleaned) if word_count(cleaned) <= 30 else Paragraph(cleaned))
        elif (
            following is not None
            and _is_heading_candidate(line.text)
            and not _is_heading_candidate(following.text)
        ):
            blocks.append(
                Heading(2, cleaned.rstrip(":：").strip() if is_takeaways_label(cleaned) else cleaned)
            )
        elif cleaned:
            blocks.append(Paragraph(cleaned))
        index += 1
    headline = block_text(blocks.pop(0)) if blocks and isinstance(blocks[0], Heading) else None
    return Article(blocks, headline=headline)


def _list_at(lines: list[_Line], index: int) -> tuple[list[ListItem], int]:
    """The items of a list starting at index (nested items by indentation), and the index after it."""
    base = lines[index].indent
    items: list[ListItem] = []
    while index < len(lines):
        match = _BULLET.match(lines[index].text)
        if match is None:
            break
        text = clean_text(match.group("text"))
        if lines[index].indent > base and items:
            last = items[-1]
            items[-1] = ListItem(last.text, (*last.children, text), last.marker)
        else:
            items.append(ListItem(text, marker=match.group("mark")))
        index += 1
    return items, index
