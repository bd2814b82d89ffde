"""Economy: worth, appraisal, accepting and refusing, haggling, buying; money and things
conserved over random trading. A small market world; one check against Banished's shop."""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.helpers import fresh, play, played_until, world_from

from kage.content.compile import load_world
from kage.ext.trade import economy
from kage.session import Session
from kage.world import ops, query, rng
from kage.world.model import World

# The loot scroll appraises to exactly 3000 at the forge (pays 0.5):
#   helmet  4000 x (0.25 + 0.75 x 1.00) x (0.5 + 0.5 x 1.00) = 4000
#   sword   2400 x (0.25 + 0.75 x 0.60) x (0.5 + 0.5 x 0.50) = 1260
#   spear    800 x (0.25 + 0.75 x 1.00) x (0.5 + 0.5 x 0.85) =  740
#   6000 x 0.5 = 3000 (the lantern is not his line and stays in the scroll)
WORLD = """
world: {id: market, title: "Market", intro: "A market town.", player: hero,
  currency: ryo, currency_plural: ryo, extensions: [trade, ninja]}
places:
  - id: forge
    name: "the forge"
    nouns: [forge]
    exits: {west: street}
  - id: street
    name: "the street"
    nouns: [street]
    exits: {east: forge, north: square}
  - id: square
    name: "the square"
    nouns: [square]
    exits: {south: street}
people:
  - id: hero
    name: "Hero"
    nouns: [hero, me]
    gender: him
    at: forge
  - id: smith
    name: "smith"
    proper: false
    nouns: [smith, keeper]
    gender: him
    at: forge
    money: 5000
    props: {merchant: forge}
    topics:
      - id: prices
        words: [prices, wares, price]
        text: "{{trade.wares:forge}}"
      - id: last_sale
        words: [sale, paid]
        text: "He paid you {{trade.paid:forge}} ryo."
  - id: pedlar
    name: "pedlar"
    proper: false
    nouns: [pedlar]
    gender: her
    at: square
    money: 200
    props: {merchant: stall}
things:
  - id: basket
    name: "basket"
    nouns: [basket]
    at: forge
    container: true
  - id: loot_scroll
    name: "loot scroll"
    nouns: [scroll]
    adjectives: [loot]
    at: hero
    container: true
    props: {storage: true, opaque: true}
    description: "A fat storage scroll."
  - id: spare_scroll
    name: "spare scroll"
    nouns: [scroll]
    adjectives: [spare]
    at: hero
    container: true
    props: {storage: true, opaque: true}
  - id: helmet
    name: "helmet"
    nouns: [helmet]
    at: loot_scroll
    props: {value: 4000, condition: 100, durability: 100, category: armour}
  - id: sword
    name: "notched sword"
    nouns: [sword]
    adjectives: [notched]
    at: loot_scroll
    props: {value: 2400, condition: 60, durability: 50, category: weapon}
  - id: spear
    name: "spear"
    nouns: [spear]
    at: loot_scroll
    props: {value: 800, condition: 100, durability: 85, category: weapon}
  - id: lantern
    name: "lantern"
    nouns: [lantern]
    at: loot_scroll
    props: {value: 100, condition: 60, durability: 50, category: tool}
  - id: purse
    name: "purse"
    nouns: [purse, wallet]
    at: hero
    money: 100
    props: {wallet: true}
  - id: cloak
    name: "cloak"
    nouns: [cloak]
    at: hero
    wearable: true
    worn: true
    props: {value: 300, condition: 90, durability: 90, category: armour}
  - id: axe
    name: "fine axe"
    nouns: [axe]
    adjectives: [fine]
    at: smith
    props: {value: 1000, condition: 90, durability: 90, category: weapon}
  - id: nails
    name: "bag of nails"
    nouns: [nails]
    at: smith
    props: {value: 1, category: tool}
  - id: hammer
    name: "hammer"
    nouns: [hammer]
    at: smith
    props: {value: 500, condition: 50, durability: 90, category: tool}
shops:
  - id: forge
    keeper: smith
    place: forge
    buys: [weapon, armour]
    pays: 0.5
    markup: 1.3
    appraisal: 1h
    haggle_room: 0.1
    patience: 2
    rounding: 50
    stock: [axe, nails]
  - id: stall
    keeper: pedlar
    place: square
    pays: 0.5
    appraisal: 30m
    patience: 0
    rounding: 10
triggers:
  - id: first_sale
    when: {sold: forge}
    effects:
      - set: {celebrated: true}
verbs:
  sell: ["sell {things}", "sell {things} to {person}", "sell all", "sell everything"]
  accept: ["accept", "accept offer", "accept the offer", "deal", "yes"]
  decline: ["decline", "refuse", "refuse offer", "decline offer", "no"]
  haggle: ["haggle", "haggle for {number}", "haggle for {number} ryo", "ask for {number} ryo",
    "ask for {number}", "ask {number}", "ask {number} ryo"]
  buy: ["buy {thing}", "buy {thing} from {person}"]
  wares: ["wares", "list", "list wares"]
  sort: ["sort", "sort {thing}", "sort {thing} by {topic}", "sort by {topic}", "sort {topic}"]
  unseal: ["unseal {thing}", "unseal"]
  seal: ["seal {things}", "seal {things} in|into {thing}"]
endings:
  - {id: never, when: {flag: never_set}, won: true, text: "The end."}
"""


