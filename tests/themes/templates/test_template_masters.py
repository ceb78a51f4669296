"""With several masters, the title slide takes the cover's and the rest the calmest content master."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from support.office import needs_libreoffice
from template_fixtures import FLAGSHIP

import deckbuilder
from deckbuilder.geometry import Rect
from deckbuilder.themes.templates.check import check_template
from deckbuilder.themes.templates.colors import Background
from deckbuilder.themes.templates.mapping import plan_layouts, plan_masters
from deckbuilder.themes.templates.model import Decoration, Layout, Placeholder, TemplateSpec, TextLook

W, H = 12192000, 6858000
TITLE = Rect(W // 12, H // 20, W * 10 // 12, H // 6)
BODY = Rect(W // 12, H // 4, W * 10 // 12, H * 3 // 5)
FULL_BLEED = (Decoration(Rect(0, 0, W, H), "other"),)
CORNER = (Decoration(Rect(W - W // 10, 0, W // 10, H // 10), "other"),)


def _layouts(master: int, shapes: tuple[Decoration, ...]) -> list[Layout]:
    title, body = (
        Placeholder("title", 0, "Title", TITLE, TextLook()),
        Placeholder("obj", 1, "Body", BODY, TextLook()),
    )
    subtitle = Placeholder("subTitle", 1, "Subtitle", BODY, TextLook())
    plain = Background("FFFFFF")
    return [
        Layout(
            "Title Slide",
            master,
            0,
            None,
            (Placeholder("ctrTitle", 0, "Title", TITLE, TextLook()), subtitle),
            plain,
            shapes,
        ),
        Layout("Title and Content", master, 1, None, (title, body), plain, shapes),
        Layout("Title Only", master, 2, None, (title,), plain, shapes),
    ]


def _spec(samples: tuple[tuple[int, int], ...]) -> TemplateSpec:
    """Master 1 a cover drawn over everything; master 2 as busy; master 3 with one corner shape."""
    layouts = _layouts(0, FULL_BLEED) + _layouts(1, FULL_BLEED) + _layouts(2, CORNER)
    return TemplateSpec("masters.pptx", W, H, tuple(layouts), "Arial", "Arial", (), 3, len(samples), samples)


def test_the_cover_opens_the_deck_and_the_calmest_content_master_takes_the_rest() -> None:
    choices = plan_layouts(_spec(((0, 0), (1, 1), (2, 1))))
    assert choices["title"].layout.master == 0
    assert {choice.layout.master for kind, choice in choices.items() if kind != "title"} == {2}
    assert "calmest" in choices["bullets"].why and "sample" in choices["bullets"].why


def test_only_masters_the_sample_content_slides_use_are_candidates() -> None:
    plan = plan_masters(_spec(((0, 0), (1, 1))))  # the calm master 3 has no sample slide
    assert (plan.cover, plan.content) == (0, 1)


def test_without_sample_slides_the_calmest_master_holds_the_content() -> None:
    plan = plan_masters(_spec(()))
    assert (plan.cover, plan.content) == (0, 2)


@pytest.fixture(scope="module")
def focus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LibreOffice's own 'Focus' template (a rainbow cover master, three calmer ones) as a .pptx."""
    source = Path("/usr/lib/libreoffice/share/template/common/presnt/Focus.otp")
    if not source.exists():
        pytest.skip("LibreOffice's Focus template is not installed")
    folder = tmp_path_factory.mktemp("focus")
    profile = f"-env:UserInstallation=file://{folder / 'profile'}"
    command = ["soffice", profile, "--headless", "--convert-to", "pptx", "--outdir", str(folder), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return folder / "Focus.pptx"


@needs_libreoffice
def test_focus_exports_content_slides_off_the_cover_master(focus: Path, tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    shutil.copy(focus, tmp_path / "Focus.pptx")
    text = FLAGSHIP.read_text(encoding="utf-8").replace("theme: briefing", "theme: Focus.pptx")
    deck.write_text(text.replace("../assets/", f"{FLAGSHIP.parents[1] / 'assets'}/"), encoding="utf-8")
    out = deckbuilder.export(deck, tmp_path / "deck.pptx", allow_outside_paths=True)
    prs = Presentation(str(out))
    masters = list(prs.slide_masters)
    used = [masters.index(slide.slide_layout.slide_master) for slide in prs.slides]
    assert used[0] == 0, "the title slide sits on the cover"
    assert 0 not in used[1:], "no content slide sits on the cover's full-bleed triangles"
    report = "\n".join(check_template(tmp_path / "Focus.pptx").lines())
    assert "first sample title slide's master" in report and "calmest of 3" in report
