"""Fitting text into boxes: wrap, shrink step by step to the minimum, then split across slides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from deckbuilder.geometry import EMU_PER_PT, Align
from deckbuilder.layout.boxes import DESCENT_ROOM_EM, Paragraph, TextBox
from deckbuilder.layout.measure import FontMetrics, metrics_for, wrap_text
from deckbuilder.layout.widows import glue_last_space, is_widow, pulls_a_word_down
from deckbuilder.outline.inline import CODE_FONT, Run, runs
from deckbuilder.themes.model import SizeRange

WRAP_SAFETY = 0.98
"""Layout wraps at 98% of a box's width so that renderers, which may round glyph widths, wrap no sooner."""
SHRINK_STEP_PT = 1.0


class TooLongError(Exception):
    """Text too long for a box that cannot continue on another slide, even at its smallest size."""

    def __init__(self, field: tuple[str | int, ...], what: str, *, absolute: bool = False) -> None:
        super().__init__(f"{what} is too long to fit on a slide; shorten it or move the detail to the notes")
        self.key_path = field
        self.absolute = absolute

    def within(self, origin: tuple[int, int] | None) -> TooLongError:
        """The same error with its path completed from the outline slide it came from."""
        if self.absolute or origin is None:
            return self
        section, index = origin
        prefix: tuple[str | int, ...] = (
            ("sections", section) if index < 0 else ("sections", section, "slides", index)
        )
        located = TooLongError((*prefix, *self.key_path), "", absolute=True)
        located.args = self.args
        return located


@dataclass(frozen=True)
class TextStyle:
    """How a role's text looks: font, colour, size range and spacing."""

    font: str
    color: str
    sizes: SizeRange
    line_spacing: float
    bold: bool = False
    italic: bool = False
    align: Align = "left"
    space_before_em: float = 0.0


@dataclass(frozen=True)
class ParaSpec:
    """A paragraph to fit: its text, style, outline level and bullet."""

    text: str
    style: TextStyle
    level: int = 0
    bullet: str | None = None
    field: Literal["slidenum"] | None = None
    linkify: bool = False
    """Whether bare URLs in the text become links (in sources)."""


def size_at(style: TextStyle, step: int) -> float:
    """The style's size after `step` shrink steps, never below its minimum."""
    return max(style.sizes.min, style.sizes.max - step * SHRINK_STEP_PT)


def max_steps(specs: Sequence[ParaSpec]) -> int:
    """How many shrink steps bring every spec to its minimum size."""
    spans = [spec.style.sizes.max - spec.style.sizes.min for spec in specs]
    return int(max(spans, default=0.0) // SHRINK_STEP_PT) + (
        1 if any(s % SHRINK_STEP_PT for s in spans) else 0
    )


def hanging_emu(size_pt: float) -> int:
    """How far a bullet hangs left of its text at a given size."""
    return round(size_pt * 0.95 * EMU_PER_PT)


def indent_for(spec: ParaSpec, size_pt: float) -> tuple[int, int]:
    """The text's left margin and the bullet's hang for a paragraph, in EMU."""
    if spec.bullet is None and spec.level == 0:
        return 0, 0
    hang = hanging_emu(size_pt)
    level_indent = round(spec.style.sizes.max * 1.1 * EMU_PER_PT) * spec.level
    return level_indent + (hang if spec.bullet is not None else 0), hang if spec.bullet is not None else 0


