"""Cutting the term space into shards, so that a query downloads only the terms it needs.

A shard is a range of keys: index terms (folded, stemmed) and vocabulary words (folded), in one
order. ``boundaries`` lists the first key of each shard (the first is ``""``); a key belongs to
the last shard whose boundary is not after it. So the page finds, without any other file, the
shard of a term and the shards of every key with a given prefix (completion of the word being
typed), and loads nothing else. Keys are compared by UTF-16 code units, as JavaScript compares
strings, so both sides agree on the order even beyond the Basic Multilingual Plane.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

#: A shard is closed once its JSON reaches about this many bytes (before gzip): small enough
#: that a query fetches little beyond its terms, big enough that the seed corpus is a few files.
SHARD_BYTES = 16_000


def order(key: str) -> bytes:
    """The sort key that orders strings as JavaScript's ``<`` does (UTF-16 code units)."""
    return key.encode("utf-16-be", "surrogatepass")


@dataclass
class Shard:
    """The term rows and vocabulary words of one key range (a row: anything whose first item
    is its term -- ``[term, field postings…]``, or ``(term, its JSON)`` as the build has them)."""

    rows: list[Any] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def boundaries(sized_keys: list[tuple[str, int]], target: int = SHARD_BYTES) -> list[str]:
    """First key of each shard, from every key with the bytes it adds (keys may repeat)."""
    out = [""]
    size = 0
    previous = None
    for key, n in sorted(sized_keys, key=lambda kn: order(kn[0])):
        if size >= target and key != previous:
            out.append(key)
            size = 0
        size += n
        previous = key
    return out


def shard_of(key: str, bounds: list[str]) -> int:
    """The shard a key falls in."""
    return bisect.bisect_right(bounds, order(key), key=order) - 1


def split(
    rows: list[Any], row_sizes: list[int], words: list[tuple[str, str]], target: int = SHARD_BYTES
) -> tuple[list[str], list[Shard]]:
    """The boundaries and the shards of term rows (sorted by term) and vocabulary words
    (``(folded, word)``), balanced by size."""
    sized = [(row[0], n) for row, n in zip(rows, row_sizes)] + [(folded, len(word) + 3) for folded, word in words]
    bounds = boundaries(sized, target)
    shards = [Shard() for _ in bounds]
    for row in rows:
        shards[shard_of(row[0], bounds)].rows.append(row)
    for folded, word in sorted(words, key=lambda fw: (order(fw[0]), fw[1])):
        shards[shard_of(folded, bounds)].words.append(word)
    return bounds, shards
