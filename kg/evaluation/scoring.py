"""Score one document's facts graph against its gold (the matching rules of docs/eval-format.md).

Entities match on a label or alias (``skos:prefLabel``/``skos:altLabel``, any language, NFC and
case-folded) and a class the graph entity has (with the superclasses from ``ontology.ttl``);
each gold item matches at most one graph item and the other way round. Relations match when
both ends match and the predicate is the same or a sub-property of the gold one; literals on
subject, predicate, value, bound and the qualifiers (and year) the gold gives; quotations on
speaker and the first 30 characters of the text; roles (``org:Membership``) on person,
organisation, role, status, start and end; events on type, date, agent, object and amount. Dates
are compared as values at the precision the gold gives; a date the gold leaves out must be absent.
Every unmatched graph item is an *extra*.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from rdflib.term import Node

from kg.evaluation.gold import (
    ENTITY_CLASSES,
    LITERAL_PREDICATES,
    RELATION_PREDICATES,
    Gold,
    GoldEntity,
    GoldEvent,
    GoldRole,
    norm,
    number_key,
)
from kg.namespaces import AKG, ORG, PREFIXES, SCHEMA, TIME, prefixed_name
from kg.ontology import expand, load_ontology
from kg.timeterms import EVENT_CLASSES, ROLE_KINDS, ROLE_STATUSES

CATEGORIES = ("entities", "relations", "literals", "quotes", "markets", "roles", "events")
QUOTE_PREFIX = 30
_QUOTE_MARKS = "»«\"“”„'‘’ \t\n"
_CONCEPT = URIRef(str(SKOS) + "Concept")


# the prefixes eval reports use (none is the start of another, so the first that fits is the only one)
_REPORT_PREFIXES = {p: PREFIXES[p] for p in ("akg", "schema", "org", "skos", "kgid")}


def shorten(iri: URIRef) -> str:
    """A CURIE for ``iri`` where a known prefix fits, else the IRI.

    >>> shorten(SCHEMA.founder), shorten(URIRef("http://www.w3.org/2006/time#Instant"))
    ('schema:founder', 'http://www.w3.org/2006/time#Instant')
    """
    return prefixed_name(str(iri), _REPORT_PREFIXES) or str(iri)


@dataclass
class Counts:
    """True positives, false positives (extra) and false negatives (missed)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when the graph said nothing and nothing was expected."""
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected and nothing was said."""
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and scores (rounded to 4 places) for JSON output."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Score:
    """Counts plus the readable lists of missed (gold only) and extra (graph only) items, and for
    relations and literals the counts of each predicate."""

    counts: Counts = field(default_factory=Counts)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    by_predicate: dict[str, Counts] = field(default_factory=dict)


@dataclass(frozen=True)
class _Entity:
    iri: URIRef
    names: frozenset[str]
    pref: frozenset[str]
    types: frozenset[URIRef]
    display: str


def _display(graph: Graph, node: URIRef) -> str:
    labels = sorted((o for o in graph.objects(node, SKOS.prefLabel) if isinstance(o, Literal)),
                    key=lambda lit: (lit.language != "sl", str(lit)))
    labels = labels or sorted((o for o in graph.objects(node, RDFS.label) if isinstance(o, Literal)), key=str)
    return str(labels[0]) if labels else shorten(node)


def graph_entities(graph: Graph) -> dict[URIRef, _Entity]:
    """Every node typed with an entity class, with its names and all its classes."""
    onto = load_ontology()
    wanted = {expand(c) for c in ENTITY_CLASSES}
    out: dict[URIRef, _Entity] = {}
    for node in sorted({s for s, t in graph.subject_objects(RDF.type) if t in wanted and isinstance(s, URIRef)}):
        types = frozenset[URIRef]().union(*(onto.self_and_supers(t) for t in graph.objects(node, RDF.type)
                                            if isinstance(t, URIRef)))
        pref = frozenset(norm(str(lit)) for lit in graph.objects(node, SKOS.prefLabel))
        alt = frozenset(norm(str(lit)) for lit in graph.objects(node, SKOS.altLabel))
        out[node] = _Entity(node, pref | alt, pref, types, _display(graph, node))
    return out


