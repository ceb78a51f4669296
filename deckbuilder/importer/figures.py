"""Finding structure in prose, conservatively: compared figures, dated events and attributed quotations.

When in doubt, nothing is found and the prose stays bullets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deckbuilder.importer.points import concise
from deckbuilder.importer.sentences import capitalize, split_sentences, word_count, word_set

_CURRENCY = "$€£¥₹"
_FIGURE = re.compile(
    rf"(?<![\w.,/:-])(?P<value>(?P<currency>[{_CURRENCY}]\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:%|per ?cent\b|percent\b|million\b|billion\b|trillion\b|bn\b|m\b|k\b))?)"
    r"(?![\w.,]\d|[\w-])"
)
_LABEL = re.compile(r"[ \u00a0](?P<label>[^\s,;:.!?()“”\"—–]+(?:[ \u00a0][^\s,;:.!?()“”\"—–]+){0,5})")
_LABEL_STOP = word_set(
    "and but or which who that was were is are has have had will would could can may might took than "
    "as while when after before since because if"
)
_TIME_UNITS = word_set(
    "year years month months week weeks day days hour hours minute minutes second seconds decade "
    "decades century centuries"
)
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_OWNER_BEFORE = re.compile(
    r"^(?P<owner>[^,;:]{1,40}?),? (?:with|has|had|have|fielded|fields|kept|keeps|deployed)"
    r"(?: (?:some|about|around|nearly|almost|over|more than|up to|roughly))? ?$"
)
_QUOTED = re.compile(r"“(?P<a>[^“”]+)”|«\s?(?P<b>[^«»]+?)\s?»|「(?P<c>[^「」]+)」|(?<![\w])\"(?P<d>[^\"]+)\"")
_SAID = "said|says|told|added|wrote|writes|argued|argues|warned|warns|noted|notes|explained|declared|insisted"
_SAID_AFTER = re.compile(rf"^[,.]?\s*(?:{_SAID})\s+(?P<who>[A-Z][^,.;:!?]{{1,60}})")
_WHO_SAID_AFTER = re.compile(rf"^[,.]?\s*(?P<who>[A-Z][\w.’' -]{{1,50}}?)\s+(?:{_SAID})\b")
_WHO_SAID_BEFORE = re.compile(rf"(?P<who>[A-Z][\w.’' -]{{1,50}}?)\s+(?:{_SAID})(?: that)?[,:]?\s*$")
_COMPARES = re.compile(
    r"\b(?:while|whereas|compared (?:with|to)|against|versus|vs\.?|than|up from|down from|from \S+ to|"
    r"während|gegenüber|im vergleich|тогда как|по сравнению)\b",
    re.I,
)
_NAME_PARTICLES = word_set("of de du la le von van der al bin")
_STOPWORDS = word_set(
    "the a an of and or to in on at for with by from as is are was were be this that it its their his "
    "her our not no"
)


@dataclass(frozen=True)
class Figure:
    """A number as written, what it counts, and the kind of quantity it is."""

    value: str
    label: str
    unit: str
    sentence: str
    clause: str
    """The clause around the figure, which tells it apart from figures counting the same thing."""


@dataclass(frozen=True)
class DatedEvent:
    """An event with its date as written."""

    date: str
    year: int
    text: str
    sentence: str


@dataclass(frozen=True)
class QuotedPhrase:
    """A quotation in prose, who said it when the article says, and the sentence around it."""

    text: str
    attribution: str | None
    sentence: str


def _unit(currency: str | None, scale: str | None, label: str) -> str:
    """What kind of quantity a figure is: percent, money in one currency, a span of time, or a count."""
    scale = (scale or "").strip().lower()
    if scale in ("%", "percent", "per cent", "percent"):
        return "percent"
    if currency:
        return f"money {currency.strip()} {scale}"
    first = label.split()[0].lower() if label else ""
    if first in _TIME_UNITS:
        return "time"
    return f"count {scale}".strip()


def _label_after(text: str) -> str:
    """The words after a figure up to the end of its phrase: 'troops in the Sahel'."""
    match = _LABEL.match(text)
    if match is None:
        return ""
    words: list[str] = []
    for word in match.group("label").split():
        if word.lower() in _LABEL_STOP:
            break
        words.append(word)
    while words and words[-1].lower() in _STOPWORDS:
        words.pop()
    return " ".join(words)


def _clause_around(sentence: str, start: int, end: int) -> str:
    """The clause holding a figure, at most a dozen words around it: 'Inflation rose to 4.5% in March'."""
    left = max(sentence.rfind(mark, 0, start) for mark in ",;:—()")
    rights = [i for i in (sentence.find(mark, end) for mark in ",;:—()") if i >= 0]
    clause = sentence[left + 1 : min(rights, default=len(sentence))]
    words = clause.split()
    if len(words) > 12:
        before = len(sentence[left + 1 : start].split())
        words = words[max(0, before - 5) : before + 7]
    text = re.sub(r"^(?:while|whereas|and|but|although|though|as)\s+", "", " ".join(words), flags=re.I)
    return capitalize(text.strip(" ,;:.—–-"))


def _figure_at(sentence: str, match: re.Match[str]) -> Figure | None:
    """The figure a number makes, labelled, or None for a year or a number without a clear noun."""
    number = match.group("number")
    plain = not match.group("currency") and not match.group("scale")
    if plain and re.fullmatch(r"1[5-9]\d\d|20\d\d", number):
        return None  # a year
    noun = _label_after(sentence[match.end() :])
    unit = _unit(match.group("currency"), match.group("scale"), noun)
    clause = _clause_around(sentence, match.start(), match.end())
    value = match.group("value").strip()
    if unit.startswith(("percent", "money")):
        return Figure(value, clause, unit, sentence, clause) if clause else None
    if not noun[:1].isalpha() or not noun[:1].islower() or re.search(r"\d", noun):
        return None
    if noun.split()[0] in _STOPWORDS:
        return None
    owner = _OWNER_BEFORE.match(sentence[: match.start()]) if match.start() <= 80 else None
    if owner is not None and word_count(owner["owner"]) <= 4:
        label = f"{capitalize(owner['owner'].strip())}: {noun}"
    else:
        label = capitalize(noun)
    return Figure(value, label, unit, sentence, clause or label)


def find_figures(paragraph: str, language: str = "en") -> list[Figure]:
    """Figures with a label (not years, not bare numbers) in a paragraph: one per sentence, or two when
    the sentence compares them ('€3.1 billion …, while … €0.4 billion')."""
    figures: list[Figure] = []
    for sentence in split_sentences(paragraph, language):
        found = [f for m in _FIGURE.finditer(sentence) if (f := _figure_at(sentence, m)) is not None]
        if len(found) == 1 or (
            len(found) == 2 and found[0].unit == found[1].unit and _COMPARES.search(sentence)
        ):
            figures.extend(found)
    return figures


def _whole_label(label: str) -> bool:
    """A label that reads whole: two words or more, not ending on a little word or a cut number."""
    words = label.replace(":", " ").split()
    return len(words) >= 2 and words[-1].lower() not in _STOPWORDS and not re.search(r"\d[.,]$", label)


def comparable_figures(paragraph: str, language: str = "en") -> list[Figure]:
    """Two or three figures of one kind of quantity that the paragraph compares, each from its own
    sentence and with a whole label, or none."""
    by_unit: dict[str, list[Figure]] = {}
    for figure in find_figures(paragraph, language):
        by_unit.setdefault(figure.unit, []).append(figure)
    for group in by_unit.values():
        group = list({figure.value + figure.label: figure for figure in group}.values())
        if not 2 <= len(group) <= 3:
            continue
        nouns = {figure.label.split(": ")[-1].split()[0].lower() for figure in group}
        if len(nouns) == 1:
            group = [replace(figure, label=figure.clause) for figure in group]
        if len({figure.label for figure in group}) == len(group) and all(
            _whole_label(f.label) for f in group
        ):
            return group
    return []


_DATE_LEAD = re.compile(
    rf"^(?:(?:In|By|Since|From|On|During|Until|After|Before|Im|Am|Seit|Bis|Ab|В|С|До|После|En|Depuis) )?"
    rf"(?P<date>(?:(?:\d{{1,2}}\.? )?(?:{_MONTHS})\.?(?: \d{{1,2}},?)? )?(?P<year>1[0-9]{{3}}|20[0-9]{{2}}))"
    r"(?:\s?(?:г\.|года?))?,?\s+(?P<rest>\S.*)$"
)
EVENT_MAX_WORDS = 25


def find_events(paragraphs: Sequence[str], language: str = "en") -> list[DatedEvent]:
    """Events with their own dates: sentences that open with a date ('In 2021, …'), in the order told."""
    events: list[DatedEvent] = []
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph, language):
            match = _DATE_LEAD.match(sentence)
            if match is None:
                continue  # a year told in passing does not date an event
            text = concise(match.group("rest"), language)
            if 3 <= word_count(text) <= EVENT_MAX_WORDS:
                events.append(DatedEvent(match.group("date"), int(match.group("year")), text, sentence))
    return events


def timeline_events(paragraphs: Sequence[str], language: str = "en") -> list[DatedEvent]:
    """Three or more dated events in date order, or none."""
    events = find_events(paragraphs, language)
    if len(events) < 3 or len({event.year for event in events}) < 2:
        return []
    return sorted(events, key=lambda event: event.year)


_NOT_SPEAKERS = word_set(
    "he she they it we i you the a an this that there his her their its our one some many most "
    "er sie es wir ich man der die das он она они мы я il elle ils nous on"
)
QUOTE_MIN_WORDS = 8


def _name_words(text: str) -> str:
    """The leading capitalised words (and 'of', 'de' …): 'Jane Doe' of 'Jane Doe on Monday'."""
    words: list[str] = []
    for word in text.split():
        if not (word[:1].isupper() or word in _NAME_PARTICLES):
            break
        words.append(word.strip(",.;:"))
    while words and words[-1] in _NAME_PARTICLES:
        words.pop()
    return " ".join(words)


def _speaker(before: str, after: str) -> str | None:
    """Who said a quotation, when the words right around it name someone (not 'he', not 'the minister')."""
    for pattern, text in ((_SAID_AFTER, after), (_WHO_SAID_AFTER, after), (_WHO_SAID_BEFORE, before)):
        match = pattern.search(text)
        if match is None:
            continue
        phrase = match.group("who").strip(" ,")
        # before 'says', the whole phrase is the speaker ('Undersecretary for Education Mr. Toccafondi')
        who = phrase if pattern is _WHO_SAID_BEFORE and word_count(phrase) <= 8 else _name_words(phrase)
        words = who.split()
        if 1 <= len(words) <= 6 and words[0].lower() not in _NOT_SPEAKERS:
            return who
    return None


def find_quote(paragraph: str, language: str = "en") -> QuotedPhrase | None:
    """The paragraph's longest quotation of at least eight words whose speaker the article names."""
    best: QuotedPhrase | None = None
    for sentence in split_sentences(paragraph, language):
        for match in _QUOTED.finditer(sentence):
            text = next(group for group in match.groups() if group is not None).strip().rstrip(",;:")
            if word_count(text) < QUOTE_MIN_WORDS:
                continue
            who = _speaker(sentence[: match.start()], sentence[match.end() :])
            if who is not None and (best is None or word_count(text) > word_count(best.text)):
                best = QuotedPhrase(capitalize(text), who, sentence)
    return best
