"""Reading a file a user names: a clear `path: message` unless it is a readable file of sane size."""

from __future__ import annotations

import math
import stat
from pathlib import Path
from typing import NoReturn

from deckbuilder.errors import DeckError
from deckbuilder.inputs import shipped_files

MEGABYTE = 1024 * 1024


def read_input_bytes(path: Path, *, limit: int, what: str, plural: str, shown: str | None = None) -> bytes:
    """The whole file, or a DeckError: missing, a folder, not a regular file, unreadable, over limit bytes.

    `what` names the file in messages ("a deck file"), `plural` the kind the size limit is for ("outlines"),
    `shown` the path as messages give it (the path itself by default).
    """
    name = shown or str(path)
    files = shipped_files()
    if files is not None:  # read by a client, which worded any problem as below
        found = files.get(path)
        if found.problem is not None or found.data is None:
            raise DeckError.single(name, found.problem or "no such file")
        if len(found.data) > limit:
            _refuse_size(name, len(found.data), limit, plural)
        return found.data
    try:
        status = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise DeckError.single(name, "no such file") from None
    except OSError as error:
        raise DeckError.single(name, _cannot_read(error)) from None
    if stat.S_ISDIR(status.st_mode):
        raise DeckError.single(name, f"is a folder, not {what}")
    if not stat.S_ISREG(status.st_mode):  # a pipe would wait for a writer; a device may never end
        raise DeckError.single(name, "is not a regular file (a pipe, socket or device)")
    if status.st_size > limit:  # refused before reading a byte
        _refuse_size(name, status.st_size, limit, plural)
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except IsADirectoryError:
        raise DeckError.single(name, f"is a folder, not {what}") from None
    except FileNotFoundError:
        raise DeckError.single(name, "no such file") from None
    except OSError as error:
        raise DeckError.single(name, _cannot_read(error)) from None
    if len(data) > limit:  # the file grew since stat
        _refuse_size(name, len(data), limit, plural)
    return data


def _cannot_read(error: OSError) -> str:
    reason = (
        "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error)).lower()
    )
    return f"cannot read the file ({reason})"


def _refuse_size(name: str, size: int, limit: int, plural: str) -> NoReturn:
    shown = math.ceil(size * 10 / MEGABYTE) / 10  # rounded up, so it never reads as the limit itself
    raise DeckError.single(name, f"file is {shown:.1f} MB; {plural} are limited to {limit // MEGABYTE} MB")
