"""Draw a DeckLayout as native, editable PowerPoint: text frames, shapes, pictures, charts and tables."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

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
from deckbuilder.render.pptx_compat import StableCategoryChartData, deterministic_package

LAYOUT_TITLE_ONLY = 5
LAYOUT_BLANK = 6
SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)

_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
_CHART_TYPES = {
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.upper())


def _style_run(run: Any, paragraph: Paragraph) -> None:
    font = run.font
    font.name = paragraph.font
    font.size = Pt(paragraph.size_pt)
    font.bold = paragraph.bold
    font.italic = paragraph.italic
    font.color.rgb = _rgb(paragraph.color)


def _add_bullet(p_element: Any, paragraph: Paragraph) -> None:
    """Give a paragraph a hanging bullet character (python-pptx has no API for bullets)."""
    p_pr = p_element.get_or_add_pPr()
    p_pr.set("marL", str(paragraph.indent_emu))
    p_pr.set("indent", str(-paragraph.hanging_emu))
    bu_font = etree.SubElement(p_pr, qn("a:buFont"))
    bu_font.set("typeface", "Arial")
    bu_char = etree.SubElement(p_pr, qn("a:buChar"))
    bu_char.set("char", paragraph.bullet or "•")


def _slide_number_field(p_element: Any, paragraph: Paragraph) -> Any:
    """Append a slide-number field, so the number stays right when slides are reordered."""
    field = etree.SubElement(p_element, qn("a:fld"))
    field.set("id", SLIDENUM_FIELD_ID)
    field.set("type", "slidenum")
    etree.SubElement(field, qn("a:rPr")).set("lang", "en-US")
    etree.SubElement(field, qn("a:t")).text = paragraph.text
    return field


def fill_paragraphs(text_frame: Any, paragraphs: Sequence[Paragraph]) -> None:
    """Write fitted paragraphs into a text frame, with every size and spacing explicit."""
    for index, paragraph in enumerate(paragraphs):
        target = text_frame.paragraphs[0] if index == 0 else text_frame.add_paragraph()
        target.alignment = _ALIGN[paragraph.align]
        target.line_spacing = Pt(paragraph.line_height_pt)
        target.space_before = Pt(paragraph.space_before_pt)
        target.space_after = Pt(0)
        if paragraph.bullet is not None:
            _add_bullet(target._p, paragraph)
        elif paragraph.indent_emu:
            target._p.get_or_add_pPr().set("marL", str(paragraph.indent_emu))
        if paragraph.field == "slidenum":
            field = _slide_number_field(target._p, paragraph)
            rpr = field.find(qn("a:rPr"))
            rpr.set("sz", str(round(paragraph.size_pt * 100)))
            fill = etree.SubElement(rpr, qn("a:solidFill"))
            etree.SubElement(fill, qn("a:srgbClr")).set("val", paragraph.color.upper())
            etree.SubElement(rpr, qn("a:latin")).set("typeface", paragraph.font)
            continue
        run = target.add_run()
        run.text = paragraph.text
        _style_run(run, paragraph)


def _frame_setup(text_frame: Any, box: TextBox) -> None:
    text_frame.word_wrap = True
    text_frame.auto_size = MSO_AUTO_SIZE.NONE
    for side in ("margin_left", "margin_right", "margin_top"):
        setattr(text_frame, side, Emu(box.inset))
    text_frame.margin_bottom = Emu(box.bottom_inset)
    text_frame.vertical_anchor = _ANCHOR[box.anchor]


def _draw_text(slide: Any, box: TextBox, placeholder: Any | None) -> None:
    if placeholder is not None:
        shape = placeholder
        shape.left, shape.top, shape.width, shape.height = box.x, box.y, box.w, box.h
    else:
        shape = slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
        shape.name = f"{box.role.replace('-', ' ').title()} {shape.shape_id}"
    if box.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(box.fill)
    _frame_setup(shape.text_frame, box)
    fill_paragraphs(shape.text_frame, box.paragraphs)


def _draw_shape(slide: Any, box: ShapeBox) -> None:
    kind = MSO_SHAPE.OVAL if box.shape == "ellipse" else MSO_SHAPE.RECTANGLE
    shape = slide.shapes.add_shape(kind, box.x, box.y, box.w, box.h)
    shape.name = f"{box.role.replace('-', ' ').title()} {shape.shape_id}"
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(box.fill)
    shape.line.fill.background()
    shape.shadow.inherit = False


def _draw_picture(slide: Any, box: PictureBox) -> None:
    picture = slide.shapes.add_picture(box.path, box.x, box.y, box.w, box.h)
    # python-pptx has no API for alt text; it lives in cNvPr's descr attribute.
    picture._element.nvPicPr.cNvPr.set("descr", box.alt)


def _draw_chart(slide: Any, box: ChartBox) -> None:
    data = StableCategoryChartData(number_format=box.number_format)
    data.categories = list(box.categories)
    for series in box.series:
        data.add_series(series.name, list(series.values))
    frame = slide.shapes.add_chart(_CHART_TYPES[box.chart_type], box.x, box.y, box.w, box.h, data)
    chart = frame.chart
    chart.font.name = box.font
    chart.font.size = Pt(box.size_pt)
    chart.font.color.rgb = _rgb(box.text_color)
    chart.has_title = False  # the slide's title names the chart
    pie = box.chart_type == "pie"
    chart.has_legend = pie or len(box.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.size = Pt(box.size_pt)
    labels.number_format = box.number_format
    labels.number_format_is_linked = box.number_format == "General"
    if pie:
        for index, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = _rgb(box.palette[index % len(box.palette)])
        return
    if box.chart_type in ("bar", "column"):
        plot.gap_width = 80
    for index, series in enumerate(plot.series):
        color = _rgb(box.palette[index % len(box.palette)])
        if box.chart_type == "line":
            series.format.line.color.rgb = color
            series.format.line.width = Pt(2.5)
            series.smooth = False
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = color
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = _rgb("D0D5DD")
    value_axis.tick_labels.font.size = Pt(box.size_pt)
    chart.category_axis.tick_labels.font.size = Pt(box.size_pt)


def _draw_table(slide: Any, box: TableBox) -> None:
    rows, cols = len(box.cells), len(box.col_widths)
    frame = slide.shapes.add_table(rows, cols, box.x, box.y, box.w, box.h)
    table = frame.table
    for index, width in enumerate(box.col_widths):
        table.columns[index].width = Emu(width)
    for index, height in enumerate(box.row_heights):
        table.rows[index].height = Emu(height)
    for r, row in enumerate(box.cells):
        fill = box.header_fill if r == 0 else box.body_fills[(r - 1) % 2]
        for c, paragraph in enumerate(row):
            cell = table.cell(r, c)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(fill)
            for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
                setattr(cell, side, Emu(box.cell_inset))
            cell.vertical_anchor = MSO_ANCHOR.TOP
            cell.text_frame.word_wrap = True
            fill_paragraphs(cell.text_frame, [paragraph])


def _draw_slide(prs: Any, page: SlideLayout) -> None:
    has_title = any(isinstance(box, TextBox) and box.role == "title" for box in page.boxes)
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY if has_title else LAYOUT_BLANK])
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = _rgb(page.background)
    title_placeholder = slide.shapes.title if has_title else None
    for box in page.boxes:
        if isinstance(box, TextBox):
            is_title = box.role == "title" and title_placeholder is not None
            _draw_text(slide, box, title_placeholder if is_title else None)
            if is_title:
                title_placeholder = None
        elif isinstance(box, ShapeBox):
            _draw_shape(slide, box)
        elif isinstance(box, PictureBox):
            _draw_picture(slide, box)
        elif isinstance(box, ChartBox):
            _draw_chart(slide, box)
        elif isinstance(box, TableBox):
            _draw_table(slide, box)
    if page.notes:
        slide.notes_slide.notes_text_frame.text = page.notes


def render_pptx(layout: DeckLayout) -> bytes:
    """The .pptx file's bytes for a laid-out deck; the same layout always gives the same bytes."""
    prs = Presentation()
    prs.slide_width = Emu(layout.width)
    prs.slide_height = Emu(layout.height)
    properties = prs.core_properties
    properties.title = layout.title
    properties.author = layout.author
    properties.last_modified_by = "Deckbuilder"
    properties.revision = 1
    properties.created = FIXED_TIME.replace(tzinfo=None)
    properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.last_printed = FIXED_TIME.replace(tzinfo=None)
    for page in layout.slides:
        _draw_slide(prs, page)
    buffer = io.BytesIO()
    prs.save(buffer)
    return deterministic_package(buffer.getvalue())
