"""Hostile input through the command line, one row per bad input: exit status 1, every line of stderr
`path:line:col: message` (or `path: message` where no position exists), no traceback, and no output
file: a previous deck at the target stays byte for byte, and no temporary file is left.

The outline problems `validate` reports (syntax, tabs, duplicate keys, tags, alias bombs, control
characters, empty files, bad UTF-8 …) are covered for `validate` by tests/test_cli.py; here the same
fixtures go through `export`. Images, sizes, links and output paths are new here.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hostile_support import (
    BAD,
    HOSTILE,
    PREVIOUS,
    ROOT,
    SAHEL,
    assert_located,
    folder_listing,
    image_deck,
    run_cli,
)
from pptx import Presentation

from deckbuilder.outline.yaml_source import MAX_OUTLINE_BYTES

SIMPLE = HOSTILE / "simple.yaml"
"""A small valid outline, for the tests where writing it must fail."""


def export_over_previous(deck: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Export deck into out, where a previous deck of the same name already sits."""
    out.mkdir(exist_ok=True)
    (out / f"{deck.stem}.pptx").write_bytes(PREVIOUS)
    return run_cli("export", deck, "-o", out, *extra)


def assert_nothing_written(out: Path, deck: Path) -> None:
    """The previous deck is untouched and nothing else (no partial file, no temporary) appeared."""
    previous = out / f"{deck.stem}.pptx"
    assert previous.read_bytes() == PREVIOUS
    assert folder_listing(out) == [previous.name]


# --------------------------------------------------------------------------------------------------
# Outlines: the fixtures validate refuses (tests/test_cli.py) are refused by export too


OUTLINES = [
    ("syntax_error.yaml", "end of stream"),
    ("tab_indent.yaml", "tabs cannot indent YAML"),
    ("duplicate_key.yaml", "duplicate key 'title'"),
    ("python_tag.yaml", "tag '!!python/object/apply:os.system' is not allowed"),
    ("unknown_tag.yaml", "tag '!shout' is not allowed"),
    ("billion_laughs.yaml", "too many aliases"),
    ("control_character.yaml", "control character U+0007"),
    ("empty.yaml", "the file is empty"),
    ("garbage.yaml", "not valid UTF-8"),
    ("bad_utf8.yaml", "not valid UTF-8 text (byte 0xe9)"),
    ("top_level_list.yaml", "expected a mapping of deck keys"),
    ("schema_errors.yaml", "unknown slide kind 'bulets'"),
]


@pytest.mark.parametrize(("name", "words"), OUTLINES, ids=[row[0] for row in OUTLINES])
def test_export_refuses_a_bad_outline_and_keeps_the_previous_deck(
    name: str, words: str, tmp_path: Path
) -> None:
    deck = BAD / name
    result = export_over_previous(deck, tmp_path / "out")
    assert result.returncode == 1
    assert_located(result.stderr, deck, must_contain=words)
    assert result.stdout == ""
    assert_nothing_written(tmp_path / "out", deck)


def test_export_of_a_missing_outline(tmp_path: Path) -> None:
    deck = tmp_path / "no-such-deck.yaml"
    result = run_cli("export", deck)
    assert result.returncode == 1
    assert assert_located(result.stderr, deck) == [f"{deck}: no such file"]
    assert folder_listing(tmp_path) == []


