"""`deckbuilder import` as a user runs it: where the outline goes, what is refused, and how errors read."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from outline_checks import ARTICLES, SEED

from deckbuilder.errors import DeckError
from deckbuilder.import_command import add_import_command
from deckbuilder.outline.loader import load
from deckbuilder.pipeline import import_article, import_text

ROOT = Path(__file__).resolve().parents[2]


def run_import(*args: str | Path) -> tuple[int, str, str]:
    """Run the import sub-command through a parser built like the CLI's; (status, stdout, stderr)."""
    parser = argparse.ArgumentParser(prog="deckbuilder")
    add_import_command(parser.add_subparsers(dest="command", required=True))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            namespace = parser.parse_args(["import", *map(str, args)])
            status = namespace.run(namespace)
        except SystemExit as exit_request:
            status = int(exit_request.code or 0)
    return status, out.getvalue(), err.getvalue()


def cli_has_import() -> bool:
    """Whether deckbuilder.cli registers `import` yet (the lead wires it in)."""
    from deckbuilder.cli import build_parser

    with contextlib.redirect_stderr(io.StringIO()):
        try:
            build_parser().parse_args(["import", "article.txt"])
        except SystemExit:
            return False
    return True


@pytest.fixture
def article(tmp_path: Path) -> Path:
    copy = tmp_path / "france-us-conundrum.txt"
    shutil.copy(SEED, copy)
    return copy


def test_import_writes_a_valid_outline_beside_the_article(article: Path) -> None:
    status, out, err = run_import(article)
    target = article.with_suffix(".yaml")
    assert (status, out, err) == (0, f"wrote {target}\n", "")
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert load(target).title == "France-US Conundrum"


def test_import_refuses_to_replace_an_outline_without_force(article: Path) -> None:
    target = article.with_suffix(".yaml")
    target.write_text("keep me\n", encoding="utf-8")
    status, out, err = run_import(article)
    assert status == 1 and out == ""
    assert err == f"{target}: already exists; pass --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert run_import(article, "--force")[0] == 0
    assert load(target).sections


def test_import_writes_where_output_says(article: Path, tmp_path: Path) -> None:
    status, out, _ = run_import(article, "-o", tmp_path / "briefing.yaml")
    assert status == 0 and out == f"wrote {tmp_path / 'briefing.yaml'}\n"
    folder = tmp_path / "decks"
    folder.mkdir()
    status, out, _ = run_import(article, "--output", folder)
    assert status == 0 and (folder / "france-us-conundrum.yaml").is_file()


def test_import_never_writes_over_the_article_itself(tmp_path: Path) -> None:
    article = tmp_path / "notes.yaml"
    article.write_text("A Headline\nSome prose here.\n", encoding="utf-8")
    status, _, err = run_import(article, "--force", "--format", "text")
    assert status == 1 and "would replace the article itself" in err
    assert article.read_text(encoding="utf-8") == "A Headline\nSome prose here.\n"


def test_import_reports_a_missing_output_folder(article: Path, tmp_path: Path) -> None:
    status, _, err = run_import(article, "-o", tmp_path / "nowhere" / "deck.yaml")
    assert status == 1 and err.endswith("the output folder does not exist\n")


def test_format_option_overrides_the_suffix(tmp_path: Path) -> None:
    article = tmp_path / "page.txt"
    article.write_text("<h1>Harbour News</h1><p>The quay opens.</p><h2>Next</h2><p>More ships.</p>", "utf-8")
    assert run_import(article, "--format", "html")[0] == 0
    assert [s.title for s in load(tmp_path / "page.yaml").sections] == ["Overview", "Next"]
    assert run_import(article, "--format", "rtf")[0] == 2  # a usage error, from argparse


BAD_ARTICLES = [
    ("missing", None, ": no such file"),
    ("folder", "folder", ": is a folder, not an article file"),
    ("empty", b"", ": the article is empty"),
    ("blank", b" \r\n\t\n", ": the article is empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ":1:1: is a binary file, not a text article"),
    ("latin-1", "Café crème\nUn résumé.\n".encode("latin-1"), ":1:4: not valid UTF-8 text (byte 0xe9)"),
    ("nul", b"Title\nBody\x00text\n", ":2:5: is a binary file, not a text article"),
    ("markup only", b"<html><body><script>x()</script></body></html>", ": no article text found"),
    ("no words", b"***\n- - -\n", ": no article text found in this text file"),
]


@pytest.mark.parametrize(("case", "content", "message"), BAD_ARTICLES, ids=[row[0] for row in BAD_ARTICLES])
def test_bad_articles_get_a_located_error_and_exit_1(
    case: str, content: bytes | str | None, message: str, tmp_path: Path
) -> None:
    path = tmp_path / ("article.html" if case == "markup only" else "article.txt")
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    status, out, err = run_import(path)
    assert status == 1 and out == ""
    assert err.startswith(f"{path}{message}"), err
    assert "Traceback" not in err
    assert not path.with_suffix(".yaml").exists()
    with pytest.raises(DeckError) as raised:
        import_article(path)
    assert str(raised.value).startswith(f"{path}{message}")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_at_once_rather_than_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    status, _, err = run_import(pipe)
    assert status == 1 and err.startswith(f"{pipe}: is not a regular file")


def test_import_article_takes_text_as_well_as_a_path() -> None:
    deck = import_text(SEED.read_text(encoding="utf-8"))
    assert deck == import_article(SEED) == import_article(str(SEED))
    assert import_article("Harbour News\nThe quay opens on Monday.\n").title == "Harbour News"
    with pytest.raises(DeckError, match="the article is empty"):
        import_text("\n\n")


@pytest.mark.skipif(not cli_has_import(), reason="deckbuilder.cli does not register `import` yet")
def test_python_m_deckbuilder_import_writes_the_outline(tmp_path: Path) -> None:
    article = tmp_path / "grid.md"
    shutil.copy(ARTICLES / "grid-under-strain.md", article)
    result = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "import", str(article)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, f"wrote {tmp_path / 'grid.yaml'}\n", "")
    validate = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "validate", str(tmp_path / "grid.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert validate.returncode == 0, validate.stderr


@pytest.mark.skipif(not cli_has_import(), reason="deckbuilder.cli does not register `import` yet")
def test_python_m_deckbuilder_import_reports_a_missing_article_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = subprocess.run(
        [sys.executable, "-m", "deckbuilder", "import", str(missing)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == f"{missing}: no such file\n"
