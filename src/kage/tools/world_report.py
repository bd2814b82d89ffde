"""`kage world [--at DAY]`: the living world at a day — who knows what, faction relations,
opinion over time, people's lives — as text, with plots (opinion of a faction per nation
over time; the news front on the map) written as PNG and SVG.

A campaign is run from its opening with the player out of the picture: only the living
world moves, so the report shows what the world does with the story's news by itself.
`synthetic:N:M[:SEED]` reports on a generated world of N settlements and M people, within
the limits of `kage.tools.world_args`, which `kage world --help` states.
matplotlib is imported only when plots are drawn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from kage.ext.living import factions as fx
from kage.ext.living import news, opinion
from kage.ext.living.sim import Sim
from kage.tools.world_args import check_budget, check_day, parse_synthetic

DEFAULT_DAY = 7.0
SAMPLES = (0, 1, 2, 3, 4, 5, 7, 10, 14, 21, 30, 60)
ROWS = 30  # settlements listed in full; larger worlds are summarised by nation


def report(world_name: str | None, at_day: float | None, out_dir: Path) -> str:
    """The report's text; the plot files are written into `out_dir`."""
    at = check_day(DEFAULT_DAY if at_day is None else float(at_day))
    names: dict[str, str] = {}
    if world_name and world_name.startswith("synthetic:"):
        sim, title, start = _synthetic(world_name, at)
    else:
        found = _campaign(world_name, at)
        if isinstance(found, str):
            return found
        sim, title, start, names = found
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = focus(sim)
    lines = [f"The living world of {title}, day {at:g}{start}", ""]
    lines += news_section(sim, at)
    lines += whereabouts_section(sim, at, names)
    lines += opinion_section(sim, target, at)
    lines += groups_section(sim, target, at)
    lines += treaty_section(sim, at)
    lines += lives_section(sim, names)
    lines += chronicle_section(sim, at)
    files = plots(sim, target, at, out_dir)
    lines += ["Plots:", *[f"  {f}" for f in files]]
    return "\n".join(lines)


def _campaign(world_name: str | None, at: float) -> tuple[Sim, str, str, dict[str, str]] | str:
    from kage import worlds
    from kage.ext.living import play
    from kage.game import Game
    from kage.world.clock import stamp

    world = worlds.load(world_name)
    game = Game(world, seed=0)
    minute = int(round(at * play.DAY))
    sim = play.run_until(game, minute)
    if sim is None:
        return f"{world.title} has no living world (no 'settlements' in its data)."
    names = {e.id: e.name for e in world.entities.values()}
    return sim, world.title, f" ({stamp(world.start_time, minute).replace('T', ' ')})", names


def _synthetic(name: str, at: float) -> tuple[Sim, str, str]:
    from kage.ext.living import synthetic

    world = parse_synthetic(name)
    check_budget(world, at)
    size, people = world.settlements, world.people
    sim = synthetic.generate(size, people, seed=world.seed)
    sim.step_to(int(at))
    counted = f"{_count(size, 'settlement')}, {_count(people, 'person', 'people')}"
    return sim, f"a synthetic world ({counted})", ""


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def focus(sim: Sim) -> int:
    """The faction the news is mostly about: the one seated where the first news was born."""
    fac = sim.static.factions
    origins = [i.origin for i in sim.dyn.items.values()]
    for f in range(len(fac.ids)):
        rows = fac.seat_s[fac.seat_f == f]
        if origins and origins[0] in rows.tolist():
            return f
    return 0


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows
    ]
    return [line, rule, *body, ""]


def _day(value: float) -> str:
    return "never" if not np.isfinite(value) else f"{value:.1f}"


def news_section(sim: Sim, at: float) -> list[str]:
    geo = sim.static.geo
    lines = ["News (who knows what)", ""]
    stories = [i for i in sim.dyn.items.values() if sim.static.sources[i.source].kind == "news"]
    if not stories:
        return lines + ["  No news has been born yet.", ""]
    for item in stories:
        known = item.arrival <= at
        share = news.fraction(item.arrival, at, geo.half)
        reachable = np.isfinite(item.arrival)
        front = float((item.arrival[known] - item.born).max()) if known.any() else 0.0
        lines.append(
            f"'{item.id}': born at {geo.names[item.origin]} on day {item.born:.2f}; known in "
            f"{int(known.sum())} of {geo.size} settlements; the front is {front:.1f} days out; "
            f"all reached by day {_day(float(item.arrival[reachable].max()))}."
        )
        if sim.static.people.size:
            heard = sim.hear_times(item) <= at
            lines.append(
                f"  People who have heard it: {int(heard.sum())} of {sim.static.people.size}."
            )
        lines.append("")
        if geo.size <= ROWS:
            order = np.argsort(item.arrival, kind="stable")
            rows = [
                [
                    geo.names[s],
                    geo.nation_names[geo.nation[s]],
                    _day(float(item.arrival[s])),
                    f"{share[s] * 100:.0f}%",
                    f"v{int(item.version[s])}" if known[s] else "",
                ]
                for s in order.tolist()
            ]
            lines += _table(["settlement", "nation", "arrives (day)", "heard", "version"], rows)
        else:
            lines += _by_nation_known(sim, item, at)
    return lines


