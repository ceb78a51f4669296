"""Tests for the built-in themes, theme loading and WCAG contrast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from deckbuilder.errors import DeckError
from deckbuilder.records import Record, fields_of, is_record
from deckbuilder.themes.contrast import AA_NORMAL_TEXT, contrast_ratio, text_pairs
from deckbuilder.themes.model import Theme
from deckbuilder.themes.registry import THEMES_DIR, builtin_theme_names, load_theme

BUILTINS = builtin_theme_names()


def test_builtin_names() -> None:
    assert BUILTINS == ["briefing", "midnight"]


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_theme_loads(name: str) -> None:
    theme = load_theme(name)
    assert isinstance(theme, Theme)
    assert theme.name == name
    assert theme.description
    assert theme.height_in == 7.5
    assert abs(theme.width_in / theme.height_in - 16 / 9) < 1e-6
    assert 4 <= len(theme.colors.chart) <= 6
    assert load_theme(name) is theme  # cached


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_theme_files_are_complete(name: str) -> None:
    path = THEMES_DIR / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    data = yaml.safe_load(text)

    def missing(model: type[Record], values: dict[str, Any], prefix: str) -> list[str]:
        found: list[str] = []
        for field, annotation in fields_of(model):
            if field.name not in values:
                found.append(prefix + field.name)
            elif is_record(annotation):
                found += missing(annotation, values[field.name], f"{prefix}{field.name}.")
        return found

    assert missing(Theme, data, "") == []


@pytest.mark.parametrize("name", BUILTINS)
def test_builtin_theme_text_passes_wcag_aa(name: str) -> None:
    theme = load_theme(name)
    pairs = text_pairs(theme)
    assert len(pairs) == 10
    for pair, fg, bg in pairs:
        ratio = contrast_ratio(fg, bg)
        assert ratio >= AA_NORMAL_TEXT, (
            f"theme {name!r}: {pair} ({fg} on {bg}) has contrast {ratio:.2f}:1 < 4.5:1"
        )


def test_contrast_ratio_extremes() -> None:
    assert contrast_ratio("000000", "FFFFFF") == 21
    assert contrast_ratio("FFFFFF", "000000") == 21
    assert contrast_ratio("777777", "777777") == 1
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_bad_colour_names_the_file(tmp_path: Path) -> None:
    text = (THEMES_DIR / "briefing.yaml").read_text(encoding="utf-8").replace('"0B6E75"', '"#0B6E75"', 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_theme(str(path))
    message = str(caught.value)
    assert str(path) in message
    assert "colors.accent" in message
    assert "Traceback" not in message
    assert caught.value.problems[0].line is not None


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    data = yaml.safe_load((THEMES_DIR / "midnight.yaml").read_text(encoding="utf-8"))
    data["colors"]["text"] = "white"
    data["sizes"]["body"] = {"max": 12, "min": 20}
    del data["margins"]["gutter"]
    data["surprise"] = True
    path = tmp_path / "several.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DeckError) as caught:
        load_theme(str(path))
    messages = [problem.message for problem in caught.value.problems]
    assert any(m.startswith("colors.text:") for m in messages)
    assert any(m.startswith("sizes.body:") for m in messages)
    assert "margins.gutter: missing key" in messages
    assert "surprise: unknown key" in messages
    assert all(problem.path == str(path) for problem in caught.value.problems)


def test_invalid_yaml_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(DeckError, match=r"broken\.yaml"):
        load_theme("broken.yaml", tmp_path)
    with pytest.raises(DeckError, match="not found"):
        load_theme("absent.yaml", tmp_path)
    listed = tmp_path / "list.yaml"
    listed.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(DeckError, match="mapping"):
        load_theme("list.yaml", tmp_path)


def test_unknown_name_suggests_close_one() -> None:
    with pytest.raises(DeckError) as caught:
        load_theme("brefing")
    message = str(caught.value)
    assert "unknown theme 'brefing'" in message
    assert "did you mean 'briefing'?" in message
    assert "built-in themes: briefing, midnight" in message


def test_relative_path_resolves_against_base_dir(tmp_path: Path) -> None:
    data = yaml.safe_load((THEMES_DIR / "briefing.yaml").read_text(encoding="utf-8"))
    data["name"] = "house"
    data["colors"]["accent"] = "1F4E79"
    (tmp_path / "themes").mkdir()
    (tmp_path / "themes" / "house.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    theme = load_theme("themes/house.yaml", base_dir=tmp_path)
    assert theme.name == "house"
    assert theme.colors.accent == "1F4E79"
    assert load_theme(str(tmp_path / "themes" / "house.yaml")) == theme
