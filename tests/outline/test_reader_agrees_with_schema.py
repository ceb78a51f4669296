"""The outline reader and the shipped JSON Schema (checked by the independent jsonschema library) agree.

The reader is our own code; the schema is what editors check outlines against. Random edits of the
flagship must be accepted by both or refused by both, apart from what JSON Schema cannot say (a
chart's series lengths, a table's row widths) and the reader's reading of text as numbers and booleans.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckbuilder.outline.model import SLIDE_CLASSES, Deck
from deckbuilder.paths import SCHEMA_FILE
from deckbuilder.records import Record, RecordError, as_data, fields_of

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = yaml.safe_load((ROOT / "decks" / "france-us-conundrum.yaml").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
MODELS: list[type[Record]] = [Deck, *SLIDE_CLASSES.values()]
KEYS = sorted({field.name for model in MODELS for field, _ in fields_of(model)} | {"kind", "text", "points"})
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["", "x", "pie", "chart", "bullets", "1F4E79", "title"]),
    st.text(max_size=6),
)
VALUES = st.one_of(
    SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.sampled_from(KEYS), SCALARS, max_size=3)
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside node."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


@st.composite
def edited_flagship(draw: st.DrawFn) -> Any:
    """The flagship's data with one to three random edits: a value replaced, removed or a key added."""
    data = copy.deepcopy(FLAGSHIP)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = draw(VALUES)
        else:
            parent.insert(path[-1], draw(VALUES))
    return data


def _outside_json_schema(error: RecordError) -> bool:
    """Whether every issue is one JSON Schema cannot express: cross-field rules, non-finite numbers."""
    return all(issue.code == "rule" or "finite" in issue.message for issue in error.issues)


def _has_non_finite(node: Any) -> bool:
    if isinstance(node, float):
        return not math.isfinite(node)
    if isinstance(node, dict):
        return any(_has_non_finite(value) for value in node.values())
    if isinstance(node, list):
        return any(_has_non_finite(value) for value in node)
    return False


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(data=edited_flagship())
def test_reader_and_json_schema_accept_and_refuse_the_same_outlines(data: Any) -> None:
    try:
        deck = Deck.from_data(data)
    except RecordError as error:
        if VALIDATOR.is_valid(data):
            assert _outside_json_schema(error), [issue.message for issue in error.issues]
        return
    # What the reader accepts, written back as data, is what the schema accepts.
    assert VALIDATOR.is_valid(as_data(deck)), list(VALIDATOR.iter_errors(as_data(deck)))[:1]
    if not _has_non_finite(data):
        # The reader also reads text as numbers or booleans, where YAML scalars are all text.
        assert VALIDATOR.is_valid(data) or _reads_text_as_other_types(data)


def _reads_text_as_other_types(data: Any) -> bool:
    """Whether the schema's only objections are text where a number or boolean is due."""
    return all(
        error.validator == "type" and isinstance(error.instance, str) for error in VALIDATOR.iter_errors(data)
    )


def test_the_flagship_passes_both() -> None:
    assert VALIDATOR.is_valid(FLAGSHIP)
    assert Deck.from_data(FLAGSHIP) == Deck.from_data(as_data(Deck.from_data(FLAGSHIP)))
