"""Ways newcomers say the walkthroughs' steps, one test per mechanism that reads them
(issue 10): each types a phrasing at the point of a step and checks it does what the
step does (tests/corpus/replay.py judges "the same"), and where the mechanism could
overreach, that what it must not take is left alone."""

from __future__ import annotations

import json

import pytest
from tests.corpus.replay import Replay, canonical
from tests.parser.walks import does_the_step, reply


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("cloak", 3, "take a look around"),  # look: steps 1 and 3 of cloak are not looks,
        ("cloak", 3, "what's here?"),  # so compare with LOOK typed there, below
    ],
)
def test_everyday_ways_of_looking_are_look(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    replay = replays[world]
    assert replay.type(line, text).text == replay.type(line, "look").text


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("banished", 43, "wait 20 more minutes"),
        ("tidebell", 72, "wait for three hours more"),
        ("cloak", 4, "unwear the cloak"),
        ("cloak", 5, "leave the cloak on the hook"),
        ("banished", 24, "train for 2 wks"),
        ("banished", 24, "train hard for two weeks"),
        ("banished", 25, "learn genjutsu for 3 weeks"),
        ("banished", 26, "sort through the loot"),
    ],
)
def test_standard_library_phrasings(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


def test_a_manner_word_before_the_verb_may_be_what_a_line_of_it_takes(
    replays: dict[str, Replay],
) -> None:
    """ "quietly talk to the miners" is "talk quietly to ...", which is whispering."""
    assert does_the_step(replays, "banished", 61, "quietly talk to the miners")
    # a manner the verb's lines do not take is still only left out
    assert does_the_step(replays, "banished", 62, "quietly cut the chains of the chamber miners")


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("cloak", 2, "go through the west doorway"),  # "doorways south and west"
        ("tidebell", 47, "take the marsh path"),
        ("tidebell", 46, "take the coast road north"),
        ("banished", 31, "follow the road into town"),
        ("banished", 31, "follow the road"),
    ],
)
def test_ways_named_as_people_name_them(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


def test_taking_a_way_leaves_taking_things_alone(replays: dict[str, Replay]) -> None:
    assert does_the_step(replays, "tidebell", 22, "take the coil of rope")
    assert does_the_step(replays, "tidebell", 2, "take the rope end")


def test_someone_known_and_elsewhere_is_not_here(replays: dict[str, Replay]) -> None:
    replay = replays["tidebell"]
    (step,) = replay.steps(17, "talk to barnaby")  # met on the green; now on the quay
    assert step.text == "Barnaby Tull is not here."
    assert step.failure == ""


def test_not_here_gives_nothing_away(replays: dict[str, Replay]) -> None:
    tidebell, banished = replays["tidebell"], replays["banished"]
    # Penhale keeps a foundry the player has not been to: nobody like that here
    (step,) = tidebell.steps(17, "talk to penhale")
    assert step.failure == "parser.nobody"
    # Kai is "the skinny boy" until his name is learned: the name finds nobody ...
    (step,) = banished.steps(38, "x kai")
    assert step.failure == "parser.cant_see"
    # ... and once he has been seen and left behind, he is who the player knows
    (step,) = banished.steps(52, "x the skinny boy")
    assert (step.text, step.failure) == ("Kai is not here.", "")


def test_the_last_one_is_the_one_left_to_do(replays: dict[str, Replay]) -> None:
    assert does_the_step(replays, "banished", 70, "tie up the last guard")
    assert does_the_step(replays, "cloak", 3, "examine the only hook")
    # without "last" the three guards are still a question
    text = replays["banished"].type(70, "tie up the guard").text
    assert text.startswith("Which do you mean")


@pytest.mark.parametrize("text", ["tie up the other guard", "tie the other one up"])
def test_the_other_one_is_the_one_left_to_do(replays: dict[str, Replay], text: str) -> None:
    """After the bald guard ("him"), "the other guard" is the scarred or the grizzled:
    the scarred is tied up already, so the grizzled is meant; with two still free, the
    player is asked."""
    assert does_the_step(replays, "banished", 70, text)
    asked = reply(replays, "banished", 69, "tie up the other guard")
    assert asked.startswith("Which do you mean")


@pytest.mark.parametrize(
    "text", ["look at the writing in the sawdust", "read the message in the sawdust"]
)
def test_what_is_where_names_the_thing(replays: dict[str, Replay], text: str) -> None:
    assert does_the_step(replays, "cloak", 8, text)


def test_a_book_is_still_read_for_a_topic(replays: dict[str, Replay]) -> None:
    reply = replays["cloak"].type(8, "read about the opera in the message").text
    assert "You have won" not in reply


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("banished", 5, "ask tsunade about the conditions"),
        ("tidebell", 32, "ask agnes about the count"),
    ],
)
def test_a_topic_asked_about_in_other_words(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


def test_a_line_for_someone_given_a_thing_gives_way(replays: dict[str, Replay]) -> None:
    """ "release {person}" (freeing) and "release {thing}" (unsealing): a scroll is
    unsealed; a verb with only the line for someone still says it wants someone."""
    assert does_the_step(replays, "banished", 27, "release the reserve scroll")
    reply = replays["banished"].type(27, "free the reserve scroll").text
    assert reply == "You can only free people, not the reserve scroll."


def test_a_thing_named_by_what_it_holds(replays: dict[str, Replay]) -> None:
    assert does_the_step(replays, "banished", 35, "sell the storage scroll full of loot")


def test_what_the_player_packed_away_he_can_still_name(replays: dict[str, Replay]) -> None:
    """The rope is sealed in the reserve scroll (before it is unsealed): shut away and
    unseen, but the player knows it is there, so the checks answer, not "can't see"."""
    (step,) = replays["banished"].steps(27, "seal the rope in the reserve scroll")
    assert (step.text, step.failure) == ("It is already sealed in there.", "")
    (step,) = replays["banished"].steps(27, "take the rope")
    assert step.text == "It is sealed in the reserve scroll. Unseal it first."
    # only verbs whose checks know where it is reach it: nothing is dropped out of a seal
    replays["banished"].steps(27, "drop the rope")
    assert replays["banished"].session.game.state.holder["rope"] == "reserve_scroll"
    # what is in sight still comes first: the sword at hand, not one packed away
    (step,) = replays["banished"].steps(28, "x the sword")
    assert "dragon" in step.text


def test_someone_had_in_view_is_not_here_wherever_they_went(replays: dict[str, Replay]) -> None:
    """The boy ran into a shack the player has not been in: followed there, he is
    someone the player has had in view, so he is not here, not nobody."""
    (step,) = replays["banished"].steps(44, "x the boy")
    assert (step.text, step.failure) == ("Kai is not here.", "")


@pytest.mark.parametrize("text", ["sleep on a mat", "lie on the sleeping mat"])
def test_sleeping_somewhere_is_sleeping(replays: dict[str, Replay], text: str) -> None:
    replay = replays["banished"]
    (step,) = replay.steps(45, text)
    assert step.failure == ""
    assert step.text == replay.steps(45, "sleep")[0].text


@pytest.mark.parametrize("text", ["tell the guards i'm lost", "tell the guard i'm lost"])
def test_told_to_someone_a_phrase_the_world_listens_for_is_said(
    replays: dict[str, Replay], text: str
) -> None:
    """ "tell X i'm lost" holds the world's "say i'm lost", as "say hello, i'm lost" does
    (and "the guard" is no sword with a dragon guard, for a line that wants someone)."""
    assert does_the_step(replays, "banished", 65, text)


def test_what_a_reply_just_named_here_can_be_looked_at(replays: dict[str, Replay]) -> None:
    replay = replays["banished"]
    replay.steps(47, "eat with kotomi")  # "Rice, a little grilled fish, pickled radish."
    (step,) = replay.session.step("x fish")
    assert (step.text, step.failure) == ("Rice, a little grilled fish, pickled radish.", "")
    # only looking: handling what was only talked about is not made up
    (step,) = replay.session.step("take the fish")
    assert step.failure
    # and a reply that took no turn ("I don't know the word 'fish'") is not what was heard
    (step,) = replay.session.step("x fish")
    assert step.text == "Rice, a little grilled fish, pickled radish."
    # a turn undone was never heard
    replay.session.step("undo")
    (step,) = replay.session.step("x fish")
    assert step.failure == "parser.unknown_word"
    replay.session.step("eat with kotomi")
    # and only there: elsewhere it is a word the game does not know
    replay.session.step("out")
    (step,) = replay.session.step("x fish")
    assert step.failure == "parser.unknown_word"


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("banished", 27, "unseal the smaller scroll"),  # the reserve scroll is "small"
        ("cloak", 4, "remove the velvet cloak I'm wearing"),
        ("cloak", 4, "take off the cloak that i am wearing"),
        ("cloak", 3, "look at the hook on the wall"),  # every place has walls
        ("banished", 68, "tie up the guard with the scar"),
    ],
)
def test_noun_phrases_as_people_say_them(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


def test_a_word_ending_in_er_is_not_taken_for_a_comparative(replays: dict[str, Replay]) -> None:
    """ "poster" is not "more post": only a word that describes something has degrees."""
    (step,) = replays["banished"].steps(14, "x poster")
    assert step.failure == ""
    assert "poster" in step.text


def test_speech_keeps_its_words(replays: dict[str, Replay]) -> None:
    (step,) = replays["cloak"].steps(4, "say i'm wearing a cloak")
    assert "i'm wearing a cloak" in step.text


def test_using_a_thing_on_another_finds_the_verb(replays: dict[str, Replay]) -> None:
    """ "use A on B" is the first "VERB B with A" the world would do now."""
    assert does_the_step(replays, "tidebell", 28, "use the whiting on the locket")
    # with no such line, "use" is still the extension's own verb (casting)
    assert does_the_step(replays, "banished", 39, "use invisibility")


def test_keeping_what_you_hold(replays: dict[str, Replay]) -> None:
    """After "Keep it", "keep the necklace" is answered; what is not yours is not kept."""
    (step,) = replays["banished"].steps(8, "keep the necklace")
    assert (step.failure, step.text) == (
        "",
        "You hold on to the First Hokage's necklace. It is yours to keep.",
    )
    (step,) = replays["banished"].steps(8, "keep the desk")
    assert step.text == "You aren't holding the Hokage's desk."


@pytest.mark.parametrize(
    ("line", "text"),
    [(40, "search for the kid who stole my wallet"), (41, "follow the kid home")],
)
def test_someone_searched_for_by_what_they_did(
    replays: dict[str, Replay], line: int, text: str
) -> None:
    """A clause saying which one, or where to, is not part of the name."""
    assert does_the_step(replays, "banished", line, text)


def test_asked_about_with_several_here_the_one_who_knows_answers(
    replays: dict[str, Replay],
) -> None:
    """Kotomi and Kai are both in the shack; only Kotomi has anything on the town."""
    assert does_the_step(replays, "banished", 48, "ask about the town")
    (step,) = replays["banished"].steps(48, "ask about the weather")
    assert step.text == "Who do you want to talk to?"


def test_a_price_with_its_coin(replays: dict[str, Replay]) -> None:
    assert does_the_step(replays, "tidebell", 53, "haggle for 320 shillings")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("check my inventory", "inventory"),
        ("show inventory", "inventory"),
        ("check the time", "time"),
        ("what's the time?", "time"),
        ("take a nap", "sleep"),
        ("look around the room", "look"),
    ],
)
def test_everyday_ways_of_asking_the_game(
    replays: dict[str, Replay], text: str, plain: str
) -> None:
    """At the green, where no room, clock or bed is anything to look at."""
    replay = replays["tidebell"]
    assert replay.type(5, text).text == replay.type(5, plain).text


