"""A broken world file gets an error naming the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.content.worlds import (
    BANISHED,
    MINIMAL,
    banished,
    edit,
    find,
    minimal,
    only,
    problems,
)

from kage.content import refs
from kage.content.compile import load_world
from kage.content.errors import ContentError


# -- worlds that load ----------------------------------------------------------------------
def test_the_minimal_world_loads(tmp_path: Path) -> None:
    world = load_world(minimal(tmp_path))
    assert world.entities["room"].exits["north"].to == "street"
    assert world.player == "hero"


def test_the_bundled_campaign_loads_with_no_problems() -> None:
    world = load_world(BANISHED)
    assert world.id == "banished"
    assert world.entities["hokage_office"].kind == "place"


def test_an_unquoted_date_is_read_as_the_date_written(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "player: hero", "player: hero\n  start_time: 2020-01-01")
    assert load_world(tmp_path).start_time.year == 2020


# -- references ----------------------------------------------------------------------------
def test_an_exit_to_nowhere(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "north: street", "north: strete")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 6)
    assert "exit 'north' of place 'room' leads to 'strete'" in problem.message
    assert "Did you mean 'street'?" in problem.message


def test_an_exit_to_nowhere_in_the_campaign(tmp_path: Path) -> None:
    banished(tmp_path)
    line = edit(tmp_path, "places.yaml", "north: {to: hokage_office", "north: {to: hokage_ofice")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", line)
    assert "leads to 'hokage_ofice'" in problem.message
    assert "Did you mean 'hokage_office'?" in problem.message


def test_a_person_at_an_unknown_place(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "people.yaml", "at: room", "at: rom")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("people.yaml", 4)
    assert "the 'at' of person 'hero' is 'rom'" in problem.message
    assert "Did you mean 'room'?" in problem.message


def test_a_reference_with_nothing_close_lists_what_is_known(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "people.yaml", "at: room", "at: zzzzzz")
    problem = only(tmp_path)
    assert "Known: room, street." in problem.message


def test_a_bad_reference_inside_a_condition(tmp_path: Path) -> None:
    banished(tmp_path)
    line = edit(tmp_path, "world.yaml", "  - when: {mood:", "  - when: {at: hokage_ofice, mood:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", line)
    assert "condition 'at'" in problem.message
    assert "'hokage_ofice' is not a known place" in problem.message
    assert "Did you mean 'hokage_office'?" in problem.message


def test_a_bad_reference_inside_a_nested_condition(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(
        tmp_path,
        "world.yaml",
        "    when: {at: street}",
        "    when:\n      any:\n        - {flag: x}\n        - not: {at: stret}",
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 13)
    assert "condition 'at' in ending 'outside'" in problem.message
    assert "Did you mean 'street'?" in problem.message


def test_a_bad_reference_inside_an_effect(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(
        tmp_path, "world.yaml", "endings:", "start:\n  - say: hi\n  - move: {hero: stret}\nendings:"
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 8)
    assert "effect 'move' in the 'start' section" in problem.message
    assert "'stret' is not a known place, person or thing. Did you mean 'street'?" in str(problem)


def test_the_player_is_not_a_person(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "player: hero", "player: room")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 5)
    assert "'room', which is a place, not a person" in problem.message
    assert "People: hero." in problem.message


def test_the_player_is_nobody(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "player: hero", "player: heroo")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 5)
    assert "Did you mean 'hero'?" in problem.message


def test_the_player_has_nowhere_to_start(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "people.yaml", "    at: room\n", "")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 5)
    assert "has no 'at'" in problem.message
    assert "people.yaml:2" in problem.message


# -- duplicates ----------------------------------------------------------------------------
def test_a_duplicate_id_in_one_file(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "id: street", "id: room")
    found = problems(tmp_path)
    problem = find(found, "used twice")
    assert (problem.file, problem.line) == ("places.yaml", 7)
    assert "places.yaml:2" in problem.message
    assert "rename one of them" in problem.message


def test_a_duplicate_id_across_two_files(tmp_path: Path) -> None:
    things = "things:\n  - {id: lamp, name: lamp, at: room}\n  - {id: hero, name: x, at: room}\n"
    minimal(tmp_path, things_yaml=things)
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 3)
    assert "'hero' is used twice" in problem.message
    assert "person 'hero' at people.yaml:2" in problem.message


def test_duplicate_ids_of_other_kinds(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(
        tmp_path,
        "world.yaml",
        "    when: {at: street}",
        "    when: {at: street}\n  - {id: outside, won: false, text: x}",
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 11)
    assert "world.yaml:7" in problem.message


# -- types and fields ----------------------------------------------------------------------
def test_minutes_that_are_not_a_number(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "{to: room, minutes: 2}", "{to: room, minutes: soon}")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 10)
    assert "the 'minutes' of exit 'south' of place 'street'" in problem.message
    assert "must be a whole number (like 5), not 'soon'" in problem.message


def test_minutes_on_their_own_line(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(
        tmp_path, "places.yaml", "{to: room, minutes: 2}", "\n        to: room\n        minutes: -3"
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 12)
    assert "must be at least 0, not -3" in problem.message


def test_a_bond_too_strong(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(
        tmp_path,
        "people.yaml",
        "    at: room\n",
        "    at: room\nbonds:\n  - from: hero\n    to: hero\n    strength: 500\n",
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("people.yaml", 8)
    assert "the 'strength' of the bond from 'hero' to 'hero' must be at most 100, not 500" in (
        problem.message
    )


def test_text_where_a_list_belongs(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", '    name: "the street"', '    name: "the street"\n    zones: 5')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 9)
    assert "the 'zones' of place 'street' must be a list" in problem.message


def test_a_misspelt_field(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "description:", "descripton:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 4)
    assert "place 'room' has an unknown field 'descripton'" in problem.message
    assert "Did you mean 'description'?" in problem.message


def test_an_unknown_field_with_nothing_close_lists_the_fields(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "{to: room, minutes: 2}", "{to: room, qqqq: 2}")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 10)
    assert "exit 'south' of place 'street' has an unknown field 'qqqq'" in problem.message
    assert "to, minutes, when, refusal, text" in problem.message


def test_a_missing_field(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", '    name: "the street"\n', "")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 7)
    assert "place 'street' has no 'name'" in problem.message
    assert "Add 'name: ...'" in problem.message


def test_a_bad_id(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "id: street", "id: Main Street")
    found = problems(tmp_path)
    problem = find(found, "has an id that will not do")
    assert (problem.file, problem.line) == ("places.yaml", 7)
    assert "lowercase letters, digits and underscores" in problem.message
    assert "(like 'main_street')" in problem.message


def test_a_blank_name(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", '"the street"', '"  "')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 8)
    assert "the 'name' of place 'street' must not be blank" in problem.message


def test_a_choice_not_offered(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "people.yaml", "    at: room", "    at: room\n    gender: herr")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("people.yaml", 5)
    assert "'him', 'her' or 'them'" in problem.message
    assert "Did you mean 'her'?" in problem.message


def test_a_number_where_text_belongs(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", 'title: "Tiny"', "title: [Tiny]")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 3)
    assert "the 'title' of the 'world' section must be text, not a list" in problem.message


def test_an_exit_written_as_nothing(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "north: street", "north:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 6)
    assert "exit 'north' of place 'room' must be the id of a place" in problem.message
    assert "not empty" in problem.message


def test_a_section_that_is_not_a_list(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things: a lamp\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 1)
    assert "the 'things' section must be a list" in problem.message


def test_an_empty_entry(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things:\n  - id: lamp\n    name: lamp\n    at: room\n  -\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 5)
    assert "the 2nd thing is empty" in problem.message


def test_a_system_section_entry(tmp_path: Path) -> None:
    minimal(
        tmp_path,
        uses="trade",
        shops_yaml="shops:\n  - id: stall\n    keeper: hero\n    place: room\n    pays: 2\n"
        "    markupp: 2\n",
    )
    found = problems(tmp_path)
    pays = find(found, "'pays'")
    assert (pays.file, pays.line) == ("shops.yaml", 5)
    assert "the 'pays' of shop 'stall' must be at most 1, not 2" in pays.message
    markup = find(found, "markupp")
    assert (markup.file, markup.line) == ("shops.yaml", 6)
    assert "Did you mean 'markup'?" in markup.message


def test_a_system_section_reference(tmp_path: Path) -> None:
    minimal(
        tmp_path,
        uses="trade",
        shops_yaml="shops:\n  - id: stall\n    keeper: heroo\n    place: room\n",
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("shops.yaml", 3)
    assert "the 'keeper' of shop 'stall' is 'heroo', which is not a known person" in (
        problem.message
    )


# -- sections, conditions, effects, directions ---------------------------------------------
def test_an_unknown_section(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "endings:", "endngs:")
    found = problems(tmp_path)
    problem = find(found, "unknown section")
    assert (problem.file, problem.line) == ("world.yaml", 6)
    assert "unknown section 'endngs'. Did you mean 'endings'?" in problem.message


def test_an_unknown_condition(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "{at: street}", "{att: street}")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 10)
    assert "the 'when' of ending 'outside': unknown condition 'att'" in problem.message
    assert "Did you mean 'at'?" in problem.message


def test_a_condition_that_is_not_a_mapping(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "{at: street}", "at street")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 10)
    assert "must be a condition such as {flag: name}" in problem.message


def test_all_without_a_list(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "{at: street}", "{all: {at: street}}")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 10)
    assert "'all' needs a list of conditions" in problem.message


def test_an_unknown_effect(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "endings:", "start:\n  - say: hello\n  - sayy: hello\nendings:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 8)
    assert "unknown effect 'sayy'. Did you mean 'say'?" in problem.message


def test_an_effect_that_is_not_a_mapping(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "endings:", "start:\n  - hello\nendings:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 7)
    assert "the 1st effect in the 'start' section must be an effect such as" in problem.message


def test_a_bad_direction(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "north: street", "nrth: street")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 6)
    assert "place 'room' has an exit 'nrth', which is not a direction" in problem.message
    assert "Did you mean 'north'?" in problem.message


def test_an_abbreviated_direction(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "north: street", "n: street")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 6)
    assert "write the direction as 'north'" in problem.message


# -- times and durations -------------------------------------------------------------------
def test_a_bad_start_time(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "player: hero", "player: hero\n  start_time: tomorrow morning")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 6)
    assert "'tomorrow morning', which is not a date and time" in problem.message
    assert '"0060-10-10T09:00"' in problem.message


@pytest.mark.parametrize("duration", ["soonish", "3 moons", "2x", "h3", ""])
def test_bad_durations(tmp_path: Path, duration: str) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", 'text: "You are out."', f'text: "x"\n    epilogue: "{duration}"')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 10)
    assert "the 'epilogue' of ending 'outside'" in problem.message
    assert "which is not a length of time. Write it like '45m', '3h'" in problem.message


def test_a_bad_event_time(tmp_path: Path) -> None:
    minimal(tmp_path, events_yaml="events:\n  - id: bell\n    at: at noon\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("events.yaml", 3)
    assert "the 'at' of event 'bell' is 'at noon', which is not a length of time" in (
        problem.message
    )


def test_a_negative_duration(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", 'text: "You are out."', 'text: "x"\n    epilogue: -5')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 10)
    assert "must not be negative" in problem.message


# -- files that are not YAML, or not world files -------------------------------------------
def test_a_tab(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "  - id: street", "\t- id: street")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 7)
    assert "indented with a tab" in problem.message
    assert "spaces" in problem.message


def test_an_unclosed_bracket(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "{to: room, minutes: 2}", "[room")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 10)
    assert "the '[' on this line is not closed. Add ']'" in problem.message


def test_an_unclosed_brace(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "{at: street}", "{at: street")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 10)
    assert "Add '}'" in problem.message


def test_an_unclosed_quote(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", '"the street"', '"the street')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 8)
    assert "a quote opened on this line is not closed" in problem.message


def test_a_missing_space_after_a_colon(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "people.yaml", "  - id: hero\n", "  - id: hero\n    name:Hero\n    x\n")
    problem = only(tmp_path)
    assert problem.file == "people.yaml"
    assert problem.line in (3, 4)
    assert "':' is followed by a space" in problem.message


def test_a_duplicate_key(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", '    name: "the street"', '    name: "the street"\n    name: x')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 9)
    assert "the key 'name' appears twice" in problem.message


def test_two_documents(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things: []\n---\nthings: []\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 2)
    assert "one document per file" in problem.message


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "\n\n"])
def test_an_empty_file(tmp_path: Path, text: str) -> None:
    minimal(tmp_path, things_yaml=text)
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 1)
    assert "the file is empty" in problem.message
    assert "or delete the file" in problem.message


def test_a_file_that_is_a_list(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="- id: lamp\n  name: lamp\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 1)
    assert "must be made of sections" in problem.message
    assert "this file is a list" in problem.message


def test_a_file_that_is_one_value(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="just some words\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 1)
    assert "must be made of sections" in problem.message


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things:\n  - id: lamp\n    name: caf\xe9\n".encode("latin-1"))
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 3)
    assert "not UTF-8" in problem.message
    assert "Save the file as UTF-8" in problem.message


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    text = "\ufeffthings:\n  - {id: lamp, name: lamp, at: room}\n"
    minimal(tmp_path, things_yaml=text.encode("utf-8"))
    assert "lamp" in load_world(tmp_path).entities


def test_a_control_character(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things:\n  - id: lamp\n    name: la\x07mp\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 3)
    assert "control character ('\\x07') that YAML does not allow; delete it" in problem.message


def test_an_alias_that_contains_itself(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things: &a\n  - *a\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 2)
    assert "the alias '*a' is inside the '&a' it repeats" in problem.message


def test_very_deep_nesting(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things: " + "[" * 200 + "]" * 200 + "\n")
    problem = only(tmp_path)
    assert problem.file == "things.yaml"
    assert "nested" in problem.message


def test_a_folder_with_no_world_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a world")
    problem = only(tmp_path)
    assert problem.file == str(tmp_path)
    assert "holds no world files" in problem.message
    assert "world.yaml" in problem.message


def test_not_a_folder(tmp_path: Path) -> None:
    problem = only(tmp_path / "nowhere")
    assert "is not a folder" in problem.message


def test_editor_leftovers_are_skipped(tmp_path: Path) -> None:
    minimal(tmp_path)
    (tmp_path / ".#places.yaml").symlink_to(tmp_path / "gone")
    (tmp_path / ".places.yaml.swp.yaml").write_bytes(b"\x00\xff")
    assert load_world(tmp_path).id == "tiny"


def test_a_missing_world_section(tmp_path: Path) -> None:
    minimal(tmp_path, world_yaml="endings:\n  - {id: out, won: true, text: x, when: {at: stret}}\n")
    found = problems(tmp_path)
    missing = find(found, "no file has a 'world' section")
    assert missing.file == tmp_path.name
    assert "Add one (say, in world.yaml)" in missing.message
    other = find(found, "'stret' is not a known place")
    assert (other.file, other.line) == ("world.yaml", 2)


def test_two_world_sections(tmp_path: Path) -> None:
    minimal(tmp_path, zz_more_yaml="world:\n  id: two\n  title: x\n  intro: x\n  player: hero\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("zz_more.yaml", 1)
    assert "a second 'world' section: the first is at world.yaml:1" in problem.message


def test_no_endings(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "endings:", "# no endings yet\n")
    edit(tmp_path, "world.yaml", "  - id: outside", "# - id: outside")
    minimal(tmp_path, world_yaml="world:\n  id: tiny\n  title: x\n  intro: x\n  player: hero\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 1)
    assert "the world has no endings. Add an 'endings' section" in problem.message


# -- many problems at once -----------------------------------------------------------------
def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "{to: room, minutes: 2}", "{to: room, minutes: soon}")
    edit(tmp_path, "places.yaml", "north: street", "nrth: street")
    edit(tmp_path, "people.yaml", "at: room", "at: rom")
    edit(tmp_path, "world.yaml", "{at: street}", "{att: street}")
    found = problems(tmp_path)
    where = {(p.file, p.line) for p in found}
    assert where == {
        ("places.yaml", 6),
        ("places.yaml", 10),
        ("people.yaml", 4),
        ("world.yaml", 10),
    }, "\n".join(str(p) for p in found)


def test_problems_in_several_files_of_the_campaign(tmp_path: Path) -> None:
    banished(tmp_path)
    places = edit(tmp_path, "places.yaml", "description:", "descripton:")
    people = edit(tmp_path, "people.yaml", "gender: her", "gender: she")
    found = problems(tmp_path)
    assert find(found, "descripton").line == places
    assert find(found, "gender").line == people
    assert len(found) == 2, "\n".join(str(p) for p in found)


def test_a_yaml_error_in_one_file_does_not_hide_another(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "north: street", "north: [street")
    edit(tmp_path, "people.yaml", "    at: room", "    at: room\n    mood: 500")
    found = problems(tmp_path)
    assert {p.file for p in found} == {"places.yaml", "people.yaml"}
    assert len(found) == 2, "\n".join(str(p) for p in found)


def test_a_broken_entry_is_not_reported_again_where_it_is_named(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", '    name: "the street"', '    name: "the street"\n    known: 7')
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 9)
    assert "must be true or false, not 7" in problem.message


def test_the_message_reads_as_file_line_message(tmp_path: Path) -> None:
    minimal(tmp_path)
    edit(tmp_path, "places.yaml", "north: street", "north: strete")
    with pytest.raises(ContentError) as info:
        load_world(tmp_path)
    assert str(info.value) == (
        "places.yaml:6: exit 'north' of place 'room' leads to 'strete', which is not a known "
        "place. Did you mean 'street'?"
    )


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("{mood: 5}", "condition 'mood' in ending 'outside' needs something like {mood: {who:"),
        ("{bond: {to: hero}}", "condition 'bond' in ending 'outside' needs 'from', like"),
        ("{mood: {who: hero, below: low}}", "needs a number for 'below'"),
        ("{chance: half}", "needs something like {chance: 0.25}, not 'half'"),
        ("{at: [street, 5]}", "needs names in its list"),
    ],
)
def test_a_condition_of_the_wrong_shape(tmp_path: Path, written: str, says: str) -> None:
    minimal(tmp_path)
    edit(tmp_path, "world.yaml", "{at: street}", written)
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 10)
    assert says in problem.message


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("{set: door_open}", "effect 'set' in the 'start' section needs something like"),
        ("{say: [a, b]}", "effect 'say' in the 'start' section needs something like"),
        ("{pay: {to: hero}}", "needs 'amount'"),
        ("{prop: {hero: lit}}", "needs a mapping of properties for each thing"),
        ("{schedule: {event: bell, in: soon}}", "needs a length of time for 'in'"),
    ],
)
def test_an_effect_of_the_wrong_shape(tmp_path: Path, written: str, says: str) -> None:
    minimal(tmp_path, events_yaml="events:\n  - id: bell\n")
    edit(tmp_path, "world.yaml", "endings:", f"start:\n  - {written}\nendings:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 7)
    assert says in problem.message


def test_windows_line_endings_keep_their_line_numbers(tmp_path: Path) -> None:
    text = MINIMAL["places.yaml"].replace("north: street", "north: strete")
    minimal(tmp_path, places_yaml=text.replace("\n", "\r\n").encode())
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 6)


# -- containment ---------------------------------------------------------------------------
def test_a_box_inside_itself(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things:\n  - id: box\n    name: box\n    at: box\n")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 4)
    assert "thing 'box' is inside itself (its 'at' is 'box')" in problem.message
    assert "put one of them in a place or with a person" in problem.message


def test_things_inside_each_other_are_reported_once(tmp_path: Path) -> None:
    text = (
        "things:\n"
        "  - {id: lamp, name: lamp, at: room}\n"
        "  - {id: bag, name: bag, at: chest, container: true}\n"
        "  - {id: chest, name: chest, at: crate, container: true}\n"
        "  - {id: crate, name: crate, at: bag, container: true}\n"
        "  - {id: coin, name: coin, at: crate}\n"
    )
    minimal(tmp_path, things_yaml=text)
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("things.yaml", 3)
    assert (
        "thing 'bag' is inside itself: 'bag' is in 'chest', 'chest' is in 'crate', "
        "'crate' is in 'bag'." in problem.message
    )


def test_a_ring_across_files_is_reported_at_the_first_thing_defined(tmp_path: Path) -> None:
    minimal(
        tmp_path,
        a_yaml="things:\n  - {id: b, name: b, at: a}\n",
        b_yaml="things:\n  - {id: a, name: a, at: b}\n",
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("a.yaml", 2)
    assert "'b' is in 'a', 'a' is in 'b'" in problem.message


def test_things_in_things_in_a_place_are_fine(tmp_path: Path) -> None:
    text = (
        "things:\n"
        "  - {id: chest, name: chest, at: room, container: true}\n"
        "  - {id: bag, name: bag, at: chest, container: true}\n"
        "  - {id: coin, name: coin, at: bag}\n"
        "  - {id: ring, name: ring, at: hero}\n"
    )
    minimal(tmp_path, things_yaml=text)
    assert load_world(tmp_path).entities["coin"].start == "bag"


def test_an_effect_that_moves_a_thing_into_itself(tmp_path: Path) -> None:
    minimal(tmp_path, things_yaml="things:\n  - {id: box, name: box, at: room}\n")
    edit(tmp_path, "world.yaml", "endings:", "start:\n  - move: {box: box}\nendings:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", 7)
    assert "it moves 'box' into itself" in problem.message


# -- time: nothing may take the clock past the year 9999 ------------------------------------
def _start(folder: Path, when: str) -> None:
    edit(folder, "world.yaml", "player: hero", f'player: hero\n  start_time: "{when}"')


@pytest.mark.parametrize(
    ("start", "exit_minutes", "fits"),
    [
        ("9999-12-31T23:57", 2, True),
        ("9999-12-31T23:58", 2, False),
        ("0001-01-01T08:00", 10**12, False),
        ("2020-01-01T00:00", 4_190_000_000, True),
        ("2020-01-01T00:00", 4_200_000_000, False),
    ],
)
def test_an_exit_that_would_take_the_clock_past_9999(
    tmp_path: Path, start: str, exit_minutes: int, fits: bool
) -> None:
    minimal(tmp_path)
    _start(tmp_path, start)
    edit(tmp_path, "places.yaml", "minutes: 2", f"minutes: {exit_minutes}")
    if fits:
        assert load_world(tmp_path).entities["street"].exits["south"].minutes == exit_minutes
        return
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("places.yaml", 10)
    assert f"the 'minutes' of exit 'south' of place 'street' is {exit_minutes}" in problem.message
    assert f"start_time, {start}, that is past the end of the year 9999" in problem.message
    assert "Make it shorter, or start the world earlier." in problem.message


def test_a_start_time_at_the_end_of_the_calendar_is_reported_where_time_passes(
    tmp_path: Path,
) -> None:
    minimal(tmp_path, events_yaml="events:\n  - id: bell\n    at: 3d\n")
    _start(tmp_path, "9999-12-30T00:00")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("events.yaml", 3)
    assert "the 'at' of event 'bell' is '3d' (3 days)" in problem.message
    assert "start_time, 9999-12-30T00:00, that is past the end of the year 9999" in problem.message


@pytest.mark.parametrize(
    ("effect", "line_of"),
    [
        ("{schedule: {event: bell, in: 6000000000m}}", "in"),
        ("{pass_time: {span: 600000000d}}", "span"),
        ("{status: {add: rash, for: 90000000w}}", "for"),
    ],
)
def test_an_effect_that_would_take_the_clock_past_9999(
    tmp_path: Path, effect: str, line_of: str
) -> None:
    minimal(
        tmp_path,
        uses="body",
        events_yaml="events:\n  - id: bell\n",
        statuses_yaml="statuses:\n  - {id: rash, name: rash}\n",
    )
    line = edit(tmp_path, "world.yaml", "endings:", f"start:\n  - {effect}\nendings:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", line + 1)
    assert f"the '{line_of}' of effect" in problem.message
    assert "past the end of the year 9999" in problem.message


@pytest.mark.parametrize(
    ("files", "where"),
    [
        ({"events_yaml": "events:\n  - {id: bell, at: 99999999999m}\n"}, ("events.yaml", 2)),
        (
            {"statuses_yaml": "statuses:\n  - {id: rash, name: rash, duration: 9999999d}\n"},
            ("statuses.yaml", 2),
        ),
        (
            {
                "routes_yaml": "routes:\n  - {id: r, who: hero, path: [room], "
                "minutes: 10000000000}\n"
            },
            ("routes.yaml", 2),
        ),
        (
            {
                "m_yaml": "motions:\n  - id: m\n    council: c\n    subject: hero\n"
                "    charge: x\n    weights: {}\n    edict: {deadline: 99999999999h, zones: [],"
                " penalty: outside}\ncouncils:\n  - {id: c, name: c, members: []}\n"
            },
            ("m.yaml", 7),
        ),
    ],
    ids=["event at", "status duration", "route minutes", "edict deadline"],
)
def test_data_that_would_take_the_clock_past_9999(
    tmp_path: Path, files: dict[str, str], where: tuple[str, int]
) -> None:
    minimal(tmp_path, uses="body, routes", **files)
    problem = only(tmp_path)
    assert (problem.file, problem.line) == where
    assert "past the end of the year 9999, the last the clock can show" in problem.message


def test_a_road_of_endless_days(tmp_path: Path) -> None:
    banished(tmp_path)
    line = edit(tmp_path, "nations.yaml", "days: 1.5", "days: .inf")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("nations.yaml", line)
    assert "(forever)" in problem.message


def test_a_status_with_a_duration_that_is_not_a_time(tmp_path: Path) -> None:
    minimal(
        tmp_path,
        uses="body",
        statuses_yaml="statuses:\n  - {id: rash, name: rash, duration: soon}\n",
    )
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("statuses.yaml", 2)
    assert "'soon', which is not a length of time" in problem.message


@pytest.mark.parametrize(
    ("effect", "says"),
    [
        ("{pass_time: {tell: true}}", "needs 'span'"),
        ("{pass_time: {span: soon}}", "needs a length of time for 'span'"),
        ("{status: {add: rash, for: later}}", "needs a length of time for 'for'"),
    ],
)
def test_a_time_effect_of_the_wrong_shape(tmp_path: Path, effect: str, says: str) -> None:
    minimal(tmp_path, uses="body", statuses_yaml="statuses:\n  - {id: rash, name: rash}\n")
    line = edit(tmp_path, "world.yaml", "endings:", f"start:\n  - {effect}\nendings:")
    problem = only(tmp_path)
    assert (problem.file, problem.line) == ("world.yaml", line + 1)
    assert says in problem.message


def test_did_you_mean_is_offered_a_bounded_number_of_times(tmp_path: Path) -> None:
    places = "places:\n" + "".join(f"  - {{id: place_{i:03}, name: p}}\n" for i in range(60))
    things = "things:\n" + "".join(
        f"  - {{id: t{i}, name: t, at: plaec_{i:03}}}\n" for i in range(40)
    )
    minimal(tmp_path, a_yaml=places, b_yaml=things)
    found = problems(tmp_path)
    assert len(found) == 40
    offered = [p for p in found if "Did you mean" in p.message]
    assert len(offered) == refs.SUGGESTIONS
    assert "Did you mean 'place_000'?" in found[0].message
    assert "Known: hero, place_000, place_001" in found[-1].message
