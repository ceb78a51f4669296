"""A slide title moves off the template's art that crosses one end of its placeholder, when it fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches
from support.crafted_templates import widen
from template_fixtures import FLAGSHIP, _add_master_shape, bar

from deckbuilder import load, pipeline
from deckbuilder.layout.boxes import ShapeBox, TextBox


@pytest.mark.parametrize(("layout", "heading"), [(1, "Key Takeaways"), (0, "France-US Conundrum")])
def test_a_title_steps_off_a_block_over_its_placeholder_s_left_end(
    tmp_path: Path, layout: int, heading: str
) -> None:
    """On the content slides (the block on the master) and on the cover (on its layout alone)."""
    prs = Presentation()
    widen(prs)
    title = prs.slide_layouts[layout].placeholders[0]
    left, top, height = title.left or 0, title.top or 0, title.height or 0
    # A black block over the first inch and a half of the title's area, from the slide's edge.
    block = bar("Block", 0, top, left + Inches(1.5), height, "000000")
    _add_master_shape(prs.slide_layouts[0] if layout == 0 else prs.slide_masters[0], block)
    prs.save(str(tmp_path / "block.pptx"))
    laid_out = pipeline.layout(load(FLAGSHIP), theme=str(tmp_path / "block.pptx"))
    slide = next(s for s in laid_out.slides if s.title == heading)
    (box,) = [b for b in slide.boxes if isinstance(b, TextBox) and b.role == "title"]
    assert box.x + box.inset >= left + Inches(1.5)  # the text starts right of the block
    assert not [
        b for b in slide.boxes if isinstance(b, ShapeBox) and b.role == "panel" and b.y < box.y + box.h
    ]
