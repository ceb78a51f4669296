"""Tests for the precomputed font width tables: they match their fonts, and only real ones are read."""

from __future__ import annotations

import runpy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from deckbuilder.layout.measure import metrics_for
from deckbuilder.layout.widths import WidthTable, encode, read_table, table_file
from deckbuilder.paths import FONTS_DIR

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "assets" / "fonts" / "make_widths.py"
FONTS = sorted(FONTS_DIR.glob("*.ttf"))


@pytest.fixture(scope="module")
def generator() -> dict[str, Any]:
    """The globals of assets/fonts/make_widths.py (run as a script, so it leaves no bytecode behind)."""
    return runpy.run_path(str(GENERATOR), run_name="make_widths")


def test_all_twelve_bundled_fonts_are_checked() -> None:
    assert len(FONTS) == 12  # Carlito, Liberation Sans and Liberation Mono, four styles each


@pytest.mark.parametrize("font", FONTS, ids=lambda font: font.stem)
def test_shipped_table_matches_its_font(font: Path, generator: dict[str, Any]) -> None:
    """A font updated without regenerating its table fails here, before layout measures with stale widths."""
    width_table: Callable[[Path], WidthTable] = generator["width_table"]
    expected = encode(width_table(font))
    assert table_file(font).is_file(), "run: python assets/fonts/make_widths.py"
    assert table_file(font).read_bytes() == expected, "stale table; run: python assets/fonts/make_widths.py"


def test_every_table_belongs_to_a_bundled_font() -> None:
    assert sorted(path.with_suffix(".ttf") for path in FONTS_DIR.glob("*.widths")) == FONTS


def test_regenerating_writes_byte_identical_tables(
    tmp_path: Path, generator: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    font = Path(shutil.copy(FONTS_DIR / "Carlito-Regular.ttf", tmp_path))
    generator["main"](tmp_path)
    first = table_file(font).read_bytes()
    generator["main"](tmp_path)
    assert first == table_file(FONTS_DIR / "Carlito-Regular.ttf").read_bytes()
    assert table_file(font).read_bytes() == first
    assert capsys.readouterr().out.splitlines() == [
        f"wrote Carlito-Regular.widths ({len(first):,} bytes)",
        "unchanged Carlito-Regular.widths",
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "Carlito-Regular.ttf",
        "Carlito-Regular.widths",
    ]


def test_a_table_reads_back_what_was_written(tmp_path: Path) -> None:
    table = WidthTable(1000, (0x20, 0x41, 0x4E2D, 0x1F600), (250, 600, 1000, 1200))
    path = tmp_path / "Some-Font.widths"
    path.write_bytes(encode(table))
    assert read_table(path) == table


def test_encode_refuses_unsorted_or_unmatched_code_points() -> None:
    with pytest.raises(ValueError, match="ascending"):
        encode(WidthTable(1000, (0x41, 0x20), (600, 250)))
    with pytest.raises(ValueError, match="ascending"):
        encode(WidthTable(1000, (0x20, 0x41), (250,)))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # truncated
        lambda data: data[:5],  # shorter than its header
        lambda data: b"XXXX" + data[4:],  # not our magic
        lambda data: data[:4] + b"\x02\x00" + data[6:],  # a format version this code does not read
        lambda data: data[:6] + b"\x00\x00" + data[8:],  # unitsPerEm zero
    ],
    ids=["truncated", "short", "magic", "version", "units-per-em"],
)
def test_a_damaged_table_is_refused_with_its_path(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    path = tmp_path / "Carlito-Regular.widths"
    path.write_bytes(damage(table_file(FONTS_DIR / "Carlito-Regular.ttf").read_bytes()))
    with pytest.raises(ValueError, match="not a font width table") as error:
        read_table(path)
    assert str(path) in str(error.value)


def test_unknown_families_are_measured_as_liberation_sans_widened() -> None:
    georgia, arial = metrics_for("Georgia", bold=True), metrics_for("Arial", bold=True)
    assert georgia.path == arial.path and georgia.scale == 1.1
    for char in "Wi 1":
        assert georgia.char_em(char) >= arial.char_em(char) * 1.1
        assert georgia.char_em(char) - arial.char_em(char) * 1.1 < 2.0**-16
