"""Corporate templates for the tests, built with python-pptx the way people make them in PowerPoint.

- default: python-pptx's own default template (PowerPoint's 4:3 Office theme, eleven layouts);
- libreoffice: 16:9, layouts named as LibreOffice names them ("Title, Content", "Blank Slide" …),
  no layout types, no section, comparison or picture layouts, the blank layout first;
- samples: the default with three sample slides (notes, a picture, a custom show and sections);
- dark43: 4:3 on a dark navy master, its colour map swapped so text is light;
- picture: 16:9 with a picture background (dark title band, light body), a darker title layout,
  a logo on the master, and its own fonts: Times New Roman headings, Arial body.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from lxml import etree
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Inches
from support.crafted_templates import widen

ROOT = Path(__file__).resolve().parents[3]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
TORTURE = ROOT / "tests" / "data" / "good" / "torture.yaml"
SAHEL = ROOT / "assets" / "images" / "sahel.png"
NAMES = ("default", "libreoffice", "samples", "dark43", "picture")
SAMPLE_TEXT = "SAMPLE-SLIDE-TEXT"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
LIBREOFFICE_NAMES = {
    "Title Slide": "Title Slide",
    "Title and Content": "Title, Content",
    "Two Content": "Title, 2 Content",
    "Title Only": "Title Only",
    "Blank": "Blank Slide",
}


def _theme_part(prs: Any) -> Any:
    return prs.slide_masters[0].part.part_related_by(RT.THEME)


def set_theme_fonts(prs: Any, heading: str, body: str) -> None:
    """Give the template's theme its own heading (major) and body (minor) fonts."""
    part = _theme_part(prs)
    theme = etree.fromstring(part.blob)
    ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
    theme.find(".//a:fontScheme/a:majorFont/a:latin", ns).set("typeface", heading)
    theme.find(".//a:fontScheme/a:minorFont/a:latin", ns).set("typeface", body)
    part._blob = etree.tostring(theme, xml_declaration=True, encoding="UTF-8", standalone=True)


def _set_background(part_object: Any, bg_xml: str) -> None:
    """Replace a master's or layout's background with the given p:bg markup."""
    c_sld = part_object._element.find(qn("p:cSld"))
    old = c_sld.find(qn("p:bg"))
    if old is not None:
        c_sld.remove(old)
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    ns += 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    ns += 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    c_sld.insert(0, etree.fromstring(bg_xml.replace("<p:bg>", f"<p:bg {ns}>", 1)))