@pytest.fixture(scope="module")
def market(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "market", WORLD)


@pytest.fixture(scope="module")
def base(market: World, tmp_path_factory: pytest.TempPathFactory) -> Session:
    session = Session(market, seed=0, saves=tmp_path_factory.mktemp("saves"))
    session.opening()
    return session


@pytest.fixture
def session(base: Session) -> Session:
    return fresh(base)


def money(session: Session, holder: str) -> int:
    return session.game.state.money.get(holder, 0)


def offer(session: Session, shop: str = "forge") -> dict | None:
    return session.game.state.records.get(f"offer:{shop}") or None


def events(session: Session, kind: str) -> list[dict]:
    return [e.data for e in session.game.log if e.kind == kind]


# -- worth -----------------------------------------------------------------------------
def test_worth_is_value_times_condition_and_durability(session: Session) -> None:
    game = session.game
    assert economy.worth(game, "helmet") == pytest.approx(4000)
    assert economy.worth(game, "sword") == pytest.approx(1260)
    assert economy.worth(game, "spear") == pytest.approx(740)


def test_worn_things_fetch_clearly_less(session: Session) -> None:
    game = session.game
    game.state.props["spear"] = {"condition": 50, "durability": 50}
    worn = economy.worth(game, "spear") / 800
    assert worn < 0.5
    game.state.props["spear"] = {"condition": 10, "durability": 0}
    assert 0 < economy.worth(game, "spear") / 800 < 0.2


def test_factors_are_monotonic_and_bounded() -> None:
    conds = [economy.condition_factor(c) for c in range(0, 101, 5)]
    duras = [economy.durability_factor(d) for d in range(0, 101, 5)]
    assert conds == sorted(conds) and duras == sorted(duras)
    assert conds[0] == 0.25 and conds[-1] == 1.0 and duras[0] == 0.5 and duras[-1] == 1.0


# -- appraisal -------------------------------------------------------------------------
def test_the_scroll_appraises_to_three_thousand_and_takes_an_hour(session: Session) -> None:
    start = session.game.state.minutes
    text = play(session, "sell loot scroll")
    assert "3,000 ryo" in text and "worn" in text.lower() and "notched sword" in text
    assert "lantern back" in text  # not his line
    assert session.game.state.minutes - start == 60
    pending = offer(session)
    assert pending is not None
    assert pending["amount"] == 3000 and set(pending["goods"]) == {"helmet", "sword", "spear"}
    assert session.game.state.holder["helmet"] == "loot_scroll"  # nothing moves yet


