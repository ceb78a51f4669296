"""The shapes of a template's master or layout as renderers see them: where, and drawn how."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.colors import (
    Background,
    color_value,
    fill_alpha,
    gradient_background,
    gradient_color,
    picture_background,
)
from deckbuilder.themes.templates.guard import MAX_XML_BYTES
from deckbuilder.themes.templates.limits import printable
from deckbuilder.themes.templates.model import Decoration
from deckbuilder.themes.templates.package import NS, R_EMBED, Element, TemplatePackage


def shape_rect(shape: Element) -> Rect | None:
    """A shape's position and size, if it states them."""
    xfrm = shape.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = (
            shape.find("p:xfrm", NS)
            if shape.find("p:xfrm", NS) is not None
            else shape.find("p:grpSpPr/a:xfrm", NS)
        )
    if xfrm is None:
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    if off is None or ext is None:
        return None
    try:
        return Rect(
            int(off.get("x", "0")), int(off.get("y", "0")), int(ext.get("cx", "0")), int(ext.get("cy", "0"))
        )
    except ValueError:
        return None


_PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
"""Pictures every renderer decodes (EMF, WMF and SVG logos are left to PowerPoint)."""
MOSTLY_OPAQUE = 192
"""A picture whose every pixel is at least this opaque (of 255) is seen as it is, not see-through."""
OPAQUE_GRADIENT = 0.95
"""A gradient fill at least this opaque is all that text on it is seen against."""
SAMPLED_AREA = (2 * 914400) ** 2
"""A picture decoration at least this large (2 × 2 in) is sampled: text may sit on it."""
_STYLE_LINE_EMU = {1: 9525, 2: 12700, 3: 19050}
"""The usual widths of the theme's line styles that a shape's lnRef points at."""


def decorations(
    package: TemplatePackage, part: str, tree: Element, scheme: Mapping[str, str]
) -> tuple[Decoration, ...]:
    """The shapes of a part that are not placeholders, in drawing order (hidden ones left out)."""
    found = []
    for shape in tree.iterfind("p:cSld/p:spTree/*", NS):
        if shape.find("*/p:nvPr/p:ph", NS) is not None or (rect := shape_rect(shape)) is None:
            continue
        properties = shape.find("*/p:cNvPr", NS)
        if properties is not None and properties.get("hidden") in ("1", "true"):
            continue
        name = printable(properties.get("name", "") if properties is not None else "")
        decoration = _decoration(package, part, shape, rect, name, scheme)
        fields = tuple(field.get("type", "") for field in shape.iterfind("p:txBody//a:fld", NS))
        found.append(replace(decoration, fields=fields) if fields else decoration)
    return tuple(found)


def _decoration(
    package: TemplatePackage, part: str, shape: Element, rect: Rect, name: str, scheme: Mapping[str, str]
) -> Decoration:
    """How a renderer draws one shape: a picture, a plain rectangle or ellipse, or 'other'."""
    fill_element = shape.find("p:spPr/a:solidFill", NS)
    if fill_element is None:
        fill_element = shape.find("p:spPr/a:gradFill", NS)
    alpha = fill_alpha(fill_element)
    gradient = shape.find("p:spPr/a:gradFill", NS) if shape.tag.rsplit("}", 1)[-1] == "sp" else None
    opaque = gradient is not None and alpha >= OPAQUE_GRADIENT  # a see-through one tints what is behind
    seen = gradient_background(gradient, scheme) if gradient is not None and opaque else None
    other = Decoration(rect, "other", name, fill=_seen_fill(shape, scheme), alpha=alpha, seen=seen)
    xfrm = shape.find("p:spPr/a:xfrm", NS)
    if xfrm is not None and xfrm.get("rot", "0") != "0":
        return other
    tag = shape.tag.rsplit("}", 1)[-1]
    if tag == "pic":
        blip = shape.find("p:blipFill/a:blip", NS)
        target = package.relationships(part).get(blip.get(R_EMBED, "") if blip is not None else "")
        flipped = xfrm is not None and "1" in (xfrm.get("flipH"), xfrm.get("flipV"))
        cropped = shape.find("p:blipFill/a:srcRect", NS) is not None
        seen = _sampled(package, target[1], rect) if target is not None else None
        other = replace(other, seen=seen)
        if target is None or flipped or cropped or not target[1].lower().endswith(_PICTURE_SUFFIXES):
            return other
        picture = Decoration(rect, "picture", name, part=target[1], seen=seen)
        return picture if package.has(target[1]) else other
    geometry = shape.find("p:spPr/a:prstGeom", NS)
    texts = shape.iterfind("p:txBody//a:t", NS)
    if tag != "sp" or geometry is None or geometry.get("prst") not in ("rect", "ellipse"):
        return other
    if any((text.text or "").strip() for text in texts):
        return other
    fill, fill_known = _shape_fill(shape, scheme)
    outline, width, outline_known = _shape_outline(shape, scheme)
    if not (fill_known and outline_known):
        return other
    ellipse = geometry.get("prst") == "ellipse"
    return Decoration(
        rect, "shape", name, fill=fill, outline=outline, outline_emu=width, ellipse=ellipse, alpha=alpha
    )


