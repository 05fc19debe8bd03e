"""Run SPARQL over the knowledge graph: ``kg.query()`` and ``kg query``. A query may be inline
text, a ``.rq`` file or the name of a query in ``queries/``; its ``# param NAME = DEFAULT``
header lines declare parameters, which are bound through the engine (pyoxigraph substitutions,
rdflib initBindings), never pasted into the text. Every query first passes
:func:`kg.sparql_safety.safe_query` (read-only, no SERVICE/LOAD), and the engine is given only the
text the guard returns. Oxigraph is the default engine; rdflib's engine gives the same answers,
slower, and is kept for comparison. rdflib would fetch the IRIs of ``FROM``/``FROM NAMED`` from the
network or the disk, so its graph loading is turned off and such queries are refused with it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
import rdflib.plugins.sparql
from rdflib.term import BNode, Literal, Node, URIRef

from kg.errors import InputError
from kg.namespaces import PREFIXES
from kg.results import Result
from kg.sparql_safety import safe_query
from kg.store import Source, open_rdflib, open_store

ENGINES = ("oxigraph", "rdflib")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_PARAM = re.compile(r"^#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(.*?))?\s*(?:\(.*\))?\s*$")
_CURIE = re.compile(r"^[a-z][a-z0-9]*:[A-Za-z_][A-Za-z0-9_./-]*$")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# rdflib's SPARQL engine loads the IRI of a FROM clause it does not hold, from the web or a file
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


@dataclass(frozen=True)
class NamedQuery:
    """A query read from a ``.rq`` file, with its header: questions and declared parameters."""

    name: str
    text: str
    source: str
    question_en: str = ""
    question_sl: str = ""
    params: dict[str, str | None] = field(default_factory=dict)


def default_queries_dir() -> Path:
    """``./queries`` if it exists, else ``kg/queries`` (in a wheel), else the repository's ``queries/``."""
    here = Path(__file__).resolve().parent
    for folder in (Path("queries"), here / "queries", here.parent / "queries"):
        if folder.is_dir():
            return folder
    return here.parent / "queries"


