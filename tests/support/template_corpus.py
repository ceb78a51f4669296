"""The template corpus, assembled on this machine, and the flagship measured on every template of it.

The corpus: the templates LibreOffice ships (each .otp converted to .pptx by LibreOffice), pandoc's
reference.pptx (when pandoc is installed), python-pptx's default, the templates crafted_templates.py
builds, and a few PowerPoint-made ones from public repositories (tests/data/templates, with their
licences). Only those last are committed: LibreOffice and pandoc make theirs here.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation

import deckbuilder
from deckbuilder.errors import DeckError
from support.crafted_templates import BUILDERS
from support.office import convert
from support.rendered_page import (
    broken_words,
    outline_words,
    read_pages,
    readability,
    render_pages,
    template_numbers,
    template_words,
    words_outside,
)

ROOT = Path(__file__).resolve().parents[2]
FLAGSHIP = ROOT / "decks" / "france-us-conundrum.yaml"
LIBREOFFICE_TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/presnt")
PUBLIC_TEMPLATES = ROOT / "tests" / "data" / "templates"
EXTRA_SLIDES = 3
"""How many more slides than on the built-in theme a template may cost the flagship."""


def libreoffice_names() -> list[str]:
    """The corpus names of the templates LibreOffice ships on this machine (lo-Beehive …)."""
    return sorted(f"lo-{path.stem}" for path in LIBREOFFICE_TEMPLATES.glob("*.otp"))


def corpus_names() -> list[str]:
    """Every template of the corpus by name, whether or not its maker is installed here."""
    public = sorted(f"public-{path.stem}" for path in PUBLIC_TEMPLATES.glob("*.pptx"))
    return ["python-pptx-default", "pandoc-reference", *BUILDERS, *public, *libreoffice_names()]


def missing_maker(name: str) -> str | None:
    """Why a corpus template cannot be made on this machine (None when it can)."""
    if name == "pandoc-reference" and shutil.which("pandoc") is None:
        return "needs pandoc for its reference.pptx; .ci/run installs it"
    if name.startswith("lo-") and shutil.which("soffice") is None:
        return "needs LibreOffice (soffice) to convert its .otp; .ci/run installs it"
    return None


def assemble(folder: Path, names: Iterable[str]) -> dict[str, Path]:
    """Make the named corpus templates in folder (one LibreOffice run for all .otp); skip the unmakeable."""
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}
    wanted = [name for name in names if missing_maker(name) is None]
    otps = [LIBREOFFICE_TEMPLATES / f"{name[3:]}.otp" for name in wanted if name.startswith("lo-")]
    if otps:
        convert(otps, folder, "pptx")
    for name in wanted:
        path = folder / f"{name}.pptx"
        if name.startswith("lo-"):
            (folder / f"{name[3:]}.pptx").rename(path)
        elif name == "pandoc-reference":
            subprocess.run(
                ["pandoc", "-o", str(path), "--print-default-data-file", "reference.pptx"],
                check=True,
                timeout=120,
            )
        elif name.startswith("public-"):
            shutil.copyfile(PUBLIC_TEMPLATES / f"{name[7:]}.pptx", path)
        elif name == "python-pptx-default":
            Presentation().save(str(path))
        else:
            BUILDERS[name](path)
        made[name] = path
    return made


@dataclass
class Measured:
    """The flagship on one template: its export's refusal, slide count and each check's offending words."""

    name: str
    refusal: str | None = None
    slides: int = 0
    outside: list[str] = field(default_factory=list)
    low_contrast: list[str] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)


def slide_count(pptx: Path) -> int:
    """How many slides a deck has."""
    return len(Presentation(str(pptx)).slides)


def _measure(result: Measured, deck: Path, pdf: Path, pictures: Path, vocabulary: set[str]) -> Measured:
    pages = read_pages(pdf)
    seen = readability(
        pages, render_pages(pdf, pictures), template_words(deck), template_numbers(deck, pages)
    )
    result.outside = words_outside(deck, pages)
    result.low_contrast, result.busy = seen.low_contrast, seen.busy
    result.broken = broken_words(pages, vocabulary)
    return result


def measure_corpus(templates: dict[str, Path], folder: Path, deck: Path = FLAGSHIP) -> dict[str, Measured]:
    """Export the deck on every template, render all with one LibreOffice run, and measure each."""
    decks, results = folder / "decks", {name: Measured(name) for name in templates}
    decks.mkdir(parents=True, exist_ok=True)
    exported = {}
    for name, template in templates.items():
        try:
            exported[name] = deckbuilder.export(deck, decks / f"{name}.pptx", theme=str(template))
        except DeckError as error:
            results[name].refusal = str(error)
            continue
        results[name].slides = slide_count(exported[name])
    pdfs = folder / "pdf"
    if exported:
        convert(exported.values(), pdfs, "pdf")
    vocabulary = outline_words(deck.read_text(encoding="utf-8"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            pool.submit(
                _measure, results[name], path, pdfs / f"{name}.pdf", folder / "pages" / name, vocabulary
            )
            for name, path in exported.items()
        ]
        for job in jobs:
            job.result()
    return results


def builtin_slides(folder: Path, deck: Path = FLAGSHIP) -> int:
    """How many slides the deck has on its own built-in theme."""
    folder.mkdir(parents=True, exist_ok=True)
    return slide_count(deckbuilder.export(deck, folder / "builtin.pptx"))
