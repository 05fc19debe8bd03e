"""Find quoted statements (»…«, „…“, "…") and the person each is attributed to.

Attribution follows Slovenian (and English) press style: ``»…« je dejal Luca de Meo``,
``»…«, je povedala direktorica Ana Kos``, ``Ana Kos je dejala: »…«``. With a speech verb but no
name nearby, the quote goes to the person mentioned last before it.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from kg.extract.document import Document, Quote
from kg.lang import LanguagePack

QUOTE_RE = re.compile(r"»([^«»]{10,}?)«|„([^“„]{10,}?)“|“([^”“]{10,}?)”|\"([^\"]{10,}?)\"")
LOOK = 8  # tokens to look for the speech verb and the speaker


def _token_at(doc: Document, offset: int) -> int:
    """Index of the first token starting at or after ``offset``."""
    lo, hi = 0, len(doc.tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _person_mentions(doc: Document) -> dict[int, int]:
    """token index -> mention index, for mentions of people."""
    out = {}
    for k, m in enumerate(doc.mentions):
        if m.group >= 0 and doc.groups[m.group].cls == "schema:Person":
            for t in range(m.tok_start, m.tok_end):
                out[t] = k
    return out


def _latest_person(doc: Document, persons: dict[int, int]) -> Callable[[int], int | None]:
    """A function ``before -> mention``: of the people's mentions on tokens before ``before``, the
    one that starts last (on ties, the first in ``persons``' order), or None; found by bisection
    in prefix maxima instead of a scan over ``persons`` per quote.

    >>> from pathlib import Path
    >>> from kg.extract.document import Mention, MentionSource
    >>> doc = Document("d", Path("d.txt"), "", {})
    >>> doc.mentions = [Mention(s, e, 0, 0, "", 0, "schema:Person", "", MentionSource.PERSON) for s, e in ((2, 4), (7, 8))]
    >>> latest = _latest_person(doc, {2: 0, 3: 0, 7: 1})
    >>> latest(2), latest(3), latest(7), latest(8)
    (None, 0, 0, 1)
    """
    entries = sorted((t, pos, k) for pos, (t, k) in enumerate(persons.items()))
    tokens = [t for t, _, _ in entries]
    best: list[int] = []
    top: tuple[int, int] | None = None
    for _, pos, k in entries:
        key = (doc.mentions[k].tok_start, -pos)
        if top is None or key > top:
            top, chosen = key, k
        best.append(chosen)

    def latest(before: int) -> int | None:
        n = bisect.bisect_left(tokens, before)
        return best[n - 1] if n else None
    return latest


def _speaker_after(doc: Document, i: int, pack: LanguagePack, persons: dict[int, int]) -> int | None:
    """»…« je dejal X: a speech verb within a few tokens after the quote, then a person."""
    end = min(len(doc.tokens), i + LOOK)
    verb = next((j for j in range(i, end) if doc.tokens[j].lemma in pack.speech_verbs), None)
    if verb is None:
        return None
    for j in range(i, min(len(doc.tokens), verb + LOOK)):
        if j in persons:
            return persons[j]
    return -1  # a speech verb, but no name: the last person before


def _speaker_before(doc: Document, i: int, pack: LanguagePack, persons: dict[int, int]) -> int | None:
    """X je dejal: »…«: a person, then a speech verb, right before the quote."""
    start = max(0, i - LOOK)
    verb = next((j for j in range(i - 1, start - 1, -1) if doc.tokens[j].lemma in pack.speech_verbs), None)
    if verb is None:
        return None
    for j in range(verb - 1, max(0, verb - LOOK) - 1, -1):
        if j in persons:
            return persons[j]
    return -1


def find_quotes(doc: Document, pack: LanguagePack) -> Document:
    """Fill ``doc.quotes`` with attributed quotations."""
    persons = _person_mentions(doc)
    latest_person = _latest_person(doc, persons)
    for match in QUOTE_RE.finditer(doc.text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        text = match.group(group).strip()
        if len(text.split()) < 4:
            continue
        after = _token_at(doc, match.end())
        before = _token_at(doc, match.start())
        speaker = _speaker_after(doc, after, pack, persons)
        attribution = after
        if speaker is None:
            speaker = _speaker_before(doc, before, pack, persons)
            attribution = before
        if speaker is None:
            continue
        if speaker == -1:
            speaker = latest_person(before)
            if speaker is None:
                continue
        sent = doc.tokens[min(attribution, len(doc.tokens) - 1)].sent
        doc.quotes.append(Quote(text, start, end, sent, speaker))
    return doc
