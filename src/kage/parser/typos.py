"""Typing mistakes: the words the player most likely meant, when the game knows them.

Only a word the game does not know is ever corrected, only into a known word one slip
away (two in a long word; a swapped pair of letters is one slip), and only when the
command then makes sense: the parser tries the candidates after the command failed on
that word, closest first, and keeps the first that is answered. So a name the player
makes up in a topic ("ask about danzo") is never turned into something else.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import OSA

MIN_LENGTH = 3  # two-letter words have too many neighbours ("teh" is "the", "bel" a bell)
LONG = 8  # from this length two slips are forgiven


def candidates(word: str, known: Iterable[str], limit: int = 5) -> list[str]:
    """Known words within a slip or two of `word`, closest first (then those with the
    same letters, then nearest in length, then alphabetical, so the order never depends
    on a set's)."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return []
    slips = 2 if len(word) >= LONG else 1
    near = []
    for other in known:
        if abs(len(other) - len(word)) > slips or other == word:
            continue
        distance = OSA.distance(word, other, score_cutoff=slips)
        if distance <= slips:
            swapped = sorted(other) != sorted(word)  # "teh": the same letters come first
            near.append((distance, swapped, abs(len(other) - len(word)), other))
    return [w for *_, w in sorted(near)[:limit]]
