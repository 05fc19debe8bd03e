"""Read the view model out of a built graph: entities (nodes) with their class, labels,
identifiers, literal facts and the sentences that mention them; object relations between entities
(edges) with the sentences and rules behind them. Provenance, QuantitativeValue/Quotation helper
nodes and ontology terms never become nodes. An entity's dated facts (its events and roles over
time, docs/graph-model.md) are listed with its facts in date order, and a former role is an edge
of its own, with its interval. Everything is sorted, so the same graph gives the same model.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.namespaces import (
    AKG,
    FACTS_GRAPH,
    KGDOC,
    KGFACT,
    KGRULE,
    ORG,
    PROVENANCE_GRAPH,
    SCHEMA,
    TIME,
)
from kg.ontology import Ontology, curie, expand
from kg.timeterms import EVENT_CLASSES
from kg.viz.sources import Sentences

HELPER_TYPES = {SCHEMA.QuantitativeValue, SCHEMA.Quotation}
NOT_EDGES = {RDF.type, OWL.sameAs, RDFS.seeAlso}
LABEL_PREDICATES = {SKOS.prefLabel, SKOS.altLabel, RDFS.label, SCHEMA.latitude, SCHEMA.longitude}
SCAFFOLDING = (str(KGDOC), str(KGFACT), str(KGRULE))
# A fact's value: plain text, or segments with the numbers at odd positions ("≥ ", "1000", " EUR"),
# so the page can write each number the way the reader's language does (1,000 or 1.000).
Value = str | tuple[str, ...]


@dataclass
class Node:
    """One entity as the view shows it."""

    iri: str
    cls: str
    types: list[str]
    sl: str
    en: str
    alt: list[str]
    ids: list[tuple[str, str]] = field(default_factory=list)      # (text, url or "")
    facts: list[tuple[str, Value]] = field(default_factory=list)  # (predicate IRI, value)
    mentions: list[tuple[int, list[tuple[int, int]]]] = field(default_factory=list)  # sentence, UTF-16 spans


@dataclass
class Edge:
    """One object relation between two entities (indices into ``ViewModel.nodes``)."""

    source: int
    target: int
    pred: str
    sentences: list[int] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    note: str = ""  # shown after the predicate's label: a former role's interval


# a former role is drawn as an edge of this predicate (dashed, see kg.viz.network)
FORMER_ROLE = {str(AKG.ChiefExecutive): str(AKG.formerChiefExecutiveOf)}
FORMER_OTHER_ROLE = str(AKG.formerlyHeldRoleIn)
_DATES = (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)


@dataclass
class ViewModel:
    """Nodes, edges and the table of source sentences (document title, text) they point into."""

    nodes: list[Node]
    edges: list[Edge]
    sentences: list[tuple[str, str]]

    def subset(self, keep: Iterable[int]) -> ViewModel:
        """The model restricted to the nodes ``keep`` (and the edges and sentences they use)."""
        order = sorted(set(keep))
        new_id = {old: new for new, old in enumerate(order)}
        edges = [e for e in self.edges if e.source in new_id and e.target in new_id]
        used = sorted({s for i in order for s, _ in self.nodes[i].mentions}
                      | {s for e in edges for s in e.sentences})
        sid = {old: new for new, old in enumerate(used)}
        nodes = [Node(**{**self.nodes[i].__dict__,
                         "mentions": [(sid[s], spans) for s, spans in self.nodes[i].mentions]})
                 for i in order]
        edges = [Edge(new_id[e.source], new_id[e.target], e.pred, [sid[s] for s in e.sentences], e.rules)
                 for e in edges]
        return ViewModel(nodes, edges, [self.sentences[s] for s in used])


def split_graph(graph: Any) -> tuple[Graph, Graph]:
    """(facts, provenance) of a Dataset from ``kg.build``/``kg.load``; a plain Graph serves as both."""
    lister = getattr(graph, "graphs", None) or getattr(graph, "contexts", None)
    if lister is not None:
        named = {g.identifier: g for g in lister()}
        facts = named.get(FACTS_GRAPH)
        if facts is not None and len(facts):
            return facts, named.get(PROVENANCE_GRAPH, Graph())
        union = Graph()
        for part in named.values():
            union += part
        return union, union
    return graph, graph


def _text(values: Iterable[Any], lang: str | None) -> list[str]:
    return sorted({str(v) for v in values if isinstance(v, Literal) and (lang is None or v.language == lang)})


def _number(lit: Any) -> str:
    """``35.0`` -> ``35``, ``50.370690`` -> ``50.37069``; anything else unchanged."""
    try:
        return format(Decimal(str(lit)).normalize(), "f")
    except (InvalidOperation, ValueError):
        return str(lit)


def _literal(lit: Literal) -> Value:
    numeric = lit.datatype is not None and str(lit.datatype).endswith(("integer", "decimal", "double", "float"))
    return ("", _number(lit)) if numeric else str(lit)


def _quantity(facts: Graph, qv: URIRef, label_of: dict[URIRef, str]) -> Value:
    """Segments of a QuantitativeValue: ``("≥ ", "1000", " – ≤ ", "2000", " EUR · engineers")``."""
    segments = [""]
    for pred, sign in ((SCHEMA.value, ""), (SCHEMA.minValue, "≥ "), (SCHEMA.maxValue, "≤ ")):
        for v in sorted(facts.objects(qv, pred), key=str):
            segments[-1] += (" – " if len(segments) > 1 else "") + sign
            segments += [_number(v), ""]
    tail = " ".join(_text([*facts.objects(qv, SCHEMA.unitText), *facts.objects(qv, SCHEMA.currency)], None))
    quals = _text(facts.objects(qv, AKG.occupation), None)
    quals += sorted(label_of.get(p, curie(p)) for p in facts.objects(qv, AKG.inPlace) if isinstance(p, URIRef))
    quals += _text(facts.objects(qv, AKG.validYear), None) or _text(facts.objects(qv, AKG.asOf), None)
    if len(segments) == 1:   # no number at all
        return " · ".join(x for x in [tail, *quals] if x)
    segments[-1] += (f" {tail}" if tail else "") + "".join(f" · {q}" for q in quals)
    return tuple(segments)


def _identifiers(facts: Graph, s: URIRef) -> list[tuple[str, str]]:
    ids = []
    for o in sorted({*facts.objects(s, OWL.sameAs), *facts.objects(s, RDFS.seeAlso)}, key=str):
        url = str(o)
        safe = url if url.startswith(("https://", "http://")) else ""
        if "wikidata.org/entity/" in url:
            name = "Wikidata " + url.rsplit("/", 1)[-1]
            safe = "https://www.wikidata.org/wiki/" + url.rsplit("/", 1)[-1]  # the page, not the data IRI
        elif "geonames.org" in url:
            name = "GeoNames " + url.rstrip("/").rsplit("/", 1)[-1]
        else:
            name = url
        ids.append((name, safe))
    lat, lon = facts.value(s, SCHEMA.latitude), facts.value(s, SCHEMA.longitude)
    if lat is not None and lon is not None:
        ids.append((f"{_number(lat)}, {_number(lon)}", ""))
    return ids


def _entities(facts: Graph) -> list[URIRef]:
    found = set()
    for s in set(facts.subjects(SKOS.prefLabel)):
        if isinstance(s, URIRef) and not str(s).startswith(SCAFFOLDING) \
                and not HELPER_TYPES & set(facts.objects(s, RDF.type)):
            found.add(s)
    return sorted(found, key=str)


def _node(facts: Graph, s: URIRef, onto: Ontology, label_of: dict[URIRef, str]) -> Node:
    types = {t for t in facts.objects(s, RDF.type) if isinstance(t, URIRef)}
    cls = onto.most_specific(types)
    sl = _text(facts.objects(s, SKOS.prefLabel), "sl") or _text(facts.objects(s, SKOS.prefLabel), None)
    en = _text(facts.objects(s, SKOS.prefLabel), "en")
    alt = [a for a in _text(facts.objects(s, SKOS.altLabel), None) if a not in sl]
    node = Node(str(s), str(cls or ""), sorted(map(str, types)), sl[0], en[0] if en else "", alt,
                ids=_identifiers(facts, s))
    for p, o in sorted(facts.predicate_objects(s), key=lambda po: (str(po[0]), str(po[1]))):
        if isinstance(o, Literal) and p not in LABEL_PREDICATES:
            node.facts.append((str(p), _literal(o)))
        elif isinstance(o, URIRef) and (o, RDF.type, SCHEMA.QuantitativeValue) in facts:
            node.facts.append((str(p), _quantity(facts, o, label_of)))
    return node


def _quotes(facts: Graph, index: dict[URIRef, int], nodes: list[Node]) -> None:
    for q in sorted(facts.subjects(RDF.type, SCHEMA.Quotation), key=str):
        for person in facts.objects(q, SCHEMA.creator):
            if isinstance(person, URIRef) and person in index:
                for text in _text(facts.objects(q, SCHEMA.text), None):
                    nodes[index[person]].facts.append((str(SCHEMA.Quotation), text))


def _edges(facts: Graph, entities: list[URIRef], index: dict[URIRef, int], onto: Ontology) -> list[Edge]:
    edges = []
    for s in entities:
        by_target: dict[URIRef, set[URIRef]] = {}
        for p, o in facts.predicate_objects(s):
            if isinstance(o, URIRef) and o in index and p not in NOT_EDGES and isinstance(p, URIRef):
                by_target.setdefault(o, set()).add(p)
        for o, preds in by_target.items():
            implied = {sup for p in preds for sup in onto.superproperties.get(p, ())}
            edges += [Edge(index[s], index[o], str(p)) for p in preds if p not in implied]
    return sorted(edges, key=lambda e: (e.source, e.target, e.pred))


def _instant(facts: Graph, interval: Any, prop: URIRef) -> str:
    """The date of an interval's beginning or end ("" when the text gave none)."""
    for instant in facts.objects(interval, prop):
        for date in (facts.value(instant, p) for p in _DATES):
            if date is not None:
                return str(date)
    return ""


