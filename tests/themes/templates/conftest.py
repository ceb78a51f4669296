"""Templates built once per test session, and the flagship exported through each of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import template_fixtures as build
from template_fixtures import FLAGSHIP, SAHEL

import deckbuilder


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every test template by name: default, libreoffice, samples, dark43, picture."""
    folder = tmp_path_factory.mktemp("templates")
    return {
        "default": build.default_template(folder / "default.pptx"),
        "libreoffice": build.libreoffice_template(folder / "libreoffice.pptx"),
        "samples": build.samples_template(folder / "samples.pptx", SAHEL),
        "dark43": build.dark_template(folder / "dark43.pptx"),
        "picture": build.picture_template(folder / "picture.pptx"),
    }


@pytest.fixture(scope="session")
def exported(templates: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The flagship exported through every test template."""
    folder = tmp_path_factory.mktemp("exported")
    return {
        name: deckbuilder.export(FLAGSHIP, folder / f"flagship-{name}.pptx", theme=str(path))
        for name, path in templates.items()
    }
