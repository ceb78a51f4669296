"""Inline markup in the .pptx: reopened with python-pptx, run by run (bold, italic, code font, links)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

import deckbuilder

ROOT = Path(__file__).resolve().parents[2]
MARKUP = ROOT / "tests" / "data" / "rich" / "markup.yaml"
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
MARKERS = ("**", "`", "](", "\\")


@pytest.fixture(scope="module")
def markup_deck(tmp_path_factory: pytest.TempPathFactory) -> Any:
    target = tmp_path_factory.mktemp("runs") / "markup.pptx"
    deckbuilder.export(MARKUP, target)
    return Presentation(str(target))


def _frames(slide: Any) -> list[Any]:
    frames = [shape.text_frame for shape in slide.shapes if shape.has_text_frame]
    for shape in slide.shapes:
        if shape.has_table:
            frames.extend(cell.text_frame for row in shape.table.rows for cell in row.cells)
    return frames


def _runs(prs: Any) -> list[tuple[str, bool, bool, str | None, str | None]]:
    """Every run on every slide: text, bold, italic, font name and link address."""
    found = []
    for slide in prs.slides:
        for frame in _frames(slide):
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    font = run.font
                    found.append(
                        (run.text, bool(font.bold), bool(font.italic), font.name, run.hyperlink.address)
                    )
    return found


def _all_text(prs: Any) -> list[str]:
    texts = [frame.text for slide in prs.slides for frame in _frames(slide)]
    texts += [slide.notes_slide.notes_text_frame.text for slide in prs.slides if slide.has_notes_slide]
    return texts


def test_bold_italic_code_and_links_are_runs(markup_deck: Any) -> None:
    runs = _runs(markup_deck)
    assert ("1,500 troops", True, False, "Calibri", None) in runs
    assert ("italic", True, True, "Calibri", None) in runs  # in a bold title
    assert ("level", False, True, "Calibri", None) in runs
    assert ("code span", False, False, "Courier New", None) in runs
    assert ("link", False, False, "Calibri", "https://example.com/x") in runs
    assert ("cautious", False, False, "Calibri", "https://example.org/us") in runs  # a table cell
    assert ("Country", True, False, "Calibri", None) in runs  # a header cell
    assert ("1,500", True, False, "Calibri", None) in runs  # a stat value (bold already)
    assert ("troops", False, True, "Calibri", None) in runs  # a stat label


def test_document_properties_hold_the_title_as_it_reads(markup_deck: Any) -> None:
    assert markup_deck.core_properties.title == "The marked-up deck"
    assert markup_deck.core_properties.author == "Desk team"


def test_bare_urls_in_sources_are_links(markup_deck: Any) -> None:
    links = {address for *_, address in _runs(markup_deck) if address}
    assert {"https://reuters.com/item", "https://example.org/a_b*c", "https://example.org/footer"} <= links


def test_no_marker_is_left_in_any_slide_or_notes(markup_deck: Any) -> None:
    for text in _all_text(markup_deck):
        for marker in MARKERS:
            assert marker not in text
    joined = "\n".join(_all_text(markup_deck))
    assert "Escaped *asterisk* and _underscore_ stay literal" in joined
    assert "*" not in joined.replace("*asterisk*", "").replace("a_b*c", "")


def test_notes_keep_their_formatting(markup_deck: Any) -> None:
    notes = next(
        s.notes_slide.notes_text_frame
        for s in markup_deck.slides
        if s.has_notes_slide and "link" in s.notes_slide.notes_text_frame.text
    )
    runs = [
        (run.text, bool(run.font.bold), bool(run.font.italic), run.font.name, run.hyperlink.address)
        for paragraph in notes.paragraphs
        for run in paragraph.runs
    ]
    assert ("bold", True, False, None, None) in runs
    assert ("italic", False, True, None, None) in runs
    assert ("code", False, False, "Courier New", None) in runs
    assert ("link", False, False, None, "https://example.com/notes") in runs
    assert notes.paragraphs[0].text == "Notes with bold and italic"


def test_the_flagship_has_no_marker_left(tmp_path: Path) -> None:
    prs = Presentation(str(deckbuilder.export(FLAGSHIP, tmp_path / "flagship.pptx")))
    for text in _all_text(prs):
        assert not any(marker in text for marker in (*MARKERS, "*"))
