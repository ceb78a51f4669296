"""Reading emphasis, code and links out of an article's markup: its text made plain, the spans beside it."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from deckbuilder.importer.blocks import Span, SpanKind, clean_text

LINK_SCHEMES = ("http", "https", "mailto")
"""The only addresses a slide may link to; a link elsewhere keeps its text and loses its address."""
_URL_ESCAPES = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C", '"': "%22"}


def link_target(href: str | None, base: str | None = None) -> str | None:
    """The absolute http(s) or mailto address a link points to (a relative one resolved against the
    page's address when known), or None when it has none a slide may link to."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None  # no address, or a place on the same page
    try:
        if not urlsplit(href).scheme:
            if base is None or urlsplit(base).scheme.lower() not in ("http", "https"):
                return None
            href = urljoin(base, href)
        parts = urlsplit(href)
    except ValueError:
        return None  # a malformed address ('http://[x')
    scheme = parts.scheme.lower()
    if scheme not in LINK_SCHEMES or (scheme != "mailto" and not parts.netloc):
        return None
    return "".join(_URL_ESCAPES.get(char, char) for char in href if char >= " ")


def _cleaned_position(raw: str, position: int, length: int) -> int:
    """Where a position of raw text falls in the text cleaned by clean_text (white space collapsed)."""
    return min(len(clean_text(raw[:position] + "x")) - 1, length)


@dataclass
class SpanText:
    """Text read piece by piece, with the spans opened and closed around its pieces."""

    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    length: int = 0
    opened: list[tuple[SpanKind | None, str | None, int]] = field(default_factory=list)

    def add(self, text: str) -> None:
        """Words of the text, in order."""
        self.parts.append(text)
        self.length += len(text)

    def open(self, kind: SpanKind | None, url: str | None = None) -> None:
        """A span starting here; None for markup that marks nothing a slide shows (it still closes)."""
        self.opened.append((kind, url, self.length))

    def close(self) -> None:
        """The span opened last ends here."""
        if not self.opened:
            return
        kind, url, start = self.opened.pop()
        if kind is not None and self.length > start:
            self.spans.append(Span(start, self.length, kind, url))

    def finish(self, marks: dict[str, tuple[Span, ...]]) -> str:
        """The plain text, as clean_text makes it; its spans are kept in `marks` under that text."""
        raw = "".join(self.parts)
        text = clean_text(raw)
        spans: list[Span] = []
        for span in self.spans:
            start = _cleaned_position(raw, span.start, len(text))
            end = _cleaned_position(raw, span.end, len(text))
            if text[max(start, 0) : end].strip():
                spans.append(Span(max(start, 0), end, span.kind, span.url))
        if spans:
            marks[text] = tuple(sorted(spans, key=lambda s: (s.start, -s.end)))
        return text
