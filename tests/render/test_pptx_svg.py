"""SVG pictures in a .pptx: the SVG part, its PNG fallback, the blip's svgBlip extension, LibreOffice."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Emu
from support.office import convert_to_pdf, needs_libreoffice

ROOT = Path(__file__).resolve().parents[2]
SVG_BLIP_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main",
}
RED, BLUE = (204, 34, 34), (34, 68, 204)
DRAWING = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" width="80mm" height="40mm" viewBox="0 0 200 100">\n'
    '  <rect width="100" height="100" fill="#CC2222"/>\n'
    '  <circle cx="150" cy="50" r="45" fill="#2244CC"/>\n'
    "</svg>\n"
)
"""Red on the left, a blue disc on the right: twice as wide as it is high."""


def svg_deck(folder: Path) -> Path:
    """An outline with the drawing on two image slides."""
    (folder / "drawing.svg").write_text(DRAWING, encoding="utf-8")
    deck = folder / "deck.yaml"
    slides = "".join(
        f"      - kind: image\n        title: Drawing {n}\n"
        "        image: drawing.svg\n        alt: Red and blue\n"
        for n in (1, 2)
    )
    deck.write_text(
        f"title: Vectors\nsections:\n  - title: Pictures\n    slides:\n{slides}", encoding="utf-8"
    )
    return deck


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The deck exported by the command line."""
    folder = tmp_path_factory.mktemp("svg")
    result = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "export", str(svg_deck(folder)), "-o", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return folder / "deck.pptx"


def picture_blip(pptx: Path, slide_number: int) -> tuple[etree._Element, dict[str, str]]:
    """The picture's a:blip on a slide, and the slide's relationships (id → target)."""
    with zipfile.ZipFile(pptx) as archive:
        slide = etree.fromstring(archive.read(f"ppt/slides/slide{slide_number}.xml"))
        rels = etree.fromstring(archive.read(f"ppt/slides/_rels/slide{slide_number}.xml.rels"))
    blips = slide.findall(".//a:blip", NS)
    assert len(blips) == 1
    return blips[0], {rel.get("Id"): rel.get("Target") for rel in rels}


def test_an_svg_lands_as_svg_and_png_in_the_media_folder(exported: Path) -> None:
    with zipfile.ZipFile(exported) as archive:
        media = sorted(name for name in archive.namelist() if name.startswith("ppt/media/"))
        assert media == ["ppt/media/image1.png", "ppt/media/image1.svg"]  # once for both slides
        assert archive.read("ppt/media/image1.svg").decode("utf-8") == DRAWING
        types = etree.fromstring(archive.read("[Content_Types].xml"))
    svg_type = [t.get("ContentType") for t in types if t.get("PartName") == "/ppt/media/image1.svg"]
    assert svg_type == ["image/svg+xml"]


@pytest.mark.parametrize("slide_number", [2, 3])
def test_the_blip_shows_the_png_and_names_the_svg_in_its_extension(exported: Path, slide_number: int) -> None:
    blip, rels = picture_blip(exported, slide_number)
    assert rels[blip.get(f"{{{NS['r']}}}embed")] == "../media/image1.png"
    extensions = blip.findall("a:extLst/a:ext", NS)
    assert [ext.get("uri") for ext in extensions] == [SVG_BLIP_URI]
    svg_blip = extensions[0].find("asvg:svgBlip", NS)
    assert svg_blip is not None
    assert rels[svg_blip.get(f"{{{NS['r']}}}embed")] == "../media/image1.svg"


def test_the_picture_keeps_the_svgs_aspect_ratio_and_alt_text(exported: Path) -> None:
    picture = next(shape for shape in Presentation(str(exported)).slides[1].shapes if shape.shape_type == 13)
    assert Emu(picture.width) / Emu(picture.height) == pytest.approx(2.0, rel=1e-3)
    assert picture._element.nvPicPr.cNvPr.get("descr") == "Red and blue"


def test_the_png_fallback_is_the_drawing(exported: Path) -> None:
    with (
        zipfile.ZipFile(exported) as archive,
        Image.open(io.BytesIO(archive.read("ppt/media/image1.png"))) as png,
    ):
        rgba = png.convert("RGBA")
        width, height = rgba.size
        assert (width, height) == (1600, 800)
        assert rgba.getpixel((width // 4, height // 2)) == (*RED, 255)
        assert rgba.getpixel((width * 3 // 4, height // 2)) == (*BLUE, 255)
        assert rgba.getpixel((width - 2, 2))[3] == 0  # outside the disc: transparent, not white


def test_two_exports_of_an_svg_deck_are_byte_identical(exported: Path, tmp_path: Path) -> None:
    import deckbuilder

    again = deckbuilder.export(svg_deck(tmp_path), tmp_path / "again.pptx")
    assert again.read_bytes() == exported.read_bytes()


@needs_libreoffice
def test_libreoffice_draws_the_svg_picture(exported: Path, tmp_path: Path) -> None:
    convert_to_pdf([exported], tmp_path)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-f",
            "2",
            "-l",
            "2",
            "-png",
            str(tmp_path / "deck.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=120,
    )
    (page_png,) = tmp_path.glob("page*.png")
    picture = next(shape for shape in Presentation(str(exported)).slides[1].shapes if shape.shape_type == 13)
    slide_width = Presentation(str(exported)).slide_width
    with Image.open(page_png) as page:
        scale = page.width / slide_width
        left, top = picture.left * scale, picture.top * scale
        width, height = picture.width * scale, picture.height * scale
        red = page.convert("RGB").getpixel((int(left + width / 4), int(top + height / 2)))
        blue = page.convert("RGB").getpixel((int(left + width * 3 / 4), int(top + height / 2)))
    assert max(abs(a - b) for a, b in zip(red, RED, strict=True)) < 24, red
    assert max(abs(a - b) for a, b in zip(blue, BLUE, strict=True)) < 24, blue
