"""layout/widows.py: no paragraph ends on a one-word line when pulling a word down avoids it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pptx import Presentation

import deckbuilder
from deckbuilder.geometry import EMU_PER_PT
from deckbuilder.layout.boxes import DeckLayout, Paragraph, TextBox
from deckbuilder.layout.measure import metrics_for, wrap_text
from deckbuilder.layout.text import WRAP_SAFETY, ParaSpec, TextStyle, make_paragraph
from deckbuilder.layout.widows import glue_last_space, is_widow
from deckbuilder.pipeline import layout
from deckbuilder.themes.model import SizeRange

POINT = "Paris argues European strategic autonomy is now a necessity, not just an ideal."
TITLE = "The Global Pivot and European Fears"


def _deck(*slides: dict[str, object]) -> str:
    sections = [{"title": "Part", "divider": False, "slides": list(slides)}]
    return yaml.safe_dump({"title": "Deck", "sections": sections}, sort_keys=False, width=10_000)


def _paragraphs(laid: DeckLayout, role: str) -> list[tuple[TextBox, Paragraph]]:
    return [
        (box, p)
        for slide in laid.slides
        for box in slide.boxes
        if isinstance(box, TextBox) and box.role == role
        for p in box.paragraphs
    ]


def _greedy(paragraph: Paragraph, box: TextBox) -> tuple[str, ...]:
    """The lines a plain greedy wrap gives the outline's text in the paragraph's place."""
    text = paragraph.text.replace("\u00a0", " ")
    width_pt = (box.w - paragraph.indent_emu) / EMU_PER_PT * WRAP_SAFETY
    return wrap_text(text, width_pt, metrics_for(paragraph.font, bold=paragraph.bold), paragraph.size_pt)


WORDS = (POINT + " " + TITLE + " " + POINT).split()


def _slide(kind: str, text: str) -> dict[str, object]:
    if kind == "title":
        return {"kind": "bullets", "title": text, "points": ["A point"]}
    if kind == "takeaways":
        return {"kind": "takeaways", "title": "Key Takeaways", "points": ["One short point", text]}
    return {"kind": kind, "title": "Why", "points": [text]}


@pytest.mark.parametrize(
    ("kind", "role"), [("takeaways", "takeaway"), ("bullets", "body"), ("title", "title")]
)
@pytest.mark.parametrize("theme", ["briefing", "midnight"])
def test_a_one_word_last_line_is_avoided_at_the_same_size_and_line_count(
    kind: str, role: str, theme: str
) -> None:
    widowed = 0
    for count in range(4, len(WORDS)):  # texts of growing length: some wrap greedily onto a lone word
        text = " ".join(WORDS[:count])
        laid = layout(deckbuilder.loads(_deck(_slide(kind, text))), theme=theme)
        for box, paragraph in _paragraphs(laid, role):
            if paragraph.text.replace("\u00a0", " ") != text:
                continue
            widowed += is_widow(_greedy(paragraph, box))
            assert not is_widow(paragraph.lines), paragraph.lines
            assert len(paragraph.lines) == len(_greedy(paragraph, box))
    assert widowed, "no text wrapped greedily onto a lone last word"


def test_a_widow_stays_when_avoiding_it_would_take_another_line() -> None:
    style = TextStyle(font="Calibri", color="000000", sizes=SizeRange(max=24, min=24), line_spacing=1.2)
    width_pt = metrics_for("Calibri").text_width_pt("Internationalisation", 24) + 1
    paragraph = make_paragraph(
        ParaSpec("Internationalisation ok", style), 24, round(width_pt / WRAP_SAFETY * EMU_PER_PT), first=True
    )
    assert paragraph.lines == ("Internationalisation", "ok")  # one long word a line: nothing to pull down


def test_glue_joins_the_last_two_words_in_the_run_that_holds_the_space() -> None:
    assert glue_last_space(["one two three"]) == (0, "one two\u00a0three")
    assert glue_last_space(["one ", "**two**"]) == (0, "one\u00a0")
    assert glue_last_space(["one two", " three"]) == (1, "\u00a0three")
    assert glue_last_space(["single"]) is None
    assert glue_last_space(["first line\nsecond"]) is None


def test_a_bold_last_word_is_kept_with_the_word_before_it() -> None:
    for count in range(4, len(WORDS)):
        text = " ".join(WORDS[:count]) + " **bold**"
        laid = layout(deckbuilder.loads(_deck(_slide("bullets", text))), theme="briefing")
        for _, paragraph in _paragraphs(laid, "body"):
            assert not is_widow(paragraph.lines), paragraph.lines


def test_the_exported_text_keeps_the_last_two_words_together(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(_deck({"kind": "takeaways", "title": "Key Takeaways", "points": ["One", POINT]}), "utf-8")
    target = deckbuilder.export(deck, tmp_path / "deck.pptx", theme="briefing")
    texts = [
        shape.text_frame.text for shape in Presentation(str(target)).slides[0].shapes if shape.has_text_frame
    ]
    assert POINT.replace("an ideal.", "an\u00a0ideal.") in texts
