"""Safe YAML reading: outline text becomes plain data plus the source position of every value and key."""

from __future__ import annotations

import pathlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from yaml.error import Mark as YamlMark
from yaml.error import MarkedYAMLError
from yaml.events import StreamEndEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from deckbuilder.errors import DeckError, Problem
from deckbuilder.input_files import read_input_bytes
from deckbuilder.outline.yaml_compose import (
    IMPLICIT_NULL_TAG,
    MAP_TAG,
    MAX_DEPTH,
    MAX_NODES,
    NULL_FORMS,
    SEQ_TAG,
    STR_TAG,
    AliasNode,
    OutlineLoader,
    fast_compose,
    too_deep,
)

MAX_OUTLINE_BYTES = 20 * 1024 * 1024
KeyPath = tuple[str | int, ...]

_MAX_CHARACTER_PROBLEMS = 20

_YAML_TAG_PREFIX = "tag:yaml.org,2002:"

_EMPTY_MESSAGE = "the file is empty; a deck needs at least 'title' and 'sections'"
_TAB_HINT = "tabs cannot indent YAML; use spaces"

# Characters PyYAML's reader refuses in the raw stream (the same set as yaml.reader.Reader.NON_PRINTABLE).
_NON_PRINTABLE_IN_STREAM = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Characters a slide cannot hold, wherever they came from (escapes included).
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Line breaks as PyYAML counts them.
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in an outline file."""

    line: int
    column: int


@dataclass(frozen=True)
class SourceTree:
    """An outline as plain data (dicts, lists, strings and None) with where each value and key began."""

    data: Any
    value_marks: dict[KeyPath, Mark]
    key_marks: dict[KeyPath, Mark]


# --------------------------------------------------------------------------------------------------
# Reading the file


def read_outline_text(path: pathlib.Path, *, what: str = "a deck file", plural: str = "outlines") -> str:
    """The text of an outline (or theme) file, checked for size and UTF-8, without a byte-order mark."""
    data = read_input_bytes(path, limit=MAX_OUTLINE_BYTES, what=what, plural=plural)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        where = _mark_at(good, len(good))
        message = f"not valid UTF-8 text (byte 0x{data[error.start]:02x})"
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            message += "; the file looks like UTF-16, save it as UTF-8"
        raise DeckError.single(str(path), message, where.line, where.column) from None
    return text.removeprefix("\ufeff")


# --------------------------------------------------------------------------------------------------
# The loader: PyYAML's pure-Python reader, scanner, parser and composer; nothing is ever constructed.


class _StopError(Exception):
    """Conversion cannot usefully go on; the reason is already among the problems."""


class _Problems:
    """Problems for one file, each reported once."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Problem] = []
        self._seen: set[tuple[int, int, str]] = set()

    def add(self, mark: Mark, message: str) -> None:
        key = (mark.line, mark.column, message)
        if key not in self._seen:
            self._seen.add(key)
            self.items.append(Problem(self.path, message, mark.line, mark.column))

    def error(self) -> DeckError:
        return DeckError(sorted(self.items, key=lambda problem: (problem.line or 0, problem.column or 0)))

    def raise_if_any(self) -> None:
        if self.items:
            raise self.error()


def parse_outline(text: str, path: str) -> SourceTree:
    """Compose YAML text into plain data and marks, or raise DeckError naming every problem found."""
    problems = _Problems(path)
    if _NON_PRINTABLE_IN_STREAM.search(text):
        _report_stream_characters(text, problems)
        problems.raise_if_any()
    root = _compose(text, problems)
    if root is None or _is_empty_document(root):
        if root is not None or not problems.items:  # not a syntax error: nothing was written
            problems.add(Mark(1, 1), _EMPTY_MESSAGE)
        raise problems.error()
    converter = _Converter(problems)
    data: Any = None
    try:
        converter.expand = _Measure(problems).fits(root)
        data = converter.convert(root, ())
    except RecursionError:  # not expected: depth is limited above; kept so no traceback can escape
        problems.add(Mark(1, 1), too_deep())
    problems.raise_if_any()
    return SourceTree(data, converter.value_marks, converter.key_marks)


