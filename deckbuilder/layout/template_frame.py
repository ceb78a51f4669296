"""The grid of a template layout: title, body and chrome rectangles taken from its placeholders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from deckbuilder.geometry import EMU_PER_PT, Rect, points
from deckbuilder.layout.boxes import (
    Box,
    LayoutRef,
    Paragraph,
    PictureBox,
    PlaceholderRef,
    SlideLayout,
    TextBox,
)
from deckbuilder.layout.capitals import as_typed
from deckbuilder.layout.frame import SOURCE_MAX_LINES, TITLE_MAX_LINES, Frame, Styles, fixed
from deckbuilder.layout.measure import metrics_for
from deckbuilder.layout.template_area import free_area
from deckbuilder.layout.template_calm import calm_text
from deckbuilder.layout.text import (
    ParaSpec,
    TextStyle,
    TooLongError,
    fit,
    fit_lines,
    height_emu,
    paragraphs_at,
)
from deckbuilder.outline.model import Deck
from deckbuilder.themes.model import SizeRange, Theme
from deckbuilder.themes.templates.canvas import canvas_of
from deckbuilder.themes.templates.mapping import LayoutChoice, plan_layouts, side_by_side
from deckbuilder.themes.templates.model import Layout, Placeholder, TemplateSpec
from deckbuilder.themes.templates.theme import TemplateTheme, backdrop, content_area, layout_colors, readable

TITLE_FLOOR_SHARE = 0.6
"""A title too long for its placeholder shrinks to no less than this share of its smallest size."""
FILLED_KINDS = ("bullets", "sources")
"""Kinds whose points go into the layout's content placeholder."""


def placeholder_ref(placeholder: Placeholder) -> PlaceholderRef:
    """The reference a box carries to the placeholder it fills."""
    return PlaceholderRef(placeholder.type, placeholder.idx)


def size_range(size: float | None, fallback: SizeRange, floor: float) -> SizeRange:
    """The template's size for a placeholder as the largest, shrinking to a readable floor."""
    if size is None:
        return fallback
    return SizeRange(max=size, min=min(size, max(floor, round(size * 0.55))))


def placed(
    placeholder: Placeholder, paragraphs: list[Paragraph], role: str, *, grow_up: bool = False
) -> TextBox:
    """Fitted paragraphs in a placeholder, its insets kept; a box too small for them grows to hold them."""
    rect, inset = placeholder.rect, placeholder.look.inset
    h = max(rect.h, height_emu(paragraphs) + 2 * inset)
    y = rect.bottom - h if grow_up else rect.y
    anchor = placeholder.look.anchor
    ref = placeholder_ref(placeholder)
    return TextBox(rect.x, y, rect.w, h, tuple(paragraphs), role, anchor, inset, placeholder=ref)


