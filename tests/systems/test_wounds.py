"""Fights that vary and hurt: blows told from pools that never repeat back to back,
wounds that add up and heal, a data-defined defeat, fleeing (pursued or let go), the
companion's words in a fight, and `diagnose` saying how hurt you are."""

from __future__ import annotations

import pytest
from tests.helpers import opened, play, played_until, world_from

from kage.content.compile import load_world
from kage.core.responses import choose
from kage.ext.body import stats
from kage.ext.combat import combat, wounds
from kage.ext.combat.fighting import GRAZED, LANDED, MISSED
from kage.world import ops, query

BASE = """
world: {id: scrap, title: "Scrap", intro: "Fists up.", player: hero,
  extensions: [combat, companion], props: {brawling: number}}
combat:
  skill: brawling
  wounds: [hurt, reeling]
DEFEAT
statuses:
  - {id: hurt, name: "hurt", duration: 2h, modifiers: {brawling: -10}, begins: "Ow.",
     ends: "The hurt fades."}
  - {id: reeling, name: "reeling", duration: 3h, begins: "The world swims.",
     ends: "The world steadies."}
  - {id: unconscious, name: "out cold", shown: true}
places:
  - id: road
    name: "the road"
    nouns: [road]
    exits: {north: {to: yard, minutes: 10}}
  - id: yard
    name: "the yard"
    nouns: [yard]
    exits: {south: {to: road, minutes: 10}}
people:
  - id: hero
    name: "Hero"
    nouns: [hero, me]
    proper: true
    gender: him
    at: yard
    props: {brawling: 30}
  - id: crow
    name: "crow"
    nouns: [crow, bird]
    proper: false
    gender: him
    at: yard
  - id: brute
    name: "brute"
    nouns: [brute]
    proper: false
    gender: him
    at: yard
    props: {hostile: true, strength: 500, morale: 100, alert: true}
  - id: chaser
    name: "wiry thug"
    nouns: [thug]
    adjectives: [wiry]
    proper: false
    gender: him
    at: yard
    props: {hostile: true, strength: 500, morale: 100, alert: true, pursues: true}
start:
  - move: {crow: hero}
endings:
  - {id: home, when: {flag: home}, won: true, text: "Home."}
remarks:
  - id: caw
    speaker: crow
    on: combat.wounded
    once: false
    text: ["Caw one.", "Caw two.", "Caw three."]
  - id: fled
    speaker: crow
    on: combat.fled
    once: false
    text: ["Run, run!", "Away, away!"]
"""
DEFEAT = """  defeat:
    text: "You wake up in the road, sore all over."
    effects: [{move: {hero: road}}, {pass_time: {span: 2h}}]"""


@pytest.fixture(scope="module")
def beatable(tmp_path_factory):  # type: ignore[no-untyped-def]
    return world_from(tmp_path_factory, "scrap", BASE.replace("DEFEAT", DEFEAT))


@pytest.fixture(scope="module")
def unbeatable(tmp_path_factory):  # type: ignore[no-untyped-def]
    return world_from(tmp_path_factory, "scrap", BASE.replace("DEFEAT", ""))


def lines_of(game, pool, who: str) -> list[str]:  # type: ignore[no-untyped-def]
    from kage.core.responses import fill

    return [fill(game, line.default, **combat.foe_slots(game, who)) for line in pool.lines]


def which(text: str, lines: list[str]) -> int:
    found = [i for i, line in enumerate(lines) if line in text]
    assert len(found) == 1, text
    return found[0]


# -- blows ---------------------------------------------------------------------------------
def test_a_pool_never_says_the_same_line_twice_running_and_uses_them_all(
    unbeatable, tmp_path
) -> None:
    game = opened(unbeatable, tmp_path).game
    picks = [choose(game, "test.pool", 4) for _ in range(200)]
    assert all(a != b for a, b in zip(picks, picks[1:], strict=False))
    assert set(picks) == {0, 1, 2, 3}


def test_the_same_seed_tells_the_same_fight(unbeatable, tmp_path) -> None:
    texts = []
    for run in range(2):
        session = opened(unbeatable, tmp_path / str(run), seed=7)
        texts.append(play(session, *["attack brute"] * 6))
    assert texts[0] == texts[1]


