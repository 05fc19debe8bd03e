"""RDF namespaces and graph names shared by every step (see docs/graph-model.md)."""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef

from kg import prefixes as _plain
from kg.prefixes import BASE as BASE  # re-exported
from kg.prefixes import ENTITY_CLASS_PARTS as ENTITY_CLASS_PARTS
from kg.prefixes import prefixed_name as prefixed_name
from kg.prefixes import sparql_name as sparql_name

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

FACTS_GRAPH = URIRef(_plain.FACTS_GRAPH)
PROVENANCE_GRAPH = URIRef(_plain.PROVENANCE_GRAPH)
# the lookup keys of the entities' names (kg.sparql.lookup): in the store only, not in the Turtle files
LOOKUP_GRAPH = URIRef(_plain.LOOKUP_GRAPH)

# the same IRIs as kg.prefixes.PREFIXES (plain strings), as rdflib namespaces
PREFIXES: dict[str, Namespace] = {prefix: Namespace(ns) for prefix, ns in _plain.PREFIXES.items()}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind every project prefix above on ``graph`` (replacing rdflib's own ``schema:`` etc.);
    returns ``graph``."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, str(ns), override=True, replace=True)
    return graph


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace above, to prepend to a SPARQL query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


ENTITY_PREFIXES: dict[str, Namespace] = {part: Namespace(ns) for part, ns in _plain.ENTITY_PREFIXES.items()}
QUERY_PREFIXES: dict[str, Namespace] = {**ENTITY_PREFIXES, **PREFIXES}
