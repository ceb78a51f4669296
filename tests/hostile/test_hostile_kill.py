"""kill -9 at any moment: an export or a save killed part way leaves the previous file byte for byte
or the new one complete, never a truncated deck or outline; the next run removes what the killed one
left behind.

Two kinds of kill: at wall-clock moments while a 601-slide export runs (loading, laying out,
rendering, writing, whichever it has reached), and exactly in the middle of writing the file, by a
process that kills itself when half the bytes are out (the moment a non-atomic writer would leave a
truncated file).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hostile_support import ROOT, large_outline, python_script, temporaries, write_outline
from pptx import Presentation

import deckbuilder
from deckbuilder.outline.loader import outline_data

SLIDES = 601
KILL_AFTER_S = (0.2, 0.5, 1.0, 2.0, 3.0)

# A prelude for a child process: any file it opens for writing (with open, Path.open or os.fdopen,
# which all go through io.open) kills the process with SIGKILL once half of the bytes given to one
# write() are on disk. Files Python itself writes (bytecode caches) do not go through io.open.
DIE_MID_WRITE = [
    "import builtins, io, os, signal",
    "_real_open = io.open",
    "class _Dying:",
    "    def __init__(self, stream): self._stream = stream",
    "    def write(self, data):",
    "        self._stream.write(data[: len(data) // 2])",
    "        self._stream.flush()",
    "        os.kill(os.getpid(), signal.SIGKILL)",
    "    def __getattr__(self, name): return getattr(self._stream, name)",
    "    def __enter__(self): return self",
    "    def __exit__(self, *exc): self._stream.close()",
    "def _open(file, mode='r', *args, **kwargs):",
    "    stream = _real_open(file, mode, *args, **kwargs)",
    "    return _Dying(stream) if set(mode) & set('wax+') else stream",
    "builtins.open = io.open = _open",
]


@pytest.fixture(scope="module")
def big_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 601-slide outline (bullets and notes), alone in its folder."""
    return write_outline(large_outline(SLIDES), tmp_path_factory.mktemp("kill") / "deck.yaml")


def test_export_killed_at_any_moment_leaves_the_old_deck_or_the_whole_new_one(big_deck: Path) -> None:
    folder = big_deck.parent
    target = folder / "deck.pptx"
    small = write_outline(large_outline(3, title="The previous deck"), folder / "small.yaml")
    deckbuilder.export(small, target)
    previous = target.read_bytes()
    seen: list[bytes] = []
    for delay in KILL_AFTER_S:
        with subprocess.Popen(
            [sys.executable, "-m", "deckbuilder", "export", str(big_deck), "-q"], cwd=ROOT
        ) as process:
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        seen.append(target.read_bytes())
    finished = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "export", str(big_deck), "-q"],
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 0
    complete = target.read_bytes()
    assert len(Presentation(str(target)).slides) == SLIDES
    for delay, data in zip(KILL_AFTER_S, seen, strict=True):
        # the export is deterministic: a complete new deck is byte for byte the finished one
        assert data in (previous, complete), f"killed after {delay} s: a deck of {len(data)} bytes"
    assert temporaries(folder) == []


def test_export_killed_mid_write_keeps_the_old_deck_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    deck = write_outline(large_outline(40), tmp_path / "deck.yaml")
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the previous deck")
    killed = subprocess.run(
        python_script(
            [*DIE_MID_WRITE, "from deckbuilder.cli import main", f"main(['export', {str(deck)!r}, '-q'])"]
        ),
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert target.read_bytes() == b"the previous deck"
    [leftover] = temporaries(tmp_path)  # half a deck, under its temporary name
    assert leftover.startswith(".deckbuilder-deck.pptx.") and (tmp_path / leftover).stat().st_size > 0
    again = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "export", str(deck), "-q"], cwd=ROOT, timeout=120, check=False
    )
    assert again.returncode == 0
    assert temporaries(tmp_path) == []  # its owner is dead: removed at once, not in an hour
    assert len(Presentation(str(target)).slides) == 40


