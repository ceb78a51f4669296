"""The installed version, read from the package's metadata so that pyproject.toml is its only source."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

DISTRIBUTION = "deckbuilder"


def installed_version() -> str:
    """The version pip installed (editable or not); "0+unknown" for a source tree never installed."""
    # Imported here: the command line builds its parser, --version included, on every start, and
    # importlib.metadata costs ~10 ms that only `--version` and `__version__` need.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "0+unknown"


def __getattr__(name: str) -> str:
    """`__version__`, read from the metadata when first asked for."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return installed_version()


class PrintVersion(argparse.Action):
    """An argparse action for `--version`: prints "PROG VERSION" on stdout and exits 0.

    argparse's own version action needs the text when the parser is built; reading the metadata only
    when asked keeps every other command's start-up free of it."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        kwargs.setdefault("help", "print the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        """Print the version and leave."""
        print(f"{parser.prog} {installed_version()}")
        parser.exit()
