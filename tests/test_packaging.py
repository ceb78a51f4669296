"""What `pip install .` ships: every package, and the assets the code reads at run time."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


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
