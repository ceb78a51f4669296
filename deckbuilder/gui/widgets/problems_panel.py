"""The list of what is wrong with the outline; activating a problem jumps to its line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle, QWidget

from deckbuilder.errors import Problem

LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QListWidget):
    """Outline problems first (they stop the preview from updating), then layout problems."""

    problem_activated = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._outline: tuple[Problem, ...] = ()
        self._layout: tuple[Problem, ...] = ()
        self.setAccessibleName("Problems")
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._on_activated)
        self.itemClicked.connect(self._on_activated)
        self._refresh()

    @property
    def all_problems(self) -> tuple[Problem, ...]:
        """Read-only: every problem shown."""
        return self._outline + self._layout

    def set_outline_problems(self, problems: tuple[Problem, ...]) -> None:
        """Problems from parsing and validating the YAML."""
        self._outline = tuple(problems)
        self._refresh()

    def set_layout_problems(self, problems: tuple[Problem, ...]) -> None:
        """Problems found while laying the deck out (missing images, unknown themes)."""
        self._layout = tuple(problems)
        self._refresh()

    def _refresh(self) -> None:
        self.clear()
        style = self.style()
        warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in self.all_problems:
            where = f"Line {problem.line}" if problem.line is not None else "Deck"
            item = QListWidgetItem(warning, f"{where}: {problem.message}")
            item.setData(LINE_ROLE, (problem.line or 0, problem.column or 1))
            item.setToolTip(str(problem))
            self.addItem(item)
        if not self.all_problems:
            ok = QListWidgetItem(
                style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), "No problems"
            )
            ok.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(ok)

    def _on_activated(self, item: QListWidgetItem) -> None:
        line, column = item.data(LINE_ROLE) or (0, 1)
        if line:
            self.problem_activated.emit(line, column)
