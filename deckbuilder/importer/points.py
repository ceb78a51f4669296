"""Prose into bullet points: one whole sentence a point, made concise only by cuts that keep its grammar."""

from __future__ import annotations

import re

from deckbuilder.importer.blocks import ListBlock
from deckbuilder.importer.sentences import capitalize, ends_on_abbreviation, split_sentences, word_count
from deckbuilder.outline.model import BulletPoint, Point

LONG_SENTENCE_WORDS = 120
"""A sentence longer than this (a run-on list, a table flattened into prose) is shown in pieces."""
MIN_POINT_WORDS = 4
"""A cut that would leave fewer words than this is not made."""
PARENTHESIS_MAX_WORDS = 12
LEAD_IN_ITEM_MAX_WORDS = 15
"""Items this short nest under the line that leads into them; longer ones stand as points of their own."""
_CONNECTIVE = re.compile(
    r"^(?:(?:however|moreover|furthermore|in addition|additionally|indeed|in fact|meanwhile|"
    r"nevertheless|nonetheless|that said|still|also|then|thus|therefore|consequently|as a result|"
    r"in other words|of course|at the same time|by contrast|in contrast|"
    r"allerdings|außerdem|zudem|jedoch|dennoch|trotzdem|darüber hinaus|"
    r"однако|кроме того|тем не менее|при этом|впрочем|"
    r"cependant|toutefois|en outre|par ailleurs|"
    r"sin embargo|además|no obstante)\s*,\s*"
    r"|(?:and|but|so|yet|or|und|aber|doch|и|но|а|et|mais|y|pero)\s+(?=[^\W\d_]))",
    re.I,
)
_SAYING = (
    r"said|says|told \w+|added|wrote|writes|explained|noted|argued|warned|according to|"
    r"sagte|sagt|erklärte|so|laut|сказал|сказала|заявил|заявила|отметил|отметила|по словам"
)
_TRAILING_ATTRIBUTION = re.compile(rf",\s+(?:{_SAYING})\s+[^,;:“”\"«»]{{1,80}}(?:,\s+[^,;:“”\"«»]{{1,80}})?$")
_SPEAKER_DESCRIPTION = re.compile(
    rf"(?P<keep>,?\s+(?:{_SAYING})\s+[^,;:“”\"«»]{{1,60}}),\s+[^,;:“”\"«»]{{1,80}}$"
)
_PARENTHESIS = re.compile(r"\s\((?P<inner>[^()]{1,200})\)(?=[\s,.;:!?]|$)")
_QUOTATION_MARKS = re.compile('[“”"«»„]')
_FINAL_STOP = re.compile(r"(?<![.])[.。](?P<close>[”’\"'»)」]*)$")


def _drop_connective(text: str) -> str:
    """A sentence without a leading 'However,' / 'And' when enough is left."""
    trimmed = _CONNECTIVE.sub("", text, count=1)
    return trimmed if trimmed != text and word_count(trimmed) >= MIN_POINT_WORDS else text


def _drop_attribution(text: str) -> str:
    """', said X, a professor at Y' dropped from reported speech; a quotation keeps 'said X'."""
    body = text.rstrip(".!?…")
    end = text[len(body) :]
    if _QUOTATION_MARKS.search(body):
        match = _SPEAKER_DESCRIPTION.search(body)
        return body[: match.start()] + match.group("keep") + end if match else text
    match = _TRAILING_ATTRIBUTION.search(body)
    if match is None or word_count(body[: match.start()]) < MIN_POINT_WORDS:
        return text
    return body[: match.start()] + end


def _drop_parentheses(text: str) -> str:
    """Short asides in brackets dropped ('(pictured)', '(CDC)'), when enough is left."""
    trimmed = _PARENTHESIS.sub(
        lambda m: "" if word_count(m.group("inner")) <= PARENTHESIS_MAX_WORDS else m.group(0), text
    )
    return trimmed if word_count(trimmed) >= MIN_POINT_WORDS else text


def _drop_final_stop(text: str, language: str) -> str:
    """The closing full stop dropped, unless it belongs to an abbreviation ('U.S.', 'etc.')."""
    match = _FINAL_STOP.search(text)
    if match is None:
        return text
    body = text[: match.start() + 1]
    last = body.split()[-1] if body.split() else ""
    if "." in last[:-1] or ends_on_abbreviation(body, language):
        return text
    return text[: match.start()] + match.group("close")


def concise(sentence: str, language: str = "en", *, as_point: bool = True) -> str:
    """One sentence as a bullet: connective, trailing attribution and short asides cut, no full stop,
    capitalised; a list's nested item (`as_point` false) is only capitalised and loses its full stop."""
    text = sentence.strip()
    if not as_point:
        return capitalize(_drop_final_stop(text, language))
    text = _drop_parentheses(_drop_attribution(_drop_connective(text)))
    return capitalize(_drop_final_stop(text.strip(), language))


def _pieces(sentence: str) -> list[str]:
    """A sentence too long for one point, in runs of words cut after a comma or semicolon if one is near."""
    words = sentence.split()
    pieces: list[str] = []
    start = 0
    while len(words) - start > LONG_SENTENCE_WORDS:
        end = start + LONG_SENTENCE_WORDS
        for cut in range(end, start + LONG_SENTENCE_WORDS // 2, -1):
            if words[cut - 1].endswith((",", ";", ":")):
                end = cut
                break
        pieces.append(" ".join(words[start:end]))
        start = end
    pieces.append(" ".join(words[start:]))
    return pieces


def sentence_points(sentence: str, language: str = "en") -> list[str]:
    """The points one sentence makes: itself, concise; a run-on sentence in pieces."""
    if len(sentence.split()) > LONG_SENTENCE_WORDS:
        return [piece for piece in _pieces(sentence) if word_count(piece) > 0]
    point = concise(sentence, language)
    return [point] if word_count(point) > 0 else []


def prose_points(text: str, language: str = "en") -> list[Point]:
    """The points of a paragraph, one per sentence, in order."""
    return [
        point for sentence in split_sentences(text, language) for point in sentence_points(sentence, language)
    ]


def list_points(block: ListBlock, language: str = "en", lead_in: str | None = None) -> list[Point]:
    """A list's items as points (nested items one level down); under a lead-in, the items nest under it."""
    points: list[Point] = []
    for item in block.items:
        text = concise(item.text, language) if word_count(item.text) > 0 else ""
        children = [concise(c, language, as_point=False) for c in item.children if word_count(c) > 0]
        if not text:
            points.extend(children)
        elif children:
            points.append(BulletPoint(text=text, points=children))
        else:
            points.append(text)
    short = all(word_count(item.text) <= LEAD_IN_ITEM_MAX_WORDS for item in block.items)
    if lead_in is not None and points and short and all(isinstance(point, str) for point in points):
        items = [
            concise(item.text, language, as_point=False) for item in block.items if word_count(item.text)
        ]
        return [BulletPoint(text=concise(lead_in, language).rstrip(":："), points=items)]
    if lead_in is not None:
        return [concise(lead_in, language), *points]
    return points
