"""One form per slide kind: the fields that kind has, bound to the slide's outline data."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from deckbuilder.gui.widgets.fields import GridEditor
from deckbuilder.gui.widgets.form_base import Data, FieldForm

CHART_TYPES = ["column", "bar", "line", "pie"]
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.svg)"


def _number(text: str, where: str) -> float | int:
    """A chart value typed into a cell; raises ValueError naming the cell."""
    cleaned = text.strip().replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"{where}: '{text}' is not a number") from None
    return int(value) if value.is_integer() else value


def _chart_column(column: int) -> str:
    """Chart grid columns: the categories, then one column per series."""
    return "Category" if column == 0 else f"Series {column}"


def _chart_rows(data: Data) -> list[list[str]]:
    series = data.get("series", [])
    rows = [["", *(str(s.get("name", "")) for s in series)]]
    for c, category in enumerate(data.get("categories", [])):
        values = [s["values"][c] if c < len(s.get("values", [])) else "" for s in series]
        rows.append([str(category), *(f"{v:g}" if isinstance(v, float) else str(v) for v in values)])
    return rows


def _chart_from_rows(data: Data, rows: list[list[str]]) -> None:
    header, body = rows[0], rows[1:]
    data["categories"] = [row[0] for row in body]
    data["series"] = [
        {"name": name, "values": [_number(row[c], f"{row[0] or 'row'} / {name or 'series'}") for row in body]}
        for c, name in enumerate(header[1:], start=1)
    ]


def _table_rows(data: Data) -> list[list[str]]:
    return [list(data.get("header", [])), *(list(row) for row in data.get("rows", []))]


def _table_from_rows(data: Data, rows: list[list[str]]) -> None:
    data["header"], data["rows"] = rows[0], rows[1:]


def _pairs(
    key: str, first: str, second: str
) -> tuple[Callable[[Data], list[list[str]]], Callable[[Data, list[list[str]]], None]]:
    """Converters between a list of two-key mappings and two-column rows."""

    def to_rows(data: Data) -> list[list[str]]:
        return [[str(item.get(first, "")), str(item.get(second, ""))] for item in data.get(key, [])]

    def from_rows(data: Data, rows: list[list[str]]) -> None:
        data[key] = [{first: row[0], second: row[1]} for row in rows]

    return to_rows, from_rows


def _image_field(form: FieldForm, base_dir: Callable[[], Path]) -> None:
    """The picture path with a Browse… button; a picked file is stored relative to the deck."""
    edit = form.line(("image",), "Picture")
    row = QWidget(form)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    browse = QPushButton("Browse…", row)
    layout.addWidget(browse)
    layout.addStretch(1)

    def pick() -> None:
        folder = base_dir()
        chosen, _ = QFileDialog.getOpenFileName(form, "Choose a picture", str(folder), IMAGE_FILTER)
        if not chosen:
            return
        try:
            relative = Path(os.path.relpath(chosen, folder)).as_posix()
        except ValueError:
            relative = chosen
        edit.setText(relative)
        form.edited.emit("image")

    browse.clicked.connect(pick)
    form.add_widget("", row)


def _comparison_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    for side, label in (("left", "Left column"), ("right", "Right column")):
        form.add_heading(label)
        form.line((side, "heading"), "Heading")
        form.points((side, "points"), "Points")


def _title_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title", optional=True, placeholder="The deck's title")
    form.line(("subtitle",), "Subtitle", optional=True, placeholder="The deck's subtitle")
    form.line(("author",), "Author", optional=True, placeholder="The deck's author")
    form.line(("date",), "Date", optional=True, placeholder="The deck's date")


def _section_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    form.line(("subtitle",), "Subtitle", optional=True)


def _bullets_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    form.points(("points",), "Points")


def _takeaways_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title", optional=True, placeholder="Key Takeaways")
    form.points(("points",), "Takeaways (2–5)", two_levels=False)


def _stat_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    to_rows, from_rows = _pairs("stats", "value", "label")
    form.grid("stats", "Numbers (1–3)", GridEditor(["Value", "Label"], parent=form), to_rows, from_rows)


def _chart_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    form.choice(("chart",), "Chart type", CHART_TYPES)
    form.line(("number_format",), "Number format", optional=True, placeholder="General  (e.g. #,##0 or 0%)")
    form.grid(
        "data",
        "Data",
        GridEditor(header_row="Names", column_label=_chart_column, parent=form),
        _chart_rows,
        _chart_from_rows,
    )


def _table_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    form.grid("cells", "Cells", GridEditor(header_row="Header", parent=form), _table_rows, _table_from_rows)


def _timeline_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    to_rows, from_rows = _pairs("events", "date", "text")
    form.grid("events", "Events", GridEditor(["Date", "Event"], parent=form), to_rows, from_rows)


def _quote_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title", optional=True, placeholder="Quote")
    form.text(("text",), "Quotation", optional=False, rows=3)
    form.line(("attribution",), "Said by", optional=True)


def _image_form(form: FieldForm, base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title")
    _image_field(form, base_dir)
    form.text(
        ("alt",),
        "Alt text",
        optional=False,
        rows=2,
        placeholder="What the picture shows, for people who can't see it",
    )
    form.text(("caption",), "Caption", rows=2)


def _sources_form(form: FieldForm, _base_dir: Callable[[], Path]) -> None:
    form.line(("title",), "Title", optional=True, placeholder="Sources")


KIND_FORMS: dict[str, Callable[[FieldForm, Callable[[], Path]], None]] = {
    "title": _title_form,
    "section": _section_form,
    "bullets": _bullets_form,
    "takeaways": _takeaways_form,
    "comparison": _comparison_form,
    "stat": _stat_form,
    "chart": _chart_form,
    "table": _table_form,
    "timeline": _timeline_form,
    "quote": _quote_form,
    "image": _image_form,
    "sources": _sources_form,
}
"""Each slide kind's form: the fields it has, one builder per kind."""


def build_kind_form(kind: str, base_dir: Callable[[], Path], parent: QWidget | None = None) -> FieldForm:
    """The form for one slide kind."""
    form = FieldForm(parent)
    KIND_FORMS[kind](form, base_dir)
    return form
