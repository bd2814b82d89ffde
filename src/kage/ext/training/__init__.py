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
            "train|practice|practise|exercise|drill|study",
            "train|practice|practise|exercise|drill|study {topic}",
            "train|practice|practise|exercise|drill|study [hard] for {number} [more] {unit}",
            "train|practice|practise|exercise|drill|study|learn {topic} [hard] for {number} [more] "
            "{unit}",
            "train|practice|practise|exercise|drill|study [hard] {number} [more] {unit}",
            "train|practice|practise|exercise|drill|study {topic} {number} [more] {unit}",
            "train|practice|practise|exercise|drill|study [hard] for {unit}",
            "train|practice|practise|exercise|drill|study [hard] for a {unit}",
            "train|practice|practise|exercise|drill|study {topic} for {unit}",
            "train|practice|practise|exercise|drill|study {topic} for a {unit}",
            "learn {topic}",
            "spend {number} [more] {unit} training|practising|practicing",
            "spend {number} [more] {unit} training|practising|practicing {topic}",
            "spend a {unit} training|practising|practicing",
            "spend a {unit} training|practising|practicing {topic}",
            # "work on swordplay for three weeks"
            "work on {topic} [hard] for {number} [more] {unit}",
            "work on {topic} {number} [more] {unit}",
            "work on {topic} for a {unit}",
            "work on {topic}",
        ),
    },
)
