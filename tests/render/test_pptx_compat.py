"""The compatibility layer around python-pptx still holds against the installed version."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.opc.package import OpcPackage, Part
from pptx.opc.serialized import _ZipPkgWriter

from deckbuilder.render.pptx_chart_data import StableCategoryChartData
from deckbuilder.render.pptx_compat import ZIP_EPOCH, save_deterministic


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


def test_saved_packages_get_fixed_timestamps_in_one_pass() -> None:
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[6])
    first = save_deterministic(prs)
    members = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert "ppt/slides/slide1.xml" in [m.filename for m in members]
    assert {m.date_time for m in members} == {ZIP_EPOCH}
    assert {m.compress_type for m in members} == {zipfile.ZIP_DEFLATED}
    assert save_deterministic(prs) == first
    assert _ZipPkgWriter.write is not None and "save_deterministic" not in _ZipPkgWriter.write.__qualname__


def _bullets_outline(count: int) -> str:
    slides = "".join(
        f"      - kind: bullets\n        title: Slide {n}\n        points: [one, two]\n"
        f"        notes: note {n}\n"
        for n in range(count)
    )
    return f"title: Long deck\nsections:\n  - title: Part\n    divider: false\n    slides:\n{slides}"


def test_export_walks_the_package_a_constant_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    """python-pptx's next_partname walks every part; the layer must keep that off the per-slide path."""
    import deckbuilder
    from deckbuilder.pipeline import layout
    from deckbuilder.render.pptx import render_pptx

    walks = 0
    original = OpcPackage.iter_parts

    def counting_iter_parts(self: OpcPackage) -> Iterator[Part]:
        nonlocal walks
        walks += 1
        return original(self)

    monkeypatch.setattr(OpcPackage, "iter_parts", counting_iter_parts)
    laid_out = layout(deckbuilder.loads(_bullets_outline(200)))
    render_pptx(laid_out)
    assert walks < 10, f"{walks} walks over the package for 200 slides"


def test_appended_slides_and_notes_are_what_python_pptx_reads_back(tmp_path: Path) -> None:
    import deckbuilder

    target = deckbuilder.export(deckbuilder.loads(_bullets_outline(30)), tmp_path / "long.pptx")
    prs = Presentation(str(target))
    assert len(prs.slides) == 30
    ids = [slide.slide_id for slide in prs.slides]
    assert ids == sorted(set(ids))
    assert [slide.notes_slide.notes_text_frame.text for slide in prs.slides] == [
        f"note {n}" for n in range(30)
    ]
    partnames = [str(slide.part.partname) for slide in prs.slides]
    assert partnames == [f"/ppt/slides/slide{n}.xml" for n in range(1, 31)]
