"""A companion who remarks on what happens."""

from kage.core.extension import MAPPING, Arg, Extension

EXTENSION = Extension(
    name="companion",
    summary="a companion's remarks on events",
    modules=("kage.ext.companion.companion",),
    sections=("remarks",),
    content="kage.ext.companion.sections",
    conditions={"event": Arg("{event: {worn: true}}", MAPPING)},
)
