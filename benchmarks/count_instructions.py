"""Instructions a revision executes per game of the full walkthrough, or per walkthrough
line, counted by valgrind (callgrind): unlike any clock, the count does not move with the
load of other jobs on a shared machine, so two revisions compare to a fraction of a
percent in one run each.

    python benchmarks/count_instructions.py BASE/src src [--games 1,5] [--line 21]

Each revision's `src` is put first on the path, and the walkthrough is played after the
warm-up (`kage.warm.warm_up`) `--games` times (two numbers: the difference of the two
counts, divided by the difference of the games, is one game's cost without the start-up).
With `--line N`, games are played up to line N (from 0) and up to N + 1 instead, four
times each, and the difference is that line's cost. Needs valgrind (`apt-get install
valgrind`); slow: about a minute of CPU per run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

FULL = Path(__file__).parent.parent / "tests" / "walkthroughs" / "full.txt"

PLAY = """
import sys
from kage import worlds
from kage.game import Game
from kage.warm import warm_up
lines = [l for l in open(sys.argv[1]).read().splitlines() if l.strip()]
world = worlds.load("banished")
warm_up(world)
games, upto = int(sys.argv[2]), int(sys.argv[3])
for seed in range(games):
    game = Game(world, seed=seed)
    for line in lines[:upto]:
        game.command(line)
"""


def count(src: str, games: int, upto: int) -> int:
    """Instructions of one run: the warm-up, then `games` games played to line `upto`."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        script = Path(folder) / "play.py"
        script.write_text(PLAY)
        env = dict(os.environ, PYTHONPATH=str(Path(src).resolve()))
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable]
            + [str(script), str(FULL), str(games), str(upto)],
            env=env,
            check=True,
            capture_output=True,
        )
        found = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M)
        assert found, "no total in callgrind's output"
        return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="+", help="each revision's src folder")
    parser.add_argument("--games", default="1,5")
    parser.add_argument("--line", type=int, default=-1)
    args = parser.parse_args()
    lines = len([line for line in FULL.read_text().splitlines() if line.strip()])
    for src in args.sources:
        if args.line >= 0:
            before, after = count(src, 4, args.line), count(src, 4, args.line + 1)
            per = (after - before) / 4
            print(f"{src}: line {args.line}: {per / 1e6:.2f} million instructions")
        else:
            few, many = (int(n) for n in args.games.split(","))
            low, high = count(src, few, lines), count(src, many, lines)
            per = (high - low) / (many - few)
            print(f"{src}: {per / 1e6:.1f} million instructions a game ({lines} lines)")


if __name__ == "__main__":
    main()
