"""Hostile .pptx templates through the command line, one test per class of defect (issue 19).

Each template is crafted here from python-pptx's default template (zipfile, lxml, Pillow) and run
through `python -m deckbuilder` under a memory cap and a timeout that only a hang would reach: the
command exits 0 or 1, every line of stderr is `path: message`, never a traceback or an internal error.
"""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_support import SAHEL, assert_located, image_deck, run_cli
from lxml import etree
from pptx import Presentation
from template_crafting import (
    CONTENT_LAYOUT,
    CONTENT_LAYOUT_RELS,
    MASTER,
    MASTER_RELS,
    NS,
    add_relationship,
    add_shape,
    capped_memory,
    default_template,
    picture_shape,
    png,
    rewrite,
    template_deck,
    with_picture,
    write,
    xml_edit,
)

HANG = 180
"""Seconds after which a command is taken to hang (a healthy one takes well under two)."""


def run_capped(*args: str | Path, cwd: Path, memory: bool = True) -> subprocess.CompletedProcess[str]:
    """The command line under the memory cap (unless Qt needs its address space) and the hang timeout."""
    return run_cli(*args, cwd=cwd, timeout=HANG, preexec_fn=capped_memory if memory else None)


def assert_clean_outcome(result: subprocess.CompletedProcess[str], path: str | Path) -> None:
    """Exit 0, or exit 1 with every problem located at path; never a traceback or an internal error."""
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    if result.returncode == 1:
        assert_located(result.stderr, path)


