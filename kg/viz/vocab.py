"""Ontology terms as the HTML view needs them: human labels (en/sl) of classes and predicates,
the class hierarchy (to pick an entity's most specific class) and the property hierarchy (to drop an
edge that a more specific one between the same two entities already says).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import PREFIXES
from kg.ontology import load_ontology

LANGS = ("en", "sl")


@dataclass
class Vocab:
    """Labels and hierarchies read from an OWL ontology graph."""

    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    class_supers: dict[str, set[str]] = field(default_factory=dict)
    prop_supers: dict[str, set[str]] = field(default_factory=dict)

    def label(self, iri: str, lang: str = "en") -> str:
        """The ontology label of ``iri`` in ``lang`` (falls back to the other language, then the CURIE).

        >>> vocab().label("https://schema.org/founder")
        'founded by'
        """
        found = self.labels.get(str(iri), {})
        for candidate in (lang, *LANGS):
            if candidate in found:
                return found[candidate]
        return curie(iri)

    def most_specific(self, types: set[URIRef]) -> str | None:
        """The ontology class in ``types`` that no other class in ``types`` specialises."""
        known = sorted(str(t) for t in types if str(t) in self.class_supers)
        leaves = [t for t in known if not any(t in self.class_supers[o] for o in known if o != t)]
        return leaves[0] if leaves else None


def curie(iri: str) -> str:
    """Shorten an IRI with the project prefixes (``schema:founder``); unknown IRIs stay whole."""
    text = str(iri)
    best = ""
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)) and len(str(ns)) > len(best):
            best, name = str(ns), f"{prefix}:{text[len(str(ns)):]}"
    return name if best else text


def _closure(direct: dict[str, set[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for start, parents in direct.items():
        seen: set[str] = set()
        todo = list(parents)
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(direct.get(x, ()))
        out[start] = seen
    return out


def vocab_from_graph(graph: Graph) -> Vocab:
    """Index an ontology graph (``rdfs:label``, ``rdfs:subClassOf``, ``rdfs:subPropertyOf``)."""
    labels: dict[str, dict[str, str]] = {}
    for s, o in graph.subject_objects(RDFS.label):
        lang = getattr(o, "language", None)
        if isinstance(s, URIRef) and lang in LANGS:
            labels.setdefault(str(s), {})[lang] = str(o)
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    props = {p for t in (OWL.ObjectProperty, OWL.DatatypeProperty)
             for p in graph.subjects(RDF.type, t) if isinstance(p, URIRef)}
    sub_c = {str(c): {str(o) for o in graph.objects(c, RDFS.subClassOf) if isinstance(o, URIRef)}
             for c in classes}
    sub_p = {str(p): {str(o) for o in graph.objects(p, RDFS.subPropertyOf) if isinstance(o, URIRef)}
             for p in props}
    return Vocab(labels, _closure(sub_c), _closure(sub_p))


@lru_cache(maxsize=2)
def vocab(path: Path | None = None) -> Vocab:
    """The view's vocabulary from ``path`` (default: the project ontology, as
    :func:`kg.ontology.load_ontology` finds and reads it), cached."""
    return vocab_from_graph(load_ontology(path).graph)
