"""The small house of the standard world model's tests (tests/actions/house.py)."""

from __future__ import annotations

from tests.actions.house import home, house

__all__ = ["home", "house"]
