"""Bodies: numbers on people (skills, morale), statuses that come and go (a rash, an
injury, hunger) and luck that bends chance."""

from kage.core.extension import MAPPING, NUMBER, Arg, Extension, Prop, fields

EXTENSION = Extension(
    name="body",
    summary="stats, statuses (with hunger and eating) and luck",
    modules=("kage.ext.body.stats", "kage.ext.body.fortune", "kage.ext.body.status"),
    sections=("statuses",),
    content="kage.ext.body.sections",
    providers=("looks", "answers"),
    conditions={
        "status": Arg(
            "{status: {has: rash}}",
            MAPPING,
            ("has",),
            lambda arg: [(("has",), "statuses", arg["has"])] + fields(who="person")(arg),
        ),
        "stat": Arg(
            "{stat: {key: strength, min: 40}}",
            MAPPING,
            ("key",),
            lambda arg: [(("key",), "stat", arg["key"])] + fields(who="person")(arg),
        ),
        "luck": Arg("{luck: {min: 2}}", MAPPING, (), fields(who="person")),
        "lucky": Arg("{lucky: 0.3}", (int, float)),
    },
    effects={
        "status": Arg(
            "{status: {add: rash, for: 2d}}",
            MAPPING,
            (),
            lambda arg: (
                fields(who="person")(arg)
                + [((k,), "statuses", arg[k]) for k in ("add", "remove") if k in arg]
            ),
            span="for",
        ),
        "eat": Arg("{eat: true} or {eat: {who: kai}}", (bool, dict), (), fields(who="person")),
    },
    props={
        "luck": Prop("luck its carrier has while carrying it", NUMBER, ("thing", "person")),
        "status": Prop("statuses now on the person (kept by play)", MAPPING, ("person",)),
        "fed_at": Prop("the minute the person last ate (kept by play)", NUMBER, ("person",)),
    },
    handlers=("status",),
)
