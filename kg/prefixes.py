"""The project's IRIs and prefixes as plain strings, and how to write an IRI short, without an
RDF library: for the paths that must start fast (``kg query`` on a build's store).
``kg.namespaces`` makes its rdflib namespaces from these.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

BASE = "https://w3id.org/ampere-kg/"
FACTS_GRAPH = BASE + "graph/facts"
PROVENANCE_GRAPH = BASE + "graph/provenance"
# the lookup keys of the entities' names (kg.sparql.lookup): in the store only, not in the Turtle files
LOOKUP_GRAPH = BASE + "graph/lookup"
LOOKUP_KEY = BASE + "ontology#lookupKey"

PREFIXES: dict[str, str] = {
    "akg": BASE + "ontology#",
    "kgid": BASE + "id/",
    "kgdoc": BASE + "doc/",
    "kgfact": BASE + "fact/",
    "kgrule": BASE + "rule/",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "time": "http://www.w3.org/2006/time#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}

# One prefix per entity class, named like the class part of the entity IRIs (``kg.entities``):
# ``plant:douai`` is <https://w3id.org/ampere-kg/id/plant/douai>. ``kgid:plant/douai`` is not a
# SPARQL prefixed name ("/" may not appear in one), so tables print these instead, and queries
# accept them without PREFIX lines. They are never written into graph files.
ENTITY_CLASS_PARTS = ("acquisition", "appointment", "brand", "city", "company", "concept", "continent", "country",
                      "event", "formal-organization", "founding", "industrial-hub", "investment", "market",
                      "membership", "monetary-amount", "organization", "person", "place", "plant", "product",
                      "quantitative-value", "quotation", "resignation", "role", "role-status", "site",
                      "site-closing", "site-opening")
ENTITY_PREFIXES: dict[str, str] = {part: f"{PREFIXES['kgid']}{part}/" for part in ENTITY_CLASS_PARTS}
QUERY_PREFIXES: dict[str, str] = {**ENTITY_PREFIXES, **PREFIXES}

# SPARQL 1.1 PN_LOCAL, for characters of the Basic Multilingual Plane (Oxigraph refuses some
# beyond it); a local name with any other character prints as <IRI>.
_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF"
         "\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD")
_CHARS = _BASE + "_0-9\u00B7\u0300-\u036F\u203F-\u2040\\-"
_ESC = "%[0-9A-Fa-f]{2}"


@functools.cache
def _pn_local() -> re.Pattern[str]:
    """The PN_LOCAL pattern, compiled when first needed (it takes ~15 ms, a third of the start of ``kg query``)."""
    return re.compile(f"(?:[{_BASE}_:0-9]|{_ESC})(?:(?:[{_CHARS}.:]|{_ESC})*(?:[{_CHARS}:]|{_ESC}))?")


def prefixed_name(iri: str, prefixes: Mapping[str, str],
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
    >>> sparql_name(PREFIXES["kgid"] + "plant/douai"), sparql_name(PREFIXES["akg"] + "Plant")
    ('plant:douai', 'akg:Plant')
    >>> sparql_name("https://w3id.org/ampere-kg/doc/ampere-sl#char=0,10")
    '<https://w3id.org/ampere-kg/doc/ampere-sl#char=0,10>'
    """
    text = str(iri)
    return prefixed_name(text, QUERY_PREFIXES, _pn_local().fullmatch) or f"<{text}>"
