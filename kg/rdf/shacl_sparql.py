"""Check SHACL shapes with SPARQL on an Oxigraph store: the fast path for large graphs.

pyshacl walks an rdflib graph node by node (about 10 s per million triples, plus the time to
build the rdflib graph); the provenance graph of a large build has millions of triples. This
module turns the SHACL Core subset our shapes use on such graphs into one SPARQL query per
constraint: ``sh:targetClass`` node shapes whose ``sh:property`` shapes have an IRI ``sh:path``
and ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``, ``sh:class``, ``sh:nodeKind``,
``sh:uniqueLang``, ``sh:minInclusive``/``sh:maxInclusive``, ``sh:in``, an ``sh:or`` of
``sh:datatype``/``sh:class`` alternatives, a node-level ``sh:or`` of ``sh:minCount 1``, and
``sh:sparql`` constraints whose ``sh:select`` selects ``$this`` (run as written, with ``$this``
bound to each focus node; no ``sh:prefixes``). A shape using anything else is
"unsupported" and the caller validates that graph with pyshacl instead. As in pyshacl's handling
of a Dataset, each named graph is validated on its own; types are read as materialised
(``?x a C``), which is how the build writes them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node as RdfNode

NODE_KEYS = {RDF.type, SH.targetClass, SH.property, SH["or"], SH.sparql, RDFS.comment, SH.name, SH.description}
PROPERTY_KEYS = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.nodeKind, SH["or"], SH["in"],
                 SH.uniqueLang, SH.minInclusive, SH.maxInclusive, RDFS.comment, SH.name, SH.description}
SPARQL_KEYS = {RDF.type, SH.select, SH.message}
NODE_KINDS = {SH.IRI: "isIRI(?v)", SH.Literal: "isLiteral(?v)", SH.BlankNode: "isBlank(?v)",
              SH.BlankNodeOrIRI: "(isBlank(?v) || isIRI(?v))", SH.IRIOrLiteral: "(isIRI(?v) || isLiteral(?v))",
              SH.BlankNodeOrLiteral: "(isBlank(?v) || isLiteral(?v))"}
# derived integer types Oxigraph normalises to xsd:integer, and the range that defines each
INTEGER_RANGES = {str(XSD.nonNegativeInteger): "?v >= 0", str(XSD.positiveInteger): "?v > 0",
                  str(XSD.nonPositiveInteger): "?v <= 0", str(XSD.negativeInteger): "?v < 0"}
PLAIN_XSD = {str(XSD[t]) for t in ("string", "integer", "decimal", "double", "float", "boolean", "gYear", "gYearMonth",
                                   "date", "dateTime", "anyURI")}


class Unsupported(Exception):
    """A shape uses a SHACL feature this module does not translate."""


@dataclass
class Check:
    """One constraint of one property shape: targets, path and a SPARQL condition on ``?v``."""

    targets: list[str]
    path: str
    kind: str  # "min", "max", "value", "unique-lang", "node" or "sparql" (``ok``: the WHERE group of a SELECT of $this)
    count: int = 0
    ok: str = ""  # SPARQL expression true when value ?v conforms
    message: str = ""
    paths: list[str] = field(default_factory=list)  # of a "node" check: the paths it asks for a value of
    # of a "value" check: the classes ``ok`` asks ?v to be in (``sh:class``, in an ``sh:or`` or
    # alone); ``ok`` is then false only if ?v is in none of them and its other terms are false
    classes: list[str] = field(default_factory=list)


@dataclass
class ShapeChecks:
    """The checks of a shapes graph and the target classes they apply to."""

    checks: list[Check] = field(default_factory=list)

    @property
    def target_classes(self) -> set[str]:
        return {t for c in self.checks for t in c.targets}


def _value_condition(g: Graph, node: RdfNode, what: str) -> str:
    dt = g.value(node, SH.datatype)
    cls = g.value(node, SH["class"])
    if what == "datatype":
        if str(dt) in INTEGER_RANGES:
            # Oxigraph stores "5"^^xsd:nonNegativeInteger as 5 (xsd:integer): check the range
            return f"(isLiteral(?v) && (datatype(?v) = <{dt}> || (datatype(?v) = <{XSD.integer}> && {INTEGER_RANGES[str(dt)]})))"
        if str(dt).startswith(str(XSD)) and str(dt) not in PLAIN_XSD:
            raise Unsupported(f"sh:datatype {dt} (Oxigraph may store it as another type)")
        return f"(isLiteral(?v) && datatype(?v) = <{dt}>)"
    return f"EXISTS {{ ?v a <{cls}> }}"


def _alternative(g: Graph, member: RdfNode) -> str:
    keys = set(g.predicates(member)) - {RDFS.comment}
    if keys == {SH.datatype}:
        return _value_condition(g, member, "datatype")
    if keys == {SH["class"]}:
        return _value_condition(g, member, "class")
    raise Unsupported(f"sh:or member with {sorted(map(str, keys))}")


def _property_checks(g: Graph, prop: RdfNode, targets: list[str]) -> list[Check]:
    keys = set(g.predicates(prop))
    if keys - PROPERTY_KEYS:
        raise Unsupported(f"property shape uses {sorted(map(str, keys - PROPERTY_KEYS))}")
    path = g.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise Unsupported("sh:path is not an IRI")
    p = str(path)
    out = []
    if (n := g.value(prop, SH.minCount)) is not None:
        out.append(Check(targets, p, "min", int(str(n)), message=f"Less than {n} values"))
    if (n := g.value(prop, SH.maxCount)) is not None:
        out.append(Check(targets, p, "max", int(str(n)), message=f"More than {n} values"))
    if (dt := g.value(prop, SH.datatype)) is not None:
        out.append(Check(targets, p, "value", ok=_value_condition(g, prop, "datatype"),
                         message=f"Value is not Literal with datatype {dt}"))
    if (cls := g.value(prop, SH["class"])) is not None:
        out.append(Check(targets, p, "value", ok=_value_condition(g, prop, "class"),
                         message=f"Value does not have class {cls}", classes=[str(cls)]))
    if (kind := g.value(prop, SH.nodeKind)) is not None:
        if not isinstance(kind, URIRef) or kind not in NODE_KINDS:
            raise Unsupported(f"sh:nodeKind {kind}")
        out.append(Check(targets, p, "value", ok=NODE_KINDS[kind], message=f"Value is not {kind}"))
    if isinstance(unique := g.value(prop, SH.uniqueLang), Literal) and unique.toPython() is True:
        out.append(Check(targets, p, "unique-lang", message="More than one value shares a language tag"))
    for key, op in ((SH.minInclusive, ">="), (SH.maxInclusive, "<=")):
        if (bound := g.value(prop, key)) is not None:
            out.append(Check(targets, p, "value", ok=f"COALESCE(?v {op} {bound.n3()}, false)",
                             message=f"Value is not {op} {bound}"))
    if (allowed := g.value(prop, SH["in"])) is not None:
        members = ", ".join(m.n3() for m in Collection(g, allowed))
        out.append(Check(targets, p, "value", ok=f"(?v IN ({members}))", message="Value is not in the sh:in list"))
    if (alts := g.value(prop, SH["or"])) is not None:
        options = list(Collection(g, alts))
        conds = [_alternative(g, m) for m in options]
        classes = [str(c) for m in options if (c := g.value(m, SH["class"])) is not None]
        out.append(Check(targets, p, "value", ok="(" + " || ".join(conds) + ")",
                         message="Value does not conform to any shape in sh:or", classes=classes))
    return out


def _node_or(g: Graph, members: list, targets: list[str]) -> Check:
    """A node-level ``sh:or`` of ``[ sh:path P ; sh:minCount 1 ]`` members: one of them must hold."""
    paths = []
    for m in members:
        if set(g.predicates(m)) - {SH.path, SH.minCount} or not isinstance(g.value(m, SH.path), URIRef) \
                or int(g.value(m, SH.minCount) or 0) != 1:
            raise Unsupported("node-level sh:or other than minCount 1 alternatives")
        paths.append(str(g.value(m, SH.path)))
    ok = " || ".join(f"EXISTS {{ ?f <{p}> ?any{i} }}" for i, p in enumerate(paths))
    return Check(targets, "", "node", ok=f"({ok})", message="Node does not conform to any shape in sh:or", paths=paths)


def _sparql_check(g: Graph, constraint: RdfNode, targets: list[str]) -> Check:
    """A ``sh:SPARQLConstraint`` whose ``sh:select`` returns the failing ``$this``."""
    if set(g.predicates(constraint)) - SPARQL_KEYS or g.value(constraint, SH.select) is None:
        raise Unsupported("sh:sparql other than sh:select and sh:message")
    select = str(g.value(constraint, SH.select))
    head, brace, _ = select.partition("{")
    if not brace or "WHERE" not in head.upper() or "?this" not in head.replace("$this", "?this"):
        raise Unsupported("sh:select that does not select $this")
    # the WHERE group's contents, to run in the focus node's own group: a FILTER NOT EXISTS on
    # $this must see it bound (a subquery or nested group would be evaluated without it)
    body = select[len(head) + 1:select.rindex("}")]
    return Check(targets, "", "sparql", ok=body.replace("$this", "?f"),
                 message=str(g.value(constraint, SH.message) or "SPARQL constraint"))


def compile_shapes(shapes: Graph, only_targets: set[str] | None = None) -> ShapeChecks:
    """The checks of every node shape (whose targets meet ``only_targets``, if given).

    Raises ``Unsupported`` if one of those shapes uses a feature outside the subset.
    """
    result = ShapeChecks()
    nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(SH.targetClass, None))
    for node in sorted(nodes, key=str):
        targets = sorted(str(t) for t in shapes.objects(node, SH.targetClass))
        if only_targets is not None and not set(targets) & only_targets:
            continue
        keys = set(shapes.predicates(node))
        if keys - NODE_KEYS or not targets:
            raise Unsupported(f"node shape {node} uses {sorted(map(str, keys - NODE_KEYS)) or 'no sh:targetClass'}")
        if (alts := shapes.value(node, SH["or"])) is not None:
            result.checks.append(_node_or(shapes, list(Collection(shapes, alts)), targets))
        for constraint in shapes.objects(node, SH.sparql):
            result.checks.append(_sparql_check(shapes, constraint, targets))
        for prop in shapes.objects(node, SH.property):
            if not isinstance(prop, (BNode, URIRef)):
                raise Unsupported("sh:property is a literal")
            result.checks.extend(_property_checks(shapes, prop, targets))
    if any(SH.PropertyShape == o for o in shapes.objects(None, RDF.type)) and \
            any(not set(shapes.subjects(SH.property, ps)) for ps in shapes.subjects(RDF.type, SH.PropertyShape)):
        raise Unsupported("a sh:PropertyShape with its own targets")
    return result


def _only(focus: list[str] | None) -> str:
    """A VALUES clause that binds ?f to the ``focus`` nodes (N-Triples terms); empty if None."""
    return "" if focus is None else f"VALUES ?f {{ {' '.join(focus)} }} "


def _query(check: Check, graph: str, only: str = "") -> str:
    values = " ".join(f"<{t}>" for t in check.targets)
    focus = f"{only}VALUES ?t {{ {values} }} ?f a ?t ."
    if check.kind == "min":
        body = f"{focus} OPTIONAL {{ ?f <{check.path}> ?v }}"
        tail = f"GROUP BY ?f HAVING (COUNT(DISTINCT ?v) < {check.count})"
    elif check.kind == "max":
        body = f"{focus} ?f <{check.path}> ?v ."
        tail = f"GROUP BY ?f HAVING (COUNT(DISTINCT ?v) > {check.count})"
    elif check.kind == "unique-lang":
        body = (f"{focus} ?f <{check.path}> ?v . ?f <{check.path}> ?w . "
                "FILTER (lang(?v) != \"\" && lang(?v) = lang(?w) && ?v != ?w)")
        tail = ""
    elif check.kind == "node":
        body = f"{focus} FILTER (!{check.ok})"
        tail = ""
    elif check.kind == "sparql":  # the constraint's WHERE group, its $this bound to each focus node
        body = f"{focus} {check.ok}"
        tail = ""
    else:
        body = f"{focus} ?f <{check.path}> ?v . FILTER (!{check.ok})"
        tail = ""
    return f"SELECT DISTINCT ?f WHERE {{ GRAPH <{graph}> {{ {body} }} }} {tail}"


def value_query(check: Check, graph: str, values_only: bool = False) -> str:
    """The (focus node ``?f``, value ``?v``) pairs that fail a "value" check in ``graph``, or
    only their distinct values."""
    return _query(check, graph).replace("SELECT DISTINCT ?f WHERE", f"SELECT DISTINCT {'' if values_only else '?f '}?v WHERE", 1)


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    """The rows of a SELECT query."""
    rows = store.query(query)
    assert isinstance(rows, ox.QuerySolutions), query
    return rows


def graph_types(store: ox.Store, graph: str) -> set[str]:
    """The classes instances of which are in the named graph ``graph``."""
    q = f"SELECT DISTINCT ?t WHERE {{ GRAPH <{graph}> {{ ?x a ?t }} }}"
    return {str(row["t"].value) for row in _select(store, q)}


def sparql_violations(store: ox.Store, graph: str, checks: ShapeChecks,
                      on_check: Callable[[int, int], None] | None = None,
                      focus: list[str] | None = None) -> list[str]:
    """One line per violation in the named graph ``graph`` of ``store`` (sorted; empty = conforms);
    ``on_check(done, total)`` is called after each check (a progress bar). Given ``focus`` (N-Triples
    terms), the SHACL Core checks look at those focus nodes only; ``sh:sparql`` ones, which may
    read any part of the graph, still look at all.

    >>> from kg.namespaces import PROVENANCE_GRAPH
    >>> from kg.rdf.validate import load_shapes
    >>> from kg.sparql.store import open_store
    >>> sparql_violations(open_store("build"), str(PROVENANCE_GRAPH), compile_shapes(load_shapes()))
    []
    """
    lines, done, todo = set(), 0, list(checks.checks)
    while todo:
        check = todo.pop(0)
        pair = next((c for c in todo if _pairs(check, c)), None)
        if pair is not None:  # one scan of the focus nodes for both counts, not two
            todo.remove(pair)
            low, high = (check, pair) if check.kind == "min" else (pair, check)
            for row in _select(store, _count_query(low, high, graph, _only(focus))):
                n = int(row["n"].value)
                for failed in [c for c, bad in ((low, n < low.count), (high, n > high.count)) if bad]:
                    lines.add(f"{row['f'].value} {check.path}: {failed.message}")
        else:
            for row in _select(store, _query(check, graph, "" if check.kind == "sparql" else _only(focus))):
                lines.add(f"{row['f'].value} {check.path}: {check.message}")
        done += 1 if pair is None else 2
        if on_check is not None:
            on_check(done, len(checks.checks))
    return sorted(lines)


def _pairs(a: Check, b: Check) -> bool:
    """Whether ``a`` and ``b`` are the min and max count of one path on the same targets."""
    return {a.kind, b.kind} == {"min", "max"} and (a.targets, a.path) == (b.targets, b.path)


def _count_query(low: Check, high: Check, graph: str, only: str = "") -> str:
    """The focus nodes with fewer values of the path than ``low`` allows or more than ``high``
    does, and their count ``?n`` (zero values never exceed a maximum, so OPTIONAL serves both)."""
    values = " ".join(f"<{t}>" for t in low.targets)
    n = "COUNT(DISTINCT ?v)"
    return (f"SELECT ?f ({n} AS ?n) WHERE {{ GRAPH <{graph}> {{ {only}VALUES ?t {{ {values} }} ?f a ?t . "
            f"OPTIONAL {{ ?f <{low.path}> ?v }} }} }} GROUP BY ?f HAVING ({n} < {low.count} || {n} > {high.count})")
