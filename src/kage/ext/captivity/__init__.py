"""Captivity: chains and rope, captives freed or tied up, escorting the weak, a plan
whispered and a signal given."""

from kage.core.extension import FLAG, NUMBER, TEXT, Extension, Prop

EXTENSION = Extension(
    name="captivity",
    summary="restraints, captives, escorting, plan and signal",
    depends=("combat", "body"),
    modules=(
        "kage.ext.captivity.restraints",
        "kage.ext.captivity.escort",
        "kage.ext.captivity.captives",
    ),
    props={
        "chained": Prop("the person is chained up (freeing cuts the chains)", FLAG, ("person",)),
        "tied": Prop("the person is tied up", FLAG, ("person",)),
        "rope": Prop("it will do to tie someone up", FLAG, ("thing",)),
        "blade": Prop(
            "it cuts chains and rope (true, or how the cut is told: 'a knife')",
            (str, bool),
            ("thing",),
        ),
        "cut_chains": Prop("cut chains lie here, and will do to tie someone", FLAG, ("place",)),
        "rally": Prop("what a freed captive says when rallied", TEXT, ("person",)),
        "wary": Prop("the person must be reassured before going along", FLAG, ("person",)),
        "pace": Prop("how many steps the person manages a turn when escorted", NUMBER, ("person",)),
        "trust": Prop("how far the person trusts the player, 0-100", NUMBER, ("person",)),
        "reassured": Prop("how often the person was reassured (kept by play)", NUMBER, ("person",)),
    },
    grammar={
        "free": (
            "free {person}",
            "unchain {person}",
            "cut chains of {person}",
            "cut the chains of {person}",
            "cut {person} chains",
            "cut {person} free",
            "cut {person} loose",
            "release {person}",
            "cut chains",
            "cut the chains",
        ),
        "tie_up": (
            "tie up {person}",
            "tie {person} up",
            "tie {person}",
            "bind {person}",
            "truss up {person}",
            "truss {person}",
        ),
        "untie": (
            "untie {person}",
            "unbind {person}",
        ),
        "whisper": (
            "whisper to {person}",
            "whisper plan to {person}",
            "whisper the plan to {person}",
            "tell {person} the plan",
            "whisper the plan",
            "whisper plan",
            "tell {person} about the plan",
            "explain plan to {person}",
        ),
        "signal": (
            "signal",
            "give the signal",
            "give signal",
            "give a signal",
        ),
        "reassure": (
            "reassure {person}",
            "comfort {person}",
            "calm {person}",
            "calm down {person}",
            "tell {person} you are here to help",
            "tell {person} i'm here to help",
            "tell {person} i am a friend",
            "promise {person} no harm",
        ),
        "escort": (
            "help {person}",
            "support {person}",
            "lead {person} out",
            "escort {person}",
            "help {person} walk",
            "help {person} up",
        ),
        "let_go": (
            "let go of {person}",
            "put {person} down",
        ),
    },
)
