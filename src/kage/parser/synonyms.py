"""Words people use for one another when they ask about something: "the conditions" for
the terms, "the count" for the vote. Everyday English, not any world's: a world names a
topic by its own words and the asker may use any of these for one of them.

Each group is a set of words that mean the same when asked about; a word asked is read
as any other word of its group, but a topic's own word, said exactly, counts for more
(kage.actions.talking).
"""

from __future__ import annotations

from functools import cache

GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "terms conditions condition stipulations",
        "vote votes voting count tally ballot poll result outcome",
        "father dad daddy papa pa",
        "mother mum mom mummy mommy mama ma",
        "home house",
        "money cash coin coins",
        "job work trade",
        "fog mist",
        "thief robber burglar",
        "theft robbery stealing burglary",
        "seller vendor",
        "buyer purchaser",
        "fight battle",
        "sword blade",
        "meeting moot council assembly",
        "shop store",
        "help aid",
        "plan scheme",
        "name names",
        "price cost",
        "past history",
    )
)


@cache
def _index() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for group in GROUPS:
        for word in group:
            found.setdefault(word, set()).update(group - {word})
    return {word: frozenset(others) for word, others in found.items()}


def of(word: str) -> frozenset[str]:
    """The other words that mean what `word` means when asked about (none if unknown)."""
    return _index().get(word, frozenset())
