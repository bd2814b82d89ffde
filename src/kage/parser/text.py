"""Cleaning a typed line and cutting it into commands and words."""

from __future__ import annotations

import re
import unicodedata

MAX_LINE = 2000  # longer input is cut; the reply says so
_SPLIT = re.compile(r"[.;!?]+(?=\s|$)|[.;!?]{2,}|\bthen\b|,\s*then\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\s.,;:!?\"()\[\]{}<>]+")
_EDGE = "'\"-_*`~"


def clean(line: str) -> str:
    """Drop control characters and normalise Unicode so every input is plain text."""
    line = unicodedata.normalize("NFKC", line)
    return "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in line).strip()


def split_commands(line: str) -> list[str]:
    """'take sword. go east' / 'take sword then go east' -> two commands."""
    parts = [p.strip(" ,") for p in _SPLIT.split(line)]
    return [p for p in parts if p]


def words(command: str) -> list[str]:
    result = []
    for token in _TOKEN.findall(command.lower()):
        token = token.strip(_EDGE)
        if token.endswith("'s") and len(token) > 2:
            token = token[:-2]
        if token:
            result.append(token)
    return result
