"""Combat and morale: knockouts by surprise and by skill, misses, killing, falling morale,
surrounded hostiles surrendering (to freed men and to shadow clones), the alert and
gather effects, and the data conditions."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.content.compile import load_world
from kage.ext.body import stats
from kage.ext.combat import combat
from kage.ext.ninja import jutsu
from kage.session import Session
from kage.world import effects, ops, query
from kage.world.conditions import holds
from kage.world.model import World

WORLD = """
world: {id: brawl, title: "Brawl", intro: "Knuckles ready.", player: ninja,
  extensions: [combat, captivity, ninja], props: {brawling: number}}
places:
  - id: road
    name: "the road"
    nouns: [road]
    exits: {north: {to: yard, minutes: 10}}
  - id: yard
    name: "the yard"
    nouns: [yard]
    exits: {south: {to: road, minutes: 10}, north: {to: hall, minutes: 5}}
  - id: hall
    name: "the hall"
    nouns: [hall]
    exits: {south: {to: yard, minutes: 5}}
people:
  - id: ninja
    name: "Ninja"
    nouns: [ninja, me]
    proper: true
    gender: him
    at: yard
    props: {brawling: 30, chakra: 100, chakra_max: 100}
  - id: lazy
    name: "lazy thug"
    nouns: [thug]
    adjectives: [lazy]
    proper: false
    gender: him
    at: yard
    props: {hostile: true, strength: 15, morale: 40, slacking: true}
  - id: brute
    name: "brute"
    nouns: [brute, thug]
    proper: false
    gender: him
    at: yard
    props: {hostile: true, strength: 30, morale: 50}
  - id: farmer
    name: "farmer"
    nouns: [farmer]
    proper: false
    gender: him
    at: yard
  - id: warden
    name: "warden"
    nouns: [warden, guard]
    proper: false
    gender: him
    at: hall
    props: {hostile: true, strength: 30}
  - id: jailer
    name: "jailer"
    nouns: [jailer, guard]
    proper: false
    gender: him
    at: hall
    props: {hostile: true, strength: 30}
  - id: workers
    name: "workers"
    nouns: [workers, men]
    plural: true
    proper: false
    gender: them
    at: road
    props: {fights_back: true, count: 3}
things:
  - id: stone
    name: "stone"
    nouns: [stone]
    at: yard
combat: {skill: brawling}
statuses:
  - {id: injured, name: "injured", duration: 4h, modifiers: {brawling: -10}}
  - {id: unconscious, name: "out cold"}
jutsu:
  - id: shadow_clones
    name: "shadow clone jutsu"
    words: [shadow clone, clone]
    kind: clones
    cost: 1
    max: 10
interactions:
  - verb: call_out
    text: "You wave your arms and shout that you are lost."
    effects:
      - alert: hall
