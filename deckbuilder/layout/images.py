"""Image checks before export: each picture exists, is a supported image, and stays inside allowed folders."""

from __future__ import annotations

import contextlib
import functools
import io
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from deckbuilder.errors import Problem
from deckbuilder.inputs import shipped_files
from deckbuilder.layout.svg import SvgError, is_svg, read_svg
from deckbuilder.outline.model import Deck, ImageSlide
from deckbuilder.paths import image_folders

if TYPE_CHECKING:
    from PIL.ImageFile import ImageFile

SUPPORTED_FORMATS = {"PNG": "PNG", "JPEG": "JPEG", "GIF": "GIF", "BMP": "BMP", "TIFF": "TIFF"}


def resolve_image(deck: Deck, raw: str) -> Path:
    """Where an outline's image path points: relative paths are relative to the deck file."""
    path = Path(raw)
    with contextlib.suppress(RuntimeError):  # no home folder to expand '~' to: keep the name as written
        path = path.expanduser()
    return path if path.is_absolute() else deck.base_dir / path


def allowed_folders(deck: Deck) -> tuple[Path, ...]:
    """Where a deck's images may come from: its folder, an assets/ folder beside it, the bundled assets."""
    return image_folders(deck.base_dir)


def _inside(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder.resolve())


DECODE_PIXELS = 40_000_000
"""Images up to this many pixels are decoded whole when checked, so a damaged one is found before it
goes in a deck (40 megapixels take at most 160 MB to decode); larger ones have their structure checked.
JPEG is always decoded, at an eighth of its size, which costs little."""

MAX_IMAGE_BYTES = 200 * 1024 * 1024
"""The largest picture file read at all (a deck holds it whole); refused by its size before reading."""


def image_problem(path: Path, *, allowed: tuple[Path, ...] | None) -> str | None:
    """Why an image cannot go in a deck, or None when it can."""
    files = shipped_files()
    if files is not None:  # read by a client, which found any problem with the path itself
        found = files.get(path)
        return found.problem or _content_problem_in(found.data or b"", path)
    problem = image_path_problem(path, allowed=allowed)
    if problem is not None:
        return problem
    try:
        status = path.stat()
        return _content_problem(path, status.st_mtime_ns, status.st_size)
    except OSError as error:
        return f"image '{path}' cannot be opened ({_reason(error)})"


def image_path_problem(path: Path, *, allowed: tuple[Path, ...] | None) -> str | None:
    """Why path is not a picture file a deck may use (where it is, what it is, its size), content unread."""
    try:
        return _path_problem(path, allowed)
    except RuntimeError:  # Path.resolve() on Python 3.11: a loop of symbolic links
        return f"image '{path}' is a symbolic link that leads back to itself"
    except OSError as error:  # a name too long for the file system, an unreadable folder …
        return f"image '{path}' cannot be opened ({_reason(error)})"


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _path_problem(path: Path, allowed: tuple[Path, ...] | None) -> str | None:
    """Why path is not somewhere an image may come from, or not a file."""
    real = path.resolve()  # symbolic links followed: a link pointing out of the folders is outside
    if allowed is not None and not any(_inside(real, folder) for folder in allowed):
        return (
            f"image '{path}' is outside the deck's folder, the assets folder beside it and the "
            "bundled assets; pass --allow-outside-paths to use it"
        )
    if not path.exists():
        return f"image '{path}' does not exist"
    if not path.is_file():  # a pipe would wait for a writer; a device may never end
        return f"image '{path}' is not a file"
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return (
            f"image '{path}' is {-(-size // 2**20)} MB; pictures are limited to {MAX_IMAGE_BYTES // 2**20} MB"
        )
    return None


@functools.lru_cache(maxsize=256)
def _content_problem(path: Path, mtime_ns: int, size: int) -> str | None:
    """Why the file is not a picture a deck can hold (damaged, too many pixels, another format).

    Remembered per path, modification time and size: the desktop app checks images at every edit.
    """
    return _content_problem_in(path, path)


def _content_problem_in(source: Path | bytes, path: Path) -> str | None:
    """Why the picture in source (the file, or its bytes) cannot go in a deck; path names it."""
    if _looks_like_svg(path, source if isinstance(source, bytes) else None):
        try:
            read_svg(source if isinstance(source, bytes) else path.read_bytes())
        except SvgError as error:
            return f"image '{path}' {error}"
        except OSError as error:
            return f"image '{path}' cannot be opened ({_reason(error)})"
        return None
    from PIL import Image, UnidentifiedImageError

    def opened() -> ImageFile:
        return Image.open(source if isinstance(source, Path) else io.BytesIO(source))

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with opened() as image:  # reads the header only; refuses too many pixels here
                image_format = image.format or "unknown"
                image.verify()
            if image_format not in SUPPORTED_FORMATS:
                return f"image '{path}' is {image_format}; use PNG, JPEG, GIF, BMP, TIFF or SVG"
            with opened() as image:  # verify() left it unusable; decoding needs a fresh one
                _decode(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"image '{path}' has too many pixels to be safe to open (limit {_pixel_limit()})"
    except UnidentifiedImageError:
        return f"image '{path}' is not a readable image (not PNG, JPEG, GIF, BMP, TIFF or SVG)"
    except MemoryError:
        return f"image '{path}' is too large to open"
    except Exception as error:  # Pillow's decoders raise many kinds on a damaged file: all its fault
        detail = str(error) or type(error).__name__
        return f"image '{path}' is not a readable image ({detail})"
    return None


def _decode(image: ImageFile) -> None:
    """Decode the pixels (a damaged or truncated file raises), within DECODE_PIXELS."""
    width, height = image.size
    if image.format == "JPEG":
        image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
        image.load()
    elif width * height <= DECODE_PIXELS:
        image.load()


def _pixel_limit() -> str:
    from PIL import Image

    limit = Image.MAX_IMAGE_PIXELS
    return f"{limit:,} pixels" if limit else "none set"


def _looks_like_svg(path: Path, data: bytes | None = None) -> bool:
    """Whether the file (or its bytes) is an SVG drawing: by its name, or an <svg> element near its start."""
    if data is None:
        try:
            with path.open("rb") as stream:
                data = stream.read(4096)
        except OSError:
            data = b""
    return is_svg(path.name, data)


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


def image_size(path: Path) -> tuple[int, int]:
    """An image's size in pixels; an SVG's is the size of its PNG fallback, which has its aspect ratio."""
    files = shipped_files()
    if files is not None:  # never cached: another job's file may have had this path
        return _size_of(files.get(path).data or b"", path)
    return _file_size(path)


@functools.lru_cache(maxsize=256)
def _file_size(path: Path) -> tuple[int, int]:
    return _size_of(path, path)


def _size_of(source: Path | bytes, path: Path) -> tuple[int, int]:
    if _looks_like_svg(path, source if isinstance(source, bytes) else None):
        return read_svg(source if isinstance(source, bytes) else path.read_bytes()).pixel_size()
    from PIL import Image

    with Image.open(source if isinstance(source, Path) else io.BytesIO(source)) as image:
        width, height = image.size
    return max(1, width), max(1, height)