def make_paragraph(spec: ParaSpec, size_pt: float, width_emu: int, *, first: bool) -> Paragraph:
    """Wrap one paragraph at a size into a box width."""
    indent, hang = indent_for(spec, size_pt)
    width_pt = max(1.0, (width_emu - indent) / EMU_PER_PT * WRAP_SAFETY)
    spans = runs(spec.text, linkify=spec.linkify) if spec.field is None else (Run(spec.text),)
    lines, line_runs = _wrap(spans, spec.style, width_pt, size_pt)
    glued = _glued(spans) if is_widow(lines) else None
    if glued is not None:  # a one-word last line: pull a word down to it if the line count holds
        glued_lines, glued_line_runs = _wrap(glued, spec.style, width_pt, size_pt)
        if pulls_a_word_down(lines, glued_lines):
            spans, lines, line_runs = glued, glued_lines, glued_line_runs
    text = "".join(run.text for run in spans)
    return Paragraph(
        text=text,
        lines=lines,
        font=spec.style.font,
        size_pt=size_pt,
        color=spec.style.color,
        line_height_pt=round(size_pt * spec.style.line_spacing, 2),
        space_before_pt=0.0 if first else round(size_pt * spec.style.space_before_em, 2),
        bold=spec.style.bold,
        italic=spec.style.italic,
        align=spec.style.align,
        level=spec.level,
        bullet=spec.bullet,
        indent_emu=indent,
        hanging_emu=hang,
        field=spec.field,
        line_runs=line_runs,
    )


def _wrap(
    spans: Sequence[Run], style: TextStyle, width_pt: float, size_pt: float
) -> tuple[tuple[str, ...], tuple[tuple[Run, ...], ...]]:
    """A paragraph's runs wrapped into lines, and each line's runs (none for plain text)."""
    if len(spans) <= 1 and all(run.plain for run in spans):
        metrics = metrics_for(style.font, bold=style.bold, italic=style.italic)
        return wrap_text("".join(run.text for run in spans), width_pt, metrics, size_pt), ()
    from deckbuilder.layout.rich import line_text, wrap_runs

    line_runs = wrap_runs(spans, width_pt, _run_metrics(style), size_pt)
    return tuple(map(line_text, line_runs)), line_runs


def _glued(spans: Sequence[Run]) -> tuple[Run, ...] | None:
    """The runs with their last two words joined by a no-break space; None if there is no such pair."""
    found = glue_last_space([run.text for run in spans])
    if found is None:
        return None
    index, glued = found
    return (*spans[:index], replace(spans[index], text=glued), *spans[index + 1 :])


def _run_metrics(style: TextStyle) -> Callable[[Run], FontMetrics]:
    """The face each run of a paragraph in a style is measured with: its own weight, slant and font."""

    def metrics_of(run: Run) -> FontMetrics:
        font = CODE_FONT if run.code else style.font
        return metrics_for(font, bold=style.bold or run.bold, italic=style.italic or run.italic)

    return metrics_of


def paragraphs_at(specs: Sequence[ParaSpec], step: int, width_emu: int) -> list[Paragraph]:
    """Every spec wrapped at a shrink step."""
    return [
        make_paragraph(spec, size_at(spec.style, step), width_emu, first=index == 0)
        for index, spec in enumerate(specs)
    ]


def height_emu(paragraphs: Sequence[Paragraph]) -> int:
    """The height a run of paragraphs needs, the first one's space before not counted."""
    if not paragraphs:
        return 0
    total_pt = sum(p.height_pt for p in paragraphs) - paragraphs[0].space_before_pt
    return round((total_pt + paragraphs[-1].size_pt * DESCENT_ROOM_EM) * EMU_PER_PT)


def text_top(box: TextBox) -> int:
    """Where a box's first line is drawn, by its anchor, as renderers place it between its insets
    (the bottom one holding the last line's descenders)."""
    text = height_emu(box.paragraphs)
    if box.anchor == "bottom":
        return box.y + box.h - box.inset - text
    if box.anchor == "middle":
        return box.y + (box.h - text) // 2
    return box.y + box.inset


