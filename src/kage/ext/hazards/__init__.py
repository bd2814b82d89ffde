"""Hazards: mishaps that may befall the player on arriving somewhere."""

from kage.core.extension import Extension

EXTENSION = Extension(
    name="hazards",
    summary="chance mishaps on arrival at a place, bent by luck",
    depends=("body",),
    modules=("kage.ext.hazards.hazards",),
    sections=("hazards",),
    content="kage.ext.hazards.sections",
)
