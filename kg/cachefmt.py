"""Data-only encodings of the build cache's entries: reading an entry can never run code.

An extraction result (``kg.parallel.Extracted``) is stored as JSON: a dataclass as an array of
its fields in declaration order, a set as a sorted array, a tuple as an array, a dict with int
keys as an array of pairs, a ``Path`` or an enum member as a string. Decoding checks every value against the
dataclass type hints, so an entry of another shape raises ``ValueError`` instead of giving a
half-valid document. A document's assembled share of the graph is stored as text: one JSON header
line, then each distinct RDF term once, sorted, one per line in N-Triples form (which escapes
line breaks inside literals), then each triple as the numbers of its three terms, sorted. A
share names the same IRIs many times over (a statement's, a sentence's), so the table of terms
is five times smaller than the N-Triples and compresses better too. Both kinds of entry carry a
format tag and their cache key, so an entry copied under another name is rejected.
"""
from __future__ import annotations

import dataclasses
import json
import types
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from kg.cache import Codec
from kg.extract.document import Document
from kg.parallel import Extracted

EXTRACTED_FORMAT = "kg-extracted-5"
LINES_FORMAT = "kg-lines-3"

Convert = Callable[[Any], Any]
Lines = tuple[str, list[str], list[str]]  # (lines_key, facts lines, provenance lines)


def _same(value: Any) -> Any:
    return value


def _exact(kind: type) -> Convert:
    """A decoder that accepts a JSON value of exactly ``kind`` (so ``True`` is not an int)."""
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise ValueError(f"expected {kind.__name__}, got {type(value).__name__}")
        return value
    return check


def _array(value: Any) -> list:
    if type(value) is not list:
        raise ValueError(f"expected an array, got {type(value).__name__}")
    return value


def _union(options: list[Convert]) -> Convert:
    def pick(value: Any) -> Any:
        for option in options:
            try:
                return option(value)
            except ValueError:
                continue
        raise ValueError(f"unexpected {type(value).__name__} value")
    return pick


def _record(cls: type, fields: list[tuple[str, Convert]]) -> Convert:
    def make(value: Any) -> Any:
        items = _array(value)
        if len(items) != len(fields):
            raise ValueError(f"{cls.__name__}: expected {len(fields)} fields, got {len(items)}")
        return cls(*[convert(item) for (_, convert), item in zip(fields, items, strict=True)])
    return make


def _decoder(hint: Any) -> Convert:
    """A function that turns JSON data into a value of type ``hint``, or raises ValueError."""
    origin, args = get_origin(hint), get_args(hint)
    if hint in (str, int, float, bool, type(None)):
        return _exact(hint)
    if hint is Path:
        text = _exact(str)
        return lambda value: Path(text(value))
    if isinstance(hint, type) and issubclass(hint, Enum):
        word = _exact(str)
        return lambda value: hint(word(value))  # an unknown value is a ValueError
    if origin in (Union, types.UnionType):
        return _union([_decoder(a) for a in args])
    if origin in (list, set, tuple):
        item = _decoder(args[0])
        container: Any = origin
        return lambda value: container(item(v) for v in _array(value))
    if origin is dict:
        key, val = _decoder(args[0]), _decoder(args[1])
        if args[0] is str:
            def mapping(value: Any) -> dict:
                if type(value) is not dict:
                    raise ValueError(f"expected an object, got {type(value).__name__}")
                return {k: val(v) for k, v in value.items()}
            return mapping

        def pairs(value: Any) -> dict:
            found = {}
            for pair in _array(value):
                if len(_array(pair)) != 2:
                    raise ValueError("expected a [key, value] pair")
                found[key(pair[0])] = val(pair[1])
            return found
        return pairs
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        return _record(hint, [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(hint)])
    raise TypeError(f"no cache decoding for {hint!r}")


def _encoder(hint: Any) -> Convert:
    """The inverse of ``_decoder(hint)``: a value of type ``hint`` as JSON data."""
    origin, args = get_origin(hint), get_args(hint)
    if hint in (str, int, float, bool, type(None)):
        return _same
    if hint is Path:
        return str
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda value: value.value
    if origin in (Union, types.UnionType):
        members = [(a, _encoder(a)) for a in args]
        def either(value: Any) -> Any:
            for member, convert in members:
                if isinstance(value, get_origin(member) or member):
                    return convert(value)
            raise TypeError(f"unexpected {type(value).__name__} value")
        return either
    if origin in (list, tuple, set):
        item = _encoder(args[0])
        if origin is set:
            return lambda value: sorted(item(v) for v in value)
        return list if item is _same else lambda value: [item(v) for v in value]
    if origin is dict:
        key, val = _encoder(args[0]), _encoder(args[1])
        if args[0] is str:
            return lambda value: {k: val(v) for k, v in value.items()}
        return lambda value: [[key(k), val(v)] for k, v in value.items()]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = get_type_hints(hint)
        fields = [(f.name, _encoder(hints[f.name])) for f in dataclasses.fields(hint)]
        return lambda value: [convert(getattr(value, name)) for name, convert in fields]
    raise TypeError(f"no cache encoding for {hint!r}")


_ENCODE_DOCUMENT = _encoder(Document)
_DECODE_DOCUMENT = _decoder(Document)