def _by_nation_known(sim: Sim, item: Any, at: float) -> list[str]:
    geo = sim.static.geo
    known = (item.arrival <= at).astype(float)
    total = np.bincount(geo.nation, minlength=len(geo.nations))
    count = np.bincount(geo.nation, weights=known, minlength=len(geo.nations))
    first = np.full(len(geo.nations), np.inf)
    np.minimum.at(first, geo.nation, item.arrival)
    rows = [
        [geo.nation_names[n], f"{int(count[n])}/{int(total[n])}", _day(float(first[n]))]
        for n in np.argsort(first, kind="stable").tolist()[:ROWS]
    ]
    return _table(["nation", "settlements that know", "first arrival (day)"], rows)


def whereabouts_section(sim: Sim, at: float, names: dict[str, str] | None = None) -> list[str]:
    geo = sim.static.geo
    sightings = [
        i for i in sim.dyn.items.values() if sim.static.sources[i.source].kind == "whereabouts"
    ]
    subjects = sorted(
        {sim.static.sources[s].subject for s in sim.static.sources if s.startswith("seen:")}
    )
    if not subjects:
        return []
    lines = ["Whereabouts", ""]
    for subject in subjects:
        mine = [i for i in sightings if sim.static.sources[i.source].subject == subject]
        knowing = set()
        for item in mine:
            knowing |= set(np.flatnonzero(item.arrival <= at).tolist())
        if not mine:
            who = (names or {}).get(subject, subject)
            lines.append(f"  Nobody has seen {who} anywhere the world keeps track of.")
        else:
            last = max(mine, key=lambda i: i.born)
            who = (names or {}).get(subject, subject)
            lines.append(
                f"  {who}: last seen at {geo.names[last.origin]} on day {last.born:.1f}; "
                f"{len(knowing)} of {geo.size} settlements have heard of a sighting."
            )
    return lines + [""]


def opinion_section(sim: Sim, target: int, at: float) -> list[str]:
    geo = sim.static.geo
    fac = sim.static.factions
    if not len(fac.ids):
        return []
    t = int(fac.target[target])
    days = sorted({d for d in SAMPLES if d <= at} | {at})
    series = [opinion.by_nation(geo, sim.opinion_at(d)[:, :, t]) for d in days]
    rows = [
        [geo.nation_names[n], *[f"{s[n]:+.0f}" for s in series]]
        for n in range(min(len(geo.nations), ROWS))
    ]
    title = f"Opinion of {fac.names[target]} by nation over time (population-weighted, -100..100)"
    return [title, "", *_table(["nation", *[f"d{d:g}" for d in days]], rows)]


def groups_section(sim: Sim, target: int, at: float) -> list[str]:
    geo = sim.static.geo
    op = sim.opinion_at(at)
    t = int(sim.static.factions.target[target]) if len(sim.static.factions.ids) else 0
    mood = sim.static.opinion.targets.index("mood") if "mood" in sim.static.opinion.targets else -1
    place = next(iter(sim.dyn.items.values())).origin if sim.dyn.items else 0
    name = sim.static.opinion.targets[t]
    rows = []
    for g, group in enumerate(geo.groups):
        if geo.pop[place, g] <= 0:
            continue
        row = [group, f"{int(geo.pop[place, g])}", f"{op[place, g, t]:+.0f}"]
        row.append(f"{op[place, g, mood]:+.0f}" if mood >= 0 else "")
        rows.append(row)
    title = f"Groups at {geo.names[place]}, day {at:g}"
    return [title, "", *_table(["group", "people", f"opinion of {name}", "mood"], rows)]