def test_clean_goods_get_no_talk_of_wear(session: Session) -> None:
    play(session, "unseal loot scroll")
    text = play(session, "sell helmet")
    assert "2,000 ryo" in text and "worn" not in text.lower()


@pytest.mark.parametrize(
    "line", ["sell helmet to smith", "offer helmet to smith", "show helmet to smith"]
)
def test_ways_to_ask_for_an_appraisal(session: Session, line: str) -> None:
    play(session, "unseal loot scroll")
    assert "2,000 ryo" in play(session, line)
    assert offer(session)["goods"] == ["helmet"]


def test_sell_all_takes_what_he_buys_in_the_open(session: Session) -> None:
    play(session, "unseal loot scroll")
    text = play(session, "sell all")
    assert "3,000 ryo" in text
    assert set(offer(session)["goods"]) == {"helmet", "sword", "spear"}  # not cloak, lantern


def test_adding_to_the_lot_prices_the_lot(session: Session) -> None:
    play(session, "unseal loot scroll", "sell helmet")
    start = session.game.state.minutes
    text = play(session, "sell sword")
    assert "2,630 ryo" not in text and "2,650 ryo" in text  # (4000 + 1260) x 0.5, to 50
    assert session.game.state.minutes - start == 15


def test_what_he_does_not_buy(session: Session) -> None:
    play(session, "unseal loot scroll")
    assert "Not the kind of thing" in play(session, "sell lantern")
    assert "take it off" in play(session, "sell cloak")
    assert "Nothing is sealed" in play(session, "sell loot scroll")
    assert "empty it first" in play(session, "sell purse")
    assert offer(session) is None


def test_the_keeper_must_be_present(session: Session) -> None:
    assert "nobody here to trade" in play(session, "w", "sell loot scroll")
    assert "Nobody has offered you anything" in play(session, "accept")
    assert "The smith is not here." in play(session, "sell loot scroll to smith")
    assert offer(session) is None
    session.game.state.holder["smith"] = "street"  # he steps out of his shop: trade follows him
    session.game.contents_changed()
    assert "3,000 ryo" in play(session, "sell loot scroll")


# -- accepting and refusing ------------------------------------------------------------
@pytest.mark.parametrize("line", ["accept", "accept offer", "deal", "yes"])
def test_accepting_pays_into_the_wallet(session: Session, line: str) -> None:
    play(session, "sell loot scroll")
    total = sum(session.game.state.money.values())
    text = play(session, line)
    state = session.game.state
    assert "3,000 ryo" in text and "purse" in text
    assert money(session, "purse") == 3100 and money(session, "smith") == 2000
    assert sum(state.money.values()) == total
    assert all(state.holder[g] == "smith" for g in ("helmet", "sword", "spear"))
    assert state.holder["lantern"] == "loot_scroll" and state.holder["loot_scroll"] == "hero"
    assert state.flags["sold.forge"] and state.flags["celebrated"]  # {sold: forge}
    assert events(session, "trade.sold")[-1]["amount"] == 3000
    assert offer(session) is None
    assert "3,000" in play(session, "ask smith about sale")  # {{trade.paid:forge}}


def test_without_a_wallet_the_money_goes_into_your_hands(session: Session) -> None:
    play(session, "drop purse", "sell loot scroll", "accept")
    assert money(session, "hero") == 3000 and money(session, "purse") == 100


@pytest.mark.parametrize("line", ["refuse", "decline", "no", "refuse offer"])
def test_refusing_keeps_everything(session: Session, line: str) -> None:
    play(session, "sell loot scroll")
    text = play(session, line)
    state = session.game.state
    assert "shrugs" in text
    assert state.holder["helmet"] == "loot_scroll" and money(session, "purse") == 100
    assert offer(session) is None
    assert "SELL something first" in play(session, "accept")


def test_goods_you_no_longer_have_cannot_be_sold(session: Session) -> None:
    play(session, "unseal loot scroll", "sell helmet", "drop helmet")
    assert "no longer have the helmet" in play(session, "accept")
    assert session.game.state.holder["helmet"] == "forge" and money(session, "purse") == 100


