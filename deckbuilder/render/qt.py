"""Draw laid-out slides with QPainter: the app's preview, PNG images and PDF pages."""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCharFormat,
    QTextLayout,
)

from deckbuilder.atomic import write_bytes_atomic
from deckbuilder.fonts import font_file
from deckbuilder.geometry import EMU_PER_INCH, EMU_PER_PT
from deckbuilder.layout.boxes import (
    ChartBox,
    DeckLayout,
    Paragraph,
    PictureBox,
    ShapeBox,
    SlideLayout,
    TableBox,
    TextBox,
)
from deckbuilder.layout.svg import svg_file_bytes
from deckbuilder.outline.inline import CODE_FONT, Run
from deckbuilder.render.qt_app import ensure_gui_application
from deckbuilder.render.qt_chart import draw_chart
from deckbuilder.render.qt_chart import format_number as format_number
from deckbuilder.render.qt_svg import draw_svg

if TYPE_CHECKING:
    from deckbuilder.themes.templates.model import Decoration

PNG_WIDTH_PX = 1920
PDF_DPI = 600


class _Scale:
    """Maps slide EMU to target coordinates, and points to font sizes on the painter's device."""

    def __init__(self, painter: QPainter, deck: DeckLayout, target: QRectF) -> None:
        self.k = min(target.width() / deck.width, target.height() / deck.height)
        self.x0 = target.x() + (target.width() - deck.width * self.k) / 2
        self.y0 = target.y() + (target.height() - deck.height * self.k) / 2
        device = painter.device()
        self.dpi = float(device.logicalDpiY()) if device is not None else 96.0

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        """An EMU rectangle on the target."""
        return QRectF(self.x0 + x * self.k, self.y0 + y * self.k, w * self.k, h * self.k)

    def length(self, emu: float) -> float:
        """An EMU length on the target."""
        return emu * self.k

    def pt(self, points: float) -> float:
        """A length in points on the target."""
        return points * EMU_PER_PT * self.k

    def font(self, family: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> QFont:
        """The bundled stand-in for an Office font, sized so size_pt matches the slide's scale."""
        font = QFont(_family_for(family, bold, italic))
        font.setBold(bold)
        font.setItalic(italic)
        font.setPointSizeF(max(0.01, self.pt(size_pt) * 72.0 / self.dpi))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)
        return font


def _color(hex_color: str) -> QColor:
    return QColor(f"#{hex_color}")


@functools.cache
def _register_font(path: Path) -> str:
    """Register a bundled font file with Qt once; returns its family name."""
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "Sans Serif"


def _family_for(family: str, bold: bool, italic: bool) -> str:
    """The registered family that stands in for an Office family, as layout measured it."""
    name = _register_font(font_file(family, bold=bold, italic=italic))
    _register_font(font_file(family))
    return name


def register_fonts() -> None:
    """Register every bundled font (both families, all styles), so text draws with layout's metrics."""
    for family in ("Calibri", "Arial", CODE_FONT):
        for bold in (False, True):
            for italic in (False, True):
                _family_for(family, bold, italic)


@functools.lru_cache(maxsize=64)
def _image(path: str, mtime: float) -> QImage:
    """A picture file, read once per modification."""
    return QImage(path)


@functools.lru_cache(maxsize=64)
def _svg(path: str, mtime: float) -> bytes | None:
    """An SVG picture's bytes, read once per modification; None for a bitmap."""
    return svg_file_bytes(Path(path))


_Art = tuple[str | None, QImage | None, tuple[tuple["Decoration", QImage | None], ...]]
"""A layout's background colour, its background picture, and the shapes its slides show."""


@functools.lru_cache(maxsize=32)
def _template_art(template: str, master: int, index: int) -> _Art:
    """A template layout's background picture and the shapes its slides show, pictures decoded once."""
    from deckbuilder.errors import DeckError
    from deckbuilder.themes.templates import template_layout, template_picture

    def picture(part: str | None) -> QImage | None:
        try:
            image = QImage.fromData(template_picture(template, part)) if part else QImage()
        except DeckError:
            return None
        return None if image.isNull() else image

    try:
        layout = template_layout(template, master, index)
    except DeckError:
        return None, None, ()
    if layout is None:
        return None, None, ()
    shapes = tuple((shape, picture(shape.part)) for shape in layout.decorations if shape.kind != "other")
    return layout.background.color, picture(layout.background.part), shapes


def _draw_template_art(painter: QPainter, scale: _Scale, art: _Art, slide_rect: QRectF) -> None:
    """What the template draws under a slide's content: its background picture, logos, bars."""
    _, background, shapes = art
    if background is not None:
        painter.drawImage(slide_rect, background)
    for shape, image in shapes:
        rect = scale.rect(shape.rect.x, shape.rect.y, shape.rect.w, shape.rect.h)
        if shape.kind == "picture":
            if image is not None:
                painter.drawImage(rect, image)
            continue
        fill = _color(shape.fill) if shape.fill else None
        if fill is not None:
            fill.setAlphaF(shape.alpha)  # a see-through band tints what is behind it
        painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        if shape.outline:
            painter.setPen(QPen(_color(shape.outline), scale.length(shape.outline_emu)))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        if shape.geometry == "ellipse":
            painter.drawEllipse(rect)
        else:
            painter.drawRect(rect)


