"""Text kept readable where a template's art lies under it: a colour that reads there, else a panel.

Layout picks colours per layout; this pass looks at each text box's own lines on the layout's painted
canvas. Text over a calm background takes the template's colour when it reads there, else the nearest
colour that does; text over an edge, a pattern or a photograph gets a quiet panel behind it, as a
designer puts a caption box on a picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deckbuilder.geometry import EMU_PER_PT, Rect
from deckbuilder.layout.boxes import Box, Paragraph, ShapeBox, TableBox, TextBox
from deckbuilder.layout.measure import metrics_for
from deckbuilder.layout.text import text_top
from deckbuilder.themes.contrast import AA_NORMAL_TEXT, relative_luminance
from deckbuilder.themes.templates.canvas import Canvas
from deckbuilder.themes.templates.colors import average, blend
from deckbuilder.themes.templates.theme import readable, worst_contrast

LARGE_CONTRAST = 3.0
"""WCAG's floor for large text (18 pt, or 14 pt bold) …"""
CONTRAST_MARGIN = 1.1
"""How much more contrast than WCAG's the canvas must show."""
KEPT_ROLES = ("footer", "slide-number")
"""Text the template's own placeholders style and place: left as its author drew it."""
PANEL_PAD_EM = 0.35
"""A panel reaches this far past the text it holds, in ems of the text's largest size."""
WIDTH_SLACK = 0.04
"""A panel reaches this share of its widest line further each side."""
NEARBY_EM = 1.5
"""Colours this many ems around a line count as behind it: a painted gradient is only near what a
renderer draws …"""
ROUGH_NEARBY_EM = 40
"""… and a radial one only roughly: what it shows anywhere near counts."""
CALM_SPREAD = 0.035
"""The luma spread behind a stretch of a line past which it is too busy to read on (a reader's check
fails a word past 0.06; the canvas, painted small, smooths a photograph's finest cracks and grain)."""
STRETCH_EM = 2.5
"""A line is judged in stretches about this many ems long, about a word each."""


def needed_contrast(paragraph: Paragraph) -> float:
    """The contrast a paragraph's text is given: WCAG's 3:1 when large, else 4.5:1, with a margin for
    the renderer's drawing of the background, which the canvas only approximates."""
    large = paragraph.size_pt >= 18 or (paragraph.bold and paragraph.size_pt >= 14)
    return (LARGE_CONTRAST if large else AA_NORMAL_TEXT) * CONTRAST_MARGIN


def line_rects(box: TextBox) -> list[tuple[Paragraph, Rect]]:
    """Where each line of a text box is drawn, as wide as its words."""
    found = []
    y = text_top(box)
    inner = box.w - 2 * box.inset
    for number, paragraph in enumerate(box.paragraphs):
        y += round(paragraph.space_before_pt * EMU_PER_PT) if number else 0
        metrics = metrics_for(paragraph.font, bold=paragraph.bold, italic=paragraph.italic)
        height = round(paragraph.line_height_pt * EMU_PER_PT)
        for line in paragraph.lines:
            width = min(inner, round(metrics.text_width_pt(line, paragraph.size_pt) * EMU_PER_PT))
            left = box.x + box.inset + (paragraph.indent_emu if paragraph.align == "left" else 0)
            if paragraph.align == "center":
                left = box.x + box.inset + (inner - width) // 2
            elif paragraph.align == "right":
                left = box.x + box.w - box.inset - width
            if line.strip():
                found.append((paragraph, Rect(left, y, max(1, width), height)))
            y += height
    return found


def _inside(rect: Rect, surfaces: Sequence[Rect]) -> bool:
    return any(
        s.x <= rect.x and s.y <= rect.y and rect.right <= s.right and rect.bottom <= s.bottom
        for s in surfaces
    )


def _recolored(box: TextBox, behind: Sequence[str]) -> TextBox:
    """The box, each paragraph in its colour where that reads on `behind`, else the nearest that does."""
    paragraphs = tuple(
        p
        if worst_contrast(p.color, behind) >= needed_contrast(p)
        else replace(p, color=readable(p.color, behind, ratio=needed_contrast(p)))
        for p in box.paragraphs
    )
    return replace(box, paragraphs=paragraphs)


def _panel(canvas: Canvas, box: TextBox, lines: list[tuple[Paragraph, Rect]]) -> tuple[ShapeBox, TextBox]:
    """A quiet panel behind a box's lines, and the box in a colour that reads on it."""
    pad = round(max(p.size_pt for p in box.paragraphs) * PANEL_PAD_EM * EMU_PER_PT)
    # Wider across: a renderer may set the words in a font a little wider than the one measured, and
    # wrap them where the text's box ends, so wrapped text gets the box's width.
    wrapped = any(len(p.lines) > 1 for p in box.paragraphs)
    across = pad + round(max(r.w for _, r in lines) * WIDTH_SLACK)
    inner_left, inner_right = box.x + box.inset, box.x + box.w - box.inset
    left = max(0, (inner_left if wrapped else min(r.x for _, r in lines)) - across)
    top = max(0, min(r.y for _, r in lines) - pad)
    right = min(canvas.width, (inner_right if wrapped else max(r.right for _, r in lines)) + across)
    bottom = min(canvas.height, max(r.bottom for _, r in lines) + pad)
    under = average(canvas.colors_under(Rect(left, top, right - left, bottom - top)))
    text = box.paragraphs[0].color
    light_text = relative_luminance(text) > relative_luminance(under) or relative_luminance(text) > 0.5
    fill = blend(under, "000000" if light_text else "FFFFFF", 0.8)
    return ShapeBox(left, top, right - left, bottom - top, fill, "panel"), _recolored(box, [fill])


