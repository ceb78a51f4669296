"""Finding structure in prose, conservatively: comparable figures, dated events and quoted phrases."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deckbuilder.importer.sentences import (
    capitalize,
    split_clauses,
    split_sentences,
    trim_point,
    word_count,
    word_set,
)

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
_YEAR = re.compile(
    rf"(?<![\w$€£¥₹.,/-])(?:(?P<month>(?:\d{{1,2}} )?(?:{_MONTHS})\.?(?: \d{{1,2}},)?) )?"
    r"(?P<year>1[0-9]{3}|20[0-9]{2})(?![\w%]|,\d|\.\d)"
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
    return capitalize(trim_point(text))


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


def find_figures(paragraph: str) -> list[Figure]:
    """Figures with a label (not years, not bare numbers) in a paragraph, in order."""
    figures: list[Figure] = []
    for sentence in split_sentences(paragraph):
        for match in _FIGURE.finditer(sentence):
            figure = _figure_at(sentence, match)
            if figure is not None:
                figures.append(figure)
    return figures


def comparable_figures(paragraph: str) -> list[Figure]:
    """Two or three figures of the same kind of quantity in one paragraph, or none.

    Counts of the same thing ('25,000 square kilometres', '1,350 square kilometres') are told apart by
    the clause around each; counts of different things by what they count.
    """
    by_unit: dict[str, list[Figure]] = {}
    for figure in find_figures(paragraph):
        by_unit.setdefault(figure.unit, []).append(figure)
    for group in by_unit.values():
        group = list({figure.value + figure.label: figure for figure in group}.values())[:3]
        if len(group) < 2:
            continue
        nouns = {figure.label.split(": ")[-1].split()[0].lower() for figure in group}
        if len(nouns) == 1:
            group = [replace(figure, label=figure.clause) for figure in group]
        if len({figure.label for figure in group}) == len(group):
            return group
    return []


def _event_text(sentence: str, match: re.Match[str]) -> str:
    """What happened: the sentence without a leading 'In 2021,' and cut to the clause holding the date."""
    text = sentence
    lead = re.match(
        rf"^(?:(?:In|By|Since|From|On|During|Until|After|Before) )?{re.escape(match.group(0))},?\s+", text
    )
    if lead is not None:
        text = text[lead.end() :]
    if word_count(text) > 16:
        for clause, _ in split_clauses(text):
            if match.group("year") in clause or clause is text:
                text = clause
                break
    return capitalize(trim_point(text))


def find_events(paragraphs: Sequence[str]) -> list[DatedEvent]:
    """One dated event per sentence that names a year, in the order the paragraphs tell them."""
    events: list[DatedEvent] = []
    for paragraph in paragraphs:
        for sentence in split_sentences(paragraph):
            match = _YEAR.search(sentence)
            if match is None:
                continue
            text = _event_text(sentence, match)
            if word_count(text) >= 2:
                events.append(DatedEvent(match.group(0).strip(), int(match.group("year")), text, sentence))
    return events


def timeline_events(paragraphs: Sequence[str]) -> list[DatedEvent]:
    """Three or more dated events in date order, or none."""
    events = find_events(paragraphs)
    if len(events) < 3 or len({event.year for event in events}) < 2:
        return []
    return sorted(events, key=lambda event: event.year)


def _content_words(text: str) -> set[str]:
    """The words of text that carry meaning: lower case, stopwords and short words left out."""
    return {w for w in re.findall(r"\w+", text.lower()) if w not in _STOPWORDS and len(w) > 2}


def _name_words(text: str) -> str:
    """The leading capitalised words (and 'of', 'de' …): 'Jane Doe' of 'Jane Doe on Monday'."""
    words: list[str] = []
    for word in text.split():
        if not (word[:1].isupper() or word in _NAME_PARTICLES):
            break
        words.append(word)
    while words and words[-1] in _NAME_PARTICLES:
        words.pop()
    return " ".join(words)


def _attribution(before: str, after: str) -> str | None:
    """Who said a quotation, if the words right around it say so."""
    for pattern, text in ((_SAID_AFTER, after), (_WHO_SAID_AFTER, after), (_WHO_SAID_BEFORE, before)):
        match = pattern.search(text)
        if match is not None:
            who = _name_words(match.group("who"))
            if 1 <= word_count(who) <= 8:
                return who
    return None


def find_quote(paragraph: str, known_terms: str) -> QuotedPhrase | None:
    """The paragraph's most telling quotation: attributed first, then the longest.

    Terms the heading already names ('strategic autonomy' under 'Strategic Autonomy') and one-word scare
    quotes are not quotations.
    """
    known = _content_words(known_terms)
    best: tuple[tuple[int, int], QuotedPhrase] | None = None
    for sentence in split_sentences(paragraph):
        for match in _QUOTED.finditer(sentence):
            text = next(group for group in match.groups() if group is not None)
            text = text.strip().rstrip(",;:")
            words = _content_words(text)
            if word_count(text) < 2 or not words:
                continue
            if len(words & known) * 2 >= len(words):
                continue
            who = _attribution(sentence[: match.start()], sentence[match.end() :])
            rank = (1 if who else 0, word_count(text))
            if best is None or rank > best[0]:
                best = (rank, QuotedPhrase(text, who, sentence))
    return best[1] if best is not None else None
