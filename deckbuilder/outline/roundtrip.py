"""Outline data written back into its own YAML text: only what changed is rewritten, the rest kept as is.

`rewrite(text, old, new)` compares the data the text holds (old) with the data wanted (new) and edits the
text at the positions PyYAML's composer read: a changed value is replaced in its own quoting style, a
removed key or list item is cut out with the comments written right above it, a new one is written in
the style of the file (see yaml_style), and a moved list item carries its comments along. Whatever the
writer cannot express this way (anchors, tags, complex keys) makes it return None, and the caller writes
the outline afresh.
"""

from __future__ import annotations

import json
from collections import Counter
from difflib import SequenceMatcher
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from deckbuilder.outline.yaml_style import Style, double_quoted, reads_back_plain, single_quoted

Edit = tuple[int, int, str]
_COMPOSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's composer when PyYAML has it (8× faster); its marks count characters, as Python indexes."""


class _RefusedError(Exception):
    """The text has a shape this writer does not rewrite."""


class _ReplaceError(Exception):
    """A value changed shape (a list became text …): its whole entry or item is written anew."""


def rewrite(text: str, old: Any, new: Any) -> str | None:
    """text changed from holding old data to holding new data; None when it cannot be done in place."""
    if same(old, new):
        return text
    source = text if text.endswith("\n") else text + "\n"
    try:
        root = yaml.compose(source, Loader=_COMPOSER)
    except yaml.YAMLError:
        return None
    if root is None:
        return None
    try:
        writer = _Writer(source, root, old)
        result = apply_edits(source, writer.diff(root, old, new, "", 0))
    except (_RefusedError, _ReplaceError):
        return None
    return result if text.endswith("\n") else result.removesuffix("\n")


