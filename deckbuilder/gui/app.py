"""The desktop app's start: its QApplication, icon and window, and an exception hook that keeps it alive."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from deckbuilder.gui.desktop import APP_ID, icon_files

LOG = logging.getLogger("deckbuilder.gui")
ORGANIZATION = "Deckbuilder"
APPLICATION = "Deckbuilder"


class ExceptionHook:
    """Logs an unexpected exception and tells the person, instead of letting the app die or go silent."""

    def __init__(self, parent: Callable[[], QWidget | None], log: logging.Logger = LOG) -> None:
        self._parent = parent
        self._log = log
        self._showing = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """Handle one uncaught exception."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._log.error("unexpected error", exc_info=(exc_type, exc, tb))
        if self._showing or QApplication.instance() is None or QApplication.closingDown():
            return
        self._showing = True
        try:
            parent = self._parent()
            if parent is not None and not parent.isVisible():
                return  # the window is closing: log only, never block shutdown with a dialog
            QMessageBox.critical(
                parent,
                "Something went wrong",
                f"Deckbuilder hit an unexpected error and carried on:\n\n{exc_type.__name__}: {exc}\n\n"
                "Your deck is still open. Save your work; details are in the log.",
            )
        except Exception:  # the hook itself must never raise
            traceback.print_exception(exc_type, exc, tb)
        finally:
            self._showing = False


def install_exception_hook(parent: Callable[[], QWidget | None], log: logging.Logger = LOG) -> ExceptionHook:
    """Route uncaught exceptions (including those in Qt slots) to a message box and the log."""
    hook = ExceptionHook(parent, log)
    sys.excepthook = hook
    return hook


def _setup_logging() -> Path | None:
    """Log to the app's data folder (and stderr); returns the log file, if one could be opened."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "deckbuilder.log", encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return folder / "deckbuilder.log"


def application_icon() -> QIcon:
    """The app's icon at every shipped size (PNGs: they need no SVG image plugin)."""
    icon = QIcon()
    for size, path in icon_files().items():
        if size != "scalable":
            icon.addFile(str(path))
    return icon


def configure_application(app: QApplication) -> None:
    """Name the app (for QSettings and the desktop) and give its windows the app's icon."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName(APP_ID)  # Wayland matches windows to deckbuilder.desktop by this
    app.setWindowIcon(application_icon())


def run(deck: Path | None) -> int:
    """Open the main window (on deck, if given) and run until it closes; returns the exit status."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "deckbuilder-gui"])
    )
    configure_application(app)
    _setup_logging()

    from deckbuilder.gui.main_window import MainWindow
    from deckbuilder.render.qt import register_fonts

    register_fonts()
    window = MainWindow(QSettings())
    install_exception_hook(lambda: window)
    window.show()
    if deck is not None:
        if not window.files.open_path(deck, ask=False):
            window.files.start_untitled()
    else:
        window.files.start_untitled()
    return app.exec()
