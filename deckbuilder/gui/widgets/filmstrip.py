"""A strip of thumbnails of every output slide; clicking one selects what made it, dragging one moves it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from deckbuilder.layout.boxes import DeckLayout, SlideLayout
from deckbuilder.render.qt import paint_slide

THUMB_WIDTH = 176
CACHE_LIMIT = 400


class Filmstrip(QListWidget):
    """Thumbnails in a row, numbered; the selected outline item's slides are highlighted."""

    slide_clicked = Signal(int)
    slide_dropped = Signal(int, int)
    """A thumbnail was dragged: its number, and the number it was dropped before (count: at the end)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout: DeckLayout | None = None
        self._cache: dict[tuple[SlideLayout, int, int], QIcon] = {}
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Snap)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(6)
        self.setStyleSheet("QListWidget { background: #E4E7EB; border: none; }")
        self.setUniformItemSizes(True)
        self.itemClicked.connect(lambda item: self.slide_clicked.emit(self.row(item)))
        self.setAccessibleName("Filmstrip")
        self.setAccessibleDescription("Every slide of the deck; drag a thumbnail to move its slide")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Take thumbnails dragged within the strip (and nothing else)."""
        self._take_own(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Anywhere in the strip is a place to drop a thumbnail: before or after the one under it."""
        self._take_own(event)

    def _take_own(self, event: QDragMoveEvent) -> None:
        if event.source() is self:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Report where a thumbnail was dropped; the outline edit then redraws the strip."""
        source = self.currentRow()
        position = event.position().toPoint()
        item = self.itemAt(position)
        if item is None:
            target = self.count()
        else:
            target = self.row(item)
            if position.x() > self.visualItemRect(item).center().x():
                target += 1
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source >= 0 and target not in (source, source + 1):
            self.slide_dropped.emit(source, target)

    def _thumb_size(self) -> QSize:
        layout = self._layout
        height = (
            round(THUMB_WIDTH * layout.height / layout.width) if layout is not None else THUMB_WIDTH * 9 // 16
        )
        return QSize(THUMB_WIDTH, height)

    def _thumbnail(self, slide: SlideLayout, layout: DeckLayout) -> QIcon:
        key = (slide, layout.width, layout.height)
        icon = self._cache.get(key)
        if icon is None:
            size = self._thumb_size()
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor("#FFFFFF"))
            painter = QPainter(pixmap)
            try:
                paint_slide(painter, slide, layout, QRectF(0, 0, size.width(), size.height()))
                painter.setPen(QColor("#B8C0CC"))
                painter.drawRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1))
            finally:
                painter.end()
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            icon = QIcon(pixmap)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)
            self._cache[key] = icon
        return icon

    def set_layout(self, layout: DeckLayout) -> None:
        """Show thumbnails of a new layout (unchanged slides reuse their thumbnails)."""
        self._layout = layout
        size = self._thumb_size()
        self.setIconSize(size)
        self.setFixedHeight(size.height() + self.fontMetrics().height() + 34)
        selected = {self.row(item) for item in self.selectedItems()}
        self.blockSignals(True)
        while self.count() > len(layout.slides):
            self.takeItem(self.count() - 1)
        for number, slide in enumerate(layout.slides):
            item = self.item(number)
            if item is None:
                item = QListWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
                self.addItem(item)
            item.setIcon(self._thumbnail(slide, layout))
            label = f"{number + 1}" + ("  (cont.)" if slide.continued else "")
            item.setText(label)
            item.setToolTip(f"{number + 1}. {slide.title or slide.kind}")
            item.setSelected(number in selected)
        self.blockSignals(False)

    def highlight(self, numbers: tuple[int, ...]) -> None:
        """Select the thumbnails of these output slides and scroll to the first."""
        self.blockSignals(True)
        self.clearSelection()
        for number in numbers:
            item = self.item(number)
            if item is not None:
                item.setSelected(True)
        if numbers and self.item(numbers[0]) is not None:
            self.scrollToItem(self.item(numbers[0]), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.blockSignals(False)
