"""Large builds: the graph as an Oxigraph-backed rdflib Dataset, validated with SPARQL.

Past a few hundred thousand triples an in-memory rdflib Dataset costs seconds per 100k triples
and over 1 GB per million; pyshacl over it about 10 s per million. For such builds the sorted
N-Triples are loaded into an Oxigraph store (oxrdflib), which ``kg.build`` returns as an rdflib
Dataset, and each named graph is validated with ``kg.rdf.shacl_sparql``; a graph whose shapes use
SHACL features outside that subset (the facts graph: ``sh:uniqueLang``, node-level ``sh:or``) is
validated with pyshacl on an rdflib graph of its own triples only.

Oxigraph's in-memory store takes about 330 MB per million triples. Past a few million triples
(a document of 10 MB and more) the store is on disk instead, in a folder of its own that is
deleted when the Dataset is garbage-collected or the program ends (and by the next build into
the same output folder if the program was killed): the build's memory stays bounded, and loading
and validating take about twice as long.
"""
from __future__ import annotations

import shutil
import weakref
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, Graph

from kg.rdf.graph import new_graph
from kg.namespaces import FACTS_GRAPH, PREFIXES, PROVENANCE_GRAPH
from kg.rdf.shacl_sparql import Unsupported, compile_shapes, graph_types, sparql_violations
from kg.rdf.validate import raise_violations, violations


def oxigraph_dataset(facts_nt: bytes | Path, provenance_nt: bytes | Path, folder: Path | None = None) -> Dataset:
    """An rdflib Dataset on an Oxigraph store holding the two graphs (loaded from N-Triples, given
    as bytes or as a file, which is read as a stream). With ``folder`` (a new, empty folder) the
    store is on disk there, and the folder is deleted with the Dataset.

    >>> ds = oxigraph_dataset(b"", b"")
    >>> len(list(ds.quads()))
    0
    """
    store = ox.Store(str(folder)) if folder is not None else ox.Store()
    ds = Dataset(store=OxigraphStore(store=store))
    if folder is not None:
        weakref.finalize(ds, shutil.rmtree, folder, True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, str(ns), override=True, replace=True)
    for name, data in ((FACTS_GRAPH, facts_nt), (PROVENANCE_GRAPH, provenance_nt)):
        graph = ox.NamedNode(str(name))
        if isinstance(data, Path) and folder is not None:  # on disk: bulk loading keeps memory bounded
            store.bulk_load(path=data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        elif isinstance(data, Path):
            store.load(path=data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        else:
            store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    return ds


def graph_violations(store: ox.Store, name: str, shapes: Graph, ntriples: bytes | Path) -> list[str]:
    """Violations in one named graph: by SPARQL when its shapes allow, else pyshacl."""
    try:
        checks = compile_shapes(shapes, only_targets=graph_types(store, name))
    except Unsupported:
        data = ntriples.read_bytes() if isinstance(ntriples, Path) else ntriples
        return violations(new_graph().parse(data=data, format="nt"), shapes)
    return sparql_violations(store, name, checks)


def validate_large(ds: Dataset, shapes: Graph, facts_nt: bytes | Path, provenance_nt: bytes | Path) -> None:
    """Raise ValidationError if either graph of an ``oxigraph_dataset`` violates ``shapes``."""
    store: ox.Store = ds.store._inner
    found = graph_violations(store, str(FACTS_GRAPH), shapes, facts_nt)
    found += graph_violations(store, str(PROVENANCE_GRAPH), shapes, provenance_nt)
    raise_violations(sorted(found))
