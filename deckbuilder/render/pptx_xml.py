"""DrawingML for text frames, shapes and backgrounds, built directly with lxml.

python-pptx's proxy objects look up and insert children one XPath query at a time, which makes a
text-heavy slide cost milliseconds; building the same elements directly costs microseconds and
gives the same markup PowerPoint writes.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

from lxml import etree
from pptx.oxml.ns import qn as _qualified_name

from deckbuilder.layout.boxes import Paragraph, PlaceholderRef, ShapeBox, TableBox, TextBox
from deckbuilder.outline.inline import CODE_FONT, Run

qn = functools.cache(_qualified_name)
"""'a:p' → '{…/main}p', worked out once per tag: a deck asks for the same few tags thousands of times."""

SLIDENUM_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}

A_P, A_PPR, A_R, A_RPR, A_T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
A_SPCPTS, A_SOLIDFILL, A_SRGBCLR, A_LATIN = qn("a:spcPts"), qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin")
Element: TypeAlias = Any
"""An lxml element (lxml ships no type information)."""
LinkIds: TypeAlias = Callable[[str], str]
"""The relationship id of a hyperlink to a URL from the part being drawn (added on first use)."""
HYPERLINK_COLOR_EXT = "{A12FA001-AC4F-418D-AE19-62706E023703}"
"""PowerPoint's extension that draws a link in its run's own colour, not the theme's hyperlink colour."""
HYPERLINK_COLOR_NS = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"


def _sub(parent: Element, tag: str, **attributes: str) -> Element:
    return etree.SubElement(parent, tag, attributes)


def _solid_fill(parent: Element, color: str) -> None:
    _sub(_sub(parent, A_SOLIDFILL), A_SRGBCLR, val=color.upper())


def _spacing(parent: Element, tag: str, points: float) -> None:
    _sub(_sub(parent, qn(tag)), A_SPCPTS, val=str(round(points * 100)))


def _run_properties(parent: Element, tag: str, paragraph: Paragraph) -> None:
    properties = _sub(
        parent,
        tag,
        lang="en-US",
        sz=str(round(paragraph.size_pt * 100)),
        b="1" if paragraph.bold else "0",
        i="1" if paragraph.italic else "0",
        dirty="0",
    )
    _solid_fill(properties, paragraph.color)
    _sub(properties, A_LATIN, typeface=paragraph.font)


def add_paragraph(
    body: Element, paragraph: Paragraph, *, in_placeholder: bool = False, links: LinkIds | None = None
) -> None:
    """Append one fitted paragraph, every size and spacing explicit, to a txBody.

    Copied from the first paragraph of the same style: a deck repeats a few styles thousands of
    times, and copying a built paragraph is several times faster than building it again.
    """
    style = (
        paragraph.font,
        paragraph.size_pt,
        paragraph.color,
        paragraph.line_height_pt,
        paragraph.space_before_pt,
        paragraph.bold,
        paragraph.italic,
        paragraph.align,
        paragraph.level,
        paragraph.bullet,
        paragraph.indent_emu,
        paragraph.hanging_emu,
        paragraph.field,
        in_placeholder,
    )
    p = copy.deepcopy(_styled_paragraph(style))
    if not paragraph.text and paragraph.field is None:
        # No empty run: LibreOffice drops it and sizes the line by the table style's 18 pt (an empty
        # header cell grew its row); the end mark carries the paragraph's own size instead.
        properties = p[-1][0]
        properties.tag = qn("a:endParaRPr")
        p[-1] = properties
    elif paragraph.rich and paragraph.field is None:
        template = p[-1]
        p.remove(template)
        for run in paragraph.runs:
            p.append(styled_run(template, run, links))
    else:
        p[-1][-1].text = paragraph.text  # the a:t of its run (or slide-number field)
    body.append(p)


