"""Source sentences from the provenance graph: the sentence table (document title, text), the
mentions of each entity as UTF-16 spans inside its sentences (what JavaScript strings index), and
the sentences and rules behind each fact statement. The graph is indexed once per predicate, so
reading 5,000 entities' provenance takes a few hundred milliseconds rather than seconds.
"""
from __future__ import annotations

from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from kg.namespaces import AKG, ITSRDF, NIF, SCHEMA
from kg.ontology import curie


def utf16(text: str, i: int) -> int:
    """The UTF-16 offset of code point ``i`` of ``text``.

    >>> utf16("a\U0001F600b", 2)
    3
    """
    return len(text[:i].encode("utf-16-le")) // 2


def char_span(iri: Any) -> tuple[int | None, int | None]:
    """The offsets in an RFC 5147 fragment IRI (``...#char=120,135``), or (None, None).

    >>> char_span(URIRef("https://w3id.org/ampere-kg/doc/ampere-sl#char=120,135"))
    (120, 135)
    """
    _, sep, span = str(iri).rpartition("#char=")
    begin, comma, end = span.partition(",")
    if sep and comma and begin.isdigit() and end.isdigit():
        return int(begin), int(end)
    return None, None


def _ints(prov: Graph, pred: URIRef) -> dict[Any, int]:
    out = {}
    for s, o in prov.subject_objects(pred):
        if not isinstance(o, Literal):
            continue
        try:
            out[s] = int(o)
        except (TypeError, ValueError):
            continue
    return out


class Sentences:
    """Indexes a provenance graph and collects the sentences the view uses into a sorted table.

    >>> from kg.namespaces import PROVENANCE_GRAPH
    >>> sents = Sentences(kg.load("build").graph(PROVENANCE_GRAPH))
    >>> table, ids = sents.table()
    >>> len(table) == len(ids)
    True
    """

    def __init__(self, prov: Graph) -> None:
        self.prov = prov
        self.anchor = {s: str(o) for s, o in prov.subject_objects(NIF.anchorOf) if isinstance(o, Literal)}
        self.begin, self.end = _ints(prov, NIF.beginIndex), _ints(prov, NIF.endIndex)
        self.found: dict[Any, tuple[str, int, str, str]] = {}   # iri -> (doc, begin, title, text)

    def add(self, s: Any) -> bool:
        """Collect sentence ``s``; False if it has no text (e.g. ``kgdoc:reference``)."""
        if s in self.found:
            return True
        if s not in self.anchor:
            return False
        doc = self.prov.value(s, NIF.referenceContext)
        title = self.prov.value(doc, DCTERMS.title) or self.prov.value(doc, SCHEMA.url) or curie(doc or s)
        self.found[s] = (str(doc), self.begin.get(s, 0), str(title), self.anchor[s])
        return True

    def table(self) -> tuple[list[tuple[str, str]], dict[Any, int]]:
        """(rows of (document title, sentence text), sentence IRI -> row), sorted by document and offset."""
        order = sorted(self.found, key=lambda s: (self.found[s][0], self.found[s][1], str(s)))
        return [self.found[s][2:] for s in order], {s: i for i, s in enumerate(order)}

    def mentions(self, index: dict[URIRef, int]) -> dict[int, dict[Any, set[tuple[int, int]]]]:
        """entity number -> sentence IRI -> UTF-16 spans of its mentions there."""
        sentence_of = dict(self.prov.subject_objects(NIF.sentence))
        out: dict[int, dict[Any, set[tuple[int, int]]]] = {}
        for phrase, ent in self.prov.subject_objects(ITSRDF.taIdentRef):
            sentence = sentence_of.get(phrase)
            if not isinstance(ent, URIRef) or ent not in index or sentence is None or not self.add(sentence):
                continue
            text, sb = self.found[sentence][3], self.begin.get(sentence, 0)
            b, e = self.begin.get(phrase), self.end.get(phrase)
            if b is None or e is None:  # a mention's offsets are in its IRI (kg.rdf.triples.char_iri)
                b, e = char_span(phrase)
            anchor = self.anchor.get(phrase, "")
            spans = out.setdefault(index[ent], {}).setdefault(sentence, set())
            if b is not None and e is not None and 0 <= b - sb <= e - sb <= len(text) \
                    and (not anchor or text[b - sb:e - sb] == anchor):
                spans.add((utf16(text, b - sb), utf16(text, e - sb)))
            elif anchor and anchor in text:
                at = text.index(anchor)
                spans.add((utf16(text, at), utf16(text, at + len(anchor))))
        return out

    def statements(self) -> dict[tuple, tuple[list, list[str]]]:
        """(subject, predicate, object) -> (sentence IRIs it was derived from, rule CURIEs), read
        through the statement's evidence nodes (``akg:evidence``, docs/graph-model.md)."""
        out: dict[tuple, tuple[list, list[str]]] = {}
        for st in self.prov.subjects(RDF.type, RDF.Statement):
            key = (self.prov.value(st, RDF.subject), self.prov.value(st, RDF.predicate),
                   self.prov.value(st, RDF.object))
            evidence = list(self.prov.objects(st, AKG.evidence))
            sources = [s for e in evidence for s in self.prov.objects(e, PROV.wasDerivedFrom) if self.add(s)]
            rules = [curie(str(r)) for e in evidence for r in self.prov.objects(e, AKG.extractedBy)]
            old = out.get(key, ([], []))
            out[key] = (old[0] + sources, sorted(set(old[1] + rules)))
        return out
