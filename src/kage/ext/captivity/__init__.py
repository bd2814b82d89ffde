"""Captivity: chains and rope, captives freed or tied up, escorting the weak, a plan
whispered and a signal given."""

from kage.core.extension import Extension

EXTENSION = Extension(
    name="captivity",
    summary="restraints, captives, escorting, plan and signal",
    depends=("combat", "body"),
    modules=(
        "kage.ext.captivity.restraints",
        "kage.ext.captivity.escort",
        "kage.ext.captivity.captives",
    ),
)