def _timeline(facts: Graph, index: dict[URIRef, int], nodes: list[Node], label_of: dict[URIRef, str]) -> list[Edge]:
    """Add each entity's events and roles to its facts, in date order; return an edge per former role."""
    dated: dict[int, list[tuple[str, str, str]]] = {}  # node -> (sort date, predicate IRI, text)

    def name(x: object) -> str:
        return label_of.get(x, curie(x)) if isinstance(x, URIRef) else "?"
    for cls in (expand(c) for c in EVENT_CLASSES.values()):
        for event in sorted(facts.subjects(RDF.type, cls), key=str):
            date = str(facts.value(event, DCTERMS.date) or "")
            agent, obj = facts.value(event, SCHEMA.agent), facts.value(event, SCHEMA.object)
            amount = facts.value(event, AKG.amount)
            money = f" ({_quantity(facts, amount, label_of)})" if isinstance(amount, URIRef) else ""
            text = f"{date or '?'}: {name(agent) if agent else '?'} → {name(obj) if obj else '?'}{money}"
            for who in (agent, obj):
                if isinstance(who, URIRef) and who in index:
                    dated.setdefault(index[who], []).append((date, str(cls), text))
    former: list[Edge] = []
    for m in sorted(facts.subjects(RDF.type, ORG.Membership), key=str):
        person, org, role = facts.value(m, ORG.member), facts.value(m, ORG.organization), facts.value(m, ORG.role)
        status = facts.value(m, AKG.roleStatus)
        interval = facts.value(m, ORG.memberDuring)
        start, end = (_instant(facts, interval, p) for p in (TIME.hasBeginning, TIME.hasEnd))
        span = f"{start or '…'} – {end or '…'}" if start or end else ""
        state = curie(status).split(":")[-1].lower() if isinstance(status, URIRef) else ""
        as_of = str(facts.value(m, AKG.asOf) or "")
        text = " · ".join(x for x in (span, f"{name(person)} → {name(org)}", state, as_of) if x)
        for who in (person, org):
            if isinstance(who, URIRef) and who in index:
                dated.setdefault(index[who], []).append((start or end or as_of, str(role), text))
        if status == AKG.Former and isinstance(person, URIRef) and isinstance(org, URIRef) \
                and person in index and org in index:
            pred = FORMER_ROLE.get(str(role), FORMER_OTHER_ROLE)
            former.append(Edge(index[person], index[org], pred, note=f"({span})" if span else ""))
    for i, items in dated.items():
        nodes[i].facts += [(pred, text) for _, pred, text in sorted(items)]
    return former


