"""A template layout's empty slide painted small: what text on it is seen against, and where it is busy.

The painting follows what a renderer draws before any content: the background (colour, gradient or
picture), then the layout's and master's shapes in order — pictures with their transparency, filled
rectangles and ellipses, custom outlines, lines and gradients, turned and mirrored as their shapes are
(a group's shapes arrive unpacked). What cannot be painted (arcs, rotated pictures, shapes past the
budget) counts as busy over its bounds. A pixel is busy where the luma varies within a word-sized
window (an edge, a pattern, a photograph): text there would be hard to read.
"""

from __future__ import annotations

import functools
import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.colors import Gradient, Thumbnail
from deckbuilder.themes.templates.model import Decoration, Layout, TemplateSpec

if TYPE_CHECKING:  # Pillow loads only when a template slide is laid out
    from PIL import Image as PILImage

CANVAS_WIDTH = 640
"""Pixels across the painted slide (about 1.25 pt each on a 10 in slide): a blueprint's fine lines show."""
WINDOW = 4
"""The radius in pixels of the window whose luma spread makes a pixel busy (about a word's height)."""
BUSY_SPREAD = 0.05
"""Luma standard deviation (0–1) in that window past which a pixel is busy (the corpus fails a word
past 0.06)."""
LINE_SHAPES = ("line", "straightConnector1", "bentConnector2", "bentConnector3", "curvedConnector3")
MAX_PAINTED = 1500
"""The most shapes painted on one layout's canvas …"""
MAX_PAINTED_AREA = 40
"""… and the most canvases' worth of area painted; past either, each shape's bounds count as busy."""
_CACHE_SIZE = 64


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


@dataclass(frozen=True, eq=False)
class Canvas:
    """A layout's slide painted small (RGB) with its busy pixels (255 in an L image)."""

    width: int
    """The slide's width in EMU."""
    height: int
    image: PILImage.Image
    busy: PILImage.Image
    unknown: PILImage.Image
    """255 where a shape lies that could not be painted faithfully."""
    rough: bool = False
    """Whether it holds a path (radial) gradient, which renderers draw each their own way: colours
    near a spot are only roughly those a renderer shows there."""

    @property
    def scale(self) -> float:
        """Read-only: pixels per EMU."""
        return self.image.width / self.width

    def _pixels(self, rect: Rect) -> tuple[int, int, int, int]:
        """A rectangle's pixel box, clipped to the canvas and at least one pixel each way."""
        s = self.scale
        left = min(self.image.width - 1, max(0, math.floor(rect.x * s)))
        top = min(self.image.height - 1, max(0, math.floor(rect.y * s)))
        right = max(left + 1, min(self.image.width, math.ceil(rect.right * s)))
        bottom = max(top + 1, min(self.image.height, math.ceil(rect.bottom * s)))
        return left, top, right, bottom

    def colors_under(self, rect: Rect, cells: int = 8) -> list[str]:
        """The colours behind a rectangle, on a grid of at most `cells` a side."""
        from PIL import Image

        crop = self.image.crop(self._pixels(rect))
        small = crop.resize((min(cells, crop.width), min(cells, crop.height)), Image.Resampling.BOX)
        raw = small.tobytes()
        return sorted({f"{raw[i]:02X}{raw[i + 1]:02X}{raw[i + 2]:02X}" for i in range(0, len(raw), 3)})

    def busy_share(self, rect: Rect) -> float:
        """The share (0–1) of a rectangle that is too busy for text."""
        crop = self.busy.crop(self._pixels(rect))
        histogram = crop.histogram()
        return 1 - histogram[0] / max(1, crop.width * crop.height)

    def spread(self, rect: Rect) -> float:
        """The luma standard deviation (0–1) of what lies behind a rectangle, unpaintable shapes counting
        as fully busy."""
        from PIL import ImageStat

        box = self._pixels(rect)
        if self.unknown.crop(box).getextrema()[1]:
            return 1.0
        return float(ImageStat.Stat(self.image.crop(box).convert("L")).stddev[0]) / 255

    def calm_part(self, rect: Rect, min_w: int, min_h: int) -> Rect | None:
        """The largest calm rectangle inside `rect` at least min_w × min_h (EMU); `rect` itself when it is
        calm all over; None when no calm part is that large."""
        left, top, right, bottom = self._pixels(rect)
        crop = self.busy.crop((left, top, right, bottom))
        if crop.histogram()[0] == crop.width * crop.height:
            return rect
        s = self.scale
        found = _largest_calm(crop, max(1, math.ceil(min_w * s)), max(1, math.ceil(min_h * s)))
        if found is None:
            return None
        x0, y0, x1, y1 = found
        # Calm pixels at the crop's edges stand for the rectangle's own edges.
        x = rect.x if x0 == 0 else round((left + x0) / s)
        y = rect.y if y0 == 0 else round((top + y0) / s)
        r = rect.right if x1 == crop.width else round((left + x1) / s)
        b = rect.bottom if y1 == crop.height else round((top + y1) / s)
        return Rect(x, y, max(1, r - x), max(1, b - y))


