"""Moving like a person: ways named by their words, the way out, going back and on,
looking along a way, knocking, and places the player has read of (actions/ways.py,
world/hearing.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from

from kage.session import Session
from kage.world.model import World

# A village: the square (where Vic starts) has a well-house to the east, entered through
# a blue door, a rope ladder up to a loft, the inn to the north (an `out` way back), and
# the village gate to the south. Past the gate the moor lies outside the village's zone,
# and beyond it, out of sight, the tower a shepherd speaks of.
WORLD = """
world: {id: village, title: "Village", intro: "Morning.", player: vic}
places:
  - id: square
    name: "the square"
    nouns: [square]
    adjectives: [village]
    known: true
    zones: [village]
    description: "A cobbled square. A rope ladder hangs from the loft above; the inn is
      north, the well-house east, and the village gate south."
    exits:
      north: {to: inn}
      east: {to: well_house, door: blue_door}
      up: {to: loft, names: [rope ladder, ladder]}
      south: {to: gate, names: [arch]}
  - id: inn
    name: "the Red Lion"
    nouns: [inn, taproom]
    zones: [village]
    description: "A low taproom."
    exits:
      out: {to: square}
      south: {to: square}
      up: {to: attic}
  - id: attic
    name: "the attic"
    nouns: [attic]
    zones: [village]
    description: "Dusty beams."
    exits:
      down: {to: inn}
  - id: well_house
    name: "the well-house"
    nouns: [well-house, house]
    adjectives: [well]
    zones: [village]
    description: "A stone well with a bucket."
    exits:
      west: {to: square, door: blue_door}
  - id: loft
    name: "the loft"
    nouns: [loft]
    zones: [village]
    description: "Hay, and a view of the square."
    exits:
      down: {to: square, names: [ladder]}
  - id: gate
    name: "the village gate"
    nouns: [gate, gates]
    adjectives: [village]
    zones: [village]
    description: "The gate stands open. The square is north; the moor road runs south."
    exits:
      north: {to: square}
      south: {to: moor, names: [moor road]}
  - id: moor
    name: "the open moor"
    nouns: [moor, heath]
    zones: [wilds]
    description: "Heather to the sky. The gate is north; a sheep track runs east."
    exits:
      north: {to: gate}
      east: {to: fold}
  - id: fold
    name: "the sheepfold"
    nouns: [sheepfold, fold]
    zones: [wilds]
    description: "A stone fold. The track goes on east."
    exits:
      west: {to: moor}
      east: {to: tower}
  - id: tower
    name: "the Old Tower"
    nouns: [tower]
    adjectives: [old]
    called: ["the hermit's tower"]
    zones: [wilds]
    description: "A broken tower."
    exits:
      west: {to: fold}
people:
  - {id: vic, name: "Vic", nouns: [vic, me], at: square}
  - id: keeper
    name: "innkeeper"
    proper: false
    nouns: [innkeeper, keeper]
    at: inn
  - id: shepherd
    name: "shepherd"
    proper: false
    nouns: [shepherd]
    at: fold
    topics:
      - {id: hermit, words: [hermit], text: "\\"The hermit's tower? East of here.\\""}
things:
  - {id: blue_door, name: "blue door", nouns: [door], adjectives: [blue], door: true,
     openable: true, open: false, at: square}
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "village", WORLD)


@pytest.fixture
def vic(village: World, tmp_path: Path) -> Session:
    return opened(village, tmp_path / "saves")


def where(session: Session) -> str:
    return session.game.state.holder["vic"]


# -- ways named by their words ----------------------------------------------------------
@pytest.mark.parametrize(
    ("command", "place"),
    [
        ("climb the ladder", "loft"),  # the way's own names
        ("climb up the rope ladder", "loft"),
        ("go up the ladder", "loft"),
        ("go through the blue door", "well_house"),  # its door's words (opened on the way)
        ("enter the well-house", "well_house"),  # the place it leads to
        ("go into the inn", "inn"),
        ("walk through the arch", "gate"),
        ("head toward the gate", "gate"),
        ("go to the inn", "inn"),
    ],
)
def test_a_way_is_named_by_its_words(vic: Session, command: str, place: str) -> None:
    play(vic, command)
    assert where(vic) == place, command


def test_a_direction_said_with_words_of_the_description_is_that_way(vic: Session) -> None:
    """'go up the hay' is nothing, but 'go up the cobbles'? The square's own words with a
    direction: the direction is meant."""
    play(vic, "go up the cobbled square")
    assert where(vic) == "loft"


def test_words_that_name_no_way_are_still_refused(vic: Session) -> None:
    step = vic.step("climb the moor")[0]
    assert where(vic) == "square"
    assert step.failure.startswith("parser.")


def test_a_thing_that_names_no_way_is_still_the_thing(vic: Session) -> None:
    assert play(vic, "go through the door").startswith("(first opening the blue door)")
    assert where(vic) == "well_house"


# -- the way out -------------------------------------------------------------------------
def test_leave_takes_the_way_marked_out(vic: Session) -> None:
    play(vic, "n", "leave")
    assert where(vic) == "square"


