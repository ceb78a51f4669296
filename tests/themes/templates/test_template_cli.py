"""`deckbuilder check-template` and `export --template` as a user runs them."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation
from template_fixtures import FLAGSHIP
from test_template_guard import no_layouts, not_a_zip, zip_bomb
from test_watch import DECK, lines_of, next_line_with

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def test_a_usable_template_gets_a_table_of_kinds_and_exit_0(cli: RunCli, templates: dict[str, Path]) -> None:
    result = cli("check-template", templates["libreoffice"])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{templates['libreoffice']}: usable template, 16:9 (13.33 × 7.50 in)")
    rows = {
        line.split()[0]: line for line in lines if line.split() and line.split()[0] in ("bullets", "image")
    }
    assert "Title, Content" in rows["bullets"] and "warning" not in rows["bullets"]
    assert "Title Only" in rows["image"] and "warning: no picture layout" in rows["image"]
    assert result.stderr == ""


def test_the_checker_names_fonts_it_cannot_measure_exactly(cli: RunCli, templates: dict[str, Path]) -> None:
    result = cli("check-template", templates["picture"], templates["samples"])
    assert result.returncode == 0
    assert "warning: font 'Times New Roman' has no bundled metric-compatible stand-in" in result.stdout
    assert "body Arial (measured with Liberation Sans)" in result.stdout
    assert "3 sample slides (left out of exports)" in result.stdout


@pytest.mark.parametrize("make", [not_a_zip, zip_bomb, no_layouts], ids=lambda make: make.__name__)
def test_an_unusable_template_is_exit_1_with_path_and_message(
    cli: RunCli, make: object, tmp_path: Path
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = cli("check-template", path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}: ")
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_export_on_a_template_writes_the_deck_and_says_what_it_lacked(
    cli: RunCli, templates: dict[str, Path], tmp_path: Path
) -> None:
    result = cli("export", FLAGSHIP, "-o", tmp_path, "--template", templates["libreoffice"])
    assert result.returncode == 0, result.stderr
    assert "wrote " in result.stdout
    assert "note: libreoffice.pptx: no picture layout: image slides use 'Title Only'" in result.stdout
    deck = Presentation(str(tmp_path / "france-us-conundrum.pptx"))
    assert deck.slide_width == 12192000 and deck.slides[0].slide_layout.name == "Title Slide"


def test_export_refuses_a_bad_template_once_for_the_whole_batch(cli: RunCli, tmp_path: Path) -> None:
    bomb = zip_bomb(tmp_path)
    result = cli("export", FLAGSHIP, FLAGSHIP, "-o", tmp_path / "out", "--template", bomb)
    assert result.returncode == 1
    assert result.stderr.count(f"{bomb}: refused") == 1
    assert "Traceback" not in result.stderr


def test_template_and_theme_together_is_bad_usage(
    cli: RunCli, templates: dict[str, Path], tmp_path: Path
) -> None:
    result = cli(
        "export", FLAGSHIP, "-o", tmp_path, "--template", templates["default"], "--theme", "midnight"
    )
    assert result.returncode == 2
    assert "--theme or --template" in result.stderr


def test_a_batch_of_decks_naming_a_template_prints_its_notes_once(
    cli: RunCli, templates: dict[str, Path], tmp_path: Path
) -> None:
    template = templates["libreoffice"]
    outline = FLAGSHIP.read_text(encoding="utf-8").replace("theme: briefing", f"theme: {template}")
    decks = []
    for name in ("one", "two"):
        deck = tmp_path / f"{name}.yaml"
        deck.write_text(
            outline.replace("../assets/images/", f"{FLAGSHIP.parent.parent}/assets/images/"), encoding="utf-8"
        )
        decks.append(deck)
    result = cli("export", *decks, "-o", tmp_path / "out", "--allow-outside-paths", "-j", "2")
    assert result.returncode == 0, result.stderr
    assert "exported 2 of 2 decks" in result.stdout
    note = "note: libreoffice.pptx: no picture layout: image slides use 'Title Only'"
    assert result.stdout.count(note) == 1, result.stdout


def test_watch_exports_again_when_the_template_changes(templates: dict[str, Path], tmp_path: Path) -> None:
    template = tmp_path / "corporate.pptx"
    template.write_bytes(templates["default"].read_bytes())
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK.replace("title: Watched", "title: Watched\ntheme: corporate.pptx"), encoding="utf-8")
    target = tmp_path / "deck.pptx"
    with subprocess.Popen(
        [sys.executable, "-u", "-m", "deckbuilder", "watch", str(deck)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as process:
        lines = lines_of(process)
        next_line_with(lines, f"wrote {target}")
        time.sleep(0.05)  # a new mtime even on coarse clocks
        template.write_bytes(templates["dark43"].read_bytes())
        next_line_with(lines, f"wrote {target}")
        process.send_signal(signal.SIGINT)
        next_line_with(lines, "stopped watching")
        assert process.wait(timeout=10) == 0
