"""Turn the view model into a vis-network description with pyvis: one node per entity (colour and
shape from its class, size from its degree, seeded precomputed position, a label that names its
class when another entity shares it), one labelled arrow per relation, and vis options tuned for
the graph's size (physics off and labels on zoom for large graphs).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyvis.network import Network

from kg.ontology import Ontology
from kg.viz.layout import positions
from kg.viz.model import FORMER_OTHER_ROLE, FORMER_ROLE, Node, ViewModel
from kg.viz.structure import degrees

DASHED = frozenset(FORMER_ROLE.values()) | {FORMER_OTHER_ROLE}
LARGE = 1000   # above this many nodes: straight edges, hidden edges while dragging/zooming
LABEL_PX = 10  # smaller labels are not drawn (the page draws the hubs' labels itself, at 13 px)


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
    """The entity's own label in ``lang``, else the Slovenian one."""
    return (node.en or node.sl) if lang == "en" else node.sl


def _class_word(cls: str, onto: Ontology, lang: str) -> str:
    """The class label as a word inside a sentence: "Plant" -> "plant", "EU" stays."""
    word = onto.label(cls, lang) if cls else "?"
    return word[0].lower() + word[1:] if word[1:2].islower() else word


def shown_labels(model: ViewModel, onto: Ontology, lang: str) -> list[str]:
    """The label each node is shown and found by in ``lang``: its own label, with its class added
    when another entity has the same label ("Ormož (plant)", "Ormož (city or town)"), and a
    number as well when they share the class too.

    >>> from kg.viz.model import read_model
    >>> from kg.ontology import load_ontology
    >>> model = read_model(kg.load("build"), load_ontology())
    >>> shown_labels(model, load_ontology(), "en")[:2]
    ['Renault', 'Ampere']
    """
    own = [node_label(n, lang) for n in model.nodes]
    by_label: dict[str, list[int]] = {}
    for i, text in enumerate(own):
        by_label.setdefault(" ".join(text.casefold().split()), []).append(i)
    shown = list(own)
    for same in by_label.values():
        if len(same) < 2:
            continue
        per_class: dict[str, list[int]] = {}
        for i in same:
            per_class.setdefault(model.nodes[i].cls, []).append(i)
        for cls, members in per_class.items():
            word = _class_word(cls, onto, lang)
            for k, i in enumerate(members, start=1):
                shown[i] = f"{own[i]} ({word} {k})" if len(members) > 1 else f"{own[i]} ({word})"
    return shown


def _options(count: int) -> dict[str, Any]:
    large = count > LARGE
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": not large, "tooltipDelay": 200, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large, "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": LABEL_PX}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "color": {"color": "#8a8a8a", "highlight": "#333333", "hover": "#333333"},
                  "font": {"size": 13, "face": "sans-serif", "color": "#555555", "strokeWidth": 3,
                           "align": "middle"},
                  "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "scaling": {"label": {"drawThreshold": 8 if large else 5}}},
    }


def build_network(model: ViewModel, onto: Ontology, *, lang: str = "en",
                  groups: list[int] | None = None) -> Network:
    """A pyvis Network of ``model`` (nodes carry x/y, with the communities ``groups`` kept
    together; physics is off; options are set).

    >>> from kg.viz.model import read_model
    >>> from kg.ontology import load_ontology
    >>> model = read_model(kg.load("build"), load_ontology())
    >>> net = build_network(model, load_ontology())
    >>> len(net.nodes) == len(model.nodes)
    True
    """
    net = Network(directed=True)
    degree = degrees(len(model.nodes), [(e.source, e.target) for e in model.edges])
    most = max(degree, default=0) or 1
    xy = positions(len(model.nodes), sorted({(e.source, e.target) for e in model.edges}), groups=groups)
    labels = shown_labels(model, onto, lang)
    for i, node in enumerate(model.nodes):
        style = style_of(node.cls)
        weight = math.sqrt(degree[i] / most)     # area grows with degree; the biggest hub is 40 px
        net.add_node(i, label=labels[i], shape=style.shape, color=style.color, x=xy[i][0], y=xy[i][1],
                     size=round(7 + 33 * weight, 1), font={"size": round(14 + 10 * weight)},
                     title=f"{labels[i]} ({onto.label(node.cls, lang) if node.cls else '?'})")
    pairs: dict[tuple[int, int], int] = {}
    for j, e in enumerate(model.edges):
        key = (min(e.source, e.target), max(e.source, e.target))
        extra = pairs.get(key, 0)
        pairs[key] = extra + 1
        edge: dict[str, Any] = {"id": j, "label": f"{onto.label(e.pred, lang)} {e.note}".strip()}
        if e.pred in DASHED:
            edge["dashes"] = True  # a former role
        if extra and len(model.nodes) <= LARGE:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.25 * extra}
        net.add_edge(e.source, e.target, **edge)
    net.options = _options(len(model.nodes))
    return net
