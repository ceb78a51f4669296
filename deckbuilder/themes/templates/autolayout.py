"""Layouts written once for every master, placed on their own master's title and body areas.

LibreOffice has no layouts of its own: its slides take their title and body areas from their master.
Saving as .pptx, it writes the same layouts under every master, placed as on one of them (Midnightblue's
content master got the title in the middle of the slide, under an empty navy band, where its own master
and sample slides put it in the band). Where every master holds the same layouts, each master's layouts
are moved from that master's areas to their own, in templates LibreOffice wrote (PowerPoint's layouts
mean where they put their placeholders).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.calm import COVERING_SHARE, covered_by
from deckbuilder.themes.templates.model import CHROME_TYPES, TITLE_TYPES, Layout, Placeholder
from deckbuilder.themes.templates.package import TemplatePackage

RT_EXTENDED_PROPERTIES = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
)
EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
MasterAreas = Mapping[str, Rect]
"""A master's own placeholder rectangles by kind: title, body, dt, ftr, sldNum."""


def written_by_libreoffice(package: TemplatePackage) -> bool:
    """Whether the package's extended properties name LibreOffice as the application that wrote it."""
    for part in package.related("", RT_EXTENDED_PROPERTIES)[:1]:
        if package.has(part):
            application = package.xml(part).find(f"{EXTENDED}Application")
            return application is not None and (application.text or "").startswith("LibreOffice")
    return False


def _signature(layouts: Sequence[Layout]) -> tuple[object, ...]:
    """What a master's layouts are, placeholder by placeholder, less the footers."""
    return tuple(
        (layout.name, tuple((p.type, p.rect) for p in layout.placeholders if p.type not in CHROME_TYPES))
        for layout in layouts
    )


def _reference(layouts: Sequence[Layout]) -> tuple[Rect, Rect] | None:
    """The title and body areas the shared layouts were placed by: those of a title-and-content one."""
    for layout in layouts:
        texts = [p for p in layout.placeholders if p.type not in CHROME_TYPES]
        titles = [p for p in texts if p.type in TITLE_TYPES]
        bodies = [p for p in texts if p.takes_points]
        if len(titles) == 1 and len(bodies) == 1 and len(texts) == 2:
            return titles[0].rect, bodies[0].rect
    return None


def _banded(layout: Layout, own: Rect, shared: Rect) -> bool:
    """Whether the master draws a band behind its own title, away from where the shared layouts put it."""
    return own != shared and any(
        shape.fill and covered_by(shape.rect, own) >= COVERING_SHARE for shape in layout.decorations
    )


def _mapped(rect: Rect, source: Rect, target: Rect) -> Rect:
    """A rectangle placed in target as it was in source."""
    sx, sy = target.w / source.w, target.h / source.h
    return Rect(
        target.x + round((rect.x - source.x) * sx),
        target.y + round((rect.y - source.y) * sy),
        round(rect.w * sx),
        round(rect.h * sy),
    )


def _moved(placeholder: Placeholder, title: Rect, body: Rect, areas: MasterAreas) -> Placeholder:
    """One placeholder moved from the reference areas onto its master's."""
    if placeholder.is_title:
        return replace(placeholder, rect=areas["title"])
    if placeholder.type in CHROME_TYPES:
        return replace(placeholder, rect=areas.get(placeholder.type, placeholder.rect))
    return replace(placeholder, rect=_mapped(placeholder.rect, body, areas["body"]))


def _on_slide(rect: Rect, width: int, height: int) -> bool:
    """Whether a rectangle has an area and lies on the slide."""
    return (
        rect.w > 0
        and rect.h > 0
        and rect.x >= 0
        and rect.y >= 0
        and rect.right <= width
        and rect.bottom <= height
    )


def _usable(areas: MasterAreas, width: int, height: int) -> bool:
    """Whether a master's title and body areas lie on the slide, the title wholly above the body."""
    title, body = areas.get("title"), areas.get("body")
    return (
        title is not None
        and body is not None
        and _on_slide(title, width, height)
        and _on_slide(body, width, height)
        and title.bottom <= body.y
    )


def on_their_masters(
    layouts: Sequence[Layout], masters: Sequence[MasterAreas], width: int, height: int
) -> tuple[Layout, ...]:
    """The layouts, each master's moved onto its own areas where every master holds the same ones."""
    by_master = [[layout for layout in layouts if layout.master == index] for index in range(len(masters))]
    if len(masters) < 2 or len({_signature(group) for group in by_master}) != 1:
        return tuple(layouts)
    reference = _reference(by_master[0])
    if reference is None:
        return tuple(layouts)
    title, body = reference
    if body.w <= 0 or body.h <= 0:
        return tuple(layouts)
    moved = []
    for layout in layouts:
        areas = masters[layout.master]
        if not _usable(areas, width, height) or not _banded(layout, areas["title"], title):
            moved.append(layout)
            continue
        placeholders = tuple(_moved(p, title, body, areas) for p in layout.placeholders)
        on_slide = all(_on_slide(p.rect, width, height) for p in placeholders)
        moved.append(replace(layout, placeholders=placeholders) if on_slide else layout)
    return tuple(moved)
