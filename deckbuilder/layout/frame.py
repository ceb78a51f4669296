"""The slide grid and what every content slide shares: title block, source line, footer, number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from deckbuilder.geometry import Rect, inches, points
from deckbuilder.layout.boxes import Box, Paragraph, ShapeBox, SlideLayout, TextBox
from deckbuilder.layout.text import ParaSpec, TextStyle, TooLongError, fit_lines, height_emu, paragraphs_at
from deckbuilder.themes.model import SizeRange, Theme

CONTINUED = " (cont.)"
TITLE_MAX_LINES = 2
SOURCE_MAX_LINES = 3
FOOTER_MAX_LINES = 2


def fixed(size: float) -> SizeRange:
    """A size range that does not shrink."""
    return SizeRange(max=size, min=size)


@dataclass(frozen=True)
class Styles:
    """Every text role's style, derived once from a theme."""

    theme: Theme

    def style(
        self,
        sizes: SizeRange,
        color: str,
        *,
        heading: bool = False,
        bold: bool = False,
        italic: bool = False,
        align: str = "left",
        space_before_em: float = 0.0,
        line_spacing: float | None = None,
    ) -> TextStyle:
        """A text style on this theme's fonts."""
        fonts = self.theme.fonts
        return TextStyle(
            font=fonts.heading if heading else fonts.body,
            color=color,
            sizes=sizes,
            line_spacing=line_spacing or self.theme.line_spacing,
            bold=bold,
            italic=italic,
            align=align,  # type: ignore[arg-type]
            space_before_em=space_before_em,
        )