def test_a_hopeless_fight_is_not_the_same_blow_ten_times(unbeatable, tmp_path) -> None:
    session = opened(unbeatable, tmp_path)
    game = session.game
    missed = lines_of(game, MISSED, "brute")
    told = [which(play(session, "attack brute"), missed) for _ in range(10)]
    assert all(a != b for a, b in zip(told, told[1:], strict=False)), told
    assert len(set(told)) >= 3


def test_a_blow_that_falls_just_short_wounds_the_foe_and_weakens_his_guard(
    unbeatable, tmp_path
) -> None:
    session = opened(unbeatable, tmp_path)
    game = session.game
    guard = combat._guard(game, "brute")
    outcome = wounds.wound(game, "brute")
    assert outcome == "hurt" and wounds.wounds(game, "brute") == 1
    assert combat._guard(game, "brute") == guard - wounds.FOE_PENALTY
    assert wounds.wound(game, "brute") == "hurt"
    assert wounds.wound(game, "brute") == "down"  # past the last step
    # a graze is told as a graze, and leaves him standing
    stats.set_stat(game, "brute", "strength", 0)
    ops.set_prop(game, "brute", "wounds", 0)
    stats.set_stat(game, "hero", "brawling", 0)
    stats.set_stat(game, "brute", "morale", 50)
    # skill 0 + draw 0..40 against guard 0 + 20: some blows land, some graze
    grazed = lines_of(game, GRAZED, "brute")
    landed = lines_of(game, LANDED, "brute")
    for _ in range(30):
        text = play(session, "attack brute")
        if any(line in text for line in grazed):
            assert not stats.has_status(game, "brute", "unconscious")
            assert wounds.wounds(game, "brute") >= 1
            return
        if any(line in text for line in landed):
            return
    pytest.fail("no blow landed or grazed in 30 tries")


# -- wounds --------------------------------------------------------------------------------
def test_wounds_add_up_and_a_hurt_player_fights_worse(unbeatable, tmp_path) -> None:
    game = opened(unbeatable, tmp_path).game
    fresh = combat._skill(game)
    wounds.wound(game, "hero")
    assert stats.has_status(game, "hero", "hurt")
    hurt = combat._skill(game)
    assert hurt == fresh - 10  # the step's own modifier
    wounds.wound(game, "hero")
    assert stats.has_status(game, "hero", "reeling")
    assert not stats.has_status(game, "hero", "hurt")
    assert combat._skill(game) == fresh - 2 * wounds.PENALTY  # a step with no modifier


def test_wounds_heal_a_step_at_a_time(unbeatable, tmp_path) -> None:
    session = opened(unbeatable, tmp_path)
    game = session.game
    wounds.wound(game, "hero")
    wounds.wound(game, "hero")
    ops.move(game, "brute", "road")  # nobody to fight while he rests
    ops.move(game, "chaser", "road")
    ops.move(game, "hero", "yard")
    text = play(session, "wait 3 hours")
    assert "The world steadies." in text
    assert wounds.wounds(game, "hero") == 1 and stats.has_status(game, "hero", "hurt")
    assert "The hurt fades." in play(session, "wait 2 hours")
    assert wounds.wounds(game, "hero") == 0 and not stats.statuses(game, "hero")


def test_diagnose_says_how_hurt_you_are(beatable, tmp_path) -> None:
    session = opened(beatable, tmp_path)
    game = session.game
    assert "hurt" not in play(session, "diagnose")
    wounds.wound(game, "hero")
    text = play(session, "diagnose")
    assert "You are hurt." in text and "mend in about 2 hours" in text
    wounds.wound(game, "hero")
    text = play(session, "status")
    assert "reeling" in text and "will not get up again" in text


# -- defeat --------------------------------------------------------------------------------
def test_a_beaten_player_meets_the_worlds_defeat(beatable, tmp_path) -> None:
    session = opened(beatable, tmp_path)
    game = session.game
    stats.set_stat(game, "hero", "brawling", 0)
    start = game.state.minutes
    text = ""
    for _ in range(3):
        text = play(session, "attack brute")
    assert "You wake up in the road, sore all over." in text
    assert "The world swims." not in text.split("You wake up")[0].split("\n")[-1]
    assert query.here(game) == "road"
    assert game.state.minutes - start >= 120
    assert game.state.flags.get("defeated") and not game.state.done
    assert wounds.wounds(game, "hero") == 2  # the worst step, healing from there
    assert not query.prop(game, "brute", "sighted")
    assert [e for e in game.log if e.kind == "combat.defeated"]


