"""How many paragraphs end on a one-word line (a widow), per deck and theme, as layout wrapped them.

Run by hand: `python bench/count_widows.py [DECK.yaml ...]` (default: decks/*.yaml and
tests/data/good/*.yaml) on every built-in theme. It counts text boxes' paragraphs and table cells
whose last line is a single word under a line above, and prints each one found.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import deckbuilder
from deckbuilder.layout.boxes import DeckLayout, Paragraph, TableBox, TextBox
from deckbuilder.pipeline import layout
from deckbuilder.themes.registry import builtin_theme_names

ROOT = Path(__file__).resolve().parent.parent


def is_widow(lines: tuple[str, ...]) -> bool:
    """Whether a paragraph's last line is one word under a line above (kept here so main can be counted)."""
    return len(lines) > 1 and len(lines[-1].split()) == 1


def paragraphs(laid_out: DeckLayout) -> list[tuple[int, str, Paragraph]]:
    """Every paragraph of the deck with its slide number and its box's role."""
    found: list[tuple[int, str, Paragraph]] = []
    for number, page in enumerate(laid_out.slides, start=1):
        for box in page.boxes:
            if isinstance(box, TextBox):
                found.extend((number, box.role, p) for p in box.paragraphs)
            elif isinstance(box, TableBox):
                found.extend((number, "table", p) for row in box.cells for p in row)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("decks", nargs="*", type=Path)
    decks = parser.parse_args().decks or sorted(
        [*ROOT.glob("decks/*.yaml"), *ROOT.glob("tests/data/good/*.yaml")]
    )
    total = 0
    for path in decks:
        deck = deckbuilder.load(path)
        for theme in builtin_theme_names():
            laid_out = layout(deck, theme=theme)
            widows = [(n, role, p) for n, role, p in paragraphs(laid_out) if is_widow(p.lines)]
            total += len(widows)
            print(f"{path.name} on {theme}: {len(laid_out.slides)} slides, {len(widows)} one-word last lines")
            for number, role, paragraph in widows:
                print(f"  slide {number} {role}: {' | '.join(paragraph.lines)}")
    print(f"total: {total}")


if __name__ == "__main__":
    main()
