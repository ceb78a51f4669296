"""What the slide-kind tests share: one slide in a real deck, laid out with a real theme, and the checks a
user would notice (boxes on the slide, text no smaller than the theme allows, refusals located)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import deckbuilder
from deckbuilder import DeckError
from deckbuilder.errors import Problem
from deckbuilder.layout.boxes import Box, DeckLayout, SlideLayout, TextBox
from deckbuilder.layout.text import height_emu
from deckbuilder.pipeline import layout
from deckbuilder.themes.model import SizeRange

THEMES = ("briefing", "midnight")


def outline(*slides: dict[str, Any], **deck: Any) -> str:
    """The YAML of a deck titled 'Deck' holding these slides in one section without a divider."""
    data = {
        "title": "Deck",
        **deck,
        "sections": [{"title": "Part", "divider": False, "slides": list(slides)}],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100_000)


def laid_out(
    *slides: dict[str, Any], theme: str = "briefing", folder: Path | None = None, **deck: Any
) -> DeckLayout:
    """The deck's layout, as export would make it; read from folder/deck.yaml when a folder is given."""
    text = outline(*slides, **deck)
    if folder is None:
        return layout(deckbuilder.loads(text), theme=theme)
    (folder / "deck.yaml").write_text(text, encoding="utf-8")
    return layout(deckbuilder.load(folder / "deck.yaml"), theme=theme)


def refusal(
    *slides: dict[str, Any], theme: str = "briefing", folder: Path | None = None
) -> tuple[Problem, str]:
    """The one problem layout refuses the deck with, and the text of the outline line it points at."""
    with pytest.raises(DeckError) as caught:
        laid_out(*slides, theme=theme, folder=folder)
    (problem,) = caught.value.problems
    assert problem.line is not None, f"unlocated: {problem}"
    return problem, outline(*slides).splitlines()[problem.line - 1]


def of_kind(laid: DeckLayout, kind: str) -> list[SlideLayout]:
    """The output slides made from outline slides of one kind."""
    return [slide for slide in laid.slides if slide.kind == kind]


def with_role(slide: SlideLayout, role: str) -> list[Box]:
    """The slide's boxes playing one role, in the order layout placed them."""
    return [box for box in slide.boxes if box.role == role]


def text_of(boxes: list[Box]) -> str:
    """Every line of text in the boxes, joined with spaces."""
    return " ".join(
        line for box in boxes if isinstance(box, TextBox) for p in box.paragraphs for line in p.lines
    )


def assert_on_the_slide(laid: DeckLayout) -> None:
    """Every box lies inside the slide, and every text box holds its lines."""
    for number, slide in enumerate(laid.slides, 1):
        for box in slide.boxes:
            assert box.x >= 0 and box.x + box.w <= laid.width, f"slide {number}: {box.role} off the side"
            assert box.y >= 0 and box.y + box.h <= laid.height, f"slide {number}: {box.role} off the foot"
            if isinstance(box, TextBox):
                assert height_emu(box.paragraphs) <= box.h + 1, f"slide {number}: {box.role} overflows"


def assert_at_least(laid: DeckLayout, role: str, sizes: SizeRange) -> list[float]:
    """Every paragraph in boxes of the role is set at or above the theme's minimum; returns the sizes."""
    found = [
        p.size_pt
        for slide in laid.slides
        for box in with_role(slide, role)
        if isinstance(box, TextBox)
        for p in box.paragraphs
    ]
    assert found, f"no {role} text"
    assert min(found) >= sizes.min, f"{role} set at {min(found)} pt, below the theme's {sizes.min} pt"
    assert max(found) <= sizes.max
    return found
