"""Composing YAML safely: no implicit types, no constructed objects, bounded nesting, libyaml when present."""

from __future__ import annotations

from typing import Any, ClassVar

from yaml.composer import Composer, ComposerError
from yaml.error import Mark as YamlMark
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent, StreamEndEvent
from yaml.nodes import Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

MAX_NODES = 200_000
"""How many nodes a document may hold: as written, and as expanded with every repetition an alias makes."""

MAX_DEPTH = 100
"""How many lists and mappings may nest inside each other, counting what aliases repeat."""

STR_TAG = BaseResolver.DEFAULT_SCALAR_TAG
SEQ_TAG = BaseResolver.DEFAULT_SEQUENCE_TAG
MAP_TAG = BaseResolver.DEFAULT_MAPPING_TAG
# Given by the resolver to a plain, untagged null form, so that `!!str null` and `"null"` stay text.
IMPLICIT_NULL_TAG = "tag:deckbuilder.invalid,2026:implicit-null"
NULL_FORMS = frozenset({"", "~", "null", "Null", "NULL"})


class AliasNode(Node):
    """Where an alias was written, and the node it repeats (the composer alone would lose the position)."""

    id = "alias"

    def __init__(self, anchor: str, target: Node, start_mark: YamlMark, end_mark: YamlMark) -> None:
        super().__init__("", target, start_mark, end_mark)
        self.anchor = anchor
        self.target = target


class OutlineResolver(BaseResolver):
    """No implicit resolvers: every plain scalar is text, except the plain null forms."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}  # type: ignore[misc]
    yaml_path_resolvers: ClassVar[dict[Any, Any]] = {}  # type: ignore[misc]

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag for an untagged node (or one tagged '!'); BaseResolver's answer, as none are added."""
        if kind is ScalarNode:
            return IMPLICIT_NULL_TAG if implicit[0] and value in NULL_FORMS else STR_TAG
        return SEQ_TAG if kind is SequenceNode else MAP_TAG


class OutlineComposer(Composer):
    """PyYAML's composer, keeping alias positions, refusing deep nesting and rewording anchor errors."""

    def __init__(self) -> None:
        super().__init__()
        self._level = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):  # type: ignore[attr-defined]
            event = self.get_event()  # type: ignore[attr-defined]
            anchor = event.anchor
            if anchor not in self.anchors:
                raise ComposerError(
                    None, None, f"alias '*{anchor}' is used before any anchor '&{anchor}'", event.start_mark
                )
            return AliasNode(anchor, self.anchors[anchor], event.start_mark, event.end_mark)
        event = self.peek_event()  # type: ignore[attr-defined]
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            first = self.anchors[anchor].start_mark
            raise ComposerError(
                None,
                None,
                f"anchor '&{anchor}' is defined twice (first at line {first.line + 1})",
                event.start_mark,
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:  # bounds time and memory before any alias is expanded
            raise ComposerError(
                None,
                None,
                f"the document has more than {MAX_NODES} nodes; that is too many",
                event.start_mark,
            )
        if self.check_event(ScalarEvent):  # type: ignore[attr-defined]
            return self.compose_scalar_node(anchor)
        if self._level >= MAX_DEPTH:
            raise ComposerError(None, None, too_deep(), event.start_mark)
        self._level += 1
        try:
            if self.check_event(SequenceStartEvent):  # type: ignore[attr-defined]
                return self.compose_sequence_node(anchor)
            if self.check_event(MappingStartEvent):  # type: ignore[attr-defined]
                return self.compose_mapping_node(anchor)
        finally:
            self._level -= 1
        raise ComposerError(None, None, "expected a value", event.start_mark)  # the parser never allows this


class OutlineLoader(Reader, Scanner, Parser, OutlineComposer, OutlineResolver):
    """A loader that only composes."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        OutlineComposer.__init__(self)
        OutlineResolver.__init__(self)


CParser: Any
try:
    from yaml._yaml import CParser as CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None


def fast_compose(text: str) -> tuple[bool, Node | None]:
    """Compose with libyaml's parser when it is there: (True, root) for a clean single document.

    Anything else — a syntax error, a second document, a composer limit — gives (False, None), and
    the caller composes again with the pure-Python parser, whose marks and messages it reports.
    """
    if CParser is None or "\t" in text:  # libyaml allows tabs PyYAML refuses: let PyYAML judge
        return False, None

    class FastLoader(CParser, OutlineComposer, OutlineResolver):  # type: ignore[misc]
        """libyaml's events under the same composer and resolver."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            OutlineComposer.__init__(self)
            OutlineResolver.__init__(self)

        def compose_scalar_node(self, anchor: Any) -> ScalarNode:
            node: ScalarNode = super().compose_scalar_node(anchor)
            if node.style == "":  # libyaml's plain style; PyYAML's is None
                node.style = None
            return node

    try:
        loader = FastLoader(text)
        try:
            loader.get_event()  # stream start
            if loader.check_event(StreamEndEvent):
                return True, None
            root = loader.compose_document()
            return (True, root) if loader.check_event(StreamEndEvent) else (False, None)
        finally:
            loader.dispose()
    except Exception:  # whatever went wrong, the careful path says it properly
        return False, None


def too_deep() -> str:
    return f"nesting is too deep (more than {MAX_DEPTH} levels of lists and mappings)"


# --------------------------------------------------------------------------------------------------
# Parsing
