"""Read a checked template package into a TemplateSpec: masters, layouts, placeholders, fonts, colours."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from deckbuilder.geometry import Align, Anchor, Rect
from deckbuilder.themes.templates.autolayout import on_their_masters, written_by_libreoffice
from deckbuilder.themes.templates.colors import (
    Background,
    blend,
    color_value,
    gradient_color,
    mapped_scheme,
    picture_background,
    read_gradient,
)
from deckbuilder.themes.templates.guard import MAX_XML_BYTES
from deckbuilder.themes.templates.limits import (
    MAX_LAYOUTS,
    MAX_MASTERS,
    checked_placeholder,
    printable,
    rect_problem,
    refuse_counts,
)
from deckbuilder.themes.templates.model import (
    CHROME_TYPES,
    TITLE_TYPES,
    Decoration,
    Layout,
    Placeholder,
    TemplateSpec,
    TextLook,
)
from deckbuilder.themes.templates.package import (
    NS,
    R_EMBED,
    R_ID,
    RT_SLIDE_LAYOUT,
    RT_SLIDE_MASTER,
    RT_THEME,
    Element,
    TemplatePackage,
)
from deckbuilder.themes.templates.shapes import decorations, shape_rect

DEFAULT_SIZE = (9144000, 6858000)
_ALIGN: dict[str, Align] = {"ctr": "center", "r": "right"}
_ANCHOR: dict[str, Anchor] = {"ctr": "middle", "b": "bottom"}
_VERTICAL = ("vert", "vert270", "eaVert", "wordArtVert", "mongolianVert", "wordArtVertRtl")
_SHAPES = ("p:sp", "p:pic", "p:graphicFrame", "p:grpSp", "p:cxnSp")


@dataclass
class _RawPlaceholder:
    """A placeholder as one part writes it, before inheritance."""

    type: str
    idx: int
    name: str
    rect: Rect | None
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Master:
    """What layouts inherit from their master."""

    scheme: dict[str, str]
    heading_font: str
    body_font: str
    placeholders: dict[str, _RawPlaceholder]
    styles: dict[str, dict[str, Any]]
    background: Background
    decorations: tuple[Decoration, ...]
    theme: Element | None
    theme_part: str


def _level_props(level: Element | None, scheme: Mapping[str, str], fonts: tuple[str, str]) -> dict[str, Any]:
    """The text properties one level style (lvl1pPr …) sets."""
    if level is None:
        return {}
    props: dict[str, Any] = {}
    if level.get("algn"):
        props["align"] = _ALIGN.get(level.get("algn"), "left")
    run = level.find("a:defRPr", NS)
    if run is None:
        return props
    if run.get("sz", "").isdigit():
        props["size"] = int(run.get("sz")) / 100
    if run.get("b") is not None:
        props["bold"] = run.get("b") in ("1", "true")
    if run.get("cap") is not None:
        props["caps"] = run.get("cap") in ("all", "small")
    if run.get("spc", "").lstrip("-").isdigit():
        props["spc"] = int(run.get("spc")) / 100
    color = color_value(run.find("a:solidFill", NS), scheme)
    if color:
        props["color"] = color
    latin = run.find("a:latin", NS)
    typeface = latin.get("typeface", "") if latin is not None else ""
    if typeface:
        props["font"] = {"+mj-lt": fonts[0], "+mn-lt": fonts[1]}.get(typeface, printable(typeface))
    return props


def _list_props(lst: Element | None, scheme: Mapping[str, str], fonts: tuple[str, str]) -> dict[str, Any]:
    """Level 1's properties, with level 2's size as size2."""
    if lst is None:
        return {}
    props = _level_props(lst.find("a:lvl1pPr", NS), scheme, fonts)
    level2 = _level_props(lst.find("a:lvl2pPr", NS), scheme, fonts)
    if "size" in level2:
        props["size2"] = level2["size"]
    return props


def _body_props(body: Element | None) -> dict[str, Any]:
    """Anchor, inset and direction from a bodyPr."""
    if body is None:
        return {}
    props: dict[str, Any] = {}
    if body.get("anchor"):
        props["anchor"] = _ANCHOR.get(body.get("anchor"), "top")
    insets = [body.get(side) for side in ("lIns", "tIns", "rIns", "bIns")]
    if any(value is not None for value in insets):
        props["inset"] = max(
            int(value) if value and value.lstrip("-").isdigit() else 91440 for value in insets
        )
    if body.get("vert"):
        props["vertical"] = body.get("vert") in _VERTICAL
    if body.get("anchorCtr") is not None:
        props["centred"] = body.get("anchorCtr") in ("1", "true")
    return props


def _placeholders(tree: Element, scheme: Mapping[str, str], fonts: tuple[str, str]) -> list[_RawPlaceholder]:
    """The placeholders a part's shape tree holds."""
    found: list[_RawPlaceholder] = []
    for shape in tree.iterfind("p:cSld/p:spTree/*", NS):
        ph = shape.find("*/p:nvPr/p:ph", NS)
        if ph is None:
            continue
        name_element = shape.find("*/p:cNvPr", NS)
        idx = ph.get("idx", "0")
        props = _body_props(shape.find("p:txBody/a:bodyPr", NS))
        props.update(_list_props(shape.find("p:txBody/a:lstStyle", NS), scheme, fonts))
        found.append(
            _RawPlaceholder(
                ph.get("type", "obj"),
                int(idx) if idx.isdigit() else 0,
                printable(name_element.get("name", "") if name_element is not None else ""),
                shape_rect(shape),
            )
        )
        found[-1].props = props
    return found


