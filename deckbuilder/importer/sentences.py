"""Splitting prose: sentences, clause boundaries, word counts, and short titles cut from a sentence."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]")
"""Scripts written without spaces between words (CJK), whose characters count half a word each."""
_WORD = re.compile(r"[^\s—–/|]*\w[^\s—–/|]*")

_LATIN_END = re.compile(r"(?:[.!?…]+|[؟۔।])[\"'”’»)\]]*(?=\s|$)")
_WIDE_END = re.compile(r"[。！？]+[」』）\"”’]*")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof sr jr st vs etc e.g i.e inc ltd co corp no nos gen col lt sgt capt gov sen rep "
    "pres jan feb mar apr jun jul aug sep sept oct nov dec fig figs approx mt ave dept univ est al cf "
    "op vol pp ch sec art para mme mlle m"
)
_OPENERS = "“‘«「『(["
_CLOSERS = {"“": "”", "‘": "’", "«": "»", "「": "」", "『": "』", "(": ")", "[": "]"}

SOFT_WORDS = 12
"""A sentence longer than this is split at a strong clause boundary (';', a dash, ':', ', which' …)."""
HARD_WORDS = 16
"""A point longer than this is split at a weaker boundary too (', but', ', -ing', a comma …)."""
TITLE_WORDS = 8
UNTITLED = "Untitled"
"""The title of last resort, for text with nothing a title can be cut from (a lone dash)."""

_FILLER = re.compile(
    r"^(?:(?:however|moreover|furthermore|in addition|additionally|indeed|in fact|of course|meanwhile|"
    r"nevertheless|nonetheless|that said|as a result|consequently|therefore|thus|notably|importantly|"
    r"interestingly|basically|essentially|actually|clearly|obviously|in short|in other words|"
    r"for example|for instance|first|second|third|finally|lastly|ultimately|overall)\s*,\s*"
    r"|it (?:is|was) (?:worth noting|important to note|notable|clear|true) that\s+"
    r"|(?:and|but|so|yet|or)\s+(?=\w))",
    re.I,
)
_INTRO_WORDS = word_set(
    "under in after before from with for as despite since when while although because if according "
    "combined following during amid by on at over unlike like given once until though to within"
)
_BREAK_WORDS = word_set(
    "in on at for with from by that which who because and but as after before since while when over "
    "under into across through amid during despite against between without than"
)
_WEAK_ENDINGS = word_set(
    "the a an of and or to in on at for with by from as its their his her this that these those is "
    "are was were be been has have had not our your my than into over under but so yet nor"
)


def word_count(text: str) -> int:
    """Words in text; characters of scripts written without spaces count half a word each."""
    wide = len(_WIDE.findall(text))
    return len(_WORD.findall(_WIDE.sub(" ", text))) + math.ceil(wide / 2)


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether the full stop ending at `end` belongs to an abbreviation or an initial."""
    stop = end - 1
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    if start == stop:
        return False
    word = text[start:stop].lstrip("(“\"'‘[").lower()
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, each exactly as written (ends trimmed)."""
    cuts: set[int] = set()
    for match in _LATIN_END.finditer(text):
        rest = text[match.end() :].lstrip()
        single_stop = match.group(0).rstrip("\"'”’»)]") == "."
        if not rest or rest[0].islower():
            continue
        if single_stop and _abbreviation_before(text, match.start() + 1):
            continue
        cuts.add(match.end())
    for match in _WIDE_END.finditer(text):
        if match.end() < len(text):
            cuts.add(match.end())
    sentences: list[str] = []
    start = 0
    for cut in sorted(cuts):
        piece = text[start:cut].strip()
        if piece:
            sentences.append(piece)
        start = cut
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks or brackets, where a clause is never cut."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for index, char in enumerate(text):
        if char in _OPENERS:
            stack.append((char, index))
        elif stack and char == _CLOSERS[stack[-1][0]]:
            _, begin = stack.pop()
            if not stack:
                spans.append((begin, index + 1))
        elif char == '"':
            if straight_open is None:
                straight_open = index
            else:
                spans.append((straight_open, index + 1))
                straight_open = None
    if stack:  # an unclosed mark protects to the end of the sentence
        spans.append((stack[0][1], len(text)))
    return spans


@dataclass(frozen=True)
class Cut:
    """A clause boundary: the separator's span and how the clause after it relates ('sibling' or 'child')."""

    start: int
    end: int
    relation: str


