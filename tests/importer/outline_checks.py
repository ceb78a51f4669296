"""What every imported outline must do: validate, export, fit, and keep every word of its article."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pptx import Presentation

import deckbuilder
from deckbuilder.geometry import EMU_PER_PT
from deckbuilder.layout.boxes import Paragraph, TextBox
from deckbuilder.layout.measure import metrics_for
from deckbuilder.layout.text import WRAP_SAFETY, height_emu
from deckbuilder.outline.inline import CODE_FONT
from deckbuilder.outline.inline import plain_text as plain
from deckbuilder.outline.loader import dumps, loads
from deckbuilder.outline.model import BulletPoint, BulletsSlide, Deck
from deckbuilder.pipeline import layout
from deckbuilder.records import as_data

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = ARTICLES / "france-us-conundrum.txt"


def markdown_words(text: str) -> str:
    """A Markdown file's words as a reader sees them: link targets and markup signs left out."""
    return re.sub(r"\]\([^)]*\)", "]", text)


def html_article_words(text: str) -> str:
    """The words a reader sees in the page's article: scripts, asides and the article footer left out."""
    article = text[text.index("<article>") : text.index("</article>")]
    for tag in ("script", "style", "aside", "footer", "figure"):  # captions are page chrome
        article = re.sub(rf"<{tag}\b.*?</{tag}>", " ", article, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", article))


def strings_in(value: Any) -> Iterator[str]:
    """Every string in plain outline data, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def outline_text(deck: Deck) -> str:
    """All the text the outline shows (its inline markers read): metadata, sources, section titles, slides
    and notes."""
    return "\n".join(plain(text) for text in strings_in(as_data(deck)))


def words_of(text: str) -> set[str]:
    """The words of a text, case-folded (runs of letters and digits, any script)."""
    return {word.casefold() for word in re.findall(r"\w+", text)}


def bullet_texts(deck: Deck) -> list[str]:
    """Every first- and second-level point of every bullets slide, as plain text."""
    texts: list[str] = []
    for section in deck.sections:
        for slide in section.slides:
            if isinstance(slide, BulletsSlide):
                for point in slide.points:
                    if isinstance(point, BulletPoint):
                        texts.extend([point.text, *point.points])
                    else:
                        texts.append(point)
    return [plain(text) for text in texts]


def _line_width_pt(paragraph: Paragraph, index: int) -> float:
    """How wide a laid-out line is: each run of marked-up text in its own face (bold, italic, code)."""
    if not paragraph.line_runs:
        metrics = metrics_for(paragraph.font, bold=paragraph.bold, italic=paragraph.italic)
        return metrics.text_width_pt(paragraph.lines[index], paragraph.size_pt)
    return sum(
        metrics_for(
            CODE_FONT if run.code else paragraph.font,
            bold=paragraph.bold or run.bold,
            italic=paragraph.italic or run.italic,
        ).text_width_pt(run.text, paragraph.size_pt)
        for run in paragraph.line_runs[index]
    )


class OutlineChecks:
    """The promises of `deckbuilder import`, checked on one deck."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path

    def round_trips(self, deck: Deck) -> None:
        """The outline, written as YAML and read back, is the same deck."""
        text = dumps(deck, self.tmp_path / "deck.yaml")
        assert text.startswith("# yaml-language-server: $schema=")
        assert loads(text, "deck.yaml") == deck

    def exports(self, deck: Deck) -> None:
        """The deck exports to a .pptx that python-pptx reopens with a slide for every laid-out slide."""
        target = deckbuilder.export(deck, self.tmp_path / "x.pptx")
        presentation = Presentation(str(target))
        assert len(presentation.slides) == len(layout(deck).slides)

    def fits(self, deck: Deck) -> None:
        """Every text box holds its lines, in height and in width (the layout invariant)."""
        laid = layout(deck)
        for number, slide in enumerate(laid.slides, 1):
            for box in slide.boxes:
                if not isinstance(box, TextBox):
                    continue
                assert height_emu(box.paragraphs) <= box.h + 1, f"slide {number}: {box.role} overflows"
                for paragraph in box.paragraphs:
                    room_pt = (box.w - 2 * box.inset - paragraph.indent_emu) / EMU_PER_PT * WRAP_SAFETY
                    for index, line in enumerate(paragraph.lines):
                        if len(line) > 1:
                            width = _line_width_pt(paragraph, index)
                            assert width <= room_pt + 0.01, f"slide {number}: {line!r}"

    def keeps_words(self, deck: Deck, article_text: str) -> None:
        """Every word of the article is somewhere in the outline."""
        missing = words_of(article_text) - words_of(outline_text(deck))
        assert not missing, f"lost words: {sorted(missing)[:20]}"

    def invents_no_words(self, deck: Deck, article_text: str) -> None:
        """Bullet points use only the article's own words."""
        known = words_of(article_text)
        for text in bullet_texts(deck):
            assert words_of(text) <= known, text

    def all(self, deck: Deck, article_text: str) -> None:
        """Every check above."""
        self.round_trips(deck)
        self.keeps_words(deck, article_text)
        self.invents_no_words(deck, article_text)
        self.fits(deck)
        self.exports(deck)
