"""Things that wear (condition and durability), sorting loot, and wallets."""

from kage.core.extension import Extension

EXTENSION = Extension(
    name="items",
    summary="condition and durability of things, sorting loot, wallets",
    modules=("kage.ext.items.items",),
    grammar={
        "sort": (
            "sort",
            "sort {thing}",
            "sort {thing} by {topic}",
            "sort by {topic}",
            "organise {thing}",
            "organize {thing}",
            "sort {topic}",
        ),
    },
)
