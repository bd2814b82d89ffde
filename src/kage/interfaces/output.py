"""Writing to standard output without ever failing on the text itself.

The game's prose and the player's own words can hold any character. A terminal whose
encoding cannot show one gets a replacement character, not a traceback; control
characters (an escape sequence in a script line) never reach the terminal.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from typing import TextIO

# C0 and C1 controls and DEL, but not newline or tab
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` without control characters: what is safe to send to a terminal."""
    return _CONTROL.sub("", text)


def tolerant(stream: TextIO) -> None:
    """Make `stream` replace characters its encoding cannot hold instead of raising."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(Exception):  # a stream that cannot be changed stays as is
            reconfigure(errors="replace")


def is_utf8(stream: TextIO) -> bool:
    """Whether `stream` writes UTF-8 (else JSON is written as ASCII, with escapes)."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8"
    except LookupError:
        return False
