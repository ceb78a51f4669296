"""What the app remembers between runs (window layout, recent files) in QSettings; never deck content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

SETTINGS_VERSION = 1
MAX_RECENT = 8
DEFAULT_SIZE = (1440, 900)


class AppSettings:
    """A thin, typed layer over a QSettings object that the caller owns (tests pass a temporary one)."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def _key(self, name: str) -> str:
        return f"window/v{SETTINGS_VERSION}/{name}"

    def save_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        """Remember the window's geometry, toolbars and splitter positions."""
        self.qsettings.setValue(self._key("geometry"), window.saveGeometry())
        self.qsettings.setValue(self._key("state"), window.saveState(SETTINGS_VERSION))
        for name, splitter in splitters.items():
            self.qsettings.setValue(self._key(f"splitter/{name}"), splitter.saveState())
        self.qsettings.sync()

    def restore_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
        """Put the window back as it was; False when nothing was saved yet."""
        geometry = self.qsettings.value(self._key("geometry"))
        if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
            return False
        state = self.qsettings.value(self._key("state"))
        if isinstance(state, QByteArray):
            window.restoreState(state, SETTINGS_VERSION)
        for name, splitter in splitters.items():
            saved = self.qsettings.value(self._key(f"splitter/{name}"))
            if isinstance(saved, QByteArray):
                splitter.restoreState(saved)
        return True

    def place_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        """Restore the window as it was, or size it for the screen; either way wholly on the screen."""
        restored = self.restore_window(window, splitters)
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if not restored:
            window.resize(
                min(DEFAULT_SIZE[0], area.width() * 9 // 10), min(DEFAULT_SIZE[1], area.height() * 9 // 10)
            )
        width, height = min(window.width(), area.width()), min(window.height(), area.height())
        if (width, height) != (window.width(), window.height()):
            window.resize(width, height)
        frame = window.frameGeometry()
        if restored and area.contains(frame):
            return
        x = area.left() + max(0, (area.width() - frame.width()) // 2)
        y = area.top() + max(0, (area.height() - frame.height()) // 2)
        window.move(x, y)

    def recent_files(self) -> list[Path]:
        """Recently opened decks, newest first, that still exist."""
        value = self.qsettings.value("recent/files", [])
        names = (
            [value] if isinstance(value, str) else [str(v) for v in value] if isinstance(value, list) else []
        )
        return [Path(name) for name in names if Path(name).is_file()]

    def add_recent(self, path: Path) -> None:
        """Put a deck at the top of the recent list."""
        resolved = path.resolve()
        names = [str(resolved)] + [str(p) for p in self.recent_files() if p.resolve() != resolved]
        self.qsettings.setValue("recent/files", names[:MAX_RECENT])

    def clear_recent(self) -> None:
        """Forget the recent decks."""
        self.qsettings.remove("recent/files")
