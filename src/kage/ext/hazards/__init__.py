"""Hazards: mishaps that may befall the player on arriving somewhere, and care."""

from kage.core.extension import FLAG, Arg, Extension

EXTENSION = Extension(
    name="hazards",
    summary="chance mishaps on arrival at a place, bent by luck, avoided by care",
    depends=("body",),
    modules=("kage.ext.hazards.hazards",),
    sections=("hazards",),
    content="kage.ext.hazards.sections",
    conditions={"careful": Arg("{careful: true}", FLAG)},
    grammar={
        "take_care": (
            "watch|mind your|my step",
            "watch|mind your|my feet",
            "watch|mind where you|i step|walk|tread|go",
            "watch|mind where you|i put your|my feet",
            "look where you|i step|walk|tread|go",
            "look where you|i am going",
            "look where you|i put your|my feet",
            "watching where you|i put your|my feet",
            "be careful",
            "take care",
            "careful",
            "tread|step|walk|move|go carefully|cautiously|warily|slowly",
            "keep your|my eyes on the ground|path|track|trail",
        ),
        "hurry": (
            "hurry",
            "hurry up",
            "rush",
            "speed up",
            "walk|move|go quickly|fast|faster|normally",
            "stop being careful",
        ),
    },
)
