"""The editing loop: outline tree, slide form, YAML tab, preview, and undo/redo of every kind of edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from deckbuilder.gui.main_window import MainWindow
from deckbuilder.gui.models.outline_model import MIME_TYPE, OutlineModel
from deckbuilder.gui.widgets.fields import PointsEditor
from deckbuilder.layout.boxes import TableBox, TextBox
from deckbuilder.outline.loader import load
from deckbuilder.pipeline import layout

STRATEGIC_AUTONOMY = (1, 0)
"""The first bullets slide of the flagship."""


def preview_text(window: MainWindow) -> str:
    """Every line of text on the slides the preview shows."""
    lines: list[str] = []
    for page in window.preview.current_pages():
        for box in page.boxes:
            if isinstance(box, TextBox):
                lines.extend(line for p in box.paragraphs for line in p.lines)
            elif isinstance(box, TableBox):
                lines.extend(line for row in box.cells for p in row for line in p.lines)
    return "\n".join(lines)


def tree_titles(window: MainWindow, section: int | None = None) -> list[str]:
    """The titles the outline tree shows for sections, or for one section's slides."""
    model = window.outline.outline_model
    parent = model.index(section, 0) if section is not None else model.index(-1, 0)
    return [str(model.index(row, 0, parent).data()) for row in range(model.rowCount(parent))]


def points_editor(window: MainWindow) -> PointsEditor:
    form = window.slide_editor.current_form()
    assert form is not None
    editor = form.fields["points"]
    assert isinstance(editor, PointsEditor)
    return editor


def test_opening_the_flagship_shows_its_title_and_every_section(opened: MainWindow, flagship: Path) -> None:
    deck = load(flagship)
    assert opened.windowTitle().startswith("France-US Conundrum — Deckbuilder")
    assert not opened.isWindowModified()
    assert tree_titles(opened) == [section.title for section in deck.sections]
    assert tree_titles(opened, 2)[1] == "Niger and the Sahel"
    assert len(opened.layout_service.layout.slides) == len(layout(deck).slides)  # type: ignore[union-attr]


def test_outline_model_passes_the_model_tester_through_edits(qtbot: QtBot, opened: MainWindow) -> None:
    model = opened.outline.outline_model
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    assert opened.outline.add_slide("chart")
    assert opened.outline.move_selection(1)
    assert opened.outline.delete()
    opened.document.undo_stack.undo()
    opened.document.undo_stack.undo()
    assert isinstance(model, OutlineModel)
    assert tester is not None


