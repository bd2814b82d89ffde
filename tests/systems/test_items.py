"""Items: condition and durability words, examining, sorting loot, storage scrolls, wallets;
and things and money conserved over random sealing, unsealing, taking and dropping."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import fresh, play, world_from

from kage.ext.items import items
from kage.session import Session
from kage.world import query
from kage.world.model import World

WORLD = """
world: {id: camp, title: "Camp", intro: "The bandits' camp, after.", player: ninja,
  extensions: [items, trade, ninja]}
places:
  - id: camp
    name: "the camp"
    nouns: [camp]
    exits: {south: road}
  - id: road
    name: "the road"
    nouns: [road]
    exits: {north: camp}
people:
  - id: ninja
    name: "Ninja"
    nouns: [ninja, me]
    gender: him
    at: camp
  - id: bandit
    name: "bandit"
    proper: false
    nouns: [bandit]
    gender: him
    at: camp
    money: 40
things:
  - id: loot_scroll
    name: "loot scroll"
    nouns: [scroll, loot]
    adjectives: [loot]
    at: ninja
    container: true
    props: {storage: true, opaque: true}
    description: "A fat storage scroll."
  - id: reserve_scroll
    name: "reserve scroll"
    nouns: [scroll]
    adjectives: [reserve]
    at: ninja
    container: true
    props: {storage: true, opaque: true}
  - id: katana
    name: "katana"
    nouns: [katana]
    at: loot_scroll
    props: {value: 2500, condition: 40, durability: 45, category: weapon}
  - id: kunai
    name: "bundle of kunai"
    nouns: [kunai, bundle]
    at: loot_scroll
    props: {value: 800, condition: 50, durability: 55, category: weapon}
  - id: knuckles
    name: "steel knuckles"
    nouns: [knuckles]
    plural: true
    at: loot_scroll
    props: {value: 1200, condition: 75, durability: 85, category: weapon}
  - id: tanto
    name: "tanto"
    nouns: [tanto]
    at: loot_scroll
    props: {value: 2000, condition: 80, durability: 30, category: weapon}
  - id: sword
    name: "dragon sword"
    nouns: [sword]
    adjectives: [dragon]
    at: ninja
    description: "A long straight blade."
    props:
      value: 6000
      condition: 95
      durability: 95
      category: weapon
      lore: "A golden dragon coils round the guard; whose emblem it is, nobody knows."
  - id: banner
    name: "banner"
    nouns: [banner]
    at: ninja
    description: "A ragged banner. Tozoku's mark is stitched on it."
    props: {condition: 10, durability: 10, lore: "Tozoku's mark is stitched on it."}
  - id: bag
    name: "bag"
    nouns: [bag]
    at: ninja
    container: true
  - id: plate
    name: "chest plate"
    nouns: [plate]
    adjectives: [chest]
    at: bag
    props: {value: 3000, condition: 35, durability: 60, category: armour}
  - id: pouch
    name: "frog pouch"
    nouns: [pouch]
    adjectives: [frog]
    at: bag
    money: 50
    props: {wallet: true}
  - id: rope
    name: "rope"
    nouns: [rope]
    at: ninja
  - id: chest
    name: "strongbox"
    nouns: [strongbox, box]
    at: camp
    portable: false
    container: true
  - id: helmet
    name: "helmet"
    nouns: [helmet]
    at: chest
    props: {value: 400, condition: 100, durability: 20, category: armour}
verbs:
  sort: ["sort", "sort {thing}", "sort {thing} by {topic}", "sort by {topic}", "sort {topic}"]
  unseal: ["unseal {thing}", "unseal"]
  seal: ["seal {things}", "seal {things} in|into {thing}"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def camp(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "camp", WORLD)


@pytest.fixture(scope="module")
def base(camp: World, tmp_path_factory: pytest.TempPathFactory) -> Session:
    session = Session(camp, seed=0, saves=tmp_path_factory.mktemp("saves"))
    session.opening()
    return session


@pytest.fixture
def session(base: Session) -> Session:
    return fresh(base)


def holder(session: Session, thing: str) -> str:
    return session.game.state.holder[thing]


# -- words -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("condition", "word"),
    [(100, "pristine"), (90, "pristine"), (89, "good"), (70, "good"), (69, "worn"),
     (45, "worn"), (44, "battered"), (20, "battered"), (19, "broken"), (0, "broken")],
)  # fmt: skip
def test_condition_words(session: Session, condition: int, word: str) -> None:
    session.game.state.props["katana"] = {"condition": condition}
    assert items.condition_word(session.game, "katana") == word


