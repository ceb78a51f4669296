"""Load an outline file into a Deck, and save a Deck back as YAML, atomically."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from deckbuilder.atomic import write_text_atomic
from deckbuilder.errors import DeckError, Problem
from deckbuilder.outline.model import Deck
from deckbuilder.outline.validation import located_problems
from deckbuilder.outline.yaml_source import parse_outline, read_outline_text
from deckbuilder.paths import SCHEMA_FILE
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
    return deck.with_marks({key: (mark.line, mark.column) for key, mark in tree.value_marks.items()})


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


def schema_header(target: Path) -> str:
    """The yaml-language-server line pointing an editor at the shipped schema, relative to target."""
    try:
        reference = Path(os.path.relpath(SCHEMA_FILE, target.resolve().parent)).as_posix()
    except ValueError:  # another drive on Windows
        reference = SCHEMA_FILE.as_uri()
    return f"# yaml-language-server: $schema={reference}\n"


def dumps(deck: Deck, target: Path | None = None) -> str:
    """The deck as outline YAML text, with the schema line for a file at target."""
    body = yaml.dump(
        outline_data(deck),
        Dumper=_OutlineDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return schema_header(target or Path.cwd() / "deck.yaml") + body


def check_deck(deck: Deck) -> None:
    """Raise DeckError with every problem of a Deck built or changed in Python, as loading would find."""
    try:
        Deck.from_data(outline_data(deck))
    except RecordError as error:
        where = str(deck.path or "<deck>")
        problems = [Problem(where, f"{dotted(i.path) or 'deck'}: {i.message}") for i in error.issues]
        raise DeckError(problems) from None


def save(deck: Deck, path: str | os.PathLike[str]) -> Path:
    """Write the deck to path atomically, after checking it; returns the path and records it on the deck."""
    check_deck(deck)
    file_path = Path(path)
    write_text_atomic(file_path, dumps(deck, file_path))
    deck.with_path(file_path)
    return file_path
