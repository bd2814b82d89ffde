"""Two revisions' admissible commands on the same states: CPU time per step of
kage.agents.admissible over one fixed path, each revision in its own process with its
`src` first on the path, the revisions taking turns run after run.

The path: a seeded random agent plays 100-step episodes drawing from a fixed pool (the
first revision's list at the start and the walkthrough's commands, written once to a file
both read), so both revisions list commands in exactly the same states. Each run plays the
path twice, on two games of one loaded world: the first game meets every state for the
first time, the second meets them again (what an agent's next environment or episode
does). Times are the process's CPU time.

    git worktree add --detach /tmp/base <commit>
    python benchmarks/ab_admissible.py /tmp/base/src src [--world banished] [--episodes 10]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

WALKS = {"banished": "full.txt", "cloak": "cloak.txt", "tidebell": "tidebell.txt"}
WALKTHROUGHS = Path(__file__).parent.parent / "tests" / "walkthroughs"

CHILD = r"""
import json, random, sys, time
from pathlib import Path
from kage import worlds
from kage.agents.admissible import admissible_commands
from kage.game import Game

name, episodes, pool_file, walk_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
world = worlds.load(name)
pool_path = Path(pool_file)
if not pool_path.read_text():
    walk = [ln for ln in Path(walk_file).read_text().splitlines() if ln]
    start = admissible_commands(Game(worlds.load(name), seed=0))
    pool_path.write_text("\n".join(sorted(set(start) | set(walk))))
pool = pool_path.read_text().splitlines()
passes = []
for _ in range(2):
    rng = random.Random(7)
    game = Game(world, seed=1)
    first = game.state.copy()
    used = steps = listed = 0
    for _ in range(episodes):
        game.set_state(first.copy())
        for _ in range(100):
            if game.state.done:
                break
            began = time.process_time()
            listed += len(admissible_commands(game))
            used += time.process_time() - began
            game.command(rng.choice(pool))
            steps += 1
    passes.append({"steps": steps, "cpu": used, "listed": listed / max(1, steps)})
print(json.dumps(passes))
"""


def run(src: str, world: str, episodes: int, pool: Path) -> list[dict[str, float]]:
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    walk = WALKTHROUGHS / WALKS.get(world, "")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, world, str(episodes), str(pool), str(walk)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs=2, help="two src folders: before, after")
    parser.add_argument("--world", default="banished")
    parser.add_argument("--episodes", type=int, default=10)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    results: dict[str, list[list[dict[str, float]]]] = {src: [] for src in args.revisions}
    with tempfile.TemporaryDirectory() as folder:
        pool = Path(folder) / "pool.txt"
        pool.write_text("")
        for _ in range(args.runs):
            for src in args.revisions:
                results[src].append(run(src, args.world, args.episodes, pool))
    print(f"{args.world}, {args.episodes} episodes, {args.runs} runs each, load {os.getloadavg()}")
    for src, runs in results.items():
        for i, name in enumerate(("first game", "second game")):
            rates = [r[i]["steps"] / max(r[i]["cpu"], 1e-9) for r in runs]
            ms = [1000 * r[i]["cpu"] / max(1, r[i]["steps"]) for r in runs]
            print(
                f"{src}: {name}: {statistics.median(rates):,.1f} lists per CPU second"
                f" ({statistics.median(ms):.2f} ms a list; {runs[0][i]['steps']} steps,"
                f" {runs[0][i]['listed']:.0f} commands a list)"
            )


if __name__ == "__main__":
    main()
