"""The worlds a server offers: every bundled campaign, and the folder named on the
command line. A client picks one by name; it can never make the server read a path."""

from __future__ import annotations

from pathlib import Path

from kage import worlds
from kage.world.model import World


class UnknownWorld(Exception):
    """No world of that name is served; the message lists those that are."""


class Served:
    def __init__(self, default: str | None = None) -> None:
        self._folders: dict[str, str] = {name: name for name in worlds.bundled()}
        self._loaded: dict[str, World] = {}
        self.default = worlds.DEFAULT
        if default:
            if Path(default).is_dir():
                world = worlds.load(default)
                self._folders[world.id] = default
                self._loaded[world.id] = world
                self.default = world.id
            else:
                worlds.locate(default)  # a ContentError names the bundled ones
                self.default = default

    def names(self) -> list[str]:
        return sorted(self._folders)

    def get(self, name: str | None) -> tuple[str, World]:
        """The world's name and the world; UnknownWorld for a name not served."""
        name = name or self.default
        if name not in self._folders:
            raise UnknownWorld(
                f"No world called {name!r} is served here; try one of: {', '.join(self.names())}."
            )
        if name not in self._loaded:
            self._loaded[name] = worlds.load(self._folders[name])
        return name, self._loaded[name]