def styled_run(template: Element, run: Run, links: LinkIds | None) -> Element:
    """An a:r copied from a paragraph's own run, made bold, italic, monospace or a link as the run says."""
    r = copy.deepcopy(template)
    properties = r[0]
    if run.bold:
        properties.set("b", "1")
    if run.italic:
        properties.set("i", "1")
    if run.code:
        properties.find(A_LATIN).set("typeface", CODE_FONT)
    if run.link is not None and links is not None:
        properties.set("u", "sng")
        click = _sub(properties, qn("a:hlinkClick"), **{qn("r:id"): links(run.link)})
        ext = _sub(_sub(click, qn("a:extLst")), qn("a:ext"), uri=HYPERLINK_COLOR_EXT)
        etree.SubElement(
            ext, f"{{{HYPERLINK_COLOR_NS}}}hlinkClr", {"val": "tx"}, nsmap={"ahyp": HYPERLINK_COLOR_NS}
        )
    r[-1].text = run.text
    return r


@functools.lru_cache(maxsize=1024)
def _styled_paragraph(style: tuple[Any, ...]) -> Element:
    """An empty paragraph of one style: Paragraph's fields after text and lines, then in_placeholder."""
    holder = etree.Element(qn("a:txBody"))
    _build_paragraph(holder, Paragraph("", (), *style[:-1]), in_placeholder=style[-1])
    built = holder[0]
    built[-1][-1].text = None
    return built


def _build_paragraph(body: Element, paragraph: Paragraph, *, in_placeholder: bool) -> None:
    """Append one fitted paragraph, built element by element.

    In a template's placeholder the outline level, the margins and the line-breaking rules are
    written even when they are the defaults, so that what the template sets for them (indents,
    punctuation hanging past the margin, Latin words broken anywhere), which layout did not measure,
    never applies.
    """
    p = _sub(body, A_P)
    p_pr = _sub(p, A_PPR, algn=_ALIGN[paragraph.align])
    if in_placeholder:
        p_pr.set("marL", str(paragraph.indent_emu))
        p_pr.set("indent", str(-paragraph.hanging_emu))
        if paragraph.level:
            p_pr.set("lvl", str(paragraph.level))
        p_pr.set("eaLnBrk", "1")
        p_pr.set("latinLnBrk", "0")
        p_pr.set("hangingPunct", "0")
    elif paragraph.indent_emu:
        p_pr.set("marL", str(paragraph.indent_emu))
        p_pr.set("indent", str(-paragraph.hanging_emu))
    _spacing(p_pr, "a:lnSpc", paragraph.line_height_pt)
    _spacing(p_pr, "a:spcBef", paragraph.space_before_pt)
    _spacing(p_pr, "a:spcAft", 0.0)
    if paragraph.bullet is None:
        _sub(p_pr, qn("a:buNone"))
    else:
        _sub(p_pr, qn("a:buFont"), typeface="Arial")
        _sub(p_pr, qn("a:buChar"), char=paragraph.bullet)
    if paragraph.field == "slidenum":
        field = _sub(p, qn("a:fld"), id=SLIDENUM_FIELD_ID, type="slidenum")
        _run_properties(field, A_RPR, paragraph)
        _sub(field, A_T).text = paragraph.text
        return
    run = _sub(p, A_R)
    _run_properties(run, A_RPR, paragraph)
    _sub(run, A_T).text = paragraph.text


def fill_text_body(
    body: Element,
    box: TextBox | None,
    paragraphs: Sequence[Paragraph],
    *,
    in_placeholder: bool = False,
    links: LinkIds | None = None,
) -> None:
    """Replace a txBody's content with the box's frame settings and paragraphs."""
    for child in list(body):
        body.remove(child)
    if box is not None:
        _body_properties(body, box.inset, box.bottom_inset, box.anchor)
    else:
        _sub(body, qn("a:bodyPr"))
    _sub(body, qn("a:lstStyle"))
    for paragraph in paragraphs:
        add_paragraph(body, paragraph, in_placeholder=in_placeholder, links=links)


