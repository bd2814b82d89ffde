"""Every condition and effect argument the checker passes runs without raising.

The checker (kage.content.refs) knows the shape of every condition's and effect's argument,
the core's and each extension's. For each one, odd arguments (a number where a name goes,
a list where a mapping goes, a mapping with a key missing or a word where a number goes)
are either reported, or tried in a game of a world that uses every extension: the
condition is tested and the effect applied, and neither may raise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.content.worlds import minimal

from kage.content.compile import Builder
from kage.content.yaml_lines import Located
from kage.core.engine import assemble
from kage.core.extension import catalog
from kage.session import Session
from kage.world import conditions, effects

EVERY = tuple(catalog())
ENGINE = assemble(EVERY)
LOGIC = {"all", "any", "not"}
CONDITIONS = sorted(set(ENGINE.conditions) - LOGIC)
EFFECTS = sorted(ENGINE.effects)
IDS = ["hero", "room", "street", "outside", "nothing"]
KEYS = ["who", "from", "to", "by", "amount", "min", "max", "has", "add", "key", "id", "at",
        "scale", "subject", "event", "in", "span", "news", "stage", "for"]  # fmt: skip
ODD: list[Any] = [
    5, 0.5, True, None, "zzz", "hero", "room", [], ["hero"], [5], {}, {"who": 5},
    {"who": "hero"}, {"who": ["hero"]}, {"id": "x"}, {"x": {"y": 1}}, {"has": 5},
    {"key": 5}, {"min": "a"}, {"by": "a"}, {"from": "hero", "by": "a"}, {"scale": "x"},
    {"who": 5, "by": 1}, {"scale": 1, "who": [5]}, {"key": "strength", "min": "x"},
    {"in": "soon", "event": "x"}, {"span": 5}, {"amount": "lots", "to": "hero"},
]  # fmt: skip


class Probe:
    """A world with every extension, its checker and a game to try arguments in."""

    def __init__(self, folder: Path) -> None:
        minimal(folder, uses=", ".join(EVERY))
        self.builder = Builder(folder)
        self.world = self.builder.build(self.builder.read())
        session = Session(self.world, saves=folder / "saves", strict=True)
        session.opening()
        self.game = session.game
        self.start = self.game.state.copy()

    def reported(self, what: str, kind: str, arg: Any) -> bool:
        """Whether the checker reports {kind: arg} as a condition or an effect."""
        before = len(self.builder.problems)
        if what == "condition":
            data = {"triggers": [{"when": {kind: arg}}]}
            self.builder.check_condition(Located("t.yaml", data, {}), ("triggers", 0, "when"),
                                         {kind: arg})  # fmt: skip
        else:
            data = {"triggers": [{"effects": [{kind: arg}]}]}
            self.builder.check_effects(Located("t.yaml", data, {}), ("triggers", 0, "effects"),
                                       [{kind: arg}])  # fmt: skip
        return len(self.builder.problems) > before

    def run(self, what: str, kind: str, arg: Any) -> None:
        """Test the condition, or apply the effect, in the game as it started."""
        self.game.set_state(self.start.copy())
        if what == "condition":
            conditions.holds(self.game, {kind: arg})
        else:
            effects.apply(self.game, [{kind: arg}])
        self.game.take_output()


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Probe:
    return Probe(tmp_path_factory.mktemp("probe"))


CASES = [("condition", kind) for kind in CONDITIONS] + [("effect", kind) for kind in EFFECTS]


@pytest.mark.parametrize(("what", "kind"), CASES)
def test_an_odd_argument_is_reported_or_harmless(probe: Probe, what: str, kind: str) -> None:
    for arg in ODD:
        if not probe.reported(what, kind, arg):
            probe.run(what, kind, arg)


def test_the_probe_sees_what_it_should(probe: Probe) -> None:
    assert probe.reported("effect", "mood", {"who": "hero"})  # no 'by'
    assert not probe.reported("effect", "mood", {"who": "hero", "by": 5})
    assert probe.reported("condition", "chance", "often")


values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([0.5, *IDS, "1h", "x"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=st.sampled_from(CASES), arg=values)
def test_any_argument_is_reported_or_harmless(
    probe: Probe, case: tuple[str, str], arg: Any
) -> None:
    what, kind = case
    if not probe.reported(what, kind, arg):
        probe.run(what, kind, arg)
