"""layout/slides/timeline.py: dated events left to right along a line, up to five a slide."""

from __future__ import annotations

import pytest
from slide_checks import THEMES, assert_at_least, assert_on_the_slide, laid_out, refusal, text_of, with_role

from deckbuilder.themes.registry import load_theme


def timeline(*events: tuple[str, str]) -> dict[str, object]:
    return {"kind": "timeline", "title": "Sahel", "events": [{"date": d, "text": t} for d, t in events]}


@pytest.mark.parametrize("theme", THEMES)
def test_events_run_in_order_left_to_right_on_one_line(theme: str) -> None:
    events = [
        ("2013", "Serval"),
        ("2014", "Barkhane"),
        ("2022", "Withdrawal from Mali"),
        ("2023", "Niger coup"),
    ]
    laid = laid_out(timeline(*events), theme=theme)
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    dates, dots, texts = (
        with_role(slide, role) for role in ("timeline-date", "timeline-dot", "timeline-text")
    )
    assert text_of(dates) == "2013 2014 2022 2023"
    assert text_of(texts) == "Serval Barkhane Withdrawal from Mali Niger coup"
    assert [d.x for d in dates] == sorted({d.x for d in dates})  # strictly left to right
    assert len({dot.y for dot in dots}) == 1  # every dot on the one line
    (line,) = with_role(slide, "timeline-line")
    for date, dot, text in zip(dates, dots, texts, strict=True):
        assert date.y + date.h <= dot.y < dot.y + dot.h <= text.y  # date above the line, text below
        assert line.y < dot.y + dot.h and dot.y < line.y + line.h
    assert_at_least(laid, "timeline-text", load_theme(theme).sizes.body_level2)


def test_more_than_five_events_continue_in_order() -> None:
    events = [(str(2000 + n), f"Event {n}") for n in range(12)]
    laid = laid_out(timeline(*events))
    assert_on_the_slide(laid)
    assert len(laid.slides) >= 3 and laid.slides[1].title == "Sahel (cont.)"
    assert all(len(with_role(s, "timeline-date")) <= 5 for s in laid.slides)
    assert " ".join(text_of(with_role(s, "timeline-date")) for s in laid.slides) == " ".join(
        d for d, _ in events
    )


def test_an_event_too_long_even_alone_continues_under_its_date() -> None:
    laid = laid_out(
        timeline(("2014", " ".join(["Operation Barkhane replaced Serval across the region"] * 150)))
    )
    assert_on_the_slide(laid)
    assert len(laid.slides) >= 2
    assert all(text_of(with_role(s, "timeline-date")) == "2014" for s in laid.slides)
    assert_at_least(laid, "timeline-text", load_theme("briefing").sizes.body_level2)


def test_a_date_too_long_is_refused_at_the_date() -> None:
    problem, line = refusal(timeline(("2013", "a"), (" ".join(["the year of the long date"] * 30), "b")))
    assert "an event's date is too long to fit on a slide" in problem.message
    assert "date: the year of the long date" in line
