"""Summary statistics of the entity graph: counts, connected components and centrality.

Counts are by most specific class and by predicate; components are weakly connected (direction
ignored); degree centrality is networkx's normalised degree on the multigraph, betweenness is
computed on the undirected simple graph (above 1,000 nodes estimated from sampled sources drawn
with a fixed seed, so big graphs stay fast). Every list is sorted by value, then label, then IRI,
and floats are rounded to 6 digits, so the same graph always gives the same report.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import URIRef

from kg.ontology import curie, load_ontology
from kg.sparql.labels import display_names, label_in

from .convert import to_networkx
from .source import GraphInput


def stats(graph: GraphInput | nx.MultiDiGraph, *, top: int = 10, classes: Iterable[str] | None = None,
          predicates: Iterable[str] | None = None, exact_limit: int = 1000,
          samples: int | None = None, lang: str = "en", history: bool = False) -> dict[str, Any]:
    """Count entities and relations and rank the most central entities.

    Parameters
    ----------
    graph : rdflib.Dataset, rdflib.Graph, build folder, or a graph from ``to_networkx``
    top : int
        How many entities to list for each centrality measure.
    classes, predicates : iterable of str, optional
        Passed to :func:`to_networkx` to restrict the graph first.
    exact_limit : int
        Above this many nodes, betweenness is estimated from sampled source nodes (drawn with a
        fixed seed, so the report stays reproducible).
    samples : int, optional
        How many sources to sample; default ``2,000,000 / nodes`` clamped to 20..200 (200 at
        10,000 entities, 40 at 50,000), which keeps the estimate to about a minute.
    lang : {"en", "sl"}
        Language of the entity labels in the rankings.
    history : bool
        Count every statement of every document (by default the current view of :func:`to_networkx`).

    Returns
    -------
    dict
        ``entities``, ``relations``, ``implied_relations`` (how many of the relations a more
        specific one between the same two entities implies, e.g. "targets market" beside "aims
        to lead"; the page leaves them out), ``classes`` and ``predicates`` (CURIE -> count),
        ``components`` (count and sizes), ``degree`` and ``betweenness`` (lists of
        ``{"iri", "label", "name", "value"}``; ``name`` adds the class to a label that another
        entity shares, as in "Ormož (plant)"), ``betweenness_sampled`` and ``betweenness_samples``.

    Examples
    --------
    >>> from kg.analytics import stats
    >>> stats("build", top=3)["entities"]
    13
    """
    G = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph, classes=classes, predicates=predicates,
                                                                            history=history)
    undirected = nx.Graph()
    undirected.add_nodes_from(G)
    undirected.add_edges_from(G.edges())
    components = sorted((len(c) for c in nx.connected_components(undirected)), reverse=True)
    sampled = G.number_of_nodes() > exact_limit
    k = min(G.number_of_nodes(), samples or max(20, min(200, 2_000_000 // max(1, G.number_of_nodes()))))
    if G.number_of_nodes() == 0:
        betweenness: dict[str, float] = {}
    elif sampled:
        betweenness = nx.betweenness_centrality(undirected, k=k, seed=0)
    else:
        betweenness = nx.betweenness_centrality(undirected)
    degree = nx.degree_centrality(G) if G.number_of_nodes() > 1 else dict.fromkeys(G, 0.0)
    names = display_names(G, lang)
    return {
        "entities": G.number_of_nodes(),
        "relations": G.number_of_edges(),
        "implied_relations": implied_relations(G),
        "classes": _counts(curie(d.get("class", "")) for _, d in G.nodes(data=True)),
        "predicates": _counts(curie(d["predicate"]) for _, _, d in G.edges(data=True)),
        "components": {"count": len(components), "sizes": components},
        "degree": _ranking(G, degree, top, names, lang),
        "betweenness": _ranking(G, betweenness, top, names, lang),
        "betweenness_sampled": sampled,
        "betweenness_samples": k if sampled else None,
    }


def implied_relations(G: nx.MultiDiGraph) -> int:
    """How many relations another relation between the same two entities implies, by being a
    sub-property of it (the page draws only the more specific one)."""
    supers = load_ontology().superproperties
    implied = 0
    for u, v in set(G.edges()):
        keys = {URIRef(k) for k in G.get_edge_data(u, v)}
        implied += len(keys & {sup for k in keys for sup in supers.get(k, ())})
    return implied


def _counts(items: Iterable[str]) -> dict[str, int]:
    counter = Counter(items)
    return {key: counter[key] for key in sorted(counter, key=lambda k: (-counter[k], k))}


def _ranking(G: nx.MultiDiGraph, values: dict[str, float], top: int, names: dict[str, str],
             lang: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"iri": node, "label": label_in(G.nodes[node], node, lang), "name": names[node],
         "value": round(value, 6)}
        for node, value in values.items()]
    rows.sort(key=lambda r: (-r["value"], r["label"], r["iri"]))
    return rows[:top]