def _body_properties(body: Element, inset: int, bottom_inset: int, anchor: str) -> None:
    """The frame's insets and anchor, text never shrunk: layout has fitted it."""
    body_pr = _sub(
        body,
        qn("a:bodyPr"),
        wrap="square",
        lIns=str(inset),
        tIns=str(inset),
        rIns=str(inset),
        bIns=str(bottom_inset),
        anchor=_ANCHOR[anchor],
        anchorCtr="0",  # a template's centred text block would move lines layout set by their alignment
    )
    _sub(body_pr, qn("a:noAutofit"))


def _shape_properties(sp: Element, x: int, y: int, w: int, h: int, geometry: str) -> Element:
    sp_pr = _sub(sp, qn("p:spPr"))
    xfrm = _sub(sp_pr, qn("a:xfrm"))
    _sub(xfrm, qn("a:off"), x=str(x), y=str(y))
    _sub(xfrm, qn("a:ext"), cx=str(w), cy=str(h))
    _sub(_sub(sp_pr, qn("a:prstGeom"), prst=geometry), qn("a:avLst"))
    return sp_pr


def _non_visual(sp: Element, shape_id: int, name: str, *, text_box: bool, title: bool) -> None:
    nv = _sub(sp, qn("p:nvSpPr"))
    _sub(nv, qn("p:cNvPr"), id=str(shape_id), name=name)
    c_nv_sp_pr = _sub(nv, qn("p:cNvSpPr"), **({"txBox": "1"} if text_box and not title else {}))
    nv_pr = _sub(nv, qn("p:nvPr"))
    if title:
        _sub(c_nv_sp_pr, qn("a:spLocks"), noGrp="1")
        _sub(nv_pr, qn("p:ph"), type="title")


def text_shape(box: TextBox, shape_id: int, *, title: bool = False, links: LinkIds | None = None) -> Element:
    """A text box (or the slide's title placeholder) holding the box's paragraphs.

    Copied, as paragraphs are, from an empty shape of the same name and frame, then placed.
    """
    name = "Title" if title else box.role.replace("-", " ").title()
    frame = (name, title, box.fill, box.inset, box.bottom_inset, box.anchor)
    sp = copy.deepcopy(_empty_text_shape(frame))
    _place(sp, shape_id, f"{name} {shape_id}", box.x, box.y, box.w, box.h)
    body = sp[2]  # p:txBody
    for paragraph in box.paragraphs:
        add_paragraph(body, paragraph, links=links)
    return sp


@functools.lru_cache(maxsize=256)
def _empty_text_shape(frame: tuple[Any, ...]) -> Element:
    """A text shape without paragraphs, at the origin: (name, title, fill, inset, bottom inset, anchor)."""
    name, title, fill, inset, bottom_inset, anchor = frame
    sp = etree.Element(qn("p:sp"))
    _non_visual(sp, 0, name, text_box=True, title=title)
    sp_pr = _shape_properties(sp, 0, 0, 0, 0, "rect")
    if fill:
        _solid_fill(sp_pr, fill)
    else:
        _sub(sp_pr, qn("a:noFill"))
    body = _sub(sp, qn("p:txBody"))
    _body_properties(body, inset, bottom_inset, anchor)
    _sub(body, qn("a:lstStyle"))
    return sp


def placeholder_element(parent: Element, ref: PlaceholderRef) -> Element:
    """A p:ph naming a layout placeholder as its layout does: type (none for content), then idx."""
    attributes = {} if ref.type == "obj" else {"type": ref.type}
    if ref.idx:
        attributes["idx"] = str(ref.idx)
    return _sub(parent, qn("p:ph"), **attributes)


def placeholder_shape(
    box: TextBox, ref: PlaceholderRef, shape_id: int, links: LinkIds | None = None
) -> Element:
    """A slide placeholder filling a template layout's placeholder with the box's paragraphs.

    Position and text settings are explicit, as layout decided; fill, outline and geometry are left
    to the template.
    """
    sp = etree.Element(qn("p:sp"))
    nv = _sub(sp, qn("p:nvSpPr"))
    name = box.role.replace("-", " ").title()
    _sub(nv, qn("p:cNvPr"), id=str(shape_id), name=f"{name} {shape_id}")
    _sub(_sub(nv, qn("p:cNvSpPr")), qn("a:spLocks"), noGrp="1")
    placeholder_element(_sub(nv, qn("p:nvPr")), ref)
    xfrm = _sub(_sub(sp, qn("p:spPr")), qn("a:xfrm"))
    _sub(xfrm, qn("a:off"), x=str(box.x), y=str(box.y))
    _sub(xfrm, qn("a:ext"), cx=str(box.w), cy=str(box.h))
    fill_text_body(_sub(sp, qn("p:txBody")), box, box.paragraphs, in_placeholder=True, links=links)
    return sp


