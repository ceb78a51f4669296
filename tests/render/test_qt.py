"""The QPainter renderer: every slide kind draws, PNGs have the slide's shape, PDFs have a page per slide."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from deckbuilder.layout.boxes import DeckLayout, SlideLayout
from deckbuilder.outline.loader import load, loads
from deckbuilder.pipeline import layout
from deckbuilder.render.qt import format_number, paint_slide, render_pdf, render_png
from deckbuilder.render.qt_app import ensure_gui_application

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
CHART_DECK = """title: Charts
sections:
  - title: S
    slides:
      - {kind: chart, title: Personnel, chart: column, categories: [France, US], number_format: "#,##0",
         series: [{name: Personnel, values: [1500, 1000]}]}
"""


@pytest.fixture(scope="module")
def deck_layout(qapp: QApplication) -> DeckLayout:
    """The flagship laid out (pytest-qt's QApplication keeps Qt up for every test module alike)."""
    assert ensure_gui_application() is qapp
    return layout(load(FLAGSHIP))


def _draw(slide: SlideLayout, deck: DeckLayout, width: int = 480) -> QImage:
    image = QImage(width, width * 9 // 16, QImage.Format.Format_RGB32)
    image.fill(QColor("#FF00FF"))
    painter = QPainter(image)
    try:
        paint_slide(painter, slide, deck, QRectF(0, 0, image.width(), image.height()))
    finally:
        painter.end()
    return image


def test_the_flagship_uses_every_slide_kind_but_the_chart(deck_layout: DeckLayout) -> None:
    # The article's only figures (1,500 and 1,000) are on the stat slide: a chart of the same two
    # numbers right after it said nothing new. CHART_DECK below draws a chart.
    kinds = {slide.kind for slide in deck_layout.slides}
    assert kinds == {
        "title",
        "takeaways",
        "section",
        "bullets",
        "timeline",
        "image",
        "stat",
        "comparison",
        "table",
        "quote",
        "sources",
    }


def test_paint_slide_draws_every_slide_kind(deck_layout: DeckLayout) -> None:
    chart_deck = layout(loads(CHART_DECK))
    pages = [(slide, deck_layout) for slide in deck_layout.slides]
    for slide, deck in [*pages, *((slide, chart_deck) for slide in chart_deck.slides)]:
        image = _draw(slide, deck)
        corner = image.pixelColor(1, 1).name().upper()
        assert corner == f"#{slide.background.upper()}", slide.kind
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 3, f"{slide.kind} slide looks blank"


def test_paint_slide_keeps_the_aspect_ratio_in_a_wider_target(deck_layout: DeckLayout) -> None:
    image = QImage(800, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#FF00FF"))
    painter = QPainter(image)
    paint_slide(painter, deck_layout.slides[1], deck_layout, QRectF(0, 0, 800, 300))
    painter.end()
    assert image.pixelColor(5, 150).name() == "#ff00ff"  # letterboxed, not stretched
    assert image.pixelColor(400, 150).name() != "#ff00ff"


def test_render_png_writes_one_image_per_slide_at_the_slides_aspect(
    deck_layout: DeckLayout, tmp_path: Path
) -> None:
    paths = render_png(deck_layout, tmp_path / "png", width_px=640)
    assert [p.name for p in paths] == [f"slide-{n:02d}.png" for n in range(1, len(deck_layout.slides) + 1)]
    for path in paths:
        image = QImage(str(path))
        assert image.width() == 640
        assert image.height() == round(640 * deck_layout.height / deck_layout.width)
    assert not [p for p in (tmp_path / "png").iterdir() if p.suffix != ".png"]


def test_render_pdf_writes_one_page_per_slide(deck_layout: DeckLayout, tmp_path: Path) -> None:
    target = render_pdf(deck_layout, tmp_path / "deck.pdf")
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) == len(deck_layout.slides)
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pdf"]


def test_a_failed_pdf_leaves_no_temporary_file(deck_layout: DeckLayout, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        render_pdf(deck_layout, tmp_path / "missing-folder" / "deck.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1500, "#,##0", "1,500"),
        (0.256, "0.0%", "25.6%"),
        (3.5, "General", "3.5"),
        (12.0, "General", "12"),
        (2.345, "0.00", "2.35"),
    ],
)
def test_chart_numbers_follow_their_format(value: float, fmt: str, shown: str) -> None:
    assert format_number(value, fmt) == shown