def _largest_calm(mask: PILImage.Image, min_w: int, min_h: int) -> tuple[int, int, int, int] | None:
    """The largest all-zero rectangle of a mask (left, top, right, bottom) at least min_w × min_h."""
    width, height = mask.size
    data = mask.tobytes()
    heights = [0] * width
    best: tuple[int, tuple[int, int, int, int]] | None = None
    for row in range(height):
        line = data[row * width : (row + 1) * width]
        heights = [h + 1 if value == 0 else 0 for h, value in zip(heights, line, strict=True)]
        stack: list[tuple[int, int]] = []  # (start column, height)
        for column, h in enumerate([*heights, 0]):
            start = column
            while stack and stack[-1][1] >= h:
                start, tall = stack.pop()
                wide = column - start
                if wide >= min_w and tall >= min_h and (best is None or wide * tall > best[0]):
                    best = (wide * tall, (start, row + 1 - tall, column, row + 1))
            stack.append((start, h))
    return best[1] if best is not None else None


GRADIENT_SIDE = 64
"""A gradient is worked out on at most this many pixels a side, then stretched (it is smooth)."""


@functools.lru_cache(maxsize=256)
def _gradient_small(gradient: Gradient, w: int, h: int) -> PILImage.Image:
    """A gradient worked out on a small w × h image (RGBA), its stops' opacity kept; shared, not to be
    changed."""
    from PIL import Image

    stops = gradient.stops
    pixels: list[tuple[int, int, int, int]] = []
    if gradient.angle is not None:
        angle = math.radians(gradient.angle)
        dx, dy = math.cos(angle), math.sin(angle)
        reach = (abs(dx) + abs(dy)) / 2 or 1.0
    else:
        left, top, right, bottom = gradient.focus
        cx, cy = (left + 1 - right) / 2, (top + 1 - bottom) / 2
        reach = math.hypot(max(cx, 1 - cx), max(cy, 1 - cy)) or 1.0
    for row in range(h):
        v = (row + 0.5) / h
        for column in range(w):
            u = (column + 0.5) / w
            if gradient.angle is not None:
                where = ((u - 0.5) * dx + (v - 0.5) * dy) / reach / 2 + 0.5
            else:
                where = math.hypot(u - cx, v - cy) / reach  # a path gradient runs out from its focus
            pixels.append(_at(stops, min(1.0, max(0.0, where))))
    layer = Image.new("RGBA", (w, h))
    layer.putdata(pixels)
    return layer


