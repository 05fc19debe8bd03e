"""Run SPARQL over the knowledge graph: ``kg.query()`` and ``kg query``. A query may be inline
text, a ``.rq`` file or the name of a query in ``queries/``; its ``# param NAME = DEFAULT``
header lines declare parameters, which are bound through the engine (pyoxigraph substitutions,
rdflib initBindings), never pasted into the text. A query that SELECTs ``?NAMEKey`` for a
parameter ``NAME`` gets it bound to the lookup key of the value (:mod:`kg.sparql.lookup`), to find an
entity by name with one index look-up; that column is left out of the answer. Every query first passes
:func:`kg.sparql.safety.safe_query` (read-only, no SERVICE/LOAD), and the engine is given only the
text the guard returns. Oxigraph is the default engine; rdflib's engine gives the same answers,
slower, and is kept for comparison. rdflib would fetch the IRIs of ``FROM``/``FROM NAMED`` from the
network or the disk, so its graph loading is turned off and such queries are refused with it.
``timeout=`` runs the query in a forked child that is killed when the time is up (Oxigraph cannot
be interrupted in-process); ``max_rows=`` caps the size of the answer.

On Oxigraph, a query is checked by :func:`kg.sparql.safety.quick_query` and a build's store is
opened without rdflib (:mod:`kg.buildfolder`); rows become rdflib terms only when they are read
as such (:meth:`Prepared.answer`), so ``kg query`` starts without importing rdflib.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.buildfolder import open_read_only, store_folder
from kg.errors import InputError, did_you_mean
from kg.prefixes import QUERY_PREFIXES
from kg.sparql.lookup import KEY_SUFFIX, lookup_key
from kg.sparql.results import Answer, Result, collect
from kg.sparql.safety import quick_query, safe_query

if TYPE_CHECKING:  # rdflib is imported where rdflib terms or its engine are used
    import rdflib
    from rdflib.term import Node

    from kg.sparql.store import Source

ENGINES = ("oxigraph", "rdflib")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_PARAM = re.compile(r"^#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*(.*?))?\s*(?:\(.*\))?\s*$")
_CURIE = re.compile(r"^[a-z][a-z0-9-]*:[A-Za-z0-9_][A-Za-z0-9_./-]*$")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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
    here = Path(__file__).resolve().parent.parent  # kg/
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
        available = available_queries(folder)
        hint = did_you_mean(ref.strip(), available)
        names = ", ".join(available) or "(none)"
        raise InputError(f"unknown query {ref.strip()!r}{hint} (available in {folder}: {names})")
    return NamedQuery("query", ref, "query")


def to_term(value: Any) -> Node:
    """A parameter value as an RDF term: ``<iri>`` or a project prefixed name (``akg:Plant``) -> IRI,
    numbers -> typed literals, any other str -> plain literal.

    Examples
    --------
    >>> to_term("ElectriCity")
    rdflib.term.Literal('ElectriCity')
    """
    from rdflib.term import Literal, Node, URIRef

    if isinstance(value, Node):
        return value
    if isinstance(value, str) and len(value) > 2 and value[0] == "<" and value[-1] == ">":
        return URIRef(ox.NamedNode(value[1:-1]).value)  # ValueError if it is not an IRI
    if isinstance(value, str) and _CURIE.match(value) and value.split(":", 1)[0] in QUERY_PREFIXES:
        prefix, local = value.split(":", 1)
        return URIRef(str(QUERY_PREFIXES[prefix]) + local)
    if isinstance(value, (bool, int, float, Decimal, str)):
        return Literal(value)
    raise InputError(f"cannot use {value!r} as a query parameter (use str, int, float or an IRI)")


def _ox_param(value: Any) -> Any:
    """A parameter value as a pyoxigraph term, by the rules of :func:`to_term` (a plain ``str`` is
    read without rdflib: ``<iri>``, a project prefixed name, else a plain literal).

    >>> _ox_param("akg:Plant"), _ox_param("Cléon")
    (<NamedNode value=https://w3id.org/ampere-kg/ontology#Plant>, <Literal value=Cléon datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>)
    """
    if type(value) is not str:  # rdflib terms are str too: they, and numbers, go through rdflib
        return _to_ox(to_term(value))
    if len(value) > 2 and value[0] == "<" and value[-1] == ">":
        return ox.NamedNode(value[1:-1])  # ValueError if it is not an IRI
    if _CURIE.match(value) and value.split(":", 1)[0] in QUERY_PREFIXES:
        prefix, local = value.split(":", 1)
        return ox.NamedNode(QUERY_PREFIXES[prefix] + local)
    return ox.Literal(value)


def _to_ox(term: Node) -> Any:
    """rdflib term -> pyoxigraph term."""
    from rdflib.term import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)


def from_ox(term: Any) -> Any:
    """pyoxigraph term -> rdflib term (``None`` stays ``None``)."""
    from rdflib.term import BNode, Literal, URIRef

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


def _bind(name: str, value: Any, origin: str) -> Any:
    """One parameter as a pyoxigraph term, checked the way Oxigraph checks names, IRIs and tags."""
    try:
        ox.Variable(name)
    except ValueError:
        raise InputError(f"{origin}: parameter name {name!r} is not a SPARQL variable name "
                         "(letters, digits and _)") from None
    try:
        return _ox_param(value)
    except ValueError as err:
        raise InputError(f"{origin}: parameter {name}: {value!s} is not a valid IRI or RDF term "
                         f"({err})") from None


def _bindings(named: NamedQuery, params: dict[str, Any]) -> dict[str, Any]:
    """Declared defaults overlaid with given params; unknown names are refused for named queries."""
    if named.params:
        unknown = sorted(set(params) - set(named.params))
        if unknown:
            hint = did_you_mean(unknown[0], named.params) if len(unknown) == 1 else ""
            raise InputError(f"{named.source}: unknown parameter(s) {', '.join(unknown)}{hint} "
                             f"(this query takes: {', '.join(sorted(named.params))})")
    values: dict[str, Any] = {k: v for k, v in named.params.items() if v is not None}
    values.update(params)
    missing = sorted(k for k in named.params if k not in values)
    if missing:
        raise InputError(f"{named.source}: missing parameter(s) {', '.join(missing)} "
                         "(give them as --param NAME=VALUE)")
    return {k: _bind(k, v, named.source) for k, v in values.items()}


def _key_bindings(text: str, binds: dict[str, Any]) -> dict[str, Any]:
    """``?NAMEKey`` -> the lookup key of parameter NAME's value, for each such variable in ``text``.

    >>> _key_bindings("SELECT ?x ?cityKey WHERE { ?x akg:lookupKey ?cityKey }", {"city": ox.Literal("Škofja Loka")})
    {'cityKey': <Literal value=skofja loka datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>}
    """
    return {name + KEY_SUFFIX: ox.Literal(lookup_key(value.value)) for name, value in binds.items()
            if name + KEY_SUFFIX not in binds and re.search(rf"[?$]{re.escape(name + KEY_SUFFIX)}\b", text)}


def _without(answer: Answer, hidden: tuple[str, ...]) -> Answer:
    """``answer`` without the columns named in ``hidden`` (the lookup keys kg bound itself)."""
    keep = [i for i, name in enumerate(answer.vars) if name not in hidden]
    if len(keep) == len(answer.vars):
        return answer
    rows = (tuple(row[i] for i in keep) for row in answer.rows)
    return Answer(answer.kind, [answer.vars[i] for i in keep], rows, origin=answer.origin)


def bindings(named: NamedQuery, params: dict[str, Any]) -> dict[str, Node]:
    """The RDF terms (rdflib) for a named query's parameters: its declared defaults overlaid with
    ``params``; an InputError for an unknown, missing or malformed parameter."""
    return {name: from_ox(term) for name, term in _bindings(named, params).items()}


def _guard(items: Iterator[Any], origin: str) -> Iterator[Any]:
    """``items``, with an engine error raised while reading them turned into an InputError."""
    try:
        yield from items
    except InputError:
        raise
    except Exception as err:  # the engines' evaluation errors have no common base class
        raise InputError(f"{origin}: query failed: {err}") from None


def _same(term: Any) -> Any:
    return term


def _answer_oxigraph(store: ox.Store, text: str, kind: str, binds: dict[str, Any],
                     origin: str, *, native: bool = False, recheck: bool = False) -> Answer:
    """Evaluate with pyoxigraph over the union of the graphs; rows stream as rdflib terms, or
    as pyoxigraph terms if ``native``. ``recheck``: the text passed only the quick guard, so a
    text Oxigraph cannot parse gets the full guard's verdict (an update is refused as such)."""
    try:
        answer: Any = store.query(text, prefixes=QUERY_PREFIXES, use_default_graph_as_union=True,
                                  substitutions={ox.Variable(k): v for k, v in binds.items()} or None)
    except SyntaxError as err:
        if recheck:
            safe_query(text, origin)  # raises the guard's own error for what it refuses
        raise InputError(f"{origin}: SPARQL syntax error: {err}") from None
    except RuntimeError as err:
        raise InputError(f"{origin}: {err} (parameters must be SELECTed variables)") from None
    if kind == "ASK":
        return Answer(kind, boolean=bool(answer), origin=origin)
    term: Callable[[Any], Any] = _same if native else from_ox
    if kind in ("CONSTRUCT", "DESCRIBE"):
        triples = ((term(t.subject), term(t.predicate), term(t.object)) for t in answer)
        return Answer(kind, triples=_guard(triples, origin), origin=origin)
    names = [v.value for v in answer.variables]
    width = range(len(names))
    rows = (tuple(term(solution[i]) for i in width) for solution in answer)
    return Answer(kind, names, _guard(rows, origin), origin=origin)


def _answer_rdflib(dataset: rdflib.Dataset, text: str, kind: str, binds: dict[str, Any],
                   origin: str) -> Answer:
    """Evaluate with rdflib's engine over the union of the graphs."""
    from kg.namespaces import QUERY_PREFIXES as NAMESPACES

    try:
        answer: Any = dataset.query(text, initNs=dict(NAMESPACES),
                                    initBindings={k: from_ox(v) for k, v in binds.items()} or None)
    except Exception as err:  # rdflib's evaluation errors have no common base class
        raise InputError(f"{origin}: SPARQL error: {err}") from None
    if kind == "ASK":
        return Answer(kind, boolean=bool(answer.askAnswer), origin=origin)
    if kind in ("CONSTRUCT", "DESCRIBE"):
        return Answer(kind, triples=_guard(iter(answer.graph), origin), origin=origin)
    rows = (tuple(r) for r in answer)
    return Answer(kind, [str(v) for v in answer.vars], _guard(rows, origin), origin=origin)


@dataclass(frozen=True)
class Prepared:
    """A checked query with its parameters bound and its graph loaded; :meth:`answer` runs it."""

    graph: ox.Store | rdflib.Dataset
    text: str
    kind: str
    binds: dict[str, Any]  # pyoxigraph terms
    origin: str
    hidden: tuple[str, ...] = ()  # columns left out of the answer: lookup keys bound by kg
    quick: bool = False  # checked by quick_query only (Oxigraph)

    def answer(self, native: bool = False) -> Answer:
        """Evaluate the query; rows or triples are read from the engine as they are used, as
        rdflib terms (or, with ``native`` and Oxigraph, as pyoxigraph terms)."""
        if isinstance(self.graph, ox.Store):
            answer = _answer_oxigraph(self.graph, self.text, self.kind, self.binds, self.origin,
                                      native=native, recheck=self.quick)
        else:
            answer = _answer_rdflib(self.graph, self.text, self.kind, self.binds, self.origin)
        return _without(answer, self.hidden) if self.hidden and answer.kind == "SELECT" else answer


def prepare(graph_or_path: Source, sparql: str | Path, *, engine: str = "oxigraph",
            queries_dir: Path | None = None, params: dict[str, Any] | None = None) -> Prepared:
    """Resolve, check and bind a query and load its graph, without running it (see :func:`query`)."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    named = resolve_query(sparql, queries_dir)
    quick = quick_query(named.text, named.source) if engine == "oxigraph" else None
    checked = quick or safe_query(named.text, named.source)
    if engine == "rdflib" and checked.has_dataset_clause:
        raise InputError(f"{named.source}: FROM and FROM NAMED are refused with the rdflib engine "
                         "(it would load them from the network or the disk); use GRAPH <iri> { ... } "
                         "or --engine oxigraph")
    binds = _bindings(named, params or {})
    keys = _key_bindings(checked.text, binds)  # the text the engine runs, not the file's
    graph = _open_oxigraph(graph_or_path) if engine == "oxigraph" else _open_rdflib(graph_or_path)
    return Prepared(graph, checked.text, checked.kind, {**keys, **binds}, named.source, tuple(keys),
                    quick is not None)


def _open_oxigraph(source: Source) -> ox.Store:
    """A build's store opened read-only (without rdflib), or anything else by ``open_store``."""
    if isinstance(source, (str, Path)) and (folder := store_folder(Path(source))) is not None:
        return open_read_only(folder)
    from kg.sparql.store import open_store

    return open_store(source)


def _open_rdflib(source: Source) -> rdflib.Dataset:
    """``source`` in memory for rdflib's engine, which is told not to load FROM graphs itself."""
    import rdflib.plugins.sparql

    from kg.sparql.store import open_rdflib

    # rdflib's SPARQL engine loads the IRI of a FROM clause it does not hold, from the web or a file
    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False
    return open_rdflib(source)


def _positive(name: str, value: float | None) -> None:
    """Refuse a limit that is not a positive number (``None`` means no limit)."""
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                              or not value > 0):
        raise InputError(f"{name} must be a positive number or None, not {value!r}")