def _around(canvas: Canvas, line: Rect, paragraph: Paragraph) -> Rect:
    """A line and the space about it whose colours count as behind it: along the line a little way
    (far, on a radial gradient), across it only as far as a renderer may move it (a band's edge
    just under a title is no part of the title's ground)."""
    em = ROUGH_NEARBY_EM if canvas.rough else NEARBY_EM
    reach, slack = round(paragraph.size_pt * em * EMU_PER_PT), line.h // 5
    if canvas.rough:
        slack = reach
    return Rect(line.x - reach, line.y - slack, line.w + 2 * reach, line.h + 2 * slack)


def _busy(canvas: Canvas, paragraph: Paragraph, line: Rect) -> bool:
    """Whether any stretch of a line lies on a background too busy to read on."""
    stretch = max(1, round(paragraph.size_pt * STRETCH_EM * EMU_PER_PT))
    slack = line.h // 5  # a renderer may set the line a little higher or lower
    return any(
        canvas.spread(Rect(x, line.y - slack, min(stretch, line.right - x), line.h + 2 * slack)) > CALM_SPREAD
        for x in range(line.x, line.right, stretch)
    )


def _needs_panel(canvas: Canvas, box: TextBox, lines: list[tuple[Paragraph, Rect]]) -> TextBox | None:
    """The box recoloured to read where it lies, or None when no colour does (or the ground is busy)."""
    if any(_busy(canvas, paragraph, rect) for paragraph, rect in lines):
        return None
    behind = sorted({c for p, rect in lines for c in canvas.colors_under(_around(canvas, rect, p), 4)})
    recolored = _recolored(box, behind)
    if all(worst_contrast(p.color, behind) >= needed_contrast(p) for p in recolored.paragraphs):
        return recolored
    return None


def _clear_of(panel: ShapeBox, own: list[Rect], others: list[tuple[Rect, bool]]) -> ShapeBox:
    """A panel pulled back from other boxes' lines above and below its own (it never crosses them),
    with room for a renderer setting an unpanelled line a little higher or lower (panels may meet)."""
    top, bottom = panel.y, panel.y + panel.h
    first, last = min(r.y for r in own), max(r.bottom for r in own)
    for other, paneled in others:
        if other.right <= panel.x or panel.x + panel.w <= other.x:
            continue
        gap = 0 if paneled else other.h // 5
        if other.bottom <= first and other.bottom + gap > top:
            top = min(first, other.bottom + gap)
        elif other.y >= last and other.y - gap < bottom:
            bottom = max(last, other.y - gap)
    return replace(panel, y=top, h=max(1, bottom - top))


def calm_text(canvas: Canvas, boxes: Sequence[Box]) -> tuple[Box, ...]:
    """The slide's boxes, each text box readable where it lies: recoloured, or on a panel (boxes of one
    role alike: when one needs a panel, its siblings get one too)."""
    surfaces = [
        Rect(b.x, b.y, b.w, b.h)
        for b in boxes
        if isinstance(b, ShapeBox | TableBox) or getattr(b, "fill", None)
    ]
    checked: dict[int, list[tuple[Paragraph, Rect]]] = {}
    readable_as: dict[int, TextBox | None] = {}
    for index, box in enumerate(boxes):
        if not isinstance(box, TextBox) or box.role in KEPT_ROLES or not box.paragraphs or box.fill:
            continue
        lines = [(p, r) for p, r in line_rects(box) if not _inside(r, surfaces)]
        if lines:
            checked[index] = lines
            readable_as[index] = _needs_panel(canvas, box, lines)
    paneled_roles = {boxes[i].role for i, seen in readable_as.items() if seen is None}
    paneled = {i for i in readable_as if boxes[i].role in paneled_roles}
    out: list[Box] = []
    panels: list[Box] = []
    for index, box in enumerate(boxes):
        if index not in checked:
            out.append(box)
            continue
        assert isinstance(box, TextBox)
        seen = readable_as[index]
        if seen is not None and index not in paneled:
            out.append(seen)
            continue
        panel, box = _panel(canvas, box, checked[index])
        others = [(r, i in paneled) for i, lines in checked.items() if i != index for _, r in lines]
        panels.append(_clear_of(panel, [r for _, r in checked[index]], others))
        out.append(box)
    return (*panels, *out)  # under everything: a panel never hides another box
