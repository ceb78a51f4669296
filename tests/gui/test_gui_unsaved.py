"""Imports and recovered work are unsaved documents: marked modified, saved only where the user says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from deckbuilder.gui.main_window import MainWindow
from deckbuilder.gui.recovery import recovery_name

Button = QMessageBox.StandardButton


def write_article(folder: Path) -> Path:
    article = folder / "article.md"
    article.write_text(
        "# Sahel briefing\n\nWhy it matters.\n\n## Background\n\nFrance had 1,500 troops in the Sahel.\n"
        "The US had 1,000 personnel for drone operations.\n",
        encoding="utf-8",
    )
    return article


def record(monkeypatch: pytest.MonkeyPatch, name: str, result: Any) -> list[tuple[Any, ...]]:
    """Replace a dialog with one that returns result and records how it was asked."""
    calls: list[tuple[Any, ...]] = []

    def dialog(*args: Any) -> Any:
        calls.append(args)
        return result

    owner = QFileDialog if name.startswith("get") else QMessageBox
    monkeypatch.setattr(owner, name, dialog)
    return calls


def test_an_import_opens_unsaved_and_writes_nothing_beside_the_article(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write_article(tmp_path)
    record(monkeypatch, "getOpenFileName", (str(article), ""))
    assert window.files.new_from_article()
    assert not list(tmp_path.glob("*.yaml")) and not list(tmp_path.glob("*.yml"))
    assert window.document.path is None
    assert window.isWindowModified()
    assert window.windowTitle().startswith("Sahel briefing")
    assert window.statusBar().currentMessage().startswith("Imported article.md")
    assert window.document.text.startswith("# yaml-language-server: $schema=https://")


def test_saving_an_import_asks_where_starting_beside_the_article(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write_article(tmp_path)
    record(monkeypatch, "getOpenFileName", (str(article), ""))
    assert window.files.new_from_article()
    target = tmp_path / "chosen.yaml"
    asked = record(monkeypatch, "getSaveFileName", (str(target), ""))
    assert window.files.save()
    assert asked[0][1] == "Save deck as"
    assert asked[0][2] == str(tmp_path / "article.yaml")
    assert target.read_text(encoding="utf-8") == window.document.text
    assert not window.isWindowModified()


def test_quitting_with_an_unsaved_import_asks_first(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(monkeypatch, "getOpenFileName", (str(write_article(tmp_path)), ""))
    assert window.files.new_from_article()
    asked = record(monkeypatch, "question", Button.Cancel)
    window.quit_action.trigger()
    assert len(asked) == 1 and asked[0][1] == "Unsaved changes"
    assert window.isVisible()


def test_the_recovery_prompt_says_when_and_what_and_the_work_comes_back_unsaved(
    new_window: Callable[..., MainWindow], recovery_dir: Path, flagship: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovered = flagship.read_text(encoding="utf-8").replace(
        'title: "France-US Conundrum"', 'title: "Recovered deck"'
    )
    recovery_dir.mkdir()
    (recovery_dir / recovery_name(flagship)).write_text(recovered, encoding="utf-8")
    asked = record(monkeypatch, "question", Button.Yes)
    window = new_window()
    assert window.files.open_path(flagship, ask=False)
    message = asked[0][2]
    assert "Autosaved at " in message
    assert "“Recovered deck”, 14 slides" in message
    assert window.isWindowModified()
    assert window.statusBar().currentMessage().startswith("Recovered unsaved changes")
