"""Plant bugs one at a time and see which the tests catch.

    python benchmarks/plants.py [--only NAME ...] [--tests PATH ...] [--profile P] [--list]

Each plant is a small edit of the engine's source: text replaced in a copy of src/ (put
first on PYTHONPATH), with a copy of tests/ run from there, so edits made meanwhile do
not leak in. The chosen tests (by default the property, determinism, state and council
tests) run against it with KAGE_HYPOTHESIS=plant (fixed examples; `--profile ci` runs
the suite's own shorter, random profile); a plant is caught when a test fails. Prints a
table: plant, caught, the first failing test and its message, seconds. Each edit must
apply exactly once, so a plant that no longer fits the code says so instead of passing
silently. The "control" plant changes nothing: it must survive, or the tests are flaky.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TESTS = [
    "tests/test_properties.py",
    "tests/test_determinism.py",
    "tests/world/test_state.py",
    "tests/systems/test_council.py",
]


@dataclass(frozen=True)
class Plant:
    name: str
    what: str
    edits: tuple[tuple[str, str, str], ...]  # (file under src/kage, old text, new text)


PLANTS = [
    Plant(
        "control",
        "no bug: a comment added (must survive, or the tests are flaky)",
        (("world/ops.py", "def move(", "# planted: nothing\ndef move("),),
    ),
    Plant(
        "theft-drops-money",
        "the stolen wallet's ryo vanish",
        (
            (
                "ext/stealth/theft.py",
                '    ops.move(game, theft["target"], theft["thief"])\n',
                '    ops.move(game, theft["target"], theft["thief"])\n'
                '    game.state.money.pop(theft["target"], None)\n',
            ),
        ),
    ),
    Plant(
        "thief-gains-100",
        "the thief gains 100 ryo from nowhere",
        (
            (
                "ext/stealth/theft.py",
                '    ops.move(game, theft["target"], theft["thief"])\n',
                '    ops.move(game, theft["target"], theft["thief"])\n'
                '    game.state.money[theft["thief"]] = game.state.money.get(theft["thief"], 0)'
                " + 100\n",
            ),
        ),
    ),
    Plant(
        "sale-paid-from-nowhere",
        "a sale pays the player without taking it from the till",
        (
            (
                "ext/trade/economy.py",
                '    items.receive(game, game.world.player, paid, shop["keeper"])\n',
                "    purse = items.wallet_of(game, game.world.player) or game.world.player\n"
                "    game.state.money[purse] = game.state.money.get(purse, 0) + paid\n",
            ),
        ),
    ),
    Plant(
        "clock-goes-back",
        "a long stretch of time sets the clock back a minute",
        (
            (
                "systems/scheduler.py",
                "    game.state.minutes = to\n",
                "    game.state.minutes = to if to - start < 24 * 60 else start - 1\n",
            ),
        ),
    ),
    Plant(
        "undo-off-by-one",
        "undo leaves the undone command in the log",
        (
            (
                "session.py",
                "        del self.log[length:]\n",
                "        del self.log[length + 1 :]\n",
            ),
        ),
    ),
    Plant(
        "undo-keeps-no-copy",
        "undo keeps the live state, not a copy",
        (
            (
                "session.py",
                "        self.history.append((self.game.state.copy(), len(self.log)))\n",
                "        self.history.append((self.game.state, len(self.log)))\n",
            ),
        ),
    ),
    Plant(
        "copy-shares-props",
        "a state's copy shares its props with the original",
        (
            (
                "world/state.py",
                "            props={k: v.copy() for k, v in self.props.items()},\n",
                "            props=dict(self.props),\n",
            ),
        ),
    ),
    Plant(
        "save-ignores-seed",
        "a save records seed 0 whatever the game's seed",
        (("session.py", "            seed=self.seed,\n", "            seed=0,\n"),),
    ),
    Plant(
        "restore-ignores-seed",
        "restore keeps the current game's seed, not the save's",
        (("session.py", "        self.seed = data.seed\n", "        self.seed = self.seed\n"),),
    ),
    Plant(
        "restore-drops-a-command",
        "restoring from a snapshot forgets the last command before it",
        (
            (
                "restoring.py",
                "        log = list(data.commands[:turn])\n",
                "        log = list(data.commands[: max(0, turn - 1)])\n",
            ),
        ),
    ),
    Plant(
        "dumps-sorts-keys",
        "a saved state's dicts come back in another order",
        (
            (
                "world/state.py",
                'json.dumps(self.to_json(), separators=(",", ":"))',
                'json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))',
            ),
        ),
    ),
    Plant(
        "json-drops-pronouns",
        "the state's JSON leaves out the pronouns",
        (
            (
                "world/state.py",
                "        data = {name: getattr(self, name) for name in self.__slots__}\n",
                "        data = {n: getattr(self, n) for n in self.__slots__ if n != 'pronouns'}\n",
            ),
        ),
    ),
    Plant(
        "silent-move",
        "things move without a 'moved' event",
        (
            (
                "world/ops.py",
                '    game.emit("moved", entity=entity, source=old, to=to)\n',
                "    if entity == game.world.player:\n"
                '        game.emit("moved", entity=entity, source=old, to=to)\n',
            ),
        ),
    ),
    Plant(
        "tie-vote-passes",
        "a council motion passes on a tie",
        (
            (
                "ext/council/council.py",
                '"passed": ayes * 2 > len(ballots),',
                '"passed": ayes * 2 >= len(ballots),',
            ),
        ),
    ),
    Plant(
        "morale-below-zero",
        "a fallen comrade takes morale below zero, and surrender leaves it there",
        (
            (
                "ext/combat/combat.py",
                '        stats.add_stat(game, other, "morale", -cost, 0, 100)\n',
                '        stats.add_stat(game, other, "morale", -cost * 4, None, 100)\n',
            ),
            (
                "ext/combat/combat.py",
                '        stats.set_stat(game, foe, "morale", 0)\n',
                "",
            ),
        ),
    ),
    Plant(
        "chakra-overflows",
        "chakra flows back past its capacity",
        (
            (
                "ext/ninja/jutsu.py",
                "        level = max(0.0, min(top, level + rate * (stop - t)))\n",
                "        level = max(0.0, level + rate * (stop - t))\n",
            ),
            (
                "ext/ninja/jutsu.py",
                '    stats.set_stat(game, who, "chakra", level, 0, top)\n',
                '    stats.set_stat(game, who, "chakra", level, 0)\n',
            ),
        ),
    ),
    Plant(
        "status-never-ends",
        "a status with an end is never taken off",
        (
            (
                "ext/body/status.py",
                "and until <= game.state.minutes:\n",
                "and until < 0:\n",
            ),
        ),
    ),
]


def planted(plant: Plant, into: Path) -> None:
    """Copy src/, tests/ and pyproject.toml into `into` (so edits made meanwhile do not
    leak into the run) and apply the plant's edits, each exactly once."""
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "src", into / "src", ignore=skip)
    shutil.copytree(ROOT / "tests", into / "tests", ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", into / "pyproject.toml")
    for file, old, new in plant.edits:
        path = into / "src" / "kage" / file
        text = path.read_text()
        if text.count(old) != 1:
            raise SystemExit(f"{plant.name}: the text to replace is not in {file} exactly once")
        path.write_text(text.replace(old, new))


def run(plant: Plant, tests: list[str], timeout: int, profile: str) -> tuple[bool, str, float]:
    """(caught, first failing test or note, seconds)."""
    with tempfile.TemporaryDirectory(prefix=f"plant-{plant.name}-") as folder:
        planted(plant, Path(folder))
        env = {
            **os.environ,
            "PYTHONPATH": str(Path(folder) / "src"),
            "KAGE_HYPOTHESIS": profile,
            "KAGE_CACHE": str(Path(folder) / "cache"),
        }
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x", *tests]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                command, cwd=folder, env=env, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            return False, f"timed out after {timeout} s", time.perf_counter() - start
        seconds = time.perf_counter() - start
    if done.returncode == 0:
        return False, "", seconds
    failed = re.search(r"^FAILED (\S+)(?: - (.*))?$", done.stdout, re.MULTILINE)
    if failed is None:
        return True, f"exit {done.returncode}", seconds
    test = failed.group(1).removeprefix("tests/")
    return True, f"{test}: {(failed.group(2) or '')[:70]}", seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="plants to run (default: all)")
    parser.add_argument("--tests", nargs="*", default=TESTS, help="test paths to run")
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--profile", default="plant", help="Hypothesis profile (ci: the suite's)")
    parser.add_argument("--list", action="store_true", help="list the plants and stop")
    args = parser.parse_args()
    chosen = [p for p in PLANTS if not args.only or p.name in args.only]
    if args.list:
        for plant in chosen:
            print(f"{plant.name}: {plant.what}")
        return
    rows = []
    for plant in chosen:
        caught, by, seconds = run(plant, args.tests, args.timeout, args.profile)
        rows.append(
            [plant.name, plant.what, "caught" if caught else "SURVIVED", by, f"{seconds:.0f}"]
        )
        print(" | ".join(rows[-1]), flush=True)
    total = sum(1 for r in rows if r[2] == "caught")
    print()
    print(
        table(
            f"Planted bugs: {total} of {len(rows)} caught", ["plant", "what", "", "by", "s"], rows
        )
    )


if __name__ == "__main__":
    main()
