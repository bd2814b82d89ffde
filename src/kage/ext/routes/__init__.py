"""Routes: people walking a way step by step, and the player searching for and following
them."""

from kage.core.extension import FLAG, LIST, TEXT, Arg, Extension, Prop, one

EXTENSION = Extension(
    name="routes",
    summary="people walking routes; searching for and following them",
    optional=("stealth",),  # whether a followed person notices
    modules=("kage.ext.routes.routes",),
    sections=("routes",),
    content="kage.ext.routes.sections",
    effects={"route": Arg("{route: kai_flees}", TEXT, (), one("routes"))},
    handlers=("route",),
    props={
        "overlooks": Prop(
            "places seen from here, where a route can be spotted", LIST, ("place",), "place"
        ),
        "vantage": Prop("a high place: routes are easier to spot from it", FLAG, ("place",)),
    },
    slot_names={"search_for": "person", "follow": "person"},
    grammar={
        "search_for": (
            "search for {topic}",
            "look for {topic}",
            "track {topic}",
            "hunt for {topic}",
            "find {topic}",
            "spot {topic}",
            "look around|about for {topic}",
            "search around for {topic}",
        ),
        "follow": (
            "follow {topic}",
            "tail {topic}",
            "shadow {topic}",
            "chase {topic}",
            "pursue {topic}",
            "go|run|chase after {topic}",
            "after {topic}",  # "after him!"
        ),
    },
)
