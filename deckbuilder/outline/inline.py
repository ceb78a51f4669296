"""Inline rich text in outline values: **bold**, *italic*, `code` and [links](https://…) as runs."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

MARKERS = frozenset("*_`[\\")
"""Characters that may start inline markup; a value without any of them (and without '://') is plain."""
LINK_SCHEMES = ("http:", "https:", "mailto:")
"""The only link targets a deck may hold: anything else (javascript:, file:, relative) is refused."""
CODE_FONT = "Courier New"
"""The Office font code runs are set in (measured with its metric-compatible stand-in, Liberation Mono)."""

_BARE_URL_RE = re.compile(r"""(?:https?|mailto)://[^\s<>"]+|mailto:[^\s<>"@]+@[^\s<>"]+""", re.IGNORECASE)
_URL_TAIL = ".,;:!?'\")]"
"""Punctuation that ends a sentence rather than a bare URL (linkify's rule, unless brackets balance)."""
_ESCAPED_RE = re.compile(r"([\\*_`\[])|:(?=//)")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style: bold, italic, code (monospace) and/or a link target."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None

    @property
    def plain(self) -> bool:
        """Read-only: whether the run is unstyled text."""
        return not (self.bold or self.italic or self.code or self.link)


def may_hold_markup(text: str) -> bool:
    """Whether a value may hold inline markup (so must be parsed): the fast path skips the parser."""
    return not MARKERS.isdisjoint(text) or "://" in text


@functools.lru_cache(maxsize=8192)
def runs(text: str, *, linkify: bool = False) -> tuple[Run, ...]:
    """The runs of a value; linkify makes bare URLs links too (in sources). Empty text is no runs."""
    if not text:
        return ()
    if not (may_hold_markup(text) or (linkify and "mailto:" in text)):
        return (Run(text),)
    return _merged(_parsed(text, linkify))


def plain_text(text: str, *, linkify: bool = False) -> str:
    """A value as it reads, markers gone."""
    return "".join(run.text for run in runs(text, linkify=linkify))


def escape(text: str) -> str:
    """Text that reads back as itself: every marker escaped with a backslash (so `runs` gives one run)."""
    return _ESCAPED_RE.sub(lambda match: "\\" + match.group(0), text)


def bad_links(text: str, *, linkify: bool = False) -> list[str]:
    """What is wrong with a value's links: one message per link whose target is not http, https or mailto."""
    return [
        f"link '{run.link}' is not allowed: links must start with http://, https:// or mailto:"
        for run in runs(text, linkify=linkify)
        if run.link is not None and not run.link.lower().startswith(LINK_SCHEMES)
    ]


@functools.cache
def _parser() -> Any:
    """markdown-it restricted to its inline rules for emphasis, backticks, links and escapes (loaded once)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero").enable(["emphasis", "backticks", "link", "escape"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # every target parses, so a refused one is reported, not left as text
    md.core.ruler.disable("text_join")  # escaped characters stay apart: an escaped '://' links nothing
    return md


def _parsed(text: str, linkify: bool) -> list[Run]:
    """The runs markdown-it's inline tokens describe."""
    bold = italic = 0
    link: str | None = None
    result: list[Run] = []
    for token in _parser().parseInline(text)[0].children or ():
        kind = token.type
        if kind == "strong_open" or kind == "strong_close":
            bold += 1 if kind == "strong_open" else -1
        elif kind == "em_open" or kind == "em_close":
            italic += 1 if kind == "em_open" else -1
        elif kind == "link_open":
            link = str(token.attrs.get("href", ""))
        elif kind == "link_close":
            link = None
        elif kind == "code_inline":
            result.append(Run(token.content, bold > 0, italic > 0, True, link))
        elif kind == "text" and linkify and link is None:
            result.extend(_linkified(token.content, bold > 0, italic > 0))
        elif token.content:  # text, and escaped characters (text_special)
            result.append(Run(token.content, bold > 0, italic > 0, False, link))
    return result


def _linkified(text: str, bold: bool, italic: bool) -> list[Run]:
    """Text with every bare URL in it made a link to itself."""
    pieces: list[Run] = []
    start = 0
    for match in _BARE_URL_RE.finditer(text):
        url = _trimmed(match.group(0))
        end = match.start() + len(url)
        if match.start() > start:
            pieces.append(Run(text[start : match.start()], bold, italic))
        pieces.append(Run(url, bold, italic, False, url))
        start = end
    if start < len(text):
        pieces.append(Run(text[start:], bold, italic))
    return pieces


def _trimmed(url: str) -> str:
    """A bare URL without the sentence punctuation after it; a closing bracket stays if one opened."""
    while url and url[-1] in _URL_TAIL:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _merged(parts: list[Run]) -> tuple[Run, ...]:
    """Adjacent runs of one style joined into one, empty runs dropped."""
    merged: list[Run] = []
    for run in parts:
        if not run.text:
            continue
        if merged and _same_style(merged[-1], run):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.code, run.link)
        else:
            merged.append(run)
    return tuple(merged)


def _same_style(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.code, a.link) == (b.bold, b.italic, b.code, b.link)
