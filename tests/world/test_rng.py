"""The seeded generator: SplitMix64, whose whole state is one integer."""

from __future__ import annotations

from kage.world.rng import next_state, seed_state


def test_next_state_matches_the_published_splitmix64_sequence() -> None:
    # Reference outputs of SplitMix64 from state 0 (Vigna's splitmix64.c).
    state, outputs = 0, []
    for _ in range(3):
        state, value = next_state(state)
        outputs.append(value)
    assert outputs == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]
    assert state == 3 * 0x9E3779B97F4A7C15 % 2**64


def test_the_state_wraps_at_64_bits() -> None:
    state, value = next_state(2**64 - 1)
    assert state == 0x9E3779B97F4A7C15 - 1
    assert 0 <= value < 2**64


def test_seeds_are_spread_and_distinct() -> None:
    assert seed_state(0) == 0xE220A8397B1DCDAF
    spread = {seed_state(n) for n in range(1000)}
    assert len(spread) == 1000
    assert seed_state(-1) == seed_state(2**64 - 1)  # a negative seed is masked, not refused


def test_outputs_are_64_bit_and_do_not_repeat() -> None:
    state, seen = 1, set()
    for _ in range(1000):
        state, value = next_state(state)
        assert 0 <= value < 2**64
        seen.add(value)
    assert len(seen) == 1000
