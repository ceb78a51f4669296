"""Which template layout each slide kind uses: chosen by the placeholders layouts hold, names as hints."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from deckbuilder.errors import DeckError, Problem
from deckbuilder.geometry import Rect
from deckbuilder.outline.model import SLIDE_KINDS, SlideKind
from deckbuilder.themes.templates.calm import clutter
from deckbuilder.themes.templates.model import Layout, Placeholder, TemplateSpec

Locate = Callable[[str], tuple[str, int | None, int | None]]
"""Where the override for a kind was written: (file, line, column)."""
HINT_BONUS = 5
PAIRED_COLUMNS = 8
"""Only a layout's largest content placeholders are paired as columns, so matching stays linear."""
COLUMN_WIDTH = 0.25
COLUMN_HEIGHT = 0.35
"""A column placeholder is at least this share of the slide wide and tall (narrower or shorter ones
shred a comparison into continuation slides of fragments: it is drawn in the free area instead)."""
MASTER_BONUS = 40
"""A layout on the master meant for its slides (the cover's for the title, the content one's for the
rest) outscores any layout of another master that plays the same role."""
CLUTTER_STEP = 0.05
"""Masters whose content areas are this close in how busy they are count as equally calm."""


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


def _column(placeholder: Placeholder, spec: TemplateSpec) -> bool:
    """Whether a placeholder can hold a column of points: wide and tall enough for a heading and a few."""
    rect = placeholder.rect
    return rect.w >= COLUMN_WIDTH * spec.width and rect.h >= COLUMN_HEIGHT * spec.height


def side_by_side(layout: Layout, spec: TemplateSpec) -> tuple[Placeholder, Placeholder] | None:
    """The two largest content placeholders that stand side by side as columns, left one first."""
    columns = [p for p in layout.contents if _column(p, spec)][:PAIRED_COLUMNS]
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
    why: str = ""
    """Why this master and layout, in a few words (check-template shows it)."""


@dataclass(frozen=True)
class MasterPlan:
    """Which master the title slide uses (the cover) and which the other slides use, and why."""

    cover: int
    content: int
    cover_why: str
    content_why: str


