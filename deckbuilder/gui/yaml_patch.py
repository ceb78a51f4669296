"""Rewrite changed values in outline text in place, so comments and formatting survive form edits."""

from __future__ import annotations

import json
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

KeyPath = tuple[str | int, ...]
Scalar = str | int | float | bool | None

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def scalar_changes(old: Any, new: Any, path: KeyPath = ()) -> list[tuple[KeyPath, Scalar]] | None:
    """The scalar values that differ between two outline data trees, or None if their shape differs."""
    if isinstance(old, dict) and isinstance(new, dict):
        if set(old) != set(new):
            return None
        changes: list[tuple[KeyPath, Scalar]] = []
        for key in old:
            found = scalar_changes(old[key], new[key], (*path, key))
            if found is None:
                return None
            changes.extend(found)
        return changes
    if isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            return None
        changes = []
        for index, (old_item, new_item) in enumerate(zip(old, new, strict=True)):
            found = scalar_changes(old_item, new_item, (*path, index))
            if found is None:
                return None
            changes.extend(found)
        return changes
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return None
    return [] if old == new and type(old) is type(new) else [(path, new)]


def _find(root: Node, path: KeyPath) -> tuple[Node, Node | None, Node | None] | None:
    """The node at path, the key node naming it (if in a mapping) and its parent collection."""
    node, key_node, parent = root, None, None
    for part in path:
        child: tuple[Node, Node] | None = None
        if isinstance(node, MappingNode) and isinstance(part, str):
            child = next(
                ((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == part), None
            )
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            child = (node, node.value[part])
        if child is None:
            return None
        parent = node
        key_node = child[0] if isinstance(node, MappingNode) else None
        node = child[1]
    return node, key_node, parent


def _plain_ok(value: str) -> bool:
    """Whether a string reads back as itself when written as a plain scalar in block context."""
    if not value or value != value.strip() or "\n" in value:
        return False
    try:
        return bool(yaml.load(f"k: {value}\n", Loader=_LOADER) == {"k": value})
    except yaml.YAMLError:
        return False


def _block(value: str, indent: int, trailing: str) -> str | None:
    """A literal block scalar for multi-line text, or None when one cannot hold it safely."""
    body = value.rstrip("\n")
    ends = len(value) - len(body)
    if ends > 1 or not body or body[0] in " \t":
        return None
    if any(char in body for char in "\r\t"):
        return None
    pad = " " * indent
    lines = "\n".join(pad + line if line else "" for line in body.split("\n"))
    suffix = "" if not trailing else trailing if trailing.startswith("\n") else "\n" + trailing
    return ("|" if ends == 1 else "|-") + "\n" + lines + suffix


def _render(
    value: Scalar, node: ScalarNode, key_node: Node | None, parent: Node | None, region: str
) -> str | None:
    """The replacement text for one scalar, in a style close to the one it had."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    flow = isinstance(parent, MappingNode | SequenceNode) and bool(parent.flow_style)
    if "\n" in value.rstrip("\n") and not flow:
        column = (key_node or node).start_mark.column
        trailing = region[len(region.rstrip()) :] if node.style in ("|", ">") else ""
        return _block(value, column + 2, trailing)
    if node.style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if not node.style and not flow and _plain_ok(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def patch_text(text: str, old: Any, new: Any) -> str | None:
    """text with each scalar that differs between old and new rewritten in place; None if it can't be."""
    changes = scalar_changes(old, new)
    if changes is None:
        return None
    if not changes:
        return text
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return None
    if root is None:
        return None
    edits: list[tuple[int, int, str]] = []
    for path, value in changes:
        found = _find(root, path)
        if found is None:
            return None
        node, key_node, parent = found
        if not isinstance(node, ScalarNode):
            return None
        start, end = node.start_mark.index, node.end_mark.index
        replacement = _render(value, node, key_node, parent, text[start:end])
        if replacement is None:
            return None
        edits.append((start, end, replacement))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
