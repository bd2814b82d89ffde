"""Helpers for tests: playing lines into a session, reading walkthroughs."""

from __future__ import annotations

from pathlib import Path

from kage.session import Session

WALKTHROUGHS = Path(__file__).parent / "walkthroughs"


def play(session: Session, *lines: str) -> str:
    """Feed lines to a session; the text of every reply, joined."""
    out = []
    for line in lines:
        out.extend(step.text for step in session.step(line))
    return "\n".join(out)


def walkthrough(name: str) -> list[str]:
    return [line for line in (WALKTHROUGHS / name).read_text().splitlines() if line.strip()]