def test_a_poor_keeper_offers_what_he_has(session: Session) -> None:
    play(session, "unseal loot scroll", "w", "n")
    text = play(session, "sell helmet")
    assert "200 ryo" in text and "every ryo" in text
    play(session, "accept")
    assert money(session, "pedlar") == 0 and money(session, "purse") == 300
    assert "single ryo" in play(session, "sell spear")


# -- haggling --------------------------------------------------------------------------
@pytest.mark.parametrize("line", ["ask for 3300 ryo", "haggle for 3250", "ask 3100"])
def test_an_ask_within_reason_is_agreed(session: Session, line: str) -> None:
    play(session, "sell loot scroll")
    asked = int(line.split()[-2 if line.endswith("ryo") else -1])
    assert f"Fine. {asked:,}" in play(session, line)
    play(session, "accept")
    assert money(session, "purse") == 100 + asked


def test_a_bit_high_gets_a_counter_offer(session: Session) -> None:
    play(session, "sell loot scroll")
    assert "3,300, and not a ryo more" in play(session, "ask for 3500 ryo")
    assert offer(session)["amount"] == 3300


def test_greed_is_refused_and_costs_patience(session: Session) -> None:
    play(session, "sell loot scroll")
    assert "insult" in play(session, "ask for 9000 ryo")
    assert offer(session)["amount"] == 3000 and offer(session)["patience"] == 0
    assert "Sell it somewhere else" in play(session, "ask for 3100 ryo")
    assert offer(session) is None
    assert session.game.state.holder["helmet"] == "loot_scroll"


def test_plain_haggling_raises_within_his_room_until_patience_runs_out(
    session: Session,
) -> None:
    play(session, "sell loot scroll")
    texts, amounts = [], []
    for _ in range(2):
        texts.append(play(session, "haggle"))
        amounts.append(offer(session)["amount"])
    assert 3000 < amounts[0] <= amounts[1] <= 3300
    assert all(a % 50 == 0 for a in amounts)
    assert "last word" in texts[1] and "last word" not in texts[0]
    assert "somewhere else" in play(session, "haggle")  # one too many
    assert offer(session) is None and events(session, "trade.withdrawn")


def test_walking_out_of_a_haggle_is_remembered(session: Session) -> None:
    play(session, "sell loot scroll", "ask 9000", "ask 9000")
    assert offer(session) is None
    play(session, "sell loot scroll")
    assert offer(session)["patience"] == 0
    assert "somewhere else" in play(session, "haggle")


def test_haggling_needs_an_offer(session: Session) -> None:
    assert "SELL something first" in play(session, "haggle")


@pytest.mark.parametrize("seed", range(6))
def test_haggle_raises_depend_on_the_seed_but_stay_in_the_room(
    market: World, tmp_path: Path, seed: int
) -> None:
    session = Session(market, seed=seed, saves=tmp_path)
    session.opening()
    play(session, "sell loot scroll", "haggle")
    assert 3050 <= offer(session)["amount"] <= 3300


# -- buying ----------------------------------------------------------------------------
def test_wares_and_prices(session: Session) -> None:
    text = play(session, "wares")
    assert "fine axe (pristine): 1,200 ryo" in text and "hammer" not in text
    assert "fine axe" in play(session, "ask smith about prices")


def test_buying_costs_value_condition_and_markup(session: Session) -> None:
    play(session, "sell loot scroll", "accept")
    text = play(session, "buy axe")
    assert "You pay 1,200 ryo" in text
    assert session.game.state.holder["axe"] == "hero"
    assert money(session, "purse") == 3100 - 1200 and money(session, "smith") == 3200


def test_what_he_bought_is_for_sale_dearer(session: Session) -> None:
    play(session, "sell loot scroll", "accept")
    assert "helmet (pristine): 5,200 ryo" in play(session, "wares")
    assert "isn't selling" in play(session, "buy hammer")


def test_you_cannot_buy_what_you_cannot_afford(session: Session) -> None:
    assert "don't have that much" in play(session, "buy axe")
    assert session.game.state.holder["axe"] == "smith" and money(session, "purse") == 100


