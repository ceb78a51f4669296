"""The app's preview draws an SVG picture as the vector it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from deckbuilder.gui.main_window import MainWindow
from deckbuilder.layout.boxes import PictureBox

DRAWING = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
    '<rect width="100" height="100" fill="#CC2222"/><circle cx="150" cy="50" r="45" fill="#2244CC"/></svg>'
)


def pictures(window: MainWindow) -> list[PictureBox]:
    """The pictures on the slides the preview shows."""
    return [
        box for page in window.preview.current_pages() for box in page.boxes if isinstance(box, PictureBox)
    ]


def open_drawing(window: MainWindow, folder: Path) -> None:
    """Open a deck whose one slide shows a red and blue SVG drawing, and select that slide."""
    (folder / "drawing.svg").write_text(DRAWING, encoding="utf-8")
    deck = folder / "deck.yaml"
    deck.write_text(
        "title: Vectors\nsections:\n  - title: Pictures\n    slides:\n"
        "      - kind: image\n        title: A drawing\n"
        "        image: drawing.svg\n        alt: Red and blue\n",
        encoding="utf-8",
    )
    assert window.files.open_path(deck, ask=False)
    window.outline.select_path((0, 0))


def test_the_preview_draws_an_svg_picture(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    open_drawing(window, tmp_path)
    qtbot.waitUntil(lambda: bool(pictures(window)), timeout=5000)
    (picture,) = pictures(window)
    assert picture.w / picture.h == pytest.approx(2.0, rel=1e-3)
    image = window.preview.canvas.grab().toImage()
    step = 3
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }
    assert {"#cc2222", "#2244cc"} <= colours


def test_the_picture_browser_offers_svg_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "square.svg").write_text(DRAWING.replace("0 0 200 100", "0 0 100 100"), encoding="utf-8")
    open_drawing(window, tmp_path)
    filters: list[str] = []

    def choose(*args: object) -> tuple[str, str]:
        filters.append(str(args[3]))
        return str(tmp_path / "square.svg"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    form = window.slide_editor.current_form()
    assert form is not None
    (browse,) = [button for button in form.findChildren(QPushButton) if button.text() == "Browse…"]
    browse.click()
    assert "*.svg" in filters[0]
    assert "image: square.svg" in window.document.text
    qtbot.waitUntil(lambda: [p.w == p.h for p in pictures(window)] == [True], timeout=5000)
