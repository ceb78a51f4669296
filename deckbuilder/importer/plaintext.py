"""Plain-text articles: the headline on the first line, headings as short lines standing alone before
prose, lists, quotations, and page chrome set apart for the notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from deckbuilder.importer.blocks import (
    Article,
    Block,
    Chrome,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    clean_text,
)
from deckbuilder.importer.chrome import (
    is_byline,
    is_chrome,
    is_credit,
    is_link_line,
    is_links_label,
    is_navigation_run,
    is_rule,
)
from deckbuilder.importer.sentences import word_count
from deckbuilder.importer.structure import is_takeaways_label

HEADING_MAX_WORDS = 14
HEADING_MAX_CHARS = 120
HEADLINE_MAX_WORDS = 30
WRAP_MAX_WIDTH = 100
"""Lines are hard-wrapped prose only if the text's long lines are at most this many characters."""
CAPTION_MAX_WORDS = 60
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 4
UNMARKED_ITEM_MAX_WORDS = 25
UNMARKED_LIST_MAX = 40
GROUPED_ITEM_MAX_WORDS = 60
PROSE_MIN_WORDS = 8
"""A line at least this long, ending a sentence, is prose that can follow a heading."""

_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*+•‣◦▪–]|\d{1,3}[.)]|[a-zA-Z][)])[ \t]+(?P<text>\S.*)$")
_SENTENCE_END = ".,;!…。！，；،؛۔।:："
_QUOTE_LINE = re.compile(r"^\s*(?:[“\"«„](?P<text>[^“”\"«»„]+)[”\"»“]|>\s?(?P<mail>.*))\s*$")
_ATTRIBUTION = re.compile(r"^\s*(?:—|–|--)\s*(?P<who>\S.{0,80})$")


_SENTENCE_START = re.compile(r"(?<=[.!?])[\"'”’“]?\s+")
PULL_QUOTE_KEY_CHARS = 40


def _quote_key(text: str) -> str:
    """The first characters of a sentence, quotes and case aside: what a pull quote repeats."""
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()[:60]


@dataclass
class _Line:
    """A logical line: one source line, or several joined when the text is hard-wrapped."""

    text: str
    indent: int
    group: int = 0
    """Which run of lines between blank lines it stands in."""


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with punctuation that closes or continues a sentence ('?' does not count)."""
    end = line.rstrip().rstrip("”’\"')»]")[-1:]
    return bool(end) and end in _SENTENCE_END


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text is hard-wrapped at, or None when every line is a paragraph of its own."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths or not any(not line.strip() for line in lines):
        return None
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) > 1 else lengths[0]
    if width > WRAP_MAX_WIDTH:
        return None
    long_lines = [line for line in lines if len(line.rstrip()) >= 0.6 * width and not _BULLET.match(line)]
    open_ended = sum(1 for line in long_lines if not _ends_sentence(line) and not line.rstrip().endswith("?"))
    return width if long_lines and open_ended * 2 >= len(long_lines) else None


def _logical_lines(text: str) -> list[_Line]:
    """Source lines, with hard-wrapped continuation lines joined to the line they continue."""
    raw = text.split("\n")
    width = _wrap_width(raw)
    result: list[_Line] = []
    previous: str | None = None
    group = 0
    for line in raw:
        stripped = line.strip()
        if not clean_text(stripped):
            group += previous is not None
            previous = None
            continue
        joins = (
            width is not None
            and previous is not None
            and not _BULLET.match(line)
            and len(previous.rstrip()) >= 0.5 * width
        )
        if joins and result:
            result[-1].text = _join(result[-1].text, stripped)
        else:
            result.append(_Line(stripped, len(line) - len(line.lstrip()), group))
        previous = line
    return result


def _join(left: str, right: str) -> str:
    """Two pieces of a wrapped line: with a space, or without one between characters of CJK scripts."""
    if re.search(r"[\u3000-\u9fff\uff00-\uffef]$", left) and re.match(r"[\u3000-\u9fff\uff00-\uffef]", right):
        return left + right
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left + right  # a word hyphenated across lines
    return f"{left} {right}"


def _is_heading_shape(text: str) -> bool:
    """A short line that does not end a sentence (a question mark is fine), starting with a capital."""
    if word_count(text) == 0 or word_count(text) > HEADING_MAX_WORDS or len(text) > HEADING_MAX_CHARS:
        return False
    if _BULLET.match(text) or is_rule(text) or is_chrome(text):
        return False
    if _ends_sentence(text) and not is_takeaways_label(text):
        return False  # a line ending with a colon is a list's lead-in, not a heading
    first = next((char for char in text if char.isalnum()), "")
    return bool(first) and not first.islower()


def _is_caption_shape(text: str) -> bool:
    """A line too long for a heading that ends without punctuation: a picture's caption, not prose."""
    end = text.rstrip().rstrip(")]”’\"'")[-1:]
    return HEADING_MAX_WORDS < word_count(text) <= CAPTION_MAX_WORDS and end.isalnum()


