"""Make a zip-sane template package safe to build on: DTDs refused, active content dropped, parts checked.

A template arrives by e-mail, and whatever its masters and layouts hold is copied into every deck
exported on it. So, once per file version and before anything else reads it:

- a DOCTYPE in any XML part is refused: entities python-pptx leaves unresolved make decks nothing
  reopens;
- relationships to outside the package (picture links, OLE links, scripts) are dropped, except
  hyperlinks to http, https and mailto addresses, with the markup that names them; OLE objects,
  ActiveX controls and actions that run programs or macros are removed from every part;
- every relationship python-pptx would follow must name a part the package holds, inside it, with a
  content type: what export would fail on is refused here, so `check-template` and export agree.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from deckbuilder.errors import DeckError
from deckbuilder.themes.templates.guard import MAX_XML_BYTES
from deckbuilder.themes.templates.package import NS, Element

_R = f"{{{NS['r']}}}"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RELS_TYPES = "application/vnd.openxmlformats-package.relationships+xml"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
"""The only places an external hyperlink of a template may lead."""
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_ACTIVE_TYPES = ("/oleObject", "/package", "/control", "/activeXControlBinary", "/vbaProject", "/vbaData")
"""Relationship types (by ending) of embedded programs: dropped with what uses them."""
_RUNNING_ACTIONS = ("ppaction://program", "ppaction://macro", "ppaction://ole")
_LINK_ELEMENTS = ("hlinkClick", "hlinkHover", "hlinkMouseOver")
_PML = "application/vnd.openxmlformats-officedocument.presentationml."
_TYPED: dict[str, tuple[str, ...]] = {
    "officeDocument": (
        _PML + "presentation.main+xml",
        _PML + "template.main+xml",
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
    ),
    "slideMaster": (_PML + "slideMaster+xml",),
    "slideLayout": (_PML + "slideLayout+xml",),
    "slide": (_PML + "slide+xml",),
    "notesMaster": (_PML + "notesMaster+xml",),
    "notesSlide": (_PML + "notesSlide+xml",),
    "theme": ("application/vnd.openxmlformats-officedocument.theme+xml",),
    "image": ("image/",),
    "core-properties": ("application/vnd.openxmlformats-package.core-properties+xml",),
}
"""For the relationship types (by last word) python-pptx builds a part class for, the content types
(or their start) the target must have: another type makes a part python-pptx cannot use."""
_OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE_TYPES = (
    _OFFICE_RT + "officeDocument",
    _OFFICE_RT + "extended-properties",
    _OFFICE_RT + "custom-properties",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
)
"""What the package's own relationships may be; python-pptx makes a second core part beside an odd one."""
MAX_DEPTH = 200
"""The longest chain of relationships followed (python-pptx follows them recursively)."""

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False
)


def _local(element: Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class _Cleaning:
    """The package being cleaned: its zip, content types, and the parts changed so far."""

    zip: zipfile.ZipFile
    shown: str
    names: set[str]
    defaults: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)
    changed: dict[str, bytes] = field(default_factory=dict)

    def error(self, message: str) -> DeckError:
        return DeckError.single(self.shown, message)

    def parse(self, name: str) -> Element:
        """A part parsed safely; DeckError if it is not XML or declares a DTD."""
        info = self.zip.getinfo(name)
        if info.file_size > MAX_XML_BYTES:
            raise self.error(f"refused: part {name!r} is larger than {MAX_XML_BYTES // 2**20} MB")
        try:
            blob = self.zip.read(name)
            tree = etree.fromstring(blob, _PARSER).getroottree()
        except etree.XMLSyntaxError as error:
            raise self.error(f"not a .pptx template: part {name!r} is not valid XML ({error})") from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise self.error(f"not a .pptx template: cannot read part {name!r} ({error})") from None
        if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
            raise self.error(f"refused: part {name!r} declares a DTD (<!DOCTYPE>), which a template may not")
        return tree.getroot()

    def content_type(self, name: str) -> str | None:
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        return self.overrides.get(f"/{name}".lower()) or self.defaults.get(extension)


