"""What an export on a template tells its user: the layouts the template lacks for the kinds used."""

from __future__ import annotations

from pathlib import Path

from deckbuilder.errors import DeckError
from deckbuilder.outline.model import SLIDE_KINDS


def template_notes(template: str | Path) -> list[str]:
    """Every fallback of a template, one 'note:' line each (for a batch exported on it)."""
    from deckbuilder.templates import template_theme

    try:
        theme = template_theme(template)
    except DeckError:
        return []  # the export itself reports a bad template
    choices = theme.choices
    return [f"note: {theme.template.name}: {choices[k].warning}" for k in SLIDE_KINDS if choices[k].warning]


def deck_notes(deck_path: str | Path, theme: str | None = None) -> list[str]:
    """The fallbacks one deck meets on its template (its outline's, or the theme given), as 'note:' lines."""
    from deckbuilder.layout.engine import outline_slides
    from deckbuilder.outline.loader import load
    from deckbuilder.templates import is_template, template_theme
    from deckbuilder.templates.mapping import plan_layouts

    try:
        deck = load(deck_path)
        reference = theme or deck.theme
        if not is_template(reference):
            return []
        path = Path(reference.strip()).expanduser()
        spec = template_theme(path if path.is_absolute() else deck.base_dir / path).template
        choices = plan_layouts(spec, deck.layouts)
    except DeckError:
        return []  # the export itself reports these
    kinds = {slide.kind for slide, _, _ in outline_slides(deck)}
    return [
        f"note: {spec.name}: {choices[kind].warning}"
        for kind in SLIDE_KINDS
        if kind in kinds and choices[kind].warning
    ]