def _sampled(package: TemplatePackage, target: str, rect: Rect) -> Background | None:
    """A large picture's colours, sampled on a grid, for the text colours of what sits on it."""
    if (
        rect.w * rect.h < SAMPLED_AREA
        or not package.has(target)
        or not target.lower().endswith(_PICTURE_SUFFIXES)
    ):
        return None
    blob = package.blob(target, MAX_XML_BYTES)
    seen = picture_background(blob, "FFFFFF", target)
    return seen if seen.kind == "picture" and not _see_through(blob) else None


def _see_through(blob: bytes) -> bool:
    """Whether a picture has transparent parts (what shows there is what lies behind it)."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(blob)) as image:
            if "transparency" in image.info:
                return True
            if image.mode not in ("RGBA", "LA", "PA"):
                return False
            lowest: Any = image.getchannel("A").getextrema()[0]  # one band: (lowest, highest)
            return bool(lowest < MOSTLY_OPAQUE)  # a picture opaque all over hides what is behind it
    except Exception:  # an unreadable picture was not sampled anyway
        return True


def _seen_fill(shape: Element, scheme: Mapping[str, str]) -> str | None:
    """The colour a shape no renderer redraws shows (its solid fill, a gradient's average), which only
    tells text colour what is behind it."""
    if shape.tag.rsplit("}", 1)[-1] != "sp":
        return None
    gradient = shape.find("p:spPr/a:gradFill", NS)
    return gradient_color(gradient, scheme) if gradient is not None else _shape_fill(shape, scheme)[0]


def _shape_fill(shape: Element, scheme: Mapping[str, str]) -> tuple[str | None, bool]:
    """A shape's solid fill colour (None for none), and whether it is one a plain fill can show."""
    properties = shape.find("p:spPr", NS)
    for child in properties if properties is not None else ():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "solidFill":
            color = color_value(child, scheme)
            return color, color is not None
        if tag == "noFill":
            return None, True
        if tag in ("gradFill", "blipFill", "pattFill", "grpFill"):
            return None, False
    reference = shape.find("p:style/a:fillRef", NS)
    if reference is None or reference.get("idx", "0") == "0":
        return None, True
    if reference.get("idx") != "1":  # the theme's second and third fill styles are usually gradients
        return None, False
    color = color_value(reference[0] if len(reference) else None, scheme)
    return color, color is not None


def _shape_outline(shape: Element, scheme: Mapping[str, str]) -> tuple[str | None, int, bool]:
    """A shape's solid outline colour and width (None, 0 for none), and whether a plain pen can draw it."""
    line = shape.find("p:spPr/a:ln", NS)
    width = 0
    if line is not None:
        if line.find("a:noFill", NS) is not None:
            return None, 0, True
        dash = line.find("a:prstDash", NS)
        if dash is not None and dash.get("val", "solid") != "solid":
            return None, 0, False
        width = int(line.get("w", "0")) if line.get("w", "0").isdigit() else 0
        solid = line.find("a:solidFill", NS)
        if solid is not None:
            color = color_value(solid, scheme)
            return color, width or 12700, color is not None
        if line.find("a:gradFill", NS) is not None or line.find("a:pattFill", NS) is not None:
            return None, 0, False
    reference = shape.find("p:style/a:lnRef", NS)
    index = reference.get("idx", "0") if reference is not None else "0"
    if reference is None or not index.isdigit() or index == "0":
        return None, 0, True
    color = color_value(reference[0] if len(reference) else None, scheme)
    return color, width or _STYLE_LINE_EMU.get(int(index), 12700), color is not None