def test_a_thing_in_view_before_a_way_only_told_of(replays: dict[str, Replay]) -> None:
    """At the inn, whose text tells of a ladder up to a loft that is no way out, "climb
    the ladder" climbs Hob's ladder (the world's answer); going up is still answered by
    the place's reason, and at the quay, where the ladder is a way, climbing it goes up."""
    climbed = reply(replays, "tidebell", 13, "climb the ladder")
    assert "Loft's let" in climbed
    assert "Hob's leave" in reply(replays, "tidebell", 13, "go up the ladder")
    assert does_the_step(replays, "tidebell", 19, "climb the ladder")  # step: up


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("look behind the hook", "You find nothing of interest."),
        ("check under the hook", "You find nothing of interest."),
        ("look behind the cloak for a key", "You find nothing of interest."),
        ("peek inside the hook", "There is nothing on the small brass hook."),
        ("look on the hook", "There is nothing on the small brass hook."),
    ],
)
def test_behind_under_in_and_on_anything(
    replays: dict[str, Replay], text: str, answer: str
) -> None:
    """Where things hide, asked of any thing: behind is looked under, as under is; in
    and on are searched (Cloak's cloakroom, the cloak taken off)."""
    assert reply(replays, "cloak", 5, text) == answer


def test_paying_for_a_thing_on_sale_buys_it(replays: dict[str, Replay]) -> None:
    assert does_the_step(replays, "tidebell", 59, "pay for the bell")


