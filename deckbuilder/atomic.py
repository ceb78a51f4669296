"""Atomic file writes: a temporary file beside the target, then a rename over it.

A reader of the target sees the previous file or the complete new one, never a part: the new bytes
go to a temporary file in the same folder, are flushed to disk, and only then renamed over the
target (an atomic step on every local file system). A run killed before the rename leaves the
target untouched and a temporary file behind; the next write of that target, and the next export
into that folder, remove it.

A folder of files (a deck's PNG images) is replaced as a whole the same way: the new set is written
into a temporary folder beside the target, the previous folder is renamed away, the new one renamed
in, and the previous one removed. A failed or interrupted export leaves the previous set complete; a
run killed in the instant between the two renames leaves it under a temporary name
(`…_old.tmp`), and the next run puts it back.

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
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

TEMP_PREFIX = ".deckbuilder-"
TEMP_SUFFIX = ".tmp"
PREVIOUS_SUFFIX = "_old" + TEMP_SUFFIX
"""The end of the name a replaced folder has between the two renames of atomic_folder."""
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


def _temporary_prefix(path: Path) -> str:
    return f"{TEMP_PREFIX}{_name_stem(path)}.{os.getpid()}@{_HOST}."


def _make_temporary(path: Path) -> tuple[int, str]:
    folder = path.parent if str(path.parent) else Path()
    return tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=TEMP_SUFFIX, dir=folder)


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
        temp_path.chmod(_mode_for(path, 0o666))
        temp_path.replace(path)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _mode_for(path: Path, default: int) -> int:
    """The permissions a replacement of path gets: those of the file or folder there, else the
    default less the umask (mkstemp and mkdtemp make private ones)."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return default & ~umask


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


@contextlib.contextmanager
def atomic_folder(path: Path) -> Iterator[Path]:
    """An empty temporary folder whose content replaces the folder at path, as a whole, when the block
    ends without an exception; on any failure it is removed and path is untouched.

    The files written into it must be complete and flushed (write them with write_bytes_atomic).
    """
    parent = path.parent if str(path.parent) else Path()
    remove_stale_temporaries(parent, only_for=path)  # a killed run's previous set goes back first
    staging = Path(tempfile.mkdtemp(prefix=_temporary_prefix(path), suffix=TEMP_SUFFIX, dir=parent))
    try:
        staging.chmod(_mode_for(path, 0o777))
        yield staging
        _sync_folder(staging)
        _swap_in(staging, path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _sync_folder(parent)


def _swap_in(staging: Path, path: Path) -> None:
    """Rename staging to path, the folder at path (if any) renamed away first and removed after."""
    if not os.path.lexists(path):
        staging.rename(path)
        return
    previous = Path(tempfile.mkdtemp(prefix=_temporary_prefix(path), suffix=PREVIOUS_SUFFIX, dir=path.parent))
    previous.rmdir()  # the name is ours; rename onto an existing folder fails on Windows
    path.rename(previous)
    try:
        staging.rename(path)
    except BaseException:
        previous.rename(path)
        raise
    shutil.rmtree(previous, ignore_errors=True)


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
    """Delete temporary files and folders that killed runs left in folder; returns how many went.

    One goes when the process that wrote it has certainly ended, or once it is over an hour old
    (whoever wrote it: a process id may have been reused since). Symbolic links stay. A previous
    folder that atomic_folder had renamed away goes back to its name if nothing took it since.
    With only_for, only the temporary files of that target are looked at.
    """
    removed = 0
    cutoff = time.time() - STALE_AFTER_SECONDS
    stem = glob.escape(_name_stem(only_for)) + "." if only_for is not None else ""
    with contextlib.suppress(OSError):
        for candidate in folder.glob(f"{glob.escape(TEMP_PREFIX)}{stem}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                status = candidate.lstat()
                ours = stat.S_ISREG(status.st_mode) or (
                    stat.S_ISDIR(status.st_mode) and _OWNER.search(candidate.name) is not None
                )
                if not ours:  # only plain files, and folders named as atomic_folder names them
                    continue
                if not (owner_is_gone(candidate.name) or status.st_mtime < cutoff):
                    continue
                if stat.S_ISREG(status.st_mode):
                    candidate.unlink()
                elif not _put_back(candidate):
                    shutil.rmtree(candidate)
                removed += 1
    return removed


def _put_back(candidate: Path) -> bool:
    """Rename a previous folder left between atomic_folder's renames back to its name, if free."""
    match = _OWNER.search(candidate.name)
    if match is None or not candidate.name.endswith(PREVIOUS_SUFFIX):
        return False
    original = candidate.with_name(candidate.name[len(TEMP_PREFIX) : match.start()])
    if os.path.lexists(original):
        return False
    candidate.rename(original)
    return True
