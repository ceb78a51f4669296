"""Draw a chart box with QPainter: the preview, PNG and PDF stand-in for the native PowerPoint chart.

Every label is kept inside the chart's box (moved in from its edges, shortened with '…' when it is
wider than the box), so long category names, long series names and large values never run off the
slide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from deckbuilder.layout.boxes import ChartBox

MAX_DECIMALS = 30
"""Excel shows at most 30 decimal places, whatever the format asks."""
GENERAL_DIGITS = 11
"""Excel's General format shows whole numbers of up to this many digits in full, larger ones as 1E+15."""
LABEL_COLUMN_SHARE = 0.4
"""The most of a chart's width the labels left of its plot may take."""


def _color(hex_color: str) -> QColor:
    return QColor(f"#{hex_color}")


def format_number(value: float, number_format: str) -> str:
    """A chart value as its number format asks (thousands, decimals, percent), roughly as Office shows it."""
    fmt = number_format.strip()
    if fmt in ("", "General"):
        whole = float(value).is_integer() and abs(value) < 10.0**GENERAL_DIGITS
        return f"{int(value)}" if whole else f"{value:g}"
    percent = fmt.endswith("%")
    if percent:
        value *= 100
    decimals = len(fmt.split(".", 1)[1].rstrip("%").replace("#", "0")) if "." in fmt else 0
    decimals = min(decimals, MAX_DECIMALS)
    text = f"{value:,.{decimals}f}" if "," in fmt else f"{value:.{decimals}f}"
    return text + ("%" if percent else "")


def _nice_max(value: float) -> float:
    """A round axis maximum at or above value."""
    if value <= 0:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0):
        if value <= step * magnitude:
            return step * magnitude
    return 10.0 * magnitude


def _label(
    painter: QPainter,
    metrics: QFontMetricsF,
    x: float,
    y: float,
    text: str,
    bounds: QRectF,
    align: str = "center",
) -> None:
    """Text whose left edge, centre or right edge is at x and whose middle is at y, moved and
    shortened as needed to stay inside bounds."""
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, bounds.width()))
    width = metrics.horizontalAdvance(text)
    left = x + {"left": 0.0, "center": -width / 2, "right": -width}[align]
    left = max(bounds.left(), min(left, bounds.right() - width))
    baseline = y + (metrics.ascent() - metrics.descent()) / 2
    baseline = max(bounds.top() + metrics.ascent(), min(baseline, bounds.bottom() - metrics.descent()))
    painter.drawText(QPointF(left, baseline), text)


def draw_chart(painter: QPainter, box: ChartBox, rect: QRectF, font: QFont, grid_width: float) -> None:
    """A simple preview of the native chart in rect: gridlines, bars, lines or a pie, and labels."""
    metrics = QFontMetricsF(font, painter.device())
    painter.setFont(font)
    line_h = metrics.height()
    legend = box.chart_type == "pie" or len(box.series) > 1
    plot = rect.adjusted(line_h * 0.5, line_h, -line_h * 0.5, -(line_h * (2.6 if legend else 0.4)))
    if legend:
        _draw_legend(painter, box, rect, metrics)
    if box.chart_type == "pie":
        _draw_pie(painter, box, plot, metrics, rect)
        return
    top = _nice_max(max((max(s.values) for s in box.series), default=1.0))
    labels = [format_number(top * i / 4, box.number_format) for i in range(5)]
    horizontal = box.chart_type == "bar"
    names = box.categories if horizontal else labels
    widest = max((metrics.horizontalAdvance(text) for text in names), default=0.0) + line_h * 0.5
    plot = plot.adjusted(min(widest, plot.width() * LABEL_COLUMN_SHARE), 0, 0, -line_h * 1.4)
    column = QRectF(
        rect.left(), rect.top(), max(0.0, plot.left() - line_h * 0.3 - rect.left()), rect.height()
    )
    grid = QPen(_color(box.grid_color))
    grid.setWidthF(grid_width)
    for i, label in enumerate(labels):
        painter.setPen(grid)
        if horizontal:
            x = plot.left() + plot.width() * i / 4
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(_color(box.text_color))
            _label(painter, metrics, x, plot.bottom() + line_h * 0.7, label, rect)
        else:
            y = plot.bottom() - plot.height() * i / 4
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(_color(box.text_color))
            _label(painter, metrics, plot.left() - line_h * 0.3, y, label, column, "right")
    _draw_series(painter, box, (plot, rect, column), top, metrics, horizontal)


