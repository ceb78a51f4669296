"""The YAML tab's colours: inline Markdown drawn as it will look, over the YAML's own colours."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QApplication

from deckbuilder.gui.widgets.yaml_highlighter import YamlHighlighter

TEXT = (
    "title: A **bold** claim\n"
    '  - "*Italic* and _also_ and `co*de*` and [the site](https://example.org)" # **not** in comments\n'
    "notes: |\n"
    "  Say it **loud**, \\*not\\* italic\n"
    "key_name_here: snake_case_words\n"
)


def formats(qapp: QApplication) -> tuple[QTextDocument, YamlHighlighter]:
    document = QTextDocument()
    highlighter = YamlHighlighter(document)
    document.setPlainText(TEXT)
    highlighter.rehighlight()
    return document, highlighter


def format_at(document: QTextDocument, line: int, needle: str, offset: int = 0) -> QTextCharFormat:
    """The highlighter's format at the first character of needle (plus offset) on a line (0-based)."""
    block = document.findBlockByNumber(line)
    column = block.text().index(needle) + offset
    for span in block.layout().formats():
        if span.start <= column < span.start + span.length:
            return QTextCharFormat(span.format)  # a copy: the range owns the one it holds
    return QTextCharFormat()


def test_bold_italic_code_and_link_spans_look_as_they_will(qapp: QApplication) -> None:
    document, _highlighter = formats(qapp)
    assert format_at(document, 0, "bold").fontWeight() == QFont.Weight.Bold
    assert format_at(document, 0, "claim").fontWeight() != QFont.Weight.Bold
    assert format_at(document, 1, "Italic").fontItalic()
    assert format_at(document, 1, "also").fontItalic()
    assert not format_at(document, 1, " and").fontItalic()
    code = format_at(document, 1, "co*de*")
    assert code.fontFixedPitch() and code.background().color() == QColor("#EEF2F6")
    assert not format_at(document, 1, "de*", 0).fontItalic()  # stars inside code are text
    link = format_at(document, 1, "the site")
    assert link.fontUnderline() and link.foreground().color() == QColor("#1D4ED8")
    assert format_at(document, 3, "loud").fontWeight() == QFont.Weight.Bold  # inside a block scalar
    assert not format_at(document, 3, "not").fontItalic()  # escaped stars


def test_markers_are_muted_and_the_yaml_colours_stay(qapp: QApplication) -> None:
    document, highlighter = formats(qapp)
    muted = highlighter.formats["marker"].foreground().color()
    assert format_at(document, 0, "**").foreground().color() == muted
    assert format_at(document, 1, "[").foreground().color() == muted
    assert format_at(document, 1, "](https").foreground().color() == muted
    assert (
        format_at(document, 0, "title").foreground().color()
        == highlighter.formats["key"].foreground().color()
    )
    string = highlighter.formats["string"].foreground().color()
    assert format_at(document, 1, "Italic").foreground().color() == string  # italic, still a string's colour
    comment = format_at(document, 1, "# **not**", 4)
    assert comment.fontWeight() != QFont.Weight.Bold and comment.fontItalic()  # the comment's own italic
    assert not format_at(document, 4, "case").fontItalic()  # underscores inside words are not italic
