"""Tests for text measurement and line wrapping with the bundled fonts."""

from __future__ import annotations

from fontTools.ttLib import TTFont
from hypothesis import given, settings
from hypothesis import strategies as st

from deckbuilder.fonts import font_file
from deckbuilder.layout.measure import FontMetrics, metrics_for, wrap_text
from deckbuilder.paths import ASSETS_DIR

CALIBRI = metrics_for("Calibri")


def _fits(lines: tuple[str, ...], width_pt: float, size_pt: float) -> bool:
    """Whether every line measures no wider than width_pt."""
    return all(CALIBRI.text_width_pt(line, size_pt) <= width_pt for line in lines)


def test_font_files_map_office_families_to_bundled_fonts() -> None:
    assert font_file("Calibri") == ASSETS_DIR / "fonts" / "Carlito-Regular.ttf"
    assert font_file("calibri", bold=True, italic=True).name == "Carlito-BoldItalic.ttf"
    assert font_file("Arial", italic=True).name == "LiberationSans-Italic.ttf"
    assert font_file("Helvetica", bold=True).name == "LiberationSans-Bold.ttf"
    assert font_file("Liberation Sans").name == "LiberationSans-Regular.ttf"
    assert font_file("Some Unknown Face").name == "Carlito-Regular.ttf"
    for bold in (False, True):
        for italic in (False, True):
            for family in ("Calibri", "Arial"):
                assert font_file(family, bold=bold, italic=italic).is_file()


def test_metrics_are_shared_between_aliases() -> None:
    assert metrics_for("Calibri") is metrics_for("Carlito")
    assert metrics_for("Arial") is metrics_for("Helvetica")


def test_hello_width_matches_hmtx() -> None:
    with TTFont(ASSETS_DIR / "fonts" / "Carlito-Regular.ttf") as font:
        cmap = font.getBestCmap()
        hmtx = font["hmtx"].metrics
        units_per_em = font["head"].unitsPerEm
        expected = sum(hmtx[cmap[ord(c)]][0] for c in "Hello") / units_per_em * 10
    assert abs(CALIBRI.text_width_pt("Hello", 10) - expected) < 1e-6


def test_arial_is_measured_with_liberation_sans() -> None:
    with TTFont(ASSETS_DIR / "fonts" / "LiberationSans-Regular.ttf") as font:
        cmap = font.getBestCmap()
        hmtx = font["hmtx"].metrics
        units_per_em = font["head"].unitsPerEm
        expected = sum(hmtx[cmap[ord(c)]][0] for c in "Briefing") / units_per_em * 18
    assert abs(metrics_for("Arial").text_width_pt("Briefing", 18) - expected) < 1e-6


def test_bold_is_wider_than_regular() -> None:
    text = "Quarterly revenue grew"
    bold = metrics_for("Calibri", bold=True).text_width_pt(text, 24)
    assert bold > CALIBRI.text_width_pt(text, 24)
    assert metrics_for("Arial", bold=True).text_width_pt(text, 24) > metrics_for("Arial").text_width_pt(
        text, 24
    )


def test_missing_and_special_characters() -> None:
    space = CALIBRI.text_width_pt(" ", 10)
    assert CALIBRI.text_width_pt("\t", 10) == 4 * space
    assert CALIBRI.text_width_pt("😀", 10) > 0
    assert CALIBRI.text_width_pt("😀", 10) >= 10.5
    assert CALIBRI.text_width_pt("中", 10) >= 10.5
    assert CALIBRI.text_width_pt("ب", 10) == 7.5
    assert CALIBRI.text_width_pt("\u200b\u200c\u200d\ufeff", 10) == 0
    assert CALIBRI.text_width_pt("e\u0301", 10) == CALIBRI.text_width_pt("e", 10)
    assert CALIBRI.text_width_pt("", 10) == 0


