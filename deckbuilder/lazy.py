"""Package attributes imported on first use, so that starting a command loads only what it needs."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_attributes(
    package: str, namespace: dict[str, Any], homes: Mapping[str, str]
) -> Callable[[str], Any]:
    """A module `__getattr__` that imports each name from its home module the first time it is asked for."""

    def load_on_first_use(name: str) -> Any:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(homes[name]), name)
        namespace[name] = value  # asked once: later lookups find it directly
        return value

    return load_on_first_use