def _kind(ent: _Entity) -> str:
    specific = [t for t in ent.types if t in {expand(c) for c in ENTITY_CLASSES}]
    return ", ".join(sorted(shorten(t) for t in load_ontology().leaves(specific)))


def match_entities(gold: Gold, ents: dict[URIRef, _Entity]) -> dict[GoldEntity, URIRef]:
    """Gold entity -> graph IRI, one to one; a match on the preferred label wins over an alt label."""
    matched: dict[GoldEntity, URIRef] = {}
    used: set[URIRef] = set()
    for on_pref in (True, False):
        for g in gold.entities:
            if g in matched:
                continue
            for ent in ents.values():
                names = ent.pref if on_pref else ent.names
                if ent.iri not in used and names & g.names and expand(g.cls) in ent.types:
                    matched[g] = ent.iri
                    used.add(ent.iri)
                    break
    return matched


def _pair(gold_items: list, graph_items: list, fits: Iterable) -> tuple[list, list, list]:
    """Greedy one-to-one pairing in the order of ``fits`` (tests tried best first)."""
    free_gold, free_graph = list(gold_items), list(graph_items)
    pairs = []
    for fit in fits:
        for g in list(free_gold):
            for item in free_graph:
                if fit(g, item):
                    pairs.append((g, item))
                    free_gold.remove(g)
                    free_graph.remove(item)
                    break
    return pairs, free_gold, free_graph


def _score(pairs: list, missed: list, extra: list, show_gold: Callable[[Any], str],
           show_graph: Callable[[Any], str]) -> Score:
    return Score(Counts(len(pairs), len(extra), len(missed)),
                 [show_gold(g) for g in missed], sorted(show_graph(x) for x in extra))


def _by_predicate(pairs: list, missed: list, extra: list, of_gold: Callable[[Any], str],
                  of_graph: Callable[[Any], str]) -> dict[str, Counts]:
    """Counts per predicate: a match and a miss count for the gold predicate, an extra for the
    graph's."""
    out: dict[str, Counts] = {}
    for key, kind in [(of_gold(g), "tp") for g, _ in pairs] + [(of_gold(g), "fn") for g in missed] + \
            [(of_graph(x), "fp") for x in extra]:
        counts = out.setdefault(key, Counts())
        setattr(counts, kind, getattr(counts, kind) + 1)
    return dict(sorted(out.items()))


def _literal_items(graph: Graph) -> list[tuple]:
    """(subject, predicate CURIE, value key, bound, qualifiers dict) for each literal fact."""
    bounds = {SCHEMA.value: "exact", SCHEMA.minValue: "min", SCHEMA.maxValue: "max"}
    items: list[tuple] = []
    for curie in sorted(LITERAL_PREDICATES):
        for subj, obj in sorted(graph.subject_objects(expand(curie))):
            if isinstance(obj, Literal):
                items.append((subj, curie, number_key(obj), "exact", {}))
                continue
            quals = {"place": set(graph.objects(obj, AKG.inPlace)),
                     "occupation": {norm(str(o)) for o in graph.objects(obj, AKG.occupation)},
                     "unit": {norm(str(o)) for o in (*graph.objects(obj, SCHEMA.unitText),
                                                   *graph.objects(obj, SCHEMA.currency))},
                     "date": {str(o) for o in graph.objects(obj, AKG.validYear)}}
            for prop, bound in bounds.items():
                values: list[Any] = list(graph.objects(obj, prop))  # literals: rdflib orders them
                for value in sorted(values):
                    items.append((subj, curie, number_key(value), bound, quals))
    return items


