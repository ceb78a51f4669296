"""File handling for the window: new, open, recent, save, save as, unsaved-changes prompts and reloads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QStyle, QWidget

from deckbuilder.errors import DeckError
from deckbuilder.gui.document import Document
from deckbuilder.gui.recovery import Recovery
from deckbuilder.gui.settings import AppSettings

DECK_FILTER = "Deck outlines (*.yaml *.yml);;All files (*)"
ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
RELOAD_DELAY_MS = 200
Button = QMessageBox.StandardButton


class FileController(QObject):
    """Owns the File actions and keeps the document, its file, recovery and recent files in step."""

    status_message = Signal(str)
    deck_opened = Signal()
    """A deck file opened (its problems, if any, are known)."""

    def __init__(
        self, window: QWidget, document: Document, settings: AppSettings, recovery: Recovery
    ) -> None:
        super().__init__(window)
        self._window = window
        self._document = document
        self._settings = settings
        self._recovery = recovery
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self.check_disk)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _path: self._reload_timer.start())
        self._asking = False
        style = window.style()
        pix = QStyle.StandardPixmap
        self.new_action = self._action(
            "&New", QKeySequence.StandardKey.New, self.new_deck, style.standardIcon(pix.SP_FileIcon)
        )
        self.open_action = self._action(
            "&Open…",
            QKeySequence.StandardKey.Open,
            self.open_dialog,
            style.standardIcon(pix.SP_DialogOpenButton),
        )
        self.save_action = self._action(
            "&Save", QKeySequence.StandardKey.Save, self.save, style.standardIcon(pix.SP_DialogSaveButton)
        )
        self.save_as_action = self._action("Save &As…", "Ctrl+Shift+S", self.save_as)
        self.import_action = self._action("New from &Article…", "Ctrl+Shift+N", self.new_from_article)
        self.import_action.setStatusTip("Turn an article (text, Markdown or HTML) into a new deck outline")
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        for action, tip in (
            (self.new_action, "Start a new deck from the starter outline"),
            (self.open_action, "Open a deck outline (.yaml)"),
            (self.save_action, "Save the outline"),
        ):
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def _action(
        self, text: str, shortcut: QKeySequence.StandardKey | str, slot: object, icon: object = None
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(icon)  # type: ignore[arg-type]
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    # -- opening ---------------------------------------------------------------------------------------

    def new_deck(self) -> bool:
        """Replace the open deck with the starter outline, untitled."""
        from deckbuilder.outline.starter import starter_text

        if not self.maybe_save():
            return False
        self._set_file(None)
        self._document.open_text(starter_text(), None)
        self.offer_recovery()
        return True

    def start_untitled(self) -> None:
        """The deck shown at start-up without a file: the starter, or recovered unsaved work."""
        from deckbuilder.outline.starter import starter_text

        self._document.open_text(starter_text(), None)
        self.offer_recovery()

    def new_from_article(self) -> bool:
        """Ask for an article, import it, and open the outline as an unsaved deck (Save asks where)."""
        from deckbuilder.outline.loader import dumps
        from deckbuilder.pipeline import import_article

        if not self.maybe_save():
            return False
        start = str(self._document.path.parent) if self._document.path else str(Path.cwd())
        chosen, _ = QFileDialog.getOpenFileName(self._window, "New deck from article", start, ARTICLE_FILTER)
        if not chosen:
            return False
        article = Path(chosen)
        try:
            deck = import_article(article)
        except DeckError as error:
            QMessageBox.warning(self._window, "Cannot import article", str(error))
            return False
        self._set_file(None)
        self._document.open_text(dumps(deck), None, suggested=article.with_suffix(".yaml"))
        self._document.mark_unsaved()
        self.status_message.emit(f"Imported {article.name}; save the outline to keep it")
        return True

    def open_dialog(self) -> bool:
        """Ask for a deck file and open it."""
        if not self.maybe_save():
            return False
        start = str(self._document.path.parent) if self._document.path else str(Path.cwd())
        chosen, _ = QFileDialog.getOpenFileName(self._window, "Open deck", start, DECK_FILTER)
        return bool(chosen) and self.open_path(Path(chosen), ask=False)

    def open_path(self, path: Path, *, ask: bool = True) -> bool:
        """Open a deck file (asking about unsaved changes first unless told not to)."""
        if ask and not self.maybe_save():
            return False
        try:
            self._document.open_file(path)
        except DeckError as error:
            QMessageBox.warning(self._window, "Cannot open deck", str(error))
            return False
        self._set_file(path)
        self._settings.add_recent(path)
        self.status_message.emit(f"Opened {path.name}")
        self.offer_recovery()
        self.deck_opened.emit()
        return True

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("No recent decks").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear list", self._settings.clear_recent)

    def offer_recovery(self) -> bool:
        """If unsaved work for this deck was left behind by a crash, offer to bring it back."""
        document = self._document
        text = self._recovery.pending_text(document.path, document.text)
        if text is None:
            self._recovery.discard(document.path)
            return False
        name = document.path.name if document.path else "an untitled deck"
        answer = QMessageBox.question(
            self._window,
            "Recover unsaved changes?",
            f"Deckbuilder found unsaved changes to {name} from a session that did not close properly."
            f"\n\n{self._recovery.describe(document.path)}\n\nRecover them?",
            Button.Yes | Button.No,
            Button.Yes,
        )
        if answer != Button.Yes:
            self._recovery.discard(document.path)
            return False
        document.replace_text(text, "Recover unsaved changes")
        self.status_message.emit(f"Recovered unsaved changes to {name}")
        return True

    # -- saving ---------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the deck's file (asking for one if untitled)."""
        if self._document.path is None:
            return self.save_as()
        return self._write(self._document.path)

    def save_as(self) -> bool:
        """Ask where to save, then save there."""
        document = self._document
        start = str(document.path or document.suggested_path or Path.cwd() / "untitled.yaml")
        chosen, _ = QFileDialog.getSaveFileName(self._window, "Save deck as", start, DECK_FILTER)
        if not chosen:
            return False
        target = Path(chosen)
        if target.suffix.lower() not in (".yaml", ".yml"):
            target = target.with_suffix(".yaml")
        copies = self._relocate_images(target)
        if not self._write(target):
            return False
        if copies:
            plural = "picture" if len(copies) == 1 else "pictures"
            where = copies[0].parent
            self.status_message.emit(
                f"Saved {target.name}; copied {len(copies)} {plural} it uses into {where}"
            )
        return True

    def _relocate_images(self, target: Path) -> list[Path]:
        """Keep the deck's pictures found when the outline moves (an undoable edit); returns copies made."""
        from deckbuilder.outline.loader import outline_data
        from deckbuilder.outline.relocate import relocate_images

        document = self._document
        deck = document.deck
        old_dir = (document.path.parent if document.path else Path.cwd()).resolve()
        new_dir = target.parent.resolve()
        if deck is None or old_dir == new_dir:
            return []
        before = outline_data(deck)
        data = outline_data(deck)
        try:
            copies = relocate_images(data, old_dir, new_dir)
        except OSError as error:  # the copy failed: keep the paths rebased, export will name the picture
            self.status_message.emit(f"Could not copy the deck's pictures: {error.strerror or error}")
            copies = []
        if data != before:
            document.edit_data(data, "Update image paths for the new folder")
        return copies

    def _confirm_problems(self) -> bool:
        """With problems in the outline, ask before saving it as it is; True when it is fine to go on."""
        count = len(self._document.problems)
        if not count:
            return True
        noun = "problem" if count == 1 else "problems"
        first = self._document.problems[0]
        answer = QMessageBox.question(
            self._window,
            f"Save with {count} {noun}?",
            f"Save with {count} {noun}?\n\nThe outline is saved as it is, and export refuses it until "
            f"{'it is' if count == 1 else 'they are'} fixed. The first: line {first.line}: {first.message}",
            Button.Save | Button.Cancel,
            Button.Cancel,
        )
        return answer == Button.Save

    def _write(self, target: Path) -> bool:
        if not self._confirm_problems():
            return False
        old_path = self._document.path
        try:
            self._document.save(target)
        except OSError as error:
            QMessageBox.critical(self._window, "Cannot save", f"{target}: {error.strerror or error}")
            return False
        self._recovery.discard(old_path)
        self._recovery.discard(target)
        self._set_file(target)
        self._settings.add_recent(target)
        self.status_message.emit(f"Saved {target.name}")
        return True

    def maybe_save(self) -> bool:
        """With unsaved changes, ask Save / Discard / Cancel; True when it is fine to go on."""
        if self._document.undo_stack.isClean():
            return True
        answer = QMessageBox.question(
            self._window,
            "Unsaved changes",
            f"Save the changes to “{self._document.display_name}” before closing it?",
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return self.save()
        if answer == Button.Discard:
            self._recovery.discard(self._document.path)
            return True
        return False

    # -- watching the file ---------------------------------------------------------------------------

    def _set_file(self, path: Path | None) -> None:
        files = self._watcher.files()
        if files:
            self._watcher.removePaths(files)
        if path is not None and path.exists():
            self._watcher.addPath(str(path))

    def check_disk(self) -> None:
        """The file changed on disk: if not by our own save, offer to reload it."""
        path = self._document.path
        if path is None or self._asking:
            return
        if str(path) not in self._watcher.files() and path.exists():
            self._watcher.addPath(str(path))  # an atomic replace ends the watch; renew it
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return
        if text == self._document.saved_text:
            return
        self._asking = True
        try:
            extra = (
                " Your unsaved changes here will be replaced."
                if not self._document.undo_stack.isClean()
                else ""
            )
            answer = QMessageBox.question(
                self._window,
                "File changed on disk",
                f"{path.name} was changed by another program.{extra}\n\nReload it?",
                Button.Yes | Button.No,
                Button.Yes,
            )
        finally:
            self._asking = False
        if answer == Button.Yes:
            self._document.replace_text(text, "Reload from disk")
            self._document.saved_text = text
            self._document.undo_stack.setClean()
            self.status_message.emit(f"Reloaded {path.name}")
        else:
            self._document.saved_text = text
