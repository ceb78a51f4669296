"""The links in an outline's text values, checked: only http, https and mailto targets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from deckbuilder.outline.inline import bad_links

KeyPath = tuple[str | int, ...]
NOT_TEXT = frozenset(
    {"kind", "theme", "image", "alt", "chart", "number_format", "layouts", "categories", "series", "divider"}
    | {"url"}  # an address, checked by the model's own rule
)
"""Keys whose values are names, paths, addresses or data, not text on a slide: never parsed for markup."""


def link_issues(data: Any) -> list[tuple[KeyPath, str]]:
    """Every refused link in outline data (as loaded from YAML), with the key path of its value."""
    return [
        (path, message)
        for path, text in _texts(data, ())
        for message in bad_links(text, linkify=path[:1] == ("sources",) or path[-1:] == ("source",))
    ]


def _texts(value: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """Every text value under value, with its key path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_TEXT:
                yield from _texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*path, index))
