"""How long wrapping long text, refusing an alias bomb and loading hostile outlines take, in process.

Run by hand: `python bench/bench_text.py [--repeat 5]`. Each figure is the best of the repeats,
wall-clock time, with fonts already loaded. These were timed assertions in the unit tests
(tests/layout/test_measure.py, tests/outline/test_yaml_source.py, the hostile property tests); the tests
now check the outcome and the work done, and the time lives here.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import time
from collections.abc import Callable

import deckbuilder
from deckbuilder.errors import DeckError
from deckbuilder.layout.measure import metrics_for, wrap_text
from deckbuilder.outline.yaml_source import parse_outline


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The shortest of repeat runs of work, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def ten_thousand_words() -> str:
    sentence = "the committee approved a well-known budget of 4.2 billion after lengthy negotiations"
    words = sentence.split(" ")
    return " ".join(words[i % len(words)] for i in range(10_000))


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, 9):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def refused(text: str) -> None:
    try:
        parse_outline(text, "deck.yaml")
    except DeckError:
        return
    raise AssertionError("the alias bomb was not refused")


def load_or_refuse(raw: str) -> None:
    with contextlib.suppress(DeckError):
        deckbuilder.loads(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    calibri = metrics_for("Calibri")
    text = ten_thousand_words()
    wrap_text(text[:100], 300, calibri, 18)  # load the font outside the timing
    wrapping = best_of(args.repeat, lambda: wrap_text(text, 300, calibri, 18))
    print(f"wrap 10,000 words at 18 pt in 300 pt:           {wrapping:8.1f} ms")
    bomb = billion_laughs()
    print(
        f"refuse the billion-laughs outline:            {best_of(args.repeat, lambda: refused(bomb)):8.1f} ms"
    )
    rng = random.Random(0)
    alphabet = ":-?[]{},&*!|>'\"#%@` \n\tabc123"
    inputs = ["".join(rng.choice(alphabet) for _ in range(2000)) for _ in range(200)]
    slowest = max(best_of(1, lambda raw=raw: load_or_refuse(raw)) for raw in inputs)  # type: ignore[misc]
    print(f"slowest of 200 random 2,000-character outlines: {slowest:8.1f} ms")


if __name__ == "__main__":
    main()
