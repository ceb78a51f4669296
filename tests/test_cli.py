"""The command line as a user runs it: a subprocess, its exit status, stdout and stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image
from pptx import Presentation

from deckbuilder.paths import SCHEMA_FILE

if TYPE_CHECKING:
    from conftest import RunCli

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad"
GOOD = ROOT / "tests" / "data" / "good"
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"


# Each bad input, where its first problem is, and words its message must contain.
BAD_INPUTS = [
    ("syntax_error.yaml", "3:1", "end of stream"),
    ("tab_indent.yaml", "3:1", "tabs cannot indent YAML"),
    ("duplicate_key.yaml", "3:1", "duplicate key 'title' (first at line 1)"),
    ("python_tag.yaml", "1:8", "tag '!!python/object/apply:os.system' is not allowed"),
    ("unknown_tag.yaml", "1:8", "tag '!shout' is not allowed"),
    ("billion_laughs.yaml", None, "too many aliases"),
    ("control_character.yaml", "1:8", "control character U+0007"),
    ("empty.yaml", "1:1", "the file is empty"),
    ("garbage.yaml", "1:1", "not valid UTF-8"),
    ("bad_utf8.yaml", "1:11", "not valid UTF-8 text (byte 0xe9)"),
    ("top_level_list.yaml", "1:1", "expected a mapping of deck keys"),
    ("schema_errors.yaml", "5:15", "unknown slide kind 'bulets' (did you mean 'bullets'?)"),
]


@pytest.mark.parametrize(("name", "position", "words"), BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS])
def test_validate_reports_bad_input_located_without_traceback(
    name: str, position: str | None, words: str, cli: RunCli
) -> None:
    result = cli("validate", BAD / name)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    prefix = f"{BAD / name}:{position}: " if position else f"{BAD / name}:"
    assert first.startswith(prefix), first
    assert words in result.stderr
    assert result.stdout == ""


def test_validate_reports_every_schema_problem_at_once(cli: RunCli) -> None:
    result = cli("validate", BAD / "schema_errors.yaml")
    path = BAD / "schema_errors.yaml"
    assert result.stderr.splitlines() == [
        f"{path}:5:15: unknown slide kind 'bulets' (did you mean 'bullets'?); kinds are: title, section, "
        "bullets, takeaways, comparison, stat, chart, table, timeline, quote, image, sources",
        f"{path}:7:9: missing required key 'title'",
        f"{path}:8:9: unknown key 'pionts' (did you mean 'points'?)",
        f"{path}:9:9: item 3 of 'slides': series 1 ('Personnel') has 1 value but there are 2 categories",
        f"{path}:18:15: 'rows' should be a list, found 'not a list'",
    ]


def test_python_tag_runs_nothing(tmp_path: Path, cli: RunCli) -> None:
    marker = Path("/tmp/deckbuilder-pwned")
    marker.unlink(missing_ok=True)
    cli("validate", BAD / "python_tag.yaml")
    assert not marker.exists()


def test_validate_missing_file_and_folder(cli: RunCli) -> None:
    result = cli("validate", ROOT / "no-such-deck.yaml", ROOT / "tests")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"{ROOT / 'no-such-deck.yaml'}: no such file",
        f"{ROOT / 'tests'}: is a folder, not a deck file",
    ]


def test_validate_good_decks_prints_nothing(cli: RunCli) -> None:
    result = cli("validate", FLAGSHIP, GOOD / "yaml11_text.yaml")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_validate_goes_on_past_a_bad_deck(cli: RunCli) -> None:
    result = cli("validate", BAD / "empty.yaml", FLAGSHIP, BAD / "duplicate_key.yaml")
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 2


@pytest.mark.parametrize("args", [[], ["validate"], ["frobnicate"], ["export", "--format", "doc", "x.yaml"]])
def test_usage_errors_exit_2(args: list[str], cli: RunCli) -> None:
    result = cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_the_commands(cli: RunCli) -> None:
    result = cli("--help")
    assert result.returncode == 0
    for command in ("export", "validate", "new", "schema", "themes"):
        assert command in result.stdout


def test_schema_prints_the_shipped_schema(cli: RunCli) -> None:
    result = cli("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_new_writes_a_starter_deck_that_validates_and_exports(tmp_path: Path, cli: RunCli) -> None:
    target = tmp_path / "starter.yaml"
    created = cli("new", target)
    assert created.returncode == 0, created.stderr
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert cli("validate", target).returncode == 0
    exported = cli("export", target)
    assert exported.returncode == 0, exported.stderr
    assert len(Presentation(str(tmp_path / "starter.pptx")).slides) >= 4


def test_new_refuses_to_overwrite(tmp_path: Path, cli: RunCli) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("keep me", encoding="utf-8")
    result = cli("new", target)
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"


def test_themes_lists_the_built_in_themes(cli: RunCli) -> None:
    result = cli("themes")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == ["briefing", "midnight"]


def test_export_writes_beside_the_deck_or_into_the_output_folder(tmp_path: Path, cli: RunCli) -> None:
    result = cli("export", FLAGSHIP, "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "france-us-conundrum.pptx"
    assert result.stdout.strip() == f"wrote {target}"
    assert len(Presentation(str(target)).slides) > 12


def test_export_goes_on_past_a_bad_deck_and_exits_1(tmp_path: Path, cli: RunCli) -> None:
    result = cli("export", BAD / "duplicate_key.yaml", FLAGSHIP, "-o", tmp_path)
    assert result.returncode == 1
    assert "duplicate key" in result.stderr
    assert (tmp_path / "france-us-conundrum.pptx").exists()
    assert not (tmp_path / "duplicate_key.pptx").exists()


def test_export_creates_a_missing_output_folder(tmp_path: Path, cli: RunCli) -> None:
    result = cli("export", FLAGSHIP, "-o", tmp_path / "new" / "folder")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / "folder" / "france-us-conundrum.pptx").is_file()


def test_export_to_an_output_that_is_a_file_is_a_clear_error(tmp_path: Path, cli: RunCli) -> None:
    occupied = tmp_path / "occupied"
    occupied.write_text("keep", encoding="utf-8")
    result = cli("export", FLAGSHIP, "-o", occupied)
    assert result.returncode == 1
    assert result.stderr == f"{occupied}: -o names a file; it must be a folder for the exported decks\n"
    assert occupied.read_text(encoding="utf-8") == "keep"


def test_images_outside_the_deck_need_allow_outside_paths(tmp_path: Path, cli: RunCli) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "map.png").write_bytes((ROOT / "assets" / "images" / "sahel.png").read_bytes())
    deck = tmp_path / "decks" / "deck.yaml"
    deck.parent.mkdir()
    deck.write_text(
        "title: T\nsections:\n  - title: S\n    slides:\n"
        "      - {kind: image, title: Map, image: ../elsewhere/map.png, alt: a map}\n",
        encoding="utf-8",
    )
    refused = cli("export", deck)
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"{deck}:5:") and "--allow-outside-paths" in refused.stderr
    allowed = cli("export", deck, "--allow-outside-paths")
    assert allowed.returncode == 0, allowed.stderr


def test_export_pdf_and_png_draw_the_same_layout_without_a_display(tmp_path: Path, cli: RunCli) -> None:
    assert cli("export", FLAGSHIP, "-o", tmp_path).returncode == 0
    slides = len(Presentation(str(tmp_path / "france-us-conundrum.pptx")).slides)
    pdf = cli("export", FLAGSHIP, "-o", tmp_path, "--format", "pdf")
    assert pdf.returncode == 0, pdf.stderr
    assert pdf.stdout.strip() == f"wrote {tmp_path / 'france-us-conundrum.pdf'}"
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "france-us-conundrum.pdf")], capture_output=True, text=True, check=False
    )
    if info.returncode == 0:  # poppler is there (CI installs it)
        assert f"Pages:           {slides}" in info.stdout
    png = cli("export", FLAGSHIP, "-o", tmp_path, "--format", "png")
    assert png.returncode == 0, png.stderr
    images = sorted((tmp_path / "france-us-conundrum").glob("slide-*.png"))
    assert len(images) == slides
    with Image.open(images[0]) as first:
        assert abs(first.width / first.height - 16 / 9) < 0.01


def test_the_core_never_loads_qt_font_tools_or_pydantic_for_pptx_export_or_validation(tmp_path: Path) -> None:
    """Export and validate load only what they use: widths come from precomputed tables, outlines are
    checked by deckbuilder.records, a deck without charts never loads XlsxWriter, one without inline
    markup never loads markdown-it (the flagship has some), and the importer's
    parsers stay unloaded."""
    bullets_only = tmp_path / "bullets.yaml"
    bullets_only.write_text(
        "title: T\nsections:\n  - title: S\n    slides:\n      - {kind: bullets, title: B, points: [a, b]}\n",
        encoding="utf-8",
    )
    probe = (
        "import sys, deckbuilder\n"
        "from deckbuilder.cli import main\n"
        f"assert main(['export', {str(bullets_only)!r}, '-o', {str(tmp_path)!r}, '-q']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith(('xlsxwriter', 'markdown_it'))]\n"
        f"assert main(['export', {str(FLAGSHIP)!r}, '-o', {str(tmp_path)!r}, '-q']) == 0\n"
        f"assert main(['validate', {str(FLAGSHIP)!r}]) == 0\n"
        "unused = ('PySide6', 'deckbuilder.gui', 'deckbuilder.render.qt', 'fontTools', 'pydantic',\n"
        "          'deckbuilder.importer.api', 'trafilatura', 'sentencex', 'justext')\n"
        "loaded = [m for m in sys.modules if m.startswith(unused)]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_help_imports_nothing_heavy() -> None:
    """`deckbuilder --help` starts fast because it loads no model, no office or font library."""
    probe = (
        "import sys, contextlib, io\n"
        "from deckbuilder.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--help']) == 0\n"
        "heavy = ('pydantic', 'pptx', 'fontTools', 'PIL', 'PySide6', 'lxml')\n"
        "assert not [m for m in sys.modules if m.startswith(heavy)], sorted(sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
