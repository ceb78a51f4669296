"""Layout on templates keeps its promises: measured text fits its placeholder, continues, stays readable."""

from __future__ import annotations

from pathlib import Path

import pytest
from template_fixtures import FLAGSHIP, NAMES, TORTURE

import deckbuilder
from deckbuilder.fonts import UNKNOWN_FAMILY_SCALE
from deckbuilder.geometry import EMU_PER_PT
from deckbuilder.layout.boxes import DeckLayout, TextBox
from deckbuilder.layout.measure import metrics_for
from deckbuilder.layout.text import WRAP_SAFETY, height_emu
from deckbuilder.pipeline import layout
from deckbuilder.themes.contrast import AA_NORMAL_TEXT, contrast_ratio
from deckbuilder.themes.registry import load_theme
from deckbuilder.themes.templates import TemplateTheme
from deckbuilder.themes.templates.theme import TemplateTheme as DerivedTheme


@pytest.fixture(scope="module", params=[(d, n) for d in ("flagship", "torture") for n in NAMES], ids=str)
def laid_out(request: pytest.FixtureRequest, templates: dict[str, Path]) -> DeckLayout:
    deck, name = request.param
    return layout(deckbuilder.load(FLAGSHIP if deck == "flagship" else TORTURE), theme=str(templates[name]))


def test_every_text_box_holds_its_lines(laid_out: DeckLayout) -> None:
    for number, slide in enumerate(laid_out.slides, 1):
        for box in (b for b in slide.boxes if isinstance(b, TextBox)):
            assert height_emu(box.paragraphs) <= box.h - box.inset - box.inset + 1, (
                f"slide {number}: {box.role}"
            )
            for paragraph in box.paragraphs:
                metrics = metrics_for(paragraph.font, bold=paragraph.bold, italic=paragraph.italic)
                room = (box.w - 2 * box.inset - paragraph.indent_emu) / EMU_PER_PT * WRAP_SAFETY
                for line in paragraph.lines:
                    if len(line) > 1:
                        assert metrics.text_width_pt(line, paragraph.size_pt) <= room + 0.01, (
                            f"slide {number}"
                        )


def test_boxes_stay_on_the_slide_and_slides_name_their_layout(laid_out: DeckLayout) -> None:
    assert laid_out.template is not None
    for number, slide in enumerate(laid_out.slides, 1):
        assert slide.layout is not None, f"slide {number}"
        for box in slide.boxes:
            assert box.x >= 0 and box.x + box.w <= laid_out.width, f"slide {number}: {box.role}"
            assert box.y >= 0 and box.y + box.h <= laid_out.height, f"slide {number}: {box.role}"


def test_titles_and_points_are_placed_in_placeholders(laid_out: DeckLayout) -> None:
    for slide in laid_out.slides:
        titles = [b for b in slide.boxes if isinstance(b, TextBox) and b.role == "title"]
        assert all(title.placeholder is not None for title in titles)
        if slide.kind == "bullets":
            body = [b for b in slide.boxes if isinstance(b, TextBox) and b.role == "body"]
            assert all(box.placeholder is not None for box in body)


def test_overflowing_points_continue_on_the_same_layout(templates: dict[str, Path]) -> None:
    laid = layout(deckbuilder.load(TORTURE), theme=str(templates["picture"]))
    pages = [s for s in laid.slides if s.title.startswith("Twenty-five bullets")]
    assert len(pages) >= 2 and pages[1].title == "Twenty-five bullets (cont.)"
    assert {page.layout for page in pages} == {pages[0].layout}
    body_sizes = {
        p.size_pt
        for page in pages
        for b in page.boxes
        if isinstance(b, TextBox) and b.role == "body"
        for p in b.paragraphs
    }
    assert min(body_sizes) >= 14


