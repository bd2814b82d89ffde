"""Training: stretches of practice that raise stats, with diminishing returns."""

from kage.core.extension import FLAG, NUMBER, Extension, Prop

EXTENSION = Extension(
    name="training",
    summary="training stats over days and weeks",
    depends=("body",),
    modules=("kage.ext.training.training",),
    sections=("training",),
    content="kage.ext.training.sections",
    props={
        "forage": Prop("food can be foraged here while training", FLAG, ("place",)),
        "foraging": Prop("the player is foraging (kept by play)", NUMBER, ("person",)),
    },
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
