"""A native table: columns sized to their content, rows continued with the header repeated."""

from __future__ import annotations

from collections.abc import Sequence

from deckbuilder.fonts import font_file, has_stand_in
from deckbuilder.geometry import EMU_PER_PT, Rect, inches
from deckbuilder.layout.boxes import Paragraph, SlideLayout, TableBox
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.measure import metrics_for
from deckbuilder.layout.pages import SlideInfo, paged
from deckbuilder.layout.text import (
    WRAP_SAFETY,
    ParaSpec,
    TextStyle,
    TooLongError,
    make_paragraph,
    max_steps,
    size_at,
)
from deckbuilder.outline.inline import plain_text
from deckbuilder.outline.model import TableSlide

CELL_MARGIN_X = inches(0.1)
"""A cell's left and right margins: PowerPoint's own default, written out so every renderer uses it."""
CELL_MARGIN_Y = inches(0.05)
"""A cell's top and bottom margins, PowerPoint's default too."""
RENDERER_WIDENING = {"LiberationSans": 1.008}
"""How much wider than its advance widths LibreOffice may set a stand-in's text in a table cell:
Liberation Sans (Arial) needs up to 0.8% more room there (measured at 15 pt: a line wraps with 0.7%
to spare and fits with 0.8%), Carlito (Calibri) none. A cell wraps that much earlier, no more: a row's
height follows its lines, so a line layout wraps that a renderer fits leaves an empty band under it."""


def column_widths(rows: Sequence[Sequence[str]], style: TextStyle, total: int) -> list[int]:
    """Widths proportional to each column's longest line, each at least a fair minimum share."""
    metrics = metrics_for(style.font, bold=style.bold)
    natural = [
        max((metrics.text_width_pt(plain_text(cell), style.sizes.max) for cell in column), default=0.0)
        / WRAP_SAFETY
        + 2 * CELL_MARGIN_X / EMU_PER_PT
        + 2.0
        for column in zip(*rows, strict=True)
    ]
    count = len(natural)
    floor = total / count * 0.5
    widths = [max(floor, min(width * EMU_PER_PT, total * 0.6)) for width in natural]
    scale = total / sum(widths)
    result = [round(width * scale) for width in widths]
    result[-1] = total - sum(result[:-1])
    return result


def _row(
    cells: Sequence[str], styles: Sequence[TextStyle], widths: Sequence[int], step: int
) -> list[Paragraph]:
    # A cell wraps at the width the renderers give its text, less only what RENDERER_WIDENING says, not
    # WRAP_SAFETY. Carlito and Liberation Sans measure as Calibri and Arial do.
    return [
        make_paragraph(
            ParaSpec(cell, style),
            size_at(style, step),
            round((width - 2 * CELL_MARGIN_X) / _widening(style) / WRAP_SAFETY),
            first=True,
        )
        for cell, style, width in zip(cells, styles, widths, strict=True)
    ]


def _widening(style: TextStyle) -> float:
    """How much wider than measured a renderer may set a style's text (RENDERER_WIDENING)."""
    stem = font_file(style.font, bold=style.bold).stem.split("-")[0]
    return RENDERER_WIDENING.get(stem, 1.0) if has_stand_in(style.font) else 1.0


def _row_height(paragraphs: Sequence[Paragraph]) -> int:
    lines = max(round(p.line_height_pt * len(p.lines) * EMU_PER_PT) for p in paragraphs)
    return lines + 2 * CELL_MARGIN_Y


def layout_table(data: TableSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """The table at the largest size whose rows all fit; else rows continue at the smallest size."""
    theme = frame.theme
    colors = theme.colors
    header_style = frame.styles.style(theme.sizes.table, colors.accent_text, bold=True, line_spacing=1.15)
    body_style = frame.styles.style(theme.sizes.table, colors.text, line_spacing=1.15)
    surface_style = frame.styles.style(theme.sizes.table, colors.surface_text, line_spacing=1.15)

    def table(rect: Rect, rows: list[list[Paragraph]], widths: list[int]) -> TableBox:
        heights = tuple(_row_height(row) for row in rows)
        return TableBox(
            rect.x,
            rect.y,
            rect.w,
            sum(heights),
            tuple(widths),
            heights,
            tuple(tuple(row) for row in rows),
            colors.accent,
            (colors.background, colors.surface),
            CELL_MARGIN_X,
            CELL_MARGIN_Y,
            colors.background,
        )

    def styled_rows(widths: list[int], step: int) -> list[list[Paragraph]]:
        rows = [_row(data.header, [header_style] * len(data.header), widths, step)]
        for index, cells in enumerate(data.rows):
            style = body_style if index % 2 == 0 else surface_style
            rows.append(_row(cells, [style] * len(cells), widths, step))
        return rows

    def single(rect: Rect) -> TableBox | None:
        widths = column_widths([data.header, *data.rows], body_style, rect.w)
        smallest = max_steps([ParaSpec("", body_style)])
        if sum(_row_height(row) for row in styled_rows(widths, smallest)) > rect.h:
            return None  # no larger size fits either: spare wrapping every row at every size
        for step in range(smallest + 1):
            rows = styled_rows(widths, step)
            if sum(_row_height(row) for row in rows) <= rect.h:
                return table(rect, rows, widths)
        return None

    def pages(rect: Rect) -> list[list[TableBox]]:
        widths = column_widths([data.header, *data.rows], body_style, rect.w)
        header, *body = styled_rows(widths, max_steps([ParaSpec("", body_style)]))
        if _row_height(header) > rect.h // 3:
            raise TooLongError(("header",), "the table's header row")
        for index, row in enumerate(body):
            if _row_height(header) + _row_height(row) > rect.h:
                raise TooLongError(("rows", index), "a table row")
        result: list[list[TableBox]] = []
        page: list[list[Paragraph]] = []
        used = _row_height(header)
        for row in body:
            height = _row_height(row)
            if page and used + height > rect.h:
                result.append([table(rect, [header, *page], widths)])
                page, used = [], _row_height(header)
            page.append(row)
            used += height
        result.append([table(rect, [header, *page], widths)])
        return result

    return paged(frame, info, lambda rect: [box] if (box := single(rect)) else None, pages)  # type: ignore[arg-type]
