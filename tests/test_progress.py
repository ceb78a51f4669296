"""The batch progress bar as a terminal shows it: one line, redrawn in place, never wider than the window."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from deckbuilder.batch import progress_line

ROOT = Path(__file__).resolve().parents[1]
LONG_NAME = "a-briefing-on-the-france-us-conundrum-with-a-long-file-name.yaml"


@pytest.mark.parametrize("columns", [200, 80, 50, 20, 8, 1, 0])
def test_progress_line_is_one_cell_short_of_the_terminal(columns: int) -> None:
    line = progress_line(3, 24, LONG_NAME, columns)
    assert len(line) == max(columns - 1, 0)
    if columns >= 20:
        assert "3/24" in line


def test_progress_line_shortens_the_name_and_then_the_bar() -> None:
    wide, narrow = progress_line(12, 24, LONG_NAME, 120), progress_line(12, 24, LONG_NAME, 40)
    assert LONG_NAME in wide
    assert "…" in narrow
    assert wide.count("█") == 15
    assert 0 < narrow.count("█") < 15


def _export_in_terminal(args: list[str], columns: int, out: Path) -> bytes:
    """Run `deckbuilder export ARGS` with stdout and stderr on a pseudo-terminal `columns` wide."""
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "deckbuilder", "export", *args, "-o", str(out), "-j", "1"],
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
        cwd=ROOT,
        env={**os.environ, "COLUMNS": "", "LINES": ""},
    )
    os.close(secondary)
    received = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal's other side closed: the process has finished
            break
        if not chunk:
            break
        received += chunk
    os.close(main)
    assert process.wait(timeout=60) == 0, received.decode(errors="replace")
    return received


@pytest.fixture(name="decks")
def decks_fixture(tmp_path: Path) -> list[str]:
    """Four small outlines with long names, so the bar has something to say and to shorten."""
    source = (ROOT / "tests" / "data" / "good").glob("*.yaml")
    text = next(path for path in sorted(source) if "image" not in path.read_text(encoding="utf-8"))
    folder = tmp_path / "decks"
    folder.mkdir()
    for number in range(4):
        (folder / f"{number}-{LONG_NAME}").write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    return [str(folder)]


def test_bar_fits_a_narrow_terminal_and_redraws_in_place(decks: list[str], tmp_path: Path) -> None:
    shown = _export_in_terminal(decks, 50, tmp_path / "out").decode()
    assert "█" in shown or "·" in shown
    lines = shown.replace("\r\n", "\n").split("\n")
    assert lines[-1] == ""
    assert len(lines) == 2, lines  # the summary line alone: every redraw returned to the line's start
    drawings = [part for part in lines[0].split("\r") if "/4" in part and not part.startswith("exported")]
    assert len(drawings) >= 4
    for drawing in drawings:
        assert len(drawing) < 50, drawing  # one cell short: the terminal never wraps it
    assert lines[0].split("\r")[-1].startswith("exported 4 of 4 decks")


def test_quiet_draws_no_bar(decks: list[str], tmp_path: Path) -> None:
    shown = _export_in_terminal([*decks, "-q"], 50, tmp_path / "out")
    assert shown == b""
    assert len(list((tmp_path / "out").glob("*.pptx"))) == 4
