"""Check a graph's SHACL Core shapes on its sorted N-Triples, block by block, in memory.

The SHACL Core checks of ``kg.rdf.shacl_sparql`` read, of each focus node, only its own triples
(its types, the values of the constrained paths) and, for ``sh:class``, the types of those
values (``kg.rdf.incremental.neighbourhood`` relies on the same). In sorted N-Triples a
subject's triples are one run of lines, so the file cut where a subject's lines end
(``subject_blocks``) gives blocks that each hold every triple their focus nodes' checks read,
but the types of values in other blocks. Each block is loaded into a small in-memory store and
checked there; a value that fails a class check in its block is looked up in the store of the
whole graph. The lines are those ``sparql_violations`` gives on the whole graph (tested).

Why: the on-disk store answers each of the checks' look-ups from RocksDB. On the 2.2 million
provenance triples of 10,000 documents, measured alone (load 2-3): 38.9 CPU s for the checks on
the on-disk store, 9.7 CPU s in blocks of 2 MB (64-71 MB RSS for blocks of 0.5 to 2 MB).
Shapes with ``sh:sparql`` constraints (which may read any part of the graph) and graphs with
blank nodes (whose labels a store does not keep) are not checked this way:
``blocked_violations`` returns None and the caller checks the whole store.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO

import pyoxigraph as ox
from rdflib import Graph

from kg.rdf.shacl_sparql import (
    Check,
    ShapeChecks,
    _select,
    compile_shapes,
    graph_types,
    sparql_violations,
    value_query,
)

BLOCK_BYTES = 2 << 20  # N-Triples per in-memory store (about 12,000 provenance triples; 0.5 to 2 MB ran alike)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def subject_blocks(raw: IO[bytes], size: int) -> Iterator[bytes]:
    """Sorted N-Triples in blocks of about ``size`` bytes, each ending where a subject's lines
    end: no subject has lines in two blocks (a subject with more lines than fit is one block).

    >>> import io
    >>> nt = b"<a> <p> <x> .\\n<b> <p> <x> .\\n<b> <q> <y> .\\n<c> <p> <x> .\\n"
    >>> list(subject_blocks(io.BytesIO(nt), 20))
    [b'<a> <p> <x> .\\n', b'<b> <p> <x> .\\n<b> <q> <y> .\\n', b'<c> <p> <x> .\\n']
    """
    rest = b""
    while data := raw.read(size):
        data = rest + data
        end = data.rfind(b"\n") + 1  # whole lines only
        if not end:
            rest = data
            continue
        last = data.rfind(b"\n", 0, end - 1) + 1
        subject = data[last:data.find(b" ", last)] + b" "
        start = 0 if data.startswith(subject) else data.find(b"\n" + subject) + 1
        if start:
            yield data[:start]
        rest = data[start:]
    if rest:
        yield rest


def _classes(store: ox.Store, graph: str, value: ox.NamedNode | ox.Literal) -> frozenset[str]:
    """The classes ``value`` is an instance of in ``graph`` of ``store`` (none for a literal)."""
    if not isinstance(value, ox.NamedNode):
        return frozenset()
    quads = store.quads_for_pattern(value, ox.NamedNode(RDF_TYPE), None, ox.NamedNode(graph))
    return frozenset(q.object.value for q in quads if isinstance(q.object, ox.NamedNode))


def blocked_violations(store: ox.Store, graph: str, shapes: Graph, ntriples: IO[bytes], size: int = BLOCK_BYTES,
                       on_bytes: Callable[[int], None] | None = None) -> list[str] | None:
    """The violations of ``shapes`` in the named graph ``graph``, whose triples are the sorted
    N-Triples ``ntriples`` and are in ``store`` too (where the types of values in another block
    are looked up): the lines ``sparql_violations`` gives on ``store``, sorted; None if a
    ``sh:sparql`` constraint applies or the graph has blank nodes (check the whole store then).
    Raises ``Unsupported`` as ``compile_shapes`` does. ``on_bytes`` is told the bytes checked.

    >>> import io
    >>> shapes = Graph().parse(format="turtle", data='''@prefix sh: <http://www.w3.org/ns/shacl#> .
    ... <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:class <urn:D> ] .''')
    >>> nt = b"<urn:a> <urn:p> <urn:d> .\\n<urn:a> a <urn:C> .\\n<urn:b> <urn:p> <urn:x> .\\n<urn:b> a <urn:C> .\\n"
    >>> nt = nt.replace(b" a ", b" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ")
    >>> nt += b"<urn:d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:D> .\\n"
    >>> whole = ox.Store()
    >>> whole.load(nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("urn:g"))
    >>> blocked_violations(whole, "urn:g", shapes, io.BytesIO(nt), size=40)  # <urn:d> is typed in another block
    ['urn:b urn:p: Value does not have class urn:D']
    """
    found: set[str] = set()
    compiled: dict[frozenset[str], tuple[ShapeChecks, list[Check]]] = {}
    classes: dict[ox.NamedNode | ox.Literal, frozenset[str]] = {}  # of the values looked up in ``store``
    for block in subject_blocks(ntriples, size):
        if b"_:" in block:
            return None
        local = ox.Store()
        local.load(block, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
        types = frozenset(graph_types(local, graph))
        if types not in compiled:
            checks = compile_shapes(shapes, only_targets=set(types)) if types else ShapeChecks()
            if any(c.kind == "sparql" for c in checks.checks):
                return None
            compiled[types] = (ShapeChecks([c for c in checks.checks if not c.classes]),
                               [c for c in checks.checks if c.classes])
        core, typed = compiled[types]
        found.update(sparql_violations(local, graph, core))
        for check in typed:  # the values failing in the block: are they in a class in the whole graph?
            failing = [row["v"] for row in _select(local, value_query(check, graph, values_only=True))]
            for value in failing:
                if value not in classes:
                    classes[value] = _classes(store, graph, value)
            bad = {value for value in failing if classes[value].isdisjoint(check.classes)}
            if bad:
                found.update(f"{row['f'].value} {check.path}: {check.message}"
                             for row in _select(local, value_query(check, graph)) if row["v"] in bad)
        if on_bytes is not None:
            on_bytes(len(block))
    return sorted(found)
