"""The verbs a player may type and the shapes of their sentences.

Each line is a pattern such as ``put {held} in|into|inside {thing}`` mapped to an action.
Words separated by ``|`` are alternatives; ``{slot}`` takes a noun phrase or value:

- thing / things / held / person: something in scope (things allows "all", "all except")
- place: a place the player knows, by name; direction: n, south, up ...
- way: a way out of here, named by its words, its door's or those of the place it leads
  to ("the shaft", "onto the roof"); here: the place the player is in ("leave the shop");
  toward: a way, or a place known further on, whose first step is taken ("the village")
- number: up to eight words that kage.world.numbers reads ("3", "twenty-one", "a couple
  of"), within the bounds the action declares; unit: "hours", "d" ...
- topic / text: any words at all

Worlds add phrasings for any action (``hug {person}``) in their vocabulary file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DIRECTIONS: dict[str, str] = {
    "n": "north",
    "north": "north",
    "s": "south",
    "south": "south",
    "e": "east",
    "east": "east",
    "w": "west",
    "west": "west",
    "ne": "northeast",
    "northeast": "northeast",
    "nw": "northwest",
    "northwest": "northwest",
    "se": "southeast",
    "southeast": "southeast",
    "sw": "southwest",
    "southwest": "southwest",
    "north-east": "northeast",
    "north-west": "northwest",
    "south-east": "southeast",
    "south-west": "southwest",
    "u": "up",
    "up": "up",
    "upstairs": "up",
    "d": "down",
    "down": "down",
    "downstairs": "down",
    "in": "in",
    "inside": "in",
    "out": "out",
    "outside": "out",
}

ARTICLES = frozenset({"the", "a", "an", "some", "my", "your", "this", "that", "these", "those"})

# Verbs that move the player along a way named by its words ("climb the rain barrel",
# "cross the bridge"), and the words that may stand between ("go through the gate").
WAY_VERBS = [
    "go",
    "walk",
    "run",
    "head",
    "move",
    "travel",
    "climb",
    "crawl",
    "step",
    "wade",
    "swim",
    "hike",
    "descend",
    "ascend",
    "cross",
    "enter",
    "scramble",
    "clamber",
    "continue",
    "proceed",
    "venture",
    "sneak",
    "creep",
    "tiptoe",
    "slip",
    "visit",
]
MANNER = "carefully|quietly|slowly|cautiously|softly|silently|quickly|stealthily|warily"
WAY_WORDS = (
    "through|thru|into|in|inside|onto|on|up|down|across|over|along|toward|towards|to|past|"
    "under|out|via|by|round|around|back|deeper|further|farther"
)

# listening to what people are saying, not to a thing (the living world's rumours take
# these words over where it runs)
HEARSAY = (
    "listen for|to [the] gossip|news|talk|rumours|rumors|anything|something|people|voices",
    "listen to [the] people|voices|crowd|townsfolk|locals|folk|conversation|conversations"
    "|chatter [talking|chatting|gossiping|speaking]",
)

# (action, patterns). Order within the table does not matter: more specific lines win.
CORE: list[tuple[str, list[str]]] = [
    (
        "look",
        [
            "look",
            "l",
            "look|l around|about|round",
            "describe",
            "look|l around|about|round {here}",
            "where am i",
            "take|have a [good|quick|proper|close] look [around|about|round]",
            "take|have a [good|quick|proper|close] look around|about|round {here}",
            "what is here|around",
            "what here|around",  # "what's here": normal() reads "what's" as "what"
            "look|l around|about|round [the] room|place|area|surroundings",
            "look|l around|round me|here",
            "survey|scan [the] room|place|area|surroundings|scene",
            "survey|scan",
            "what do|can i see [here|around]",
            "what is there [here|around]",
            "what there",  # "what's there"
        ],
    ),
    (
        "examine",
        [
            "examine {thing}",
            "x {thing}",
            "look at {thing}",
            "l at {thing}",
            "inspect {thing}",
            "check {thing}",
            "read {thing}",
            "read {thing} in|on {thing}",  # where it is, not a topic looked up in a book
            "read what [is] written|scrawled|printed|says in|on {thing}",  # "what's": "what"
            "look {thing}",
            "l {thing}",
            "study {thing}",
            "describe {thing}",
            "watch {thing}",
        ],
    ),
    (
        "inventory",
        [
            "inventory",
            "i",
            "inv",
            "invent",
            "what do i have",
            "what have i got",
            "what am i carrying|holding",
            "check|show|view|list|see [my] inventory|inv",
            "look at|in [my] inventory",
            "my inventory",
        ],
    ),  # fmt: skip
    (
        "take",
        [
            "take {things}",
            "get {things}",
            "pick up {things}",
            "pick {things} up",
            "grab {things}",
            "take {things} from|off|out {thing}",
            "take {things} out of {thing}",
            "remove {things} from {thing}",
            "get {things} from|out {thing}",
            "get {things} out of {thing}",
            "collect {things}",
            "~pack {things}",  # what is not held yet; else into the bag (put_in)
            "carry {things}",
            "hold {things}",
            "pocket {things}",
            "steal|pinch|nick|swipe|filch|snatch|lift|palm {things}",
            "steal|pinch|nick|swipe|filch|snatch|lift|palm {things} from|off {thing}",
        ],
    ),
    (
        "drop",
        [
            "drop {things}",
            "put down {things}",
            "put {things} down",
            "discard {things}",
            "leave {things}",
            "throw away {things}",
            "put|place|lay|set|throw {things} on|onto [the] floor|ground",
            "put|place|lay|set {things} down on [the] floor|ground",
        ],
    ),
    (
        "put_in",
        [
            "put {things} in|into|inside {thing}",
            "insert {things} in|into {thing}",
            "pack {things} in|into {thing}",
            "store {things} in|into {thing}",
            "seal {things} in|into {thing}",
            "drop {things} in|into {thing}",
            "stow|stash|tuck|slip|stuff {things} in|into|inside {thing}",
            "leave {things} in|inside {thing}",
            # where goes without saying when the player has one bag (parser: _the_bag)
            "~pack|stow|stash {things}",
            "~pack|stow|stash|put {things} away",
            "~pack away|up {things}",
        ],
    ),
    (
        "put_on",
        [
            "put {things} on|onto {thing}",
            "place {things} on|onto {thing}",
            "lay {things} on|onto {thing}",
            "set {things} on|onto {thing}",
            "put {things} upon {thing}",
            "drop {things} on|onto {thing}",
            "leave {things} on|upon {thing}",
        ],
    ),
    (
        "give",
        [
            "give {held} to {person}",
            "give {person} {held}",
            "hand {held} to {person}",
            "hand {person} {held}",
            "offer {held} to {person}",
            "offer {person} {held}",
            "return {held} to {person}",
            "surrender {held} to {person}",
        ],
    ),
    (
        "wear",
        [
            "wear {held}",
            "put on {held}",
            "put {held} on",
            "don {held}",
            "tie on {held}",
            "strap on {held}",
            "strap {held} on",
            "sling {held} over|on my shoulder|shoulders|back",
            "shoulder {held}",
            "put {held} on my back|head|feet|shoulders|shoulder|neck|hands",
        ],
    ),
    (
        "remove",
        [
            "remove {held}",
            "take off {held}",
            "take {held} off",
            "doff {held}",
            "unbuckle {held}",
            "unwear {held}",
            "take {held} off [my|your] back|head|feet|shoulders|shoulder|neck|hands",
            "take off|remove {held} from [my|your] back|head|feet|shoulders|shoulder|neck|hands",
        ],
    ),
    (
        "go",
        [
            "go {direction}",
            "walk {direction}",
            "run {direction}",
            "head {direction}",
            "move {direction}",
            "climb {direction}",
            "travel {direction}",
        ],
    ),
    # a way named by what it passes through or leads to (actions/ways.py); before "go to
    # PLACE", so that of two places called alike the one a way here leads to is meant
    ("go", [f"{verb} {{way}}" for verb in WAY_VERBS]),
    ("go", [f"{verb} {WAY_WORDS} {{way}}" for verb in WAY_VERBS]),
    ("go", [f"{verb} {{direction}} {{way}}" for verb in WAY_VERBS]),  # "go down the shaft"
    # toward a place further on: the first step of the way there ("head toward the mine")
    ("go", [f"{verb} toward|towards {{toward}}" for verb in WAY_VERBS]),
    ("go", [f"{verb} back toward|towards|to {{toward}}" for verb in WAY_VERBS]),
    # how one goes is not which way: "walk carefully south", "go south quietly"
    ("go", [f"{verb} {MANNER} {{direction}}" for verb in WAY_VERBS]),
    ("go", [f"{verb} {{direction}} {MANNER}" for verb in WAY_VERBS]),
    ("go", ["sneak|creep|tiptoe {direction}", "jump|leap|hop {direction}"]),
    # waiting, as people say it
    (
        "wait",
        [
            "wait [here] [for] a bit|while|moment|little",
            "wait [here] [for] a little while",
            "wait here|around",
            "wait [around] here for {number} [more] {unit}",
            "wait [around] here {number} [more] {unit}",
            "wait [for] {number} more|longer|extra {unit}",
            "wait [for] {number} {unit} more|longer",
            "wait [for] another {number} {unit}",
            "stay here|put",
            "hang around|about|round",
        ],
    ),
    # following a road or taking the stairs is going the way they run
    (
        "go",
        [
            "follow [the] road|path|track|trail|tunnel|river|stream|passage|corridor {direction}",
            "follow {way} {direction}",
            "follow {way}",
            "follow [the] road|path|track|trail|river|stream|lane|street into|to|toward|towards "
            "{toward}",
            "take [the] stairs|steps|ladder|path|road|track {direction}",
            # "take the marsh path (back)": a way taken, before anything taken up
            "take {way}",
            "take {way} back",
            "take {way} {direction}",
        ],
    ),
    ("go", ["go|walk|run|head|travel|move back {direction}", "leave|exit by|through|via {way}"]),
    (
        "go_to",
        [
            "go to {place}",
            "go|walk|run|head|wander down|up|over|across|along|back|out|on to {place}",
            "walk to {place}",
            "run to {place}",
            "head to|for {place}",
            "travel to {place}",
            "return to {place}",
            "visit {place}",
            "enter {place}",
            "go {place}",
            "find {place}",
            "go back to {place}",
            "head|walk|run|return|hurry {place}",
        ],
    ),
    ("go_in", ["enter", "go|step|walk|get inside", "walk|step in"]),
    ("go_down", ["descend"]),
    ("go_up", ["ascend"]),
    (
        "exit",
        [
            "leave",
            "exit",
            "go out",
            "get out",
            "depart",
            "walk out",
            "step out",
            "leave {here}",
            "exit {here}",
            "depart {here}",
            "depart from {here}",
            "get|go|walk|run|climb|step out of {here}",
        ],
    ),
    (
        "go_on",
        [
            "continue",
            "keep going|walking|moving|heading|running",
            "go|walk|carry|press|move on",
            "go|walk|head|move|venture|press deeper|further|farther",
            "onward|onwards|forward|forwards",
            "continue {direction}",
            "continue going|walking|heading|on {direction}",
            "keep going|walking|moving|heading|running {direction}",
            "keep on {direction}",
            "keep on going|walking {direction}",
            "go|walk|head|run|travel|carry|press|move on {direction}",
            "go|walk|head|run|travel|move further|farther {direction}",
        ],
    ),
    (
        "go_back",
        [
            "back",
            "go|walk|head|run|turn|step|move|double back",
            "return",
            "retreat",
            "flee",
            "run|get away",
            "run off",
            "go back the way i came",
            "go back the way you came",
            "go back where i came from",
            "retrace my steps",
            "retrace your steps",
        ],
    ),
    (
        "look_toward",
        [
            "look|l {direction}",
            "look|l toward|towards {toward}",
            "look|l back toward|towards|to|at {toward}",
            "look|l to|toward|towards {direction}",
            "look|l to|toward|towards the {direction}",
            f"look|l {WAY_WORDS} {{way}}",
            "look out of {way}",
            "peer|peek|peep|glance {direction}",
            f"peer|peek|peep|glance {WAY_WORDS} {{way}}",
        ],
    ),
    (
        "knock",
        [
            "knock on|at|upon {way}",
            "knock on|at|upon {thing}",
            "rap|bang on|at {thing}",
            "knock",  # on whatever door is here (actions/ways.py)
            "knock on|at [the] door",
        ],
    ),
    (
        "talk",
        [
            "talk to|with {person}",
            "speak to|with {person}",
            "greet {person}",
            "talk {person}",
            "hello {person}",
            "hi {person}",
            "chat to|with {person}",
            "talk",
            "speak",
            "chat",
        ],
    ),
    (
        "ask",
        [
            "ask {person} about|for {topic}",
            "ask about {topic}",
            "ask {person} {topic}",
            "question {person} about {topic}",
            "talk|speak|chat to|with {person} about {topic}",
            "talk|speak|chat about {topic}",
            "a {topic}",
            "ask for {topic}",
            # of whoever is listening: "tell me the terms", "explain the vote"
            "tell me about|of {topic}",
            "tell me {topic}",
            "explain {topic} to me",
            "what about {topic}",
        ],
    ),
    # a request is buying where the thing is for sale, and asking about it elsewhere
    ("buy", ["~ask for {thing}", "~ask {person} for {thing}"]),
    (
        "tell",
        [
            "tell {person} about {topic}",
            "tell {person} {topic}",
            "tell about {topic}",
            "inform {person} about|of {topic}",
            "explain|describe|mention|report {topic} to {person}",
            "break [the] news of|about {topic} to {person}",
        ],
    ),
    (
        "say",
        [
            "say {text}",
            "say {text} to {person}",
            "say|shout|yell to {person} {text}",
            "answer {text}",
            "reply {text}",
            "shout {text}",
            "yell {text}",
            "whisper {text}",
            "say",
        ],
    ),
    (
        "wait",
        [
            "wait",
            "z",
            "wait {number} {unit}",
            "wait for {number} {unit}",
            "wait {number}",
            "wait for {number}",
            "wait {unit}",
            "wait for {unit}",
            "rest {number} {unit}",
            "pass time",
        ],
    ),
    (
        "wait_until",
        [
            "wait|rest until|till {text}",
            "wait for {text}",
            "wait [around] until|till {text}",
            "pass time until|till {text}",
        ],
    ),
    (
        "sleep",
        [
            "sleep",
            "rest",
            "nap",
            "go to sleep",
            "go to bed",
            "sleep|nap until|till {text}",
            "sleep through the night",
            "take|have a nap|rest|sleep|kip",
            "get some sleep|rest",
            "sleep|nap|rest|lie on|in|under {thing}",  # where is the place's to say
            "lie down on|in {thing} and sleep",
            "go to sleep|bed until|till {text}",
        ],
    ),
    (
        "think",
        ["think", "feel", "reflect", "how do i feel", "mood", "remember", "meditate", "ponder"],
    ),
    (
        "time",
        [
            "time",
            "what time is it",
            "clock",
            "check [the] time",
            "what [is] the time",
            "tell me the time",
        ],
    ),
    ("score", ["score", "points"]),
    (
        "diagnose",
        ["diagnose", "diagnose me|myself", "status", "stats", "health", "how am i [doing]"],
    ),
    ("full_score", ["full score", "full", "fullscore", "full points"]),
    ("exits", ["exits", "list exits", "ways out", "which ways", "obvious exits"]),
    ("pronouns", ["pronouns", "nouns"]),
    ("version", ["version"]),
    ("hint", ["hint", "hints", "help me", "clue", "what now", "what should i do"]),
    ("help", ["help", "?", "commands", "verbs", "instructions", "about", "info"]),
    # the standard world model: searching.py, openers.py, locks.py, devices.py, entering.py
    (
        "search",
        [
            "search {thing}",
            "look in|inside|into {thing}",
            "l in|inside|into {thing}",
            "rummage in|through {thing}",
            "check|peek|peer|peep|feel in|inside|into {thing}",
            "look|l|check on|upon {thing}",
            "look|l|check on top of {thing}",
        ],
    ),
    # behind is where things hide as under is: both are looked under (searching.py)
    (
        "look_under",
        [
            "look|l|check|peek|peer|peep|feel|search under|beneath|underneath|behind {thing}",
            "look|l|check|search in back of {thing}",
            "look behind|under|beneath {thing} for {topic}",
        ],
    ),
    ("look_out", ["look out of {thing}", "look out {thing}", "look through {thing}"]),
    ("open", ["open {thing}", "unwrap {thing}", "uncover {thing}", "pry open {thing}"]),
    ("close", ["close {thing}", "shut {thing}", "cover {thing}", "close up {thing}"]),
    ("lock", ["lock {thing} with {held}", "lock {thing}", "lock up {thing}"]),
    (
        "unlock",
        [
            "unlock {thing} with|using {held}",
            "unlock {thing}",
            "open {thing} with|using {held}",
        ],
    ),
    (
        "switch_on",
        [
            "switch on {thing}",
            "switch {thing} on",
            "turn on {thing}",
            "turn {thing} on",
            "switch {thing}",
        ],
    ),
    (
        "switch_off",
        [
            "switch off {thing}",
            "switch {thing} off",
            "turn off {thing}",
            "turn {thing} off",
            "close off {thing}",
        ],
    ),
    (
        "enter",
        [
            "enter {thing}",
            "get in|into|on|onto {thing}",
            "go in|into {thing}",
            "climb in|into|on|onto {thing}",
            "sit on|in|at {thing}",
            "sit down on|in {thing}",
            "stand on|in {thing}",
            "lie on|in {thing}",
            "lie down on|in {thing}",
            "board {thing}",
            "cross {thing}",
            "go through {thing}",
            "walk through {thing}",
        ],
    ),
    (
        "get_off",
        [
            "get off",
            "get down",
            "get off|out {thing}",
            "get out of {thing}",
            "get down from|off {thing}",
            "climb off|out {thing}",
            "climb out of {thing}",
            "exit {thing}",
            "stand up from {thing}",
        ],
    ),
    # small things that change nothing (actions/idling.py answers them)
    ("sit", ["sit", "sit down", "take a seat"]),
    ("stand", ["stand", "stand up", "get up"]),
    ("jump", ["jump", "hop", "leap"]),
    ("sing", ["sing", "hum", "whistle"]),
    ("keep", ["keep {held}", "hold|hang on to {held}", "keep hold of {held}", "keep {held} safe"]),
    ("dance", ["dance"]),
    ("pray", ["pray"]),
    ("sigh", ["sigh"]),
    ("laugh", ["laugh", "smile", "grin"]),
    ("shout", ["shout", "scream", "yell", "holler"]),
    # -- the rest of Inform's standard actions (actions/handling.py, senses.py,
    #    consuming.py, harming.py, people.py, exclamations.py, buying.py, consulting.py)
    (
        "push",
        [
            "push|move|shift|clear|press {thing}",
            "push|move|shift {thing} {direction}",
            "push|move|shift {thing} to|towards {direction}",
        ],
    ),
    ("pull", ["pull|drag|tug {thing}"]),
    ("turn", ["turn|rotate|twist|unscrew|screw {thing}"]),
    ("squeeze", ["squeeze|squash {thing}"]),
    ("rub", ["rub|shine|polish|sweep|clean|dust|wipe|scrub|scratch|wash {thing}"]),
    ("water", ["water {thing}", "give {thing} some water", "give water to {thing}"]),
    ("wave", ["wave {held}"]),
    ("wave_hands", ["wave", "wave hand|hands", "wave to|at {person}"]),
    ("swing", ["swing {thing}", "swing on {thing}"]),
    ("set_to", ["set|adjust {thing} to {text}"]),
    ("climb", ["climb|scale {thing}", "climb up|over {thing}"]),
    ("tie", ["tie|attach|fasten {thing} to {thing}"]),
    ("cut", ["cut|slice|prune|chop {thing}"]),
    ("burn", ["burn|light {thing}", "set fire to {thing}", "set {thing} on fire"]),
    (
        "attack",
        [
            "attack|break|smash|hit|fight|torture|wreck|crack|destroy|murder|kill {thing}",
            "tear|rip [up] {thing}",
            "tear|rip {thing} up",
            "punch|thump|kick|strike {thing}",
        ],
    ),
    ("throw_at", ["throw|drop {held} at|against {thing}"]),
    ("drop", ["throw {things}"]),
    ("eat", ["eat {held}", "have {thing}", "eat some {thing}"]),
    ("drink", ["drink|swallow|sip {held}", "drink|sip from {thing}"]),
    ("touch", ["touch|feel|fondle|pat|stroke {thing}"]),
    ("taste", ["taste|lick {thing}"]),
    ("smell", ["smell", "sniff", "smell|sniff {thing}"]),
    (
        "listen_to",
        [
            "listen",
            "listen to {thing}",
            "hear {thing}",
            *HEARSAY,
            "listen around",
        ],
    ),
    ("kiss", ["kiss|embrace|hug|cuddle {thing}"]),
    ("wake_up", ["wake", "wake up", "awake", "awaken"]),
    ("wake", ["wake|awake|awaken {person}", "wake {person} up", "wake up {person}"]),
    ("jump", ["skip", "jump|hop|leap|skip over|across {thing}"]),
    (
        "show",
        [
            "show|present|display {held} to {person}",
            "show|present|display {person} {held}",
            "give|hand {person} {held} to look at|see|examine",
            "let {person} see|examine|inspect {held}",
            "let {person} look at|over {held}",
            "give|hand {held} to {person} to look at|see|examine",
        ],
    ),
    ("give", ["pay|feed {held} to {person}", "pay|feed {person} {held}"]),
    # to whom goes without saying when one person is here
    (
        "give",
        [
            "give|hand|return|surrender {held}",
            "hand over|in {held}",
            "hand {held} over",
            "give up|back {held}",
            "give {held} back|up",
            "give back {held} to {person}",
            "hand over {held} to {person}",
        ],
    ),
    ("remove", ["shed|disrobe|unclasp|unfasten|unhook|untie {held}"]),
    ("buy", ["buy|purchase {thing}"]),
    (
        "consult",
        [
            "consult {thing} about|on {topic}",
            "look up {topic} in {thing}",
            "read about {topic} in {thing}",
            "read {topic} in {thing}",
        ],
    ),
    ("say", ["answer|shout|speak {text} to {person}"]),
    ("yes", ["yes", "y", "yeah"]),
    ("no", ["no", "nope"]),
    ("sorry", ["sorry", "apologise|apologize", "apologise|apologize to {person}"]),
    ("swear_strong", ["shit", "fuck", "damn", "crap", "bollocks"]),
    # what a player does to a person (actions/social.py); speech without a verb is read
    # when no line fits (actions/speech.py)
    ("thank", ["thank {person}", "thank you {person}", "thank|thanks", "thank you", "say thanks"]),
    (
        "argue",
        [
            "argue|quarrel|remonstrate|plead with {person}",
            "argue|quarrel|plead with {person} about {topic}",
            "shout|yell|scream|rage at {person}",
            "argue|protest|object",
            "threaten|intimidate|menace|scare {person}",
            "disagree with {person}",
        ],
    ),
    (
        "promise",
        [
            "promise {person}",
            "promise {person} {text}",
            "promise to {text}",
            "promise {text} to {person}",
            "swear to {person}",
            "make a promise",
            "i promise",
            "i swear",
        ],
    ),
    (
        "goodbye",
        [
            "goodbye|bye|farewell|sayonara",
            "goodbye|bye|farewell {person}",
            "say goodbye|bye|farewell",
            "say goodbye|bye|farewell to {person}",
            "bid {person} farewell|goodbye",
            "wave goodbye",
            "wave goodbye to {person}",
        ],
    ),
    ("swear_mild", ["bother", "curses", "curse", "drat", "darn", "swear"]),
]

# The session's own commands (kage.session): they are not world commands, take no time
# and are never logged. Save and restore take the rest of the command as a name; the
# others are the whole command. The verbosity words are Inform 7's ("normal" is brief).
META = {
    "undo": "undo",
    "again": "again",
    "g": "again",
    "save": "save",
    "restore": "restore",
    "load": "restore",
    "quit": "quit",
    "q": "quit",
    "die": "quit",
    "quit game": "quit",
    "exit game": "quit",
    "restart": "restart",
    "restart game": "restart",
    "saves": "saves",
    "verbose": "verbose",
    "long": "verbose",
    "brief": "brief",
    "normal": "brief",
    "superbrief": "superbrief",
    "short": "superbrief",
    "notify": "notify_on",
    "notify on": "notify_on",
    "notify off": "notify_off",
    "transcript": "transcript_on",
    "transcript on": "transcript_on",
    "script": "transcript_on",
    "script on": "transcript_on",
    "transcript off": "transcript_off",
    "script off": "transcript_off",
    "noscript": "transcript_off",
    "unscript": "transcript_off",
    "verify": "verify",
}


@dataclass(frozen=True, slots=True)
class Token:
    words: frozenset[str] | None  # literal alternatives, or None for a slot
    slot: str = ""


# How narrowly a slot limits what it takes, for ordering lines that tie on their words
# (as Inform sorts grammar lines): a direction or a number before someone, someone or a
# place before something, anything at all last.
SPECIFICITY = {
    "direction": 4,
    # a way or the place being left is tried before a thing: "climb the rain barrel" is
    # the way up when the barrel is how up is reached, and a thing only if it names no way
    "way": 3,
    "here": 3,
    "toward": 3,
    "number": 4,
    "unit": 4,
    "person": 3,
    "place": 3,
    "thing": 2,
    "things": 2,
    "held": 2,
    "topic": 1,
    "text": 1,
}


@dataclass(frozen=True, slots=True)
class Line:
    action: str
    tokens: tuple[Token, ...]
    pattern: str
    world: bool = False  # written by the world, not the engine: it wins a tie of shape
    # taken only when its action would be done now, else the next reading is tried:
    # written with a leading "~" ("~ask for {thing}" is buying only where it is sold)
    tentative: bool = False

    @property
    def literals(self) -> int:
        return sum(1 for t in self.tokens if t.words is not None)

    @property
    def specificity(self) -> int:
        return sum(SPECIFICITY.get(t.slot, 0) for t in self.tokens if t.words is None)

    def precedence(self) -> tuple[int, int, int, bool]:
        """Sort key: more literal words first, then longer lines, then narrower slots,
        then the world's own phrasing before the engine's."""
        return (-self.literals, -len(self.tokens), -self.specificity, not self.world)

    @property
    def shape(self) -> tuple[int, int]:
        """How specific the line is: more words to match first, then more tokens."""
        return (self.literals, len(self.tokens))


_EDGE = "'\"-_*`~"


def normal(word: str) -> str:
    """A word as the parser compares it: lower case, no quotes at its edges, no "'s".

    Typed words, pattern words and the names of things all pass through here, so
    "it's a deal" and "the captain's desk" match however the world spelled them."""
    word = word.lower().replace("\u2019", "'")
    signed = word[:1] == "-" and word.lstrip("-")[:1].isdecimal()
    word = ("-" if signed else "") + word.strip(_EDGE)  # "-5" keeps its sign
    if word.endswith("'s") and len(word) > 2:
        word = word[:-2]
    return word


_OPTIONAL = re.compile(r"\[([^\[\]]+)\]")


_LEFT_OUT = frozenset({"a", "an", "the"})


def _articles_optional(pattern: str) -> str:
    """An article written in a line is one people leave out ("send ned on errand"): a
    word of the pattern made only of articles is optional."""
    parts = pattern.split()
    return " ".join(
        f"[{p}]" if i > 0 and set(p.split("|")) <= _LEFT_OUT else p for i, p in enumerate(parts)
    )


def expand(pattern: str) -> list[str]:
    """A pattern with optional words in brackets -> every pattern it stands for:
    "make {number} [more] [shadow] clones" is four lines, each ranked by the words it has
    (so the fullest wins where several fit). An alternative may be optional: "[the|a]".
    A word of articles alone is optional too ("on an errand" or "on errand")."""
    return _expand(_articles_optional(pattern))


def _expand(pattern: str) -> list[str]:
    found = _OPTIONAL.search(pattern)
    if found is None:
        return [" ".join(pattern.split())]
    before, after = pattern[: found.start()], pattern[found.end() :]
    return [*_expand(before + found.group(1) + after), *_expand(before + after)]


TENTATIVE = "~"


def compile_pattern(action: str, pattern: str, world: bool = False) -> Line:
    tentative = pattern.startswith(TENTATIVE)
    pattern = pattern.removeprefix(TENTATIVE).strip()
    tokens = []
    for part in pattern.split():
        if part.startswith("{") and part.endswith("}"):
            tokens.append(Token(None, part[1:-1]))
        else:
            alternatives = {normal(w) for w in part.split("|")} - {""}
            tokens.append(Token(frozenset(alternatives or {part.lower()})))
    return Line(action, tuple(tokens), pattern, world, tentative)


SLOTS = frozenset(
    {
        "thing",
        "things",
        "held",
        "person",
        "place",
        "direction",
        "number",
        "unit",
        "topic",
        "text",
        "way",
        "here",
        "toward",
    }
)


Binding = tuple[str, list[str]]  # (slot, the words it took)
ONE_WORD_SLOTS = frozenset({"direction", "unit"})
MAX_NUMBER_WORDS = 8  # "one hundred and twenty-one thousand and five"


def match(
    tokens: tuple[Token, ...], ws: list[str], ti: int = 0, wi: int = 0
) -> Iterator[list[Binding]]:
    """Every way the words fit the pattern, shortest first slot first."""
    if len(tokens) - ti > len(ws) - wi:
        return  # every token takes a word at least: too few words for this line
    yield from _match(tokens, ws, ti, wi, [])


def _match(
    tokens: tuple[Token, ...], ws: list[str], ti: int, wi: int, binds: list[Binding]
) -> Iterator[list[Binding]]:
    if ti == len(tokens):
        if wi == len(ws):
            yield binds
        return
    token = tokens[ti]
    if token.words is not None:
        if wi < len(ws) and ws[wi] in token.words:
            yield from _match(tokens, ws, ti + 1, wi + 1, binds)
        return
    if wi >= len(ws):
        return
    if token.slot in ONE_WORD_SLOTS:
        yield from _match(tokens, ws, ti + 1, wi + 1, [*binds, (token.slot, ws[wi : wi + 1])])
        return
    following = tokens[ti + 1] if ti + 1 < len(tokens) else None
    last = len(ws) if token.slot != "number" else min(len(ws), wi + MAX_NUMBER_WORDS)
    for end in range(wi + 1, last + 1):
        if following is None and end != len(ws):
            continue
        literal = following.words if following is not None else None
        if literal is not None and (end >= len(ws) or ws[end] not in literal):
            continue
        yield from _match(tokens, ws, ti + 1, end, [*binds, (token.slot, ws[wi:end])])


def fits(line: Line, ws: list[str]) -> bool:
    """Whether the words have the shape of the line (nothing resolved yet)."""
    return next(match(line.tokens, ws), None) is not None
