"""The menu bar and toolbar, assembled from the actions the window's parts own."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QToolBar, QToolButton, QWidget

from deckbuilder.gui.document import Document
from deckbuilder.gui.export_controller import ExportController
from deckbuilder.gui.file_controller import FileController
from deckbuilder.gui.format_actions import FormatActions
from deckbuilder.gui.help_menu import add_help_menu
from deckbuilder.gui.icons import history_icon
from deckbuilder.gui.slide_clipboard import SlideClipboard
from deckbuilder.gui.widgets.outline_tree import OutlineTree
from deckbuilder.gui.widgets.theme_picker import ThemePicker


class WindowParts(Protocol):
    """The main window's parts whose actions its menus show (and the actions the menus make)."""

    document: Document
    files: FileController
    exports: ExportController
    outline: OutlineTree
    clipboard: SlideClipboard
    editor_tabs: QTabWidget
    theme_picker: ThemePicker
    formatting: FormatActions
    undo_action: QAction
    redo_action: QAction
    quit_action: QAction


def build_menus(window: QMainWindow, parts: WindowParts) -> None:
    """File, Edit, Format, Slide and View menus, and the main toolbar, of a window made of parts."""
    stack = parts.document.undo_stack
    parts.undo_action = stack.createUndoAction(window, "&Undo")
    parts.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
    parts.undo_action.setIcon(history_icon(redo=False))
    parts.redo_action = stack.createRedoAction(window, "&Redo")
    parts.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    parts.redo_action.setIcon(history_icon(redo=True))
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(window.close)
    parts.quit_action = quit_action

    files, exports, outline = parts.files, parts.exports, parts.outline
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([files.new_action, files.import_action, files.open_action])
    file_menu.addMenu(files.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([files.save_action, files.save_as_action])
    file_menu.addSeparator()
    file_menu.addActions([exports.export_action, exports.export_as_action])
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([parts.undo_action, parts.redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions(parts.clipboard.actions())

    format_menu = bar.addMenu("F&ormat")
    format_menu.addActions(parts.formatting.actions())

    slide_menu = bar.addMenu("&Slide")
    slide_menu.addMenu(outline.add_slide_menu)
    slide_menu.addActions(outline.edit_actions()[1:])

    view_menu = bar.addMenu("&View")
    for index, name in enumerate(("Slide", "Deck", "YAML")):
        action = view_menu.addAction(f"{name} tab")
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, i=index: parts.editor_tabs.setCurrentIndex(i))
    add_help_menu(bar, window)

    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([files.new_action, files.open_action, files.save_action])
    toolbar.addSeparator()
    toolbar.addActions([parts.undo_action, parts.redo_action])
    for action in (parts.undo_action, parts.redo_action):
        widget = toolbar.widgetForAction(action)
        if isinstance(widget, QToolButton):
            widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addSeparator()
    toolbar.addActions(parts.formatting.actions())
    styles = ("font-weight: bold;", "font-style: italic;", "text-decoration: underline;")
    for action, style in zip(parts.formatting.actions(), styles, strict=True):
        widget = toolbar.widgetForAction(action)
        if isinstance(widget, QToolButton):  # B, I and Link shown in the style they write
            widget.setStyleSheet(style)
    toolbar.addSeparator()
    toolbar.addAction(outline.add_slide_action)
    button = toolbar.widgetForAction(outline.add_slide_action)
    if isinstance(button, QToolButton):
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    toolbar.addActions(outline.edit_actions()[1:4])
    toolbar.addSeparator()
    label = QLabel(" Theme ", toolbar)
    toolbar.addWidget(label)
    toolbar.addWidget(parts.theme_picker)
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(exports.export_action)
    window.addToolBar(toolbar)
