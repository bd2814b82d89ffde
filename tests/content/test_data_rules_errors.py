"""`kage check` on rules, counters, responses and varying names: each mistake is an error
at its file and line, with what would fix it."""

from __future__ import annotations

from pathlib import Path

from tests.content.worlds import find, minimal, only, problems

from kage.content.compile import load_world
from kage.core.responses import response

CLEAN = """\
counters: {bells: 0}
action_kinds:
  handling: [take, drop]
responses:
  testing.bell: "{The noun} rings in {here}."
rules:
  - name: ringing
    phase: instead
    action: handling
    noun: {kind: thing}
    when: {counter: {bells: {below: 3}}}
    say: "Ding."
    effects: [{increment: bells}, {add: {bells: -1}}, {set: {bells: 2}}]
"""
EFFECTS = "    effects: [{increment: bells}, {add: {bells: -1}}, {set: {bells: 2}}]"

response("testing.bell", "{The noun} rings.")


def broken(tmp_path: Path, old: str, new: str) -> tuple[int, str]:
    """(line, message) of the one problem in the clean rules file with `old` made `new`."""
    assert old in CLEAN
    text = CLEAN.replace(old, new, 1)
    problem = only(minimal(tmp_path, rules_yaml=text))
    assert problem.file == "rules.yaml"
    return problem.line, problem.message


def line_of(text: str) -> int:
    return CLEAN.splitlines().index(text) + 1


def test_the_clean_file_loads(tmp_path: Path) -> None:
    world = load_world(minimal(tmp_path, rules_yaml=CLEAN))
    assert world.data["counters"] == {"bells": 0}
    assert world.data["rules"][0]["source"] == "rules.yaml:7"
    assert world.responses["testing.bell"][0].text == "{The noun} rings in {here}."


def test_a_phase_that_is_not_one(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "phase: instead", "phase: insted")
    assert line == line_of("    phase: instead")
    assert "must be one of 'before', 'instead'" in message and "Did you mean 'instead'?" in message


def test_an_unknown_action(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "action: handling", "action: [take, tkae]")
    assert line == line_of("    action: handling")
    assert "'tkae', which is not an action or a kind of action" in message
    assert "Did you mean 'take'?" in message


def test_an_empty_list_of_actions_is_not_any(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "action: handling", "action: []")
    assert line == line_of("    action: handling")
    assert message == "the 'action' of rule 'ringing' is empty: name an action, or 'any'."


def test_one_exception_may_be_written_without_a_list(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "noun: {kind: thing}", "except: {action: lok}")
    assert line == line_of("    noun: {kind: thing}")
    assert "the 'action' of the 'except' of rule 'ringing' names 'lok'" in message


def test_an_unknown_kind_of_action_in_an_exception(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "noun: {kind: thing}", "except: [handlin]")
    assert line == line_of("    noun: {kind: thing}")
    assert "Did you mean 'handling'?" in message


def test_an_exception_written_as_a_command(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "noun: {kind: thing}", "except: [take, go n]")
    assert line == line_of("    noun: {kind: thing}")
    assert "'go n', which is not an action" in message
    assert "To match 'go n', write {action: go, direction: north}." in message


def test_a_kind_of_action_with_an_unknown_action(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "[take, drop]", "[take, dorp]")
    assert line == line_of("  handling: [take, drop]")
    assert message.startswith("kind of action 'handling' names 'dorp'")
    assert "Did you mean 'drop'?" in message


def test_any_stands_alone(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "action: handling", "action: [any, take]")
    assert line == line_of("    action: handling")
    assert "'any' stands alone" in message


def test_an_undeclared_counter_in_an_effect(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "{increment: bells}", "{increment: bels}")
    assert line == line_of(EFFECTS)
    assert "effect 'increment' in rule 'ringing': 'bels' is not a known counter" in message
    assert "Did you mean 'bells'?" in message


def test_an_undeclared_counter_added_to(tmp_path: Path) -> None:
    _, message = broken(tmp_path, "{add: {bells: -1}}", "{add: {belfry: -1}}")
    assert "effect 'add' in rule 'ringing': 'belfry' is not a known counter" in message


def test_an_undeclared_counter_in_a_condition(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "{counter: {bells:", "{counter: {knells:")
    assert line == line_of("    when: {counter: {bells: {below: 3}}}")
    assert "'knells' is not a known counter" in message


def test_a_counter_compared_with_a_word_it_does_not_know(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "{below: 3}", "{under: 3}")
    assert line == line_of("    when: {counter: {bells: {below: 3}}}")
    assert "compares with above, below, min, max, not 'under'" in message


def test_a_counter_set_to_a_word(tmp_path: Path) -> None:
    _, message = broken(tmp_path, "{set: {bells: 2}}", "{set: {bells: loud}}")
    assert "'bells' is a counter, so it must be set to a whole number" in message


def test_a_counter_tested_as_a_flag(tmp_path: Path) -> None:
    _, message = broken(tmp_path, "{counter: {bells: {below: 3}}}", "{flag: bells}")
    assert "'bells' is a counter, not a flag: test it with {counter: bells}" in message


def test_a_counter_that_does_not_start_at_a_whole_number(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "{bells: 0}", "{bells: 0.5}")
    assert line == 1
    assert message == "counter 'bells' must be a whole number (like 5), not 0.5."


