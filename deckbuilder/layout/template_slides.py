"""Slide kinds that use a template's own placeholders differently: title, section divider and picture."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from deckbuilder.geometry import Rect, points
from deckbuilder.layout.boxes import Box, Paragraph, PictureBox, SlideLayout, TextBox
from deckbuilder.layout.capitals import as_typed
from deckbuilder.layout.frame import CONTINUED, fixed, slide
from deckbuilder.layout.images import image_size, resolve_image
from deckbuilder.layout.pages import SlideInfo, content_pages, text_box
from deckbuilder.layout.slides.image import fit_picture
from deckbuilder.layout.template_frame import (
    TemplateFrame,
    fit_in,
    placed,
    placeholder_ref,
    size_range,
)
from deckbuilder.layout.text import (
    ParaSpec,
    TextStyle,
    fit,
    fit_lines,
    fit_or_paginate,
    height_emu,
    paragraphs_at,
    text_top,
)
from deckbuilder.outline.model import Deck, ImageSlide, SectionSlide, Slide, TitleSlide
from deckbuilder.themes.templates.calm import COVERING_SHARE, covered_by
from deckbuilder.themes.templates.model import Placeholder

SUBTITLE_MAX_SHARE = 0.55
"""A drawn subtitle area (no placeholder for it) starts this far down the live area at most."""


def _second_placeholder(frame: TemplateFrame) -> Placeholder | None:
    """Where an opening slide's second text goes: the subtitle placeholder, else a text placeholder."""
    layout = frame.layout
    subtitle = layout.first("subTitle")
    if subtitle is not None and not subtitle.vertical:
        return subtitle
    return layout.contents[0] if layout.contents else None


def _main_pages(frame: TemplateFrame, main: str, area: Rect) -> list[list[Paragraph]]:
    """The title in its area: up to three lines at the largest size that fits, else continued."""
    theme, title = frame.theme, frame.title_placeholder
    look = title.look if title else None
    style = TextStyle(
        font=(look.font if look else None) or theme.fonts.heading,
        color=theme.colors.title_text,
        sizes=size_range(look.size_pt if look else None, theme.sizes.deck_title, 20),
        line_spacing=1.1,
        bold=look.bold if look else True,
        align=look.align if look else "left",
    )
    caps = bool(look and look.caps)
    spec = ParaSpec(main.upper() if caps else main, style)
    fitted = fit_in(spec, area, 3)
    pages = [fitted] if height_emu(fitted) <= area.h else fit_or_paginate([spec], area.w, area.h)
    return [as_typed(page, main) for page in pages] if caps else pages


def _second_area(frame: TemplateFrame, placeholder: Placeholder | None, main_area: Rect) -> Rect:
    """Where the subtitle goes: its placeholder's text area, else below the title; above the footer."""
    limit = frame.footer_top - points(8)
    if placeholder is not None:
        area = placeholder.text_area
        return Rect(area.x, area.y, area.w, min(area.bottom, limit) - area.y)
    live = frame.live
    top = min(main_area.bottom + points(18), live.y + round(live.h * SUBTITLE_MAX_SHARE))
    return Rect(main_area.x, top, main_area.w, max(points(40), limit - top))


def _second_specs(
    frame: TemplateFrame, placeholder: Placeholder | None, second: list[tuple[str, str]]
) -> list[ParaSpec]:
    """The subtitle's paragraphs: 'lead' ones at the placeholder's size, a 'meta' line small and muted."""
    theme, look = frame.theme, placeholder.look if placeholder else None
    specs = []
    for index, (text, role) in enumerate(second):
        lead = role == "lead"
        sizes = theme.sizes.deck_subtitle if lead else theme.sizes.caption
        style = TextStyle(
            font=(look.font if look else None) or theme.fonts.body,
            color=theme.colors.text if lead else theme.colors.muted,
            sizes=size_range(look.size_pt, sizes, 14) if look and lead else sizes,
            line_spacing=theme.line_spacing,
            align=look.align if look else "left",
            space_before_em=0.0 if index == 0 else 0.6,
        )
        specs.append(ParaSpec(text.upper() if look and look.caps else text, style))
    return specs


def _typed_pages(
    pages: list[list[Paragraph]], second: list[tuple[str, str]], caps: bool
) -> list[list[Paragraph]]:
    """The second text's pages written as typed where its placeholder shows capitals."""
    if not caps:
        return pages
    typed = "\n".join(text for text, _ in second)
    return [as_typed(page, typed) for page in pages]


