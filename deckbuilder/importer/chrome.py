"""Page chrome in copied text: captions, credits, bylines, share and navigation text, rules, promo lines.

Such lines are never bullets or headings; the importer keeps them in the speaker notes instead.
"""

from __future__ import annotations

import re

from deckbuilder.importer.sentences import word_count, word_set

_RULE = re.compile(r"^[\s_*=~#·•.\-–—]{3,}$")
"""A rule line ('___', '* * *', '-----'): it has no words at all."""
_CHROME_START = re.compile(
    r"^(?:image|photo|picture|media|video|audio|graphic|illustration|chart|map|source|credit|copyright|"
    r"caption|file photo|pictured|watch|listen|read more|read also|see also|more on this story|"
    r"related(?: topics| stories| articles| links| internet links| content)?|top stories|most read|"
    r"features|elsewhere on|around the (?:bbc|web)|menu|main menu|navigation|home|search|log ?in|sign in|"
    r"share(?: this)?(?: with| on| article| story| page)?|"
    r"follow us|sign up|subscribe|newsletter|advertisement|sponsored|skip to|jump to|back to top|"
    r"published|updated|last updated|posted|first published|filed under|tags?|topics?|categories|"
    r"comments?|click here|download|print|email|e-mail|facebook|twitter|x|messenger|whatsapp|linkedin|"
    r"reddit|telegram|copy (?:this )?link|getty images|reuters|afp|ap photo|"
    r"bild|foto|quelle|teilen|mehr zum thema|lesen sie auch|anzeige|werbung|"
    r"фото|источник|поделиться|читайте также|реклама|подписаться|"
    r"صورة|مصدر|شارك|اقرأ أيضا|اقرأ أيضًا|إعلان)"
    r"(?:\s+(?:source|caption|credit|copyright|by))?(?:\s*[,:|©/–—-]|\s+(?:by|via|courtesy|copyright)\b|$)",
    re.I,
)
_DATELINE = re.compile(
    r"^(?:(?:published|updated|last updated|posted|first published|veröffentlicht|aktualisiert|"
    r"опубликовано|обновлено)\b.{0,60}|(?:[^\W\d_]{3,9},\s+)?[\d\s.,:/-]*(?:\d{1,2}\s+)?[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"\s+\d{4}(?:[\s,]+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?|\d{1,2}\s+[^\W\d_]{3,10}\s+\d{4})$",
    re.I,
)
_CHROME_ANYWHERE = re.compile(
    r"media playback is (?:unsupported|not supported)|this (?:video|content) (?:can ?not|is not available)|"
    r"is not responsible for the content of external|all rights reserved|©|\(c\) \d{4}|"
    r"cookies? (?:policy|settings)|privacy (?:policy|notice)|terms of (?:use|service)|"
    r"donate (?:today|now)|tax[- ]deductible gift|support (?:our|us|the) work|"
    r"skip to (?:main )?(?:content|navigation)|jump to (?:navigation|search|content)|"
    r"\b(?:getty images|shutterstock|alamy|afp via getty|epa-efe|ap photo)\b",
    re.I,
)
_BYLINE_OPENERS = word_set("by par von por di автор от")
_NAME_JOINERS = word_set("and et und y e и de van von der la le du al bin")
BYLINE_MAX_WORDS = 12
CHROME_MAX_WORDS = 25
"""A line longer than this is prose, whatever it starts with."""
CHROME_MAX_CHARS = 300


def is_rule(line: str) -> bool:
    """A line of rule characters, with no word."""
    return bool(_RULE.match(line.strip()))


def is_byline(line: str) -> bool:
    """'By Jane Doe and John Roe, BBC News': who wrote the article (capitalised names, no full stop)."""
    words = line.strip().split()
    if not 2 <= len(words) <= BYLINE_MAX_WORDS or words[0].lower() not in _BYLINE_OPENERS:
        return False
    if line.rstrip().endswith((".", "!", "?")):
        return False
    names = re.split(r"\s*[,|–—]\s*|\s+-\s+", " ".join(words[1:]), maxsplit=1)[0].split()
    return bool(names) and all(word[0].isupper() or word.lower() in _NAME_JOINERS for word in names)


def is_chrome(line: str) -> bool:
    """Whether a line is page chrome (caption, credit, share or navigation text, promo, rule)."""
    text = line.strip()
    if not text or is_rule(text):
        return True
    if word_count(text) > CHROME_MAX_WORDS or len(text) > CHROME_MAX_CHARS:
        return False
    if (
        _CHROME_START.match(text)
        or _DATELINE.match(text)
        or _CHROME_ANYWHERE.search(text)
        or _LINK.match(text)
        or _CREDIT_TAIL.search(text)  # a caption with its picture's credit at its end
    ):
        return True
    return is_byline(text)


_LINK = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
"""A line that is only an address: a link's target, shown by the page beside its text."""
_CREDIT_TAIL = re.compile(
    r"[.!?]\s+(?:image|photo|picture|foto|bild|фото|credit)\s*:\s*[^.:;]{1,60}\.?$", re.I
)
_CREDIT = re.compile(r"^(?:image|photo|picture|foto|bild|фото|credit|source|quelle|источник)\s*:", re.I)


def is_credit(line: str) -> bool:
    """'Image: NASA.': the credit line under a picture (the line above it is the picture's caption)."""
    return word_count(line) <= 12 and bool(_CREDIT.match(line.strip()))


_LINKS_LABEL = re.compile(
    r"^(?:related(?: topics| stories| articles| links| content)?|top stories|most read|more on this story|"
    r"read more|see also|more from|you may also like|recommended|trending|"
    r"mehr zum thema|lesen sie auch|читайте также|اقرأ أيضا)\s*:?$",
    re.I,
)
LINK_LINE_MAX_WORDS = 10


def is_links_label(line: str) -> bool:
    """'Related Topics', 'Top Stories': a label over a list of links to other pages."""
    return bool(_LINKS_LABEL.match(line.strip()))


def is_link_line(line: str) -> bool:
    """A short line without a sentence end: what a list of links to other pages is made of."""
    text = line.strip()
    return 0 < word_count(text) <= LINK_LINE_MAX_WORDS and not text.endswith((".", "!", "?", ";"))


def is_navigation_run(lines: list[str]) -> bool:
    """Whether consecutive lines read as a menu: three or more very short lines without punctuation."""
    return len(lines) >= 3 and all(
        word_count(line) <= 4 and not re.search(r"[.!?;:,]$", line.strip()) for line in lines
    )
