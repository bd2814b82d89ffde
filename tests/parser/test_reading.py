"""Reading a line: cleaning it, cutting it into commands and words, fitting grammar lines,
filling slots with values, and the reply when nothing fits. On the parlour world
(tests/parser/parlour.py) and on the engine's own grammar."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import opened, play, world_from
from tests.parser.parlour import WORLD

from kage.game import Game
from kage.parser import lexicon
from kage.parser.grammar import MAX_NUMBER_WORDS, compile_pattern, fits, match, normal
from kage.parser.nouns import SCOPE, SHAPE, UNKNOWN
from kage.parser.parser import MAX_WORDS, Parsed, parse
from kage.parser.text import clean, core_grammar, split_commands, starts_command, words
from kage.session import Session
from kage.world.model import World


@pytest.fixture(scope="module")
def parlour(tmp_path_factory: pytest.TempPathFactory) -> World:
    return world_from(tmp_path_factory, "parlour", WORLD)


@pytest.fixture
def game(parlour: World) -> Game:
    game = Game(parlour, seed=0)
    game.take_output()
    return game


@pytest.fixture
def session(parlour: World, tmp_path: Path) -> Session:
    return opened(parlour, tmp_path)


def failed(game: Game, command: str) -> Parsed:
    parsed = parse(game, command)
    assert not parsed.actions, [a.name for a in parsed.actions]
    return parsed


def one(game: Game, command: str):  # type: ignore[no-untyped-def]
    parsed = parse(game, command)
    assert len(parsed.actions) == 1, parsed.error
    return parsed.actions[0]


# -- cleaning and cutting ----------------------------------------------------------------
def test_clean_makes_any_input_plain_text() -> None:
    assert clean("\x00\uff54\uff41\uff4b\uff45\tcup\u200b\n") == "take cup"  # full width
    assert clean("  \x1b[31mred\x07  ") == "[31mred"
    assert clean("caf\u0065\u0301") == "caf\u00e9"  # one form for accented letters


def test_words_are_lower_case_without_punctuation() -> None:
    assert words("Take, the CUP!") == ["take", "the", "cup"]
    assert words('it\u2019s "quoted" (x) [y] {z} <w>') == ["it", "quoted", "x", "y", "z", "w"]
    assert words("  ?  ") == ["?"]
    assert words("- ' *") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("take cup;drop cup!look?", ["take cup", "drop cup", "look"]),
        ("look...wait", ["look", "wait"]),
        ("take cup then then drop cup", ["take cup", "drop cup"]),
        ("take cup, then drop cup", ["take cup", "drop cup"]),
        ("TAKE CUP THEN DROP CUP", ["TAKE CUP", "DROP CUP"]),
        ("x thenar", ["x thenar"]),
        ("and take cup and", ["take cup"]),
        ("take cup and and", ["take cup"]),
        ("and and", []),
        ("take cup and undo", ["take cup", "undo"]),
        ("take cup and exit game", ["take cup", "exit game"]),
        ("take cup and g", ["take cup and g"]),  # one letter: not a meta command here
        ("take cup and n", ["take cup", "n"]),
        ("take cup and north door", ["take cup and north door"]),
        ("take cup and the bowl", ["take cup and the bowl"]),
        ("take cup, drop it", ["take cup", "drop it"]),
        ("take red cup, green cup", ["take red cup, green cup"]),
        ("take 3.x", ["take 3", "x"]),
        ("a.b.c", ["a", "b", "c"]),
        ("take cup. . drop cup", ["take cup", "drop cup"]),
        ("x it.", ["x it"]),
        ("AND THE CUP", ["THE CUP"]),
        ("and ,the cup", ["the cup"]),
        ("take cup and n and coins", ["take cup", "n and coins"]),
        ("take cup and n and coins and keys", ["take cup", "n and coins and keys"]),
        ("take cup and exit game now", ["take cup", "exit game now"]),
    ],
)
def test_where_one_command_ends_and_the_next_begins(line: str, expected: list[str]) -> None:
    assert split_commands(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("save mine.fight", ["save mine.fight"]),
        ("take cup. save a.b and c", ["take cup", "save a.b and c"]),
        ("take cup and save x", ["take cup", "save x"]),
        ("restore ../backup", ["restore ../backup"]),
        ("load game.1", ["load game.1"]),
        ("save it; look", ["save it", "look"]),
    ],
)
def test_a_save_name_runs_to_the_end_of_its_command(line: str, expected: list[str]) -> None:
    assert split_commands(line) == expected


def test_what_starts_a_command() -> None:
    grammar = core_grammar()
    assert starts_command("take cup", grammar) and starts_command("north", grammar)
    assert starts_command("undo", grammar) and starts_command("exit game", grammar)
    assert not starts_command("the cup", grammar) and not starts_command("a cup", grammar)
    assert not starts_command("g", grammar) and not starts_command("", grammar)
    assert not starts_command("north door", grammar)
    assert not starts_command("engrave cup", grammar)  # not an engine verb
    assert grammar is core_grammar()  # built once


# -- grammar lines -----------------------------------------------------------------------
def test_normal_words_drop_case_edges_and_possessives() -> None:
    assert normal("NARUTO'S") == "naruto" and normal("Hokage\u2019s") == "hokage"
    assert normal('"Hi"') == "hi" and normal("--x--") == "x" and normal("*") == ""
    assert normal("x's") == "x" and normal("'s") == "s"


def test_a_pattern_compiles_to_literals_and_slots() -> None:
    line = compile_pattern("put_in", "put {held} in|INTO|inside {thing}")
    assert [t.words for t in line.tokens] == [
        frozenset({"put"}),
        None,
        frozenset({"in", "into", "inside"}),
        None,
    ]
    assert [t.slot for t in line.tokens] == ["", "held", "", "thing"]
    assert line.literals == 2 and line.action == "put_in"
    assert compile_pattern("x", "say|").tokens[0].words == frozenset({"say"})
    assert compile_pattern("x", "' x").tokens[0].words == frozenset({"'"})  # kept as typed


def test_a_pattern_keeps_its_text_and_a_stray_brace_is_a_word() -> None:
    line = compile_pattern("say", "say {text")
    assert line.pattern == "say {text"
    assert [t.words for t in line.tokens] == [frozenset({"say"}), frozenset({"{text"})]


def test_every_way_the_words_fit_shortest_first_slot_first() -> None:
    line = compile_pattern("take", "take {things} from {thing}")
    assert list(match(line.tokens, ["take", "a", "from", "b", "from", "c"])) == [
        [("things", ["a"]), ("thing", ["b", "from", "c"])],
        [("things", ["a", "from", "b"]), ("thing", ["c"])],
    ]
    assert list(match(line.tokens, ["take", "a", "b"])) == []
    assert list(match(line.tokens, ["take", "a", "from"])) == []


def test_a_number_takes_up_to_its_words_direction_and_unit_one() -> None:
    line = compile_pattern("wait", "wait {number} {unit}")
    assert list(match(line.tokens, ["wait", "3", "hours"])) == [
        [("number", ["3"]), ("unit", ["hours"])]
    ]
    assert fits(line, ["wait", *["one"] * MAX_NUMBER_WORDS, "hours"])
    assert not fits(line, ["wait", *["one"] * (MAX_NUMBER_WORDS + 1), "hours"])
    assert not fits(line, ["wait", "3"])
    assert fits(compile_pattern("go", "go {direction}"), ["go", "north"])
    assert not fits(compile_pattern("go", "go {direction}"), ["go", "far", "north"])


def test_only_a_number_is_kept_to_eight_words(game: Game) -> None:
    """A list of things, or a sentence to say, runs as long as the player likes."""
    parsed = parse(game, "take red cup and green cup and coins and the glass bowl")
    assert [a.noun for a in parsed.actions] == ["red_cup", "green_cup", "coins", "bowl"]
    said = "i will be the greatest ninja this village has ever seen"
    assert one(game, "say " + said).text == said


def test_a_signed_word_is_echoed_with_its_sign(game: Game) -> None:
    assert normal("-5x") == "-5x" and normal("-12") == "-12"
    assert failed(game, "take -5x").error == "I don't know the word '-5x'."


# -- the lexicon -------------------------------------------------------------------------
# A world keeps its lexicon once built, so these tests build their own.
def test_the_lexicon_knows_every_word_of_the_world(parlour: World) -> None:
    lex = lexicon.build(parlour)
    assert {"cup", "red", "parlour", "rose", "garden", "twins"} <= lex.nouns
    assert "drizzle" in lex.words and "drizzle" not in lex.nouns  # a topic word
    assert {"exit", "game", "undo", "hours", "three", "except", "first", "the"} <= lex.words
    assert {"north", "upstairs", "ne", "it", "him", "them"} <= lex.words
    assert {"polish", "toss", "take", "x"} <= lex.verbs
    assert lex.names["blue_cup"].nouns == {"cup"} and lex.names["blue_cup"].adjectives == {"blue"}
    assert lex.names["blue_cup"].words == {"cup", "blue", "cups"}  # "cups": every cup
    assert lex.names["blue_cup"].plurals == {"cups"}
    assert lex.names["butler"].nouns == {"butler", "gray"}


def test_a_name_never_holds_an_article_or_an_empty_word() -> None:
    name = lexicon.Name.of(frozenset({"The", "Cup", "''"}), frozenset({"a", "Red", "-"}))
    assert name.nouns == {"cup"} and name.adjectives == {"red"}


def test_lines_are_tried_most_specific_first(parlour: World) -> None:
    """More literal words first; among those, longer lines first, then narrower slots."""
    lex = lexicon.build(parlour)
    for verb in ("take", "put", "go", "wait", "push", "climb"):
        order = [ln.precedence() for ln in lex.lines[verb]]
        assert order == sorted(order), verb
    taking = [ln for ln in lex.lines["take"] if ln.action == "take"]
    assert taking[0].pattern == "take {things} out of {thing}"
    assert {ln.action for ln in lex.lines["x"]} == {"examine"}
    # "go {direction}" before a way named ("go {way}") before "go {place}"; "climb
    # {direction}" and "climb {way}" (both going) before "climb {thing}"
    slotted = [ln.pattern for ln in lex.lines["go"] if ln.literals == 1 and len(ln.tokens) == 2]
    assert slotted == ["go {direction}", "go {way}", "go {place}"]
    assert [ln.action for ln in lex.lines["climb"] if len(ln.tokens) == 2] == ["go", "go", "climb"]


def test_a_world_line_wins_a_tie_with_the_core(parlour: World, tmp_path: Path) -> None:
    """The parlour's own "polish {thing}" comes before the core's rubbing line."""
    assert [ln.action for ln in lexicon.build(parlour).lines["polish"]] == ["polish", "rub"]
    session = opened(parlour, tmp_path / "saves")
    assert play(session, "polish green cup") == "It gleams."
    assert (
        play(session, "rub green cup") == "Rubbing the green cup makes no difference you can see."
    )


def test_a_pattern_must_begin_with_a_word() -> None:
    with pytest.raises(ValueError, match="must begin with a word"):
        lexicon.Lexicon().add("take", "{thing} please")


# -- slots that take values --------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "minutes"),
    [
        ("wait three hours", 180),
        ("wait for 2 days", 2880),
        ("wait a minute", 1),
        ("wait hours", 60),
        ("wait few hours", 180),
        ("wait a couple of hours", 120),
        ("rest 2 hours", 120),
        ("wait twenty minutes", 20),
    ],
)
def test_waiting_reads_numbers_and_units(game: Game, line: str, minutes: int | None) -> None:
    parsed = parse(game, line)
    if minutes is None:
        assert not parsed.actions
        return
    assert [(a.name, a.number) for a in parsed.actions] == [("wait", minutes)]
    assert parsed.actions[0].data == {"unit": True}


def test_a_bare_number_is_minutes(game: Game) -> None:
    action = one(game, "wait 5")
    assert action.number == 5 and action.data == {}


def test_a_huge_number_is_read_without_trouble(session: Session) -> None:
    """However many digits, the command gets an answer and the clock a bounded step."""
    before = session.game.state.minutes
    parsed = parse(session.game, "wait " + "9" * 400 + " minutes")
    assert parsed.actions or parsed.error
    for action in parsed.actions:
        assert action.number <= 10**6
    steps = session.step("wait " + "9" * 400 + " minutes")
    assert steps and all(s.text for s in steps)
    assert 0 <= session.game.state.minutes - before <= 10**6


def test_a_unit_that_is_not_one(game: Game) -> None:
    parsed = failed(game, "wait 3 cup")
    assert parsed.error == "'cup' is not a length of time (try minutes, hours or days)."
    assert not parsed.understood and parsed.rank == SHAPE


def test_a_direction_that_is_not_one(game: Game) -> None:
    parsed = failed(game, "travel cup")  # "head cup" is "go cup": no such place
    assert parsed.error == "'cup' is not a direction." and parsed.rank == SHAPE
    action = one(game, "climb up")
    assert action.name == "go" and action.direction == "up"


def test_directions_alone_and_with_go(game: Game) -> None:
    assert one(game, "north").direction == "north"
    assert one(game, "upstairs").direction == "up"
    assert one(game, "go n").direction == "north"
    parsed = failed(game, "north cup")
    assert parsed.error == "I understood 'north' but not the rest. Try something like 'north'."


def test_words_for_topics_and_speech(game: Game) -> None:
    action = one(game, "ask maud about drizzle")
    assert (action.name, action.noun, action.text) == ("ask", "maud", "drizzle")
    action = one(game, "say hello there to the butler")
    assert (action.name, action.text, action.noun) == ("say", "hello there", "butler")
    assert one(game, "say it's a xyzzy").text == "it a xyzzy"  # any words at all


def test_give_either_way_round(game: Game) -> None:
    for line in ("give key to butler", "give butler key", "give the butler the key"):
        action = one(game, line)
        assert (action.name, action.noun, action.second) == ("give", "key", "butler"), line


# -- when nothing fits --------------------------------------------------------------------
def test_an_empty_line(game: Game) -> None:
    parsed = failed(game, "  ")
    assert parsed.error == "I beg your pardon?" and not parsed.understood
    assert parsed.rank == SHAPE


def test_a_command_of_more_than_forty_words(game: Game) -> None:
    many = "x " + " and ".join(["cup"] * 20)
    assert len(words(many)) == 40 == MAX_WORDS
    assert "more than I can follow" not in parse(game, many).error
    parsed = failed(game, many + " cup")
    assert parsed.error == "That is more than I can follow at once. Try a shorter command."
    assert not parsed.understood and parsed.rank == SHAPE


@pytest.mark.parametrize(
    ("line", "reply"),
    [
        ("take", "What do you want to take?"),
        ("x", "What do you want to examine?"),
        ("greet", "Who do you want to greet?"),
        ("go", "Where do you want to go?"),
        ("polish", "What do you want to polish?"),
        ("give", "What do you want to give?"),
        ("climb", "What do you want to climb?"),
        ("get", "What do you want to get?"),
        ("walk", "Where do you want to walk?"),  # "walk {direction}" wants a where
    ],
)
def test_a_verb_alone_asks_for_the_rest(game: Game, line: str, reply: str) -> None:
    parsed = failed(game, line)
    assert parsed.error == reply and not parsed.understood and parsed.rank == SHAPE


@pytest.mark.parametrize(
    ("line", "example"),
    [
        ("put cup", "put down something"),
        ("show key", "show someone something"),
        ("ask maud", "ask about something"),
        ("insert cup", "insert something in something"),
        ("stand cup", "stand on something"),  # a thing after "stand": stand on it
        ("sit cup", "sit on something"),
        ("help cup", "help me"),  # no slots: the shortest line of more than the verb
        ("look look", None),
        ("sing table", None),
    ],
)
def test_a_verb_with_words_that_fit_no_line(game: Game, line: str, example: str | None) -> None:
    parsed = parse(game, line)
    if example is None:
        assert parsed.error, line
        return
    verb = line.split()[0]
    assert (
        parsed.error == f"I understood '{verb}' but not the rest. Try something like '{example}'."
    )
    assert not parsed.understood and parsed.rank == SHAPE


@pytest.mark.parametrize(
    ("line", "meant"),
    [
        ("sing loudly", "sing"),  # how, not what: left out
        ("quietly wait", "wait"),
        ("wait here for 20 minutes", "wait"),
        ("look again", "look"),
    ],
)
def test_words_of_manner_are_left_out_when_nothing_else_fits(
    game: Game, line: str, meant: str
) -> None:
    parsed = parse(game, line)
    assert not parsed.error and [a.name for a in parsed.actions] == [meant], line


def test_a_verb_with_no_slots_and_extra_words(game: Game) -> None:
    parsed = failed(game, "sing the cup")
    assert parsed.error == "I understood 'sing' but not the rest. Try something like 'sing'."


def test_a_known_word_that_is_not_a_verb(game: Game) -> None:
    parsed = failed(game, "three")
    assert parsed.error == "That's not a verb I recognise: 'three'."
    assert not parsed.understood and parsed.rank == SHAPE


def test_a_name_alone_is_looking_at_it(game: Game) -> None:
    """A line that only names something in view looks at it (as many modern games
    read a bare noun); one that names several asks which."""
    assert [(a.name, a.noun) for a in parse(game, "glass").actions] == [("examine", "glass")]
    assert parse(game, "the glass").actions[0].noun == "glass"
    assert failed(game, "cup").error.startswith("Which do you mean, the blue cup")


def test_an_unknown_first_word_is_not_a_verb_in_the_same_words(game: Game) -> None:
    parsed = failed(game, "xyzzy the cup")
    assert parsed.error == "That's not a verb I recognise: 'xyzzy'." and parsed.rank == UNKNOWN
    assert parsed.unknown == "xyzzy" and not parsed.understood


def test_an_unknown_word_after_a_verb_is_named(game: Game) -> None:
    assert failed(game, "put cup xyzzy").error == "I don't know the word 'xyzzy'."
    assert failed(game, "wait 3 xyzzy").error == "I don't know the word 'xyzzy'."
    assert failed(game, "go xyzzy").error == "I don't know the word 'xyzzy'."


def test_the_most_telling_failure_is_the_one_shown(game: Game) -> None:
    parsed = failed(game, "take cup from")  # fits 'take {things}' but names nothing here
    assert parsed.error == "You can't see any such thing." and parsed.rank == SCOPE
    assert parsed.understood


# -- several commands, through a session ----------------------------------------------------
def test_then_chains_run_in_order(session: Session) -> None:
    steps = session.step("take red cup then drop it then take green cup. x it")
    assert [s.command for s in steps] == ["take red cup", "drop it", "take green cup", "x it"]
    holder = session.game.state.holder
    assert holder["red_cup"] == "parlour" and holder["green_cup"] == "pip"
    assert session.game.state.pronouns["it"] == "green_cup"


def test_a_long_then_chain_runs_every_command(session: Session) -> None:
    before = session.game.state.minutes
    steps = session.step(" then ".join(["wait 1 minute"] * 30))
    assert len(steps) == 30 and session.game.state.minutes == before + 30


def test_a_world_verb_after_and_starts_a_command(session: Session) -> None:
    steps = session.step("take red cup and polish it")
    assert [s.command for s in steps] == ["take red cup", "polish it"]
    assert play(session, "x cup").startswith("Which do you mean")


def test_a_number_that_is_not_one(game: Game) -> None:
    parsed = failed(game, "wait cup hours")
    assert parsed.error == "'cup' is not a number I know." and parsed.rank == SHAPE


def test_words_that_are_not_a_number_are_echoed_up_to_forty_characters(game: Game) -> None:
    parsed = failed(game, "wait outside northeast northwest southeast southwest hours")
    assert parsed.error == "'outside northeast northwest southeast so' is not a number I know."


def test_a_direction_alone_goes_even_when_a_world_verb_begins_with_it(game: Game) -> None:
    action = one(game, "down")  # the world's "down {thing}" (drink) does not fit
    assert (action.name, action.direction) == ("go", "down")
    action = one(game, "down red cup")
    assert (action.name, action.noun) == ("drink", "red_cup")


def test_an_unknown_word_for_a_person_is_not_scenery(game: Game) -> None:
    assert failed(game, "talk to the general").error == "I don't know the word 'general'."


def test_going_to_a_place_does_not_make_it_it(game: Game) -> None:
    assert one(game, "go to hall").direction == "north"  # next door: the way there
    assert one(game, "go to hall closet").noun == "closet"
    assert "it" not in game.state.pronouns


def test_words_and_values_go_with_every_thing_named(game: Game) -> None:
    parsed = parse(game, "engrave red cup and green cup with our initials")
    assert [(a.noun, a.text) for a in parsed.actions] == [
        ("red_cup", "our initials"),
        ("green_cup", "our initials"),
    ]
    action = one(game, "wind red cup for 3 hours")
    assert (action.noun, action.number, action.data) == ("red_cup", 180, {"unit": True})
    action = one(game, "push box north")
    assert (action.name, action.noun, action.direction) == ("push", "box", "north")