def test_export_of_a_folder_without_outlines(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("no outline here", encoding="utf-8")
    result = run_cli("export", tmp_path)
    assert result.returncode == 1
    assert_located(result.stderr, tmp_path, must_contain="no outlines (.yaml) found")
    assert folder_listing(tmp_path) == ["notes.txt"]


@pytest.mark.parametrize("command", ["validate", "export"])
def test_an_outline_over_20_mb_is_refused_before_parsing(command: str, tmp_path: Path) -> None:
    deck = tmp_path / "huge.yaml"
    with deck.open("wb") as stream:  # sparse: takes no room on disk, and no time to write
        stream.truncate(MAX_OUTLINE_BYTES + 1)
    out = tmp_path / "out"
    result = run_cli(command, deck) if command == "validate" else export_over_previous(deck, out)
    assert result.returncode == 1
    lines = assert_located(result.stderr, deck)
    assert lines == [f"{deck}: file is 20.1 MB; outlines are limited to 20 MB"]
    if command == "export":
        assert_nothing_written(out, deck)


# --------------------------------------------------------------------------------------------------
# Images: each fixture outline shows one bad image, its `image` value at line 8, column 16

LIMIT = "too many pixels to be safe to open (limit 89,478,485 pixels)"
IMAGES = [
    ("image_missing.yaml", "does not exist"),
    ("image_not_an_image.yaml", "is not a readable image (not PNG, JPEG, GIF, BMP, TIFF or SVG)"),
    ("image_truncated_png.yaml", "is not a readable image"),
    ("image_truncated_jpeg.yaml", "image file is truncated"),
    ("image_corrupt_png.yaml", "is not a readable image"),
    ("image_bomb.yaml", LIMIT),  # 30000×30000: past Pillow's error limit
    ("image_bomb_warning.yaml", LIMIT),  # 10000×10000: past its warning limit, refused all the same
    ("image_svg_external.yaml", "names 'http://127.0.0.1:9/tracker.png' (line 3 of the SVG)"),
    ("image_svg_entity_bomb.yaml", "declares XML entities (<!ENTITY>)"),
    ("image_escape.yaml", "is outside the deck's folder"),
    ("image_absolute.yaml", "is outside the deck's folder"),
    ("image_home.yaml", "is outside the deck's folder"),
    ("image_folder.yaml", "is not a file"),
    ("image_long_name.yaml", "cannot be opened (file name too long)"),
]


@pytest.mark.parametrize(("name", "words"), IMAGES, ids=[row[0] for row in IMAGES])
def test_export_refuses_a_bad_image_with_a_located_error(name: str, words: str, tmp_path: Path) -> None:
    deck = HOSTILE / name
    result = export_over_previous(deck, tmp_path / "out")
    assert result.returncode == 1
    lines = assert_located(result.stderr, deck, must_contain=words)
    assert len(lines) == 1 and lines[0].startswith(f"{deck}:8:16: image '")
    assert "--allow-outside-paths" in lines[0] if "outside" in words else True
    assert_nothing_written(tmp_path / "out", deck)


@pytest.mark.parametrize(
    ("name", "words"), [("image_bomb.yaml", LIMIT), ("image_svg_entity_bomb.yaml", "declares XML entities")]
)
def test_a_bomb_is_refused_unopened_in_little_memory(name: str, words: str, tmp_path: Path) -> None:
    deck = HOSTILE / name
    code = (
        "import pathlib, sys\n"
        "from deckbuilder.cli import main\n"
        "status = main(sys.argv[1:])\n"
        # VmHWM is this program's own peak: ru_maxrss would carry the forking test process's size over exec
        "status_lines = pathlib.Path('/proc/self/status').read_text().splitlines()\n"
        "print(next(line.split()[1] for line in status_lines if line.startswith('VmHWM:')))\n"
        "sys.exit(status)\n"
    )
    limit = 2 * 1024**3  # a safety net: a regression fails this test instead of the machine

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-c", code, "export", str(deck), "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
        preexec_fn=cap_memory,
    )
    assert result.returncode == 1
    assert_located(result.stderr, deck, must_contain=words)
    peak_mb = int(result.stdout.split()[-1]) / 1024  # VmHWM is in kilobytes
    assert peak_mb < 150, f"peak memory {peak_mb:.0f} MB"  # 30000×30000 RGB would be 2.7 GB


@pytest.mark.parametrize("name", ["image_svg.yaml", "image_svg_named_png.yaml"])
def test_an_svg_exports_even_one_named_png(name: str, tmp_path: Path) -> None:
    result = run_cli("export", HOSTILE / name, "-o", tmp_path)
    assert result.returncode == 0, result.stderr
    media = {
        Path(member).suffix
        for member in zipfile.ZipFile(tmp_path / name.replace(".yaml", ".pptx")).namelist()
    }
    assert {".svg", ".png"} <= media


