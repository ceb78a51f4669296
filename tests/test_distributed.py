"""Batches on a real local Dask cluster: the bytes of a local export, bad decks alone, no shared files."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import deckbuilder
from deckbuilder.cli import main
from deckbuilder.jobs import build_shipped, ship

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
MISSING_IMAGE = ROOT / "tests" / "data" / "hostile" / "image_missing.yaml"
CHART_DECK = """\
title: Figures
theme: midnight
sections:
  - title: Troops
    slides:
      - kind: chart
        title: Forces in the Sahel
        chart: bar
        categories: [France, United States]
        series:
          - {name: Personnel, values: [1500, 1000]}
        notes: The same figures as the stat slide.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A client of two single-threaded worker processes on loopback, with scratch space of their own."""
    scratch = tmp_path_factory.mktemp("dask-workers")
    with (
        distributed.LocalCluster(
            processes=True,
            n_workers=2,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            local_directory=str(scratch),
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as dask_client,
    ):
        yield dask_client


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The flagship and a chart deck exported locally, one at a time, as the reference bytes."""
    folder = tmp_path_factory.mktemp("decks")
    chart = folder / "chart.yaml"
    chart.write_text(CHART_DECK, encoding="utf-8")
    local = folder / "local"
    assert main(["export", str(FLAGSHIP), str(chart), "-o", str(local), "-j", "1", "-q"]) == 0
    return {"flagship": FLAGSHIP, "chart": chart, "local": local}


def _same_as_local(decks: dict[str, Path], out: Path) -> None:
    for name in ("france-us-conundrum", "chart"):
        assert (out / f"{name}.pptx").read_bytes() == (decks["local"] / f"{name}.pptx").read_bytes(), name


def test_scheduler_option_writes_the_bytes_of_a_local_export(
    client: Any, decks: dict[str, Path], tmp_path: Path
) -> None:
    address = client.scheduler.address
    command = [sys.executable, "-m", "deckbuilder", "export", str(decks["flagship"]), str(decks["chart"])]
    result = subprocess.run(
        [*command, "-o", str(tmp_path), "--scheduler", address], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "exported 2 of 2 decks" in result.stdout
    _same_as_local(decks, tmp_path)


def test_export_many_on_a_dask_executor_writes_the_bytes_of_a_local_export(
    client: Any, decks: dict[str, Path], tmp_path: Path
) -> None:
    results = deckbuilder.export_many(
        [decks["flagship"], decks["chart"]], tmp_path, executor=client.get_executor()
    )
    assert [result.problems for result in results] == [None, None]
    assert [result.slides for result in results] == [15, 1]
    _same_as_local(decks, tmp_path)


def test_export_many_on_a_local_process_pool(decks: dict[str, Path], tmp_path: Path) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = deckbuilder.export_many([decks["flagship"], decks["chart"]], tmp_path, executor=pool)
    assert [result.problems for result in results] == [None, None]
    _same_as_local(decks, tmp_path)


def test_a_bad_deck_fails_alone_with_its_located_message(
    client: Any, decks: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(MISSING_IMAGE), "-o", str(tmp_path / "local"), "-q"]) == 1
    local_message = capsys.readouterr().err.strip()
    assert f"{MISSING_IMAGE}:" in local_message and "does not exist" in local_message

    results = deckbuilder.export_many(
        [MISSING_IMAGE, decks["chart"]], tmp_path, executor=client.get_executor()
    )
    assert results[0].problems == local_message
    assert results[1].problems is None
    assert not (tmp_path / "image_missing.pptx").exists()
    assert (tmp_path / "chart.pptx").read_bytes() == (decks["local"] / "chart.pptx").read_bytes()


def test_workers_never_open_the_clients_files(client: Any, decks: dict[str, Path], tmp_path: Path) -> None:
    """Shipped, then the deck's folder (its outline and picture) moved away: the worker still builds it."""
    folder = tmp_path / "briefing"
    shutil.copytree(FLAGSHIP.parent, folder / "decks")
    shutil.copytree(ROOT / "assets" / "images", folder / "assets" / "images")
    shipped = ship(folder / "decks" / FLAGSHIP.name)
    folder.rename(tmp_path / "gone")

    built = client.submit(build_shipped, shipped, pure=False).result()

    assert built.problems is None
    assert built.blob == (decks["local"] / "france-us-conundrum.pptx").read_bytes()


def test_a_deck_whose_worker_is_lost_is_built_again(
    client: Any, decks: dict[str, Path], tmp_path: Path
) -> None:
    """The worker building a long deck dies mid-job: Dask runs the job again elsewhere, same bytes."""
    outline = tmp_path / "long.yaml"
    slides = "".join(
        f"      - {{kind: bullets, title: Slide {n}, points: [one, two], notes: n}}\n" for n in range(2000)
    )
    outline.write_text(f"title: Long\nsections:\n  - title: Part\n    slides:\n{slides}", encoding="utf-8")
    assert main(["export", str(outline), "-o", str(tmp_path / "local"), "-q"]) == 0
    pids = client.run(os.getpid)
    future = client.submit(build_shipped, ship(outline), pure=False)
    deadline = time.monotonic() + 30
    while not (busy := [worker for worker, keys in client.processing().items() if future.key in keys]):
        assert time.monotonic() < deadline, "the job never started"
        time.sleep(0.02)

    os.kill(pids[busy[0]], signal.SIGKILL)  # the worker process dies mid-job

    built = future.result(timeout=120)
    assert built.problems is None
    assert built.blob == (tmp_path / "local" / "long.pptx").read_bytes()


def test_scheduler_that_cannot_be_reached_is_a_clear_message(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "deckbuilder", "export", str(FLAGSHIP), "-o", str(tmp_path)]
    address = "tcp://127.0.0.1:9"  # the discard port: nothing listens there
    result = subprocess.run(
        [*command, "--scheduler", address, "--scheduler-timeout", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"{address}: cannot reach the Dask scheduler")
    assert "Traceback" not in result.stderr


def test_local_batches_never_import_dask(decks: dict[str, Path], tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from deckbuilder.cli import main\n"
        f"assert main(['export', {str(decks['flagship'])!r}, {str(decks['chart'])!r}, '-o', "
        f"{str(tmp_path)!r}, '-j', '2', '-q']) == 0\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
