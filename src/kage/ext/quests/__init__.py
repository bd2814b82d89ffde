"""Quests: promises with stages, and the journal that lists them."""

from kage.core.extension import MAPPING, Arg, Extension

EXTENSION = Extension(
    name="quests",
    summary="quests with stages and a journal",
    modules=("kage.ext.quests.quests",),
    sections=("quests",),
    content="kage.ext.quests.sections",
    clockless=True,  # a stage's minute is stamped in its history, never read
    conditions={
        "quest": Arg(
            "{quest: {id: free_the_miners, stage: promised}}",
            MAPPING,
            ("id",),
            lambda arg: [(("id",), "quests", arg["id"])],
        )
    },
    effects={
        "quest": Arg(
            "{quest: {id: free_the_miners, stage: promised}}",
            MAPPING,
            ("id",),
            lambda arg: [(("id",), "quests", arg["id"])],
        )
    },
    grammar={
        "quests": (
            "quests",
            "journal",
            "quest",
            "promises",
            "j",
        ),
    },
)
