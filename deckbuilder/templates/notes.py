"""What an export on a template tells its user: the layouts the template lacks for the kinds used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from deckbuilder.outline.model import SLIDE_KINDS

if TYPE_CHECKING:
    from deckbuilder.outline.model import Deck
    from deckbuilder.themes.model import Theme


def deck_notes(deck: Deck, theme: Theme) -> list[str]:
    """The fallbacks a deck meets on its template, one 'note:' line per kind it uses; none off templates."""
    if not theme.from_template:
        return []
    from deckbuilder.layout.engine import outline_slides
    from deckbuilder.templates.mapping import plan_layouts
    from deckbuilder.templates.theme import TemplateTheme

    assert isinstance(theme, TemplateTheme)
    spec = theme.template
    choices = plan_layouts(spec, deck.layouts)
    kinds = {slide.kind for slide, _, _ in outline_slides(deck)}
    return [
        f"note: {spec.name}: {choices[kind].warning}"
        for kind in SLIDE_KINDS
        if kind in kinds and choices[kind].warning
    ]
