"""A native chart filling the body, from the outline's inline data."""

from __future__ import annotations

from deckbuilder.layout.boxes import ChartBox, ChartSeries, SlideLayout
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.pages import SlideInfo, body_rects, content_pages, located_in
from deckbuilder.outline.model import ChartSlide


def layout_chart(data: ChartSlide, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """The chart in the body rectangle; the renderer draws it as an editable chart."""
    theme = frame.theme
    with located_in(info):
        rect, _ = body_rects(frame, info)
    chart = ChartBox(
        rect.x,
        rect.y,
        rect.w,
        rect.h,
        data.chart,
        tuple(data.categories),
        tuple(ChartSeries(series.name, tuple(series.values)) for series in data.series),
        data.number_format,
        theme.fonts.body,
        theme.sizes.chart,
        theme.colors.text,
        tuple(theme.colors.chart),
        grid_color=theme.colors.rule,
    )
    with located_in(info):
        return content_pages(frame, info, [[chart]])
