"""Routes: people walking a way step by step, and the player searching for and following
them."""

from kage.core.extension import TEXT, Arg, Extension, one

EXTENSION = Extension(
    name="routes",
    summary="people walking routes; searching for and following them",
    modules=("kage.ext.routes.routes",),
    sections=("routes",),
    content="kage.ext.routes.sections",
    effects={"route": Arg("{route: kai_flees}", TEXT, (), one("routes"))},
    handlers=("route",),
)
