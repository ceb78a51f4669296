"""Saving from the API keeps the file: the same bytes without a change, only the changed lines otherwise."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from support.outline_diff import COMMENTED, OUTLINES, changed_lines, comments

import deckbuilder
from deckbuilder.outline.loader import SCHEMA_URL
from deckbuilder.outline.model import BulletsSlide, Deck, Section, SectionSlide
from deckbuilder.outline.roundtrip import rewrite


def _saved(tmp_path: Path, change: Callable[[Deck], object], source: Path = COMMENTED) -> tuple[str, str]:
    """The outline's text before and after load → change → save in place."""
    target = tmp_path / source.name
    shutil.copy(source, target)
    before = target.read_text(encoding="utf-8")
    deck = deckbuilder.load(target)
    change(deck)
    deckbuilder.save(deck, target)
    return before, target.read_text(encoding="utf-8")


@pytest.mark.parametrize("outline", OUTLINES, ids=lambda path: path.name)
def test_load_then_save_gives_the_same_bytes(outline: Path, tmp_path: Path) -> None:
    target = tmp_path / outline.name
    shutil.copy(outline, target)
    deckbuilder.save(deckbuilder.load(target), target)
    assert target.read_bytes() == outline.read_bytes()
    elsewhere = tmp_path / "copy.yaml"
    deckbuilder.save(deckbuilder.load(target), elsewhere)
    assert elsewhere.read_bytes() == outline.read_bytes()


def test_a_changed_title_changes_one_line(tmp_path: Path) -> None:
    def rename(deck: Deck) -> None:
        deck.sections[0].slides[1].title = "Renamed"

    before, after = _saved(tmp_path, rename)
    assert changed_lines(before, after) == ['-        title: "First points"', '+        title: "Renamed"']


def test_a_deleted_slide_takes_its_comment_and_nothing_else(tmp_path: Path) -> None:
    before, after = _saved(tmp_path, lambda deck: deck.sections[0].slides.pop(1))
    assert changed_lines(before, after) == [
        "-      # The first real slide",
        "-      - kind: bullets",
        '-        title: "First points"',
        '-        points: ["alpha", "beta"]   # a flow list',
        "-        notes: |",
        "-          Literal notes.",
        "-          Second line.",
        "-",
    ]


def test_a_new_slide_is_written_like_its_neighbours(tmp_path: Path) -> None:
    def add(deck: Deck) -> None:
        deck.sections[1].slides.append(BulletsSlide(title="New slide", points=["First point", "Second"]))

    before, after = _saved(tmp_path, add)
    assert changed_lines(before, after) == [
        "+",
        "+      - kind: bullets",
        '+        title: "New slide"',
        '+        points: ["First point", "Second"]',
    ]


def test_a_slide_moved_to_another_section_keeps_its_comment(tmp_path: Path) -> None:
    def move(deck: Deck) -> None:
        deck.sections[0].slides.append(deck.sections[1].slides.pop(0))

    before, after = _saved(tmp_path, move)
    # the diff reads as the next section's first lines moving down past the slide: the same change
    assert changed_lines(before, after) == [
        "-  # --- Part two ---",
        '-  - title: "Middle"',
        "-    slides:",
        "+  # --- Part two ---",
        '+  - title: "Middle"',
        "+    slides:",
    ]
    opening = after.split("# --- Part two ---")[0]
    assert "      # A comparison, written compactly\n      - kind: comparison\n" in opening


def test_a_section_moved_up_carries_its_comment_and_blank_line(tmp_path: Path) -> None:
    before, after = _saved(tmp_path, lambda deck: deck.sections.insert(0, deck.sections.pop(1)))
    part_two = before[before.index("  # --- Part two ---") :]
    part_one = before[before.index("  # --- Part one ---") : before.index("\n  # --- Part two ---")]
    assert after == before[: before.index("  # --- Part one ---")] + part_two + "\n" + part_one
    assert sorted(comments(after)) == sorted(comments(before))


def test_a_deleted_section_goes_with_its_comments_and_blank_line(tmp_path: Path) -> None:
    before, after = _saved(tmp_path, lambda deck: deck.sections.pop(1))
    removed = [line for line in changed_lines(before, after)]
    assert all(line.startswith("-") for line in removed)
    assert "-  # --- Part two ---" in removed
    assert after == before.split("\n\n  # --- Part two ---")[0] + "\n"


def test_a_new_section_follows_the_blank_line_between_sections(tmp_path: Path) -> None:
    def add(deck: Deck) -> None:
        deck.sections.append(Section(title="New section", slides=[BulletsSlide(title="New", points=["x"])]))

    before, after = _saved(tmp_path, add)
    assert changed_lines(before, after) == [
        "+",
        '+  - title: "New section"',
        "+    slides:",
        "+      - kind: bullets",
        '+        title: "New"',
        '+        points: ["x"]',
    ]


