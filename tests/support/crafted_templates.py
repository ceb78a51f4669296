"""Corporate templates built the way PowerPoint users make them, each with one thing a deck must cope with.

- masters: a cover master first (a busy full-bleed photo) and a calm content master second, both
  with every layout, and a dark footer band whose date, footer and slide-number placeholders are light;
- picture-body: one master whose busy photo sits on the right half, behind the body placeholder;
- narrow: the title in a tall left column and the body in a narrow right column, footers under the title.
"""

from __future__ import annotations

import copy
import io
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.parts.slide import SlideLayoutPart, SlideMasterPart
from pptx.util import Emu, Inches

WIDE = (12192000, 6858000)
NSDECL = (
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
FOOTER_TYPES = ("dt", "ftr", "sldNum")


def busy_photo(seed: int = 7) -> bytes:
    """A full-bleed 'photo': hundreds of bright, overlapping sweets on a dark tray (deterministic)."""
    rng = random.Random(seed)
    image = Image.new("RGB", (1600, 900), (40, 36, 48))
    draw = ImageDraw.Draw(image)
    for _ in range(900):
        x, y, r = rng.randrange(-40, 1640), rng.randrange(-40, 940), rng.randrange(14, 48)
        colour = tuple(rng.randrange(0, 256) for _ in range(3))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour, outline=(250, 250, 250))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def widen(prs: Any) -> None:
    """Make python-pptx's 4:3 default 16:9, stretching every master and layout shape across."""
    factor = WIDE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = Emu(WIDE[0]), Emu(WIDE[1])
    for master in prs.slide_masters:
        for part in (master, *master.slide_layouts):
            for xfrm in part._element.iter(qn("a:xfrm")):
                for child in xfrm:
                    if child.tag == qn("a:off"):
                        child.set("x", str(round(int(child.get("x")) * factor)))
                    elif child.tag == qn("a:ext"):
                        child.set("cx", str(round(int(child.get("cx")) * factor)))


def _background(part_object: Any, bg_xml: str) -> None:
    c_sld = part_object._element.find(qn("p:cSld"))
    old = c_sld.find(qn("p:bg"))
    if old is not None:
        c_sld.remove(old)
    c_sld.insert(0, etree.fromstring(bg_xml.replace("<p:bg>", f"<p:bg {NSDECL}>", 1)))


def _solid_background(part_object: Any, colour: str) -> None:
    _background(
        part_object,
        f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>',
    )


def _picture_background(part_object: Any, png: bytes) -> None:
    _, r_id = part_object.part.get_or_add_image_part(io.BytesIO(png))
    _background(
        part_object,
        f'<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="{r_id}"/><a:srcRect/>'
        "<a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>",
    )


def _tree(part_object: Any) -> Any:
    return part_object._element.find(qn("p:cSld")).find(qn("p:spTree"))


def _behind(part_object: Any, xml: str) -> None:
    """A shape on a master, drawn behind its placeholders (first in the shape tree)."""
    tree = _tree(part_object)
    tree.insert(2, etree.fromstring(xml))  # after nvGrpSpPr and grpSpPr


def _picture(part_object: Any, png: bytes, x: int, y: int, w: int, h: int) -> None:
    _, r_id = part_object.part.get_or_add_image_part(io.BytesIO(png))
    _behind(
        part_object,
        f'<p:pic {NSDECL}><p:nvPicPr><p:cNvPr id="80" name="Photo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>',
    )


def _band(part_object: Any, y: int, h: int, colour: str) -> None:
    _behind(
        part_object,
        f'<p:sp {NSDECL}><p:nvSpPr><p:cNvPr id="81" name="Footer band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="0" y="{y}"/><a:ext cx="{WIDE[0]}" cy="{h}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr></p:sp>",
    )


def _placeholders(part_object: Any, *types: str) -> list[Any]:
    found = []
    for sp in _tree(part_object).iter(qn("p:sp")):
        ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is not None and ph.get("type", "obj") in types:
            found.append(sp)
    return found


def _place(sp: Any, x: int, y: int, w: int, h: int) -> None:
    """Give a placeholder its own position, replacing any it had."""
    sp_pr = sp.find(qn("p:spPr"))
    old = sp_pr.find(qn("a:xfrm"))
    if old is not None:
        sp_pr.remove(old)
    xfrm = f'<a:xfrm {NSDECL}><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
    sp_pr.insert(0, etree.fromstring(xfrm))


def _light_text(sp: Any, colour: str = "FFFFFF") -> None:
    """Make a placeholder's own text light (its list style's first level)."""
    body = sp.find(qn("p:txBody"))
    old = body.find(qn("a:lstStyle"))
    if old is not None:
        body.remove(old)
    style = (
        f'<a:lstStyle {NSDECL}><a:lvl1pPr><a:defRPr><a:solidFill><a:srgbClr val="{colour}"/>'
        "</a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>"
    )
    body.insert(1, etree.fromstring(style))


