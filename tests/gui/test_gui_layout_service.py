"""The preview follows typing at once: no fixed pause, changes made during a layout coalesce into one run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from deckbuilder.gui.main_window import MainWindow


def _title_field(window: MainWindow) -> QLineEdit:
    window.outline.select_path((1, 0))
    form = window.slide_editor.current_form()
    assert form is not None
    field = form.fields["title"]
    assert isinstance(field, QLineEdit)
    field.setFocus()
    field.end(False)
    return field


def test_a_keystroke_is_laid_out_without_waiting_for_a_pause(qtbot: QtBot, opened: MainWindow) -> None:
    title = _title_field(opened)
    with qtbot.waitSignal(opened.layout_service.layout_ready, timeout=2000):
        QTest.keyClick(title, "x")
        assert opened.layout_service.is_laying_out  # started by the keystroke itself, no timer between
    assert opened.preview.current_pages()[0].title == title.text()


def test_keys_typed_during_a_layout_make_one_more_run_and_the_preview_ends_on_the_last(
    qtbot: QtBot, opened: MainWindow
) -> None:
    title = _title_field(opened)
    runs: list[object] = []
    opened.layout_service.layout_ready.connect(runs.append)
    QTest.keyClicks(title, "abcdefghij")  # ten edits before the event loop runs once
    qtbot.waitUntil(lambda: opened.preview.current_pages()[0].title == title.text(), timeout=3000)
    qtbot.wait(200)
    assert title.text().endswith("abcdefghij")
    assert 1 <= len(runs) <= 2, len(runs)  # the first key's run, then the other nine as one


def test_a_title_too_long_to_fit_is_the_command_lines_located_problem(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    deck = tmp_path / "deck.yaml"
    long_title = " ".join(["Unfittable"] * 200)
    deck.write_text(
        "title: T\nsections:\n  - title: S\n    slides:\n      - kind: bullets\n"
        f'        title: "{long_title}"\n        points: [a]\n',
        encoding="utf-8",
    )
    cli = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "export", str(deck), "-o", str(tmp_path / "out"), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 1 and cli.stderr.startswith(f"{deck}:6:16: ")
    assert window.files.open_path(deck, ask=False)
    qtbot.waitUntil(lambda: bool(window.layout_service.problems), timeout=5000)
    assert [str(problem) for problem in window.layout_service.problems] == cli.stderr.splitlines()
    assert "cannot be laid out" in window.preview.canvas.message