def test_editing_a_point_updates_the_preview_and_the_yaml(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    qtbot.waitUntil(lambda: "Championed by France" in preview_text(opened))
    editor = points_editor(opened)
    editor.tree.topLevelItem(0).setText(0, "Championed by Paris since 2017")
    qtbot.waitUntil(lambda: "Championed by Paris since 2017" in preview_text(opened), timeout=3000)
    assert '"Championed by Paris since 2017"' in opened.yaml_editor.toPlainText()
    assert "# yaml-language-server" in opened.yaml_editor.toPlainText()
    assert opened.isWindowModified()


def test_typing_a_title_in_the_form_is_one_undo_step(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    form = opened.slide_editor.current_form()
    assert form is not None
    title = form.fields["title"]
    title.setFocus()
    title.end(False)  # type: ignore[attr-defined]
    qtbot.keyClicks(title, " today")
    assert opened.document.deck.sections[1].slides[0].title == "What “strategic autonomy” means today"  # type: ignore[union-attr]
    assert opened.undo_action.text() == "&Undo Edit title"
    opened.document.undo_stack.undo()
    assert opened.document.deck.sections[1].slides[0].title == "What “strategic autonomy” means"  # type: ignore[union-attr]
    assert title.text() == "What “strategic autonomy” means"  # type: ignore[attr-defined]
    opened.document.undo_stack.redo()
    assert title.text().endswith("today")  # type: ignore[attr-defined]
    assert tree_titles(opened, 1)[0].endswith("today")


def test_editing_the_yaml_updates_the_tree_and_the_form(qtbot: QtBot, opened: MainWindow) -> None:
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    text = opened.yaml_editor.toPlainText().replace(
        'title: "What “strategic autonomy” means"', 'title: "Autonomy, defined"'
    )
    opened.yaml_editor.setPlainText(text)
    qtbot.waitUntil(lambda: tree_titles(opened, 1)[0] == "Autonomy, defined", timeout=3000)
    form = opened.slide_editor.current_form()
    assert form is not None
    assert form.fields["title"].text() == "Autonomy, defined"  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Autonomy, defined" in preview_text(opened), timeout=3000)
    opened.document.undo_stack.undo()
    assert tree_titles(opened, 1)[0] == "What “strategic autonomy” means"
    opened.document.undo_stack.redo()
    assert tree_titles(opened, 1)[0] == "Autonomy, defined"


def test_invalid_yaml_keeps_the_last_deck_and_lists_located_problems(
    qtbot: QtBot, opened: MainWindow
) -> None:
    text = opened.yaml_editor.toPlainText()
    broken = text.replace('  - title: "The NATO Implications"', '  - titel: "The NATO Implications"')
    opened.yaml_editor.setPlainText(broken)
    qtbot.waitUntil(lambda: bool(opened.document.problems), timeout=3000)
    assert tree_titles(opened)[3] == "The NATO Implications"  # the last good deck stays
    assert not opened.slide_editor.stack.isEnabled()
    problem = opened.problems.all_problems[0]
    assert problem.line == broken.splitlines().index('  - titel: "The NATO Implications"') + 1
    opened.problems.problem_activated.emit(problem.line, problem.column)
    assert opened.yaml_editor.textCursor().blockNumber() + 1 == problem.line
    assert opened.editor_tabs.currentIndex() == 2
    opened.document.undo_stack.undo()
    assert not opened.document.problems
    assert opened.slide_editor.stack.isEnabled()


def test_add_delete_and_move_slides_undo_and_redo(qtbot: QtBot, opened: MainWindow) -> None:
    stack = opened.document.undo_stack
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    before = tree_titles(opened, 1)
    assert opened.outline.add_slide("quote")
    assert tree_titles(opened, 1) == [before[0], "“The quotation”", before[1]]
    assert opened.outline.current_path() == (1, 1)
    assert opened.outline.delete()
    assert tree_titles(opened, 1) == before
    assert opened.outline.current_path() == (1, 1)  # the next slide is selected
    assert opened.outline.move_selection(-1)
    assert tree_titles(opened, 1) == [before[1], before[0]]
    assert opened.outline.current_path() == (1, 0)
    stack.undo()
    assert tree_titles(opened, 1) == before
    stack.undo()
    assert tree_titles(opened, 1)[1] == "“The quotation”"
    stack.undo()
    assert tree_titles(opened, 1) == before
    assert not opened.isWindowModified()
    for _ in range(3):
        stack.redo()
    assert tree_titles(opened, 1) == [before[1], before[0]]


def test_moving_a_slide_past_its_section_edge_crosses_into_the_next_after_its_divider(
    opened: MainWindow,
) -> None:
    opened.outline.select_path((1, 1))
    assert opened.outline.move_selection(1)
    assert tree_titles(opened, 2)[:2] == ["Niger: A Case Study in Divergence", "How the distrust built up"]
    assert opened.outline.current_path() == (2, 1)
    assert opened.outline.move_selection(-1)  # and back up past the divider, into the section above
    assert tree_titles(opened, 1)[-1] == "How the distrust built up"
    assert tree_titles(opened, 2)[0] == "Niger: A Case Study in Divergence"


def test_drag_and_drop_moves_a_slide_through_the_undo_stack(opened: MainWindow) -> None:
    model = opened.outline.outline_model
    source = model.index_of((2, 1))
    mime = model.mimeData([source])
    target_section = model.index_of((4,))
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, target_section)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, target_section)
    assert tree_titles(opened, 4)[0] == "Niger and the Sahel"
    assert "Niger and the Sahel" not in tree_titles(opened, 2)
    assert opened.undo_action.text() == "&Undo Move slide"
    opened.document.undo_stack.undo()
    assert tree_titles(opened, 2)[1] == "Niger and the Sahel"
    opened.document.undo_stack.redo()
    assert tree_titles(opened, 4)[0] == "Niger and the Sahel"


def test_drag_and_drop_moves_a_section(opened: MainWindow) -> None:
    model = opened.outline.outline_model
    titles = tree_titles(opened)
    mime = model.mimeData([model.index_of((5,))])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, model.index_of(()))
    assert tree_titles(opened) == [titles[0], titles[5], *titles[1:5]]
    junk = QMimeData()
    junk.setData(MIME_TYPE, b"not json")
    assert not model.dropMimeData(junk, Qt.DropAction.MoveAction, 0, 0, model.index_of(()))


