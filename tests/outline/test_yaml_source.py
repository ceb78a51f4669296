"""Tests for safe YAML reading with source positions."""

from __future__ import annotations

import pathlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckbuilder.errors import DeckError, Problem
from deckbuilder.outline import yaml_compose, yaml_source
from deckbuilder.outline.yaml_source import (
    MAX_OUTLINE_BYTES,
    Mark,
    SourceTree,
    mark_for,
    parse_outline,
    read_outline_text,
)

MB = 1024 * 1024


def problems_of(text: str) -> list[tuple[int | None, int | None, str]]:
    """The (line, column, message) of every problem parse_outline reports for text."""
    with pytest.raises(DeckError) as caught:
        parse_outline(text, "deck.yaml")
    assert all(problem.path == "deck.yaml" for problem in caught.value.problems)
    return [(problem.line, problem.column, problem.message) for problem in caught.value.problems]


def only_problem(text: str) -> tuple[int | None, int | None, str]:
    found = problems_of(text)
    assert len(found) == 1, found
    return found[0]


def data_of(text: str) -> Any:
    return parse_outline(text, "deck.yaml").data


# --------------------------------------------------------------------------------------------------
# read_outline_text


def test_read_returns_the_text(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes("title: Café\r\nsections: []\n".encode())
    assert read_outline_text(path) == "title: Café\r\nsections: []\n"


def test_read_strips_utf8_bom(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "deck.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: x\n")
    assert read_outline_text(path) == "title: x\n"


def test_read_missing_file_says_no_such_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "missing.yaml"
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems == (Problem(str(path), "no such file"),)


def test_read_path_through_a_file_says_no_such_file(tmp_path: pathlib.Path) -> None:
    (tmp_path / "plain").write_text("x")
    path = tmp_path / "plain" / "deck.yaml"
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems == (Problem(str(path), "no such file"),)


def test_read_folder_is_refused(tmp_path: pathlib.Path) -> None:
    with pytest.raises(DeckError) as caught:
        read_outline_text(tmp_path)
    assert caught.value.problems == (Problem(str(tmp_path), "is a folder, not a deck file"),)


def test_read_too_large_file_is_refused_before_reading(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(31 * MB + MB // 5)  # sparse: 31.2 MB of nothing on disk

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(pathlib.Path, "open", no_reading)
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems == (Problem(str(path), "file is 31.2 MB; outlines are limited to 20 MB"),)


def test_read_file_just_over_the_limit_never_claims_to_be_the_limit(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:
        stream.truncate(MAX_OUTLINE_BYTES + 1)
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems[0].message == "file is 20.1 MB; outlines are limited to 20 MB"


def test_read_file_at_the_limit_is_read(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.write(b"#")
        stream.truncate(MAX_OUTLINE_BYTES)
    assert len(read_outline_text(path)) == MAX_OUTLINE_BYTES


def test_read_unreadable_file_reports_permission(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.yaml"
    path.write_text("title: x\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "open", refuse)  # chmod alone does not stop root
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems == (Problem(str(path), "cannot read the file (permission denied)"),)


def test_read_invalid_utf8_reports_line_and_column(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"title: ok\nsubtitle: caf\xe9 \xff\n")
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems == (Problem(str(path), "not valid UTF-8 text (byte 0xe9)", 2, 14),)


def test_read_invalid_utf8_column_counts_characters_not_bytes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "mixed.yaml"
    path.write_bytes("title: «Ünïcödé» ".encode() + b"\xff\n")
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems == (Problem(str(path), "not valid UTF-8 text (byte 0xff)", 1, 18),)


def test_read_utf16_file_gets_a_hint(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "utf16.yaml"
    path.write_bytes("title: x\n".encode("utf-16"))
    with pytest.raises(DeckError) as caught:
        read_outline_text(path)
    assert caught.value.problems == (
        Problem(
            str(path),
            "not valid UTF-8 text (byte 0xff); the file looks like UTF-16, save it as UTF-8",
            1,
            1,
        ),
    )


# --------------------------------------------------------------------------------------------------
# Resolution: plain scalars are text, except the plain null forms


def test_plain_no_stays_text() -> None:
    assert data_of("title: NO\n") == {"title": "NO"}


@pytest.mark.parametrize(
    "plain",
    ["2023", "2026-11-27", "1:30", "1.0", "yes", "on", "off", "true", "False", "0x1F", "1e3", ".inf", ".nan"],
)
def test_plain_scalars_that_look_typed_stay_text(plain: str) -> None:
    assert data_of(f"x: {plain}\n") == {"x": plain}


@pytest.mark.parametrize("null", ["", "~", "null", "Null", "NULL"])
def test_plain_null_forms_become_none(null: str) -> None:
    assert data_of(f"x: {null}\n") == {"x": None}


@pytest.mark.parametrize("text", ["nULL", "None", "none", "nil"])
def test_other_null_spellings_stay_text(text: str) -> None:
    assert data_of(f"x: {text}\n") == {"x": text}


@pytest.mark.parametrize("quoted", ['"null"', "'null'", '"~"', "''", '""'])
def test_quoted_null_forms_are_text(quoted: str) -> None:
    assert data_of(f"x: {quoted}\n") == {"x": quoted[1:-1]}


def test_explicit_str_tag_keeps_null_text() -> None:
    assert data_of("x: !!str null\ny: !!str\n") == {"x": "null", "y": ""}


def test_non_specific_tag_keeps_text() -> None:
    assert data_of('x: ! 12\ny: ! "null"\n') == {"x": "12", "y": "null"}


def test_block_scalars_are_text() -> None:
    assert data_of("a: |\n  one\n  two\nb: >-\n  three\n  four\n") == {"a": "one\ntwo\n", "b": "three four"}


def test_data_is_plain_and_keeps_key_order() -> None:
    data = data_of("zeta: 1\nalpha: [a, {b: ~}]\nmid: {}\nend: []\n")
    assert data == {"zeta": "1", "alpha": ["a", {"b": None}], "mid": {}, "end": []}
    assert type(data) is dict
    assert list(data) == ["zeta", "alpha", "mid", "end"]


def test_root_null_is_data_not_empty_file() -> None:
    assert data_of("~\n") is None


# --------------------------------------------------------------------------------------------------
# Tags


def test_explicit_str_map_seq_tags_are_allowed() -> None:
    text = (
        "!!map\ntitle: !!str 12\nlist: !!seq [a, b]\nmap: !!map {k: v}\n"
        "verbatim: !<tag:yaml.org,2002:str> x\n"
    )
    assert data_of(text) == {"title": "12", "list": ["a", "b"], "map": {"k": "v"}, "verbatim": "x"}


def test_python_tag_is_refused_without_constructing(tmp_path: pathlib.Path) -> None:
    marker = tmp_path / "constructed"
    text = f'title: x\nrun: !!python/object/apply:os.system ["touch {marker}"]\n'
    assert only_problem(text) == (2, 6, "tag '!!python/object/apply:os.system' is not allowed in an outline")
    assert not marker.exists()


def test_python_name_tag_is_refused() -> None:
    assert only_problem("x: !!python/name:os.system\n") == (
        1,
        4,
        "tag '!!python/name:os.system' is not allowed in an outline",
    )


@pytest.mark.parametrize(
    ("tag", "value"),
    [
        ("!custom", "x"),
        ("!!binary", "aGk="),
        ("!!int", "3"),
        ("!!float", "1.5"),
        ("!!bool", "yes"),
        ("!!null", "null"),
        ("!!timestamp", "2026-11-27"),
        ("!!set", "{a: null}"),
        ("!!omap", "[a: 1]"),
        ("!!python/tuple", "[1]"),
    ],
)
def test_other_tags_are_refused(tag: str, value: str) -> None:
    assert only_problem(f"title: t\nx: {tag} {value}\n") == (
        2,
        4,
        f"tag '{tag}' is not allowed in an outline",
    )


def test_verbatim_and_local_prefix_tags_are_shown_in_full() -> None:
    assert problems_of("a: !<tag:example.com,2000:thing> x\n") == [
        (1, 4, "tag 'tag:example.com,2000:thing' is not allowed in an outline")
    ]
    assert problems_of("%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n") == [
        (3, 4, "tag 'tag:example.com,2000:thing' is not allowed in an outline")
    ]


def test_tag_on_a_key_is_refused() -> None:
    assert only_problem("!!int 1: x\n") == (1, 1, "tag '!!int' is not allowed in an outline")


def test_every_refused_tag_is_reported_in_file_order() -> None:
    text = "a: !!int 1\nb: [!x y, !!float 2]\nc: !!python/none\n"
    assert problems_of(text) == [
        (1, 4, "tag '!!int' is not allowed in an outline"),
        (2, 5, "tag '!x' is not allowed in an outline"),
        (2, 11, "tag '!!float' is not allowed in an outline"),
        (3, 4, "tag '!!python/none' is not allowed in an outline"),
    ]


# --------------------------------------------------------------------------------------------------
# Syntax errors


def test_syntax_error_is_located() -> None:
    assert only_problem("title: x\nsections: [a, b\nnext: c\n") == (
        3,
        5,
        "expected ',' or ']', but got ':' (while parsing a flow sequence at line 2, column 11)",
    )


def test_unclosed_quote_names_where_it_began() -> None:
    assert only_problem('title: "abc\n') == (
        2,
        1,
        "found unexpected end of stream (while scanning a quoted scalar at line 1, column 8)",
    )


def test_mapping_value_in_plain_text_is_located() -> None:
    assert only_problem("title: a: b\n") == (1, 9, "mapping values are not allowed here")


def test_tab_indentation_gets_a_hint() -> None:
    assert only_problem("title: x\nsections:\n\t- a\n") == (
        3,
        1,
        "found character '\\t' that cannot start any token; tabs cannot indent YAML; use spaces",
    )


def test_tab_after_spaces_in_indentation_gets_a_hint() -> None:
    assert only_problem("a:\n  \tb: 1\n") == (
        2,
        3,
        "found character '\\t' that cannot start any token; tabs cannot indent YAML; use spaces",
    )


def test_tab_inside_a_line_gets_a_hint() -> None:
    assert only_problem("a: [b,\tc]\n") == (
        1,
        7,
        "found character '\\t' that cannot start any token; use spaces instead of the tab",
    )


def test_tab_inside_quoted_text_is_fine() -> None:
    assert data_of("a: \"b\tc\"\nd: 'e\tf'\n") == {"a": "b\tc", "d": "e\tf"}


def test_bad_unicode_escape_is_located() -> None:
    assert only_problem('title: x\nsubtitle: "ab \\U00110000"\n') == (
        2,
        15,
        "the escape '\\U' names no character; the largest is \\U0010FFFF",
    )


def test_huge_unicode_escape_is_located() -> None:
    assert only_problem('a: "\\UFFFFFFFF"\n') == (
        1,
        5,
        "the escape '\\U' names no character; the largest is \\U0010FFFF",
    )


# --------------------------------------------------------------------------------------------------
# Keys


def test_duplicate_key_names_both_lines() -> None:
    assert only_problem("# deck\n\ntitle: a\nsubtitle: b\ntitle: c\n") == (
        5,
        1,
        "duplicate key 'title' (first at line 3)",
    )


def test_every_duplicate_key_is_reported() -> None:
    text = "a: 1\nb: 2\na: 3\nsections:\n  - title: x\n    title: y\nb: 4\na: 5\n"
    assert problems_of(text) == [
        (3, 1, "duplicate key 'a' (first at line 1)"),
        (6, 5, "duplicate key 'title' (first at line 5)"),
        (7, 1, "duplicate key 'b' (first at line 2)"),
        (8, 1, "duplicate key 'a' (first at line 1)"),
    ]


def test_duplicate_keys_compare_as_text() -> None:
    assert only_problem('1: a\n"1": b\n') == (2, 1, "duplicate key '1' (first at line 1)")


def test_duplicate_key_in_flow_mapping() -> None:
    assert only_problem("x: {a: 1, a: 2}\n") == (1, 11, "duplicate key 'a' (first at line 1)")


def test_list_key_is_refused() -> None:
    assert only_problem("title: x\n? [a, b]\n: c\n") == (2, 3, "a key must be text, not a list")


def test_mapping_key_is_refused() -> None:
    assert only_problem("{a: b}: c\n") == (1, 1, "a key must be text, not a mapping")


@pytest.mark.parametrize("key", ["~", "null", "NULL"])
def test_null_key_is_refused(key: str) -> None:
    assert only_problem(f"title: x\n{key}: y\n") == (2, 1, "a key must be text; this one is empty or null")


def test_empty_key_is_refused() -> None:
    assert only_problem("? \n: y\n") == (1, 2, "a key must be text; this one is empty or null")


def test_quoted_null_key_is_text() -> None:
    assert data_of('"null": y\n') == {"null": "y"}


def test_numeric_and_boolean_looking_keys_become_text() -> None:
    assert data_of("1: a\nyes: b\n2.5: c\n") == {"1": "a", "yes": "b", "2.5": "c"}


def test_alias_of_text_can_be_a_key() -> None:
    assert data_of("a: &k title\n*k : b\n") == {"a": "title", "title": "b"}


# --------------------------------------------------------------------------------------------------
# Aliases and size


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 9):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_at_the_node_budget() -> None:
    # refused once 200,000 nodes are expanded, not after the billion; bench/bench_text.py prints the time
    found = problems_of(billion_laughs())
    assert found == [(6, 11, "the document expands to more than 200000 nodes (too many aliases?)")]


def test_aliases_within_budget_are_expanded() -> None:
    tree = parse_outline("base: &b {x: 1, y: [2]}\ncopy: *b\n", "deck.yaml")
    assert tree.data == {"base": {"x": "1", "y": ["2"]}, "copy": {"x": "1", "y": ["2"]}}
    assert tree.value_marks[("copy",)] == Mark(2, 7)  # where the alias is written
    assert tree.value_marks[("copy", "x")] == Mark(1, 14)  # where the repeated value is written
    assert tree.key_marks[("copy", "y")] == Mark(1, 17)


def test_alias_expansions_are_counted_against_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_compose, "MAX_NODES", 20)
    monkeypatch.setattr(yaml_source, "MAX_NODES", 20)
    text = "a: &a [1, 2, 3, 4]\nb: [*a, *a, *a, *a]\n"  # 11 nodes written, 32 after expansion
    assert only_problem(text) == (2, 13, "the document expands to more than 20 nodes (too many aliases?)")


def test_too_many_written_nodes_are_refused_while_composing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_compose, "MAX_NODES", 20)
    monkeypatch.setattr(yaml_source, "MAX_NODES", 20)
    text = "a: [" + ", ".join(["x"] * 30) + "]\n"
    assert only_problem(text) == (1, 56, "the document has more than 20 nodes; that is too many")


def test_recursive_anchor_is_refused() -> None:
    assert only_problem("a: &loop\n  b: *loop\n") == (2, 6, "alias '*loop' is used inside its own anchor")


def test_every_recursive_alias_is_reported() -> None:
    assert problems_of("&a [*a, {k: *a}]\n") == [
        (1, 5, "alias '*a' is used inside its own anchor"),
        (1, 13, "alias '*a' is used inside its own anchor"),
    ]


def test_problems_outside_unsafe_aliases_are_still_reported() -> None:
    text = "a: &a [*a]\nb: !!int 3\nb: x\n"
    assert problems_of(text) == [
        (1, 8, "alias '*a' is used inside its own anchor"),
        (2, 4, "tag '!!int' is not allowed in an outline"),
        (3, 1, "duplicate key 'b' (first at line 2)"),
    ]


def test_undefined_alias_is_located() -> None:
    assert only_problem("title: x\nsubtitle: *missing\n") == (
        2,
        11,
        "alias '*missing' is used before any anchor '&missing'",
    )


def test_duplicate_anchor_is_located() -> None:
    assert only_problem("a: &x 1\nb: &x 2\n") == (2, 4, "anchor '&x' is defined twice (first at line 1)")


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    assert only_problem("[" * 10_000) == (
        1,
        101,
        "nesting is too deep (more than 100 levels of lists and mappings)",
    )


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(" " * level + "a:\n" for level in range(150))
    assert only_problem(text) == (
        101,
        101,
        "nesting is too deep (more than 100 levels of lists and mappings)",
    )


def test_nesting_just_under_the_limit_is_fine() -> None:
    data = data_of("[" * 100 + "]" * 100)
    for _ in range(99):
        data = data[0]
    assert data == []


def test_aliases_that_nest_too_deep_are_refused() -> None:
    lines = ["a0: &a0 [x]"] + [f"a{index}: &a{index} [*a{index - 1}]" for index in range(1, 150)]
    assert only_problem("\n".join(lines) + "\n") == (
        100,
        12,
        "nesting is too deep (more than 100 levels of lists and mappings)",
    )


# --------------------------------------------------------------------------------------------------
# Characters a slide cannot hold


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\a", "0007"),
        ("\\x0b", "000B"),
        ("\\0", "0000"),
        ("\\e", "001B"),
        ("\\x7f", "007F"),
        ("\\N", "0085"),
        ("\\u0080", "0080"),
        ("\\x9f", "009F"),
    ],
)
def test_control_character_escape_is_refused(escape: str, code: str) -> None:
    assert only_problem(f'title: x\nsubtitle: "ab{escape}c"\n') == (
        2,
        11,
        f"control character U+{code} in text; PowerPoint cannot hold it",
    )


def test_noncharacter_escapes_are_refused() -> None:
    assert problems_of('a: "\\uFFFE"\nb: "\\uFFFF"\n') == [
        (1, 4, "non-character U+FFFE in text; PowerPoint cannot hold it"),
        (2, 4, "non-character U+FFFF in text; PowerPoint cannot hold it"),
    ]


def test_surrogate_escape_is_refused() -> None:
    assert only_problem('a: "\\ud83d"\n') == (
        1,
        4,
        "unpaired surrogate U+D83D in text; PowerPoint cannot hold it",
    )


def test_control_character_in_a_key_is_refused() -> None:
    assert only_problem('"ti\\x01tle": x\n') == (
        1,
        1,
        "control character U+0001 in text; PowerPoint cannot hold it",
    )


def test_tab_newline_and_carriage_return_are_allowed_in_text() -> None:
    assert data_of('a: "x\\ty\\nz\\r"\n') == {"a": "x\ty\nz\r"}


def test_raw_control_character_in_stream_is_located() -> None:
    assert only_problem("title: x\nsubtitle: ab\x0bc\n") == (
        2,
        13,
        "control character U+000B in text; PowerPoint cannot hold it",
    )


def test_raw_control_characters_are_all_reported() -> None:
    assert problems_of("a: \x07\r\nb: x\x1b\x7f\n") == [
        (1, 4, "control character U+0007 in text; PowerPoint cannot hold it"),
        (2, 5, "control character U+001B in text; PowerPoint cannot hold it"),
        (2, 6, "control character U+007F in text; PowerPoint cannot hold it"),
    ]


def test_raw_control_characters_are_reported_up_to_a_limit() -> None:
    found = problems_of("\x01" * 50)
    assert len(found) == 21
    assert found[-1] == (1, 21, "30 more characters like these from here on; is this really a YAML outline?")


def test_nul_in_text_gives_deck_error() -> None:
    assert only_problem("title: a\x00b\n") == (
        1,
        9,
        "control character U+0000 in text; PowerPoint cannot hold it",
    )


def test_binary_garbage_gives_deck_error() -> None:
    garbage = bytes(range(256)).decode("latin-1") * 3
    with pytest.raises(DeckError):
        parse_outline(garbage, "deck.yaml")


def test_png_header_gives_deck_error() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".decode("latin-1")
    assert problems_of(png)[0] == (1, 1, "control character U+0089 in text; PowerPoint cannot hold it")


# --------------------------------------------------------------------------------------------------
# Documents


@pytest.mark.parametrize(
    "text", ["", "\n\n", "# only a comment\n", "---\n", "--- # comment\n...\n", "\ufeff"]
)
def test_empty_file_is_refused(text: str) -> None:
    assert only_problem(text) == (1, 1, "the file is empty; a deck needs at least 'title' and 'sections'")


def test_second_document_is_refused_at_its_start() -> None:
    assert only_problem("title: a\nsections: []\n---\ntitle: b\n") == (
        3,
        1,
        "only one YAML document is allowed per file",
    )


def test_second_document_is_refused_after_explicit_first_start() -> None:
    assert only_problem("---\ntitle: a\n...\n---\ntitle: b\n") == (
        4,
        1,
        "only one YAML document is allowed per file",
    )


def test_text_after_document_end_is_refused() -> None:
    assert only_problem("title: a\n...\ntitle: b\n") == (3, 1, "only one YAML document is allowed per file")


def test_second_document_is_reported_with_problems_in_the_first() -> None:
    assert problems_of("a: 1\na: 2\n---\nb: 3\n") == [
        (2, 1, "duplicate key 'a' (first at line 1)"),
        (3, 1, "only one YAML document is allowed per file"),
    ]


def test_every_problem_is_listed_in_file_order() -> None:
    text = 'title: x\nsubtitle: "\\a"\nsections:\n  - !!int 3\n  - ? [k]\n    : v\ntitle: y\n'
    assert problems_of(text) == [
        (2, 11, "control character U+0007 in text; PowerPoint cannot hold it"),
        (4, 5, "tag '!!int' is not allowed in an outline"),
        (5, 7, "a key must be text, not a list"),
        (7, 1, "duplicate key 'title' (first at line 1)"),
    ]


def test_problems_carry_the_path_as_given() -> None:
    with pytest.raises(DeckError) as caught:
        parse_outline("a: *x\n", "outlines/../my deck.yaml")
    assert caught.value.problems == (
        Problem("outlines/../my deck.yaml", "alias '*x' is used before any anchor '&x'", 1, 4),
    )


# --------------------------------------------------------------------------------------------------
# Positions

DECK = """\
title: Energy briefing
sections:
  - title: Context
    slides:
      - kind: title
        title: Opening
      - kind: bullets
        title: "Why now"
        points:
          - First point
          - text: Second
            points: [a, b]
      - {kind: quote, title: 'Said'}
"""


def test_value_and_key_marks_follow_paths() -> None:
    tree = parse_outline(DECK, "deck.yaml")
    assert tree.value_marks[()] == Mark(1, 1)
    assert tree.value_marks[("title",)] == Mark(1, 8)
    assert tree.key_marks[("title",)] == Mark(1, 1)
    assert tree.value_marks[("sections",)] == Mark(3, 3)
    assert tree.value_marks[("sections", 0)] == Mark(3, 5)
    assert tree.key_marks[("sections", 0, "slides")] == Mark(4, 5)
    assert tree.value_marks[("sections", 0, "slides", 1, "title")] == Mark(8, 16)
    assert tree.key_marks[("sections", 0, "slides", 1, "title")] == Mark(8, 9)
    assert tree.value_marks[("sections", 0, "slides", 1, "points", 1, "points", 1)] == Mark(12, 25)
    assert tree.value_marks[("sections", 0, "slides", 2)] == Mark(13, 9)
    assert tree.value_marks[("sections", 0, "slides", 2, "title")] == Mark(13, 30)
    assert tree.key_marks[("sections", 0, "slides", 2, "title")] == Mark(13, 23)
    assert ("sections", 0) not in tree.key_marks


def test_every_value_has_a_mark_and_every_entry_a_key_mark() -> None:
    tree = parse_outline(DECK, "deck.yaml")
    value_paths: set[tuple[str | int, ...]] = set()
    key_paths: set[tuple[str | int, ...]] = set()

    def walk(data: Any, path: tuple[str | int, ...]) -> None:
        value_paths.add(path)
        if isinstance(data, dict):
            for key, value in data.items():
                key_paths.add((*path, key))
                walk(value, (*path, key))
        elif isinstance(data, list):
            for index, value in enumerate(data):
                walk(value, (*path, index))

    walk(tree.data, ())
    assert set(tree.value_marks) == value_paths
    assert set(tree.key_marks) == key_paths


def test_marks_count_crlf_as_one_line_break() -> None:
    tree = parse_outline("a: 1\r\nb:\r\n  - x\r\n", "deck.yaml")
    assert tree.value_marks[("b", 0)] == Mark(3, 5)


def test_marks_ignore_a_leading_bom() -> None:
    tree = parse_outline("\ufefftitle: x\n", "deck.yaml")
    assert tree.key_marks[("title",)] == Mark(1, 1)
    assert tree.value_marks[("title",)] == Mark(1, 8)


def test_marks_of_tagged_and_anchored_values_start_at_the_tag() -> None:
    tree = parse_outline("a: !!str &x text\n", "deck.yaml")
    assert tree.value_marks[("a",)] == Mark(1, 4)


# --------------------------------------------------------------------------------------------------
# mark_for


def test_mark_for_finds_the_exact_path() -> None:
    tree = parse_outline(DECK, "deck.yaml")
    assert mark_for(tree, ("sections", 0, "slides", 1, "title")) == Mark(8, 16)


def test_mark_for_skips_discriminator_tags() -> None:
    tree = parse_outline(DECK, "deck.yaml")
    assert mark_for(tree, ("sections", 0, "slides", 1, "bullets", "title")) == Mark(8, 16)
    assert mark_for(tree, ("sections", 0, "slides", 2, "quote", "title"), prefer_key=True) == Mark(13, 23)


def test_mark_for_tag_that_is_also_a_key_is_skipped_when_later_elements_match() -> None:
    tree = parse_outline("- kind: title\n  title: Opening\n  bogus: x\n", "deck.yaml")
    assert mark_for(tree, (0, "title", "bogus"), prefer_key=True) == Mark(3, 3)
    assert mark_for(tree, (0, "title", "title")) == Mark(2, 10)
    assert mark_for(tree, (0, "title", "title"), prefer_key=True) == Mark(2, 3)


def test_mark_for_missing_field_points_at_its_parent() -> None:
    tree = parse_outline(DECK, "deck.yaml")
    assert mark_for(tree, ("sections", 0, "slides", 0, "title", "subtitle")) == Mark(6, 16)
    assert mark_for(tree, ("sections", 0, "slides", 0, "subtitle")) == Mark(5, 9)


def test_mark_for_prefers_the_key_when_asked() -> None:
    tree = parse_outline(DECK, "deck.yaml")
    assert mark_for(tree, ("sections", 0, "slides"), prefer_key=True) == Mark(4, 5)
    assert mark_for(tree, ("sections", 0, "slides")) == Mark(5, 7)


def test_mark_for_prefer_key_on_a_list_item_gives_the_item() -> None:
    tree = parse_outline(DECK, "deck.yaml")
    assert mark_for(tree, ("sections", 0), prefer_key=True) == Mark(3, 5)


def test_mark_for_falls_back_to_the_root_and_to_one_one() -> None:
    tree = parse_outline("\n\ntitle: x\n", "deck.yaml")
    assert mark_for(tree, ("nothing", 3)) == Mark(3, 1)
    assert mark_for(SourceTree(None, {}, {}), ("title",)) == Mark(1, 1)


# --------------------------------------------------------------------------------------------------
# Any input at all


YAML_PIECES = [
    "a", "title", ":", ": ", " ", "  ", "\n", "\r\n", "\t", "- ", "[", "]", "{", "}", ",", "? ", "|", ">-",
    "'", '"', "\\", "\\U0011", "\\x0", "\\u", "#", "---", "...", "%YAML 1.1", "%TAG !e! tag:e:", "&a ", "*a",
    "&b ", "*b", "!!str ", "!!map ", "!!int ", "!e!x ", "! ", "!<", "~", "null", "<<", "é", "\x85", "\u2028",
    "\ufeff", "\x00", "\x0b", "@", "`", "%", "1:30",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(st.sampled_from(YAML_PIECES), max_size=40).map("".join),
        st.binary().map(lambda raw: raw.decode("latin-1")),
    )
)
def test_any_text_gives_a_tree_or_a_deck_error(text: str) -> None:
    try:
        tree = parse_outline(text, "deck.yaml")
    except DeckError as error:
        assert error.problems
        assert all(problem.line is not None and problem.line >= 1 for problem in error.problems)
        assert all(problem.column is not None and problem.column >= 1 for problem in error.problems)
        positions = [(problem.line or 0, problem.column or 0) for problem in error.problems]
        assert positions == sorted(positions)
        return

    def plain(data: Any) -> bool:
        if isinstance(data, dict):
            return all(isinstance(key, str) and plain(value) for key, value in data.items())
        if isinstance(data, list):
            return all(plain(value) for value in data)
        return data is None or isinstance(data, str)

    assert plain(tree.data)
    assert () in tree.value_marks


_yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(_yaml_values, st.sampled_from([None, False, True]))
def test_libyaml_and_pure_python_paths_agree(value: Any, flow: bool | None) -> None:
    import yaml

    def outcome(text: str) -> object:
        try:
            return yaml_source.parse_outline(text, "deck.yaml")
        except DeckError as error:
            return error.problems

    text = yaml.safe_dump({"root": value}, default_flow_style=flow, allow_unicode=True)
    fast = outcome(text)
    original = yaml_compose.CParser
    yaml_compose.CParser = None  # force the pure-Python parser
    try:
        careful = outcome(text)
    finally:
        yaml_compose.CParser = original
    assert fast == careful
