"""Forms on top of each other, one shown, the pane sized to that one (a QStackedWidget keeps the tallest)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget


class FormStack(QWidget):
    """Holds the forms; only the current one is visible and takes room, so a short form stays compact."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> int:
        """Add a page (hidden until made current); returns its index."""
        page.setParent(self)
        page.hide()
        self._layout.addWidget(page)
        self._pages.append(page)
        if self._current is None:
            self.setCurrentWidget(page)
        return len(self._pages) - 1

    def setCurrentWidget(self, page: QWidget) -> None:
        """Show one page and hide the others."""
        if page is self._current:
            return
        for other in self._pages:
            other.setVisible(other is page)
        self._current = page
        self.updateGeometry()

    def currentWidget(self) -> QWidget | None:
        """The page on show."""
        return self._current

    def count(self) -> int:
        """How many pages."""
        return len(self._pages)

    def widget(self, index: int) -> QWidget | None:
        """The page at an index."""
        return self._pages[index] if 0 <= index < len(self._pages) else None