def test_buying_needs_the_keeper(session: Session) -> None:
    play(session, "sell loot scroll", "accept")
    session.game.state.holder["smith"] = "square"
    session.game.contents_changed()
    text = play(session, "buy axe")
    assert "can't see" in text or "nobody here" in text
    assert session.game.state.holder["axe"] == "smith"


# -- the section -----------------------------------------------------------------------
def test_the_section_checks_its_references(tmp_path: Path) -> None:
    broken = WORLD.replace("keeper: smith", "keeper: smitty").replace("{sold: forge}", "{sold: x}")
    (tmp_path / "w.yaml").write_text(broken)
    with pytest.raises(Exception) as info:
        load_world(tmp_path)
    message = str(info.value)
    assert "smitty" in message and "'x'" in message


# -- conservation ----------------------------------------------------------------------
TRADES = [
    "sell loot scroll",
    "sell all",
    "sell helmet",
    "sell sword to smith",
    "offer spear to smith",
    "accept",
    "refuse",
    "haggle",
    "ask for 3300 ryo",
    "ask for 9000 ryo",
    "buy axe",
    "buy helmet",
    "seal helmet",
    "seal sword in loot scroll",
    "seal lantern in spare scroll",
    "seal purse in spare scroll",
    "unseal loot scroll",
    "unseal spare scroll",
    "take all",
    "take helmet",
    "drop helmet",
    "drop purse",
    "take purse",
    "drop loot scroll",
    "take loot scroll",
    "w",
    "e",
    "n",
    "s",
    "sell lantern",
    "wares",
    "sort loot scroll",
]


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(TRADES), max_size=16))
def test_random_trading_conserves_money_and_things(base: Session, commands: list[str]) -> None:
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
        assert all(query.place_of(game, t) for t in things)  # no thing inside itself


# -- the campaign ----------------------------------------------------------------------
def test_banished_loot_fetches_three_thousand(banished: World, tmp_path: Path) -> None:
    session = played_until(banished, "sell loot scroll", tmp_path)
    before = session.game.state.money["wallet"]
    assert "3,000 ryo" in play(session, "sell loot scroll")
    play(session, "accept")
    assert session.game.state.money["wallet"] == before + 3000


# -- the rules one by one ----------------------------------------------------------------
def forge(session: Session) -> dict:
    return economy.shops(session.game)["forge"]


def set_props(session: Session, item: str, **values: object) -> None:
    props = session.game.state.props
    props[item] = {**props.get(item, {}), **values}  # replaced whole: copies share dicts


def test_factors_hold_out_of_range_readings_to_their_bounds() -> None:
    assert economy.condition_factor(150) == 1.0 and economy.condition_factor(-20) == 0.25
    assert economy.durability_factor(150) == 1.0 and economy.durability_factor(-20) == 0.5
    assert economy.condition_factor(60) == pytest.approx(0.7)
    assert economy.durability_factor(50) == 0.75


def test_prices_are_rounded_to_his_step(session: Session) -> None:
    shop = forge(session)
    nearest = [economy.to_step(shop, a) for a in (24.9, 25, 74.9, 75, 1260)]
    assert nearest == [0, 50, 50, 100, 1250]
    down = [economy.to_step(shop, a, "down") for a in (49.9, 50, 99.99, 3245)]
    assert down == [0, 50, 50, 3200]
    assert economy.to_step(shop, 150 - 1e-10, "down") == 150  # float dust is not a step


def test_he_buys_things_of_some_value_in_his_line(session: Session) -> None:
    game, shop = session.game, forge(session)
    assert economy.buys(game, shop, "spear")
    assert not economy.buys(game, shop, "lantern")  # a tool: not his line
    assert not economy.buys(game, shop, "pedlar")  # a person
    assert economy.buys(game, economy.shops(game)["stall"], "lantern")  # she buys anything
    set_props(session, "spear", value=1)
    assert economy.buys(game, shop, "spear")
    set_props(session, "spear", value=0)
    assert not economy.buys(game, shop, "spear")


