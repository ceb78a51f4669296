"""Hostile articles: runs of punctuation, deep nesting, huge tokens and paragraphs, pages past every limit.

Each goes through `deckbuilder import` as a subprocess under a memory cap and a timeout that only a hang
reaches. It either writes an outline that `deckbuilder validate` accepts, with the article's words kept,
or is refused with one located message: never a traceback, never an internal error.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from hostile_support import assert_located, run_cli
from limits_support import capped_cli

PUNCTUATION = "&[(*_`<>#-.,“\"'!?$|\\:;/=+~^{}]) \u00a0—"
RUN = 40_000


def _imported(article: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Import an article under the caps; returns the run and the outline's path."""
    outline = tmp_path / "out.yaml"
    return capped_cli("import", article, "-o", outline), outline


def _assert_valid_or_refused(run: subprocess.CompletedProcess[str], article: Path, outline: Path) -> str:
    """The import wrote an outline that validates (its text returned), or refused the article located."""
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr[-2000:]
    if run.returncode == 1:
        assert_located(run.stderr, article)
        assert not outline.exists()
        return ""
    assert run.returncode == 0, run.stderr[-2000:]
    check = run_cli("validate", outline, timeout=240)
    assert check.returncode == 0, check.stderr[-2000:]
    return outline.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_runs_of_every_punctuation_mark_import_in_bounded_time(suffix: str, tmp_path: Path) -> None:
    runs = "\n\n".join(mark * RUN for mark in PUNCTUATION) + "\n\nThe closing words stay.\n"
    if suffix == ".html":
        body = "".join(f"<p>{mark * RUN}</p>" for mark in PUNCTUATION.replace("<", "").replace("&", ""))
        text = (
            f"<html><body><article><h1>Marks</h1>{body}<p>The closing words stay.</p></article></body></html>"
        )
    else:
        text = f"Marks\n\n{runs}"
    article = tmp_path / f"marks{suffix}"
    article.write_text(text, encoding="utf-8")
    run, outline = _imported(article, tmp_path)
    assert "The closing words stay" in _assert_valid_or_refused(run, article, outline)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_four_hundred_kilobytes_of_brackets_end_with_a_clear_answer(suffix: str, tmp_path: Path) -> None:
    article = tmp_path / f"brackets{suffix}"
    article.write_text("[" * 400_000, encoding="utf-8")
    run, outline = _imported(article, tmp_path)
    _assert_valid_or_refused(run, article, outline)


DEEP = [
    ("quotes.md", "# Deep\n\n" + ">" * 500 + " the deepest quoted words\n", "the deepest quoted words"),
    ("lists.md", "# Deep\n\n" + "".join("  " * i + f"- item {i}\n" for i in range(2000)), "item 1999"),
    (
        "lists.html",
        "<html><body><article><h1>Deep</h1><p>A list follows, nested very deep indeed.</p>"
        + "<ul><li>item text" * 5000
        + "the deepest item</li></ul>" * 5000
        + "</article></body></html>",
        "",
    ),
    (
        "divs.html",
        "<html><body>" + "<div>" * 40_000 + "<p>Words deep inside the page.</p>" + "</div>" * 40_000,
        "",
    ),
]


@pytest.mark.parametrize(("name", "text", "deepest"), DEEP, ids=[case[0] for case in DEEP])
def test_deep_nesting_keeps_its_words_or_is_refused_without_a_crash(
    name: str, text: str, deepest: str, tmp_path: Path
) -> None:
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    run, outline = _imported(article, tmp_path)
    written = _assert_valid_or_refused(run, article, outline)
    if deepest:
        assert written and deepest in written


def test_a_first_line_of_one_huge_token_still_makes_a_valid_deck(tmp_path: Path) -> None:
    article = tmp_path / "token.txt"
    article.write_text(
        "https://example.com/" + "a" * 50_000 + "\nSome prose follows. It has two sentences.\n"
    )
    run, outline = _imported(article, tmp_path)
    written = _assert_valid_or_refused(run, article, outline)
    assert "a" * 50_000 in written  # kept whole, in the sources and notes
    exported = run_cli("export", outline, "-o", tmp_path, timeout=240)
    assert exported.returncode == 0, exported.stderr


def test_one_huge_paragraph_makes_an_outline_in_proportion_to_it(tmp_path: Path) -> None:
    article = tmp_path / "paragraph.txt"
    article.write_text("Title\n" + " ".join(f"Sentence {i} says one more thing." for i in range(20_000)))
    run, outline = _imported(article, tmp_path)
    _assert_valid_or_refused(run, article, outline)
    assert outline.stat().st_size < 4 * article.stat().st_size  # the paragraph is not repeated per slide


def test_an_article_past_the_word_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    page = "".join(
        f"<h2>Heading {i}</h2>"
        + "".join(f"<p>Sentence {i} {j} carries a few words more.</p>" for j in range(12))
        for i in range(3000)
    )
    article = tmp_path / "page.html"
    article.write_text(f"<html><body><article><h1>Big</h1>{page}</article></body></html>")
    run, outline = _imported(article, tmp_path)
    assert run.returncode == 1, run.stderr
    assert re.search(r"page\.html: the article has [\d,]+ words; imports are limited to 200,000", run.stderr)
    assert not outline.exists()


def test_an_article_that_would_overflow_an_outline_is_refused_with_its_size(tmp_path: Path) -> None:
    article = tmp_path / "headings.txt"
    article.write_text(
        "Title\n" + "".join(f"Heading {i}\nA sentence of prose under it, {i}.\n" for i in range(20_000))
    )
    run, outline = _imported(article, tmp_path)
    assert run.returncode == 1, run.stderr
    assert_located(run.stderr, article, must_contain="split the article into parts")
    assert not outline.exists()