def _base_type(kind: str) -> str:
    """The master placeholder a layout placeholder of this type inherits from."""
    if kind in TITLE_TYPES:
        return "title"
    return kind if kind in CHROME_TYPES else "body"


def _style_for(kind: str) -> str:
    return "titleStyle" if kind in TITLE_TYPES else ("otherStyle" if kind in CHROME_TYPES else "bodyStyle")


def _look(raw: _RawPlaceholder, base: _RawPlaceholder | None, master: _Master) -> TextLook:
    """A placeholder's text look: its own settings, else its master placeholder's, else the text styles."""
    merged: dict[str, Any] = dict(master.styles.get(_style_for(raw.type), {}))
    if base is not None:
        merged.update(base.props)
    merged.update(raw.props)
    default_font = master.heading_font if raw.type in TITLE_TYPES else master.body_font
    return TextLook(
        size_pt=merged.get("size"),
        level2_size_pt=merged.get("size2"),
        color=merged.get("color"),
        font=merged.get("font", default_font),
        bold=bool(merged.get("bold", False)),
        align="center" if merged.get("centred") else merged.get("align", "left"),  # a centred text block
        anchor=merged.get("anchor", "top"),
        caps=bool(merged.get("caps", False)),
        letter_spacing=float(merged.get("spc", 0.0)),
        inset=max(0, int(merged.get("inset", 91440))),
    )


def _background(
    package: TemplatePackage, part: str, tree: Element, master: _Master | None, scheme: Mapping[str, str]
) -> Background | None:
    """A part's own background, if it sets one (bgPr directly, or bgRef into the theme's styles)."""
    bg = tree.find("p:cSld/p:bg", NS)
    if bg is None:
        return None
    fallback = scheme.get("bg1", "FFFFFF")
    properties = bg.find("p:bgPr", NS)
    if properties is not None:
        return _fill(package, part, list(properties), scheme, None, fallback)
    reference = bg.find("p:bgRef", NS)
    if reference is None:
        return None
    ref_color = color_value(reference[0] if len(reference) else None, scheme)
    index = int(reference.get("idx", "0")) if reference.get("idx", "0").isdigit() else 0
    if master is not None and master.theme is not None and index >= 1001:
        styles = master.theme.findall("a:themeElements/a:fmtScheme/a:bgFillStyleLst/*", NS)
        if index - 1001 < len(styles):
            found = _fill(package, master.theme_part, [styles[index - 1001]], scheme, ref_color, fallback)
            if found is not None:
                return found
    return Background(ref_color or fallback) if index else None


