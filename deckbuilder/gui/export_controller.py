"""Exporting: .pptx beside the deck in one keystroke, or PowerPoint/PDF/PNG anywhere, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QStatusBar,
    QStyle,
    QToolButton,
    QWidget,
)

from deckbuilder.errors import DeckError
from deckbuilder.gui.document import Document
from deckbuilder.outline.model import Deck

EXPORT_FILTERS = {
    "PowerPoint (*.pptx)": "pptx",
    "PDF (*.pdf)": "pdf",
    "PNG images, one per slide (*.png)": "png",
}


def export_deck(deck: Deck, target: Path, fmt: str) -> Path:
    """Write the deck as pptx, pdf or png (a folder of PNGs named after target) through the pipeline the
    command line uses, so the checks, messages and atomic writes are the same; returns what was written."""
    from deckbuilder.pipeline import export

    return export(deck, target.with_suffix("") if fmt == "png" else target, fmt=fmt)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _ExportJob(QRunnable):
    def __init__(self, deck: Deck, target: Path, fmt: str, signals: _Signals) -> None:
        super().__init__()
        self._deck, self._target, self._fmt, self._signals = deck, target, fmt, signals

    def run(self) -> None:
        """Export; report the path written or a readable reason."""
        try:
            written = export_deck(self._deck, self._target, self._fmt)
        except DeckError as error:
            self._signals.failed.emit(str(error))
        except OSError as error:
            self._signals.failed.emit(f"{self._target}: {error.strerror or error}")
        except Exception as error:  # reported to the person, never a crash of the worker thread
            self._signals.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self._signals.finished.emit(written)


class ExportController(QObject):
    """The Export actions, the background job and its progress and result in the status bar."""

    export_finished = Signal(object)
    export_failed = Signal(str)

    def __init__(self, window: QWidget, document: Document, status_bar: QStatusBar) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._status = status_bar
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self.last_output: Path | None = None
        self.export_action = QAction("&Export", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.export_action.setToolTip("Export the deck as a PowerPoint file beside the outline (Ctrl+E)")
        self.export_action.setStatusTip(self.export_action.toolTip())
        self.export_action.triggered.connect(self.export_default)
        self.export_as_action = QAction("Export &As…", self)
        self.export_as_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_as_action.setStatusTip("Export as PowerPoint, PDF or PNG images to a place you choose")
        self.export_as_action.triggered.connect(self.export_as)
        self._progress = QProgressBar(status_bar)
        self._progress.setRange(0, 0)
        self._progress.setMaximumWidth(140)
        self._progress.hide()
        self._result = QLabel(status_bar)
        self._open = self._link_button("Open", lambda: self._open_url(self.last_output))
        self._reveal = self._link_button(
            "Show in folder", lambda: self._open_url(self.last_output.parent if self.last_output else None)
        )
        for widget in (self._progress, self._result, self._open, self._reveal):
            status_bar.addPermanentWidget(widget)
        self._show_result(False)
        document.opened.connect(self._forget_result)

    def _link_button(self, text: str, slot: object) -> QToolButton:
        button = QToolButton(self._status)
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _open_url(path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _forget_result(self) -> None:
        """Another deck opened: an "Exported …" about the last one would mislead."""
        self._show_result(False)
        if self._status.currentMessage().startswith("Export"):
            self._status.clearMessage()

    def _show_result(self, visible: bool) -> None:
        for widget in (self._result, self._open, self._reveal):
            widget.setVisible(visible)

    @property
    def busy(self) -> bool:
        """Read-only: whether an export is running."""
        return self._progress.isVisible()

    def _ready_deck(self) -> Deck | None:
        document = self._document
        if not document.is_valid:
            document.validate_now()
        if not document.is_valid or document.deck is None:
            QMessageBox.warning(
                self._window, "Cannot export", "The outline has problems. Fix them first (see the YAML tab)."
            )
            return None
        return document.deck

    def export_default(self) -> bool:
        """Export <deck stem>.pptx beside the deck, no questions asked (untitled decks ask where)."""
        path = self._document.path
        if path is None:
            return self.export_as()
        from deckbuilder.pipeline import output_path_for

        return self.start(output_path_for(path, None, "pptx"), "pptx")

    def export_as(self) -> bool:
        """Ask for a file and format, then export."""
        path = self._document.path
        start = str(path.with_suffix(".pptx")) if path else str(Path.cwd() / "deck.pptx")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self._window, "Export deck", start, ";;".join(EXPORT_FILTERS)
        )
        if not chosen:
            return False
        target = Path(chosen)
        fmt = target.suffix.lower().lstrip(".")
        if fmt not in EXPORT_FILTERS.values():
            fmt = EXPORT_FILTERS.get(chosen_filter, "pptx")
            target = target.with_suffix(f".{fmt}")
        return self.start(target, fmt)

    def start(self, target: Path, fmt: str) -> bool:
        """Run an export in the background."""
        if self.busy:
            return False
        deck = self._ready_deck()
        if deck is None:
            return False
        self._show_result(False)
        self._progress.show()
        self._status.showMessage(f"Exporting {target.name}…")
        self.export_action.setEnabled(False)
        self.export_as_action.setEnabled(False)
        self._pool.start(_ExportJob(deck, target, fmt, self._signals))
        return True

    def _done(self) -> None:
        self._progress.hide()
        self.export_action.setEnabled(True)
        self.export_as_action.setEnabled(True)

    def _on_finished(self, written: Path) -> None:
        self._done()
        self.last_output = written
        self._status.clearMessage()
        self._result.setText(f"Exported {written.name}")
        self._show_result(True)
        self.export_finished.emit(written)

    def _on_failed(self, message: str) -> None:
        self._done()
        self._status.showMessage("Export failed", 5000)
        self.export_failed.emit(message)
        QMessageBox.warning(self._window, "Export failed", message)

    def shutdown(self) -> None:
        """Wait for a running export before the window goes."""
        self._pool.waitForDone(30000)
