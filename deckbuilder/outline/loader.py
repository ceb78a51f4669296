"""Load an outline file into a Deck, and save a Deck back as YAML, atomically."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import yaml

from deckbuilder.atomic import write_text_atomic
from deckbuilder.errors import DeckError, Problem
from deckbuilder.outline.links import link_issues
from deckbuilder.outline.model import Deck
from deckbuilder.outline.roundtrip import rewrite, same
from deckbuilder.outline.validation import issue_message, located_links, located_problems
from deckbuilder.outline.yaml_source import parse_outline, read_outline_text
from deckbuilder.records import RecordError, as_data, describe, dotted

SLIDE_KEYS_LAST = ("notes", "source")


def load(path: str | os.PathLike[str]) -> Deck:
    """Read and validate an outline file; raises DeckError with every problem, located."""
    file_path = Path(path)
    return loads(read_outline_text(file_path), str(path)).with_path(file_path)


def loads(text: str, path: str = "<outline>") -> Deck:
    """Validate outline text; `path` names it in problems."""
    tree = parse_outline(text, path)
    if not isinstance(tree.data, dict):
        raise DeckError(
            [
                Problem(
                    path,
                    f"expected a mapping of deck keys (title, sections …) at the top level, "
                    f"found {describe(tree.data)}",
                    1,
                    1,
                )
            ]
        )
    try:
        deck = Deck.from_data(tree.data)
    except RecordError as error:
        raise DeckError(located_problems(error.issues, tree, path)) from None
    refused = link_issues(tree.data)
    if refused:
        raise DeckError(located_links(refused, tree, path))
    return deck.with_marks({key: (mark.line, mark.column) for key, mark in tree.value_marks.items()})


MAX_SALVAGE_STEPS = 500


def salvage(text: str, path: str = "<outline>") -> Deck | None:
    """What of an outline with problems does validate: bad keys left out, then bad slides and sections.

    None when the text is not YAML at all or the deck itself (its title, every section) is broken.
    The result has no source marks: what was left out shifts the positions of what follows.
    """
    try:
        tree = parse_outline(text, path)
    except DeckError:
        return None
    data = copy.deepcopy(tree.data)
    if not isinstance(data, dict):
        return None
    tried: set[tuple[str | int, ...]] = set()
    for _ in range(MAX_SALVAGE_STEPS):
        try:
            return Deck.from_data(data)
        except RecordError as error:
            if not _leave_out(data, tuple(error.issues[0].path), tried):
                return None
    return None


def problem_places(text: str, problems: tuple[Problem, ...]) -> dict[tuple[int, ...], str]:
    """The sections (s,) and slides (s, i) of an outline that problems fall in, each with its first one."""
    try:
        marks = parse_outline(text, "<outline>").value_marks
    except DeckError:
        return {}
    starts = sorted(
        (mark.line, tuple(int(p) for p in key[1::2]))
        for key, mark in marks.items()
        if len(key) in (2, 4) and key[0] == "sections" and key[2:3] in ((), ("slides",))
    )
    places: dict[tuple[int, ...], str] = {}
    for problem in problems:
        inside = [place for line, place in starts if problem.line is not None and line <= problem.line]
        if inside:
            place = inside[-1]
            places.setdefault(place, problem.message)
            places.setdefault(place[:1], problem.message)
    return places


_PARTS = (("sections", int, "slides", int), ("sections", int), ("sources", int))


def _leave_out(data: dict[str, Any], loc: tuple[str | int, ...], tried: set[tuple[str | int, ...]]) -> bool:
    """Drop the key a problem is at (once), else the slide, section or source holding it; False if neither."""
    parent: Any = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            break
    else:
        if loc and loc not in tried and isinstance(parent, dict) and loc[-1] in parent and loc[-1] != "kind":
            tried.add(loc)
            del parent[loc[-1]]
            return True
    for shape in _PARTS:
        prefix = loc[: len(shape)]
        if len(prefix) == len(shape) and all(
            p == s if isinstance(s, str) else isinstance(p, int) for p, s in zip(prefix, shape, strict=True)
        ):
            holder: Any = data
            for part in prefix[:-1]:
                holder = holder[part]
            if isinstance(holder, list) and isinstance(prefix[-1], int) and prefix[-1] < len(holder):
                del holder[prefix[-1]]
                return True
    return False


def _tidy(value: Any) -> Any:
    """Outline data in the order people write it: kind first, notes and source last, whole numbers as ints."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (k != "kind", k in SLIDE_KEYS_LAST))
        return {key: _tidy(value[key]) for key in keys}
    if isinstance(value, list):
        return [_tidy(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def outline_data(deck: Deck) -> dict[str, Any]:
    """The deck as plain data: what the user set, every slide with its kind."""
    data: dict[str, Any] = as_data(deck)
    for section, section_data in zip(deck.sections, data.get("sections", []), strict=True):
        for slide, slide_data in zip(section.slides, section_data.get("slides", []), strict=True):
            slide_data["kind"] = slide.kind
    result: dict[str, Any] = _tidy(data)
    return result


class _OutlineDumper(yaml.SafeDumper):
    """Writes multi-line text as literal blocks and indents lists under their keys."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_OutlineDumper.add_representer(str, _represent_text)


SCHEMA_URL = "https://raw.githubusercontent.com/deckbuilder/deckbuilder/main/assets/schema/deck.schema.json"
"""Where the project publishes the outline schema: a reference that holds wherever a deck is moved."""


def schema_header() -> str:
    """The yaml-language-server line a new deck starts with, pointing an editor at the published schema."""
    return f"# yaml-language-server: $schema={SCHEMA_URL}\n"


def dumps(deck: Deck, target: Path | None = None) -> str:
    """The deck as a new outline file's text, starting with the schema line.

    target is accepted for older callers; the schema line no longer depends on where the file goes.
    """
    del target
    body = yaml.dump(
        outline_data(deck),
        Dumper=_OutlineDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return schema_header() + body


def updated_text(base: str, old: dict[str, Any], deck: Deck) -> str | None:
    """base (which holds old) changed to hold the deck, every untouched line kept; None if it can't be."""
    new = outline_data(deck)
    text = rewrite(base, old, new)
    if text is None:
        return None
    try:
        written = outline_data(loads(text))
    except DeckError:
        return None
    return text if same(written, new) else None


def edited_outline(base: str, old: Deck, new_data: dict[str, Any], name: str) -> tuple[str, Deck]:
    """The outline text base (which holds old) becomes when its data changes to new_data, and its Deck:
    only the lines the change touches are rewritten. Raises DeckError, at key paths, for bad data."""
    try:
        expected = Deck.from_data(new_data)
    except RecordError as error:
        raise DeckError([Problem(name, issue_message(i)) for i in error.issues]) from None
    new = outline_data(expected)
    text = rewrite(base, outline_data(old), new)
    try:
        deck = loads(text, name) if text is not None else None
    except DeckError:
        deck = None
    if text is not None and deck is not None and same(outline_data(deck), new):
        return text, deck
    text = outline_text(expected, base)  # a file the writer cannot edit in place (anchors): written afresh
    return text, loads(text, name)


def outline_text(deck: Deck, base: str | None = None) -> str:
    """The deck as outline text: base rewritten where they differ, or a new file when there is no base."""
    if base is not None:
        try:
            old = outline_data(loads(base))
        except DeckError:
            old = None
        text = updated_text(base, old, deck) if old is not None else None
        if text is not None:
            return text
        return _leading_comments(base) + dumps(deck).split("\n", 1)[1]  # the schema line stays the user's
    return dumps(deck)


def _leading_comments(text: str) -> str:
    """The comment lines a file starts with (its schema line among them)."""
    lines = text.splitlines(keepends=True)
    count = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return "".join(lines[:count])


def check_deck(deck: Deck) -> None:
    """Raise DeckError with every problem of a Deck built or changed in Python, as loading would find."""
    data = outline_data(deck)
    where = str(deck.path or "<deck>")
    try:
        Deck.from_data(data)
    except RecordError as error:
        problems = [Problem(where, f"{dotted(i.path) or 'deck'}: {i.message}") for i in error.issues]
        raise DeckError(problems) from None
    refused = link_issues(data)
    if refused:
        raise DeckError(Problem(where, f"{dotted(path)}: {message}") for path, message in refused)


def save(deck: Deck, path: str | os.PathLike[str]) -> Path:
    """Write the deck to path atomically, after checking it; returns the path (the deck stays as it was).

    A deck loaded from a file is written as that file's text with only the changed lines rewritten
    (comments, quoting, blank lines and the schema line stay the user's); a deck built in Python is
    written as a new outline.
    """
    check_deck(deck)
    file_path = Path(path)
    write_text_atomic(file_path, outline_text(deck, _source_text(deck)))
    return file_path


def _source_text(deck: Deck) -> str | None:
    """The current text of the file the deck came from, if it can still be read."""
    if deck.path is None:
        return None
    try:
        return read_outline_text(deck.path)
    except DeckError:
        return None