def test_what_holds_money_or_things_is_pushed_back(session: Session) -> None:
    game = session.game
    ops.transfer(game, "purse", "helmet", 1)  # a coin rattles in the helmet
    text = play(session, "sell loot scroll")
    assert set(offer(session)["goods"]) == {"sword", "spear"}
    assert "He pushes the helmet and the lantern back to you" in text
    play(session, "refuse", "unseal loot scroll", "sell all")
    assert set(offer(session)["goods"]) == {"sword", "spear"}  # nor in the open
    play(session, "refuse", "seal helmet in loot scroll", "seal sword in loot scroll")
    play(session, "seal spear in loot scroll", "seal lantern in loot scroll")
    game.state.money["purse"] += game.state.money.pop("helmet")
    game.state.holder["lantern"] = "helmet"  # a lantern stuffed inside it
    game.contents_changed()
    play(session, "sell loot scroll")
    assert set(offer(session)["goods"]) == {"sword", "spear"}


def test_sell_all_looks_into_open_containers_but_not_sealed_ones(session: Session) -> None:
    assert "You have nothing the smith would buy." in play(session, "sell all")
    play(session, "unseal loot scroll", "take basket", "put sword in basket")
    assert session.game.state.holder["sword"] == "basket"
    play(session, "sell all")
    assert set(offer(session)["goods"]) == {"helmet", "sword", "spear"}


def test_adding_to_the_lot_keeps_the_patience_haggling_cost(session: Session) -> None:
    play(session, "unseal loot scroll", "sell helmet", "haggle")
    assert offer(session)["patience"] == 1
    play(session, "sell sword")
    assert offer(session)["patience"] == 1


def test_an_offer_his_till_just_covers_is_not_short(session: Session) -> None:
    ops.transfer(session.game, "smith", "pedlar", 2000)  # 3,000 left: exactly the price
    text = play(session, "sell loot scroll")
    assert offer(session)["amount"] == 3000 and offer(session)["short"] is False
    assert "every ryo" not in text
    assert events(session, "trade.offered") == [
        {"shop": "forge", "amount": 3000, "goods": ["helmet", "sword", "spear"]}
    ]


def test_a_keeper_with_an_empty_till_offers_nothing(session: Session) -> None:
    game = session.game
    game.state.money["purse"] += game.state.money.pop("smith")
    assert economy.till(game, forge(session)) == 0
    assert "couldn't pay you a single ryo" in play(session, "sell loot scroll")
    assert offer(session) is None


def test_a_world_without_shops_has_nobody_to_trade_with(market: World, tmp_path: Path) -> None:
    world = copy.deepcopy(market)
    world.runtime.clear()
    world.data.pop("shops")
    session = Session(world, saves=tmp_path)
    session.opening()
    assert economy.shops(session.game) == {} and economy.shop_here(session.game) is None
    assert "nobody here to trade with" in play(session, "sell loot scroll")


def test_his_ceiling_is_rounded_down_and_limited_by_his_till(session: Session) -> None:
    game, shop = session.game, forge(session)
    assert economy.ceiling(game, shop, {"first": 2950, "amount": 2950}) == 3200  # not 3250
    game.state.money["smith"] = 3100
    assert economy.ceiling(game, shop, {"first": 2950, "amount": 2950}) == 3100
    assert economy.ceiling(game, shop, {"first": 2950, "amount": 3150}) == 3150


# -- haggling, outcome by outcome --------------------------------------------------------
def haggled(session: Session) -> list[tuple[str, int]]:
    return [(e["outcome"], e["amount"]) for e in events(session, "trade.haggled")]


def test_asking_what_he_offers_is_agreed_for_free(session: Session) -> None:
    play(session, "sell loot scroll")
    assert 'The smith grunts. "Fine. 3,000 ryo."' in play(session, "ask 3000")
    assert offer(session)["patience"] == 2 and haggled(session) == [("agreed", 3000)]
    assert events(session, "trade.haggled")[0]["shop"] == "forge"


