"""Turn pydantic's validation errors into located, plain-language problems."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from deckbuilder.errors import Problem
from deckbuilder.outline.model import SLIDE_CLASSES, SLIDE_KINDS, Deck
from deckbuilder.outline.yaml_source import KeyPath, Mark, SourceTree, deepest_path


def describe(value: object) -> str:
    """How a raw YAML value reads to the person who wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def items(count: object) -> str:
    """'1 item' or 'N items'."""
    return f"{count} item" if count == 1 else f"{count} items"


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """' (did you mean 'x'?)' when a choice is close to word, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _model_classes(annotation: Any) -> Iterator[type[BaseModel]]:
    """The pydantic model classes reachable through an annotation's unions, lists and Annotated."""
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    elif origin is typing.Annotated:
        yield from _model_classes(typing.get_args(annotation)[0])
    elif origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _model_classes(arg)


def model_at(loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that owns the last key of a pydantic error location, if one can be found."""
    current: type[BaseModel] = Deck
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if part in SLIDE_CLASSES:
            current = SLIDE_CLASSES[part]
            continue
        field = current.model_fields.get(part)
        if field is None:
            continue
        classes = list(_model_classes(field.annotation))
        if not classes:
            return None
        if len(classes) == 1:
            current = classes[0]
        elif not any(cls in SLIDE_CLASSES.values() for cls in classes):
            current = classes[-1]
    return current


def _field_name(path: KeyPath) -> str:
    """How to name the node at path in a message: 'title', or item 2 of 'points'."""
    if not path:
        return "the deck"
    if isinstance(path[-1], int):
        owner = next((part for part in reversed(path) if isinstance(part, str)), "list")
        return f"item {path[-1] + 1} of '{owner}'"
    return f"'{path[-1]}'"


def _message(error: Any, path: KeyPath) -> tuple[str, bool]:
    """The plain message for one pydantic error, and whether it points at a key rather than a value."""
    kind: str = error["type"]
    loc: tuple[str | int, ...] = error["loc"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    name = _field_name(path)
    if kind == "missing":
        return f"missing required key '{loc[-1]}'", False
    if kind == "extra_forbidden":
        key = str(loc[-1])
        owner = model_at(loc)
        hint = did_you_mean(key, list(owner.model_fields)) if owner else ""
        return f"unknown key '{key}'{hint}", True
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag", ""))
        return (
            f"unknown slide kind '{tag}'{did_you_mean(tag, SLIDE_KINDS)}; "
            f"kinds are: {', '.join(SLIDE_KINDS)}",
            False,
        )
    if kind == "union_tag_not_found":
        return f"a slide needs a 'kind', one of: {', '.join(SLIDE_KINDS)}", False
    if kind in ("string_type", "str_type"):
        return f"{name} should be text, found {describe(value)}", False
    if kind == "string_too_short":
        return f"{name} must not be empty", False
    if kind == "list_type":
        return f"{name} should be a list, found {describe(value)}", False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{name} should be a mapping of keys, found {describe(value)}", False
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type"):
        return f"{name} should be a number, found {describe(value)}", False
    if kind in ("bool_parsing", "bool_type"):
        return f"{name} should be true or false, found {describe(value)}", False
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = [choice.strip(" '") for choice in expected.replace(" or ", ", ").split(",")]
        return (
            f"{name} should be one of {', '.join(choices)}, found {describe(value)}"
            f"{did_you_mean(str(value), choices)}",
            False,
        )
    if kind == "too_short":
        return (
            f"{name} needs at least {items(ctx.get('min_length'))}, found {ctx.get('actual_length')}",
            False,
        )
    if kind == "too_long":
        return f"{name} takes at most {items(ctx.get('max_length'))}, found {ctx.get('actual_length')}", False
    if kind == "string_pattern_mismatch":
        return f"{name} does not match the pattern {ctx.get('pattern')}: {describe(value)}", False
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{name}: {message}" if path else message, False


def located_problems(error: ValidationError, tree: SourceTree, file: str) -> list[Problem]:
    """Every validation error as a Problem at the node that caused it, in file order."""
    problems: dict[tuple[int, int, str], Problem] = {}
    for item in error.errors():
        loc = item["loc"]
        if item["type"] == "union_tag_invalid":
            loc = (*loc, "kind")
        node = deepest_path(tree, loc)
        message, at_key = _message(item, node)
        marks = tree.key_marks if at_key and node in tree.key_marks else tree.value_marks
        mark = marks.get(node, Mark(1, 1))
        problems.setdefault((mark.line, mark.column, message), Problem(file, message, mark.line, mark.column))
    return [problems[key] for key in sorted(problems)]
