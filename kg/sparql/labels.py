"""Find an entity by what a person would type: a label in Slovenian or English, in any inflection.

A query matches an entity when it equals one of its labels (``skos:prefLabel``, ``rdfs:label``,
``skos:altLabel``, ignoring case), or else when it matches a label word by word after
lemmatisation: two words match when their sets of forms (the word, its simplemma lemma and its
lemmagen3 lemma, all case-folded) share one. Lemmatisers only propose forms; a match still has to
be a label the graph knows, so "Skupine Renault", "Franciji" and "Cléonu" find their entities.

Two entities may share a label (a plant and the town it stands in, both "Ormož"). Their names
then carry the class, "Ormož (plant)" and "Ormož (city or town)" (:func:`display_names`), and a
lookup accepts that form. :func:`resolve_pair` picks, for a question about two entities, the
readings that are nearest to each other in the graph.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import InputError, did_you_mean

LABEL_PREDICATES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_QUALIFIED = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")  # "Ormož (plant)"


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
    >>> G = kg.to_networkx("build")
    >>> find_entities(G, "Skupine Renault")
    ['https://w3id.org/ampere-kg/id/company/renault']
    """
    labels = entity_labels(graph)
    named = _by_name(text, labels)
    if named:
        return [named]
    found = _by_label(text, labels, lang)
    qualified = _QUALIFIED.match(text)
    if found or qualified is None:
        return found
    base, qualifier = qualified.group(1), qualified.group(2)
    return [iri for iri in _by_label(base, labels, lang) if _qualifier_fits(graph, iri, qualifier)]


def _by_name(text: str, labels: Mapping[str, list[str]]) -> str | None:
    """The entity that ``text`` names by IRI, ``<IRI>`` or prefixed name, if any."""
    from kg.namespaces import QUERY_PREFIXES

    name = text.strip()
    if name.startswith("<") and name.endswith(">"):
        name = name[1:-1]
    prefix, sep, local = name.partition(":")
    if sep and prefix in QUERY_PREFIXES and not local.startswith("//"):
        name = str(QUERY_PREFIXES[prefix]) + local
    return name if name in labels else None


def _by_label(text: str, labels: Mapping[str, list[str]], lang: str) -> list[str]:
    """Entities with a label equal to ``text`` (case ignored), else matching it word by word."""
    wanted = _normal(text)
    exact = sorted(iri for iri, names in labels.items() if any(_normal(n) == wanted for n in names))
    if exact:
        return exact
    query = _word_forms(text, lang)
    if not query:
        return []
    return sorted(iri for iri, names in labels.items()
                  if any(_words_match(query, _word_forms(n, lang)) for n in names))


def _qualifier_fits(graph: Any, iri: str, qualifier: str) -> bool:
    """Whether ``qualifier`` (the part in brackets) names the entity's class, in any language
    and as a CURIE, local name or word of its label, or is the entity's own prefixed name."""
    from kg.namespaces import sparql_name

    wanted = _normal(qualifier)
    if wanted == _normal(sparql_name(iri)):
        return True
    return wanted in {_normal(n) for cls in _classes(graph, iri) for n in class_names(cls)}


def _classes(graph: Any, iri: str) -> list[str]:
    import networkx as nx

    if isinstance(graph, nx.Graph):
        data = graph.nodes[iri]
        return [str(c) for c in (data.get("classes") or [data.get("class", "")]) if c]
    from kg.analytics.source import open_source

    facts = open_source(graph).facts
    return sorted(str(t) for t in facts.objects(URIRef(iri), RDF.type))


@lru_cache(maxsize=256)
def class_names(cls: str) -> frozenset[str]:
    """Every name a class answers to in a lookup: CURIE, local name, its labels (any language,
    lower case) and their words of three letters or more ("town" for "City or town")."""
    from kg.ontology import curie, load_ontology

    short = curie(cls)
    labels = load_ontology().labels.get(URIRef(cls), {}).values()
    words = {w for label in labels for w in WORD.findall(label) if len(w) >= 3}
    return frozenset({cls, short, short.partition(":")[2], *labels, *words})


def class_name(cls: str, lang: str = "en") -> str:
    """The class as a word to show after a label: its label in ``lang``, in lower case.

    Examples
    --------
    >>> class_name("https://w3id.org/ampere-kg/ontology#Plant"), class_name("https://schema.org/City", "sl")
    ('plant', 'mesto ali kraj')
    """
    from kg.ontology import load_ontology

    return load_ontology().label(URIRef(cls), lang).lower()


