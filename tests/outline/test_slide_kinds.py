"""The slide-kind registry: each kind is declared once, and every layer below the app follows it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from deckbuilder.layout.engine import SLIDE_LAYOUTS
from deckbuilder.outline.loader import loads
from deckbuilder.outline.model import SLIDE_CLASSES, SLIDE_KINDS, Slide, SlideBase
from deckbuilder.paths import ASSETS_DIR
from deckbuilder.pipeline import preview_layout
from deckbuilder.themes.templates.mapping import CHAINS

PLACEHOLDER = ASSETS_DIR / "images" / "sahel.png"


def test_the_kinds_are_the_members_of_the_slide_union_in_order() -> None:
    members = [cls for cls in Slide.__origin__.__args__]  # type: ignore[attr-defined]
    assert list(SLIDE_CLASSES.values()) == members
    assert SLIDE_KINDS[0] == "title" and len(set(SLIDE_KINDS)) == len(SLIDE_KINDS)
    assert all(issubclass(cls, SlideBase) and cls.label for cls in members)


@pytest.mark.parametrize("kind", SLIDE_KINDS)
def test_a_new_slide_of_each_kind_starts_valid_and_lays_out(kind: str) -> None:
    new = {"kind": kind, **SLIDE_CLASSES[kind].starter}
    section = {"title": "S", "divider": False, "slides": [new]}
    deck = loads(yaml.safe_dump({"title": "Deck", "sections": [section]}))
    assert deck.sections[0].slides[0].kind == kind
    assert kind in CHAINS
    layout, problems = preview_layout(deck, PLACEHOLDER)
    assert layout is not None and layout.slides[0].kind == kind
    # the image starter names a picture the user has still to pick; nothing else is wrong with a new slide
    assert len(problems) == (1 if kind == "image" else 0)


def test_the_schema_and_the_layout_dispatch_know_exactly_the_declared_kinds() -> None:
    assert set(SLIDE_LAYOUTS) == set(SLIDE_KINDS)
    assert set(CHAINS) >= set(SLIDE_KINDS)
    schema = json.loads(
        subprocess.run(
            [sys.executable, "-m", "deckbuilder", "schema"], capture_output=True, text=True, check=True
        ).stdout
    )
    text = json.dumps(schema)
    for kind in SLIDE_KINDS:
        assert f'"{kind}"' in text


def test_an_unknown_kind_is_refused_with_the_declared_kinds_offered() -> None:
    with pytest.raises(Exception) as error:
        loads("title: D\nsections:\n  - title: S\n    slides:\n      - kind: bulets\n        title: T\n")
    assert "bullets" in str(error.value) and ":5:" in str(error.value)
