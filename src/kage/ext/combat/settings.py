"""Combat's settings as play reads them (kept apart from the section's schema, so that
play never loads the content checker)."""

from __future__ import annotations

from typing import Any

SETTINGS = {"skill": "fighting"}  # setting -> its value when the world says nothing


def setting(world_data: dict[str, Any], name: str) -> str:
    """A combat setting of the world (the default if it sets none)."""
    return str(world_data.get("combat", {}).get(name, SETTINGS[name]))
