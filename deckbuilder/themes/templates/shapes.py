"""The shapes of a template's master or layout as renderers see them: where, and drawn how."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import replace

from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.colors import (
    Thumbnail,
    color_value,
    fill_alpha,
    gradient_color,
    read_gradient,
    thumbnail,
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
_STYLE_LINE_EMU = {1: 9525, 2: 12700, 3: 19050}
"""The usual widths of the theme's line styles that a shape's lnRef points at."""


MAX_PICTURES = 64
"""The most pictures of one part decoded for painting (each once, however often it is used)."""
MAX_GROUP_SHAPES = 2000
"""The most shapes read out of a part's groups; past it a group stands as one unknown shape."""


def _group_mapping(group: Element) -> tuple[float, float, float, float, float, float] | None:
    """How a group places its children: (offset x, y, child offset x, y, scale x, y); None if turned."""
    xfrm = group.find("p:grpSpPr/a:xfrm", NS)
    if xfrm is None or xfrm.get("rot", "0") not in ("0",) or "1" in (xfrm.get("flipH"), xfrm.get("flipV")):
        return None
    off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
    ch_off, ch_ext = xfrm.find("a:chOff", NS), xfrm.find("a:chExt", NS)
    if off is None or ext is None or ch_off is None or ch_ext is None:
        return None
    try:
        values = [float(e.get(k, "0")) for e, k in ((off, "x"), (off, "y"), (ch_off, "x"), (ch_off, "y"))]
        sx = float(ext.get("cx", "0")) / (float(ch_ext.get("cx", "0")) or 1.0)
        sy = float(ext.get("cy", "0")) / (float(ch_ext.get("cy", "0")) or 1.0)
    except ValueError:
        return None
    return values[0], values[1], values[2], values[3], sx, sy


def _placed(rect: Rect, mapping: tuple[float, float, float, float, float, float]) -> Rect:
    x, y, cx, cy, sx, sy = mapping
    return Rect(
        round(x + (rect.x - cx) * sx), round(y + (rect.y - cy) * sy), round(rect.w * sx), round(rect.h * sy)
    )


def decorations(
    package: TemplatePackage, part: str, tree: Element, scheme: Mapping[str, str]
) -> tuple[Decoration, ...]:
    """The shapes of a part that are not placeholders, in drawing order (hidden ones left out); a
    group's shapes stand in for the group where it can be unpacked."""
    found: list[Decoration] = []
    pictures: dict[str, Thumbnail | None] = {}

    def visit(shapes: list[Element], mapping: list[tuple[float, float, float, float, float, float]]) -> None:
        for shape in shapes:
            if shape.find("*/p:nvPr/p:ph", NS) is not None or (rect := shape_rect(shape)) is None:
                continue
            properties = shape.find("*/p:cNvPr", NS)
            if properties is not None and properties.get("hidden") in ("1", "true"):
                continue
            for outer in reversed(mapping):
                rect = _placed(rect, outer)
            name = printable(properties.get("name", "") if properties is not None else "")
            inner = _group_mapping(shape) if shape.tag.rsplit("}", 1)[-1] == "grpSp" else None
            children = shape.findall("*", NS) if inner is not None else []
            if inner is not None and len(found) + len(children) <= MAX_GROUP_SHAPES:
                visit(children, [*mapping, inner])
            else:
                found.append(_decoration(package, part, shape, rect, name, scheme, pictures))

    visit(list(tree.iterfind("p:cSld/p:spTree/*", NS)), [])
    return tuple(found)


MAX_PATH_POINTS = 4000
"""A custom outline with more points than this is not painted (its bounds are taken as busy)."""
_CURVE_STEPS = 8


def _points(command: Element) -> list[tuple[float, float]]:
    found = []
    for point in command.iterfind("a:pt", NS):
        try:
            found.append((float(point.get("x", "0")), float(point.get("y", "0"))))
        except ValueError:
            continue
    return found


