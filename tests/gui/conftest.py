"""Fixtures for the app's tests: offscreen Qt, temporary settings, a copied flagship, no real dialogs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from deckbuilder.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = "france-us-conundrum.yaml"


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any dialog a test did not expect fails the test instead of blocking it."""

    def unexpected(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"unexpected dialog: {args[1:3]}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, unexpected)
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    """decks/ and assets/images/ copied into a temporary folder, keeping their relative layout."""
    shutil.copytree(ROOT / "decks", tmp_path / "decks")
    shutil.copytree(ROOT / "assets" / "images", tmp_path / "assets" / "images")
    return tmp_path / "decks"


@pytest.fixture
def flagship(deck_dir: Path) -> Path:
    """The copied flagship outline."""
    return deck_dir / FLAGSHIP


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary file, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def recovery_dir(tmp_path: Path) -> Path:
    """A temporary recovery folder."""
    return tmp_path / "recovery"


def make_window(
    qtbot: QtBot, settings: QSettings, recovery_dir: Path, size: tuple[int, int] | None = (1280, 800)
) -> MainWindow:
    """A shown main window with temporary settings and recovery folder (size None keeps the saved one)."""
    window = MainWindow(settings, recovery_dir)
    if size is not None:
        window.resize(*size)
    window.show()
    return window


def close_quietly(window: MainWindow) -> None:
    """Close without the unsaved-changes prompt."""
    window.document.undo_stack.setClean()
    window.close()


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def new_window(qtbot: QtBot, settings: QSettings, recovery_dir: Path) -> Iterator[WindowFactory]:
    """Makes more main windows on the test's settings; any left open are closed quietly at the end."""
    made: list[MainWindow] = []

    def factory(size: tuple[int, int] | None = (1280, 800)) -> MainWindow:
        made.append(make_window(qtbot, settings, recovery_dir, size))
        return made[-1]

    yield factory
    for window in made:
        if window.isVisible():
            close_quietly(window)


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings, recovery_dir: Path) -> Iterator[MainWindow]:
    """An empty main window, closed (without prompts) at the end."""
    win = make_window(qtbot, settings, recovery_dir)
    yield win
    close_quietly(win)


@pytest.fixture
def opened(qtbot: QtBot, window: MainWindow, flagship: Path) -> MainWindow:
    """The main window with the flagship open and laid out."""
    assert window.files.open_path(flagship, ask=False)
    qtbot.waitUntil(lambda: window.layout_service.layout is not None, timeout=5000)
    return window
