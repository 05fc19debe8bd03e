"""The answer of a SPARQL query and its text formats: an aligned table, the standard SPARQL
results formats (CSV, TSV, JSON, XML) for SELECT/ASK, and Turtle, JSON-LD or N-Triples for
CONSTRUCT/DESCRIBE. :class:`Answer` is the engine's answer still streaming; :func:`write` turns
it into bytes row by row, so a large SELECT never becomes one big string, and :func:`collect`
reads it into a :class:`Result`. ``max_rows`` caps either. Output is deterministic: rows keep the
query's order and N-Triples lines are sorted (graph results are built in memory to sort them).
The writers of SELECT and ASK answers take rdflib or pyoxigraph terms alike (:func:`term_parts`),
so that ``kg query`` can write Oxigraph's rows without importing rdflib.
"""
from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, TypeVar

import pyoxigraph as ox

from kg.errors import InputError
from kg.prefixes import PREFIXES, sparql_name

if TYPE_CHECKING:  # rdflib is imported for graph results, the XML format and DataFrames
    import rdflib
    from rdflib.term import Node

TABLE_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "jsonld", "nt")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
               "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
               "turtle": "text/turtle; charset=utf-8", "jsonld": "application/ld+json",
               "nt": "application/n-triples", "table": "text/plain; charset=utf-8"}
GRAPH_KINDS = ("CONSTRUCT", "DESCRIBE")
_T = TypeVar("_T")
_XSD_STRING = PREFIXES["xsd"] + "string"
_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal)
_LANG_STRING = PREFIXES["rdf"] + "langString"


def term_parts(term: Any) -> tuple[str, str, str | None, str | None]:
    """``(kind, value, datatype, language)`` of an rdflib or pyoxigraph term; kind is ``uri``,
    ``bnode`` or ``literal``; a plain or language-tagged literal has no datatype.

    >>> term_parts(ox.Literal("Cléon", language="sl"))
    ('literal', 'Cléon', None, 'sl')
    >>> term_parts(ox.Literal("3", datatype=ox.NamedNode(PREFIXES["xsd"] + "integer")))[2]
    'http://www.w3.org/2001/XMLSchema#integer'
    """
    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None, None
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None, None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        return ("literal", term.value, None if datatype in (_XSD_STRING, _LANG_STRING) else datatype,
                term.language)
    from rdflib.term import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return "uri", str(term), None, None
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    if isinstance(term, Literal):
        return ("literal", str(term), None if term.datatype is None else str(term.datatype),
                term.language)
    raise InputError(f"cannot write {term!r} as a SPARQL result term")


@dataclass
class Answer:
    """A query's answer as the engine gives it: ``rows`` (SELECT) or ``triples`` (CONSTRUCT,
    DESCRIBE) are iterators read once, ``boolean`` is the ASK answer. ``origin`` names the query
    in error messages."""

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: Iterable[tuple] = ()
    boolean: bool | None = None
    triples: Iterable[tuple] = ()
    origin: str = "query"
    truncated: bool = False


