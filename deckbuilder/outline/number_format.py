"""What an Excel number format may hold, as one regular expression both the reader and JSON Schema use.

A chart's number format goes into the chart's XML and its embedded workbook, and PowerPoint reads it
as Excel does; a format Excel would refuse is refused here, at its place in the outline. The grammar:
up to four sections separated by ';', each a run of digit placeholders (0 # ? . , % E+ E- /), date and
time codes (y m d h s AM/PM A/P), '@', 'General', "quoted text", an escaped character (\\x), a
space the width of a character (_x), a repeated character (*x), the literal characters Excel shows
unquoted ($ - + ( ) : ^ ' { } < > = ! & ~ space, and currency signs), and bracketed colours
([Red], [Color12]), conditions ([<1000]), locales ([$€-407]) and elapsed times ([h], [mm], [ss]).
The expression uses only syntax ECMAScript and Python share, so editors check the same thing.
"""

from __future__ import annotations

MAX_NUMBER_FORMAT_LENGTH = 255
"""Excel's own limit on the length of a number format."""

_COLORS = ("Black", "Blue", "Cyan", "Green", "Magenta", "Red", "White", "Yellow")
_CURRENCY = "¢£¤¥₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿"


def _any_case(word: str) -> str:
    """A pattern matching word in any mix of upper and lower case."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in word)


def _token_pattern() -> str:
    colors = "|".join(_any_case(name) for name in _COLORS)
    color_number = f"{_any_case('Color')}(?:[1-9]|[1-4][0-9]|5[0-6])"
    return "|".join(
        (
            r'"[^"\x00-\x1f]*"',  # quoted text (XML holds no control characters)
            r"\\[^\x00-\x1f]",  # an escaped character
            r"[_*][^\x00-\x1f]",  # a space as wide as the character, or the character repeated to fill
            rf"\[(?:{colors}|{color_number})\]",
            r"\[(?:<=|>=|<>|<|>|=)-?[0-9]+(?:\.[0-9]+)?\]",  # a condition
            r"\[\$[^\]]*\]",  # a currency and locale
            r"\[(?:[Hh]+|[Mm]+|[Ss]+)\]",  # elapsed time
            _any_case("General"),
            _any_case("AM/PM"),
            _any_case("A/P"),
            r"[Ee][+-]",
            r"[0#?.,%@/yYmMdDhHsS]",
            rf"[-$+():^'{{}}<>=!&~ {_CURRENCY}]",
        )
    )


def _format_pattern() -> str:
    token = f"(?:{_token_pattern()})"
    return f"^{token}*(?:;{token}*){{0,3}}$"


NUMBER_FORMAT_PATTERN = _format_pattern()
"""A whole Excel number format: up to four sections of the tokens above."""
NUMBER_FORMAT_HINT = (
    'is not an Excel number format (such as 0, #,##0.0, 0% or "€"#,##0); '
    'put words in double quotes, e.g. 0 "R&D"'
)
