"""layout/slides/title.py: the title slide and section dividers, large type on the title background."""

from __future__ import annotations

import pytest
import yaml
from slide_checks import (
    THEMES,
    assert_at_least,
    assert_on_the_slide,
    laid_out,
    of_kind,
    refusal,
    text_of,
    with_role,
)

import deckbuilder
from deckbuilder.pipeline import layout
from deckbuilder.themes.registry import load_theme


@pytest.mark.parametrize("theme", THEMES)
def test_the_title_slide_takes_the_deck_title_subtitle_author_and_date(theme: str) -> None:
    laid = laid_out(
        {"kind": "title"}, theme=theme, subtitle="Allies apart", author="A. Writer", date="2026-11-29"
    )
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    loaded = load_theme(theme)
    assert slide.background == loaded.colors.title_background
    (title,) = with_role(slide, "title")
    assert [p.text for p in title.paragraphs] == ["Deck", "Allies apart"]  # type: ignore[union-attr]
    assert text_of(with_role(slide, "meta")) == "A. Writer · 2026-11-29"
    assert title.paragraphs[0].size_pt == loaded.sizes.deck_title.max  # type: ignore[union-attr]
    assert not any(box.role == "slide-number" for box in slide.boxes)  # opening slides carry no chrome


def test_the_slide_own_fields_win_over_the_deck() -> None:
    (slide,) = laid_out({"kind": "title", "title": "Own", "author": "Me"}, author="Deck author").slides
    assert text_of(with_role(slide, "title")) == "Own" and text_of(with_role(slide, "meta")) == "Me"


def test_a_very_long_title_continues() -> None:
    long_title = " ".join(["The France-US conundrum"] * 40)
    laid = laid_out({"kind": "title", "title": long_title})
    assert_on_the_slide(laid)
    assert len(laid.slides) >= 2 and laid.slides[1].continued
    assert laid.slides[1].title.endswith("(cont.)")
    assert_at_least(laid, "title", load_theme("briefing").sizes.deck_title)


def test_an_author_line_too_long_is_refused_at_the_author() -> None:
    problem, line = refusal({"kind": "title", "author": " ".join(["Writer"] * 60)})
    assert "the author is too long to fit on a slide" in problem.message
    assert line.strip().startswith("author: Writer Writer")


@pytest.mark.parametrize("theme", THEMES)
def test_sections_get_numbered_dividers(theme: str) -> None:
    laid = laid_out(
        {"kind": "section", "title": "Background", "subtitle": "How we got here"},
        {"kind": "bullets", "title": "x", "points": ["y"]},
        {"kind": "section", "title": "Outlook"},
        theme=theme,
    )
    assert_on_the_slide(laid)
    first, second = of_kind(laid, "section")
    assert text_of(with_role(first, "title")) == "Part 1 Background How we got here"
    assert text_of(with_role(second, "title")) == "Part 2 Outlook"
    assert first.background == load_theme(theme).colors.title_background


def test_a_section_with_a_divider_opens_with_it() -> None:
    data = {
        "title": "Deck",
        "sections": [
            {
                "title": "Context",
                "slides": [{"kind": "bullets", "title": "x"}, {"kind": "bullets", "title": "y"}],
            }
        ],
    }
    laid = layout(deckbuilder.loads(yaml.safe_dump(data)))
    assert [(s.kind, s.title) for s in laid.slides] == [
        ("section", "Context"),
        ("bullets", "x"),
        ("bullets", "y"),
    ]
