"""The text an agent reads and types: a printable charset and safe truncation.

Observations are the game's replies made to fit `CHARSET` (printable ASCII and the
newline): typographic marks become their plain forms (curly quotes straight, a dash
"-", an ellipsis "..."), accents are dropped ("é" -> "e"), tabs and other control
characters become spaces, and anything else becomes "?". A reply longer than the
space's maximum is cut, ending in `CUT` so an agent can tell.
"""

from __future__ import annotations

import re
import string
import unicodedata

CHARSET = "".join(ch for ch in string.printable if ch not in "\t\r\x0b\x0c")  # and "\n"
MAX_OBSERVATION = 8192  # characters of a reply (the longest in Banished is about 2,000)
MAX_COMMAND = 256  # characters of a command sampled from the action space
CUT = "\n[...]"

_ALLOWED = frozenset(CHARSET)
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(10), *range(11, 32), 127])
_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2014": "-",
        "\u2013": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
)


def printable(text: str, limit: int = MAX_OBSERVATION) -> str:
    """`text` in CHARSET, at most `limit` characters (see the module's docstring)."""
    if not text.isascii():
        text = _CONTROL.sub(" ", _ascii(text))
    else:
        raw = text.encode("ascii")  # a quick scan: replies seldom hold a control character
        if len(raw.translate(None, _CONTROL_BYTES)) != len(raw):
            text = _CONTROL.sub(" ", text)
    if len(text) > limit:
        keep = max(limit - len(CUT), 0)
        text = (text[:keep] + CUT)[:limit]
    return text


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    out = []
    for ch in text:
        if ch in _ALLOWED:
            out.append(ch)
        elif unicodedata.combining(ch):
            continue  # an accent, split from its letter
        elif unicodedata.category(ch)[0] == "C" or ch.isspace():
            out.append(" ")
        else:
            out.append("?")
    return "".join(out)
