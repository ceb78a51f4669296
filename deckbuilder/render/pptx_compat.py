"""The small compatibility layer Deckbuilder keeps around python-pptx, each piece with its reason.

- Deterministic output: python-pptx stamps zip members with the current time and XlsxWriter stamps
  the workbook embedded in each chart with its creation time, so two exports of one outline would
  differ. `save_deterministic` writes the zip with fixed timestamps; `StableCategoryChartData`
  (in pptx_chart_data, which loads XlsxWriter, so only decks with charts import it) gives each
  chart workbook a fixed creation time.

- Linear time: python-pptx finds a free part name by walking every part of the package, so adding
  slide n (and its notes slide) costs O(n) and a deck O(n²). `counted_partnames` hands out part
  names from a counter kept for one export instead: one walk per kind of part, then O(1).

- `SlideAppender` adds slides and notes slides without python-pptx's per-call scans of every
  relationship of the presentation part (`relate_to` and `notes_master_part` walk them all), and
  finds a notes slide's body by its place in the copied placeholders rather than by searching.

- Bounded memory: python-pptx keeps every slide's XML tree until the save, about 90 KB a slide with
  its notes. `SlideAppender.finish` serializes a finished slide and its notes slide to the very bytes
  the save would write and keeps only those (a tenth of the size), so a long deck streams through.

tests/render/test_pptx_compat.py checks every piece against the installed python-pptx, so an upgrade
that changes these internals fails loudly.
"""

from __future__ import annotations

import copy
import io
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TARGET_MODE as RTM
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import nsmap
from pptx.opc.package import Part
from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml.slide import CT_Slide
from pptx.parts.slide import NotesSlidePart, SlidePart

from deckbuilder.outline.inline import CODE_FONT, Run

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
NOTES_SLIDE_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
"""python-pptx's name template for notes slides (NotesSlidePart._add_notes_slide_part)."""


def save_deterministic(prs: Any) -> bytes:
    """The presentation's .pptx bytes, every zip member stamped with one fixed time and mode.

    python-pptx's own writer (PackageWriter) stamps each member with the current time and builds
    each relationships file through its element classes, a fifth of a long deck's save. This is
    the same writer, member for member and in the same order: content types, package
    relationships, then each part and its relationships, with fixed stamps and `rels_xml`.
    """
    package = prs.part.package
    parts = tuple(package.iter_parts())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
        _write_member(archive, CONTENT_TYPES_URI, content_types_xml(parts))
        _write_member(archive, PACKAGE_URI.rels_uri, rels_xml(package._rels))
        for part in parts:
            _write_member(archive, part.partname, part.blob)
            if part._rels:
                _write_member(archive, part.partname.rels_uri, rels_xml(part.rels))
    return buffer.getvalue()


def _write_member(archive: zipfile.ZipFile, pack_uri: PackURI, blob: bytes) -> None:
    member = zipfile.ZipInfo(pack_uri.membername, date_time=ZIP_EPOCH)
    member.compress_type = zipfile.ZIP_DEFLATED
    member.external_attr = 0o644 << 16
    archive.writestr(member, blob)


_RELATIONSHIPS = f"{{{nsmap['pr']}}}Relationships"
_RELATIONSHIP = f"{{{nsmap['pr']}}}Relationship"
_TYPES, _DEFAULT, _OVERRIDE = (f"{{{nsmap['ct']}}}{name}" for name in ("Types", "Default", "Override"))


def relative_ref(partname: str, base_uri: str) -> str:
    """A part's name relative to a folder of the package, as PackURI.relative_ref gives it, without
    posixpath.relpath's normalising of both paths (a twentieth of a long deck's save)."""
    if base_uri == "/":
        return partname[1:]
    start = [segment for segment in base_uri.split("/") if segment]
    path = [segment for segment in partname.split("/") if segment]
    common = 0
    while common < min(len(start), len(path)) and start[common] == path[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + path[common:]) or "."


def content_types_xml(parts: Sequence[Any]) -> bytes:
    """[Content_Types].xml, byte for byte as python-pptx's `_ContentTypesItem` writes it, from its own
    choice of defaults and overrides but without its element classes (a tenth of a long deck's save)."""
    defaults, overrides = _ContentTypesItem(parts)._defaults_and_overrides
    root = etree.Element(_TYPES, nsmap={None: nsmap["ct"]})
    for extension, content_type in sorted(defaults.items()):
        etree.SubElement(root, _DEFAULT, {"Extension": extension, "ContentType": content_type})
    for partname, content_type in sorted(overrides.items()):
        etree.SubElement(root, _OVERRIDE, {"PartName": partname, "ContentType": content_type})
    return bytes(etree.tostring(root, encoding="UTF-8", standalone=True))


def rels_xml(rels: Any) -> bytes:
    """A part's relationships file, byte for byte as python-pptx's `_Relationships.xml` writes it."""
    root = etree.Element(_RELATIONSHIPS, nsmap={None: nsmap["pr"]})
    numbered = sorted((int(r[3:]) if r.startswith("rId") and r[3:].isdigit() else 0, r) for r in rels)
    for _, r_id in numbered:
        rel = rels[r_id]
        if rel.is_external:
            attributes = {
                "Id": r_id,
                "Type": rel.reltype,
                "Target": rel.target_ref,
                "TargetMode": RTM.EXTERNAL,
            }
        else:
            target = relative_ref(str(rel.target_partname), rels._base_uri)
            attributes = {"Id": r_id, "Type": rel.reltype, "Target": target}
        etree.SubElement(root, _RELATIONSHIP, attributes)
    return bytes(etree.tostring(root, encoding="UTF-8", standalone=True))


