"""Which template layout each slide kind uses: chosen by the placeholders layouts hold, names as hints."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from deckbuilder.errors import DeckError, Problem
from deckbuilder.outline.model import SLIDE_KINDS, SlideKind
from deckbuilder.templates.model import Layout, Placeholder, TemplateSpec

Locate = Callable[[str], tuple[str, int | None, int | None]]
"""Where the override for a kind was written: (file, line, column)."""
HINT_BONUS = 5
PAIRED_COLUMNS = 8
"""Only a layout's largest content placeholders are paired as columns, so matching stays linear."""


def _words(name: str) -> str:
    """A layout name lowered, punctuation and runs of spaces made single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", name.casefold()).split())


def _hinted(layout: Layout, *hints: str) -> int:
    name = _words(layout.name)
    return HINT_BONUS if any(hint in name for hint in hints) else 0


def _horizontal_title(layout: Layout) -> Placeholder | None:
    title = layout.title
    return title if title is not None and not title.vertical else None


def _others(layout: Layout) -> list[Placeholder]:
    """Placeholders for pictures, charts, tables and media: content a text layout should not have."""
    return [p for p in layout.placeholders if p.type in ("pic", "chart", "tbl", "dgm", "media", "clipArt")]


def _big(placeholder: Placeholder, spec: TemplateSpec, share: float) -> bool:
    return placeholder.rect.w * placeholder.rect.h >= share * spec.width * spec.height


def side_by_side(layout: Layout, spec: TemplateSpec) -> tuple[Placeholder, Placeholder] | None:
    """The two largest content placeholders that stand side by side, left one first."""
    columns = [p for p in layout.contents if _big(p, spec, 0.08)][:PAIRED_COLUMNS]
    for i, first in enumerate(columns):
        for second in columns[i + 1 :]:
            a, b = sorted((first, second), key=lambda p: p.rect.x)
            apart = a.rect.right <= b.rect.x
            level = a.rect.y < b.rect.bottom and b.rect.y < a.rect.bottom
            if apart and level:
                return a, b
    return None


def _score_title(layout: Layout, spec: TemplateSpec) -> int | None:
    """A centred title (PowerPoint), or a title and subtitle with nothing else (LibreOffice)."""
    subtitle = 10 if layout.first("subTitle") else 0
    hint = _hinted(layout, "title slide")
    centred = layout.first("ctrTitle")
    if centred is not None and not centred.vertical:
        return 100 + subtitle + hint
    if _horizontal_title(layout) is not None and subtitle and not layout.contents and not _others(layout):
        return 90 + subtitle + hint
    return None


def _score_section(layout: Layout, spec: TemplateSpec) -> int | None:
    title = _horizontal_title(layout)
    if title is None or title.type != "title" or _others(layout) or len(layout.contents) > 1:
        return None
    if any(_big(p, spec, 0.2) for p in layout.contents):
        return None
    hint = _hinted(layout, "section", "header", "divider")
    if layout.type == "secHead":
        return 100 + hint
    return 80 + hint if hint else None


def _score_content(layout: Layout, spec: TemplateSpec) -> int | None:
    if _horizontal_title(layout) is None or _others(layout) or len(layout.contents) != 1:
        return None
    if not _big(layout.contents[0], spec, 0.2):
        return None
    return 100 + _hinted(layout, "title and content", "title content")


def _score_two(layout: Layout, spec: TemplateSpec) -> int | None:
    if _horizontal_title(layout) is None or _others(layout) or side_by_side(layout, spec) is None:
        return None
    base = 100 if len(layout.contents) == 2 else 70
    return base + _hinted(layout, "two content", "2 content", "comparison")


def _score_picture(layout: Layout, spec: TemplateSpec) -> int | None:
    picture = layout.first("pic")
    if _horizontal_title(layout) is None or picture is None or not _big(picture, spec, 0.1):
        return None
    caption = any(p.type == "body" for p in layout.contents)
    return 100 + (10 if caption else 0) + _hinted(layout, "picture", "photo", "image", "caption")


def _score_title_only(layout: Layout, spec: TemplateSpec) -> int | None:
    if _horizontal_title(layout) is None or layout.contents or _others(layout) or layout.first("subTitle"):
        return None
    return 100 + _hinted(layout, "title only")


def _score_any(layout: Layout, spec: TemplateSpec) -> int | None:
    """Any layout at all, the emptier the better (its title, if any, is still used)."""
    used = [p for p in layout.placeholders if p.type not in ("dt", "ftr", "sldNum", "hdr")]
    return 50 - len(used) + (20 if _horizontal_title(layout) else 0)


ROLES: dict[str, Callable[[Layout, TemplateSpec], int | None]] = {
    "title": _score_title,
    "section": _score_section,
    "content": _score_content,
    "two-content": _score_two,
    "picture": _score_picture,
    "title-only": _score_title_only,
    "any": _score_any,
}
ROLE_NAMES = {
    "title": "a title-slide layout",
    "section": "a section-header layout",
    "content": "a title-and-content layout",
    "two-content": "a two-content layout",
    "picture": "a picture layout",
    "title-only": "a title-only layout",
    "any": "a layout with a title",
}
_DRAWN_CHAIN = ("title-only", "content", "any")
CHAINS: dict[str, tuple[str, ...]] = {
    "title": ("title", "section", "title-only", "content", "any"),
    "section": ("section", "title", "title-only", "content", "any"),
    "bullets": ("content", "title-only", "any"),
    "sources": ("content", "title-only", "any"),
    "comparison": ("two-content", "content", "title-only", "any"),
    "image": ("picture", "title-only", "content", "any"),
    **{kind: _DRAWN_CHAIN for kind in ("takeaways", "stat", "chart", "table", "timeline", "quote")},
}
"""For each kind, the roles a layout can play for it, best first."""
_GOOD_ENOUGH = {kind: {chain[0]} for kind, chain in CHAINS.items()} | {
    kind: {"title-only", "content"} for kind in ("takeaways", "stat", "chart", "table", "timeline", "quote")
}


@dataclass(frozen=True)
class LayoutChoice:
    """The layout a slide kind uses, the role it plays, and what is missing when it is a fallback."""

    kind: str
    layout: Layout
    role: str
    warning: str | None = None
    overridden: bool = False


def _best(spec: TemplateSpec, role: str) -> tuple[Layout, int] | None:
    scored = [(score, layout) for layout in spec.layouts if (score := ROLES[role](layout, spec)) is not None]
    if not scored:
        return None
    score, layout = max(scored, key=lambda item: (item[0], -item[1].master, -item[1].index))
    return layout, score


def _role_of(layout: Layout, spec: TemplateSpec, kind: str) -> str:
    """The best role a given layout can play for a kind."""
    return next(role for role in CHAINS[kind] if ROLES[role](layout, spec) is not None)


def _warning(kind: str, role: str, layout: Layout, *, overridden: bool = False) -> str | None:
    """What an export should say when a kind falls back to a lesser role."""
    if role in _GOOD_ENOUGH[kind]:
        return None
    wanted = ROLE_NAMES[CHAINS[kind][0]]
    if role == "any" and _horizontal_title(layout) is None:
        return (
            f"no layout with a title placeholder: {kind} slides use {layout.label}, "
            "their title drawn as a text box"
        )
    what = {
        "title": "the title and subtitle go in its placeholders",
        "section": "the divider's title goes in its title placeholder",
        "bullets": "the points are drawn in a text box",
        "sources": "the sources are drawn in a text box",
        "comparison": "the two columns are drawn",
        "image": "the picture is drawn",
    }.get(kind, "the content is drawn")
    if overridden:
        return f"{layout.label}, which the outline names for {kind} slides, is not {wanted}: {what}"
    return f"no {wanted.removeprefix('a ')}: {kind} slides use {layout.label}; {what}"


def choose(
    spec: TemplateSpec, kind: str, best: Mapping[str, tuple[Layout, int] | None] | None = None
) -> LayoutChoice:
    """The layout a kind uses on this template, without overrides (`best`: each role's best layout)."""
    for role in CHAINS[kind]:
        found = best[role] if best is not None else _best(spec, role)
        if found is not None:
            return LayoutChoice(kind, found[0], role, _warning(kind, role, found[0]))
    raise AssertionError("the 'any' role accepts every layout")  # spec.layouts is never empty


def find_layout(spec: TemplateSpec, name: str) -> Layout | None:
    """A layout by name, ignoring case, spacing and punctuation."""
    wanted = _words(name)
    return next((layout for layout in spec.layouts if _words(layout.name) == wanted), None)


def plan_layouts(
    spec: TemplateSpec, overrides: Mapping[SlideKind, str] | None = None, locate: Locate | None = None
) -> dict[str, LayoutChoice]:
    """Every slide kind's layout choice; overrides name a layout per kind (DeckError if one is missing)."""
    best = {role: _best(spec, role) for role in ROLES}  # each layout scored once per role
    choices = {kind: choose(spec, kind, best) for kind in SLIDE_KINDS}
    problems = []
    for kind, name in (overrides or {}).items():
        layout = find_layout(spec, name)
        if layout is None:
            names = ", ".join(f"'{layout.name}'" for layout in spec.layouts)
            path, line, column = locate(kind) if locate else (spec.path, None, None)
            message = f"layouts.{kind}: no layout named '{name}' in {spec.name}; its layouts are {names}"
            problems.append(Problem(path, message, line, column))
            continue
        role = _role_of(layout, spec, kind)
        warning = _warning(kind, role, layout, overridden=True)
        choices[kind] = LayoutChoice(kind, layout, role, warning, overridden=True)
    if problems:
        raise DeckError(problems)
    return choices
