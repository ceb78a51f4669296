"""Starting the app as a user does: no display, the desktop menu entry and icon, the window's icon."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deckbuilder.gui.app import configure_application
from deckbuilder.gui.desktop import desktop_entry, exec_argument, launcher_path
from deckbuilder.gui.launch import missing_display
from deckbuilder.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_FILE = ROOT / "assets" / "desktop" / "deckbuilder.desktop"


def run_app(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run `deckbuilder-gui ARGS` (its entry point, from this checkout) with exactly env."""
    return subprocess.run(
        [sys.executable, "-c", "from deckbuilder.gui.launch import entrypoint; entrypoint()", *args],
        capture_output=True,
        text=True,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": env.get("HOME", "/nonexistent"), **env},
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are looked for on Linux")
def test_without_a_display_the_app_says_so_in_one_line_and_exits_2() -> None:
    result = run_app(str(ROOT / "decks" / "france-us-conundrum.yaml"), env={})
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("deckbuilder-gui: no display to open a window on")
    assert "DISPLAY" in lines[0]
    assert "Reinstalling" not in result.stderr


def test_displays_are_looked_for_where_qt_would_look() -> None:
    assert missing_display({}, "linux") is not None
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux") is not None
    assert missing_display({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, "linux") is None
    assert missing_display({}, "win32") is None
    assert missing_display({}, "darwin") is None


def test_the_shipped_desktop_entry_is_valid_and_names_the_app_and_its_icon() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "deckbuilder-gui %f"
    assert section["Icon"] == "deckbuilder"
    assert "Office" in section["Categories"].split(";")
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("needs desktop-file-validate (Debian: desktop-file-utils), which .ci/run installs")
    result = subprocess.run([validator, str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_install_desktop_puts_the_entry_and_icons_in_the_users_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run_app("--install-desktop", env={"XDG_DATA_HOME": str(data)})
    assert result.returncode == 0, result.stderr
    entry = data / "applications" / "deckbuilder.desktop"
    expected = [entry, data / "icons" / "hicolor" / "scalable" / "apps" / "deckbuilder.svg"]
    expected += [data / "icons" / "hicolor" / f"{n}x{n}" / "apps" / "deckbuilder.png" for n in (16, 48, 256)]
    for path in expected:
        assert path.is_file(), path
        assert f"wrote {path}" in result.stdout
    lines = entry.read_text(encoding="utf-8").splitlines()
    exec_line = next(line for line in lines if line.startswith("Exec="))
    launcher = exec_line.removeprefix("Exec=").removesuffix(" %f")
    assert launcher.strip('"').endswith("deckbuilder-gui")
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        subprocess.run([validator, str(entry)], check=True)

    removed = run_app("--uninstall-desktop", env={"XDG_DATA_HOME": str(data)})
    assert removed.returncode == 0, removed.stderr
    assert not any(path.exists() for path in expected)


def test_install_desktop_defaults_to_the_home_folders_local_share(tmp_path: Path) -> None:
    result = run_app("--install-desktop", env={"HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".local" / "share" / "applications" / "deckbuilder.desktop").is_file()


def test_the_entry_points_at_the_launcher_that_was_run(tmp_path: Path) -> None:
    script = tmp_path / "venv bin" / "deckbuilder-gui"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n", encoding="utf-8")
    assert launcher_path(str(script)) == str(script)
    assert f'Exec="{script}" %f' in desktop_entry(launcher_path(str(script))).splitlines()


def test_exec_paths_are_quoted_as_the_desktop_entry_spec_asks() -> None:
    assert exec_argument("/usr/bin/deckbuilder-gui") == "/usr/bin/deckbuilder-gui"
    assert exec_argument("/home/ana/My Apps/deckbuilder-gui") == '"/home/ana/My Apps/deckbuilder-gui"'
    assert exec_argument("/opt/100%/deckbuilder-gui") == "/opt/100%%/deckbuilder-gui"
    assert exec_argument('/a"b/$x') == '"/a\\\\"b/\\\\$x"'


def test_windows_carry_the_app_icon(qtbot: QtBot, qapp: QApplication, window: MainWindow) -> None:
    names = qapp.organizationName(), qapp.applicationName(), qapp.desktopFileName()
    try:
        configure_application(qapp)
        sizes = {size.width() for size in qapp.windowIcon().availableSizes()}
        assert {16, 32, 48, 256} <= sizes
        assert not window.windowIcon().isNull()
        assert qapp.desktopFileName() == "deckbuilder"
    finally:  # later tests' QSettings must not find the real app's names
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
        qapp.setDesktopFileName(names[2])
