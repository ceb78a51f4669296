"""The DrawingML written for text: what another office suite reads back as the size layout measured."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.oxml.ns import qn

import deckbuilder

TABLE = """title: Figures
sections:
  - title: S
    divider: false
    slides:
      - kind: table
        title: Positions side by side
        header: ["", France, United States]
        rows:
          - [Priority, Allied solidarity, "US interests: its counter-terrorism base"]
"""


def test_an_empty_cell_keeps_its_row_s_size_on_its_end_mark(tmp_path: Path) -> None:
    (tmp_path / "table.yaml").write_text(TABLE, encoding="utf-8")
    pptx = deckbuilder.export(tmp_path / "table.yaml", tmp_path / "table.pptx")
    (shape,) = [s for s in Presentation(str(pptx)).slides[0].shapes if s.has_table]
    empty, france = (cell.text_frame.paragraphs[0]._p for cell in list(shape.table.rows[0].cells)[:2])
    # An empty run would be dropped on reading, the line then sized by the table style's 18 pt
    assert empty.findall(qn("a:r")) == []
    end = empty.find(qn("a:endParaRPr"))
    assert end is not None and end.get("sz") == france.find(f"{qn('a:r')}/{qn('a:rPr')}").get("sz")
    assert end.get("b") == "1"