def query(graph_or_path: Source, sparql: str | Path, *, engine: str = "oxigraph",
          limit: int | None = None, timeout: float | None = None, max_rows: int | None = None,
          queries_dir: Path | None = None, **params: Any) -> Result:
    """Run a read-only SPARQL query over the knowledge graph.

    Parameters
    ----------
    graph_or_path : rdflib.Graph, rdflib.Dataset, pyoxigraph.Store, str or Path
        The graph: a build folder (``graph.ttl`` + ``provenance.ttl``), an RDF file, or a graph.
    sparql : str or Path
        Query text, a ``.rq`` file, or the name of a query in ``queries/`` (``"plants-of-hub"``).
        The project prefixes (``akg:``, ``kgid:``, ``schema:``, ...) and one per entity class
        (``plant:douai``, ``company:ampere``) need no PREFIX lines.
    engine : {"oxigraph", "rdflib"}
        Query engine; both give the same answers, Oxigraph is much faster on large graphs.
    limit : int, optional
        Stop after this many rows (or triples); the result is then marked ``truncated``.
    timeout : float, optional
        Seconds the query may run. The query then runs in a forked child process, which is
        killed when the time is up (an InputError). ``None``, the default, runs it in this
        process without a limit.
    max_rows : int, optional
        More rows (or triples) than this is an InputError. ``None``, the default, means no cap.
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
        a bad parameter name or IRI, brackets nested too deeply, the timeout, a result over
        ``max_rows``.

    Examples
    --------
    >>> rows = kg.query("build", "plants-of-hub", hub="ElectriCity")
    >>> sorted(str(r[3]) for r in rows)
    ['Douai', 'Maubeuge', 'Ruitz']
    """
    _positive("timeout", timeout)
    _positive("max_rows", max_rows)
    prepared = prepare(graph_or_path, sparql, engine=engine, queries_dir=queries_dir, params=params)
    if timeout is None:
        return collect(prepared.answer(), limit=limit, max_rows=max_rows)
    from kg.sparql.limits import result_in_child

    return result_in_child(prepared, timeout, limit=limit, max_rows=max_rows)


def iter_named_queries(queries_dir: Path | None = None) -> Iterator[NamedQuery]:
    """Every query in ``queries_dir`` with its header, in name order."""
    folder = Path(queries_dir) if queries_dir else default_queries_dir()
    for name in available_queries(folder):
        yield read_query_file(folder / f"{name}.rq")