@pytest.mark.parametrize(
    "text", ["offer penhale 390 shillings for the bell", "buy the bell for 400"]
)
def test_a_price_offered_for_a_thing_on_sale_is_a_bid_that_buys_it(
    replays: dict[str, Replay], text: str
) -> None:
    """A price named for a thing on sale is a bid (kage.ext.trade.bidding): at or above
    the keeper's price it buys the thing at his price."""
    got = replays["tidebell"].type(59, text)
    assert "You pay 390 shillings for the tide bell" in got.text
    plain = json.loads(replays["tidebell"].plain(59).state)
    assert json.loads(got.state)["holder"] == plain["holder"]  # the bell is the player's


def test_a_price_far_below_the_asking_buys_nothing(replays: dict[str, Replay]) -> None:
    """A bid far below the price is waved away, saying the price, and nothing changes
    hands."""
    replay = replays["tidebell"]
    got = replay.type(59, "offer penhale 90 shillings for the bell")
    assert "390 shillings" in got.text
    assert json.loads(got.state)["holder"] == json.loads(canonical(replay.before[59]))["holder"]


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("banished", 31, "keep following the road"),
        ("banished", 31, "start walking south"),
        ("banished", 31, "let's keep on walking south"),
        ("tidebell", 28, "try polishing the locket"),
        ("tidebell", 73, "start ringing the bell"),
    ],
)
def test_going_on_with_a_deed_is_doing_it(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


@pytest.mark.parametrize(
    "text", ["pick up all of it", "grab the lot", "take it all", "take them all"]
)
def test_all_of_it_is_all(replays: dict[str, Replay], text: str) -> None:
    """In the apartment, where "it" means nothing to take from: all there is."""
    assert does_the_step(replays, "banished", 14, text)


@pytest.mark.parametrize("text", ["pack my things", "stow the rest", "put the rest away"])
def test_packing_goes_into_the_one_bag_the_player_has(
    replays: dict[str, Replay], text: str
) -> None:
    """Wearing the backpack, "pack my things" puts them in it (where goes without
    saying); before the backpack is his, packing them is picking them up."""
    assert does_the_step(replays, "banished", 16, text)
    assert does_the_step(replays, "banished", 14, "pack my things")


def test_a_verb_alone_is_done_to_the_only_one_it_could_be(replays: dict[str, Replay]) -> None:
    """In the chandlery with Silas and no one else, "hit" is hitting Silas, said as
    Inform says it; "examine", which anything here could be, still asks what."""
    replay = replays["tidebell"]
    alone, named = replay.type(69, "hit"), replay.type(69, "hit silas")
    assert alone.text.startswith("(Silas Crake)\n")
    assert alone.state == named.state
    assert replay.type(69, "examine").text == "What do you want to examine?"


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("banished", 1, "have a good look round"),  # British "round" for "around"
        ("banished", 1, "look round the room"),
        ("banished", 1, "l around"),
        ("tidebell", 29, "z for two hours"),  # a letter for its verb in any of its lines
        ("tidebell", 59, "i'll buy the bell"),  # a deed announced, done to a thing in view
        ("tidebell", 73, "strike the bell"),  # the world's own words for ringing
        ("banished", 59, "invisibility"),  # a skill named alone is used
        ("tidebell", 1, "the yoke"),  # a thing named alone is looked at
    ],
)
def test_more_everyday_phrasings(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


def test_a_deed_announced_to_no_thing_stays_a_promise(replays: dict[str, Replay]) -> None:
    assert "your word" in reply(replays, "banished", 8, "i'll be back someday")


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("banished", 18, "get some ramen"),  # at the stall, where "buy" is the world's eating
        ("banished", 18, "grab some noodles"),
        ("tidebell", 59, "get the bell"),
    ],
)
def test_getting_what_is_sold_is_buying_it(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (17, "go get ramen at ichiraku"),  # the place named elsewhere: going there
        (17, "go eat at ichiraku"),
        (18, "go eat some ramen"),  # at the stall: the deed itself
        (18, "go eat ramen at ichiraku"),
    ],
)
def test_going_to_do_something(replays: dict[str, Replay], line: int, text: str) -> None:
    assert does_the_step(replays, "banished", line, text)