def paint_slide(painter: QPainter, slide: SlideLayout, deck: DeckLayout, target: QRectF) -> None:
    """Draw one laid-out slide into target (aspect ratio kept, centred), exactly as layout placed it."""
    scale = _Scale(painter, deck, target)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        slide_rect = scale.rect(0, 0, deck.width, deck.height)
        painter.setClipRect(slide_rect)
        art = None
        if deck.template is not None and slide.layout is not None:
            art = _template_art(deck.template, slide.layout.master, slide.layout.index)
        # On a template the slide shows the layout's own background, its art drawn over it (the
        # slide's background colour is what content sits on, the art included).
        painter.fillRect(slide_rect, _color((art[0] if art is not None else None) or slide.background))
        if art is not None:
            painter.save()  # Qt's PDF engine keeps a see-through fill's opacity for what is drawn next
            _draw_template_art(painter, scale, art, slide_rect)
            painter.restore()
        for box in slide.boxes:
            if isinstance(box, TextBox):
                _draw_text_box(painter, scale, box)
            elif isinstance(box, ShapeBox):
                _draw_shape(painter, scale, box)
            elif isinstance(box, PictureBox):
                _draw_picture(painter, scale, box)
            elif isinstance(box, TableBox):
                _draw_table(painter, scale, box)
            elif isinstance(box, ChartBox):
                font = scale.font(box.font, box.size_pt)
                rect = scale.rect(box.x, box.y, box.w, box.h)
                draw_chart(painter, box, rect, font, max(1.0, scale.pt(0.75)))
    finally:
        painter.restore()


def _draw_shape(painter: QPainter, scale: _Scale, box: ShapeBox) -> None:
    rect = scale.rect(box.x, box.y, box.w, box.h)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_color(box.fill))
    if box.shape == "ellipse":
        painter.drawEllipse(rect)
    else:
        painter.drawRect(rect)


