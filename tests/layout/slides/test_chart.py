"""layout/slides/chart.py: a native chart filling the body, its data and the theme's styling handed over."""

from __future__ import annotations

import pytest
from slide_checks import THEMES, assert_on_the_slide, laid_out, of_kind, refusal, with_role

from deckbuilder.layout.boxes import ChartBox, ChartSeries
from deckbuilder.themes.registry import load_theme

CHART = {
    "kind": "chart",
    "title": "Troops in the Sahel",
    "chart": "bar",
    "categories": ["2014", "2020", "2023"],
    "series": [{"name": "France", "values": [3000, 5100, 1500]}, {"name": "US", "values": [800, 1000, 1000]}],
    "source": "Ministry of the Armed Forces",
}


@pytest.mark.parametrize("theme", THEMES)
def test_the_chart_fills_the_body_below_the_title_with_the_outline_data(theme: str) -> None:
    laid = laid_out(CHART, theme=theme)
    (slide,) = of_kind(laid, "chart")  # and a sources slide for its source
    assert_on_the_slide(laid)
    (chart,) = with_role(slide, "chart")
    assert isinstance(chart, ChartBox)
    assert chart.chart_type == "bar" and chart.categories == ("2014", "2020", "2023")
    assert chart.series == (ChartSeries("France", (3000, 5100, 1500)), ChartSeries("US", (800, 1000, 1000)))
    (title,) = with_role(slide, "title")
    (source,) = with_role(slide, "source")
    assert title.y + title.h <= chart.y and chart.y + chart.h <= source.y  # between title and source
    assert chart.w > laid.width // 2 and chart.h > laid.height // 3
    colors = load_theme(theme).colors
    assert chart.size_pt == load_theme(theme).sizes.chart and chart.palette == tuple(colors.chart)


def test_a_chart_never_continues_however_many_categories() -> None:
    many = {**CHART, "categories": [str(year) for year in range(1900, 2000)]}
    many["series"] = [{"name": "France", "values": list(range(100))}]
    laid = laid_out(many)
    (slide,) = of_kind(laid, "chart")
    assert len(with_role(slide, "chart")[0].categories) == 100  # type: ignore[union-attr]


def test_a_title_too_long_for_the_chart_slide_is_refused_at_the_title() -> None:
    problem, line = refusal({**CHART, "title": " ".join(["Troops"] * 80)})
    assert "too long to fit on a slide" in problem.message
    assert line.startswith("    title: Troops Troops") or line.strip().startswith("title: Troops Troops")
