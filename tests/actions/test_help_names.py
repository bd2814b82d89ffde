"""HELP names what a command takes by what it means: "cast JUTSU", "follow PERSON", not
"cast TOPIC" for every command whose words are free."""

from __future__ import annotations

from tests.helpers import play


def test_help_names_free_words_by_what_the_extension_says_they_are(new_session) -> None:
    said = play(new_session(), "help")
    assert "cast JUTSU" in said and "follow PERSON" in said and "search for PERSON" in said
    assert "TOPIC" not in said.split("This story also knows:")[1]
