"""Valid but extreme outlines: every text field of every kind, 1,200 words long.

The schema puts no limit on lengths, so each must either export with layout's promises kept (every
text box holds its lines, every box stays on the slide; what cannot fit continues on a "(cont.)"
slide) or be refused with a DeckError located at the field (`path:line:col: …`). Never a box that
spills, never another exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile_support import SAHEL
from pptx import Presentation

from deckbuilder import DeckError
from deckbuilder.layout.boxes import DeckLayout, TextBox
from deckbuilder.layout.text import height_emu
from deckbuilder.outline.loader import load
from deckbuilder.pipeline import export, layout

ESSAY = " ".join(["sovereignty"] * 1200)
LONG_WORD = "Supercalifragilistic" * 40


def broken_promises(laid: DeckLayout) -> list[str]:
    """Every text box that overflows and every box off the slide."""
    found = []
    for number, page in enumerate(laid.slides, start=1):
        for box in page.boxes:
            inside = (
                box.x >= 0 and box.y >= 0 and box.x + box.w <= laid.width and box.y + box.h <= laid.height
            )
            if not inside:
                found.append(f"slide {number}: {box.role} leaves the slide")
            if isinstance(box, TextBox) and height_emu(box.paragraphs) > box.h + 1:
                found.append(f"slide {number}: {box.role} overflows its box")
    return found


def one_slide(slide: dict[str, Any], **deck: Any) -> dict[str, Any]:
    return {"title": "Extreme", **deck, "sections": [{"title": "S", "divider": False, "slides": [slide]}]}


CASES: dict[str, dict[str, Any]] = {
    "bullets-point": one_slide({"kind": "bullets", "title": "t", "points": [ESSAY]}),
    "bullets-long-word": one_slide({"kind": "bullets", "title": LONG_WORD, "points": [LONG_WORD]}),
    "notes": one_slide({"kind": "bullets", "title": "t", "points": ["x"], "notes": ESSAY * 10}),
    "takeaways-point": one_slide({"kind": "takeaways", "points": [ESSAY, ESSAY]}),
    "quote-attribution": one_slide({"kind": "quote", "text": "x", "attribution": ESSAY}),
    "section-title": one_slide({"kind": "section", "title": ESSAY, "subtitle": ESSAY}),
    "chart-labels": one_slide(
        {"kind": "chart", "title": "t", "categories": [ESSAY], "series": [{"name": ESSAY, "values": [1]}]}
    ),
    "comparison-points": one_slide(
        {
            "kind": "comparison",
            "title": "t",
            "left": {"heading": "a", "points": [ESSAY]},
            "right": {"heading": "b"},
        }
    ),
    "timeline-text": one_slide(
        {"kind": "timeline", "title": "t", "events": [{"date": "2023", "text": ESSAY}]}
    ),
    "stat-label": one_slide({"kind": "stat", "title": "t", "stats": [{"value": "1", "label": ESSAY}]}),
    # Fields that cannot continue on another slide: refused, located, when too long.
    "image-caption": one_slide(
        {"kind": "image", "title": "t", "image": str(SAHEL), "alt": ESSAY, "caption": ESSAY}
    ),
    "quote-text": one_slide({"kind": "quote", "text": ESSAY}),
    "bullets-subpoint": one_slide(
        {"kind": "bullets", "title": "t", "points": [{"text": "x", "points": [ESSAY]}]}
    ),
    "footer": one_slide({"kind": "bullets", "title": "t", "points": ["x"]}, footer=ESSAY),
    "deck-title": one_slide({"kind": "bullets", "title": "t", "points": ["x"]}, title=ESSAY),
    "bullets-title": one_slide({"kind": "bullets", "title": ESSAY, "points": ["x"]}),
    "source": one_slide({"kind": "bullets", "title": "t", "points": ["x"], "source": ESSAY}),
    "title-slide": one_slide(
        {"kind": "title", "title": ESSAY, "subtitle": ESSAY, "author": ESSAY, "date": ESSAY}
    ),
    "stat-value": one_slide({"kind": "stat", "title": "t", "stats": [{"value": ESSAY, "label": "x"}]}),
    "comparison-heading": one_slide(
        {
            "kind": "comparison",
            "title": "t",
            "left": {"heading": ESSAY, "points": ["x"]},
            "right": {"heading": "b"},
        }
    ),
    "timeline-date": one_slide({"kind": "timeline", "title": "t", "events": [{"date": ESSAY, "text": "x"}]}),
    "table-cell": one_slide({"kind": "table", "title": "t", "header": [ESSAY], "rows": [[ESSAY]]}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_extreme_text_exports_within_its_boxes_or_is_refused_located(name: str, tmp_path: Path) -> None:
    deck_file = tmp_path / "deck.yaml"
    deck_file.write_text(yaml.safe_dump(CASES[name], allow_unicode=True, sort_keys=False), encoding="utf-8")
    deck = load(deck_file)
    target = tmp_path / "deck.pptx"
    try:
        laid = layout(deck, allow_outside_paths=True)
        export(deck, target, allow_outside_paths=True)
    except DeckError as error:  # refusing is fine, when the problem is located at the field
        assert all(p.path == str(deck_file) and p.line is not None for p in error.problems), str(error)
        assert not target.exists()
        return
    assert broken_promises(laid) == []
    assert len(Presentation(str(target)).slides) == len(laid.slides)