def _draw_picture(painter: QPainter, scale: _Scale, box: PictureBox) -> None:
    rect = scale.rect(box.x, box.y, box.w, box.h)
    path = Path(box.path)
    svg = _svg(str(path), path.stat().st_mtime) if path.is_file() else None
    if svg is not None and draw_svg(painter, rect, svg):
        return
    image = _image(str(path), path.stat().st_mtime) if path.is_file() and svg is None else QImage()
    if image.isNull():
        painter.fillRect(rect, QColor("#DDDDDD"))
        painter.setPen(QColor("#666666"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "missing image")
        return
    painter.drawImage(rect, image)


def _draw_text_box(painter: QPainter, scale: _Scale, box: TextBox) -> None:
    if box.fill:
        painter.fillRect(scale.rect(box.x, box.y, box.w, box.h), _color(box.fill))
    inner = scale.rect(box.x + box.inset, box.y + box.inset, box.w - 2 * box.inset, box.h - 2 * box.inset)
    _draw_paragraphs(painter, scale, box.paragraphs, inner, box.anchor)


def _draw_paragraphs(
    painter: QPainter, scale: _Scale, paragraphs: Sequence[Paragraph], inner: QRectF, anchor: str
) -> None:
    """Paragraphs line by line from their fitted lines, at their size and exact line height."""
    total = scale.pt(
        sum(p.height_pt for p in paragraphs) - (paragraphs[0].space_before_pt if paragraphs else 0)
    )
    top = inner.top()
    if anchor == "middle":
        top += (inner.height() - total) / 2
    elif anchor == "bottom":
        top += inner.height() - total
    y = top
    for number, paragraph in enumerate(paragraphs):
        if number:
            y += scale.pt(paragraph.space_before_pt)
        font = scale.font(paragraph.font, paragraph.size_pt, bold=paragraph.bold, italic=paragraph.italic)
        metrics = QFontMetricsF(font, painter.device())  # the device's resolution, not the screen's
        painter.setFont(font)
        painter.setPen(_color(paragraph.color))
        line_h = scale.pt(paragraph.line_height_pt)
        text_left = inner.left() + scale.length(paragraph.indent_emu)
        text_width = inner.right() - text_left
        baseline_offset = (line_h - (metrics.ascent() + metrics.descent())) / 2 + metrics.ascent()
        for index, line in enumerate(paragraph.lines):
            baseline = y + baseline_offset
            if index == 0 and paragraph.bullet:
                bullet_x = text_left - scale.length(paragraph.hanging_emu)
                painter.drawText(QPointF(bullet_x, baseline), paragraph.bullet)
            runs = paragraph.line_runs[index] if paragraph.rich else ()
            faces = [_run_font(scale, paragraph, run) for run in runs]
            advances = [
                QFontMetricsF(face, painter.device()).horizontalAdvance(r.text)
                for face, r in zip(faces, runs, strict=True)
            ]
            width = sum(advances) if paragraph.rich else metrics.horizontalAdvance(line)
            x = text_left
            if paragraph.align == "center":
                x += (text_width - width) / 2
            elif paragraph.align == "right":
                x += text_width - width
            if paragraph.rich:
                for run, face, advance in zip(runs, faces, advances, strict=True):
                    _draw_run(painter, run, face, QPointF(x, baseline))
                    x += advance
                painter.setFont(font)
            else:
                painter.drawText(QPointF(x, baseline), line)
            y += line_h


def _run_font(scale: _Scale, paragraph: Paragraph, run: Run) -> QFont:
    """The face a run is drawn in: the paragraph's, made bold, italic or monospace; links underlined."""
    family = CODE_FONT if run.code else paragraph.font
    bold, italic = paragraph.bold or run.bold, paragraph.italic or run.italic
    font = scale.font(family, paragraph.size_pt, bold=bold, italic=italic)
    font.setUnderline(run.link is not None)
    return font


def _draw_run(painter: QPainter, run: Run, font: QFont, baseline: QPointF) -> None:
    """One run at a baseline point; a link through QTextLayout, whose anchor a PDF makes clickable."""
    if run.link is None:
        painter.setFont(font)
        painter.drawText(baseline, run.text)
        return
    link = QTextCharFormat()
    link.setAnchor(True)
    link.setAnchorHref(run.link)
    link.setForeground(painter.pen().color())
    text = QTextLayout(run.text, font, painter.device())
    text.setFormats([_format_range(len(run.text), link)])
    text.beginLayout()
    line = text.createLine()
    line.setLineWidth(1e6)
    text.endLayout()
    text.draw(painter, QPointF(baseline.x(), baseline.y() - line.ascent()))


def _format_range(length: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    span = QTextLayout.FormatRange()
    span.start, span.length, span.format = 0, length, char_format
    return span


def _draw_table(painter: QPainter, scale: _Scale, box: TableBox) -> None:
    """Cells with their fills and fitted text, divided by thin lines in the table's border colour."""
    y = float(box.y)
    for r, (row, height) in enumerate(zip(box.cells, box.row_heights, strict=True)):
        fill = box.header_fill if r == 0 else box.body_fills[(r - 1) % 2]
        x = float(box.x)
        for paragraph, width in zip(row, box.col_widths, strict=True):
            cell = scale.rect(x, y, width, height)
            painter.fillRect(cell, _color(fill))
            inset, inset_y = box.cell_inset, box.cell_inset_y
            inner = scale.rect(x + inset, y + inset_y, width - 2 * inset, height - 2 * inset_y)
            _draw_paragraphs(painter, scale, [paragraph], inner, "top")
            x += width
        y += height
    pen = QPen(_color(box.border))
    pen.setWidthF(max(1.0, scale.pt(1)))
    painter.setPen(pen)
    top, left = float(box.y), float(box.x)
    bottom, right = top + sum(box.row_heights), left + sum(box.col_widths)
    x = left
    for width in box.col_widths[:-1]:
        x += width
        painter.drawLine(scale.rect(x, top, 0, 0).topLeft(), scale.rect(x, bottom, 0, 0).topLeft())
    y = top
    for height in box.row_heights[:-1]:
        y += height
        painter.drawLine(scale.rect(left, y, 0, 0).topLeft(), scale.rect(right, y, 0, 0).topLeft())


def slide_image(slide: SlideLayout, deck: DeckLayout, width_px: int) -> QImage:
    """One slide drawn into a new image width_px wide, at the slide's aspect ratio."""
    ensure_gui_application()
    register_fonts()
    height_px = max(1, round(width_px * deck.height / deck.width))
    image = QImage(width_px, height_px, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(3780)
    image.setDotsPerMeterY(3780)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        paint_slide(painter, slide, deck, QRectF(0, 0, width_px, height_px))
    finally:
        painter.end()
    return image


def render_png(
    layout: DeckLayout, folder: str | os.PathLike[str], *, width_px: int = PNG_WIDTH_PX
) -> list[Path]:
    """One PNG per slide (slide-01.png …) in folder, each written atomically; returns the paths."""
    target_dir = Path(folder)
    target_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for number, slide in enumerate(layout.slides, start=1):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not slide_image(slide, layout, width_px).save(buffer, "PNG"):  # type: ignore[call-overload]
            raise OSError(f"cannot encode slide {number} as PNG")
        target = target_dir / f"slide-{number:02d}.png"
        write_bytes_atomic(target, bytes(buffer.data().data()))
        written.append(target)
    return written


def render_pdf(layout: DeckLayout, path: str | os.PathLike[str]) -> Path:
    """A PDF with one page per slide, at the slide's size, text kept as text; written atomically."""
    ensure_gui_application()
    register_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(layout.title)
    writer.setCreator("Deckbuilder")
    size = QPageSize(QSizeF(layout.width / EMU_PER_INCH, layout.height / EMU_PER_INCH), QPageSize.Unit.Inch)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        for number, slide in enumerate(layout.slides):
            if number:
                writer.newPage()
            paint_slide(painter, slide, layout, QRectF(0, 0, writer.width(), writer.height()))
    finally:
        painter.end()
    target = Path(path)
    write_bytes_atomic(target, bytes(buffer.data().data()))
    return target
