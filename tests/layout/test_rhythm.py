"""layout/rhythm.py: a short bullet slide spreads its points down the body; a long one is unchanged."""

from __future__ import annotations

import pytest
import yaml

import deckbuilder
from deckbuilder.layout.boxes import TextBox
from deckbuilder.layout.text import height_emu
from deckbuilder.pipeline import layout


def _body(points: list[object], theme: str) -> TextBox:
    data = {
        "title": "Deck",
        "sections": [{"title": "S", "slides": [{"kind": "bullets", "title": "Why", "points": points}]}],
    }
    (slide,) = layout(deckbuilder.loads(yaml.safe_dump(data)), theme=theme).slides
    (body,) = [box for box in slide.boxes if isinstance(box, TextBox) and box.role == "body"]
    return body


@pytest.mark.parametrize("theme", ["briefing", "midnight"])
def test_a_short_slide_spreads_its_points_over_more_than_half_the_body(theme: str) -> None:
    points: list[object] = [
        "Championed by France",
        "Europe must build its own defence",
        {"text": "Two setbacks", "points": ["Afghanistan", "AUKUS"]},
    ]
    body = _body(points, theme)
    first, second, third, sub, _ = body.paragraphs
    assert height_emu(body.paragraphs) >= body.h * 0.55
    assert second.space_before_pt == third.space_before_pt > second.size_pt * 0.9  # the theme's is 0.55 em
    assert third.space_before_pt <= third.size_pt * 1.3
    assert sub.space_before_pt < second.size_pt * 0.5  # a second-level point stays with its parent
    assert {p.size_pt for p in (first, second, third)} == {24.0}


@pytest.mark.parametrize("theme", ["briefing", "midnight"])
def test_a_long_slide_keeps_the_theme_spacing(theme: str) -> None:
    body = _body([f"Point {n} with some words to fill the line a little" for n in range(7)], theme)
    assert height_emu(body.paragraphs) >= body.h * 0.6
    assert {round(p.space_before_pt / p.size_pt, 2) for p in body.paragraphs[1:]} == {0.55}
