"""Property tests: any outline the schema accepts exports, and nothing anyone types crashes the loader.

- Random decks of every slide kind, with text in many scripts (CJK, emoji, right-to-left, combining
  marks, words longer than a line), export without an exception, reopen with python-pptx with a slide
  per laid-out slide, and keep layout's promise that every text box holds its paragraphs.
- Arbitrary bytes, arbitrary text, arbitrary YAML documents and mutated copies of the flagship give a
  Deck or a DeckError (never another exception), quickly.
"""

from __future__ import annotations

import contextlib
import string
from typing import Any

import pytest
import yaml
from hostile_support import FLAGSHIP, SAHEL
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pptx import Presentation

import deckbuilder
from deckbuilder import Deck, DeckError
from deckbuilder.layout.boxes import TextBox
from deckbuilder.layout.text import height_emu
from deckbuilder.outline.model import (
    SLIDE_CLASSES,
    SLIDE_KINDS,
    BulletPoint,
    Column,
    Event,
    Section,
    Series,
    Source,
    Stat,
)
from deckbuilder.pipeline import layout
from deckbuilder.records import Record, fields_of

SLOW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    derandomize=True,
)
FAST = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
# --------------------------------------------------------------------------------------------------
# Text a deck may hold

WORDS = [
    "France",
    "NATO",
    "autonomy",
    "北大西洋公约组织",  # CJK, no spaces to break at
    "戦略的自律",
    "الاستقلال الاستراتيجي",  # Arabic, right to left
    "עצמאות אסטרטגית",  # Hebrew
    "🇫🇷🇺🇸",  # flags: pairs of regional indicators
    "👩‍👩‍👧‍👦",  # a family: joined with zero-width joiners
    "🤝🏽",
    "e\u0301e\u0301",  # combining accents
    "Supercalifragilistic" * 6,  # longer than any line
    "x" * 300,
    "1,500",
    "€1.2bn",
    "‘quoted’ — dashed…",
    "\u200b",  # zero-width space
    "\u202ertl-override",
    "\t",
    " ",
    "a\nb",
    "line\n\nbreaks\n",
    "null",
    "~",
    "yes",
    "2026-11-27",
    "*not-an-alias",
    "&anchor",
    "!tag",
    "# not a comment",
    "key: value",
    "- dash",
    "{flow}",
    "'",
    '"',
]
# Every character a slide can hold: no control characters (tab and newline are in WORDS), surrogates,
# private-use or unassigned code points.
CHARACTERS = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn"))
text = st.one_of(
    st.sampled_from(WORDS),
    st.text(CHARACTERS, min_size=1, max_size=60),
    st.lists(
        st.one_of(st.sampled_from(WORDS), st.text(CHARACTERS, min_size=1, max_size=12)),
        min_size=1,
        max_size=30,
    ).map(" ".join),
)
short = st.one_of(st.sampled_from(WORDS[:14]), st.text(CHARACTERS, min_size=1, max_size=20))
maybe = st.none() | text
web_address = st.tuples(st.sampled_from(["https://", "http://", "mailto:"]), short).map("".join)
"""A source's url: the model takes http, https and mailto addresses only."""


def optional(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict of the given fields, each present or not, without None values."""
    return st.fixed_dictionaries({}, optional=fields)


def slide(kind: str, **fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A slide of a kind: its content, with optional notes and source."""
    required = {name: value for name, value in fields.items() if not name.startswith("opt_")}
    extra = {name[4:]: value for name, value in fields.items() if name.startswith("opt_")}
    return st.fixed_dictionaries(
        {"kind": st.just(kind), **required}, optional={"notes": text, "source": text, **extra}
    )


point = st.one_of(
    text, st.fixed_dictionaries({"text": text}, optional={"points": st.lists(text, max_size=4)})
)
column = st.fixed_dictionaries({"heading": short}, optional={"points": st.lists(point, max_size=8)})
number = st.one_of(
    st.integers(-(10**9), 10**9), st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False)
)


