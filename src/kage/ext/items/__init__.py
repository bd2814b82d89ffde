"""Things that wear (condition and durability), sorting loot, and wallets."""

from kage.core.extension import FLAG, NUMBER, TEXT, Extension, Prop

EXTENSION = Extension(
    name="items",
    summary="condition and durability of things, sorting loot, wallets",
    modules=("kage.ext.items.items",),
    props={
        "condition": Prop("how well kept it is now, 0-100", NUMBER, ("thing",)),
        "durability": Prop("how well it will last, 0-100", NUMBER, ("thing",)),
        "value": Prop("what it is worth in good condition, in money", NUMBER, ("thing",)),
        "storage": Prop(
            "it is a storage scroll or bag (sealed things are inside)", FLAG, ("thing",)
        ),
        "wallet": Prop("the player's money goes in it", FLAG, ("thing",)),
        "lore": Prop("what sorting or appraising it tells of its story", TEXT, ("thing",)),
    },
    grammar={
        "sort": (
            "sort",
            "sort {thing}",
            "sort through|out {thing}",
            "sort {thing} out",
            "go|look|rummage through {thing} and sort it",
            "sort {thing} by {topic}",
            "sort by {topic}",
            "organise {thing}",
            "organize {thing}",
            "sort {topic}",
        ),
    },
)