def read_query_file(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its header comments (``# en:``, ``# sl:``, ``# param x = y``).

    Examples
    --------
    >>> q = read_query_file(Path("queries/plants-of-hub.rq"))
    >>> q.params
    {'hub': 'ElectriCity'}
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read query file: {err}") from None
    en = sl = ""
    params: dict[str, str | None] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            continue
        match = _PARAM.match(stripped)
        if match:
            params[match.group(1)] = match.group(2) or None
        elif stripped[1:].strip().lower().startswith("en:"):
            en = stripped[1:].strip()[3:].strip()
        elif stripped[1:].strip().lower().startswith("sl:"):
            sl = stripped[1:].strip()[3:].strip()
    return NamedQuery(Path(path).stem, text, str(path), en, sl, params)


def available_queries(queries_dir: Path | None = None) -> list[str]:
    """Names of the queries in ``queries_dir`` (default :func:`default_queries_dir`), sorted."""
    folder = Path(queries_dir) if queries_dir else default_queries_dir()
    return sorted(p.stem for p in folder.glob("*.rq"))


def resolve_query(ref: str | Path, queries_dir: Path | None = None) -> NamedQuery:
    """Turn a query reference (inline text, a ``.rq`` path or a query name) into a NamedQuery.

    Examples
    --------
    >>> resolve_query("SELECT * WHERE { ?s ?p ?o }").source
    'query'
    """
    if isinstance(ref, Path) or (isinstance(ref, str) and ref.endswith(".rq") and "\n" not in ref):
        path = Path(ref)
        if not path.is_file():
            raise InputError(f"{path}: no such query file")
        return read_query_file(path)
    if _NAME.match(ref.strip()) and ref.strip().upper() not in ("SELECT", "ASK"):
        folder = Path(queries_dir) if queries_dir else default_queries_dir()
        path = folder / f"{ref.strip()}.rq"
        if path.is_file():
            return read_query_file(path)
        names = ", ".join(available_queries(folder)) or "(none)"
        raise InputError(f"unknown query {ref.strip()!r}; available in {folder}: {names}")
    return NamedQuery("query", ref, "query")


def to_term(value: Any) -> Node:
    """A parameter value as an RDF term: ``<iri>`` or a project prefixed name (``akg:Plant``) -> IRI,
    numbers -> typed literals, any other str -> plain literal.

    Examples
    --------
    >>> to_term("ElectriCity")
    rdflib.term.Literal('ElectriCity')
    """
    if isinstance(value, Node):
        return value
    if isinstance(value, str) and len(value) > 2 and value[0] == "<" and value[-1] == ">":
        return URIRef(ox.NamedNode(value[1:-1]).value)  # ValueError if it is not an IRI
    if isinstance(value, str) and _CURIE.match(value) and value.split(":", 1)[0] in PREFIXES:
        prefix, local = value.split(":", 1)
        return URIRef(str(PREFIXES[prefix]) + local)
    if isinstance(value, (bool, int, float, Decimal, str)):
        return Literal(value)
    raise InputError(f"cannot use {value!r} as a query parameter (use str, int, float or an IRI)")


def _to_ox(term: Node) -> Any:
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def from_ox(term: Any) -> Node | None:
    """pyoxigraph term -> rdflib term (``None`` stays ``None``)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


def _bind(name: str, value: Any, origin: str) -> Node:
    """One parameter as an RDF term, checked the way Oxigraph checks names, IRIs and tags."""
    try:
        ox.Variable(name)
    except ValueError:
        raise InputError(f"{origin}: parameter name {name!r} is not a SPARQL variable name "
                         "(letters, digits and _)") from None
    try:
        term = to_term(value)
        _to_ox(term)
    except ValueError as err:
        raise InputError(f"{origin}: parameter {name}: {value!s} is not a valid IRI or RDF term "
                         f"({err})") from None
    return term


def _bindings(named: NamedQuery, params: dict[str, Any]) -> dict[str, Node]:
    """Declared defaults overlaid with given params; unknown names are refused for named queries."""
    if named.params:
        unknown = sorted(set(params) - set(named.params))
        if unknown:
            raise InputError(f"{named.source}: unknown parameter(s) {', '.join(unknown)}; "
                             f"this query takes: {', '.join(sorted(named.params))}")
    values: dict[str, Any] = {k: v for k, v in named.params.items() if v is not None}
    values.update(params)
    missing = sorted(k for k in named.params if k not in values)
    if missing:
        raise InputError(f"{named.source}: missing parameter(s) {', '.join(missing)} "
                         "(give them as --param NAME=VALUE)")
    return {k: _bind(k, v, named.source) for k, v in values.items()}


def _run_oxigraph(source: Source, text: str, kind: str, binds: dict[str, Node],
                  limit: int | None, origin: str) -> Result:
    """Evaluate with pyoxigraph over the union of the graphs; convert terms to rdflib."""
    store = open_store(source)
    try:
        answer = store.query(text, prefixes={p: str(ns) for p, ns in PREFIXES.items()},
                             use_default_graph_as_union=True,
                             substitutions={ox.Variable(k): _to_ox(v)
                                            for k, v in binds.items()} or None)
    except SyntaxError as err:
        raise InputError(f"{origin}: SPARQL syntax error: {err}") from None
    except RuntimeError as err:
        raise InputError(f"{origin}: {err} (parameters must be SELECTed variables)") from None
    if kind == "ASK":
        return Result(kind, boolean=bool(answer))
    if kind in ("CONSTRUCT", "DESCRIBE"):
        graph = rdflib.Graph()
        for count, t in enumerate(answer):
            if limit is not None and count >= limit:
                return Result(kind, graph=graph, truncated=True)
            graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return Result(kind, graph=graph)
    names = [v.value for v in answer.variables]
    rows: list[tuple] = []
    for solution in answer:
        if limit is not None and len(rows) >= limit:
            return Result(kind, names, rows, truncated=True)
        rows.append(tuple(from_ox(solution[i]) for i in range(len(names))))
    return Result(kind, names, rows)


def _run_rdflib(source: Source, text: str, kind: str, binds: dict[str, Node],
                limit: int | None, origin: str) -> Result:
    """Evaluate with rdflib's engine over the union of the graphs."""
    dataset = open_rdflib(source)
    try:
        answer = dataset.query(text, initNs=dict(PREFIXES), initBindings=binds or None)
    except Exception as err:  # rdflib's evaluation errors have no common base class
        raise InputError(f"{origin}: SPARQL error: {err}") from None
    if kind == "ASK":
        return Result(kind, boolean=bool(answer.askAnswer))
    if kind in ("CONSTRUCT", "DESCRIBE"):
        graph = rdflib.Graph()
        for count, t in enumerate(answer.graph):
            if limit is not None and count >= limit:
                return Result(kind, graph=graph, truncated=True)
            graph.add(t)
        return Result(kind, graph=graph)
    names = [str(v) for v in answer.vars]
    rows = [tuple(r) for r in answer]
    truncated = limit is not None and len(rows) > limit
    return Result(kind, names, rows[:limit] if truncated else rows, truncated=truncated)


def query(graph_or_path: Source, sparql: str | Path, *, engine: str = "oxigraph",
          limit: int | None = None, queries_dir: Path | None = None, **params: Any) -> Result:
    """Run a read-only SPARQL query over the knowledge graph.

    Parameters
    ----------
    graph_or_path : rdflib.Graph, rdflib.Dataset, pyoxigraph.Store, str or Path
        The graph: a build folder (``graph.ttl`` + ``provenance.ttl``), an RDF file, or a graph.
    sparql : str or Path
        Query text, a ``.rq`` file, or the name of a query in ``queries/`` (``"plants-of-hub"``).
        The project prefixes (``akg:``, ``kgid:``, ``schema:``, ...) need no PREFIX lines.
    engine : {"oxigraph", "rdflib"}
        Query engine; both give the same answers, Oxigraph is much faster on large graphs.
    limit : int, optional
        Stop after this many rows (or triples); the result is then marked ``truncated``.
    queries_dir : Path, optional
        Where named queries live (default ``./queries``).
    **params
        Values for the query's parameters, bound as RDF terms (a ``str`` is a plain literal,
        ``"<http://...>"`` an IRI).

    Returns
    -------
    Result
        Iterate it for rows (tuples of rdflib terms); ``.vars``, ``.boolean`` (ASK),
        ``.graph`` (CONSTRUCT/DESCRIBE), ``.to_dataframe()``, ``.serialize(fmt)``.

    Raises
    ------
    kg.errors.InputError
        Syntax errors (with line/column), updates, SERVICE, LOAD, unknown queries or parameters,
        a bad parameter name or IRI, brackets nested too deeply.

    Examples
    --------
    >>> rows = kg.query("build", "plants-of-hub", hub="ElectriCity")    # doctest: +SKIP
    >>> sorted(str(r[1]) for r in rows)                                   # doctest: +SKIP
    ['Douai', 'Maubeuge', 'Ruitz']
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    named = resolve_query(sparql, queries_dir)
    checked = safe_query(named.text, named.source)
    if engine == "rdflib" and checked.has_dataset_clause:
        raise InputError(f"{named.source}: FROM and FROM NAMED are refused with the rdflib engine "
                         "(it would load them from the network or the disk); use GRAPH <iri> { ... } "
                         "or --engine oxigraph")
    binds = _bindings(named, params)
    run = _run_oxigraph if engine == "oxigraph" else _run_rdflib
    return run(graph_or_path, checked.text, checked.kind, binds, limit, named.source)


def iter_named_queries(queries_dir: Path | None = None) -> Iterator[NamedQuery]:
    """Every query in ``queries_dir`` with its header, in name order."""
    folder = Path(queries_dir) if queries_dir else default_queries_dir()
    for name in available_queries(folder):
        yield read_query_file(folder / f"{name}.rq")
