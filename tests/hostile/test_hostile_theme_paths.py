"""Hostile theme references through the command line: a `theme:` in an outline names a file (theme
YAML or .pptx template) only where its images may come from — its folder, an assets/ folder beside
it, the bundled assets — unless --allow-outside-paths; a file that is not a theme is refused without
its content in the message. A --theme on the command line is the user's own and is not confined.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from limits_support import assert_exported, assert_refused_at, capped_cli, line_of, one_slide_deck
from pptx import Presentation

from deckbuilder.paths import THEMES_DIR

SECRET = "password: hunter2-secret\napi_token: 0123456789abcdef\nnested:\n  private_key: do-not-echo\n"
"""A file of someone's secrets: none of its keys or values may appear in a message."""
SECRET_WORDS = ("password", "hunter2", "api_token", "0123456789abcdef", "private_key", "do-not-echo")
BULLETS = {"kind": "bullets", "title": "Points", "points": ["one", "two"]}


def deck_in(tmp_path: Path, theme: str) -> Path:
    """An outline in tmp_path/decks/ naming theme, with a secret file beside the folder and one
    in it, a template beside the folder, and a copy of a real theme beside the folder."""
    (tmp_path / "secret.yaml").write_text(SECRET, encoding="utf-8")
    Presentation().save(str(tmp_path / "corporate.pptx"))
    shutil.copy(THEMES_DIR / "midnight.yaml", tmp_path / "midnight-copy.yaml")
    folder = tmp_path / "decks"
    folder.mkdir(exist_ok=True)
    (folder / "notes.yaml").write_text(SECRET, encoding="utf-8")
    return one_slide_deck(BULLETS, folder / "deck.yaml", theme=theme)


def assert_no_secrets(text: str) -> None:
    for word in SECRET_WORDS:
        assert word not in text, text


OUTSIDE = {
    "parent": "../secret.yaml",
    "absolute": "{tmp}/secret.yaml",
    "template": "../corporate.pptx",
    "theme-beside": "../midnight-copy.yaml",
    "system-file": "/etc/passwd.yaml",
}


@pytest.mark.parametrize("name", sorted(OUTSIDE))
def test_a_theme_outside_the_decks_folders_is_refused_at_its_line(name: str, tmp_path: Path) -> None:
    deck = deck_in(tmp_path, OUTSIDE[name].format(tmp=tmp_path))
    result = capped_cli("export", deck, "-o", tmp_path / "out")
    message = assert_refused_at(result, deck, line_of(deck, "theme:"), "is outside the deck's folder")
    assert "--allow-outside-paths" in message
    assert_no_secrets(result.stderr)
    assert not (tmp_path / "out" / "deck.pptx").exists()


def test_a_link_in_the_decks_folder_pointing_out_is_refused(tmp_path: Path) -> None:
    deck = deck_in(tmp_path, "linked.yaml")
    (deck.parent / "linked.yaml").symlink_to(tmp_path / "midnight-copy.yaml")
    result = capped_cli("validate", deck)
    assert_refused_at(result, deck, line_of(deck, "theme:"), "is outside the deck's folder")


@pytest.mark.parametrize("theme", ["notes.yaml", "../secret.yaml"])
def test_a_file_that_is_not_a_theme_is_refused_without_quoting_it(theme: str, tmp_path: Path) -> None:
    deck = deck_in(tmp_path, theme)
    result = capped_cli("export", deck, "-o", tmp_path / "out", "--allow-outside-paths")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "is not a theme file" in result.stderr
    assert_no_secrets(result.stderr)


@pytest.mark.parametrize(
    "theme", ["midnight", "theme.yaml", "../assets/theme.yaml", str(THEMES_DIR / "midnight.yaml")]
)
def test_themes_the_deck_may_use_still_work(theme: str, tmp_path: Path) -> None:
    deck = deck_in(tmp_path, theme)
    shutil.copy(THEMES_DIR / "midnight.yaml", deck.parent / "theme.yaml")
    (tmp_path / "assets").mkdir()
    shutil.copy(THEMES_DIR / "midnight.yaml", tmp_path / "assets" / "theme.yaml")
    assert_exported(capped_cli("export", deck, "-o", tmp_path / "out"))
    assert (tmp_path / "out" / "deck.pptx").is_file()


def test_allow_outside_paths_and_a_command_line_theme_reach_outside(tmp_path: Path) -> None:
    deck = deck_in(tmp_path, "../midnight-copy.yaml")
    assert_exported(capped_cli("export", deck, "-o", tmp_path / "a", "--allow-outside-paths"))
    plain = one_slide_deck(BULLETS, tmp_path / "decks" / "plain.yaml")
    assert_exported(
        capped_cli("export", plain, "-o", tmp_path / "b", "--theme", tmp_path / "midnight-copy.yaml")
    )
    assert (tmp_path / "a" / "deck.pptx").is_file() and (tmp_path / "b" / "plain.pptx").is_file()