def _header(data: dict, fmt: str, key: str) -> None:
    """Check an entry's format tag and key; a ValueError names what differs."""
    if data.get("format") != fmt:
        raise ValueError(f"not a {fmt} entry")
    if data.get("key") != key:
        raise ValueError("entry of another document (its key differs from its name)")


def encode_extracted(key: str, item: Extracted) -> bytes:
    """One extraction result as UTF-8 JSON.

    >>> from kg.extract.document import Document
    >>> doc = Document("d", Path("d.txt"), "Besedilo.", {"title": "d"})
    >>> decode_extracted("k1", encode_extracted("k1", Extracted(doc, 2))).doc == doc
    True
    """
    entry = {"format": EXTRACTED_FORMAT, "key": key, "tokens": item.tokens, "doc": _ENCODE_DOCUMENT(item.doc)}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_extracted(key: str, data: bytes) -> Extracted:
    """The extraction result in ``data``; ValueError if it is not a well-formed entry for ``key``.

    >>> from kg.extract.document import Document, Mention, MentionSource
    >>> krka = Mention(0, 1, 0, 4, "Krka", 0, "akg:Company", "Krka", MentionSource.LEGAL)
    >>> data = encode_extracted("k", Extracted(Document("d", Path("d.txt"), "Krka", {}, mentions=[krka]), 1))
    >>> decode_extracted("k", data).doc.mentions[0].source
    <MentionSource.LEGAL: 'legal'>
    >>> decode_extracted("k", data.replace(b'"legal"', b'"guessed"'))
    Traceback (most recent call last):
    ValueError: 'guessed' is not a valid MentionSource
    """
    try:
        entry = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if type(entry) is not dict:
        raise ValueError("not a JSON object")
    _header(entry, EXTRACTED_FORMAT, key)
    try:
        return Extracted(_DECODE_DOCUMENT(entry.get("doc")), _exact(int)(entry.get("tokens")), key)
    except TypeError as err:  # a dataclass refusing its arguments
        raise ValueError(str(err)) from None


def encode_lines(key: str, value: Lines) -> bytes:
    """A document's share of the graph: a JSON header line, its distinct terms one per line,
    then its facts and provenance triples as term numbers (each part sorted: a share is a set).

    >>> decode_lines("k", encode_lines("k", ("v", ["<a> <b> <c>"], ["<d> <e> \\"f g\\"", "<a> <e> <c>"])))
    ('v', ['<a> <b> <c>'], ['<a> <e> <c>', '<d> <e> "f g"'])
    """
    lines_key, facts, provenance = value
    # sorted lines are sorted by their terms (no term is a prefix of another that is followed by
    # a space), so their rows come out sorted by term number: one sort of strings, no tuples
    triples = [line.split(" ", 2) for part in (facts, provenance) for line in sorted(part)]
    if any(len(terms) != 3 for terms in triples):
        bad = next(" ".join(terms) for terms in triples if len(terms) != 3)
        raise ValueError(f"not a triple: {bad[:80]!r}")
    terms = sorted({term for triple in triples for term in triple})
    index = {term: str(i) for i, term in enumerate(terms)}
    header = json.dumps({"format": LINES_FORMAT, "key": key, "lines_key": lines_key, "terms": len(terms),
                         "facts": len(facts), "provenance": len(provenance)}, ensure_ascii=True)
    rows = [header, *terms, *(f"{index[s]} {index[p]} {index[o]}" for s, p, o in triples)]
    return "\n".join(rows).encode("utf-8")


def _lines(rows: list[str], terms: list[str]) -> list[str]:
    """Numbered triples back to N-Triples lines; ValueError for a malformed row or number."""
    out = []
    for row in rows:
        numbers = row.split(" ")
        if len(numbers) != 3 or not all(n.isdigit() and int(n) < len(terms) for n in numbers):
            raise ValueError(f"malformed triple row {row[:40]!r}")
        out.append(" ".join(terms[int(n)] for n in numbers))
    return out


def decode_lines(key: str, data: bytes) -> Lines:
    """The ``(lines_key, facts, provenance)`` in ``data``; ValueError if malformed or not for ``key``."""
    rows = data.decode("utf-8").split("\n")
    header = json.loads(rows[0])
    if type(header) is not dict:
        raise ValueError("no header line")
    _header(header, LINES_FORMAT, key)
    lines_key, counts = header.get("lines_key"), [header.get(k) for k in ("terms", "facts", "provenance")]
    if type(lines_key) is not str or any(type(n) is not int or n < 0 for n in counts):
        raise ValueError("malformed header line")
    n_terms, n_facts, n_prov = (n for n in counts if isinstance(n, int))
    if len(rows) != 1 + n_terms + n_facts + n_prov:
        raise ValueError("line count differs from the header")
    terms = rows[1:1 + n_terms]
    start = 1 + n_terms
    return (lines_key, _lines(rows[start:start + n_facts], terms),
            _lines(rows[start + n_facts:], terms))


def extracted_header(key: str) -> bytes:
    """How the entry of an extraction result for ``key`` starts (``encode_extracted``)."""
    return json.dumps({"format": EXTRACTED_FORMAT, "key": key}, separators=(",", ":"))[:-1].encode() + b","


EXTRACTED = Codec(".json.gz", encode_extracted, decode_extracted, extracted_header)
LINES = Codec(".lines.gz", encode_lines, decode_lines)