def test_wrap_respects_width() -> None:
    text = (
        "Layout measures every line with the same advance widths PowerPoint uses, so a paragraph "
        "that fits here fits on the slide, including well-known hyphenated words and numbers like 1,234."
    )
    for width in (60.0, 120.0, 200.0, 333.3, 800.0):
        lines = wrap_text(text, width, CALIBRI, 18)
        assert _fits(lines, width, 18)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(line == line.strip() for line in lines)
    assert wrap_text(text, 10_000, CALIBRI, 18) == (text,)


def test_greedy_fills_lines() -> None:
    lines = wrap_text("aaa bbb ccc ddd eee fff", CALIBRI.text_width_pt("aaa bbb", 12), CALIBRI, 12)
    assert lines == ("aaa bbb", "ccc ddd", "eee fff")


def test_trailing_spaces_do_not_count() -> None:
    width = CALIBRI.text_width_pt("aaa bbb", 12)
    assert wrap_text("aaa bbb    ccc", width, CALIBRI, 12) == ("aaa bbb", "ccc")


def test_long_word_is_broken() -> None:
    word = "x" * 200
    lines = wrap_text(f"start {word} end", 100, CALIBRI, 12)
    assert len(lines) > 3
    assert _fits(lines, 100, 12)
    assert "".join(lines).replace(" ", "") == f"start{word}end"
    assert lines[0] == "start"


def test_cjk_breaks_between_characters() -> None:
    text = "日本語のテキストは空白なしで折り返されます。" * 3
    lines = wrap_text(text, 100, CALIBRI, 12)
    assert len(lines) > 1
    assert _fits(lines, 100, 12)
    assert "".join(lines) == text
    assert not any(line.startswith(("。", "、")) for line in lines)


def test_newlines_are_kept() -> None:
    assert wrap_text("one\ntwo\n\nthree", 500, CALIBRI, 12) == ("one", "two", "", "three")
    assert wrap_text("one\r\ntwo", 500, CALIBRI, 12) == ("one", "two")
    assert wrap_text("one\n", 500, CALIBRI, 12) == ("one", "")


def test_empty_text_is_one_empty_line() -> None:
    assert wrap_text("", 100, CALIBRI, 12) == ("",)


class _CountingMetrics(FontMetrics):
    """Calibri's metrics, counting the characters measured."""

    def __init__(self) -> None:
        super().__init__(font_file("Calibri"))
        self.measured = 0

    def text_width_em(self, text: str) -> float:
        self.measured += len(text)
        return super().text_width_em(text)

    def char_em(self, char: str) -> float:
        self.measured += 1
        return super().char_em(char)


def test_ten_thousand_words_wrap_in_one_pass() -> None:
    # the time it takes is printed by bench/bench_text.py; here, the work: each character measured a
    # bounded number of times, however long the text (a wrapper that re-measured its line would not be)
    sentence = "the committee approved a well-known budget of 4.2 billion after lengthy negotiations"
    words = sentence.split(" ")
    text = " ".join(words[i % len(words)] for i in range(10_000))
    counting = _CountingMetrics()
    lines = wrap_text(text, 300, counting, 18)
    assert counting.measured <= 2 * len(text)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # every word, in order
    assert _fits(lines, 300, 18)


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;-–—/()'\"\t\n  \u00a0\u200b")
        + list("日本語中文한국어。、「」😀🇺🇸é\u0301ßøبسم")
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, width=st.floats(min_value=30, max_value=600), size=st.floats(min_value=6, max_value=24))
def test_wrap_keeps_every_character_in_order_and_fits(text: str, width: float, size: float) -> None:
    lines = wrap_text(text, width, CALIBRI, size)
    assert lines
    kept = [c for c in "".join(lines) if not c.isspace()]
    assert kept == [c for c in text if not c.isspace()]
    # Every character is at most ~1.05 em and width >= 30 > 1.05 * 24, so no line may overflow.
    assert _fits(lines, width, size)
    assert not any("\n" in line for line in lines)
