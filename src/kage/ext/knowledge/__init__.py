"""Knowledge: what people know beyond the topics written for them (the `facts` section)."""

from kage.core.extension import Extension

EVERYONE = "everyone"  # a fact's `known_by` that means every person in the world

EXTENSION = Extension(
    name="knowledge",
    summary="facts people know, answered when asked though no topic of theirs was written",
    modules=("kage.ext.knowledge.knowing",),
    sections=("facts",),
    content="kage.ext.knowledge.sections",
)
