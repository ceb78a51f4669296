"""SVG pictures through Qt's SVG renderer: drawn as vectors on a painter, or rasterised to a PNG."""

from __future__ import annotations

import functools

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from deckbuilder.render.qt_app import ensure_gui_application


@functools.lru_cache(maxsize=32)
def svg_renderer(data: bytes) -> QSvgRenderer:
    """A renderer for an SVG's bytes (checked before: self-contained, no entities), made once."""
    renderer = QSvgRenderer(QByteArray(data))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)  # as a browser meets the viewBox
    return renderer


def draw_svg(painter: QPainter, rect: QRectF, data: bytes) -> bool:
    """Draw the SVG as vectors into rect; False when Qt cannot read it."""
    renderer = svg_renderer(data)
    if not renderer.isValid():
        return False
    renderer.render(painter, rect)
    return True


def svg_png(data: bytes, size: tuple[int, int]) -> bytes:
    """The SVG drawn on a transparent PNG of size pixels: the fallback a .pptx holds beside it."""
    ensure_gui_application()
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(3780)  # 96 dpi, so the PNG's stated resolution is always the same
    image.setDotsPerMeterY(3780)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_svg(painter, QRectF(0, 0, size[0], size[1]), data)
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("cannot encode an SVG's fallback as PNG")
    return bytes(buffer.data().data())
