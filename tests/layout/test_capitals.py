"""Text a template shows in capitals is measured in capitals and written back as typed."""

from __future__ import annotations

from deckbuilder.layout.capitals import as_typed
from deckbuilder.layout.text import ParaSpec, TextStyle, fit_lines
from deckbuilder.themes.model import SizeRange

STYLE = TextStyle(font="Arial", color="000000", sizes=SizeRange(max=40, min=20), line_spacing=1.1)


def test_plain_text_is_measured_in_capitals_and_written_as_typed() -> None:
    typed = "France-US Conundrum and the limits of an alliance"
    capitals = fit_lines([ParaSpec(typed.upper(), STYLE)], 4_000_000, 3)
    lower = fit_lines([ParaSpec(typed, STYLE)], 4_000_000, 3)
    written = as_typed(capitals, typed)
    assert [p.text for p in written] == [typed]
    assert written[0].lines == capitals[0].lines  # the lines keep what the placeholder shows
    assert sum(len(p.lines) for p in capitals) >= sum(len(p.lines) for p in lower)


def test_runs_and_links_keep_the_typed_case() -> None:
    typed = "**France** and [NATO](https://www.nato.int/Who)"
    written = as_typed(fit_lines([ParaSpec(typed.upper(), STYLE)], 9_000_000, 3), typed)
    runs = written[0].runs
    assert written[0].text == "France and NATO"
    assert runs[0].text == "France" and runs[0].bold
    assert [run.link for run in runs if run.link] == ["https://www.nato.int/Who"]


def test_text_whose_capitals_are_longer_stays_in_capitals() -> None:
    typed = "Straße"
    capitals = fit_lines([ParaSpec(typed.upper(), STYLE)], 9_000_000, 3)
    assert as_typed(capitals, typed) == capitals
