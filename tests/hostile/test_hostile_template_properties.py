"""Property tests over templates: random mutations of a real template's parts export a deck python-pptx
reopens, or are refused with located messages by check-template and export alike; never another error.

Mutations change attribute values (to zeros, negatives, huge numbers, junk, control characters,
relationship ids and external targets), drop, duplicate or move elements, cut or flip bytes, and remove
parts, in the masters, layouts, theme, presentation, content types and relationships. A small
sample of the decks is opened by LibreOffice too.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pptx import Presentation
from support.office import convert_to_pdf, needs_libreoffice
from template_crafting import CONTENT_LAYOUT, MASTER, MASTER_RELS, default_template, rewrite, template_deck

import deckbuilder
from deckbuilder import DeckError
from deckbuilder.themes.templates.check import check_template

BASE = default_template()
PARTS = (
    MASTER,
    CONTENT_LAYOUT,
    "ppt/slideLayouts/slideLayout1.xml",
    "ppt/slideLayouts/slideLayout4.xml",
    "ppt/theme/theme1.xml",
    "ppt/presentation.xml",
    "[Content_Types].xml",
    "_rels/.rels",
    "ppt/_rels/presentation.xml.rels",
    MASTER_RELS,
    "ppt/slideLayouts/_rels/slideLayout2.xml.rels",
)
VALUES = (
    "0",
    "1",
    "-1",
    "",
    "x",
    "100",
    "99999999999999999999",
    "-100000000000000",
    "9000000000000000000",
    "1e400",
    "NaN",
    "a\nb\x85c",
    "ctr",
    "true",
    "rId1",
    "rId2",
    "../../x.xml",
    "/ppt/slideLayouts/slideLayout3.xml",
    "External",
    "javascript:alert(1)",
    "http://127.0.0.1:9/x.png",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
    "application/xml",
)
ATTRIBUTES = (
    "sz", "x", "y", "cx", "cy", "idx", "type", "name", "val", "algn", "anchor", "lIns", "rot", "hidden",
    "showMasterSp", "typeface", "Target", "TargetMode", "Type", "Id", "ContentType", "PartName",
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed",
)  # fmt: skip
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(PARTS),
        st.sampled_from(("set", "set", "set", "drop", "duplicate", "move", "cut", "flip", "remove")),
        st.integers(0, 10**6),
        st.sampled_from(ATTRIBUTES),
        st.sampled_from(VALUES),
    ),
    min_size=1,
    max_size=4,
)
PROPERTY = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)
_names = itertools.count()


def _xml_mutation(kind: str, pick: int, attribute: str, value: str) -> Callable[[bytes], bytes]:
    """One change to a part's XML tree; a part that is no longer XML is left as it is."""

    def edit(blob: bytes) -> bytes:
        try:
            tree = etree.fromstring(blob)
        except etree.XMLSyntaxError:
            return blob
        elements = list(tree.iter(etree.Element))
        element = elements[pick % len(elements)]
        parent = element.getparent()
        if kind == "set":
            element.set(attribute, value)
        elif parent is not None and kind == "drop":
            parent.remove(element)
        elif parent is not None and kind == "duplicate":
            parent.append(etree.fromstring(etree.tostring(element)))
        elif parent is not None and kind == "move":
            destination = elements[(pick // 7) % len(elements)]
            if destination is not element and element not in destination.iterancestors():
                destination.append(element)
        return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))

    return edit


def _byte_mutation(kind: str, pick: int) -> Callable[[bytes], bytes]:
    def edit(blob: bytes) -> bytes:
        where = pick % max(1, len(blob))
        if kind == "cut":
            return blob[:where]
        return blob[:where] + bytes([blob[where] ^ 0x5A]) + blob[where + 1 :] if blob else blob

    return edit


def mutated(mutations: list[tuple[str, str, int, str, str]]) -> bytes:
    """The default template with each mutation applied in turn."""
    data = BASE
    for part, kind, pick, attribute, value in mutations:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if part not in package.namelist():
                continue
        if kind == "remove":
            data = rewrite(data, {part: None})
        elif kind in ("cut", "flip"):
            data = rewrite(data, {part: _byte_mutation(kind, pick)})
        else:
            data = rewrite(data, {part: _xml_mutation(kind, pick, attribute, value)})
    return data


def export_or_refuse(folder: Path, data: bytes) -> tuple[Path | None, Path]:
    """Check and export a deck on the mutated template: the deck, or None when both refused it."""
    number = next(_names)
    template = folder / f"mutant{number}.pptx"
    template.write_bytes(data)
    deck = folder / f"deck{number}.yaml"
    deck.write_text(template_deck(template.name), encoding="utf-8")
    target = folder / f"deck{number}.pptx"
    try:
        check_template(template)
    except DeckError as error:
        assert all(problem.path in (str(template), template.name) for problem in error.problems), error
        checked = False
    else:
        checked = True
    try:
        deckbuilder.export(deck, target)
    except DeckError as error:
        assert not checked, f"check-template accepted what export refused: {error}"
        assert "BytesIO" not in str(error) and "\n" not in "".join(p.message for p in error.problems)
        return None, template
    assert checked, "export used a template check-template refused"
    assert len(Presentation(str(target)).slides) == 3
    return target, template


@PROPERTY
@given(mutations=MUTATIONS)
def test_a_mutated_template_exports_a_deck_that_reopens_or_is_refused(
    mutations: list[tuple[str, str, int, str, str]], tmp_path: Path
) -> None:
    export_or_refuse(tmp_path, mutated(mutations))


SAMPLE = [
    [(CONTENT_LAYOUT, "set", 31, "sz", "100")],
    [(MASTER, "duplicate", 12, "x", "")],
    [("ppt/theme/theme1.xml", "set", 40, "val", "1"), (CONTENT_LAYOUT, "move", 20, "x", "")],
    [(MASTER, "set", 5, "name", "a\nb\x85c"), ("ppt/slideLayouts/slideLayout1.xml", "drop", 9, "x", "")],
]


@pytest.mark.soffice
@needs_libreoffice
def test_libreoffice_opens_decks_on_mutated_templates(tmp_path: Path) -> None:
    decks = [deck for deck, _ in (export_or_refuse(tmp_path, mutated(m)) for m in SAMPLE) if deck]
    assert decks, "the sample should hold templates that export"
    out = tmp_path / "pdf"
    out.mkdir()
    convert_to_pdf(decks, out)
    for deck in decks:
        assert (out / f"{deck.stem}.pdf").read_bytes().startswith(b"%PDF"), deck
