"""Screenshot of the desktop app with the flagship deck open: assets/screenshots/app.png (run by hand)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Open the flagship at 1440×900, select a slide, let the preview settle, and save the window."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "screenshots" / "app.png")
    parser.add_argument("--slide", default="1,0", help="outline path of the slide to select: SECTION,SLIDE")
    parser.add_argument("--tab", type=int, default=0, help="editor tab: 0 slide, 1 deck, 2 YAML")
    parser.add_argument("--theme", default=None, help="switch to this theme first")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from deckbuilder.gui.main_window import MainWindow
    from deckbuilder.render.qt import register_fonts

    app = QApplication([sys.argv[0]])
    register_fonts()
    with tempfile.TemporaryDirectory() as scratch:
        settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, Path(scratch) / "recovery")
        window.resize(1440, 900)
        window.show()
        window.files.open_path(ROOT / "decks" / "france-us-conundrum.yaml", ask=False)
        if args.theme:
            window.theme_picker.choose(args.theme)
        window.outline.select_path(tuple(int(part) for part in args.slide.split(",")))
        window.editor_tabs.setCurrentIndex(args.tab)
        loop = QEventLoop()
        QTimer.singleShot(1200, loop.quit)
        loop.exec()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out))
        window.document.undo_stack.setClean()
        window.close()
    print(f"wrote {args.out}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
