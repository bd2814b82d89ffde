"""The ninja's arts: chakra, jutsu (invisibility, shadow clones) and storage scrolls."""

from kage.core.extension import (
    MAPPING,
    NUMBER,
    TEXT,
    TEXTS,
    WHOLE,
    Arg,
    Extension,
    Prop,
    fields,
    one,
)

EXTENSION = Extension(
    name="ninja",
    summary="chakra, jutsu and their upkeep, shadow clones, storage scrolls",
    depends=("body", "items"),
    modules=("kage.ext.ninja.jutsu", "kage.ext.ninja.casting", "kage.ext.ninja.scrolls"),
    sections=("jutsu",),
    content="kage.ext.ninja.sections",
    conditions={
        "knows_jutsu": Arg("{knows_jutsu: invisibility}", TEXT, (), one("jutsu")),
        "chakra": Arg("{chakra: {min: 50}}", MAPPING, (), fields(who="person")),
    },
    effects={"learn_jutsu": Arg("{learn_jutsu: invisibility}", TEXTS, (), one("jutsu"))},
    handlers=("jutsu",),
    providers=("ninja.chakra",),
    props={
        "taijutsu": Prop("the person's skill at unarmed fighting", NUMBER, ("person",)),
        "chakra": Prop("the person's chakra at the start", NUMBER, ("person",)),
        "chakra_max": Prop("the most chakra the person can hold", NUMBER, ("person",)),
        "chakra_regen": Prop("chakra the person regains an hour", NUMBER, ("person",)),
        "genjutsu": Prop("the person's skill at illusions", NUMBER, ("person",)),
        "clones": Prop("how many shadow clones the person has out", WHOLE, ("person",)),
        "clones_at": Prop(
            "where the person's clones are (kept by play)", TEXT, ("person",), "place"
        ),
        "jutsu_running": Prop("the jutsu the person keeps up (kept by play)", MAPPING, ("person",)),
    },
    slot_names={"cast": "jutsu"},
    grammar={
        "unseal": (
            "unseal {thing}",
            "unpack {thing}",
            "unroll {thing}",
            "unseal",
            "open {thing}",
            "break [the] seal on|of {thing}",
            "release {thing}",
        ),
        "seal": (
            "seal {held} in|into {thing}",
            "seal {held}",
            "seal {things}",
            "store {held} in|into {thing}",
        ),
        "cast": (
            "cast {topic}",
            "~use {topic}",  # "use the scroll" is using the scroll, not a jutsu
            "perform {topic}",
            "activate {topic}",
            "become|turn {topic}",
            "make myself {topic}",
            "~go|get {topic}",  # "go invisible": only when it names a jutsu that would be cast
        ),
        "make_clones": (
            "make {number} shadow clones",  # first: HELP shows this one
            "make|create|summon|form {number} [more] [shadow] clone|clones",
            "make|create|summon|form [more] [shadow] clones",
            "kage bunshin [no jutsu]",
            "make|create|summon|form {number} [more] kage bunshin",
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
            "stop|end|cancel|drop {topic}",
            "stop|end|cancel|break [the] jutsu",
            "reappear",
            "turn|go visible",
            "become visible again",
        ),
    },
)
