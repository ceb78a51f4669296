"""Desktop app timings (run by hand): start-up with the flagship, and keystroke to repainted preview."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"

STARTUP_CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from deckbuilder.gui.main_window import MainWindow
from deckbuilder.render.qt import register_fonts
app = QApplication([])
register_fonts()
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat), Path(sys.argv[3]))
window.show()
window.files.open_path(Path(sys.argv[1]), ask=False)
app.processEvents()
shown = time.time()
window.preview.canvas.repainted.connect(lambda: app.quit() if window.preview.current_pages() else None)
window.outline.select_path((1, 0))
app.exec()
print(shown, time.time())
window.document.undo_stack.setClean()
window.close()
"""


def startup_seconds(runs: int) -> tuple[list[float], list[float]]:
    """Seconds from process start to a shown window with the flagship open, and to the first preview."""
    shown, previewed = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):
            env = {**os.environ, "PYTHONPATH": str(ROOT)}
            start = time.time()
            output = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    STARTUP_CHILD,
                    str(FLAGSHIP),
                    f"{scratch}/s{run}.ini",
                    f"{scratch}/r{run}",
                ],
                capture_output=True,
                text=True,
                env=env,
                check=True,
            ).stdout.split()
            shown.append(float(output[-2]) - start)
            previewed.append(float(output[-1]) - start)
    return shown, previewed


def _flagship_title_field(scratch: str) -> tuple[Any, Any]:
    """A shown main window with the flagship open, and the title field of its first bullets slide, focused
    with the cursor at the end."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLineEdit

    from deckbuilder.gui.main_window import MainWindow

    window = MainWindow(QSettings(f"{scratch}/s.ini", QSettings.Format.IniFormat), Path(scratch) / "r")
    window.resize(1440, 900)
    window.show()
    window.files.open_path(FLAGSHIP, ask=False)
    window.outline.select_path((1, 0))
    form = window.slide_editor.current_form()
    assert form is not None
    title = form.fields["title"]
    assert isinstance(title, QLineEdit)
    title.setFocus()
    title.end(False)
    return window, title


def keystroke_seconds(count: int) -> list[float]:
    """Seconds from a keystroke in the slide title field to the preview painting the new title."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from deckbuilder.render.qt import register_fonts

    app = QApplication.instance() or QApplication([])
    register_fonts()
    timings: list[float] = []
    handled: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        window, title = _flagship_title_field(scratch)
        loop = QEventLoop()
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)

        def wait(ms: int) -> None:
            deadline.start(ms)
            loop.exec()

        wait(500)
        for number in range(count):
            letter = "abcdefghijklmnopqrstuvwxyz"[number % 26]
            expected = title.text() + letter
            painted: list[float] = []

            def on_paint(expected: str = expected, painted: list[float] = painted) -> None:
                pages = window.preview.current_pages()
                if pages and pages[0].title == expected and not painted:
                    painted.append(time.perf_counter())
                    loop.quit()

            window.preview.canvas.repainted.connect(on_paint)
            start = time.perf_counter()
            QTest.keyClick(title, letter)
            handled.append(time.perf_counter() - start)
            deadline.start(5000)
            loop.exec()
            deadline.stop()
            window.preview.canvas.repainted.disconnect(on_paint)
            if painted:
                timings.append(painted[0] - start)
            else:
                print(f"keystroke {number + 1}: no repaint seen", file=sys.stderr)
            wait(20)
        window.document.undo_stack.setClean()
        window.close()
    del app
    handled_ms = statistics.median(handled) * 1000
    print(f"keystroke handled (form → undo step → YAML text → Deck): median {handled_ms:.0f} ms")
    return timings


BURST_INTERVAL_MS = 40
"""A fast typist's pace: about 25 keys a second."""


def burst_seconds(count: int) -> tuple[list[float], float]:
    """Typing without pause: how long each keystroke takes to handle, and how long after the last one
    the preview shows the whole title."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    handled: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        window, title = _flagship_title_field(scratch)
        loop = QEventLoop()
        QTimer.singleShot(500, loop.quit)
        loop.exec()
        last = time.perf_counter()
        for number in range(count):
            if number:
                QTimer.singleShot(BURST_INTERVAL_MS, loop.quit)
                loop.exec()
            last = time.perf_counter()
            QTest.keyClick(title, "abcdefghijklmnopqrstuvwxyz"[number % 26])
            handled.append(time.perf_counter() - last)
        expected = title.text()
        while (pages := window.preview.current_pages()) is None or pages[0].title != expected:
            QTimer.singleShot(2, loop.quit)
            loop.exec()
            if time.perf_counter() - last > 5:
                break
        settle = time.perf_counter() - last
        window.document.undo_stack.setClean()
        window.close()
    del app
    return handled, settle


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="start-up runs")
    parser.add_argument("--keys", type=int, default=30, help="keystrokes to time")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    shown, previewed = startup_seconds(args.runs)
    print(
        f"start-up to shown window with the flagship loaded: median {statistics.median(shown):.2f} s "
        f"(runs: {', '.join(f'{s:.2f}' for s in shown)})"
    )
    print(f"start-up to first preview painted:                 median {statistics.median(previewed):.2f} s")
    timings = keystroke_seconds(args.keys)
    ordered = sorted(timings)
    median_ms = statistics.median(timings) * 1000
    p95_ms = ordered[max(0, round(len(ordered) * 0.95) - 1)] * 1000
    print(
        f"keystroke in the slide editor to repainted preview: median {median_ms:.0f} ms, p95 {p95_ms:.0f} ms "
        f"over {len(timings)} keystrokes"
    )
    burst_handled, settle = burst_seconds(args.keys)
    print(
        f"typing {args.keys} keys {BURST_INTERVAL_MS} ms apart: slowest keystroke handled in "
        f"{max(burst_handled) * 1000:.0f} ms, preview of the last key {settle * 1000:.0f} ms after it"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
