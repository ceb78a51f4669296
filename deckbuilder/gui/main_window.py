"""The main window: composes the outline, the editors, the preview and the filmstrip around one document."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deckbuilder.gui import edits
from deckbuilder.gui.document import Document
from deckbuilder.gui.edits import OutlinePath
from deckbuilder.gui.export_controller import ExportController
from deckbuilder.gui.file_controller import FileController
from deckbuilder.gui.format_actions import FormatActions
from deckbuilder.gui.layout_service import LayoutService
from deckbuilder.gui.menus import build_menus
from deckbuilder.gui.recovery import Recovery
from deckbuilder.gui.settings import AppSettings
from deckbuilder.gui.slide_clipboard import SlideClipboard
from deckbuilder.gui.undo_keys import UndoKeys
from deckbuilder.gui.widgets.deck_form import DeckForm
from deckbuilder.gui.widgets.filmstrip import Filmstrip
from deckbuilder.gui.widgets.outline_tree import OutlineTree
from deckbuilder.gui.widgets.preview import SlidePreview, pages_for
from deckbuilder.gui.widgets.problems_panel import ProblemsPanel
from deckbuilder.gui.widgets.slide_editor import SlideEditor
from deckbuilder.gui.widgets.theme_picker import ThemePicker
from deckbuilder.gui.widgets.yaml_editor import YamlEditor
from deckbuilder.layout.boxes import DeckLayout
from deckbuilder.render.qt import register_fonts

APP_NAME = "Deckbuilder"
YAML_TAB = 2


class MainWindow(QMainWindow):
    """One window, one deck."""

    undo_action: QAction
    redo_action: QAction
    quit_action: QAction

    def __init__(
        self, settings: QSettings, recovery_dir: Path | None = None, parent: QWidget | None = None
    ) -> None:
        register_fonts()
        super().__init__(parent)
        self.setObjectName("main-window")
        self.document = Document(self)
        self.layout_service = LayoutService(self.document, self)
        self.app_settings = AppSettings(settings)
        self.recovery = Recovery(self.document, recovery_dir, self)
        self.outline = OutlineTree(self.document)
        self.slide_editor = SlideEditor(self.document)
        self.deck_form = DeckForm(self.document)
        self.yaml_editor = YamlEditor(self.document)
        self.problems = ProblemsPanel()
        self.preview = SlidePreview()
        self.filmstrip = Filmstrip()
        self.theme_picker = ThemePicker(self.document)
        self.files = FileController(self, self.document, self.app_settings, self.recovery)
        self.clipboard = SlideClipboard(self.document, self.outline.current_path, self)
        for widget in (self.outline, self.filmstrip):
            self.clipboard.attach(widget)
        self.exports = ExportController(self, self.document, self.statusBar())
        self.formatting = FormatActions(self.document, self, (self.slide_editor, self.deck_form))
        self._problems_button = QToolButton(self)
        self._problems_button.setAutoRaise(True)
        self._problems_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        self._problems_button.clicked.connect(self.show_yaml_tab)
        self.statusBar().addPermanentWidget(self._problems_button)
        self._build_layout()
        build_menus(self, self)
        self._connect()
        self._update_problems()
        self._update_title()
        self._set_tab_order()
        self.app_settings.place_window(self, self.splitters)

    def _build_layout(self) -> None:
        self.editor_tabs = QTabWidget()
        self.editor_tabs.setDocumentMode(True)
        self.editor_tabs.addTab(self.slide_editor, "Slide")
        self.editor_tabs.addTab(self.deck_form, "Deck")
        yaml_split = QSplitter(Qt.Orientation.Vertical)
        yaml_split.addWidget(self.yaml_editor)
        yaml_split.addWidget(self.problems)
        yaml_split.setSizes([640, 100])
        self.editor_tabs.addTab(yaml_split, "YAML")
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(UndoKeys(self.document.undo_stack, self.editor_tabs))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.filmstrip)
        right.setStretchFactor(0, 1)
        right.setCollapsible(0, False)
        main = QSplitter(Qt.Orientation.Horizontal)
        outline_pane = QWidget()
        outline_layout = QVBoxLayout(outline_pane)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.addWidget(self.outline)
        for widget in (outline_pane, self.editor_tabs, right):
            main.addWidget(widget)
        main.setSizes([250, 420, 770])
        main.setStretchFactor(2, 1)
        main.setCollapsible(2, False)
        self.splitters = {"main": main, "right": right, "yaml": yaml_split}
        self.setCentralWidget(main)

    def _connect(self) -> None:
        document = self.document
        self.outline.current_path_changed.connect(self._on_path_changed)
        self.layout_service.layout_ready.connect(self._on_layout)
        self.layout_service.problems_changed.connect(self._update_problems)
        document.problems_changed.connect(self._update_problems)
        document.deck_changed.connect(self._update_title)
        document.path_changed.connect(self._update_title)
        document.opened.connect(self._on_opened)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.problems.problem_activated.connect(self.go_to_line)
        self.filmstrip.slide_clicked.connect(self._on_thumbnail_clicked)
        self.filmstrip.slide_dropped.connect(self._on_thumbnail_dropped)
        self.files.status_message.connect(self._show_status)
        self.files.deck_opened.connect(self._on_deck_opened)
        self.clipboard.status_message.connect(self._show_status)

    def _set_tab_order(self) -> None:
        """Tab goes through the panes left to right: outline, editor, preview, filmstrip."""
        chain = (self.outline, self.editor_tabs, self.preview, self.filmstrip)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- reactions -----------------------------------------------------------------------------------

    def show_yaml_tab(self) -> None:
        """Switch the editor to the YAML tab."""
        self.editor_tabs.setCurrentIndex(YAML_TAB)

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name} — {APP_NAME}[*]")
        self.setWindowModified(not self.document.undo_stack.isClean())

    def _update_problems(self, *_ignored: object) -> None:
        self.problems.set_outline_problems(self.document.problems)
        self.problems.set_layout_problems(self.layout_service.problems)
        problems = self.problems.all_problems
        self.yaml_editor.set_problems(tuple(p for p in problems if p.line is not None))
        if self.document.deck is None and problems:
            self.preview.set_layout(
                None, "The outline has problems. Fix them in the YAML tab to see the slides."
            )
        elif self.layout_service.layout is None and self.layout_service.problems:
            self.preview.set_layout(
                None, "These slides cannot be laid out yet. Fix the problems listed in the YAML tab."
            )
        count = len(problems)
        self._problems_button.setVisible(bool(count))
        self._problems_button.setText(f"{count} problem{'s' if count != 1 else ''}")
        self.editor_tabs.setTabText(YAML_TAB, f"YAML ({count})" if count else "YAML")

    def _on_opened(self) -> None:
        self.layout_service.reset()
        self.preview.set_layout(None)
        self.filmstrip.clear()

    def _on_deck_opened(self) -> None:
        """A deck with problems opens on its first one; its slides that validate still show."""
        problems = self.document.problems
        if problems and problems[0].line is not None:
            self.go_to_line(problems[0].line, problems[0].column or 1)

    def _on_path_changed(self, path: OutlinePath) -> None:
        self.slide_editor.show_path(path)
        self.preview.show_path(path)
        self._number_slide()
        deck = self.document.deck
        if deck is not None and path and self.document.is_valid:
            key: tuple[str | int, ...] = (
                ("sections", path[0]) if len(path) == 1 else ("sections", path[0], "slides", path[1])
            )
            line, _ = deck.locate(key)
            if line is not None:
                self.yaml_editor.reveal(line)
        if self.layout_service.layout is not None:
            self.filmstrip.highlight(pages_for(self.layout_service.layout, path))

    def _number_slide(self) -> None:
        """The form numbers the slide as the preview and the filmstrip do."""
        layout = self.layout_service.layout
        if layout is not None:
            numbers = pages_for(layout, self.outline.current_path())
            self.slide_editor.set_numbers(numbers, len(layout.slides))

    def _on_layout(self, layout: DeckLayout) -> None:
        self.preview.set_layout(layout)
        self.filmstrip.set_layout(layout)
        self.filmstrip.highlight(pages_for(layout, self.outline.current_path()))
        self._number_slide()

    def _on_thumbnail_clicked(self, number: int) -> None:
        layout = self.layout_service.layout
        if layout is None or not 0 <= number < len(layout.slides):
            return
        origin = layout.slides[number].origin
        if origin is None:
            self.preview.show_output_slide(number)
            return
        self.outline.select_path(origin if origin[1] >= 0 else origin[:1])
        self.preview.show_output_slide(number)

    def _on_thumbnail_dropped(self, number: int, before: int) -> None:
        """A thumbnail dragged before another: move its slide there in the outline."""
        layout = self.layout_service.layout
        if layout is None or not self.document.is_valid or not 0 <= number < len(layout.slides):
            return
        origin = layout.slides[number].origin
        if origin is None or origin[1] < 0:
            self._show_status("Only the outline's own slides move; generated ones follow them")
            return
        data = self.document.data()
        section, row = len(data["sections"]) - 1, len(data["sections"][-1].get("slides", []))
        if before < len(layout.slides) and layout.slides[before].origin is not None:
            target = layout.slides[before].origin
            assert target is not None
            section, row = target[0], max(target[1], 0) + (1 if layout.slides[before].continued else 0)
        new, focus = edits.move_slide(data, origin, section, row)
        self.document.edit_data(new, "Move slide", focus=focus, focus_before=origin)

    def go_to_line(self, line: int, column: int) -> None:
        """Show the YAML tab at a line (a problem's location)."""
        self.editor_tabs.setCurrentIndex(YAML_TAB)
        self.yaml_editor.go_to(line, column)

    # -- closing -------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes; then remember the window and stop background work."""
        if not self.files.maybe_save():
            event.ignore()
            return
        self.app_settings.save_window(self, self.splitters)
        self.recovery.stop()
        self.recovery.discard(self.document.path)
        self.layout_service.shutdown()
        self.exports.shutdown()
        event.accept()