def _quote_key(text: str) -> str:
    return norm(text.strip(_QUOTE_MARKS))


@dataclass
class _Context:
    """One document's gold, graph entities and the entity matching, shared by the scorers."""

    gold: Gold
    graph: Graph
    ents: dict[URIRef, _Entity]
    match: dict[GoldEntity, URIRef]

    def iris(self, label: str) -> set[URIRef]:
        """Graph IRIs matched by the gold entities that have ``label`` as a name."""
        return {self.match[g] for g in self.gold.named(label) if g in self.match}

    def name(self, node: URIRef) -> str:
        """Readable name of a graph node: the gold label it matched, else its own label."""
        for g, iri in self.match.items():
            if iri == node:
                return g.label
        return self.ents[node].display if node in self.ents else shorten(node)


def _entity_score(ctx: _Context, gold: list[GoldEntity], ents: list[_Entity]) -> Score:
    matched = set(ctx.match.values())
    missed = [g for g in gold if g not in ctx.match]
    extra = [e for e in ents if e.iri not in matched]
    return Score(Counts(len(gold) - len(missed), len(extra), len(missed)),
                 [f"{g.label} ({g.cls})" for g in missed], sorted(f"{e.display} ({_kind(e)})" for e in extra))


def _relation_score(ctx: _Context) -> Score:
    onto = load_ontology()
    wanted = {expand(c) for c in RELATION_PREDICATES}
    triples = sorted((s, p, o) for s, p, o in ctx.graph if p in wanted)

    def ends(g: Any, t: tuple) -> bool:
        return t[0] in ctx.iris(g.subject) and t[2] in ctx.iris(g.object)

    def exact(g: Any, t: tuple) -> bool:
        return ends(g, t) and expand(g.predicate) == t[1]

    def sub(g: Any, t: tuple) -> bool:
        return ends(g, t) and expand(g.predicate) in onto.self_and_supers(t[1])

    pairs, miss, extra = _pair(ctx.gold.relations, triples, (exact, sub))
    score = _score(pairs, miss, extra, lambda g: f"{g.subject} --{g.predicate}--> {g.object}",
                   lambda t: f"{ctx.name(t[0])} --{shorten(t[1])}--> {ctx.name(t[2])}")
    score.by_predicate = _by_predicate(pairs, miss, extra, lambda g: g.predicate, lambda t: shorten(t[1]))
    return score


def _literal_score(ctx: _Context) -> Score:
    def fits(g: Any, item: tuple) -> bool:
        subj, curie, value, bound, quals = item
        if subj not in ctx.iris(g.subject) or (g.predicate, g.value, g.bound) != (curie, value, bound):
            return False
        if g.date and g.date not in quals.get("date", set()):
            return False
        for key, want in g.qualifiers:
            have = quals.get(key, set())
            if key == "place":
                if not (ctx.iris(want) & have or norm(want) in {norm(ctx.name(p)) for p in have}):
                    return False
            elif norm(want) not in have:
                return False
        return True

    sign = {"exact": "=", "min": ">=", "max": "<="}

    def show_q(q: Iterable[tuple[str, Any]]) -> str:
        return "".join(f" [{k}={v}]" for k, v in q)

    def graph_q(quals: dict[str, set[Any]]) -> list[tuple[str, Any]]:
        return sorted((k, ctx.name(v) if k == "place" else v) for k, vs in quals.items() for v in vs)

    def gold_q(g: Any) -> str:
        return show_q(g.qualifiers + ((("date", g.date),) if g.date else ()))

    pairs, miss, extra = _pair(ctx.gold.literals, _literal_items(ctx.graph), (fits,))
    score = _score(pairs, miss, extra,
                   lambda g: f"{g.subject} {g.predicate} {sign[g.bound]} {g.value}{gold_q(g)}",
                   lambda t: f"{ctx.name(t[0])} {t[1]} {sign[t[3]]} {t[2]}{show_q(graph_q(t[4]))}")
    score.by_predicate = _by_predicate(pairs, miss, extra, lambda g: g.predicate, lambda t: t[1])
    return score


