"""The outline's JSON Schema, generated from the model, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any

from deckbuilder.outline.model import Deck
from deckbuilder.records_schema import json_schema


def deck_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a deck outline."""
    schema = json_schema(Deck)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Deckbuilder outline",
        **schema,
    }


def deck_schema_text() -> str:
    """The schema as the JSON text shipped in assets/schema/deck.schema.json."""
    return json.dumps(deck_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
