"""Small drawn icons: one per slide kind, so the outline reads at a glance; undo, redo, a problem."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZE = 32
INK = QColor("#0B2545")
ACCENT = QColor("#0B6E75")
PAPER = QColor("#FFFFFF")


def _bars(p: QPainter, rows: list[tuple[float, float, float]]) -> None:
    for x, y, w in rows:
        p.fillRect(QRectF(x, y, w, 2.4), INK)


def _title(p: QPainter) -> None:
    p.fillRect(QRectF(3, 6, 26, 20), INK)
    p.fillRect(QRectF(7, 12, 5, 1.5), ACCENT.lighter(160))
    p.fillRect(QRectF(7, 15, 16, 3), PAPER)
    p.fillRect(QRectF(7, 20, 11, 1.8), PAPER)


def _section(p: QPainter) -> None:
    p.fillRect(QRectF(3, 6, 26, 20), INK)
    p.fillRect(QRectF(7, 14, 18, 3.4), PAPER)


def _bullets(p: QPainter) -> None:
    for y in (10, 16, 22):
        p.setBrush(ACCENT)
        p.drawEllipse(QPointF(8.5, y + 1.2), 1.8, 1.8)
    _bars(p, [(12, 10, 14), (12, 16, 12), (12, 22, 14)])


def _takeaways(p: QPainter) -> None:
    p.setBrush(ACCENT)
    for y in (9.5, 16.5, 23.5):
        p.drawEllipse(QPointF(8.5, y), 2.6, 2.6)
    _bars(p, [(13, 8.5, 13), (13, 15.5, 13), (13, 22.5, 10)])


def _comparison(p: QPainter) -> None:
    for x in (5.5, 17):
        p.fillRect(QRectF(x, 9, 9.5, 16), QColor("#DCE4EC"))
        p.fillRect(QRectF(x, 9, 9.5, 2), ACCENT)


def _stat(p: QPainter) -> None:
    font = QFont()
    font.setPixelSize(15)
    font.setBold(True)
    p.setFont(font)
    p.setPen(ACCENT)
    p.drawText(QRectF(3, 6, 26, 16), Qt.AlignmentFlag.AlignCenter, "42")
    _bars(p, [(9, 22, 14)])


def _chart(p: QPainter) -> None:
    for x, h in ((7, 8), (13, 14), (19, 11)):
        p.fillRect(QRectF(x, 25 - h, 5, h), ACCENT if x == 13 else INK)
    p.fillRect(QRectF(5, 25, 22, 1.2), INK)


def _table(p: QPainter) -> None:
    p.fillRect(QRectF(5, 8, 22, 4), ACCENT)
    p.setPen(QPen(INK, 1.2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(5, 8, 22, 17))
    for y in (14, 19.5):
        p.drawLine(QPointF(5, y), QPointF(27, y))
    p.drawLine(QPointF(13, 8), QPointF(13, 25))


def _timeline(p: QPainter) -> None:
    p.fillRect(QRectF(4, 15.4, 24, 1.4), INK)
    p.setBrush(ACCENT)
    for x in (8, 16, 24):
        p.drawEllipse(QPointF(x, 16), 2.6, 2.6)
    _bars(p, [(5, 20.5, 6), (13, 20.5, 6), (21, 20.5, 6)])


def _quote(p: QPainter) -> None:
    font = QFont("Serif")
    font.setPixelSize(26)
    font.setBold(True)
    p.setFont(font)
    p.setPen(ACCENT)
    p.drawText(QRectF(3, 3, 26, 28), Qt.AlignmentFlag.AlignCenter, "“")


def _image(p: QPainter) -> None:
    p.fillRect(QRectF(5, 8, 22, 17), QColor("#DCE4EC"))
    p.setBrush(ACCENT)
    p.drawPolygon([QPointF(6, 24), QPointF(13, 14), QPointF(18, 20), QPointF(21, 17), QPointF(26, 24)])
    p.setBrush(QColor("#D97706"))
    p.drawEllipse(QPointF(22, 12), 2, 2)


def _sources(p: QPainter) -> None:
    p.fillRect(QRectF(7, 6, 18, 21), QColor("#DCE4EC"))
    _bars(p, [(10, 10, 12), (10, 15, 10), (10, 20, 12)])


def _group(p: QPainter) -> None:
    p.fillRect(QRectF(9, 9, 19, 14), QColor("#DCE4EC"))
    p.fillRect(QRectF(6, 12, 19, 14), PAPER)
    p.setPen(QPen(INK, 1.2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(QRectF(6, 12, 19, 14))
    p.fillRect(QRectF(9, 16, 9, 2.4), ACCENT)
    p.fillRect(QRectF(9, 20, 12, 1.8), INK)


SECTION_GROUP = "section-group"
"""The icon name for a section of the outline (not a section divider slide)."""

_PAINTERS: dict[str, Callable[[QPainter], None]] = {
    SECTION_GROUP: _group,
    "title": _title,
    "section": _section,
    "bullets": _bullets,
    "takeaways": _takeaways,
    "comparison": _comparison,
    "stat": _stat,
    "chart": _chart,
    "table": _table,
    "timeline": _timeline,
    "quote": _quote,
    "image": _image,
    "sources": _sources,
}


def _drawn(paint: Callable[[QPainter], None]) -> QIcon:
    """An icon drawn by `paint` on a transparent, antialiased canvas of SIZE points at 2× resolution."""
    pixmap = QPixmap(SIZE * 2, SIZE * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(painter)
    finally:
        painter.end()
    return QIcon(pixmap)


@functools.cache
def kind_icon(kind: str) -> QIcon:
    """The icon for a slide kind (a plain slide for an unknown one)."""

    def paint(painter: QPainter) -> None:
        if kind != SECTION_GROUP:
            painter.setPen(QPen(QColor("#9AA5B1"), 1))
            painter.setBrush(PAPER)
            painter.drawRoundedRect(QRectF(1.5, 4.5, 29, 23), 2, 2)
        painter.setPen(Qt.PenStyle.NoPen)
        draw = _PAINTERS.get(kind)
        if draw is not None:
            draw(painter)

    return _drawn(paint)


@functools.cache
def history_icon(redo: bool) -> QIcon:
    """A curved arrow turning back (undo) or forward (redo), drawn like the usual edit-undo icons."""
    themed = QIcon.fromTheme("edit-redo" if redo else "edit-undo")
    if not themed.isNull():
        return themed

    def paint(painter: QPainter) -> None:
        if redo:  # the mirror image of undo
            painter.translate(SIZE, 0)
            painter.scale(-1, 1)
        path = QPainterPath(QPointF(9, 13))
        path.cubicTo(QPointF(17, 5), QPointF(29, 9), QPointF(27, 19))
        path.cubicTo(QPointF(26, 24), QPointF(21, 27), QPointF(15, 27))
        painter.setPen(QPen(INK, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        painter.drawPolygon([QPointF(3, 13), QPointF(12, 6), QPointF(13, 18)])

    return _drawn(paint)


@functools.cache
def problem_icon() -> QIcon:
    """The warning sign that marks an outline item with a problem."""

    def paint(painter: QPainter) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#B42318"))
        painter.drawPolygon([QPointF(16, 4), QPointF(30, 28), QPointF(2, 28)])
        painter.fillRect(QRectF(14.5, 11, 3, 10), PAPER)
        painter.fillRect(QRectF(14.5, 23, 3, 3), PAPER)

    return _drawn(paint)
