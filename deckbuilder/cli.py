"""The `deckbuilder` command line: export, watch, validate, import, new, schema, themes, check-template."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from deckbuilder.version import PrintVersion

if TYPE_CHECKING:
    from deckbuilder.batch import ExportJob, ExportResult

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2


def _print_problems(error: Exception) -> None:
    """Print a DeckError's problems, one located line each, on stderr."""
    print(str(error), file=sys.stderr)


def _cmd_validate(args: argparse.Namespace) -> int:
    from deckbuilder.errors import DeckError
    from deckbuilder.outline.loader import load
    from deckbuilder.pipeline import check

    status = EXIT_OK
    for deck_path in args.decks:
        try:
            check(load(deck_path), allow_outside_paths=args.allow_outside_paths)
        except DeckError as error:
            _print_problems(error)
            status = EXIT_BAD_INPUT
    return status


YOUNG_GENERATION_THRESHOLD = 10_000
"""Allocations between young-generation garbage collections during an export (Python's default: 700)."""


@contextmanager
def _collecting_less() -> Iterator[None]:
    """Collect garbage less often for the length of an export, as mypy does for a check.

    An export's objects (outline, layout, slides) mostly live until it ends and form few reference
    cycles, so the collector's passes over them find little; at Python's default they cost a
    6,001-slide deck a tenth of its time. Peak memory is the same.
    """
    previous = gc.get_threshold()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _cmd_export(args: argparse.Namespace) -> int:
    with _collecting_less():
        return _export(args)


