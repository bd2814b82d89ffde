"""Combat's settings as play reads them (kept apart from the section's schema, so that
play never loads the content checker)."""

from __future__ import annotations

from typing import Any

# setting -> its value when the world says nothing
SETTINGS: dict[str, Any] = {"skill": "fighting", "wounds": ["injured"], "defeat": None}


def setting(world_data: dict[str, Any], name: str) -> Any:
    """A combat setting of the world (the default if it sets none)."""
    return world_data.get("combat", {}).get(name, SETTINGS[name])


def ladder(world_data: dict[str, Any]) -> list[str]:
    """The statuses of being hurt, lightest first: the `wounds` setting."""
    found = setting(world_data, "wounds")
    return [found] if isinstance(found, str) else list(found) or ["injured"]


def defeat(world_data: dict[str, Any]) -> dict[str, Any] | None:
    """What happens when the player is beaten (None: he cannot be; the worst wound is as
    bad as it gets)."""
    found = setting(world_data, "defeat")
    return found if isinstance(found, dict) else None
