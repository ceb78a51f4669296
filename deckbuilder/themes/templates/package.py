"""Reading a checked template zip as an OPC package: parts by name, their relationships, safe XML."""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any, TypeAlias

from lxml import etree

from deckbuilder.errors import DeckError
from deckbuilder.themes.templates.guard import MAX_XML_BYTES

Element: TypeAlias = Any
"""An lxml element (lxml ships no type information)."""

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = _RT + "officeDocument"
RT_SLIDE_MASTER = _RT + "slideMaster"
RT_SLIDE_LAYOUT = _RT + "slideLayout"
RT_THEME = _RT + "theme"
RT_IMAGE = _RT + "image"
R_ID = f"{{{NS['r']}}}id"
R_EMBED = f"{{{NS['r']}}}embed"

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True
)


class TemplatePackage:
    """A template's parts, read on demand from its (already checked) zip bytes."""

    def __init__(self, data: bytes, shown: str) -> None:
        self.shown = shown
        self.data = data
        """The package's bytes, as python-pptx opens it for export."""
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._names = set(self._zip.namelist())
        self._xml: dict[str, Element] = {}

    def error(self, message: str) -> DeckError:
        """A DeckError about this template."""
        return DeckError.single(self.shown, message)

    def blob(self, partname: str, limit: int) -> bytes:
        """A part's bytes (partname without the leading '/'), refusing parts larger than limit."""
        if partname not in self._names:
            raise self.error(f"not a usable template: part {partname!r} is missing")
        if self._zip.getinfo(partname).file_size > limit:
            raise self.error(f"refused: part {partname!r} is larger than {limit // 2**20} MB")
        try:
            return self._zip.read(partname)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
            raise self.error(f"not a .pptx template: cannot read part {partname!r} ({error})") from None

    def xml(self, partname: str) -> Element:
        """A part parsed as XML (entities unresolved, no network, no DTD), read once."""
        if partname not in self._xml:
            try:
                self._xml[partname] = etree.fromstring(self.blob(partname, MAX_XML_BYTES), _PARSER)
            except etree.XMLSyntaxError as error:
                raise self.error(
                    f"not a .pptx template: part {partname!r} is not valid XML ({error})"
                ) from None
        return self._xml[partname]

    def relationships(self, partname: str) -> dict[str, tuple[str, str]]:
        """A part's internal relationships: rId → (type, target partname). '' is the package itself."""
        folder, name = posixpath.split(partname)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self._names:
            return {}
        result: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name).iterfind("rel:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            result[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(resolved))
        return result

    def related(self, partname: str, reltype: str) -> list[str]:
        """The target partnames of a part's relationships of one type, in rId order of appearance."""
        return [target for kind, target in self.relationships(partname).values() if kind == reltype]

    def has(self, partname: str) -> bool:
        """Whether the package holds a part of that name."""
        return partname in self._names

    def main_document(self) -> str:
        """The presentation part's name, from the package relationships."""
        documents = self.related("", RT_OFFICE_DOCUMENT)
        if not documents or not self.has(documents[0]):
            raise self.error("not a .pptx template: the package has no presentation part")
        return documents[0]
