"""Outline edits as pure functions on outline data: add, duplicate, delete and move slides and sections."""

from __future__ import annotations

import copy
from typing import Any

from deckbuilder.outline.model import SLIDE_CLASSES

Data = dict[str, Any]
OutlinePath = tuple[int, ...]
"""() is the deck, (s,) a section, (s, i) a slide of a section."""

KIND_LABELS: dict[str, str] = {kind: cls.label for kind, cls in SLIDE_CLASSES.items()}
"""Every slide kind's name in the app, in the outline's order."""


def new_slide(kind: str) -> Data:
    """A new slide of a kind, with placeholder content that passes validation."""
    return {"kind": kind, **copy.deepcopy(dict(SLIDE_CLASSES[kind].starter))}


def _texts(slide: Data) -> list[str]:
    """The slide's list-like text content, flattened, for carrying over to another kind."""
    kind = slide.get("kind")
    if kind in ("bullets", "takeaways"):
        texts: list[str] = []
        for point in slide.get("points", []):
            if isinstance(point, dict):
                texts.append(point["text"])
                texts.extend(point.get("points", []))
            else:
                texts.append(point)
        return texts
    if kind == "comparison":
        return _texts({"kind": "bullets", "points": slide["left"].get("points", [])})
    if kind == "timeline":
        return [event["text"] for event in slide.get("events", [])]
    if kind == "quote":
        return [slide["text"]]
    return []


def convert_slide(slide: Data, kind: str) -> Data:
    """The slide as another kind, keeping its title, notes, source and whatever text carries over."""
    if slide.get("kind") == kind:
        return copy.deepcopy(slide)
    result = new_slide(kind)
    if SLIDE_CLASSES[kind].own_title and slide.get("title"):
        result["title"] = slide["title"]
    texts = _texts(slide)
    if texts and kind == "bullets":
        result["points"] = texts
    elif texts and kind == "takeaways":
        result["points"] = (texts + result["points"])[: max(2, min(5, len(texts)))]
    elif texts and kind == "comparison":
        result["left"]["points"] = texts
    elif texts and kind == "timeline":
        result["events"] = [{"date": str(index + 1), "text": text} for index, text in enumerate(texts)]
    elif texts and kind == "quote":
        result["text"] = texts[0]
    for key in ("notes", "source"):
        if slide.get(key):
            result[key] = slide[key]
    return result


def _copy(data: Data) -> Data:
    return copy.deepcopy(data)


def _slides(data: Data, section: int) -> list[Data]:
    slides: list[Data] = data["sections"][section].setdefault("slides", [])
    return slides


def add_section(data: Data, after: OutlinePath) -> tuple[Data, OutlinePath]:
    """A new section after the selected one (or at the end), with one bullets slide."""
    result = _copy(data)
    index = after[0] + 1 if after else len(result["sections"])
    result["sections"].insert(index, {"title": "New section", "slides": [new_slide("bullets")]})
    return result, (index,)


def add_slide(data: Data, at: OutlinePath, kind: str) -> tuple[Data, OutlinePath]:
    """A new slide of a kind after the selected slide, or at the end of the selected (or last) section."""
    result = _copy(data)
    section = at[0] if at else len(result["sections"]) - 1
    slides = _slides(result, section)
    index = at[1] + 1 if len(at) == 2 else len(slides)
    slides.insert(index, new_slide(kind))
    return result, (section, index)


def duplicate(data: Data, path: OutlinePath) -> tuple[Data, OutlinePath]:
    """A copy of a slide or a section right after it."""
    result = _copy(data)
    if len(path) == 2:
        slides = _slides(result, path[0])
        slides.insert(path[1] + 1, copy.deepcopy(slides[path[1]]))
        return result, (path[0], path[1] + 1)
    sections = result["sections"]
    sections.insert(path[0] + 1, copy.deepcopy(sections[path[0]]))
    return result, (path[0] + 1,)


def delete(data: Data, path: OutlinePath) -> tuple[Data, OutlinePath]:
    """The outline without a slide or section; the path of what to select next."""
    result = _copy(data)
    if len(path) == 2:
        slides = _slides(result, path[0])
        del slides[path[1]]
        if slides:
            return result, (path[0], min(path[1], len(slides) - 1))
        return result, (path[0],)
    del result["sections"][path[0]]
    return result, (min(path[0], len(result["sections"]) - 1),)


def can_move(data: Data, path: OutlinePath, delta: int) -> bool:
    """Whether a slide or section can move up (delta -1) or down (+1)."""
    sections = data["sections"]
    if len(path) == 1:
        return 0 <= path[0] + delta < len(sections)
    if len(path) != 2:
        return False
    target = path[1] + delta
    if 0 <= target < len(sections[path[0]].get("slides", [])):
        return True
    return 0 <= path[0] + delta < len(sections)


def move(data: Data, path: OutlinePath, delta: int) -> tuple[Data, OutlinePath]:
    """A slide or section moved one place up or down; a slide at a section's edge crosses into the next."""
    if len(path) == 1:
        return move_section(data, path[0], path[0] + delta + (1 if delta > 0 else 0))
    section, index = path
    slides = data["sections"][section].get("slides", [])
    crossing_up = delta < 0 and index == 1 and _opens_section(slides) and section > 0
    if 0 <= index + delta < len(slides) and not crossing_up:
        return move_slide(data, path, section, index + delta + (1 if delta > 0 else 0))
    neighbour = section + delta
    target = data["sections"][neighbour].get("slides", [])
    row = len(target) if delta < 0 else (1 if _opens_section(target) else 0)
    return move_slide(data, path, neighbour, row)


def _opens_section(slides: list[Data]) -> bool:
    """Whether a section's slides start with its divider slide (a slide moved in goes after it)."""
    return bool(slides) and slides[0].get("kind") == "section"


def move_slide(data: Data, path: OutlinePath, section: int, row: int) -> tuple[Data, OutlinePath]:
    """A slide moved to before `row` of a section (row counted before the slide is taken out)."""
    result = _copy(data)
    slide = _slides(result, path[0]).pop(path[1])
    if section == path[0] and row > path[1]:
        row -= 1
    target = _slides(result, section)
    row = max(0, min(row, len(target)))
    target.insert(row, slide)
    return result, (section, row)


def move_section(data: Data, index: int, row: int) -> tuple[Data, OutlinePath]:
    """A section moved to before `row` (row counted before the section is taken out)."""
    result = _copy(data)
    sections = result["sections"]
    moved = sections.pop(index)
    if row > index:
        row -= 1
    row = max(0, min(row, len(sections)))
    sections.insert(row, moved)
    return result, (row,)


def set_slide(data: Data, path: OutlinePath, slide: Data) -> Data:
    """The outline with one slide replaced."""
    result = _copy(data)
    _slides(result, path[0])[path[1]] = copy.deepcopy(slide)
    return result


def set_section_fields(data: Data, section: int, fields: Data) -> Data:
    """The outline with a section's title or divider flag changed (None removes a key)."""
    result = _copy(data)
    target = result["sections"][section]
    _update(target, fields)
    return result


def set_deck_fields(data: Data, fields: Data) -> Data:
    """The outline with deck metadata changed (None removes a key)."""
    result = _copy(data)
    _update(result, fields)
    return result


def _update(target: Data, fields: Data) -> None:
    for key, value in fields.items():
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
