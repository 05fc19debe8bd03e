"""Where the analytics read from: the facts and provenance graphs of a build, and the ontology.

Every analytics function accepts the same kinds of input: an ``rdflib.Dataset`` as returned by
``kg.build()``/``kg.load()`` (facts and provenance named graphs), a plain ``rdflib.Graph`` (used
for both roles), or the path of a build folder (its store, opened read-only) or RDF file (read like ``kg query`` reads it). This module turns any of
them into a :class:`Source`, and reads the class hierarchy and predicate labels from the ontology.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import InputError, did_you_mean
from kg.namespaces import FACTS_GRAPH, PREFIXES, PROVENANCE_GRAPH, prefixed_name
from kg.ontology import load_ontology


@dataclass(frozen=True)
class Source:
    """The two graphs the analytics read: ``facts`` (entities, relations) and ``provenance``."""

    facts: Graph
    provenance: Graph
    ontology: Ontology = field(repr=False, default=None)  # type: ignore[assignment]


GraphInput = Source | Dataset | Graph | str | Path


@dataclass(frozen=True)
class Ontology:
    """Superclasses (transitive) of each class and the labels of each term, by language."""

    superclasses: dict[URIRef, frozenset[URIRef]]
    labels: dict[URIRef, dict[str, str]]
    classes: frozenset[URIRef] = frozenset()
    properties: frozenset[URIRef] = frozenset()
    superproperties: dict[URIRef, frozenset[URIRef]] = field(default_factory=dict)

    def label(self, term: URIRef, lang: str = "en") -> str:
        """The term's label in ``lang`` (else any label, else its CURIE).

        Examples
        --------
        >>> project_ontology().label(URIRef("http://www.w3.org/ns/org#hasSite"))
        'has site'
        """
        by_lang = self.labels.get(term, {})
        return by_lang.get(lang) or next(iter(sorted(by_lang.values())), None) or curie(term)

    def resolve_class(self, name: str, known: Iterable[URIRef] = ()) -> URIRef:
        """The class meant by ``name``: an IRI, a CURIE (``akg:Plant``), a local name (``Plant``)
        or a label in any language (``tovarna``), case ignored. ``known`` adds classes the graph
        uses beyond the ontology. An unknown name is an InputError with the nearest names.

        Examples
        --------
        >>> project_ontology().resolve_class("tovarna")
        rdflib.term.URIRef('https://w3id.org/ampere-kg/ontology#Plant')
        """
        return _resolve("class", name, self.classes | frozenset(known), self.labels)

    def resolve_predicate(self, name: str, known: Iterable[URIRef] = ()) -> URIRef:
        """The property meant by ``name`` (IRI, CURIE, local name or label), as
        :meth:`resolve_class` does for classes."""
        return _resolve("predicate", name, self.properties | frozenset(known), self.labels)


def _resolve(kind: str, name: str, terms: frozenset[URIRef],
             labels: dict[URIRef, dict[str, str]]) -> URIRef:
    """The one term of ``terms`` that ``name`` names; an InputError with "did you mean" if none."""
    wanted = " ".join(name.casefold().split())
    names: dict[str, set[URIRef]] = {}
    for term in terms:
        short = curie(term)
        for alias in (str(term), short, short.partition(":")[2], *labels.get(term, {}).values()):
            if alias:
                names.setdefault(" ".join(alias.casefold().split()), set()).add(term)
    found = names.get(wanted, set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise InputError(f"{kind} {name!r} is ambiguous: {', '.join(sorted(curie(t) for t in found))}")
    shown = sorted(curie(t) for t in terms)
    hint = did_you_mean(name, shown + [a for t in terms for a in labels.get(t, {}).values()])
    raise InputError(f"unknown {kind} {name!r}{hint or ' (known: ' + ', '.join(shown) + ')'}")


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
    return Source(facts=facts, provenance=provenance, ontology=project_ontology())


def _load_folder(path: Path) -> Dataset:
    """A build folder's store (read-only), or its files or one RDF file loaded into a Dataset; a
    one-line InputError if it cannot."""
    from kg.sparql.store import open_dataset

    return open_dataset(path)


@lru_cache(maxsize=1)
def project_ontology() -> Ontology:
    """The class hierarchy and term labels of the project ontology (as
    :func:`kg.ontology.load_ontology` finds and reads it), cached."""
    return read_ontology(load_ontology().graph)


def read_ontology(onto: Graph) -> Ontology:
    """Collect transitive superclasses and labels by language from an ontology graph."""
    direct: dict[URIRef, set[URIRef]] = {}
    for sub, sup in onto.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct.setdefault(sub, set()).add(sup)
    closure = {cls: frozenset(_ancestors(cls, direct)) for cls in direct}
    labels: dict[URIRef, dict[str, str]] = {}
    for term, label in onto.subject_objects(RDFS.label):
        if isinstance(term, URIRef) and isinstance(label, Literal):
            labels.setdefault(term, {})[label.language or ""] = str(label)
    classes = frozenset(c for c in onto.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    properties = frozenset(p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
                           for p in onto.subjects(RDF.type, kind) if isinstance(p, URIRef))
    direct_props: dict[URIRef, set[URIRef]] = {}
    for sub, sup in onto.subject_objects(RDFS.subPropertyOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct_props.setdefault(sub, set()).add(sup)
    return Ontology(superclasses=closure, labels=labels, classes=classes | frozenset(direct),
                    properties=properties,
                    superproperties={p: frozenset(_ancestors(p, direct_props)) for p in direct_props})


def _ancestors(cls: URIRef, direct: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen: set[URIRef] = set()
    todo = list(direct.get(cls, ()))
    while todo:
        sup = todo.pop()
        if sup not in seen:
            seen.add(sup)
            todo.extend(direct.get(sup, ()))
    return seen


def curie(term: URIRef | str) -> str:
    """Shorten an IRI with the project prefixes (``schema:founder``); unknown IRIs stay whole.

    Examples
    --------
    >>> curie("https://schema.org/founder")
    'schema:founder'
    """
    return prefixed_name(str(term), PREFIXES) or str(term)


def expand(name: str) -> URIRef:
    """Expand a CURIE (``akg:Plant``) or accept a full IRI; unknown prefixes are an InputError.

    Examples
    --------
    >>> expand("akg:Plant")
    rdflib.term.URIRef('https://w3id.org/ampere-kg/ontology#Plant')
    """
    if name.startswith(("http://", "https://", "urn:")):
        return URIRef(name)
    prefix, sep, local = name.partition(":")
    if not sep or prefix not in PREFIXES:
        known = ", ".join(sorted(PREFIXES))
        raise InputError(f"{name!r}: not an IRI or a CURIE with a known prefix ({known})")
    return URIRef(str(PREFIXES[prefix]) + local)


NON_ENTITY_TYPES = frozenset({OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.Ontology,
                              RDFS.Class})
