"""The ninja's arts: chakra, jutsu (invisibility, shadow clones) and storage scrolls."""

from kage.core.extension import MAPPING, TEXT, TEXTS, Arg, Extension, one

EXTENSION = Extension(
    name="ninja",
    summary="chakra, jutsu and their upkeep, shadow clones, storage scrolls",
    depends=("body", "items"),
    modules=("kage.ext.ninja.jutsu", "kage.ext.ninja.casting", "kage.ext.ninja.scrolls"),
    sections=("jutsu",),
    content="kage.ext.ninja.sections",
    conditions={
        "knows_jutsu": Arg("{knows_jutsu: invisibility}", TEXT, (), one("jutsu")),
        "chakra": Arg(
            "{chakra: {min: 50}}", MAPPING, (), lambda arg: one("person")(arg.get("who"))
        ),
    },
    effects={"learn_jutsu": Arg("{learn_jutsu: invisibility}", TEXTS, (), one("jutsu"))},
    handlers=("jutsu",),
)
