"""Turn extracted entities and facts into RDF triples, each with its provenance.

Facts go to the facts graph; for a triple there, the provenance graph holds an
``rdf:Statement`` pointing (``akg:evidence``) to one evidence node per reading of it: the
sentence (``nif:Sentence``) it was read from, the mention spans (``nif:Phrase``) and the rule
(``akg:ExtractionRule``). All the triples of one reading (say a quantity's) share its evidence
node. A membership or event node, minted for what one document states, carries its evidence
itself and its triples have no statement. Triples from the shipped reference data (English
labels, Wikidata links, coordinates) point to the evidence node of ``kgdoc:reference`` instead.
See docs/graph-model.md for the shape.

What can be derived is left out: a mention's document (its sentence's) and offsets (its IRI,
``#char=begin,end``), a rule's ``prov:Plan`` type (``akg:ExtractionRule`` is a subclass) and id
(its IRI), an evidence node's type (the range of ``akg:evidence``), and the statements of an
entity's types and labels as read from its mentions: their support is the entity's mentions
(``itsrdf:taIdentRef``), each with its sentence and the rule that recognised it.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS
from rdflib.namespace import XSD as _XSD

from kg.extract.document import (
    Document,
    Entity,
    Event,
    Fact,
    Mention,
    MentionSource,
    Quantity,
    TimedRole,
)
from kg.extract.timeline import READ_ONLY
from kg.iri import slug
from kg.namespaces import AKG as _AKG
from kg.namespaces import ITSRDF as _ITSRDF
from kg.namespaces import (
    KGDOC,
    KGFACT,
    KGID,
    KGRULE,
    WD,
)
from kg.namespaces import NIF as _NIF
from kg.namespaces import ORG as _ORG
from kg.namespaces import SCHEMA as _SCHEMA
from kg.namespaces import TIME as _TIME
from kg.ontology import Ontology, expand
from kg.reference import reference_index
from kg.timeterms import (
    EVENT_CLASSES,
    ROLE_KINDS,
    ROLE_STATUSES,
    as_of,
    date_literal,
    instant_property,
)


class _Terms:
    """A namespace whose terms are made once: rdflib makes (and checks) a new URIRef at each
    ``NS.name``, which was a fifth of the time of assembling a document.

    >>> _Terms(_RDF).type is _Terms(_RDF).type, _Terms(_RDF).type == _RDF.type
    (False, True)
    """

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = URIRef(self._namespace[name])  # type: ignore[index]
        setattr(self, name, term)  # found as an attribute from now on: no second call
        return term


AKG, DCTERMS, ITSRDF, NIF, ORG, OWL, PROV = map(_Terms, (_AKG, _DCTERMS, _ITSRDF, _NIF, _ORG, _OWL, _PROV))
RDF, RDFS, SCHEMA, SKOS, TIME, XSD = map(_Terms, (_RDF, _RDFS, _SCHEMA, _SKOS, _TIME, _XSD))
Triple = tuple[URIRef, URIRef, URIRef | Literal]
DRAIN_FACTS, DRAIN_PROVENANCE = 20_000, 200_000  # see add_facts
REFERENCE_SOURCE = KGDOC["reference"]
REFERENCE_EVIDENCE = KGFACT["ev-reference"]  # the evidence node of every reference-data statement
GEONAMES = "https://sws.geonames.org/{}/"
MENTION_RULES: dict[MentionSource, str] = {
    MentionSource.TRIGGER: "A trigger noun before or inside the name gives its class (\"tovarno Cléon\").",
    MentionSource.LEGAL: "A legal suffix (d.o.o., GmbH, S.A.) marks a company.",
    MentionSource.LIST: "A name listed after a trigger noun takes its class (\"tovarne (Douai, Maubeuge in Ruitz)\").",
    MentionSource.REFERENCE: "The name is in the shipped reference data.",
    MentionSource.GAZETTEER: "The name is in the language pack's gazetteer (or pycountry's country names).",
    MentionSource.PERSON: "The name starts with a known given name.",
    MentionSource.MARKET: "A market phrase (\"trg električnih vozil\").",
    MentionSource.DEFINITION: "An acronym defined by a lower-case expansion in brackets is a concept.",
    MentionSource.LOCATIVE: "An unknown name after a locative preposition (\"v Douaiju\") is a place.",
    MentionSource.DEMONYM: "An adjective naming a place (\"evropski\").",
    MentionSource.CAPITALISED: "A capitalised name typed by the relation that uses it.",
    MentionSource.ACRONYM: "An acronym typed by the relation that uses it.",
}


@dataclass(frozen=True)
class Reading:
    """One reading of a triple: a sentence, the mention spans and the rule it was read with."""

    sentence: URIRef | None
    mentions: tuple[URIRef, ...]
    rule: URIRef | None


@dataclass
class Evidence:
    """Where a triple came from: its readings, the reference data, or only its subject's mentions."""

    readings: set[Reading] = field(default_factory=set)
    reference: bool = False


