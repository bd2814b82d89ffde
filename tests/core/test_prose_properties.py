"""Property tests of the text layer over every person and thing of every bundled world.

Whatever a sentence is built from, it starts with a capital letter, and its verb agrees in
number with its subject: singular and plural names, proper and not, known by a
description or by name. The agreement is judged by an oracle of its own (the forms of
"be", "have", "do" and the -s of the present tense), not by the layer's tables.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kage.actions.pipeline import Action
from kage.core import prose
from kage.core.prose import Subject, adapt
from kage.core.responses import RESPONSES, fill
from kage.game import Game
from kage.worlds import load

WORLDS = ("banished", "cloak", "tidebell")
SINGULAR = {"is", "has", "was", "does", "isn't", "hasn't", "wasn't", "doesn't"}
PLURAL = {"are", "have", "were", "do", "aren't", "haven't", "weren't", "don't"}
VERBS = ["is", "has", "was", "does", "doesn't", "isn't", "nods", "hurries", "watches",
         "goes", "looks", "stays", "waits", "sees"]  # fmt: skip
TEMPLATES = [
    "{The noun} {VERB} here.",
    "Something moves. {the noun} {VERB} still.",
    "{A noun} {VERB} by; {he} {VERB} on.",
    '"{The noun}?" you ask. {The noun} {VERB} nothing.',
    "{noun|He} {VERB} {his} part.",
]


@cache
def game_of(world: str) -> Game:
    return Game(load(world), seed=0)


def entities() -> list[tuple[str, str]]:
    return [
        (w, e.id)
        for w in WORLDS
        for e in load(w).entities.values()
        if e.kind in ("person", "thing") and e.id != load(w).player
    ]


ENTITIES = entities()


def agrees(verb: str, plural: bool) -> bool:
    """The oracle: a verb said of several is a plural form of be/have/do or has no -s."""
    low = verb.lower()
    if low in SINGULAR:
        return not plural
    if low in PLURAL:
        return plural
    return low.endswith("s") != plural


def first_letter_is_capital(text: str) -> bool:
    letter = re.search(r"[A-Za-z]", text)
    return letter is None or letter.group(0).isupper() or text.lstrip().startswith("(")


def check(text: str, name: str, subject: Subject, verb: str, by_pronoun: bool) -> None:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    assert all(first_letter_is_capital(s) for s in sentences), text
    many = subject.plural or (subject.gender == "them" and by_pronoun)
    assert agrees(verb if not many else prose.plural_verb(verb), many)
    # every verb placed right after the subject's name agrees with it
    for found in re.finditer(re.escape(name) + r" (\w+'?\w*)", text, re.IGNORECASE):
        said = found.group(1)
        if said.lower() == verb.lower() or said.lower() == prose.plural_verb(verb).lower():
            assert agrees(said, subject.plural), text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(ENTITIES),
    st.sampled_from(TEMPLATES),
    st.sampled_from(VERBS),
    st.booleans(),
)
def test_every_entity_in_every_template_starts_with_a_capital_and_agrees(
    where: tuple[str, str], template: str, verb: str, learned: bool
) -> None:
    world, entity = where
    game = game_of(world)
    ent = game.world.entities[entity]
    flags = dict(game.state.flags)
    try:
        if learned and ent.name_known is not None:  # a description, or the name learned
            for key in _flags_in(ent.name_known):
                game.state.flags[key] = True
        subject = prose.subject(game, entity)
        text = fill(game, template.replace("VERB", verb), Action("examine", entity))
    finally:
        game.state.flags.clear()
        game.state.flags.update(flags)
    check(text, subject.name, subject, verb, by_pronoun=False)
    if "noun}" in template:  # the name the player knows now is the one printed
        assert subject.name.lower() in text.lower(), text


def _flags_in(cond: object) -> list[str]:
    if isinstance(cond, dict):
        found = [str(v) for k, v in cond.items() if k == "flag"]
        return found + [f for v in cond.values() for f in _flags_in(v)]
    if isinstance(cond, list):
        return [f for v in cond for f in _flags_in(v)]
    return []


NAMES = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).map(str.strip)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(NAMES.filter(bool), min_size=1, max_size=3).map(" ".join),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["him", "her", "them", "it"]),
    st.sampled_from(TEMPLATES),
    st.sampled_from(VERBS),
)
def test_any_subject_starts_a_sentence_with_a_capital_and_agrees(
    name: str, plural: bool, proper: bool, gender: str, template: str, verb: str
) -> None:
    subject = Subject(name, plural, proper, gender)
    text = adapt(template.replace("VERB", verb), {"noun": subject}, _subject, "noun")
    check(text, name, subject, verb, by_pronoun=False)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    assert all(first_letter_is_capital(s) for s in sentences), text
    # "{he} {VERB}": after a pronoun, "they" takes the plural verb
    after = re.search(r"; (\w+) (\S+) on\.", text)
    if after:
        many = plural or gender == "them"
        assert agrees(after.group(2), many), text


def _subject(value: object) -> Subject | None:
    return value if isinstance(value, Subject) else None


@pytest.mark.parametrize("world", WORLDS)
def test_every_response_about_a_person_or_thing_opens_with_a_capital(world: str) -> None:
    """Each engine response whose text opens with a placeholder, said of each person and
    thing of the world: the sentence starts with a capital, its opening verb agrees."""
    game = game_of(world)
    opening = re.compile(r"^\{(?:The |A |the |a )?noun\} \{([a-z']+)\}")
    templates = [r for r in RESPONSES.values() if opening.match(r.default)]
    assert len(templates) >= 10
    for ent in game.world.entities.values():
        if ent.kind not in ("person", "thing") or ent.id == game.world.player:
            continue
        subject = prose.subject(game, ent.id)
        for resp in templates:
            text = fill(
                game,
                resp.default,
                Action("examine", ent.id),
                **{k: "x" for k in resp.slots if k != "noun"},
            )
            assert first_letter_is_capital(text), (resp.name, text)
            match = opening.match(resp.default)
            assert match is not None
            verb = text[len(subject.the()) :].split()[0].strip(",.;:")
            assert agrees(verb, subject.plural), (resp.name, text)


@pytest.mark.parametrize("world", WORLDS)
def test_every_paragraph_the_game_says_opens_with_a_capital(world: str) -> None:
    """Go everywhere, look, and examine and take everything there: no paragraph of any
    reply begins with a small letter."""
    game = Game(load(world), seed=0)
    game.opening()
    bad = []
    for place in game.world.places():
        game.state.holder[game.world.player] = place.id
        game.contents_changed()
        lines = ["look"]
        for item in list(game.contents_index().get(place.id, [])):
            ent = game.world.entities[item]
            if item != game.world.player and ent.nouns:
                noun = sorted(ent.nouns)[0]
                lines += [f"examine {noun}", f"take {noun}", f"talk to {noun}"]
        for line in lines:
            reply = game.command(line).text
            for paragraph in reply.split("\n\n"):
                if not first_letter_is_capital(paragraph):
                    bad.append((place.id, line, paragraph[:80]))
            if game.state.done:
                break
        if game.state.done:
            break
    assert not bad, bad[:10]