def test_folded_notes_stay_folded_and_a_flow_list_stays_inline(tmp_path: Path) -> None:
    def edit(deck: Deck) -> None:
        deck.sections[0].slides[0].notes = "Shorter notes.\n"
        deck.sections[0].slides[1].points.append("gamma")  # type: ignore[union-attr]

    before, after = _saved(tmp_path, edit)
    assert changed_lines(before, after) == [
        "-          Folded notes that run over",
        "-          two lines of the file.",
        "+          Shorter notes.",
        '-        points: ["alpha", "beta"]   # a flow list',
        '+        points: ["alpha", "beta", "gamma"]   # a flow list',
    ]


def test_a_theme_switch_and_a_removed_key_touch_their_own_lines(tmp_path: Path) -> None:
    def edit(deck: Deck) -> None:
        deck.theme = "midnight"
        deck.subtitle = None

    before, after = _saved(tmp_path, edit)
    assert changed_lines(before, after) == [
        "-subtitle: 'Kept in single quotes'",
        "-theme: briefing",
        "+theme: midnight",
    ]


def test_the_schema_line_is_never_rewritten_on_save(tmp_path: Path) -> None:
    source = OUTLINES[0]
    before, after = _saved(tmp_path, lambda deck: setattr(deck, "title", "Other"), source)
    assert (
        after.splitlines()[0]
        == before.splitlines()[0]
        == ("# yaml-language-server: $schema=../assets/schema/deck.schema.json")
    )


def test_a_new_deck_points_at_the_published_schema(tmp_path: Path) -> None:
    deck = deckbuilder.loads("title: T\nsections:\n  - title: S\n    slides:\n      - kind: title\n")
    target = tmp_path / "deep" / "new.yaml"
    target.parent.mkdir()
    deckbuilder.save(deck, target)
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_URL}"
    assert "site-packages" not in first and ".." not in first


def test_yaml_1_1_lookalikes_stay_text_when_written() -> None:
    text = "title: T\nsubtitle: plain\n"
    for value in ("2026-11-27", "NO", "1:30", "yes", "0x1F", "~"):
        written = rewrite(text, {"title": "T", "subtitle": "plain"}, {"title": "T", "subtitle": value})
        assert written is not None
        assert written.splitlines()[1] == f'subtitle: "{value}"', value


def test_scalars_keep_their_quoting_and_block_style() -> None:
    text = "a: \"x\"   # note\nb: 'it''s'\nc: words\nd: [1, 2]\ne: |\n  one\n  two\n\nf: kept\n"
    old = {"a": "x", "b": "it's", "c": "words", "d": [1, 2], "e": "one\ntwo\n", "f": "kept"}
    new = {
        "a": "y",
        "b": "Paris' view",
        "c": "key: value",
        "d": [1, 2.5],
        "e": "one\ntwo\nthree\n",
        "f": "kept",
    }
    assert rewrite(text, old, new) == (
        "a: \"y\"   # note\nb: 'Paris'' view'\nc: \"key: value\"\nd: [1, 2.5]\ne: |\n  one\n  two\n  three\n"
        "\nf: kept\n"
    )


def test_a_section_emptied_of_slides_says_so_in_one_line(tmp_path: Path) -> None:
    def empty(deck: Deck) -> None:
        deck.sections[1].slides.clear()

    before, after = _saved(tmp_path, empty)
    assert "    slides: []\n" in after
    assert after.endswith('  - title: "Middle"\n    slides: []\n')
    assert "-    slides:" in changed_lines(before, after)


def test_a_slide_changed_to_another_kind_keeps_its_place_and_neighbours(tmp_path: Path) -> None:
    def convert(deck: Deck) -> None:
        deck.sections[0].slides[2] = SectionSlide(title="Now a divider")

    before, after = _saved(tmp_path, convert)
    assert changed_lines(before, after) == [
        "-      - kind: quote",
        '-        text: "Words worth quoting"',
        "-        attribution: Someone",
        "+      - kind: section",
        '+        title: "Now a divider"',
    ]


def test_a_file_with_anchors_is_written_afresh_under_its_own_header(tmp_path: Path) -> None:
    target = tmp_path / "anchors.yaml"
    target.write_text(
        "# my own header\ntitle: T\nsections:\n  - title: S\n    slides:\n"
        "      - {kind: bullets, title: A, points: &shared [one, two]}\n"
        "      - {kind: bullets, title: B, points: *shared}\n",
        encoding="utf-8",
    )
    deck = deckbuilder.load(target)
    deck.title = "Changed"
    deckbuilder.save(deck, target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# my own header\ntitle: Changed\n")
    assert "yaml-language-server" not in text
    assert deckbuilder.load(target) == deck
