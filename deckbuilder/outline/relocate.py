"""An outline moving to another folder: image paths rebased, pictures it could no longer use copied."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from deckbuilder.atomic import atomic_writer
from deckbuilder.paths import image_folders

COPIES_FOLDER = "images"
"""Where, beside the moved outline, pictures it can no longer reach are copied."""


def relocate_images(data: dict[str, Any], old_dir: Path, new_dir: Path) -> list[Path]:
    """Rewrite the image paths in outline data moving from old_dir to new_dir; returns the copies made.

    A relative path is rebased so it names the same picture. A picture that was in a folder the deck
    could use (its folder, an assets/ folder beside it) but that the new folder cannot reach is copied
    into new_dir/images/, so export keeps working without --allow-outside-paths; pictures the deck
    could not use before stay where they are (a move never widens what a deck may read).
    """
    old_allowed, new_allowed = image_folders(old_dir), image_folders(new_dir)
    copies: list[Path] = []
    for section in data.get("sections", []):
        for slide in section.get("slides", []):
            image = slide.get("image") if slide.get("kind") == "image" else None
            if not image:
                continue
            written = Path(image).expanduser()
            source = written if written.is_absolute() else old_dir / written
            real = source.resolve()
            usable_before = any(real.is_relative_to(folder.resolve()) for folder in old_allowed)
            usable_after = any(real.is_relative_to(folder.resolve()) for folder in new_allowed)
            if usable_before and not usable_after and real.is_file():
                copy = _copy_into(real, new_dir / COPIES_FOLDER)
                copies.append(copy)
                slide["image"] = f"{COPIES_FOLDER}/{copy.name}"
            elif not written.is_absolute():
                slide["image"] = Path(os.path.relpath(source, new_dir)).as_posix()
    return copies


def _copy_into(source: Path, folder: Path) -> Path:
    """The picture copied into folder under its own name (or name-2 …, unless the same file is there)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    number = 1
    while target.exists():
        if target.read_bytes() == source.read_bytes():
            return target
        number += 1
        target = folder / f"{source.stem}-{number}{source.suffix}"
    with source.open("rb") as reading, atomic_writer(target) as writing:
        shutil.copyfileobj(reading, writing)
    return target
