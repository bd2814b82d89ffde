"""A player at the keyboard of a real session, for the parser's tests."""

from __future__ import annotations

from kage.session import Session, Step
from kage.world.state import State


class Player:
    """Types lines into a real session and reads back what the game said and did."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __call__(self, *lines: str) -> str:
        return "\n".join(step.text for line in lines for step in self.steps(line))

    def steps(self, line: str) -> list[Step]:
        return self.session.step(line)

    @property
    def state(self) -> State:
        return self.session.game.state

    @property
    def here(self) -> str:
        return self.state.holder["naruto"]

    def holder(self, entity: str) -> str | None:
        return self.state.holder.get(entity)

    def carries(self, entity: str) -> bool:
        return self.holder(entity) == "naruto"
