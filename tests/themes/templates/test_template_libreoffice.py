"""Template exports as LibreOffice draws them: every word inside the box (placeholder or shape) holding it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.office import convert_to_pdf, needs_libreoffice, pdf_words, words_outside_their_boxes
from template_fixtures import NAMES

pytestmark = needs_libreoffice


@pytest.fixture(scope="module")
def rendered(exported: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each template export converted to PDF by LibreOffice (one soffice run for all)."""
    folder = tmp_path_factory.mktemp("template-pdf")
    convert_to_pdf(exported.values(), folder)
    return {name: folder / f"{path.stem}.pdf" for name, path in exported.items()}


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_draws_every_word_inside_its_box(
    name: str, exported: dict[str, Path], rendered: dict[str, Path]
) -> None:
    outside = words_outside_their_boxes(exported[name], rendered[name])
    assert not outside, "words drawn outside their boxes:\n" + "\n".join(outside[:30])


@pytest.mark.parametrize("name", NAMES)
def test_every_outline_word_reaches_the_page(name: str, rendered: dict[str, Path]) -> None:
    drawn = {word.text for page in pdf_words(rendered[name]) for word in page}
    assert {"Sahel", "Bazoum", "AUKUS", "Afghanistan", "Indo-Pacific", "1,500", "1,000"} <= drawn


@pytest.mark.parametrize("name", NAMES)
def test_a_divider_s_part_number_sits_above_its_title(name: str, rendered: dict[str, Path]) -> None:
    pages = pdf_words(rendered[name])
    dividers = [page for page in pages if any(word.text.casefold() == "roots" for word in page)]
    assert dividers, "the first divider's title is drawn"
    page = dividers[0]
    part = next(word for word in page if word.text.casefold() == "part")
    roots = next(word for word in page if word.text.casefold() == "roots")
    assert part.bottom <= roots.top + 1, f"'Part 1' at {part.top:.0f} pt, its title at {roots.top:.0f} pt"
