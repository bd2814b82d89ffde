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
    grammar={
        "unseal": (
            "unseal {thing}",
            "unpack {thing}",
            "unroll {thing}",
            "unseal",
            "open {thing}",
        ),
        "seal": (
            "seal {held} in|into {thing}",
            "seal {held}",
            "seal {things}",
            "store {held} in|into {thing}",
        ),
        "cast": (
            "cast {topic}",
            "use {topic}",
            "perform {topic}",
            "activate {topic}",
        ),
        "make_clones": (
            "make|create|summon|form {number} [more] [shadow] clone|clones",
            "make|create|summon|form [more] [shadow] clones",
            "kage bunshin [no jutsu]",
            "shadow clone jutsu",
            "use|do|cast|perform [the] [shadow] clone [jutsu] to make|create {number} [more] "
            "[shadow] clone|clones",
        ),
        "release": (
            "release",
            "release jutsu",
            "release the jutsu",
            "release {topic}",
            "dispel",
            "dispel {topic}",
            "drop the jutsu",
            "drop jutsu",
            "become visible",
            "cancel jutsu",
            "drop genjutsu",
            "release genjutsu",
        ),
    },
)
