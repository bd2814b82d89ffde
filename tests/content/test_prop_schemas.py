"""The prop schemas are complete: every property the engine's code reads or sets by name
is declared, by the core (kage.core.props) or by an extension's manifest, so that
`kage check` never calls a property the code reads unknown, and the reference generated
from the manifests lists every one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kage.core import props as core_props
from kage.core.extension import Prop, catalog
from kage.world.query import STATES

SOURCE = Path(__file__).parents[2] / "src" / "kage"
# a property read or set by a literal name: query.prop(game, x, "name"), ent.props.get("name"),
# ops.set_prop(game, x, "name", ...), stats.stat(game, x, "name") and their kin
READS = re.compile(
    r"""(?:\bprop|set_prop|\bstat|set_stat|add_stat|_number|effective|carried_with)\("""
    r"""(?:[^()]*?,\s*)?"([a-z_]+)"|props\.get\("([a-z_]+)"|"([a-z_]+)" in [a-z_.]*props\b"""
)
NOT_PROPS = {"key"}  # `{stat: {key: ...}}` reads the argument's key, not a property
# read under a name held elsewhere: the senses' table, a module constant, the world's data
INDIRECT = {
    "smell": "actions/senses.py PROP",
    "sound": "actions/senses.py PROP",
    "taste": "actions/senses.py PROP",
    "feel": "actions/senses.py PROP",
    "jutsu_running": "ext/ninja/jutsu.py RUNNING",
    "genjutsu": "a skill the world's training raises and its {stat: ...} conditions test",
    "fighting": "ext/combat/combat.py: the stat `combat: {skill: ...}` names, by default",
    "taijutsu": "the stat Banished's `combat: {skill: taijutsu}` names",
}


def read_in_code() -> dict[str, set[str]]:
    """Property name -> the files that read or set it by that name."""
    found: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for match in READS.finditer(path.read_text()):
            name = next(g for g in match.groups() if g)
            found.setdefault(name, set()).add(str(path.relative_to(SOURCE)))
    return {k: v for k, v in found.items() if k not in NOT_PROPS}


def declared() -> dict[str, Prop]:
    found = dict(core_props.CORE)
    for extension in catalog().values():
        found.update(extension.props)
    return found


def test_the_scan_finds_what_it_should() -> None:
    read = read_in_code()
    for name in ("merchant", "fixed", "condition", "chained", "hostile", "overlooks"):
        assert name in read, name


def test_every_property_the_code_reads_is_declared() -> None:
    missing = {k: sorted(v) for k, v in read_in_code().items() if k not in declared()}
    assert not missing, f"declare these in kage.core.props or a manifest's props: {missing}"


def test_every_declared_property_is_read_somewhere() -> None:
    read = read_in_code()
    unread = sorted(k for k in declared() if k not in read and k not in STATES | INDIRECT.keys())
    assert not unread, f"nothing reads these properties: {unread}"


@pytest.mark.parametrize("name", sorted(declared()))
def test_a_declaration_is_plain_data(name: str) -> None:
    prop = declared()[name]
    assert prop.summary.strip()
    assert prop.types and all(t in (bool, int, float, str, list, dict) for t in prop.types)
    assert prop.kinds and set(prop.kinds) <= {"place", "person", "thing"}


def test_an_extension_and_the_core_never_declare_one_name_differently() -> None:
    seen: dict[str, tuple[str, Prop]] = {n: ("core", p) for n, p in core_props.CORE.items()}
    for extension in catalog().values():
        for name, prop in extension.props.items():
            if name in seen:
                owner, first = seen[name]
                assert first == prop, f"'{name}': {owner} and {extension.name} differ"
            seen[name] = (extension.name, prop)