_STRONG = [
    (re.compile(r"\s*[;؛；]\s+|；"), "sibling"),
    (re.compile(r"\s*—\s*|\s+[–-]{1,2}\s+"), "child"),
    (re.compile(r"(?<!\d):\s+|："), "child"),
    (
        re.compile(
            r",\s+(?=(?:which|who|whom|whose|where|while|whilst|whereas|although|though|even though|"
            r"even as)\b)"
        ),
        "child",
    ),
]
_WEAK = [
    (re.compile(r",\s+(?=(?:but|yet|so)\b)"), "sibling"),
    (
        re.compile(
            r",\s+(?=(?:because|since|as|after|before|until|unless|when|if|including|despite|and|or)\b)"
        ),
        "child",
    ),
    (
        re.compile(
            r",\s+(?=[a-z]{3,}ing\b)(?!(?:during|nothing|something|anything|everything|thing|king|ring|"
            r"bring|spring|string|morning|evening|sibling|building|ceiling)\b)"
        ),
        "child",
    ),
    (re.compile(r"[,،、，]\s*"), "child"),
    (re.compile(r"\s+(?=(?:and|but|because|while|whereas)\s)"), "child"),
]


class _WordIndex:
    """Words before and after any position of a text, counted once, so cutting long text stays fast."""

    def __init__(self, text: str) -> None:
        plain = _WIDE.sub(" ", text)
        tokens = list(_WORD.finditer(plain))
        self.starts = [token.start() for token in tokens]
        self.ends = [token.end() for token in tokens]
        self.wide = [match.start() for match in _WIDE.finditer(text)]

    def before(self, position: int) -> int:
        """Words that end at or before position."""
        return bisect_right(self.ends, position) + math.ceil(bisect_left(self.wide, position) / 2)

    def after(self, position: int) -> int:
        """Words that start at or after position."""
        wide = len(self.wide) - bisect_left(self.wide, position)
        return len(self.starts) - bisect_left(self.starts, position) + math.ceil(wide / 2)


def _outside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether position lies outside every protected span (spans sorted by start)."""
    index = bisect_right(spans, (position, math.inf)) - 1
    return not any(a <= position < b for a, b in spans[max(0, index - 2) : index + 1])


def _candidates(text: str, rules: list[tuple[re.Pattern[str], str]]) -> Iterator[list[Cut]]:
    """Boundaries outside quotes and brackets, one list per rule, in rule order."""
    spans = sorted(protected_spans(text))
    for pattern, relation in rules:
        yield [
            Cut(m.start(), m.end(), relation)
            for m in pattern.finditer(text)
            if m.end() > m.start() and _outside(spans, m.start())
        ]


def best_cut(text: str, rules: list[tuple[re.Pattern[str], str]], min_side: int) -> Cut | None:
    """The boundary of the first rule that has one leaving min_side words each side, nearest the middle."""
    index = _WordIndex(text)
    middle = index.after(0) / 2
    for cuts in _candidates(text, rules):
        good = [
            cut for cut in cuts if index.before(cut.start) >= min_side and index.after(cut.end) >= min_side
        ]
        if good:
            return min(good, key=lambda cut: abs(index.before(cut.start) - middle))
    return None


def split_clauses(text: str) -> list[tuple[str, str]]:
    """Clauses of a long sentence, each with its relation to the one before ('' for the first)."""
    count = word_count(text)
    if count <= SOFT_WORDS:
        return [(text, "")]
    cut = best_cut(text, _STRONG, 3)
    if cut is None and count > HARD_WORDS:
        cut = best_cut(text, _WEAK, 4)
    if cut is None:
        return [(text, "")]
    left = split_clauses(text[: cut.start])
    right = split_clauses(text[cut.end :])
    return [*left, (right[0][0], cut.relation), *right[1:]]


def trim_point(text: str) -> str:
    """A clause as a point: leading filler and trailing punctuation gone, nothing else changed."""
    text = text.strip()
    for _ in range(3):
        trimmed = _FILLER.sub("", text, count=1)
        if trimmed == text or word_count(trimmed) < 2:
            break
        text = trimmed
    return re.sub(r"[\s,;:.—–。、，；：،؛۔-]+$", "", text).strip()


def capitalize(text: str) -> str:
    """Text with its first letter upper case (quotes before it are skipped)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :] if char.islower() else text
        if char not in "“‘\"'«(¿¡":
            return text
    return text


