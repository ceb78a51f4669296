"""Guessing an article's language, from the scripts its letters are in and its commonest words."""

from __future__ import annotations

import re
from collections import Counter

from deckbuilder.importer.sentences import word_set

_SAMPLE_CHARS = 20_000
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PERSIAN_LETTERS = re.compile(r"[پچژگی]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґ]")
_COMMON_WORDS: dict[str, frozenset[str]] = {
    "en": word_set("the and of to in is that for with was on as are by it this from have be"),
    "de": word_set("der die das und ist nicht ein eine mit für von den dem auf sich auch zu im"),
    "fr": word_set("le la les et des est une pour dans que qui du au sur pas par avec ce"),
    "es": word_set("el la los las y de que en es por para con una del se como más"),
    "it": word_set("il la che di e per con una sono del della gli non più anche nel"),
    "pt": word_set("o a os as e de que em para com uma do da não por mais são"),
    "nl": word_set("de het een en van is dat op te zijn met voor niet ook aan"),
}


def guess_language(text: str) -> str:
    """The ISO 639-1 code of the language the text is most likely in ('en' when unsure)."""
    sample = text[:_SAMPLE_CHARS]
    latin = len(_LATIN.findall(sample))
    counts = {code: len(pattern.findall(sample)) for code, pattern in _SCRIPTS}
    code, count = max(counts.items(), key=lambda item: item[1])
    if count > latin:
        if code == "ar" and len(_PERSIAN_LETTERS.findall(sample)) * 20 > count:
            return "fa"
        if code == "ru" and len(_UKRAINIAN_LETTERS.findall(sample)) * 50 > count:
            return "uk"
        if code == "zh" and counts["ja"] * 10 > count:
            return "ja"
        return code
    words = Counter(re.findall(r"[^\W\d_]+", sample.lower()))
    scores = {lang: sum(words[word] for word in common) for lang, common in _COMMON_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else "en"
