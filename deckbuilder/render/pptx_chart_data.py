"""Chart data whose embedded workbook is byte-stable: part of the python-pptx compatibility layer.

Kept apart from pptx_compat because python-pptx's chart data loads XlsxWriter (~20 ms): only decks
with a chart import this module.

python-pptx escapes series names and category labels, but pastes the number format into the chart
XML as it is, so a format with '&' or '<' (`0 "R&D"`) broke the chart part and a crafted one could
add elements to it. The chart data here hands python-pptx the format escaped for XML, and its
workbook writer the format as written.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.sax.saxutils import escape

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter

WORKBOOK_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class _StableWorkbookWriter(CategoryWorkbookWriter):
    """A chart workbook writer whose workbook always has the same creation time."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: io.BytesIO) -> Iterator[tuple[Any, Any]]:
        with super()._open_worksheet(xlsx_file) as (workbook, worksheet):
            workbook.set_properties({"created": WORKBOOK_CREATED})
            yield workbook, worksheet

    def _write_series(self, workbook: Any, worksheet: Any) -> None:
        """Each series in its column, its values in the number format as written (not XML-escaped)."""
        chart_data = self._chart_data
        number_format = chart_data.workbook_number_format
        for index, series in enumerate(chart_data):
            column = chart_data.categories.depth + index
            worksheet.write(0, column, series.name)
            values_format = workbook.add_format({"num_format": number_format})
            worksheet.write_column(1, column, series.values, values_format)


class StableCategoryChartData(CategoryChartData):
    """Category chart data whose embedded workbook is byte-stable and whose number format is safe in XML."""

    def __init__(self, number_format: str = "General") -> None:
        super().__init__(number_format=escape(number_format))
        self.workbook_number_format = number_format

    @functools.cached_property
    def _workbook_writer(self) -> _StableWorkbookWriter:
        return _StableWorkbookWriter(self)
