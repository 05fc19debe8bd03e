"""Assemble the graph document by document, in parallel, as sorted N-Triples lines.

``kg.triples`` builds rdflib terms into one ``TripleSink`` for the whole corpus: fine for a
press release, but slow (rdflib term hashing) and large (over 1 GB per million triples) for an
archive. Its output is a union over documents: for one document, ``add_document`` +
``add_facts`` (with the merged entity table) + ``provenance_statements`` give that document's
share of the facts and provenance graphs, and a statement's triples for a fact seen in several
documents are the union of each document's share (plus the reference data's share). So each
worker process runs those functions on its documents and sends back plain N-Triples lines;
the main process keeps two sets of strings, sorts them and has Oxigraph write the Turtle.
The result is byte-identical to ``turtle_bytes`` over the single-sink assembly (tested).
A document's share only changes with the document, the merged entities it names and this
code, so it is cached under that key (``lines_key``) for incremental builds.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.cache import Cache, assembly_version
from kg.document import Document, Entity
from kg.graph import TURTLE_PREFIXES, _ox_term
from kg.ontology import Ontology
from kg.parallel import Extracted, worker_pool
from kg.triples import (
    TripleSink,
    add_document,
    add_facts,
    add_reference,
    provenance_statements,
)

CHUNK = 16
_STATE: dict = {}  # what forked workers inherit: docs, entities, ontology, rule comments
_MEMO: dict = {}  # rdflib term -> N-Triples text, per process


def nt(term) -> str:
    """The N-Triples form of an rdflib term, as Oxigraph writes it (memoised)."""
    found = _MEMO.get(term)
    if found is None:
        found = _MEMO[term] = str(_ox_term(term))
    return found


def sink_lines(sink: TripleSink) -> tuple[list[str], list[str]]:
    """A sink's facts and provenance triples as ``"<s> <p> <o>"`` lines."""
    facts = [f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in sink.facts]
    prov = [f"{nt(s)} {nt(p)} {nt(o)}" for s, p, o in sink.provenance]
    return facts, prov


def document_lines(doc: Document, onto: Ontology, entities: dict[str, Entity],
                   comments: dict) -> tuple[list[str], list[str]]:
    """One document's share of the facts and provenance graphs."""
    sink = TripleSink()
    add_document(sink, doc)
    add_facts(sink, doc, onto, entities)
    provenance_statements(sink, comments)
    return sink_lines(sink)


def reference_lines(entities: dict[str, Entity], comments: dict) -> tuple[list[str], list[str]]:
    """The reference data's share (English labels, Wikidata links, coordinates)."""
    sink = TripleSink()
    add_reference(sink, entities)
    provenance_statements(sink, comments)
    return sink_lines(sink)


def _chunk_lines(indices: list[int]) -> list[tuple[list[str], list[str]]]:
    docs, onto, entities, comments = (_STATE[k] for k in ("docs", "onto", "entities", "comments"))
    return [document_lines(docs[i], onto, entities, comments) for i in indices]


def lines_key(doc: Document, entities: dict[str, Entity], version: str, memo: dict[str, str]) -> str:
    """What a document's share depends on besides the document: the merged entities it names."""
    h = hashlib.sha256(version.encode())
    for key in sorted(doc.entities):
        text = memo.get(key)
        if text is None:
            e = entities[key]
            text = memo[key] = repr((e.key, e.cls, e.name, e.lang, sorted(e.surface_forms),
                                     sorted(e.expansions), sorted(e.other_names.items())))
        h.update(text.encode("utf-8") + b"\0")
    return h.hexdigest()


@dataclass
class Lines:
    """The distinct lines of the facts and provenance graphs, and the documents assembled anew."""

    facts: set[str] = field(default_factory=set)
    provenance: set[str] = field(default_factory=set)
    assembled: list[int] = field(default_factory=list)

    def add(self, part: tuple[Iterable[str], Iterable[str]]) -> None:
        self.facts.update(part[0])
        self.provenance.update(part[1])


def _compute(docs: list[Document], todo: list[int], jobs: int) -> Iterator[tuple[int, tuple[list[str], list[str]]]]:
    chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
    if jobs <= 1 or len(chunks) < 2:
        parts: Iterable = map(_chunk_lines, chunks)
        for chunk, result in zip(chunks, parts):
            yield from zip(chunk, result)
        return
    with worker_pool(min(jobs, len(chunks))) as pool:
        for chunk, result in zip(chunks, pool.map(_chunk_lines, chunks)):
            yield from zip(chunk, result)


def assemble_lines(items: list[Extracted], onto: Ontology, entities: dict[str, Entity], comments: dict,
                   *, jobs: int = 1, cache: Cache | None = None,
                   on_done: Callable[[int], None] | None = None) -> Lines:
    """The facts and provenance lines of all documents, computed on ``jobs`` processes.

    ``cache`` keeps each document's share with the key of what it depends on (``lines_key``):
    a document whose share was made with the same merged entities and assembly code is read
    back instead of assembled; new shares are staged into it as they come.

    >>> lines = assemble_lines(items, onto, merge_entities(docs), comments, jobs=2)   # doctest: +SKIP
    """
    lines = Lines()
    version, memo = assembly_version(), dict[str, str]()
    keys = [lines_key(it.doc, entities, version, memo) for it in items]
    todo = []
    for i, it in enumerate(items):
        kept = cache.get(it.key) if cache is not None and it.key else None
        if kept is not None and kept[0] == keys[i]:
            lines.add((kept[1], kept[2]))
            if on_done:
                on_done(1)
        else:
            todo.append(i)
    docs = [it.doc for it in items]
    _STATE.update(docs=docs, onto=onto, entities=entities, comments=comments)
    try:
        for i, part in _compute(docs, todo, jobs):
            lines.add(part)
            lines.assembled.append(i)
            if cache is not None and items[i].key:
                cache.put(items[i].key, (keys[i], part[0], part[1]))
                cache.stage(items[i].key)
            if on_done:
                on_done(1)
    finally:
        _STATE.clear()
    lines.add(reference_lines(entities, comments))
    return lines


def ntriples_bytes(lines: set[str]) -> bytes:
    """Sorted N-Triples (the order ``kg.graph.turtle_bytes`` writes in); empties ``lines``.

    >>> ntriples_bytes({"<urn:b> <urn:p> <urn:o>", "<urn:a> <urn:p> <urn:o>"})
    b'<urn:a> <urn:p> <urn:o> .\\n<urn:b> <urn:p> <urn:o> .\\n'
    """
    ordered = sorted(lines)
    lines.clear()  # the caller hands the set over: free it before the text is built
    text = " .\n".join(ordered) + " .\n" if ordered else ""
    del ordered
    return text.encode("utf-8")


def turtle_from_ntriples(data: bytes) -> bytes:
    """Oxigraph's Turtle of sorted N-Triples, with the project's prefixes (order kept)."""
    turtle = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                          prefixes=TURTLE_PREFIXES)
    return turtle or b""  # bytes whenever no output file is given