def _bezier(start: tuple[float, float], controls: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A Bézier curve from `start` through its control points, as short straight steps."""
    nodes = [start, *controls]
    steps = []
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        level = nodes
        while len(level) > 1:
            level = [
                (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in itertools.pairwise(level)
            ]
        steps.append(level[0])
    return steps


def custom_path(shape: Element) -> tuple[tuple[tuple[float, float], ...], ...] | None:
    """A custom outline's polygons as fractions of the shape's bounds; None for arcs or too many points."""
    polygons: list[tuple[tuple[float, float], ...]] = []
    count = 0
    for path in shape.iterfind("p:spPr/a:custGeom/a:pathLst/a:path", NS):
        try:
            width, height = float(path.get("w", "0")) or 1.0, float(path.get("h", "0")) or 1.0
        except ValueError:
            return None
        current: list[tuple[float, float]] = []
        for command in path:
            name = command.tag.rsplit("}", 1)[-1]
            points = _points(command)
            if name == "moveTo":
                if len(current) > 2:
                    polygons.append(tuple(current))
                current = points[:1]
            elif name == "lnTo":
                current += points[:1]
            elif name in ("cubicBezTo", "quadBezTo") and current:
                current += _bezier(current[-1], points)
            elif name == "close":
                if len(current) > 2:
                    polygons.append(tuple(current))
                current = current[:1]
            else:  # arcs and anything else: not painted
                return None
            count += len(points) * _CURVE_STEPS
            if count > MAX_PATH_POINTS:
                return None
        if len(current) > 2:
            polygons.append(tuple(current))
        polygons = [tuple((x / width, y / height) for x, y in polygon) for polygon in polygons]
    return tuple(polygons) or None


def _draws_nothing(shape: Element) -> bool:
    """Whether a shape has no fill, no line and no text of its own (pictures and groups always draw)."""
    if shape.tag.rsplit("}", 1)[-1] not in ("sp", "cxnSp"):
        return False
    if any((t.text or "").strip() for t in shape.iterfind(".//a:t", NS)):
        return False
    properties = shape.find("p:spPr", NS)
    fills = [c.tag.rsplit("}", 1)[-1] for c in properties] if properties is not None else []
    styled = {r.tag.rsplit("}", 1)[-1]: r.get("idx", "0") for r in shape.iterfind("p:style/*", NS)}
    filled = any(f in ("solidFill", "gradFill", "blipFill", "pattFill", "grpFill") for f in fills) or (
        "noFill" not in fills and styled.get("fillRef", "0") not in ("0", "")
    )
    line = shape.find("p:spPr/a:ln", NS)
    lined = (line is not None and line.find("a:noFill", NS) is None and len(line)) or (
        (line is None or line.find("a:noFill", NS) is None) and styled.get("lnRef", "0") not in ("0", "")
    )
    return not filled and not lined


def _geometry(shape: Element) -> str:
    """A shape's outline as a painter names it: its preset (rect, ellipse, line …), or what it is."""
    tag = shape.tag.rsplit("}", 1)[-1]
    if tag in ("pic", "grpSp", "graphicFrame"):
        return {"pic": "picture", "grpSp": "group", "graphicFrame": "frame"}[tag]
    preset = shape.find("p:spPr/a:prstGeom", NS)
    if preset is not None:
        return str(preset.get("prst", "rect"))
    return "custom" if shape.find("p:spPr/a:custGeom", NS) is not None else "rect"


def _decoration(
    package: TemplatePackage,
    part: str,
    shape: Element,
    rect: Rect,
    name: str,
    scheme: Mapping[str, str],
    pictures: dict[str, Thumbnail | None],
) -> Decoration:
    """How a renderer draws one shape: a picture, a plain rectangle or ellipse, or 'other'."""
    fill_element = shape.find("p:spPr/a:solidFill", NS)
    if fill_element is None:
        fill_element = shape.find("p:spPr/a:gradFill", NS)
    alpha = fill_alpha(fill_element)
    gradient = shape.find("p:spPr/a:gradFill", NS) if shape.tag.rsplit("}", 1)[-1] == "sp" else None
    xfrm = shape.find("p:spPr/a:xfrm", NS)
    if xfrm is None:
        xfrm = shape.find("p:grpSpPr/a:xfrm", NS)
    rot = xfrm.get("rot", "0") if xfrm is not None else "0"
    turned = (int(rot) / 60_000) % 360 if rot.lstrip("-").isdigit() else 0.0
    flipped = (
        xfrm is not None and xfrm.get("flipH") in ("1", "true"),
        xfrm is not None and xfrm.get("flipV") in ("1", "true"),
    )
    geometry = _geometry(shape)
    outline, outline_emu, outline_known = _shape_outline(shape, scheme)
    other = Decoration(
        rect,
        "other",
        name,
        fill=_seen_fill(shape, scheme),
        alpha=alpha,
        geometry=geometry,
        turned=turned,
        flipped=flipped,
        gradient=read_gradient(gradient, scheme) if gradient is not None else None,
        path=custom_path(shape) if geometry == "custom" else None,
        text=any((t.text or "").strip() for t in shape.iterfind(".//a:t", NS)),
        empty=_draws_nothing(shape),
        fields=tuple(field.get("type", "") for field in shape.iterfind("p:txBody//a:fld", NS)),
        outline=outline,
        outline_emu=outline_emu,
    )
    if turned:
        return other
    tag = shape.tag.rsplit("}", 1)[-1]
    if tag == "pic":
        blip = shape.find("p:blipFill/a:blip", NS)
        target = package.relationships(part).get(blip.get(R_EMBED, "") if blip is not None else "")
        cropped = shape.find("p:blipFill/a:srcRect", NS) is not None
        pixels = None
        if target is not None and package.has(target[1]) and not cropped:
            if target[1] not in pictures and len(pictures) < MAX_PICTURES:
                pictures[target[1]] = thumbnail(package.blob(target[1], MAX_XML_BYTES))
            pixels = pictures.get(target[1])
        other = replace(other, pixels=pixels)
        if target is None or any(flipped) or cropped or not target[1].lower().endswith(_PICTURE_SUFFIXES):
            return other
        picture = replace(other, kind="picture", part=target[1], fill=None)
        return picture if package.has(target[1]) else other
    if tag != "sp" or geometry not in ("rect", "ellipse") or other.text:
        return other
    fill, fill_known = _shape_fill(shape, scheme)
    if not (fill_known and outline_known):
        return other
    return replace(other, kind="shape", fill=fill)


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
