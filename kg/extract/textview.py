"""The text the extractor reads: the document text without invisible format characters.

Zero-width characters (U+200B space, U+200C/U+200D joiners, U+2060 word joiner, U+FEFF), the soft
hyphen (U+00AD) and the bidirectional controls (U+200E/U+200F marks, U+202A–U+202E embeddings and
overrides, U+2066–U+2069 isolates) are invisible, yet they cut words: "Amp\\u200dere d.o.o." would
be read as "Amp". The extractor therefore works on a view of the text without the characters of
Unicode category Cf, and every offset it produced is mapped back to the document text afterwards,
so provenance offsets (and the text at them) stay those of the document as read. Names and
surface forms keep the view's text, without the invisible characters.
"""
from __future__ import annotations

import dataclasses
import re
import sys
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from kg.extract.document import Document, Mention, Sentence, Token


@cache
def format_characters() -> re.Pattern[str]:
    """One character of Unicode category Cf (built once from ``unicodedata``, about 0.1 s).

    >>> [bool(format_characters().fullmatch(c)) for c in ("\u200d", "\u202e", "\u00ad", "a", " ")]
    [True, True, True, False, False]
    """
    points = [c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    ranges: list[list[int]] = []
    for c in points:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return re.compile("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
                                    for a, b in ranges) + "]")


def without_invisible(text: str) -> str:
    """``text`` without its format characters.

    >>> without_invisible("Amp\u200dere")
    'Ampere'
    """
    return format_characters().sub("", text)


@dataclass(frozen=True, slots=True)
class TextView:
    """A text without its format characters. ``cuts`` holds, for each character removed from the
    original, the view offset where it was (sorted), which is all it takes to map offsets back."""

    text: str
    cuts: tuple[int, ...]

    def original(self, i: int) -> int:
        """The original offset of the view's character ``i`` (or of its end, ``len(text)``)."""
        return i + bisect_right(self.cuts, i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view span ``[start, end)``; format characters inside it are
        included, those just before or after it are not.

        >>> v = view_of("a\u200db c\u202e"); v.text, v.span(0, 2), v.span(3, 4), v.span(2, 2)
        ('ab c', (0, 3), (4, 5), (3, 3))
        """
        if end <= start:
            return self.original(start), self.original(start)
        return self.original(start), self.original(end - 1) + 1


def view_of(text: str) -> TextView:
    """The view of ``text`` without its format characters."""
    cuts = tuple(m.start() - k for k, m in enumerate(format_characters().finditer(text)))
    return TextView(without_invisible(text), cuts)


def _map_back(doc: Document, view: TextView) -> None:
    """Turn every offset the pipeline wrote (tokens, sentences, mentions, quotes) into an offset
    of the original text."""
    items: list[Token | Sentence | Mention] = [*doc.tokens, *doc.sentences, *doc.mentions]
    for item in items:
        item.start, item.end = view.span(item.start, item.end)
    quotes = []
    for q in doc.quotes:
        start, end = view.span(q.start, q.end)
        quotes.append(dataclasses.replace(q, start=start, end=end))
    doc.quotes = quotes


@contextmanager
def extraction_text(doc: Document) -> Iterator[Document]:
    """Within the block ``doc.text`` is the view without format characters; afterwards it is the
    original again and the offsets written in the block point into it. A text without format
    characters is left as it is.
    """
    if not format_characters().search(doc.text):
        yield doc
        return
    original, view = doc.text, view_of(doc.text)
    doc.text = view.text
    try:
        yield doc
        _map_back(doc, view)
    finally:
        doc.text = original
