"""Councils and their votes.

A motion is decided by its council's members, each weighing their own beliefs: the
support of a member is the sum of belief x weight over the motion's weights, plus their
bond to the motion's subject x bond_weight. Above the threshold they vote for. A member's
strongest reason is the belief that pushed hardest in the direction they voted, which is
what the prose reports when someone asks why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kage.actions.describe import listing
from kage.core import prose
from kage.ext.council import edicts
from kage.systems.registry import provider
from kage.world import ops, query
from kage.world.effects import effect

if TYPE_CHECKING:
    from kage.game import Game


def weigh(game: Game, motion_id: str) -> list[dict[str, Any]]:
    motion = game.world.motions[motion_id]
    council = game.world.councils[motion.council]
    ballots = []
    for member in council.members:
        parts = {k: member.beliefs.get(k, 0.0) * w for k, w in motion.weights.items()}
        parts["bond"] = query.bond(game, member.who, motion.subject) / 100 * motion.bond_weight
        support = sum(parts.values())
        votes_for = support > motion.threshold
        sign = 1 if votes_for else -1
        reason = max(parts, key=lambda k: parts[k] * sign)
        ballots.append(
            {
                "who": member.who,
                "for": votes_for,
                "support": round(support, 3),
                "reason": reason,
                "chair": member.chair,
            }
        )
    return ballots


def vote(game: Game, motion_id: str) -> dict[str, Any]:
    motion = game.world.motions[motion_id]
    ballots = weigh(game, motion_id)
    ayes = sum(1 for b in ballots if b["for"])
    result = {
        "motion": motion_id,
        "ballots": ballots,
        "ayes": ayes,
        "noes": len(ballots) - ayes,
        "passed": ayes * 2 > len(ballots),
        "minute": game.state.minutes,
    }
    ops.record(game, f"vote:{motion_id}", result)
    game.emit(
        "council.voted", motion=motion_id, ayes=ayes, noes=result["noes"], passed=result["passed"]
    )
    if result["passed"] and motion.edict:
        edicts.issue(
            game, motion_id, motion.subject, motion.charge, motion.edict, issuer=motion.council
        )
    return result


@effect("council_vote")
def _council_vote(game: Game, arg: str) -> None:
    """The council votes on the motion now: each member weighs it by beliefs and bonds, and
    an edict follows if it passes."""
    vote(game, arg)


def _name(game: Game, who: str) -> str:
    return prose.name(game, who)


@provider("council.tally")
def tally(game: Game, motion_id: str) -> str:
    """The count and who stood where, e.g. for "ask tsunade about the vote"."""
    result = game.state.records.get(f"vote:{motion_id}")
    if result is None:
        return "The council has not voted on it."
    ayes = [_name(game, b["who"]) for b in result["ballots"] if b["for"]]
    noes = [_name(game, b["who"]) for b in result["ballots"] if not b["for"]]
    outcome = "carried" if result["passed"] else "failed"
    chair = next((b for b in result["ballots"] if b["chair"]), None)
    text = (
        f"The motion {outcome}, {result['ayes']} to {result['noes']}. "
        f"For: {listing(ayes) if ayes else 'nobody'}. "
        f"Against: {listing(noes) if noes else 'nobody'}."
    )
    if chair is not None and chair["for"] != result["passed"]:
        text += f" {_name(game, chair['who'])} was outvoted."
    return text


@provider("council.reasons")
def reasons(game: Game, motion_id: str) -> str:
    """Each member's strongest reason, grouped: why they voted as they did. A reason's
    verbs are written as said of one, as placeholders ("{fears} the fox ..."), and agree
    with however many hold it."""
    result = game.state.records.get(f"vote:{motion_id}")
    if result is None:
        return ""
    motion = game.world.motions[motion_id]
    groups: dict[str, list[str]] = {}
    for ballot in result["ballots"]:
        if ballot["for"]:
            groups.setdefault(ballot["reason"], []).append(_name(game, ballot["who"]))
    lines = []
    for reason, names in groups.items():
        phrase = motion.reasons.get(reason, reason.replace("_", " "))
        who = prose.Subject(listing(names), plural=len(names) > 1, proper=True)
        lines.append(game.render(f"{{The who}}: {phrase}", who=who))
    return " ".join(f"{prose.capital(line)}." for line in lines)
