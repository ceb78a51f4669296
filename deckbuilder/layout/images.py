"""Image checks before export: each picture exists, is a supported image, and stays inside allowed folders."""

from __future__ import annotations

import functools
import warnings
from pathlib import Path

from deckbuilder.errors import Problem
from deckbuilder.outline.model import Deck, ImageSlide
from deckbuilder.paths import ASSETS_DIR

SUPPORTED_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF", "BMP": "BMP", "TIFF": "TIFF"}


def resolve_image(deck: Deck, raw: str) -> Path:
    """Where an outline's image path points: relative paths are relative to the deck file."""
    path = Path(raw).expanduser()
    return path if path.is_absolute() else deck.base_dir / path


def allowed_folders(deck: Deck) -> tuple[Path, ...]:
    """Where a deck's images may come from: its folder, an assets/ folder beside it, the bundled assets."""
    return (deck.base_dir, deck.base_dir.parent / "assets", ASSETS_DIR)


def _inside(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder.resolve())


def image_problem(path: Path, *, allowed: tuple[Path, ...] | None) -> str | None:
    """Why an image cannot go in a deck, or None when it can."""
    real = path.resolve()
    if allowed is not None and not any(_inside(real, folder) for folder in allowed):
        return (
            f"image '{path}' is outside the deck's folder, the assets folder beside it and the "
            "bundled assets; pass --allow-outside-paths to use it"
        )
    if not path.exists():
        return f"image '{path}' does not exist"
    if not path.is_file():
        return f"image '{path}' is not a file"
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                image_format = image.format or "unknown"
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"image '{path}' has too many pixels to be safe to open (limit {Image.MAX_IMAGE_PIXELS:,})"
    except (OSError, SyntaxError, ValueError) as error:
        return f"image '{path}' is not a readable image ({error})"
    if image_format not in SUPPORTED_FORMATS:
        return f"image '{path}' is {image_format}; use PNG, JPEG, GIF, BMP or TIFF"
    return None


def check_images(deck: Deck, *, allow_outside_paths: bool = False) -> list[Problem]:
    """Every problem with the deck's images, located at the `image` key of its slide."""
    allowed = None if allow_outside_paths else allowed_folders(deck)
    problems: list[Problem] = []
    for s_index, section in enumerate(deck.sections):
        for index, slide in enumerate(section.slides):
            if not isinstance(slide, ImageSlide):
                continue
            message = image_problem(resolve_image(deck, slide.image), allowed=allowed)
            if message:
                line, column = deck.locate(("sections", s_index, "slides", index, "image"))
                problems.append(Problem(str(deck.path or "<outline>"), message, line, column))
    return problems


@functools.lru_cache(maxsize=256)
def image_size(path: Path) -> tuple[int, int]:
    """An image's size in pixels."""
    from PIL import Image

    with Image.open(path) as image:
        width, height = image.size
    return max(1, width), max(1, height)
