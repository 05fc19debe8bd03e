"""The current view of the facts graph for the analytics (docs/graph-model.md, "Facts in time").

Documents of different dates may disagree: a 2023 text names one chief executive, a 2025 text
another; a head count is 4,000 in one and 4,500 in the other. The graph keeps both. The
analytics read the **current view** by default, as the ``who-leads`` query does: a role
shortcut (``akg:chiefExecutiveOf``, ``akg:holdsRoleIn``) is left out when a more recent document
names another current chief executive of that organisation or says the role has ended, and of
several dated values of one property (value nodes with ``akg:asOf``) only the most recent stay.
``history=True`` keeps every statement.
"""
from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.namespaces import AKG, ORG


def _memberships(facts: Graph) -> list[tuple[Node, Node, Node, Node, str]]:
    """(person, organisation, role kind, status, as-of date) of every dated org:Membership."""
    out = []
    for m in facts.subjects(ORG.member, None):
        person, org = facts.value(m, ORG.member), facts.value(m, ORG.organization)
        kind, status, as_of = facts.value(m, ORG.role), facts.value(m, AKG.roleStatus), facts.value(m, AKG.asOf)
        if person is not None and org is not None and kind is not None and status is not None and as_of is not None:
            out.append((person, org, kind, status, str(as_of)))
    return out


def superseded_roles(facts: Graph) -> set[tuple[Node, URIRef, Node]]:
    """The role shortcut triples (person, predicate, organisation) that are not current: every
    document that states the role as current is older than one that names another current chief
    executive of the organisation (for a chief executive) or says the role has ended.

    >>> superseded_roles(Graph())
    set()
    """
    members = _memberships(facts)
    out: set[tuple[Node, URIRef, Node]] = set()
    for person, org, kind, status, _as_of in members:
        if status != AKG.Current:
            continue
        pred = AKG.chiefExecutiveOf if kind == AKG.ChiefExecutive else AKG.holdsRoleIn
        stated = max(d for p, o, k, s, d in members if (p, o, k, s) == (person, org, kind, AKG.Current))
        ended = any((p, o, k, s) == (person, org, kind, AKG.Former) and d > stated for p, o, k, s, d in members)
        replaced = kind == AKG.ChiefExecutive and any(
            o == org and k == kind and s == AKG.Current and p != person and d > stated for p, o, k, s, d in members)
        if (ended or replaced) and (person, pred, org) in facts:
            out.add((person, pred, org))
    for triple in list(out):  # still current by another membership of the same shortcut (another kind)
        person, pred, org = triple
        if pred == AKG.holdsRoleIn and any(
                (p, o, s) == (person, org, AKG.Current) and k != AKG.ChiefExecutive
                and (person, AKG.holdsRoleIn, org) not in out for p, o, k, s, _ in members):
            out.discard(triple)
    return out


def newest_values(facts: Graph, nodes: list[Node]) -> list[Node]:
    """Of several value nodes of one property (and place and occupation), the ones of the most
    recent ``akg:asOf`` (undated ones only when none is dated).

    >>> newest_values(Graph(), [])
    []
    """
    by_kind: dict[tuple[str, str], list[Node]] = {}  # values of one place and occupation compete
    for n in nodes:
        by_kind.setdefault((str(facts.value(n, AKG.inPlace)), str(facts.value(n, AKG.occupation))), []).append(n)
    out = []
    for group in by_kind.values():
        dated = {n: str(facts.value(n, AKG.asOf)) for n in group if facts.value(n, AKG.asOf) is not None}
        latest = max(dated.values(), default=None)
        out += [n for n in group if latest is None or dated.get(n) == latest]
    return out