def test_a_counters_section_that_is_a_list(tmp_path: Path) -> None:
    text = CLEAN.replace("counters: {bells: 0}", "counters: [bells]")
    found = problems(minimal(tmp_path, rules_yaml=text))
    problem = find(found, "the 'counters' section must be a mapping")
    assert (problem.file, problem.line) == ("rules.yaml", 1)


def test_an_unknown_response(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "testing.bell:", "testing.bel:")
    assert line == line_of('  testing.bell: "{The noun} rings in {here}."')
    assert message == "there is no response named 'testing.bel'. Did you mean 'testing.bell'?"


EXTENSION_RESPONSE = 'responses:\n  freeing.cut: "You cut {the noun} loose with {blade}."\n'
NOT_USED = (
    "the response 'freeing.cut' belongs to the extension 'captivity', which this world does "
    "not use. Add 'captivity' to the extensions in its world section, or delete the line."
)


def test_a_response_of_an_extension_the_world_does_not_use(tmp_path: Path) -> None:
    problem = only(minimal(tmp_path, words_yaml=EXTENSION_RESPONSE))
    assert (problem.file, problem.line, problem.message) == ("words.yaml", 2, NOT_USED)
    # with the extension (or one that needs it: captivity comes with it), the line is fine
    load_world(minimal(tmp_path / "with", "captivity", words_yaml=EXTENSION_RESPONSE))


def test_an_extensions_response_is_known_before_its_code_has_run(tmp_path: Path) -> None:
    """In a fresh process nothing has imported captivity: its responses are still known,
    so `kage check` says the same whatever ran before it."""
    import subprocess
    import sys

    folder = minimal(tmp_path, words_yaml=EXTENSION_RESPONSE)
    script = (
        "import sys\n"
        "from kage.content.compile import load_world\n"
        "assert 'kage.ext.captivity.captives' not in sys.modules\n"
        f"try:\n    load_world({str(folder)!r})\n"
        "except Exception as error:\n    print(error)\n"
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert ran.returncode == 0, ran.stderr
    assert NOT_USED in ran.stdout


def test_an_unknown_placeholder_in_a_response(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "in {here}", "in {hear}")
    assert line == line_of('  testing.bell: "{The noun} rings in {here}."')
    assert "uses the placeholder {hear}, which nothing fills. Did you mean {here}?" in message


def test_an_unknown_placeholder_in_a_rule(tmp_path: Path) -> None:
    line, message = broken(tmp_path, 'say: "Ding."', 'say: "{The nown} dings."')
    assert line == line_of('    say: "Ding."')
    assert "the 'say' of rule 'ringing' uses the placeholder {The nown}" in message
    assert "Did you mean {The noun}?" in message


def test_two_rules_of_one_name(tmp_path: Path) -> None:
    second = CLEAN + "  - {name: ringing, phase: report, action: look, say: Hm.}\n"
    problem = only(minimal(tmp_path, rules_yaml=second))
    assert problem.line == len(CLEAN.splitlines()) + 1
    assert "two rules are named 'ringing'" in problem.message and "rules.yaml:7" in problem.message


def test_a_report_rule_cannot_stop(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "phase: instead", "phase: report\n    stop: true")
    assert line == line_of("    phase: instead") + 1
    assert "make it an 'after' rule" in message


def test_a_rule_that_does_nothing(tmp_path: Path) -> None:
    text = CLEAN + "  - {phase: before, action: look}\n"
    problem = only(minimal(tmp_path, rules_yaml=text))
    assert problem.line == len(CLEAN.splitlines()) + 1
    assert "the 2nd rule does nothing" in problem.message


def test_a_direction_that_is_not_one(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "noun: {kind: thing}", "direction: nort")
    assert line == line_of("    noun: {kind: thing}")
    assert "'nort', which is not a direction. Did you mean 'north'?" in message


def test_an_unknown_noun(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "noun: {kind: thing}", "second: heor")
    assert line == line_of("    noun: {kind: thing}")
    assert "the 'second' of rule 'ringing' is 'heor', which is not a known" in message


def test_an_unknown_noun_in_a_list(tmp_path: Path) -> None:
    line, message = broken(tmp_path, "noun: {kind: thing}", "noun: [hero, heor]")
    assert line == line_of("    noun: {kind: thing}")
    assert "'heor', which is not a known place, person or thing" in message


def test_a_place_name_with_no_plain_variant(tmp_path: Path) -> None:
    places = """\
places:
  - id: room
    name:
      - {text: "Darkness", when: {flag: dark}}
    exits:
      north: street
  - id: street
    name: "the street"
    exits:
      south: {to: room, minutes: 2}
"""
    problem = only(minimal(tmp_path, places_yaml=places))
    assert (problem.file, problem.line) == ("places.yaml", 3)
    assert "has no variant without a 'when'" in problem.message


def test_a_place_name_variant_with_a_bad_condition(tmp_path: Path) -> None:
    places = """\
places:
  - id: room
    name:
      - {text: "Darkness", when: {flagg: dark}}
      - text: "a small room"
    exits:
      north: street
  - id: street
    name: "the street"
    exits:
      south: room
"""
    problem = only(minimal(tmp_path, places_yaml=places))
    assert (problem.file, problem.line) == ("places.yaml", 4)
    assert "unknown condition 'flagg'. Did you mean 'flag'?" in problem.message
