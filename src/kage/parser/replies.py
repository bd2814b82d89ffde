"""What the parser says when a command cannot become an action.

Each reply is a named response (a world can reword it) and its name is the failure's
class: the session reports it with the turn (`failure`), so a player's log, an agent or
the newcomer corpus can count how often commands end in "I don't know the word" rather
than in the story.
"""

from __future__ import annotations

from kage.core.responses import Response, response

__all__ = ["Response"]

PARDON = response("parser.pardon", "I beg your pardon?")
TOO_LONG = response(
    "parser.too_long", "That is more than I can follow at once. Try a shorter command."
)
UNKNOWN_WORD = response("parser.unknown_word", "I don't know the word '{word}'.", "word")
NOT_A_VERB = response("parser.not_a_verb", "That's not a verb I recognise: '{word}'.", "word")
NOT_UNDERSTOOD = response(
    "parser.not_understood",
    "I understood '{verb}' but not the rest. Try something like '{example}'.",
    "verb",
    "example",
)
WHAT = response("parser.what", "{asks} do you want to {verb}?", "asks", "verb")
WHICH = response("parser.which", "Which do you mean, {listed}?", "listed")
USE_HOW = response(
    "parser.use_how", "How do you want to use {thing}? You could {verbs}.", "thing", "verbs"
)
NOT_A_DIRECTION = response("parser.not_a_direction", "'{word}' is not a direction.", "word")
NOT_A_UNIT = response(
    "parser.not_a_unit", "'{word}' is not a length of time (try minutes, hours or days).", "word"
)
NOT_A_NUMBER = response("parser.not_a_number", "'{word}' is not a number I know.", "word")
NOT_WHOLE = response(
    "parser.not_whole", "Whole numbers only, please: say 90 minutes rather than 1.5 hours."
)
SCENERY = response("parser.scenery", "The {words}? That is only part of the scenery here.", "words")
CANT_SEE = response("parser.cant_see", "You can't see any such thing.")
TOO_DARK = response("parser.too_dark", "It is too dark to see any such thing.")
ABOUT_YOU = response("parser.about_you", "That won't make it go away.")
NOBODY = response("parser.nobody", "There is nobody like that here.")
# someone the player knows of, asked for where they are not: an answer, not a failure
NOT_HERE = response("parser.not_here", "{People} {is} not here.", "people")
NO_PLACE = response("parser.no_place", "You don't know of any such place.")
NO_WAY = response("parser.no_way", "You can't see any way like that from here.")
WHICH_WAY = response("parser.which_way", "Which way do you mean, {listed}?", "listed")
PRONOUN_UNSET = response("parser.pronoun_unset", "I'm not sure what '{word}' refers to.", "word")
PRONOUN_GONE = response("parser.pronoun_gone", "You can't see {thing} here.", "thing")
BE_SPECIFIC = response("parser.be_specific", "You'll need to be more specific.")
NO_ALL = response("parser.no_all", "You can't use '{word}' with that verb.", "word")
NOTHING_FOR_ALL = response("parser.nothing_for_all", "There is nothing to {verb}.", "verb")
CORRECTED = response("parser.corrected", "(I took '{word}' to mean '{meant}'.)", "word", "meant")
LEFT_OUT = response(
    "parser.left_out", "(I don't know the word '{word}', so I left it out.)", "word"
)
# the one thing a verb typed alone could be done to, said before doing it (Inform's note)
SUPPLIED = response("parser.supplied", "({thing})", "thing")
DID_YOU_MEAN = response("parser.did_you_mean", "Did you mean '{word}'?", "word")
NOTHING_TO_CORRECT = response("parser.nothing_to_correct", "There is nothing to correct.")
