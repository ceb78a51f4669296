"""Markdown articles: '#' headings (and underlined ones), lists, block quotes, tables, front matter."""

from __future__ import annotations

import re

from deckbuilder.importer.blocks import (
    Article,
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Table,
    clean_text,
)

_ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?P<mark>=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[-*+]|\d{1,9}[.)])(?:[ \t]+(?P<text>.*)|$)")
_QUOTE = re.compile(r"^ {0,3}> ?(?P<text>.*)$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$")
_ATTRIBUTION = re.compile(r"^(?:—|–|--)\s*(?P<who>\S.*)$")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

_INLINE = [
    (re.compile(r"!\[(?P<t>[^\]]*)\]\([^)]*\)"), r"\g<t>"),  # image: its alt text
    (re.compile(r"\[(?P<t>[^\]]+)\]\((?:[^()]|\([^)]*\))*\)"), r"\g<t>"),  # link: its text
    (re.compile(r"\[(?P<t>[^\]]+)\]\[[^\]]*\]"), r"\g<t>"),  # reference link
    (re.compile(r"\[\^[^\]]+\]"), ""),  # footnote reference
    (re.compile(r"<(?P<t>(?:https?|mailto):[^>\s]+)>"), r"\g<t>"),  # autolink: the address is the text
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"(?P<m>`+)(?P<t>.+?)(?P=m)"), r"\g<t>"),  # code
    (re.compile(r"(?P<m>\*\*\*|___|\*\*|__|~~)(?=\S)(?P<t>.+?)(?<=\S)(?P=m)"), r"\g<t>"),  # strong, struck
    (re.compile(r"(?<![\w*])\*(?=\S)(?P<t>[^*]+?)(?<=\S)\*(?!\*)"), r"\g<t>"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=\S)(?P<t>[^_]+?)(?<=\S)_(?![\w_])"), r"\g<t>"),  # emphasis
    (re.compile(r"\\(?P<t>[\\`*_{}\[\]()#+\-.!|>~])"), r"\g<t>"),  # escapes
]


def inline_text(text: str) -> str:
    """Markdown inline markup removed, the words kept: links keep their text, images their alt text."""
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return clean_text(text)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple 'key: value' front matter at the top of the file, and the text after it."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    values: dict[str, str] = {}
    for line in match.group("body").split("\n"):
        key, colon, value = line.partition(":")
        if colon and key.strip() and not key.startswith((" ", "\t")):
            values[key.strip().lower()] = clean_text(value.strip().strip("'\""))
    return values, text[match.end() :]


