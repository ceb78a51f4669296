"""The app's side of the slide-kind registry: a label, a form, an icon and an Add Slide entry per kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from deckbuilder.gui.edits import KIND_LABELS, convert_slide, new_slide
from deckbuilder.gui.icons import _PAINTERS, kind_icon
from deckbuilder.gui.widgets.kind_forms import KIND_FORMS, build_kind_form
from deckbuilder.outline.model import SLIDE_CLASSES, SLIDE_KINDS


def test_every_declared_kind_has_a_label_a_form_and_its_own_icon() -> None:
    assert list(KIND_LABELS) == list(SLIDE_KINDS)
    assert set(KIND_FORMS) == set(SLIDE_KINDS)
    assert set(SLIDE_KINDS) <= set(_PAINTERS)


@pytest.mark.parametrize("kind", SLIDE_KINDS)
def test_each_kind_form_shows_the_new_slide_content(qtbot: QtBot, kind: str) -> None:
    form = build_kind_form(kind, Path.cwd)
    qtbot.addWidget(form)
    slide = new_slide(kind)
    form.load(slide)
    assert slide == {"kind": kind, **SLIDE_CLASSES[kind].starter}
    assert not kind_icon(kind).isNull()


def test_changing_kind_keeps_the_title_only_where_it_is_the_slide_own_heading() -> None:
    bullets = {"kind": "bullets", "title": "Why Paris felt betrayed", "points": ["A", "B"]}
    assert convert_slide(bullets, "quote")["title"] == "Why Paris felt betrayed"
    assert "title" not in convert_slide(bullets, "title")
    assert convert_slide(bullets, "sources").get("title") is None
