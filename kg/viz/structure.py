"""What makes a big graph readable at a glance: each entity's degree (its size, and which labels
the page keeps when they would overlap) and communities (networkx Louvain, seeded), which the
layout keeps together and the page draws as soft colour groups.
"""
from __future__ import annotations

import networkx as nx

SEED = 7
MIN_GROUP = 4      # smaller communities get no colour group: a soft blob around 2-3 nodes is noise


def degrees(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """Number of relations at each node ``0..count-1`` (both directions, parallel edges counted).

    >>> degrees(3, [(0, 1), (0, 2), (0, 1)])
    [3, 2, 1]
    """
    out = [0] * count
    for a, b in edges:
        out[a] += 1
        out[b] += 1
    return out


def communities(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """A community number per node (0 = largest community; -1 = in no group of ``MIN_GROUP`` or
    more). Louvain with a fixed seed, so the same graph always gets the same groups.

    >>> from itertools import combinations
    >>> two_cliques = [*combinations(range(4), 2), *combinations(range(4, 8), 2), (3, 4)]
    >>> communities(9, two_cliques)
    [0, 0, 0, 0, 1, 1, 1, 1, -1]
    """
    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    groups = nx.community.louvain_communities(graph, seed=SEED) if graph.number_of_edges() else []
    ranked = sorted((sorted(g) for g in groups if len(g) >= MIN_GROUP), key=lambda g: (-len(g), g[0]))
    out = [-1] * count
    for number, members in enumerate(ranked):
        for node in members:
            out[node] = number
    return out
