"""Fixtures for the importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from outline_checks import OutlineChecks


@pytest.fixture
def checks(tmp_path: Path) -> OutlineChecks:
    """The outline checks, writing into the test's own temporary folder."""
    return OutlineChecks(tmp_path)
