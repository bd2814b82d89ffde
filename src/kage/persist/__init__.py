"""Persistence: save files for games in progress (see ``kage.persist.saves``)."""

from kage.persist.saves import SaveData, SaveError, SaveInfo, SaveStore

__all__ = ["SaveData", "SaveError", "SaveInfo", "SaveStore"]