def _quote_score(ctx: _Context) -> Score:
    graph = ctx.graph
    quotes = sorted((q, frozenset(graph.objects(q, SCHEMA.creator)),
                     " ".join(str(t) for t in graph.objects(q, SCHEMA.text)))
                    for q in graph.subjects(RDF.type, SCHEMA.Quotation))

    def fits(g: Any, q: tuple) -> bool:
        return bool(ctx.iris(g.speaker) & q[1]) and _quote_key(q[2]).startswith(
            _quote_key(g.starts_with)[:QUOTE_PREFIX])

    pairs, miss, extra = _pair(ctx.gold.quotes, quotes, (fits,))

    def speakers(q: tuple) -> str:
        return ", ".join(sorted(ctx.name(c) for c in q[1])) or "?"
    return _score(pairs, miss, extra, lambda g: f'{g.speaker} said "{g.starts_with[:QUOTE_PREFIX]}…"',
                  lambda q: f'{speakers(q)} said "{q[2].strip(_QUOTE_MARKS)[:QUOTE_PREFIX]}…"')


def same_date(gold: str, graph: str) -> bool:
    """A graph date matches a gold date at the gold's precision; absent only matches absent.

    >>> same_date("2024", "2024-03-01"), same_date("2024-03", "2024"), same_date("", "")
    (True, False, True)
    """
    return gold == graph[:len(gold)] if gold and len(graph) >= len(gold) else gold == graph


def _first(graph: Graph, node: Node, prop: URIRef) -> Node | None:
    """The first object of ``node prop`` (in string order, for determinism), else None."""
    return min(graph.objects(node, prop), default=None, key=str)


def _instant(graph: Graph, interval: Node | None, prop: URIRef) -> str:
    """The date of an interval's beginning or end ("" when it has none)."""
    instant = _first(graph, interval, prop) if isinstance(interval, URIRef) else None
    if not isinstance(instant, URIRef):
        return ""
    dates = [graph.value(instant, p) for p in (TIME.inXSDDate, TIME.inXSDgYearMonth, TIME.inXSDgYear)]
    return next((str(d) for d in dates if d is not None), "")


def _role_items(graph: Graph) -> list[tuple]:
    """(person, organisation, role kind, status, start, end) of each ``org:Membership``."""
    kinds: dict[Node | None, str] = {iri: name for name, iri in ROLE_KINDS.items()}
    statuses: dict[Node | None, str] = {iri: name for name, iri in ROLE_STATUSES.items()}
    items = []
    for m in sorted(graph.subjects(RDF.type, ORG.Membership), key=str):
        interval = _first(graph, m, ORG.memberDuring)
        items.append((_first(graph, m, ORG.member), _first(graph, m, ORG.organization),
                      kinds.get(_first(graph, m, ORG.role), "?"), statuses.get(_first(graph, m, AKG.roleStatus), "?"),
                      _instant(graph, interval, TIME.hasBeginning), _instant(graph, interval, TIME.hasEnd)))
    return items


def _role_score(ctx: _Context) -> Score:
    def fits(g: GoldRole, item: tuple) -> bool:
        person, org, kind, status, start, end = item
        return (person in ctx.iris(g.person) and org in ctx.iris(g.organization) and (g.role, g.status) == (kind, status)
                and same_date(g.start, start) and same_date(g.end, end))

    def span(start: str, end: str) -> str:
        return f" [{start or '?'} - {end or '?'}]" if start or end else ""

    pairs, miss, extra = _pair(ctx.gold.roles, _role_items(ctx.graph), (fits,))
    return _score(pairs, miss, extra,
                  lambda g: f"{g.person} {g.status} {g.role} of {g.organization}{span(g.start, g.end)}",
                  lambda t: f"{ctx.name(t[0])} {t[3]} {t[2]} of {ctx.name(t[1])}{span(t[4], t[5])}")


