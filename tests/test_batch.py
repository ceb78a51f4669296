"""Exporting many decks in one command: folders, globs, parallel workers, progress, one summary."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from pptx import Presentation

from deckbuilder.batch import ExportJob, ProgressBar, expand_decks, run_jobs
from deckbuilder.jobs import shared_files, ship

if TYPE_CHECKING:
    from conftest import RunCli

ROOT = Path(__file__).resolve().parents[1]
STARTER = (
    "title: Deck {n}\nsections:\n  - title: Part\n    divider: true\n    slides:\n"
    "      - kind: bullets\n        title: Slide of deck {n}\n        points: [one, two]\n"
)


def make_decks(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    decks = []
    for n in range(count):
        deck = folder / f"deck{n:02d}.yaml"
        deck.write_text(STARTER.format(n=n), encoding="utf-8")
        decks.append(deck)
    return decks


def test_a_folder_exports_every_outline_in_it_with_one_summary_line(tmp_path: Path, cli: RunCli) -> None:
    make_decks(tmp_path / "in", 6)
    result = cli("export", tmp_path / "in", "-o", tmp_path / "out", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.startswith(f"exported 6 of 6 decks to {tmp_path / 'out'} in ")
    assert result.stderr == ""  # not a terminal: no progress bar
    for n in range(6):
        prs = Presentation(str(tmp_path / "out" / f"deck{n:02d}.pptx"))
        assert prs.slides[1].shapes.title.text == f"Slide of deck {n}"


def test_a_bad_deck_in_a_batch_does_not_stop_the_others(tmp_path: Path, cli: RunCli) -> None:
    decks = make_decks(tmp_path, 4)
    decks[1].write_text("title: [broken\n", encoding="utf-8")
    result = cli("export", *decks, "-o", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{decks[1]}:")
    assert "Traceback" not in result.stderr
    assert "exported 3 of 4 decks" in result.stdout and "1 failed" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "deck00.pptx",
        "deck02.pptx",
        "deck03.pptx",
    ]


def test_globs_are_expanded_when_the_shell_did_not(tmp_path: Path) -> None:
    make_decks(tmp_path, 3)
    (tmp_path / "notes.txt").write_text("not a deck", encoding="utf-8")
    assert expand_decks([str(tmp_path / "deck0*.yaml")]) == sorted(tmp_path.glob("deck0*.yaml"))
    assert expand_decks([str(tmp_path)]) == sorted(tmp_path.glob("*.yaml"))
    assert expand_decks([str(tmp_path / "nothing*.yaml")]) == [tmp_path / "nothing*.yaml"]


def test_parallel_workers_give_the_same_files_as_one(tmp_path: Path) -> None:
    decks = make_decks(tmp_path / "in", 4)
    one = [ExportJob(d, tmp_path / "one" / f"{d.stem}.pptx") for d in decks]
    two = [ExportJob(d, tmp_path / "two" / f"{d.stem}.pptx") for d in decks]
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    assert all(r.problems is None for r in run_jobs(one, 1))
    assert all(r.problems is None for r in run_jobs(two, 2))
    for job in one:
        assert job.target.read_bytes() == (tmp_path / "two" / job.target.name).read_bytes()


def test_progress_bar_draws_on_a_terminal_and_clears_itself() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = ProgressBar(4, stream)
    bar.advance("deck00.yaml")
    assert "1/4" in stream.getvalue()
    bar.clear()
    assert stream.getvalue().endswith("\r")
    quiet = io.StringIO()
    ProgressBar(4, quiet).advance("deck00.yaml")
    assert quiet.getvalue() == ""


def test_jobs_must_be_a_positive_number(cli: RunCli) -> None:
    result = cli("export", "x.yaml", "--jobs", "0")
    assert result.returncode == 2
    assert "must be at least 1" in result.stderr


def test_an_empty_folder_is_a_clear_error(tmp_path: Path, cli: RunCli) -> None:
    result = cli("export", tmp_path)
    assert result.returncode == 1
    assert "no outlines (.yaml) found" in result.stderr


def test_decks_in_flight_hold_a_shared_picture_once(tmp_path: Path) -> None:
    """Shipped for workers, decks on one picture (or template) hold its bytes once on this machine."""
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "map.png").write_bytes((ROOT / "assets" / "images" / "sahel.png").read_bytes())
    image = "      - {kind: image, title: Map, image: assets/map.png, alt: A map, caption: The Sahel}\n"
    decks = make_decks(tmp_path, 2)
    for deck in decks:
        deck.write_text(deck.read_text(encoding="utf-8") + image, encoding="utf-8")
    shared = shared_files()
    first, second = (ship(deck, shared=shared) for deck in decks)
    picture = str(tmp_path / "assets" / "map.png")
    assert first.files.get(picture).data is second.files.get(picture).data is not None
    assert ship(decks[0]).files.get(picture).data is not first.files.get(picture).data  # nothing shared
