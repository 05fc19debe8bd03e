"""Where the analytics read from: the facts and provenance graphs of a build, and the ontology.

Every analytics function accepts the same kinds of input: an ``rdflib.Dataset`` as returned by
``kg.build()``/``kg.load()`` (facts and provenance named graphs), a plain ``rdflib.Graph`` (used
for both roles), or the path of a build folder (its store, opened read-only) or RDF file (read like ``kg query`` reads it). This module turns any of
them into a :class:`Source`, which carries the project's :class:`kg.ontology.Ontology` too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import OWL, RDFS

from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH
from kg.ontology import Ontology, load_ontology


@dataclass(frozen=True)
class Source:
    """The two graphs the analytics read: ``facts`` (entities, relations) and ``provenance``."""

    facts: Graph
    provenance: Graph
    ontology: Ontology = field(repr=False, default_factory=load_ontology)


GraphInput = Source | Dataset | Graph | str | Path


def open_source(graph: GraphInput) -> Source:
    """Turn a Dataset, a Graph or a build folder into a :class:`Source`.

    Examples
    --------
    >>> src = open_source("build")
    >>> len(src.facts) > 0
    True
    """
    if isinstance(graph, Source):
        return graph
    if isinstance(graph, (str, Path)):
        graph = _load_folder(Path(graph))
    if isinstance(graph, Dataset):
        facts = graph.graph(FACTS_GRAPH)
        provenance = graph.graph(PROVENANCE_GRAPH)
        if len(facts) == 0:  # a Dataset without the named graphs: read its default graph
            facts = provenance = graph.default_graph
    elif isinstance(graph, Graph):
        facts = provenance = graph
    else:
        raise TypeError(f"expected an rdflib Dataset or Graph or a build folder, got {type(graph).__name__}")
    return Source(facts=facts, provenance=provenance, ontology=load_ontology())


def _load_folder(path: Path) -> Dataset:
    """A build folder's store (read-only), or its files or one RDF file loaded into a Dataset; a
    one-line InputError if it cannot."""
    from kg.sparql.store import open_dataset

    return open_dataset(path)


NON_ENTITY_TYPES = frozenset({OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.Ontology,
                              RDFS.Class})