def on_a_band(frame: TemplateFrame, placeholder: Placeholder) -> bool:
    """Whether a filled shape of the layout lies under most of a placeholder (a title band)."""
    return any(
        shape.fill and covered_by(shape.rect, placeholder.rect) >= COVERING_SHARE
        for shape in frame.layout.decorations
    )


def _label_paragraphs(
    frame: TemplateFrame, label: str, title_pt: float, width: int, *, small: bool = False
) -> list[Paragraph]:
    """A divider's 'Part N' in the title's face and colour, at half the title's size (down to the
    caption's largest size, or its smallest where the title has little room)."""
    title = frame.title_style()
    caption = frame.theme.sizes.caption
    size = max(caption.min if small else caption.max, round(title_pt * 0.5))
    style = replace(title, sizes=fixed(size), bold=True, space_before_em=0.0)
    return paragraphs_at([ParaSpec(label, style)], 0, width)


def _labelled(
    frame: TemplateFrame, label: str, main: str, area: Rect, avoid: Rect | None
) -> tuple[TextBox, int]:
    """The divider's label and how far its title moves down for it: none where the slide has room above
    the title's text (clear of `avoid`, the subtitle's place), else the label's height, the label then
    taking the top of the title's area."""
    title_ph = frame.title_placeholder
    first = _main_pages(frame, main, area)[0]
    box = placed(title_ph, first, "title") if title_ph else text_box(area, first, "title")
    paragraphs = tuple(_label_paragraphs(frame, label, first[0].size_pt, area.w))
    h = height_emu(paragraphs)
    y = text_top(box) - points(6) - h
    line = TextBox(area.x, y, area.w, h, paragraphs, "label")
    clear = avoid is None or not (
        line.x < avoid.right and avoid.x < line.x + line.w and line.y < avoid.bottom and avoid.y < line.y + h
    )
    if clear and y >= min(frame.live.y, frame.height // 20):
        return line, 0
    under = Rect(area.x, area.y + h + points(4), area.w, max(points(24), area.h - h - points(4)))
    shrunk = _main_pages(frame, main, under)[0][0].size_pt
    if shrunk < first[0].size_pt:  # the title shrinks under its label (a short band): the label follows
        paragraphs = tuple(_label_paragraphs(frame, label, shrunk, area.w, small=True))
        h = height_emu(paragraphs)
        line = TextBox(area.x, area.y, area.w, h, paragraphs, "label")
    return replace(line, y=area.y), h + points(4)


def _opening(
    frame: TemplateFrame,
    kind: str,
    main: str,
    second: list[tuple[str, str]],
    notes: str | None,
    origin: tuple[int, int] | None,
    label: str | None = None,
) -> list[SlideLayout]:
    """A title (or divider) slide: main text in the title placeholder, the rest in the second one.

    second holds (text, role) pairs: role 'lead' is the subtitle, 'meta' the small line; a divider's
    label ('Part 2') goes above the title.
    """
    title_ph, second_ph = frame.title_placeholder, _second_placeholder(frame)
    main_area = frame.title_area()
    avoid = _second_area(frame, second_ph, main_area) if second else None
    above, shift = _labelled(frame, label, main, main_area, avoid) if label else (None, 0)
    # Under its label the title keeps its area's height where the slide has room below it
    limit = avoid.y - points(6) if avoid is not None else frame.footer_top - points(8)
    room = max(main_area.h - shift, min(main_area.h, limit - main_area.y - shift))
    if title_ph is not None and on_a_band(frame, title_ph):  # the title stays on the band it sits on
        room = main_area.h - shift
    shifted = Rect(main_area.x, main_area.y + shift, main_area.w, max(points(24), room))
    main_pages = _main_pages(frame, main, shifted)
    second_area = _second_area(frame, second_ph, main_area)
    specs = _second_specs(frame, second_ph, second)
    second_pages = fit_or_paginate(specs, second_area.w, second_area.h) if specs else []
    second_pages = _typed_pages(second_pages, second, bool(second_ph and second_ph.look.caps))
    pages = []
    for index in range(max(len(main_pages), len(second_pages))):
        boxes: list[Box] = [above] if above is not None and index == 0 else []
        if index < len(main_pages):
            title = main_pages[index]
            box = placed(title_ph, title, "title") if title_ph else text_box(main_area, title, "title")
            if index == 0 and label is None and len(main_pages) == 1:  # a cover's title steps off its art
                box = (
                    frame.calm_title(main_area, title, lambda rect: _main_pages(frame, main, rect)[0]) or box
                )
            if shift and index == 0:  # the title moves down under its label, its foot kept
                box = replace(box, y=box.y + shift, h=max(box.h - shift, shifted.h + 2 * box.inset))
            boxes.append(box)
        if index < len(second_pages) and second_pages[index]:
            lines = second_pages[index]
            if second_ph is not None:
                box = placed(second_ph, lines, "subtitle")
                boxes.append(replace(box, h=min(box.h, second_area.bottom + second_ph.look.inset - box.y)))
            else:
                boxes.append(text_box(second_area, lines, "subtitle"))
        heading = main if index == 0 else main + CONTINUED
        page_notes = notes if index == 0 else None
        background = frame.theme.colors.background
        pages.append(slide(kind, heading, background, boxes, page_notes, origin, continued=index > 0))
    return pages


def layout_template_title(
    data: TitleSlide, deck: Deck, frame: TemplateFrame, origin: tuple[int, int] | None
) -> list[SlideLayout]:
    """The deck's opening slide on the template's title layout."""
    subtitle = data.subtitle if data.subtitle is not None else deck.subtitle
    meta = " · ".join(part for part in (data.author or deck.author, data.date or deck.date) if part)
    second = [(text, role) for text, role in ((subtitle, "lead"), (meta, "meta")) if text]
    return _opening(frame, "title", data.title or deck.title, second, data.notes, origin)


def layout_template_section(
    data: SectionSlide, number: int, frame: TemplateFrame, origin: tuple[int, int] | None
) -> list[SlideLayout]:
    """A divider on the template's section layout: its title, with the part number and subtitle."""
    second = [(data.subtitle, "lead")] if data.subtitle else []
    pages = _opening(frame, "section", data.title, second, data.notes, origin, f"Part {number}")
    return [replace(page, title=data.title + (CONTINUED if page.continued else "")) for page in pages]


def layout_template_image(
    data: ImageSlide, path: Path, frame: TemplateFrame, info: SlideInfo
) -> list[SlideLayout]:
    """The picture in the layout's picture placeholder, its caption in the caption placeholder if any."""
    theme = frame.theme
    _, area = frame.content(info.title, info.source)
    boxes: list[Box] = []
    picture_area = area
    caption_ph = next((p for p in frame.layout.contents if p.type == "body"), None)
    if frame.choice.role != "picture":
        caption_ph = None
    if data.caption:
        look = caption_ph.look if caption_ph else None
        style = frame.styles.style(
            size_range(look.size_pt, theme.sizes.caption, 11) if look else theme.sizes.caption,
            theme.colors.muted if caption_ph is None else theme.colors.text,
            align=look.align if look else "center",
        )
        spec = ParaSpec(data.caption, style)
        caption_box = _caption_in_placeholder(frame, caption_ph, spec, info.source) if caption_ph else None
        if caption_box is not None:
            boxes.append(caption_box)
        else:
            caption = fit_lines([spec], area.w, 2)
            h = height_emu(caption)
            boxes.append(TextBox(area.x, area.bottom - h, area.w, h, tuple(caption), "caption"))
            picture_area = Rect(area.x, area.y, area.w, max(points(36), area.h - h - points(10)))
    placed_rect = fit_picture(image_size(path), picture_area)
    picture = frame.layout.first("pic") if frame.choice.role == "picture" else None
    ref = placeholder_ref(picture) if picture is not None else None
    boxes.insert(
        0,
        PictureBox(
            placed_rect.x, placed_rect.y, placed_rect.w, placed_rect.h, str(path), data.alt, placeholder=ref
        ),
    )
    return content_pages(frame, info, [boxes])


def _caption_in_placeholder(
    frame: TemplateFrame, placeholder: Placeholder, spec: ParaSpec, source: str | None
) -> TextBox | None:
    """The caption fitted into its placeholder (above any source line), or None if it cannot fit."""
    area = placeholder.text_area
    bottom = min(area.bottom, frame.body_limit(source))
    fitted = fit([spec], area.w, bottom - area.y)
    if fitted is None:
        return None
    box = placed(placeholder, fitted[0], "caption")
    return replace(box, h=bottom + placeholder.look.inset - box.y)


def layout_on_template(
    slide_data: Slide,
    deck: Deck,
    frame: TemplateFrame,
    origin: tuple[int, int] | None,
    section_number: int,
    info: SlideInfo,
) -> list[SlideLayout] | None:
    """The slides of a kind laid out the template's own way; None for kinds the common layouts handle."""
    if isinstance(slide_data, TitleSlide):
        return layout_template_title(slide_data, deck, frame, origin)
    if isinstance(slide_data, SectionSlide):
        return layout_template_section(slide_data, section_number, frame, origin)
    if isinstance(slide_data, ImageSlide):
        return layout_template_image(slide_data, resolve_image(deck, slide_data.image), frame, info)
    return None
