"""RDF namespaces and graph names shared by every step (see docs/graph-model.md)."""
from __future__ import annotations

from rdflib import Namespace, URIRef
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


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace above, to prepend to a SPARQL query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
