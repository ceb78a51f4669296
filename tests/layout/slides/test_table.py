"""layout/slides/table.py: a native table, columns sized to content, header repeated when rows continue."""

from __future__ import annotations

import pytest
from slide_checks import THEMES, assert_on_the_slide, laid_out, refusal, with_role

from deckbuilder.layout.boxes import TableBox
from deckbuilder.themes.registry import load_theme

HEADER = ["Country", "Troops in the Sahel, 2014 to 2023"]


def table(rows: list[list[str]], header: list[str] = HEADER) -> dict[str, object]:
    return {"kind": "table", "title": "Deployments", "header": header, "rows": rows}


def tables(laid: object) -> list[TableBox]:
    return [box for slide in laid.slides for box in with_role(slide, "table")]  # type: ignore[attr-defined,misc]


def cell_text(box: TableBox, row: int) -> list[str]:
    return [" ".join(p.lines) for p in box.cells[row]]


@pytest.mark.parametrize("theme", THEMES)
def test_a_small_table_fits_at_full_size_with_columns_sized_to_content(theme: str) -> None:
    laid = laid_out(table([["France", "1,500"], ["US", "1,000"]]), theme=theme)
    assert_on_the_slide(laid)
    (box,) = tables(laid)
    assert [cell_text(box, row) for row in range(3)] == [HEADER, ["France", "1,500"], ["US", "1,000"]]
    assert box.col_widths[1] > box.col_widths[0]  # the longer header gets the wider column
    assert sum(box.col_widths) == box.w and sum(box.row_heights) == box.h
    sizes = load_theme(theme).sizes.table
    assert {p.size_pt for row in box.cells for p in row} == {sizes.max}


@pytest.mark.parametrize("theme", THEMES)
def test_rows_continue_with_the_header_repeated(theme: str) -> None:
    rows = [[f"Country {n}", f"{n * 100} troops, rotating every four months"] for n in range(60)]
    laid = laid_out(table(rows), theme=theme)
    assert_on_the_slide(laid)
    boxes = tables(laid)
    assert len(boxes) >= 2
    assert [s.title for s in laid.slides][1] == "Deployments (cont.)"
    assert all(cell_text(box, 0) == HEADER for box in boxes)
    body = [cell_text(box, row)[0] for box in boxes for row in range(1, len(box.cells))]
    assert body == [f"Country {n}" for n in range(60)]  # every row once, in order
    sizes = load_theme(theme).sizes.table
    assert min(p.size_pt for box in boxes for row in box.cells for p in row) >= sizes.min


def test_a_row_too_tall_for_a_slide_is_refused_at_the_row() -> None:
    rows = [["France", "short"], ["Mali", " ".join(["withdrawal"] * 400)]]
    problem, line = refusal(table(rows))
    assert "a table row is too long to fit on a slide" in problem.message
    assert line.strip() == "- - Mali"


def test_a_header_too_tall_is_refused_at_the_header() -> None:
    problem, line = refusal(table([["a", "b"]], header=["Country", " ".join(["Troops"] * 600)]))
    assert "the table's header row is too long" in problem.message
    assert line.strip() == "- Country"  # the header's first cell, where its list starts
