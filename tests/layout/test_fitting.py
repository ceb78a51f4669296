"""Layout's promises, checked on every box of real decks: text fits, nothing overlaps, nothing is lost."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import deckbuilder
from deckbuilder.geometry import EMU_PER_PT
from deckbuilder.layout.boxes import DeckLayout, Paragraph, TextBox
from deckbuilder.layout.measure import metrics_for
from deckbuilder.layout.text import (
    WRAP_SAFETY,
    ParaSpec,
    TextStyle,
    breaks_a_word,
    fit,
    height_emu,
    paragraphs_at,
)
from deckbuilder.pipeline import layout
from deckbuilder.themes.model import SizeRange
from deckbuilder.themes.registry import load_theme

ROOT = Path(__file__).resolve().parents[2]
DECKS = {
    "flagship": ROOT / "decks" / "france-us-conundrum.yaml",
    "torture": ROOT / "tests" / "data" / "good" / "torture.yaml",
}


@pytest.fixture(
    scope="module",
    params=[(deck, theme) for deck in DECKS for theme in ("briefing", "midnight")],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def laid_out(request: pytest.FixtureRequest) -> DeckLayout:
    deck_name, theme = request.param
    return layout(deckbuilder.load(DECKS[deck_name]), theme=theme)


def text_boxes(deck: DeckLayout) -> list[tuple[int, TextBox]]:
    return [(n, box) for n, s in enumerate(deck.slides, 1) for box in s.boxes if isinstance(box, TextBox)]


def line_width_pt(paragraph: Paragraph, line: str) -> float:
    return metrics_for(paragraph.font, bold=paragraph.bold, italic=paragraph.italic).text_width_pt(
        line, paragraph.size_pt
    )


def test_every_text_box_holds_its_lines(laid_out: DeckLayout) -> None:
    for number, box in text_boxes(laid_out):
        assert height_emu(box.paragraphs) <= box.h + 1, f"slide {number}: {box.role} overflows its height"
        for paragraph in box.paragraphs:
            room_pt = (box.w - 2 * box.inset - paragraph.indent_emu) / EMU_PER_PT * WRAP_SAFETY
            for line in paragraph.lines:
                if len(line) > 1:  # a single glyph wider than the box still gets its own line
                    assert line_width_pt(paragraph, line) <= room_pt + 0.01, f"slide {number}: {line!r}"


def test_boxes_stay_on_the_slide(laid_out: DeckLayout) -> None:
    for number, slide in enumerate(laid_out.slides, 1):
        for box in slide.boxes:
            assert box.x >= 0 and box.x + box.w <= laid_out.width, f"slide {number}: {box.role}"
            assert box.y >= 0 and box.y + box.h <= laid_out.height, f"slide {number}: {box.role}"


def test_text_boxes_never_overlap(laid_out: DeckLayout) -> None:
    for number, slide in enumerate(laid_out.slides, 1):
        boxes = [b for b in slide.boxes if isinstance(b, TextBox) and b.role != "number"]
        for a, b in itertools.combinations(boxes, 2):
            apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
            assert apart, f"slide {number}: {a.role} overlaps {b.role}"


def test_body_text_never_shrinks_below_the_theme_minimum(laid_out: DeckLayout) -> None:
    theme = load_theme("briefing")
    floor = min(theme.sizes.body_level2.min, theme.sizes.table.min, theme.sizes.caption.min)
    for number, box in text_boxes(laid_out):
        if box.role in ("body", "column-body", "takeaway", "timeline-text", "quote"):
            assert all(p.size_pt >= floor for p in box.paragraphs), f"slide {number}: {box.role}"


def test_no_word_of_the_outline_is_lost() -> None:
    deck = deckbuilder.load(DECKS["torture"])
    laid = layout(deck)
    drawn = " ".join(
        line for _, box in text_boxes(laid) for paragraph in box.paragraphs for line in paragraph.lines
    )
    drawn_compact = re.sub(r"\s+", "", drawn)
    for section in deck.sections:
        for slide in section.slides:
            for point in getattr(slide, "points", []):
                text = point if isinstance(point, str) else point.text
                assert re.sub(r"\s+", "", text) in drawn_compact, text[:40]


def test_overflowing_bullets_continue_on_slides_titled_cont() -> None:
    laid = layout(deckbuilder.load(DECKS["torture"]))
    titles = [s.title for s in laid.slides if s.kind == "bullets"]
    assert "Twenty-five bullets (cont.)" in titles
    continued = [s for s in laid.slides if s.title == "Twenty-five bullets (cont.)"]
    assert all(s.continued and s.notes.startswith("(continued)") for s in continued)


def test_a_long_title_wraps_to_two_lines_then_shrinks() -> None:
    deck = deckbuilder.loads(
        "title: T\nsections:\n  - title: S\n    divider: false\n    slides:\n"
        "      - kind: bullets\n"
        "        title: A title long enough to need a second line of its own on the slide, surely\n"
        "        points: [x]\n"
    )
    slide = layout(deck).slides[0]
    title = next(b for b in slide.boxes if isinstance(b, TextBox) and b.role == "title")
    assert len(title.paragraphs[0].lines) == 2
    assert title.paragraphs[0].size_pt == 32


def test_a_word_longer_than_the_line_is_broken() -> None:
    laid = layout(deckbuilder.load(DECKS["torture"]))
    slide = next(s for s in laid.slides if s.title == "A very long word")
    body = next(b for b in slide.boxes if isinstance(b, TextBox) and b.role == "body")
    assert len(body.paragraphs[0].lines) >= 2
    assert "".join(body.paragraphs[0].lines) == "Supercalifragilistic" * 10


def test_text_shrinks_rather_than_break_a_word() -> None:
    style = TextStyle(font="Arial", color="000000", sizes=SizeRange(max=28, min=12), line_spacing=1.2)
    spec = ParaSpec("Chaotic US withdrawal from Afghanistan", style)
    width = 1_100_000  # 'Afghanistan' is wider than this at 28 pt, narrower at 12 pt
    assert breaks_a_word(paragraphs_at([spec], 0, width))
    fitted = fit([spec], width, 10_000_000)
    assert fitted is not None and not breaks_a_word(fitted[0])
    assert "Afghanistan" in fitted[0][0].lines[-1]


def test_a_hyphen_is_a_place_to_break_not_a_broken_word() -> None:
    style = TextStyle(font="Arial", color="000000", sizes=SizeRange(max=20, min=20), line_spacing=1.2)
    lines = paragraphs_at([ParaSpec("counter-terrorism base", style)], 0, 1_300_000)
    assert len(lines[0].lines) > 1 and not breaks_a_word(lines)