def _next_id(prs: Any) -> int:
    """The first id past every master's and layout's (they share one range in a package)."""
    elements = [prs.part._element, *(master._element for master in prs.slide_masters)]
    return 1 + max(
        int(e.get("id")) for el in elements for e in el.iter(qn("p:sldMasterId"), qn("p:sldLayoutId"))
    )


def _copy_master(prs: Any, name: str) -> Any:
    """A second slide master: the first one's copy, with its own theme and its own copy of every layout."""
    package, source = prs.part.package, prs.slide_masters[0]
    theme = source.part.part_related_by(RT.THEME)
    new_theme = Part(PackURI("/ppt/theme/theme2.xml"), theme.content_type, package, theme.blob)
    element = copy.deepcopy(source._element)
    master = SlideMasterPart(
        PackURI("/ppt/slideMasters/slideMaster2.xml"), source.part.content_type, package, element
    )
    master.relate_to(new_theme, RT.THEME)
    id_list = element.find(qn("p:sldLayoutIdLst"))
    for entry in list(id_list):
        id_list.remove(entry)
    master_id = _next_id(prs)
    next_id = master_id + 1
    for number, layout in enumerate(source.slide_layouts, start=len(source.slide_layouts) + 1):
        part = SlideLayoutPart(
            PackURI(f"/ppt/slideLayouts/slideLayout{number}.xml"),
            layout.part.content_type,
            package,
            copy.deepcopy(layout._element),
        )
        part.relate_to(master, RT.SLIDE_MASTER)
        etree.SubElement(
            id_list,
            qn("p:sldLayoutId"),
            {"id": str(next_id), qn("r:id"): master.relate_to(part, RT.SLIDE_LAYOUT)},
        )
        next_id += 1
    masters = prs.part._element.find(qn("p:sldMasterIdLst"))
    r_id = prs.part.relate_to(master, RT.SLIDE_MASTER)
    etree.SubElement(masters, qn("p:sldMasterId"), {"id": str(master_id), qn("r:id"): r_id})
    element.find(qn("p:cSld")).set("name", name)
    return prs.slide_masters[-1]


def _footer_band(master: Any) -> None:
    """A dark band along the foot of a master, its date, footer and slide number drawn light on it."""
    _band(master, Inches(6.95), Inches(0.55), "1F2A44")
    for sp in _placeholders(master, *FOOTER_TYPES):
        _light_text(sp)
    for layout in master.slide_layouts:
        for sp in _placeholders(layout, *FOOTER_TYPES):
            _light_text(sp)


def masters_template(path: Path) -> Path:
    """A cover master (busy full-bleed photo, light titles) first, a calm content master second."""
    prs = Presentation()
    widen(prs)
    content = _copy_master(prs, "Content")
    cover = prs.slide_masters[0]
    cover._element.find(qn("p:cSld")).set("name", "Cover")
    _picture_background(cover, busy_photo())
    for sp in _placeholders(cover, "title", "ctrTitle", "body", "subTitle"):
        _light_text(sp)
    _solid_background(content, "F7F5F0")
    _footer_band(content)
    prs.save(str(path))
    return path


def picture_body_template(path: Path) -> Path:
    """One calm master with a busy photo on its right half, behind where the body's text runs."""
    prs = Presentation()
    widen(prs)
    master = prs.slide_masters[0]
    _solid_background(master, "FFFFFF")
    _picture(master, busy_photo(11), Inches(6.4), Inches(1.4), Inches(6.933), Inches(5.4))
    prs.save(str(path))
    return path


def narrow_template(path: Path) -> Path:
    """The title in a tall left column, the body a narrow right column, and only a few layouts."""
    prs = Presentation()
    widen(prs)
    master = prs.slide_masters[0]
    keep = {"Title Slide", "Title and Content", "Section Header", "Title Only", "Blank"}
    for layout in list(master.slide_layouts):
        if layout.name not in keep:
            master.slide_layouts.remove(layout)
    title = (Inches(0.5), Inches(0.6), Inches(3.6), Inches(5.4))
    body = (Inches(8.2), Inches(0.6), Inches(4.6), Inches(6.0))
    footer = (Inches(0.5), Inches(6.9), Inches(3.6), Inches(0.4))
    place: dict[str, tuple[int, int, int, int]] = {"title": title, "body": body, "obj": body}
    parts: list[Any] = [master, *(x for x in master.slide_layouts if x.name != "Title Slide")]
    for part in parts:
        for kind, rect in place.items():
            for sp in _placeholders(part, kind):
                _place(sp, *rect)
        for number, sp in enumerate(_placeholders(part, *FOOTER_TYPES)):
            x, y, w, h = footer
            _place(sp, x, y - number * Inches(0.35), w, h)
    prs.save(str(path))
    return path


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "crafted-masters": masters_template,
    "crafted-picture-body": picture_body_template,
    "crafted-narrow": narrow_template,
}
