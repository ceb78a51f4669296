"""Corporate .pptx templates: read safely, slide kinds mapped to layouts, a theme derived, a checker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckbuilder.lazy import lazy_attributes
from deckbuilder.themes.templates.guard import TEMPLATE_SUFFIXES

if TYPE_CHECKING:
    from deckbuilder.themes.templates.loading import (
        art_left_out,
        load_template,
        template_layout,
        template_picture,
        template_theme,
    )
    from deckbuilder.themes.templates.model import TemplateSpec
    from deckbuilder.themes.templates.theme import TemplateTheme

__all__ = [
    "TEMPLATE_SUFFIXES",
    "TemplateSpec",
    "TemplateTheme",
    "art_left_out",
    "is_template",
    "load_template",
    "template_layout",
    "template_picture",
    "template_theme",
]

_LAZY = {
    "art_left_out": "deckbuilder.themes.templates.loading",
    "TemplateSpec": "deckbuilder.themes.templates.model",
    "TemplateTheme": "deckbuilder.themes.templates.theme",
    "load_template": "deckbuilder.themes.templates.loading",
    "template_layout": "deckbuilder.themes.templates.loading",
    "template_picture": "deckbuilder.themes.templates.loading",
    "template_theme": "deckbuilder.themes.templates.loading",
}


__getattr__ = lazy_attributes(__name__, globals(), _LAZY)  # the reader loads only for template decks


def is_template(name_or_path: str) -> bool:
    """Whether a theme reference names a .pptx (or .potx) template."""
    return name_or_path.strip().lower().endswith(TEMPLATE_SUFFIXES)