def text_spot(placeholder: Placeholder, width: int, height: int) -> Rect:
    """Where a line of text this wide and high sits in a placeholder, by its alignment and anchor."""
    area, look = placeholder.text_area, placeholder.look
    w, h = min(width, area.w), min(height, area.h)
    x = {"left": area.x, "center": area.x + (area.w - w) // 2, "right": area.right - w}[look.align]
    y = {"top": area.y, "middle": area.y + (area.h - h) // 2, "bottom": area.bottom - h}[look.anchor]
    return Rect(x, y, w, h)


@dataclass
class TemplateFrame(Frame):
    """A Frame whose rectangles come from one template layout (the one its slide kind is mapped to)."""

    choices: dict[str, LayoutChoice] = field(default_factory=dict)
    kind: str = "bullets"
    _kinds: dict[str, TemplateFrame] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.styles = Styles(self.theme)
        self.footer_paragraphs = self._fit_footer()

    @classmethod
    def for_template(
        cls, theme: TemplateTheme, footer: str | None, choices: dict[str, LayoutChoice]
    ) -> TemplateFrame:
        """The deck's frame on a template, with each kind's layout choice."""
        return cls(theme, footer, choices)

    @property
    def spec(self) -> TemplateSpec:
        """Read-only: the template."""
        assert isinstance(self.theme, TemplateTheme)
        return self.theme.template

    @property
    def choice(self) -> LayoutChoice:
        """Read-only: this frame's kind's layout choice."""
        return self.choices[self.kind]

    @property
    def layout(self) -> Layout:
        """Read-only: the layout this frame's slides are made on."""
        return self.choice.layout

    @property
    def width(self) -> int:
        """Read-only: slide width in EMU, exactly the template's."""
        return self.spec.width

    @property
    def height(self) -> int:
        """Read-only: slide height in EMU, exactly the template's."""
        return self.spec.height

    def for_kind(self, kind: str) -> TemplateFrame:
        """The frame for a kind's layout, its colours checked against that layout's background."""
        if kind not in self._kinds:
            geometry = TemplateFrame(self.theme, self.footer, self.choices, kind)
            self._kinds[kind] = TemplateFrame(geometry.kind_theme(), self.footer, self.choices, kind)
        return self._kinds[kind]

    def kind_theme(self) -> TemplateTheme:
        """This frame's theme with its layout's title size and colours readable on its background."""
        theme = self.theme
        assert isinstance(theme, TemplateTheme)
        title = self.title_placeholder
        sizes = theme.sizes
        if title is not None:
            slide_title = size_range(title.look.size_pt, sizes.slide_title, 18)
            sizes = replace(sizes, slide_title=slide_title)
        colors = layout_colors(self.spec, self.layout, self.body_area)
        return replace(theme, colors=colors, sizes=sizes)

    # --- rectangles -------------------------------------------------------------------------------

    @property
    def title_placeholder(self) -> Placeholder | None:
        """Read-only: the layout's horizontal title placeholder, if it has one."""
        title = self.layout.title
        return title if title is not None and not title.vertical else None

    @property
    def column_placeholders(self) -> tuple[Placeholder, Placeholder] | None:
        """Read-only: the two side-by-side content placeholders of a two-content layout."""
        return side_by_side(self.layout, self.spec) if self.choice.role == "two-content" else None

    @property
    def body_area(self) -> Rect:
        """Read-only: where the slide's body goes, before a source line takes its foot."""
        role, layout = self.choice.role, self.layout
        if role == "content" and self.kind in FILLED_KINDS:
            return layout.contents[0].text_area
        columns = self.column_placeholders
        if columns is not None:
            left, right = columns[0].text_area, columns[1].text_area
            top, bottom = max(left.y, right.y), min(left.bottom, right.bottom)
            return Rect(left.x, top, right.right - left.x, bottom - top)
        picture = layout.first("pic")
        if role == "picture" and picture is not None:
            return picture.rect
        area = content_area(self.spec, self.choices)
        title = self.title_placeholder
        t = title.rect if title is not None else None
        if (
            t is not None
            and area.y < t.bottom
            and t.y < area.bottom
            and area.x < t.right
            and t.x < area.right
        ):
            top = t.bottom + points(12)
            area = Rect(area.x, top, area.w, max(points(36), area.bottom - top))
        return free_area(self.spec, layout, area, self.footer_top - points(12))

    @property
    def gutter(self) -> int:
        """Read-only: the gap between columns (between the template's two columns, when it has them)."""
        columns = self.column_placeholders
        if columns is not None:
            return columns[1].text_area.x - columns[0].text_area.right
        return super().gutter

    @property
    def footer_top(self) -> int:
        """Read-only: the top of the footer band: the footer, date and number placeholders in the slide's
        foot, and the band where chrome draws what the layout has no placeholder for."""
        foot = [
            p.rect.y
            for p in self.layout.placeholders
            if p.type in ("ftr", "sldNum", "dt") and p.rect.y > self.height * 3 // 4
        ]
        if self.layout.first("ftr") is None or self.layout.first("sldNum") is None:
            foot.append(self.footer_rect.y)
        return min(foot)

    def body_limit(self, source: str | None) -> int:
        """The y a body must end above: the source line's top, or the footer band's."""
        _, limit = self.source_block(source)
        return limit

    # --- text -------------------------------------------------------------------------------------

    def title_style(self) -> TextStyle:
        """The style of the slide's title: the template's font, size range, weight and alignment."""
        look = self.title_placeholder.look if self.title_placeholder else None
        return TextStyle(
            font=(look.font if look else None) or self.theme.fonts.heading,
            color=self.theme.colors.title_text,
            sizes=self.theme.sizes.slide_title,
            line_spacing=self.theme.line_spacing,
            bold=look.bold if look else True,
            align=look.align if look else "left",
        )

    def title_area(self) -> Rect:
        """Where the title's text goes: its placeholder's text area, or a band at the top of the live area."""
        title = self.title_placeholder
        if title is not None:
            return title.text_area
        live = self.live
        return Rect(live.x, live.y, live.w, min(live.h // 5, points(90)))

    def title_block(self, title: str, *, dark: bool = False) -> tuple[list[Box], int]:
        """The title in the layout's title placeholder (drawn when it has none), and the body's top."""
        placeholder = self.title_placeholder
        area = self.title_area()
        if not title:
            return [], area.bottom
        caps = placeholder is not None and placeholder.look.caps
        spec = ParaSpec(title.upper() if caps else title, self.title_style())

        def refit(rect: Rect) -> list[Paragraph]:
            fitted = fit_in(spec, rect, TITLE_MAX_LINES)
            return as_typed(fitted, title) if caps else fitted  # measured in capitals, written as typed

        paragraphs = refit(area)
        if height_emu(paragraphs) > area.h:
            raise TooLongError(("title",), "the slide title")
        if placeholder is None:
            box = TextBox(
                area.x, area.y, area.w, max(area.h, height_emu(paragraphs)), tuple(paragraphs), "title"
            )
            return [box], box.y + box.h
        box = placed(placeholder, paragraphs, "title")
        calm = self.calm_title(area, paragraphs, refit)
        return [calm or box], box.y + box.h

    def calm_title(
        self, area: Rect, fitted: list[Paragraph], refit: Callable[[Rect], list[Paragraph]]
    ) -> TextBox | None:
        """The title in the calm part of its area, where the template's art crosses the rest of it (a
        triangle's edge, a band's end) and the title fits there as large and in as few lines."""
        placeholder = self.title_placeholder
        if placeholder is None or not self.choices or not fitted:
            return None
        line = round(fitted[0].line_height_pt * EMU_PER_PT)
        calm = canvas_of(self.spec, self.layout).calm_part(area, area.w * 11 // 20, min(area.h, line))
        if calm is None or calm == area:
            return None
        paragraphs = refit(calm)
        lines = sum(len(p.lines) for p in paragraphs)
        if (
            not paragraphs
            or height_emu(paragraphs) > calm.h
            or paragraphs[0].size_pt < fitted[0].size_pt
            or lines > sum(len(p.lines) for p in fitted)
        ):
            return None
        inset = placeholder.look.inset
        return TextBox(
            calm.x - inset,
            calm.y - inset,
            calm.w + 2 * inset,
            calm.h + 2 * inset,
            tuple(paragraphs),
            "title",
            placeholder.look.anchor,
            inset,
            placeholder=placeholder_ref(placeholder),
        )

    def source_block(self, source: str | None) -> tuple[list[Box], int]:
        """The source line just above the footer band, as wide as the body, and the y the body ends above."""
        band = self.footer_top
        if not source:
            return [], band - points(8)
        area = self.body_area
        style = self.styles.style(fixed(self.theme.sizes.source), self.theme.colors.muted)
        paragraphs = paragraphs_at([ParaSpec(f"Source: {source}", style, linkify=True)], 0, area.w)
        if sum(len(p.lines) for p in paragraphs) > SOURCE_MAX_LINES:
            raise TooLongError(("source",), "the source line")
        h = height_emu(paragraphs)
        y = band - points(4) - h
        color = self.muted_on(Rect(area.x, y, area.w, h), self.theme.colors.muted)
        if color != self.theme.colors.muted:  # the colour changes no width: the same lines, recoloured
            style = replace(style, color=color)
            paragraphs = paragraphs_at([ParaSpec(f"Source: {source}", style, linkify=True)], 0, area.w)
        return [TextBox(area.x, y, area.w, h, tuple(paragraphs), "source")], y - points(8)

    def _content(self, title: str, source: str | None) -> tuple[list[Box], Rect]:
        head, _ = self.title_block(title)
        foot, limit = self.source_block(source)
        area = self.body_area
        return head + foot, Rect(area.x, area.y, area.w, max(points(36), min(area.bottom, limit) - area.y))

    # --- chrome -----------------------------------------------------------------------------------

    def _fit_footer(self) -> list[Paragraph]:
        footer = self.layout.first("ftr") if self.choices else None
        look = footer.look if footer else None
        size = (look.size_pt if look else None) or self.theme.sizes.footer
        font = (look.font if look else None) or self.theme.fonts.body
        style = TextStyle(
            font=font,
            color=self.chrome_color(footer, self.footer or "", font, size),
            sizes=SizeRange(max=size, min=min(size, 8.0)),
            line_spacing=self.theme.line_spacing,
            align=look.align if look else "left",
        )
        width = footer.text_area.w if footer else self.live.w // 2
        return fit_lines([ParaSpec(self.footer or "", style)], width, 1)

    def chrome_color(self, placeholder: Placeholder | None, text: str, font: str, size_pt: float) -> str:
        """The muted colour, kept readable on what the template draws behind a footer placeholder's text.

        Behind the text, not the whole placeholder: a slide number sits on the template's disc or
        at the end of a box half over a band, where the rest of its box is another colour.
        """
        muted = self.theme.colors.muted
        if placeholder is None or not self.choices:
            return muted
        width = points(max(size_pt, metrics_for(font).text_width_pt(text, size_pt)))
        spot = text_spot(placeholder, width, points(size_pt * self.theme.line_spacing))
        return self.muted_on(spot, placeholder.look.color or muted)

    def muted_on(self, area: Rect, preferred: str) -> str:
        """A small-print colour (footer, slide number, source line) readable on what the template draws there.

        The theme's muted colour is readable on the body; the chrome sits elsewhere, often on a band,
        a gradient's other end or a picture's edge.
        """
        if not self.choices:
            return preferred
        behind = backdrop(self.spec, self.layout, [area])
        return readable(preferred, behind, [self.theme.colors.muted, self.theme.colors.text])

    def chrome(self, number: int) -> list[Box]:
        """The footer and slide number in the layout's footer placeholders, drawn where it has none (no
        number where the template's own shapes show one)."""
        footer, number_ph = self.layout.first("ftr"), self.layout.first("sldNum")
        numbered = bool(self.choices) and self.layout.draws_number  # its own shapes number every slide
        boxes: list[Box] = []
        drawn = Frame(self.theme, self.footer).chrome(number) if footer is None or number_ph is None else []
        if self.footer and footer is not None:
            boxes.append(placed(footer, self.footer_paragraphs, "footer", grow_up=True))
        elif self.footer:
            boxes.extend(box for box in drawn if isinstance(box, TextBox) and box.role == "footer")
        if number_ph is not None and not numbered:
            look = number_ph.look
            size = look.size_pt or self.theme.sizes.footer
            color = self.chrome_color(number_ph, str(number), self.theme.fonts.body, size)
            style = self.styles.style(fixed(size), color, align=look.align)
            paragraphs = paragraphs_at(
                [ParaSpec(str(number), style, field="slidenum")], 0, number_ph.text_area.w
            )
            boxes.append(placed(number_ph, paragraphs, "slide-number", grow_up=True))
        elif not numbered:
            boxes.extend(box for box in drawn if isinstance(box, TextBox) and box.role == "slide-number")
        return boxes

    @property
    def template_path(self) -> str | None:
        """Read-only: the template file the deck is drawn on."""
        return self.spec.path

    def notes_for(self, kinds: set[str]) -> tuple[str, ...]:
        """What an export should tell its user about the kinds it used: layouts the template lacks."""
        return tuple(
            f"{self.spec.name}: {choice.warning}"
            for kind, choice in self.choices.items()
            if kind in kinds and choice.warning
        )

    # --- placeholders -----------------------------------------------------------------------------

    def finish(self, page: SlideLayout) -> SlideLayout:
        """The slide on its layout, its body text and picture moved into the layout's placeholders."""
        layout = self.layout
        boxes = tuple(self._adopt(box) for box in calm_text(canvas_of(self.spec, layout), page.boxes))
        ref = LayoutRef(layout.name, layout.master, layout.index)
        return replace(page, boxes=boxes, layout=ref, background=self.theme.colors.background)

    def _adopt(self, box: Box) -> Box:
        """A body box that sits where a placeholder's text goes, as that placeholder's content."""
        role = self.choice.role
        if isinstance(box, PictureBox) and role == "picture" and box.placeholder is None:
            picture = self.layout.first("pic")
            return replace(box, placeholder=placeholder_ref(picture)) if picture is not None else box
        if not isinstance(box, TextBox) or box.placeholder is not None:
            return box
        if box.role == "body" and role == "content" and self.kind in FILLED_KINDS:
            content = self.layout.contents[0]
            area, inset = content.text_area, content.look.inset
            if (box.x, box.y, box.w) == (area.x, area.y, area.w) and self.layout.is_unique(content):
                return replace(
                    box,
                    x=box.x - inset,
                    y=box.y - inset,
                    w=box.w + 2 * inset,
                    h=box.h + 2 * inset,
                    inset=inset,
                    placeholder=placeholder_ref(content),
                )
        columns = self.column_placeholders
        if box.role == "column-body" and columns is not None:
            middle = (columns[0].rect.right + columns[1].rect.x) // 2
            column = columns[0] if box.x < middle else columns[1]
            if self.layout.is_unique(column):  # a placeholder both columns would name is left alone
                return replace(box, placeholder=placeholder_ref(column))
        return box


def fit_in(spec: ParaSpec, area: Rect, max_lines: int) -> list[Paragraph]:
    """A title in an area: at most max_lines lines if it can, else smaller until it fits the height."""
    paragraphs = fit_lines([spec], area.w, max_lines)
    if height_emu(paragraphs) <= area.h:
        return paragraphs
    sizes = spec.style.sizes
    floor = SizeRange(max=sizes.max, min=max(1.0, round(sizes.min * TITLE_FLOOR_SHARE)))
    smaller = ParaSpec(spec.text, replace(spec.style, sizes=floor))
    fitted = fit([smaller], area.w, area.h)
    return fitted[0] if fitted is not None else paragraphs_at([smaller], 10_000, area.w)


def template_deck_frame(deck: Deck, theme: Theme) -> TemplateFrame:
    """The frame of a deck on a template, with the outline's `layouts:` overrides applied."""
    assert isinstance(theme, TemplateTheme)
    where = str(deck.path) if deck.path is not None else "deck"

    def locate(kind: str) -> tuple[str, int | None, int | None]:
        return (where, *deck.locate(("layouts", kind)))

    choices = plan_layouts(theme.template, deck.layouts, locate) if deck.layouts else theme.choices
    return TemplateFrame.for_template(theme, deck.footer, choices)
