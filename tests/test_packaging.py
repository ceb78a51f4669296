"""What `pip install .` ships and `python -m build` makes: packages, assets, metadata, the sdist's suite."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from packaging.metadata import Metadata
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

if TYPE_CHECKING:
    from conftest import RunCli

ROOT = Path(__file__).resolve().parents[1]
OWN_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
"""The environment without a PYTHONPATH, so an installed copy is what runs, not a checkout."""


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "deckbuilder").rglob("__init__.py")
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_asset_globs_cover_every_asset_the_code_reads() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["deckbuilder.assets"]
    shipped = {path for pattern in patterns for path in (ROOT / "assets").glob(pattern)}
    for folder in ("fonts", "themes", "schema"):
        for path in (ROOT / "assets" / folder).iterdir():
            if path.suffix in (".ttf", ".widths", ".txt", ".yaml", ".json"):
                assert path in shipped, path


def test_every_bundled_font_ships_with_its_width_table() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["deckbuilder.assets"]
    shipped = {path for pattern in patterns for path in (ROOT / "assets").glob(pattern)}
    fonts = sorted((ROOT / "assets" / "fonts").glob("*.ttf"))
    assert fonts
    for font in fonts:
        assert font.with_suffix(".widths") in shipped, font.with_suffix(".widths")
    assert ROOT / "assets" / "fonts" / "make_widths.py" not in shipped  # a build tool, not an asset


# --- What a user installs, and what a packager builds from ------------------------------------------------

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DEPENDENCIES = PROJECT["dependencies"]
EXTRAS = PROJECT["optional-dependencies"]


def _declared_names() -> set[str]:
    """What installing deckbuilder brings, with the extras a user opts into (not the test tools)."""
    optional = [text for extra, texts in EXTRAS.items() if extra != "test" for text in texts]
    return {canonicalize_name(Requirement(text).name) for text in [*DEPENDENCIES, *optional]}


def _imported_top_level_modules() -> set[str]:
    """Every module deckbuilder/ imports by absolute name, first component only."""
    modules: set[str] = set()
    for source in (ROOT / "deckbuilder").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"deckbuilder", "__future__"}


def test_every_imported_package_is_declared() -> None:
    distributions = importlib.metadata.packages_distributions()
    declared = _declared_names()
    for module in sorted(_imported_top_level_modules()):
        assert module in distributions, f"{module}: imported by deckbuilder/ but installed by no package"
        providers = {canonicalize_name(name) for name in distributions[module]}
        assert providers & declared, f"{module} (from {sorted(providers)}) is imported but not a dependency"


def test_the_pyside6_exclusion_applies_on_python_311_only() -> None:
    pyside = [Requirement(text) for text in DEPENDENCIES if Requirement(text).name == "PySide6-Essentials"]
    for python, excluded in (("3.11", True), ("3.12", False), ("3.13", False)):
        applying = [
            req for req in pyside if req.marker is None or req.marker.evaluate({"python_version": python})
        ]
        assert len(applying) == 1, python
        assert ("6.12.0" not in applying[0].specifier) is excluded, python
        assert "6.6" in applying[0].specifier and "6.5" not in applying[0].specifier


@pytest.fixture(scope="session", name="dists")
def dists_fixture(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and the wheel, built as `python -m build` does (the wheel from the sdist), offline."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    return {"sdist": next(out.glob("*.tar.gz")), "wheel": next(out.glob("*.whl"))}


def test_wheel_metadata_names_licence_authors_urls_and_classifiers(dists: dict[str, Path]) -> None:
    with zipfile.ZipFile(dists["wheel"]) as wheel:
        names = wheel.namelist()
        info = next(name.split("/")[0] for name in names if name.endswith(".dist-info/METADATA"))
        metadata = Metadata.from_email(wheel.read(f"{info}/METADATA"), validate=True)
        licence = wheel.read(f"{info}/licenses/LICENSE").decode()
    assert licence.startswith("MIT License") and "Deckbuilder contributors" in licence
    assert f"{info}/licenses/assets/fonts/Carlito-OFL.txt" in names
    assert metadata.license_expression is not None and "MIT" in str(metadata.license_expression)
    assert metadata.author == "Deckbuilder contributors"
    assert metadata.project_urls and {"Source", "Issues"} <= set(metadata.project_urls)
    assert metadata.classifiers and "Environment :: X11 Applications :: Qt" in metadata.classifiers
    assert metadata.keywords and "pptx" in metadata.keywords
    assert str(metadata.version) == importlib.metadata.version("deckbuilder")
    # run-time assets only: the tools that make them stay in the sdist
    assert "deckbuilder/assets/icons/deckbuilder.svg" in names
    assert "deckbuilder/assets/desktop/deckbuilder.desktop" in names
    assert not [name for name in names if "make_" in name or "screenshots" in name]


def test_a_wheel_install_exports_from_inside_the_decks_folder(dists: dict[str, Path], tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # --system-site-packages: the dependencies (and pip) come from this environment, offline and quick;
    # --ignore-installed: this environment's editable deckbuilder is neither used nor touched.
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", venv], check=True
    )
    python, scripts = venv / "bin" / "python", venv / "bin"
    subprocess.run(
        [
            python,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--ignore-installed",
            dists["wheel"],
        ],
        check=True,
        capture_output=True,
        env={**OWN_ENV, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    where = subprocess.run(
        [python, "-c", "import deckbuilder; print(deckbuilder.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env=OWN_ENV,
    )
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    out = tmp_path / "out"
    result = subprocess.run(
        [scripts / "deckbuilder", "export", "france-us-conundrum.yaml", "-o", out],
        cwd=ROOT / "decks",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=OWN_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "france-us-conundrum.pptx").is_file()

    version = importlib.metadata.version("deckbuilder")
    for script in ("deckbuilder", "deckbuilder-gui"):
        shown = subprocess.run(
            [scripts / script, "--version"], capture_output=True, text=True, check=True, env=OWN_ENV
        )
        assert shown.stdout == f"{script} {version}\n"
    no_display = subprocess.run(
        [scripts / "deckbuilder-gui"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    if sys.platform.startswith("linux"):
        assert no_display.returncode == 2
        assert (
            no_display.stderr.startswith("deckbuilder-gui: no display") and no_display.stderr.count("\n") == 1
        )


def test_the_editable_install_exports_from_inside_the_decks_folder(tmp_path: Path, cli: RunCli) -> None:
    result = cli("export", "france-us-conundrum.yaml", "-o", tmp_path, cwd=ROOT / "decks")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "france-us-conundrum.pptx").is_file()


_NOT_SOURCE = {"__pycache__", ".hypothesis", ".pytest_cache", ".mypy_cache", ".ruff_cache"}


def test_the_sdist_holds_the_whole_test_suite_and_its_data(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as sdist:
        members = {Path(*Path(name).parts[1:]) for name in sdist.getnames()}
    for folder in ("tests", "decks", "bench", ".ci", "assets", "deckbuilder"):
        for path in (ROOT / folder).rglob("*"):
            relative = path.relative_to(ROOT)
            if path.is_file() and not _NOT_SOURCE & set(relative.parts) and not _left_out(relative):
                assert relative in members, f"{relative} is missing from the sdist"
    assert {Path("LICENSE"), Path("README.md"), Path("MANIFEST.in"), Path("tests/conftest.py")} <= members
    assert not [member for member in members if _left_out(member)]


def _left_out(path: Path) -> bool:
    """Bytecode and exported decks; the public templates of tests/data/templates are test data."""
    return path.suffix == ".pyc" or (path.suffix == ".pptx" and path.parent != Path("tests/data/templates"))


def test_the_suite_runs_from_the_unpacked_sdist(dists: dict[str, Path], tmp_path: Path) -> None:
    with tarfile.open(dists["sdist"]) as sdist:
        sdist.extractall(tmp_path, filter="data")
    unpacked = next(tmp_path.iterdir())
    env = {key: value for key, value in OWN_ENV.items() if not key.startswith("PYTEST_")}
    where = subprocess.run(
        [sys.executable, "-c", "import deckbuilder; print(deckbuilder.__file__)"],
        cwd=unpacked,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert Path(where.stdout.strip()).is_relative_to(unpacked)  # the sdist's code, not this checkout's
    quick = ["tests/outline", "tests/test_cli.py", "-k", "validate or schema or export_flagship"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *quick],
        cwd=unpacked,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
