"""PNG export replaces its folder as a whole, through the command line: a shorter deck leaves none of
the longer one's slides, a write that fails part-way (a full disk) or a run killed part-way leaves
the previous set byte for byte, and what killed runs leave behind goes (or, for a previous set
caught between the two renames, comes back) on the next export.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from hostile_support import ROOT, SAHEL, temporaries
from limits_support import QT_MEMORY, TIMEOUT, assert_exported, capped_cli

from deckbuilder import atomic

TEXT = "France's perception of the US has shifted from protector to potential risk. " * 2


def png_deck(path: Path, slides: int, title: str, *, picture_from: int | None = None) -> Path:
    """An outline of a title slide and slides-1 bullets slides (pictures from slide picture_from on)."""
    import yaml

    body: list[dict[str, Any]] = [{"kind": "title"}]
    for number in range(2, slides + 1):
        if picture_from is not None and number >= picture_from:
            body.append({"kind": "image", "title": f"{title} {number}", "image": str(SAHEL), "alt": "map"})
        else:
            body.append({"kind": "bullets", "title": f"{title} {number}", "points": [TEXT]})
    data = {"title": title, "sections": [{"title": "S", "divider": False, "slides": body}]}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def export_png(deck: Path, out: Path, **limits: Any) -> subprocess.CompletedProcess[str]:
    return capped_cli("export", deck, "-o", out, "--format", "png", memory=QT_MEMORY, **limits)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder, hidden ones included, with its bytes."""
    return {entry.name: entry.read_bytes() for entry in sorted(folder.iterdir())}


def test_a_shorter_deck_leaves_none_of_the_longer_ones_slides(tmp_path: Path) -> None:
    out = tmp_path / "out"
    deck = png_deck(tmp_path / "deck.yaml", 6, "Long")
    assert_exported(export_png(deck, out))
    assert sorted(snapshot(out / "deck")) == [f"slide-0{n}.png" for n in range(1, 7)]
    png_deck(deck, 2, "Short")
    assert_exported(export_png(deck, out))
    assert sorted(snapshot(out / "deck")) == ["slide-01.png", "slide-02.png"]
    assert temporaries(out) == []


def test_a_write_failing_part_way_leaves_the_previous_set_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    previous = png_deck(tmp_path / "deck.yaml", 3, "Previous")
    assert_exported(export_png(previous, out))
    before = snapshot(out / "deck")
    # The new set's first slide fits under the file-size cap and its pictures do not: the disk
    # "fills" part-way through the set.
    (tmp_path / "new").mkdir()
    new = png_deck(tmp_path / "new" / "deck.yaml", 4, "New", picture_from=3)
    assert_exported(export_png(new, tmp_path / "sizes"))
    sizes = {name: len(data) for name, data in snapshot(tmp_path / "sizes" / "deck").items()}
    cap = max(sizes["slide-01.png"], sizes["slide-02.png"]) + 1024
    assert sizes["slide-03.png"] > cap, sizes
    result = export_png(new, out, file_size=cap)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.stderr.startswith(f"{out / 'deck'}: cannot write"), result.stderr
    assert snapshot(out / "deck") == before
    assert temporaries(out) == []


def test_a_run_killed_part_way_leaves_the_previous_set_and_the_next_run_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "out"
    deck = png_deck(tmp_path / "deck.yaml", 2, "Previous")
    assert_exported(export_png(deck, out))
    before = snapshot(out / "deck")
    png_deck(deck, 60, "Killed")
    child = subprocess.Popen(
        [sys.executable, "-m", "deckbuilder", "export", deck, "-o", out, "--format", "png"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        while not any(p.is_dir() and any(p.iterdir()) for p in out.glob(".deckbuilder-deck.*")):
            assert child.poll() is None, "the export ended before it could be killed"
            assert time.monotonic() < deadline, "no set was being written"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=TIMEOUT)
    assert snapshot(out / "deck") == before
    assert temporaries(out)  # the killed run's half-written set
    png_deck(deck, 3, "Next")
    assert_exported(export_png(deck, out))
    assert sorted(snapshot(out / "deck")) == ["slide-01.png", "slide-02.png", "slide-03.png"]
    assert temporaries(out) == []


def test_a_previous_set_caught_between_the_renames_comes_back(tmp_path: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = int(child.stdout)
    name = f"{atomic.TEMP_PREFIX}deck.{dead}@{atomic._HOST}.x1y2z3{atomic.PREVIOUS_SUFFIX}"
    (tmp_path / name).mkdir()
    (tmp_path / name / "slide-01.png").write_bytes(b"the previous set")
    assert atomic.remove_stale_temporaries(tmp_path, only_for=tmp_path / "deck") == 1
    assert snapshot(tmp_path / "deck") == {"slide-01.png": b"the previous set"}
    assert temporaries(tmp_path) == []


def test_a_folder_holding_other_files_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "deck").mkdir(parents=True)
    (out / "deck" / "holiday.jpg").write_bytes(b"someone's photo")
    (out / "deck" / "slide-01.png").write_bytes(b"an old slide")
    result = export_png(png_deck(tmp_path / "deck.yaml", 2, "New"), out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{out / 'deck'}: holds files other than slide images (holiday.jpg)")
    assert snapshot(out / "deck") == {"holiday.jpg": b"someone's photo", "slide-01.png": b"an old slide"}
