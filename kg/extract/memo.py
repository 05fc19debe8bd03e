"""A cache keyed by the identity of its argument, for indexes built over the language data.

The language data (a pack's frames, phrase tuples of ``time.toml``) is loaded once and lives as
long as the process; an index built over it should be built once too. ``functools.cache`` would
hash a tuple of tuples again at every call, and cannot take a list or a dict at all. The cache
holds the argument, so its id is not given to another object while the entry lives.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

R = TypeVar("R")
LIMIT = 1024  # entries; arguments made on the fly (tests) are not all kept


def by_identity(build: Callable[[Any], R]) -> Callable[[Any], R]:
    """``build(x)`` computed once per object ``x``.

    >>> calls = []
    >>> first = by_identity(lambda xs: calls.append(1) or xs[0])
    >>> data = ["a", "b"]
    >>> first(data), first(data), len(calls)
    ('a', 'a', 1)
    """
    cache: dict[int, tuple[Any, R]] = {}

    @functools.wraps(build)
    def cached(x: Any) -> R:
        hit = cache.get(id(x))
        if hit is None:
            if len(cache) >= LIMIT:
                cache.clear()
            hit = cache[id(x)] = (x, build(x))
        return hit[1]

    return cached
