"""The one Qt application headless rendering needs: the running one, or an offscreen one made once."""

from __future__ import annotations

import functools
import os
import sys

from PySide6.QtGui import QGuiApplication


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, creating a (possibly offscreen) one when there is none."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    return _created_application()


@functools.cache
def _created_application() -> QGuiApplication:
    """A QGuiApplication kept alive for the process, for headless rendering (no window, no display)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None:  # a process that has widgets loaded (a test run) may open windows later
        application: QGuiApplication = widgets.QApplication([])
        return application
    return QGuiApplication([])
