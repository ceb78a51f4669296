"""Links in an outline: only http, https and mailto; anything else is a located problem, from the CLI too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deckbuilder import DeckError
from deckbuilder.outline.loader import check_deck, loads

BAD_LINKS = """\
title: Links
sources:
  - title: "[Source](file:///etc/passwd)"
    url: https://example.org/source
sections:
  - title: S
    slides:
      - kind: bullets
        title: "Fine [link](https://example.org) and *emphasis*"
        points:
          - "click [me](javascript:alert(1)) now"
        source: "[relative](page.html)"
"""


def test_each_refused_link_is_located_at_its_value() -> None:
    with pytest.raises(DeckError) as caught:
        loads(BAD_LINKS, "deck.yaml")
    found = [(p.line, p.column, p.message.split("'")[3]) for p in caught.value.problems]
    assert found == [(3, 12, "file:///etc/passwd"), (11, 13, "javascript:alert(1)"), (12, 17, "page.html")]


def test_a_source_url_must_be_a_web_or_mail_address() -> None:
    with pytest.raises(DeckError) as caught:
        loads(BAD_LINKS.replace("https://example.org/source", "javascript:alert(1)"), "deck.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "deck.yaml:4:10: 'url' must start with http://, https:// or mailto:"
    ]


def test_a_deck_changed_in_python_is_checked_too() -> None:
    deck = loads(
        BAD_LINKS.replace("file:///etc/passwd", "https://x.org")
        .replace("javascript:alert(1)", "https://y.org")
        .replace("page.html", "https://z.org")
    )
    check_deck(deck)
    deck.sections[0].slides[0].title = "[x](javascript:void(0))"  # type: ignore[union-attr]
    with pytest.raises(DeckError, match=r"sections\[0\]\.slides\[0\]\.title: link 'javascript:void\(0\)'"):
        check_deck(deck)


@pytest.mark.parametrize("command", ["validate", "export"])
def test_the_command_line_refuses_a_javascript_link(command: str, tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(BAD_LINKS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "deckbuilder", command, str(deck)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert f"{deck}:11:13: item 1 of 'points': link 'javascript:alert(1)' is not allowed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "deck.pptx").exists()
