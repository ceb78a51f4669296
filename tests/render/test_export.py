"""Exporting the flagship: the .pptx reopened with python-pptx shows what a presenter would see."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

import deckbuilder
from deckbuilder import DeckError
from deckbuilder.layout.engine import has_divider
from deckbuilder.outline.model import ChartSlide, QuoteSlide, StatSlide
from deckbuilder.themes.registry import load_theme

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
ARTICLE = ROOT / "tests" / "data" / "articles" / "france-us-conundrum.txt"


@pytest.fixture(scope="module")
def flagship_pptx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("export") / "flagship.pptx"
    deckbuilder.export(FLAGSHIP, target)
    return target


def texts(slide: object) -> str:
    """All text on a slide, shapes and tables, joined."""
    parts: list[str] = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def test_flagship_is_16_9_with_a_slide_per_outline_slide_plus_dividers(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))
    deck = deckbuilder.load(FLAGSHIP)
    outline_slides = sum(len(section.slides) for section in deck.sections)
    dividers = sum(
        1 for s in deck.sections if has_divider(s, deck) and (not s.slides or s.slides[0].kind != "section")
    )
    assert len(prs.slides) == outline_slides + dividers


def test_titles_are_real_title_placeholders(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    titles = [slide.shapes.title.text for slide in prs.slides if slide.shapes.title is not None]
    assert "Two responses to the coup" in titles
    assert "Key Takeaways" in titles


def test_speaker_notes_carry_the_articles_detail(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    notes = "\n".join(
        slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide
    )
    assert "1,500 troops in the Sahel" in notes
    assert "unreliable ally" in notes


CHART_DECK = """title: Charts
sections:
  - title: S
    slides:
      - kind: chart
        title: Personnel in the region, 2023
        chart: column
        categories: [France, United States]
        series: [{name: Personnel, values: [1500, 1000]}]
        number_format: "#,##0"