@dataclass
class TripleSink:
    """Collects facts-graph triples with their evidence, and provenance-graph triples."""

    facts: dict[Triple, Evidence] = field(default_factory=lambda: defaultdict(Evidence))
    provenance: set[Triple] = field(default_factory=set)
    rules: set[URIRef] = field(default_factory=set)  # rules to describe (see provenance_statements)
    nodes: dict[URIRef, set[Reading]] = field(default_factory=lambda: defaultdict(set))  # see add

    def add(self, triple: Triple, sentence: URIRef | None = None, mentions: Iterable[URIRef] = (),
            rule: URIRef | None = None, reference: bool = False, by_mention: bool = False,
            node: URIRef | None = None) -> None:
        """Add ``triple`` with its evidence. ``by_mention``: an entity's type or label read from a
        mention of it, whose support is the entity's mentions (no statement of its own). ``node``:
        a triple of a membership or event node (or of its interval, instant or amount), whose IRI
        hashes the document and all that the reading states, so that every reading of the node
        gives all its triples: the node has the evidence, its triples no statement."""
        ev = self.facts[triple]
        if not by_mention and (sentence is not None or rule is not None):
            reading = Reading(sentence, tuple(sorted(set(mentions))), rule)
            if node is not None:
                self.nodes[node].add(reading)
            else:
                ev.readings.add(reading)
        ev.reference |= reference


# entity and rule IRIs are asked for again and again (83,000 times per 1,000 bench documents,
# for about 1,500 distinct ones); each new URIRef is checked by rdflib
@lru_cache(maxsize=1 << 16)
def entity_iri(key: str) -> URIRef:
    return KGID[key]


def char_iri(doc: Document, start: int, end: int) -> URIRef:
    """RFC 5147 fragment IRI of a span of the document: ``kgdoc:ampere-sl#char=0,214``."""
    return URIRef(f"{KGDOC}{doc.doc_id}#char={start},{end}")


@lru_cache(maxsize=1 << 12)
def rule_iri(lang: str, rule: str) -> URIRef:
    return KGRULE[f"{lang}/{rule}"]


def _number(value: float) -> Literal:
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def add_document(sink: TripleSink, doc: Document) -> None:
    """The document's metadata as a nif:Context in the provenance graph."""
    d = KGDOC[doc.doc_id]
    p = sink.provenance
    p.update({(d, RDF.type, NIF.Context), (d, RDF.type, PROV.Entity),
              (d, DCTERMS.language, Literal(doc.lang)),
              (d, AKG.contentHash, Literal(doc.meta["sha256"])),
              (d, SCHEMA.url, Literal(doc.meta["path"]))})
    for key, prop in (("title", DCTERMS.title), ("publisher", DCTERMS.publisher), ("date", DCTERMS.date)):
        if doc.meta.get(key):
            p.add((d, prop, Literal(doc.meta[key])))
    source = doc.meta.get("source", "")
    if source:
        p.add((d, DCTERMS.source, URIRef(source) if source.startswith(("http://", "https://")) else Literal(source)))