def balance_quotes(text: str) -> str:
    """Text cut short with an opening quotation mark left open: closed again."""
    for opener, closer in (("“", "”"), ("‘", "’"), ("«", "»"), ("「", "」")):
        if text.count(opener) > text.count(closer):
            text += closer
    if text.count('"') % 2:
        text += '"'
    return text


def _cut_words(words: list[str], limit: int) -> str | None:
    """The words before a natural break (a preposition or conjunction) within the limit, if any."""
    for index in range(min(limit, len(words) - 1), 2, -1):
        if words[index].lower().strip("“‘\"'(") in _BREAK_WORDS:
            head = words[:index]
            while len(head) > 2 and head[-1].lower().strip(",;:") in _WEAK_ENDINGS:
                head.pop()
            if len(head) >= 3:
                return " ".join(head).rstrip(",;:—–-")
    return None


def short_title(text: str, limit: int = TITLE_WORDS) -> str:
    """A slide title of at most `limit` words, cut from text (a sentence or heading); no word added."""
    return _cut_title(trim_point(text), limit) or text.strip() or UNTITLED


def _cut_title(text: str, limit: int) -> str:
    """short_title's work on trimmed text; empty when nothing is left."""
    if word_count(text) <= limit:
        return capitalize(text)
    head, comma, rest = text.partition(", ")
    opener = head.split()[0].lower() if head.split() else ""
    if comma and opener in _INTRO_WORDS and word_count(head) <= 8 and word_count(rest) >= 3:
        text = trim_point(rest)
        if word_count(text) <= limit:
            return capitalize(text)
    cut = best_cut(text, _STRONG + _WEAK[:4], 2)
    if cut is not None:
        first = trim_point(text[: cut.start])
        if 2 <= word_count(first) <= limit:
            return capitalize(balance_quotes(first))
        text = first if word_count(first) > limit else text
    if not text.count(" ") and _WIDE.search(text):
        return capitalize(text[: limit * 2]) + "…"
    words = text.split()
    natural = _cut_words(words, limit)
    if natural is not None:
        return capitalize(balance_quotes(natural))
    head_words = words[:limit]
    while len(head_words) > 2 and head_words[-1].lower().strip(",;:") in _WEAK_ENDINGS:
        head_words.pop()
    return capitalize(balance_quotes(" ".join(head_words).rstrip(",;:—–-"))) + "…"


def heading_title(heading: str, limit: int = TITLE_WORDS) -> str:
    """A heading fit for a slide title: itself when short enough, else its part before a colon, else cut."""
    if word_count(heading) <= limit:
        return heading
    head, colon, _ = heading.partition(": ")
    if colon and 2 <= word_count(head) <= limit:
        return head
    return short_title(heading, limit)


def topic_of(heading: str) -> str:
    """The subject of a heading: the part before a colon when short ('Niger' of 'Niger: A Case Study')."""
    head, colon, _ = heading.partition(": ")
    if colon and word_count(head) <= 4:
        return head
    return heading_title(heading, 6)