@st.composite
def chart_slide(draw: st.DrawFn) -> dict[str, Any]:
    chart = draw(st.sampled_from(["bar", "column", "line", "pie"]))
    categories = draw(st.lists(short, min_size=1, max_size=6))
    series_count = 1 if chart == "pie" else draw(st.integers(1, 3))
    series = [
        {
            "name": draw(short),
            "values": draw(st.lists(number, min_size=len(categories), max_size=len(categories))),
        }
        for _ in range(series_count)
    ]
    data = {"kind": "chart", "chart": chart, "title": draw(text), "categories": categories, "series": series}
    if draw(st.booleans()):
        data["number_format"] = draw(st.sampled_from(["General", "0", "#,##0", "0.0%", '"€"#,##0.00']))
    return data


@st.composite
def table_slide(draw: st.DrawFn) -> dict[str, Any]:
    width = draw(st.integers(1, 6))
    cell = st.one_of(st.just(""), short, text)
    header = draw(st.lists(cell, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=8))
    return {"kind": "table", "title": draw(text), "header": header, "rows": rows}


SLIDES = st.one_of(
    slide("title", opt_title=text, opt_subtitle=text, opt_author=short, opt_date=short),
    slide("section", title=text, opt_subtitle=text),
    slide("bullets", title=text, points=st.lists(point, max_size=14)),
    slide("takeaways", points=st.lists(text, min_size=2, max_size=5), opt_title=text),
    slide("comparison", title=text, left=column, right=column),
    slide(
        "stat",
        title=text,
        stats=st.lists(st.fixed_dictionaries({"value": short, "label": text}), min_size=1, max_size=3),
    ),
    chart_slide(),
    table_slide(),
    slide(
        "timeline",
        title=text,
        events=st.lists(st.fixed_dictionaries({"date": short, "text": text}), min_size=1, max_size=8),
    ),
    slide("quote", text=text, opt_attribution=text, opt_title=text),
    slide("image", title=text, image=st.just(str(SAHEL)), alt=text, opt_caption=text),
    slide("sources", opt_title=text),
)
DECKS = st.fixed_dictionaries(
    {
        "title": text,
        "sections": st.lists(
            st.fixed_dictionaries(
                {"title": text, "slides": st.lists(SLIDES, max_size=5)}, optional={"divider": st.booleans()}
            ),
            min_size=1,
            max_size=3,
        ),
    },
    optional={
        "subtitle": text,
        "author": short,
        "date": short,
        "footer": text,
        "theme": st.sampled_from(["briefing", "midnight"]),
        "sources": st.lists(
            st.fixed_dictionaries({"title": text}, optional={"url": web_address, "publisher": short}),
            max_size=3,
        ),
    },
)