def _sentence(sink: TripleSink, doc: Document, i: int) -> URIRef:
    s = doc.sentences[i]
    iri = char_iri(doc, s.start, s.end)
    if (iri, RDF.type, NIF.Sentence) in sink.provenance:
        return iri  # already described (a sentence supports many facts)
    sink.provenance.update({
        (iri, RDF.type, NIF.Sentence), (iri, NIF.referenceContext, KGDOC[doc.doc_id]),
        (iri, NIF.beginIndex, Literal(s.start, datatype=XSD.nonNegativeInteger)),
        (iri, NIF.endIndex, Literal(s.end, datatype=XSD.nonNegativeInteger)),
        (iri, NIF.anchorOf, Literal(doc.text[s.start:s.end])),
    })
    return iri


def _mention(sink: TripleSink, doc: Document, m: Mention, key: str) -> URIRef:
    """A mention span with its sentence, text, entity and the rule that recognised it (its
    entity's types and labels cite it, kg.rdf.triples)."""
    iri = char_iri(doc, m.start, m.end)  # its offsets; its document is its sentence's
    sink.provenance.update({
        (iri, RDF.type, NIF.Phrase), (iri, NIF.sentence, _sentence(sink, doc, m.sent)),
        # the text as read: m.text has no invisible format characters (kg.extract.textview), the span may
        (iri, NIF.anchorOf, Literal(doc.text[m.start:m.end])), (iri, ITSRDF.taIdentRef, entity_iri(key)),
    })
    if m.source in MENTION_RULES:  # a coreference (a pronoun, "the company") names no rule of its own
        rule = rule_iri(doc.lang, f"mention-{m.source}")
        sink.provenance.add((iri, AKG.extractedBy, rule))
        sink.rules.add(rule)
    return iri


