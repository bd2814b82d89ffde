"""Compile a world's living-world sections into the simulation's static arrays.

Done once per world and kept on `world.runtime`, so games of one world share it.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from kage.ext.living import factions as fx
from kage.ext.living import geography, lives, opinion
from kage.ext.living.geography import INF
from kage.ext.living.news import Source, seed_of
from kage.ext.living.sim import Static
from kage.world.clock import parse_duration


def _first(version: tuple[float, Any]) -> float:
    """Versions sort by distance alone (a text may be a list of variants)."""
    return float(version[0])


def has_living(data: dict[str, Any]) -> bool:
    return bool(data.get("settlements"))


def _days(value: Any) -> float:
    return INF if value is None else parse_duration(value) / 1440


def static_from_data(data: dict[str, Any]) -> Static:
    geo = geography.from_data(data, parse_duration)
    news = list(data.get("news_sources", {}).values())
    whereabouts = list(data.get("whereabouts", {}).values())
    faction_ids = list(data.get("factions", {}))
    subjects = sorted(
        {n["subject"] for n in news} | {w["who"] for w in whereabouts} | set(geo.history)
    )
    targets = [*faction_ids, *[s for s in subjects if s not in faction_ids], "mood"]
    t_index = {t: i for i, t in enumerate(targets)}
    base = opinion.base_from_data(geo, data, targets)
    sources: dict[str, Source] = {}
    for entry in news:
        sources[entry["id"]] = Source(
            id=entry["id"],
            subject=entry["subject"],
            origin=geo.index[entry["origin"]],
            words=frozenset(w.lower() for w in entry["words"]),
            reach=_days(entry.get("reach")),
            distorts=entry.get("distorts", 0.3),
            versions=sorted(((v["beyond"], v["text"]) for v in entry["versions"]), key=_first),
            shock=entry.get("shock", 0.0),
            impacts=opinion.impacts(
                geo, entry["subject"], entry.get("impacts", []), t_index, parse_duration
            ),
        )
    for entry in whereabouts:
        versions = sorted(((v["beyond"], v["text"]) for v in entry["versions"]), key=_first)
        for suffix, reach in (("", entry["reach"]), (":named", entry.get("recognised_reach"))):
            if reach is None:
                continue
            sid = f"seen:{entry['id']}{suffix}"
            sources[sid] = Source(
                id=sid,
                subject=entry["who"],
                origin=0,
                words=frozenset(w.lower() for w in entry.get("words", [])),
                reach=_days(reach),
                distorts=0.2,
                versions=versions,
                kind="whereabouts",
            )
    factions, treaties = fx.from_data(geo, data, t_index)
    for entry in data.get("treaties", {}).values():
        if entry.get("told"):
            sid = f"treaty:{entry['id']}"
            sources[sid] = Source(
                id=sid,
                subject=entry["between"][0],
                origin=0,
                words=frozenset({entry["kind"], *entry["between"], *_party_words(data, entry)}),
                reach=INF,
                distorts=0.0,
                versions=[(0.0, entry["told"])],
                kind="treaty",
            )
    people, start = _people(geo, data, news)
    return Static(
        geo=geo,
        opinion=base,
        sources=sources,
        factions=factions,
        treaties=treaties,
        people=people,
        extra={"lives_start": start, "whereabouts": {w["id"]: w for w in whereabouts}},
    )


def _people(
    geo: geography.Geography, data: dict[str, Any], news: list[dict[str, Any]]
) -> tuple[lives.People, dict[str, np.ndarray]]:
    entries = list(data.get("lives", {}).values())
    shocking = [n["subject"] for n in news if n.get("shock")]
    subject = shocking[0] if shocking else ""
    index = {e["id"]: i for i, e in enumerate(entries)}
    skill = [e.get("skill") or {} for e in entries]
    people = lives.People(
        settlement=np.array([geo.index[e["at"]] for e in entries], dtype=np.int64),
        group=np.array(
            [geo.groups.index(e.get("group") or geo.groups[0]) for e in entries], dtype=np.int8
        ),
        rank=np.array([(seed_of("rank", e["id"]) % 10_000) / 10_000 for e in entries]),
        bond=np.array([float(e.get("bonds", {}).get(subject, 0)) for e in entries]),
        goal=np.array([lives.TRAIN if e.get("goal") == "train" else 0 for e in entries], np.int8),
        courage=np.array([float(e.get("courage", 0)) for e in entries]),
        talent=np.array([float(s.get("talent", 0)) for s in skill]),
        limit=np.array([float(s.get("limit", 100)) for s in skill]),
        partner=np.array([index.get(e.get("partner") or "", -1) for e in entries], np.int64),
        subject=subject,
        ids=[e["id"] for e in entries],
        who=[e.get("who") for e in entries],
        stats=[s.get("stat") for s in skill],
    )
    start = {
        "grief": np.array([float(e.get("grief", 0)) for e in entries]),
        "resilience": np.array([float(e.get("resilience", 0.5)) for e in entries]),
        "skill": np.array([float(s.get("start", 0)) for s in skill]),
    }
    return people, start


_FILLER = frozenset({"the", "of", "land", "hidden", "s"})


def _party_words(data: dict[str, Any], treaty: dict[str, Any]) -> set[str]:
    """Words from the parties' names ("the Fire Daimyo's court": fire, daimyo, court), so
    "ask about the daimyo" finds the news of his treaty."""
    found: set[str] = set()
    for party in treaty["between"]:
        name = data.get("factions", {}).get(party, {}).get("name", "")
        found.update(w for w in re.findall(r"[a-z]+", name.lower()) if w not in _FILLER)
    return found