def _is_unmarked_item(text: str) -> bool:
    """A line that can be an item of a list written without bullet marks: short, not a full sentence."""
    return 0 < word_count(text) <= UNMARKED_ITEM_MAX_WORDS and not text.rstrip().endswith((".", "!", ":"))


def _is_prose(line: _Line) -> bool:
    """A line of running text (or a list) that a heading may stand over."""
    if _BULLET.match(line.text) or _QUOTE_LINE.match(line.text):
        return True
    return not is_chrome(line.text) and (
        word_count(line.text) >= PROSE_MIN_WORDS or (_ends_sentence(line.text) and word_count(line.text) >= 3)
    )


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
    elif match.group("mail") is None:
        return None  # a quoted line with no one named is prose that happens to start and end with quotes
    return Quote(text, who), end


def _list_at(lines: list[_Line], index: int) -> tuple[list[ListItem], int]:
    """The items of a list starting at index (nested items by indentation), and the index after it."""
    base = lines[index].indent
    items: list[tuple[str, str, list[str]]] = []
    while index < len(lines):
        match = _BULLET.match(lines[index].text)
        if match is None:
            break
        text = clean_text(match.group("text"))
        if lines[index].indent > base and items:
            items[-1][2].append(text)
        else:
            items.append((text, match.group("mark"), []))
        index += 1
    return [ListItem(text, tuple(children), mark) for text, mark, children in items], index


@dataclass
class _LineFacts:
    """What the reader asks of every line, worked out once from the end so reading stays linear."""

    chrome: list[bool]
    next_content: list[int]
    """For each index, the first line from it on that is not chrome (len(lines) when none is)."""
    heading_run: list[int]
    """For each index, how many heading-shaped lines stand together from it, chrome between aside."""

    @classmethod
    def of(cls, lines: list[_Line]) -> _LineFacts:
        """The facts of every line."""
        count = len(lines)
        chrome = [is_chrome(line.text) and not _BULLET.match(line.text) for line in lines]
        for index in range(count - 1):  # a caption: the line above a picture's credit
            if is_credit(lines[index + 1].text) and word_count(lines[index].text) <= CAPTION_MAX_WORDS:
                chrome[index] = True
        links = False
        for index, line in enumerate(lines):  # the links under 'Related Topics', 'Top Stories' …
            links = is_links_label(line.text) or (links and is_link_line(line.text))
            chrome[index] = chrome[index] or links
        next_content = [count] * (count + 1)
        heading_run = [0] * (count + 1)
        for index in range(count - 1, -1, -1):
            next_content[index] = next_content[index + 1] if chrome[index] else index
            if _is_heading_shape(lines[index].text):
                heading_run[index] = 1 + heading_run[next_content[index + 1]]
        return cls(chrome, next_content, heading_run)


