"""layout/slides/image.py: a picture scaled into the body keeping its aspect, its caption below."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from slide_checks import THEMES, assert_at_least, assert_on_the_slide, laid_out, refusal, text_of, with_role

from deckbuilder.geometry import Rect
from deckbuilder.layout.boxes import PictureBox
from deckbuilder.layout.slides.image import fit_picture
from deckbuilder.themes.registry import load_theme


def picture(folder: Path, size: tuple[int, int]) -> str:
    Image.new("RGB", size, "teal").save(folder / "map.png")
    return "map.png"


def image_slide(name: str, caption: str | None = None) -> dict[str, object]:
    slide = {"kind": "image", "title": "The Sahel", "image": name, "alt": "A map of the Sahel"}
    return {**slide, "caption": caption} if caption else slide


@pytest.mark.parametrize("size", [(1600, 400), (300, 900)], ids=["wide", "tall"])
@pytest.mark.parametrize("theme", THEMES)
def test_the_picture_is_scaled_into_the_body_keeping_its_aspect(
    tmp_path: Path, theme: str, size: tuple[int, int]
) -> None:
    laid = laid_out(image_slide(picture(tmp_path, size)), theme=theme, folder=tmp_path)
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    (placed,) = with_role(slide, "image")
    assert isinstance(placed, PictureBox)
    assert placed.alt == "A map of the Sahel" and Path(placed.path).name == "map.png"
    assert placed.w / placed.h == pytest.approx(size[0] / size[1], rel=0.01)
    (title,) = with_role(slide, "title")
    assert placed.y >= title.y + title.h


def test_fit_picture_fills_one_side_and_centres_the_other() -> None:
    rect = Rect(100, 200, 1000, 500)
    assert fit_picture((400, 100), rect) == Rect(100, 325, 1000, 250)
    assert fit_picture((100, 100), rect) == Rect(350, 200, 500, 500)


def test_the_caption_sits_under_the_picture_at_the_caption_size(tmp_path: Path) -> None:
    laid = laid_out(image_slide(picture(tmp_path, (800, 600)), "Source: UN map"), folder=tmp_path)
    (slide,) = laid.slides
    assert_on_the_slide(laid)
    (placed,) = with_role(slide, "image")
    (caption,) = with_role(slide, "caption")
    assert text_of([caption]) == "Source: UN map"
    assert placed.y + placed.h <= caption.y
    assert_at_least(laid, "caption", load_theme("briefing").sizes.caption)


def test_a_caption_longer_than_three_lines_is_refused_at_the_caption(tmp_path: Path) -> None:
    slide = image_slide(picture(tmp_path, (800, 600)), " ".join(["A caption that says far too much"] * 20))
    problem, line = refusal(slide, folder=tmp_path)
    assert "the caption is too long to fit on a slide" in problem.message
    assert line.strip().startswith("caption: A caption")


def test_a_missing_picture_is_refused_at_the_image_key(tmp_path: Path) -> None:
    problem, line = refusal(image_slide("nowhere.png"), folder=tmp_path)
    assert problem.path == str(tmp_path / "deck.yaml")
    assert line.strip() == "image: nowhere.png"