def treaty_section(sim: Sim, at: float) -> list[str]:
    fac = sim.static.factions
    tr = sim.static.treaties
    if not tr.ids:
        return []
    views = sim.views_at(at)
    rows = []
    order = np.argsort(-(sim.dyn.status != fx.ACTIVE).astype(int), kind="stable")[:ROWS]
    for i in order.tolist():
        a, b = int(tr.a[i]), int(tr.b[i])
        status = fx.STATUS[int(sim.dyn.status[i])]
        since = f"day {sim.dyn.since[i]:g}" if sim.dyn.status[i] != fx.ACTIVE else ""
        rows.append(
            [
                tr.kinds[i],
                f"{fac.names[a]} / {fac.names[b]}",
                f"{views[a, b]:+.0f} / {views[b, a]:+.0f}",
                _lines(tr.breaks[i], fac.loyalty[a], fac.loyalty[b]),
                status + (" (honoured)" if tr.honoured[i].any() and status == "in force" else ""),
                since,
            ]
        )
    lines = ["Factions and treaties", ""]
    lines += _table(["treaty", "between", "views", "breaks below", "status", "since"], rows)
    income = sim.income()
    rows = [
        [fac.names[f], f"{fac.income[f] + _full_flow(sim, f):.0f}", f"{income[f]:.0f}"]
        for f in range(min(len(fac.ids), ROWS))
    ]
    return lines + _table(["faction", "income with every treaty", "income now"], rows)


def _lines(breaks: float, loyal_a: float, loyal_b: float) -> str:
    """Where each side's view breaks the treaty: loyal factions hold on longer."""
    if not np.isfinite(breaks):
        return "never"
    a, b = breaks - fx.LOYALTY_SPAN * loyal_a, breaks - fx.LOYALTY_SPAN * loyal_b
    return f"{a:.0f} / {b:.0f}"


def _full_flow(sim: Sim, f: int) -> float:
    tr = sim.static.treaties
    return float(tr.value[tr.a == f, 0].sum() + tr.value[tr.b == f, 1].sum())


def lives_section(sim: Sim, names: dict[str, str] | None = None) -> list[str]:
    people = sim.static.people
    lives = sim.dyn.lives
    if not people.size:
        return []
    if people.ids:
        rows = [
            [
                (names or {}).get(pid, pid),
                sim.static.geo.names[int(people.settlement[r])],
                f"{lives.grief[r]:.0f}",
                f"{lives.resilience[r]:.2f}",
                _skill(people.stats, r, float(lives.skill[r])),
            ]
            for r, pid in enumerate(people.ids)
        ]
        return ["Lives", "", *_table(["who", "where", "grief", "resilience", "skill"], rows)]
    bonded = people.bond > 0
    training = people.goal == 1
    rows = [
        ["everyone", f"{people.size}", f"{lives.grief.mean():.1f}", f"{lives.skill.mean():.1f}"],
        [
            "bonded to the subject",
            f"{int(bonded.sum())}",
            f"{lives.grief[bonded].mean() if bonded.any() else 0:.1f}",
            f"{lives.skill[bonded].mean() if bonded.any() else 0:.1f}",
        ],
        [
            "training",
            f"{int(training.sum())}",
            f"{lives.grief[training].mean() if training.any() else 0:.1f}",
            f"{lives.skill[training].mean() if training.any() else 0:.1f}",
        ],
    ]
    return ["Lives", "", *_table(["who", "people", "mean grief", "mean skill"], rows)]


def _skill(names: list[str | None] | None, row: int, value: float) -> str:
    name = names[row] if names else None
    return f"{name} {value:.1f}" if name else ""


def chronicle_section(sim: Sim, at: float) -> list[str]:
    entries = [e for e in sim.dyn.chronicle if e[0] <= at and e[1] == "treaty"][:ROWS]
    if not entries:
        return ["Chronicle: no treaty has changed yet.", ""]
    lines = ["Chronicle", ""]
    for entry in entries:
        day, _, tid, status, actor = entry
        lines.append(f"  day {day:g}: {treaty_change(sim, tid, status, actor)}")
    return lines + [""]


def treaty_change(sim: Sim, treaty_id: str, status: str, actor: str) -> str:
    """A change of a treaty in words, from the names in the world's data: "the trade
    between the Hidden Leaf and the Land of Tea is broken by the Land of Tea"."""
    fac = sim.static.factions
    tr = sim.static.treaties
    index = tr.ids.index(treaty_id)
    between = f"{fac.names[int(tr.a[index])]} and {fac.names[int(tr.b[index])]}"
    text = f"the {tr.kinds[index]} between {between} is {status}"
    if actor in fac.ids:
        text += f" by {fac.names[fac.ids.index(actor)]}"
    return text


def plots(sim: Sim, target: int, at: float, out_dir: Path) -> list[Path]:
    """Opinion of the focus faction per nation over time, and the news front on the map."""
    from kage.tools import world_plots

    written: list[Path] = []
    if len(sim.static.factions.ids):
        written += world_plots.opinion_plot(sim, target, at, out_dir)
    item = next(
        (i for i in sim.dyn.items.values() if sim.static.sources[i.source].kind == "news"), None
    )
    if item is not None:
        title = f"The news front of '{item.id}' on day {at:g} (outlined: known)"
        written += world_plots.news_plot(sim, item, at, title, out_dir)
    return written
