"""Atomic file writes: a temporary file beside the target, then a rename over it.

A reader of the target sees the previous file or the complete new one, never a part: the new bytes
go to a temporary file in the same folder, are flushed to disk, and only then renamed over the
target (an atomic step on every local file system). A run killed before the rename leaves the
target untouched and a temporary file behind; the next write of that target, and the next export
into that folder, remove it.

Temporary names carry the writing process's id and host
(`.deckbuilder-<target>.<pid>@<host>.<random>.tmp`), so the next run can tell a leftover of a dead
process (removed at once) from a file another live process is still writing (left alone). Files
whose owner cannot be checked (another host, a name without the id) go once they are an hour old.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

TEMP_PREFIX = ".deckbuilder-"
TEMP_SUFFIX = ".tmp"
STALE_AFTER_SECONDS = 3600

_NAME_ROOM = 120
"""At most this many bytes of the target's name go into a temporary name (file names have a
255-byte limit, and the prefix, owner and random part need room too)."""

_OWNER = re.compile(
    r"\.(?P<pid>\d{1,10})@(?P<host>[A-Za-z0-9-]{0,32})\.[A-Za-z0-9_]+" + re.escape(TEMP_SUFFIX) + "$"
)


def _host_tag() -> str:
    """This machine's name, reduced to what a file name can safely carry."""
    try:
        if hasattr(os, "uname"):  # cheap, where socket takes ~2 ms to import
            name = os.uname().nodename
        else:  # Windows
            import socket

            name = socket.gethostname()
    except OSError:
        name = ""
    return re.sub(r"[^A-Za-z0-9-]", "", name.split(".")[0])[:32]


_HOST = _host_tag()


def _name_stem(path: Path) -> str:
    """The target's name as it appears in its temporary files' names: cut to _NAME_ROOM bytes."""
    name = path.name
    while len(os.fsencode(name)) > _NAME_ROOM:
        name = name[:-1]
    return name


def _make_temporary(path: Path) -> tuple[int, str]:
    folder = path.parent if str(path.parent) else Path()
    prefix = f"{TEMP_PREFIX}{_name_stem(path)}.{os.getpid()}@{_HOST}."
    return tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=folder)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that replaces path only when the block ends without an exception.

    Leftover temporary files of path from killed runs are removed first. On any failure (a full
    disk, an exception in the block, an interrupt) the temporary file is deleted and path is untouched.
    """
    folder = path.parent if str(path.parent) else Path()
    remove_stale_temporaries(folder, only_for=path)
    handle, temp_name = _make_temporary(path)
    temp_path = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                temp_path.chmod(path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            temp_path.chmod(0o666 & ~umask)
        temp_path.replace(path)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a failure here loses nothing, so it is ignored."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write data to path atomically."""
    with atomic_writer(path) as stream:
        stream.write(data)


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to path atomically, with Unix newlines."""
    write_bytes_atomic(path, text.encode("utf-8"))


def owner_is_gone(temp_name: str) -> bool:
    """Whether the process that created this temporary file has certainly ended.

    False whenever that cannot be known for sure: a name without an owner, another host, a process
    that exists (even if it belongs to another user), this very process, or a system other than POSIX
    (where probing a process id is not harmless).
    """
    match = _OWNER.search(temp_name)
    if match is None or os.name != "posix" or match["host"] != _HOST:
        return False
    pid = int(match["pid"])
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (OSError, OverflowError):  # PermissionError: alive, someone else's
        return False
    return False


def remove_stale_temporaries(folder: Path, *, only_for: Path | None = None) -> int:
    """Delete temporary files that killed runs left in folder; returns how many went.

    A file goes when the process that wrote it has certainly ended, or once it is over an hour old
    (whoever wrote it: a process id may have been reused since). Symbolic links and folders stay.
    With only_for, only the temporary files of that target are looked at.
    """
    removed = 0
    cutoff = time.time() - STALE_AFTER_SECONDS
    stem = glob.escape(_name_stem(only_for)) + "." if only_for is not None else ""
    with contextlib.suppress(OSError):
        for candidate in folder.glob(f"{glob.escape(TEMP_PREFIX)}{stem}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                status = candidate.lstat()
                if not stat.S_ISREG(status.st_mode):  # only plain files are ever ours
                    continue
                if owner_is_gone(candidate.name) or status.st_mtime < cutoff:
                    candidate.unlink()
                    removed += 1
    return removed
