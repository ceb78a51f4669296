"""Write faults, simulated in-process: a folder that refuses files, a disk that fills mid-write or at
fsync, a rename that fails. Each gives a clear `path: message` and exit status 1; the previous file
stays byte for byte; no temporary file is left. Also the stale-temporary rules of deckbuilder.atomic.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest
from hostile_support import HOSTILE, PREVIOUS, assert_located, folder_listing, temporaries

import deckbuilder
from deckbuilder import atomic
from deckbuilder.cli import main

SIMPLE = HOSTILE / "simple.yaml"


class FillingStream:
    """A file whose disk fills after `room` bytes: the write that crosses the line raises ENOSPC."""

    def __init__(self, stream: IO[bytes], room: int) -> None:
        self._stream = stream
        self._room = room

    def write(self, data: bytes) -> int:
        if len(data) > self._room:
            self._stream.write(data[: self._room])
            self._stream.flush()
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._stream.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> FillingStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def disk_fills_mid_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> FillingStream:
        return FillingStream(real_fdopen(fd, *args, **kwargs), room=64)

    monkeypatch.setattr(os, "fdopen", fdopen)


def disk_fills_at_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


def folder_refuses_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a folder without write permission does (root ignores permissions, so it is simulated)."""

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def rename_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(self: Path, target: Any) -> Path:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(Path, "replace", replace)


FAULTS: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], str]] = {
    "disk-full-mid-write": (disk_fills_mid_write, "No space left on device"),
    "disk-full-at-fsync": (disk_fills_at_fsync, "No space left on device"),
    "no-write-permission": (folder_refuses_files, "Permission denied"),
    "rename-fails": (rename_fails, "Input/output error"),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_export_meets_a_write_fault_cleanly(
    fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "simple.pptx"
    target.write_bytes(PREVIOUS)
    inject, reason = FAULTS[fault]
    with monkeypatch.context() as patch:
        inject(patch)
        status = main(["export", str(SIMPLE), "-o", str(tmp_path)])
    captured = capsys.readouterr()
    assert status == 1
    assert assert_located(captured.err, target) == [f"{target}: cannot write: {reason}"]
    assert target.read_bytes() == PREVIOUS
    assert folder_listing(tmp_path) == ["simple.pptx"]


@pytest.mark.parametrize("fault", FAULTS)
def test_save_meets_a_write_fault_cleanly(
    fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = deckbuilder.load(SIMPLE)
    target = tmp_path / "deck.yaml"
    target.write_bytes(PREVIOUS)
    inject, reason = FAULTS[fault]
    with monkeypatch.context() as patch:
        inject(patch)
        with pytest.raises(OSError) as caught:  # the API raises; its callers (the GUI) report it
            deckbuilder.save(deck, target)
    assert os.strerror(caught.value.errno or 0) == reason
    assert target.read_bytes() == PREVIOUS
    assert folder_listing(tmp_path) == ["deck.yaml"]


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "deck.yaml"
    target.write_bytes(PREVIOUS)
    target.chmod(0o640)
    atomic.write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


# --------------------------------------------------------------------------------------------------
# Stale temporaries


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(child.stdout)


def leftover(folder: Path, target: str, pid: int, host: str | None = None, age_s: float = 0) -> Path:
    """A temporary file as a run with this pid would have left it."""
    owner = f"{pid}@{host if host is not None else atomic._HOST}"
    path = folder / f"{atomic.TEMP_PREFIX}{target}.{owner}.k3j2x9_a{atomic.TEMP_SUFFIX}"
    path.write_bytes(b"half a deck")
    if age_s:
        stamp = time.time() - age_s
        os.utime(path, (stamp, stamp))
    return path


def test_temporary_names_carry_the_process_id(tmp_path: Path) -> None:
    with atomic.atomic_writer(tmp_path / "deck.pptx") as stream:
        stream.write(b"new")
        [name] = temporaries(tmp_path)
    assert name.startswith(f".deckbuilder-deck.pptx.{os.getpid()}@")
    assert name.endswith(".tmp")
    assert not atomic.owner_is_gone(name)  # this very process
    assert temporaries(tmp_path) == []


def test_a_dead_process_leftover_goes_at_once_a_live_one_stays(tmp_path: Path) -> None:
    gone = leftover(tmp_path, "deck.pptx", dead_pid())
    mine = leftover(tmp_path, "deck.pptx", os.getpid())
    parent = leftover(tmp_path, "deck.pptx", os.getppid())
    other_host = leftover(tmp_path, "deck.pptx", dead_pid(), host="elsewhere")
    no_owner = tmp_path / ".deckbuilder-deck.pptx.abc123.tmp"  # the name before ids were added
    no_owner.write_bytes(b"old")
    assert atomic.remove_stale_temporaries(tmp_path) == 1
    assert not gone.exists()
    assert all(path.exists() for path in (mine, parent, other_host, no_owner))


def test_an_hour_old_leftover_goes_whoever_wrote_it(tmp_path: Path) -> None:
    old_foreign = leftover(tmp_path, "deck.pptx", dead_pid(), host="elsewhere", age_s=2 * 3600)
    old_unnamed = tmp_path / ".deckbuilder-deck.pptx.abc123.tmp"
    old_unnamed.write_bytes(b"old")
    stamp = time.time() - 2 * 3600
    os.utime(old_unnamed, (stamp, stamp))
    assert atomic.remove_stale_temporaries(tmp_path) == 2
    assert not old_foreign.exists() and not old_unnamed.exists()


def test_only_plain_files_are_ever_removed(tmp_path: Path) -> None:
    victim = tmp_path / "precious"
    victim.write_bytes(PREVIOUS)
    name = f"{atomic.TEMP_PREFIX}deck.pptx.{dead_pid()}@{atomic._HOST}.abcdef{atomic.TEMP_SUFFIX}"
    (tmp_path / name).symlink_to(victim)
    (tmp_path / (name + "-dir.tmp")).mkdir()
    assert atomic.remove_stale_temporaries(tmp_path) == 0
    assert victim.read_bytes() == PREVIOUS


def test_a_write_removes_its_targets_leftovers_only(tmp_path: Path) -> None:
    mine = leftover(tmp_path, "deck.yaml", dead_pid())
    others = leftover(tmp_path, "other.yaml", dead_pid())
    atomic.write_text_atomic(tmp_path / "deck.yaml", "title: T\n")
    assert not mine.exists() and others.exists()
    assert temporaries(tmp_path) == [others.name]


@pytest.mark.parametrize("name", ["n" * 250 + ".yaml", "é" * 125 + ".yaml"])
def test_a_long_target_name_still_gets_a_temporary(name: str, tmp_path: Path) -> None:
    target = tmp_path / name  # 255 bytes: the longest name most file systems take
    leftover(tmp_path, atomic._name_stem(target), dead_pid())
    atomic.write_text_atomic(target, "title: T\n")
    assert target.read_text(encoding="utf-8") == "title: T\n"
    assert temporaries(tmp_path) == []  # and the killed run's leftover went too
