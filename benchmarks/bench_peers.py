"""Kage beside its peers, TextWorld and Jericho, measured in one run on this machine.

Run by hand, not by CI:

    python benchmarks/bench_peers.py [--seconds 5] [--world banished]

The peers are installed in their own virtual environment, benchmarks/out/peers-venv
(made here on first use with the standard venv module and pip; the project's own
environment is never touched), and measured there by peers_worker.py. TextWorld's game
is generated with `tw-make custom --world-size 5 --nb-objects 10 --quest-length 5
--seed 1234`; Jericho plays that same story file (Jericho ships no story files of its
own, and none can be fetched offline: the Z-machine file TextWorld compiles is the one
at hand). Kage plays Banished through Game.command.

Measured, each for a few seconds: steps/s of a random agent over 100-step episodes,
drawing from a fixed pool (look, inventory, wait, four directions, five verbs x the
game's objects) and, in a second column, from the admissible commands computed each
step (TextWorld's EnvInfos(admissible_commands=True), Jericho's get_valid_actions,
kage.agents.admissible.admissible_commands); reset in ms; get+set state pairs/s;
memory per extra instance (20 more instances, each reset: resident memory for the
peers, whose games run in C; tracemalloc for Kage, too small a game for pages to show).
A package that cannot be installed or run is reported as such in its column.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import venv
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from common import table  # noqa: E402
from peers_worker import commands_for, episodes, timed  # noqa: E402

HERE = Path(__file__).parent
OUT = HERE / "out"
VENV = OUT / "peers-venv"
GAME = OUT / "peers" / "tw_game.z8"
PACKAGES = ("textworld", "jericho")
TW_MAKE = ["custom", "--world-size", "5", "--nb-objects", "10", "--quest-length", "5"]


def peers_python() -> Path:
    """The peers' environment, made and filled on first use; what failed to install is
    said on standard error and shows in the table as an error."""
    python = VENV / "bin" / "python"
    if not python.exists():
        venv.create(VENV, with_pip=True)
    for package in PACKAGES:
        if subprocess.run([python, "-c", f"import {package}"], capture_output=True).returncode:
            done = subprocess.run(
                [python, "-m", "pip", "install", "-q", package], capture_output=True, text=True
            )
            if done.returncode:
                print(f"{package} could not be installed:\n{done.stderr[-2000:]}", file=sys.stderr)
    return python


def make_game() -> None:
    if GAME.exists():
        return
    GAME.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [VENV / "bin" / "tw-make", *TW_MAKE, "--seed", "1234", "--output", GAME, "-f"],
        check=True,
        capture_output=True,
    )


def peers(seconds: float) -> dict[str, Any]:
    python = peers_python()
    try:
        make_game()
    except (subprocess.CalledProcessError, OSError) as exc:
        error = {"error": f"tw-make failed: {exc}"}
        return {"textworld": error, "jericho": error}
    done = subprocess.run(
        [python, HERE / "peers_worker.py", GAME, str(seconds)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        error = {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
        return {"textworld": error, "jericho": error}
    return json.loads(done.stdout.strip().splitlines()[-1])


def kage_figures(name: str, seconds: float) -> dict[str, Any]:
    import kage
    from kage import worlds
    from kage.game import Game
    from kage.session import Session

    world = worlds.load(name)
    kage.warm_up(world)
    things = [e.name for e in world.entities.values() if e.kind != "place"][:12]
    fixed = commands_for(things)
    out: dict[str, Any] = {"version": kage.__version__}
    box: dict[str, Any] = {}

    def reset() -> None:
        box["game"] = Game(world, seed=0)

    def step(command: str) -> None:
        box["game"].command(command)

    out["steps"], _ = episodes(reset, step, lambda rng, s: rng.choice(fixed), seconds)

    def new_session() -> None:
        box["session"] = Session(world, seed=0, saves=OUT / "peers-saves")

    out["steps_session"], _ = episodes(
        new_session, lambda c: box["session"].step(c), lambda rng, s: rng.choice(fixed), seconds
    )
    try:
        from kage.agents.admissible import admissible_commands
    except ImportError:
        out["steps_admissible"] = "pending"
    else:

        def reset_listing() -> list[str]:
            reset()
            return admissible_commands(box["game"])

        def step_listing(command: str) -> list[str]:
            box["game"].command(command)
            return admissible_commands(box["game"]) or fixed

        out["steps_admissible"], _ = episodes(
            reset_listing, step_listing, lambda rng, s: rng.choice(s), seconds
        )
    out["reset_ms"] = 1000 / timed(lambda: Game(world, seed=0), seconds / 2)
    game = Game(world, seed=0)
    for command in random.Random(1).choices(fixed, k=50):
        game.command(command)
    out["state_pairs"] = timed(lambda: game.set_state(game.state.copy()), seconds / 2)
    out["instance_kib"] = traced_per_instance(lambda: Game(world, seed=0))
    return out


def traced_per_instance(make: Any, count: int = 20) -> float:
    """As peers_worker.per_instance, by tracemalloc: Kage is pure Python, and a new game
    is too small for resident memory (in pages, reused by the allocator) to see."""
    import gc
    import tracemalloc

    make()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [make() for _ in range(count)]
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return (after - before) / 1024 / count


def cell(figures: dict[str, Any], key: str, fmt: str) -> str:
    if "error" in figures:
        return "error"
    value = figures.get(key)
    if value is None:
        return "none"
    if isinstance(value, str):
        return value
    return format(value, fmt)


def ratio(kage: dict[str, Any], peer: dict[str, Any], key: str, lower_is_better: bool) -> str:
    a, b = kage.get(key), peer.get(key)
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or not a or not b:
        return "-"
    return f"{(b / a if lower_is_better else a / b):.1f}x"


ROWS = (  # label, key, format, lower is better
    ("steps/s, random agent, no admissible commands", "steps", ",.0f", False),
    ("steps/s with admissible commands each step", "steps_admissible", ",.0f", False),
    ("reset, ms", "reset_ms", ".3f", True),
    ("get+set state pairs/s", "state_pairs", ",.0f", False),
    ("memory per extra instance, KiB", "instance_kib", ",.0f", True),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per measurement")
    parser.add_argument("--world", default="banished")
    args = parser.parse_args()
    began = time.perf_counter()
    others = peers(args.seconds)
    kage = kage_figures(args.world, args.seconds)
    tw, je = others.get("textworld", {}), others.get("jericho", {})
    rows = []
    for label, key, fmt, lower in ROWS:
        rows.append(
            [
                label,
                cell(kage, key, fmt),
                cell(tw, key, fmt),
                cell(je, key, fmt),
                ratio(kage, tw, key, lower),
                ratio(kage, je, key, lower),
            ]
        )
    rows.insert(1, ["  (through a Session)", cell(kage, "steps_session", ",.0f"), "", "", "", ""])
    headers = [
        "",
        f"Kage {kage['version']} ({args.world})",
        f"TextWorld {tw.get('version', '')}",
        f"Jericho {je.get('version', '')}",
        "Kage vs TextWorld",
        "Kage vs Jericho",
    ]
    print(table("Kage and its peers (ratios: how many times better Kage is)", headers, rows))
    for name, figures in (("TextWorld", tw), ("Jericho", je)):
        if "error" in figures:
            print(f"\n{name}: {figures['error']}")
    if je.get("valid_actions_found") == 0:
        print("\nJericho's get_valid_actions finds no command on TextWorld's game: none.")
    print(f"\n({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