def _picture_background(part_object: Any, png: bytes) -> None:
    _, r_id = part_object.part.get_or_add_image_part(io.BytesIO(png))
    _set_background(
        part_object,
        f'<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="{r_id}"/><a:srcRect/>'
        "<a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>",
    )


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def banded_background() -> bytes:
    """A dark navy title band over a light, faintly striped body, with a thin accent line at the foot."""
    image = Image.new("RGB", (1600, 900), (236, 232, 224))
    draw = ImageDraw.Draw(image)
    for y in range(0, 900, 6):
        draw.line([(0, y), (1600, y)], fill=(229, 225, 216))
    for y in range(195):
        shade = 30 + y // 12
        draw.line([(0, y), (1600, y)], fill=(18, shade, 70 + y // 8))
    draw.rectangle([0, 880, 1600, 900], fill=(180, 120, 40))
    return _png(image)


def dark_background() -> bytes:
    """A dark diagonal gradient for the title layout."""
    image = Image.new("RGB", (800, 450))
    draw = ImageDraw.Draw(image)
    for x in range(800):
        draw.line([(x, 0), (x, 450)], fill=(15 + x // 40, 25 + x // 30, 60 + x // 20))
    return _png(image)


def logo() -> bytes:
    """A small amber square logo."""
    image = Image.new("RGB", (120, 120), (200, 130, 30))
    ImageDraw.Draw(image).ellipse([25, 25, 95, 95], fill=(255, 255, 255))
    return _png(image)


def _add_logo(master: Any, x: int, y: int, size: int) -> None:
    """A picture on the master (python-pptx offers no add_picture there), shown on every slide."""
    _, r_id = master.part.get_or_add_image_part(io.BytesIO(logo()))
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    ns += 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    ns += 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    picture = (
        f'<p:pic {ns}><p:nvPicPr><p:cNvPr id="90" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{r_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{size}" cy="{size}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )
    master._element.find(qn("p:cSld")).find(qn("p:spTree")).append(etree.fromstring(picture))


def _add_master_shape(master: Any, body: str) -> None:
    """A shape (p:sp) on the master: the DrawingML body after its non-visual properties."""
    ns = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    ns += 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    tree = master._element.find(qn("p:cSld")).find(qn("p:spTree"))
    tree.append(etree.fromstring(f"<p:sp {ns}>{body}</p:sp>"))


def bar(name: str, x: int, y: int, w: int, h: int, color: str) -> str:
    """A plain filled rectangle, no outline, as a master decoration."""
    return (
        f'<p:nvSpPr><p:cNvPr id="91" name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
        "<a:ln><a:noFill/></a:ln></p:spPr>"
    )


def branded_template(path: Path, *, text: str | None = None) -> Path:
    """16:9, a teal bar along the foot of the master, and (with text) a text box on it too."""
    prs = Presentation()
    widen(prs)
    master = prs.slide_masters[0]
    _add_master_shape(master, bar("Foot bar", 0, Inches(7.3), Inches(13.333), Inches(0.2), "0B6E75"))
    if text is not None:
        _add_master_shape(
            master,
            '<p:nvSpPr><p:cNvPr id="92" name="Classification"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
            '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="300000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f"<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></p:txBody>",
        )
    prs.save(str(path))
    return path


def default_template(path: Path) -> Path:
    """python-pptx's default template, saved as a file."""
    Presentation().save(str(path))
    return path


def libreoffice_template(path: Path) -> Path:
    """16:9, LibreOffice-style names, no types, only the layouts LibreOffice offers, blank first."""
    prs = Presentation()
    widen(prs)
    master = prs.slide_masters[0]
    for layout in list(master.slide_layouts):
        if layout.name not in LIBREOFFICE_NAMES:
            master.slide_layouts.remove(layout)
            continue
        layout.name = LIBREOFFICE_NAMES[layout.name]
        layout._element.attrib.pop("type", None)
    id_list = master._element.find(qn("p:sldLayoutIdLst"))
    blank = id_list[-1]
    id_list.remove(blank)
    id_list.insert(0, blank)
    prs.save(str(path))
    return path


def samples_template(path: Path, picture: Path) -> Path:
    """The default template with three sample slides, notes, a custom show and sections naming them."""
    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = f"{SAMPLE_TEXT} cover"
    cover.notes_slide.notes_text_frame.text = f"{SAMPLE_TEXT} notes"
    body = prs.slides.add_slide(prs.slide_layouts[1])
    body.shapes.title.text = f"{SAMPLE_TEXT} agenda"
    body.placeholders[1].text = f"{SAMPLE_TEXT} point"
    photo = prs.slides.add_slide(prs.slide_layouts[5])
    photo.shapes.title.text = f"{SAMPLE_TEXT} photo"
    photo.shapes.add_picture(str(picture), Inches(1), Inches(2), Inches(4))
    presentation = prs.part._element
    ids = [slide_id for slide_id in prs.slides._sldIdLst]
    shows = etree.SubElement(presentation, qn("p:custShowLst"))
    show = etree.SubElement(shows, qn("p:custShow"), name="Short", id="0")
    slides = etree.SubElement(show, qn("p:sldLst"))
    etree.SubElement(slides, qn("p:sld"), {qn("r:id"): ids[0].rId})
    presentation.remove(shows)
    presentation.insert(list(presentation).index(presentation.find(qn("p:notesSz"))) + 1, shows)
    extensions = presentation.find(qn("p:extLst"))
    if extensions is None:
        extensions = etree.SubElement(presentation, qn("p:extLst"))
    extension = etree.SubElement(extensions, qn("p:ext"), uri="{521415D9-36F7-43E2-AB2F-B90AF26B5E84}")
    sections = etree.SubElement(extension, f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    section = etree.SubElement(
        sections, f"{{{P14}}}section", name="Samples", id="{1A2B3C4D-0000-0000-0000-000000000001}"
    )
    listed = etree.SubElement(section, f"{{{P14}}}sldIdLst")
    for slide_id in ids:
        etree.SubElement(listed, f"{{{P14}}}sldId", id=slide_id.get("id"))
    prs.save(str(path))
    return path


def dark_template(path: Path) -> Path:
    """4:3 on a dark navy master whose colour map makes text light (a 'dark' Office theme)."""
    prs = Presentation()
    master = prs.slide_masters[0]
    _set_background(
        master,
        '<p:bg><p:bgPr><a:solidFill><a:srgbClr val="13294B"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>',
    )
    color_map = master._element.find(qn("p:clrMap"))
    for name, value in (("bg1", "dk1"), ("tx1", "lt1"), ("bg2", "dk2"), ("tx2", "lt2")):
        color_map.set(name, value)
    prs.save(str(path))
    return path


def picture_template(path: Path) -> Path:
    """16:9, a picture background, a darker picture behind the title layout, a logo, its own fonts."""
    prs = Presentation()
    widen(prs)
    set_theme_fonts(prs, "Times New Roman", "Arial")
    master = prs.slide_masters[0]
    _picture_background(master, banded_background())
    _picture_background(master.slide_layouts[0], dark_background())
    _add_logo(master, Inches(0.25), Inches(6.95), Inches(0.4))
    prs.save(str(path))
    return path
