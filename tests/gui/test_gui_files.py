"""The file life cycle: export, closing with and without changes, recovery, reloads, settings, errors."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

import deckbuilder
from deckbuilder.gui.app import install_exception_hook
from deckbuilder.gui.launch import parse_arguments as _parse
from deckbuilder.gui.main_window import MainWindow
from deckbuilder.gui.recovery import RECOVERY_DIR_ENV, default_recovery_dir, recovery_name

Button = QMessageBox.StandardButton

SAHEL = Path(__file__).resolve().parents[2] / "assets" / "images" / "sahel.png"


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make QMessageBox.question answer with button; returns the titles of the questions asked."""
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        asked.append(title)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def make_a_change(window: MainWindow) -> None:
    window.deck_form.form.fields["footer"].setText("Changed footer")  # type: ignore[attr-defined]
    window.deck_form.form.edited.emit("footer")
    assert window.isWindowModified()


def test_export_action_writes_a_pptx_beside_the_deck(
    qtbot: QtBot, opened: MainWindow, flagship: Path
) -> None:
    with qtbot.waitSignal(opened.exports.export_finished, timeout=20000) as blocker:
        opened.exports.export_action.trigger()
    target = flagship.with_suffix(".pptx")
    assert blocker.args == [target]
    assert len(Presentation(str(target)).slides) == 15
    assert opened.exports.export_action.isEnabled()
    assert "Exported france-us-conundrum.pptx" in opened.exports._result.text()


