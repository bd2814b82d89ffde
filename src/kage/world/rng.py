"""A seeded random number generator whose whole state is one integer.

Python's `random.Random` carries 625 words of state; agents copy the world state tens of
thousands of times a second, so Kage uses SplitMix64, whose state is a single int that
lives inside the world state and is saved, copied and hashed with it.
"""

from __future__ import annotations

_MASK = (1 << 64) - 1
_GAMMA = 0x9E3779B97F4A7C15


def next_state(state: int) -> tuple[int, int]:
    """Advance the generator: returns (new_state, 64-bit output)."""
    state = (state + _GAMMA) & _MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    return state, z ^ (z >> 31)


def seed_state(seed: int) -> int:
    """Spread a small user seed (0, 1, 42 ...) over the 64-bit state."""
    return next_state(seed & _MASK)[1]
