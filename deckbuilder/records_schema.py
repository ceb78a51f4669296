"""The JSON Schema (draft 2020-12) of a record class, for editors and other tools."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Literal

from deckbuilder.records import (
    Record,
    as_data,
    default_of,
    fields_of,
    has_default,
    is_record,
    split_annotation,
    tag_of,
    union_members,
)

Schema = dict[str, Any]


def json_schema(root: type[Record]) -> Schema:
    """The schema of root: its own properties, with every record it uses under $defs."""
    defs: dict[str, Schema] = {}
    top = _record_schema(root, defs)
    return {"$defs": dict(sorted(defs.items())), **top} if defs else top


def _record_schema(cls: type[Record], defs: dict[str, Schema]) -> Schema:
    properties: Schema = {}
    required: list[str] = []
    for field, annotation in fields_of(cls):
        schema = _schema(annotation, defs)
        if has_default(field):
            if field.default is not dataclasses.MISSING:
                schema["default"] = as_data(default_of(field), exclude_none=False)
        else:
            required.append(field.name)
        if "$ref" not in schema:
            schema["title"] = field.name.replace("_", " ").title()
        properties[field.name] = dict(sorted(schema.items()))
    schema = {
        "additionalProperties": False,
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "title": cls.__name__,
        "type": "object",
    }
    return schema if required else {key: value for key, value in schema.items() if key != "required"}


def _reference(cls: type[Record], defs: dict[str, Schema]) -> Schema:
    if cls.__name__ not in defs:
        defs[cls.__name__] = {}  # claimed first: a record may (indirectly) contain itself
        defs[cls.__name__] = _record_schema(cls, defs)
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _schema(annotation: Any, defs: dict[str, Schema]) -> Schema:
    base, rule, tagged = split_annotation(annotation)
    schema: Schema
    members = union_members(base)
    if members is not None:
        options = [_schema(member, defs) for member in members]
        if tagged is not None:
            mapping = {}
            for member in members:
                mapping[tag_of(member)] = f"#/$defs/{member.__name__}"
                required = defs[member.__name__].setdefault("required", [])
                if "kind" not in required:
                    required.append("kind")  # the reader needs the tag to know the member
                defs[member.__name__] = dict(sorted(defs[member.__name__].items()))
            schema = {"discriminator": {"mapping": dict(sorted(mapping.items())), "propertyName": "kind"}}
            schema["oneOf"] = options
        elif type(None) in members:
            schema = {"anyOf": options, "default": None}
        else:
            schema = {"oneOf": options}
    elif is_record(base):
        schema = _reference(base, defs)
    elif base is str:
        schema = {"type": "string"}
    elif base is bool:
        schema = {"type": "boolean"}
    elif base is float:
        schema = {"type": "number"}
    elif base is type(None):
        schema = {"type": "null"}
    elif typing.get_origin(base) is Literal:
        choices = list(typing.get_args(base))
        schema = {"const": choices[0]} if len(choices) == 1 else {"enum": choices}
        schema["type"] = "string"
    elif typing.get_origin(base) is list:
        schema = {"items": _schema(typing.get_args(base)[0], defs), "type": "array"}
    elif typing.get_origin(base) is dict:
        key, value = typing.get_args(base)
        schema = {
            "additionalProperties": _schema(value, defs),
            "propertyNames": {"enum": list(typing.get_args(key))},
            "type": "object",
        }
    else:
        raise TypeError(f"no JSON Schema for {annotation!r}")
    if rule is not None:
        is_list = schema.get("type") == "array"
        extras = {
            "minItems" if is_list else "minLength": rule.min_length,
            "maxItems" if is_list else "maxLength": rule.max_length,
            "exclusiveMinimum": rule.gt,
            "minimum": rule.ge,
            "maximum": rule.le,
            "pattern": rule.pattern,
            "description": rule.description,
        }
        schema.update({key: value for key, value in extras.items() if value is not None})
    return dict(sorted(schema.items()))
