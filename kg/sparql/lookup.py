"""Lookup keys: every name of an entity folded to one form, so that a query finds an entity by
name with one exact match on the store's index instead of comparing every label.

A key is the name in lower case (Unicode case folding), without diacritics, with each run of
white space as one space: "Škoda", "skoda" and "SKODA " give the same key. Keys are made from
each ``skos:prefLabel`` and ``skos:altLabel``; the altLabels hold the inflected forms the text
used ("Franciji" beside "Francija"), so those are found too. They are ``?entity akg:lookupKey
"key"`` triples in a named graph of their own, :data:`LOOKUP_GRAPH`, which the store holds and
the Turtle files do not (they stay the same as without it).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.iri import without_accents
from kg.prefixes import LOOKUP_GRAPH, PREFIXES
from kg.prefixes import LOOKUP_KEY as LOOKUP_KEY  # re-exported

if TYPE_CHECKING:  # rdflib is imported only where an rdflib Dataset is keyed (kg query needs none)
    import rdflib

LABEL_PROPERTIES = (PREFIXES["skos"] + "prefLabel", PREFIXES["skos"] + "altLabel")
KEY_SUFFIX = "Key"  # a query's ?nameKey is bound to the lookup key of its parameter ?name


def lookup_key(name: str) -> str:
    """The lookup key of a name: case-folded, without diacritics, white space collapsed.

    >>> lookup_key("  Skupina   RENAULT ")
    'skupina renault'
    >>> lookup_key("Škofja Loka") == lookup_key("skofja loka")
    True
    """
    return " ".join(without_accents(name).casefold().split())


def _key_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(entity, key) for each (entity, name), without repeats, sorted (the same store each time)."""
    return sorted({(entity, lookup_key(name)) for entity, name in pairs})


def store_key_quads(store: ox.Store) -> list[ox.Quad]:
    """The lookup-key quads of every named entity in ``store`` (all graphs)."""
    named: list[tuple[str, str]] = []
    subjects: dict[str, Any] = {}
    for prop in LABEL_PROPERTIES:
        for quad in store.quads_for_pattern(None, ox.NamedNode(str(prop)), None, None):
            if isinstance(quad.object, ox.Literal):
                subjects[str(quad.subject)] = quad.subject
                named.append((str(quad.subject), quad.object.value))
    key, graph = ox.NamedNode(str(LOOKUP_KEY)), ox.NamedNode(str(LOOKUP_GRAPH))
    return [ox.Quad(subjects[s], key, ox.Literal(k), graph) for s, k in _key_pairs(named)]


def add_store_keys(store: ox.Store, bulk: bool = False) -> None:
    """Add the lookup graph to a writable ``store`` that has none yet; ``bulk`` writes it with
    the bulk loader (for large stores: no transaction held in memory)."""
    if not store.contains_named_graph(ox.NamedNode(str(LOOKUP_GRAPH))):
        quads = store_key_quads(store)
        if bulk:
            store.bulk_extend(quads)
        else:
            store.extend(quads)


def dataset_key_triples(dataset: rdflib.Dataset) -> Iterator[tuple[rdflib.term.Node, rdflib.URIRef, rdflib.Literal]]:
    """The lookup-key triples of every named entity in an rdflib Dataset (all graphs)."""
    import rdflib

    named: dict[str, rdflib.term.Node] = {}
    pairs: list[tuple[str, str]] = []
    for prop in LABEL_PROPERTIES:
        for subject, _, name, _ in dataset.quads((None, rdflib.URIRef(prop), None, None)):
            if isinstance(name, rdflib.Literal):
                named[subject.n3()] = subject
                pairs.append((subject.n3(), str(name)))
    predicate = rdflib.URIRef(LOOKUP_KEY)
    for entity, key in _key_pairs(pairs):
        yield named[entity], predicate, rdflib.Literal(key)