def test_an_ask_within_his_room_costs_one_patience(session: Session) -> None:
    play(session, "sell loot scroll", "ask 3100")
    assert offer(session)["patience"] == 1 and offer(session)["amount"] == 3100


def test_a_counter_offer_costs_one_patience(session: Session) -> None:
    play(session, "sell loot scroll")
    text = play(session, "ask 3600")  # first x (1 + 2 x room): the most that is not greed
    assert '"Not that much." The smith thinks. "3,300, and not a ryo more."' in text
    assert offer(session)["patience"] == 1 and haggled(session) == [("counter", 3300)]


def test_just_past_the_counter_is_greed(session: Session) -> None:
    play(session, "sell loot scroll")
    text = play(session, "ask 3650")
    assert "The smith looks at you flatly. \"Don't insult me. It's 3,000.\"" in text
    assert offer(session)["patience"] == 0 and haggled(session) == [("greedy", 3000)]


def test_greed_with_one_patience_left_ends_the_talk(session: Session) -> None:
    play(session, "sell loot scroll", "haggle")
    assert offer(session)["patience"] == 1
    text = play(session, "ask 9000")
    assert "Enough. Sell it somewhere else." in text and offer(session) is None
    assert events(session, "trade.withdrawn") == [{"shop": "forge"}]
    assert session.game.state.records["trade:forge"]["cross"] is True


def test_a_haggle_with_no_patience_left_is_withdrawn(session: Session) -> None:
    game, shop = session.game, forge(session)
    play(session, "sell loot scroll")
    economy.set_offer(game, shop, {**offer(session), "patience": 0})
    assert economy.haggle(game, shop, None) == ("withdrawn", 0)
    assert offer(session) is None


def test_with_no_patience_he_still_takes_his_own_price(session: Session) -> None:
    play(session, "sell loot scroll", "ask 9000", "ask 9000", "sell loot scroll")
    assert offer(session)["patience"] == 0
    assert "Fine. 3,000 ryo." in play(session, "ask 3000")
    assert "3,000 ryo" in play(session, "accept")
    assert money(session, "purse") == 3100


@pytest.mark.parametrize("seed", range(8))
def test_a_plain_haggle_lifts_by_the_documented_share_of_the_room(
    market: World, tmp_path: Path, seed: int
) -> None:
    """He lifts his offer by 40% of the room left (3,300 - 3,000) plus up to 60% more by
    the draw, rounded down to his step of 50."""
    session = Session(market, seed=seed, saves=tmp_path)
    session.opening()
    play(session, "sell loot scroll")
    draw = rng.next_state(session.game.state.rng)[1] / 2**64
    expected = 3000 + math.floor(300 * (0.4 + 0.6 * draw) / 50) * 50
    text = play(session, "haggle")
    assert offer(session)["amount"] == expected
    assert f'The smith sucks his teeth. "{expected:,}, then.' in text


def test_a_raise_is_at_least_one_step(session: Session) -> None:
    play(session, "sell loot scroll", "ask 3250")  # 50 of room left: 40% of it is 20
    play(session, "haggle")
    assert offer(session)["amount"] == 3300 and haggled(session)[-1] == ("raised", 3300)


def test_at_his_ceiling_he_stands_firm(session: Session) -> None:
    play(session, "sell loot scroll", "ask 3300")
    text = play(session, "haggle")
    assert '"3,300," the smith says, folding his arms.' in text
    assert haggled(session)[-1] == ("firm", 3300)


# -- selling, then buying back -----------------------------------------------------------
def test_sales_add_up_in_what_he_has_for_sale(session: Session) -> None:
    play(session, "unseal loot scroll", "sell helmet", "accept", "sell sword", "accept")
    assert events(session, "trade.sold")[-1] == {
        "shop": "forge",
        "amount": 650,
        "goods": ["sword"],
        "worn": ["sword"],  # what a remark on the sale reads (the goods' wear)
    }
    assert play(session, "wares") == (
        "The smith has for sale:\n"
        "  fine axe (pristine): 1,200 ryo\n"
        "  bag of nails: 50 ryo\n"
        "  helmet (pristine): 5,200 ryo\n"
        "  notched sword (worn): 2,200 ryo"
    )