def _gradient_image(gradient: Gradient, size: tuple[int, int], ellipse: bool = False) -> PILImage.Image:
    """A gradient for a box of `size` pixels, small (it is stretched when placed); cut to an ellipse."""
    from PIL import Image, ImageDraw

    w, h = max(1, min(size[0], GRADIENT_SIDE)), max(1, min(size[1], GRADIENT_SIDE))
    image = _gradient_small(gradient, w, h).copy()
    if ellipse:
        mask = Image.new("L", (w, h), 0)
        ImageDraw.Draw(mask).ellipse((0, 0, w - 1, h - 1), fill=255)
        image.putalpha(Image.composite(image.getchannel("A"), mask, mask))
    return image


def _stretched(
    image: PILImage.Image, box: tuple[int, int, int, int], size: tuple[int, int]
) -> tuple[PILImage.Image, tuple[int, int]] | None:
    """The part of an image stretched over box that falls on a surface of `size`, and where it goes:
    however large the box, only what shows is resized."""
    from PIL import Image

    left, top, right, bottom = box
    x0, y0, x1, y1 = max(0, left), max(0, top), min(size[0], right), min(size[1], bottom)
    if x1 <= x0 or y1 <= y0 or right <= left or bottom <= top:
        return None
    sx, sy = image.width / (right - left), image.height / (bottom - top)
    source = (
        math.floor((x0 - left) * sx),
        math.floor((y0 - top) * sy),
        max(math.floor((x0 - left) * sx) + 1, math.ceil((x1 - left) * sx)),
        max(math.floor((y0 - top) * sy) + 1, math.ceil((y1 - top) * sy)),
    )
    return image.crop(source).resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR), (x0, y0)


def _at(stops: tuple[tuple[float, str, float], ...], where: float) -> tuple[int, int, int, int]:
    """A gradient's colour and opacity at a position (0–1) along it."""
    before = [stop for stop in stops if stop[0] <= where] or [stops[0]]
    after = [stop for stop in stops if stop[0] >= where] or [stops[-1]]
    (start, low, low_alpha), (end, high, high_alpha) = before[-1], after[0]
    t = (where - start) / (end - start) if end > start else 0.0
    a, b = _rgb(low), _rgb(high)
    red, green, blue = (round(x + (y - x) * t) for x, y in zip(a, b, strict=True))
    return red, green, blue, round(255 * (low_alpha + (high_alpha - low_alpha) * t))


def _thumbnail_image(pixels: Thumbnail) -> PILImage.Image:
    from PIL import Image

    return Image.frombytes("RGBA", (pixels.width, pixels.height), pixels.rgba)


def _flipped(image: PILImage.Image, flipped: tuple[bool, bool]) -> PILImage.Image:
    """An image mirrored as its shape is."""
    from PIL import ImageOps

    image = ImageOps.mirror(image) if flipped[0] else image
    return ImageOps.flip(image) if flipped[1] else image


def _outline_points(shape: Decoration) -> list[list[tuple[float, float]]] | None:
    """A shape's outline as polygons in fractions of its bounds, when a painter knows it."""
    if shape.path is not None:
        return [list(polygon) for polygon in shape.path]
    if shape.geometry == "rect":
        return [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]]
    if shape.geometry == "ellipse":
        steps = 36
        return [
            [
                (0.5 + 0.5 * math.cos(2 * math.pi * k / steps), 0.5 + 0.5 * math.sin(2 * math.pi * k / steps))
                for k in range(steps)
            ]
        ]
    return None


def _draw_turned(layer: Any, shape: Decoration, box: tuple[int, int, int, int]) -> bool:
    """A rotated shape, its outline turned about its centre and filled; False when it cannot be."""
    from PIL import ImageDraw

    left, top, right, bottom = box
    polygons = _outline_points(shape)
    color = shape.fill if shape.gradient is None else None
    if polygons is None or shape.pixels is not None or not (color or shape.outline):
        return False
    angle = math.radians(shape.turned)
    cx, cy, w, h = (left + right) / 2, (top + bottom) / 2, right - left, bottom - top
    draw = ImageDraw.Draw(layer)
    painted = (*_rgb(color), round(255 * shape.alpha)) if color else None
    outline = (*_rgb(shape.outline), 255) if shape.outline else None
    for polygon in polygons:
        points = []
        for u, v in polygon:
            u, v = (1 - u if shape.flipped[0] else u), (1 - v if shape.flipped[1] else v)
            x, y = (u - 0.5) * w, (v - 0.5) * h
            points.append(
                (
                    cx + x * math.cos(angle) - y * math.sin(angle),
                    cy + x * math.sin(angle) + y * math.cos(angle),
                )
            )
        draw.polygon(points, fill=painted, outline=outline)
    return True