@dataclass
class Result:
    """Rows of a SELECT (tuples of rdflib terms, ``None`` if unbound), an ASK boolean, or a graph.

    Examples
    --------
    >>> r = Result("SELECT", ["x"], [(ox.Literal("1"),)])
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
        return [{v: t for v, t in zip(self.vars, row, strict=True) if t is not None} for row in self.rows]

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
        if self.graph is not None:
            return _graph_text(self.graph, check_format(self.kind, fmt))
        buffer = io.BytesIO()
        write(Answer(self.kind, self.vars, self.rows, self.boolean, truncated=self.truncated),
              fmt, buffer)
        return buffer.getvalue().decode("utf-8")


def check_format(kind: str, fmt: str | None) -> str:
    """``fmt``, or the default for ``kind`` (``table``, or ``turtle`` for graphs), if it fits.

    Examples
    --------
    >>> check_format("CONSTRUCT", None)
    'turtle'
    """
    allowed = GRAPH_FORMATS if kind in GRAPH_KINDS else TABLE_FORMATS
    fmt = fmt or allowed[0]
    if fmt not in allowed:
        raise InputError(f"format {fmt!r} does not fit a {kind} result; "
                         f"use one of: {', '.join(allowed)}")
    return fmt


def capped(items: Iterable[_T], max_rows: int | None, origin: str) -> Iterator[_T]:
    """``items``, raising InputError when there are more than ``max_rows`` (``None``: no cap)."""
    if max_rows is None:
        yield from items
        return
    for count, item in enumerate(items):
        if count >= max_rows:
            raise InputError(f"{origin}: the result has more than {max_rows:,} rows (the "
                             "--max-rows / max_rows cap); add LIMIT to the query or raise the cap")
        yield item


def collect(answer: Answer, *, limit: int | None = None, max_rows: int | None = None) -> Result:
    """Read an answer into a :class:`Result`: at most ``limit`` rows (then marked truncated);
    more than ``max_rows`` is an error."""
    if answer.boolean is not None:
        return Result(answer.kind, boolean=answer.boolean)
    if limit is not None and max_rows is not None and limit <= max_rows:
        max_rows = None  # the limit cuts the result first
    is_graph = answer.kind in GRAPH_KINDS
    items = capped(answer.triples if is_graph else answer.rows, max_rows, answer.origin)
    if is_graph:
        import rdflib
    graph = rdflib.Graph() if is_graph else None
    kept: list[tuple] = []
    for count, item in enumerate(items):
        if limit is not None and count >= limit:
            return Result(answer.kind, answer.vars, kept, graph=graph, truncated=True)
        if graph is not None:
            graph.add(item)
        else:
            kept.append(item)
    return Result(answer.kind, answer.vars, kept, graph=graph)


def write(answer: Answer, fmt: str | None, out: IO[bytes], *, max_rows: int | None = None) -> None:
    """Write ``answer`` to the binary stream ``out`` in ``fmt``, row by row for SELECT.

    Raises InputError if ``fmt`` does not fit the answer or it has more than ``max_rows`` rows
    (``out`` then holds part of the output: write to a temporary file when that matters).

    Examples
    --------
    >>> buffer = io.BytesIO()
    >>> write(Answer("SELECT", ["x", "y"], iter([(ox.Literal("1"), None)])), "csv", buffer)
    >>> buffer.getvalue()
    b'x,y\\r\\n1,\\r\\n'
    """
    fmt = check_format(answer.kind, fmt)
    if answer.kind in GRAPH_KINDS:
        graph = collect(answer, max_rows=max_rows).graph
        assert graph is not None
        out.write(_graph_text(graph, fmt).encode("utf-8"))
        return
    if answer.boolean is not None:
        _write_boolean(answer.boolean, fmt, out)
        return
    rows = capped(answer.rows, max_rows, answer.origin)
    {"table": _write_table, "csv": _write_csv, "tsv": _write_tsv, "json": _write_json,
     "xml": _write_xml}[fmt](answer, rows, out)


def _python(term: Node | None) -> Any:
    """A term as a plain Python value for a DataFrame."""
    from rdflib.term import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


def short(term: Node | None) -> str:
    """Compact text of a term for the table: ``plant:douai``, ``Cléon@sl``, ``11000``. An IRI
    is written so that it can be pasted back into a query (:func:`kg.namespaces.sparql_name`)."""
    if term is None:
        return ""
    kind, value, _, language = term_parts(term)
    if kind == "uri":
        return sparql_name(value)
    return f"{value}@{language}" if language else value


def _write_boolean(value: bool, fmt: str, out: IO[bytes]) -> None:
    """An ASK answer in ``fmt``."""
    word = "true" if value else "false"
    if fmt == "xml":
        from rdflib.plugins.sparql.results.xmlresults import SPARQLXMLWriter

        writer = SPARQLXMLWriter(out, "utf-8")
        writer.write_header([])
        writer.write_ask(value)
        writer.close()
        out.write(b"\n")  # every text format ends its last line
        return
    text = {"table": ("yes" if value else "no") + "\n", "tsv": word + "\n", "csv": word + "\r\n",
            "json": f'{{"head":{{}},"boolean":{word}}}\n'}[fmt]
    out.write(text.encode("utf-8"))


def _write_table(answer: Answer, rows: Iterable[tuple], out: IO[bytes]) -> None:
    """An aligned plain-text table with a header line and a row count. The cells go to a
    temporary file first (in memory while small), since the column widths need every row."""
    widths = [len(v) for v in answer.vars]
    count = 0
    with tempfile.SpooledTemporaryFile(1 << 23, mode="w+", encoding="utf-8", newline="\n") as spool:
        for row in rows:
            cells = [short(t).replace("\n", " ") for t in row]
            widths = [max(w, len(c)) for w, c in zip(widths, cells, strict=True)]
            spool.write(json.dumps(cells, ensure_ascii=False) + "\n")
            count += 1
        spool.seek(0)
        more = " (truncated)" if answer.truncated else ""
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n")
        try:
            text.write("  ".join(v.ljust(w) for v, w in zip(answer.vars, widths, strict=True)).rstrip() + "\n")
            text.write("  ".join("-" * w for w in widths) + "\n")
            for line in spool:
                cells = json.loads(line)
                text.write("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n")
            text.write(f"({count} row{'s' if count != 1 else ''}{more})\n")
        finally:
            text.flush()
            text.detach()  # leave ``out`` open


def _write_csv(answer: Answer, rows: Iterable[tuple], out: IO[bytes]) -> None:
    """SPARQL 1.1 CSV: plain values, ``_:id`` for blank nodes, empty for unbound."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        writer = csv.writer(text)
        writer.writerow(answer.vars)
        for row in rows:
            writer.writerow([_csv_cell(t) for t in row])
    finally:
        text.flush()
        text.detach()  # leave ``out`` open