def assert_refused(result: subprocess.CompletedProcess[str], path: str | Path, words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert_located(result.stderr, path, must_contain=words)
    assert "BytesIO" not in result.stderr


def reopened(deck: Path) -> int:
    """How many slides python-pptx finds in an exported deck (it raises on a deck it cannot open)."""
    return len(Presentation(str(deck)).slides)


def package_texts(deck: Path) -> Iterator[tuple[str, str]]:
    """Every XML part of a package, as text."""
    with zipfile.ZipFile(deck) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                yield name, package.read(name).decode("utf-8")


# --------------------------------------------------------------------------------------------------
# 1. Unbounded work: the work is bounded by the output, whatever the template holds


def test_a_one_pixel_wide_background_of_ten_thousand_rows_is_sampled_in_bounded_work(tmp_path: Path) -> None:
    """Before: over two minutes and 3.8 GB in check-template (the picture resized to 48 × 480,000)."""
    write(tmp_path / "tall.pptx", with_picture(default_template(), MASTER_RELS, MASTER, png(1, 10000)))
    (tmp_path / "deck.yaml").write_text(template_deck("tall.pptx"), encoding="utf-8")
    checked = run_capped("check-template", "tall.pptx", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert "usable template" in checked.stdout
    validated = run_capped("validate", "deck.yaml", cwd=tmp_path)
    assert validated.returncode == 0, validated.stderr
    exported = run_capped("export", "deck.yaml", "-o", "out", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert reopened(tmp_path / "out" / "deck.pptx") == 3


def _crowded_layout(count: int) -> bytes:
    """The default template with `count` body placeholders on its 'Title and Content' layout."""
    shapes = "".join(
        f'<p:sp><p:nvSpPr><p:cNvPr id="{1000 + n}" name="Body {n}"/><p:cNvSpPr/>'
        f'<p:nvPr><p:ph type="body" idx="{100 + n}"/></p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{n % 50 * 1000}" y="0"/><a:ext cx="3000000" cy="3000000"/></a:xfrm>'
        "</p:spPr></p:sp>"
        for n in range(count)
    )
    return rewrite(default_template(), {CONTENT_LAYOUT: add_shape(shapes)})


def test_a_layout_of_twenty_thousand_placeholders_is_refused_by_name(tmp_path: Path) -> None:
    """Before: layout matching compared every pair of placeholders, past a minute."""
    data = _crowded_layout(20000)
    assert len(data) < 400_000  # a small file: the work was out of all proportion to it
    write(tmp_path / "crowded.pptx", data)
    (tmp_path / "deck.yaml").write_text(template_deck("crowded.pptx"), encoding="utf-8")
    checked = run_capped("check-template", "crowded.pptx", cwd=tmp_path)
    assert_refused(checked, "crowded.pptx", "layout 'Title and Content' holds 20,005 placeholders")
    validated = run_capped("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(validated, "crowded.pptx", "placeholders; the limit is 200")


def test_a_layout_of_many_side_by_side_placeholders_within_the_limit_still_exports(tmp_path: Path) -> None:
    write(tmp_path / "busy.pptx", _crowded_layout(150))
    (tmp_path / "deck.yaml").write_text(template_deck("busy.pptx"), encoding="utf-8")
    exported = run_capped("export", "deck.yaml", "-o", "out", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert reopened(tmp_path / "out" / "deck.pptx") == 3


# --------------------------------------------------------------------------------------------------
# 2. A template or picture that is not a regular file is refused before it is opened


@pytest.fixture
def special_files(tmp_path: Path) -> dict[str, str]:
    """A template that is a symbolic link to /dev/zero, one that is a FIFO, and a picture FIFO."""
    (tmp_path / "zero.pptx").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "fifo.pptx")
    os.mkfifo(tmp_path / "fifo.png")
    return {"zero": "zero.pptx", "fifo": "fifo.pptx"}


@pytest.mark.parametrize("kind", ["zero", "fifo"])
def test_a_template_that_is_a_device_or_a_pipe_is_refused_by_every_command(
    kind: str, special_files: dict[str, str], tmp_path: Path
) -> None:
    """Before: /dev/zero was read until memory ran out; a FIFO blocked export and validate forever."""
    name = special_files[kind]
    (tmp_path / "deck.yaml").write_text(template_deck(name), encoding="utf-8")
    words = "is not a regular file"
    assert_refused(run_capped("check-template", name, cwd=tmp_path), name, words)
    assert_refused(
        run_capped("export", "deck.yaml", "--template", name, "-o", "out", cwd=tmp_path), name, words
    )
    for command in (("validate", "deck.yaml"), ("export", "deck.yaml", "-o", "out")):
        result = run_capped(*command, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        # the link leads out of the deck's folder, so the theme is refused before it is looked at
        assert words in result.stderr or "is outside the deck's folder" in result.stderr, result.stderr
    assert not (tmp_path / "out" / "deck.pptx").exists()


def test_a_picture_that_is_a_pipe_is_refused(special_files: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text(image_deck("fifo.png"), encoding="utf-8")
    result = run_capped("validate", "deck.yaml", cwd=tmp_path)
    assert_refused(result, "deck.yaml", "is not a file")


def test_a_picture_file_of_unbounded_size_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A sparse file: 300 MB by its size, nothing on disk; a PNG header, so only its size is wrong."""
    with (tmp_path / "huge.png").open("wb") as picture:
        picture.write(png(10, 10))
        picture.truncate(300 * 2**20)
    (tmp_path / "deck.yaml").write_text(image_deck("huge.png"), encoding="utf-8")
    for command in (("validate", "deck.yaml"), ("export", "deck.yaml", "-o", "out")):
        result = run_capped(*command, cwd=tmp_path)
        assert_refused(result, "deck.yaml", "is 300 MB; pictures are limited to 200 MB")


# --------------------------------------------------------------------------------------------------
# 3. Active content in masters and layouts is not copied into decks

_OLE = (
    '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="901" name="Object"/><p:cNvGraphicFramePr/><p:nvPr/>'
    '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm><a:graphic>'
    '<a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
    '<p:oleObj r:id="rId77" progId="Package" name="payload"><p:link/></p:oleObj>'
    "</a:graphicData></a:graphic></p:graphicFrame>"
)


def _linked_text(name: str, rel_id: str, action: str = "") -> str:
    """A text box whose run is a hyperlink (with an optional action)."""
    action_attribute = f' action="{action}"' if action else ""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{hash(name) % 1000 + 2000}" name="{name}"/><p:cNvSpPr txBox="1"/>'
        '<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="6000000"/><a:ext cx="914400" cy="300000"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:p><a:r>'
        f'<a:rPr lang="en-US"><a:hlinkClick r:id="{rel_id}"{action_attribute}/></a:rPr><a:t>{name}</a:t>'
        "</a:r></a:p></p:txBody></p:sp>"
    )


def active_template() -> bytes:
    """Linked master picture, an OLE object and script, program and web hyperlinks on a layout."""
    master_rels = add_relationship("rId81", "image", "http://127.0.0.1:9/logo.png", external=True)
    layout_rels = [
        add_relationship("rId77", "oleObject", "http://127.0.0.1:9/payload.bin", external=True),
        add_relationship("rId78", "hyperlink", "javascript:alert(document.cookie)", external=True),
        add_relationship("rId79", "hyperlink", "file:///bin/sh", external=True),
        add_relationship("rId80", "hyperlink", "https://example.com/brand", external=True),
    ]

    def all_layout_rels(blob: bytes) -> bytes:
        for edit in layout_rels:
            blob = edit(blob)
        return blob

    shapes = (
        _OLE
        + _linked_text("Script", "rId78")
        + _linked_text("Program", "rId79", "ppaction://program")
        + _linked_text("Brand", "rId80")
    )
    return rewrite(
        default_template(),
        {
            MASTER_RELS: master_rels,
            MASTER: add_shape(picture_shape("rId81", attribute="link")),
            CONTENT_LAYOUT_RELS: all_layout_rels,
            CONTENT_LAYOUT: add_shape(shapes),
        },
    )


def test_external_links_ole_objects_and_script_hyperlinks_are_stripped_from_exports(tmp_path: Path) -> None:
    """Before: every exported deck carried them (LibreOffice fetched the linked picture on opening)."""
    write(tmp_path / "active.pptx", active_template())
    (tmp_path / "deck.yaml").write_text(template_deck("active.pptx"), encoding="utf-8")
    assert run_capped("check-template", "active.pptx", cwd=tmp_path).returncode == 0
    exported = run_capped("export", "deck.yaml", "-o", "out", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    deck = tmp_path / "out" / "deck.pptx"
    assert reopened(deck) == 3
    kept_links = []
    for name, text in package_texts(deck):
        assert "javascript:" not in text and "oleObj" not in text and "127.0.0.1" not in text, name
        assert "ppaction://program" not in text and "r:link=" not in text, name
        if name.endswith(".rels"):
            for rel in etree.fromstring(text.encode()).iterfind("rel:Relationship", NS):
                if rel.get("TargetMode") == "External":
                    assert rel.get("Type", "").endswith("/hyperlink"), (name, rel.attrib)
                    kept_links.append(rel.get("Target"))
    assert kept_links == ["https://example.com/brand"]  # a plain web link is no active content


# --------------------------------------------------------------------------------------------------
# 4. A DOCTYPE in any part is refused, located


def test_a_template_part_with_a_doctype_is_refused(tmp_path: Path) -> None:
    """Before: exit 0 and a deck python-pptx could not reopen (an entity left unresolved)."""

    def with_entity(blob: bytes) -> bytes:
        declaration, rest = blob.split(b"?>", 1)
        doctype = b'<!DOCTYPE p:sldLayout [<!ENTITY brand "Evil">]>'
        return declaration + b"?>" + doctype + rest.replace(b'name="Title and Content"', b'name="&brand;"', 1)

    write(tmp_path / "dtd.pptx", rewrite(default_template(), {CONTENT_LAYOUT: with_entity}))
    (tmp_path / "deck.yaml").write_text(template_deck("dtd.pptx"), encoding="utf-8")
    words = f"part '{CONTENT_LAYOUT}' declares a DTD"
    assert_refused(run_capped("check-template", "dtd.pptx", cwd=tmp_path), "dtd.pptx", words)
    assert_refused(run_capped("export", "deck.yaml", "-o", "out", cwd=tmp_path), "dtd.pptx", words)
    assert not (tmp_path / "out" / "deck.pptx").exists()


# --------------------------------------------------------------------------------------------------
# 5. Out-of-range values are refused with the layout's name


def _placeholder_edit(change: str) -> bytes:
    """The default template with the content layout's title placeholder given one absurd value."""

    def edit(tree: etree._Element) -> None:
        title = tree.find("p:cSld/p:spTree/p:sp", NS)
        sp_pr = title.find("p:spPr", NS)
        if change == "font":
            body = title.find("p:txBody", NS)
            if body is None:
                body = etree.SubElement(title, f"{{{NS['p']}}}txBody")
                etree.SubElement(body, f"{{{NS['a']}}}bodyPr")
                etree.SubElement(body, f"{{{NS['a']}}}p")
            style = body.find("a:lstStyle", NS)
            if style is None:
                style = etree.Element(f"{{{NS['a']}}}lstStyle")
                body.insert(1, style)
            level = etree.SubElement(style, f"{{{NS['a']}}}lvl1pPr")
            etree.SubElement(level, f"{{{NS['a']}}}defRPr", sz="1")
            return
        for child in list(sp_pr):
            sp_pr.remove(child)
        offset, extent = (
            ("-100000000000000", "914400") if change == "offset" else ("0", "9000000000000000000")
        )
        xfrm = etree.SubElement(sp_pr, f"{{{NS['a']}}}xfrm")
        etree.SubElement(xfrm, f"{{{NS['a']}}}off", x=offset, y="0")
        etree.SubElement(xfrm, f"{{{NS['a']}}}ext", cx=extent, cy="914400")

    return rewrite(default_template(), {CONTENT_LAYOUT: xml_edit(edit)})


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("font", "font size of 0.01 pt"),
        ("offset", "lies 100,000,000,000,000 EMU"),
        ("extent", "has a size of"),
    ],
)
def test_out_of_range_placeholder_values_are_refused_naming_the_layout(
    change: str, words: str, tmp_path: Path
) -> None:
    """Before: a 0.01 pt font, an offset of -10^14 EMU or an extent of 9·10^18 EMU went into slides."""
    write(tmp_path / "odd.pptx", _placeholder_edit(change))
    result = run_capped("check-template", "odd.pptx", cwd=tmp_path)
    assert_refused(result, "odd.pptx", "layout 'Title and Content', placeholder 'Title 1'")
    assert words in result.stderr


# --------------------------------------------------------------------------------------------------
# 6. Names from a template cannot forge lines


def test_layout_and_shape_names_with_control_characters_are_escaped(tmp_path: Path) -> None:
    """Before: a layout name holding a newline printed a line of the attacker's choosing."""

    def rename(tree: etree._Element) -> None:
        tree.find("p:cSld", NS).set("name", "Title and Content\nevil.pptx: usable template\u202e")
        tree.find("p:cSld/p:spTree/p:sp/p:nvSpPr/p:cNvPr", NS).set("name", "Title\r\x85forged")

    write(tmp_path / "names.pptx", rewrite(default_template(), {CONTENT_LAYOUT: xml_edit(rename)}))
    result = run_capped("check-template", "names.pptx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Title and Content\\x0aevil.pptx: usable template\\u202e" in result.stdout
    for line in (result.stdout + result.stderr).splitlines():
        assert not line.startswith("evil.pptx"), line
        assert "\r" not in line and "\x85" not in line and "\u202e" not in line, repr(line)
    (tmp_path / "deck.yaml").write_text(template_deck("names.pptx"), encoding="utf-8")
    exported = run_capped("export", "deck.yaml", "-o", "out", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr


# --------------------------------------------------------------------------------------------------
# 7. check-template and export read a template the same way, and agree


def _outside_link(data: bytes) -> bytes:
    return rewrite(data, {CONTENT_LAYOUT_RELS: add_relationship("rId90", "image", "../../../../outside.png")})


def _no_overrides(data: bytes) -> bytes:
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"

    def strip(tree: etree._Element) -> None:
        for override in tree.findall(f"{{{ct}}}Override"):
            tree.remove(override)

    return rewrite(data, {"[Content_Types].xml": xml_edit(strip)})


@pytest.mark.parametrize(
    ("mutate", "words"),
    [(_outside_link, "points outside the package"), (_no_overrides, "content type in [Content_Types].xml")],
    ids=["outside-link", "no-overrides"],
)
def test_check_template_and_export_agree_on_a_template_export_cannot_use(
    mutate: object, words: str, tmp_path: Path
) -> None:
    """Before: check-template said 'usable', export failed with `<_io.BytesIO object …>`."""
    write(tmp_path / "broken.pptx", mutate(default_template()))  # type: ignore[operator]
    (tmp_path / "deck.yaml").write_text(template_deck("broken.pptx"), encoding="utf-8")
    checked = run_capped("check-template", "broken.pptx", cwd=tmp_path)
    assert_refused(checked, "broken.pptx", words)
    exported = run_capped("export", "deck.yaml", "--template", "broken.pptx", "-o", "out", cwd=tmp_path)
    assert_refused(exported, "broken.pptx", words)
    assert not (tmp_path / "out" / "deck.pptx").exists()


# --------------------------------------------------------------------------------------------------
# 8. A template picture Qt cannot draw is refused for PDF and PNG, not left out


def test_a_logo_too_large_for_qt_is_refused_by_pdf_export(tmp_path: Path) -> None:
    """Before: PDF export exited 0 with the logo silently missing (Qt declines images over 256 MB)."""
    huge = png(9000, 9000)
    assert len(huge) < 1_000_000
    data = with_picture(default_template(), MASTER_RELS, MASTER, huge, background=False)
    write(tmp_path / "logo.pptx", data)
    (tmp_path / "deck.yaml").write_text(template_deck("logo.pptx"), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = run_cli(
        "export", "deck.yaml", "--format", "pdf", "-o", "out", cwd=tmp_path, timeout=HANG, env=env
    )
    where = tmp_path / "logo.pptx"  # export names the template by its full path
    assert_refused(result, where, "shape 'Logo', of layout 'Title and Content' (9,000 × 9,000 pixels")
    assert not (tmp_path / "out" / "deck.pdf").exists()
    as_pptx = run_capped("export", "deck.yaml", "-o", "out", cwd=tmp_path)  # PowerPoint draws it
    assert as_pptx.returncode == 0, as_pptx.stderr


def test_a_logo_qt_can_draw_still_exports_to_pdf(tmp_path: Path) -> None:
    data = with_picture(default_template(), MASTER_RELS, MASTER, SAHEL.read_bytes(), background=False)
    write(tmp_path / "logo.pptx", data)
    (tmp_path / "deck.yaml").write_text(template_deck("logo.pptx"), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = run_cli(
        "export", "deck.yaml", "--format", "pdf", "-o", "out", cwd=tmp_path, timeout=HANG, env=env
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "deck.pdf").read_bytes().startswith(b"%PDF")


def test_crafted_templates_are_small_files() -> None:
    """The crafting helpers make valid zips (a guard against a test passing on a broken fixture)."""
    for data in (active_template(), _crowded_layout(10)):
        assert zipfile.is_zipfile(io.BytesIO(data))


def test_thousands_of_painted_shapes_cost_the_canvas_a_bounded_budget(tmp_path: Path) -> None:
    """Every layout's look is painted to place text; a master of 4,000 slide-sized see-through
    gradients and a group of 900 shapes is painted within a budget (the rest counts as busy), not
    composited 5,000 times for each layout."""
    glow = (
        '<p:sp><p:nvSpPr><p:cNvPr id="{n}" name="Glow {n}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
        '<a:xfrm><a:off x="-9000000" y="-9000000"/><a:ext cx="30000000" cy="30000000"/></a:xfrm>'
        '<a:prstGeom prst="ellipse"><a:avLst/></a:prstGeom><a:gradFill><a:gsLst>'
        '<a:gs pos="0"><a:srgbClr val="FFFFFF"><a:alpha val="20000"/></a:srgbClr></a:gs>'
        '<a:gs pos="100000"><a:srgbClr val="000000"><a:alpha val="10000"/></a:srgbClr></a:gs></a:gsLst>'
        '<a:path path="circle"><a:fillToRect l="50000" t="50000" r="50000" b="50000"/></a:path>'
        "</a:gradFill></p:spPr></p:sp>"
    )
    dot = (
        '<p:sp><p:nvSpPr><p:cNvPr id="{n}" name="Dot"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>'
        '<a:xfrm><a:off x="{x}" y="0"/><a:ext cx="50" cy="50"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        '</a:prstGeom><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></p:spPr></p:sp>'
    )
    group = (
        '<p:grpSp><p:nvGrpSpPr><p:cNvPr id="9" name="Dots"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
        '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9000000" cy="100000"/>'
        '<a:chOff x="0" y="0"/><a:chExt cx="90000" cy="1000"/></a:xfrm></p:grpSpPr>'
        + "".join(dot.format(n=20000 + n, x=n * 100) for n in range(900))
        + "</p:grpSp>"
    )
    shapes = "".join(glow.format(n=100 + n) for n in range(4000)) + group
    write(tmp_path / "glows.pptx", rewrite(default_template(), {MASTER: add_shape(shapes)}))
    (tmp_path / "deck.yaml").write_text(template_deck("glows.pptx"), encoding="utf-8")
    exported = run_capped("export", "deck.yaml", "-o", "out", cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert reopened(tmp_path / "out" / "deck.pptx") == 3
