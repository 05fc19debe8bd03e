"""Seeded, precomputed node positions, so the page draws at once and the same graph always gets
the same picture. Small graphs: networkx's Kamada-Kawai layout per connected component (started
from a seeded spring layout), components packed in rows; large ones: a numpy force layout
whose repulsion is exact at short range (k-d tree) and approximated by grid-cell centroids at
long range, which keeps 5,000 nodes to a few seconds, with a pull towards each node's community
centre so that communities come out as separate clusters; the other connected components are packed
in rows under the largest one instead of scattered around it.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

SEED = 7
SMALL = 100          # up to this many nodes: networkx Kamada-Kawai per component (~0.5 s at 100)
SPACING = 110.0      # pixels per unit of ideal edge length


def positions(count: int, edges: list[tuple[int, int]], *, groups: list[int] | None = None,
              seed: int = SEED) -> list[tuple[int, int]]:
    """Integer (x, y) pixel positions for nodes ``0..count-1`` linked by ``edges``; large graphs
    keep the nodes of each community (``groups``: a number per node, -1 for none) together.

    >>> positions(3, [(0, 1), (1, 2)])[1] == positions(3, [(0, 1), (1, 2)])[1]
    True
    """
    if count == 0:
        return []
    if count <= SMALL:
        xy = _small_layout(count, edges, seed)
    else:
        xy = _large_layout(count, np.array(edges, dtype=np.int64).reshape(-1, 2),
                           np.array(groups if groups is not None else [-1] * count, dtype=np.int64), seed)
    xy = xy - xy.mean(axis=0)
    return [(round(float(x) * SPACING), round(float(y) * SPACING)) for x, y in xy]


def _component(graph: nx.Graph, seed: int) -> np.ndarray:
    """Positions (one unit ~ one edge) of a connected graph whose nodes are 0..n-1."""
    n = graph.number_of_nodes()
    if n == 1:
        return np.zeros((1, 2))
    start = nx.spring_layout(graph, seed=seed)
    raw = nx.kamada_kawai_layout(graph, pos=start)
    xy = np.array([raw[i] for i in range(n)])
    lengths = [np.linalg.norm(xy[a] - xy[b]) for a, b in graph.edges()]
    return xy / max(float(np.median(lengths)), 1e-9)


def _small_layout(count: int, edges: list[tuple[int, int]], seed: int) -> np.ndarray:
    graph = nx.Graph()
    graph.add_nodes_from(range(count))
    graph.add_edges_from(edges)
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    xy = np.zeros((count, 2))
    width = max(6.0, 1.6 * math.sqrt(count))
    x = y = row_height = 0.0
    for nodes in parts:
        local = nx.convert_node_labels_to_integers(graph.subgraph(nodes), ordering="sorted")
        pos = _component(local, seed)
        pos = pos - pos.min(axis=0)
        w, h = pos.max(axis=0) + 1.0
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        xy[nodes] = pos + (x, y)
        x, row_height = x + w, max(row_height, h)
    return xy * 2.2


def _large_layout(count: int, edges: np.ndarray, groups: np.ndarray, seed: int) -> np.ndarray:
    """The largest connected component by the force layout; every other component on its own
    (Kamada-Kawai, or the force layout when big), packed in rows under it."""
    matrix = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(count, count))
    _, component = connected_components(matrix, directed=False)
    members: dict[int, list[int]] = {}
    for node, label in enumerate(component.tolist()):
        members.setdefault(label, []).append(node)
    parts = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    xy = np.zeros((count, 2))
    width, x, y, row_height = max(6.0, math.sqrt(count)), 0.0, 0.0, 0.0
    graph = nx.Graph()
    graph.add_edges_from(edges.tolist())
    for number, nodes in enumerate(parts):
        index = np.array(nodes)
        if len(nodes) > SMALL or number == 0:
            new = np.full(count, -1, dtype=np.int64)
            new[index] = np.arange(len(nodes))
            inner = edges[(new[edges[:, 0]] >= 0) & (new[edges[:, 1]] >= 0)]
            pos = _grid_layout(len(nodes), new[inner], groups[index], seed)
        elif len(nodes) > 2:
            pos = _component(nx.convert_node_labels_to_integers(graph.subgraph(nodes), ordering="sorted"), seed)
        else:
            pos = np.array([[0.8 * k, 0.0] for k in range(len(nodes))])
        pos = pos - pos.min(axis=0)
        w, h = pos.max(axis=0) + (0.8 if len(nodes) < 3 else 1.0)
        if number == 0:
            width = max(width, float(w))
        elif x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        xy[index] = pos + (x, y)
        x, row_height = x + w, max(row_height, h)
        if number == 0:
            x, y, row_height = 0.0, float(h) + 1.0, 0.0
    return xy


def _scatter(count: int, index: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Sum ``vectors`` per row index (a fast, deterministic ``np.add.at``)."""
    return np.stack([np.bincount(index, vectors[:, 0], count), np.bincount(index, vectors[:, 1], count)], axis=1)


