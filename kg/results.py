"""The answer of a SPARQL query (:class:`Result`) and its text formats: an aligned table, the
standard SPARQL results formats (CSV, TSV, JSON, XML) for SELECT/ASK, and Turtle, JSON-LD or
N-Triples for CONSTRUCT/DESCRIBE. Output is deterministic: rows keep the query's order and
N-Triples lines are sorted.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import rdflib
from rdflib.query import Result as RdflibResult
from rdflib.term import Literal, Node, URIRef, Variable

from kg.errors import InputError
from kg.namespaces import PREFIXES

TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "jsonld", "nt")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
               "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "turtle": "text/turtle; charset=utf-8", "jsonld": "application/ld+json",
               "nt": "application/n-triples", "table": "text/plain; charset=utf-8"}


@dataclass
class Result:
    """Rows of a SELECT (tuples of rdflib terms, ``None`` if unbound), an ASK boolean, or a graph.

    Examples
    --------
    >>> r = Result("SELECT", ["x"], [(Literal(1),)])
    >>> r.serialize("csv")
    'x\\r\\n1\\r\\n'
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    graph: rdflib.Graph | None = None
    truncated: bool = False

    def __iter__(self) -> Iterator[Any]:
        """Rows for SELECT, triples for CONSTRUCT/DESCRIBE, the boolean for ASK."""
        if self.graph is not None:
            return iter(sorted(self.graph))
        if self.boolean is not None:
            return iter([self.boolean])
        return iter(self.rows)

    def __len__(self) -> int:
        """Number of rows (or triples; 1 for ASK)."""
        if self.graph is not None:
            return len(self.graph)
        return 1 if self.boolean is not None else len(self.rows)

    def dicts(self) -> list[dict[str, Node]]:
        """Rows as ``{variable: term}`` dicts, unbound variables left out."""
        return [{v: t for v, t in zip(self.vars, row) if t is not None} for row in self.rows]

    def to_dataframe(self) -> Any:
        """Rows as a pandas DataFrame (literals as Python values, IRIs as strings).

        Requires pandas; raises :class:`kg.errors.InputError` if it is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise InputError("to_dataframe() needs pandas: pip install pandas") from None
        if self.graph is not None:
            return pd.DataFrame([[_python(t) for t in tr] for tr in self],
                                columns=["subject", "predicate", "object"])
        if self.boolean is not None:
            return pd.DataFrame({"boolean": [self.boolean]})
        return pd.DataFrame([[_python(t) for t in row] for row in self.rows], columns=self.vars)

    def serialize(self, fmt: str | None = None) -> str:
        """The result as text in ``fmt`` (default: ``table`` for SELECT/ASK, ``turtle`` for graphs)."""
        is_graph = self.graph is not None
        fmt = fmt or ("turtle" if is_graph else "table")
        allowed = GRAPH_FORMATS if is_graph else TABLE_FORMATS
        if fmt not in allowed:
            raise InputError(f"format {fmt!r} does not fit a {self.kind} result; "
                             f"use one of: {', '.join(allowed)}")
        if is_graph:
            return _graph_text(self.graph, fmt)
        if fmt == "table":
            return _table(self)
        if fmt == "tsv":
            return _tsv(self)
        if self.boolean is not None and fmt == "csv":
            return "true\r\n" if self.boolean else "false\r\n"
        return _rdflib_result(self).serialize(format=fmt, encoding="utf-8").decode("utf-8")


def _python(term: Node | None) -> Any:
    """A term as a plain Python value for a DataFrame."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


def short(term: Node | None) -> str:
    """Compact text of a term for the table: ``kgid:plant/douai``, ``Cléon@sl``, ``11000``."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if term.startswith(str(ns)) and len(term) > len(ns):
                return f"{prefix}:{term[len(ns):]}"
        return f"<{term}>"
    if isinstance(term, Literal) and term.language:
        return f"{term}@{term.language}"
    return str(term)


def _table(result: Result) -> str:
    """An aligned plain-text table with a header line and a row count."""
    if result.boolean is not None:
        return ("yes" if result.boolean else "no") + "\n"
    cells = [[short(t).replace("\n", " ") for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(c[i]) for c in cells]) for i, v in enumerate(result.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.vars, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    more = " (truncated)" if result.truncated else ""
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''}{more})")
    return "\n".join(lines) + "\n"


def _tsv(result: Result) -> str:
    """SPARQL 1.1 TSV: ``?var`` header, terms in Turtle syntax, empty for unbound."""
    if result.boolean is not None:
        return "true\n" if result.boolean else "false\n"
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join("" if t is None else t.n3() for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _rdflib_result(result: Result) -> RdflibResult:
    """Wrap rows in an rdflib Result so its standard serializers can write CSV/JSON/XML."""
    out = RdflibResult("ASK" if result.boolean is not None else "SELECT")
    if result.boolean is not None:
        out.askAnswer = result.boolean
        return out
    out.vars = [Variable(v) for v in result.vars]
    out.bindings = [{Variable(v): t for v, t in zip(result.vars, row) if t is not None}
                    for row in result.rows]
    return out


def _graph_text(graph: rdflib.Graph, fmt: str) -> str:
    """Turtle/JSON-LD with the project prefixes, or sorted N-Triples."""
    out = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, str(ns), replace=True)
    for triple in sorted(graph):
        out.add(triple)
    if fmt == "nt":
        lines = out.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        return "".join(line + "\n" for line in sorted(filter(None, lines)))
    return out.serialize(format="json-ld" if fmt == "jsonld" else "turtle")