def _draw_series(
    painter: QPainter,
    box: ChartBox,
    areas: tuple[QRectF, QRectF, QRectF],
    top: float,
    metrics: QFontMetricsF,
    horizontal: bool,
) -> None:
    """Bars, columns or lines with their data labels, and the category labels.

    areas: the plot, the whole chart, and the column left of the plot for category names.
    """
    plot, rect, column = areas
    band = (plot.height() if horizontal else plot.width()) / max(1, len(box.categories))
    bar = band / (len(box.series) + 0.8)
    gap = metrics.height() * 0.3
    lines: list[list[QPointF]] = [[] for _ in box.series]
    for c, category in enumerate(box.categories):
        start = (plot.top() if horizontal else plot.left()) + band * c
        painter.setPen(_color(box.text_color))
        if horizontal:
            _label(painter, metrics, plot.left() - gap, start + band / 2, category, column, "right")
        else:
            _label(painter, metrics, start + band / 2, plot.bottom() + metrics.height() * 0.7, category, rect)
        for s, series in enumerate(box.series):
            fraction = max(0.0, series.values[c]) / top
            label = format_number(series.values[c], box.number_format)
            offset = start + bar * (0.4 + s)
            if box.chart_type == "line":
                point = QPointF(start + band / 2, plot.bottom() - plot.height() * fraction)
                lines[s].append(point)
                _label(painter, metrics, point.x(), point.y() - metrics.height() * 0.8, label, rect)
            elif horizontal:
                bar_rect = QRectF(plot.left(), offset, plot.width() * fraction, bar)
                painter.fillRect(bar_rect, _color(box.palette[s % len(box.palette)]))
                _label(painter, metrics, bar_rect.right() + gap, bar_rect.center().y(), label, rect, "left")
            else:
                bar_rect = QRectF(
                    offset, plot.bottom() - plot.height() * fraction, bar, plot.height() * fraction
                )
                painter.fillRect(bar_rect, _color(box.palette[s % len(box.palette)]))
                y = bar_rect.top() - metrics.height() * 0.6
                _label(painter, metrics, bar_rect.center().x(), y, label, rect)
    _draw_lines(painter, box, lines, metrics)


def _draw_lines(
    painter: QPainter, box: ChartBox, lines: Sequence[list[QPointF]], metrics: QFontMetricsF
) -> None:
    """Each line series as a polyline with a dot at each value."""
    for s, points in enumerate(lines):
        pen = QPen(_color(box.palette[s % len(box.palette)]))
        pen.setWidthF(max(1.5, metrics.height() * 0.12))
        painter.setPen(pen)
        painter.setBrush(pen.color())
        painter.drawPolyline(points)
        for point in points:
            painter.drawEllipse(point, pen.widthF() * 1.6, pen.widthF() * 1.6)


def _draw_pie(painter: QPainter, box: ChartBox, plot: QRectF, metrics: QFontMetricsF, rect: QRectF) -> None:
    """Slices clockwise from twelve o'clock, each labelled with its value."""
    values = [max(0.0, v) for v in box.series[0].values]
    total = sum(values) or 1.0
    side = min(plot.width(), plot.height())
    pie = QRectF(plot.center().x() - side / 2, plot.center().y() - side / 2, side, side)
    angle = 90.0 * 16
    for index, value in enumerate(values):
        span = -360.0 * 16 * value / total
        painter.setPen(QPen(QColor("#FFFFFF"), 1.5))
        painter.setBrush(_color(box.palette[index % len(box.palette)]))
        painter.drawPie(pie, round(angle), round(span))
        middle = math.radians((angle + span / 2) / 16)
        painter.setPen(QColor("#FFFFFF"))
        x = pie.center().x() + math.cos(middle) * side * 0.32
        y = pie.center().y() - math.sin(middle) * side * 0.32
        _label(painter, metrics, x, y, format_number(box.series[0].values[index], box.number_format), rect)
        angle += span


def _draw_legend(painter: QPainter, box: ChartBox, rect: QRectF, metrics: QFontMetricsF) -> None:
    """Colour swatches and names, centred under the chart; names shortened to share its width."""
    names = list(box.categories) if box.chart_type == "pie" else [s.name for s in box.series]
    swatch = metrics.height() * 0.7
    room = swatch * 1.5 + metrics.height()  # an entry's width besides its name
    widths = [room + metrics.horizontalAdvance(name) for name in names]
    if sum(widths) > rect.width():  # too many or too long: as many as fit, each an equal share
        shortest = room + metrics.horizontalAdvance("MM…")
        names = names[: max(1, int(rect.width() // shortest))]
        share = rect.width() / len(names)
        widths = [min(width, share) for width in widths[: len(names)]]
    x = rect.center().x() - sum(widths) / 2
    y = rect.bottom() - metrics.height() * 0.7
    for index, (name, width) in enumerate(zip(names, widths, strict=True)):
        painter.fillRect(
            QRectF(x, y - swatch / 2, swatch, swatch), _color(box.palette[index % len(box.palette)])
        )
        painter.setPen(_color(box.text_color))
        space = QRectF(x + swatch * 1.5, rect.top(), max(0.0, width - room), rect.height())
        _label(painter, metrics, space.left(), y, name, space.intersected(rect), "left")
        x += width
