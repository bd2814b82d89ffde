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
            "train|practice|practise|exercise|drill",
            "train|practice|practise|exercise|drill {topic}",
            "train|practice|practise|exercise|drill for {number} {unit}",
            "train|practice|practise|exercise|drill {topic} for {number} {unit}",
            "train|practice|practise|exercise|drill {number} {unit}",
            "train|practice|practise|exercise|drill {topic} {number} {unit}",
            "train|practice|practise|exercise|drill for {unit}",
            "train|practice|practise|exercise|drill for a {unit}",
            "train|practice|practise|exercise|drill {topic} for {unit}",
            "train|practice|practise|exercise|drill {topic} for a {unit}",
            "spend {number} {unit} training|practising|practicing",
            "spend {number} {unit} training|practising|practicing {topic}",
            "spend a {unit} training|practising|practicing",
            "spend a {unit} training|practising|practicing {topic}",
        ),
    },
)
