"""Render the application icon's PNG sizes from deckbuilder.svg with Qt's SVG renderer.

Run after editing the SVG: `QT_QPA_PLATFORM=offscreen python assets/icons/make_pngs.py`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""The hicolor theme's usual sizes; desktops pick the nearest and scale the SVG beyond."""


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn on a transparent square of size pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> None:
    """Write deckbuilder-<size>.png beside the SVG for every size."""
    app = QGuiApplication([])  # noqa: F841  (QPainter needs an application for fonts and pixmaps)
    svg = HERE / "deckbuilder.svg"
    for size in SIZES:
        target = HERE / f"deckbuilder-{size}.png"
        if not render(svg, size).save(str(target)):
            raise SystemExit(f"{target}: could not be written")
        print(f"wrote {target.name}")


if __name__ == "__main__":
    main()
