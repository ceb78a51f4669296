"""Hostile data through the command line: tables and charts past the outline's limits, number formats
that are not Excel's or that would break the chart's XML, text that would, and chart values too
large to label. Each bad input: exit status 1 and a message located at its line, never a traceback;
each input at a limit exports (how fast is bench/bench_limits.py's business, not a test's).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hostile_support import SAHEL
from limits_support import (
    QT_MEMORY,
    assert_exported,
    assert_refused_at,
    capped_cli,
    chart,
    line_of,
    one_slide_deck,
    table,
)
from lxml import etree
from pptx import Presentation

from deckbuilder.outline.model import (
    MAX_CHART_CATEGORIES,
    MAX_CHART_SERIES,
    MAX_CHART_VALUE,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
)
from deckbuilder.paths import SCHEMA_FILE

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def charts_in(path: Path) -> list[Any]:
    """Every chart of an exported deck, reopened with python-pptx."""
    return [
        shape.chart for slide in Presentation(str(path)).slides for shape in slide.shapes if shape.has_chart
    ]


# --------------------------------------------------------------------------------------------------
# Class 1: sizes past the limits are refused at their line, sizes at the limits export


OVERSIZED = {
    "table-300-columns": (table(300, 3), "header:", "'header' takes at most 20 items, found 300"),
    "table-20000-rows": (table(3, 20_000), "rows:", "'rows' takes at most 500 items, found 20000"),
    "chart-20000-points": (chart(20_000, 1), "categories:", "'categories' takes at most 1000 items"),
    "pie-20000-points": (chart(20_000, 1, "pie"), "categories:", "'categories' takes at most 1000 items"),
    "chart-21-series": (chart(3, 21), "series:", "'series' takes at most 20 items, found 21"),
}


@pytest.mark.parametrize("name", sorted(OVERSIZED))
def test_tables_and_charts_past_the_limits_are_refused_at_their_line(name: str, tmp_path: Path) -> None:
    slide, key, message = OVERSIZED[name]
    deck = one_slide_deck(slide, tmp_path / f"{name}.yaml")
    result = capped_cli("export", deck, "-o", tmp_path / "out")
    assert_refused_at(result, deck, line_of(deck, key), message)
    assert not (tmp_path / "out" / f"{name}.pptx").exists()


def test_a_table_row_wider_than_the_limit_is_refused_at_its_line(tmp_path: Path) -> None:
    slide = table(3, 4)
    slide["rows"][2] = [f"x{c}" for c in range(MAX_TABLE_COLUMNS + 5)]
    deck = one_slide_deck(slide, tmp_path / "wide_row.yaml")
    result = capped_cli("validate", deck)
    assert_refused_at(result, deck, line_of(deck, "- - x0"), "item 3 of 'rows' takes at most 20 items")


def test_the_largest_table_exports_whole_on_continued_slides(tmp_path: Path) -> None:
    deck = one_slide_deck(table(MAX_TABLE_COLUMNS, MAX_TABLE_ROWS), tmp_path / "largest_table.yaml")
    assert_exported(capped_cli("export", deck, "-o", tmp_path))
    slides = list(Presentation(str(tmp_path / "largest_table.pptx")).slides)
    tables = [shape.table for slide in slides for shape in slide.shapes if shape.has_table]
    assert len(tables) > 1  # too many rows for one slide: continued, the header repeated on each
    titles = [slide.shapes.title.text for slide in slides if slide.shapes.title is not None]
    assert sum("(cont.)" in title for title in titles) == len(tables) - 1, titles[:3]
    assert all(len(t.columns) == MAX_TABLE_COLUMNS for t in tables)
    assert all(t.cell(0, 0).text == "Heading 0" for t in tables)
    assert sum(len(t.rows) - 1 for t in tables) == MAX_TABLE_ROWS
    assert tables[-1].cell(len(tables[-1].rows) - 1, MAX_TABLE_COLUMNS - 1).text == "cell 499.19"


@pytest.mark.parametrize("kind", ["column", "line", "pie"])
def test_the_largest_chart_exports_every_point(kind: str, tmp_path: Path) -> None:
    series = 1 if kind == "pie" else MAX_CHART_SERIES
    deck = one_slide_deck(chart(MAX_CHART_CATEGORIES, series, kind), tmp_path / f"largest_{kind}.yaml")
    assert_exported(capped_cli("export", deck, "-o", tmp_path))
    [exported] = charts_in(tmp_path / f"largest_{kind}.pptx")
    assert len(exported.plots[0].categories) == MAX_CHART_CATEGORIES
    assert [len(s.values) for s in exported.series] == [MAX_CHART_CATEGORIES] * series


def test_the_largest_table_and_chart_draw_as_pdf(tmp_path: Path) -> None:
    deck = tmp_path / "largest.yaml"
    one_slide_deck(table(MAX_TABLE_COLUMNS, MAX_TABLE_ROWS), deck)
    text = deck.read_text(encoding="utf-8")
    slide = chart(MAX_CHART_CATEGORIES, MAX_CHART_SERIES, "bar")
    deck.write_text(text + _more_slides([slide]), encoding="utf-8")
    assert_exported(capped_cli("export", deck, "-o", tmp_path, "--format", "pdf", memory=QT_MEMORY))
    assert (tmp_path / "largest.pdf").read_bytes().startswith(b"%PDF")


def _more_slides(slides: list[dict[str, Any]]) -> str:
    """A second section holding slides, as YAML text to append to an outline."""
    import yaml

    return yaml.safe_dump([{"title": "More", "slides": slides}], width=10_000)


def test_the_json_schema_carries_the_limits() -> None:
    defs = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    table_fields, chart_fields = defs["TableSlide"]["properties"], defs["ChartSlide"]["properties"]
    assert table_fields["header"]["maxItems"] == MAX_TABLE_COLUMNS
    assert table_fields["rows"]["maxItems"] == MAX_TABLE_ROWS
    assert table_fields["rows"]["items"]["maxItems"] == MAX_TABLE_COLUMNS
    assert chart_fields["categories"]["maxItems"] == MAX_CHART_CATEGORIES
    assert chart_fields["series"]["maxItems"] == MAX_CHART_SERIES
    values = defs["Series"]["properties"]["values"]
    assert values["maxItems"] == MAX_CHART_CATEGORIES
    assert values["items"]["maximum"] == MAX_CHART_VALUE and values["items"]["minimum"] == -MAX_CHART_VALUE
    assert "pattern" in chart_fields["number_format"] and chart_fields["number_format"]["maxLength"] == 255


# --------------------------------------------------------------------------------------------------
# Class 2: number formats are Excel's or refused; whatever reaches XML is escaped


BAD_FORMATS = {
    "words-unquoted": "0 R&D",
    "element-injected": '0</c:formatCode><c:extLst><c:ext uri="x"/></c:extLst><c:formatCode>0',
    "quote-unclosed": '0 "units',
    "five-sections": "0;0;0;0;0",
    "empty": "",
    "too-long": "0" * 256,
    "unknown-colour": "[Purple]0",
}


@pytest.mark.parametrize("name", sorted(BAD_FORMATS))
def test_a_number_format_excel_would_not_take_is_refused_at_its_line(name: str, tmp_path: Path) -> None:
    deck = one_slide_deck(chart(3, 1, number_format=BAD_FORMATS[name]), tmp_path / f"{name}.yaml")
    result = capped_cli("export", deck, "-o", tmp_path / "out")
    assert_refused_at(result, deck, line_of(deck, "number_format:"), "'number_format'")
    assert not (tmp_path / "out" / f"{name}.pptx").exists()


def test_a_number_format_with_a_control_character_is_refused_in_a_deck_built_in_python(
    tmp_path: Path,
) -> None:
    import deckbuilder
    from deckbuilder.outline.model import ChartSlide, Deck, Section, Series

    slide = ChartSlide(
        title="C", categories=["a"], series=[Series(name="s", values=[1.0])], number_format='"\x01"0'
    )
    deck = Deck(title="T", sections=[Section(title="S", slides=[slide])])
    with pytest.raises(deckbuilder.DeckError, match="number_format"):
        deckbuilder.export(deck, tmp_path / "deck.pptx")
    assert not (tmp_path / "deck.pptx").exists()


GOOD_FORMATS = [
    '0 "R&D"',
    '"</c:formatCode><c:evil/>"0',
    '[Red][<0]-#,##0 "<&>";#,##0 "\'ok\'"',
    "#,##0.00 €;[Blue](#,##0.00 €)",
    '[$€-407]#,##0.00_);"n/a"',
    "0.0%",
]


@pytest.mark.parametrize("number_format", GOOD_FORMATS)
def test_a_number_format_with_xml_characters_lands_in_the_chart_as_written(
    number_format: str, tmp_path: Path
) -> None:
    deck = one_slide_deck(chart(3, 2, number_format=number_format), tmp_path / "formats.yaml")
    assert_exported(capped_cli("export", deck, "-o", tmp_path))
    [exported] = charts_in(tmp_path / "formats.pptx")
    assert exported.plots[0].data_labels.number_format == number_format
    part = etree.fromstring(exported.part.blob)
    codes = part.findall(f".//{{{C_NS}}}formatCode")
    assert codes and all(code.text == number_format for code in codes)
    assert not part.findall(".//{*}evil")


XML_TEXT = "]]> <b>&amp; \"quoted\" 'apostrophe' &#x41; <!-- --> <?pi?>"


def test_text_with_xml_characters_lands_in_every_part_as_written(tmp_path: Path) -> None:
    slides = [
        {
            "kind": "chart",
            "title": f"Chart {XML_TEXT}",
            "chart": "bar",
            "categories": [f"a {XML_TEXT}", "b"],
            "series": [{"name": f"s {XML_TEXT}", "values": [1, 2]}, {"name": "t", "values": [3, 4]}],
            "notes": f"notes {XML_TEXT}",
            "source": f"source {XML_TEXT}",
        },
        {"kind": "table", "title": "Table", "header": [f"h {XML_TEXT}"], "rows": [[f"r {XML_TEXT}"]]},
        {"kind": "image", "title": "Map", "image": str(SAHEL), "alt": f"alt {XML_TEXT}", "caption": XML_TEXT},
    ]
    deck = tmp_path / "xml_text.yaml"
    one_slide_deck(slides[0], deck, footer=f"footer {XML_TEXT}", author=f"author {XML_TEXT}")
    deck.write_text(deck.read_text(encoding="utf-8") + _more_slides(slides[1:]), encoding="utf-8")
    assert_exported(capped_cli("export", deck, "-o", tmp_path))
    prs = Presentation(str(tmp_path / "xml_text.pptx"))
    [exported] = charts_in(tmp_path / "xml_text.pptx")
    assert exported.plots[0].categories[0] == f"a {XML_TEXT}"
    assert exported.series[0].name == f"s {XML_TEXT}"
    texts = [  # a no-break space may join the last two words of a wrapped paragraph (no one-word last line)
        shape.text_frame.text.replace("\u00a0", " ")
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    assert f"Chart {XML_TEXT}" in texts and any(text.endswith(f"footer {XML_TEXT}") for text in texts)
    assert any(f"source {XML_TEXT}" in text for text in texts)
    notes = [slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide]
    assert f"notes {XML_TEXT}" in notes
    cells = [
        shape.table.cell(r, 0).text
        for s in prs.slides
        for shape in s.shapes
        if shape.has_table
        for r in (0, 1)
    ]
    assert cells == [f"h {XML_TEXT}", f"r {XML_TEXT}"]
    assert prs.core_properties.author == f"author {XML_TEXT}"
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert [picture._element.nvPicPr.cNvPr.get("descr") for picture in pictures] == [f"alt {XML_TEXT}"]
    assert XML_TEXT in texts


# --------------------------------------------------------------------------------------------------
# Class 5: chart values are finite and within ±1e15; labels of the largest stay on the slide


@pytest.mark.parametrize("value", ["1e308", "-1e308", "1.0e16", ".nan", ".inf", "-.inf", "'1e400'", "'nan'"])
def test_chart_values_that_are_huge_or_not_finite_are_refused_at_their_line(
    value: str, tmp_path: Path
) -> None:
    deck = tmp_path / "values.yaml"
    one_slide_deck(chart(2, 1), deck)
    text = deck.read_text(encoding="utf-8").replace("- 2.0", f"- {value}", 1)
    deck.write_text(text, encoding="utf-8")
    result = capped_cli("export", deck, "-o", tmp_path / "out")
    message = assert_refused_at(result, deck, line_of(deck, f"- {value}"), "item 2 of 'values' should be")
    assert len(message) < 300  # the bound and the value in a few digits, never 309 of them


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("kind", ["bar", "column", "line", "pie"])
def test_labels_of_the_largest_values_stay_on_the_slide(kind: str, tmp_path: Path) -> None:
    big = MAX_CHART_VALUE
    slide = {
        "kind": "chart",
        "title": "Huge values",
        "chart": kind,
        "number_format": "#,##0.00",
        "categories": ["A category name long enough to crowd the axis " * 4, "b", "c"],
        "series": [{"name": "x" * 150, "values": [big, -big, big / 3]}],
    }
    if kind != "pie":
        slide["series"].append({"name": "second " * 30, "values": [big, 1, -1]})
    deck = one_slide_deck(slide, tmp_path / "huge.yaml")
    assert_exported(capped_cli("export", deck, "-o", tmp_path, "--format", "pdf", memory=QT_MEMORY))
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "huge.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = etree.fromstring(boxes.encode(), etree.HTMLParser()).find(".//page")
    width, height = float(page.get("width")), float(page.get("height"))
    words = page.findall(".//word")
    assert any("1,000,000,000,000,000.00" in (word.text or "") for word in words)
    for word in words:
        x0, y0, x1, y1 = (float(word.get(side)) for side in ("xmin", "ymin", "xmax", "ymax"))
        assert x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height, (word.text, x0, x1, width)