def test_offering_a_thing_where_it_is_bought_is_selling_it(replays: dict[str, Replay]) -> None:
    assert does_the_step(replays, "tidebell", 52, "offer the locket")


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (54, "knock out the sleeping one"),
        (54, "knock out the sleeping gangster"),
        (53, "knock out the lazing gangster"),
    ],
)
def test_words_that_describe_alike(replays: dict[str, Replay], line: int, text: str) -> None:
    """The dozing gangster is the sleeping one, the lounging one the lazing one."""
    assert does_the_step(replays, "banished", line, text)


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("tidebell", 24, "north to the village green"),  # a direction with where it goes
        ("banished", 30, "carry on south along the track"),  # a closing "along the track"
        ("banished", 1, "take a look around the office"),
        ("banished", 53, "chop the lounging gangster"),  # the world's own "a chop"
        ("banished", 65, "make some noise"),  # drawing the guards, as the hint says
        ("banished", 65, "distract the guards"),
    ],
)
def test_held_out_1203b_phrasings(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    """Classes found in the held-out batch heldout-1203b and the blind log banished-d."""
    assert does_the_step(replays, world, line, text)


@pytest.mark.parametrize(
    ("world", "line", "text", "same_as"),
    [
        ("tidebell", 54, "320?", "ask for 320"),  # a price alone while haggling
        ("tidebell", 54, "330 shillings", "ask for 330 shillings"),
        ("banished", 23, "meditate", "think"),
        ("tidebell", 38, "knock", "knock on the door"),
    ],
)
def test_said_alone_as_the_longer_command(
    replays: dict[str, Replay], world: str, line: int, text: str, same_as: str
) -> None:
    assert reply(replays, world, line, text) == reply(replays, world, line, same_as)


def test_them_both_is_them(replays: dict[str, Replay]) -> None:
    """ "tie them both up" is "tie them up": who "them" is says who may be tied."""
    said = reply(replays, "banished", 70, "tie them both up")
    assert said == reply(replays, "banished", 70, "tie them up")
    assert "nobody like that" not in said


@pytest.mark.parametrize(
    ("world", "line", "text"),
    [
        ("tidebell", 52, "sell the locket for 400"),  # the keeper still names his price
        ("tidebell", 52, "sell my locket to orla for 400 shillings"),
    ],
)
def test_selling_at_a_price_said(
    replays: dict[str, Replay], world: str, line: int, text: str
) -> None:
    assert does_the_step(replays, world, line, text)


def test_threatening_someone_is_arguing(replays: dict[str, Replay]) -> None:
    said = reply(replays, "banished", 36, "threaten genji")
    assert said == reply(replays, "banished", 36, "argue with genji")