verbs:
  knock_out: ["attack {person}", "hit {person}", "punch {person}", "knock out {person}",
    "knock {person} out"]
  kill: ["kill {person}"]
  fight: ["fight", "fight them all"]
  call_out: ["say i'm lost", "call out"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def brawl(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "brawl", WORLD)


@pytest.fixture
def session(brawl: World, tmp_path: Path) -> Session:
    return opened(brawl, tmp_path / "saves")


def events(session: Session, kind: str) -> list[dict]:
    return [e.data for e in session.game.log if e.kind == kind]


def has(session: Session, who: str, status: str) -> bool:
    return stats.has_status(session.game, who, status)


# -- knocking out ------------------------------------------------------------------------
def test_a_slacking_thug_is_taken_by_surprise(session: Session) -> None:
    assert "lazy thug" in play(session, "knock out lazy thug")
    assert has(session, "lazy", "unconscious")
    assert events(session, "combat.knocked_out") == [{"who": "lazy", "surprise": True}]


def test_all_the_phrasings_are_knock_out(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "brawling", 500)
    for line, who in (("hit lazy thug", "lazy"), ("knock the brute out", "brute")):
        play(session, line)
        assert has(session, who, "unconscious"), line


def test_an_alert_fighter_is_beaten_by_skill(session: Session) -> None:
    stats.set_stat(session.game, "ninja", "brawling", 500)
    assert "brute" in play(session, "punch brute")
    assert has(session, "brute", "unconscious")
    assert events(session, "combat.knocked_out")[-1]["surprise"] is False


def test_a_miss_injures_the_player_and_leaves_the_target_standing(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "brawling", 0)
    text = play(session, "attack brute")
    assert "twists aside" in text
    assert has(session, "ninja", "injured")
    assert not has(session, "brute", "unconscious")
    assert query.prop(game, "lazy", "alert") and not query.prop(game, "lazy", "slacking")
    play(session, "wait 5 hours")
    assert not has(session, "ninja", "injured")


def test_the_odds_follow_skill_strength_and_morale(session: Session) -> None:
    game = session.game
    base = combat.chance_of(game, "brute")
    stats.set_stat(game, "brute", "morale", 10)
    assert combat.chance_of(game, "brute") > base
    stats.set_stat(game, "ninja", "brawling", 5)
    assert combat.chance_of(game, "brute") < base
    stats.set_stat(game, "brute", "strength", 500)
    assert combat.chance_of(game, "brute") == 0


def test_refusals(session: Session) -> None:
    assert "done nothing to you" in play(session, "hit farmer")
    assert "not going to fight back" in play(session, "hit stone")
    play(session, "knock out lazy thug")
    assert "already out cold" in play(session, "hit lazy thug")
    play(session, "s")
    assert "nobody here who wants a fight" in play(session, "fight")


def test_being_knocked_out_wears_off(session: Session) -> None:
    play(session, "knock out lazy thug", "wait 5 hours")
    assert has(session, "lazy", "unconscious")
    play(session, "wait 2 hours")
    assert not has(session, "lazy", "unconscious")
    assert "unconscious" not in (query.prop(session.game, "lazy", "status") or {})


def test_a_surrendered_hostile_always_goes_down(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "brawling", 0)
    stats.add_status(game, "brute", "surrendered")
    assert "slumps over" in play(session, "hit brute")
    assert has(session, "brute", "unconscious")
    assert not has(session, "ninja", "injured")


def test_attacking_reveals_an_invisible_player(session: Session) -> None:
    stats.add_status(session.game, "ninja", "invisible")
    play(session, "attack brute")
    assert events(session, "combat.knocked_out")[-1]["surprise"] is True  # sized up unseen
    assert not has(session, "ninja", "invisible")


# -- killing ------------------------------------------------------------------------------
def test_killing_is_possible_and_remembered(session: Session) -> None:
    game = session.game
    assert holds(game, {"killed_someone": False})
    text = play(session, "kill lazy thug")
    assert "does not move again" in text
    assert has(session, "lazy", "dead")
    assert game.state.flags["killed.lazy"] and game.state.flags["killed_someone"]
    assert events(session, "combat.killed") == [{"who": "lazy"}]
    assert holds(game, {"killed_someone": True})
    assert stats.stat(game, "brute", "morale") == 50 - combat.KILL_COST
    assert "no fight left in the dead" in play(session, "hit lazy thug")


# -- morale -------------------------------------------------------------------------------
def test_morale_drops_when_a_comrade_falls(session: Session) -> None:
    game = session.game
    play(session, "knock out lazy thug")
    assert stats.stat(game, "brute", "morale") == 50 - combat.FALL_COST
    assert query.prop(game, "brute", "alert")
    assert not has(session, "brute", "surrendered")


def test_a_spent_fighter_gives_up(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "brute", "morale", combat.BREAKS + 5)
    text = play(session, "knock out lazy thug")
    assert "has had enough" in text
    assert has(session, "brute", "surrendered")
    assert holds(game, {"hostiles_down": "yard"})


def test_fight_takes_them_on_in_turn(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "brawling", 500)
    play(session, "fight")
    # the first is taken unawares; the second saw him fall
    assert [e["surprise"] for e in events(session, "combat.knocked_out")] == [True, False]
    assert has(session, "lazy", "unconscious") and has(session, "brute", "unconscious")
    assert holds(game, {"hostiles_down": "yard"})
    assert not holds(game, {"hostiles_down": "hall"})


def test_fight_stops_at_the_first_blow_taken(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "brawling", 0)
    ops.set_prop(game, "lazy", "slacking", False)
    stats.add_status(game, "ninja", "invisible")  # the first is a sure thing
    play(session, "fight")
    down = [who for who in ("lazy", "brute") if has(session, who, "unconscious")]
    assert len(down) == 1
    assert has(session, "ninja", "injured")


def test_surrounded_hostiles_surrender_to_freed_men(session: Session) -> None:
    game = session.game
    effects.apply(game, [{"gather": {"who": "workers", "to": "hall"}}])
    play(session, "n")
    assert combat.allies(game, "hall") == 3
    assert not has(session, "warden", "surrendered")  # 3 is not twice 2
    effects.apply(game, [{"prop": {"workers": {"count": 4}}}])
    text = play(session, "wait")
    assert "raise their hands" in text
    assert has(session, "warden", "surrendered") and has(session, "jailer", "surrendered")
    assert game.state.flags["surrounded"] and game.state.flags["surrounded.hall"]
    assert events(session, "combat.surrendered")[-1]["who"] == ["warden", "jailer"]
    assert holds(game, {"hostiles_down": "hall"})
    play(session, "hit warden", "hit jailer")
    assert has(session, "warden", "unconscious") and has(session, "jailer", "unconscious")


def test_morale_is_checked_again_when_only_who_is_there_has_changed(session: Session) -> None:
    """The every-turn check passes over a place where nothing changed; men walking in
    change no prop, only the place's contents, and must still be seen."""
    game = session.game
    effects.apply(game, [{"prop": {"workers": {"count": 4}}}])
    check = combat._after_each_turn
    check(game, None, 0)  # type: ignore[arg-type]
    assert not has(session, "warden", "surrendered")
    check(game, None, 0)  # type: ignore[arg-type]  # nothing changed: passed over
    ops.move(game, "workers", "hall")  # they walk in: nothing but where they are changes
    check(game, None, 0)  # type: ignore[arg-type]
    assert has(session, "warden", "surrendered") and has(session, "jailer", "surrendered")


def test_men_still_in_chains_or_out_cold_do_not_count(session: Session) -> None:
    game = session.game
    effects.apply(game, [{"gather": {"who": "workers", "to": "hall"}}])
    effects.apply(game, [{"prop": {"workers": {"count": 10, "chained": True}}}])
    assert combat.allies(game, "hall") == 0
    effects.apply(game, [{"prop": {"workers": {"chained": False}}}])
    stats.add_status(game, "workers", "waiting")
    assert combat.allies(game, "hall") == 0
    stats.remove_status(game, "workers", "waiting")
    assert combat.allies(game, "hall") == 10


def test_surrounded_by_shadow_clones(session: Session) -> None:
    game = session.game
    if not hasattr(jutsu, "allies_at") or not hasattr(jutsu, "cast"):
        pytest.skip("shadow clones are not in the engine yet")
    play(session, "n")
    jutsu.cast(game, "ninja", "shadow_clones", 3)
    assert combat.allies(game, "hall") == 3
    play(session, "wait")
    assert not has(session, "warden", "surrendered")
    jutsu.cast(game, "ninja", "shadow_clones", 1)
    text = play(session, "wait")
    assert "no way out" in text and "raise their hands" in text
    assert has(session, "warden", "surrendered") and has(session, "jailer", "surrendered")


def test_surrender_is_checked_away_from_the_player_too(session: Session) -> None:
    game = session.game
    effects.apply(game, [{"gather": {"who": "workers", "to": "hall"}}])
    effects.apply(game, [{"prop": {"workers": {"count": 4}}}])
    text = play(session, "wait")
    assert "raise their hands" not in text  # not witnessed from the yard
    assert has(session, "warden", "surrendered")


# -- effects -------------------------------------------------------------------------------
def test_the_alert_effect_brings_the_guards_to_the_player(session: Session) -> None:
    game = session.game
    text = play(session, "say i'm lost")
    assert "lost" in text
    for guard in ("warden", "jailer"):
        assert query.place_of(game, guard) == "yard"
        assert query.prop(game, guard, "alert")
    assert events(session, "combat.alerted")[0]["place"] == "hall"


def test_the_alert_effect_leaves_the_fallen_behind(session: Session) -> None:
    game = session.game
    play(session, "n")
    stats.add_status(game, "jailer", "unconscious", 60)
    play(session, "s", "call out")
    assert query.place_of(game, "warden") == "yard"
    assert query.place_of(game, "jailer") == "hall"


def test_gather_moves_people_here_or_to_a_place(session: Session) -> None:
    game = session.game
    effects.apply(game, [{"gather": {"who": ["warden", "jailer"]}}])
    assert query.place_of(game, "warden") == query.place_of(game, "jailer") == "yard"
    effects.apply(game, [{"gather": {"who": "warden", "to": "road"}}])
    assert query.place_of(game, "warden") == "road"


def test_the_loader_checks_what_the_effects_and_conditions_name(tmp_path: Path) -> None:
    from kage.content.errors import ContentError

    bad = WORLD.replace("alert: hall", "alert: hal").replace(
        "      - alert: hal\n",
        "      - alert: hal\n      - gather: {who: wardn, to: hall}\n"
        "    when: {hostiles_down: yrd}\n",
    )
    (tmp_path / "w.yaml").write_text(bad)
    with pytest.raises(ContentError) as error:
        load_world(tmp_path)
    for problem in ("'hal' is not a known place", "'wardn' is not a known person", "'yrd'"):
        assert problem in str(error.value)


def test_same_seed_same_fight(brawl: World, tmp_path: Path) -> None:
    texts = []
    for run in range(2):
        s = Session(brawl, seed=7, saves=tmp_path / f"s{run}")
        s.opening()
        texts.append(play(s, "attack brute", "attack brute", "fight", "wait 7 hours", "fight"))
    assert texts[0] == texts[1]


# -- what the world sets: the skill a blow reads, the words of surrender ----------------------
def test_a_blow_reads_the_skill_the_world_names(session: Session) -> None:
    game = session.game
    stats.set_stat(game, "ninja", "fighting", 500)  # not this world's skill: counts for nothing
    stats.set_stat(game, "ninja", "brawling", 0)
    assert combat.chance_of(game, "brute") == 0.0
    stats.set_stat(game, "ninja", "brawling", 500)
    assert combat.chance_of(game, "brute") == 1.0


def test_without_a_setting_the_skill_is_fighting(tmp_path: Path) -> None:
    plain = world_from_text(tmp_path, WORLD.replace("combat: {skill: brawling}\n", ""))
    game = opened(plain, tmp_path / "saves").game
    stats.set_stat(game, "ninja", "brawling", 500)
    stats.set_stat(game, "ninja", "fighting", 0)
    assert combat.chance_of(game, "brute") == 0.0
    stats.set_stat(game, "ninja", "fighting", 500)
    assert combat.chance_of(game, "brute") == 1.0


def test_a_misnamed_setting_is_an_error_with_its_line(tmp_path: Path) -> None:
    from kage.content.errors import ContentError

    bad = WORLD.replace("combat: {skill: brawling}", "combat: {skil: brawling}")
    (tmp_path / "w.yaml").write_text(bad)
    with pytest.raises(ContentError) as error:
        load_world(tmp_path)
    assert "combat has no setting 'skil'. Did you mean 'skill'?" in str(error.value)
    line = bad[: bad.index("combat: {skil")].count("\n") + 1
    assert f"w.yaml:{line}: combat has no setting" in str(error.value)


def test_a_world_words_the_surrender_its_own_way(tmp_path: Path) -> None:
    own = WORLD + (
        "responses:\n"
        '  combat.surrounded_one: "{The foe} drops {his} club. {He} begs; {he} means it."\n'
        '  combat.surrounded: "Clubs hit the straw."\n'
    )
    session = opened(world_from_text(tmp_path, own), tmp_path / "saves")
    game = session.game
    effects.apply(game, [{"gather": {"who": "workers", "to": "hall"}}])
    effects.apply(game, [{"prop": {"workers": {"count": 4}}}])
    assert "Clubs hit the straw." in play(session, "n")
    session = opened(world_from_text(tmp_path / "one", own), tmp_path / "saves1")
    game = session.game
    effects.apply(game, [{"move": {"jailer": "road"}}])
    effects.apply(game, [{"gather": {"who": "workers", "to": "hall"}}])
    assert "The warden drops his club. He begs; he means it." in play(session, "n")


def world_from_text(folder: Path, text: str) -> World:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "w.yaml").write_text(text)
    return load_world(folder)


