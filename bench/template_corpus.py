"""Export the flagship on every corpus template, render it with LibreOffice, count what a reader sees.

Run by hand from the checkout: `python bench/template_corpus.py SHEETS_DIR`. Writes one contact sheet
per template (SHEETS_DIR/<template>.png, five slides a row) and prints, per template, the slides and
the words drawn outside their boxes, under the contrast WCAG asks of their size (4.5:1, 3:1 from
18 pt or 14 pt bold), on a busy background and broken mid-word —
the figures tests/themes/templates/test_template_corpus.py holds (or records as KNOWN_GAPS). Needs
LibreOffice, poppler and ImageMagick (montage); pandoc adds its reference.pptx.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.template_corpus import assemble, builtin_slides, corpus_names, measure_corpus, missing_maker


def main() -> int:
    """Measure the corpus and print the table; the contact sheets go to the folder given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sheets", type=Path, help="folder for the contact sheets, created if missing")
    parser.add_argument("-k", "--only", help="only the templates whose name holds this")
    parser.add_argument(
        "--details", type=int, default=0, metavar="N", help="print N offending words per check"
    )
    args = parser.parse_args()
    args.sheets.mkdir(parents=True, exist_ok=True)
    names = [name for name in corpus_names() if not args.only or args.only in name]
    for name in names:
        if missing_maker(name):
            print(f"{name}: skipped, {missing_maker(name)}")
    with tempfile.TemporaryDirectory(prefix="template-corpus-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        templates = assemble(work / "templates", names)
        assembled = time.perf_counter()
        results = measure_corpus(templates, work / "measured")
        measured = time.perf_counter()
        builtin = builtin_slides(work / "builtin")
        print(
            f"{len(templates)} templates made in {assembled - started:.1f} s; exported, rendered, measured: "
            f"{measured - assembled:.1f} s; the flagship has {builtin} slides on its built-in theme\n"
        )
        print(f"{'template':<28} {'slides':>6} {'outside':>7} {'contrast':>8} {'busy':>5} {'broken':>6}")
        for name, result in results.items():
            if result.refusal:
                print(f"{name:<28} refused: {result.refusal}")
                continue
            print(
                f"{name:<28} {result.slides:>6} {len(result.outside):>7} {len(result.low_contrast):>8} "
                f"{len(result.busy):>5} {len(result.broken):>6}"
            )
            for problems in (result.outside, result.low_contrast, result.busy, result.broken):
                for problem in problems[: args.details]:
                    print(f"    {problem}")
            pages = sorted((work / "measured" / "pages" / name).glob("page*.ppm"))
            if shutil.which("montage") and pages:
                subprocess.run(
                    [
                        "montage",
                        *map(str, pages),
                        "-tile",
                        "5x",
                        "-geometry",
                        "320x180+4+4",
                        str(args.sheets / f"{name}.png"),
                    ],
                    check=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