def clean_package(data: bytes, shown: str) -> bytes:
    """The package without active content; DeckError `shown: message` for what cannot be made safe."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        cleaning = _Cleaning(package, shown, set(package.namelist()))
        _refuse_unread_doctypes(cleaning)
        _read_content_types(cleaning)
        for part, dropped, depth in _walk(cleaning):
            if depth > MAX_DEPTH:
                raise cleaning.error(f"refused: relationships chained more than {MAX_DEPTH} parts deep")
            if part and _is_xml(cleaning, part):
                _clean_part(cleaning, part, dropped)
        if not cleaning.changed:
            return data
        return _rezip(package, cleaning.changed)


def _refuse_unread_doctypes(cleaning: _Cleaning) -> None:
    """A DOCTYPE in any XML member, even one no relationship reaches (a quick look at its start)."""
    for info in cleaning.zip.infolist():
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size <= MAX_XML_BYTES:
            with cleaning.zip.open(info) as stream:
                head = stream.read(64 * 1024)
            if b"<!doctype" in head.lower():
                raise cleaning.error(
                    f"refused: part {info.filename!r} declares a DTD (<!DOCTYPE>), which a template may not"
                )


def _read_content_types(cleaning: _Cleaning) -> None:
    types = cleaning.parse("[Content_Types].xml")
    for default in types.iterfind(f"{{{_CT}}}Default"):
        cleaning.defaults[default.get("Extension", "").lower()] = default.get("ContentType", "")
    for override in types.iterfind(f"{{{_CT}}}Override"):
        cleaning.overrides[override.get("PartName", "").lower()] = override.get("ContentType", "")


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _walk(cleaning: _Cleaning) -> Iterator[tuple[str, set[str], int]]:
    """Every part python-pptx would load, depth first from the package: (part, dropped ids, depth).

    Each part comes after its relationships were checked and cleaned, with the ids of those dropped.
    """
    visited = {""}
    stack: list[tuple[str, int]] = [("", 0)]
    while stack:
        part, depth = stack.pop()
        rels_name = _rels_name(part) if part else "_rels/.rels"
        if rels_name not in cleaning.names:
            yield part, set(), depth
            continue
        targets, dropped = _checked_targets(cleaning, part, rels_name)
        yield part, dropped, depth
        for target in reversed(targets):
            if target not in visited:
                visited.add(target)
                stack.append((target, depth + 1))


def _checked_targets(cleaning: _Cleaning, part: str, rels_name: str) -> tuple[list[str], set[str]]:
    """A part's internal relationship targets, each checked, and the ids of the external or active
    ones dropped."""
    rels = cleaning.parse(rels_name)
    dropped: set[str] = set()
    targets = []
    for rel in list(rels):
        if _local(rel) != "Relationship":
            continue
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            if not (kind == _HYPERLINK and target.strip().lower().startswith(_SAFE_SCHEMES)):
                rels.remove(rel)
                dropped.add(rel.get("Id", ""))
            continue
        if kind.endswith(_ACTIVE_TYPES) or (not part and kind not in _PACKAGE_TYPES):
            rels.remove(rel)
            dropped.add(rel.get("Id", ""))
            continue
        targets.append(_target(cleaning, part or "", rel.get("Id", ""), target, kind.rsplit("/", 1)[-1]))
    if dropped:
        cleaning.changed[rels_name] = _serialized(rels)
    return targets, dropped


def _target(cleaning: _Cleaning, part: str, rel_id: str, target: str, kind: str) -> str:
    """The part a relationship names, refused unless inside the package, present and typed."""
    source = f"part {part!r}" if part else "the package"  # the package's own relationships have no part
    folder = posixpath.dirname(part)
    relative = posixpath.normpath(posixpath.join(folder, target.split("#", 1)[0]))
    if target.startswith("/"):
        relative = posixpath.normpath(target.lstrip("/"))
    if relative.startswith("..") or relative in (".", "") or posixpath.isabs(relative):
        raise cleaning.error(
            f"not a usable template: relationship {rel_id!r} of {source} points outside the package"
        )
    if relative not in cleaning.names:
        raise cleaning.error(
            f"not a usable template: relationship {rel_id!r} of {source} names a missing part, {relative!r}"
        )
    content_type = cleaning.content_type(relative)
    if not content_type:
        raise cleaning.error(
            f"not a usable template: part {relative!r} has no content type in [Content_Types].xml"
        )
    expected = _TYPED.get(kind)
    if expected and not content_type.startswith(expected):
        raise cleaning.error(
            f"not a usable template: part {relative!r} has no {kind} content type in [Content_Types].xml "
            f"(it has {content_type!r})"
        )
    return relative


def _is_xml(cleaning: _Cleaning, part: str) -> bool:
    content_type = cleaning.content_type(part) or ""
    return content_type.endswith("xml") and content_type != _RELS_TYPES


def _clean_part(cleaning: _Cleaning, part: str, dropped: set[str]) -> None:
    """Remove OLE objects, controls, running actions and references to dropped relationships."""
    tree = cleaning.parse(part)
    changed = False
    for element in list(tree.iter()):  # removing from a subtree already cut off is harmless
        name = _local(element)
        if name in ("oleObj", "control") or (name == "controls" and element.getparent() is not None):
            changed |= _remove(_shape_of(element))
        elif name in _LINK_ELEMENTS and element.get("action", "").lower().startswith(_RUNNING_ACTIONS):
            changed |= _remove(element)
        elif dropped:
            changed |= _drop_references(element, dropped)
    if changed:
        cleaning.changed[part] = _serialized(tree)


def _shape_of(element: Element) -> Element:
    """What to remove for an OLE object or control: its graphic frame, and a compatibility wrapper."""
    found = element
    for ancestor in element.iterancestors():
        if _local(ancestor) == "graphicFrame":
            found = ancestor
        if ancestor.tag == f"{{{_MC}}}AlternateContent":
            found = ancestor
        if _local(ancestor) == "spTree":
            break
    return found


def _remove(element: Element) -> bool:
    parent = element.getparent()
    if parent is None:
        return False
    parent.remove(element)
    return True


def _drop_references(element: Element, dropped: set[str]) -> bool:
    """A linked picture loses its link; anything else naming a dropped relationship goes."""
    names = [key for key, value in element.attrib.items() if key.startswith(_R) and value in dropped]
    if not names:
        return False
    if names == [f"{_R}link"]:
        del element.attrib[f"{_R}link"]
        return True
    return _remove(element)


def _serialized(tree: Element) -> bytes:
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))


def _rezip(package: zipfile.ZipFile, changed: dict[str, bytes]) -> bytes:
    """The package with changed parts replaced; every other member copied as it was."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in package.infolist():
            blob = changed.get(info.filename)
            target.writestr(info, blob if blob is not None else package.read(info), zipfile.ZIP_DEFLATED)
    return output.getvalue()
