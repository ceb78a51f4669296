"""layout/engine.py: which sections get a divider, by the deck's `dividers` and a section's `divider`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pptx import Presentation

import deckbuilder
from deckbuilder.pipeline import layout

ONE = {"title": "One slide", "slides": [{"kind": "bullets", "title": "Alone", "points": ["a"]}]}
TWO = {
    "title": "Two slides",
    "slides": [
        {"kind": "bullets", "title": "First", "points": ["a"]},
        {"kind": "bullets", "title": "Second"},
    ],
}
WITH_SOURCES = {
    "title": "One and sources",
    "slides": [{"kind": "bullets", "title": "Last", "points": ["a"]}, {"kind": "sources"}],
}


def _outline(*sections: dict[str, Any], **deck: Any) -> str:
    return yaml.safe_dump({"title": "Deck", **deck, "sections": list(sections)}, sort_keys=False)


def _dividers(text: str) -> list[str]:
    return [slide.title for slide in layout(deckbuilder.loads(text)).slides if slide.kind == "section"]


def test_auto_gives_a_divider_only_to_a_section_of_two_or_more_slides() -> None:
    assert _dividers(_outline(ONE, TWO, WITH_SOURCES)) == ["Two slides"]
    assert _dividers(_outline(ONE, TWO, WITH_SOURCES, dividers="auto")) == ["Two slides"]


@pytest.mark.parametrize(("rule", "expected"), [("always", ["One slide", "Two slides"]), ("never", [])])
def test_the_deck_can_ask_for_dividers_always_or_never(rule: str, expected: list[str]) -> None:
    assert _dividers(_outline(ONE, TWO, dividers=rule)) == expected


def test_a_section_own_divider_key_wins_over_the_deck() -> None:
    forced, dropped = {**ONE, "divider": True}, {**TWO, "divider": False}
    assert _dividers(_outline(forced, dropped)) == ["One slide"]
    assert _dividers(_outline(forced, dropped, dividers="never")) == ["One slide"]


def test_a_bad_dividers_value_is_refused_where_it_is_written() -> None:
    with pytest.raises(deckbuilder.DeckError) as caught:
        deckbuilder.loads(_outline(TWO, dividers="sometimes"))
    (problem,) = caught.value.problems
    assert problem.line == 2 and "dividers" in str(problem)


def test_the_divider_puts_part_n_above_the_section_title_in_the_pptx(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(_outline(ONE, TWO, TWO | {"title": "Later"}), encoding="utf-8")
    target = deckbuilder.export(deck, tmp_path / "deck.pptx")
    slides = list(Presentation(str(target)).slides)
    assert len(slides) == 1 + 3 + 3  # no divider before the one-slide section
    for slide, label, title in ((slides[1], "Part 1", "Two slides"), (slides[4], "Part 2", "Later")):
        texts = [
            p.text for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs
        ]
        assert texts.index(label) < texts.index(title)
