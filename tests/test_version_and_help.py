"""What a user reads about Deckbuilder itself: its version, its commands' help, and help(deckbuilder)."""

from __future__ import annotations

import importlib.metadata
import pydoc
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import deckbuilder

if TYPE_CHECKING:
    from conftest import RunCli

ROOT = Path(__file__).resolve().parents[1]


def _pyproject_version() -> str:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version: str = config["project"]["version"]
    return version


def test_version_prints_the_installed_version(cli: RunCli) -> None:
    result = cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"deckbuilder {_pyproject_version()}\n"
    assert result.stderr == ""


def test_the_app_prints_its_version_without_a_display() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from deckbuilder.gui.launch import entrypoint; entrypoint()", "--version"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"deckbuilder-gui {_pyproject_version()}\n"


def test_version_has_one_source_the_package_metadata() -> None:
    assert deckbuilder.__version__ == importlib.metadata.version("deckbuilder") == _pyproject_version()
    source = (ROOT / "deckbuilder" / "__init__.py").read_text(encoding="utf-8")
    assert _pyproject_version() not in source


def test_export_help_names_every_format(cli: RunCli) -> None:
    result = cli("export", "--help")
    assert result.returncode == 0
    for word in (".pptx", "PDF", "PNG", "--format"):
        assert word in result.stdout
    overview = cli("--help").stdout
    assert "export decks to .pptx, .pdf or PNG images" in overview
    assert "--version" in overview


def test_help_shows_the_public_api_and_its_docstrings() -> None:
    text = pydoc.render_doc(deckbuilder, renderer=pydoc.plaintext)
    functions = "\n" + text.split("\nFUNCTIONS\n", 1)[1].split("\nDATA\n", 1)[0]
    for name in ("load", "loads", "save", "export", "import_article"):
        function = getattr(deckbuilder, name)
        assert f"\n    {name}(" in functions, name
        first_line = function.__doc__.strip().splitlines()[0]
        assert first_line in functions, name
    for name in ("Deck", "DeckError", "Problem"):
        assert f"class {name}" in text
    assert "__getattr__" not in text
    assert "lazy_attributes" not in text
    assert "SUBMODULES" not in text  # modules imported along the way are not presented as the API
    description = text.split("\nDESCRIPTION\n", 1)[1].split("\nPACKAGE CONTENTS\n", 1)[0]
    for name in ("load(", "save(", "export(", "import_article("):
        assert name in description


def test_dir_lists_the_public_names_without_importing_them() -> None:
    code = "import sys, deckbuilder; print(dir(deckbuilder)); print('deckbuilder.pipeline' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    names, imported = result.stdout.splitlines()
    for name in deckbuilder.__all__:
        assert repr(name) in names
    assert "__getattr__" not in names
    assert imported == "False"  # import stays lazy: dir() names the API, loading it waits for first use