def _is_currency(unit: str) -> bool:
    """An ISO 4217 code ("EUR", "USD"), as the language packs write currencies."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def _quantity_node(s: URIRef, pred: str, q: Quantity,
                   asof: str = "") -> tuple[URIRef, list[tuple[URIRef, Literal | URIRef]]]:
    """The value node of a quantity fact and its triples. Its IRI names what the value is of, its
    qualifiers, the year it holds for and the date of the document that states it, so that values
    stated by documents of different dates are separate nodes."""
    qualifier = "-".join(x for x in (q.place.replace("/", "-"), slug(q.occupation) if q.occupation else "") if x)
    node = URIRef(f"{s}/{pred.split(':', 1)[1]}" + (f"/{qualifier}" if qualifier else "")
                  + (f"/{q.year}" if q.year else "") + (f"/as-of-{asof}" if asof else ""))
    prop = {"min": SCHEMA.minValue, "max": SCHEMA.maxValue}.get(q.bound, SCHEMA.value)
    pairs: list[tuple[URIRef, Literal | URIRef]] = [(RDF.type, SCHEMA.QuantitativeValue), (prop, _number(q.value))]
    if q.bound == "approx":
        pairs.append((SCHEMA.description, Literal("approximately", lang="en")))
    if _is_currency(q.unit):  # money: a schema:MonetaryAmount with its ISO 4217 currency
        pairs += [(RDF.type, SCHEMA.MonetaryAmount), (SCHEMA.currency, Literal(q.unit))]
    elif q.unit:
        pairs.append((SCHEMA.unitText, Literal(q.unit)))
    if q.place:
        pairs.append((AKG.inPlace, entity_iri(q.place)))
    if q.occupation:
        pairs.append((AKG.occupation, Literal(q.occupation, lang="sl")))
    if q.year:
        pairs.append((AKG.validYear, date_literal(q.year)))
    if asof:
        pairs.append((AKG.asOf, date_literal(asof)))
    return node, pairs


def _labels(ent: Entity) -> list[Literal]:
    return [Literal(ent.name, lang=ent.lang)] + [Literal(n, lang=lang) for lang, n in sorted(ent.other_names.items())]


def _add_types_and_labels(sink: TripleSink, s: URIRef, ent: Entity, onto: Ontology, sent: URIRef,
                          ms: list[URIRef], rule: URIRef, by_mention: bool = False) -> None:
    """An entity's class with its superclasses, and its labels as skos:prefLabel and rdfs:label
    (``by_mention``: read from a mention of the entity, see ``TripleSink.add``)."""
    for t in onto.types_of(ent.cls):
        sink.add((s, RDF.type, t), sent, ms, rule, by_mention=by_mention)
    for label in _labels(ent):
        sink.add((s, SKOS.prefLabel, label), sent, ms, rule, by_mention=by_mention)
        sink.add((s, RDFS.label, label), sent, ms, rule, by_mention=by_mention)


def add_facts(sink: TripleSink, doc: Document, onto: Ontology, entities: dict[str, Entity],
              drain: Callable[[TripleSink], None] | None = None) -> None:
    """Triples for the document's entities (types, labels) and facts, with their evidence.

    ``entities`` is the merged entity table of the whole build (one name per entity). An
    entity's type and labels cite its first mention in the document (and the first mention of
    each other surface form), so provenance grows with facts, not with every repetition.

    ``drain``, if given, is called whenever the sink holds ``DRAIN_FACTS`` facts or
    ``DRAIN_PROVENANCE`` provenance triples, to take them out and empty the sink: a large
    document's share is then made in parts of bounded size whose union is the whole share (a
    triple's evidence in several parts gives the union of its statements; see ``kg.rdf.assembly``).
    """
    mention_iris: dict[int, URIRef] = {}

    def maybe_drain() -> None:
        if drain is not None and (len(sink.facts) >= DRAIN_FACTS or len(sink.provenance) >= DRAIN_PROVENANCE):
            drain(sink)

    def mention_iri(k: int) -> URIRef:
        if k not in mention_iris:
            m = doc.mentions[k]
            mention_iris[k] = _mention(sink, doc, m, doc.groups[m.group].key)
        return mention_iris[k]

    cited: set[tuple[str, str]] = set()
    typed: set[str] = set()
    for k, m in enumerate(doc.mentions):
        key = doc.key_of(m.group)
        if key is None or m.source in (MentionSource.COREF, MentionSource.ZERO) or (key, m.text) in cited:
            continue
        cited.add((key, m.text))
        first = key not in typed
        typed.add(key)
        ent = entities[key]
        s = entity_iri(key)
        sent, rule, ms = _sentence(sink, doc, m.sent), rule_iri(doc.lang, f"mention-{m.source}"), [mention_iri(k)]
        if first:
            _add_types_and_labels(sink, s, ent, onto, sent, ms, rule, by_mention=True)
            for expansion in sorted(ent.expansions):
                sink.add((s, SKOS.altLabel, Literal(expansion, lang="en")), sent, ms, rule, by_mention=True)
        if m.text in ent.surface_forms and m.text not in (ent.name, *ent.other_names.values()):
            sink.add((s, SKOS.altLabel, Literal(m.text, lang=doc.lang)), sent, ms, rule, by_mention=True)
        maybe_drain()

    def cited_mentions(mentions: tuple[int, ...]) -> list[URIRef]:
        return [mention_iri(k) for k in mentions
                if doc.key_of(doc.mentions[k].group) is not None and doc.mentions[k].source != MentionSource.ZERO]

    for f in doc.facts:
        if f.p not in READ_ONLY:  # former/future roles are written as memberships only
            _add_fact(sink, doc, f, onto, cited_mentions(f.mentions), entities)
        maybe_drain()
    for role in doc.roles:
        _add_role(sink, doc, role, cited_mentions(role.mentions))
    for event in doc.events:
        _add_event(sink, doc, event, onto, cited_mentions(event.mentions))
    maybe_drain()


def _node_iri(kind: str, doc: Document, *parts: str) -> URIRef:
    """A stable IRI for a membership or event node of one document (hash of what it states)."""
    digest = hashlib.sha1("\0".join((doc.doc_id, *parts)).encode("utf-8")).hexdigest()[:16]
    return KGID[f"{kind}/{digest}"]


def _add_role(sink: TripleSink, doc: Document, role: TimedRole, ms: list[URIRef]) -> None:
    """An org:Membership for a role over time, with its interval and the document's date."""
    node = _node_iri("membership", doc, role.person, role.org, role.kind, role.status, role.start, role.end)
    sent, rule = _sentence(sink, doc, role.sent), rule_iri(doc.lang, role.rule)
    triples: list[Triple] = [(node, RDF.type, ORG.Membership), (node, ORG.member, entity_iri(role.person)),
                             (node, ORG.organization, entity_iri(role.org)), (node, ORG.role, ROLE_KINDS[role.kind]),
                             (node, AKG.roleStatus, ROLE_STATUSES[role.status])]
    asof = as_of(str(doc.meta.get("date", "")))
    if asof:
        triples.append((node, AKG.asOf, date_literal(asof)))
    if role.start or role.end:
        interval = URIRef(f"{node}/interval")
        triples += [(node, ORG.memberDuring, interval), (interval, RDF.type, TIME.Interval)]
        for date, prop, name in ((role.start, TIME.hasBeginning, "start"), (role.end, TIME.hasEnd, "end")):
            if date:
                instant = URIRef(f"{interval}/{name}")
                triples += [(interval, prop, instant), (instant, RDF.type, TIME.Instant),
                            (instant, instant_property(date), date_literal(date))]
    for triple in triples:
        sink.add(triple, sent, ms, rule, node=node)