def _export(args: argparse.Namespace) -> int:
    """Export every deck the arguments name; the exit status."""
    from deckbuilder.batch import ExportJob, default_workers, expand_decks, export_batch
    from deckbuilder.pipeline import output_path_for

    if args.output is not None:
        output = Path(args.output)
        if output.exists() and not output.is_dir():
            print(f"{output}: -o names a file; it must be a folder for the exported decks", file=sys.stderr)
            return EXIT_BAD_INPUT
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"{output}: cannot create the output folder: {error.strerror or error}", file=sys.stderr)
            return EXIT_BAD_INPUT
    decks = expand_decks(args.decks)
    if not decks:
        print(f"{' '.join(args.decks)}: no outlines (.yaml) found", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.template is not None:
        status = _use_template(args)
        if status != EXIT_OK:
            return status
    jobs = [
        ExportJob(
            deck,
            output_path_for(deck, args.output, args.format),
            args.theme,
            args.allow_outside_paths,
            args.format,
        )
        for deck in decks
    ]

    total = len(jobs)
    first_for: dict[Path, Path] = {}
    clashes = [job for job in jobs if first_for.setdefault(job.target.resolve(), job.deck) != job.deck]
    for job in clashes:  # two outlines of one name, bound for one file: the later would overwrite
        print(
            f"{job.deck}: would overwrite {job.target}, exported from {first_for[job.target.resolve()]}; "
            "rename one outline or export them to different folders",
            file=sys.stderr,
        )
    jobs = [job for job in jobs if job not in clashes]

    notes: dict[str, None] = {}  # in order, once each: decks on one template share its notes

    def report(result: ExportResult) -> None:
        if result.problems:
            print(result.problems, file=sys.stderr, flush=True)
        notes.update(dict.fromkeys(result.notes))

    if args.scheduler is None:
        failed, seconds = export_batch(jobs, args.jobs or default_workers(), report, progress=not args.quiet)
    else:
        on_cluster = _export_on_cluster(args, jobs, report)
        if isinstance(on_cluster, int):
            return on_cluster
        failed, seconds = on_cluster
    failed += len(clashes)
    if not args.quiet:
        if total == 1:
            if not failed:
                print(f"wrote {jobs[0].target}")
        else:
            where = f" to {args.output}" if args.output else ""
            tail = f"; {failed} failed" if failed else ""
            print(f"exported {total - failed} of {total} decks{where} in {seconds:.1f} s{tail}")
        for note in notes:  # what an export on a template lacked (a picture layout, a two-column one …)
            print(note)
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _export_on_cluster(
    args: argparse.Namespace, jobs: list[ExportJob], report: Callable[[ExportResult], None]
) -> tuple[int, float] | int:
    """Run the batch on the Dask cluster --scheduler names; an exit status when it cannot."""
    from deckbuilder.batch import export_batch

    if args.format != "pptx":
        print("deckbuilder export: --scheduler exports pptx only", file=sys.stderr)
        return EXIT_USAGE
    try:
        from distributed import Client
    except ImportError:
        print('deckbuilder export: --scheduler needs Dask: pip install "deckbuilder[dask]"', file=sys.stderr)
        return EXIT_USAGE
    try:  # distributed ships no type information for Client
        client = Client(args.scheduler, timeout=args.scheduler_timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, ValueError, TypeError) as error:  # unreachable, refused, or not an address
        print(f"{args.scheduler}: cannot reach the Dask scheduler ({error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    with client:
        executor = client.get_executor(pure=False)  # type: ignore[no-untyped-call]
        return export_batch(jobs, 1, report, progress=not args.quiet, executor=executor)


def _use_template(args: argparse.Namespace) -> int:
    """Check --template once, then export every deck on it as if --theme named it."""
    from deckbuilder.errors import DeckError
    from deckbuilder.themes.templates import is_template, load_template

    if args.theme is not None:
        print("deckbuilder export: give --theme or --template, not both", file=sys.stderr)
        return EXIT_USAGE
    template = Path(args.template)
    if not is_template(args.template):
        print(f"{template}: --template takes a .pptx (or .potx) file", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        load_template(template)
    except DeckError as error:
        _print_problems(error)
        return EXIT_BAD_INPUT
    args.theme = str(template.resolve())
    return EXIT_OK


def _cmd_check_template(args: argparse.Namespace) -> int:
    from deckbuilder.errors import DeckError
    from deckbuilder.themes.templates.check import check_template

    status = EXIT_OK
    for number, template in enumerate(args.templates):
        try:
            report = check_template(template)
        except DeckError as error:
            _print_problems(error)
            status = EXIT_BAD_INPUT
            continue
        print(("\n" if number else "") + "\n".join(report.lines()))
    return status


def _cmd_watch(args: argparse.Namespace) -> int:
    import time

    from deckbuilder.errors import DeckError
    from deckbuilder.pipeline import export_outcome, output_path_for
    from deckbuilder.watch import watch

    deck = Path(args.deck)
    target = output_path_for(deck, args.output)
    if args.output is not None:
        Path(args.output).mkdir(parents=True, exist_ok=True)

    def export_once() -> str:
        started = time.perf_counter()
        try:
            outcome = export_outcome(deck, target, allow_outside_paths=args.allow_outside_paths)
        except DeckError as error:
            return f"{time.strftime('%H:%M:%S')} not exported:\n{error}"
        took = time.perf_counter() - started
        plural = "" if outcome.slides == 1 else "s"
        wrote = f"{time.strftime('%H:%M:%S')} wrote {target} ({outcome.slides} slide{plural}, {took:.2f} s)"
        return "\n".join([wrote, *outcome.notes])

    print(f"watching {deck}; press Ctrl+C to stop", flush=True)
    try:
        watch(deck, target, export_once, lambda line: print(line, flush=True))
    except KeyboardInterrupt:
        print("stopped watching", flush=True)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from deckbuilder.atomic import write_text_atomic
    from deckbuilder.outline.starter import starter_text

    target = Path(args.path)
    if target.suffix.lower() not in (".yaml", ".yml"):
        target = target.with_suffix(".yaml")
    if target.exists() and not args.force:
        print(f"{target}: already exists; pass --force to replace it", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        write_text_atomic(target, starter_text())
    except OSError as error:
        print(f"{target}: cannot write: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {target}")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from deckbuilder.outline.schema import deck_schema_text

    sys.stdout.write(deck_schema_text())
    return EXIT_OK


def _cmd_themes(args: argparse.Namespace) -> int:
    from deckbuilder.themes.registry import builtin_theme_names, load_theme

    for name in builtin_theme_names():
        theme = load_theme(name)
        print(f"{name:<12} {theme.description}".rstrip())
    return EXIT_OK


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, found {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="deckbuilder",
        description="Turn a YAML outline into a finished, editable PowerPoint briefing deck.",
    )
    parser.add_argument("--version", action=PrintVersion)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    export = commands.add_parser(
        "export",
        help="export decks to .pptx, .pdf or PNG images",
        description="Export each outline to an editable PowerPoint deck (.pptx), a PDF with one page "
        "per slide, or a folder of PNG images, one per slide.",
    )
    export.add_argument(
        "decks", nargs="+", metavar="DECK", help="outline files (.yaml), folders of them, or glob patterns"
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="folder for the exported files, created if missing (default: beside each deck)",
    )
    export.add_argument(
        "--format",
        choices=["pptx", "pdf", "png"],
        default="pptx",
        help="pptx (default); pdf, one page per slide; png, a folder <deck>/ of one image per slide",
    )
    export.add_argument("--theme", metavar="THEME", help="theme name or theme file, overriding the outline's")
    export.add_argument(
        "--template", metavar="CORP.pptx", help="a .pptx template to export on, not the outline's theme"
    )
    export.add_argument(
        "--allow-outside-paths",
        action="store_true",
        help="let outlines use images outside their folder and the assets folder beside it",
    )
    export.add_argument(
        "-j", "--jobs", type=_positive, metavar="N", help="decks exported at once (default: one per core)"
    )
    export.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, and nothing printed on success"
    )
    export.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help='run the batch on this Dask cluster\'s workers (pip install "deckbuilder[dask]"); '
        "they need none of these files",
    )
    export.add_argument(
        "--scheduler-timeout",
        type=_positive,
        default=10,
        metavar="SECONDS",
        help="how long to wait for the Dask scheduler to answer (default 10)",
    )
    export.set_defaults(run=_cmd_export)

    watch = commands.add_parser("watch", help="export a deck again whenever it (or an image it uses) changes")
    watch.add_argument("deck", metavar="DECK", help="the outline file to watch")
    watch.add_argument(
        "-o", "--output", metavar="DIR", help="folder for the exported file (default: beside it)"
    )
    watch.add_argument("--allow-outside-paths", action="store_true", help="as for export")
    watch.set_defaults(run=_cmd_watch)

    validate = commands.add_parser("validate", help="check outlines and report every problem")
    validate.add_argument("decks", nargs="+", metavar="DECK", help="outline files (.yaml)")
    validate.add_argument(
        "--allow-outside-paths",
        action="store_true",
        help="let outlines use images outside their folder and the assets folder beside it",
    )
    validate.set_defaults(run=_cmd_validate)

    new = commands.add_parser("new", help="write a small starter outline")
    new.add_argument("path", metavar="PATH", help="the outline file to create")
    new.add_argument("--force", action="store_true", help="replace the file if it exists")
    new.set_defaults(run=_cmd_new)

    schema = commands.add_parser("schema", help="print the outline's JSON Schema")
    schema.set_defaults(run=_cmd_schema)

    check = commands.add_parser(
        "check-template", help="show the layout a .pptx template gives each slide kind, and what it lacks"
    )
    check.add_argument("templates", nargs="+", metavar="CORP.pptx", help="template files (.pptx, .potx)")
    check.set_defaults(run=_cmd_check_template)

    from deckbuilder.import_command import add_import_command

    add_import_command(commands)

    themes = commands.add_parser("themes", help="list the built-in themes")
    themes.set_defaults(run=_cmd_themes)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 bad input, 2 bad usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:
        return int(exit_request.code or 0)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except KeyboardInterrupt:
        print("deckbuilder: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: a message, never a traceback
        from deckbuilder.errors import DeckError

        if isinstance(error, DeckError):
            _print_problems(error)
            return EXIT_BAD_INPUT
        if os.environ.get("DECKBUILDER_DEBUG"):
            import traceback

            traceback.print_exc()
        print(f"deckbuilder: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def entrypoint() -> None:
    """Console-script entry point."""
    sys.exit(main())
