"""Form edits rewrite only the values that changed, keeping comments, quoting and blank lines."""

from __future__ import annotations

import yaml

from deckbuilder.gui.yaml_patch import patch_text, scalar_changes

TEXT = """\
# a comment that must survive
title: "Old title"   # trailing comment
plain: words here
single: 'it''s'
values: [1, 2]
notes: |
  first line
  second line

after: kept
"""


def data(text: str) -> dict[str, object]:
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


def test_a_changed_title_keeps_its_quotes_and_the_comments() -> None:
    old = data(TEXT)
    new = {**old, "title": "New “title”"}
    patched = patch_text(TEXT, old, new)
    assert patched is not None
    assert patched.startswith("# a comment that must survive\n")
    assert 'title: "New “title”"   # trailing comment' in patched
    assert data(patched) == new


def test_plain_single_quoted_numbers_and_blocks_keep_their_style() -> None:
    old = data(TEXT)
    new = {
        **old,
        "plain": "other words",
        "single": "Paris' view",
        "values": [1, 2.5],
        "notes": "one\ntwo\nthree\n",
    }
    patched = patch_text(TEXT, old, new)
    assert patched is not None
    assert "plain: other words\n" in patched
    assert "single: 'Paris'' view'" in patched
    assert "values: [1, 2.5]" in patched
    assert "notes: |\n  one\n  two\n  three\n\nafter: kept\n" in patched
    assert data(patched) == new


def test_a_value_that_needs_quotes_gets_them() -> None:
    old = data(TEXT)
    new = {**old, "plain": "key: value # not a comment"}
    patched = patch_text(TEXT, old, new)
    assert patched is not None
    assert data(patched) == new


def test_structural_changes_are_not_patched() -> None:
    old = data(TEXT)
    assert scalar_changes(old, {**old, "extra": 1}) is None
    assert scalar_changes(old, {**old, "values": [1, 2, 3]}) is None
    assert patch_text(TEXT, old, {**old, "values": [1]}) is None
    assert patch_text(TEXT, old, old) == TEXT
