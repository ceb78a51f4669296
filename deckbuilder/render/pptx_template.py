"""A .pptx template opened for export: checked again, its sample slides and stale parts removed cleanly.

Removing a slide takes more than dropping it from the slide list: custom shows and sections name
slides too, and a relationship left behind keeps the slide part (and its notes and pictures) in the
saved package, which PowerPoint then offers to repair. So the lists that name slides go first, then
each slide's id and relationship; python-pptx saves only the parts still reachable, so none are
orphaned. The package thumbnail (a picture of the template's first slide) and the extended
properties (which list the sample slides' titles) are dropped too; PowerPoint writes both afresh.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from deckbuilder.errors import DeckError
from deckbuilder.layout.boxes import LayoutRef
from deckbuilder.themes.templates.limits import printable
from deckbuilder.themes.templates.loading import template_package

_PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_OTHER_MAINS = (
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
)
_SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
"""The extLst entry (p14:sectionLst) PowerPoint keeps slide sections in."""
_VBA_PROJECT = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"


def _as_presentation(data: bytes) -> bytes:
    """The package with a template's (or macro file's) main part typed as a plain presentation."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        text = types.decode("utf-8", errors="replace")
        if not any(main in text for main in _OTHER_MAINS):
            return data
        for main in _OTHER_MAINS:
            text = text.replace(main, _PRESENTATION)
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                blob = text.encode("utf-8") if info.filename == "[Content_Types].xml" else source.read(info)
                target.writestr(info, blob)
    return output.getvalue()


def remove_sample_slides(prs: Any) -> None:
    """Remove every slide the template holds, with everything that names it."""
    presentation = prs.part._element
    custom_shows = presentation.find(qn("p:custShowLst"))
    if custom_shows is not None:
        presentation.remove(custom_shows)
    extensions = presentation.find(qn("p:extLst"))
    if extensions is not None:
        for extension in list(extensions):
            if extension.get("uri") == _SECTIONS_EXT:
                extensions.remove(extension)
        if not len(extensions):
            presentation.remove(extensions)
    slide_list = prs.slides._sldIdLst
    for slide_id in list(slide_list):
        slide_list.remove(slide_id)
        prs.part.drop_rel(slide_id.rId)


def _drop_package_extras(prs: Any) -> None:
    """Drop the thumbnail, extended properties and any macro project: stale or unwanted in a new deck."""
    package = prs.part.package
    for r_id, rel in list(package._rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.drop_rel(r_id)
    for r_id, rel in list(prs.part.rels.items()):
        if rel.reltype == _VBA_PROJECT:
            prs.part.rels.pop(r_id)


def open_template(path: str) -> Any:
    """The template as a python-pptx Presentation with no slides, ready for the deck's.

    It opens the very package `check-template` and layout read (checked, cleaned, cached), so what
    they accepted opens here.
    """
    data = _as_presentation(template_package(path).data)
    stream = io.BytesIO(data)
    try:
        prs = Presentation(stream)
    except Exception as error:  # python-pptx raises many kinds on malformed packages
        detail = str(error).replace(repr(stream), "the template") or type(error).__name__
        raise DeckError.single(path, f"not a usable template: {detail}") from None
    remove_sample_slides(prs)
    _drop_package_extras(prs)
    properties = prs.core_properties
    properties.subject = ""
    properties.keywords = ""
    properties.comments = ""
    return prs


def template_layout(prs: Any, ref: LayoutRef, path: str) -> Any:
    """The slide layout a laid-out slide names; DeckError if the template changed since layout."""
    masters = prs.slide_masters
    try:
        if ref.master < len(masters):
            layouts = masters[ref.master].slide_layouts
            if ref.index < len(layouts) and printable(layouts[ref.index].name) == ref.name:
                return layouts[ref.index]
    except (KeyError, AttributeError, ValueError) as error:  # a list names a part python-pptx cannot find
        raise DeckError.single(
            path, f"not a usable template: its layouts cannot be found ({error})"
        ) from None
    message = (
        f"the template changed while exporting: layout '{printable(ref.name)}' is no longer where it was"
    )
    raise DeckError.single(path, message)