def body_box(layout: Layout, spec: TemplateSpec) -> Rect:
    """Where a layout's slides put their body: its largest content placeholder, else below its title."""
    if layout.contents:
        return layout.contents[0].rect
    title = _horizontal_title(layout)
    left, right = (title.rect.x, title.rect.right) if title else (spec.width // 20, spec.width * 19 // 20)
    top = title.rect.bottom if title else spec.height // 5
    return Rect(left, top, right - left, max(spec.height // 5, spec.height * 17 // 20 - top))


def _busy(layout: Layout, spec: TemplateSpec) -> float:
    """How busy a layout is behind its body (mostly) and its title."""
    title = _horizontal_title(layout)
    body = clutter(spec, layout, body_box(layout, spec))
    return body if title is None else 0.75 * body + 0.25 * clutter(spec, layout, title.rect)


def _on_master(spec: TemplateSpec, master: int, role: str) -> Layout | None:
    scored = [
        (score, layout)
        for layout in spec.layouts
        if layout.master == master and (score := ROLES[role](layout, spec)) is not None
    ]
    return max(scored, key=lambda item: (item[0], -item[1].index))[1] if scored else None


def plan_masters(spec: TemplateSpec) -> MasterPlan:
    """The cover master (the first sample title slide's, else the title layout's) and the content
    master: the calmest of the masters the sample content slides use (of all masters without them),
    the cover's last."""
    if spec.masters <= 1:
        return MasterPlan(0, 0, "the only master", "the only master")
    by_place = {(layout.master, layout.index): layout for layout in spec.layouts}
    samples = [by_place[place] for place in spec.sample_layouts if place in by_place]
    titles = [layout for layout in samples if _score_title(layout, spec) is not None]
    if titles:
        cover, cover_why = titles[0].master, "the first sample title slide's master"
    else:
        best = _best(spec, "title")
        cover = best[0].master if best else 0
        cover_why = "the master of the best title layout"
    used = [layout.master for layout in samples if _score_title(layout, spec) is None]
    candidates = sorted(set(used)) or list(range(spec.masters))

    def rank(master: int) -> tuple[int, bool, int, int, int]:
        layout = _on_master(spec, master, "content") or _on_master(spec, master, "any")
        steps = round(_busy(layout, spec) / CLUTTER_STEP) if layout else 1 << 20
        no_content = _on_master(spec, master, "content") is None
        return (no_content, master == cover, steps, -used.count(master), master)  # the cover is for covers

    content = min(candidates, key=rank)
    layout = _on_master(spec, content, "content") or _on_master(spec, content, "any")
    busy = f"{round(100 * _busy(layout, spec))}% busy behind the text" if layout else "no layouts"
    whose = f"{len(candidates)} sample content slides' masters" if used else f"{len(candidates)} masters"
    return MasterPlan(cover, content, cover_why, f"calmest of {whose}, {busy}")


Best = Mapping[str, tuple[Layout, int] | None]
"""Each role's best layout and its score."""


def _best(spec: TemplateSpec, role: str, master: int | None = None) -> tuple[Layout, int] | None:
    """The best layout for a role; one on `master` wins over any on another master."""
    scored = [(score, layout) for layout in spec.layouts if (score := ROLES[role](layout, spec)) is not None]
    if not scored:
        return None
    score, layout = max(
        ((s + (MASTER_BONUS if layout.master == master else 0), layout) for s, layout in scored),
        key=lambda item: (item[0], -item[1].master, -item[1].index),
    )
    return layout, score


def _why(plan: MasterPlan, kind: str, role: str, layout: Layout) -> str:
    """Why a kind's slides use this layout: the role it plays, and its master's reason."""
    meant, reason = (plan.cover, plan.cover_why) if kind == "title" else (plan.content, plan.content_why)
    what = ROLE_NAMES[role].removeprefix("a ").removesuffix(" layout")
    if layout.master == meant:
        return f"{what}; {reason}"
    return f"{what}; master {meant + 1} ({reason}) has none"


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
    spec: TemplateSpec, kind: str, plan: MasterPlan, best: tuple[Best, Best] | None = None
) -> LayoutChoice:
    """The layout a kind uses on this template, without overrides (`best`: each role's best layout,
    on the cover master and on the content master)."""
    meant = plan.cover if kind == "title" else plan.content
    for role in CHAINS[kind]:
        found = (
            (best[0] if kind == "title" else best[1])[role] if best is not None else _best(spec, role, meant)
        )
        if found is not None:
            layout = found[0]
            return LayoutChoice(
                kind, layout, role, _warning(kind, role, layout), why=_why(plan, kind, role, layout)
            )
    raise AssertionError("the 'any' role accepts every layout")  # spec.layouts is never empty


def find_layout(spec: TemplateSpec, name: str) -> Layout | None:
    """A layout by name, ignoring case, spacing and punctuation."""
    wanted = _words(name)
    return next((layout for layout in spec.layouts if _words(layout.name) == wanted), None)


def plan_layouts(
    spec: TemplateSpec, overrides: Mapping[SlideKind, str] | None = None, locate: Locate | None = None
) -> dict[str, LayoutChoice]:
    """Every slide kind's layout choice; overrides name a layout per kind (DeckError if one is missing)."""
    plan = plan_masters(spec)
    best = (  # each layout scored once per role and master
        {role: _best(spec, role, plan.cover) for role in ROLES},
        {role: _best(spec, role, plan.content) for role in ROLES},
    )
    choices = {kind: choose(spec, kind, plan, best) for kind in SLIDE_KINDS}
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
        why = f"{ROLE_NAMES[role]} on master {layout.master + 1}, named in the outline"
        choices[kind] = LayoutChoice(kind, layout, role, warning, overridden=True, why=why)
    if problems:
        raise DeckError(problems)
    return choices
