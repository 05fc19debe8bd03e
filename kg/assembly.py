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
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.document import Document, Entity
from kg.graph import TURTLE_PREFIXES, _ox_term
from kg.ontology import Ontology
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


def _chunk_lines(indices: list[int]) -> tuple[list[str], list[str]]:
    facts: list[str] = []
    prov: list[str] = []
    for i in indices:
        f, p = document_lines(_STATE["docs"][i], _STATE["onto"], _STATE["entities"], _STATE["comments"])
        facts += f
        prov += p
    return facts, prov


@dataclass
class Lines:
    """The distinct lines of the facts and provenance graphs."""

    facts: set[str] = field(default_factory=set)
    provenance: set[str] = field(default_factory=set)

    def add(self, part: tuple[Iterable[str], Iterable[str]]) -> None:
        self.facts.update(part[0])
        self.provenance.update(part[1])


def assemble_lines(docs: list[Document], onto: Ontology, entities: dict[str, Entity], comments: dict,
                   *, jobs: int = 1, on_done: Callable[[int], None] | None = None) -> Lines:
    """The facts and provenance lines of all documents, computed on ``jobs`` processes.

    >>> lines = assemble_lines(docs, onto, merge_entities(docs), comments, jobs=2)   # doctest: +SKIP
    """
    lines = Lines()
    chunks = [list(range(i, min(i + CHUNK, len(docs)))) for i in range(0, len(docs), CHUNK)]
    _STATE.update(docs=docs, onto=onto, entities=entities, comments=comments)
    try:
        if jobs <= 1 or len(chunks) < 2:
            parts = map(_chunk_lines, chunks)
            for chunk, part in zip(chunks, parts):
                lines.add(part)
                if on_done:
                    on_done(len(chunk))
        else:
            ctx = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=ctx) as pool:
                for chunk, part in zip(chunks, pool.map(_chunk_lines, chunks)):
                    lines.add(part)
                    if on_done:
                        on_done(len(chunk))
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
    return ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                        prefixes=TURTLE_PREFIXES)