def test_an_attack_ends_a_hiding_the_world_gave_through_the_ninja_revealer(
    tmp_path: Path,
) -> None:
    """Combat ends concealment through the revealers the world's extensions offer: with
    ninja, invisibility the story gave (not a cast jutsu) ends with the art's own line."""
    veiled = WORLD.replace(
        "jutsu:\n",
        "jutsu:\n  - {id: veil, name: veil, words: [veil], kind: invisibility, cost: 1,\n"
        '     broken: "The veil tears as you strike."}\n',
    )
    session = opened(world_from_text(tmp_path, veiled), tmp_path / "saves")
    stats.add_status(session.game, "ninja", "invisible")
    assert "The veil tears as you strike." in play(session, "attack brute")
    assert not has(session, "ninja", "invisible")


# -- the guards of a place ----------------------------------------------------------------
def test_guards_down_follows_the_guards_wherever_they_are_drawn(session: Session) -> None:
    """The hall's guards, drawn off into the yard, still guard the hall; once each is out
    of the fight by any means (surrendered, tied up, out cold, dead) the hall is clear.
    `hostiles_down` asks who stands where, and is already true once they have gone."""
    game = session.game
    play(session, "call out")
    assert holds(game, {"hostiles_down": "hall"})
    assert not holds(game, {"guards_down": "hall"})
    stats.add_status(game, "warden", "surrendered")
    assert not holds(game, {"guards_down": "hall"})
    for down in ("bound", "unconscious", "dead", "fled"):
        stats.add_status(game, "jailer", down)
        assert holds(game, {"guards_down": "hall"}), down
        stats.remove_status(game, "jailer", down)
    ops.set_prop(game, "jailer", "hostile", False)  # won over: not willing to stop anyone
    assert holds(game, {"guards_down": ["hall", "road"]})


def test_guards_down_counts_a_post_and_any_hostile_standing_there(session: Session) -> None:
    game = session.game
    for guard in ("warden", "jailer"):
        stats.add_status(game, guard, "bound")
    assert holds(game, {"guards_down": "hall"})
    ops.set_prop(game, "lazy", "post", "hall")  # posted to the hall, idling in the yard
    assert not holds(game, {"guards_down": "hall"})
    assert not holds(game, {"guards_down": "yard"})  # the brute still stands in the yard
    ops.set_prop(game, "lazy", "post", "road")
    ops.move(game, "brute", "hall")  # not the hall's, but standing in it
    assert not holds(game, {"guards_down": "hall"})