def test_an_svg_naming_an_address_is_refused_without_connecting_to_it(tmp_path: Path) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    with listener:
        port = listener.getsockname()[1]
        picture = tmp_path / "tracked.svg"
        picture.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
            f'<rect width="10" height="10" style="fill: url(http://127.0.0.1:{port}/x.svg#p)"/></svg>',
            encoding="utf-8",
        )
        deck = tmp_path / "deck.yaml"
        deck.write_text(image_deck("tracked.svg"), encoding="utf-8")
        result = run_cli("export", deck, "-o", tmp_path / "out")
        assert result.returncode == 1
        assert_located(result.stderr, deck, must_contain=f"names 'http://127.0.0.1:{port}/x.svg#p'")
        with pytest.raises(BlockingIOError):  # nobody knocked
            listener.accept()


def symlinked_deck(tmp_path: Path, target: Path) -> Path:
    """decks/deck.yaml showing decks/map.png, a symbolic link to target."""
    decks = tmp_path / "decks"
    decks.mkdir()
    (decks / "map.png").symlink_to(target)
    deck = decks / "deck.yaml"
    deck.write_text(image_deck("map.png"), encoding="utf-8")
    return deck


def test_a_symlink_out_of_the_deck_folder_is_refused_unless_allowed(tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere" / "map.png"
    secret.parent.mkdir()
    secret.write_bytes(SAHEL.read_bytes())
    deck = symlinked_deck(tmp_path, secret)
    out = tmp_path / "out"
    refused = export_over_previous(deck, out)
    assert refused.returncode == 1
    lines = assert_located(refused.stderr, deck, must_contain="--allow-outside-paths")
    assert lines == [
        f"{deck}:7:16: image '{deck.parent / 'map.png'}' is outside the deck's folder, the assets folder "
        "beside it and the bundled assets; pass --allow-outside-paths to use it"
    ]
    assert_nothing_written(out, deck)
    allowed = run_cli("export", deck, "-o", out, "--allow-outside-paths")
    assert allowed.returncode == 0, allowed.stderr
    assert len(Presentation(str(out / "deck.pptx")).slides) == 1  # the image (one slide: no divider)


def test_a_symlink_into_the_bundled_assets_is_allowed(tmp_path: Path) -> None:
    deck = symlinked_deck(tmp_path, SAHEL)
    result = run_cli("export", deck)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("link", "words"),
    [("loop", "is a symbolic link that leads back to itself"), ("dangling", "does not exist")],
)
def test_broken_symlinks_are_located_errors(link: str, words: str, tmp_path: Path) -> None:
    target = tmp_path / "decks" / "map.png" if link == "loop" else tmp_path / "decks" / "gone.png"
    deck = symlinked_deck(tmp_path, target)
    result = export_over_previous(deck, tmp_path / "out")
    assert result.returncode == 1
    assert assert_located(result.stderr, deck, must_contain=words)[0].startswith(f"{deck}:7:16: ")
    assert_nothing_written(tmp_path / "out", deck)


# --------------------------------------------------------------------------------------------------
# Output paths


def test_o_below_a_file_is_a_clear_error(tmp_path: Path) -> None:
    occupied = tmp_path / "occupied"
    occupied.write_bytes(PREVIOUS)
    result = run_cli("export", SIMPLE, "-o", occupied / "sub")
    assert result.returncode == 1
    assert assert_located(result.stderr, occupied / "sub") == [
        f"{occupied / 'sub'}: cannot create the output folder: Not a directory"
    ]
    assert occupied.read_bytes() == PREVIOUS