@pytest.mark.parametrize(
    ("durability", "words"),
    [(95, "a lifetime"), (70, "for years"), (45, "hold up"), (44, "won't last long"),
     (19, "fall apart")],
)  # fmt: skip
def test_durability_words(session: Session, durability: int, words: str) -> None:
    session.game.state.props["katana"] = {"durability": durability}
    assert words in items.durability_word(session.game, "katana")


@pytest.mark.parametrize(
    ("thing", "sentence"),
    [
        ("kunai", "It is worn, but it will hold up."),
        ("katana", "It is battered, but it will hold up."),
        ("tanto", "It is in good condition, but it won't last long."),
        ("knuckles", "They are in good condition, and they will last for years."),
        ("sword", "It is pristine, and it will last a lifetime."),
        ("banner", "It is broken, and it will soon fall apart."),
    ],
)  # fmt: skip
def test_examining_tells_condition_and_durability(
    session: Session, thing: str, sentence: str
) -> None:
    play(session, "unseal loot scroll")
    assert sentence in play(session, f"examine {thing}")


def test_lore_is_told_unless_the_description_tells_it(session: Session) -> None:
    text = play(session, "examine dragon sword")
    assert "A long straight blade." in text and "golden dragon" in text
    assert play(session, "examine banner").count("Tozoku's mark") == 1


def test_things_that_do_not_wear_say_nothing_of_it(session: Session) -> None:
    text = play(session, "examine rope")
    assert "condition" not in text and "will" not in text


# -- sorting ---------------------------------------------------------------------------
def test_sorting_the_loot_best_first_takes_minutes_per_item(session: Session) -> None:
    start = session.game.state.minutes
    text = play(session, "sort loot")
    lines = [line.strip().split(":")[0] for line in text.splitlines()[1:]]
    assert lines == ["tanto", "steel knuckles", "bundle of kunai", "katana"]
    assert "worn, will hold up" in text
    assert session.game.state.minutes - start == 4 * items.MINUTES_PER_ITEM
    assert session.game.state.flags["sorted.loot_scroll"]
    assert session.game.state.flags["sorted.loot"]


@pytest.mark.parametrize(
    ("line", "first", "last"),
    [
        ("sort loot scroll by durability", "steel knuckles", "tanto"),
        ("sort loot by value", "katana", "bundle of kunai"),
        ("sort loot by condition", "tanto", "katana"),
    ],
)
def test_sorting_by_a_quality(session: Session, line: str, first: str, last: str) -> None:
    text = play(session, line)
    names = [row.strip().split(":")[0] for row in text.splitlines()[1:]]
    assert names[0] == first and names[-1] == last


def test_sorting_everything_carried(session: Session) -> None:
    text = play(session, "sort items by condition")
    names = [row.strip().split(":")[0] for row in text.splitlines()[1:]]
    assert names[0] == "dragon sword" and names[-1] == "banner"
    assert "chest plate" in names and "tanto" in names and "helmet" not in names


def test_sorting_a_container_here(session: Session) -> None:
    assert "helmet: pristine" in play(session, "sort strongbox")
    assert "can sort your things" in play(session, "sort rope")
    assert "nothing whose condition" in play(session, "sort reserve scroll")


# -- storage scrolls -------------------------------------------------------------------
def test_sealed_things_are_out_of_sight(session: Session) -> None:
    assert "can't see" in play(session, "examine katana")
    assert "katana" not in play(session, "inventory")
    assert "Unseal it first" in play(session, "take all from loot scroll")
    assert holder(session, "katana") == "loot_scroll"


def test_examining_a_scroll_reads_what_is_sealed(session: Session) -> None:
    text = play(session, "examine loot scroll")
    assert "A fat storage scroll." in text
    assert "a katana, a bundle of kunai, some steel knuckles and a tanto" in text
    assert "In the loot scroll" not in text  # the scroll's own list, once
    assert "Nothing is sealed in it." in play(session, "examine reserve scroll")