def _fill(
    package: TemplatePackage,
    part: str,
    fills: list[Element],
    scheme: Mapping[str, str],
    ph: str | None,
    fallback: str,
) -> Background | None:
    """The background the first fill (solid, gradient, picture, pattern) paints; None for none."""
    for fill in fills:
        tag = fill.tag.rsplit("}", 1)[-1]
        if tag == "solidFill":
            color = color_value(fill, scheme, ph)
            return Background(color) if color else None
        if tag == "gradFill":
            color = gradient_color(fill, scheme, ph)
            return Background(color, "gradient", gradient=read_gradient(fill, scheme, ph)) if color else None
        if tag == "pattFill":
            fg = color_value(fill.find("a:fgClr", NS), scheme, ph) or fallback
            bg = color_value(fill.find("a:bgClr", NS), scheme, ph) or fallback
            return Background(blend(fg, bg, 0.5), "pattern")
        if tag == "blipFill":
            blip = fill.find("a:blip", NS)
            target = package.relationships(part).get(blip.get(R_EMBED, "") if blip is not None else "")
            if target is None or not package.has(target[1]):
                return Background(fallback, "unknown")
            return picture_background(package.blob(target[1], MAX_XML_BYTES), fallback, target[1])
        if tag == "noFill":
            return None
    return None


def _refuse_crowds(package: TemplatePackage, tree: Element, what: str) -> None:
    """Refuse a master or layout holding more shapes or placeholders than a template may."""
    shapes = tree.findall("p:cSld/p:spTree/*", NS)
    placeholders = sum(1 for shape in shapes if shape.find("*/p:nvPr/p:ph", NS) is not None)
    refuse_counts(package.shown, what, len(shapes), placeholders)


def _read_master(package: TemplatePackage, part: str, m_index: int) -> tuple[_Master, Element]:
    tree = package.xml(part)
    _refuse_crowds(package, tree, f"slide master {m_index + 1}")
    themes = package.related(part, RT_THEME)
    theme = package.xml(themes[0]) if themes and package.has(themes[0]) else None
    colors: dict[str, str] = {}
    heading_font, body_font = "Calibri", "Calibri"
    if theme is not None:
        for element in theme.iterfind("a:themeElements/a:clrScheme/*", NS):
            value = color_value(element[0] if len(element) else None, {})
            if value:
                colors[element.tag.rsplit("}", 1)[-1]] = value
        major = theme.find("a:themeElements/a:fontScheme/a:majorFont/a:latin", NS)
        minor = theme.find("a:themeElements/a:fontScheme/a:minorFont/a:latin", NS)
        heading_font = printable(major.get("typeface") if major is not None else "") or heading_font
        body_font = printable(minor.get("typeface") if minor is not None else "") or body_font
    color_map = tree.find("p:clrMap", NS)
    scheme = mapped_scheme(colors, dict(color_map.attrib) if color_map is not None else {})
    fonts = (heading_font, body_font)
    styles = {
        name: _list_props(tree.find(f"p:txStyles/p:{name}", NS), scheme, fonts)
        for name in ("titleStyle", "bodyStyle", "otherStyle")
    }
    master = _Master(
        scheme=scheme,
        heading_font=heading_font,
        body_font=body_font,
        placeholders={_base_type(p.type): p for p in reversed(_placeholders(tree, scheme, fonts))},
        styles=styles,
        background=Background(scheme.get("bg1", "FFFFFF")),
        decorations=decorations(package, part, tree, scheme),
        theme=theme,
        theme_part=themes[0] if themes else part,
    )
    master.background = _background(package, part, tree, master, scheme) or master.background
    return master, tree


def _listed(
    package: TemplatePackage, part: str, entries: list[Element], reltype: str, what: str
) -> list[str]:
    """The parts a list of masters or layouts names, in its order: every entry must name one, as
    python-pptx (which finds them by position in that list at export) expects."""
    rels = package.relationships(part)
    found = []
    for entry in entries:
        r_id = entry.get(R_ID, "")
        kind, target = rels.get(r_id, ("", ""))
        if kind != reltype or not package.has(target):
            wanted = reltype.rsplit("/", 1)[-1]
            raise package.error(
                f"not a usable template: {what} names {printable(r_id)!r}, which is no {wanted}"
            )
        found.append(target)
    return found


