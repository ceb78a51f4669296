"""Where the bundled assets (fonts, themes, schema, images) live, and where a deck's inputs may come from."""

from __future__ import annotations

from pathlib import Path


def _assets_dir() -> Path:
    """The assets folder: inside the installed package, else the checkout's top-level assets/."""
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "assets"
    return installed if installed.is_dir() else package_dir.parent / "assets"


ASSETS_DIR = _assets_dir()
FONTS_DIR = ASSETS_DIR / "fonts"
THEMES_DIR = ASSETS_DIR / "themes"
SCHEMA_FILE = ASSETS_DIR / "schema" / "deck.schema.json"


def image_folders(base_dir: Path) -> tuple[Path, ...]:
    """Where images may come from for an outline in base_dir: that folder (and below), an assets/
    folder beside it, the bundled assets. Anything else needs --allow-outside-paths."""
    # Resolved first: the parent of a relative "." is "." itself, which would put assets/ inside the deck's
    # folder rather than beside it (seen only when run from the deck's folder, off a checkout).
    folder = base_dir.resolve()
    return (folder, folder.parent / "assets", ASSETS_DIR)


def input_folders(base_dir: Path) -> tuple[Path, ...]:
    """Where the files an outline names (images, theme files, .pptx templates) may come from: the
    folders images may come from. Anything else needs --allow-outside-paths."""
    return image_folders(base_dir)


def is_inside(path: Path, folders: tuple[Path, ...]) -> bool:
    """Whether path, symbolic links followed, is in one of folders or below; False when it cannot be told."""
    try:
        real = path.resolve()
        return any(real.is_relative_to(folder.resolve()) for folder in folders)
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links (Python 3.11)
        return False