def breaks_a_word(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether any paragraph's lines cut a word of spaced text (CJK text breaks between characters)."""
    for paragraph in paragraphs:
        if len(paragraph.lines) < 2 or any(ord(char) >= 0x2E80 for char in paragraph.text):
            continue
        joined = paragraph.lines[0]
        for line in paragraph.lines[1:]:  # a line ending at a hyphen or a slash broke where a word may
            joined += ("" if joined.endswith(("-", "\u2010", "\u2013", "/", "\u200b")) else " ") + line
        if len(joined.split()) > len(paragraph.text.split()):
            return True
    return False


def fit(specs: Sequence[ParaSpec], width_emu: int, height: int) -> tuple[list[Paragraph], int] | None:
    """The paragraphs at the largest size that fits the box with no word broken (else at the largest that
    fits), and the step it took; None if none does."""
    found: tuple[list[Paragraph], int] | None = None
    for step in range(max_steps(specs) + 1):
        paragraphs = paragraphs_at(specs, step, width_emu)
        if height_emu(paragraphs) <= height:
            if not breaks_a_word(paragraphs):
                return paragraphs, step
            found = found or (paragraphs, step)
    return found


def fit_lines(specs: Sequence[ParaSpec], width_emu: int, max_lines: int) -> list[Paragraph]:
    """Shrink until the text takes at most max_lines lines with no word broken; at the minimum, take
    the lines it needs."""
    paragraphs: list[Paragraph] = []
    for step in range(max_steps(specs) + 1):
        paragraphs = paragraphs_at(specs, step, width_emu)
        if sum(len(p.lines) for p in paragraphs) <= max_lines and not breaks_a_word(paragraphs):
            break
    return paragraphs


def _split_paragraph(paragraph: Paragraph, room: int) -> tuple[Paragraph, Paragraph]:
    """Cut a paragraph between lines so that the head fits in room EMU (at least one line)."""
    line_emu = paragraph.line_height_pt * EMU_PER_PT
    before_emu = paragraph.space_before_pt * EMU_PER_PT
    descent_emu = paragraph.size_pt * DESCENT_ROOM_EM * EMU_PER_PT  # height_emu counts it under the last line
    count = max(1, min(len(paragraph.lines) - 1, int((room - before_emu - descent_emu) // line_emu)))
    head_lines, tail_lines = paragraph.lines[:count], paragraph.lines[count:]
    head_runs, tail_runs = paragraph.line_runs[:count], paragraph.line_runs[count:]
    head = replace(paragraph, text=" ".join(head_lines), lines=head_lines, line_runs=head_runs)
    tail = replace(
        paragraph,
        text=" ".join(tail_lines),
        lines=tail_lines,
        line_runs=tail_runs,
        bullet=None,
        space_before_pt=0.0,
    )
    return head, tail


def paginate(paragraphs: Sequence[Paragraph], height: int) -> list[list[Paragraph]]:
    """Pack paragraphs into pages of at most height EMU, cutting only between lines."""
    pages: list[list[Paragraph]] = []
    page: list[Paragraph] = []
    queue = list(paragraphs)
    while queue:
        paragraph = queue.pop(0)
        candidate = [*page, paragraph] if page else [replace(paragraph, space_before_pt=0.0)]
        if height_emu(candidate) <= height:
            page = candidate
            continue
        room = height - height_emu(page) if page else height
        fits_a_line = room >= (paragraph.space_before_pt + paragraph.line_height_pt) * EMU_PER_PT
        if len(paragraph.lines) > 1 and fits_a_line and (not page or len(paragraph.lines) > 3):
            head, tail = _split_paragraph(paragraph if page else candidate[-1], room)
            page = [*page, head] if page else [head]
            queue.insert(0, tail)
        elif page:
            queue.insert(0, paragraph)
        else:  # a single line taller than the box: it goes alone rather than be lost
            page = candidate
        pages.append(page)
        page = []
    if page or not pages:
        pages.append(page)
    return pages


def fit_or_paginate(specs: Sequence[ParaSpec], width_emu: int, height: int) -> list[list[Paragraph]]:
    """One page at the largest size that fits, or as many pages as needed at the smallest size."""
    fitted = fit(specs, width_emu, height)
    if fitted is not None:
        return [fitted[0]]
    return paginate(paragraphs_at(specs, max_steps(specs), width_emu), height)