@SLOW
@given(data=DECKS)
def test_any_valid_outline_exports_and_every_text_box_holds_its_text(
    data: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    yaml_text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    deck = deckbuilder.loads(yaml_text, "deck.yaml")
    assert deck == Deck.from_data(data), "the YAML round trip changed the outline"
    target = tmp_path_factory.mktemp("prop") / "x.pptx"
    try:
        deckbuilder.export(deck, target)
    except DeckError as error:  # text too long for a box that cannot continue is refused, located
        assert all("too long to fit on a slide" in p.message and p.line for p in error.problems), str(error)
        return
    laid = layout(deck)
    assert len(Presentation(str(target)).slides) == len(laid.slides)
    for number, page in enumerate(laid.slides, start=1):
        for box in page.boxes:
            if isinstance(box, TextBox):
                assert height_emu(box.paragraphs) <= box.h + 1, f"slide {number}: {box.role} overflows"


# --------------------------------------------------------------------------------------------------
# Whatever is typed: a Deck or a DeckError


def loads_or_deck_error(text_in: str) -> Deck | None:
    """loads(text): the Deck, or None for a DeckError; any other exception fails (how long loads of
    such inputs take is printed by bench/bench_text.py, not bounded here)."""
    try:
        return deckbuilder.loads(text_in)
    except DeckError as error:
        assert error.problems, "a DeckError names at least one problem"
        for problem in error.problems:
            assert problem.path == "<outline>" and problem.message
        return None


@FAST
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_in_a_file_give_a_deck_or_a_deck_error(
    raw: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("bytes") / "deck.yaml"
    path.write_bytes(raw)
    try:
        deckbuilder.load(path)
    except DeckError as error:
        assert all(problem.path == str(path) for problem in error.problems)


YAML_CHARACTERS = st.sampled_from(
    list(":-?[]{},&*!|>'\"#%@` \n\t\r")
    + list(string.ascii_letters[:6])
    + ["\ufeff", "\x85", "\u2028", "é", "🙂"]
)


@FAST
@given(text_in=st.one_of(st.text(max_size=400), st.text(YAML_CHARACTERS, max_size=400)))
def test_arbitrary_text_gives_a_deck_or_a_deck_error(text_in: str) -> None:
    loads_or_deck_error(text_in)


MODELS: tuple[type[Record], ...] = (
    Deck,
    Section,
    BulletPoint,
    Column,
    Stat,
    Series,
    Event,
    Source,
    *SLIDE_CLASSES.values(),
)
DECK_KEYS = sorted({field.name for model in MODELS for field, _ in fields_of(model)})
KINDS = list(SLIDE_KINDS)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(KINDS),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(DECK_KEYS), st.text(max_size=8)), children, max_size=5),
    ),
    max_leaves=40,
)


@FAST
@given(document=documents)
def test_arbitrary_yaml_documents_give_a_deck_or_a_deck_error(document: Any) -> None:
    loads_or_deck_error(yaml.safe_dump(document, allow_unicode=True))


any_slide = st.dictionaries(st.sampled_from(DECK_KEYS), documents, max_size=5).map(
    lambda slide: {"kind": "bullets", **slide}
)
deck_shaped = st.fixed_dictionaries(
    {
        "title": st.text(max_size=10),
        "sections": st.lists(
            st.fixed_dictionaries({"title": st.text(max_size=5), "slides": st.lists(any_slide, max_size=3)}),
            max_size=2,
        ),
    }
)


@FAST
@given(document=deck_shaped)
def test_deck_shaped_documents_give_a_deck_or_a_deck_error(document: Any) -> None:
    loads_or_deck_error(yaml.safe_dump(document, allow_unicode=True))


FLAGSHIP_TEXT = FLAGSHIP.read_text(encoding="utf-8")
MUTATION_CHARACTERS = st.text(YAML_CHARACTERS, min_size=1, max_size=6)


@st.composite
def mutated_flagship(draw: st.DrawFn) -> str:
    """The flagship outline with a few random edits: characters cut, inserted or lines repeated."""
    text_out = FLAGSHIP_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text_out)))
        action = draw(st.sampled_from(["cut", "insert", "repeat-line"]))
        if action == "cut":
            text_out = text_out[:at] + text_out[at + draw(st.integers(1, 40)) :]
        elif action == "insert":
            text_out = text_out[:at] + draw(MUTATION_CHARACTERS) + text_out[at:]
        else:
            start = text_out.rfind("\n", 0, at) + 1
            end = text_out.find("\n", at)
            end = len(text_out) if end < 0 else end + 1
            text_out = text_out[:end] + text_out[start:end] + text_out[end:]
    return text_out


@settings(SLOW, max_examples=60)
@given(text_in=mutated_flagship())
def test_mutated_flagship_gives_a_deck_error_or_exports(
    text_in: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    deck = loads_or_deck_error(text_in)
    assume(deck is not None)
    assert deck is not None
    deck = deck.with_path(FLAGSHIP)  # images resolve against decks/, as for the real file
    with contextlib.suppress(DeckError):  # a mutant may name a missing image, say: refused, located
        deckbuilder.export(deck, tmp_path_factory.mktemp("mutant") / "x.pptx")
