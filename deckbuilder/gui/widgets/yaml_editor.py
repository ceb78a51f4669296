"""The YAML tab's editor: line numbers, problem markers, highlighting, and two-way sync with the document."""

from __future__ import annotations

from PySide6.QtCore import QKeyCombination, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from deckbuilder.errors import Problem
from deckbuilder.gui.document import Document
from deckbuilder.gui.widgets.yaml_highlighter import YamlHighlighter

GUTTER_BG = QColor("#F3F4F6")
GUTTER_FG = QColor("#9CA3AF")
MARKER = QColor("#D92D20")
PROBLEM_LINE = QColor("#FEE4E2")


def _utf16_length(text: str) -> int:
    """How many UTF-16 code units Qt counts for text (characters beyond the BMP count twice)."""
    return len(text.encode("utf-16-le")) // 2


class _Gutter(QWidget):
    """Line numbers, with a red dot on lines that have problems."""

    def __init__(self, editor: YamlEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        """Wide enough for the largest line number."""
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the visible line numbers."""
        self._editor.paint_gutter(self, event)


class YamlEditor(QPlainTextEdit):
    """Plain-text YAML editing; user edits go to the document's undo stack, document changes come back."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._applying = False
        self._problem_lines: set[int] = set()
        self.setAccessibleName("YAML outline")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.0))
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(False)
        self.document().setUndoRedoEnabled(False)
        self.highlighter = YamlHighlighter(self.document())
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(lambda _count: self._update_margins())
        self.updateRequest.connect(self._on_update_request)
        self.textChanged.connect(self._on_user_edit)
        document.text_changed.connect(self.sync_from_document)
        self._update_margins()
        self.sync_from_document(document.text)

    # -- sync ---------------------------------------------------------------------------------------

    def sync_from_document(self, text: str) -> None:
        """Show the document's text, replacing only what differs (keeps the cursor and scroll position)."""
        current = self.toPlainText()
        if current == text:
            return
        prefix = 0
        limit = min(len(current), len(text))
        while prefix < limit and current[prefix] == text[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and current[-1 - suffix] == text[-1 - suffix]:
            suffix += 1
        cursor = QTextCursor(self.document())
        cursor.setPosition(_utf16_length(current[:prefix]))
        cursor.setPosition(_utf16_length(current[: len(current) - suffix]), QTextCursor.MoveMode.KeepAnchor)
        self._applying = True
        try:
            cursor.insertText(text[prefix : len(text) - suffix])
        finally:
            self._applying = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Undo and redo keys act on the document's undo stack (the editor keeps no history of its own)."""
        if event.matches(QKeySequence.StandardKey.Undo):
            self._document.undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo) or event.keyCombination() == QKeyCombination(
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z
        ):
            self._document.undo_stack.redo()
        else:
            super().keyPressEvent(event)

    def _on_user_edit(self) -> None:
        if not self._applying:
            self._document.edit_text(self.toPlainText())

    # -- problems -----------------------------------------------------------------------------------

    def set_problems(self, problems: tuple[Problem, ...]) -> None:
        """Mark the lines that have problems."""
        self._problem_lines = {p.line for p in problems if p.line is not None}
        selections = []
        for line in sorted(self._problem_lines):
            block = self.document().findBlockByNumber(line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(PROBLEM_LINE)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            selection.cursor = QTextCursor(block)
            selections.append(selection)
        self.setExtraSelections(selections)
        self._gutter.update()

    def reveal(self, line: int) -> None:
        """Scroll so a 1-based line is near the top, without moving the cursor or the focus."""
        if self.hasFocus():
            return
        block = self.document().findBlockByNumber(max(0, line - 2))
        if block.isValid():
            self.verticalScrollBar().setValue(block.firstLineNumber())

    def go_to(self, line: int, column: int | None = None) -> None:
        """Put the cursor at a 1-based line and column and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        if column:
            cursor.movePosition(
                QTextCursor.MoveOperation.Right,
                QTextCursor.MoveMode.MoveAnchor,
                min(column - 1, block.length() - 1),
            )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus()

    # -- gutter -------------------------------------------------------------------------------------

    def gutter_width(self) -> int:
        """Pixels for line numbers and the marker."""
        digits = len(str(max(1, self.blockCount())))
        return 18 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_margins(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the gutter beside the text."""
        super().resizeEvent(event)
        contents = self.contentsRect()
        self._gutter.setGeometry(
            QRect(contents.left(), contents.top(), self.gutter_width(), contents.height())
        )

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        """Line numbers for the visible blocks, and a dot where there is a problem."""
        painter = QPainter(gutter)
        try:
            painter.fillRect(event.rect(), GUTTER_BG)
            block = self.firstVisibleBlock()
            top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
            height = self.fontMetrics().height()
            while block.isValid() and top <= event.rect().bottom():
                number = block.blockNumber() + 1
                bottom = top + self.blockBoundingRect(block).height()
                if block.isVisible() and bottom >= event.rect().top():
                    if number in self._problem_lines:
                        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                        painter.setBrush(MARKER)
                        painter.setPen(Qt.PenStyle.NoPen)
                        painter.drawEllipse(4, int(top + height / 2 - 4), 8, 8)
                    painter.setPen(MARKER if number in self._problem_lines else GUTTER_FG)
                    painter.drawText(
                        0, int(top), gutter.width() - 4, height, Qt.AlignmentFlag.AlignRight, str(number)
                    )
                block = block.next()
                top = bottom
        finally:
            painter.end()
