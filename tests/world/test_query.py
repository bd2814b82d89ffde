"""Read-only questions about a game: where things are, who carries what, what is in view."""

from __future__ import annotations

import pytest
from tests.helpers import world_from

from kage.game import Game
from kage.world import query


def test_place_of_follows_holders_up_to_a_place(game: Game) -> None:
    assert query.place_of(game, "yard") == "yard"  # a place is in itself
    assert query.place_of(game, "wallet") == "yard"  # wallet -> bag -> hero -> yard
    assert query.place_of(game, "fan") == "shop"
    assert query.here(game) == "yard"
    game.state.holder["hero"] = "field"
    game.contents_changed()
    assert query.place_of(game, "wallet") == "field"
    assert query.here(game) == "field"


def test_place_of_is_none_for_what_is_nowhere_or_held_in_a_loop(game: Game) -> None:
    assert query.place_of(game, "nothing_at_all") is None
    del game.state.holder["apple"]
    assert query.place_of(game, "apple") is None
    game.state.holder["bag"] = "wallet"  # a loop: the bag in the wallet in the bag
    assert query.place_of(game, "wallet") is None
    assert not query.is_carried_by(game, "wallet", "hero")


def test_place_of_follows_up_to_64_holders_and_no_more(game: Game) -> None:
    # Containers may nest deeply; a chain longer than 64 is taken for a loop.
    def chain(length: int) -> str:
        links = [f"link{length}_{i}" for i in range(length)]
        for inner, outer in zip(links, links[1:], strict=False):
            game.state.holder[inner] = outer
        game.state.holder[links[-1]] = "shop"
        return links[0]

    assert query.place_of(game, chain(63)) == "shop"  # 63 links, the place is the 64th
    assert query.place_of(game, chain(64)) is None


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> Game:
    """A hero holding box0, which holds box1, ... box69."""
    holders = ["hero"] + [f"box{i}" for i in range(69)]
    boxes = "\n".join(
        f"  - {{id: box{i}, name: box {i}, container: true, at: {holder}}}"
        for i, holder in enumerate(holders)
    )
    text = f"""
world: {{id: nest, title: Nest, intro: "Boxes.", player: hero}}
places:
  - {{id: room, name: "the room"}}
people:
  - {{id: hero, name: Hero, at: room}}
things:
{boxes}
endings:
  - {{id: never, when: {{flag: never_set}}, won: true, text: "The end."}}
"""
    return Game(world_from(tmp_path_factory, "nest", text))


def test_is_carried_by_follows_up_to_64_holders(nested: Game) -> None:
    # the hero is the 64th holder up from box63 (box62 ... box0, hero): still found;
    # from box64 he is the 65th, and so deep a chain is taken for a loop
    assert query.is_carried_by(nested, "box63", "hero")
    assert not query.is_carried_by(nested, "box64", "hero")
    # place_of looks at 64 entities in all, counting the one it starts from
    assert query.place_of(nested, "box61") == "room"
    assert query.place_of(nested, "box62") is None


def test_here_without_a_place_is_empty(game: Game) -> None:
    del game.state.holder["hero"]
    assert query.here(game) == ""


def test_holder_and_contents(game: Game) -> None:
    assert query.holder(game, "wallet") == "bag"
    assert query.holder(game, "nothing") is None
    assert query.contents(game, "hero") == ["bag", "scroll", "cloak"]
    assert query.contents(game, "yard") == ["hero", "guard", "desk", "chest", "box"]
    assert query.contents(game, "field") == []


def test_carried_includes_every_container_even_sealed_ones(game: Game) -> None:
    assert query.carried(game, "hero") == ["bag", "wallet", "scroll", "kunai", "cloak"]
    assert query.carried(game, "guard") == ["spear"]
    assert query.carried(game, "field") == []


def test_at_hand_leaves_out_what_is_sealed_away(game: Game) -> None:
    assert query.at_hand(game, "hero") == ["bag", "wallet", "scroll", "cloak"]
    game.state.props["scroll"] = {"opaque": False}  # unsealed: its kunai is at hand again
    assert query.at_hand(game, "hero") == ["bag", "wallet", "scroll", "kunai", "cloak"]


def test_is_carried_by(game: Game) -> None:
    assert query.is_carried_by(game, "wallet", "hero")
    assert query.is_carried_by(game, "kunai", "hero")  # sealed, but still carried
    assert query.is_carried_by(game, "bag", "hero")
    assert not query.is_carried_by(game, "spear", "hero")
    assert not query.is_carried_by(game, "apple", "hero")  # in a chest in the same place
    assert not query.is_carried_by(game, "nothing", "hero")


def test_is_carried_by_stops_at_the_place(game: Game) -> None:
    # The yard holds the hero; something the yard holds is not carried by whoever
    # holds the yard: the walk stops at the first place.
    game.state.holder["yard"] = "hero"
    assert not query.is_carried_by(game, "desk", "hero")


def test_prop_prefers_the_changed_value_then_the_defined_one(game: Game) -> None:
    assert query.prop(game, "scroll", "opaque") is True
    assert query.prop(game, "scroll", "colour") is None
    assert query.prop(game, "scroll", "colour", "green") == "green"
    game.state.props["scroll"] = {"colour": "red", "opaque": False}
    assert query.prop(game, "scroll", "colour", "green") == "red"
    assert query.prop(game, "scroll", "opaque") is False
    game.state.props["scroll"]["nothing"] = None
    assert query.prop(game, "scroll", "nothing", "default") is None  # changed to None


def test_worn_is_read_from_the_entity_until_changed(game: Game) -> None:
    assert query.prop(game, "cloak", "worn") is True
    assert query.prop(game, "bag", "worn") is False
    game.state.props["cloak"] = {"worn": False}
    assert query.prop(game, "cloak", "worn") is False


def test_in_zone(game: Game) -> None:
    assert query.in_zone(game, "yard", "village")
    assert query.in_zone(game, "yard", "walls")
    assert query.in_zone(game, "shop", "village")
    assert not query.in_zone(game, "shop", "walls")
    assert not query.in_zone(game, "field", "village")
    assert not query.in_zone(game, "nowhere", "village")


def test_bond_and_mood_default_to_zero(game: Game) -> None:
    assert query.bond(game, "guard", "hero") == 0
    assert query.mood(game, "guard") == 0
    game.state.bonds["guard>hero"] = 40
    game.state.mood["guard"] = -20
    assert query.bond(game, "guard", "hero") == 40
    assert query.bond(game, "hero", "guard") == 0  # bonds have a direction
    assert query.mood(game, "guard") == -20


def test_visible_from_the_yard(game: Game) -> None:
    seen = query.visible(game)
    # the place's contents but not the viewer, what is on the desk and in the open
    # chest; the hero's own things; never what another person carries or a sealed box's
    # (what one carries comes first)
    assert seen == [
        "bag", "wallet", "scroll", "cloak",
        "guard", "desk", "ink", "chest", "apple", "box",
    ]  # fmt: skip
    assert "spear" not in seen and "coin" not in seen and "kunai" not in seen


def test_visible_shows_a_merchants_wares(game: Game) -> None:
    game.state.holder["hero"] = "shop"
    game.contents_changed()
    assert query.visible(game) == ["bag", "wallet", "scroll", "cloak", "trader", "fan"]


def test_visible_for_someone_else(game: Game) -> None:
    assert query.visible(game, "guard") == [
        "spear", "hero", "desk", "ink", "chest", "apple", "box",
    ]  # fmt: skip