@dataclass
class Frame:
    """The grid of one theme: margins, title block, body area and chrome."""

    theme: Theme
    footer: str | None = None
    styles: Styles = field(init=False)
    footer_paragraphs: list[Paragraph] = field(init=False)
    _content_cache: dict[tuple[str, str | None], tuple[list[Box], Rect]] = field(
        init=False, default_factory=dict
    )

    NUMBER_WIDTH = 0.8

    def __post_init__(self) -> None:
        self.styles = Styles(self.theme)
        style = self.styles.style(SizeRange(max=self.theme.sizes.footer, min=8.0), self.theme.colors.muted)
        width = self.live.w - inches(self.NUMBER_WIDTH) - self.gutter
        self.footer_paragraphs = fit_lines([ParaSpec(self.footer or "", style)], width, 1)
        if sum(len(p.lines) for p in self.footer_paragraphs) > FOOTER_MAX_LINES:
            raise TooLongError(("footer",), "the footer", absolute=True)

    @property
    def width(self) -> int:
        """Read-only: slide width in EMU."""
        return inches(self.theme.width_in)

    @property
    def height(self) -> int:
        """Read-only: slide height in EMU."""
        return inches(self.theme.height_in)

    @property
    def gutter(self) -> int:
        """Read-only: the gap between columns."""
        return inches(self.theme.margins.gutter)

    @property
    def live(self) -> Rect:
        """Read-only: the slide inside its margins."""
        m = self.theme.margins
        return Rect(
            inches(m.left),
            inches(m.top),
            self.width - inches(m.left) - inches(m.right),
            self.height - inches(m.top) - inches(m.bottom),
        )

    def line_height(self, size_pt: float) -> int:
        """One line of text at a size, in EMU."""
        return points(size_pt * self.theme.line_spacing)

    @property
    def footer_rect(self) -> Rect:
        """Read-only: the band for the footer text and slide number."""
        live = self.live
        h = max(self.line_height(self.theme.sizes.footer), height_emu(self.footer_paragraphs))
        return Rect(live.x, live.bottom - h, live.w, h)

    def title_style(self) -> TextStyle:
        """The style of a content slide's title."""
        colors = self.theme.colors
        return self.styles.style(self.theme.sizes.slide_title, colors.heading, heading=True, bold=True)

    def title_block(self, title: str, *, dark: bool = False) -> tuple[list[Box], int]:
        """The accent bar and title of a content slide, and the y where the body may start."""
        live = self.live
        colors = self.theme.colors
        bar = ShapeBox(live.x, live.y, inches(0.9), points(5), colors.accent, "accent-bar")
        spec = ParaSpec(title, self.title_style())
        paragraphs = fit_lines([spec], live.w, TITLE_MAX_LINES)
        if not dark and sum(len(p.lines) for p in paragraphs) > TITLE_MAX_LINES + 1:
            paragraphs = self._title_beyond_minimum(spec, live.w)
        top = live.y + points(14)
        h = height_emu(paragraphs)
        box = TextBox(live.x, top, live.w, h, tuple(paragraphs), "title", anchor="top")
        return [bar, box], top + h + points(18)

    def _title_beyond_minimum(self, spec: ParaSpec, width: int) -> list[Paragraph]:
        """A title too long for two lines at the minimum keeps shrinking, to no less than 60% of it."""
        floor = spec.style.sizes.min * 0.6
        size = spec.style.sizes.min
        paragraphs = paragraphs_at([spec], 10_000, width)
        while size > floor and sum(len(p.lines) for p in paragraphs) > TITLE_MAX_LINES + 1:
            size -= 1
            style = self.styles.style(fixed(size), spec.style.color, heading=True, bold=spec.style.bold)
            paragraphs = paragraphs_at([ParaSpec(spec.text, style)], 0, width)
        if sum(len(p.lines) for p in paragraphs) > TITLE_MAX_LINES + 1:
            raise TooLongError(("title",), "the slide title")
        return paragraphs

    def source_block(self, source: str | None) -> tuple[list[Box], int]:
        """The per-slide source line above the footer, and the y the body must end above."""
        footer = self.footer_rect
        if not source:
            return [], footer.y - points(12)
        colors = self.theme.colors
        style = self.styles.style(fixed(self.theme.sizes.source), colors.muted)
        paragraphs = paragraphs_at([ParaSpec(f"Source: {source}", style, linkify=True)], 0, footer.w)
        if sum(len(p.lines) for p in paragraphs) > SOURCE_MAX_LINES:
            raise TooLongError(("source",), "the source line")
        h = height_emu(paragraphs)
        y = footer.y - points(6) - h
        return [TextBox(footer.x, y, footer.w, h, tuple(paragraphs), "source")], y - points(12)

    def content(self, title: str, source: str | None) -> tuple[list[Box], Rect]:
        """A content slide's title and source boxes, and the body rectangle left between them."""
        key = (title, source)
        if key not in self._content_cache:
            self._content_cache[key] = self._content(title, source)
        boxes, rect = self._content_cache[key]
        return list(boxes), rect

    def _content(self, title: str, source: str | None) -> tuple[list[Box], Rect]:
        head, top = self.title_block(title)
        foot, bottom = self.source_block(source)
        live = self.live
        return head + foot, Rect(live.x, top, live.w, max(points(36), bottom - top))

    def body_height_for_continuations(self, title: str, source: str | None) -> int:
        """The body height a slide titled '… (cont.)' gets: the safe height to paginate into."""
        return min(self.content(title, source)[1].h, self.content(title + CONTINUED, source)[1].h)

    def for_kind(self, kind: str) -> Frame:
        """The frame a slide kind is laid out in: on a built-in theme, this one for every kind."""
        return self

    def finish(self, page: SlideLayout) -> SlideLayout:
        """A laid-out slide as the renderers get it: unchanged on a built-in theme."""
        return page

    @property
    def template_path(self) -> str | None:
        """Read-only: the template the deck is drawn on, if any."""
        return None

    def notes_for(self, kinds: set[str]) -> tuple[str, ...]:
        """What the exporter should tell the user about laying these kinds out (nothing, on a theme)."""
        return ()

    def chrome(self, number: int) -> list[Box]:
        """The footer text and the slide number."""
        band = self.footer_rect
        number_w = inches(self.NUMBER_WIDTH)
        boxes: list[Box] = []
        if self.footer:
            text_w = band.w - number_w - self.gutter
            boxes.append(TextBox(band.x, band.y, text_w, band.h, tuple(self.footer_paragraphs), "footer"))
        style = self.styles.style(fixed(self.theme.sizes.footer), self.theme.colors.muted, align="right")
        paragraphs = paragraphs_at([ParaSpec(str(number), style, field="slidenum")], 0, number_w)
        number_h = height_emu(paragraphs)
        number_box = TextBox(
            band.right - number_w,
            band.bottom - number_h,
            number_w,
            number_h,
            tuple(paragraphs),
            "slide-number",
        )
        return [*boxes, number_box]


def slide(
    kind: str,
    title: str,
    background: str,
    boxes: Sequence[Box],
    notes: str | None,
    origin: tuple[int, int] | None,
    *,
    continued: bool = False,
) -> SlideLayout:
    """A finished SlideLayout."""
    return SlideLayout(kind, title, background, tuple(boxes), notes or "", origin, continued)
