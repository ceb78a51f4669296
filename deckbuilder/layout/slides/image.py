"""A picture fitted into the body with its aspect ratio kept, and its caption below."""

from __future__ import annotations

from pathlib import Path

from deckbuilder.geometry import Rect, points
from deckbuilder.layout.boxes import Box, PictureBox, SlideLayout, TextBox
from deckbuilder.layout.frame import Frame
from deckbuilder.layout.images import image_size
from deckbuilder.layout.pages import SlideInfo, body_rects, content_pages, located_in
from deckbuilder.layout.text import ParaSpec, TooLongError, fit_lines, height_emu
from deckbuilder.outline.model import ImageSlide

CAPTION_MAX_LINES = 3


def fit_picture(size: tuple[int, int], rect: Rect) -> Rect:
    """The largest rectangle of the picture's aspect ratio inside rect, centred."""
    width, height = size
    scale = min(rect.w / width, rect.h / height)
    w, h = round(width * scale), round(height * scale)
    return Rect(rect.x + (rect.w - w) // 2, rect.y + (rect.h - h) // 2, w, h)


def layout_image(data: ImageSlide, path: Path, frame: Frame, info: SlideInfo) -> list[SlideLayout]:
    """The picture above its caption; the caption wraps and shrinks, the picture takes the rest."""
    theme = frame.theme
    with located_in(info):
        rect, _ = body_rects(frame, info)
    boxes: list[Box] = []
    picture_area = rect
    if data.caption:
        style = frame.styles.style(theme.sizes.caption, theme.colors.muted, align="center")
        caption = fit_lines([ParaSpec(data.caption, style)], rect.w, 2)
        if sum(len(p.lines) for p in caption) > CAPTION_MAX_LINES:
            raise TooLongError(("caption",), "the caption").within(info.origin)
        h = height_emu(caption)
        boxes.append(TextBox(rect.x, rect.bottom - h, rect.w, h, tuple(caption), "caption"))
        picture_area = Rect(rect.x, rect.y, rect.w, max(points(36), rect.h - h - points(10)))
    placed = fit_picture(image_size(path), picture_area)
    boxes.insert(0, PictureBox(placed.x, placed.y, placed.w, placed.h, str(path), data.alt))
    return content_pages(frame, info, [boxes])
