"""RDF namespaces and graph names shared by every step (see docs/graph-model.md)."""
from __future__ import annotations

import re
from collections.abc import Callable

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/ampere-kg/"
AKG = Namespace(BASE + "ontology#")
KGID = Namespace(BASE + "id/")
KGDOC = Namespace(BASE + "doc/")
KGFACT = Namespace(BASE + "fact/")
KGRULE = Namespace(BASE + "rule/")

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")

FACTS_GRAPH = URIRef(BASE + "graph/facts")
PROVENANCE_GRAPH = URIRef(BASE + "graph/provenance")
# the lookup keys of the entities' names (kg.sparql.lookup): in the store only, not in the Turtle files
LOOKUP_GRAPH = URIRef(BASE + "graph/lookup")

PREFIXES: dict[str, Namespace] = {
    "akg": AKG,
    "kgid": KGID,
    "kgdoc": KGDOC,
    "kgfact": KGFACT,
    "kgrule": KGRULE,
    "schema": SCHEMA,
    "org": ORG,
    "time": TIME,
    "prov": Namespace(str(PROV)),
    "skos": Namespace(str(SKOS)),
    "nif": NIF,
    "itsrdf": ITSRDF,
    "dcterms": Namespace(str(DCTERMS)),
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
    "wd": WD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every project prefix above on ``graph`` (replacing rdflib's own ``schema:`` etc.);
    returns ``graph``."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, str(ns), override=True, replace=True)
    return graph


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace above, to prepend to a SPARQL query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


# One prefix per entity class, named like the class part of the entity IRIs (``kg.entities``):
# ``plant:douai`` is <https://w3id.org/ampere-kg/id/plant/douai>. ``kgid:plant/douai`` is not a
# SPARQL prefixed name ("/" may not appear in one), so tables print these instead, and queries
# accept them without PREFIX lines. They are never written into graph files.
ENTITY_CLASS_PARTS = ("acquisition", "appointment", "brand", "city", "company", "concept", "continent", "country",
                      "event", "formal-organization", "founding", "industrial-hub", "investment", "market",
                      "membership", "monetary-amount", "organization", "person", "place", "plant", "product",
                      "quantitative-value", "quotation", "resignation", "role", "role-status", "site",
                      "site-closing", "site-opening")
ENTITY_PREFIXES: dict[str, Namespace] = {part: Namespace(f"{KGID}{part}/")
                                         for part in ENTITY_CLASS_PARTS}
QUERY_PREFIXES: dict[str, Namespace] = {**ENTITY_PREFIXES, **PREFIXES}

# SPARQL 1.1 PN_LOCAL, for characters of the Basic Multilingual Plane (Oxigraph refuses some
# beyond it); a local name with any other character prints as <IRI>.
_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
         "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD")
_CHARS = _BASE + "_0-9\u00B7\u0300-\u036F\u203F-\u2040\\-"
_ESC = "%[0-9A-Fa-f]{2}"
_PN_LOCAL = re.compile(f"(?:[{_BASE}_:0-9]|{_ESC})(?:(?:[{_CHARS}.:]|{_ESC})*(?:[{_CHARS}:]|{_ESC}))?")


def prefixed_name(iri: str, prefixes: dict[str, Namespace],
                  valid: Callable[[str], object] | None = None) -> str | None:
    """``iri`` with the longest of ``prefixes`` that fits (and whose local part ``valid`` accepts),
    or None.

    >>> prefixed_name("https://schema.org/founder", PREFIXES)
    'schema:founder'
    """
    best, name = "", None
    for prefix, ns in prefixes.items():
        base = str(ns)
        if iri.startswith(base) and len(base) > len(best) and (valid is None or valid(iri[len(base):])):
            best, name = base, f"{prefix}:{iri[len(base):]}"
    return name


def sparql_name(iri: str) -> str:
    """The shortest way to write ``iri`` in a query: a prefixed name whose local part is valid
    SPARQL (``plant:douai``, ``akg:Plant``), else ``<iri>``.

    Examples
    --------
    >>> sparql_name(KGID["plant/douai"]), sparql_name(AKG.Plant)
    ('plant:douai', 'akg:Plant')
    >>> sparql_name("https://w3id.org/ampere-kg/doc/ampere-sl#char=0,10")
    '<https://w3id.org/ampere-kg/doc/ampere-sl#char=0,10>'
    """
    text = str(iri)
    return prefixed_name(text, QUERY_PREFIXES, _PN_LOCAL.fullmatch) or f"<{text}>"
