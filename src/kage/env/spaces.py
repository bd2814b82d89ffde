"""`PrintableText`: Gymnasium's Text space for Kage's replies, able to cross the shared
memory of an AsyncVectorEnv.

Gymnasium 1.x writes Text observations into shared memory but reads them back only
once, when the vector environment is made, as a tuple of strings that never changes
again: every later observation reads as the empty buffer ("000..."). This subclass
registers its own reading, a live view that decodes the buffer whenever it is read (and
copies to a plain tuple of strings, as AsyncVectorEnv hands observations out), and a
writing that encodes a whole reply at once instead of a character at a time.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator, Sequence
from types import ModuleType
from typing import Any

import numpy as np
from gymnasium import spaces
from gymnasium.vector.utils import (
    create_shared_memory,
    read_from_shared_memory,
    write_to_shared_memory,
)


class PrintableText(spaces.Text):
    """A Text space whose charset is ASCII (kage.env.text.CHARSET)."""

    def __init__(self, max_length: int, *, min_length: int = 0, charset: str) -> None:
        if not charset.isascii():
            raise ValueError("PrintableText takes an ASCII charset")
        super().__init__(max_length, min_length=min_length, charset=charset)
        pad = len(self.character_list)
        # byte -> index in the charset (pad for a byte outside it); index -> byte
        self._encode = np.full(256, pad, dtype=np.int32)
        for index, ch in enumerate(self.character_list):
            self._encode[ord(ch)] = index
        self._decode = np.frombuffer("".join(self.character_list).encode() + b"\0", np.uint8)

    def encode(self, text: str) -> np.ndarray:
        """The text as indexes into the charset, padded to max_length (as flatten does)."""
        out = np.full(self.max_length, len(self.character_list), dtype=np.int32)
        raw = np.frombuffer(text.encode("ascii", "replace")[: self.max_length], np.uint8)
        out[: len(raw)] = self._encode[raw]
        return out

    def decode(self, indexes: np.ndarray) -> str:
        pad = len(self.character_list)
        ends = np.flatnonzero(indexes >= pad)
        end = int(ends[0]) if len(ends) else len(indexes)
        return self._decode[indexes[:end]].tobytes().decode("ascii")


class LiveTexts(Sequence[str]):
    """The observations in shared memory, decoded when read."""

    def __init__(self, space: PrintableText, memory: Any, n: int) -> None:
        self.space = space
        self.rows = np.frombuffer(memory.get_obj(), dtype=np.int32).reshape(n, space.max_length)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return tuple(self)[index]
        return self.space.decode(self.rows[index])

    def __iter__(self) -> Iterator[str]:
        return (self.space.decode(row) for row in self.rows)

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo: dict[int, Any]) -> tuple[str, ...]:
        return tuple(self)

    def __repr__(self) -> str:
        return repr(tuple(self))


@create_shared_memory.register(PrintableText)
def _create(space: PrintableText, n: int = 1, ctx: ModuleType = mp) -> Any:
    memory = ctx.Array(np.dtype(np.int32).char, n * space.max_length)  # type: ignore[attr-defined]
    np.frombuffer(memory.get_obj(), dtype=np.int32)[:] = len(space.character_list)
    return memory


@read_from_shared_memory.register(PrintableText)
def _read(space: PrintableText, shared_memory: Any, n: int = 1) -> LiveTexts:
    return LiveTexts(space, shared_memory, n)


@write_to_shared_memory.register(PrintableText)
def _write(space: PrintableText, index: int, values: str, shared_memory: Any) -> None:
    size = space.max_length
    destination = np.frombuffer(shared_memory.get_obj(), dtype=np.int32)
    destination[index * size : (index + 1) * size] = space.encode(values)
