"""Line breaks a typesetter would choose: no paragraph ending on a one-word line (a widow)."""

from __future__ import annotations

from collections.abc import Sequence

GLUE = "\u00a0"
"""A no-break space: every renderer keeps the words either side of it on one line."""


def is_widow(lines: Sequence[str]) -> bool:
    """Whether a wrapped paragraph ends on a line of one word after a line above."""
    return len(lines) > 1 and bool(lines[-1].strip()) and len(lines[-1].split()) == 1


def pulls_a_word_down(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether after is before with the widow gone, only its last two lines changed."""
    same = [line.replace(GLUE, " ") for line in after[:-2]] == list(before[:-2])
    return len(after) == len(before) and same and not is_widow(after)


def glue_last_space(pieces: Sequence[str]) -> tuple[int, str] | None:
    """Where to join a text's last two words: the piece holding its last space, with a no-break space there.

    The text is the pieces (a paragraph's runs) joined; None when its last line has no two words.
    """
    body = "".join(pieces).rstrip()
    cut = body.rfind(" ")
    if cut <= 0 or "\n" in body[cut:] or not body[:cut].strip():
        return None
    start = 0
    for index, piece in enumerate(pieces):
        if start <= cut < start + len(piece):
            offset = cut - start
            return index, piece[:offset] + GLUE + piece[offset + 1 :]
        start += len(piece)
    return None