class _Reader:
    """Reads Markdown line by line into blocks."""

    def __init__(self, text: str) -> None:
        self.lines = _COMMENT.sub("", text).split("\n")
        self.index = 0
        self.blocks: list[Block] = []

    def _line(self, offset: int = 0) -> str | None:
        """The line `offset` lines ahead, or None past the end."""
        position = self.index + offset
        return self.lines[position] if position < len(self.lines) else None

    def read(self) -> list[Block]:
        """Every block of the text, in order."""
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if not line.strip() or _LINK_DEFINITION.match(line):
                self.index += 1
            elif (atx := _ATX.match(line)) is not None:
                self._heading(len(atx.group("marks")), atx.group("text") or "")
                self.index += 1
            elif _FENCE.match(line):
                self._fenced()
            elif _RULE.match(line):
                self.index += 1
            elif _QUOTE.match(line):
                self._quote()
            elif (item := _ITEM.match(line)) is not None and (item.group("text") or "").strip():
                self._list()
            elif _TABLE_ROW.match(line) and _TABLE_RULE.match(self._line(1) or ""):
                self._table()
            else:
                self._paragraph()
        return self.blocks

    def _heading(self, level: int, text: str) -> None:
        """An ATX or underlined heading."""
        cleaned = inline_text(text)
        if cleaned:
            self.blocks.append(Heading(level, cleaned))

    def _fenced(self) -> None:
        """A fenced code block, kept as a paragraph of its text."""
        fence = _FENCE.match(self.lines[self.index])
        assert fence is not None
        marker = fence.group("fence")
        self.index += 1
        body: list[str] = []
        while self.index < len(self.lines) and not self.lines[self.index].strip().startswith(marker):
            body.append(self.lines[self.index])
            self.index += 1
        self.index += 1
        text = clean_text(" ".join(body))
        if text:
            self.blocks.append(Paragraph(text))

    def _quote(self) -> None:
        """A '>' block quotation, with an '— Name' last line as its attribution."""
        parts: list[str] = []
        while self.index < len(self.lines) and (match := _QUOTE.match(self.lines[self.index])):
            parts.append(match.group("text"))
            self.index += 1
        lines = [line.strip() for line in parts]
        who = None
        while lines and not lines[-1]:
            lines.pop()
        if len(lines) > 1 and (by := _ATTRIBUTION.match(inline_text(lines[-1]))) is not None:
            who = by.group("who")
            lines.pop()
        inner = _Reader("\n".join(lines)).read()
        text = clean_text(" ".join(_flat_text(block) for block in inner))
        if text:
            self.blocks.append(Quote(text, who))

    def _list(self) -> None:
        """A list: items by their marker, nested items by indentation, continuation lines joined."""
        first = _ITEM.match(self.lines[self.index])
        assert first is not None
        base = len(first.group("indent").expandtabs(4))
        ordered = first.group("mark")[0].isdigit()
        items: list[ListItem] = []
        current: list[str] | None = None
        children: list[str] = []
        marker = first.group("mark")

        def close() -> None:
            """Add the item being read, if any, to the list."""
            if current is not None:
                text = inline_text(" ".join(current))
                kids = tuple(inline_text(child) for child in children if inline_text(child))
                if text:
                    items.append(ListItem(text, kids, marker))
                elif kids:
                    items.extend(ListItem(kid) for kid in kids)

        while self.index < len(self.lines):
            line = self.lines[self.index]
            match = _ITEM.match(line)
            indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
            if not line.strip():
                following = self._line(1)
                if following is None or not following.strip():
                    break
                follow_indent = len(following.expandtabs(4)) - len(following.expandtabs(4).lstrip())
                if not (_ITEM.match(following) and follow_indent >= base) and follow_indent <= base:
                    break
                self.index += 1
                continue
            if match is not None and indent <= base + 1:
                close()
                current, children, marker = [match.group("text") or ""], [], match.group("mark")
            elif match is not None:
                children.append(match.group("text") or "")
            elif indent > base and children:
                children[-1] += " " + line.strip()
            elif current is not None and (indent > base or not self._starts_block(line)):
                current.append(line.strip())
            else:
                break
            self.index += 1
        close()
        if items:
            self.blocks.append(ListBlock(tuple(items), ordered))

    def _table(self) -> None:
        """A pipe table: header row, rule, rows."""
        rows: list[list[str]] = []
        while self.index < len(self.lines) and _TABLE_ROW.match(self.lines[self.index]):
            line = self.lines[self.index]
            self.index += 1
            if _TABLE_RULE.match(line):
                continue
            cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
            rows.append([inline_text(cell) for cell in cells])
        width = max(len(row) for row in rows)
        padded = [tuple(row + [""] * (width - len(row))) for row in rows]
        if len(padded) >= 2 and any(padded[0]):
            self.blocks.append(Table(padded[0], tuple(padded[1:])))
        else:
            self.blocks.extend(Paragraph(" ".join(row)) for row in padded if any(row))

    def _starts_block(self, line: str) -> bool:
        """Whether a line starts a block that ends a paragraph."""
        return bool(_ATX.match(line) or _FENCE.match(line) or _QUOTE.match(line) or _RULE.match(line))

    def _paragraph(self) -> None:
        """A paragraph, or an underlined (setext) heading."""
        parts: list[str] = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if not line.strip() or (parts and (self._starts_block(line) or _ITEM.match(line))):
                break
            setext = _SETEXT.match(line)
            if parts and setext is not None:
                self._heading(1 if setext.group("mark")[0] == "=" else 2, " ".join(parts))
                self.index += 1
                return
            parts.append(line.strip())
            self.index += 1
        text = inline_text(" ".join(parts))
        if text:
            self.blocks.append(Paragraph(text))


def _flat_text(block: Block) -> str:
    """A block's words on one line, for the text of a block quotation."""
    if isinstance(block, Heading | Paragraph):
        return block.text
    if isinstance(block, ListBlock):
        return " ".join(" ".join([item.marker, item.text, *item.children]) for item in block.items)
    if isinstance(block, Quote):
        return block.text
    return " ".join(" ".join(row) for row in (block.header, *block.rows))


def parse_markdown(text: str) -> Article:
    """The blocks of a Markdown article; its first heading (or front-matter title) is its headline."""
    meta, body = _front_matter(text)
    blocks = _Reader(body).read()
    headline = meta.get("title") or None
    if headline is None and blocks and isinstance(blocks[0], Heading):
        headline = _flat_text(blocks.pop(0))
    elif headline is not None and blocks and isinstance(blocks[0], Heading) and blocks[0].text == headline:
        blocks.pop(0)
    standfirst = meta.get("subtitle") or meta.get("description")
    if standfirst and not any(isinstance(b, Paragraph) and b.text == standfirst for b in blocks[:2]):
        blocks.insert(0, Paragraph(standfirst))
    return Article(
        blocks,
        headline=headline,
        url=meta.get("canonical_url") or meta.get("canonical") or meta.get("url") or None,
        author=meta.get("author") or None,
        date=meta.get("date") or None,
    )
