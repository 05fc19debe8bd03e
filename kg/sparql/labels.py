"""Find an entity by what a person would type: a label in Slovenian or English, in any inflection.

A query matches an entity when it equals one of its labels (``skos:prefLabel``, ``rdfs:label``,
``skos:altLabel``, ignoring case), or else when it matches a label word by word after
lemmatisation: two words match when their sets of forms (the word, its simplemma lemma and its
lemmagen3 lemma, all case-folded) share one. Lemmatisers only propose forms; a match still has to
be a label the graph knows, so "Skupine Renault", "Franciji" and "Cléonu" find their entities.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.errors import InputError

LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def find_entities(graph: Any, text: str, *, lang: str = "sl") -> list[str]:
    """All entities whose labels match ``text``: exact label matches if any, else lemma matches.

    Parameters
    ----------
    graph : networkx graph from ``kg.to_networkx``, or anything ``kg.to_networkx`` accepts
    text : str
        A label in any inflection, or an entity IRI.
    lang : str
        Language of the lemmatisers (``"sl"``).

    Examples
    --------
    >>> find_entities(G, "Skupine Renault")         # doctest: +SKIP
    ['https://w3id.org/ampere-kg/id/company/renault']
    """
    labels = entity_labels(graph)
    if text in labels:
        return [text]
    wanted = _normal(text)
    exact = sorted(iri for iri, names in labels.items() if any(_normal(n) == wanted for n in names))
    if exact:
        return exact
    query = _word_forms(text, lang)
    if not query:
        return []
    return sorted(iri for iri, names in labels.items()
                  if any(_words_match(query, _word_forms(n, lang)) for n in names))


def find_entity(graph: Any, text: str, *, lang: str = "sl") -> str:
    """The one entity whose labels match ``text``; an InputError if none or several do.

    Examples
    --------
    >>> find_entity(G, "Luce de Mea")               # doctest: +SKIP
    'https://w3id.org/ampere-kg/id/person/luca-de-meo'
    """
    found = find_entities(graph, text, lang=lang)
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"no entity is labelled {text!r} (in any form the lexicon knows)")
    labels = entity_labels(graph)
    names = ", ".join(f"{_first(labels[i])} <{i}>" for i in found)
    raise InputError(f"{text!r} is ambiguous: {names}; give the IRI instead")


def entity_labels(graph: Any) -> Mapping[str, list[str]]:
    """Map each entity IRI to its labels, from a networkx graph or from an RDF graph."""
    import networkx as nx

    if isinstance(graph, nx.Graph):
        return {n: list(d.get("labels") or [d.get("label", n)]) for n, d in graph.nodes(data=True)}
    from kg.analytics.convert import entity_nodes
    from kg.analytics.source import open_source

    facts = open_source(graph).facts
    return {str(e): sorted({str(o) for p in LABEL_PREDICATES for o in facts.objects(URIRef(e), p)
                            if isinstance(o, Literal)})
            for e in entity_nodes(facts)}


def _first(names: list[str]) -> str:
    return names[0] if names else "?"


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _words_match(query: list[frozenset[str]], label: list[frozenset[str]]) -> bool:
    return len(query) == len(label) and all(q & w for q, w in zip(query, label, strict=True))


def _word_forms(text: str, lang: str) -> list[frozenset[str]]:
    return [word_forms(w, lang) for w in WORD.findall(unicodedata.normalize("NFC", text))]


@lru_cache(maxsize=65536)
def word_forms(word: str, lang: str = "sl") -> frozenset[str]:
    """The case-folded word with its simplemma and lemmagen3 lemmas.

    Examples
    --------
    >>> sorted(word_forms("Franciji"))
    ['francija', 'franciji']
    """
    import simplemma

    forms = {word, simplemma.lemmatize(word, lang=lang)}
    lemmatizer = _lemmagen(lang)
    if lemmatizer is not None:
        forms.add(lemmatizer.lemmatize(word))
    return frozenset(f.casefold() for f in forms if f)


@lru_cache(maxsize=4)
def _lemmagen(lang: str) -> Any:
    try:
        import lemmagen3

        return lemmagen3.Lemmatizer(lang)
    except (ImportError, ValueError, RuntimeError):
        return None