def _read_layout(package: TemplatePackage, part: str, master: _Master, m_index: int, index: int) -> Layout:
    tree = package.xml(part)
    c_sld = tree.find("p:cSld", NS)
    name = printable(c_sld.get("name", "") if c_sld is not None else "")
    label = f"'{name}'" if name else f"{index + 1} of slide master {m_index + 1}"
    _refuse_crowds(package, tree, f"layout {label}")
    fonts = (master.heading_font, master.body_font)
    placeholders = []
    for raw in _placeholders(tree, master.scheme, fonts):
        base = master.placeholders.get(_base_type(raw.type))
        rect = raw.rect or (base.rect if base is not None else None)
        if rect is None or rect.w <= 0 or rect.h <= 0:
            continue
        vertical = bool(raw.props.get("vertical", base.props.get("vertical", False) if base else False))
        placeholder = Placeholder(raw.type, raw.idx, raw.name, rect, _look(raw, base, master), vertical)
        placeholders.append(checked_placeholder(package.shown, label, placeholder))
    shapes = decorations(package, part, tree, master.scheme)
    if tree.get("showMasterSp") not in ("0", "false"):
        shapes = master.decorations + shapes
    for decoration in shapes:
        if (problem := rect_problem(decoration.rect)) is not None:
            raise package.error(f"refused: layout {label}, {decoration.description} {problem}")
    return Layout(
        name=name,
        master=m_index,
        index=index,
        type=tree.get("type"),
        placeholders=tuple(placeholders),
        background=_background(package, part, tree, master, master.scheme) or master.background,
        decorations=shapes,
    )


def read_spec(package: TemplatePackage, path: str) -> TemplateSpec:
    """The TemplateSpec of a checked package; DeckError when it is no usable template."""
    document = package.main_document()
    presentation = package.xml(document)
    size = presentation.find("p:sldSz", NS)
    try:
        width = int(size.get("cx")) if size is not None else DEFAULT_SIZE[0]
        height = int(size.get("cy")) if size is not None else DEFAULT_SIZE[1]
    except (TypeError, ValueError):
        width, height = DEFAULT_SIZE
    if not (914400 <= width <= 51206400 and 914400 <= height <= 51206400):
        raise package.error(f"not a usable template: slide size {width} × {height} EMU is out of range")
    entries = presentation.findall("p:sldMasterIdLst/p:sldMasterId", NS)
    if len(entries) > MAX_MASTERS:
        raise package.error(f"refused: {len(entries):,} slide masters; the limit is {MAX_MASTERS}")
    master_parts = _listed(package, document, entries, RT_SLIDE_MASTER, "the presentation's master list")
    layouts: list[Layout] = []
    first: _Master | None = None
    where: dict[str, tuple[int, int]] = {}
    areas: list[dict[str, Rect]] = []
    for m_index, master_part in enumerate(master_parts):
        master, tree = _read_master(package, master_part, m_index)
        first = first or master
        areas.append({kind: raw.rect for kind, raw in master.placeholders.items() if raw.rect is not None})
        entries = tree.findall("p:sldLayoutIdLst/p:sldLayoutId", NS)
        if len(layouts) + len(entries) > MAX_LAYOUTS:
            raise package.error(f"refused: more than {MAX_LAYOUTS:,} slide layouts")
        parts = _listed(
            package, master_part, entries, RT_SLIDE_LAYOUT, f"slide master {m_index + 1}'s layout list"
        )
        layouts.extend(_read_layout(package, part, master, m_index, i) for i, part in enumerate(parts))
        where.update((part, (m_index, i)) for i, part in enumerate(parts))
    if first is None:
        raise package.error("not a usable template: it has no slide master")
    if not layouts:
        raise package.error("not a usable template: it has no slide layouts")
    slides = presentation.findall("p:sldIdLst/p:sldId", NS)
    return TemplateSpec(
        path=path,
        width=width,
        height=height,
        layouts=on_their_masters(layouts, areas, width, height)
        if written_by_libreoffice(package)
        else tuple(layouts),
        heading_font=first.heading_font,
        body_font=first.body_font,
        palette=tuple(sorted(first.scheme.items())),
        masters=len(master_parts),
        sample_slides=len(slides),
        sample_layouts=_sample_layouts(package, document, slides, where),
    )


def _sample_layouts(
    package: TemplatePackage, document: str, slides: list[Element], where: Mapping[str, tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """The (master, layout) each sample slide is made on, in order (slides on no known layout left out)."""
    rels = package.relationships(document)
    found = []
    for entry in slides[:MAX_LAYOUTS]:
        _, slide = rels.get(entry.get(R_ID, ""), ("", ""))
        layouts = package.related(slide, RT_SLIDE_LAYOUT) if package.has(slide) else []
        if layouts and layouts[0] in where:
            found.append(where[layouts[0]])
    return tuple(found)