def _draw(layer: Any, shape: Decoration, box: tuple[int, int, int, int], width_px: int) -> bool:
    """One decoration drawn on a layer at box (the layer's own pixels); False when no painter knows it."""
    from PIL import ImageDraw

    left, top, right, bottom = box
    size = (right - left, bottom - top)
    pen = max(1, round(shape.outline_emu * width_px / 12_192_000)) if shape.outline_emu else 1
    painted = (*_rgb(shape.fill), round(255 * shape.alpha)) if shape.fill and not shape.gradient else None
    outline = (*_rgb(shape.outline), 255) if shape.outline else None
    draw = ImageDraw.Draw(layer)
    if shape.turned:
        return _draw_turned(layer, shape, box)
    if shape.pixels is not None:
        placed = _stretched(_flipped(_thumbnail_image(shape.pixels), shape.flipped), box, layer.size)
        if placed is not None:
            layer.paste(*placed)
    elif shape.geometry in LINE_SHAPES or min(size) <= 1:
        color = shape.outline or shape.fill
        if color is None:
            return False
        draw.line((left, top, right - 1, bottom - 1), fill=(*_rgb(color), 255), width=pen)
    elif shape.geometry in ("rect", "ellipse") and (shape.gradient is not None or shape.kind == "shape"):
        if shape.gradient is not None:
            fill = _gradient_image(shape.gradient, size, ellipse=shape.geometry == "ellipse")
            placed = _stretched(_flipped(fill, shape.flipped), box, layer.size)
            if placed is not None:
                layer.paste(*placed)
        where = (left, top, right - 1, bottom - 1)
        width = pen if outline else 0
        if shape.geometry == "ellipse":
            draw.ellipse(where, fill=painted, outline=outline, width=width)
        else:
            draw.rectangle(where, fill=painted, outline=outline, width=width)
    elif shape.path is not None and (shape.fill or shape.outline):
        for polygon in shape.path:
            points = [(left + x * size[0], top + y * size[1]) for x, y in polygon]
            points = [(x, top + bottom - y) for x, y in points] if shape.flipped[1] else points
            points = [(left + right - x, y) for x, y in points] if shape.flipped[0] else points
            draw.polygon(points, fill=painted, outline=outline)
    elif shape.geometry == "rect" and shape.fill is not None:  # a filled box holding text, say
        draw.rectangle((left, top, right - 1, bottom - 1), fill=painted)
    else:
        return False
    return True


def _paint_shape(base: Any, unknown: Any, shape: Decoration, box: tuple[int, int, int, int]) -> None:
    """One decoration onto the canvas (on a layer just its size), or its bounds onto the unknown mask."""
    from PIL import Image, ImageChops, ImageDraw

    if shape.empty:
        return  # a frame with neither fill nor line nor text draws nothing
    left, top, right, bottom = box
    reach = math.ceil(math.hypot(right - left, bottom - top) / 2) if shape.turned else 0
    cx, cy = (left + right) // 2, (top + bottom) // 2
    x0, y0 = max(0, min(left, cx - reach)), max(0, min(top, cy - reach))
    x1, y1 = min(base.width, max(right, cx + reach)), min(base.height, max(bottom, cy + reach))
    if x1 <= x0 or y1 <= y0:
        return
    layer = Image.new("RGBA", (x1 - x0, y1 - y0), (0, 0, 0, 0))
    if not _draw(layer, shape, (left - x0, top - y0, right - x0, bottom - y0), base.width):
        ImageDraw.Draw(unknown).rectangle((max(0, left), max(0, top), right - 1, bottom - 1), fill=255)
        return
    base.alpha_composite(layer, dest=(x0, y0))
    opaque = layer.getchannel("A").point([255 if a >= 240 else 0 for a in range(256)])
    cleared = ImageChops.subtract(unknown.crop((x0, y0, x1, y1)), opaque)
    unknown.paste(cleared, (x0, y0))  # what is painted over is known again


