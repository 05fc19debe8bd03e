"""The shortest connection between two entities, with the relations and sentences of each step.

Entities are found by label (see :mod:`kg.sparql.labels`; a label two entities share is read as the
entity nearest to the other end, :func:`kg.sparql.labels.resolve_pair`), then a breadth-first search over the entity
graph, direction ignored and neighbours visited in IRI order, finds one shortest chain
deterministically. Each step lists every relation between its two entities, in either direction,
with the sentences (from the provenance graph) that support it.
"""
from __future__ import annotations

from collections import deque
from itertools import pairwise
from typing import Any

import networkx as nx

from kg.errors import InputError
from kg.ontology import curie
from kg.sparql.labels import display_names, label_in, resolve_pair

from .convert import to_networkx
from .source import GraphInput

LANGUAGES = ("en", "sl")


def shortest_path(graph: GraphInput | nx.MultiDiGraph, source: str, target: str, *,
                  lang: str = "en", history: bool = False) -> dict[str, Any]:
    """Find the shortest chain of relations between two entities named by label.

    Parameters
    ----------
    graph : rdflib.Dataset, rdflib.Graph, build folder, or a graph from ``to_networkx``
    source, target : str
        Labels in Slovenian or English (any inflection the lexicon knows), a label with its
        class in brackets ("Ormož (plant)"), prefixed names (``plant:ormoz``) or entity IRIs.
        A label several entities share is read as the one nearest to the other end.
    lang : {"en", "sl"}
        Language of the labels in the answer (an entity without an English label keeps its
        Slovenian one).
    history : bool
        Also connect through roles that have ended or passed to another holder (by default the
        current view of :func:`to_networkx`).

    Returns
    -------
    dict
        ``source`` and ``target`` (``{"iri", "label", "name", "class"}``; ``name`` adds the
        class to a label that another entity shares) and ``steps``: for each hop,
        ``from``/``to`` entities and ``relations``, each ``{"predicate", "label", "forward",
        "sentences": [{"iri", "text", "document", "begin", "end"}]}``.
        An InputError if either name is unknown or stays ambiguous, or no path exists.

    Examples
    --------
    >>> from kg.analytics import shortest_path
    >>> p = shortest_path("build", "Luca de Meo", "Douai")
    >>> [s["to"]["label"] for s in p["steps"]]
    ['Ampere', 'ElectriCity', 'Douai']
    """
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    G = graph if isinstance(graph, nx.MultiDiGraph) else to_networkx(graph, history=history)
    start, goal = resolve_pair(G, source, target)
    nodes = _bfs(G, start, goal)
    if nodes is None:
        raise InputError(f"no connection between {source!r} and {target!r} in the graph")
    names = display_names(G, lang)
    steps = [{"from": _entity(G, a, names, lang), "to": _entity(G, b, names, lang),
              "relations": _relations(G, a, b, lang)}
             for a, b in pairwise(nodes)]
    return {"source": _entity(G, start, names, lang), "target": _entity(G, goal, names, lang),
            "steps": steps}


def _bfs(G: nx.MultiDiGraph, start: str, goal: str) -> list[str] | None:
    previous: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if node == goal:
            chain = [node]
            while previous[chain[-1]] is not None:
                chain.append(previous[chain[-1]])  # type: ignore[arg-type]
            return chain[::-1]
        for nxt in sorted(set(G.successors(node)) | set(G.predecessors(node))):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return None


def _entity(G: nx.MultiDiGraph, node: str, names: dict[str, str], lang: str) -> dict[str, str]:
    data = G.nodes[node]
    return {"iri": node, "label": label_in(data, node, lang), "name": names[node],
            "class": curie(data.get("class", ""))}


def _relations(G: nx.MultiDiGraph, a: str, b: str, lang: str) -> list[dict[str, Any]]:
    sentences = G.graph.get("sentences", {})
    found = []
    for u, v, forward in ((a, b, True), (b, a, False)):
        for key, data in sorted((G.get_edge_data(u, v) or {}).items()):
            label = data.get("label_sl" if lang == "sl" else "label") or data.get("label", key)
            found.append({"predicate": data.get("predicate", key), "label": label,
                          "forward": forward,
                          "sentences": [{"iri": s, **sentences.get(s, {})} for s in data.get("sentences", [])]})
    return found


def format_path(path: dict[str, Any], *, width: int = 0) -> str:
    """Render a path as readable lines: the chain of relations, each with its quoted sentences.

    Examples
    --------
    >>> print(format_path(shortest_path("build", "Luca de Meo", "Douai")))
    Luca de Meo → Douai: 3 step(s)
      Luca de Meo —[CEO of]→ Ampere
          “Načrt za Ampere je odraz ...« je dejal Luca de Meo, ...” (ampere-sl, characters 2337–2525)
      Ampere —[has site]→ ElectriCity
          “Ampere ima enajst lokacij v Franciji, ...” (ampere-sl, characters 1293–1480)
      ElectriCity —[includes]→ Douai
          “Ampere ima enajst lokacij v Franciji, ...” (ampere-sl, characters 1293–1480)
    """
    lines = [f"{_name(path['source'])} → {_name(path['target'])}: {len(path['steps'])} step(s)"]
    for step in path["steps"]:
        for forward in (True, False):
            rels = [r for r in step["relations"] if r["forward"] is forward]
            if not rels:
                continue
            a, b = (step["from"], step["to"]) if forward else (step["to"], step["from"])
            lines.append(f"  {_name(a)} —[{' | '.join(r['label'] for r in rels)}]→ {_name(b)}")
            sentences = {s["iri"]: s for r in rels for s in r["sentences"]}
            for sentence in sorted(sentences.values(), key=_position):
                lines.append(f"      “{_shorten(sentence.get('text', ''), width)}” ({_where(sentence)})")
    return "\n".join(lines)


def _name(entity: dict[str, str]) -> str:
    return entity.get("name") or entity["label"]


def _position(sentence: dict[str, Any]) -> tuple[str, int, str]:
    return (sentence.get("document") or "", sentence.get("begin") or 0, sentence["iri"])


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if width <= 0 or len(text) <= width else text[: width - 1].rstrip() + "…"


def _where(sentence: dict[str, Any]) -> str:
    doc = (sentence.get("document") or "").rsplit("/", 1)[-1]
    if sentence.get("begin") is None:
        return doc or sentence["iri"]
    return f"{doc}, characters {sentence['begin']}–{sentence['end']}"
