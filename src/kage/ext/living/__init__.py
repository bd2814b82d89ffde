"""The living world: nations, settlements and roads; factions, treaties and lives lived
off-screen; news that travels and rumours the player can overhear."""

from typing import Any

from kage.core.extension import FLAG, MAPPING, NUMBER, Arg, Extension, Prop, Ref
from kage.parser.grammar import HEARSAY


def _news(arg: Any) -> list[Ref]:
    refs: list[Ref] = [((), "news_sources", arg if isinstance(arg, str) else arg.get("id"))]
    if isinstance(arg, dict) and "at" in arg:
        refs.append((("at",), "settlements", arg["at"]))
    return refs


def _known(arg: Any) -> list[Ref]:
    refs: list[Ref] = [(("news",), "news_sources", arg["news"])]
    if "at" in arg:
        refs.append((("at",), "settlements", arg["at"]))
    return refs


EXTENSION = Extension(
    name="living",
    summary="nations, settlements, factions, treaties, lives and travelling news",
    modules=("kage.ext.living.hooks",),
    sections=(
        "population_groups",
        "nations",
        "settlements",
        "roads",
        "factions",
        "treaties",
        "news_sources",
        "lives",
        "whereabouts",
    ),
    content="kage.ext.living.sections",
    conditions={
        "news_known": Arg(
            "{news_known: {news: banishment, at: oashisu}}", MAPPING, ("news",), _known
        ),
        "treaty": Arg(
            "{treaty: {id: leaf_wave_trade, status: broken}}",
            MAPPING,
            ("id",),
            lambda arg: [(("id",), "treaties", arg["id"])],
        ),
    },
    effects={
        "news": Arg(
            "{news: banishment} or {news: {id: banishment, at: harbour}}", (str, dict), (), _news
        )
    },
    providers=("living.rumour", "living.reaction"),
    props={
        "grief": Prop("the person's grief (kept by the living world)", NUMBER, ("person",)),
        "private": Prop(
            "a home or a closed room: no talk of the town gathers there, so LISTEN hears only "
            "the place itself",
            FLAG,
            ("place",),
        ),
    },
    grammar={
        "listen": (
            "listen",
            *HEARSAY,
            "listen around",
            "listen to rumours",
            "listen to rumors",
            "listen to gossip",
            "listen for news",
            "eavesdrop",
            "overhear",
            "hear rumours",
            "hear rumors",
        ),
    },
)
