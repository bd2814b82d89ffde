"""A compiled world as bytes that cannot run code: MessagePack of its plain data.

The compiled-world cache lives in a folder the user (or anything running as the user)
can write, so reading it must never execute anything: unlike pickle, MessagePack only
builds strings, numbers, lists and dicts. The few other types a world holds are tagged
extension types, and the only classes ever built are the dataclasses of
``kage.world.model``, by name, with their own constructors.

A file is ``MAGIC``, a SHA-256 of the body, then the body: a damaged file is refused
(``CompiledError``) instead of loading a world with a flipped bit in it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime
from typing import Any

import msgpack

from kage.world import model
from kage.world.model import World

MAGIC = b"KAGEWORLD\x01"  # the format's version is its last byte
MAX_BYTES = 64 * 1024 * 1024  # a larger file is not a compiled world of ours

_TUPLE, _FROZENSET, _DATETIME, _DATACLASS, _SET = 1, 2, 3, 4, 5
# every class a compiled world may contain, by name; nothing else is ever built
CLASSES: dict[str, type] = {
    name: cls
    for name, cls in vars(model).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
}


class CompiledError(ValueError):
    """The bytes are not a compiled world this version of Kage wrote."""


def dumps(world: World) -> bytes:
    """The world's plain data (without its runtime slot) as bytes."""
    body = _pack(world)
    return MAGIC + hashlib.sha256(body).digest() + body


def loads(blob: bytes) -> World:
    """A world from `dumps` bytes; CompiledError if they are anything else."""
    head = len(MAGIC) + 32
    if len(blob) > MAX_BYTES or len(blob) < head or not blob.startswith(MAGIC):
        raise CompiledError("not a compiled world")
    body = blob[head:]
    if hashlib.sha256(body).digest() != blob[len(MAGIC) : head]:
        raise CompiledError("checksum mismatch")
    try:
        world = _unpack(body)
    except CompiledError:
        raise
    except Exception as exc:  # msgpack's, or a constructor's: the bytes are bad either way
        raise CompiledError(f"{type(exc).__name__}: {exc}") from None
    if not isinstance(world, World):
        raise CompiledError("not a world")
    return world


def _pack(value: object) -> bytes:
    return msgpack.packb(value, default=_encode, use_bin_type=True, strict_types=True)


def _encode(value: object) -> msgpack.ExtType:
    if isinstance(value, tuple):
        return msgpack.ExtType(_TUPLE, _pack(list(value)))
    if isinstance(value, frozenset):
        return msgpack.ExtType(_FROZENSET, _pack(sorted(value, key=repr)))
    if isinstance(value, set):
        return msgpack.ExtType(_SET, _pack(sorted(value, key=repr)))
    if isinstance(value, datetime):
        return msgpack.ExtType(_DATETIME, _pack(value.isoformat()))
    name = type(value).__name__
    if CLASSES.get(name) is type(value):
        fields = [getattr(value, f.name) for f in dataclasses.fields(value) if f.name != "runtime"]
        return msgpack.ExtType(_DATACLASS, _pack([name, *fields]))
    raise TypeError(f"a compiled world cannot hold a {name}")


def _unpack(body: bytes) -> Any:
    return msgpack.unpackb(body, ext_hook=_decode, raw=False, strict_map_key=False)


def _decode(code: int, data: bytes) -> object:
    inner = _unpack(data)
    if code == _TUPLE:
        return tuple(inner)
    if code == _FROZENSET:
        return frozenset(inner)
    if code == _SET:
        return set(inner)
    if code == _DATETIME:
        return datetime.fromisoformat(inner)
    if code == _DATACLASS and isinstance(inner, list) and inner and inner[0] in CLASSES:
        return CLASSES[inner[0]](*inner[1:])
    raise CompiledError(f"unknown extension type {code}")
