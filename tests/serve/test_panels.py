"""The page's panels (kage.serve.panels): the map shows only the places the player knows,
laid out by the compass; the status bar's fields; the inventory as INVENTORY lists it;
the words Tab may complete."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from tests.helpers import play

from kage import worlds
from kage.content.compile import load_world
from kage.serve import panels
from kage.session import Session
from kage.world.model import World

SVG = "{http://www.w3.org/2000/svg}"

LANE = """
world: {id: lane, title: "Lane", intro: "A quiet lane.", player: pat}
places:
  - id: lane
    name: "the lane"
    nouns: [lane]
    description: "A lane between hedges."
    exits:
      north: inn
      east: mill
      up: loft
      down: cellar
  - id: inn
    name: "the Fox & <Hound> inn"
    nouns: [inn]
    description: "Low beams."
    exits: {south: lane}
  - id: mill
    name: "the mill"
    nouns: [mill]
    description: "A mill wheel turns."
    exits: {west: lane, east: weir}
  - id: weir
    name: "the weir"
    nouns: [weir]
    exits: {west: mill}
  - id: loft
    name: "the loft"
    nouns: [loft]
    description: "Hay."
    exits: {down: lane}
  - id: cellar
    name: "the cellar"
    nouns: [cellar]
    dark: true
    description: "Damp."
    exits: {up: lane}
people:
  - {id: pat, name: "Pat", nouns: [me], gender: her, at: lane}
things:
  - {id: bag, name: "canvas bag", nouns: [bag], adjectives: [canvas], container: true,
     at: lane}
  - {id: pebble, name: "pebble", nouns: [pebble], at: bag}
  - {id: tin, name: "tin", nouns: [tin], container: true, open: false, openable: true,
     at: lane}
  - {id: button, name: "button", nouns: [button], at: tin}
  - {id: cloak, name: "grey cloak", nouns: [cloak], adjectives: [grey], wearable: true,
     at: lane}
  - {id: sign, name: "signpost", nouns: [signpost, sign], portable: false, at: lane}
interactions:
  - verb: look_under
    target: sign
    text: "Someone has scratched one word under the sign: WEIR."
    effects: [{reveal: weir}]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def lane_world(tmp_path_factory: pytest.TempPathFactory) -> World:
    folder = tmp_path_factory.mktemp("lane")
    (folder / "lane.yaml").write_text(LANE)
    return load_world(folder)


@pytest.fixture
def lane(lane_world: World, tmp_path: Path) -> Session:
    session = Session(lane_world, seed=0, saves=tmp_path / "saves")
    session.opening()
    return session


@pytest.fixture(scope="module")
def banished() -> World:
    return worlds.load("banished")


def walkthrough_lines() -> list[str]:
    path = Path(worlds.__file__).parent / "campaigns" / "banished" / "walkthrough.txt"
    return [line for line in path.read_text().splitlines() if line.strip()]


def drawn(session: Session) -> ET.Element:
    """The map's SVG, parsed (so it must be well-formed XML)."""
    return ET.fromstring(panels.map_svg(session.game))


def places_on(svg: ET.Element) -> dict[str, str]:
    """place id -> the text drawn in its box."""
    return {
        g.get("data-place", ""): " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        for g in svg.iter(f"{SVG}g")
    }


def test_the_map_shows_only_places_the_player_has_stood_in(lane: Session) -> None:
    assert set(places_on(drawn(lane))) == {"lane"}
    play(lane, "north", "south", "east")
    assert set(places_on(drawn(lane))) == {"lane", "inn", "mill"}
    text = panels.map_svg(lane.game)
    assert "weir" not in text and "loft" not in text  # not even their names


