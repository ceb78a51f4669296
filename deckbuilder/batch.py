"""Exporting many decks: expand folders and globs, fan out across processes, report progress."""

from __future__ import annotations

import glob
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from concurrent.futures import Executor

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


def run_jobs(jobs: Sequence[ExportJob], workers: int) -> Iterator[ExportResult]:
    """Results in the order jobs finish; in this process when one worker is enough."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(run_job, jobs)
        return
    from concurrent.futures import as_completed

    with _executor(min(workers, len(jobs))) as pool:
        futures = [pool.submit(run_job, job) for job in jobs]
        for future in as_completed(futures):
            yield future.result()


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
) -> tuple[int, float]:
    """Run every job, with a progress bar unless progress is False; returns how many failed and the seconds
    it took."""
    started = time.perf_counter()
    bar = ProgressBar(len(jobs), stream, enabled=progress)
    failed = 0
    for result in run_jobs(jobs, workers):
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
