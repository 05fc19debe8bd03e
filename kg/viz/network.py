"""Turn the view model into a vis-network description with pyvis: one node per entity (colour and
shape from its class, seeded precomputed position), one labelled arrow per relation, and
vis options tuned for the graph's size (physics off and labels on zoom for large graphs).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyvis.network import Network

from kg.viz.layout import positions
from kg.viz.model import FORMER_OTHER_ROLE, FORMER_ROLE, Node, ViewModel
from kg.viz.vocab import Vocab

DASHED = frozenset(FORMER_ROLE.values()) | {FORMER_OTHER_ROLE}
LARGE = 1000   # above this many nodes: straight edges, hidden edges while dragging/zooming


@dataclass(frozen=True)
class Style:
    """How one class is drawn."""

    cls: str
    color: str
    shape: str


@lru_cache(maxsize=1)
def styles() -> tuple[list[Style], Style]:
    """The class styles from ``styles.json`` (legend order) and the style for other classes."""
    raw = json.loads((Path(__file__).parent / "styles.json").read_text(encoding="utf-8"))
    return [Style(*row) for row in raw["classes"]], Style(*raw["other"])


def style_of(cls: str) -> Style:
    """The style of class IRI ``cls`` (the 'other' style when it has none)."""
    known, other = styles()
    return next((s for s in known if s.cls == cls), other)


def node_label(node: Node, lang: str) -> str:
    """The label shown on the canvas: the ``lang`` label, else the Slovenian one."""
    return (node.en or node.sl) if lang == "en" else node.sl


def _options(count: int) -> dict[str, Any]:
    large = count > LARGE
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": not large, "tooltipDelay": 200, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": 8 if large else 5}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
                  "font": {"size": 13, "face": "sans-serif", "color": "#555555", "strokeWidth": 3,
                           "align": "middle"},
                  "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "scaling": {"label": {"drawThreshold": 8 if large else 5}}},
    }


def build_network(model: ViewModel, vocab: Vocab, *, lang: str = "en") -> Network:
    """A pyvis Network of ``model`` (nodes carry x/y; physics is off; options are set).

    >>> net = build_network(model, vocab())          # doctest: +SKIP
    >>> len(net.nodes) == len(model.nodes)            # doctest: +SKIP
    True
    """
    net = Network(directed=True)
    degree = [0] * len(model.nodes)
    for e in model.edges:
        degree[e.source] += 1
        degree[e.target] += 1
    xy = positions(len(model.nodes), sorted({(e.source, e.target) for e in model.edges}))
    for i, node in enumerate(model.nodes):
        style = style_of(node.cls)
        label = node_label(node, lang)
        net.add_node(i, label=label, shape=style.shape, color=style.color, x=xy[i][0], y=xy[i][1],
                     size=round(10 + 4 * math.sqrt(degree[i]), 1),
                     title=f"{label} ({vocab.label(node.cls, lang) if node.cls else '?'})")
    pairs: dict[tuple[int, int], int] = {}
    for j, e in enumerate(model.edges):
        key = (min(e.source, e.target), max(e.source, e.target))
        extra = pairs.get(key, 0)
        pairs[key] = extra + 1
        edge: dict[str, Any] = {"id": j, "label": f"{vocab.label(e.pred, lang)} {e.note}".strip()}
        if e.pred in DASHED:
            edge["dashes"] = True  # a former role
        if extra and len(model.nodes) <= LARGE:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * extra}
        net.add_edge(e.source, e.target, **edge)
    net.options = _options(len(model.nodes))
    return net