def test_unsealing_puts_each_thing_in_your_hands(session: Session) -> None:
    game = session.game
    first = len(game.log)
    text = play(session, "unseal loot scroll")
    assert "puff of smoke" in text
    moved = [e.data["entity"] for e in game.log[first:] if e.kind == "moved"]
    assert moved == ["katana", "kunai", "knuckles", "tanto"]
    assert all(holder(session, t) == "ninja" for t in moved)
    assert "Nothing is sealed" in play(session, "unseal loot scroll")


def test_unsealing_on_its_own_picks_the_only_full_scroll(session: Session) -> None:
    play(session, "unseal")
    assert holder(session, "tanto") == "ninja"
    assert "nothing sealed away" in play(session, "unseal")


def test_unsealing_needs_the_scroll_in_hand(session: Session) -> None:
    play(session, "drop loot scroll")
    assert "need to be holding" in play(session, "unseal loot scroll")
    assert "not something you can open or unseal" in play(session, "unseal rope")


def test_sealing_into_a_named_scroll(session: Session) -> None:
    text = play(session, "seal rope in reserve scroll")
    assert "You seal the rope into the reserve scroll." in text
    assert holder(session, "rope") == "reserve_scroll"
    assert "can't see" in play(session, "examine rope")


def test_putting_into_a_scroll_is_sealing(session: Session) -> None:
    assert "You seal the rope" in play(session, "put rope in reserve scroll")
    assert holder(session, "rope") == "reserve_scroll"


def test_sealing_into_the_only_scroll(session: Session) -> None:
    assert "which scroll" in play(session, "seal rope")
    play(session, "drop loot scroll")
    play(session, "seal rope")
    assert holder(session, "rope") == "reserve_scroll"


def test_what_cannot_be_sealed(session: Session) -> None:
    assert "can't hold a storage scroll" in play(session, "seal loot scroll in reserve scroll")
    play(session, "put loot scroll in bag")
    assert "can't hold a storage scroll" in play(session, "seal bag in reserve scroll")
    play(session, "take loot scroll", "put reserve scroll in bag")
    assert "can't hold a storage scroll" in play(session, "seal bag in reserve scroll")
    assert "aren't holding" in play(session, "seal box in loot scroll")
    assert holder(session, "bag") == "ninja" and holder(session, "reserve_scroll") == "bag"
    assert holder(session, "chest") == "camp"


# -- wallets ---------------------------------------------------------------------------
def test_money_received_goes_into_a_carried_wallet(session: Session) -> None:
    game = session.game
    assert items.receive(game, "ninja", 30, "bandit")
    assert game.state.money["pouch"] == 80 and game.state.money["bandit"] == 10
    assert not items.receive(game, "ninja", 30, "bandit")  # he has only 10 left
    assert game.state.money["pouch"] == 80 and game.state.money["bandit"] == 10


def test_without_a_wallet_money_goes_into_your_hands(session: Session) -> None:
    game = session.game
    play(session, "drop bag")
    assert items.receive(game, "ninja", 40, "bandit")
    assert game.state.money["ninja"] == 40 and game.state.money["pouch"] == 50


# -- conservation ----------------------------------------------------------------------
MOVES = [
    "unseal loot scroll",
    "unseal reserve scroll",
    "unseal",
    "seal katana",
    "seal tanto in reserve scroll",
    "seal bag in loot scroll",
    "seal pouch in reserve scroll",
    "put rope in loot scroll",
    "put loot scroll in bag",
    "put reserve scroll in bag",
    "take all",
    "take all from bag",
    "take all from loot scroll",
    "take loot scroll",
    "drop all",
    "drop katana",
    "drop loot scroll",
    "take katana",
    "take bag",
    "sort loot",
    "s",
    "n",
]


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(MOVES), max_size=16))
def test_sealing_and_carrying_conserve_things_and_money(base: Session, commands: list[str]) -> None:
    session = fresh(base)
    game = session.game
    total = sum(game.state.money.values())
    things = {e.id for e in game.world.entities.values() if e.kind != "place"}
    for command in commands:
        session.step(command)
        state = game.state
        assert sum(state.money.values()) == total
        assert all(v >= 0 for v in state.money.values())
        assert set(state.holder) == things
        assert all(h in game.world.entities for h in state.holder.values())
        assert all(query.place_of(game, t) for t in things)
        scrolls = [t for t in things if items.is_storage(game, t)]
        assert not any(query.is_carried_by(game, s, o) for s in scrolls for o in scrolls)
