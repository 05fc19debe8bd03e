"""The ontology (``ontology.ttl``): one :class:`Ontology` object that every step reads it through.

The builder types every entity with its class and all superclasses and checks that every class and
predicate a rule uses is declared; the HTML view, the analytics and ``kg eval`` take the class and
property hierarchies, human labels (en/sl) and the names of classes from here. ``expand`` and
``curie`` turn prefixed names into IRIs and back.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import InputError, did_you_mean
from kg.namespaces import PREFIXES, prefixed_name

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


def curie(term: URIRef | str) -> str:
    """Shorten an IRI with the project prefixes (the longest that fits); unknown IRIs stay whole.

    >>> curie("https://schema.org/founder")
    'schema:founder'
    """
    return prefixed_name(str(term), PREFIXES) or str(term)


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


@dataclass(frozen=True, eq=False)
class Ontology:
    """What every step needs of the ontology: its classes and properties with their (transitive)
    superclasses and super-properties, their labels in each language, and the file it came from.

    Examples
    --------
    >>> onto = load_ontology()
    >>> onto.is_a("akg:Plant", "org:Site"), onto.label(expand("akg:Plant"), "sl")
    (True, 'tovarna')
    >>> curie(onto.most_specific([expand("org:Site"), expand("akg:Plant")]))
    'akg:Plant'
    """

    graph: Graph = field(repr=False)
    path: Path | None
    classes: frozenset[URIRef]
    properties: frozenset[URIRef]
    superclasses: dict[URIRef, frozenset[URIRef]] = field(repr=False)
    superproperties: dict[URIRef, frozenset[URIRef]] = field(repr=False)
    labels: dict[URIRef, dict[str, str]] = field(repr=False)
    _is_a: dict[tuple[str, str], bool] = field(default_factory=dict, repr=False)

    @classmethod
    def from_graph(cls, graph: Graph, path: Path | None = None) -> Ontology:
        """Index an ontology graph (``rdfs:subClassOf``, ``rdfs:subPropertyOf``, ``rdfs:label``)."""
        labels: dict[URIRef, dict[str, str]] = {}
        for term, label in graph.subject_objects(RDFS.label):
            if isinstance(term, URIRef) and isinstance(label, Literal):
                labels.setdefault(term, {})[label.language or ""] = str(label)
        superclasses = _closure(graph, RDFS.subClassOf)
        declared = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        properties = {p for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
                      for p in graph.subjects(RDF.type, kind) if isinstance(p, URIRef)}
        return cls(graph, path, frozenset(declared | set(superclasses)), frozenset(properties),
                   superclasses, _closure(graph, RDFS.subPropertyOf), labels)

    def curies(self) -> set[str]:
        """The classes and properties the ontology declares, as CURIEs (``akg:Plant``)."""
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
            self._is_a[key] = expand(target) in self.superclasses.get(expand(cls), frozenset())
        return self._is_a[key]

    def types_of(self, cls: str) -> list[URIRef]:
        """The class and all its superclasses, sorted (for materialised rdf:type)."""
        return sorted(self.self_and_supers(expand(cls)))

    def self_and_supers(self, term: URIRef) -> frozenset[URIRef]:
        """``term`` with every class (or property) above it.

        >>> sorted(map(curie, load_ontology().self_and_supers(expand("akg:Plant"))))
        ['akg:Plant', 'org:Site', 'schema:Place']
        """
        return frozenset({term}) | self.superclasses.get(term, self.superproperties.get(term, frozenset()))

    def leaves(self, types: Iterable[URIRef]) -> list[URIRef]:
        """``types`` less those that another of them specialises, sorted."""
        known = sorted(set(types))
        return [t for t in known if not any(t in self.superclasses.get(o, ()) for o in known if o != t)]

    def most_specific(self, types: Iterable[URIRef]) -> URIRef | None:
        """The first (by IRI) ontology class in ``types`` that no other class in ``types`` specialises."""
        leaves = self.leaves(t for t in types if t in self.classes)
        return leaves[0] if leaves else None

    def label(self, term: URIRef | str, lang: str = "en") -> str:
        """The term's label in ``lang``, else in English, else in Slovenian, else any, else its CURIE.

        >>> load_ontology().label("http://www.w3.org/ns/org#hasSite")
        'has site'
        """
        by_lang = self.labels.get(URIRef(str(term)), {})
        for code in (lang, "en", "sl"):
            if code in by_lang:
                return by_lang[code]
        return next(iter(sorted(by_lang.values())), None) or curie(term)

    def resolve_class(self, name: str, known: Iterable[URIRef] = ()) -> URIRef:
        """The class meant by ``name``: an IRI, a CURIE (``akg:Plant``), a local name (``Plant``)
        or a label in any language (``tovarna``), case ignored. ``known`` adds classes the graph
        uses beyond the ontology. An unknown name is an InputError with the nearest names.

        >>> load_ontology().resolve_class("tovarna")
        rdflib.term.URIRef('https://w3id.org/ampere-kg/ontology#Plant')
        """
        return _resolve("class", name, self.classes | frozenset(known), self.labels)

    def resolve_predicate(self, name: str, known: Iterable[URIRef] = ()) -> URIRef:
        """The property meant by ``name`` (IRI, CURIE, local name or label), as
        :meth:`resolve_class` does for classes."""
        return _resolve("predicate", name, self.properties | frozenset(known), self.labels)


def _closure(graph: Graph, pred: URIRef) -> dict[URIRef, frozenset[URIRef]]:
    """Each subject of ``pred`` -> everything above it (transitive, itself left out unless in a cycle)."""
    direct: dict[URIRef, set[URIRef]] = {}
    for sub, sup in graph.subject_objects(pred):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct.setdefault(sub, set()).add(sup)
    out: dict[URIRef, frozenset[URIRef]] = {}
    for start, parents in direct.items():
        seen: set[URIRef] = set()
        todo = list(parents)
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(direct.get(x, ()))
        out[start] = frozenset(seen)
    return out


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


@lru_cache(maxsize=4)
def load_ontology(path: Path | None = None) -> Ontology:
    """Read and index the ontology (the project's ``ontology.ttl`` by default)."""
    path = Path(path) if path else default_file("ontology.ttl")
    g = parse_rdf_file(path, "ontology")
    if not any(g.subjects(RDF.type, OWL.Ontology)):
        raise InputError(f"{path}: not an OWL ontology (no owl:Ontology declared)")
    return Ontology.from_graph(g, path)
