"""Typed records: dataclasses read from plain data (parsed YAML) and checked against their annotations.

The outline and theme models are records. Reading one checks every field (type, emptiness, lengths,
bounds, patterns, unknown and missing keys, cross-field rules) and collects every issue with its key
path rather than stopping at the first. This is the part of pydantic the project used, without the
~100 ms its import and model building add to every cold `deckbuilder export`.
"""

from __future__ import annotations

import dataclasses
import math
import re
import types
import typing
from collections.abc import Callable, Sequence
from typing import Annotated, Any, ClassVar, Literal, Self, Union

KeyPath = tuple[str | int, ...]
INTERNAL = "deckbuilder.internal"
"""Metadata key of fields that are state, not data: never read, written, compared or in the schema."""


@dataclasses.dataclass(frozen=True)
class Rule:
    """Constraints on a field, given in Annotated[...]: lengths, bounds, a pattern, a description."""

    min_length: int | None = None
    max_length: int | None = None
    gt: float | None = None
    ge: float | None = None
    le: float | None = None
    pattern: str | None = None
    pattern_hint: str | None = None
    """What a value that does not match the pattern gets told, instead of the pattern itself."""
    description: str | None = None


@dataclasses.dataclass(frozen=True)
class Tagged:
    """Marks a union of records told apart by their `kind` field; `noun` names a member in messages."""

    noun: str


@dataclasses.dataclass(frozen=True)
class Issue:
    """One thing wrong in the data: where, what sort (code), and a message that does not name the field."""

    path: KeyPath
    code: Literal["missing", "unknown", "tag", "type", "value", "rule"]
    """missing, unknown and tag issues have whole sentences; the others' messages follow the field's name."""
    message: str
    value: object = None


class RecordError(ValueError):
    """Data that does not make a record: every issue found."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(f"{'.'.join(map(str, i.path))}: {i.message}" for i in issues))
        self.issues = issues


def internal(*, default: Any = None, init: bool = True) -> Any:
    """A dataclass field for state that is not outline data (a file path, a parsed template)."""
    return dataclasses.field(default=default, init=init, repr=False, compare=False, metadata={INTERNAL: True})


class Record:
    """Base of records: subclasses are `@dataclass(kw_only=True)` classes, and may add a cross-field rule."""

    _given: ClassVar[frozenset[str] | None] = None
    """The keys the data gave, on a record that was read: writing it back keeps them, defaults or not."""

    def broken_rule(self) -> str | None:
        """Why the fields do not fit together, if they don't; checked once each field is valid."""
        return None

    @classmethod
    def from_data(cls, data: object) -> Self:
        """The record the data describes; raises RecordError with every issue found."""
        issues: list[Issue] = []
        result = reader_for(cls)(data, (), issues)
        if issues:
            raise RecordError(issues)
        return typing.cast(Self, result)


# --------------------------------------------------------------------------------------------------
# Wording shared by every reader (and by the outline's own messages)


def describe(value: object) -> str:
    """How a raw value reads to the person who wrote it."""
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
    import difflib  # only bad input needs it

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def dotted(path: KeyPath) -> str:
    """A key path as people read it: sections[2].slides[0].title."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _number(value: float) -> str:
    """A bound as people write it: 0 rather than 0.0, 1e+308 rather than its 309 digits."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e16 else str(value)


# --------------------------------------------------------------------------------------------------
# Readers: one function per annotation, built once and cached

Reader = Callable[[Any, KeyPath, list[Issue]], Any]
INVALID: Any = object()
"""What a reader returns for a value it found issues in (the issues are appended to the list)."""
_TRUE = frozenset({"true", "yes", "on", "y", "t", "1"})
_FALSE = frozenset({"false", "no", "off", "n", "f", "0"})


_FIELDS: dict[type[Record], list[tuple[dataclasses.Field[Any], Any]]] = {}


def fields_of(cls: type[Record]) -> list[tuple[dataclasses.Field[Any], Any]]:
    """A record's data fields (internal ones left out) with their resolved annotations."""
    found = _FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls, include_extras=True)
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        found = _FIELDS[cls] = [(f, hints[f.name]) for f in fields if not f.metadata.get(INTERNAL)]
    return found


def has_default(field: dataclasses.Field[Any]) -> bool:
    """Whether a field may be left out of the data."""
    return field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING


def default_of(field: dataclasses.Field[Any]) -> Any:
    """A field's default value (a fresh one for a factory)."""
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


def split_annotation(annotation: Any) -> tuple[Any, Rule | None, Tagged | None]:
    """An annotation without Annotated[...], and the Rule and Tagged it carried."""
    rule = tagged = None
    while typing.get_origin(annotation) is Annotated:
        annotation, *extras = typing.get_args(annotation)
        rule = next((e for e in extras if isinstance(e, Rule)), rule)
        tagged = next((e for e in extras if isinstance(e, Tagged)), tagged)
    return annotation, rule, tagged


