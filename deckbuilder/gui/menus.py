"""The menu bar and toolbar, assembled from the actions the window's parts own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton, QWidget

from deckbuilder.gui.help_menu import add_help_menu
from deckbuilder.gui.icons import history_icon

if TYPE_CHECKING:
    from deckbuilder.gui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """File, Edit, Format, Slide and View menus, and the main toolbar."""
    stack = window.document.undo_stack
    window.undo_action = stack.createUndoAction(window, "&Undo")
    window.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
    window.undo_action.setIcon(history_icon(redo=False))
    window.redo_action = stack.createRedoAction(window, "&Redo")
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.redo_action.setIcon(history_icon(redo=True))
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(window.close)
    window.quit_action = quit_action

    files, exports, outline = window.files, window.exports, window.outline
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
    edit_menu.addActions([window.undo_action, window.redo_action])
    edit_menu.addSeparator()
    edit_menu.addActions(window.clipboard.actions())

    format_menu = bar.addMenu("F&ormat")
    format_menu.addActions(window.formatting.actions())

    slide_menu = bar.addMenu("&Slide")
    slide_menu.addMenu(outline.add_slide_menu)
    slide_menu.addActions(outline.edit_actions()[1:])

    view_menu = bar.addMenu("&View")
    for index, name in enumerate(("Slide", "Deck", "YAML")):
        action = view_menu.addAction(f"{name} tab")
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _checked=False, i=index: window.editor_tabs.setCurrentIndex(i))
    add_help_menu(bar, window)

    toolbar = QToolBar("Main toolbar", window)
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([files.new_action, files.open_action, files.save_action])
    toolbar.addSeparator()
    toolbar.addActions([window.undo_action, window.redo_action])
    for action in (window.undo_action, window.redo_action):
        widget = toolbar.widgetForAction(action)
        if isinstance(widget, QToolButton):
            widget.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addSeparator()
    toolbar.addActions(window.formatting.actions())
    styles = ("font-weight: bold;", "font-style: italic;", "text-decoration: underline;")
    for action, style in zip(window.formatting.actions(), styles, strict=True):
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
    toolbar.addWidget(window.theme_picker)
    spacer = QWidget(toolbar)
    spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred)
    toolbar.addWidget(spacer)
    toolbar.addAction(exports.export_action)
    window.addToolBar(toolbar)