def test_a_thing_sold_twice_is_listed_once(session: Session) -> None:
    play(session, "unseal loot scroll", "sell helmet and spear", "accept", "buy spear")
    assert session.game.state.holder["spear"] == "hero"
    play(session, "sell spear", "accept")
    assert session.game.state.records["trade:forge"]["bought"] == ["helmet", "spear"]
    assert play(session, "wares").count("spear") == 1


def test_a_sale_makes_up_for_walking_out(session: Session) -> None:
    play(session, "unseal loot scroll", "sell helmet", "ask 9000", "ask 9000")
    play(session, "sell helmet")
    assert offer(session)["patience"] == 0
    play(session, "accept", "sell sword")
    assert offer(session)["patience"] == 2


def test_what_he_has_sold_or_holds_worthless_is_not_for_sale(session: Session) -> None:
    play(session, "sell loot scroll", "accept", "buy axe")
    assert "axe" not in play(session, "wares")
    set_props(session, "helmet", value=0)
    assert "helmet" not in play(session, "wares")
    assert "bag of nails: 50 ryo" in play(session, "wares")  # worth 1: never sold for 0


def test_a_keeper_with_nothing_to_sell_says_so(session: Session) -> None:
    assert play(session, "w", "n", "wares").endswith("The pedlar has nothing for sale just now.")


def test_the_keeper_is_he_she_or_they(session: Session, market: World, tmp_path: Path) -> None:
    play(session, "unseal loot scroll")
    assert 'The smith shakes his head. "Not the kind of thing I buy."' in play(
        session, "sell lantern"
    )
    play(session, "w", "n")
    assert '"And that\'s every ryo I have," she adds.' in play(session, "sell helmet")
    play(session, "accept")
    assert 'The pedlar spreads her hands. "I couldn\'t pay you a single ryo today."' in play(
        session, "sell spear"
    )
    world = copy.deepcopy(market)
    world.runtime.clear()
    world.entities["smith"].gender = "them"
    them = Session(world, saves=tmp_path)
    them.opening()
    assert "The smith shakes their head." in play(them, "unseal loot scroll", "sell lantern")


def test_a_keeper_who_is_him_is_he_in_the_middle_of_a_sentence_too(session: Session) -> None:
    text = play(session, "sell loot scroll")
    assert "He pushes the lantern back to you: not the kind of thing he buys." in text
    assert '"Some of this has seen hard use," he says' in text
    assert "Your things stay yours; he has seen worse." in play(session, "refuse")


def test_a_keeper_who_is_they_takes_the_plural_verb(market: World, tmp_path: Path) -> None:
    world = copy.deepcopy(market)
    world.runtime.clear()
    world.entities["smith"].gender = "them"
    session = Session(world, saves=tmp_path)
    session.opening()
    text = play(session, "sell loot scroll")
    assert "They push the lantern back to you: not the kind of thing they buy." in text
    assert '"Some of this has seen hard use," they say' in text
    assert "Your things stay yours; they have seen worse." in play(session, "refuse")
    play(session, "unseal loot scroll")
    ops.transfer(session.game, "smith", "pedlar", 4000)  # 1,000 left in the till
    text = play(session, "sell helmet")
    assert '"Good, clean work," they say.' in text
    assert '"And that\'s every ryo I have," they add.' in text
    assert "They add:" in play(session, "haggle", "haggle")


def test_banished_sell_all_offers_what_naruto_holds_in_the_open(
    banished: World, tmp_path: Path
) -> None:
    """Naruto carries Kurama (a person) before his things: "sell all" looks past him."""
    session = played_until(banished, "sell loot scroll", tmp_path)
    assert "3,250 ryo for it" in play(session, "sell all")
    assert session.game.state.records["offer:weapons_shop"]["goods"] == ["dragon_sword"]
