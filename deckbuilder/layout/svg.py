"""SVG pictures before export: parsed safely, self-contained (nothing external is ever loaded), sized.

An SVG goes into a deck as itself plus a PNG drawn from it. It is parsed with no DTD loading, no
entity expansion and no network; one that declares entities, or names anything outside itself
(a file, an address, a style sheet), is refused rather than drawn without it, so the slide shows
what the file shows wherever it is opened.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
SVG_SUFFIXES = (".svg", ".svgz")

MAX_SVG_BYTES = 20 * 1024 * 1024
"""The largest SVG read: it is parsed whole into a tree, unlike a bitmap checked from its header."""

MAX_SVG_ELEMENTS = 200_000
"""More elements than this take too long to draw on every preview."""

MAX_SVG_SIDE = 100_000.0
"""The largest width or height (CSS pixels) an SVG may declare."""

FALLBACK_PX = 1600
"""The long side, in pixels, of the PNG a deck holds beside the SVG for readers without SVG."""

_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
_LENGTH = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([a-z%]*)\s*", re.IGNORECASE)
_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_EMBEDDED = ("#", "data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif")
"""References an SVG may hold: to its own elements, or to a bitmap written inside it."""
_ENTITIES = "declares XML entities (<!ENTITY>); save it without them"
_SELF_CONTAINED = "SVG pictures must be self-contained: nothing outside them is loaded"


class SvgError(ValueError):
    """Why an SVG cannot go in a deck, worded to follow "image 'path' "."""


@dataclass(frozen=True)
class SvgInfo:
    """What the checks learnt of an SVG: its intrinsic size in CSS pixels."""

    width: float
    height: float

    def pixel_size(self) -> tuple[int, int]:
        """The size of its PNG fallback: the long side FALLBACK_PX, the aspect ratio kept."""
        scale = FALLBACK_PX / max(self.width, self.height)
        return max(1, round(self.width * scale)), max(1, round(self.height * scale))


def is_svg(name: str, head: bytes) -> bool:
    """Whether a file is an SVG drawing: by its name, or an <svg> element near the start of its bytes."""
    if name.lower().endswith(SVG_SUFFIXES):
        return True
    text = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--")) and b"<svg" in text


def svg_file_bytes(path: Path) -> bytes | None:
    """An SVG file's bytes; None when the file is not an SVG (a bitmap)."""
    with path.open("rb") as stream:
        head = stream.read(4096)
        return head + stream.read() if is_svg(path.name, head) else None


def read_svg(data: bytes) -> SvgInfo:
    """Check an SVG's bytes (safe to parse, self-contained, within limits) and return its size."""
    if len(data) > MAX_SVG_BYTES:
        size, limit = -(-len(data) // 2**20), MAX_SVG_BYTES // 2**20
        raise SvgError(f"is {size} MB; SVG pictures are limited to {limit} MB")
    if data[:2] == b"\x1f\x8b":
        raise SvgError("is a compressed SVG (.svgz); save it as plain SVG")
    if b"<!ENTITY" in data:  # before parsing: libxml2 would still read the declarations (and may balk)
        raise SvgError(_ENTITIES)
    root = _parse(data)
    if root.tag != f"{{{SVG_NAMESPACE}}}svg":
        raise SvgError(f'is not an SVG drawing (its root element is not <svg xmlns="{SVG_NAMESPACE}">)')
    _check_self_contained(root)
    return _size(root)


def _parse(data: bytes) -> Any:
    """The document's root element, parsed without DTDs, entity expansion, network or huge nodes."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as error:
        raise SvgError(f"is not a readable SVG ({error.msg})") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise SvgError(_ENTITIES)
    for node in tree.getroot().itersiblings(preceding=True):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-stylesheet":
            raise SvgError(f"names an external style sheet (<?xml-stylesheet?>); {_SELF_CONTAINED}")
    return tree.getroot()


def _check_self_contained(root: Any) -> None:
    """Refuse any reference out of the file: href, url(...) and @import, in attributes and style sheets."""
    from lxml import etree

    count = 0
    for element in root.iter():
        count += 1
        if count > MAX_SVG_ELEMENTS:
            raise SvgError(f"has more than {MAX_SVG_ELEMENTS:,} elements")
        if isinstance(element, etree._Entity):  # one an external DTD would define: never loaded
            line = element.sourceline
            raise SvgError(f"uses an XML entity (line {line} of the SVG); save it without entities")
        if not isinstance(element.tag, str):  # a processing instruction
            continue
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] == "href" and not value.strip().startswith(_EMBEDDED):
                raise _external(value, element)
            _check_style(value, element)
        if element.tag == f"{{{SVG_NAMESPACE}}}style" and element.text:
            _check_style(element.text, element)


def _check_style(text: str, element: Any) -> None:
    if "@import" in text.lower():
        line = element.sourceline
        raise SvgError(f"imports a style sheet (@import, line {line} of the SVG); {_SELF_CONTAINED}")
    for target in _URL.findall(text):
        if not target.startswith(_EMBEDDED):
            raise _external(target, element)


def _external(target: str, element: Any) -> SvgError:
    shown = target.strip()[:80]
    return SvgError(f"names '{shown}' (line {element.sourceline} of the SVG); {_SELF_CONTAINED}")


def _size(root: Any) -> SvgInfo:
    """The intrinsic size: width and height where given in absolute units, else from the viewBox."""
    view_box = _view_box(root.get("viewBox"))
    width, height = _length(root.get("width")), _length(root.get("height"))
    if view_box is not None:
        ratio = view_box[0] / view_box[1]
        if width is None and height is None:
            width, height = view_box
        elif width is None and height is not None:
            width = height * ratio
        elif height is None and width is not None:
            height = width / ratio
    if width is None or height is None:
        raise SvgError("has no size; give its <svg> a viewBox, or a width and height")
    for side in (width, height):
        if not (0 < side <= MAX_SVG_SIDE):
            raise SvgError(
                f"is {width:g}×{height:g} pixels; SVG pictures must be larger than 0 and at most "
                f"{MAX_SVG_SIDE:,.0f} pixels a side"
            )
    return SvgInfo(width, height)


def _view_box(raw: str | None) -> tuple[float, float] | None:
    """The viewBox's width and height, or None when there is none; a malformed one is refused."""
    if raw is None:
        return None
    try:
        numbers = [float(part) for part in raw.replace(",", " ").split()]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers) or numbers[2] <= 0 or numbers[3] <= 0:
        shown = raw[:40]
        raise SvgError(f"has a viewBox that is not four numbers with a positive width and height ('{shown}')")
    return numbers[2], numbers[3]


def _length(raw: str | None) -> float | None:
    """A width or height in CSS pixels, or None when absent or relative (a percentage, em)."""
    if raw is None:
        return None
    match = _LENGTH.fullmatch(raw)
    if match is None:
        raise SvgError(f"has a width or height that is not a length ('{raw[:40]}')")
    unit = match.group(2).lower()
    if unit not in _UNITS:
        return None
    value = float(match.group(1)) * _UNITS[unit]
    return value if math.isfinite(value) else math.inf
