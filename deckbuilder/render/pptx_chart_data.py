"""Chart data whose embedded workbook is byte-stable: part of the python-pptx compatibility layer.

Kept apart from pptx_compat because python-pptx's chart data loads XlsxWriter (~20 ms): only decks
with a chart import this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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


class StableCategoryChartData(CategoryChartData):
    """Category chart data whose embedded workbook is byte-stable."""

    @functools.cached_property
    def _workbook_writer(self) -> _StableWorkbookWriter:
        return _StableWorkbookWriter(self)
