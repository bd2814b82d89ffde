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