class _Reader:
    """Reads logical lines into blocks, one decision per line."""

    def __init__(self, lines: list[_Line], facts: _LineFacts, start: int) -> None:
        self.lines = lines
        self.facts = facts
        self.blocks: list[Block] = []
        self.index = start
        self.byline: str | None = None
        self.openings: set[str] = set()

    def read(self) -> list[Block]:
        """Every block of the text, in order."""
        while self.index < len(self.lines):
            self._step()
        return self.blocks

    def _step(self) -> None:
        """Read the block that starts at the current line."""
        lines, index = self.lines, self.index
        text = lines[index].text
        if _BULLET.match(text):
            items, self.index = _list_at(lines, index)
            self.blocks.append(ListBlock(tuple(items), ordered=bool(re.match(r"\d", text))))
            return
        quote = _quote_at(lines, index)
        if quote is not None:
            self.blocks.append(quote[0])
            self.index = quote[1]
            return
        self.index += 1
        cleaned = clean_text(text)
        if is_byline(cleaned) and self.byline is None:
            self.byline = cleaned
            self.blocks.append(Chrome(cleaned))
        elif self.facts.chrome[index] or self._repeats(cleaned):
            self.blocks.append(Chrome(cleaned))
        elif self._after_lead_in() and (end := self._items_end(index)) > index:
            unmarked = tuple(ListItem(clean_text(line.text)) for line in self.lines[index:end])
            self.blocks.append(ListBlock(unmarked))
            self.index = end
        elif _is_heading_shape(cleaned) and self._after_pull_quote():
            self.blocks.append(Chrome(cleaned))  # the credit of a pull quote
        elif _is_heading_shape(cleaned):
            self._heading_or_menu(index, cleaned)
        elif _is_caption_shape(cleaned):
            self.blocks.append(Chrome(cleaned))  # a picture's caption: words, but no sentence
        elif cleaned:
            self.blocks.append(Paragraph(cleaned))
            self._remember(cleaned)

    def _after_lead_in(self) -> bool:
        """Whether the block just read is a paragraph that ends with a colon, introducing a list."""
        last = self.blocks[-1] if self.blocks else None
        return isinstance(last, Paragraph) and last.text.rstrip().endswith((":", "："))

    def _items_end(self, index: int) -> int:
        """Where the items of a list written without bullet marks end, from `index` after a lead-in:
        short lines that are not sentences, or the lines standing together without a blank between."""
        lines, end = self.lines, index
        while end < len(lines) and end - index < UNMARKED_LIST_MAX and _is_unmarked_item(lines[end].text):
            end += 1
        if end > index:
            return end
        group = lines[index].group
        while (
            end < len(lines)
            and end - index < UNMARKED_LIST_MAX
            and lines[end].group == group
            and word_count(lines[end].text) <= GROUPED_ITEM_MAX_WORDS
            and not self.facts.chrome[end]
            and not _BULLET.match(lines[end].text)
        ):
            end += 1
        spaced = lines[-1].group > 0  # only a text with blank lines between paragraphs groups its lines
        return end if spaced and end - index >= 2 else index

    def _remember(self, paragraph: str) -> None:
        """Keep the openings of a paragraph's sentences, to know a pull quote that repeats them."""
        for sentence in _SENTENCE_START.split(paragraph):
            key = _quote_key(sentence)
            if len(key) >= PULL_QUOTE_KEY_CHARS:
                self.openings.add(key)

    def _repeats(self, line: str) -> bool:
        """Whether a line repeats the opening of a sentence told before: a pull quote."""
        key = _quote_key(line)
        return len(key) >= PULL_QUOTE_KEY_CHARS and key in self.openings

    def _after_pull_quote(self) -> bool:
        """Whether the block just read is a pull quote (so a short line after it is its credit)."""
        last = self.blocks[-1] if self.blocks else None
        return isinstance(last, Chrome) and self._repeats(last.text)

    def _heading_or_menu(self, index: int, cleaned: str) -> None:
        """A heading-shaped line: a heading before prose, a kicker over a heading, or part of a menu."""
        run = self.facts.heading_run[index]
        after = self.facts.next_content[index + 1]
        if after >= len(self.lines):
            self.blocks.append(Chrome(cleaned))  # a sign-off ('Team 18F') closing the text
            return
        followed_by_prose = _is_prose(self.lines[after])
        if run >= 3:
            menu = [self.lines[i].text for i in range(index, min(index + run + 2, len(self.lines)))]
            if is_navigation_run(menu[:run]):
                self.blocks.append(Chrome(cleaned))
                return
        level = 3 if self.blocks and isinstance(self.blocks[-1], Heading) else 2
        if followed_by_prose or run == 2:
            text = cleaned.rstrip(":：").strip() if is_takeaways_label(cleaned) else cleaned
            self.blocks.append(Heading(level, text))
        else:
            self.blocks.append(Paragraph(cleaned))


def _after_menu(lines: list[_Line], facts: _LineFacts, start: int) -> int:
    """Where the article starts after a site's menu copied above it ('Home', 'News', 'Sport' …, then
    the headline): the first line of a run of short heading-shaped lines that is longer than a menu item."""
    if facts.heading_run[start] < MENU_MIN_ITEMS:
        return start
    index = start
    while index < len(lines) and _is_heading_shape(lines[index].text):
        if word_count(lines[index].text) > MENU_ITEM_MAX_WORDS:
            break
        index = facts.next_content[index + 1]
    if index >= len(lines) or index - start < MENU_MIN_ITEMS or not _is_heading_shape(lines[index].text):
        return start  # no headline after the short lines: they are the text's own
    for menu in range(start, index):
        facts.chrome[menu] = True
    return index


def parse_plain_text(text: str) -> Article:
    """The blocks of a plain-text article; its first line (that is not chrome) is its headline."""
    lines = _logical_lines(text)
    facts = _LineFacts.of(lines)
    start = _after_menu(lines, facts, facts.next_content[0])
    headline = None
    lead: list[Block] = [Chrome(clean_text(line.text)) for line in lines[:start] if clean_text(line.text)]
    if start < len(lines) and word_count(lines[start].text) <= HEADLINE_MAX_WORDS:
        headline = clean_text(lines[start].text)
        start += 1
    reader = _Reader(lines, facts, start)
    blocks = [*lead, *reader.read()]
    if headline is not None:
        blocks = [
            b for b in blocks if not (isinstance(b, Heading) and b.text.casefold() == headline.casefold())
        ]
    return Article(blocks, headline=headline, author=_author(reader.byline))


def _author(byline: str | None) -> str | None:
    """The names of a byline, without its 'By' and the description after them ('Jane Doe' of
    'By Jane Doe, Business reporter')."""
    if byline is None:
        return None
    names = byline.split(" ", 1)[1] if " " in byline else ""
    return re.split(r"\s*[,|–—]\s*|\s+-\s+", names, maxsplit=1)[0].strip() or None