def test_a_place_heard_of_is_drawn_only_where_a_seen_way_leads_to_it(lane: Session) -> None:
    play(lane, "look under sign")
    assert lane.game.state.visited.get("weir") == -1  # heard of, not seen
    assert set(places_on(drawn(lane))) == {"lane"}  # no seen way leads there yet
    play(lane, "east")
    svg = drawn(lane)
    assert set(places_on(svg)) == {"lane", "mill", "weir"}
    boxes = {
        g.get("data-place"): next(g.iter(f"{SVG}rect")).get("class") for g in svg.iter(f"{SVG}g")
    }
    assert boxes["weir"] == "place heard" and boxes["mill"] == "place"
    assert panels.layout(lane.game).spots["weir"].seen is False


def test_ways_to_unknown_places_are_stubs_pointing_their_way(lane: Session) -> None:
    svg = drawn(lane)
    stubs = {line.get("data-way") for line in svg.iter(f"{SVG}line") if line.get("class") == "stub"}
    assert stubs == {"north", "east", "up", "down"}
    lines = [line for line in svg.iter(f"{SVG}line") if line.get("class") == "stub"]
    north = next(line for line in lines if line.get("data-way") == "north")
    assert float(north.get("y2", 0)) < float(north.get("y1", 0))  # it points up the page


def test_places_are_laid_out_by_the_compass(lane: Session) -> None:
    play(lane, "north", "south", "east", "east", "west", "west", "up")
    spots = panels.layout(lane.game).spots
    lane_spot, inn, mill, weir = (spots[p] for p in ("lane", "inn", "mill", "weir"))
    assert (inn.x, inn.y) == (lane_spot.x, lane_spot.y - 1)
    assert (mill.x, mill.y) == (lane_spot.x + 1, lane_spot.y)
    assert (weir.x, weir.y) == (mill.x + 1, mill.y)
    cells = [(s.x, s.y) for s in spots.values()]
    assert len(cells) == len(set(cells)), "two places drawn in one cell"
    assert min(x for x, _ in cells) == 0 and min(y for _, y in cells) == 0


def test_a_way_up_lies_as_the_compass_way_back_says(banished: World, tmp_path: Path) -> None:
    """The office is 'down' from the street's 'north': it is drawn north of the street."""
    session = Session(banished, seed=0, saves=tmp_path)
    session.opening()
    play(session, "down")
    spots = panels.layout(session.game).spots
    office, street = spots["hokage_office"], spots["main_street"]
    assert (office.x, office.y) == (street.x, street.y - 1)


def test_names_are_escaped_and_the_current_place_is_marked(lane: Session) -> None:
    play(lane, "north")
    svg = drawn(lane)  # parses: & and < in the inn's name did not break the XML
    assert places_on(svg)["inn"] == "The Fox & <Hound> inn"
    here = [g.get("data-place") for g in svg.iter(f"{SVG}g") if g.get("aria-current")]
    assert here == ["inn"]


def test_parts_the_player_cannot_walk_between_do_not_overlap(
    banished: World, tmp_path: Path
) -> None:
    """Banished's road out of the Leaf ends in a scene, not a way: the forest beyond is
    a part of the map of its own, drawn beside the first."""
    lines = walkthrough_lines()
    session = Session(banished, seed=0, saves=tmp_path)
    session.opening()
    play(session, *lines[: lines.index("sort loot")])
    found = panels.layout(session.game)
    assert {"forest_clearing", "hokage_office"} <= set(found.spots)
    cells = [(s.x, s.y) for s in found.spots.values()]
    assert len(cells) == len(set(cells))
    leaf = {s.x for p, s in found.spots.items() if p in ("hokage_office", "main_street")}
    forest = {s.x for p, s in found.spots.items() if p in ("forest_clearing", "deer_track")}
    assert max(leaf) + 1 < min(forest), "no empty column between the two parts"


