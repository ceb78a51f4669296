"""Text on a template: written as the user typed it, measured as the template shows it."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn
from template_fixtures import FLAGSHIP, widen

import deckbuilder


def capitals_template(path: Path) -> Path:
    """16:9, every title shown in capitals by the master's title style (cap="all")."""
    prs = Presentation()
    widen(prs)
    style = prs.slide_masters[0]._element.find(qn("p:txStyles")).find(qn("p:titleStyle"))
    style.find(qn("a:lvl1pPr")).find(qn("a:defRPr")).set("cap", "all")
    prs.save(str(path))
    return path


def test_titles_in_a_capitals_placeholder_keep_the_outline_s_case(tmp_path: Path) -> None:
    template = capitals_template(tmp_path / "capitals.pptx")
    out = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(template))
    titles = [
        slide.shapes.title.text_frame.text for slide in Presentation(str(out)).slides if slide.shapes.title
    ]
    assert titles[0] == "France-US Conundrum"
    assert "Two responses to the coup" in titles
    assert not any(title.isupper() for title in titles)
