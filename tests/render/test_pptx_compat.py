"""The compatibility layer around python-pptx still holds against the installed version."""

from __future__ import annotations

import io
import zipfile

from pptx.chart.data import CategoryChartData

from deckbuilder.render.pptx_compat import ZIP_EPOCH, StableCategoryChartData, deterministic_package


def _chart_data(cls: type[CategoryChartData]) -> CategoryChartData:
    data = cls()
    data.categories = ["France", "United States"]
    data.add_series("Personnel", (1500, 1000))
    return data


def test_chart_workbooks_are_byte_stable() -> None:
    first = _chart_data(StableCategoryChartData).xlsx_blob
    second = _chart_data(StableCategoryChartData).xlsx_blob
    assert first == second
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


def test_stable_chart_data_is_still_what_python_pptx_expects() -> None:
    stable = _chart_data(StableCategoryChartData)
    plain = _chart_data(CategoryChartData)
    assert stable.values_ref(stable[0]) == plain.values_ref(plain[0])
    assert stable.categories_ref == plain.categories_ref


def test_packages_get_fixed_timestamps_and_keep_their_members() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("ppt/presentation.xml", "<p/>")
    fixed = deterministic_package(buffer.getvalue())
    members = zipfile.ZipFile(io.BytesIO(fixed)).infolist()
    assert [m.filename for m in members] == ["[Content_Types].xml", "ppt/presentation.xml"]
    assert {m.date_time for m in members} == {ZIP_EPOCH}
    assert deterministic_package(fixed) == fixed
