"""SVG pictures in a .pptx as PowerPoint stores them: a PNG blip, and the SVG part named in its extension.

PowerPoint (2016 on) draws the vector from the `asvg:svgBlip` extension of the picture's `a:blip`;
readers that do not know the extension draw the PNG the blip embeds. Each SVG becomes one part and
one PNG however many slides show it; the PNG is drawn by Qt, loaded only for a deck with an SVG.
"""

from __future__ import annotations

import hashlib
import io
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml.ns import qn

from deckbuilder.layout.boxes import PictureBox
from deckbuilder.layout.svg import read_svg

SVG_CONTENT_TYPE = "image/svg+xml"
SVG_BLIP_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


class SvgPictures:
    """Adds SVG pictures to one presentation, each SVG's part and PNG fallback made once."""

    def __init__(self, package: Any) -> None:
        self._package = package
        self._made: dict[bytes, tuple[Part, bytes]] = {}

    def _part_and_png(self, data: bytes) -> tuple[Part, bytes]:
        key = hashlib.sha1(data, usedforsecurity=False).digest()
        if key not in self._made:
            from deckbuilder.render.qt_svg import svg_png

            png = svg_png(data, read_svg(data).pixel_size())
            partname = self._package.next_image_partname("svg")
            self._made[key] = (Part(partname, SVG_CONTENT_TYPE, self._package, data), png)
        return self._made[key]

    def add(self, slide: Any, box: PictureBox, data: bytes) -> Any:
        """The picture shape for an SVG on slide: its PNG in the blip, the SVG in the blip's extension."""
        part, png = self._part_and_png(data)
        picture = slide.shapes.add_picture(io.BytesIO(png), box.x, box.y, box.w, box.h)
        r_id = slide.part.relate_to(part, RT.IMAGE)
        blip = picture._element.blipFill.find(qn("a:blip"))
        extensions = etree.SubElement(blip, qn("a:extLst"))
        extension = etree.SubElement(extensions, qn("a:ext"), {"uri": SVG_BLIP_URI})
        svg_blip = etree.SubElement(extension, f"{{{SVG_NAMESPACE}}}svgBlip", nsmap={"asvg": SVG_NAMESPACE})
        svg_blip.set(qn("r:embed"), r_id)
        return picture
