"""deckbuilder/records.py: plain data read into dataclasses, every problem reported at once, located."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

import pytest

from deckbuilder.outline.model import BulletsSlide, Deck
from deckbuilder.records import Record, RecordError, Rule, Tagged, as_data, dotted


@dataclass(kw_only=True)
class Circle(Record):
    kind: Literal["circle"] = "circle"
    radius: Annotated[float, Rule(gt=0, le=100)]


@dataclass(kw_only=True)
class Square(Record):
    kind: Literal["square"] = "square"
    side: Annotated[float, Rule(ge=1)]


@dataclass(kw_only=True)
class Span(Record):
    low: float
    high: float

    def broken_rule(self) -> str | None:
        return "low must not be above high" if self.low > self.high else None


@dataclass(kw_only=True)
class Drawing(Record):
    name: Annotated[str, Rule(min_length=1, max_length=10)]
    color: Annotated[str, Rule(pattern=r"^[0-9A-F]{6}$", pattern_hint="should be six hex digits")] = "000000"
    visible: bool = True
    style: Literal["plain", "bold"] = "plain"
    shapes: Annotated[list[Annotated[Circle | Square, Tagged("shape")]], Rule(min_length=1, max_length=3)]
    note: str | None = None
    span: Span | None = None
    labels: dict[Literal["en", "fr"], str] = field(default_factory=dict)


GOOD = {"name": "Map", "shapes": [{"kind": "circle", "radius": "2.5"}]}


def issues_of(data: object) -> list[tuple[str, str, str]]:
    """Every issue reading data as a Drawing finds: (dotted path, code, message)."""
    with pytest.raises(RecordError) as caught:
        Drawing.from_data(data)
    return [(dotted(issue.path), issue.code, issue.message) for issue in caught.value.issues]


def test_plain_data_becomes_typed_records() -> None:
    drawing = Drawing.from_data(
        {
            **GOOD,
            "visible": "no",
            "style": "bold",
            "shapes": [{"kind": "circle", "radius": "2.5"}, {"kind": "square", "side": 3}],
            "span": {"low": "1", "high": "2"},
            "labels": {"fr": "Carte"},
        }
    )
    assert drawing == Drawing(
        name="Map",
        visible=False,
        style="bold",
        shapes=[Circle(radius=2.5), Square(side=3.0)],
        span=Span(low=1.0, high=2.0),
        labels={"fr": "Carte"},
    )
    assert drawing.color == "000000" and drawing.note is None  # defaults for keys left out


def test_writing_back_keeps_the_keys_given_and_drops_defaults() -> None:
    drawing = Drawing.from_data({**GOOD, "style": "plain"})
    assert as_data(drawing) == {
        "name": "Map",
        "style": "plain",
        "shapes": [{"kind": "circle", "radius": 2.5}],
    }


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({**GOOD, "name": 5}, ("name", "type", "should be text, found '5'")),
        ({**GOOD, "shapes": {"kind": "circle"}}, ("shapes", "type", "should be a list, found a mapping")),
        ({**GOOD, "visible": "maybe"}, ("visible", "type", "should be true or false, found 'maybe'")),
        ({**GOOD, "span": [1, 2]}, ("span", "type", "should be a mapping of keys, found a list")),
        (
            {**GOOD, "shapes": [{"kind": "square", "side": "wide"}]},
            ("shapes[0].side", "type", "should be a number, found 'wide'"),
        ),
        ("a drawing", ("", "type", "should be a mapping of keys, found 'a drawing'")),
    ],
    ids=["text", "list", "bool", "record", "number", "top"],
)
def test_a_value_of_the_wrong_type_is_named_at_its_path(data: object, expected: tuple[str, str, str]) -> None:
    assert issues_of(data) == [expected]


def test_a_missing_key_is_reported_at_its_path() -> None:
    assert issues_of({"shapes": [{"kind": "circle"}]}) == [
        ("name", "missing", "missing required key 'name'"),
        ("shapes[0].radius", "missing", "missing required key 'radius'"),
    ]


def test_an_unknown_key_suggests_the_one_meant() -> None:
    assert issues_of({**GOOD, "colour": "FF0000"}) == [
        ("colour", "unknown", "unknown key 'colour' (did you mean 'color'?)")
    ]
    assert issues_of({**GOOD, "zzz": 1}) == [("zzz", "unknown", "unknown key 'zzz'")]
    assert issues_of({**GOOD, "labels": {"de": "Karte"}}) == [
        ("labels.de", "unknown", "unknown key 'de'; keys are: en, fr")
    ]


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        ({"kind": "circle", "radius": 0}, "should be greater than 0, found 0"),
        ({"kind": "circle", "radius": "150"}, "should be at most 100, found 150"),
        ({"kind": "circle", "radius": "inf"}, "should be a finite number, found 'inf'"),
        ({"kind": "square", "side": 0.5}, "should be at least 1, found 0.5"),
    ],
)
def test_numbers_out_of_bounds_are_refused(shape: dict[str, object], message: str) -> None:
    (issue,) = issues_of({**GOOD, "shapes": [shape]})
    assert issue[1:] == ("value", message) and issue[0].startswith("shapes[0].")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({**GOOD, "name": ""}, ("name", "value", "must not be empty")),
        ({**GOOD, "name": "A long name"}, ("name", "value", "takes at most 10 characters, found 11")),
        ({**GOOD, "shapes": []}, ("shapes", "value", "needs at least 1 item, found 0")),
        ({**GOOD, "shapes": [GOOD["shapes"][0]] * 4}, ("shapes", "value", "takes at most 3 items, found 4")),  # type: ignore[index]
    ],
    ids=["empty", "long-text", "short-list", "long-list"],
)
def test_lengths_are_checked(data: dict[str, object], expected: tuple[str, str, str]) -> None:
    assert issues_of(data) == [expected]


def test_a_pattern_mismatch_gets_its_hint_and_a_choice_its_suggestion() -> None:
    assert issues_of({**GOOD, "color": "red"}) == [("color", "value", "should be six hex digits")]
    assert issues_of({**GOOD, "style": "bolt"}) == [
        ("style", "value", "should be one of plain, bold, found 'bolt' (did you mean 'bold'?)")
    ]


def test_the_kind_tag_is_required_and_checked() -> None:
    assert issues_of({**GOOD, "shapes": [{"radius": 1}]}) == [
        ("shapes[0]", "tag", "a shape needs a 'kind', one of: circle, square")
    ]
    assert issues_of({**GOOD, "shapes": [{"kind": "cirle", "radius": 1}]}) == [
        (
            "shapes[0].kind",
            "tag",
            "unknown shape kind 'cirle' (did you mean 'circle'?); kinds are: circle, square",
        )
    ]


def test_a_cross_field_rule_is_checked_once_the_fields_are_valid() -> None:
    assert issues_of({**GOOD, "span": {"low": 3, "high": 2}}) == [
        ("span", "rule", "low must not be above high")
    ]
    assert issues_of({**GOOD, "span": {"low": "x", "high": 2}}) == [
        ("span.low", "type", "should be a number, found 'x'")
    ]


def test_every_problem_is_reported_at_once() -> None:
    data = {
        "name": "",
        "color": "red",
        "colour": "x",
        "style": 3,
        "shapes": [{"kind": "circle", "radius": -1}, {"kind": "hexagon"}, {"side": 2}],
    }
    with pytest.raises(RecordError) as caught:
        Drawing.from_data(data)
    paths = [dotted(issue.path) for issue in caught.value.issues]
    assert sorted(paths) == sorted(
        ["colour", "name", "color", "style", "shapes[0].radius", "shapes[1].kind", "shapes[2]"]
    )
    assert all(path in str(caught.value) for path in ("name", "color", "shapes.0.radius", "shapes.1.kind"))


def test_the_outline_model_reads_through_the_same_reader() -> None:
    deck = Deck.from_data(
        {"title": "T", "sections": [{"title": "S", "slides": [{"kind": "bullets", "title": "B"}]}]}
    )
    assert deck.sections[0].slides == [BulletsSlide(title="B")]
    with pytest.raises(RecordError) as caught:
        Deck.from_data(
            {"title": "T", "sections": [{"title": "S", "slides": [{"kind": "bulets", "title": "B"}]}]}
        )
    (issue,) = caught.value.issues
    assert issue.path == ("sections", 0, "slides", 0, "kind")
    assert "(did you mean 'bullets'?)" in issue.message