def read_model(graph: Any, onto: Ontology) -> ViewModel:
    """The view model of a built graph (Dataset or Graph, see docs/graph-model.md).

    >>> from kg.ontology import load_ontology
    >>> model = read_model(kg.load("build"), load_ontology())
    >>> model.nodes[0].sl
    'Renault'
    """
    facts, prov = split_graph(graph)
    entities = _entities(facts)
    index = {s: i for i, s in enumerate(entities)}
    label_of = {}
    for s in entities:
        label_of[s] = (_text(facts.objects(s, SKOS.prefLabel), "sl") or [curie(s)])[0]
    nodes = [_node(facts, s, onto, label_of) for s in entities]
    _quotes(facts, index, nodes)
    edges = _edges(facts, entities, index, onto)
    edges = sorted(edges + _timeline(facts, index, nodes, label_of), key=lambda e: (e.source, e.target, e.pred))
    sents = Sentences(prov)
    mentions = sents.mentions(index)
    statements = sents.statements()
    table, sid = sents.table()
    for i, by_sentence in mentions.items():
        nodes[i].mentions = sorted((sid[s], sorted(spans)) for s, spans in by_sentence.items())
    for e in edges:
        key = (entities[e.source], URIRef(e.pred), entities[e.target])
        sources, rules = statements.get(key, ([], []))
        e.sentences, e.rules = sorted({sid[s] for s in sources}), rules
    return ViewModel(nodes, edges, table)