def test_a_font_without_a_stand_in_is_measured_wider_than_liberation_sans() -> None:
    text = "Strategic autonomy is now a necessity"
    unknown = metrics_for("Georgia").text_width_pt(text, 20)
    arial = metrics_for("Arial").text_width_pt(text, 20)
    assert unknown >= arial * UNKNOWN_FAMILY_SCALE - 0.01
    assert metrics_for("Calibri").text_width_pt(text, 20) < arial  # known families keep their own widths


def test_template_fonts_are_written_on_the_text(templates: dict[str, Path]) -> None:
    laid = layout(deckbuilder.load(FLAGSHIP), theme=str(templates["picture"]))
    fonts = {p.font for s in laid.slides for b in s.boxes if isinstance(b, TextBox) for p in b.paragraphs}
    assert {"Times New Roman", "Arial"} <= fonts


@pytest.mark.parametrize("name", NAMES)
def test_text_colours_are_readable_on_each_layouts_background(name: str, templates: dict[str, Path]) -> None:
    laid = layout(deckbuilder.load(FLAGSHIP), theme=str(templates[name]))
    for number, slide in enumerate(laid.slides, 1):
        for box in (
            b for b in slide.boxes if isinstance(b, TextBox) and b.role in ("title", "body", "footer")
        ):
            behind = slide.background
            for paragraph in box.paragraphs:
                if box.role == "title" and name == "picture":
                    continue  # the title sits on the picture's dark band, checked below
                ratio = contrast_ratio(paragraph.color, behind)
                assert ratio >= AA_NORMAL_TEXT, f"slide {number} {box.role}: {paragraph.color} on {behind}"


def test_titles_on_a_picture_band_turn_light(templates: dict[str, Path]) -> None:
    laid = layout(deckbuilder.load(FLAGSHIP), theme=str(templates["picture"]))
    content = next(s for s in laid.slides if s.kind == "bullets")
    title = next(b for b in content.boxes if isinstance(b, TextBox) and b.role == "title")
    assert contrast_ratio(title.paragraphs[0].color, "12213F") >= AA_NORMAL_TEXT  # the navy band
    body = next(b for b in content.boxes if isinstance(b, TextBox) and b.role == "body")
    assert contrast_ratio(body.paragraphs[0].color, "ECE8E0") >= AA_NORMAL_TEXT  # the light body


def test_a_template_is_a_theme_the_app_can_lay_out(templates: dict[str, Path]) -> None:
    theme = load_theme("default.pptx", templates["default"].parent)
    assert isinstance(theme, TemplateTheme) and TemplateTheme is DerivedTheme
    assert theme.width_in == 10 and theme.fonts.body == "Calibri"
    from deckbuilder.layout.engine import layout_deck

    laid = layout_deck(deckbuilder.load(FLAGSHIP), theme)
    assert laid.template == theme.template.path


@pytest.mark.parametrize(
    ("slide", "where"),
    [
        ({"kind": "bullets", "title": " ".join(["sovereignty"] * 300), "points": ["x"]}, "title"),
        (
            {"kind": "bullets", "title": "t", "points": ["x"], "source": " ".join(["sovereignty"] * 300)},
            "source",
        ),
    ],
)
def test_text_too_long_for_a_template_placeholder_is_refused_at_its_line(
    templates: dict[str, Path], tmp_path: Path, slide: dict[str, object], where: str
) -> None:
    import yaml

    import deckbuilder
    from deckbuilder import DeckError

    deck_file = tmp_path / "deck.yaml"
    outline = {
        "title": "T",
        "theme": str(templates["default"]),
        "sections": [{"title": "S", "slides": [slide]}],
    }
    deck_file.write_text(yaml.safe_dump(outline, sort_keys=False), encoding="utf-8")
    with pytest.raises(DeckError) as caught:  # the template sits outside the deck's folder
        deckbuilder.export(deck_file, tmp_path / "deck.pptx", allow_outside_paths=True)
    problem = caught.value.problems[0]
    lines = deck_file.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith(f"{where}: sovereignty"))
    assert (problem.path, problem.line) == (str(deck_file), line)
    assert "too long to fit on a slide" in problem.message
    assert not (tmp_path / "deck.pptx").exists()