def test_theme_change_is_undoable(qtbot: QtBot, opened: MainWindow) -> None:
    background = opened.layout_service.layout.slides[1].background  # type: ignore[union-attr]
    assert opened.theme_picker.choose("midnight") == []
    assert opened.document.deck.theme == "midnight"  # type: ignore[union-attr]
    assert "theme: midnight" in opened.yaml_editor.toPlainText()
    qtbot.waitUntil(lambda: opened.layout_service.layout.slides[1].background != background, timeout=3000)  # type: ignore[union-attr]
    assert opened.deck_form.theme_picker.currentText() == "midnight"
    opened.document.undo_stack.undo()
    assert opened.document.deck.theme == "briefing"  # type: ignore[union-attr]
    assert opened.theme_picker.currentText() == "briefing"
    qtbot.waitUntil(lambda: opened.layout_service.layout.slides[1].background == background, timeout=3000)  # type: ignore[union-attr]


def test_switching_kind_keeps_title_notes_and_points(opened: MainWindow) -> None:
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    combo = opened.slide_editor.kind_combo
    combo.setCurrentIndex(combo.findData("takeaways"))
    combo.activated.emit(combo.currentIndex())
    slide = opened.document.deck.sections[1].slides[0]  # type: ignore[union-attr]
    assert slide.kind == "takeaways"
    assert slide.title == "What “strategic autonomy” means"
    assert slide.notes and slide.notes.startswith("Under President Emmanuel Macron")
    assert slide.points[0] == "Championed by France under President Emmanuel Macron"  # type: ignore[union-attr]
    opened.document.undo_stack.undo()
    assert opened.document.deck.sections[1].slides[0].kind == "bullets"  # type: ignore[union-attr]


def test_indenting_a_point_makes_it_a_second_level_point(opened: MainWindow) -> None:
    opened.outline.select_path((3, 0))
    editor = points_editor(opened)
    editor.tree.setCurrentItem(editor.tree.topLevelItem(1))
    editor.indent()
    slide = opened.document.deck.sections[3].slides[0]  # type: ignore[union-attr]
    assert slide.points[0].points == ["Paris sees the Niger episode as proof of that risk"]  # type: ignore[union-attr]
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0).child(0))
    editor.outdent()
    assert len(opened.document.deck.sections[3].slides[0].points) == 4  # type: ignore[union-attr]


def test_an_empty_required_field_is_refused_with_a_message(opened: MainWindow) -> None:
    opened.outline.select_path(STRATEGIC_AUTONOMY)
    form = opened.slide_editor.current_form()
    assert form is not None
    form.fields["title"].setText("")  # type: ignore[attr-defined]
    form.edited.emit("title")
    assert opened.slide_editor.error.isVisibleTo(opened.slide_editor)
    assert "title" in opened.slide_editor.error.text()
    assert opened.document.deck.sections[1].slides[0].title == "What “strategic autonomy” means"  # type: ignore[union-attr]


def test_form_edits_keep_the_files_comments(opened: MainWindow) -> None:
    opened.outline.select_path((2, 3))
    form = opened.slide_editor.current_form()
    assert form is not None
    form.fields["title"].setText("Personnel, 2023")  # type: ignore[attr-defined]
    form.edited.emit("title")
    notes = opened.slide_editor.common.fields["notes"]
    notes.setPlainText("First line of the notes.\nSecond line.")  # type: ignore[attr-defined]
    text = opened.document.text
    assert "# yaml-language-server" in text
    assert 'header: ["", "France", "United States"]' in text
    assert 'title: "Personnel, 2023"' in text
    assert "        notes: |-\n          First line of the notes.\n          Second line.\n" in text
    assert opened.document.deck.sections[2].slides[3].notes == "First line of the notes.\nSecond line."  # type: ignore[union-attr]


def test_undo_back_to_the_saved_state_clears_the_modified_mark(opened: MainWindow, flagship: Path) -> None:
    opened.deck_form.form.fields["footer"].setText("A new footer")  # type: ignore[attr-defined]
    opened.deck_form.form.edited.emit("footer")
    assert opened.isWindowModified()
    opened.document.undo_stack.undo()
    assert not opened.isWindowModified()
    opened.document.undo_stack.redo()
    assert opened.files.save()
    assert not opened.isWindowModified()
    assert 'footer: "A new footer"' in flagship.read_text(encoding="utf-8")
    opened.document.undo_stack.undo()
    assert opened.isWindowModified()
    opened.document.undo_stack.redo()
    assert not opened.isWindowModified()