def test_no_way_is_drawn_over_another_place(banished: World, tmp_path: Path) -> None:
    """Where the compass puts a place on a cell already taken (Oashisu's mine road lies
    north of the gate, where the forest's edge already is), it goes to the nearest cell
    whose line crosses no other box, and the whole story's map has no line over a box."""
    session = Session(banished, seed=0, saves=tmp_path)
    session.opening()
    play(session, *walkthrough_lines())
    found = panels.layout(session.game)
    assert {"mine_road", "forest_edge", "oashisu_gate"} <= set(found.spots)
    taken = {(s.x, s.y) for s in found.spots.values()}
    crossing = [
        (way.start, way.end)
        for way in found.ways
        if way.end is not None
        and panels._crosses(
            (found.spots[way.start].x, found.spots[way.start].y),
            (found.spots[way.end].x, found.spots[way.end].y),
            taken,
        )
    ]
    assert not crossing


def test_status_fields_carry_the_world_status_and_the_deadline_while_it_runs(
    banished: World, tmp_path: Path
) -> None:
    session = Session(banished, seed=0, saves=tmp_path)
    session.opening()
    fields = panels.status_fields(session.game)
    assert fields["place"] == "Hokage's office"
    assert fields["when"].startswith("Day 1")
    assert fields["score"] == "0/265"
    assert any("to leave the Leaf" in text for text in fields["world"])
    assert any(text.endswith("ryo") for text in fields["world"])
    assert fields["done"] is False and fields["turn"] == 0
    session.game.state.milestones["left_in_time"] = 1  # the banishment is served
    assert not any("to leave" in t for t in panels.status_fields(session.game)["world"])


def test_inventory_lists_what_is_carried_worn_and_inside(lane: Session) -> None:
    assert panels.inventory(lane.game) == {"dark": False, "items": [], "loose": ""}
    play(lane, "take bag", "take tin", "take cloak", "wear cloak")
    inv = panels.inventory(lane.game)
    by_id = {item["id"]: item for item in inv["items"]}
    assert set(by_id) == {"bag", "tin", "cloak"}
    assert by_id["cloak"]["worn"] and not by_id["bag"]["worn"]
    assert [i["id"] for i in by_id["bag"]["inside"]] == ["pebble"]
    assert by_id["tin"]["inside"] == []  # closed: what is in it does not show
    assert by_id["bag"]["name"] == "a canvas bag"
    play(lane, "down")
    assert panels.inventory(lane.game) == {"dark": True, "items": [], "loose": ""}


def test_completion_offers_only_words_read_that_the_game_knows(lane: Session) -> None:
    words = panels.completions(lane.game, ["A pebble lies in the canvas bag, flumpish."])
    assert {"pebble", "canvas", "bag"} <= set(words["words"])
    assert "flumpish" not in words["words"]  # read, but no word of the game's
    assert "cloak" not in words["words"]  # the game knows it, but it was not read
    assert "north" in words["words"]
    assert {"take", "look"} <= set(words["verbs"])


def test_a_world_without_a_living_world_has_no_plots(lane: Session) -> None:
    assert panels.plot_links(lane.game, "/api/games/x") == []
    assert panels.plot(lane.game, "opinion", "png") is None


def test_plots_are_drawn_for_the_players_day(banished: World, tmp_path: Path) -> None:
    """Opinion from the first day; the news front once news is out; each drawn for the
    day the player stands in, as an image of its own for each day."""
    session = Session(banished, seed=0, saves=tmp_path)
    session.opening()
    links = panels.plot_links(session.game, "/api/games/g")
    assert [link["name"] for link in links] == ["opinion"]
    assert links[0]["png"] == "/api/games/g/plots/opinion.png?day=0"
    first = panels.plot(session.game, "opinion", "png")
    assert first is not None and first.startswith(b"\x89PNG")
    assert panels.plot(session.game, "news", "png") is None  # no news yet
    play(session, "give headband to tsunade", "down", "go to gate", "wait 30 hours")
    links = panels.plot_links(session.game, "/api/games/g")
    assert [link["name"] for link in links] == ["opinion", "news"]
    assert all(link["day"] == "1" for link in links)
    later = panels.plot(session.game, "opinion", "png")
    assert later is not None and later != first
    news = panels.plot(session.game, "news", "svg")
    assert news is not None and news.lstrip().startswith(b"<?xml")
    assert panels.plot(session.game, "opinion", "gif") is None
