"""Hostile .pptx templates for the tests, crafted part by part from python-pptx's default template."""

from __future__ import annotations

import io
import resource
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
MASTER = "ppt/slideMasters/slideMaster1.xml"
MASTER_RELS = "ppt/slideMasters/_rels/slideMaster1.xml.rels"
CONTENT_LAYOUT = "ppt/slideLayouts/slideLayout2.xml"
CONTENT_LAYOUT_RELS = "ppt/slideLayouts/_rels/slideLayout2.xml.rels"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MEMORY_CAP = 3 * 1024**3
"""The address space a crafted template may make the command line use."""

Edit = Callable[[bytes], bytes]


def default_template() -> bytes:
    """python-pptx's default template (PowerPoint's 4:3 Office theme, eleven layouts) as bytes."""
    stream = io.BytesIO()
    Presentation().save(stream)
    return stream.getvalue()


def rewrite(data: bytes, edits: Mapping[str, Edit | bytes | None]) -> bytes:
    """The package with parts edited (a function of the old bytes), replaced or added (bytes), or removed."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        names = source.namelist()
        for name in names:
            edit = edits.get(name, b"")
            if name in edits and edit is None:
                continue
            blob = source.read(name)
            if callable(edit):
                blob = edit(blob)
            elif name in edits:
                blob = edit  # type: ignore[assignment]
            out.writestr(name, blob)
        for name, edit in edits.items():
            if name not in names and isinstance(edit, bytes):
                out.writestr(name, edit)
    return output.getvalue()


def xml_edit(change: Callable[[etree._Element], None]) -> Edit:
    """An edit that parses a part, lets change() alter its tree, and serialises it again."""

    def edit(blob: bytes) -> bytes:
        tree = etree.fromstring(blob)
        change(tree)
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)

    return edit


def add_relationship(rel_id: str, kind: str, target: str, *, external: bool = False) -> Edit:
    """An edit of a .rels part adding one relationship."""

    def change(tree: etree._Element) -> None:
        rel = etree.SubElement(tree, f"{{{NS['rel']}}}Relationship", Id=rel_id, Type=RT + kind, Target=target)
        if external:
            rel.set("TargetMode", "External")

    return xml_edit(change)


def add_shape(shape_xml: str) -> Edit:
    """An edit of a master or layout adding a shape (markup using the a:, p: and r: prefixes)."""
    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items() if prefix != "rel")
    wrapped = f"<wrap {declarations}>{shape_xml}</wrap>"

    def change(tree: etree._Element) -> None:
        tree.find("p:cSld/p:spTree", NS).extend(list(etree.fromstring(wrapped)))

    return xml_edit(change)


def picture_shape(rel_id: str, *, attribute: str = "embed", size: int = 914400) -> str:
    """A picture shape (a logo) whose blip names a relationship by r:embed or r:link."""
    return (
        '<p:pic><p:nvPicPr><p:cNvPr id="900" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:{attribute}="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{size}" cy="{size}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
    )


def png(width: int, height: int, color: str = "#1F3864") -> bytes:
    """A one-colour PNG (a few hundred bytes however many pixels)."""
    stream = io.BytesIO()
    Image.new("RGB", (width, height), color).save(stream, "PNG", optimize=True)
    return stream.getvalue()


def picture_background(rel_id: str) -> Edit:
    """An edit of a master or layout giving it a background picture drawn from a relationship."""
    bg = (
        f'<p:bg xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}" xmlns:r="{NS["r"]}"><p:bgPr>'
        f'<a:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></a:blipFill>'
        "<a:effectLst/></p:bgPr></p:bg>"
    )

    def change(tree: etree._Element) -> None:
        c_sld = tree.find("p:cSld", NS)
        for old in c_sld.findall("p:bg", NS):
            c_sld.remove(old)
        c_sld.insert(0, etree.fromstring(bg))

    return xml_edit(change)


def png_content_type(blob: bytes) -> bytes:
    """An edit of [Content_Types].xml giving .png files their type (the default template has none)."""
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"

    def change(tree: etree._Element) -> None:
        if not any(d.get("Extension") == "png" for d in tree.iterfind(f"{{{ct}}}Default")):
            tree.insert(0, etree.Element(f"{{{ct}}}Default", Extension="png", ContentType="image/png"))

    return xml_edit(change)(blob)


def with_picture(
    data: bytes, rels: str, part: str, picture: bytes, *, rel_id: str = "rId99", background: bool = True
) -> bytes:
    """The package with a picture added to a master or layout: as its background, or as a logo."""
    name = f"ppt/media/crafted{rel_id}.png"
    edit = picture_background(rel_id) if background else add_shape(picture_shape(rel_id))
    return rewrite(
        data,
        {
            "[Content_Types].xml": png_content_type,
            rels: add_relationship(rel_id, "image", f"../media/crafted{rel_id}.png"),
            part: edit,
            name: picture,
        },
    )


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def capped_memory() -> None:
    """preexec_fn for the command line: cap its address space, so a blow-up fails instead of swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def template_deck(template: str) -> str:
    """A small outline on a template: a title slide, bullets, a comparison."""
    return (
        "title: On a hostile template\n"
        f"theme: '{template}'\n"
        "sections:\n"
        "  - title: Part one\n"
        "    slides:\n"
        "      - kind: bullets\n"
        "        title: Points\n"
        "        points: [one, two]\n"
        "      - kind: comparison\n"
        "        title: Two sides\n"
        "        left: {heading: A, points: [x]}\n"
        "        right: {heading: B, points: [y]}\n"
    )