def label_in(data: Mapping[str, Any], node: str, lang: str = "en") -> str:
    """An entity's label in ``lang`` (``en`` or ``sl``) from its networkx node data, else its
    Slovenian label."""
    if lang == "en" and data.get("label_en"):
        return str(data["label_en"])
    return str(data.get("label", node))


def display_names(G: Any, lang: str = "en") -> dict[str, str]:
    """Each entity's name for people: its label in ``lang``, followed by its class in brackets
    when another entity shows the same label ("Ormož (plant)", "Ormož (city or town)"), or by
    its prefixed name when even the class does not tell them apart. Every name it gives is
    accepted back by :func:`find_entities`.

    Examples
    --------
    >>> G = kg.to_networkx("build")
    >>> display_names(G)["https://w3id.org/ampere-kg/id/plant/douai"]
    'Douai'
    """
    from kg.namespaces import sparql_name

    shown = {n: label_in(d, n, lang) for n, d in G.nodes(data=True)}
    groups: dict[str, list[str]] = {}
    for node, label in shown.items():
        groups.setdefault(_normal(label), []).append(node)
    names = dict(shown)
    for nodes in groups.values():
        if len(nodes) < 2:
            continue
        by_class: dict[str, list[str]] = {}
        for node in nodes:
            by_class.setdefault(class_name(G.nodes[node].get("class", ""), lang), []).append(node)
        for cls, same in by_class.items():
            for node in same:
                names[node] = f"{shown[node]} ({cls if len(same) == 1 else sparql_name(node)})"
    return names


def find_entity(graph: Any, text: str, *, lang: str = "sl") -> str:
    """The one entity whose labels match ``text``; an InputError if none or several do (the
    message then lists the names that tell them apart, or the nearest labels).

    Examples
    --------
    >>> G = kg.to_networkx("build")
    >>> find_entity(G, "Luce de Mea")
    'https://w3id.org/ampere-kg/id/person/luca-de-meo'
    """
    found = find_entities(graph, text, lang=lang)
    if len(found) == 1:
        return found[0]
    raise _lookup_error(graph, text, found)


def _lookup_error(graph: Any, text: str, found: list[str], lang: str = "en") -> InputError:
    """No entity, or several, for ``text``: say which names would work."""
    import networkx as nx

    if not found:
        labels = entity_labels(graph)
        hint = did_you_mean(text, [n for names in labels.values() for n in names])
        return InputError(f"no entity is labelled {text!r} (in any form the lexicon knows){hint}")
    if not isinstance(graph, nx.Graph):
        from kg.analytics.convert import to_networkx

        graph = to_networkx(graph)
    names = display_names(graph, lang)
    choices = " or ".join(repr(names[i]) for i in found)
    return InputError(f"{text!r} is ambiguous: it names {len(found)} entities; write {choices}")


def resolve_pair(G: Any, source: str, target: str, *, lang: str = "sl") -> tuple[str, str]:
    """The two entities a question about ``source`` and ``target`` means.

    Each name may match several entities (a shared label). Of all the readings, the pair that
    is nearest in the graph (fewest relations apart, direction ignored) wins: for a company
    and "Ormož", the plant the company has as a site beats the town, which is one step further.
    When two readings are equally near, the name stays ambiguous and the InputError lists the
    names that tell them apart ("Ormož (plant)").

    Examples
    --------
    >>> G = kg.to_networkx("build")
    >>> resolve_pair(G, "Ampere", "Douai")
    ('https://w3id.org/ampere-kg/id/company/ampere', 'https://w3id.org/ampere-kg/id/plant/douai')
    """
    import networkx as nx

    starts, goals = find_entities(G, source, lang=lang), find_entities(G, target, lang=lang)
    for text, found in ((source, starts), (target, goals)):
        if not found:
            raise _lookup_error(G, text, found)
    if len(starts) == 1 and len(goals) == 1:
        return starts[0], goals[0]
    undirected = nx.Graph(G)
    distance: dict[tuple[str, str], int] = {}
    for start in starts:
        reach = nx.single_source_shortest_path_length(undirected, start)
        distance.update({(start, goal): reach[goal] for goal in goals if goal in reach})
    nearest = min(distance.values(), default=None)
    best = sorted(pair for pair, d in distance.items() if d == nearest)
    if len(best) == 1:
        return best[0]
    for text, side in ((source, 0), (target, 1)):
        readings = sorted({pair[side] for pair in best}) or (starts, goals)[side]
        if len(readings) > 1:
            raise _lookup_error(G, text, readings)
    raise InputError(f"no connection between {source!r} and {target!r} in the graph")


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
