"""The flagship on every corpus template, as LibreOffice draws it: what a reader of each deck would see.

The corpus (support/template_corpus.py) is made once per session: LibreOffice's 23 templates, pandoc's
reference.pptx, python-pptx's default, the crafted ones and three public PowerPoint-made ones. Each
check is one test per template; KNOWN_GAPS records today's failures as strict xfails, so a fix shows
as XPASS (take the entry out) and a regression as a failure. `python bench/template_corpus.py DIR`
prints the same figures with a contact sheet per template. The whole corpus costs about 2.5 minutes
on 2 cores (mostly LibreOffice); `-m "not template_corpus"` leaves it out.
"""

from __future__ import annotations

import shutil

import pytest
from support.office import needs_libreoffice
from support.template_corpus import (
    EXTRA_SLIDES,
    Measured,
    assemble,
    builtin_slides,
    corpus_names,
    measure_corpus,
    missing_maker,
)

pytestmark = [
    needs_libreoffice,
    pytest.mark.skipif(
        shutil.which("pdftoppm") is None, reason="needs poppler (pdftoppm); .ci/run installs it"
    ),
    pytest.mark.soffice,
    pytest.mark.template_corpus,
]

CHECKS = ("exports", "inside", "contrast", "calm", "whole", "slides")
REFUSED = "the flagship does not export on it, so nothing else can be measured"
KNOWN_GAPS: dict[str, dict[str, str]] = {
    # template -> {check: why it fails today}; "*" stands for every check. None today: a template
    # that fails a check goes here with the reason, and its fix takes it out.
}
NAMES = corpus_names()


def cases(check: str) -> list[object]:
    """Every corpus template for one check, a known gap marked as a strict xfail."""
    params = []
    for name in NAMES:
        gaps = KNOWN_GAPS.get(name, {})
        reason = gaps.get(check) or gaps.get("*")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, marks=marks, id=name))
    return params


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Measured]:
    """The flagship exported on every template that can be made here, rendered and measured once."""
    folder = tmp_path_factory.mktemp("template-corpus")
    templates = assemble(folder / "templates", NAMES)
    return measure_corpus(templates, folder / "measured")


@pytest.fixture(scope="module")
def builtin(tmp_path_factory: pytest.TempPathFactory) -> int:
    """How many slides the flagship has on its built-in theme."""
    return builtin_slides(tmp_path_factory.mktemp("builtin"))


def _measured(measured: dict[str, Measured], name: str) -> Measured:
    """One template's figures, the test skipped where its maker is missing, failed where it did not export."""
    reason = missing_maker(name)
    if reason:
        pytest.skip(reason)
    result = measured[name]
    if result.refusal:
        pytest.fail(f"the flagship does not export on {name}: {result.refusal}")
    return result


def _shown(problems: list[str]) -> str:
    return f"{len(problems)} words:\n" + "\n".join(problems[:25])


def test_the_known_gaps_name_corpus_templates_and_checks() -> None:
    assert set(KNOWN_GAPS) <= set(NAMES)
    assert {check for gaps in KNOWN_GAPS.values() for check in gaps} <= {*CHECKS, "*"}


@pytest.mark.parametrize("name", cases("exports"))
def test_the_flagship_exports(name: str, measured: dict[str, Measured]) -> None:
    assert _measured(measured, name).slides > 0


@pytest.mark.parametrize("name", cases("inside"))
def test_every_word_lies_inside_its_box(name: str, measured: dict[str, Measured]) -> None:
    outside = _measured(measured, name).outside
    assert not outside, _shown(outside)


@pytest.mark.parametrize("name", cases("contrast"))
def test_every_word_has_the_contrast_wcag_asks_of_its_size(name: str, measured: dict[str, Measured]) -> None:
    low = _measured(measured, name).low_contrast
    assert not low, _shown(low)


@pytest.mark.parametrize("name", cases("calm"))
def test_no_word_is_drawn_on_a_busy_background(name: str, measured: dict[str, Measured]) -> None:
    busy = _measured(measured, name).busy
    assert not busy, _shown(busy)


@pytest.mark.parametrize("name", cases("whole"))
def test_no_word_is_broken_across_lines(name: str, measured: dict[str, Measured]) -> None:
    broken = _measured(measured, name).broken
    assert not broken, _shown(broken)


@pytest.mark.parametrize("name", cases("slides"))
def test_a_template_costs_at_most_three_more_slides(
    name: str, measured: dict[str, Measured], builtin: int
) -> None:
    assert _measured(measured, name).slides <= builtin + EXTRA_SLIDES, (
        f"{builtin} slides on the built-in theme"
    )


def test_the_corpus_holds_libreoffice_templates_and_crafted_ones() -> None:
    names = set(NAMES)
    assert {"python-pptx-default", "pandoc-reference", "crafted-masters", "crafted-narrow"} <= names
    assert len([name for name in names if name.startswith("lo-")]) >= 20
