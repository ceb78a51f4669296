"""The small compatibility layer Deckbuilder keeps around python-pptx, each piece with its reason.

- Deterministic output: python-pptx stamps zip members with the current time and XlsxWriter stamps
  the workbook embedded in each chart with its creation time, so two exports of one outline would
  differ. `deterministic_package` rewrites the zip with fixed timestamps; `StableCategoryChartData`
  gives each chart workbook a fixed creation time.

tests/render/test_pptx_compat.py checks every piece against the installed python-pptx, so an upgrade
that changes these internals fails loudly.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
WORKBOOK_CREATED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def deterministic_package(blob: bytes) -> bytes:
    """The same zip package with every member stamped with a fixed time and fixed attributes."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return output.getvalue()


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
