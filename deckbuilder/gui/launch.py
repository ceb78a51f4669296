"""`deckbuilder-gui`: reads its arguments and checks for a display before Qt is loaded."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from deckbuilder.gui.desktop import data_home, install_desktop, launcher_path, uninstall_desktop
from deckbuilder.version import PrintVersion

EXIT_USAGE = 2

_WINDOWING = ("xcb", "wayland")
"""Qt platforms that need a display server; the others (offscreen, eglfs, vnc, linuxfb …) do not."""


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The command line of `deckbuilder-gui`."""
    parser = argparse.ArgumentParser(
        prog="deckbuilder-gui",
        description="Edit a deck outline with a live preview.",
        epilog="--install-desktop writes to $XDG_DATA_HOME (default ~/.local/share): "
        "applications/deckbuilder.desktop and icons/hicolor/*/apps/deckbuilder.{png,svg}.",
    )
    parser.add_argument("deck", nargs="?", help="the outline (.yaml) to open")
    parser.add_argument("--version", action=PrintVersion)
    place = parser.add_mutually_exclusive_group()
    place.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Deckbuilder to your desktop's application menu, with its icon, and exit",
    )
    place.add_argument(
        "--uninstall-desktop", action="store_true", help="remove what --install-desktop added, and exit"
    )
    return parser.parse_args(list(argv))


def missing_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why Qt could not open a window here, or None when it can (or when this platform always can).

    Qt aborts the whole process when it finds no display ("Reinstalling the application may fix this
    problem"), so the app looks before it creates its QApplication."""
    if platform in ("win32", "darwin", "cygwin"):
        return None
    wanted = environ.get("QT_QPA_PLATFORM", "")
    names = [part.split(":")[0].strip() for part in wanted.split(";") if part.strip()] or list(_WINDOWING)
    for name in names:
        if not name.startswith(_WINDOWING):
            return None
        if name == "xcb" and environ.get("DISPLAY"):
            return None
        if name.startswith("wayland") and environ.get("WAYLAND_DISPLAY"):
            return None
    asked = f"QT_QPA_PLATFORM={wanted} and " if wanted else ""
    return (
        f"no display to open a window on ({asked}neither DISPLAY nor WAYLAND_DISPLAY is set); "
        "run it in a desktop session, or use the `deckbuilder` command line"
    )


def _place_on_desktop(args: argparse.Namespace) -> int:
    """--install-desktop or --uninstall-desktop: say each file touched."""
    home = data_home()
    try:
        if args.install_desktop:
            touched = install_desktop(home, launcher_path())
            verb = "wrote"
        else:
            touched = uninstall_desktop(home)
            verb = "removed"
    except OSError as error:
        print(f"deckbuilder-gui: cannot write in {home}: {error.strerror or error}", file=sys.stderr)
        return 1
    for path in touched:
        print(f"{verb} {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run `deckbuilder-gui`; returns its exit status (2 for bad usage or no display)."""
    try:
        args = parse_arguments(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    if args.install_desktop or args.uninstall_desktop:
        return _place_on_desktop(args)
    problem = missing_display()
    if problem is not None:
        print(f"deckbuilder-gui: {problem}", file=sys.stderr)
        return EXIT_USAGE
    # Imported only now: Qt's libraries load once a window can be opened.
    from deckbuilder.gui.app import run

    return run(Path(args.deck) if args.deck else None)


def entrypoint() -> None:
    """The `deckbuilder-gui` script."""
    sys.exit(main())
