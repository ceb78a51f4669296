"""Outline text read as the outline's inline syntax (emphasis, code, links, escapes, by markdown-it-py's
rules for just those): its plain words, and its spans, for tests that compare what a slide shows."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt

_INLINE = MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape"])
_KINDS = {"strong_open": "bold", "em_open": "italic", "link_open": "link"}


@dataclass(frozen=True)
class Shown:
    """What one outline value shows: its plain text, and (kind, text, address) for each span."""

    text: str
    spans: tuple[tuple[str, str, str | None], ...]


def shown(value: str) -> Shown:
    """The plain text and spans of an outline value, line by line."""
    lines: list[str] = []
    spans: list[tuple[str, str, str | None]] = []
    for line in value.split("\n"):
        parts: list[str] = []
        opened: list[tuple[str, int, str | None]] = []
        for token in _INLINE.parseInline(line)[0].children or []:
            if token.type == "text":
                parts.append(token.content)
            elif token.type == "code_inline":
                parts.append(token.content)
                spans.append(("code", token.content, None))
            elif token.type in _KINDS:
                href = token.attrGet("href")
                opened.append((_KINDS[token.type], len("".join(parts)), str(href) if href else None))
            elif token.type.endswith("_close") and opened:
                kind, start, href = opened.pop()
                spans.append((kind, "".join(parts)[start:], href))
        lines.append("".join(parts))
    return Shown("\n".join(lines), tuple(spans))


def plain(value: str) -> str:
    """The plain text an outline value shows."""
    return shown(value).text
