"""The draw's random stream: SHA-256 in counter mode, so a published seed replays the draw anywhere.

Python's `random` module is not used: its algorithms may change between versions. This
stream is defined byte for byte (docs/draw.md, "The random stream"):

- block i = SHA-256( UTF-8(seed) || 0x00 || UTF-8(label) || 0x00 || i as 8-byte big-endian ),
  for i = 0, 1, 2, ...; the stream is block 0, then block 1, and so on;
- `below(n)` reads the next 8 bytes as a big-endian unsigned integer u and returns u mod n,
  unless u >= 2**64 - (2**64 mod n), in which case it reads 8 more bytes (rejection sampling,
  so every result is exactly equally likely);
- `shuffle(items)` is Fisher-Yates from the end: for i = n-1 down to 1, j = below(i + 1),
  swap positions i and j.
"""

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", int, tuple[int, ...])

_WORD = 8
_SPAN = 1 << (8 * _WORD)


class Stream:
    """A deterministic stream of uniform integers, named by a seed and a label.

    Each step of the draw reads its own label ("groups", "reviewers/0", ...), so a change in
    one step never shifts the numbers another step reads.
    """

    def __init__(self, seed: str, label: str) -> None:
        if "\x00" in seed or "\x00" in label:
            raise ValueError("seed and label must not contain NUL characters")
        self._prefix = seed.encode("utf-8") + b"\x00" + label.encode("utf-8") + b"\x00"
        self._counter = 0
        self._buffer = b""

    def _word(self) -> int:
        if len(self._buffer) < _WORD:
            block = self._prefix + self._counter.to_bytes(8, "big")
            self._buffer += hashlib.sha256(block).digest()
            self._counter += 1
        word, self._buffer = self._buffer[:_WORD], self._buffer[_WORD:]
        return int.from_bytes(word, "big")

    def below(self, n: int) -> int:
        """A uniform integer in [0, n)."""
        if n < 1:
            raise ValueError(f"below() needs n >= 1, got {n}")
        limit = _SPAN - _SPAN % n
        while True:
            value = self._word()
            if value < limit:
                return value % n

    def choice(self, items: Sequence[T]) -> T:
        """One item, uniformly: items[below(len(items))]."""
        return items[self.below(len(items))]

    def choice_lowest(self, items: Sequence[T], costs: Sequence[K]) -> T:
        """One of the items with the lowest cost: choice() among them, in their given order."""
        lowest = min(costs)
        return self.choice([item for item, cost in zip(items, costs, strict=True) if cost == lowest])

    def shuffle(self, items: Sequence[T]) -> list[T]:
        """A new list with the items in a uniformly random order (Fisher-Yates)."""
        result = list(items)
        for i in range(len(result) - 1, 0, -1):
            j = self.below(i + 1)
            result[i], result[j] = result[j], result[i]
        return result