def _is_empty_document(root: Node) -> bool:
    return (
        isinstance(root, ScalarNode)
        and root.tag == IMPLICIT_NULL_TAG
        and root.style is None
        and root.value == ""
    )


def _compose(text: str, problems: _Problems) -> Node | None:
    """The first document's root node; problems for syntax errors and for any further document."""
    clean, root = fast_compose(text)
    if clean:
        return root
    try:
        loader = OutlineLoader(text)
    except ReaderError as error:  # not expected: the characters it refuses were looked for already
        problems.add(_mark_at(text, int(error.position)), _character_message(int(error.character)))
        return None
    try:
        root = _compose_first(loader, text, problems)
        if root is not None:
            _look_for_second_document(loader, problems)
        return root
    finally:
        loader.dispose()


def _compose_first(loader: OutlineLoader, text: str, problems: _Problems) -> Node | None:
    try:
        loader.get_event()  # type: ignore[no-untyped-call]  # stream start
        if loader.check_event(StreamEndEvent):
            return None
        return loader.compose_document()
    except MarkedYAMLError as error:
        _report_yaml_error(error, text, problems)
    except RecursionError:  # not expected: the composer limits nesting; kept so no traceback can escape
        problems.add(_from_yaml(loader.get_mark()), too_deep())
    except (ValueError, OverflowError):
        where = loader.get_mark()  # the scanner stops at the digits of an escape it cannot decode
        if text[max(where.index - 2, 0) : where.index] == "\\U":
            problems.add(
                Mark(where.line + 1, where.column - 1),
                "the escape '\\U' names no character; the largest is \\U0010FFFF",
            )
        else:
            problems.add(_from_yaml(where), "this YAML could not be read")
    except Exception:  # the last guard: for ANY input the caller must get a DeckError
        problems.add(_from_yaml(loader.get_mark()), "this YAML could not be read")
    return None


def _look_for_second_document(loader: OutlineLoader, problems: _Problems) -> None:
    message = "only one YAML document is allowed per file"
    try:
        if not loader.check_event(StreamEndEvent):
            event = loader.get_event()  # type: ignore[no-untyped-call]
            problems.add(_from_yaml(event.start_mark), message)
    except MarkedYAMLError as error:  # text after '...' that starts no new document
        problems.add(_from_yaml(error.problem_mark or error.context_mark), message)
    except Exception:  # the last guard, as above
        problems.add(_from_yaml(loader.get_mark()), message)


def _report_yaml_error(error: MarkedYAMLError, text: str, problems: _Problems) -> None:
    where = error.problem_mark or error.context_mark
    message = error.problem or error.context or "this YAML could not be read"
    if error.problem and error.context and error.context_mark is not None:
        context_mark = _from_yaml(error.context_mark)
        if error.problem_mark is None or _from_yaml(error.problem_mark) != context_mark:
            message += f" ({error.context} at line {context_mark.line}, column {context_mark.column})"
    if where is not None and 0 <= where.index < len(text) and text[where.index] == "\t":
        before = text[where.index - where.column : where.index]
        message += f"; {_TAB_HINT}" if before.strip(" \t") == "" else "; use spaces instead of the tab"
    problems.add(_from_yaml(where), message)


def _report_stream_characters(text: str, problems: _Problems) -> None:
    found = list(_NON_PRINTABLE_IN_STREAM.finditer(text))
    for match in found[:_MAX_CHARACTER_PROBLEMS]:
        problems.add(_mark_at(text, match.start()), _character_message(ord(match.group())))
    if len(found) > _MAX_CHARACTER_PROBLEMS:
        more = len(found) - _MAX_CHARACTER_PROBLEMS
        problems.add(
            _mark_at(text, found[_MAX_CHARACTER_PROBLEMS].start()),
            f"{more} more characters like these from here on; is this really a YAML outline?",
        )