"""


@pytest.fixture(scope="module")
def chart_pptx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("chart")
    (folder / "charts.yaml").write_text(CHART_DECK, encoding="utf-8")
    return deckbuilder.export(folder / "charts.yaml", folder / "charts.pptx")


def test_chart_is_a_native_editable_chart_with_the_outline_data(chart_pptx: Path) -> None:
    prs = Presentation(str(chart_pptx))
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) == 1
    chart = charts[0]
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].categories) == ["France", "United States"]
    assert list(chart.series[0].values) == [1500.0, 1000.0]


def test_the_value_axis_shows_numbers_in_the_data_format(chart_pptx: Path) -> None:
    (chart,) = [
        shape.chart
        for slide in Presentation(str(chart_pptx)).slides
        for shape in slide.shapes
        if shape.has_chart
    ]
    labels = chart.value_axis.tick_labels
    assert (labels.number_format, labels.number_format_is_linked) == ("#,##0", False)
    assert chart.plots[0].data_labels.number_format == "#,##0"


def test_the_flagship_never_charts_the_figures_of_the_stat_slide_beside_it() -> None:
    slides = [slide for section in deckbuilder.load(FLAGSHIP).sections for slide in section.slides]
    for first, second in itertools.pairwise(slides):
        pair = {first.kind: first, second.kind: second}
        stat, chart = pair.get("stat"), pair.get("chart")
        if isinstance(stat, StatSlide) and isinstance(chart, ChartSlide):
            shown = {
                float(s.value.replace(",", "")) for s in stat.stats if s.value.replace(",", "").isdigit()
            }
            assert shown != {v for series in chart.series for v in series.values}


def test_the_flagship_quote_is_a_sentence_of_the_article_with_its_source(flagship_pptx: Path) -> None:
    (quote,) = [
        slide
        for section in deckbuilder.load(FLAGSHIP).sections
        for slide in section.slides
        if slide.kind == "quote"
    ]
    assert isinstance(quote, QuoteSlide)
    assert len(quote.text.split()) >= 8 and quote.text in ARTICLE.read_text(encoding="utf-8")
    assert quote.attribution
    shown = "\n".join(texts(slide) for slide in Presentation(str(flagship_pptx)).slides)
    assert quote.text.split()[0] in shown and quote.attribution in shown


def test_table_is_a_native_table_with_header_and_rows(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    tables = [shape.table for slide in prs.slides for shape in slide.shapes if shape.has_table]
    assert len(tables) == 1
    header = [cell.text for cell in tables[0].rows[0].cells]
    assert header[1:] == ["France", "United States"]


def test_picture_keeps_aspect_ratio_and_alt_text(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 1
    picture = pictures[0]
    assert abs(picture.width / picture.height - 1600 / 1000) < 0.01
    assert "Niger" in picture._element.nvPicPr.cNvPr.get("descr")


def test_footer_slide_numbers_and_source_lines(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    content = prs.slides[1]
    text = texts(content)
    assert "France, the US and NATO · Explained" in text
    assert "Source: France-US Conundrum | Explained" in text
    assert b'type="slidenum"' in content.part.blob
    assert "2" in text.splitlines()


def test_sources_slide_lists_the_article(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    last = prs.slides[len(prs.slides) - 1]
    assert last.shapes.title.text == "Sources"
    assert "France-US Conundrum: Why Paris now sees Washington" in texts(last)
    # the slides' short citation names the same article: it is not listed twice
    assert "France-US Conundrum | Explained" not in texts(last).splitlines()


def test_every_text_box_is_plain_editable_text_without_autofit(flagship_pptx: Path) -> None:
    prs = Presentation(str(flagship_pptx))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text:
                body = shape.text_frame._txBody.bodyPr
                assert body.find("{http://schemas.openxmlformats.org/drawingml/2006/main}normAutofit") is None


def test_two_exports_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pptx", tmp_path / "b.pptx"
    deckbuilder.export(FLAGSHIP, first)
    deckbuilder.export(deckbuilder.load(FLAGSHIP), second)
    assert hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()


def test_midnight_theme_exports(tmp_path: Path) -> None:
    target = deckbuilder.export(FLAGSHIP, tmp_path / "dark.pptx", theme="midnight")
    prs = Presentation(str(target))
    background = prs.slides[1].background.fill.fore_color.rgb
    assert str(background) == "0F172A"


def test_a_failed_export_leaves_the_previous_file_untouched(tmp_path: Path) -> None:
    deck_file = tmp_path / "deck.yaml"
    deck_file.write_text(
        "title: T\nsections:\n  - title: S\n    slides:\n"
        "      - kind: image\n        title: Missing\n        image: nowhere.png\n        alt: nothing\n",
        encoding="utf-8",
    )
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"previous deck")
    with pytest.raises(DeckError) as caught:
        deckbuilder.export(deck_file, target)
    assert str(caught.value) == f"{deck_file}:7:16: image '{tmp_path / 'nowhere.png'}' does not exist"
    assert target.read_bytes() == b"previous deck"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx", "deck.yaml"]


@pytest.mark.parametrize(
    ("image", "words"),
    [
        ("../../etc/passwd", "outside the deck's folder"),
        ("/etc/hostname", "outside the deck's folder"),
        ("notes.txt", "not a readable image"),
    ],
)
def test_image_problems_are_located_errors(tmp_path: Path, image: str, words: str) -> None:
    (tmp_path / "notes.txt").write_text("not a picture", encoding="utf-8")
    deck_file = tmp_path / "deck.yaml"
    deck_file.write_text(
        "title: T\nsections:\n  - title: S\n    slides:\n"
        f"      - kind: image\n        title: Bad\n        image: '{image}'\n        alt: nothing\n",
        encoding="utf-8",
    )
    with pytest.raises(DeckError) as caught:
        deckbuilder.export(deck_file, tmp_path / "deck.pptx")
    assert str(caught.value).startswith(f"{deck_file}:7:16: ")
    assert words in str(caught.value)
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.parametrize("theme", ["briefing", "midnight"])
def test_table_cells_carry_their_margins_fills_and_lines_in_the_theme_colours(
    tmp_path: Path, theme: str
) -> None:
    colors = load_theme(theme).colors
    target = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=theme)
    (table,) = [
        shape.table for slide in Presentation(str(target)).slides for shape in slide.shapes if shape.has_table
    ]
    for index, row in enumerate(table.rows):
        fill = colors.accent if index == 0 else (colors.background, colors.surface)[(index - 1) % 2]
        for cell in row.cells:
            assert (cell.margin_left, cell.margin_right) == (Inches(0.1), Inches(0.1))
            assert (cell.margin_top, cell.margin_bottom) == (Inches(0.05), Inches(0.05))
            tc_pr = cell._tc.tcPr
            assert tc_pr.find(qn("a:solidFill")).find(qn("a:srgbClr")).get("val") == fill
            for side in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
                assert (
                    tc_pr.find(qn(side)).find(qn("a:solidFill")).find(qn("a:srgbClr")).get("val")
                    == colors.background
                )
