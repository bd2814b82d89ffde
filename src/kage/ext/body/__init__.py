"""Bodies: numbers on people (skills, morale), statuses that come and go (a rash, an
injury, hunger) and luck that bends chance."""

from kage.core.extension import MAPPING, Arg, Extension, fields

EXTENSION = Extension(
    name="body",
    summary="stats, statuses (with hunger and eating) and luck",
    modules=("kage.ext.body.stats", "kage.ext.body.fortune", "kage.ext.body.status"),
    sections=("statuses",),
    content="kage.ext.body.sections",
    conditions={
        "status": Arg(
            "{status: {has: rash}}",
            MAPPING,
            ("has",),
            lambda arg: [(("has",), "statuses", arg["has"])] + fields(who="person")(arg),
        ),
        "stat": Arg("{stat: {key: fighting, min: 40}}", MAPPING, ("key",), fields(who="person")),
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
        "eat": Arg("{eat: true}"),
    },
    handlers=("status",),
)