def test_a_file_size_limit_hit_mid_write_keeps_the_old_deck(tmp_path: Path) -> None:
    """The kernel stops the write part way (RLIMIT_FSIZE, as a full disk would): whatever writes the
    file, the previous deck stays and nothing is left behind."""
    deck = write_outline(large_outline(40), tmp_path / "deck.yaml")
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"the previous deck")

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "export", str(deck)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=limit_file_size,
    )
    assert result.returncode == 1
    assert result.stderr == f"{target}: cannot write: File too large\n"
    assert target.read_bytes() == b"the previous deck"
    assert temporaries(tmp_path) == []


SAVE_LOOP = [
    "import sys",
    "import deckbuilder",
    "first, second, target = sys.argv[1:4]",
    "decks = [deckbuilder.load(first), deckbuilder.load(second)]",
    "print('ready', flush=True)",
    "n = 0",
    "while True:",
    "    deckbuilder.save(decks[n % 2], target)",
    "    n += 1",
]


def test_save_killed_in_a_loop_leaves_one_whole_outline_or_the_other(tmp_path: Path) -> None:
    first = write_outline(large_outline(301, title="First"), tmp_path / "first.yaml")
    second = write_outline(large_outline(302, title="Second"), tmp_path / "second.yaml")
    target = tmp_path / "out" / "deck.yaml"
    target.parent.mkdir()
    target.write_text("title: the previous outline\n", encoding="utf-8")
    previous = target.read_text(encoding="utf-8")
    # a save rewrites the target's own text, so a whole outline is known by what it holds
    wholes = [outline_data(deckbuilder.load(first)), outline_data(deckbuilder.load(second))]
    for delay in (0.05, 0.13, 0.21, 0.34, 0.55):
        with subprocess.Popen(
            [*python_script(SAVE_LOOP), str(first), str(second), str(target)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        ) as process:
            assert process.stdout is not None
            assert process.stdout.readline() == b"ready\n"
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        text = target.read_text(encoding="utf-8")
        holds = text == previous or outline_data(deckbuilder.loads(text)) in wholes
        assert holds, f"killed after {delay} s: an outline of {len(text)} characters"
        yaml.safe_load(text)
    deckbuilder.save(deckbuilder.load(first), target)  # the next save removes the killed runs' leftovers
    assert temporaries(target.parent) == []


def test_save_killed_mid_write_keeps_the_old_outline_and_the_next_save_cleans_up(tmp_path: Path) -> None:
    source = write_outline(large_outline(20), tmp_path / "source.yaml")
    target = tmp_path / "deck.yaml"
    target.write_text("title: the previous outline\n", encoding="utf-8")
    killed = subprocess.run(
        python_script(
            [
                *DIE_MID_WRITE,
                "import deckbuilder",
                f"deckbuilder.save(deckbuilder.load({str(source)!r}), {str(target)!r})",
            ]
        ),
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert target.read_text(encoding="utf-8") == "title: the previous outline\n"
    assert len(temporaries(tmp_path)) == 1
    deckbuilder.save(deckbuilder.load(source), target)
    assert temporaries(tmp_path) == []
    assert deckbuilder.load(target) == deckbuilder.load(source)


@pytest.mark.skipif(os.name != "posix", reason="process ids are probed with POSIX signals")
def test_a_leftover_of_a_live_writer_survives_the_next_run(tmp_path: Path) -> None:
    """A slow writer in another process is not robbed of its temporary file by a concurrent run."""
    target = tmp_path / "deck.yaml"
    with subprocess.Popen(
        python_script(
            [
                "import sys, time",
                "from pathlib import Path",
                "from deckbuilder.atomic import atomic_writer",
                f"with atomic_writer(Path({str(target)!r})) as stream:",
                "    stream.write(b'title: slow\\n')",
                "    print('writing', flush=True)",
                "    sys.stdin.readline()",
            ]
        ),
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    ) as holder:
        assert holder.stdin is not None and holder.stdout is not None
        try:
            assert holder.stdout.readline() == b"writing\n"
            deckbuilder.save(deckbuilder.load(ROOT / "tests" / "data" / "hostile" / "simple.yaml"), target)
            assert len(temporaries(tmp_path)) == 1  # the live writer's file is still there
            holder.stdin.write(b"\n")
            holder.stdin.flush()
            assert holder.wait(timeout=30) == 0
        finally:
            holder.kill()
    assert target.read_text(encoding="utf-8") == "title: slow\n"
    assert temporaries(tmp_path) == []
