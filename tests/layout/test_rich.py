"""Wrapping styled runs: each run measured in its own face, lines broken across run boundaries."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deckbuilder.layout.measure import metrics_for, wrap_text
from deckbuilder.layout.rich import line_text, wrap_runs
from deckbuilder.outline.inline import CODE_FONT, Run

REGULAR = metrics_for("Calibri")


def _faces(run: Run):  # type: ignore[no-untyped-def]
    return metrics_for(CODE_FONT if run.code else "Calibri", bold=run.bold, italic=run.italic)


@settings(max_examples=200)
@given(
    st.text(alphabet=st.sampled_from("ab -\u00a0\u2014\n\u3042\u3002 "), max_size=80),
    st.floats(min_value=5.0, max_value=300.0),
)
def test_plain_runs_wrap_exactly_as_plain_text(text: str, width_pt: float) -> None:
    lines = wrap_runs((Run(text),), width_pt, _faces, 12.0)
    assert tuple(map(line_text, lines)) == wrap_text(text, width_pt, REGULAR, 12.0)


def test_a_bold_run_is_measured_bold() -> None:
    text = "strategic autonomy and European sovereignty"
    width = REGULAR.text_width_pt(text, 18.0) + 0.5
    assert len(wrap_runs((Run(text),), width, _faces, 18.0)) == 1
    bold = wrap_runs((Run(text[:10]), Run(text[10:], bold=True)), width, _faces, 18.0)
    assert [line_text(line) for line in bold] == ["strategic autonomy and European", "sovereignty"]
    assert bold[0][-1] == Run("autonomy and European", bold=True)


def test_lines_break_across_runs_and_keep_their_styles() -> None:
    runs = (
        Run("About "),
        Run("1,500 French troops", bold=True),
        Run(" stay in "),
        Run("Niger", link="https://x.org"),
    )
    width = REGULAR.text_width_pt("About 1,500 French", 14.0) + 1
    lines = wrap_runs(runs, width, _faces, 14.0)
    assert [line_text(line) for line in lines] == ["About 1,500 French", "troops stay in Niger"]
    assert lines[0] == (Run("About "), Run("1,500 French", bold=True))
    assert lines[1] == (Run("troops", bold=True), Run(" stay in "), Run("Niger", link="https://x.org"))


def test_code_is_measured_monospace() -> None:
    mono = metrics_for(CODE_FONT)
    assert mono.text_width_em("iiii") == mono.text_width_em("MMMM") > REGULAR.text_width_em("iiii")
