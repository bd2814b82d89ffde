"""Numbers in words: reading one from what a player (or a world file) wrote, and saying a
count back with its noun and verb in agreement.

`read` is the only place text becomes a number. It takes the bounds of whoever asks (an
action declares its own `Bounds`), so no count or duration outside them gets into the world,
and it never does work that grows with how long a number is written: a 10,000-digit number
is refused after looking at its length, not after converting it.

What it reads:
- digits in any script that has decimal digits ("42", "٤٢", "４２" after NFKC), in groups
  of three after the first ("1 200", as "1,200" reaches the parser once the comma is cut);
- one character that stands for a digit but is not a decimal one ("⓵", "❸");
- English cardinals ("three", "twenty-one", "one hundred and five"), by text2num;
- "a"/"an" (1), "a couple (of)" (2), "a few" (3), "a dozen" (12), "a hundred", "zero";
- a sign ("-5", "−5", "minus five"), so that a negative count is refused, not misread.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from text_to_num import text2num

MAX_WORDS = 8  # "one hundred and twenty-one thousand and five" is as long as it gets
MAX_CHARS = 80
_MINUS = ("-", "\u2212", "\u2012", "\u2013", "\u2014", "\ufe63", "\uff0d")
_SIGN_WORDS = {"minus": -1, "negative": -1, "plus": 1}
_IDIOMS = {  # words text2num does not know, after any "a"/"an" and before any "of"
    "couple": 2,
    "few": 3,
    "dozen": 12,
}
_ARTICLES = frozenset({"a", "an"})
_JOINING = frozenset({"and", "of"})  # "one hundred and five", "a couple of"
_CARDINALS = frozenset({
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "billion",
})  # fmt: skip
# every word that can be part of a number: the parser knows them as words of the game
WORDS = _CARDINALS | _IDIOMS.keys() | _ARTICLES | _SIGN_WORDS.keys()


class NumberError(ValueError):
    """The text is not a number this reader accepts, or not one within the bounds."""


class NotANumber(NumberError):
    pass


class NotWhole(NotANumber):
    """A fraction ("1.5", "½"): counts and durations are whole numbers."""


class OutOfRange(NumberError):
    """A number, but outside [low, high]. `value` is None when it was too long to read."""

    def __init__(self, text: str, value: int | None, low: int, high: int, negative: bool):
        super().__init__(f"'{_shown(text)}' is not between {low} and {high}")
        self.value, self.low, self.high = value, low, high
        self.too_small = negative if value is None else value < low


@dataclass(frozen=True, slots=True)
class Bounds:
    """The numbers an action takes, and what the player reads for one outside them."""

    low: int
    high: int
    too_small: str = "That needs a bigger number."
    too_large: str = "That number is too large."

    def refusal(self, error: OutOfRange) -> str:
        return self.too_small if error.too_small else self.too_large


def read(text: str, low: int, high: int) -> int:
    """The number `text` says, if low <= it <= high; else NotANumber or OutOfRange."""
    raw = text
    text = unicodedata.normalize("NFKC", text).strip().lower()
    if not text or len(text) > MAX_CHARS and not _digits_only(text):
        raise NotANumber(f"'{_shown(raw)}' is not a number I know")
    sign, text = _sign(text)
    value = _numeral(text, low, high, sign)
    if value is None:
        value = _words(text)
    if value is None and _fraction(text):
        raise NotWhole(f"'{_shown(raw)}' is not a whole number")
    if value is None:
        raise NotANumber(f"'{_shown(raw)}' is not a number I know")
    value *= sign
    if not low <= value <= high:
        raise OutOfRange(raw, value, low, high, sign < 0)
    return value


def is_number(text: str) -> bool:
    """Whether `text` reads as a number at all, whatever its size or sign."""
    try:
        read(text, -1, 1)
    except OutOfRange:
        return True
    except NotANumber:
        return False
    return True


def _fraction(text: str) -> bool:
    whole, dot, part = text.partition(".")
    if dot and whole.isdecimal() and part.isdecimal():
        return True
    return "\u2044" in text or text in ("half", "a half", "half a", "half an")  # NFKC: ½ -> 1⁄2


def _shown(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "..."


def _digits_only(text: str) -> bool:
    return all(ch.isdecimal() or ch.isspace() or ch in _MINUS or ch == "+" for ch in text)


def _sign(text: str) -> tuple[int, str]:
    if text[:1] in _MINUS:
        return -1, text[1:].lstrip()
    if text[:1] == "+":
        return 1, text[1:].lstrip()
    first, _, rest = text.partition(" ")
    if first in _SIGN_WORDS and rest:
        return _SIGN_WORDS[first], rest.lstrip()
    return 1, text


def _numeral(text: str, low: int, high: int, sign: int) -> int | None:
    """Digits: a run of decimal digits, maybe grouped by threes; or one digit sign."""
    if len(text) == 1 and not text.isdecimal():
        digit = unicodedata.digit(text, None)
        return digit
    groups = text.split()
    if not groups or not all(g.isdecimal() for g in groups):
        return None
    if len(groups) > 1 and not (len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    digits = "".join(groups).lstrip("0") or "0"
    widest = max(len(str(abs(low))), len(str(abs(high))))
    if len(digits) > widest:  # too long to be in bounds: refuse without converting it
        raise OutOfRange(text, None, low, high, sign < 0)
    return int(digits)


def _words(text: str) -> int | None:
    words = text.replace("-", " ").split()
    if not words or len(words) > MAX_WORDS or not all(w in WORDS or w in _JOINING for w in words):
        return None
    if words[-1] == "of" and len(words) > 1 and words[-2] in _IDIOMS:  # "a couple of"
        words = words[:-1]
    if words[0] in _ARTICLES:
        if len(words) == 1:
            return 1
        words = ["one", *words[1:]] if words[1] not in _IDIOMS else words[1:]
    if len(words) == 1 and words[0] in _IDIOMS:
        return _IDIOMS[words[0]]
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def plural(count: int, one: str, many: str = "") -> str:
    """A count and its noun in agreement: '1 hour', '3 hours', '0 clones', '2 mice'."""
    return f"{count} {one if count == 1 else many or one + 's'}"