def test_without_a_defeat_the_worst_wound_is_as_bad_as_it_gets(unbeatable, tmp_path) -> None:
    session = opened(unbeatable, tmp_path)
    game = session.game
    stats.set_stat(game, "hero", "brawling", 0)
    play(session, *["attack brute"] * 5)
    assert wounds.wounds(game, "hero") == 2
    assert query.here(game) == "yard" and not game.state.flags.get("defeated")


# -- fleeing -------------------------------------------------------------------------------
def test_fleeing_pursuers_follow_and_the_rest_let_you_go(beatable, tmp_path) -> None:
    session = opened(beatable, tmp_path)
    game = session.game
    ops.move(game, "hero", "road")
    play(session, "n")  # he came from the road: that is the way he runs
    for foe in ("brute", "chaser"):
        ops.set_prop(game, foe, "sighted", True)
    text = play(session, "flee")
    assert query.here(game) == "road"
    assert query.place_of(game, "chaser") == "road" and query.prop(game, "chaser", "sighted")
    assert query.place_of(game, "brute") == "yard" and not query.prop(game, "brute", "sighted")
    # told after the road is described, and the companion has his say
    assert text.index("The brute lets you go.") > text.index("The road")
    # said once, though "flee" runs a "go" of its own, each a turn of the companion's
    assert text.count("Run, run!") + text.count("Away, away!") == 1, text
    fled = [e for e in game.log if e.kind == "combat.fled"][-1]
    assert fled.data["pursued"] == ["chaser"]
    # the pursuer comes for him next turn
    start = len(game.log)
    play(session, "wait")
    assert [e for e in game.log[start:] if e.kind in ("combat.missed", "combat.grazed")]


def test_the_companion_speaks_up_in_a_fight_in_words_that_vary(beatable, tmp_path) -> None:
    session = opened(beatable, tmp_path)
    game = session.game
    stats.set_stat(game, "hero", "brawling", 0)
    first = play(session, "attack brute")
    second = play(session, "attack brute")
    caws = ("Caw one.", "Caw two.", "Caw three.")
    said = [next(c for c in caws if c in text) for text in (first, second)]
    assert said[0] != said[1]


# -- Banished ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def banished():  # type: ignore[no-untyped-def]
    from pathlib import Path

    import kage

    return load_world(Path(kage.__file__).parent / "campaigns" / "banished")


def test_banished_a_beating_in_the_mine_is_a_setback_not_a_dead_end(banished, tmp_path) -> None:
    session = played_until(banished, "whisper to miners", tmp_path)
    game = session.game
    play(session, "release jutsu")
    for guard in ("chamber_guard_1", "chamber_guard_2", "chamber_guard_3"):
        ops.set_prop(game, guard, "perception", 500)
    stats.set_stat(game, "naruto", "taijutsu", 0)
    text = ""
    for _ in range(12):
        text += play(session, "wait")
        if game.state.flags.get("defeated"):
            break
    assert game.state.flags.get("defeated") and not game.state.done
    assert query.here(game) == "mine_road"
    assert "Kurama" in text or '"' in text.split("mine road")[-1]
    # he can walk back up and try again
    play(session, "n")
    assert query.here(game) == "mine_entrance"


def test_kage_check_names_a_wound_that_is_no_status_and_a_defeat_key_it_does_not_know(
    tmp_path_factory,
) -> None:
    from kage.content.errors import ContentError

    bad = BASE.replace("wounds: [hurt, reeling]", "wounds: [hurt, reelin]").replace(
        "DEFEAT", '  defeat: {txt: "oops"}'
    )
    with pytest.raises(ContentError) as caught:
        world_from(tmp_path_factory, "scrap", bad)
    told = str(caught.value)
    assert "reelin" in told and "reeling" in told  # the near miss is suggested
    assert "txt" in told


def test_a_defeat_that_leaves_him_there_is_not_a_beating_every_turn(tmp_path_factory) -> None:
    stay = BASE.replace("DEFEAT", '  defeat: {text: "You fold up in the dirt."}')
    session = opened(world_from(tmp_path_factory, "scrap", stay), tmp_path_factory.mktemp("s"))
    game = session.game
    stats.set_stat(game, "hero", "brawling", 0)
    play(session, *["attack brute"] * 3)
    assert game.state.flags.get("defeated") and query.here(game) == "yard"
    start = len(game.log)
    play(session, "wait", "wait", "wait")
    assert not [e for e in game.log[start:] if e.kind in ("combat.missed", "combat.defeated")]