def test_a_folder_where_the_deck_goes_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "deck.pptx").mkdir()
    (tmp_path / "deck.pptx" / "keep.txt").write_bytes(PREVIOUS)
    deck = tmp_path / "deck.yaml"
    deck.write_text(SIMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("export", deck)
    assert result.returncode == 1
    target = tmp_path / "deck.pptx"
    assert assert_located(result.stderr, target) == [f"{target}: is a folder; name the .pptx file to write"]
    assert (target / "keep.txt").read_bytes() == PREVIOUS
    assert folder_listing(tmp_path) == ["deck.pptx", "deck.yaml"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="permissions do not stop root")
def test_a_folder_without_write_permission(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "simple.pptx").write_bytes(PREVIOUS)
    out.chmod(0o555)
    try:
        result = run_cli("export", SIMPLE, "-o", out)
    finally:
        out.chmod(0o755)
    assert result.returncode == 1
    target = out / "simple.pptx"
    assert assert_located(result.stderr, target) == [f"{target}: cannot write: Permission denied"]
    assert (out / "simple.pptx").read_bytes() == PREVIOUS


def test_a_deck_given_as_the_outline_is_refused_and_not_overwritten(tmp_path: Path) -> None:
    """`export deck.pptx` by mistake: the target (deck.pptx beside it) is the input itself."""
    deck = tmp_path / "deck.pptx"
    run_cli("export", SIMPLE, "-o", tmp_path)
    (tmp_path / "simple.pptx").rename(deck)
    before = deck.read_bytes()
    result = run_cli("export", deck)
    assert result.returncode == 1
    assert_located(result.stderr, deck, must_contain="not valid UTF-8")
    assert deck.read_bytes() == before
    assert folder_listing(tmp_path) == ["deck.pptx"]


# --------------------------------------------------------------------------------------------------
# They are strict: when the fix lands the test passes, fails as XPASS, and the marker must go.


def capped_run(*args: str | Path, timeout: float) -> subprocess.CompletedProcess[str] | None:
    """run_cli under a 1 GB address-space cap; None when it did not finish in time."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    try:
        return run_cli(*args, timeout=timeout, preexec_fn=cap_memory)
    except subprocess.TimeoutExpired:
        return None


def test_a_theme_file_that_is_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    deck = HOSTILE / "theme_alias_bomb.yaml"
    result = capped_run("export", deck, "-o", tmp_path, timeout=8)
    assert result is not None, "still expanding after 8 s"
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert_located(result.stderr, HOSTILE / "bomb_theme.yaml")


def test_a_theme_file_that_never_ends_is_refused(tmp_path: Path) -> None:
    deck = HOSTILE / "theme_endless.yaml"  # /dev/zero is outside the deck's folder: allowed, to be read
    result = capped_run("export", deck, "-o", tmp_path, "--allow-outside-paths", timeout=8)
    assert result is not None, "still reading after 8 s"
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert_located(result.stderr, Path("/dev/zero"))


def test_an_unknown_theme_is_located_in_the_outline(tmp_path: Path) -> None:
    deck = HOSTILE / "theme_unknown.yaml"
    result = export_over_previous(deck, tmp_path / "out")
    assert result.returncode == 1
    assert assert_located(result.stderr, deck)[0].startswith(f"{deck}:3:8: unknown theme 'brefing'")


@pytest.mark.parametrize("name", ["image_missing.yaml", "theme_unknown.yaml"])
def test_validate_reports_what_export_would_refuse(name: str) -> None:
    result = run_cli("validate", HOSTILE / name)
    assert result.returncode == 1
    assert_located(result.stderr, HOSTILE / name)


def test_chart_values_that_are_not_finite_are_located_errors(tmp_path: Path) -> None:
    deck = HOSTILE / "chart_not_finite.yaml"
    result = export_over_previous(deck, tmp_path / "out")
    assert result.returncode == 1 and "internal error" not in result.stderr
    lines = assert_located(result.stderr, deck, must_contain="finite")
    assert [line.split(": ")[0] for line in lines] == [f"{deck}:10:40", f"{deck}:10:45"]
    assert_nothing_written(tmp_path / "out", deck)


def test_two_outlines_bound_for_one_file_do_not_overwrite_each_other(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "deck.yaml", tmp_path / "b" / "deck.yaml"
    for deck in (first, second):
        deck.parent.mkdir()
        deck.write_text(SIMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("export", first, second, "-o", tmp_path / "out")
    assert result.returncode == 1
    [problem] = [line for line in result.stderr.splitlines() if line.startswith(str(second))]
    assert str(tmp_path / "out" / "deck.pptx") in problem


def test_an_outline_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "deck.yaml"
    os.mkfifo(fifo)
    try:
        result = run_cli("validate", fifo, timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("validate waited on the FIFO")
    assert result.returncode == 1
    assert_located(result.stderr, fifo, must_contain="not a regular file")
