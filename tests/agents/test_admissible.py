"""Admissible commands are exact: every listed command is understood and not refused
(soundness), and every command sampled from the grammar that is not refused is listed,
or one that means the same is (completeness), in random states of every bundled world.

"Refused": a rule of the refusing phases (before, instead, check) stops the action, so
`pipeline.perform` returns an Outcome that is not done and the reply says nothing was
carried out (`Reply.acted` is False). "Means the same": `admissible.meaning` — the same
action, noun, second noun, number and direction, and the same free words or words that
pick the same topic (or that the checks read as the same choice). Two exceptions, both
documented in kage.agents.admissible: a number slot is tried with a short list of numbers,
so a command with another number counts as listed when the same action is listed with
some number; and free words that pick no topic of the world are not listed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from tests.helpers import walkthrough

from kage import worlds
from kage.actions.pipeline import Action, Needs, applies, refusal
from kage.agents import admissible as adm
from kage.game import Game
from kage.parser import nouns
from kage.parser.grammar import DIRECTIONS, Line
from kage.parser.parser import parse
from kage.world import query
from kage.world.model import World

WALKS = {"banished": "full.txt", "cloak": "cloak.txt", "tidebell": "tidebell.txt"}
SETTINGS = settings(
    max_examples=6,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # a shrink replays whole games: far too slow
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
Draw = Callable[[st.SearchStrategy[Any]], Any]


load = functools.cache(worlds.load)  # worlds are read-only: one copy for every test


def copied(world: World, game: Game) -> Game:
    return Game(world, seed=game.seed, state=game.state.copy())


def quietly_parsed(game: Game, command: str) -> list[Action] | None:
    """The actions the parser makes of `command` now (None for a question or a
    failure), the state left as it was."""
    state = game.state.copy()
    try:
        result = parse(game, command)
    finally:
        game.set_state(state)
    return None if result.error else result.actions


# -- sampling commands from the grammar, independently of the generator --------------------
def _words_for(game: Game, entity: str, draw: Draw) -> str:
    name = game.lexicon.names[entity]
    noun = draw(st.sampled_from(sorted(name.nouns or name.words)))
    if name.adjectives and draw(st.booleans()):
        return f"{draw(st.sampled_from(sorted(name.adjectives)))} {noun}"
    return str(noun)


def _way_words(game: Game, draw: Draw) -> str | None:
    exits = game.world.entities[query.here(game)].exits
    if not exits:
        return None
    way = exits[draw(st.sampled_from(sorted(exits)))]
    options = [*way.names, *sorted(game.lexicon.names[way.to].nouns)]
    return draw(st.sampled_from(options)) if options else None


def _free_words(game: Game, line: Line, scope: list[str], draw: Draw) -> str | None:
    hooks = adm.templates(game).hooks.get((adm.PHRASES, line.action), ())
    options = [p for hook in hooks for p in hook(game)]
    options += [
        w for e in scope for topic in game.world.entities[e].topics for w in sorted(topic.words)
    ]
    return draw(st.sampled_from(options)) if options else None


def sample_command(game: Game, draw: Draw) -> tuple[str, bool] | None:
    """A command made from a random grammar line of the world and random words for
    what is in scope: (command, whether a number in it was drawn freely)."""
    lines = sorted({id(ln): ln for b in game.lexicon.lines.values() for ln in b}.values(),
                   key=lambda ln: (ln.action, ln.pattern))  # fmt: skip
    line = lines[draw(st.integers(0, len(lines) - 1))]
    scope = list(dict.fromkeys(nouns.scope(game, "thing")))
    places = [p for p in nouns.scope(game, "place") if game.lexicon.names[p].nouns]
    free_number = False
    words: list[str] = []
    for token in line.tokens:
        if token.words is not None:
            words.append(draw(st.sampled_from(sorted(token.words))))
            continue
        slot = token.slot
        said: str | None
        if slot in ("thing", "things", "held", "person"):
            said = _words_for(game, draw(st.sampled_from(scope)), draw) if scope else None
        elif slot == "place":
            said = _words_for(game, draw(st.sampled_from(places)), draw) if places else None
        elif slot == "direction":
            said = draw(st.sampled_from(sorted(DIRECTIONS)))
        elif slot in ("way", "toward", "here"):
            said = _way_words(game, draw)
        elif slot == "number":
            free_number = draw(st.booleans())
            number = draw(st.integers(1, 120) if free_number else st.sampled_from(adm.COUNTS))
            said = str(number)
        elif slot == "unit":
            said = draw(st.sampled_from(["minutes", "hours", "days", "weeks"]))
        else:
            said = _free_words(game, line, scope, draw)
        if said is None:
            return None
        words.append(said)
    return " ".join(words), free_number


def random_state(world: World, name: str, draw: Draw) -> Game:
    """A game played some way along its walkthrough, then a few commands sampled from
    the grammar (deep states as well as early ones, off the walkthrough's path too)."""
    game = Game(world, seed=draw(st.integers(0, 3)))
    lines = walkthrough(WALKS[name])
    for line in lines[: draw(st.integers(0, len(lines) - 1))]:
        game.command(line)
    for _ in range(draw(st.integers(0, 4))):
        sampled = sample_command(game, draw)
        if sampled is not None and not game.state.done:
            game.command(sampled[0])
    return game


def covered(found: adm.Key, listed: set[adm.Key], free_number: bool) -> bool:
    if found in listed:
        return True
    text = found[3]
    if text and not text.startswith(("topic:", "settled:")):
        return True  # free words that pick nothing the world declares: not listed
    return free_number and any(k[:4] == found[:4] and k[5:] == found[5:] for k in listed)


# -- the properties ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(WALKS))
@SETTINGS
@given(data=st.data())
def test_every_listed_command_is_understood_and_not_refused(name: str, data: st.DataObject) -> None:
    loaded = load(name)
    game = random_state(loaded, name, data.draw)
    listed = adm.admissible(game)
    if game.state.done:
        assert listed == []
        return
    assert listed, "something can always be done"
    assert [a.command for a in listed] == sorted({a.command for a in listed})
    for admitted in listed:
        trial = copied(loaded, game)
        actions = quietly_parsed(trial, admitted.command)
        assert actions is not None and len(actions) == 1, admitted.command
        assert adm.key(actions[0]) == adm.key(admitted.action), admitted.command
        reply = trial.command(admitted.command)
        assert reply.understood and reply.acted, (admitted.command, reply.text)


@pytest.mark.parametrize("name", sorted(WALKS))
@SETTINGS
@given(data=st.data())
def test_every_command_that_is_not_refused_is_listed(name: str, data: st.DataObject) -> None:
    loaded = load(name)
    game = random_state(loaded, name, data.draw)
    if game.state.done:
        return
    listed = {adm.meaning(game, a.action) for a in adm.admissible(game)}
    for _ in range(60):
        sampled = sample_command(game, data.draw)
        if sampled is None:
            continue
        command = sampled[0]
        for action in quietly_parsed(game, command) or ():
            trial = copied(loaded, game)
            if not applies(trial, adm.copy(action)):
                continue
            found = adm.meaning(game, action)
            assert covered(found, listed, free_number(action)), (command, found)



def needs_first(game: Game, action: Action) -> bool:
    """Whether the checks refuse `action` with an implicit action to do first (a `Needs`:
    "(first taking the lamp)"), the game left as it was."""
    trial = adm.copy(action)
    trial.actor, trial.trial = game.world.player, True
    state = game.state.copy()
    game.dry += 1
    try:
        refused = refusal(game, trial)
    finally:
        game.dry -= 1
        game.set_state(state)
    return refused is not None and isinstance(refused[1], Needs)


@pytest.mark.parametrize("name", sorted(WALKS))
@SETTINGS
@given(data=st.data())
def test_a_command_done_through_an_implicit_action_is_listed(
    name: str, data: st.DataObject
) -> None:
    """A command the checks refuse only until an implicit action is done ("put the
    lamp in the box" while the lamp lies there: "(first taking the lamp)") is listed when
    playing it does it; one whose implicit action fails, or that is still refused, is not."""
    loaded = load(name)
    game = random_state(loaded, name, data.draw)
    if game.state.done:
        return
    admitted = adm.admissible(game)
    listed = {adm.meaning(game, a.action) for a in admitted}
    commands = {a.command for a in admitted}
    for _ in range(100):
        sampled = sample_command(game, data.draw)
        if sampled is None:
            continue
        command = sampled[0]
        actions = quietly_parsed(game, command)
        if not actions or len(actions) != 1 or not needs_first(game, actions[0]):
            continue
        acted = copied(loaded, game).command(command).acted
        found = adm.meaning(game, actions[0])
        if acted:
            assert covered(found, listed, free_number(actions[0])), (command, found)
        else:
            assert command not in commands, command


@pytest.mark.parametrize("name", sorted(WALKS))
def test_every_walkthrough_step_is_listed_when_it_is_played(name: str) -> None:
    loaded = load(name)
    game = Game(loaded, seed=0)
    for line in walkthrough(WALKS[name]):
        listed = {adm.meaning(game, a.action) for a in adm.admissible(game)}
        for action in quietly_parsed(game, line) or ():
            if applies(copied(loaded, game), adm.copy(action)):
                free = free_number(action)
                assert covered(adm.meaning(game, action), listed, free), (line, action)
        game.command(line)
    assert game.state.won


def test_repeated_calls_in_one_state_are_kept() -> None:
    game = Game(load("cloak"), seed=0)
    first = adm.admissible(game)
    assert adm.admissible(game) is first
    game.command("w")
    assert adm.admissible(game) is not first


def free_number(action: Action) -> bool:
    """Whether the action's number is one the generator does not try."""
    if action.data.get("unit"):
        return action.number not in set(adm.DURATION_MINUTES)
    return action.number not in (0, *adm.COUNTS)


def test_meta_commands_are_never_listed() -> None:
    from kage.parser.grammar import META

    listed = adm.admissible_commands(Game(load("banished"), seed=0))
    assert not set(listed) & set(META)
    assert not [c for c in listed if c.split()[0] in ("save", "restore", "load")]


@pytest.mark.parametrize("name", sorted(WALKS))
@SETTINGS
@given(data=st.data())
def test_kept_lists_are_those_worked_out_afresh(name: str, data: st.DataObject) -> None:
    """Along random play (with restarts, as agents reset), the list kept from earlier
    calls (by this game and others of the world) is the list worked out from nothing
    kept in the same state."""
    loaded = load(name)
    game = Game(loaded, seed=0)
    first = game.state.copy()
    for step in range(data.draw(st.integers(5, 25))):
        if data.draw(st.integers(0, 9)) == 0:
            game.set_state(first.copy())  # a reset: back to where it began
        listed = adm.admissible_commands(game)
        if step % 3 == 0 or not listed:
            afresh = [a.command for a in adm.worked_out_afresh(copied(loaded, game))]
            assert listed == afresh, step
        if not listed:
            break
        game.command(data.draw(st.sampled_from(listed)))


def test_an_instead_rule_that_does_something_is_listed_and_one_that_refuses_is_not(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """An instead rule with effects is what the command does (an outcome: "sing" adds to
    patience, reading the message wins Cloak); one with words alone is a refusal."""
    from tests.core.cellar import WORLD
    from tests.helpers import world_from

    game = Game(world_from(tmp_path_factory, "cellar", WORLD), seed=0)
    game.command("east")
    listed = adm.admissible_commands(game)
    assert "sing" in listed and "take pebble" in listed
    assert "take cat" not in listed and "take apple" not in listed
    cloak = Game(load("cloak"), seed=0)
    for command in ("w", "remove cloak", "hang cloak on hook", "e", "s"):
        cloak.command(command)
    assert "examine message" in adm.admissible_commands(cloak)
    assert cloak.command("examine message").acted and cloak.state.won


def test_a_turn_that_changes_nothing_named_parses_nothing_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A command's parse is kept while what it read is unchanged: the turn passing is not
    read by a parse (the game, not the parser, notes that a command begins)."""
    parsed: list[str] = []
    real = adm._parsed

    def counting(game: Game, command: str) -> adm.Key | None:
        parsed.append(command)
        return real(game, command)

    monkeypatch.setattr(adm, "_parsed", counting)
    game = Game(worlds.load("cloak"), seed=0)  # a world of its own: nothing kept yet
    first = adm.admissible_commands(game)
    assert parsed
    parsed.clear()
    game.command("wait")
    assert adm.admissible_commands(game) == first and parsed == []


def test_a_new_game_of_the_world_takes_up_what_earlier_games_worked_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An agent's next episode (or another environment of a vector) checks nothing again
    in a state an earlier game of the same world has been through; another world's game
    works everything out."""
    checked: list[adm.Key] = []
    real = adm._allowed

    def counting(game: Game, action: Action, fixed: adm.Fixed) -> bool:
        checked.append(adm.key(action))
        return real(game, action, fixed)

    monkeypatch.setattr(adm, "_allowed", counting)
    world = worlds.load("cloak")
    earlier = Game(world, seed=0)
    lists = [adm.admissible_commands(earlier)]
    for command in ("w", "hang cloak on hook", "e", "s"):
        earlier.command(command)
        lists.append(adm.admissible_commands(earlier))
    assert checked
    checked.clear()
    later = Game(world, seed=1)
    again = [adm.admissible_commands(later)]
    for command in ("w", "hang cloak on hook", "e", "s"):
        later.command(command)
        again.append(adm.admissible_commands(later))
    assert again == lists and checked == []
    assert adm.admissible_commands(Game(worlds.load("cloak"), seed=0)) == lists[0] and checked


def test_the_worlds_pool_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool every game of a world shares is emptied when it has taken more results than
    its bound, so a long search (or a test process) cannot grow it without end; the lists
    stay those worked out afresh."""
    monkeypatch.setattr(adm, "POOL_SIZE", 50)
    world = worlds.load("cloak")
    world.runtime.pop(adm.POOL_KEY, None)
    game = Game(world, seed=0)
    sizes = []
    for command in ("w", "hang cloak on hook", "e", "s", "n", "w", "e"):
        listed = adm.admissible_commands(game)
        assert listed == adm.admissible_commands(Game(world, seed=0, state=game.state.copy()))
        pool = world.runtime[adm.POOL_KEY]
        sizes.append(sum(len(found) for places in pool.alternatives.values()
                         for found in places.values()))  # fmt: skip
        game.command(command)
    assert max(sizes) <= 50 and pool.added <= 50
    world.runtime.pop(adm.POOL_KEY, None)


def test_an_action_whose_shortest_naming_reads_as_another_is_named_another_way() -> None:
    """"look through door" is looking north through it in Tidebell's lane; looking out
    of the blue door is still listed, by another of its nouns ("doorway")."""
    loaded = load("tidebell")
    game = Game(loaded, seed=0)
    for line in list(walkthrough(WALKS["tidebell"]))[:17]:
        game.command(line)
    looking_out = ("look_out", "blue_door")
    parsed = quietly_parsed(game, "look through door")
    assert parsed is not None and parsed[0].name == "look_toward"
    listed = [adm.key(a.action)[:2] for a in adm.admissible(game)]
    assert looking_out in listed
