"""`deckbuilder watch` re-exports on every change and keeps running past errors."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from pptx import Presentation

ROOT = Path(__file__).resolve().parents[1]
DECK = "title: Watched\nsections:\n  - title: Part\n    divider: false\n    slides:\n      - kind: title\n"


def lines_of(process: subprocess.Popen[str]) -> queue.Queue[str]:
    """Every line the process prints, as it prints it."""
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    return lines


def next_line_with(lines: queue.Queue[str], words: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=deadline - time.monotonic())
        except queue.Empty:
            break
        if words in line:
            return line
    raise AssertionError(f"no line with {words!r} within {timeout} s")


def write_later(path: Path, text: str) -> None:
    time.sleep(0.05)  # a new mtime even on coarse clocks
    path.write_text(text, encoding="utf-8")


def test_watch_exports_again_on_change_and_survives_a_bad_edit(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK, encoding="utf-8")
    target = tmp_path / "deck.pptx"
    with subprocess.Popen(
        [sys.executable, "-u", "-m", "deckbuilder", "watch", str(deck)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
    ) as process:
        lines = lines_of(process)
        next_line_with(lines, f"wrote {target} (1 slide,")
        write_later(deck, DECK.replace("Watched", "Edited"))
        next_line_with(lines, f"wrote {target}")
        assert Presentation(str(target)).slides[0].shapes[1].text_frame.text.startswith("Edited")
        write_later(deck, DECK + "      - kind: bulets\n")
        next_line_with(lines, "not exported")
        assert "unknown slide kind 'bulets'" in next_line_with(lines, f"{deck}:7:")
        write_later(deck, DECK.replace("Watched", "Fixed"))
        next_line_with(lines, f"wrote {target}")
        process.send_signal(signal.SIGINT)
        next_line_with(lines, "stopped watching")
        assert process.wait(timeout=10) == 0
