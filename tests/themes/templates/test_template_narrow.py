"""A template whose layouts keep the title in a left column and a narrow body on the right."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches
from template_fixtures import FLAGSHIP

import deckbuilder
from deckbuilder.layout.boxes import TextBox
from deckbuilder.layout.engine import layout_deck
from deckbuilder.outline.loader import load
from deckbuilder.themes.templates import template_theme

FLAGSHIP_SLIDES = 19
"""The flagship's slides on the built-in theme."""


def narrow_template(path: Path) -> Path:
    """python-pptx's default, its content layouts' titles in a 3 in column, bodies 4 in wide beside it."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name not in ("Title and Content", "Two Content", "Comparison", "Title Only"):
            continue
        bodies = [ph for ph in layout.placeholders if ph.placeholder_format.idx in (1, 2, 3, 4)]
        for ph in layout.placeholders:
            if ph.placeholder_format.idx == 0:
                ph.left, ph.top, ph.width, ph.height = Inches(0.5), Inches(0.5), Inches(3), Inches(6)
        for number, ph in enumerate(sorted(bodies, key=lambda p: (p.left, p.top))):
            width = Inches(4) // max(1, len(bodies) if layout.name != "Comparison" else 2)
            ph.left, ph.top, ph.width = Inches(5) + (number % 2) * width, Inches(0.5), width
            ph.height = Inches(6)
    prs.save(str(path))
    return path


@pytest.fixture(scope="module")
def narrow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return narrow_template(tmp_path_factory.mktemp("narrow") / "narrow.pptx")


def test_the_flagship_keeps_its_shape_on_a_narrow_body_template(narrow: Path, tmp_path: Path) -> None:
    out = deckbuilder.export(FLAGSHIP, tmp_path / "deck.pptx", theme=str(narrow))
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(out)).slides if s.shapes.title]
    assert len(Presentation(str(out)).slides) <= FLAGSHIP_SLIDES + 3
    assert "Two responses to the coup (cont.)" not in titles


def _words(lines: tuple[str, ...]) -> list[str]:
    """The words of wrapped lines (a line ending at a hyphen or a slash continues its word on the next)."""
    return "".join(line if line.endswith(("-", "/")) else line + " " for line in lines).casefold().split()


def test_no_word_is_broken_across_lines(narrow: Path) -> None:
    deck = layout_deck(load(FLAGSHIP), template_theme(str(narrow)))
    broken = [
        (page.title, paragraph.lines)
        for page in deck.slides
        for box in page.boxes
        if isinstance(box, TextBox)
        for paragraph in box.paragraphs
        for line in paragraph.lines
        if line and _words(paragraph.lines) != paragraph.text.casefold().split()
    ]
    assert not broken, broken[:5]