def same(old: Any, new: Any) -> bool:
    """Whether two data trees are equal, types included (1 is not True, 1 is not 1.0)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(same(old[key], new[key]) for key in old)
    if isinstance(old, list):
        return len(old) == len(new) and all(same(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)


def apply_edits(text: str, edits: list[Edit], offset: int = 0) -> str:
    """text with each (start, end, replacement) applied; insertions at one place keep their order.

    Applied from the end back, so earlier positions stay valid; at one position the replacement of a
    range goes first and the insertions then land in front of it, in the order they were given.
    """
    ordered = sorted(
        ((start, end > start, index, end, new) for index, (start, end, new) in enumerate(edits)),
        reverse=True,
    )
    for start, _replaces, _index, end, new in ordered:
        text = text[: start - offset] + new + text[end - offset :]
    return text


def _key_of(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


class _Writer:
    """Edits for one text, with the file's style and its list items by content (for moves)."""

    def __init__(self, text: str, root: Node, old: Any) -> None:
        self.text = text
        self.style = Style.of(root, text)
        self.donors: dict[str, tuple[str, int]] = {}
        self.gaps: dict[str, Counter[int]] = {}
        self._seen: set[int] = set()
        self._collect(root, old, "")

    # -- reading the text --------------------------------------------------------------------------

    def _collect(self, node: Node, data: Any, name: str) -> None:
        """Refuse aliases and complex keys; remember every block list item (for moves) and list spacing."""
        if id(node) in self._seen:
            raise _RefusedError("an alias")
        self._seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if not isinstance(key, ScalarNode):
                    raise _RefusedError("a complex key")
                child = data.get(key.value) if isinstance(data, dict) else None
                self._collect(value, child, key.value)
        elif isinstance(node, SequenceNode):
            items = data if isinstance(data, list) and len(data) == len(node.value) else None
            for index, item in enumerate(node.value):
                self._collect(item, items[index] if items else None, name)
            if node.flow_style or items is None:
                return
            try:
                regions = [self._item_region(item) for item in node.value]
            except _ReplaceError:
                return
            for (start, _, end, column), value in zip(regions, items, strict=True):
                self.donors.setdefault(_key_of(value), (self.text[start:end], column))
            if len(regions) > 1:
                gap = self.text[regions[0][2] : regions[1][0]]
                blank = sum(1 for line in gap.split("\n")[:-1] if not line.strip())
                self.gaps.setdefault(name, Counter())[blank] += 1

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _line_end(self, index: int) -> int:
        end = self.text.find("\n", index)
        return len(self.text) if end < 0 else end + 1

    def _content_end(self, node: Node, after: int) -> int:
        """Where a node's last character ends (after: where an empty value would be)."""
        if isinstance(node, ScalarNode):
            if node.style in ("|", ">"):
                start = node.start_mark.index
                return start + len(self.text[start : node.end_mark.index].rstrip())
            if not node.style and node.value == "":
                return after
            return node.end_mark.index
        if not isinstance(node, MappingNode | SequenceNode) or node.flow_style or not node.value:
            return node.end_mark.index
        if isinstance(node, SequenceNode):
            last = node.value[-1]
            return self._content_end(last, self._dash(last) + 1)
        key, value = node.value[-1]
        return self._content_end(value, self.text.index(":", key.end_mark.index) + 1)

    def _dash(self, item: Node) -> int:
        """The index of the `-` that opens a block list item."""
        index = item.start_mark.index - 1
        while index >= 0 and self.text[index] in " \t\n":
            index -= 1
        if index < 0 or self.text[index] != "-":
            raise _RefusedError("a list item without its dash")
        return index

    def _comments_above(self, line_start: int) -> int:
        """The start of the comment lines written right above a line (no blank line between)."""
        start = line_start
        while start > 0:
            previous = self._line_start(start - 1)
            if not self.text[previous:start].strip().startswith("#"):
                break
            start = previous
        return start

    def _item_region(self, item: Node) -> tuple[int, int, int, int]:
        """A list item's lines: (start with its comments, its dash line, end of its last, dash column)."""
        dash = self._dash(item)
        line = self._line_start(dash)
        if self.text[line:dash].strip():
            raise _ReplaceError("a list on its parent's dash line")
        end = self._line_end(self._content_end(item, dash + 1) - 1)
        return self._comments_above(line), line, end, dash - line

    def _entry_region(self, node: MappingNode, index: int) -> tuple[int, int, int]:
        """A mapping entry: (start with its comments, start of its key or its line, end of its last line)."""
        key, value = node.value[index]
        start = key.start_mark.index
        line = self._line_start(start)
        own_line = not self.text[line:start].strip()
        colon = self.text.index(":", key.end_mark.index) + 1
        end = self._line_end(max(self._content_end(value, colon), colon) - 1)
        if own_line:
            return self._comments_above(line), line, end
        return start, start, end

    # -- writing -----------------------------------------------------------------------------------

    def diff(self, node: Node, old: Any, new: Any, name: str, column: int) -> list[Edit]:
        """The edits that turn node (holding old) into new; raises _ReplaceError for a change of shape."""
        if same(old, new):
            return []
        if (
            isinstance(node, ScalarNode)
            and not isinstance(old, dict | list)
            and not isinstance(new, dict | list)
        ):
            return [self._scalar(node, new, name, column)]
        if isinstance(node, MappingNode) and isinstance(old, dict) and isinstance(new, dict):
            if node.flow_style:
                return self._flow(node, old, new, name, column)
            return self._mapping(node, old, new)
        if (
            isinstance(node, SequenceNode)
            and isinstance(old, list)
            and isinstance(new, list)
            and node.value
            and new
        ):
            if node.flow_style:
                return self._flow(node, old, new, name, column)
            return self._sequence(node, old, new, name)
        raise _ReplaceError(name)

    def _scalar(self, node: ScalarNode, value: Any, name: str, column: int) -> Edit:
        """A scalar rewritten in place, in the style it had."""
        start, end = node.start_mark.index, node.end_mark.index
        in_flow = self._in_flow(start)
        if not isinstance(value, str):
            return start, end, self.style.scalar(value, name, column)
        if node.style in ("|", ">"):
            end = self._line_end(self._content_end(node, start) - 1)
            body = self.text[start:end].split("\n")
            indent = next((len(s) - len(s.lstrip()) for s in body[1:] if s.strip()), column + 2)
            block = self.style.block(value, indent, node.style)
            return start, end, block if block is not None else double_quoted(value) + "\n"
        if "\n" in value.rstrip("\n") and not in_flow:
            block = self.style.block(value, column + 2, "|")
            if block is not None:
                return start, self._line_end(end - 1), block
        if node.style == "'" and "\n" not in value and value.isprintable():
            return start, end, single_quoted(value)
        if not node.style and reads_back_plain(value) and (not in_flow or value.isalnum()):
            return start, end, value
        return start, end, double_quoted(value)

    def _in_flow(self, index: int) -> bool:
        line = self.text[self._line_start(index) : index]
        return line.count("[") + line.count("{") > line.count("]") + line.count("}")

    def _flow(self, node: Node, old: Any, new: Any, name: str, column: int) -> list[Edit]:
        """A flow collection: values changed in place, anything else written anew inline."""
        if isinstance(old, dict) and old.keys() == new.keys() and isinstance(node, MappingNode):
            pairs = {key.value: value for key, value in node.value}
            try:
                return [e for k in old for e in self.diff(pairs[k], old[k], new[k], k, column)]
            except (_ReplaceError, KeyError):
                pass
        elif isinstance(old, list) and len(old) == len(new) and isinstance(node, SequenceNode):
            try:
                return [
                    e
                    for n, a, b in zip(node.value, old, new, strict=True)
                    for e in self.diff(n, a, b, name, column)
                ]
            except _ReplaceError:
                pass
        if not self.style.is_flow(name, new):
            raise _ReplaceError(name)
        return [(node.start_mark.index, node.end_mark.index, self.style.inline(new, name, column))]

    def _mapping(self, node: MappingNode, old: dict[str, Any], new: dict[str, Any]) -> list[Edit]:
        """A block mapping: changed values, removed and added keys."""
        index_of = {key.value: index for index, (key, _) in enumerate(node.value)}
        column = node.value[0][0].start_mark.column
        edits: list[Edit] = []
        for key, (key_node, value_node) in zip(index_of, node.value, strict=True):
            if key not in old and key not in new:
                continue
            if key not in new:
                edits.append(self._remove_entry(node, index_of[key]))
                continue
            try:
                if key not in old:
                    raise _ReplaceError(key)
                edits.extend(self.diff(value_node, old[key], new[key], key, key_node.start_mark.column))
            except _ReplaceError:
                _, start, end = self._entry_region(node, index_of[key])
                edits.append((start, end, self._entry_text(key, new[key], start, column)))
        previous: str | None = None
        for key in new:
            if key in index_of:
                previous = key
                continue
            edits.append(self._insert_entry(node, index_of, previous, key, new[key], column))
        return edits

    def _entry_text(self, key: str, value: Any, start: int, column: int) -> str:
        """An entry written at start: with its indent when it begins a line, else from its key."""
        at_line_start = self._line_start(start) == start
        return (
            self.style.entry(key, value, column)
            if at_line_start
            else self.style.entry_tail(key, value, column)
        )

    def _remove_entry(self, node: MappingNode, index: int) -> Edit:
        first, start, end = self._entry_region(node, index)
        if first != start or self._line_start(start) == start:
            return first, end, ""
        if index + 1 < len(node.value):  # the key shares its line with a list dash: pull the next one up
            return start, node.value[index + 1][0].start_mark.index, ""
        raise _ReplaceError("a mapping emptied")

    def _insert_entry(
        self,
        node: MappingNode,
        index_of: dict[str, int],
        after: str | None,
        key: str,
        value: Any,
        column: int,
    ) -> Edit:
        if after is not None:
            _, _, end = self._entry_region(node, index_of[after])
            return end, end, self.style.entry(key, value, column)
        _, start, _ = self._entry_region(node, 0)
        if self._line_start(start) == start:
            return start, start, self.style.entry(key, value, column)
        return start, start, self.style.entry_tail(key, value, column) + " " * column

    def _sequence(self, node: SequenceNode, old: list[Any], new: list[Any], name: str) -> list[Edit]:
        """A block list: items matched by content, so kept, moved and changed items keep their lines."""
        keys_old, keys_new = [_key_of(v) for v in old], [_key_of(v) for v in new]
        opcodes = SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes()
        if all(tag == "equal" or i2 - i1 == j2 - j1 for tag, i1, i2, j1, j2 in opcodes):
            column = node.value[0].start_mark.column - 2
            try:
                return [
                    e
                    for n, a, b in zip(node.value, old, new, strict=True)
                    for e in self.diff(n, a, b, name, column + 2)
                ]
            except _ReplaceError:
                pass
        regions = [self._item_region(item) for item in node.value]
        column = regions[0][3]
        pieces: list[tuple[int | None, str]] = []
        nested: list[Edit] = []
        structural = False
        for tag, i1, i2, j1, j2 in opcodes:
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            if tag == "equal":
                pieces.extend((i, self.text[regions[i][0] : regions[i][2]]) for i in range(i1, i2))
            for offset in range(paired):
                i, j = i1 + offset, j1 + offset
                start, line, end, _ = regions[i]
                try:
                    edits = self.diff(node.value[i], old[i], new[j], name, column + 2)
                    nested.extend(edits)
                    pieces.append((i, apply_edits(self.text[start:end], edits, start)))
                except _ReplaceError:
                    structural = True
                    comments = self.text[start:line]
                    pieces.append((i, comments + self.style.item(new[j], name, column)))
            if i2 - i1 > paired:
                structural = True
            for j in range(j1 + paired, j2) if tag in ("insert", "replace") else ():
                structural = True
                pieces.append((None, self._new_item(new[j], name, column)))
        if not structural:
            return nested
        return [(regions[0][0], regions[-1][2], self._join(pieces, regions, name))]

    def _new_item(self, value: Any, name: str, column: int) -> str:
        """A list item not in the list before: its old lines if it moved here, else written afresh."""
        donor = self.donors.get(_key_of(value))
        if donor is not None:
            moved = _reindent(donor[0], column - donor[1])
            if moved is not None:
                return moved
        return self.style.item(value, name, column)

    def _join(
        self, pieces: list[tuple[int | None, str]], regions: list[tuple[int, int, int, int]], name: str
    ) -> str:
        """The list's items with the blank lines and comments between them as the file had them."""
        spacing = self.gaps.get(name)
        usual = "\n" * (spacing.most_common(1)[0][0] if spacing else 0)
        parts: list[str] = []
        for position, (origin, text) in enumerate(pieces):
            if position:
                parts.append(self.text[regions[origin - 1][2] : regions[origin][0]] if origin else usual)
            parts.append(text)
        return "".join(parts)


def _reindent(text: str, delta: int) -> str | None:
    """text with every non-blank line shifted by delta columns; None if a line has too little indent."""
    if delta == 0:
        return text
    lines = text.split("\n")
    if delta > 0:
        return "\n".join(" " * delta + line if line.strip() else line for line in lines)
    if any(line.strip() and not line.startswith(" " * -delta) for line in lines):
        return None
    return "\n".join(line[-delta:] if line.strip() else line for line in lines)
