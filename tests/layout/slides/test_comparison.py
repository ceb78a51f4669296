"""layout/slides/comparison.py: two cards side by side, points at one shared size, continuing together."""

from __future__ import annotations

import pytest
from slide_checks import THEMES, assert_at_least, assert_on_the_slide, laid_out, refusal, text_of, with_role

from deckbuilder.themes.registry import load_theme

POINT = "Paris argues European strategic autonomy is now a necessity, not just an ideal"


def comparison(left: list[str], right: list[str], heading: str = "France") -> dict[str, object]:
    return {
        "kind": "comparison",
        "title": "Two views",
        "left": {"heading": heading, "points": left},
        "right": {"heading": "United States", "points": right},
    }


@pytest.mark.parametrize("theme", THEMES)
def test_two_equal_cards_side_by_side(theme: str) -> None:
    laid = laid_out(comparison(["Autonomy", "Sahel"], ["Burden sharing"]), theme=theme)
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    left, right = with_role(slide, "card")
    assert (left.y, left.w, left.h) == (right.y, right.w, right.h)
    assert left.x + left.w < right.x
    headings = with_role(slide, "column-heading")
    assert text_of(headings) == "France United States"
    bodies = with_role(slide, "column-body")
    assert text_of(bodies[:1]) == "Autonomy Sahel" and text_of(bodies[1:]) == "Burden sharing"
    assert all(left.x <= b.x and b.x + b.w <= left.x + left.w for b in (headings[0], bodies[0]))


def test_both_columns_share_one_size_when_one_is_long() -> None:
    laid = laid_out(comparison([POINT] * 5, ["Short"]))
    (slide,) = laid.slides
    sizes = {p.size_pt for box in with_role(slide, "column-body") for p in box.paragraphs}  # type: ignore[attr-defined]
    assert len(sizes) == 1 and sizes.pop() < load_theme("briefing").sizes.body.max


@pytest.mark.parametrize("theme", THEMES)
def test_overflowing_columns_continue_together(theme: str) -> None:
    laid = laid_out(comparison([POINT] * 14, ["Short"]), theme=theme)
    assert_on_the_slide(laid)
    assert len(laid.slides) >= 2
    assert [s.title for s in laid.slides[1:]] == ["Two views (cont.)"] * (len(laid.slides) - 1)
    for slide in laid.slides:  # both cards and their headings on every page
        assert len(with_role(slide, "card")) == 2
        assert text_of(with_role(slide, "column-heading")) == "France United States"
    assert_at_least(laid, "column-body", load_theme(theme).sizes.body)


def test_a_heading_too_long_for_its_card_is_refused_at_the_heading() -> None:
    problem, line = refusal(comparison(["a"], ["b"], heading=" ".join(["Autonomy"] * 60)))
    assert "a column heading is too long to fit on a slide" in problem.message
    assert line.strip().startswith("heading: Autonomy Autonomy")
