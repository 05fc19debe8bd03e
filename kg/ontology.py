"""The ontology (``ontology.ttl``): class hierarchy, labels, and CURIE expansion.

The builder types every entity with its class and all superclasses, checks that every class and
predicate a rule uses is declared, and the HTML view and analytics take human labels from here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import InputError
from kg.namespaces import PREFIXES

PACKAGE_DIR = Path(__file__).parent


def default_file(name: str) -> Path:
    """``ontology.ttl``/``shapes.ttl``: beside the package when installed, else at the project root."""
    inside = PACKAGE_DIR / name
    return inside if inside.exists() else PACKAGE_DIR.parent / name


@lru_cache(maxsize=4096)
def expand(curie: str) -> URIRef:
    """``schema:Organization`` -> the full IRI.

    >>> str(expand("akg:Plant"))
    'https://w3id.org/ampere-kg/ontology#Plant'
    """
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES or not local:
        raise InputError(f"unknown prefix in {curie!r}")
    return URIRef(str(PREFIXES[prefix]) + local)


def parse_rdf_file(path: Path, what: str) -> Graph:
    """Parse a Turtle file; a missing or malformed file is an InputError naming it (and the line)."""
    g = Graph()
    if not path.exists():
        raise InputError(f"{path}: {what} file not found")
    try:
        g.parse(path, format="turtle")
    except Exception as err:  # rdflib raises several parser error types
        msg = " ".join(str(err).split())
        raise InputError(f"{path}: malformed {what}: {msg[:300]}") from None
    return g


@dataclass
class Ontology:
    """Classes with their superclasses, and labels of classes and properties."""

    graph: Graph
    supers: dict[URIRef, set[URIRef]] = field(default_factory=dict)
    _is_a: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        direct: dict[URIRef, set[URIRef]] = {}
        for c in set(self.graph.subjects(RDF.type, OWL.Class)):
            if not isinstance(c, URIRef):
                continue
            direct[c] = {o for o in self.graph.objects(c, RDFS.subClassOf) if isinstance(o, URIRef)}
        for c in direct:
            seen: set[URIRef] = set()
            todo = [c]
            while todo:
                x = todo.pop()
                for sup in direct.get(x, ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            self.supers[c] = seen

    def curies(self) -> set[str]:
        """The classes and properties the ontology declares, as CURIEs (``akg:Plant``)."""
        from kg.namespaces import PREFIXES

        kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        out: set[str] = set()
        for kind in kinds:
            for term in self.graph.subjects(RDF.type, kind):
                for prefix, ns in PREFIXES.items():
                    if isinstance(term, URIRef) and str(term).startswith(str(ns)):
                        out.add(f"{prefix}:{str(term)[len(str(ns)):]}")
        return out

    def is_a(self, cls: str, target: str) -> bool:
        """True if ``cls`` is ``target`` or one of its subclasses (CURIEs)."""
        if cls == target:
            return True
        key = (cls, target)
        if key not in self._is_a:  # the matcher asks this for every unit of every rule
            self._is_a[key] = expand(target) in self.supers.get(expand(cls), set())
        return self._is_a[key]

    def types_of(self, cls: str) -> list[URIRef]:
        """The class and all its superclasses, sorted (for materialised rdf:type)."""
        c = expand(cls)
        return sorted({c, *self.supers.get(c, set())})

    def label(self, iri: URIRef, lang: str = "en") -> str:
        for o in self.graph.objects(iri, RDFS.label):
            if getattr(o, "language", None) == lang:
                return str(o)
        return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@lru_cache(maxsize=4)
def load_ontology(path: Path | None = None) -> Ontology:
    """Read and index the ontology (the project's ``ontology.ttl`` by default)."""
    path = Path(path) if path else default_file("ontology.ttl")
    g = parse_rdf_file(path, "ontology")
    if not any(g.subjects(RDF.type, OWL.Ontology)):
        raise InputError(f"{path}: not an OWL ontology (no owl:Ontology declared)")
    return Ontology(g)
