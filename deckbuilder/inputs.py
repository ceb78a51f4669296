"""A deck's input files as a client read them: the seam that lets a machine without them export the deck.

A local export reads the pictures, theme file and template an outline names from disk. A job sent to
another machine carries them instead, as `ShippedFiles`. While `reading_shipped` is active, the few
places that touch the disk for those inputs (the image checks and sizes, the renderer's pictures, the
theme registry, the template reader) take them from here; everything else in the pipeline is the same.

A context variable rather than a parameter: those places sit several layers under the pipeline's
entry points, and a context variable is per thread, which a worker running tasks in threads needs.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class InputFile:
    """One file an outline names, as the client found it.

    Its bytes, or why it cannot be used (`problem`, worded as a local export words it), or neither
    when it does not exist; `inside` tells whether it lies where the outline may read from.
    """

    data: bytes | None = None
    problem: str | None = None
    inside: bool = True
    digest: int = field(default=-1, compare=False)

    @classmethod
    def of(cls, data: bytes, *, inside: bool = True) -> InputFile:
        """A readable file's bytes, with the digest caches key on instead of a modification time."""
        import hashlib  # only a client shipping files needs it, not every export

        return cls(data, None, inside, int.from_bytes(hashlib.blake2b(data, digest_size=7).digest()))

    @property
    def exists(self) -> bool:
        """Read-only: whether the client found anything at the path."""
        return self.data is not None or self.problem is not None


@dataclass(frozen=True)
class ShippedFiles:
    """The files one deck's export reads, by the path the pipeline forms for each (as on the client)."""

    files: Mapping[str, InputFile]

    def get(self, path: Path | str) -> InputFile:
        """The file at path; a missing one when the client did not ship it."""
        return self.files.get(str(path)) or InputFile()

    def stamp(self, path: Path | str) -> tuple[str, int, int]:
        """What identifies this version of the file for a cache: the path, its digest and its size."""
        found = self.get(path)
        return str(path), found.digest, len(found.data) if found.data is not None else -1


_SHIPPED: ContextVar[ShippedFiles | None] = ContextVar("deckbuilder_shipped_files", default=None)


def shipped_files() -> ShippedFiles | None:
    """The files being exported from, or None when the export reads the disk."""
    return _SHIPPED.get()


@contextmanager
def reading_shipped(files: ShippedFiles) -> Iterator[None]:
    """For the length of the block, a deck's inputs come from files rather than from disk."""
    token = _SHIPPED.set(files)
    try:
        yield
    finally:
        _SHIPPED.reset(token)


@contextmanager
def reading_installed() -> Iterator[None]:
    """For the length of the block, files come from disk: what ships with the package is on every machine."""
    token = _SHIPPED.set(None)
    try:
        yield
    finally:
        _SHIPPED.reset(token)


def picture_source(path: Path | str) -> str | IO[bytes]:
    """What a renderer opens for a picture: its shipped bytes, else the file itself."""
    files = shipped_files()
    if files is None:
        return str(path)
    return io.BytesIO(files.get(path).data or b"")
