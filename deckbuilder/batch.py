"""Exporting many decks: expand folders and globs, fan out across processes, report progress."""

from __future__ import annotations

import glob
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from deckbuilder.jobs import SharedFiles

OUTLINE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class ExportJob:
    """One deck to export and where its file goes."""

    deck: Path
    target: Path
    theme: str | None = None
    allow_outside_paths: bool = False
    fmt: str = "pptx"


@dataclass(frozen=True)
class ExportResult:
    """How one job went: the problems it met, if any, as the lines to print, or what it made."""

    job: ExportJob
    problems: str | None = None
    slides: int = 0
    notes: tuple[str, ...] = ()


def expand_decks(arguments: Sequence[str]) -> list[Path]:
    """Deck paths from the command line: files as given, folders' outlines, and unexpanded globs."""
    decks: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            decks.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in OUTLINE_SUFFIXES))
        elif glob.has_magic(argument) and not path.exists():
            # glob.glob, not Path.glob: the pattern may be absolute
            matches = sorted(Path(match) for match in glob.glob(argument, recursive=True))  # noqa: PTH207
            decks.extend(matches or [path])  # no match: the path is reported as missing
        else:
            decks.append(path)
    return decks


def run_job(job: ExportJob) -> ExportResult:
    """Export one deck; bad input becomes the result's problems, never an exception."""
    from deckbuilder.errors import DeckError
    from deckbuilder.pipeline import export_outcome

    try:
        outcome = export_outcome(
            job.deck, job.target, theme=job.theme, allow_outside_paths=job.allow_outside_paths, fmt=job.fmt
        )
    except DeckError as error:
        return ExportResult(job, str(error))
    except Exception as error:  # one deck's failure must not stop the batch
        return ExportResult(job, f"{job.deck}: internal error: {type(error).__name__}: {error}")
    return ExportResult(job, None, outcome.slides, outcome.notes)


def _executor(jobs: int) -> Executor:
    import multiprocessing  # imported here: a single deck never needs worker processes
    from concurrent.futures import ProcessPoolExecutor

    # fork starts workers with the parent's modules already imported; elsewhere spawn is the only choice
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method))


DEFAULT_WINDOW = 64
"""Decks in flight on an executor at once: enough to keep a cluster busy, few enough that the client
holds only their files."""


def run_jobs(
    jobs: Sequence[ExportJob], workers: int, executor: Executor | None = None, window: int = DEFAULT_WINDOW
) -> Iterator[ExportResult]:
    """Results in the order jobs finish: on executor when given, else on a local process pool, or in
    this process when one worker is enough."""
    if executor is not None:
        yield from run_on(executor, jobs, window)
    elif workers <= 1 or len(jobs) <= 1:
        yield from map(run_job, jobs)
    else:
        with _executor(min(workers, len(jobs))) as pool:
            yield from run_on(pool, jobs, 2 * workers)


def run_on(executor: Executor, jobs: Sequence[ExportJob], window: int) -> Iterator[ExportResult]:
    """Each .pptx job shipped to executor as bytes (at most window at once), its file written here."""
    from concurrent.futures import FIRST_COMPLETED, wait

    from deckbuilder.jobs import shared_files

    waiting = iter(jobs)
    running: dict[Future[Any], ExportJob] = {}
    shared = shared_files()
    while True:
        while len(running) < max(1, window) and (job := next(waiting, None)) is not None:
            submitted = _submit(executor, job, shared)
            if isinstance(submitted, ExportResult):  # its outline could not be read: nothing to send
                yield submitted
            else:
                running[submitted] = job
        if not running:
            return
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            yield _finish(running.pop(future), future)


def _submit(executor: Executor, job: ExportJob, shared: SharedFiles) -> Future[Any] | ExportResult:
    """The job sent to executor: a .pptx as the bytes it needs; PDF and PNG (local pools only) by path."""
    from deckbuilder.errors import DeckError
    from deckbuilder.jobs import build_shipped, ship

    if job.fmt != "pptx":
        return executor.submit(run_job, job)
    try:
        shipped = ship(job.deck, theme=job.theme, allow_outside_paths=job.allow_outside_paths, shared=shared)
    except DeckError as error:
        return ExportResult(job, str(error))
    except Exception as error:  # one deck's failure must not stop the batch
        return ExportResult(job, f"{job.deck}: internal error: {type(error).__name__}: {error}")
    return executor.submit(build_shipped, shipped)


