"""Prose into sentences (a real segmenter, guarded so no sentence ends inside a number or after an
abbreviation), word counts, and slide titles made from headings."""

from __future__ import annotations

import math
import re

from sentencex import segment

TITLE_WORDS = 12
"""A heading longer than this is cut for a slide title (at its colon when it has one)."""
TITLE_CHARS = 90
UNTITLED = "Untitled"
_MERGE_LIMIT = 8
"""How many following pieces one sentence may swallow while a quotation or bracket is still open."""


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(words.split())


ORDINAL_DOT_LANGUAGES = word_set("de da nb no sv fi is et lv lt cs sk pl hu sl hr sr bs tr")
"""Languages that write ordinals with a full stop ('der 2. Weltkrieg', 'am 3. Oktober')."""


_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]")
"""Scripts written without spaces between words (CJK), whose characters count half a word each."""
_WORD = re.compile(r"\w[^\s—–/|]*")
"""A word: starts at a letter or digit, so a run of punctuation is scanned once (no backtracking)."""

_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": word_set(
        "mr. mrs. ms. dr. prof. st. sr. jr. no. nos. gen. col. lt. sgt. capt. gov. sen. rep. pres. "
        "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. e.g. i.e. vs. approx. ca. fig. "
        "figs. p. pp. vol. ch. sec. art. dept. est. cf. al. inc. ltd. corp. co. mt. ave. la. calif. "
        "mass. wash. fla. ariz. colo. conn. ill. mich. minn. tenn. va. wis."
    ),
    "de": word_set(
        "z. b. z.b. ca. nr. mio. mrd. sog. bzw. vgl. u. a. d. h. z. t. dr. prof. st. abs. art. s. ggf. "
        "evtl. inkl. jh. jhd. bspw. insb. u.a. d.h. z.t. zzgl. max. min. rd. tsd. hrsg. mind."
    ),
    "ru": word_set(
        "т. е. т.е. т. к. т.к. гг. им. ул. д. см. тыс. млн. млрд. руб. напр. проф. акад. им. пр. "
        "св. стр. рис. табл. ок. вв. в. н. э. т. н. т.н. г-н. г-жа."
    ),
    "fr": word_set("m. mme. mlle. dr. p. ex. cf. env. av. apr. j.-c. st. ste. n°."),
}
_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.$")
_NUMBER_CUT = re.compile(r"\d[.,]$")
_ORDINAL = re.compile(r"(?:^|\s)\d{1,3}\.$")
_OPENING_QUOTES = "“‘«„‚「『\"'([¿¡"
_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"), ("(", ")"), ("[", "]"), ("「", "」"))


def word_count(text: str) -> int:
    """Words in text; characters of scripts written without spaces count half a word each."""
    wide = len(_WIDE.findall(text))
    return len(_WORD.findall(_WIDE.sub(" ", text))) + math.ceil(wide / 2)


def _last_token(text: str) -> str:
    """The last white-space separated token of text, lower case, with a preceding one-letter token."""
    tokens = text.lower().split()
    if len(tokens) >= 2 and len(tokens[-2].rstrip(".")) == 1:
        return f"{tokens[-2]} {tokens[-1]}"
    return tokens[-1] if tokens else ""


def ends_on_abbreviation(text: str, language: str) -> bool:
    """Whether text ends with a known abbreviation of its language ('ca.', 'z. B.', 'т. е.')."""
    known = _ABBREVIATIONS.get(language, frozenset()) | _ABBREVIATIONS["en"]
    token = _last_token(text.rstrip())
    last = token.split()[-1] if token else ""
    return token in known or last.lstrip(_OPENING_QUOTES) in known


def _unbalanced(text: str) -> bool:
    """Whether a quotation mark or bracket opened in text is still open at its end."""
    if text.count('"') % 2:
        return True
    return any(text.count(opener) > text.count(closer) for opener, closer in _PAIRS if opener != closer)


def _continues(piece: str, following: str, language: str) -> bool:
    """Whether the segmenter cut a sentence too early: `following` belongs to `piece`."""
    start = following.lstrip(_OPENING_QUOTES + " ")
    if not start or not start[0].isalnum():
        return True  # a stray mark or closing quote
    if start[0].islower():
        return True
    stripped = piece.rstrip()
    if _NUMBER_CUT.search(stripped) and start[0].isdigit():
        return True
    if _INITIAL.search(stripped) or ends_on_abbreviation(stripped, language):
        return True
    return language in ORDINAL_DOT_LANGUAGES and bool(_ORDINAL.search(stripped))


def _closing(pieces: list[str], start: int, text: str) -> int:
    """How many pieces after `start` close the quotation or bracket `text` leaves open (0: none do)."""
    for count in range(1, min(_MERGE_LIMIT, len(pieces) - start - 1) + 1):
        text = f"{text} {pieces[start + count]}"
        if not _unbalanced(text):
            return count
    return 0


def split_sentences(text: str, language: str = "en") -> list[str]:
    """The sentences of a paragraph, each as written (ends trimmed), never cut inside a number, a date,
    an abbreviation, a URL or a quotation."""
    pieces = [piece.strip() for piece in segment(language, text) if piece.strip()]
    sentences: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if sentences and _continues(sentences[-1], piece, language):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
        if _unbalanced(sentences[-1]) and (count := _closing(pieces, index, sentences[-1])):
            sentences[-1] = " ".join([sentences[-1], *pieces[index + 1 : index + 1 + count]])
            index += count
        index += 1
    return sentences


def capitalize(text: str) -> str:
    """Text with its first letter upper case (quotes before it skipped; 'iPhone' left as it is)."""
    for index, char in enumerate(text):
        if char.isalpha():
            word = text[index:].split(" ", 1)[0]
            if char.isupper() or any(c.isupper() for c in word[1:]):
                return text
            return text[:index] + char.upper() + text[index + 1 :]
        if char not in _OPENING_QUOTES:
            return text
    return text


def _cut(text: str, words: int, chars: int) -> str:
    """Text cut at a word boundary to at most `words` words and `chars` characters, with '…' if cut."""
    tokens = text.split()
    if len(tokens) <= words and len(text) <= chars:
        return text
    kept: list[str] = []
    for token in tokens[:words]:
        if len(" ".join([*kept, token])) > chars - 1:
            break
        kept.append(token)
    if not kept:  # one token longer than the limit (a URL): cut it
        return text[: chars - 1] + "…"
    return " ".join(kept).rstrip(",;:—–-") + "…"


def heading_title(heading: str, words: int = TITLE_WORDS, chars: int = TITLE_CHARS) -> str:
    """A heading fit for a slide title: itself when short enough, else its part before a colon, else
    cut at a word boundary."""
    heading = heading.strip() or UNTITLED
    if word_count(heading) <= words and len(heading) <= chars:
        return heading
    head, colon, _ = heading.partition(": ")
    if colon and 2 <= word_count(head) <= words and len(head) <= chars:
        return head
    return _cut(heading, words, chars)
