"""Checking one world file against the schema.

Every problem in the file is reported, not only the first: an entry that does not fit is
reported and left out, and the rest of the file is still read, so that the references
between files can be checked too. The ids of entries left out are remembered, so that a
mistake in one place is not reported again at every mention of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from kage.content import schema as s
from kage.content.describe import show
from kage.content.errors import Problem, suggest
from kage.content.explain import explain
from kage.content.sections import Section, all_sections
from kage.content.yaml_lines import Located
from kage.core.extension import owner_of

CORE_SECTIONS = tuple(s.FileModel.model_fields)
SYSTEM_SECTIONS: dict[str, Section] = all_sections()  # the core's and every extension's
SECTIONS = CORE_SECTIONS + tuple(SYSTEM_SECTIONS)
KIND_OF_SECTION = {
    "places": "place",
    "people": "person",
    "things": "thing",
    "milestones": "milestone",
    "events": "event",
    "triggers": "trigger",
    "endings": "ending",
    "councils": "council",
    "motions": "motion",
}


@dataclass
class Checked:
    """What survived the schema check of one file."""

    located: Located
    model: s.FileModel | None = None
    extras: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)  # section: entries
    ghosts: dict[str, set[str]] = field(default_factory=dict)  # kind: ids of entries left out
    complete: bool = True  # False when a whole section was left out (its ids are unknown)
    broken_world: bool = False  # it had a 'world' section that did not fit


def check_file(
    located: Located, problems: list[Problem], sections: dict[str, Section] | None = None
) -> Checked:
    """Check one file; `sections` are the extensions' sections the world may use (by
    default every extension's)."""
    checked = Checked(located)
    data = located.data
    used = SYSTEM_SECTIONS if sections is None else sections
    names = CORE_SECTIONS + tuple(used)

    def report(path: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(located.file, located.line(path), message))

    if data is None:
        report((), "the file is empty. Add a section such as 'places:', or delete the file.")
        return checked
    if not isinstance(data, dict):
        report(
            (),
            "a world file must be made of sections ('places:', 'people:' ...), one per "
            f"unindented line, but this file is {_shape(data)}. Sections: {', '.join(names)}.",
        )
        checked.complete = False
        return checked
    for key in data:
        if key in names:
            continue
        owner = owner_of("section", key) if isinstance(key, str) else None
        if owner is not None:
            report((key,), f"the section '{key}' belongs to the extension '{owner}'. {use(owner)}")
        else:
            hint = suggest(str(key), names) or f" Sections are: {', '.join(names)}."
            report((key,), f"unknown section '{key}'.{hint}")
        checked.complete = False  # what it defines is unknown
    checked.model = _core(checked, {k: v for k, v in data.items() if k in CORE_SECTIONS}, report)
    for name, section in used.items():
        if name in data:
            _system(checked, name, section, data[name], report)
    return checked


def use(extension: str) -> str:
    """What to write to use an extension the world does not name."""
    return (
        f"This world does not use it: add '{extension}' to the 'extensions' list of the "
        f"world section (extensions: [{extension}])."
    )


def _shape(data: Any) -> str:
    return "a list" if isinstance(data, list) else f"just the value {data!r}"


def _core(checked: Checked, data: dict[Any, Any], report: Any) -> s.FileModel | None:
    """Validate the core sections; leave out what does not fit and validate the rest."""
    for attempt in range(3):
        try:
            return s.FileModel.model_validate(data)
        except ValidationError as exc:
            errors = exc.errors()
        if attempt == 0:
            for path, message in explain(data, s.FileModel, errors):
                report(path, message)
        data = _without(checked, data, errors)
    checked.complete = False
    return None


def _without(checked: Checked, data: dict[Any, Any], errors: list[Any]) -> dict[Any, Any]:
    """`data` less each entry (or whole section) an error was found in."""
    bad_entries: dict[str, set[int]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        section = loc[0]
        if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data.get(section), list):
            bad_entries.setdefault(section, set()).add(loc[1])
        else:
            bad_entries[section] = set()  # the whole section
    result = dict(data)
    for section, indices in bad_entries.items():
        if section == "world":
            checked.broken_world = True
        if not indices:
            result.pop(section, None)
            if section in KIND_OF_SECTION:
                checked.complete = False
            continue
        kept = []
        for i, entry in enumerate(data[section]):
            if i not in indices:
                kept.append(entry)
            elif section in KIND_OF_SECTION:
                _ghost(checked, KIND_OF_SECTION[section], entry)
        result[section] = kept
    return result


def _ghost(checked: Checked, kind: str, entry: Any) -> None:
    """Remember the id of an entry left out; without one, what it defines is unknown."""
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        checked.ghosts.setdefault(kind, set()).add(entry["id"])
    else:
        checked.complete = False


def _system(checked: Checked, name: str, section: Section, entries: Any, report: Any) -> None:
    if section.mapping:
        _mapping(checked, name, section, entries, report)
        return
    if not isinstance(entries, list):
        report(
            (name,),
            f"the '{name}' section is empty. Add entries starting with '- ', or delete the line."
            if entries is None
            else f"the '{name}' section must be a list of entries, each starting with '- ', "
            f"not {show(entries)}.",
        )
        checked.complete = False
        return
    kept = checked.extras.setdefault(name, [])
    for i, entry in enumerate(entries):
        try:
            kept.append((i, section.model.model_validate(entry)))
        except ValidationError as exc:
            for path, message in explain(entry, section.model, exc.errors(), (name, i)):
                report(path, message)
            if section.keyed:  # an entry of a list without ids defines nothing others name
                _ghost(checked, name, entry)


def _mapping(checked: Checked, name: str, section: Section, entries: Any, report: Any) -> None:
    """A section written as a mapping: each key is validated, and kept or left out, alone."""
    if not isinstance(entries, dict):
        report(
            (name,),
            f"the '{name}' section is empty. Add 'name: value' lines under it, or delete it."
            if entries is None
            else f"the '{name}' section must be a mapping of 'name: value' lines, "
            f"not {show(entries)}.",
        )
        checked.complete = False
        return
    kept = checked.extras.setdefault(name, [])
    for key, value in entries.items():
        data = {name: {key: value}}
        try:
            model = section.model.model_validate(data)
        except ValidationError as exc:
            for path, message in explain(data, section.model, exc.errors()):
                report(path, message)
            if isinstance(key, str):
                checked.ghosts.setdefault(name, set()).add(key)
            else:
                checked.complete = False
            continue
        kept.append((key, getattr(model, name)[key]))
