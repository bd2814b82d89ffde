"""Training: stretches of practice that raise stats, with diminishing returns."""

from kage.core.extension import Extension

EXTENSION = Extension(
    name="training",
    summary="training stats over days and weeks",
    depends=("body",),
    modules=("kage.ext.training.training",),
    sections=("training",),
    content="kage.ext.training.sections",
    grammar={
        "train": (
            "train",
            "train {topic}",
            "train for {number} {unit}",
            "train {topic} for {number} {unit}",
            "practice",
            "practise",
            "practice {topic}",
            "practise {topic}",
            "train for {unit}",
        ),
    },
)
