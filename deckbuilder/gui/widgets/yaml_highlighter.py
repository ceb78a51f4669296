"""Syntax colours for outline YAML: keys, strings, numbers, comments, list dashes and block text,
and the inline Markdown of text values (bold, italic, code, links) drawn as it will look."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

IN_BLOCK = 1
"""Block state of a line inside a `|` or `>` block scalar; the indent is stored above it."""


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


def _code(fmt: QTextCharFormat) -> None:
    fmt.setFontFixedPitch(True)
    fmt.setBackground(QColor("#EEF2F6"))


def _bold(fmt: QTextCharFormat) -> None:
    fmt.setFontWeight(QFont.Weight.Bold)


def _italic(fmt: QTextCharFormat) -> None:
    fmt.setFontItalic(True)


def _link(fmt: QTextCharFormat) -> None:
    fmt.setFontUnderline(True)
    fmt.setForeground(QColor("#1D4ED8"))


class YamlHighlighter(QSyntaxHighlighter):
    """Colours a line at a time with a few regular expressions; block scalars carry over lines."""

    KEY = re.compile(r"^(\s*(?:-\s+)*)([A-Za-z_][\w-]*)(\s*:)(?=\s|$)")
    DASH = re.compile(r"^\s*(-)(?=\s)")
    STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?")
    NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
    LITERAL = re.compile(r"(?<=:\s)(true|false|null|~)\s*$")
    COMMENT = re.compile(r"(?:^|\s)(#.*)$")
    BLOCK_START = re.compile(r":\s*[|>][+-]?\d*\s*(?:#.*)?$")
    CODE = re.compile(r"(?<!\\)(`)([^`]+)(`)")
    BOLD = re.compile(r"(?<![\\*])(\*\*)(?=\S)(.+?)(?<=[^\s\\])(\*\*)")
    ITALIC = re.compile(
        r"(?<![\\*\w])(\*)(?=[^\s*])(.+?)(?<=[^\s\\*])(\*)(?!\*)|(?<![\\\w])(_)(?=\S)(.+?)(?<=[^\s\\])(_)(?!\w)"
    )
    LINK = re.compile(r"(?<!\\)(\[)((?:[^\]\\]|\\.)+)(\]\([^)\s]*\))")

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats = {
            "key": _format("#0B4F8A", bold=True),
            "dash": _format("#B45309", bold=True),
            "string": _format("#0F766E"),
            "number": _format("#9333EA"),
            "literal": _format("#9333EA", italic=True),
            "comment": _format("#6B7280", italic=True),
            "block": _format("#334155"),
            "marker": _format("#94A3B8"),
        }

    def highlightBlock(self, text: str) -> None:
        """Colour one line."""
        indent = len(text) - len(text.lstrip(" "))
        previous = self.previousBlockState()
        if previous >= 0 and previous & IN_BLOCK and (not text.strip() or indent > previous >> 1):
            self.setFormat(0, len(text), self.formats["block"])
            self._highlight_inline(text)
            self.setCurrentBlockState(previous)
            return
        self.setCurrentBlockState(0)
        comment = self.COMMENT.search(text)
        end = comment.start(1) if comment and not self._inside_string(text, comment.start(1)) else len(text)
        code = text[:end]
        for match in self.NUMBER.finditer(code):
            self.setFormat(match.start(), match.end() - match.start(), self.formats["number"])
        for match in self.LITERAL.finditer(code):
            self.setFormat(match.start(1), len(match.group(1)), self.formats["literal"])
        for match in self.STRING.finditer(code):
            self.setFormat(match.start(), match.end() - match.start(), self.formats["string"])
        dash = self.DASH.match(code)
        if dash:
            self.setFormat(dash.start(1), 1, self.formats["dash"])
        key = self.KEY.match(code)
        if key:
            self.setFormat(key.start(2), len(key.group(2)), self.formats["key"])
        self._highlight_inline(code)
        if end < len(text):
            self.setFormat(end, len(text) - end, self.formats["comment"])
        if self.BLOCK_START.search(text):
            self.setCurrentBlockState(IN_BLOCK | (indent << 1))

    def _highlight_inline(self, text: str) -> None:
        """Bold spans bold, italic italic, code on a tint, link text underlined; their markers muted."""
        code_spans = [(m.start(), m.end()) for m in self.CODE.finditer(text)]
        for match in self.CODE.finditer(text):
            self._style(match, _code)
        for pattern, change in ((self.BOLD, _bold), (self.ITALIC, _italic), (self.LINK, _link)):
            for match in pattern.finditer(text):
                if not any(a <= match.start() < b for a, b in code_spans):  # markers in code are text
                    self._style(match, change)

    def _style(self, match: re.Match[str], change: Callable[[QTextCharFormat], None]) -> None:
        """Apply change over the span's text, keeping its colours, and mute its markers.

        The span's last three groups are its opening marker, its text and its closing marker.
        """
        last = match.lastindex or 3
        opening, inner, closing = last - 2, last - 1, last
        for position in range(match.start(inner), match.end(inner)):
            fmt = self.format(position)
            change(fmt)
            self.setFormat(position, 1, fmt)
        for group in (opening, closing):
            self.setFormat(match.start(group), match.end(group) - match.start(group), self.formats["marker"])

    def _inside_string(self, text: str, position: int) -> bool:
        return any(m.start() < position < m.end() for m in self.STRING.finditer(text))
