"""What many test modules share: running the command line as a user would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def run_cli(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run `python -m deckbuilder ARGS` and capture what a terminal would show."""
    return subprocess.run(
        [sys.executable, "-m", "deckbuilder", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
        check=False,
    )


@pytest.fixture(name="cli")
def cli_fixture() -> RunCli:
    """The command line as a subprocess: cli("validate", path) -> CompletedProcess."""
    return run_cli
