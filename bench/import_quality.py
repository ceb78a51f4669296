"""Import every article of the test corpus and print what an editor would count against each deck.

Run by hand from the checkout: `python bench/import_quality.py`. Prints, per article, the time the
import took, its size (words, content slides, slides per 100 words) and the defects the corpus tests
hold at zero (fragments, invented sections, chrome bullets, quotes without a speaker).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.article_quality import CORPUS, manifest, measure

from deckbuilder.importer.reader import read_article_file
from deckbuilder.pipeline import import_article


def _long_article_timing() -> None:
    """Print how long a generated 10,000-word article takes to import (best of three)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "importer"))
    from test_import_large import long_article

    from deckbuilder.pipeline import import_text

    text = long_article()
    best = min(_timed(lambda: import_text(text)) for _ in range(3))
    print(f"a generated article of {len(text.split()):,} words imports in {best:.2f} s")


def _timed(work: Callable[[], object]) -> float:
    """Seconds one call of work takes."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> int:
    """Print the table; exit 0."""
    import_article(CORPUS / manifest()[0]["file"])  # load the parsers once, outside the timings
    header = (
        f"{'article':48} {'fmt':>8} {'words':>6} {'slides':>6} {'/100w':>6} {'frag':>5} {'inv':>4} "
        f"{'chrome':>6} {'ms':>6}"
    )
    print(header)
    print("-" * len(header))
    totals = [0, 0, 0, 0, 0]
    for entry in manifest():
        path = CORPUS / entry["file"]
        started = time.perf_counter()
        deck = import_article(path)
        elapsed = (time.perf_counter() - started) * 1000
        quality = measure(deck, entry, read_article_file(path))
        totals = [
            totals[0] + quality.words,
            totals[1] + quality.slides,
            totals[2] + len(quality.fragments),
            totals[3] + len(quality.invented_sections),
            totals[4] + len(quality.chrome_bullets),
        ]
        print(
            f"{entry['file'][:48]:48} {entry['format']:>8} {quality.words:>6} {quality.slides:>6} "
            f"{quality.slides_per_100_words:>6.2f} {len(quality.fragments):>5} "
            f"{len(quality.invented_sections):>4} {len(quality.chrome_bullets):>6} {elapsed:>6.0f}"
        )
        for reason, point in quality.fragments[:3]:
            print(f"    fragment ({reason}): {point[:90]}")
        for title in quality.invented_sections[:3]:
            print(f"    invented section: {title[:90]}")
        for title in quality.missing_sections[:3]:
            print(f"    missing section: {title[:90]}")
        for chrome in quality.chrome_bullets[:3]:
            print(f"    chrome shown: {chrome[:90]}")
    words, slides, fragments, invented, chrome = totals
    print("-" * len(header))
    print(
        f"{'all':48} {'':>8} {words:>6} {slides:>6} {100 * slides / words:>6.2f} {fragments:>5} "
        f"{invented:>4} {chrome:>6}"
    )
    _long_article_timing()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
