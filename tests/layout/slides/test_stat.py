"""layout/slides/stat.py: one to three big numbers, values large on one line, labels below."""

from __future__ import annotations

import pytest
from slide_checks import THEMES, assert_at_least, assert_on_the_slide, laid_out, refusal, text_of, with_role

from deckbuilder.themes.registry import load_theme

LABEL = "French troops deployed across the Sahel at the height of Operation Barkhane in 2014"


def stat(*stats: tuple[str, str]) -> dict[str, object]:
    return {"kind": "stat", "title": "In numbers", "stats": [{"value": v, "label": lb} for v, lb in stats]}


@pytest.mark.parametrize("theme", THEMES)
def test_values_are_set_large_above_their_labels(theme: str) -> None:
    laid = laid_out(
        stat(("1,500", "French troops"), ("1,000", "US personnel"), ("2023", "Niger coup")), theme=theme
    )
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    sizes = load_theme(theme).sizes
    values, labels = with_role(slide, "stat-value"), with_role(slide, "stat-label")
    assert (
        text_of(values) == "1,500 1,000 2023" and text_of(labels) == "French troops US personnel Niger coup"
    )
    assert assert_at_least(laid, "stat-value", sizes.stat_value) == [sizes.stat_value.max] * 3
    assert_at_least(laid, "stat-label", sizes.stat_label)
    assert [v.x for v in values] == sorted(v.x for v in values)  # three columns, left to right
    for value, label in zip(values, labels, strict=True):
        assert value.x == label.x and value.y + value.h <= label.y


def test_a_value_too_wide_for_its_line_shrinks_within_the_theme() -> None:
    laid = laid_out(stat(("€1,234,567,890", "a"), ("2", "b"), ("3", "c")))
    found = assert_at_least(laid, "stat-value", load_theme("briefing").sizes.stat_value)
    assert len(set(found)) == 1 and found[0] < 72  # the three values share the smaller size


def test_long_labels_continue_with_their_values_repeated() -> None:
    laid = laid_out(stat(("1,500", " ".join([LABEL] * 30))))
    assert_on_the_slide(laid)
    assert [s.title for s in laid.slides][:2] == ["In numbers", "In numbers (cont.)"]
    assert all(text_of(with_role(s, "stat-value")) == "1,500" for s in laid.slides)
    assert_at_least(laid, "stat-label", load_theme("briefing").sizes.stat_label)


def test_a_value_longer_than_three_lines_is_refused_at_the_value() -> None:
    problem, line = refusal(stat(("1", "a"), (" ".join(["a very long value"] * 8), "b")))
    assert "a stat value is too long to fit on a slide" in problem.message
    assert "value: a very long value" in line
