"""Bad template files are refused with `path: message`, before python-pptx ever opens them."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.errors import DeckError
from deckbuilder.themes.templates import load_template
from deckbuilder.themes.templates.guard import MAX_PARTS

PPTX_BASICS = {"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>"}


def not_a_zip(folder: Path) -> Path:
    path = folder / "notes.pptx"
    path.write_text("these are my meeting notes, not a presentation", encoding="utf-8")
    return path


def legacy_ppt(folder: Path) -> Path:
    path = folder / "old.pptx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    return path


def zip_bomb(folder: Path) -> Path:
    """A member of 16 MB of zeros that compresses to a few kilobytes."""
    path = folder / "bomb.pptx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in PPTX_BASICS.items():
            package.writestr(name, text)
        package.writestr("ppt/media/zeros.bin", bytes(16 * 1024 * 1024))
    return path


def huge_declared_size(folder: Path) -> Path:
    """A small zip whose directory claims its two parts hold 300 MB each (stored, so no ratio to see)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as package:
        for name, text in PPTX_BASICS.items():
            package.writestr(name, text)
        package.writestr("ppt/big1.bin", b"x" * 100)
        package.writestr("ppt/big2.bin", b"x" * 100)
    data = bytearray(buffer.getvalue())
    entry = len(data)
    for _ in range(2):  # the last two central directory entries
        entry = data.rfind(b"PK\x01\x02", 0, entry)
        struct.pack_into("<II", data, entry + 20, 300_000_000, 300_000_000)
    path = folder / "huge.pptx"
    path.write_bytes(bytes(data))
    return path


def thousands_of_parts(folder: Path) -> Path:
    path = folder / "parts.pptx"
    with zipfile.ZipFile(path, "w") as package:
        for name, text in PPTX_BASICS.items():
            package.writestr(name, text)
        for number in range(MAX_PARTS + 500):
            package.writestr(f"ppt/junk/part{number}.xml", "<x/>")
    return path


def no_layouts(folder: Path) -> Path:
    """A real presentation whose master has had every layout removed."""
    prs = Presentation()
    master = prs.slide_masters[0]
    for layout in list(master.slide_layouts):
        master.slide_layouts.remove(layout)
    path = folder / "nolayouts.pptx"
    prs.save(str(path))
    return path


BAD = {
    not_a_zip: "not a .pptx template: the file is not a zip package",
    legacy_ppt: "not a zip package (a legacy .ppt, or a password-protected file?)",
    zip_bomb: "refused: part 'ppt/media/zeros.bin' expands",
    huge_declared_size: "refused: the parts expand to",
    thousands_of_parts: f"refused: {MAX_PARTS + 502} parts in the package",
    no_layouts: "not a usable template: it has no slide layouts",
}


@pytest.mark.parametrize("make", BAD, ids=lambda make: make.__name__)
def test_a_bad_template_is_refused_with_its_path_and_why(make: object, tmp_path: Path) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(DeckError) as caught:
        load_template(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert BAD[make] in str(caught.value)  # type: ignore[index]


def test_a_missing_template_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="template file not found"):
        load_template(tmp_path / "nowhere.pptx")


def test_checking_a_template_never_imports_python_pptx(tmp_path: Path, templates: dict[str, Path]) -> None:
    bomb = zip_bomb(tmp_path)
    code = (
        "import sys\n"
        "from deckbuilder.errors import DeckError\n"
        "from deckbuilder.themes.templates.check import check_template\n"
        f"check_template({str(templates['picture'])!r})\n"
        "try:\n"
        f"    check_template({str(bomb)!r})\n"
        "except DeckError:\n"
        "    pass\n"
        "assert 'pptx' not in sys.modules, 'python-pptx was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