def _add_event(sink: TripleSink, doc: Document, event: Event, onto: Ontology, ms: list[URIRef]) -> None:
    """An akg:Event node with its participants, date (or akg:undated), amount and the document's date."""
    amount = f"{event.amount.value} {event.amount.unit}" if event.amount else ""
    node = _node_iri("event", doc, event.kind, event.agent, event.obj, event.date, amount)
    sent, rule = _sentence(sink, doc, event.sent), rule_iri(doc.lang, event.rule)
    for t in onto.types_of(EVENT_CLASSES[event.kind]):
        sink.add((node, RDF.type, t), sent, ms, rule, node=node)
    triples: list[Triple] = []
    if event.agent:
        triples.append((node, SCHEMA.agent, entity_iri(event.agent)))
    if event.obj:
        triples.append((node, SCHEMA.object, entity_iri(event.obj)))
    triples.append((node, DCTERMS.date, date_literal(event.date)) if event.date
                   else (node, AKG.undated, Literal(True)))
    asof = as_of(str(doc.meta.get("date", "")))
    if asof:
        triples.append((node, AKG.asOf, date_literal(asof)))
    if event.amount:
        value, pairs = _quantity_node(node, "akg:amount", event.amount)
        triples.append((node, AKG.amount, value))
        triples += [(value, pp, oo) for pp, oo in pairs]
    for triple in triples:
        sink.add(triple, sent, ms, rule, node=node)


def _add_fact(sink: TripleSink, doc: Document, f: Fact, onto: Ontology, ms: list[URIRef],
              entities: dict[str, Entity]) -> None:
    s = entity_iri(f.s)
    p = expand(f.p)
    sent = _sentence(sink, doc, f.sent)
    rule = rule_iri(doc.lang, f.rule)
    if f.object_is_entity:
        sink.add((s, p, entity_iri(str(f.o))), sent, ms, rule)
    elif isinstance(f.o, Quantity):
        node, pairs = _quantity_node(s, f.p, f.o, as_of(str(doc.meta.get("date", ""))))
        sink.add((s, p, node), sent, ms, rule)
        for pp, oo in pairs:
            sink.add((node, pp, oo), sent, ms, rule)
    elif f.p == "schema:foundingDate":
        sink.add((s, p, Literal(str(f.o), datatype=XSD.gYear)), sent, ms, rule)
    elif f.p == "schema:text":
        ent = entities[f.s]
        sink.add((s, p, Literal(str(f.o), lang=doc.lang)), sent, ms, rule)
        _add_types_and_labels(sink, s, ent, onto, sent, ms, rule)
    else:
        sink.add((s, p, _number(f.o) if isinstance(f.o, (int, float)) else Literal(str(f.o))), sent, ms, rule)


