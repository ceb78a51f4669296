"""New YAML written in the style of the file around it: its quoting, indentation, flow lists and blocks."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

FOLD_WIDTH = 80
"""Where folded (`>`) text wraps when the file gives no width of its own."""
_FLOW_UNSAFE = re.compile(r"[,\[\]{}#&*!|>'\"%@`]|: |^[-?:]|^\s|\s$")


def reads_back_plain(value: str) -> bool:
    """Whether a string reads back as itself, for any YAML reader, when written plain in block context."""
    if not value or value != value.strip() or "\n" in value or "\t" in value:
        return False
    try:
        return bool(yaml.load(f"k: {value}\n", Loader=yaml.SafeLoader) == {"k": value})
    except yaml.YAMLError:
        return False


def double_quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's too)."""
    return json.dumps(value, ensure_ascii=False)


def single_quoted(value: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + value.replace("'", "''") + "'"


@dataclass
class Style:
    """How a file writes things: per key name, its scalar styles and flow or block collections."""

    scalars: dict[str, Counter[str]] = field(default_factory=dict)
    flow: dict[str, Counter[bool]] = field(default_factory=dict)
    all_scalars: Counter[str] = field(default_factory=Counter)
    sequence_offset: int = 2
    mapping_step: int = 2
    fold_width: int = FOLD_WIDTH

    @classmethod
    def of(cls, root: Node, text: str) -> Style:
        """The style a composed file uses."""
        style = cls()
        offsets: Counter[int] = Counter()
        steps: Counter[int] = Counter()
        widths: list[int] = []
        stack: list[tuple[Node, str]] = [(root, "")]
        while stack:
            node, name = stack.pop()
            if isinstance(node, ScalarNode):
                mark = node.style or "plain"
                style.scalars.setdefault(name, Counter())[mark] += 1
                if " " in node.value:
                    style.all_scalars[mark] += 1
                if node.style == ">":
                    body = text[node.start_mark.index : node.end_mark.index].splitlines()[1:]
                    widths.extend(len(line) for line in body if line.strip())
            elif isinstance(node, SequenceNode):
                style.flow.setdefault(name, Counter())[bool(node.flow_style)] += 1
                stack.extend((item, name) for item in node.value)
            elif isinstance(node, MappingNode):
                style.flow.setdefault(name, Counter())[bool(node.flow_style)] += 1
                for key, value in node.value:
                    child = key.value if isinstance(key, ScalarNode) else ""
                    stack.append((value, child))
                    if node.flow_style or getattr(value, "flow_style", False):
                        continue
                    column = key.start_mark.column
                    if isinstance(value, SequenceNode) and value.value:
                        offsets[value.value[0].start_mark.column - 2 - column] += 1
                    elif isinstance(value, MappingNode) and value.value:
                        steps[value.value[0][0].start_mark.column - column] += 1
        if offsets:
            style.sequence_offset = max(0, offsets.most_common(1)[0][0])
        if steps:
            style.mapping_step = max(1, steps.most_common(1)[0][0])
        if widths:
            style.fold_width = max(40, max(widths))
        return style

    def scalar_style(self, name: str) -> str:
        """The style ('plain', '"', "'", '|', '>') strings under a key name are written in here."""
        seen = self.scalars.get(name)
        if seen:
            return seen.most_common(1)[0][0]
        if self.all_scalars:
            return self.all_scalars.most_common(1)[0][0]
        return "plain"

    def is_flow(self, name: str, value: list[Any] | dict[str, Any]) -> bool:
        """Whether a collection under a key name is written inline, as the file writes them."""
        seen = self.flow.get(name)
        if not seen or not seen.most_common(1)[0][0]:
            return False
        return all(not isinstance(item, dict | list) for item in _members(value))

    # -- writing ----------------------------------------------------------------------------------------

    def scalar(self, value: Any, name: str, column: int, *, in_flow: bool = False) -> str:
        """A scalar's text after `key: ` (or `- `); multi-line text as a block indented past column."""
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return json.dumps(value)
        text = str(value)
        wanted = self.scalar_style(name)
        if not in_flow and (wanted in ("|", ">") or "\n" in text.rstrip("\n")):
            block = self.block(text, column + 2, wanted)
            if block is not None:
                return block
        if in_flow:
            plain = reads_back_plain(text) and not _FLOW_UNSAFE.search(text)
        else:
            plain = reads_back_plain(text)
        if wanted == "plain" and plain:
            return text
        if wanted == "'" and "\n" not in text and text.isprintable():
            return single_quoted(text)
        return double_quoted(text)

    def block(self, text: str, indent: int, wanted: str) -> str | None:
        """A `>` or `|` block scalar holding text exactly, or None when neither can."""
        body = text.rstrip("\n")
        ends = len(text) - len(body)
        if ends > 1 or not body or body[0] in " \t":
            return None
        if any(not char.isprintable() for char in body.replace("\n", "")):
            return None
        chomp = "" if ends == 1 else "-"
        pad = " " * indent
        if wanted == ">" and "\n" not in body and "  " not in body and body == body.strip():
            lines = _wrap(body, max(20, self.fold_width - indent))
            return ">" + chomp + "\n" + "".join(pad + line + "\n" for line in lines)
        lines = body.split("\n")
        if any(line != line.rstrip(" ") for line in lines):
            return None
        return "|" + chomp + "\n" + "".join((pad + line if line else "") + "\n" for line in lines)

    def entry(self, key: str, value: Any, column: int) -> str:
        """One `key: value` entry at column, ending with a line break."""
        return " " * column + self.entry_tail(key, value, column)

    def entry_tail(self, key: str, value: Any, column: int) -> str:
        """An entry without its indent: the key and everything after it."""
        head = key if reads_back_plain(key) else double_quoted(key)
        if isinstance(value, dict | list) and value and not self.is_flow(key, value):
            if isinstance(value, dict):
                return head + ":\n" + self.mapping(value, column + self.mapping_step)
            return head + ":\n" + self.sequence(value, key, column + self.sequence_offset)
        written = self.inline(value, key, column)
        if written.startswith(("|", ">")):
            return f"{head}: {written}"
        return f"{head}: {written}\n"

    def inline(self, value: Any, name: str, column: int) -> str:
        """A value written on its key's line: a scalar, a block scalar or a flow collection."""
        if isinstance(value, dict):
            pairs = (f"{k}: {self.inline_flow(v, k)}" for k, v in value.items())
            return "{" + ", ".join(pairs) + "}"
        if isinstance(value, list):
            return "[" + ", ".join(self.inline_flow(item, name) for item in value) + "]"
        return self.scalar(value, name, column)

    def inline_flow(self, value: Any, name: str) -> str:
        """A value inside a flow collection."""
        if isinstance(value, dict | list):
            return self.inline(value, name, 0)
        return self.scalar(value, name, 0, in_flow=True)

    def mapping(self, value: dict[str, Any], column: int) -> str:
        """A block mapping at column."""
        return "".join(self.entry(key, item, column) for key, item in value.items())

    def sequence(self, value: list[Any], name: str, column: int) -> str:
        """A block sequence whose dashes sit at column."""
        return "".join(self.item(item, name, column) for item in value)

    def item(self, value: Any, name: str, column: int) -> str:
        """One `- item` of a block sequence at column, ending with a line break."""
        return " " * column + "- " + self.item_tail(value, name, column)

    def item_tail(self, value: Any, name: str, column: int) -> str:
        """An item after its dash."""
        if isinstance(value, dict) and value and not self.is_flow(name, value):
            text = self.mapping(value, column + 2)
            return text[column + 2 :]
        if isinstance(value, list) and value and not self.is_flow(name, value):
            text = self.sequence(value, name, column + 2)
            return text[column + 2 :]
        written = self.inline(value, name, column)
        return written if written.startswith(("|", ">")) else written + "\n"


def _members(value: list[Any] | dict[str, Any]) -> list[Any]:
    return list(value.values()) if isinstance(value, dict) else value


def _wrap(text: str, width: int) -> list[str]:
    """Text cut at single spaces into lines of at most width (longer words stay whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines
