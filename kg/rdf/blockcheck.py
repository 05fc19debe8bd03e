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

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from threading import Event
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


Value = ox.NamedNode | ox.Literal  # the value of a class check (a blank node is never checked in blocks)


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


def _classes(store: ox.Store, graph: str, value: Value) -> frozenset[str]:
    """The classes ``value`` is an instance of in ``graph`` of ``store`` (none for a literal)."""
    if not isinstance(value, ox.NamedNode):
        return frozenset()
    quads = store.quads_for_pattern(value, ox.NamedNode(RDF_TYPE), None, ox.NamedNode(graph))
    return frozenset(q.object.value for q in quads if isinstance(q.object, ox.NamedNode))


def _in_memory(block: bytes, graph: str) -> ox.Store:
    local = ox.Store()
    local.load(block, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    return local


def _read(source: Path | bytes) -> IO[bytes]:
    return open(source, "rb") if isinstance(source, Path) else io.BytesIO(source)


@dataclass
class Blocks:
    """What the checks of the blocks found without the store of the whole graph: the violations
    within blocks, and the values that failed a class check in their block, with where those
    blocks are (read again only for a value that is in none of the classes in the whole graph)."""

    graph: str
    source: Path | bytes  # the sorted N-Triples
    found: set[str] = field(default_factory=set)
    failing: dict[tuple[Value, int], list[tuple[int, int]]] = field(default_factory=dict)  # (value, check #): blocks
    checks: list[Check] = field(default_factory=list)  # the class checks, numbered

    def finish(self, store: ox.Store) -> list[str]:
        """All the violations, sorted, the failing values looked up in ``store`` (the whole graph)."""
        found = set(self.found)
        classes: dict[Value, frozenset[str]] = {}
        again: dict[tuple[int, int], list[tuple[Value, int]]] = {}  # block: its (value, check #) that fail
        for (value, n), blocks in self.failing.items():
            if value not in classes:
                classes[value] = _classes(store, self.graph, value)
            if classes[value].isdisjoint(self.checks[n].classes):
                for block in blocks:
                    again.setdefault(block, []).append((value, n))
        with _read(self.source) as raw:
            for (offset, size), pairs in sorted(again.items()):
                raw.seek(offset)
                local = _in_memory(raw.read(size), self.graph)
                for n in sorted({n for _, n in pairs}):
                    check, bad = self.checks[n], {value for value, m in pairs if m == n}
                    found.update(f"{row['f'].value} {check.path}: {check.message}"
                                 for row in _select(local, value_query(check, self.graph)) if row["v"] in bad)
        return sorted(found)


def check_blocks(graph: str, shapes: Graph, source: Path | bytes, size: int = BLOCK_BYTES,
                 on_bytes: Callable[[int], None] | None = None, stop: Event | None = None) -> Blocks | None:
    """Check the named graph ``graph``, whose triples are the sorted N-Triples ``source`` (a file
    or its bytes), block by block; ``Blocks.finish`` completes it with the store of the whole
    graph. None if a ``sh:sparql`` constraint applies or the graph has blank nodes (check the
    whole store then), or if ``stop`` is set. Raises ``Unsupported`` as ``compile_shapes`` does.
    ``on_bytes`` is told the bytes checked.
    """
    result = Blocks(graph, source)
    compiled: dict[frozenset[str], tuple[ShapeChecks, list[int]]] = {}
    offset = 0
    with _read(source) as raw:
        for block in subject_blocks(raw, size):
            if b"_:" in block or (stop is not None and stop.is_set()):
                return None
            local = _in_memory(block, graph)
            types = frozenset(graph_types(local, graph))
            if types not in compiled:
                checks = compile_shapes(shapes, only_targets=set(types)) if types else ShapeChecks()
                if any(c.kind == "sparql" for c in checks.checks):
                    return None
                typed = [c for c in checks.checks if c.classes]
                compiled[types] = (ShapeChecks([c for c in checks.checks if not c.classes]),
                                   list(range(len(result.checks), len(result.checks) + len(typed))))
                result.checks += typed
            core, typed_numbers = compiled[types]
            result.found.update(sparql_violations(local, graph, core))
            for n in typed_numbers:  # the values failing here may be in the class in another block
                for row in _select(local, value_query(result.checks[n], graph, values_only=True)):
                    result.failing.setdefault((row["v"], n), []).append((offset, len(block)))
            offset += len(block)
            if on_bytes is not None:
                on_bytes(len(block))
    return result


def blocked_violations(store: ox.Store, graph: str, shapes: Graph, source: Path | bytes, size: int = BLOCK_BYTES,
                       on_bytes: Callable[[int], None] | None = None) -> list[str] | None:
    """The violations of ``shapes`` in the named graph ``graph``, whose triples are the sorted
    N-Triples ``source`` and are in ``store`` too (where the types of values in another block
    are looked up): the lines ``sparql_violations`` gives on ``store``, sorted; None if
    ``check_blocks`` gives None.

    >>> shapes = Graph().parse(format="turtle", data='''@prefix sh: <http://www.w3.org/ns/shacl#> .
    ... <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:class <urn:D> ] .''')
    >>> nt = b"<urn:a> <urn:p> <urn:d> .\\n<urn:a> a <urn:C> .\\n<urn:b> <urn:p> <urn:x> .\\n<urn:b> a <urn:C> .\\n"
    >>> nt = nt.replace(b" a ", b" <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ")
    >>> nt += b"<urn:d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:D> .\\n"
    >>> whole = ox.Store()
    >>> whole.load(nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("urn:g"))
    >>> blocked_violations(whole, "urn:g", shapes, nt, size=40)  # <urn:d> is typed in another block
    ['urn:b urn:p: Value does not have class urn:D']
    """
    blocks = check_blocks(graph, shapes, source, size, on_bytes)
    return None if blocks is None else blocks.finish(store)
