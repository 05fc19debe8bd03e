"""Turn the RDF knowledge graph into a networkx ``MultiDiGraph`` of entities and relations.

Entity nodes are the subjects of the facts graph that have a ``skos:prefLabel`` (QuantitativeValue
and Quotation nodes become literal facts of the entity they describe, never nodes of their own).
Each object relation between two entities is one edge keyed by its predicate IRI and carrying the
ids of the sentences that support it, read from the provenance graph. Provenance and ontology
scaffolding stay out. Nodes and edges are added in sorted order, so the result is deterministic.
"""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.namespaces import AKG, NIF, SCHEMA
from kg.ontology import Ontology, curie

from .source import NON_ENTITY_TYPES, GraphInput, Source, open_source
from .timeview import newest_values, superseded_roles

LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)
VALUE_TYPES = frozenset({SCHEMA.QuantitativeValue, SCHEMA.Quotation})


def to_networkx(graph: GraphInput, *, classes: Iterable[str] | None = None,
                predicates: Iterable[str] | None = None, history: bool = False) -> nx.MultiDiGraph:
    """Build a MultiDiGraph of the entities of a knowledge graph and the relations between them.

    Parameters
    ----------
    graph : rdflib.Dataset, rdflib.Graph, str or Path
        What ``kg.build()``/``kg.load()`` return, or a build folder.
    classes : iterable of str, optional
        Keep only entities of one of these classes (CURIEs such as ``"akg:Plant"``, IRIs, local
        names or labels; superclasses count, so ``"org:Site"`` keeps plants and hubs). An
        unknown class is an InputError that names the nearest ones.
    predicates : iterable of str, optional
        Keep only relations with one of these predicates (CURIEs, IRIs, local names or labels).
    history : bool
        Keep every statement of every document. By default the graph is the current view
        (:mod:`kg.analytics.timeview`): no role a more recent document ends or hands to another
        chief executive, and of dated values of one property only the most recent.

    Returns
    -------
    networkx.MultiDiGraph
        Node id = entity IRI (str) with ``label`` (Slovenian), ``label_en``, ``labels``,
        ``class`` (most specific), ``classes`` and one attribute per literal fact (CURIE keys,
        ``"schema:numberOfEmployees.schema:minValue"`` for quantitative values, ``quotations``).
        Edge key = predicate IRI, with ``predicate``, ``label``, ``label_sl``, ``sentences``
        (sentence IRIs) and ``sources`` (other provenance, e.g. reference data).
        ``G.graph["sentences"]`` maps each sentence IRI to its text, document and offsets.

    Examples
    --------
    >>> import kg
    >>> G = kg.to_networkx(kg.load("build"))
    >>> G.nodes["https://w3id.org/ampere-kg/id/plant/douai"]["label"]
    'Douai'
    """
    src = open_source(graph)
    entities = entity_nodes(src.facts)
    keep_classes = keep_predicates = None
    if classes is not None:
        used = frozenset().union(*entities.values()) if entities else frozenset()
        keep_classes = {src.ontology.resolve_class(c, used) for c in classes}
    if predicates is not None:
        used_predicates = {p for p in src.facts.predicates() if isinstance(p, URIRef)}
        keep_predicates = {src.ontology.resolve_predicate(p, used_predicates) for p in predicates}
    if keep_classes is not None:
        entities = {e: t for e, t in entities.items() if t & keep_classes}
    G = nx.MultiDiGraph()
    derivations = statement_sources(src.provenance)
    used_sentences: set[URIRef] = set()
    for iri in sorted(entities):
        G.add_node(str(iri), **node_attributes(src, iri, entities[iri], history=history))
    stale = set() if history else superseded_roles(src.facts)
    for s, p, o in sorted(relation_triples(src.facts, entities)):
        if (keep_predicates is not None and p not in keep_predicates) or (s, p, o) in stale:
            continue
        sources = derivations.get((s, p, o), set())
        sentences = sorted(str(x) for x in sources if _is_sentence(src.provenance, x))
        used_sentences.update(URIRef(x) for x in sentences)
        G.add_edge(str(s), str(o), key=str(p), predicate=str(p),
                   label=src.ontology.label(p, "en"), label_sl=src.ontology.label(p, "sl"),
                   sentences=sentences,
                   sources=sorted(str(x) for x in sources if str(x) not in sentences))
    G.graph["sentences"] = {str(x): sentence_info(src.provenance, x) for x in sorted(used_sentences)}
    return G


def entity_nodes(facts: Graph) -> dict[URIRef, frozenset[URIRef]]:
    """Entities of the facts graph (IRIs with a ``skos:prefLabel``), each with its types."""
    found: dict[URIRef, frozenset[URIRef]] = {}
    for s in set(facts.subjects(SKOS.prefLabel, None)):
        if not isinstance(s, URIRef):
            continue
        types = frozenset(t for t in facts.objects(s, RDF.type) if isinstance(t, URIRef))
        if types & (VALUE_TYPES | NON_ENTITY_TYPES):
            continue
        found[s] = types
    return found


def relation_triples(facts: Graph, entities: dict[URIRef, Any]) -> set[tuple[URIRef, URIRef, URIRef]]:
    """Triples of the facts graph whose subject and object are both entities (minus rdf:type)."""
    found = set()
    for s in entities:
        for p, o in facts.predicate_objects(s):
            if isinstance(o, URIRef) and o in entities and p != RDF.type and isinstance(p, URIRef):
                found.add((s, p, o))
    return found