def _repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    count = len(pos)
    disp = np.zeros_like(pos)
    pairs = cKDTree(pos).query_pairs(r=3 * k, output_type="ndarray")
    if len(pairs):
        d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        force = d * (k * k / np.maximum((d * d).sum(axis=1), 1e-4))[:, None]
        disp += _scatter(count, pairs[:, 0], force) - _scatter(count, pairs[:, 1], force)
    cells = 12
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    size = np.maximum((hi - lo) / cells, 1e-6)
    cell = np.minimum(((pos - lo) / size).astype(np.int64), cells - 1)
    flat = cell[:, 0] * cells + cell[:, 1]
    mass = np.bincount(flat, minlength=cells * cells).astype(float)
    used = mass > 0
    cx = np.bincount(flat, pos[:, 0], cells * cells)[used] / mass[used]
    cy = np.bincount(flat, pos[:, 1], cells * cells)[used] / mass[used]
    dx, dy = pos[:, 0:1] - cx[None, :], pos[:, 1:2] - cy[None, :]
    weight = mass[used][None, :] * (k * k) / (dx * dx + dy * dy + (3 * k) ** 2 + (size ** 2).sum())
    disp[:, 0] += (dx * weight).sum(axis=1)
    disp[:, 1] += (dy * weight).sum(axis=1)
    return disp


def _community_pull(pos: np.ndarray, groups: np.ndarray, strength: float) -> np.ndarray:
    """Displacement of each grouped node towards its community's centre (zero for -1)."""
    member = groups >= 0
    pull = np.zeros_like(pos)
    if member.any():
        index, size = groups[member], np.bincount(groups[member]).astype(float)
        centre = _scatter(len(size), index, pos[member]) / np.maximum(size, 1.0)[:, None]
        pull[member] = (centre[index] - pos[member]) * strength
    return pull


def _grid_layout(count: int, edges: np.ndarray, groups: np.ndarray, seed: int,
                 iterations: int = 50) -> np.ndarray:
    rng = np.random.default_rng(seed)
    k = 1.0
    pos = (rng.random((count, 2)) - 0.5) * math.sqrt(count) * k
    grouped = groups >= 0
    if grouped.any():   # start each community around its own centre, on a sunflower spiral
        size = np.bincount(groups[grouped]).astype(float)
        reach = np.sqrt(np.cumsum(size) - size / 2)
        angle = np.arange(len(size)) * math.pi * (3 - math.sqrt(5))
        centre = np.stack([np.cos(angle), np.sin(angle)], axis=1) * reach[:, None] * 1.6 * k
        spread = np.sqrt(size)[groups[grouped]][:, None] * 0.6 * k
        pos[grouped] = centre[groups[grouped]] + (rng.random((int(grouped.sum()), 2)) - 0.5) * spread
    # relations between communities pull less, so that communities stay apart
    weight = np.where(groups[edges[:, 0]] == groups[edges[:, 1]], 1.0, 0.3) if len(edges) else np.ones(0)
    temp = math.sqrt(count) * k * 0.1
    for _step in range(iterations):
        disp = _repulsion(pos, k)
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt((d * d).sum(axis=1)) + 1e-9
            pull = d * (dist / k * weight)[:, None]
            disp += _scatter(count, edges[:, 1], pull) - _scatter(count, edges[:, 0], pull)
        disp -= pos * 0.02
        disp += _community_pull(pos, groups, 0.3)
        length = np.sqrt((disp * disp).sum(axis=1)) + 1e-9
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp = max(temp * 0.93, 0.05 * k)
    return pos