def add_reference(sink: TripleSink, entities: dict[str, Entity]) -> None:
    """English labels, Wikidata links and coordinates from the reference data.

    A plant named after a town the reference data locates gets that town's coordinates.
    """
    ref = reference_index()
    for key in sorted(entities):
        ent = entities[key]
        s = entity_iri(key)
        row = ref.find(ent.name, ent.cls)
        if row is not None:
            if row.label_en:
                for lp in (SKOS.prefLabel, RDFS.label):
                    sink.add((s, lp, Literal(row.label_en, lang="en")), reference=True)
            if row.wikidata:
                sink.add((s, OWL.sameAs, WD[row.wikidata]), reference=True)
        place = row if row is not None and row.lat else ref.find(ent.name, "schema:City")
        if place is not None and place.lat and (row is not None or ent.cls in ("akg:Plant", "akg:IndustrialHub")):
            sink.add((s, SCHEMA.latitude, Literal(Decimal(place.lat), datatype=XSD.decimal)), reference=True)
            sink.add((s, SCHEMA.longitude, Literal(Decimal(place.long), datatype=XSD.decimal)), reference=True)
            if place.geonames:
                sink.add((s, RDFS.seeAlso, URIRef(GEONAMES.format(place.geonames))), reference=True)


def statement_iri(triple: Triple) -> URIRef:
    """A stable IRI for the statement of a triple (hash of its N-Triples form)."""
    nt = " ".join(t.n3() for t in triple)
    return KGFACT[hashlib.sha1(nt.encode("utf-8")).hexdigest()[:20]]


def evidence_iri(reading: Reading) -> URIRef:
    """A stable IRI for the evidence node of a reading (hash of its sentence, mentions and rule;
    the sentence's IRI names the document)."""
    parts = [str(reading.sentence or ""), str(reading.rule or ""), *map(str, reading.mentions)]
    return KGFACT["ev-" + hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:20]]


def provenance_statements(sink: TripleSink, rule_comments: dict[URIRef, str]) -> None:
    """An rdf:Statement for every facts-graph triple with readings or reference data, the evidence
    nodes of its readings, and the rules and reference source. An entity's types and labels read
    only from its mentions have no statement: the mentions are their support."""
    p = sink.provenance
    described: set[Reading] = set()

    def cite(subject: URIRef, reading: Reading) -> None:
        e = evidence_iri(reading)
        p.add((subject, AKG.evidence, e))
        if reading in described:
            return
        described.add(reading)
        if reading.sentence is not None:
            p.add((e, PROV.wasDerivedFrom, reading.sentence))
        p.update((e, AKG.mention, x) for x in reading.mentions)
        if reading.rule is not None:
            p.add((e, AKG.extractedBy, reading.rule))
            sink.rules.add(reading.rule)

    for triple, ev in sink.facts.items():
        if not ev.readings and not ev.reference:
            continue
        st = statement_iri(triple)
        p.update({(st, RDF.type, RDF.Statement), (st, RDF.subject, triple[0]),
                  (st, RDF.predicate, triple[1]), (st, RDF.object, triple[2])})
        if ev.reference:
            p.add((st, AKG.evidence, REFERENCE_EVIDENCE))
        for reading in ev.readings:
            cite(st, reading)
    for node, readings in sink.nodes.items():
        for reading in readings:
            cite(node, reading)
    sink.nodes.clear()  # cited: a large document's next part cites only its own
    for rule in sink.rules:
        p.add((rule, RDF.type, AKG.ExtractionRule))
        if rule in rule_comments:
            p.add((rule, RDFS.comment, Literal(rule_comments[rule], lang="en")))
    sink.rules.clear()  # described: a large document's next part describes only its own
    if any(ev.reference for ev in sink.facts.values()):
        p.update({(REFERENCE_SOURCE, RDF.type, AKG.ReferenceData), (REFERENCE_SOURCE, RDF.type, PROV.Entity),
                  (REFERENCE_SOURCE, DCTERMS.title, Literal("ampere-kg reference data (kg/data/reference.tsv)")),
                  (REFERENCE_SOURCE, DCTERMS.source, Literal("public copies of Wikidata and GeoNames")),
                  (REFERENCE_EVIDENCE, PROV.wasDerivedFrom, REFERENCE_SOURCE)})