def node_attributes(src: Source, iri: URIRef, types: frozenset[URIRef], *, history: bool = True) -> dict[str, Any]:
    """Labels, classes and literal facts of one entity, as networkx node attributes (without
    ``history``, of dated values of one property only the most recent)."""
    facts = src.facts
    pref = {lit.language: str(lit) for lit in facts.objects(iri, SKOS.prefLabel) if isinstance(lit, Literal)}
    rdfs_labels = {lit.language: str(lit) for lit in facts.objects(iri, RDFS.label) if isinstance(lit, Literal)}
    label = pref.get("sl") or rdfs_labels.get("sl") or next(iter(sorted(pref.values())), curie(iri))
    attrs: dict[str, Any] = {"label": label}
    english = pref.get("en") or rdfs_labels.get("en")
    if english:
        attrs["label_en"] = english
    attrs["labels"] = sorted({str(o) for p in LABEL_PREDICATES for o in facts.objects(iri, p)
                              if isinstance(o, Literal)})
    attrs["class"] = str(most_specific(types, src.ontology))
    attrs["classes"] = sorted(str(t) for t in types)
    attrs.update(literal_facts(facts, iri, history=history))
    return attrs


def most_specific(types: frozenset[URIRef], ontology: Ontology) -> URIRef:
    """The type that no other of ``types`` is a subclass of (first by IRI if several)."""
    inherited = set().union(*(ontology.superclasses.get(t, frozenset()) for t in types)) if types else set()
    candidates = sorted(t for t in types if t not in inherited) or sorted(types)
    return candidates[0] if candidates else RDFS.Resource


def literal_facts(facts: Graph, iri: URIRef, *, history: bool = True) -> dict[str, Any]:
    """Literal facts of an entity: its literals, other IRIs (e.g. owl:sameAs), value nodes, quotes
    (without ``history``, of dated value nodes of one property only the most recent)."""
    values: dict[str, list[Any]] = {}
    value_nodes: dict[URIRef, list[Node]] = {}
    for p, o in facts.predicate_objects(iri):
        if not isinstance(p, URIRef) or p == RDF.type or p in LABEL_PREDICATES:
            continue
        if isinstance(o, Literal):
            values.setdefault(curie(p), []).append(python_value(o))
        elif set(facts.objects(o, RDF.type)) & VALUE_TYPES:
            value_nodes.setdefault(p, []).append(o)
        elif facts.value(o, SKOS.prefLabel) is not None:
            continue  # a relation to another entity: an edge, not an attribute
        elif _has_properties(facts, o):
            _flatten(facts, p, o, values)
        else:
            values.setdefault(curie(p), []).append(str(o))
    for p, nodes in value_nodes.items():
        for o in (nodes if history else newest_values(facts, nodes)):
            _flatten(facts, p, o, values)
    for quote in facts.subjects(SCHEMA.creator, iri):
        if SCHEMA.Quotation in set(facts.objects(quote, RDF.type)):
            values.setdefault("quotations", []).extend(str(t) for t in facts.objects(quote, SCHEMA.text))
    return {key: _one_or_list(vals) for key, vals in sorted(values.items())}


def _flatten(facts: Graph, p: URIRef, node: Node, values: dict[str, list[Any]]) -> None:
    """Add the properties of a value node as ``"<p>.<p2>"`` attributes."""
    for p2, o2 in facts.predicate_objects(node):
        if p2 != RDF.type:
            values.setdefault(f"{curie(p)}.{curie(str(p2))}", []).append(python_value(o2))


def _has_properties(facts: Graph, node: Node) -> bool:
    return next(iter(facts.predicate_objects(node)), None) is not None


def _one_or_list(values: list[Any]) -> Any:
    unique = sorted(set(values), key=lambda v: (type(v).__name__, str(v)))
    return unique[0] if len(unique) == 1 else unique


def python_value(term: Node) -> Any:
    """A plain Python value for a literal (int, float, bool or str); IRIs become str."""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float):
            return value
        if isinstance(value, Decimal):
            return float(value)
    return str(term)


def statement_sources(provenance: Graph) -> dict[tuple[Node, Node, Node], set[Node]]:
    """Map each reified triple of the provenance graph to what its evidence was derived from."""
    subjects = dict(provenance.subject_objects(RDF.subject))
    predicates = dict(provenance.subject_objects(RDF.predicate))
    objects = dict(provenance.subject_objects(RDF.object))
    origins: dict[Node, set[Node]] = {}
    for evidence, origin in provenance.subject_objects(PROV.wasDerivedFrom):
        origins.setdefault(evidence, set()).add(origin)
    found: dict[tuple[Node, Node, Node], set[Node]] = {}
    for st, evidence in provenance.subject_objects(AKG.evidence):  # statement -> evidence -> sentence
        if st in subjects and st in predicates and st in objects:
            found.setdefault((subjects[st], predicates[st], objects[st]), set()).update(origins.get(evidence, ()))
    return found


def _is_sentence(provenance: Graph, node: Node) -> bool:
    return (node, NIF.anchorOf, None) in provenance


def sentence_info(provenance: Graph, sentence: Node) -> dict[str, Any]:
    """Text, document and character offsets of a ``nif:Sentence``."""
    doc = provenance.value(sentence, NIF.referenceContext)
    begin = provenance.value(sentence, NIF.beginIndex)
    end = provenance.value(sentence, NIF.endIndex)
    return {"text": str(provenance.value(sentence, NIF.anchorOf)),
            "document": str(doc) if doc is not None else None,
            "begin": int(begin) if isinstance(begin, Literal) else None,
            "end": int(end) if isinstance(end, Literal) else None}