def test_clicking_a_continuation_thumbnail_selects_its_outline_slide(
    qtbot: QtBot, opened: MainWindow
) -> None:
    layout = opened.layout_service.layout
    assert layout is not None
    number = next(n for n, s in enumerate(layout.slides) if s.origin == (2, 3))
    opened.filmstrip.slide_clicked.emit(number)
    assert opened.outline.current_path() == (2, 3)
    assert opened.preview.current_pages()[0].title == "Two responses to the coup"


def test_undo_keys_in_the_yaml_editor_use_the_documents_undo_stack(qtbot: QtBot, opened: MainWindow) -> None:
    editor = opened.yaml_editor
    opened.show_yaml_tab()
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "# note")
    assert opened.document.text.endswith("# note")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not opened.document.text.endswith("# note")
    assert not opened.isWindowModified()
    qtbot.keyClick(
        editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert editor.toPlainText().endswith("# note")


def test_a_slide_too_long_for_one_page_previews_with_its_continuation(
    qtbot: QtBot, opened: MainWindow
) -> None:
    opened.outline.select_path((3, 0))
    data = opened.document.data()
    slide = data["sections"][3]["slides"][0]
    slide["points"] = [
        f"Point {n}: a longer sentence that takes most of a line on the slide" for n in range(1, 25)
    ]
    assert opened.document.edit_data(data, "Add many points", focus=(3, 0)) == []
    qtbot.waitUntil(lambda: len(opened.preview.current_pages()) > 1, timeout=3000)
    pages = opened.preview.current_pages()
    assert pages[1].title == "Niger as proof for Paris (cont.)"
    assert "Point 24" in preview_text(opened)
    assert "continues" in opened.preview.caption.text()


def test_deck_sources_are_edited_in_a_grid_and_undone(opened: MainWindow) -> None:
    grid = opened.deck_form.sources
    assert grid.rows()[0][0].startswith("France-US Conundrum: Why Paris")
    grid.add_row()
    row = grid.table.rowCount() - 1
    for column, value in enumerate(["Le Monde analysis", "https://example.org/a", "Le Monde", "2023"]):
        grid.table.item(row, column).setText(value)
    deck = opened.document.deck
    assert deck is not None
    assert [s.title for s in deck.sources][-1] == "Le Monde analysis"
    assert deck.sources[-1].url == "https://example.org/a"
    assert 'publisher: "Le Monde"' in opened.document.text
    while opened.document.undo_stack.canUndo():
        opened.document.undo_stack.undo()
    restored = opened.document.deck
    assert restored is not None
    assert len(restored.sources) == 1


def test_ctrl_z_in_a_form_field_undoes_the_document(qtbot: QtBot, opened: MainWindow) -> None:
    field = opened.deck_form.form.fields["footer"]  # type: ignore[attr-defined]
    opened.editor_tabs.setCurrentIndex(1)
    field.setFocus()
    before = opened.document.text
    steps = opened.document.undo_stack.index()
    field.end(False)
    qtbot.keyClicks(field, " extra")
    assert "Explained extra" in opened.document.text
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.document.undo_stack.index() == steps  # undone on the stack, not a new edit back
    assert opened.document.text == before
    assert field.text() == "France, the US and NATO · Explained"
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(field, Qt.Key.Key_Z, redo)
    assert "Explained extra" in opened.document.text
    assert field.text().endswith(" extra")


def test_ctrl_z_in_the_notes_undoes_the_document(qtbot: QtBot, opened: MainWindow) -> None:
    notes = opened.slide_editor.common.fields["notes"]  # type: ignore[attr-defined]
    opened.editor_tabs.setCurrentIndex(0)
    notes.setFocus()
    steps = opened.document.undo_stack.index()
    before = opened.document.text
    notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(notes, " More.")
    assert opened.document.undo_stack.index() > steps
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert opened.document.undo_stack.index() == steps
    assert opened.document.text == before


def test_a_section_divider_follows_the_deck_unless_set_always_or_never(
    qtbot: QtBot, opened: MainWindow
) -> None:
    opened.outline.select_path((3,))  # "The NATO Implications": one slide, so no divider by default
    combo = opened.slide_editor.section_form.fields["divider"]
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "As the deck's dividers say"
    layout = opened.layout_service.layout
    assert layout is not None
    before = len(layout.slides)
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert opened.document.deck.sections[3].divider is True  # type: ignore[union-attr]
    assert "divider: true" in opened.document.text
    qtbot.waitUntil(lambda: len(opened.layout_service.layout.slides) == before + 1)  # type: ignore[union-attr]
    combo.setCurrentIndex(0)
    combo.activated.emit(0)
    assert opened.document.deck.sections[3].divider is None  # type: ignore[union-attr]
    assert "divider: true" not in opened.document.text
