"""Reading an article file: size, encoding, byte-order marks and line endings, and telling its format."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from deckbuilder.errors import DeckError
from deckbuilder.input_files import read_input_bytes

ArticleFormat = Literal["text", "markdown", "html"]
NAMED_FORMATS: dict[str, ArticleFormat] = {"text": "text", "markdown": "markdown", "html": "html"}
FORMATS: tuple[str, ...] = ("auto", *NAMED_FORMATS)
"""What --format accepts: 'auto' (tell from the suffix and the text) or a format by name."""
MAX_ARTICLE_BYTES = 20 * 1024 * 1024

_SUFFIXES: dict[str, ArticleFormat] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</(?:p|div|h[1-6]|li|body|article|section)\s*>", re.I)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)
_MD_SETEXT = re.compile(r"^\S.*\n {0,3}(?:=+|-{3,})[ \t]*$", re.M)
_MD_MARKUP = re.compile(r"\[[^\]\n]+\]\([^)\n]+\)|\*\*[^*\n]+\*\*|^```|^> ", re.M)
_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")


def read_article_file(path: Path) -> str:
    """The text of an article file: checked, decoded (UTF-8, or UTF-16 with a mark), with Unix newlines."""
    data = read_input_bytes(path, limit=MAX_ARTICLE_BYTES, what="an article file", plural="articles")
    return decode_article(data, str(path))


def decode_article(data: bytes, name: str) -> str:
    """Bytes as article text, or a DeckError located at the first byte that is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalize_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise DeckError.single(name, "starts like UTF-16 text but is not valid UTF-16") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        message = f"not valid UTF-8 text (byte 0x{data[error.start]:02x}); save the article as UTF-8"
        if b"\x00" in data[:4096]:
            message = "is a binary file, not a text article"
        raise DeckError.single(name, message, line, column) from None
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise DeckError.single(
            name, "is a binary file, not a text article (it holds NUL bytes)", line, column
        )
    return normalize_text(text)


def normalize_text(text: str) -> str:
    """Text without a byte-order mark, with every line ending made a plain newline."""
    return _LINE_BREAKS.sub("\n", text.removeprefix("\ufeff"))


def detect_format(text: str, path: Path | None = None) -> ArticleFormat:
    """The article's format: from the file's suffix when it is telling, else from the text itself."""
    if path is not None and path.suffix.lower() in _SUFFIXES:
        return _SUFFIXES[path.suffix.lower()]
    head = text[:20000]
    if _HTML_START.search(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if _MD_HEADING.search(head) or _MD_SETEXT.search(head) or len(_MD_MARKUP.findall(head)) >= 2:
        return "markdown"
    return "text"