def _event_items(graph: Graph) -> list[tuple]:
    """(type, date, agent, object, amount, unit) of each event node."""
    types: dict[Node, str] = {expand(curie): name for name, curie in EVENT_CLASSES.items()}
    items = []
    for node, cls in sorted(graph.subject_objects(RDF.type), key=str):
        if cls not in types:
            continue
        amount = _first(graph, node, AKG.amount)
        value = _first(graph, amount, SCHEMA.value) if isinstance(amount, URIRef) else None
        unit = _first(graph, amount, SCHEMA.currency) if isinstance(amount, URIRef) else None
        items.append((types[cls], str(_first(graph, node, DCTERMS.date) or ""), _first(graph, node, SCHEMA.agent),
                      _first(graph, node, SCHEMA.object), number_key(value) if value is not None else "",
                      str(unit or "")))
    return items


def _event_score(ctx: _Context) -> Score:
    def party(label: str, node: object) -> bool:
        return node in ctx.iris(label) if label else node is None

    def fits(g: GoldEvent, item: tuple) -> bool:
        kind, date, agent, obj, amount, unit = item
        return (g.type == kind and same_date(g.date, date) and party(g.agent, agent) and party(g.object, obj)
                and (g.amount, g.unit) == (amount, unit))

    def show(kind: str, date: str, agent: str, obj: str, amount: str, unit: str) -> str:
        money = f" {amount} {unit}" if amount else ""
        return f"{kind} {date or '(no date)'}: {agent or '-'} -> {obj or '-'}{money}"

    pairs, miss, extra = _pair(ctx.gold.events, _event_items(ctx.graph), (fits,))
    return _score(pairs, miss, extra,
                  lambda g: show(g.type, g.date, g.agent, g.object, g.amount, g.unit),
                  lambda t: show(t[0], t[1], ctx.name(t[2]) if t[2] is not None else "",
                                 ctx.name(t[3]) if t[3] is not None else "", t[4], t[5]))


def score_graph(gold: Gold, graph: Graph) -> dict[str, Score]:
    """Score a facts graph against a gold file: one :class:`Score` per category.

    Parameters
    ----------
    gold
        The document's gold (:func:`kg.evaluation.gold.read_gold`).
    graph
        The facts graph the builder made from the document alone.

    Returns
    -------
    dict
        ``entities``, ``relations``, ``literals``, ``quotes``, ``markets`` (entities of class
        ``akg:Market``/``skos:Concept``, also counted in ``entities``), ``roles`` and ``events``
        to their :class:`Score`.

    Examples
    --------
    >>> from kg.evaluation.gold import read_gold
    >>> from kg.namespaces import FACTS_GRAPH
    >>> facts = kg.load("build").graph(FACTS_GRAPH)
    >>> scores = score_graph(read_gold("eval/sl/seed/ampere-sl.gold.toml"), facts)
    >>> scores["relations"].counts.f1
    1.0
    """
    ents = graph_entities(graph)
    ctx = _Context(gold, graph, ents, match_entities(gold, ents))
    concepts = [g for g in gold.entities if _CONCEPT in load_ontology().self_and_supers(expand(g.cls))]
    return {
        "entities": _entity_score(ctx, gold.entities, list(ents.values())),
        "relations": _relation_score(ctx),
        "literals": _literal_score(ctx),
        "quotes": _quote_score(ctx),
        "markets": _entity_score(ctx, concepts, [e for e in ents.values() if _CONCEPT in e.types]),
        # a gold file without [[role]] and [[event]] tables is not annotated for time (the older
        # corpora): its document's memberships and events are not scored rather than all extra
        "roles": _role_score(ctx) if gold.roles or gold.events else Score(),
        "events": _event_score(ctx) if gold.roles or gold.events else Score(),
    }