def union_members(annotation: Any) -> tuple[Any, ...] | None:
    """The members of a union annotation (X | Y, Optional[X]), or None for any other annotation."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return typing.get_args(annotation)
    return None


def is_record(annotation: Any) -> bool:
    """Whether an annotation is a record class."""
    return isinstance(annotation, type) and issubclass(annotation, Record)


_READERS: dict[Any, Reader] = {}


def reader_for(annotation: Any) -> Reader:
    """The function that reads and checks a value for an annotation (made once per annotation)."""
    reader = _READERS.get(annotation)
    if reader is None:
        reader = _READERS[annotation] = _make_reader(annotation)
    return reader


def _make_reader(annotation: Any) -> Reader:
    base, rule, tagged = split_annotation(annotation)
    members = union_members(base)
    if members is not None:
        return _union_reader(members, tagged)
    if is_record(base):
        return _record_reader(base)
    if base is str:
        return _str_reader(rule)
    if base is bool:
        return _read_bool
    if base is float:
        return _float_reader(rule)
    origin = typing.get_origin(base)
    if origin is Literal:
        return _literal_reader(tuple(typing.get_args(base)))
    if origin is list:
        return _list_reader(reader_for(typing.get_args(base)[0]), rule)
    if origin is dict:
        key, value = typing.get_args(base)
        return _dict_reader(tuple(typing.get_args(key)), reader_for(value))
    raise TypeError(f"records cannot read {annotation!r}")


def _wrong_type(path: KeyPath, value: Any, expected: str) -> Issue:
    """The issue for a value of the wrong sort: 'should be a list, found 'x''."""
    return Issue(path, "type", f"should be {expected}, found {describe(value)}", value)


def _str_reader(rule: Rule | None) -> Reader:
    min_length = rule.min_length if rule else None
    max_length = rule.max_length if rule else None
    pattern = re.compile(rule.pattern) if rule and rule.pattern else None
    mismatch = (rule.pattern_hint or f"does not match the pattern {rule.pattern}") if rule else ""

    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        if not isinstance(value, str):
            issues.append(_wrong_type(path, value, "text"))
            return INVALID
        if min_length and len(value) < min_length:
            issues.append(Issue(path, "value", "must not be empty", value))
            return INVALID
        if max_length is not None and len(value) > max_length:
            issues.append(Issue(path, "value", f"takes at most {max_length} characters, found {len(value)}"))
            return INVALID
        if pattern is not None and not pattern.search(value):
            issues.append(Issue(path, "value", mismatch, value))
            return INVALID
        return value

    return read


def _read_bool(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    issues.append(_wrong_type(path, value, "true or false"))
    return INVALID


def _float_reader(rule: Rule | None) -> Reader:
    bounds = [
        (bound, test, words)
        for bound, test, words in (
            (rule.gt if rule else None, float.__gt__, "greater than"),
            (rule.ge if rule else None, float.__ge__, "at least"),
            (rule.le if rule else None, float.__le__, "at most"),
        )
        if bound is not None
    ]

    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        number = _as_float(value)
        if number is None:
            issues.append(_wrong_type(path, value, "a number"))
            return INVALID
        if not math.isfinite(number):
            issues.append(Issue(path, "value", f"should be a finite number, found {describe(value)}", value))
            return INVALID
        for bound, test, words in bounds:
            if not test(number, float(bound)):
                message = f"should be {words} {_number(bound)}, found {_number(number)}"
                issues.append(Issue(path, "value", message, value))
                return INVALID
        return number

    return read


def _as_float(value: Any) -> float | None:
    """A number written as text (YAML scalars are text) or given as int or float; None for anything else."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _literal_reader(choices: tuple[str, ...]) -> Reader:
    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        if isinstance(value, str) and value in choices:
            return value
        hint = did_you_mean(value, choices) if isinstance(value, str) else ""
        issues.append(
            Issue(
                path, "value", f"should be one of {', '.join(choices)}, found {describe(value)}{hint}", value
            )
        )
        return INVALID

    return read


def _list_reader(item: Reader, rule: Rule | None) -> Reader:
    min_length = rule.min_length if rule else None
    max_length = rule.max_length if rule else None

    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        if not isinstance(value, list):
            issues.append(_wrong_type(path, value, "a list"))
            return INVALID
        if max_length is not None and len(value) > max_length:  # refused unread: it may be huge
            issues.append(Issue(path, "value", f"takes at most {items(max_length)}, found {len(value)}"))
            return INVALID
        result = [item(element, (*path, index), issues) for index, element in enumerate(value)]
        if min_length is not None and len(value) < min_length:
            issues.append(Issue(path, "value", f"needs at least {items(min_length)}, found {len(value)}"))
            return INVALID
        return INVALID if any(element is INVALID for element in result) else result

    return read


