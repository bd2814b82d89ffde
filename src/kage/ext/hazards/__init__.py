"""Hazards: mishaps that may befall the player on arriving somewhere."""

from kage.core.extension import Extension

EXTENSION = Extension(
    name="hazards",
    summary="chance mishaps on arrival at a place, bent by luck",
    depends=("body",),
    modules=("kage.systems.hazards",),
    sections=("hazards",),
    content="kage.content.sections.hazards",
)