def test_leaving_the_place_by_name_is_not_dropping_it(vic: Session) -> None:
    play(vic, "s")
    said = play(vic, "leave the gate")
    assert where(vic) == "moor", said  # out of the village's zone, not "drop the gate"


def test_leave_the_village_walks_toward_its_edge(vic: Session) -> None:
    play(vic, "leave the village")  # from the square: the first step toward the moor
    assert where(vic) == "gate"


def test_out_where_no_way_is_marked_out_is_the_only_way(vic: Session) -> None:
    play(vic, "climb ladder", "out")
    assert where(vic) == "square"
    play(vic, "n", "up", "exit")
    assert where(vic) == "inn"


def test_out_with_many_ways_is_the_way_back(vic: Session) -> None:
    play(vic, "s", "s", "e")  # the fold: two ways, neither out of the wilds
    play(vic, "out")
    assert where(vic) == "moor"


# -- back, and on --------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["go back", "back", "flee", "run away", "retreat"])
def test_going_back_is_the_way_you_came(vic: Session, command: str) -> None:
    play(vic, "s", "s")
    play(vic, command)
    assert where(vic) == "gate"


def test_going_back_with_nowhere_to_go_back_to(vic: Session) -> None:
    step = vic.step("go back")[0]
    assert where(vic) == "square"
    assert "haven't come from anywhere" in step.text


@pytest.mark.parametrize(
    "command", ["keep going south", "continue south", "go further south", "continue"]
)
def test_keeping_on_in_the_same_direction(vic: Session, command: str) -> None:
    play(vic, "s")
    play(vic, command)
    assert where(vic) == "moor"


def test_continuing_before_going_anywhere_asks_which_way(vic: Session) -> None:
    assert "haven't been heading anywhere" in play(vic, "keep going")


# -- looking along a way, knocking -------------------------------------------------------
def test_looking_a_way_names_the_place_and_who_is_there(vic: Session) -> None:
    assert (
        play(vic, "look north") == "To the north, you can see the Red Lion. An innkeeper is there."
    )
    assert play(vic, "look into the inn").startswith("To the north, you can see the Red Lion.")
    assert play(vic, "look east") == "To the east, the way is closed by the blue door."
    assert play(vic, "look west") == "You see nothing special that way."


def test_knocking_on_a_door_hears_whoever_is_behind_it(vic: Session) -> None:
    assert play(vic, "knock on the blue door") == "You knock. Nobody answers."
    assert play(vic, "knock on the inn") == "There is no door here to knock on."


# -- places heard of ---------------------------------------------------------------------
def test_a_place_read_of_becomes_a_place_to_go_to(vic: Session) -> None:
    assert vic.step("go to the old tower")[0].failure == "parser.no_place"
    play(vic, "s", "s", "e", "ask shepherd about hermit")  # "The hermit's tower? ..."
    play(vic, "w", "n")
    play(vic, "go to the hermit's tower")
    assert where(vic) == "tower"


def test_a_place_named_in_a_description_is_known(vic: Session) -> None:
    play(vic, "s", "s")  # the moor's text names the gate (known) and no place unheard
    assert "fold" not in vic.game.state.visited
    play(vic, "look east")  # "To the east, you can see the sheepfold."
    assert vic.game.state.visited.get("fold") == -1  # heard of, not yet seen
    play(vic, "n", "go to the sheepfold")
    assert where(vic) == "fold"


# -- how words and directions combine ----------------------------------------------------
def test_a_direction_said_wins_over_words_that_fit_another_way(vic: Session) -> None:
    play(vic, "s")
    play(vic, "walk south out of the village")  # "village" fits the square, north
    assert where(vic) == "moor"


def test_going_past_the_place_you_are_in_goes_on(vic: Session) -> None:
    play(vic, "s", "go past the gate")
    assert where(vic) == "moor"
    play(vic, "e", "go further in")  # no way is marked in: on, eastward
    assert where(vic) == "tower"


def test_words_after_to_name_a_known_place_walked_to(vic: Session) -> None:
    play(vic, "climb ladder", "walk down the ladder to the well-house")  # read of
    assert where(vic) == "well_house"
    play(vic, "go back to the village gate")  # not next door: the whole way
    assert where(vic) == "gate"


def test_an_adjective_alone_does_not_name_a_way(vic: Session) -> None:
    """The square's gate way leads to "the village gate", but "village" is the place's
    adjective: it names where the player is, not the way south."""
    step = vic.step("go into the village")[0]
    assert where(vic) == "square", step.text


def test_enter_alone_goes_in_and_descend_goes_down(vic: Session) -> None:
    play(vic, "climb ladder", "descend")
    assert where(vic) == "square"
    play(vic, "s", "s", "e", "enter")  # no way in from the fold: on along the heading
    assert where(vic) == "tower"


def test_looking_around_the_place_you_are_in_is_looking(vic: Session) -> None:
    assert play(vic, "look around the square").startswith("The square")
    play(vic, "s", "s")
    assert play(vic, "look around the moor").startswith("The open moor")


def test_directions_may_be_written_with_a_hyphen(vic: Session) -> None:
    assert vic.step("go south-west")[0].text == "You can't go that way."
