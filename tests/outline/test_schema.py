"""The shipped JSON Schema matches the model and accepts the decks the project ships."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from deckbuilder.outline.schema import deck_schema_text
from deckbuilder.paths import SCHEMA_FILE

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_schema_matches_the_model() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == deck_schema_text(), (
        "assets/schema/deck.schema.json is stale: run `deckbuilder schema > assets/schema/deck.schema.json`"
    )


def test_every_shipped_deck_points_at_the_schema_and_passes_it() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    decks = sorted((ROOT / "decks").glob("*.yaml"))
    assert decks
    for deck in decks:
        text = deck.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../assets/schema/deck.schema.json\n"), deck
        jsonschema.validate(yaml.safe_load(text), schema)