def paint(spec: TemplateSpec, layout: Layout) -> Canvas:
    """A layout's empty slide painted small, with where it is busy."""
    from PIL import Image, ImageChops, ImageDraw, ImageFilter

    width = CANVAS_WIDTH
    height = max(1, round(width * spec.height / max(1, spec.width)))
    scale = width / max(1, spec.width)
    background = layout.background
    base = Image.new("RGBA", (width, height), (*_rgb(background.color), 255))
    behind = (
        _thumbnail_image(background.pixels)
        if background.pixels is not None
        else _gradient_image(background.gradient, (width, height))
        if background.gradient is not None
        else None
    )
    if behind is not None:
        base.alpha_composite(behind.resize((width, height), Image.Resampling.BILINEAR))
    unknown = Image.new("L", (width, height), 0)
    area = 0
    for number, shape in enumerate(layout.decorations):
        r = shape.rect
        left, top = math.floor(r.x * scale), math.floor(r.y * scale)
        box = (
            left,
            top,
            max(left + 1, math.ceil(r.right * scale)),
            max(top + 1, math.ceil(r.bottom * scale)),
        )
        if box[2] <= 0 or box[3] <= 0 or box[0] >= width or box[1] >= height:
            continue
        covered = (min(width, box[2]) - max(0, box[0])) * (min(height, box[3]) - max(0, box[1]))
        if number < MAX_PAINTED and area + covered <= MAX_PAINTED_AREA * width * height:
            area += covered
            _paint_shape(base, unknown, shape, box)
        elif not shape.empty:  # past the budget a shape's bounds count as busy
            ImageDraw.Draw(unknown).rectangle(
                (max(0, box[0]), max(0, box[1]), box[2] - 1, box[3] - 1), fill=255
            )
    rgb = base.convert("RGB")
    luma = rgb.convert("L")
    deviation = ImageChops.difference(luma, luma.filter(ImageFilter.BoxBlur(WINDOW)))
    variance = deviation.point([min(255, v * v // 4) for v in range(256)]).filter(ImageFilter.BoxBlur(WINDOW))
    limit = (BUSY_SPREAD * 255) ** 2 / 4
    busy = variance.point([255 if v > limit else 0 for v in range(256)])
    busy = ImageChops.lighter(busy, unknown).filter(ImageFilter.MaxFilter(5))
    gradients = [background.gradient, *(shape.gradient for shape in layout.decorations)]
    rough = any(gradient is not None and gradient.angle is None for gradient in gradients)
    return Canvas(spec.width, spec.height, rgb, busy, unknown, rough)


_canvases: OrderedDict[int, tuple[Layout, Canvas]] = OrderedDict()
_canvases_lock = threading.Lock()  # the app lays out and exports on two threads


def canvas_of(spec: TemplateSpec, layout: Layout) -> Canvas:
    """A layout's canvas, painted once while the layout lives (layouts are immutable)."""
    key = id(layout)
    with _canvases_lock:
        held = _canvases.get(key)
        if held is not None and held[0] is layout:
            _canvases.move_to_end(key)
            return held[1]
    canvas = paint(spec, layout)
    with _canvases_lock:
        _canvases[key] = (layout, canvas)
        while len(_canvases) > _CACHE_SIZE:
            _canvases.popitem(last=False)
    return canvas
