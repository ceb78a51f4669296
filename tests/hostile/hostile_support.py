"""Shared helpers of the hostile-input suite: running the CLI, checking its messages, making decks."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "data" / "hostile"
BAD = ROOT / "tests" / "data" / "bad"
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
SAHEL = ROOT / "assets" / "images" / "sahel.png"
PREVIOUS = b"the previous deck, which must survive"


def run_cli(
    *args: str | Path, cwd: Path = ROOT, timeout: float = 120, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """Run `python -m deckbuilder ARGS` and capture what a terminal would show."""
    return subprocess.run(
        [sys.executable, "-m", "deckbuilder", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
        **kwargs,
    )


def assert_located(stderr: str, path: str | Path, *, must_contain: str = "") -> list[str]:
    """Every line of stderr is `<path>:line:col: message` or `<path>: message`; no traceback."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert lines, "expected at least one problem on stderr"
    pattern = re.compile(rf"^{re.escape(str(path))}(:\d+:\d+)?: .+")
    for line in lines:
        assert pattern.match(line), f"not located at {path}: {line!r}"
    assert must_contain in stderr, stderr
    return lines


def folder_listing(folder: Path) -> list[str]:
    """The names in a folder, hidden ones (temporary files) included, sorted."""
    return sorted(entry.name for entry in folder.iterdir())


def temporaries(folder: Path) -> list[str]:
    """Temporary files of atomic writes left in a folder."""
    return sorted(entry.name for entry in folder.iterdir() if entry.name.startswith(".deckbuilder-"))


def image_deck(image: str) -> str:
    """A one-slide outline showing an image; the `image` value sits at line 7, column 16."""
    return (
        "title: Hostile image\n"
        "sections:\n"
        "  - title: Pictures\n"
        "    slides:\n"
        "      - kind: image\n"
        "        title: A picture\n"
        f"        image: '{image}'\n"
        "        alt: what it shows\n"
    )


POINTS = [
    "France's perception of the US has shifted from protector to potential risk",
    "The 2023 Niger coup exposed a stark divergence in Franco-US strategic interests",
    "Paris argues European strategic autonomy is now a necessity, not just an ideal",
    "France had 1,500 troops in the Sahel; the US had 1,000 personnel for drones",
]
NOTES = (
    "Under President Emmanuel Macron, France has championed strategic autonomy, the idea that Europe "
    "must build independent defence capabilities. This push accelerated after the chaotic 2021 US "
    "withdrawal from Afghanistan and the AUKUS pact, which cost France a major submarine contract."
)


def large_outline(count: int, title: str = "France-US Conundrum") -> dict[str, Any]:
    """An outline of `count` slides: a title slide, then bullets slides with notes, ten a section
    (the shape of bench/bench_export.py's benchmark deck)."""
    slides: list[dict[str, Any]] = [
        {"kind": "bullets", "title": f"Slide {n}", "points": POINTS, "notes": NOTES} for n in range(1, count)
    ]
    sections: list[dict[str, Any]] = [
        {"title": f"Part {i // 10 + 1}", "divider": False, "slides": slides[i : i + 10]}
        for i in range(0, len(slides), 10)
    ]
    sections[0]["slides"].insert(0, {"kind": "title"})
    return {"title": title, "footer": "Benchmark", "sections": sections}


def write_outline(data: dict[str, Any], path: Path) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def python_script(lines: Sequence[str]) -> list[str]:
    """A command line running the given Python lines in a fresh interpreter."""
    return [sys.executable, "-c", "\n".join(lines)]
