"""DrawingML colours as RRGGBB: scheme colours through the colour map, modifiers, backgrounds sampled."""

from __future__ import annotations

import colorsys
import io
from collections.abc import Mapping
from dataclasses import dataclass, field

from deckbuilder.themes.templates.package import NS, Element

_A = f"{{{NS['a']}}}"
MAX_SAMPLED_PIXELS = 40_000_000
"""A background picture of more pixels is not decoded (its colours are taken as unknown)."""


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _hex(red: float, green: float, blue: float) -> str:
    return "".join(f"{max(0, min(255, round(channel))):02X}" for channel in (red, green, blue))


def blend(color: str, toward: str, amount: float) -> str:
    """color moved `amount` (0–1) of the way toward another colour."""
    a, b = _rgb(color), _rgb(toward)
    return _hex(*(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


def _modified(color: str, modifiers: list[tuple[str, float]]) -> str:
    """Apply lumMod/lumOff/tint/shade (values as fractions), roughly as PowerPoint does."""
    red, green, blue = (channel / 255 for channel in _rgb(color))
    for name, value in modifiers:
        if name in ("lumMod", "lumOff"):
            hue, light, sat = colorsys.rgb_to_hls(red, green, blue)
            light = light * value if name == "lumMod" else light + value
            red, green, blue = colorsys.hls_to_rgb(hue, max(0.0, min(1.0, light)), sat)
        elif name == "tint":
            red, green, blue = (1 - (1 - c) * value for c in (red, green, blue))
        elif name == "shade":
            red, green, blue = (c * value for c in (red, green, blue))
    return _hex(red * 255, green * 255, blue * 255)


def color_value(
    element: Element | None, scheme: Mapping[str, str], placeholder: str | None = None
) -> str | None:
    """The RRGGBB of a colour element (srgbClr, schemeClr, sysClr, prstClr) or of a fill holding one."""
    if element is None:
        return None
    if element.tag in (_A + "solidFill", _A + "fgClr", _A + "bgClr") and len(element):
        element = element[0]
    tag = element.tag.removeprefix(_A)
    base: str | None
    if tag == "srgbClr":
        base = element.get("val")
    elif tag == "schemeClr":
        name = element.get("val", "")
        base = placeholder if name == "phClr" else scheme.get(name)
    elif tag == "sysClr":
        base = element.get("lastClr") or {"window": "FFFFFF", "windowText": "000000"}.get(
            element.get("val", "")
        )
    elif tag == "prstClr":
        base = {"black": "000000", "white": "FFFFFF"}.get(element.get("val", ""))
    else:
        return None
    if base is None or len(base) != 6:
        return None
    modifiers = [
        (child.tag.removeprefix(_A), int(child.get("val", "100000")) / 100000)
        for child in element
        if child.tag.removeprefix(_A) in ("lumMod", "lumOff", "tint", "shade")
    ]
    return _modified(base.upper(), modifiers)


def fill_alpha(fill: Element | None) -> float:
    """How opaque a solid or gradient fill is (0–1): its colour's alpha, a gradient's stops' mean."""
    if fill is None:
        return 1.0
    values = [
        int(alpha.get("val", "100000")) / 100000 if alpha.get("val", "").isdigit() else 1.0
        for alpha in fill.iterfind(".//a:alpha", NS)
    ]
    stops = len(fill.findall("a:gsLst/a:gs", NS)) or 1
    return max(0.0, min(1.0, (sum(values) + (stops - len(values))) / stops)) if values else 1.0


def mapped_scheme(theme_colors: Mapping[str, str], color_map: Mapping[str, str]) -> dict[str, str]:
    """Theme colours plus the mapped names (tx1, bg1, tx2, bg2 …) the master's colour map defines."""
    scheme = dict(theme_colors)
    defaults = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
    for name, default in defaults.items():
        target = color_map.get(name, default)
        if target in theme_colors:
            scheme[name] = theme_colors[target]
    return scheme


@dataclass(frozen=True)
class Gradient:
    """A gradient fill as a painter needs it: its stops, and how they run (a line, or out from a focus)."""

    stops: tuple[tuple[float, str, float], ...]
    """(position 0–1, RRGGBB, opacity 0–1), by position."""
    angle: float | None = 0.0
    """Degrees, clockwise from left-to-right, for a linear gradient; None for a path (radial) one."""
    focus: tuple[float, float, float, float] = (0.5, 0.5, 0.5, 0.5)
    """A path gradient's fillToRect (left, top, right, bottom insets, fractions): where its first stop is."""


@dataclass(frozen=True)
class Thumbnail:
    """A picture decoded small, as RGBA bytes, for painting a layout's look."""

    width: int
    height: int
    rgba: bytes = field(repr=False)


@dataclass(frozen=True)
class Background:
    """What a layout's slides show behind their content: one colour, or a grid sampled from a picture."""

    color: str
    """The average colour."""
    kind: str = "solid"
    """solid, gradient, pattern, picture, or unknown (a picture that could not be read)."""
    part: str | None = None
    """For pictures: the picture's part in the template package (for a renderer that paints it)."""
    gradient: Gradient | None = None
    """For gradients: the stops and direction, for a painter."""
    pixels: Thumbnail | None = field(default=None, repr=False, compare=False)
    """For pictures: the picture decoded small, for a painter."""


def gradient_color(fill: Element, scheme: Mapping[str, str], placeholder: str | None = None) -> str | None:
    """The average of a gradient's stops."""
    stops = [
        color_value(stop[0], scheme, placeholder) for stop in fill.iterfind("a:gsLst/a:gs", NS) if len(stop)
    ]
    known = [_rgb(stop) for stop in stops if stop]
    if not known:
        return None
    return _hex(*(sum(channel) / len(known) for channel in zip(*known, strict=True)))


def read_gradient(
    fill: Element, scheme: Mapping[str, str], placeholder: str | None = None
) -> Gradient | None:
    """A gradient fill's stops and direction; None when no stop has a colour we can read."""
    stops = []
    for stop in fill.iterfind("a:gsLst/a:gs", NS):
        color = color_value(stop[0], scheme, placeholder) if len(stop) else None
        if color is None:
            continue
        position = int(stop.get("pos", "0")) / 100_000 if stop.get("pos", "0").isdigit() else 0.0
        stops.append((min(1.0, max(0.0, position)), color, fill_alpha(stop)))
    if not stops:
        return None
    linear, path = fill.find("a:lin", NS), fill.find("a:path", NS)
    if path is None:
        angle = (
            int(linear.get("ang", "0")) / 60_000
            if linear is not None and linear.get("ang", "0").isdigit()
            else 0.0
        )
        return Gradient(tuple(sorted(stops)), angle)
    rect = path.find("a:fillToRect", NS)
    insets = tuple(
        int(rect.get(side, "0")) / 100_000
        if rect is not None and rect.get(side, "0").lstrip("-").isdigit()
        else 0.5
        for side in ("l", "t", "r", "b")
    )
    return Gradient(tuple(sorted(stops)), None, insets if rect is not None else (0.5, 0.5, 0.5, 0.5))  # type: ignore[arg-type]


THUMBNAIL_SIDE = 640
"""A picture is kept this many pixels on its long side for painting a layout's look."""


def thumbnail(blob: bytes) -> Thumbnail | None:
    """A picture decoded small (RGBA), or None when it cannot be read or is past MAX_SAMPLED_PIXELS.

    The work is bounded whatever the picture: a picture of more than MAX_SAMPLED_PIXELS is not
    decoded at all, and JPEGs are drafted small.
    """
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a picture's oddities are not the user's to read about
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(blob)) as image:
                width, height = image.size
                if width * height > MAX_SAMPLED_PIXELS or not width or not height:
                    return None
                image.draft("RGB", (THUMBNAIL_SIDE, THUMBNAIL_SIDE))
                scale = min(1.0, THUMBNAIL_SIDE / max(image.size))
                size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
                small = image.convert("RGBA").resize(size, Image.Resampling.BOX, reducing_gap=2.0)
                return Thumbnail(small.width, small.height, small.tobytes())
    except Exception:  # any unreadable picture (SVG, EMF, truncated, bomb) is just not painted
        return None


def picture_background(blob: bytes, fallback: str, part: str | None = None) -> Background:
    """A background picture decoded small, with its average colour; 'unknown' when it cannot be read."""
    from PIL import Image, ImageStat

    pixels = thumbnail(blob)
    if pixels is None:
        return Background(fallback, "unknown", part=part)
    image = Image.frombytes("RGBA", (pixels.width, pixels.height), pixels.rgba).convert("RGB")
    return Background(_hex(*ImageStat.Stat(image).mean), "picture", part, pixels=pixels)


def average(colors: list[str]) -> str:
    """The mean of RRGGBB colours."""
    channels = [_rgb(color) for color in colors]
    return _hex(*(sum(channel) / len(channels) for channel in zip(*channels, strict=True)))