def _csv_cell(term: Any) -> str:
    """A term in SPARQL 1.1 CSV: its value, ``_:id`` for a blank node, empty if unbound."""
    if term is None:
        return ""
    kind, value, _, _ = term_parts(term)
    return f"_:{value}" if kind == "bnode" else value


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term: Node | None) -> str:
    """A term in Turtle syntax on one line: a literal's tabs and line breaks are escaped
    (rdflib's ``n3()`` would write a multi-line string, which breaks the TSV row)."""
    if term is None:
        return ""
    kind, value, datatype, language = term_parts(term)
    if kind == "literal":
        text = '"' + value.translate(_TSV_ESCAPES) + '"'
        if language:
            return f"{text}@{language}"
        return f"{text}^^<{datatype}>" if datatype else text
    return f"_:{value}" if kind == "bnode" else f"<{value}>"


def _write_tsv(answer: Answer, rows: Iterable[tuple], out: IO[bytes]) -> None:
    """SPARQL 1.1 TSV: ``?var`` header, terms in Turtle syntax, empty for unbound."""
    out.write(("\t".join(f"?{v}" for v in answer.vars) + "\n").encode("utf-8"))
    for row in rows:
        out.write(("\t".join(_tsv_term(t) for t in row) + "\n").encode("utf-8"))


def _json_term(term: Node) -> dict[str, str]:
    """One term in SPARQL 1.1 JSON results form."""
    kind, value, datatype, language = term_parts(term)
    found = {"type": kind, "value": value}
    if datatype is not None:
        found["datatype"] = datatype
    if language is not None:
        found["xml:lang"] = language
    return found


def _write_json(answer: Answer, rows: Iterable[tuple], out: IO[bytes]) -> None:
    """SPARQL 1.1 JSON results, ``head`` first so that a streaming reader knows the variables."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out.write(('{"head":{"vars":' + dumps(answer.vars) + '},"results":{"bindings":[').encode())
    first = True
    for row in rows:
        binding = {v: _json_term(t) for v, t in zip(answer.vars, row, strict=True) if t is not None}
        out.write((("" if first else ",") + dumps(binding)).encode("utf-8"))
        first = False
    out.write(b"]}}\n")


def _write_xml(answer: Answer, rows: Iterable[tuple], out: IO[bytes]) -> None:
    """SPARQL Query Results XML, with rdflib's writer, one result element at a time (rows of
    pyoxigraph terms are turned into rdflib terms for it)."""
    from rdflib.plugins.sparql.results.xmlresults import SPARQLXMLWriter
    from rdflib.term import Variable

    from kg.sparql.query import from_ox

    writer = SPARQLXMLWriter(out, "utf-8")
    writer.write_header([Variable(v) for v in answer.vars])
    writer.write_results_header()
    for row in rows:
        writer.write_start_result()
        for name, term in zip(answer.vars, row, strict=True):
            if term is not None:
                writer.write_binding(Variable(name), from_ox(term) if isinstance(term, _OX_TERMS) else term)
        writer.write_end_result()
    writer.close()
    out.write(b"\n")


def _graph_text(graph: rdflib.Graph, fmt: str) -> str:
    """Turtle/JSON-LD with the project prefixes, or sorted N-Triples."""
    import rdflib

    out = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, str(ns), replace=True)
    for triple in sorted(graph):
        out.add(triple)
    if fmt == "nt":
        lines = out.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        return "".join(line + "\n" for line in sorted(filter(None, lines)))
    text = out.serialize(format="json-ld" if fmt == "jsonld" else "turtle")
    return text if text.endswith("\n") else text + "\n"
