"""Thinning snapshots: bounded, sparser with age, never losing the first or the newest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kage.persist.snapshots import MAX_SNAPSHOTS, keep_bounded


@given(count=st.integers(min_value=1, max_value=2000), limit=st.integers(3, 50))
def test_any_number_of_snapshots_is_thinned_to_the_limit(count: int, limit: int) -> None:
    snapshots: list[tuple[int, str]] = []
    for turn in range(count):  # added one by one, as a session does
        snapshots.append((turn, "{}"))
        keep_bounded(snapshots, limit)
        assert len(snapshots) <= limit
    turns = [turn for turn, _ in snapshots]
    assert turns[0] == 0 and turns[-1] == count - 1
    assert turns == sorted(set(turns))
    # Older stretches are thinned more, never the other way round.
    gaps = [b - a for a, b in zip(turns, turns[1:], strict=False)]
    assert gaps == sorted(gaps, reverse=True)
    assert len(turns) >= min(count, limit // 2)  # thinning halves, never empties


def test_a_short_list_is_left_alone() -> None:
    snapshots = [(t, "{}") for t in range(MAX_SNAPSHOTS)]
    keep_bounded(snapshots)
    assert len(snapshots) == MAX_SNAPSHOTS


def test_a_limit_below_three_is_a_mistake() -> None:
    with pytest.raises(ValueError, match="at least 3"):
        keep_bounded([], 2)
