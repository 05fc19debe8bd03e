"""Every build's graph validated with SPARQL on the build's Oxigraph store.

Past a few hundred thousand triples an in-memory rdflib Dataset costs seconds per 100k triples
and over 1 GB per million; and pyshacl parses the query of a SPARQL-based constraint again for
each focus node (50 CPU s for 112,000 triples). So each named graph of the build's on-disk store
(``kg.sparql.store.write_store``, bulk-loaded from the sorted N-Triples, so memory stays bounded)
is validated with ``kg.rdf.shacl_sparql``, at any size; a graph whose shapes use SHACL features
outside that subset is validated with pyshacl on an rdflib graph of its own triples only. The
facts graph is checked on an in-memory copy when small, the provenance graph block by block in
memory (``kg.rdf.blockcheck``), the store then answering only the types of values in other blocks:
``check_early`` runs what needs no store while the store is written, and what it returns finishes
the checks with the store. ``kg.build`` then returns a read-only rdflib view of that store (large graphs) or an in-memory
rdflib Dataset (small ones).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from threading import Event

import pyoxigraph as ox
from rdflib import Graph

from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH
from kg.rdf.blockcheck import check_blocks
from kg.rdf.graph import new_graph
from kg.rdf.shacl_sparql import Unsupported, compile_shapes, graph_types, sparql_violations
from kg.rdf.validate import violations

FACTS_IN_MEMORY_MAX = 128 << 20  # bytes of facts N-Triples checked in memory (about twice that in RAM)
CheckProgress = Callable[[int, int], None]  # (checks done, checks in all) of one graph


def graph_violations(store: ox.Store, name: str, shapes: Graph, ntriples: bytes | Path,
                     on_check: CheckProgress | None = None) -> list[str]:
    """Violations in one named graph: by SPARQL when its shapes allow, else pyshacl."""
    try:
        checks = compile_shapes(shapes, only_targets=graph_types(store, name))
    except Unsupported:
        data = ntriples.read_bytes() if isinstance(ntriples, Path) else ntriples
        return violations(new_graph().parse(data=data, format="nt"), shapes)
    return sparql_violations(store, name, checks, on_check)


def facts_store(store: ox.Store | None, facts_nt: bytes | Path) -> ox.Store | None:
    """The store to check the facts graph on: a new in-memory store of the facts alone if they are
    at most ``FACTS_IN_MEMORY_MAX`` bytes of N-Triples, else ``store``. The SHACL checks read the
    facts graph 5x faster from memory than from the on-disk store (6.8 CPU s on disk, 1.1 + 1.3 s
    to load and check in memory, for the 340,000 facts triples of 10,000 documents), and the facts
    are a small part of the graph (an eighth there)."""
    if _size(facts_nt) > FACTS_IN_MEMORY_MAX:
        return store
    memory = ox.Store()
    source = {"path": str(facts_nt)} if isinstance(facts_nt, Path) else {"input": facts_nt}
    memory.load(format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(FACTS_GRAPH)), **source)
    return memory


def _size(ntriples: bytes | Path) -> int:
    return ntriples.stat().st_size if isinstance(ntriples, Path) else len(ntriples)


def check_early(shapes: Graph, facts_nt: bytes | Path, provenance_nt: bytes | Path,
                progress: Callable[[str], CheckProgress] | None = None,
                stop: Event | None = None) -> Callable[[ox.Store], list[str]]:
    """Run the checks of the build's graph that need no store of it, so that they can run while
    the store is written: the facts graph on a copy in memory when small (``facts_store``), the
    provenance graph block by block in memory (``kg.rdf.blockcheck``: 9.7 CPU s for the 2.2
    million triples of 10,000 documents, against 38.9 on the on-disk store). Returns what
    finishes them given the store (``finish(store)``: the violations, sorted): the look-ups of
    values in other blocks, and the checks that need the whole graph. ``progress(name)`` gives the
    progress callback of the graph called ``name``; the provenance's is told bytes, not checks.
    If ``stop`` is set the rest is left to ``finish``."""
    memory = facts_store(None, facts_nt)
    facts = None if memory is None else graph_violations(memory, str(FACTS_GRAPH), shapes, facts_nt,
                                                         progress and progress("facts"))
    del memory
    on_check = progress and progress("provenance")
    try:
        blocks = check_blocks(str(PROVENANCE_GRAPH), shapes, provenance_nt, on_bytes=on_check and _bytes_done(
            on_check, _size(provenance_nt)), stop=stop)
    except Unsupported:
        blocks = None

    def finish(store: ox.Store) -> list[str]:
        found = facts if facts is not None else graph_violations(store, str(FACTS_GRAPH), shapes, facts_nt,
                                                                 progress and progress("facts"))
        if blocks is not None:
            return sorted(found + blocks.finish(store))
        return sorted(found + graph_violations(store, str(PROVENANCE_GRAPH), shapes, provenance_nt, on_check))

    return finish


def _bytes_done(on_check: CheckProgress, total: int) -> Callable[[int], None]:
    done = [0]

    def advance(n: int) -> None:
        done[0] += n
        on_check(done[0], total)

    return advance