@contextmanager
def counted_partnames(package: Any) -> Iterator[None]:
    """While active, the package hands out part names from a counter per name template."""
    next_number: dict[str, int] = {}

    def next_partname(template: str) -> PackURI:
        if template not in next_number:
            prefix = template[: (template % 42).find("42")]
            taken = {str(part.partname) for part in package.iter_parts() if part.partname.startswith(prefix)}
            number = len(taken) + 1
            while template % number in taken:
                number += 1
            next_number[template] = number
        number = next_number[template]
        next_number[template] = number + 1
        return PackURI(template % number)

    package.next_partname = next_partname
    try:
        yield
    finally:
        del package.next_partname


class SerializedPart(Part):
    """A finished slide or notes slide: its XML already serialized, its relationships kept as they were."""


_PART_STATE = ("_partname", "_content_type", "_package", "_rels", "rels", "content_type", "package")
"""What a part keeps once serialized: its name, type, package and relationships, not its tree or proxies."""


def serialize_part(part: Any) -> None:
    """Turn an XML part into a SerializedPart holding the bytes the save would write for it, in place.

    In place, so every relationship that targets the part still does; its XML tree is freed.
    """
    blob = part.blob
    state = vars(part)
    for name in [name for name in state if name not in _PART_STATE]:
        del state[name]  # not delattr: python-pptx's lazy properties refuse deletion
    part.__class__ = SerializedPart
    part._blob = blob


class SlideAppender:
    """Appends slides and notes slides to a presentation in O(1) each."""

    def __init__(self, prs: Any) -> None:
        self._prs = prs
        self._package = prs.part.package
        self._sld_id_lst = prs.slides._sldIdLst
        self._count = len(self._sld_id_lst)
        self._next_id = max([255, *(int(s.get("id")) for s in self._sld_id_lst)]) + 1
        self._notes_master_part: Any = None
        self._empty_slide = CT_Slide.new()
        self._layouts: dict[int, Any] = {}
        self._notes_prototype: Any = None  # the first notes slide as it was before its text went in
        self._notes_body = 0  # the notes placeholder's place among its shapes

    def layout(self, index: int) -> Any:
        """The presentation's slide layout at index, looked up once."""
        if index not in self._layouts:
            self._layouts[index] = self._prs.slide_layouts[index]
        return self._layouts[index]

    def add_slide(self, slide_layout: Any) -> Any:
        """A new empty slide on slide_layout, appended to the deck (no placeholders cloned)."""
        self._count += 1
        partname = PackURI(f"/ppt/slides/slide{self._count}.xml")
        # as SlidePart.new makes it, the empty slide copied rather than parsed again
        slide_part = SlidePart(partname, CT.PML_SLIDE, self._package, copy.deepcopy(self._empty_slide))
        slide_part.relate_to(slide_layout.part, RT.SLIDE_LAYOUT)
        r_id = self._prs.part.rels._add_relationship(RT.SLIDE, slide_part)
        self._sld_id_lst._add_sldId(id=self._next_id, rId=r_id)
        self._next_id += 1
        return slide_part.slide

    def add_notes(self, slide: Any, text: str, lines: Sequence[Sequence[Run]] = ()) -> None:
        """Give a new slide a notes slide holding text, as python-pptx's notes_slide would.

        When the notes hold markup, lines gives each paragraph's styled runs (bold, italic, code, links).

        The first is made by python-pptx (its placeholders cloned from the notes master); the rest
        are copies of it before its text went in, related as python-pptx relates them.
        """
        if self._notes_master_part is None:
            self._notes_master_part = self._prs.part.notes_master_part
        master = self._notes_master_part
        if self._notes_prototype is None:
            notes_part = NotesSlidePart._add_notes_slide_part(self._package, slide.part, master)
            notes_slide = notes_part.notes_slide
            notes_slide.clone_master_placeholders(master.notes_master)
            self._notes_prototype = copy.deepcopy(notes_part._element)
            body = notes_slide.notes_placeholder
            self._notes_body = -1 if body is None else notes_slide._element.cSld.spTree.index(body._element)
        else:
            partname = self._package.next_partname(NOTES_SLIDE_PARTNAME)
            element = copy.deepcopy(self._notes_prototype)
            notes_part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self._package, element)
            notes_part.relate_to(master, RT.NOTES_MASTER)
            notes_part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(notes_part, RT.NOTES_SLIDE)
        if self._notes_body < 0:  # a template's notes master without a body placeholder
            notes_part.notes_slide.notes_text_frame.text = text
            return
        body = notes_part._element.cSld.spTree[self._notes_body].get_or_add_txBody()
        body.clear_content()  # as python-pptx's TextFrame.text setter does
        if lines:
            add_run_paragraphs(body, lines, notes_part)
            return
        for paragraph_text in text.split("\n"):
            body.add_p().append_text(paragraph_text)

    def finish(self, slide: Any) -> None:
        """Keep only the bytes of a slide (and its notes slide) no more is drawn on."""
        slide_part = slide.part
        for rel in slide_part.rels.values():
            if rel.reltype == RT.NOTES_SLIDE:
                serialize_part(rel.target_part)
        serialize_part(slide_part)


def add_run_paragraphs(body: Any, lines: Sequence[Sequence[Run]], part: Any) -> None:
    """Append one paragraph per line of styled runs to a notes body; links relate from part."""
    for line in lines:
        p = body.add_p()
        for run in line:
            r = p.add_r()
            r.text = run.text
            if run.plain:
                continue
            properties = r.get_or_add_rPr()
            if run.bold:
                properties.set("b", "1")
            if run.italic:
                properties.set("i", "1")
            if run.code:
                properties.get_or_add_latin().set("typeface", CODE_FONT)
            if run.link is not None:
                properties.set("u", "sng")
                properties.add_hlinkClick(part.relate_to(run.link, RT.HYPERLINK, is_external=True))