def _dict_reader(keys: tuple[str, ...], item: Reader) -> Reader:
    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        if not isinstance(value, dict):
            issues.append(_wrong_type(path, value, "a mapping of keys"))
            return INVALID
        result = {}
        valid = True
        for key, element in value.items():
            if key not in keys:
                message = f"unknown key '{key}'{did_you_mean(str(key), keys)}; keys are: {', '.join(keys)}"
                issues.append(Issue((*path, key), "unknown", message, key))
                valid = False
            result[key] = item(element, (*path, key), issues)
            valid = valid and result[key] is not INVALID
        return result if valid else INVALID

    return read


def _union_reader(members: tuple[Any, ...], tagged: Tagged | None) -> Reader:
    optional = type(None) in members
    records = [member for member in members if is_record(member)]
    others = [member for member in members if member is not type(None) and not is_record(member)]
    if tagged is not None:
        return _tagged_reader(records, tagged, optional)
    if len(records) > 1 or len(others) > 1:
        raise TypeError(f"records cannot read the union {members!r}")
    record = reader_for(records[0]) if records else None
    other = reader_for(others[0]) if others else None

    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        if value is None and optional:
            return None
        if record is not None and (other is None or isinstance(value, dict | Record)):
            return record(value, path, issues)
        assert other is not None
        return other(value, path, issues)

    return read


def tag_of(record: type[Record]) -> str:
    """The `kind` a member of a tagged union is written with."""
    field = next(f for f, _ in fields_of(record) if f.name == "kind")
    return str(field.default)


def _tagged_reader(records: list[type[Record]], tagged: Tagged, optional: bool) -> Reader:
    by_tag = {tag_of(record): reader_for(record) for record in records}
    kinds = ", ".join(by_tag)

    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        if value is None and optional:
            return None
        if isinstance(value, Record):
            return value
        if not isinstance(value, dict):
            issues.append(_wrong_type(path, value, "a mapping of keys"))
            return INVALID
        tag = value.get("kind")
        if tag is None:
            issues.append(Issue(path, "tag", f"a {tagged.noun} needs a 'kind', one of: {kinds}"))
            return INVALID
        member = by_tag.get(tag) if isinstance(tag, str) else None
        if member is None:
            hint = did_you_mean(tag, list(by_tag)) if isinstance(tag, str) else ""
            message = f"unknown {tagged.noun} kind {describe(tag)}{hint}; kinds are: {kinds}"
            issues.append(Issue((*path, "kind"), "tag", message, tag))
            return INVALID
        return member(value, path, issues)

    return read


def _record_reader(cls: type[Record]) -> Reader:
    plan: list[tuple[str, Reader, bool]] = []
    names: frozenset[str] = frozenset()

    def read(value: Any, path: KeyPath, issues: list[Issue]) -> Any:
        nonlocal plan, names
        if isinstance(value, cls):
            return value
        if not isinstance(value, dict):
            issues.append(_wrong_type(path, value, "a mapping of keys"))
            return INVALID
        if not plan:  # made on first use, so records may name classes defined after them
            fields = fields_of(cls)
            names = frozenset(field.name for field, _ in fields)
            plan = [(field.name, reader_for(hint), not has_default(field)) for field, hint in fields]
        valid = True
        for key in value:
            if key not in names:
                message = f"unknown key '{key}'{did_you_mean(str(key), [name for name, _, _ in plan])}"
                issues.append(Issue((*path, key), "unknown", message, key))
                valid = False
        arguments: dict[str, Any] = {}
        for name, read_field, required in plan:
            if name in value:
                result = read_field(value[name], (*path, name), issues)
                valid = valid and result is not INVALID
                arguments[name] = result
            elif required:
                issues.append(Issue((*path, name), "missing", f"missing required key '{name}'"))
                valid = False
        if not valid:
            return INVALID
        record = cls(**arguments)
        problem = record.broken_rule()
        if problem is not None:
            issues.append(Issue(path, "rule", problem))
            return INVALID
        object.__setattr__(record, "_given", frozenset(arguments))
        return record

    return read


# --------------------------------------------------------------------------------------------------
# Writing records back as data


def as_data(value: Any, *, exclude_none: bool = True) -> Any:
    """A record (or list, dict, scalar) as plain data: the keys given, and values unlike their defaults."""
    if isinstance(value, Record):
        given = value._given or frozenset()
        data: dict[str, Any] = {}
        for field, _ in fields_of(type(value)):
            item = getattr(value, field.name)
            if item is None and exclude_none:
                continue
            if field.name in given or not has_default(field) or item != default_of(field):
                data[field.name] = as_data(item, exclude_none=exclude_none)
        return data
    if isinstance(value, list | tuple):
        return [as_data(item, exclude_none=exclude_none) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item, exclude_none=exclude_none) for key, item in value.items()}
    return value
