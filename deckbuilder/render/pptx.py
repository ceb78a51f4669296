"""Draw a DeckLayout as native, editable PowerPoint: text frames, shapes, pictures, charts and tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import IO, Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from deckbuilder.inputs import picture_source
from deckbuilder.layout.boxes import (
    ChartBox,
    DeckLayout,
    PictureBox,
    ShapeBox,
    SlideLayout,
    TableBox,
    TextBox,
)
from deckbuilder.layout.svg import is_svg, svg_file_bytes
from deckbuilder.render.pptx_compat import (
    SlideAppender,
    counted_partnames,
    save_deterministic,
)
from deckbuilder.render.pptx_svg import SvgPictures
from deckbuilder.render.pptx_xml import (
    LinkIds,
    background,
    fill_table,
    placeholder_element,
    placeholder_shape,
    plain_shape,
    text_shape,
)

LAYOUT_TITLE_ONLY = 5
LAYOUT_BLANK = 6
CORE_PROPERTY_LIMIT = 255
"""python-pptx refuses longer document properties; the slides keep the whole text."""
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


def _draw_picture(slide: Any, box: PictureBox, svgs: SvgPictures) -> None:
    source = picture_source(box.path)
    svg = _svg_bytes(box.path, source)
    if svg is not None:
        picture = svgs.add(slide, box, svg)
    else:
        picture = slide.shapes.add_picture(source, box.x, box.y, box.w, box.h)
    # python-pptx has no API for alt text; it lives in cNvPr's descr attribute.
    non_visual = picture._element.nvPicPr
    non_visual.cNvPr.set("descr", box.alt)
    if box.placeholder is not None:  # the template's picture placeholder, at the size layout fitted
        locks = non_visual.find(qn("p:cNvPicPr")).find(qn("a:picLocks"))
        if locks is not None:
            locks.set("noGrp", "1")
        placeholder_element(non_visual.find(qn("p:nvPr")), box.placeholder)


def _svg_bytes(path: str, source: str | IO[bytes]) -> bytes | None:
    """The picture's bytes when it is an SVG, else None (a bitmap python-pptx reads itself)."""
    if isinstance(source, str):
        return svg_file_bytes(Path(source))
    data = source.read()
    source.seek(0)
    return data if is_svg(path, data) else None


def _draw_chart(slide: Any, box: ChartBox) -> None:
    from deckbuilder.render.pptx_chart_data import StableCategoryChartData  # loads XlsxWriter

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
    value_axis.major_gridlines.format.line.color.rgb = _rgb(box.grid_color)
    value_axis.tick_labels.font.size = Pt(box.size_pt)
    value_axis.tick_labels.number_format = box.number_format  # the axis reads as the data: 1,500 not 1500
    value_axis.tick_labels.number_format_is_linked = box.number_format == "General"
    chart.category_axis.tick_labels.font.size = Pt(box.size_pt)


def _draw_table(slide: Any, box: TableBox, links: LinkIds) -> None:
    rows, cols = len(box.cells), len(box.col_widths)
    frame = slide.shapes.add_table(rows, cols, box.x, box.y, box.w, box.h)
    fill_table(frame._element.graphic.graphicData.tbl, box, links)


def link_ids(part: Any) -> LinkIds:
    """Hyperlink relationship ids from a slide (or notes slide) part, one per distinct URL."""

    def link(url: str) -> str:
        return str(part.relate_to(url, RT.HYPERLINK, is_external=True))

    return link


def _new_slide(
    prs: Any, appender: SlideAppender, page: SlideLayout, template: str | None
) -> tuple[Any, bool]:
    """The slide for a page, on its template layout or the built-in one, and whether a title is pending."""
    has_title = any(isinstance(box, TextBox) and box.role == "title" for box in page.boxes)
    if page.layout is not None and template is not None:  # the template's own background shows
        from deckbuilder.render.pptx_template import template_layout  # only decks on a template load it

        return appender.add_slide(template_layout(prs, page.layout, template)), has_title
    slide = appender.add_slide(appender.layout(LAYOUT_TITLE_ONLY if has_title else LAYOUT_BLANK))
    slide._element.cSld.insert(0, background(page.background))
    return slide, has_title


def _draw_slide(
    prs: Any, appender: SlideAppender, page: SlideLayout, svgs: SvgPictures, template: str | None = None
) -> None:
    slide, has_title = _new_slide(prs, appender, page, template)
    tree = slide._element.cSld.spTree
    links = link_ids(slide.part)
    shape_id = 1
    title_pending = has_title
    for box in page.boxes:
        if isinstance(box, TextBox | ShapeBox):
            shape_id += 1
            if isinstance(box, ShapeBox):
                tree.append(plain_shape(box, shape_id))
            elif box.placeholder is not None:
                tree.append(placeholder_shape(box, box.placeholder, shape_id, links))
                title_pending = title_pending and box.role != "title"
            else:
                tree.append(
                    text_shape(box, shape_id, title=title_pending and box.role == "title", links=links)
                )
                title_pending = title_pending and box.role != "title"
        elif isinstance(box, PictureBox):
            _draw_picture(slide, box, svgs)
        elif isinstance(box, ChartBox):
            _draw_chart(slide, box)
        elif isinstance(box, TableBox):
            _draw_table(slide, box, links)
        shape_id = max(shape_id, len(tree) + 1)
    if page.notes:
        appender.add_notes(slide, page.notes, page.notes_runs)
    appender.finish(slide)


def render_pptx(layout: DeckLayout) -> bytes:
    """The .pptx file's bytes for a laid-out deck; the same layout always gives the same bytes."""
    if layout.template is not None:  # the template's masters, layouts and slide size
        from deckbuilder.render.pptx_template import open_template

        prs = open_template(layout.template)
    else:
        prs = Presentation()
        prs.slide_width = Emu(layout.width)
        prs.slide_height = Emu(layout.height)
    properties = prs.core_properties
    properties.title = layout.title[:CORE_PROPERTY_LIMIT]
    properties.author = layout.author[:CORE_PROPERTY_LIMIT]
    properties.last_modified_by = "Deckbuilder"
    properties.revision = 1
    properties.created = FIXED_TIME.replace(tzinfo=None)
    properties.modified = FIXED_TIME.replace(tzinfo=None)
    properties.last_printed = FIXED_TIME.replace(tzinfo=None)
    appender = SlideAppender(prs)
    svgs = SvgPictures(prs.part.package)
    with counted_partnames(prs.part.package):
        for page in layout.slides:
            _draw_slide(prs, appender, page, svgs, layout.template)
    return save_deterministic(prs)