def plain_shape(box: ShapeBox, shape_id: int) -> Element:
    """A filled rectangle or ellipse without outline or shadow, copied as text shapes are."""
    name = box.role.replace("-", " ").title()
    sp = copy.deepcopy(_empty_plain_shape(name, box.shape, box.fill))
    _place(sp, shape_id, f"{name} {shape_id}", box.x, box.y, box.w, box.h)
    return sp


@functools.lru_cache(maxsize=256)
def _empty_plain_shape(name: str, shape: str, fill: str) -> Element:
    sp = etree.Element(qn("p:sp"))
    _non_visual(sp, 0, name, text_box=False, title=False)
    sp_pr = _shape_properties(sp, 0, 0, 0, 0, "ellipse" if shape == "ellipse" else "rect")
    _solid_fill(sp_pr, fill)
    _sub(_sub(sp_pr, qn("a:ln")), qn("a:noFill"))
    return sp


def _place(sp: Element, shape_id: int, name: str, x: int, y: int, w: int, h: int) -> None:
    """Give a copied shape its id, name, position and size (attributes its original has, in order)."""
    non_visual, properties = sp[0], sp[1]
    non_visual[0].set("id", str(shape_id))  # p:cNvPr
    non_visual[0].set("name", name)
    offset, extent = properties[0]  # a:xfrm
    offset.set("x", str(x))
    offset.set("y", str(y))
    extent.set("cx", str(w))
    extent.set("cy", str(h))


def background(color: str) -> Element:
    """A slide background of one solid colour."""
    bg = etree.Element(qn("p:bg"))
    bg_pr = _sub(bg, qn("p:bgPr"))
    _solid_fill(bg_pr, color)
    _sub(bg_pr, qn("a:effectLst"))
    return bg


CELL_BORDER_EMU = "12700"
"""The lines between table cells: 1 pt."""
_CELL_BORDERS = tuple(qn(f"a:ln{side}") for side in "LRTB")


def fill_table(tbl: Element, box: TableBox, links: LinkIds | None = None) -> None:
    """Give a new a:tbl of the box's shape its column widths, row heights, fills and cell paragraphs.

    Walks the rows and cells once: python-pptx's cell and column accessors rebuild their lists on
    every call, which made a 20-column table of 500 rows cost seconds.
    """
    for grid_col, width in zip(tbl.find(qn("a:tblGrid")), box.col_widths, strict=True):
        grid_col.set("w", str(width))
    inset, inset_y = str(box.cell_inset), str(box.cell_inset_y)
    rows = tbl.iterfind(qn("a:tr"))
    for index, (tr, height, cells) in enumerate(zip(rows, box.row_heights, box.cells, strict=True)):
        tr.set("h", str(height))
        fill = box.header_fill if index == 0 else box.body_fills[(index - 1) % 2]
        for tc, paragraph in zip(tr.iterfind(qn("a:tc")), cells, strict=True):
            fill_text_body(tc.find(qn("a:txBody")), None, [paragraph], links=links)
            tc_pr = tc.find(qn("a:tcPr"))
            for side, margin in (("marL", inset), ("marR", inset), ("marT", inset_y), ("marB", inset_y)):
                tc_pr.set(side, margin)
            tc_pr.set("anchor", "t")
            for side in _CELL_BORDERS:  # drawn here, not left to the table style's white grid
                _solid_fill(_sub(tc_pr, side, w=CELL_BORDER_EMU), box.border)
            _solid_fill(tc_pr, fill)