def _character_message(code: int) -> str:
    if 0xD800 <= code <= 0xDFFF:
        kind = "unpaired surrogate"
    elif code in (0xFFFE, 0xFFFF):
        kind = "non-character"
    else:
        kind = "control character"
    return f"{kind} U+{code:04X} in text; PowerPoint cannot hold it"


def _from_yaml(mark: YamlMark | None) -> Mark:
    if mark is None:
        return Mark(1, 1)
    return Mark(mark.line + 1, mark.column + 1)


def _mark_at(text: str, index: int) -> Mark:
    """The 1-based line and column of text[index], counting line breaks as PyYAML does."""
    line = 1
    line_start = 0
    for match in _LINE_BREAK.finditer(text, 0, index):
        line += 1
        line_start = match.end()
    return Mark(line, index - line_start - text.count("\ufeff", line_start, index) + 1)


def _short_tag(tag: str) -> str:
    if tag.startswith(_YAML_TAG_PREFIX):
        return "!!" + tag[len(_YAML_TAG_PREFIX) :]
    return tag


class _Measure:
    """Sizes the document as aliases would expand it, without expanding anything."""

    def __init__(self, problems: _Problems) -> None:
        self._problems = problems
        self._done: dict[int, tuple[int, int]] = {}  # id(node) -> (expanded nodes, expanded nesting)
        self._open: set[int] = set()
        self._total = 0
        self._ok = True

    def fits(self, root: Node) -> bool:
        """Whether the expanded document is small, shallow and free of recursive aliases."""
        try:
            self._visit(root, 0)
        except _StopError:
            return False
        return self._ok

    def _visit(self, node: Node, level: int) -> tuple[int, int]:
        """Expanded (node count, nesting) of node, found at `level` enclosing lists and mappings."""
        if isinstance(node, AliasNode):
            target = node.target
            if id(target) in self._open:
                self._ok = False
                self._problems.add(
                    _from_yaml(node.start_mark), f"alias '*{node.anchor}' is used inside its own anchor"
                )
                return (1, 0)
            if id(target) in self._done:
                size, depth = self._done[id(target)]
                self._total += size
            else:  # not expected: an anchor is always met before its aliases
                size, depth = self._visit(target, level)
            self._check(node, level + depth)
            return size, depth
        self._total += 1
        self._check(node, level)
        if isinstance(node, ScalarNode):
            self._done[id(node)] = (1, 0)
            return (1, 0)
        self._open.add(id(node))
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            children = [child for pair in node.value for child in pair]
        size, depth = 1, 0
        for child in children:
            child_size, child_depth = self._visit(child, level + 1)
            size += child_size
            depth = max(depth, child_depth)
        self._open.discard(id(node))
        self._done[id(node)] = (size, depth + 1)
        return size, depth + 1

    def _check(self, node: Node, level: int) -> None:
        if self._total > MAX_NODES:
            self._problems.add(
                _from_yaml(node.start_mark),
                f"the document expands to more than {MAX_NODES} nodes (too many aliases?)",
            )
            raise _StopError
        if level > MAX_DEPTH:
            self._problems.add(_from_yaml(node.start_mark), too_deep())
            raise _StopError


