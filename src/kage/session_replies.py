"""What the session's own commands say (quit, restart, undo, again, the preferences,
transcript, verify), as named responses a world may replace by name."""

from __future__ import annotations

from kage.core.responses import response

AGAIN_NOTHING = response("repeating.nothing", "There is nothing to do again yet.")
UNDO_NOTHING = response("undoing.nothing", "There is nothing to undo.")
QUIT_ASK = response("quitting.confirm", "Are you sure you want to quit? (y/n)")
QUIT_DONE = response("quitting.goodbye", "Goodbye.")
QUIT_KEPT = response("quitting.declined", "Then the story goes on.")
RESTART_ASK = response(
    "restarting.confirm", "Are you sure you want to start again from the beginning? (y/n)"
)
RESTART_DONE = response("restarting.done", "[Restarted.]")
RESTART_KEPT = response("restarting.declined", "Then the story goes on from where it is.")
VERBOSE = response(
    "preferring.verbose",
    "{title} is now in verbose mode: every place is described in full each time you arrive.",
    "title",
)
BRIEF = response(
    "preferring.brief",
    "{title} is now in brief mode: a place is described in full the first time you arrive; "
    "after that you are told its name and what is there (LOOK describes it in full).",
    "title",
)
SUPERBRIEF = response(
    "preferring.superbrief",
    "{title} is now in superbrief mode: arriving anywhere, even for the first time, you are "
    "told only its name and what is there (LOOK describes it in full).",
    "title",
)
NOTIFY_ON = response(
    "notifying.on", "Score notification is on: you will be told when your score goes up."
)
NOTIFY_OFF = response("notifying.off", "Score notification is off.")
TRANSCRIPT_ON = response(
    "transcribing.started",
    "A transcript of the game is now being written to {path}. TRANSCRIPT OFF stops it.",
    "path",
)
TRANSCRIPT_ALREADY = response(
    "transcribing.already", "A transcript is already being written, to {path}.", "path"
)
TRANSCRIPT_OFF = response("transcribing.stopped", "The transcript is finished: {path}.", "path")
TRANSCRIPT_NONE = response("transcribing.none", "No transcript is being written.")
TRANSCRIPT_FAILED = response("transcribing.failed", "[No transcript: {reason}]", "reason")
VERIFY_INTACT = response(
    "verifying.intact",
    "The story's files are intact: they are the files this game was started from "
    "(source hash {hash}).",
    "hash",
)
VERIFY_CHANGED = response(
    "verifying.changed",
    "The story's files have changed since this game was started (source hash {now}, "
    "not {then}). Start kage again to play them as they are now.",
    "now",
    "then",
)
VERIFY_UNKNOWN = response(
    "verifying.unknown",
    "This story was not read from a folder of files, so there is nothing to check it against.",
)
VERIFY_UNREADABLE = response(
    "verifying.unreadable", "The story's files could not be read: {reason}", "reason"
)
RESTORE_WHICH = response(
    "restoring.which", "Which save? Type RESTORE and its name (RESTORE SAVE for a plain SAVE):"
)
RESTORE_NONE = response("restoring.none", "There are no saves of this story yet.")
# an agent playing through kage.env has no prompt to save, restore, undo or quit at:
# reset() and set_state() do that work
SESSION_ONLY = response(
    "agents.session_only",
    "[That is a command for a player at a prompt. An agent starts again with reset() and "
    "goes back to an earlier moment with set_state().]",
)
