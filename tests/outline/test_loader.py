"""Loading, validating and saving outlines through the Python API."""

from __future__ import annotations

from pathlib import Path

import pytest

import deckbuilder
from deckbuilder import DeckError
from deckbuilder.outline.model import BulletPoint, BulletsSlide, ChartSlide

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
BAD = ROOT / "tests" / "data" / "bad"


def test_flagship_loads_with_every_slide_kind_but_the_chart() -> None:
    # its only figures are on the stat slide; a chart of the same two numbers added nothing
    deck = deckbuilder.load(FLAGSHIP)
    kinds = {slide.kind for section in deck.sections for slide in section.slides}
    assert kinds == {
        "title",
        "section",
        "bullets",
        "takeaways",
        "comparison",
        "stat",
        "table",
        "timeline",
        "quote",
        "image",
        "sources",
    }
    assert deck.path == FLAGSHIP


def test_yaml_1_1_lookalikes_stay_the_text_the_user_wrote() -> None:
    deck = deckbuilder.load(ROOT / "tests" / "data" / "good" / "yaml11_text.yaml")
    assert (deck.title, deck.subtitle, deck.date, deck.author, deck.footer) == (
        "NO",
        "2023",
        "2026-11-27",
        "1:30",
        "yes",
    )
    slide = deck.sections[0].slides[0]
    assert isinstance(slide, BulletsSlide)
    assert slide.title == "0x1F"
    assert slide.points == ["null-ish", "~text", "1e3", ".inf"]


def test_numbers_are_numbers_where_the_schema_wants_them() -> None:
    deck = deckbuilder.loads(
        "title: T\nsections:\n  - title: S\n    slides:\n"
        "      - {kind: chart, title: C, categories: [a, b], series: [{name: n, values: [1500, 2.5]}]}\n"
    )
    chart = deck.sections[0].slides[0]
    assert isinstance(chart, ChartSlide)
    assert chart.series[0].values == [1500.0, 2.5]


def test_save_then_load_gives_an_equal_deck(tmp_path: Path) -> None:
    deck = deckbuilder.load(FLAGSHIP)
    target = tmp_path / "copy.yaml"
    deckbuilder.save(deck, target)
    again = deckbuilder.load(target)
    assert again == deck


def test_save_keeps_order_unicode_and_literal_notes(tmp_path: Path) -> None:
    deck = deckbuilder.loads(
        "title: Café «Ωmega» 東京\nsections:\n  - title: Zed\n    slides:\n"
        "      - kind: bullets\n        title: B\n        points: [zeta, alpha]\n"
        "        notes: |\n          line one\n          line two\n"
        "  - title: Alpha\n"
    )
    target = tmp_path / "unicode.yaml"
    deckbuilder.save(deck, target)
    text = target.read_text(encoding="utf-8")
    assert "Café «Ωmega» 東京" in text
    assert text.index("Zed") < text.index("Alpha")
    assert text.index("zeta") < text.index("alpha")
    assert "notes: |" in text
    assert text.index("kind: bullets") < text.index("title: B")
    assert deckbuilder.load(target) == deck


def test_save_after_editing_keeps_the_edit(tmp_path: Path) -> None:
    deck = deckbuilder.load(FLAGSHIP)
    slide = next(s for sec in deck.sections for s in sec.slides if isinstance(s, BulletsSlide))
    slide.points.append(BulletPoint(text="A new point", points=["with detail"]))
    target = tmp_path / "edited.yaml"
    deckbuilder.save(deck, target)
    reloaded = deckbuilder.load(target)
    assert reloaded == deck


def test_save_is_atomic_and_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("previous", encoding="utf-8")
    deck = deckbuilder.load(FLAGSHIP)

    def fail(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("deckbuilder.outline.loader.outline_data", fail)
    with pytest.raises(RuntimeError):
        deckbuilder.save(deck, target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]


def test_schema_problems_are_located_and_all_reported() -> None:
    with pytest.raises(DeckError) as caught:
        deckbuilder.load(BAD / "schema_errors.yaml")
    located = [(p.line, p.column) for p in caught.value.problems]
    assert located == [(5, 15), (7, 9), (8, 9), (9, 9), (18, 15)]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("title: T\nsections: []\n", (2, 11), "'sections' needs at least 1 item, found 0"),
        (
            "title: T\nsections:\n  - title: S\n    slides:\n"
            "      - kind: takeaways\n        points: [one]\n",
            (6, 17),
            "'points' needs at least 2 items, found 1",
        ),
        (
            "title: T\nsections:\n  - title: S\n    slides:\n      - kind: chart\n        title: C\n"
            "        chart: pi\n        categories: [a]\n        series: [{name: n, values: [1]}]\n",
            (7, 16),
            "'chart' should be one of bar, column, line, pie, found 'pi' (did you mean 'pie'?)",
        ),
        (
            "title: T\nsections:\n  - title: S\n    slides:\n      - kind: chart\n        title: C\n"
            "        categories: [a]\n        series: [{name: n, values: [lots]}]\n",
            (8, 37),
            "item 1 of 'values' should be a number, found 'lots'",
        ),
        (
            "title: T\nsections:\n  - title: S\n    slides:\n      - kind: table\n        title: C\n"
            "        header: [a, b]\n        rows: [[1, 2], [3]]\n",
            (5, 9),
            "row 2 has 1 cell but the header has 2",
        ),
        ("title: T\ntheme: \nsections:\n  - title: ''\n", (4, 12), "'title' must not be empty"),
        ("title: [a list]\nsections:\n  - title: S\n", (1, 8), "'title' should be text, found a list"),
        ("titel: T\nsections:\n  - title: S\n", (1, 1), "unknown key 'titel' (did you mean 'title'?)"),
        (
            "title: T\nsections:\n  - title: S\n    slides:\n      - title: no kind\n",
            (5, 9),
            "needs a 'kind'",
        ),
    ],
)
def test_each_schema_error_names_its_node(text: str, where: tuple[int, int], message: str) -> None:
    with pytest.raises(DeckError) as caught:
        deckbuilder.loads(text, "deck.yaml")
    found = [(p.line, p.column, p.message) for p in caught.value.problems]
    assert any((line, column) == where and message in text_ for line, column, text_ in found), found


def test_a_deck_changed_in_python_is_checked_before_it_is_saved_or_exported(tmp_path: Path) -> None:
    deck = deckbuilder.load(FLAGSHIP)
    takeaways = deck.sections[0].slides[1]
    assert takeaways.kind == "takeaways"
    takeaways.points.extend(["Four", "Five", "Six"])  # five at most
    deck.sections[0].slides.append(ChartSlide(title="", categories=["a"], series=[]))
    for attempt in (
        lambda: deckbuilder.save(deck, tmp_path / "x.yaml"),
        lambda: deckbuilder.export(deck, tmp_path / "x.pptx"),
    ):
        with pytest.raises(DeckError) as caught:
            attempt()
        messages = [problem.message for problem in caught.value.problems]
        assert "sections[0].slides[1].points: takes at most 5 items, found 6" in messages
        assert "sections[0].slides[2].title: must not be empty" in messages
        assert "sections[0].slides[2].series: needs at least 1 item, found 0" in messages
        assert all(problem.path == str(FLAGSHIP) for problem in caught.value.problems)
    assert list(tmp_path.iterdir()) == []
