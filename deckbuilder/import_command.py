"""The `deckbuilder import` sub-command: an article in, an outline file beside it (or at -o) out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_BAD_INPUT = 1
OUTLINE_SUFFIXES = (".yaml", ".yml")


def output_path_for(article: Path, output: str | None) -> Path:
    """Where the outline goes: -o as given (a folder gets ARTICLE.yaml inside), else beside ARTICLE."""
    if output is None:
        return article.with_name(f"{article.stem}.yaml")
    target = Path(output)
    if target.is_dir():
        return target / f"{article.stem}.yaml"
    if target.suffix.lower() not in OUTLINE_SUFFIXES:
        target = target.with_name(f"{target.name}.yaml")
    return target


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (so the outline would overwrite the article)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def run_import(args: argparse.Namespace) -> int:
    """Import one article; print 'wrote PATH', or the problems on stderr."""
    from deckbuilder.errors import DeckError
    from deckbuilder.importer.reader import read_article_file
    from deckbuilder.outline.loader import save
    from deckbuilder.pipeline import import_text

    article = Path(args.article)
    target = output_path_for(article, args.output)
    if _same_file(article, target):
        print(
            f"{target}: the outline would replace the article itself; name another file with -o",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    try:
        deck = import_text(read_article_file(article), format=args.format, name=str(article), path=article)
    except DeckError as error:
        print(str(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    if target.exists() and not args.force:
        print(f"{target}: already exists; pass --force to replace it", file=sys.stderr)
        return EXIT_BAD_INPUT
    if target.is_dir():
        print(f"{target}: is a folder; name the outline file to write", file=sys.stderr)
        return EXIT_BAD_INPUT
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        print(f"{target}: the output folder does not exist", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        save(deck, target)
    except OSError as error:
        print(f"{target}: cannot write: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {target}")
    return EXIT_OK


def add_import_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `import ARTICLE [-o DECK.yaml] [--force] [--format …]` on a sub-command set."""
    from deckbuilder.importer.reader import FORMATS

    parser = commands.add_parser(
        "import",
        help="turn an article (plain text, Markdown or HTML) into an outline",
        description="Turn an article into a deck outline: its headline and standfirst open the deck, each "
        "heading becomes a section, its prose becomes bullets, and every paragraph is kept word for word "
        "in the speaker notes.",
    )
    parser.add_argument("article", metavar="ARTICLE", help="the article file (.txt, .md or .html)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DECK.yaml",
        help="the outline file to write, or a folder for it (default: ARTICLE's name with .yaml, beside it)",
    )
    parser.add_argument("--force", action="store_true", help="replace the outline file if it exists")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="auto",
        help="how to read the article (default: auto, from its suffix and content)",
    )
    parser.set_defaults(run=run_import)