class _Converter:
    """Turns nodes into plain data, recording marks and every problem; with expand off, aliases of
    lists and mappings are not followed (used when the measure found them unsafe)."""

    def __init__(self, problems: _Problems) -> None:
        self._problems = problems
        self.expand = True
        self.value_marks: dict[KeyPath, Mark] = {}
        self.key_marks: dict[KeyPath, Mark] = {}

    def convert(self, node: Node, path: KeyPath) -> Any:
        self.value_marks[path] = _from_yaml(node.start_mark)
        if isinstance(node, AliasNode):
            if not self.expand and not isinstance(node.target, ScalarNode):
                return None
            node = node.target
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            if node.tag != SEQ_TAG:
                self._refuse_tag(node)
                return None
            return [self.convert(child, (*path, index)) for index, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != MAP_TAG:
                self._refuse_tag(node)
                return None
            return self._mapping(node, path)
        self._refuse_tag(node)  # pragma: no cover - the composer makes no other nodes
        return None  # pragma: no cover

    def _scalar(self, node: ScalarNode) -> str | None:
        if node.tag == IMPLICIT_NULL_TAG and node.style is None and node.value in NULL_FORMS:
            return None
        if node.tag not in (STR_TAG, IMPLICIT_NULL_TAG):
            self._refuse_tag(node)
            return None
        value = str(node.value)
        bad = _UNHOLDABLE.search(value)
        if bad:
            self._problems.add(_from_yaml(node.start_mark), _character_message(ord(bad.group())))
        return value

    def _mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_at: dict[str, Mark] = {}
        for key_node, value_node in node.value:
            key_mark = _from_yaml(key_node.start_mark)
            key = self._key(key_node)
            if key is None:
                self.convert(value_node, (*path, ""))  # still find the problems inside
                continue
            if key in first_at:
                self._problems.add(key_mark, f"duplicate key {key!r} (first at line {first_at[key].line})")
                self.convert(value_node, (*path, key))
                continue
            first_at[key] = key_mark
            self.key_marks[(*path, key)] = key_mark
            result[key] = self.convert(value_node, (*path, key))
        return result

    def _key(self, node: Node) -> str | None:
        mark = _from_yaml(node.start_mark)
        target = node.target if isinstance(node, AliasNode) else node
        if not isinstance(target, ScalarNode):
            kind = "a list" if isinstance(target, SequenceNode) else "a mapping"
            self._problems.add(mark, f"a key must be text, not {kind}")
            return None
        if target.tag == IMPLICIT_NULL_TAG and target.style is None:
            self._problems.add(mark, "a key must be text; this one is empty or null")
            return None
        return self._scalar(target)

    def _refuse_tag(self, node: Node) -> None:
        self._problems.add(
            _from_yaml(node.start_mark), f"tag '{_short_tag(node.tag)}' is not allowed in an outline"
        )


# --------------------------------------------------------------------------------------------------
# Positions for later problems


def mark_for(tree: SourceTree, loc: Sequence[str | int], *, prefer_key: bool = False) -> Mark:
    """The mark of the deepest path of loc present in the tree, skipping loc elements not in the data
    (such as union tags); with prefer_key, the key's mark when that path is a mapping entry.

    Walking left to right, an element is kept when the path so far plus it is in the tree. Where a
    union tag is also a key of the same mapping (a 'title' slide has a 'title' key), keeping and skipping
    are both tried: the choice that matches more of loc wins, and on a tie the one matching later
    elements. Mark(1, 1) when nothing matches, not even the root.
    """
    current = deepest_path(tree, loc)
    if prefer_key and current in tree.key_marks:
        return tree.key_marks[current]
    return tree.value_marks.get(current, Mark(1, 1))


def deepest_path(tree: SourceTree, loc: Sequence[str | int]) -> KeyPath:
    """The deepest path of loc present in the tree, as mark_for resolves it."""

    def in_tree(path: KeyPath) -> bool:
        return path in tree.value_marks or path in tree.key_marks

    def rank(matched: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
        return len(matched), tuple(reversed(matched))

    memo: dict[tuple[KeyPath, int], tuple[int, ...]] = {}

    def best(current: KeyPath, start: int) -> tuple[int, ...]:
        """The indexes of loc[start:] matched below current, the best way."""
        if (current, start) not in memo:
            found: tuple[int, ...] = ()
            for index in range(start, len(loc)):
                candidate = (*current, loc[index])
                if in_tree(candidate):
                    kept = (index, *best(candidate, index + 1))
                    found = max(kept, best(current, index + 1), key=rank)
                    break
            memo[(current, start)] = found
        return memo[(current, start)]

    return tuple(loc[index] for index in best((), 0))
