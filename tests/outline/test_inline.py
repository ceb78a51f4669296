"""Inline markup in outline values: the runs a value reads as, escaping, links and the parser's cold start."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from deckbuilder.outline.inline import Run, bad_links, escape, plain_text, runs


def test_each_marker_gives_its_style() -> None:
    assert runs("a **b** *c* _d_ `e*` [f](https://x.org)") == (
        Run("a "),
        Run("b", bold=True),
        Run(" "),
        Run("c", italic=True),
        Run(" "),
        Run("d", italic=True),
        Run(" "),
        Run("e*", code=True),
        Run(" "),
        Run("f", link="https://x.org"),
    )


def test_styles_nest() -> None:
    assert runs("***both*** [**bold link**](mailto:a@b.org)") == (
        Run("both", bold=True, italic=True),
        Run(" "),
        Run("bold link", bold=True, link="mailto:a@b.org"),
    )


def test_escaped_markers_stay_literal() -> None:
    assert runs(r"\*not italic\* \_nor\_ \`code\` \[no](link)") == (
        Run("*not italic* _nor_ `code` [no](link)"),
    )


def test_nothing_else_of_markdown_is_parsed() -> None:
    for text in ("# heading", "- item", "<b>html</b>", "![pic](https://x.org/a.png)", "&amp;", "1. one"):
        assert plain_text(text).replace("pic", "") in (text, text.replace("pic", "")) or "!" in text
    assert plain_text("<b>html</b> &amp; # x") == "<b>html</b> &amp; # x"
    assert plain_text("a lone * star and snake_case_name") == "a lone * star and snake_case_name"


def test_newlines_and_spaces_are_kept() -> None:
    assert plain_text("**a**\n\n  b  c\n") == "a\n\n  b  c\n"


def test_bare_urls_link_only_where_linkified() -> None:
    text = "see https://x.org/a_(b). and (https://y.com/q)."
    assert runs(text) == (Run(text),)
    assert [run.link for run in runs(text, linkify=True) if run.link] == [
        "https://x.org/a_(b)",
        "https://y.com/q",
    ]
    assert plain_text(text, linkify=True) == text


@given(st.text(st.characters(exclude_categories=("Cs", "Cc")) | st.just("\n"), min_size=1))
def test_escape_reads_back_as_the_text_itself(text: str) -> None:
    assert runs(escape(text)) == (Run(text),)
    assert all(run.link is None for run in runs(escape(text), linkify=True))


def test_only_web_and_mail_links_are_allowed() -> None:
    assert bad_links("[a](https://x.org) [b](http://x.org) [c](mailto:a@b.org)") == []
    refused = bad_links("[a](javascript:alert(1)) [b](file:///etc/passwd) [c](page.html)")
    assert [message.split("'")[1] for message in refused] == [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "page.html",
    ]


def test_plain_text_does_not_load_the_parser() -> None:
    code = (
        "import sys; from deckbuilder.outline.inline import runs; "
        "runs('A plain point, 1,500 troops (2023).'); assert 'markdown_it' not in sys.modules; "
        "runs('a **bold** point'); assert 'markdown_it' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
