"""The live preview: the output slides of the selected outline item, drawn from layout's boxes."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from deckbuilder.gui.edits import OutlinePath
from deckbuilder.layout.boxes import DeckLayout, SlideLayout
from deckbuilder.render.qt import paint_slide

MARGIN = 24
GAP = 20
BACKDROP = QColor("#E4E7EB")


def pages_for(layout: DeckLayout, path: OutlinePath) -> tuple[int, ...]:
    """The output slide numbers (0-based) an outline item produces: a slide and its '(cont.)' slides."""
    if len(path) == 2:
        return tuple(n for n, s in enumerate(layout.slides) if s.origin == path)
    if len(path) == 1:
        in_section = [
            n for n, s in enumerate(layout.slides) if s.origin is not None and s.origin[0] == path[0]
        ]
        dividers = [n for n in in_section if layout.slides[n].kind == "section"]
        return tuple(dividers[:1] or in_section[:1])
    return (0,) if layout.slides else ()


def draw_placeholder(painter: QPainter, target: QRectF, message: str) -> None:
    """A neutral slide-shaped panel with a message, for when there is nothing laid out to show."""
    painter.fillRect(target, QColor("#F3F4F6"))
    painter.setPen(QColor("#6B7280"))
    painter.drawText(target, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, message)


class PreviewCanvas(QWidget):
    """Paints pages one under another, each as large as the view allows."""

    repainted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_: DeckLayout | None = None
        self.pages: tuple[SlideLayout, ...] = ()
        self.message = "Laying out…"
        self._viewport = QSize(640, 360)

    def set_viewport(self, size: QSize) -> None:
        """The visible area: pages fit its width and height."""
        self._viewport = size
        self.setMinimumHeight(self._content_height())
        self.update()

    def _page_size(self) -> tuple[float, float]:
        if self.layout_ is None:
            return self._viewport.width() - 2 * MARGIN, (self._viewport.width() - 2 * MARGIN) * 9 / 16
        aspect = self.layout_.height / self.layout_.width
        width = max(
            60.0, min(self._viewport.width() - 2 * MARGIN, (self._viewport.height() - 2 * MARGIN) / aspect)
        )
        return width, width * aspect

    def _content_height(self) -> int:
        _, h = self._page_size()
        count = max(1, len(self.pages))
        return int(2 * MARGIN + count * h + (count - 1) * GAP)

    def show_pages(self, layout: DeckLayout | None, pages: tuple[SlideLayout, ...]) -> None:
        """Draw these pages of a layout."""
        self.layout_ = layout
        self.pages = pages
        self.setMinimumHeight(self._content_height())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Backdrop, then each page with a soft shadow."""
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), BACKDROP)
            w, h = self._page_size()
            x = (self.width() - w) / 2
            count = max(1, len(self.pages))
            top = max(MARGIN, (self.height() - count * h - (count - 1) * GAP) / 2)
            if self.layout_ is None or not self.pages:
                draw_placeholder(painter, QRectF(x, top, w, h), self.message)
                return
            for number, page in enumerate(self.pages):
                target = QRectF(x, top + number * (h + GAP), w, h)
                for spread, alpha in ((3, 18), (1.5, 30)):
                    painter.fillRect(
                        target.adjusted(-spread, -spread + 2, spread, spread + 2), QColor(0, 0, 0, alpha)
                    )
                paint_slide(painter, page, self.layout_, target)
        finally:
            painter.end()
        self.repainted.emit()


class SlidePreview(QWidget):
    """A caption and the canvas in a scroll area; follows the selection and each new layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout: DeckLayout | None = None
        self._path: OutlinePath = ()
        self._explicit: int | None = None
        self.caption = QLabel(self)
        self.caption.setStyleSheet("color: #52606D; padding: 4px 8px;")
        self.canvas = PreviewCanvas()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.scroll_area, 1)
        self.setMinimumSize(320, 220)
        self.setAccessibleName("Slide preview")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.scroll_area.setFocusProxy(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the pages fitted to the visible area."""
        super().resizeEvent(event)
        self.canvas.set_viewport(self.scroll_area.viewport().size())

    def current_pages(self) -> tuple[SlideLayout, ...]:
        """The output slides on show."""
        return self.canvas.pages

    def set_layout(self, layout: DeckLayout | None, message: str = "Laying out…") -> None:
        """A new layout of the deck arrived (None: nothing to show yet, with a message saying why)."""
        self._layout = layout
        self.canvas.message = message
        self._refresh()

    def show_path(self, path: OutlinePath) -> None:
        """Show what an outline item produces."""
        self._path = path
        self._explicit = None
        self._refresh()

    def show_output_slide(self, number: int) -> None:
        """Show one output slide by number (for generated slides with no outline item)."""
        self._explicit = number
        self._refresh()

    def _refresh(self) -> None:
        layout = self._layout
        if layout is None:
            self.caption.setText("")
            self.canvas.show_pages(None, ())
            self.canvas.set_viewport(self.scroll_area.viewport().size())
            return
        numbers = (self._explicit,) if self._explicit is not None else pages_for(layout, self._path)
        numbers = tuple(n for n in numbers if n is not None and 0 <= n < len(layout.slides))
        self.canvas.message = (
            "Nothing to show for this item yet" if layout.slides else "The deck has no slides"
        )
        self.canvas.show_pages(layout, tuple(layout.slides[n] for n in numbers))
        self.caption.setText(self._caption(layout, numbers))
        self.canvas.set_viewport(self.scroll_area.viewport().size())

    @staticmethod
    def _caption(layout: DeckLayout, numbers: tuple[int, ...]) -> str:
        total = len(layout.slides)
        if not numbers:
            return f"{total} slides in the deck"
        if len(numbers) == 1:
            return f"Slide {numbers[0] + 1} of {total}"
        return (
            f"Slides {numbers[0] + 1}–{numbers[-1] + 1} of {total}: the content continues on “(cont.)” slides"
        )
