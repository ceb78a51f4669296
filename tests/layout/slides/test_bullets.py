"""The text-led kinds of layout/slides/bullets.py: bullets, numbered takeaways and the sources list."""

from __future__ import annotations

import pytest
from slide_checks import THEMES, assert_at_least, assert_on_the_slide, laid_out, of_kind, text_of, with_role

from deckbuilder.layout.boxes import TextBox
from deckbuilder.themes.registry import load_theme

POINT = "France's perception of the US has shifted from protector to potential risk in the Sahel"


@pytest.mark.parametrize("theme", THEMES)
def test_a_few_points_fit_on_one_slide_at_full_size(theme: str) -> None:
    laid = laid_out(
        {"kind": "bullets", "title": "Why", "points": ["One", {"text": "Two", "points": ["Two a"]}]},
        theme=theme,
    )
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    (body,) = with_role(slide, "body")
    assert isinstance(body, TextBox)
    assert [(p.text, p.level, p.bullet) for p in body.paragraphs] == [
        ("One", 0, "•"),
        ("Two", 0, "•"),
        ("Two a", 1, "–"),
    ]
    sizes = load_theme(theme).sizes
    assert [p.size_pt for p in body.paragraphs] == [sizes.body.max, sizes.body.max, sizes.body_level2.max]


@pytest.mark.parametrize("theme", THEMES)
def test_long_bullets_continue_on_slides_titled_cont(theme: str) -> None:
    points = [f"{number}. {POINT}" for number in range(1, 26)]
    laid = laid_out({"kind": "bullets", "title": "Many", "points": points, "notes": "Say this."}, theme=theme)
    assert_on_the_slide(laid)
    assert len(laid.slides) >= 2
    assert [s.title for s in laid.slides] == ["Many"] + ["Many (cont.)"] * (len(laid.slides) - 1)
    assert laid.slides[0].notes == "Say this." and laid.slides[1].notes == "(continued) Many"
    assert_at_least(laid, "body", load_theme(theme).sizes.body)
    drawn = [p.text for s in laid.slides for box in with_role(s, "body") for p in box.paragraphs]  # type: ignore[attr-defined]
    assert drawn == points  # every point once, in order


def test_bullets_shrink_before_they_continue() -> None:
    sizes = load_theme("briefing").sizes
    laid = laid_out({"kind": "bullets", "title": "Some", "points": [POINT] * 11})
    assert len(laid.slides) == 1
    found = assert_at_least(laid, "body", sizes.body)
    assert max(found) < sizes.body.max


def test_a_slide_without_points_has_only_its_title() -> None:
    (slide,) = laid_out({"kind": "bullets", "title": "Empty"}).slides
    assert not with_role(slide, "body")
    assert "Empty" in text_of(with_role(slide, "title"))


@pytest.mark.parametrize("theme", THEMES)
def test_takeaways_are_numbered_in_discs_beside_their_points(theme: str) -> None:
    laid = laid_out(
        {"kind": "takeaways", "points": ["First thing", "Second thing", "Third thing"]}, theme=theme
    )
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    assert slide.title == "Key Takeaways"
    numbers, discs, points = (with_role(slide, role) for role in ("number", "number-disc", "takeaway"))
    assert text_of(numbers) == "1 2 3" and len(discs) == 3
    assert text_of(points) == "First thing Second thing Third thing"
    for disc, point in zip(discs, points, strict=True):
        assert disc.x + disc.w < point.x  # the disc stands left of its point
    assert [p.y for p in points] == sorted(p.y for p in points)
    assert_at_least(laid, "takeaway", load_theme(theme).sizes.takeaway)


def test_long_takeaways_continue_and_keep_counting() -> None:
    points = [POINT * 3] * 5
    laid = laid_out({"kind": "takeaways", "title": "Lessons", "points": points})
    assert_on_the_slide(laid)
    assert len(laid.slides) >= 2 and laid.slides[1].title == "Lessons (cont.)"
    numbers = [int(n) for s in laid.slides for n in text_of(with_role(s, "number")).split()]
    assert numbers[0] == 1 and numbers[-1] == 5
    assert numbers == sorted(numbers)
    assert_at_least(laid, "takeaway", load_theme("briefing").sizes.takeaway)


def test_sources_list_the_deck_sources_then_each_slide_source_once() -> None:
    laid = laid_out(
        {"kind": "bullets", "title": "A", "points": ["x"], "source": "Le Monde, 2024"},
        {"kind": "bullets", "title": "B", "points": ["y"], "source": "Le Monde, 2024"},
        {"kind": "bullets", "title": "C", "points": ["z"], "source": "Conundrum | Explained"},
        sources=[
            {"title": "The France-US Conundrum Explained", "publisher": "CFR", "url": "https://cfr.org/x"}
        ],
    )
    (sources,) = of_kind(laid, "sources")  # added at the end, since the outline has no sources slide
    assert laid.slides[-1] is sources and sources.title == "Sources"
    listed = [p.text for box in with_role(sources, "body") for p in box.paragraphs]  # type: ignore[attr-defined]
    assert listed == ["The France-US Conundrum Explained — CFR, cfr.org", "Le Monde, 2024"]
    (link,) = [
        run for box in with_role(sources, "body") for p in box.paragraphs for run in p.runs if run.link
    ]  # type: ignore[attr-defined]
    assert (link.text, link.link) == ("cfr.org", "https://cfr.org/x")


def test_a_sources_slide_without_sources_says_so() -> None:
    (slide,) = laid_out({"kind": "sources"}).slides
    assert text_of(with_role(slide, "body")) == "No sources are listed in this deck."


def test_many_sources_continue() -> None:
    sources = [{"title": f"{POINT} ({n})", "url": f"https://example.org/{n}"} for n in range(30)]
    laid = laid_out({"kind": "sources"}, sources=sources)
    assert_on_the_slide(laid)
    assert [s.title for s in laid.slides][:2] == ["Sources", "Sources (cont.)"]
    assert_at_least(laid, "body", load_theme("briefing").sizes.body_level2)
