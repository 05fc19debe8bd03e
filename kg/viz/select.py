"""Pick the part of the graph to draw: entities of some classes (``--class``) and/or the
neighbourhood of one entity (``--focus ENTITY --depth N``). Names may be full IRIs, CURIEs
(``akg:Plant``, ``kgid:company/ampere``), local names (``Plant``) or labels (any language).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from kg.errors import InputError
from kg.namespaces import PREFIXES
from kg.ontology import Ontology
from kg.viz.model import ViewModel


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _expand(name: str) -> str:
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return str(PREFIXES[prefix]) + local
    return name


def resolve_entity(name: str, model: ViewModel) -> int:
    """The index of the entity meant by ``name`` (IRI, CURIE, or a label/alt label)."""
    wanted, iri = _fold(name), _expand(name)
    by_iri = [i for i, n in enumerate(model.nodes) if n.iri == iri]
    if by_iri:
        return by_iri[0]
    hits = [i for i, n in enumerate(model.nodes)
            if wanted in {_fold(x) for x in (n.sl, n.en, *n.alt) if x}]
    if len(hits) == 1:
        return hits[0]
    if hits:
        iris = ", ".join(model.nodes[i].iri for i in hits[:5])
        raise InputError(f"{name!r} names several entities ({iris}); give the IRI")
    raise InputError(f"no entity named {name!r} in the graph")


def neighbourhood(model: ViewModel, start: int, depth: int) -> set[int]:
    """Entities at most ``depth`` relations away from ``start`` (edges in either direction)."""
    links: dict[int, set[int]] = {}
    for e in model.edges:
        links.setdefault(e.source, set()).add(e.target)
        links.setdefault(e.target, set()).add(e.source)
    seen, todo = {start: 0}, deque([start])
    while todo:
        here = todo.popleft()
        if seen[here] < depth:
            for nxt in sorted(links.get(here, ())):
                if nxt not in seen:
                    seen[nxt] = seen[here] + 1
                    todo.append(nxt)
    return set(seen)


def select(model: ViewModel, onto: Ontology, *, classes: Iterable[str] | None = None,
           focus: str | None = None, depth: int | None = None) -> tuple[ViewModel, int | None]:
    """The sub-model to draw and the index (in it) of the focus entity, if any.

    >>> from kg.viz.model import read_model
    >>> from kg.ontology import load_ontology
    >>> model = read_model(kg.load("build"), load_ontology())
    >>> part, at = select(model, load_ontology(), focus="Ampere", depth=1)
    >>> part.nodes[at].sl, len(part.nodes) < len(model.nodes)
    ('Ampere', True)
    """
    if depth is not None and depth < 0:
        raise InputError(f"depth must be 0 or more, not {depth}")
    if depth is not None and focus is None:
        raise InputError("--depth needs --focus ENTITY")
    keep = set(range(len(model.nodes)))
    start = None
    if focus is not None:
        start = resolve_entity(focus, model)
        keep = neighbourhood(model, start, 1 if depth is None else depth)
    if classes:
        wanted = {str(onto.resolve_class(c)) for c in classes}
        keep = {i for i in keep if wanted & set(model.nodes[i].types) or i == start}
    part = model.subset(keep)
    at = sorted(keep).index(start) if start is not None else None
    return part, at
