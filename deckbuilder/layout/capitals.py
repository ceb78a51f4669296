"""Text a template shows in capitals (cap="all"): measured in capitals, written as the user typed it."""

from __future__ import annotations

from dataclasses import replace

from deckbuilder.layout.boxes import Paragraph
from deckbuilder.layout.widows import GLUE
from deckbuilder.outline.inline import Run, plain_text, runs


def _typed_runs(paragraph: Paragraph, typed: str, links: dict[str, str]) -> tuple[tuple[Run, ...], ...]:
    """A paragraph's runs with their text taken from `typed` (its text as typed), links as typed."""
    cursor, lines = 0, []
    for line in paragraph.line_runs:
        mapped = []
        for run in line:
            at = paragraph.text.find(run.text, cursor)
            text = typed[at : at + len(run.text)] if at >= 0 else run.text
            cursor = at + len(run.text) if at >= 0 else cursor
            link = links.get(run.link, run.link) if run.link else None
            mapped.append(replace(run, text=text, link=link))
        lines.append(tuple(mapped))
    return tuple(lines)


def as_typed(paragraphs: list[Paragraph], typed: str) -> list[Paragraph]:
    """Paragraphs fitted from `typed` in capitals, their text (and runs) written back as typed."""
    plain = plain_text(typed)
    shown = plain.upper()
    if len(shown) != len(plain):  # 'ß' becomes 'SS': the measured text cannot be mapped back
        return paragraphs
    links = {run.link.upper(): run.link for run in runs(typed) if run.link} if "](" in typed else {}
    result = []
    for paragraph in paragraphs:
        at = shown.find(paragraph.text.replace(GLUE, " "))  # layout may have glued the last two words
        if at < 0:
            result.append(paragraph)
            continue
        typed_part = plain[at : at + len(paragraph.text)]
        text = "".join(
            GLUE if char == GLUE else own for char, own in zip(paragraph.text, typed_part, strict=True)
        )
        line_runs = _typed_runs(paragraph, text, links) if paragraph.rich else ()
        result.append(replace(paragraph, text=text, line_runs=line_runs))
    return result
