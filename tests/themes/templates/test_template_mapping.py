"""Slide kinds find their layouts by the placeholders layouts hold; names are hints, outlines can override."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from deckbuilder.errors import DeckError
from deckbuilder.themes.templates import load_template
from deckbuilder.themes.templates.mapping import plan_layouts


def names(template: Path, overrides: dict[str, str] | None = None) -> dict[str, str]:
    return {
        kind: choice.layout.name for kind, choice in plan_layouts(load_template(template), overrides).items()
    }


def warnings(template: Path) -> dict[str, str]:
    return {k: c.warning for k, c in plan_layouts(load_template(template)).items() if c.warning}


def test_powerpoint_layouts_are_found_by_what_they_hold(templates: dict[str, Path]) -> None:
    found = names(templates["default"])
    assert found["title"] == "Title Slide"
    assert found["section"] == "Section Header"
    assert found["bullets"] == found["sources"] == "Title and Content"
    assert found["comparison"] == "Two Content"  # two side-by-side contents beat Comparison's four
    assert found["image"] == "Picture with Caption"
    assert {found[k] for k in ("takeaways", "stat", "chart", "table", "timeline", "quote")} == {"Title Only"}
    assert not warnings(templates["default"])


def test_libreoffice_names_and_missing_layouts_fall_back_and_say_so(templates: dict[str, Path]) -> None:
    found = names(templates["libreoffice"])
    assert found["bullets"] == "Title, Content"
    assert found["comparison"] == "Title, 2 Content"
    assert found["title"] == found["section"] == "Title Slide"
    assert found["image"] == "Title Only"
    said = warnings(templates["libreoffice"])
    assert set(said) == {"section", "image"}
    assert "no picture layout" in said["image"] and "the picture is drawn" in said["image"]


def test_names_are_only_hints(tmp_path: Path) -> None:
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    layouts["Title Only"].name = "Title and Content"  # a misleading name
    layouts["Title and Content"].name = "Agenda"
    layouts["Two Content"].name = "Layout 7"
    path = tmp_path / "misnamed.pptx"
    prs.save(str(path))
    found = names(path)
    assert found["bullets"] == "Agenda"
    assert found["stat"] == "Title and Content"  # the one that holds only a title
    assert found["comparison"] == "Layout 7"


def test_vertical_layouts_are_never_chosen(templates: dict[str, Path]) -> None:
    assert not {name for name in names(templates["default"]).values() if "Vertical" in name}


def test_the_outline_overrides_a_kinds_layout(templates: dict[str, Path]) -> None:
    found = names(templates["default"], {"comparison": "comparison", "quote": "Blank"})
    assert found["comparison"] == "Comparison"
    assert found["quote"] == "Blank"
    choices = plan_layouts(load_template(templates["default"]), {"quote": "Blank"})
    assert choices["quote"].overridden and "Blank" in (choices["quote"].warning or "")


def test_an_override_naming_no_layout_is_an_error_listing_the_layouts(templates: dict[str, Path]) -> None:
    with pytest.raises(DeckError) as caught:
        names(templates["default"], {"comparison": "Side by Side"})
    message = str(caught.value)
    assert "layouts.comparison: no layout named 'Side by Side'" in message
    assert "'Two Content'" in message


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to write a template")
def test_a_template_libreoffice_wrote_maps_too(tmp_path: Path) -> None:
    source = tmp_path / "plain.pptx"
    Presentation().save(str(source))
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    for fmt, name in (("odp", "plain.pptx"), ("pptx", "plain.odp")):
        out = tmp_path / fmt
        subprocess.run(
            [
                "soffice",
                profile,
                "--headless",
                "--convert-to",
                fmt,
                "--outdir",
                str(out),
                str(tmp_path / name),
            ],
            capture_output=True,
            check=True,
            timeout=300,
        )
        shutil.copy(out / f"plain.{fmt}", tmp_path / f"plain.{fmt}")
    found = names(tmp_path / "plain.pptx")
    assert found["title"] == "Title Slide"  # a title and a subtitle, no centred title
    assert found["bullets"] == "Title, Content"
    assert found["comparison"] == "Title, 2 Content"
    assert found["stat"] == "Title Only"
