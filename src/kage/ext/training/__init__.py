"""Training: stretches of practice that raise stats, with diminishing returns."""

from kage.core.extension import Extension

EXTENSION = Extension(
    name="training",
    summary="training stats over days and weeks",
    depends=("body",),
    modules=("kage.ext.training.training",),
    sections=("training",),
    content="kage.ext.training.sections",
)
