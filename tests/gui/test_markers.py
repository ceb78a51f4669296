"""Markers around a selection: wrapped, unwrapped (inside or around), bold and italic together, links."""

from __future__ import annotations

import pytest

from deckbuilder.gui.markers import BOLD, ITALIC, link_around, make_link, toggle


def run(value: str, markers: tuple[str, ...]) -> str:
    """Toggle the markers on the part of value between | and |; the result with the new selection marked."""
    start, end = value.index("|"), value.rindex("|") - 1
    plain = value.replace("|", "")
    change = toggle(plain, start, end, markers)
    result = change.apply(plain)
    return (
        result[: change.select_start]
        + "|"
        + result[change.select_start : change.select_end]
        + "|"
        + result[change.select_end :]
    )


@pytest.mark.parametrize(
    ("before", "markers", "after"),
    [
        ("a |word| b", BOLD, "a **|word|** b"),
        ("a **|word|** b", BOLD, "a |word| b"),
        ("a |**word**| b", BOLD, "a |word| b"),
        ("a |word| b", ITALIC, "a *|word|* b"),
        ("a *|word|* b", ITALIC, "a |word| b"),
        ("a _|word|_ b", ITALIC, "a |word| b"),
        ("a |_word_| b", ITALIC, "a |word| b"),
        ("a **|word|** b", ITALIC, "a ***|word|*** b"),
        ("a ***|word|*** b", ITALIC, "a **|word|** b"),
        ("a ***|word|*** b", BOLD, "a *|word|* b"),
        ("a *|word|* b", BOLD, "a ***|word|*** b"),
        ("a |***word***| b", BOLD, "a |*word*| b"),
        ("a ||b", BOLD, "a **||**b"),
        ("a **||**b", BOLD, "a ||b"),
        ("||", ITALIC, "*||*"),
        ("a \\*|word|\\* b", ITALIC, "a \\**|word|*\\* b"),  # escaped stars are text, not markers
        ("|**|", BOLD, "**|**|**"),  # a selection of markers alone is text to wrap
    ],
)
def test_toggle_wraps_or_unwraps(before: str, markers: tuple[str, ...], after: str) -> None:
    assert run(before, markers) == after


def test_a_link_is_made_around_the_selection_or_empty_with_the_cursor_in_its_text() -> None:
    change = make_link("see the site", 8, 12, "https://example.org")
    assert change.apply("see the site") == "see the [site](https://example.org)"
    assert (change.select_start, change.select_end) == (9, 13)
    empty = make_link("see ", 4, 4, "https://example.org")
    assert empty.apply("see ") == "see [](https://example.org)"
    assert (empty.select_start, empty.select_end) == (5, 5)


@pytest.mark.parametrize(("start", "end"), [(4, 31), (5, 9), (6, 7)])
def test_a_link_is_taken_away_from_its_whole_or_from_inside_its_text(start: int, end: int) -> None:
    value = "see [site](https://example.org) now"
    change = link_around(value, start, end)
    assert change is not None
    assert change.apply(value) == "see site now"
    assert (change.select_start, change.select_end) == (4, 8)


def test_no_link_around_plain_text_or_the_address() -> None:
    value = "see [site](https://example.org) now"
    assert link_around(value, 0, 3) is None
    assert link_around(value, 12, 17) is None  # inside the address: a new link is asked for
