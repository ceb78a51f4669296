"""Refuse a template file that is not a sane .pptx zip before anything parses it (zip bombs included)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from deckbuilder.errors import DeckError
from deckbuilder.input_files import read_input_bytes

MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest template file read at all."""
MAX_PARTS = 2000
"""More zip members than this is not a template (a real one has tens to a few hundred)."""
MAX_TOTAL_BYTES = 512 * 1024 * 1024
"""The most the members may expand to, all together."""
MAX_RATIO = 200
"""The highest compression ratio a member over RATIO_FLOOR bytes may have; zip bombs reach thousands."""
RATIO_FLOOR = 1024 * 1024
MAX_XML_BYTES = 32 * 1024 * 1024
"""The largest single XML part read from a template."""
TEMPLATE_SUFFIXES = (".pptx", ".potx")


def read_template_bytes(path: Path, shown: str | None = None) -> bytes:
    """A template file's bytes, checked to be a sane .pptx/.potx zip; DeckError `path: message` if not.

    Like every file a user names, it must be a regular file (a pipe would block, a device never end)
    and is refused by its size before a byte is read.
    """
    shown = shown or str(path)
    try:
        data = read_input_bytes(
            path, limit=MAX_FILE_BYTES, what="a .pptx template", plural="templates", shown=shown
        )
    except DeckError as error:
        if [problem.message for problem in error.problems] == ["no such file"]:
            raise DeckError.single(shown, "template file not found") from None
        raise
    check_package(data, shown)
    return data


def check_package(data: bytes, shown: str) -> None:
    """Raise DeckError unless data is a zip a .pptx template could be: sized sanely, with a presentation."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        hint = " (a legacy .ppt, or a password-protected file?)" if data[:4] == b"\xd0\xcf\x11\xe0" else ""
        raise DeckError.single(shown, f"not a .pptx template: the file is not a zip package{hint}")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DeckError.single(shown, f"not a .pptx template: damaged zip package ({error})") from None
    if len(members) > MAX_PARTS:
        raise DeckError.single(
            shown, f"refused: {len(members)} parts in the package; the limit is {MAX_PARTS}"
        )
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise DeckError.single(shown, f"refused: part {member.filename!r} is encrypted")
        total += member.file_size
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise DeckError.single(
                shown,
                f"refused: part {member.filename!r} expands {ratio:.0f}× to {member.file_size // 2**20} MB "
                "(a zip bomb?)",
            )
    if total > MAX_TOTAL_BYTES:
        raise DeckError.single(
            shown,
            f"refused: the parts expand to {total // 2**20} MB; the limit is {MAX_TOTAL_BYTES // 2**20} MB",
        )
    names = {member.filename for member in members}
    for required in ("[Content_Types].xml", "_rels/.rels"):
        if required not in names:
            raise DeckError.single(shown, f"not a .pptx template: the package has no {required}")
