"""The living world's cost: the campaign's world per simulated day, per turn and over a
three-week skip; synthetic worlds of N settlements and M people per simulated day, with
memory per person; and how the cost grows with N and M (a table, and a plot written to
benchmarks/out/world_scaling.png and .svg).

    python benchmarks/bench_world.py            # everything (a minute or two)
    python benchmarks/bench_world.py --quick    # smaller worlds, fewer repeats
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import summary, table  # noqa: E402

from kage import worlds  # noqa: E402
from kage.ext.living import play, synthetic  # noqa: E402
from kage.game import Game  # noqa: E402
from kage.systems import scheduler  # noqa: E402

OUT = Path(__file__).parent / "out"
DAY = 1440


def _ms(values: list[float]) -> list[str]:
    s = summary(values)
    return [f"{s[k]:.3f}" for k in ("median", "p90", "p99", "max")]


def campaign(rounds: int) -> str:
    world = worlds.load("banished")
    base = Game(world, seed=0)
    base.command("down")  # the verdict is news now
    start = base.state.copy()
    rows = []

    # one simulated day, the simulation alone (arrays in memory)
    step: list[float] = []
    for _ in range(rounds):
        base.set_state(start.copy())
        sim = play.load(base)
        assert sim is not None
        for _ in range(30):
            began = time.perf_counter_ns()
            sim.step()
            step.append((time.perf_counter_ns() - began) / 1e6)
    rows.append(["one simulated day, simulation only", str(len(step)), *_ms(step)])

    # one simulated day through the game: record in, step, record out, props mirrored
    per_day: list[float] = []
    for _ in range(rounds):
        base.set_state(start.copy())
        for day in range(1, 31):
            began = time.perf_counter_ns()
            play.advance(base, day * DAY)
            per_day.append((time.perf_counter_ns() - began) / 1e6)
    rows.append(["one simulated day, in the game state", str(len(per_day)), *_ms(per_day)])

    # less than a day: the ticker's early return
    base.set_state(start.copy())
    play.advance(base, base.state.minutes)
    short: list[float] = []
    for i in range(rounds * 100):
        began = time.perf_counter_ns()
        play.advance(base, base.state.minutes + i % 60)
        short.append((time.perf_counter_ns() - began) / 1e6)
    rows.append(["ticker, less than a day passing", str(len(short)), *_ms(short)])

    # the after-turn hook: is there news to be born, has the player been seen?
    hook: list[float] = []
    for _ in range(rounds * 100):
        began = time.perf_counter_ns()
        play.births(base)
        hook.append((time.perf_counter_ns() - began) / 1e6)
    rows.append(["after-turn hook (births, sightings)", str(len(hook)), *_ms(hook)])

    # a three-week skip: the clock, every scheduled event, every ticker
    skip: list[float] = []
    for _ in range(rounds):
        base.set_state(start.copy())
        began = time.perf_counter_ns()
        scheduler.advance(base, 21 * DAY)
        skip.append((time.perf_counter_ns() - began) / 1e6)
    rows.append(["three-week skip (scheduler.advance 21d)", str(len(skip)), *_ms(skip)])

    # "train for 3 weeks" in the forest, as typed, whole turn
    forest = Game(world, seed=0)
    for line in ("go to gate", "s", "s", "s"):
        forest.command(line)
    trained = forest.state.copy()
    turn: list[float] = []
    for _ in range(rounds):
        forest.set_state(trained.copy())
        began = time.perf_counter_ns()
        forest.command("train for 3 weeks")
        turn.append((time.perf_counter_ns() - began) / 1e6)
    rows.append(["'train for 3 weeks' command, whole turn", str(len(turn)), *_ms(turn)])
    return table(
        "The campaign's living world, milliseconds (targets: a day under 1 ms, "
        "a three-week skip under 50 ms)",
        ["what", "n", "median", "p90", "p99", "max"],
        rows,
    )


def measure(settlements: int, people: int, days: int) -> dict[str, float]:
    began = time.perf_counter()
    sim = synthetic.generate(settlements, people, seed=1)
    made = time.perf_counter() - began
    began = time.perf_counter()
    sim.birth(synthetic.NEWS, 0.0, item_id="second")  # a second story: birth cost alone
    born = time.perf_counter() - began
    sim.dyn.items.pop("second")
    sim.dyn.hear.pop("second", None)
    steps = []
    for _ in range(days):
        t0 = time.perf_counter_ns()
        sim.step()
        steps.append((time.perf_counter_ns() - t0) / 1e6)
    memory = sim.nbytes()
    s = summary(steps)
    return {
        "N": settlements,
        "M": people,
        "median": s["median"],
        "p90": s["p90"],
        "max": s["max"],
        "bytes_per_person": memory["people"] / max(people, 1),
        "settlement_kb": memory["settlements"] / 1024,
        "generate_s": made,
        "birth_ms": born * 1000,
    }


def scaling(quick: bool) -> tuple[str, list[dict[str, float]], list[dict[str, float]]]:
    days = 10 if quick else 30
    by_n = [(n, 1_000_000) for n in ((1000, 10_000) if quick else (1000, 3000, 10_000, 30_000))]
    by_m = [
        (10_000, m)
        for m in ((100_000, 1_000_000) if quick else (100_000, 300_000, 1_000_000, 3_000_000))
    ]
    vary_n = [measure(n, m, days) for n, m in by_n]
    vary_m = [measure(n, m, days) for n, m in by_m]
    rows = []
    seen = set()
    for r in vary_n + vary_m:
        key = (r["N"], r["M"])
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            [
                f"{int(r['N']):,}",
                f"{int(r['M']):,}",
                f"{r['median']:.2f}",
                f"{r['p90']:.2f}",
                f"{r['max']:.2f}",
                f"{r['bytes_per_person']:.0f}",
                f"{r['settlement_kb']:.0f}",
                f"{r['generate_s']:.2f}",
                f"{r['birth_ms']:.0f}",
            ]
        )
    text = table(
        f"Synthetic worlds, one simulated day over {days} days, milliseconds "
        "(target: 10,000 settlements and 1,000,000 people under 100 ms)",
        [
            "settlements N",
            "people M",
            "median",
            "p90",
            "max",
            "bytes/person",
            "settlements KiB",
            "generate s",
            "news birth ms",
        ],
        rows,
    )
    return text, vary_n, vary_m


def plot(vary_n: list[dict[str, float]], vary_m: list[dict[str, float]]) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    OUT.mkdir(parents=True, exist_ok=True)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))
    for ax, rows, key, fixed in ((left, vary_n, "N", "M"), (right, vary_m, "M", "N")):
        xs = [r[key] for r in rows]
        ax.loglog(xs, [r["median"] for r in rows], "o-", label="median")
        ax.loglog(xs, [r["max"] for r in rows], "s--", label="max", alpha=0.6)
        ax.axhline(100, color="red", linestyle=":", label="100 ms target")
        ax.set_xlabel("settlements N" if key == "N" else "people M")
        ax.set_ylabel("ms per simulated day")
        ax.set_title(f"cost vs {key} ({fixed} = {int(rows[0][fixed]):,})")
        ax.legend()
        ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    paths = [OUT / "world_scaling.png", OUT / "world_scaling.svg"]
    for path in paths:
        fig.savefig(path, dpi=110)
    plt.close(fig)
    return paths


def main() -> None:
    quick = "--quick" in sys.argv
    print(campaign(rounds=5 if quick else 30))
    print()
    text, vary_n, vary_m = scaling(quick)
    print(text)
    print()
    for path in plot(vary_n, vary_m):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
