"""The app's place on a Linux desktop: its menu entry and icon, installed in the user's XDG data folder.

Qt-free, so that `deckbuilder-gui --install-desktop` works over SSH or before any display exists.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import sysconfig
from collections.abc import Mapping
from pathlib import Path

from deckbuilder.atomic import write_bytes_atomic, write_text_atomic
from deckbuilder.paths import ASSETS_DIR

APP_ID = "deckbuilder"
"""The name of the menu entry and of the icon; Wayland matches windows to the entry by it."""

ICONS_DIR = ASSETS_DIR / "icons"
DESKTOP_TEMPLATE = ASSETS_DIR / "desktop" / f"{APP_ID}.desktop"
LAUNCHER = "deckbuilder-gui"

_PNG_SIZE = re.compile(rf"{APP_ID}-(\d+)\.png")
# The Desktop Entry Specification's characters that need an Exec argument quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """$XDG_DATA_HOME when it is an absolute path (as the XDG spec requires), else ~/.local/share."""
    configured = environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def icon_files() -> dict[str, Path]:
    """Each shipped icon file by the hicolor size folder it belongs in ("48x48", "scalable" …)."""
    icons = {"scalable": ICONS_DIR / f"{APP_ID}.svg"}
    pngs = ((_PNG_SIZE.fullmatch(png.name), png) for png in ICONS_DIR.glob(f"{APP_ID}-*.png"))
    sizes = {int(match[1]): png for match, png in pngs if match}
    for size in sorted(sizes):
        icons[f"{size}x{size}"] = sizes[size]
    return icons


def launcher_path(argv0: str | None = None) -> str:
    """The full path of the `deckbuilder-gui` script, so the menu entry works without it on PATH."""
    ran = Path(argv0 if argv0 is not None else (sys.argv[0] if sys.argv else ""))
    candidates = [ran] if ran.name == LAUNCHER else []
    candidates.append(Path(sysconfig.get_path("scripts")) / LAUNCHER)
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate.absolute())
    return shutil.which(LAUNCHER) or LAUNCHER


def exec_argument(path: str) -> str:
    """One Exec= argument as the Desktop Entry Specification writes it: quoted when it must be."""
    if _RESERVED & set(path):
        path = '"' + re.sub(r'(["`$\\])', r"\\\1", path) + '"'
    # the value is a desktop-entry string too: its backslashes are escaped once more, and % doubled
    return path.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(launcher: str) -> str:
    """The shipped menu entry, its Exec and TryExec pointing at launcher."""
    lines = []
    for line in DESKTOP_TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_argument(launcher)} %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + launcher.replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def install_desktop(home: Path, launcher: str) -> list[Path]:
    """Write the menu entry and every icon size under home (an XDG data folder); returns what it wrote."""
    written = []
    entry = home / "applications" / f"{APP_ID}.desktop"
    entry.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(entry, desktop_entry(launcher))
    written.append(entry)
    for size, source in icon_files().items():
        target = home / "icons" / "hicolor" / size / "apps" / f"{APP_ID}{source.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, source.read_bytes())
        written.append(target)
    return written


def uninstall_desktop(home: Path) -> list[Path]:
    """Remove what install_desktop wrote under home; returns what was there."""
    targets = [home / "applications" / f"{APP_ID}.desktop"]
    targets += [
        home / "icons" / "hicolor" / size / "apps" / f"{APP_ID}{source.suffix}"
        for size, source in icon_files().items()
    ]
    removed = [target for target in targets if target.is_file()]
    for target in removed:
        target.unlink()
    return removed