def _finish(job: ExportJob, future: Future[Any]) -> ExportResult:
    """A finished job's result, its .pptx written atomically where the job says."""
    from deckbuilder.errors import DeckError
    from deckbuilder.jobs import Built
    from deckbuilder.pipeline import write_pptx

    try:
        outcome = future.result()
    except Exception as error:  # the executor gave up on it (a worker lost too often, a broken pool)
        return ExportResult(job, f"{job.deck}: not exported: {type(error).__name__}: {error}")
    if not isinstance(outcome, Built):
        return cast(ExportResult, outcome)
    if outcome.blob is None:
        return ExportResult(job, outcome.problems or f"{job.deck}: not exported")
    try:
        write_pptx(job.target, outcome.blob)
    except DeckError as error:
        return ExportResult(job, str(error))
    return ExportResult(job, None, outcome.slides, outcome.notes)


BAR_CELLS = 30
"""The bar's widest, in character cells; it narrows, then goes, on a narrow terminal."""


def progress_line(done: int, total: int, label: str, columns: int) -> str:
    """The progress line for a terminal `columns` wide, padded to one cell short of its width.

    Never as wide as the terminal: writing into the last column wraps on some terminals, and a wrapped
    line cannot be redrawn with a carriage return."""
    room = max(columns - 1, 0)
    counter = f"{done}/{total}"
    cells = max(0, min(BAR_CELLS, (room - len(counter) - 1) // 2))
    filled = cells * done // total if total else cells
    bar = "█" * filled + "·" * (cells - filled) + " " if cells else ""
    space_for_label = room - len(bar) - len(counter) - 1
    if len(label) > space_for_label:
        label = label[: space_for_label - 1] + "…" if space_for_label > 1 else ""
    line = f"{bar}{counter} {label}" if label else f"{bar}{counter}"
    return line[:room].ljust(room)


def terminal_columns(stream: TextIO) -> int:
    """How wide the terminal behind stream is now (it may have been resized since the last look)."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or shutil.get_terminal_size().columns
    except (AttributeError, ValueError, OSError):  # not a real file, or not a terminal after all
        return shutil.get_terminal_size().columns


class ProgressBar:
    """A one-line progress bar redrawn in place on a terminal; silent when the stream is not one."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, *, enabled: bool = True) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.enabled = enabled and total > 1 and stream.isatty()
        self._drawn = 0  # cells the last drawing took, to blank them when clearing

    def advance(self, label: str) -> None:
        """Count one more finished item and redraw."""
        self.done += 1
        if self.enabled:
            line = progress_line(self.done, self.total, label, terminal_columns(self.stream))
            self._drawn = len(line)
            self.stream.write("\r" + line)
            self.stream.flush()

    def clear(self) -> None:
        """Remove the bar so the next line starts clean."""
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0


def export_batch(
    jobs: Sequence[ExportJob],
    workers: int,
    report: Callable[[ExportResult], None],
    stream: TextIO = sys.stderr,
    *,
    progress: bool = True,
    executor: Executor | None = None,
) -> tuple[int, float]:
    """Run every job (on executor when given), with a progress bar unless progress is False; returns how
    many failed and the seconds it took."""
    started = time.perf_counter()
    bar = ProgressBar(len(jobs), stream, enabled=progress)
    failed = 0
    for result in run_jobs(jobs, workers, executor):
        if result.problems:
            failed += 1
            bar.clear()
        report(result)
        bar.advance(result.job.deck.name)
    bar.clear()
    return failed, time.perf_counter() - started


def default_workers() -> int:
    """As many workers as this process may use cores."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def export_many(
    decks: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str] | None = None,
    *,
    executor: Executor | None = None,
    theme: str | None = None,
    allow_outside_paths: bool = False,
) -> list[ExportResult]:
    """Export outlines to .pptx files in out_dir (beside each outline when None), each written atomically.

    With an executor (a local ProcessPoolExecutor, a Dask client's get_executor() …) every deck runs
    there as bytes: this process reads each outline with its pictures, theme and template, the
    executor's workers return the .pptx bytes, and the files are written here, so workers need none
    of this machine's files. Without one, decks run on a local process pool. A bad deck never stops
    the others: returns one result per deck, in the order given, whose `problems` are the located
    lines a failed deck printed (None when it was written to `job.target`).
    """
    from deckbuilder.pipeline import output_path_for

    paths = [Path(deck) for deck in decks]
    if out_dir is not None:
        Path(out_dir).mkdir(parents=True, exist_ok=True)
    jobs = [ExportJob(path, output_path_for(path, out_dir), theme, allow_outside_paths) for path in paths]
    results = {result.job: result for result in run_jobs(jobs, default_workers(), executor)}
    return [results[job] for job in jobs]