def test_export_as_pdf_goes_through_the_qt_renderer(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "briefing.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), "PDF (*.pdf)"))
    with qtbot.waitSignal(opened.exports.export_finished, timeout=20000):
        opened.exports.export_as_action.trigger()
    assert target.read_bytes().startswith(b"%PDF")


def test_closing_without_changes_just_closes(
    new_window: Callable[..., MainWindow], settings: QSettings, flagship: Path
) -> None:
    window = new_window()
    window.files.open_path(flagship, ask=False)
    assert window.close()
    assert settings.value("window/v1/geometry") is not None


def test_closing_with_changes_cancel_keeps_the_window(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_a_change(opened)
    asked = answer(monkeypatch, Button.Cancel)
    assert not opened.close()
    assert asked == ["Unsaved changes"]
    assert opened.isVisible()


def test_closing_with_changes_discard_closes_without_saving(
    qtbot: QtBot, opened: MainWindow, flagship: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = flagship.read_text(encoding="utf-8")
    make_a_change(opened)
    answer(monkeypatch, Button.Discard)
    assert opened.close()
    assert flagship.read_text(encoding="utf-8") == before


def test_closing_with_changes_save_writes_the_file(
    qtbot: QtBot, opened: MainWindow, flagship: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_a_change(opened)
    answer(monkeypatch, Button.Save)
    assert opened.close()
    assert 'footer: "Changed footer"' in flagship.read_text(encoding="utf-8")


def test_autosave_writes_a_recovery_file_that_saving_removes(opened: MainWindow, flagship: Path) -> None:
    make_a_change(opened)
    written = opened.recovery.autosave_now()
    assert written is not None
    assert written.parent == opened.recovery.folder
    assert "Changed footer" in written.read_text(encoding="utf-8")
    assert opened.files.save()
    assert not written.exists()


def test_recovery_after_a_crash_loads_the_unsaved_text(
    new_window: Callable[..., MainWindow], recovery_dir: Path, flagship: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovered = flagship.read_text(encoding="utf-8").replace(
        'title: "France-US Conundrum"', 'title: "Recovered deck"'
    )
    recovery_dir.mkdir()
    (recovery_dir / recovery_name(flagship)).write_text(recovered, encoding="utf-8")
    asked = answer(monkeypatch, Button.Yes)
    window = new_window()
    assert window.files.open_path(flagship, ask=False)
    assert asked == ["Recover unsaved changes?"]
    assert window.document.text == recovered
    assert window.windowTitle().startswith("Recovered deck — Deckbuilder")
    assert window.isWindowModified()


def test_declining_recovery_removes_the_recovery_file(
    qtbot: QtBot, window: MainWindow, recovery_dir: Path, flagship: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recovery_dir.mkdir()
    leftover = recovery_dir / recovery_name(flagship)
    leftover.write_text("title: x\n", encoding="utf-8")
    answer(monkeypatch, Button.No)
    assert window.files.open_path(flagship, ask=False)
    assert not leftover.exists()
    assert not window.isWindowModified()


def test_recovery_folder_can_be_set_by_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(RECOVERY_DIR_ENV, str(tmp_path / "elsewhere"))
    assert default_recovery_dir() == tmp_path / "elsewhere"
    assert recovery_name(None) == "untitled.yaml"


def test_a_change_on_disk_offers_to_reload(
    qtbot: QtBot, opened: MainWindow, flagship: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(monkeypatch, Button.Yes)
    changed = flagship.read_text(encoding="utf-8").replace(
        'title: "France-US Conundrum"', 'title: "Edited elsewhere"'
    )
    flagship.write_text(changed, encoding="utf-8")
    qtbot.waitUntil(lambda: asked == ["File changed on disk"], timeout=5000)
    assert opened.document.text == changed
    assert opened.windowTitle().startswith("Edited elsewhere")
    assert not opened.isWindowModified()


def test_our_own_save_does_not_offer_to_reload(qtbot: QtBot, opened: MainWindow) -> None:
    make_a_change(opened)
    assert opened.files.save()
    opened.files.check_disk()  # would fail the test with an unexpected dialog if it asked


def test_window_geometry_is_restored_from_settings(new_window: Callable[..., MainWindow]) -> None:
    first = new_window()
    first.resize(760, 560)
    first.splitters["main"].setSizes([150, 250, 340])
    assert first.close()
    second = new_window(size=None)
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitters["main"].sizes()[0] == 150


def test_new_deck_is_an_untitled_starter(window: MainWindow) -> None:
    assert window.files.new_deck()
    assert window.document.path is None
    assert window.windowTitle().startswith("My briefing — Deckbuilder")
    assert window.outline.outline_model.rowCount() == 2


def test_open_recent_lists_opened_decks(opened: MainWindow, flagship: Path) -> None:
    assert opened.app_settings.recent_files() == [flagship.resolve()]
    opened.files.recent_menu.aboutToShow.emit()
    assert opened.files.recent_menu.actions()[0].text() == flagship.name


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_message_and_keeps_the_window(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_exception_hook(lambda: window)

    def broken_slot() -> None:
        raise RuntimeError("a bug in a slot")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert "a bug in a slot" in shown[0]
    assert window.isVisible()


def test_the_command_line_takes_an_optional_deck() -> None:
    assert _parse([]).deck is None
    assert _parse(["deck.yaml"]).deck == "deck.yaml"


def test_opening_an_invalid_outline_shows_its_problems_and_no_slides(
    qtbot: QtBot, window: MainWindow, deck_dir: Path
) -> None:
    bad = deck_dir / "bad.yaml"
    bad.write_text("title: Broken\nsections:\n  - titel: Oops\n", encoding="utf-8")
    assert window.files.open_path(bad, ask=False)
    assert window.document.deck is None
    assert [p.line for p in window.problems.all_problems] == [3, 3]
    assert window.windowTitle().startswith("bad.yaml — Deckbuilder")
    assert window.outline.outline_model.rowCount() == 0
    assert "problems" in window.preview.canvas.message
    assert not window.outline.add_slide_action.isEnabled()


def test_save_as_to_another_folder_keeps_images_found(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "elsewhere" / "deeper" / "copy.yaml"
    target.parent.mkdir(parents=True)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    assert opened.files.save_as()
    saved = deckbuilder.load(target)
    images = [s.image for sec in saved.sections for s in sec.slides if s.kind == "image"]
    # the picture came from the assets/ folder beside the old deck, which the new folder cannot reach
    assert images == ["images/sahel.png"]
    assert (target.parent / "images" / "sahel.png").read_bytes() == SAHEL.read_bytes()
    assert deckbuilder.export(saved, tmp_path / "copy.pptx").exists()
    assert "copied 1 picture it uses into" in opened.statusBar().currentMessage()


def test_save_as_nearby_rebases_image_paths_without_copying(
    opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = opened.document.path
    assert old is not None
    target = old.parent.parent / "other" / "copy.yaml"  # the assets/ folder beside it is the same
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    assert opened.files.save_as()
    saved = deckbuilder.load(target)
    images = [s.image for sec in saved.sections for s in sec.slides if s.kind == "image"]
    assert images == ["../assets/images/sahel.png"]
    assert not (target.parent / "images").exists()
    assert deckbuilder.export(saved, tmp_path / "copy.pptx").exists()


def test_export_as_png_replaces_the_whole_set_as_the_command_line_does(
    qtbot: QtBot, opened: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "briefing.png"
    folder = tmp_path / "briefing"
    folder.mkdir()
    for number in range(1, 31):  # a longer deck's set, exported before
        (folder / f"slide-{number:02d}.png").write_bytes(b"old")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(target), "PNG images, one per slide (*.png)")
    )
    with qtbot.waitSignal(opened.exports.export_finished, timeout=30000) as blocker:
        opened.exports.export_as_action.trigger()
    assert blocker.args == [folder]
    names = sorted(path.name for path in folder.iterdir())
    assert names == [f"slide-{number:02d}.png" for number in range(1, 16)]  # 15 slides, no stale ones
    assert all(path.read_bytes().startswith(b"\x89PNG") for path in folder.iterdir())
