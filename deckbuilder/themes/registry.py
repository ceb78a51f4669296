"""Finding and loading themes: built-in names or theme YAML files, validated into Theme objects."""

from __future__ import annotations

import contextlib
import functools
from pathlib import Path

from deckbuilder.errors import DeckError, Problem
from deckbuilder.inputs import reading_installed, shipped_files
from deckbuilder.outline.yaml_source import SourceTree, mark_for, parse_outline, read_outline_text
from deckbuilder.paths import THEMES_DIR, input_folders, is_inside
from deckbuilder.records import Issue, RecordError, did_you_mean, dotted
from deckbuilder.themes.model import Theme

_THEME_SUFFIXES = (".yaml", ".yml")
_THEME_KEYS = frozenset({"name", "colors", "sizes", "margins"})
"""A theme file's required keys: a file with fewer than two of them is not taken for a theme."""


def builtin_theme_names() -> list[str]:
    """The names of the built-in themes, sorted."""
    return sorted(path.stem for path in THEMES_DIR.glob("*.yaml"))


def load_theme(
    name_or_path: str, base_dir: Path | None = None, *, allow_outside_paths: bool = False
) -> Theme:
    """A built-in theme by name, a theme file or a .pptx template (relative paths from base_dir).

    A theme named by an outline (base_dir given) must be a file where the outline's images may come
    from, as images must, unless allow_outside_paths; a problem with the name (an unknown theme, a
    file outside those folders) is reported at the path "theme".
    """
    from deckbuilder.themes.templates import is_template

    path = theme_file(name_or_path, base_dir)
    if path is not None and base_dir is not None and not allow_outside_paths:
        _confine(name_or_path, path, base_dir)
    if path is not None and is_template(name_or_path):
        from deckbuilder.themes.templates.loading import template_theme  # only template decks load the reader

        return template_theme(path)
    if path is not None:
        return _load_file(path)
    names = builtin_theme_names()
    if name_or_path not in names:
        raise DeckError.single("theme", _unknown_theme_message(name_or_path, names))
    return _load_builtin(name_or_path)


def theme_file(name_or_path: str, base_dir: Path | None = None) -> Path | None:
    """The file a theme reference reads (a theme YAML or a .pptx template); None for a built-in name."""
    from deckbuilder.themes.templates import is_template

    if is_template(name_or_path):
        return _resolve(name_or_path.strip(), base_dir)
    if _looks_like_path(name_or_path):
        return _resolve(name_or_path, base_dir)
    return None


def _confine(name_or_path: str, path: Path, base_dir: Path) -> None:
    """Refuse a theme file outside the folders an outline's files may come from."""
    files = shipped_files()  # shipped: the client, which can see its folders, has told
    if not (files.get(path).inside if files is not None else is_inside(path, input_folders(base_dir))):
        message = (
            f"theme '{name_or_path.strip()}' is outside the deck's folder, the assets folder beside it "
            "and the bundled assets; pass --allow-outside-paths to use it"
        )
        raise DeckError.single("theme", message)


def _resolve(path_text: str, base_dir: Path | None) -> Path:
    """A theme path as given, relative ones taken from base_dir (else the working folder)."""
    path = Path(path_text)
    with contextlib.suppress(RuntimeError):  # no home folder to expand '~' to: keep the name as written
        path = path.expanduser()
    return path if path.is_absolute() else (base_dir if base_dir is not None else Path.cwd()) / path


def _looks_like_path(name_or_path: str) -> bool:
    """Whether a theme reference is a file path rather than a built-in name."""
    return name_or_path.lower().endswith(_THEME_SUFFIXES) or "/" in name_or_path or "\\" in name_or_path


def _unknown_theme_message(name: str, names: list[str]) -> str:
    """The message for a theme name that is neither built in nor a file path."""
    return f"unknown theme {name!r}{did_you_mean(name, names)}; built-in themes: {', '.join(names)}"


@functools.lru_cache(maxsize=32)
def _load_builtin(name: str) -> Theme:
    """A built-in theme, read once."""
    with reading_installed():  # installed with the package, even where a deck's own files are shipped
        return _load_file(THEMES_DIR / f"{name}.yaml")


def _load_file(path: Path) -> Theme:
    """Read, parse and validate one theme file; every problem becomes a located DeckError."""
    shown = str(path)
    files = shipped_files()
    if not (files.get(path).exists if files is not None else path.exists()):
        raise DeckError.single(shown, "theme file not found")
    # The outline's hardened reader: a size limit, UTF-8, no tags, aliases measured before expansion.
    tree = parse_outline(read_outline_text(path, what="a theme file", plural="theme files"), shown)
    if not isinstance(tree.data, dict):
        raise DeckError.single(shown, "a theme file must be a mapping of keys (name, colors, sizes, …)", 1, 1)
    if len(_THEME_KEYS.intersection(tree.data)) < 2:  # its content is not quoted: it may be anything
        raise DeckError.single(
            shown, "is not a theme file (a theme has name, colors, sizes and margins)", 1, 1
        )
    try:
        return Theme.from_data(tree.data)
    except RecordError as error:
        raise DeckError(_problems(shown, error.issues, tree)) from None


def _problems(shown: str, issues: list[Issue], tree: SourceTree) -> list[Problem]:
    """One readable, located problem per issue."""
    problems = []
    for issue in issues:
        mark = mark_for(tree, issue.path, prefer_key=issue.code == "unknown")
        message = f"{dotted(issue.path) or 'theme'}: {_message(issue)}"
        problems.append(Problem(shown, message, mark.line, mark.column))
    problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
    return problems


def _message(issue: Issue) -> str:
    """A readable message for one issue, with a hint for the common colour mistakes."""
    if issue.code == "missing":
        return "missing key"
    if issue.code == "unknown":
        return "unknown key"
    if len(issue.path) >= 2 and issue.path[0] == "colors" and issue.code in ("type", "value"):
        if isinstance(issue.value, str):
            return (
                f"{issue.value!r} is not a colour; write six hex digits RRGGBB without '#', e.g. \"1F4E79\""
            )
        if issue.code == "type":
            return f'{issue.value!r} is not a colour; write it as six hex digits in quotes, e.g. "000000"'
    return issue.message
