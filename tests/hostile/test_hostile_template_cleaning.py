"""The cleaning every template gets before anything reads it (deckbuilder/themes/templates/sanitize.py)."""

from __future__ import annotations

import io
import zipfile

import pytest
from template_crafting import (
    CONTENT_LAYOUT,
    CONTENT_LAYOUT_RELS,
    MASTER,
    add_relationship,
    add_shape,
    default_template,
    rewrite,
)

from deckbuilder.errors import DeckError
from deckbuilder.themes.templates.sanitize import clean_package

SHOWN = "corp.pptx"


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")


def test_a_clean_template_is_left_byte_for_byte() -> None:
    data = default_template()
    assert clean_package(data, SHOWN) is data


def test_a_doctype_in_a_part_nothing_reaches_is_refused_too() -> None:
    data = rewrite(
        default_template(), {"ppt/unused.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "E">]><x/>'}
    )
    with pytest.raises(DeckError, match=r"corp.pptx: refused: part 'ppt/unused.xml' declares a DTD"):
        clean_package(data, SHOWN)


def test_an_embedded_ole_object_goes_with_its_frame_and_relationship() -> None:
    frame = (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="901" name="Object"/><p:cNvGraphicFramePr/><p:nvPr/>'
        '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="9144" cy="9144"/></p:xfrm><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
        '<p:oleObj r:id="rId70" progId="Package"><p:embed/></p:oleObj>'
        "</a:graphicData></a:graphic></p:graphicFrame>"
    )
    data = rewrite(
        default_template(),
        {
            CONTENT_LAYOUT_RELS: add_relationship("rId70", "oleObject", "../embeddings/payload.bin"),
            CONTENT_LAYOUT: add_shape(frame),
            "ppt/embeddings/payload.bin": b"MZ\x90\x00",
        },
    )
    cleaned = clean_package(data, SHOWN)
    assert "oleObj" not in part(cleaned, CONTENT_LAYOUT) and "graphicFrame" not in part(
        cleaned, CONTENT_LAYOUT
    )
    assert "rId70" not in part(cleaned, CONTENT_LAYOUT_RELS)


def test_actions_that_run_macros_or_programs_are_removed() -> None:
    shape = (
        '<p:sp><p:nvSpPr><p:cNvPr id="902" name="Button"><a:hlinkClick r:id="" action="ppaction://macro?name=Run"/>'
        "</p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/></p:sp>"
    )
    cleaned = clean_package(rewrite(default_template(), {MASTER: add_shape(shape)}), SHOWN)
    assert "ppaction://macro" not in part(cleaned, MASTER)
    assert 'name="Button"' in part(cleaned, MASTER)  # the shape stays, only its action goes


def test_odd_package_relationships_are_dropped() -> None:
    rels = add_relationship("rId50", "attachedTemplate", "docProps/core.xml")
    cleaned = clean_package(rewrite(default_template(), {"_rels/.rels": rels}), SHOWN)
    assert "rId50" not in part(cleaned, "_rels/.rels")


def test_a_relationship_to_a_missing_part_is_refused_where_it_is() -> None:
    data = rewrite(
        default_template(), {CONTENT_LAYOUT_RELS: add_relationship("rId60", "image", "../media/gone.png")}
    )
    with pytest.raises(DeckError) as caught:
        clean_package(data, SHOWN)
    assert str(caught.value) == (
        "corp.pptx: not a usable template: relationship 'rId60' of part 'ppt/slideLayouts/slideLayout2.xml' "
        "names a missing part, 'ppt/media/gone.png'"
    )
