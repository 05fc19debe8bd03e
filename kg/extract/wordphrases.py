"""Word sequences of the language data (hedges, denials, time phrases) found in a sentence's
lower-case words: the phrases grouped once by their first word, so a search tries only those
that can start at a word."""
from __future__ import annotations

from collections.abc import Iterable

from kg.extract.memo import by_identity

PhraseGroups = dict[str | None, tuple[tuple[str, ...], ...]]


@by_identity
def phrases_by_first(phrases: Iterable[tuple[str, ...]]) -> PhraseGroups:
    """``phrases`` grouped by their first word, each group in the order given (an empty phrase
    under None), so that a search tries only the phrases that can start at a word; built once
    per phrase list of the language data (``kg.extract.memo``).

    >>> phrases_by_first((("naj", "bi"), ("baje",), ("naj", "se")))
    {'naj': (('naj', 'bi'), ('naj', 'se')), 'baje': (('baje',),)}
    """
    groups: dict[str | None, list[tuple[str, ...]]] = {}
    for p in phrases:
        groups.setdefault(p[0] if p else None, []).append(p)
    return {first: tuple(group) for first, group in groups.items()}


def has_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Does one of ``phrases`` (word sequences) stand in ``words``?

    >>> has_phrase(["se", "govori", ",", "da", "naj", "bi"], (("naj", "bi"),))
    True
    """
    return phrase_at(words, phrases) >= 0


def phrase_at(words: list[str], phrases: tuple[tuple[str, ...], ...]) -> int:
    """Where the first of ``phrases`` stands in ``words``, or -1 (only the phrases that can start
    at a word are tried, ``phrases_by_first``).

    >>> phrase_at(["je", "zanikal", "poročanje"], (("zanikal",),))
    1
    """
    groups = phrases_by_first(phrases)
    if words and None in groups:
        return 0  # an empty phrase stands in any words
    return next((i for i, w in enumerate(words) for p in groups.get(w, ()) if tuple(words[i:i + len(p)]) == p), -1)
