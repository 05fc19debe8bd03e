"""CLI commands of the SPARQL area: ``kg query`` (== ``kg.query()``), ``kg serve`` (a read-only
SPARQL 1.1 Protocol endpoint on loopback) and ``kg push`` (upload to a triple store over the
Graph Store Protocol). Each is a thin face over one library function.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kg.errors import InputError
from kg.sparql.results import GRAPH_FORMATS, TABLE_FORMATS

from .options import build_option, quiet, say, verbosity_options

DEFAULT_TIMEOUT = 300.0
DEFAULT_MAX_ROWS = 1_000_000


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``NAME=VALUE`` strings -> dict; a pair without ``=`` is a user error."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--param {pair!r}: write it as NAME=VALUE")
        out[name.strip()] = value
    return out


def _read_stdin() -> str:
    """The query text piped in for ``kg query -``."""
    data = click.get_binary_stream("stdin").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"standard input: the query is not UTF-8 ({err.reason} at byte {err.start})") from None
    if not text.strip():
        raise InputError("standard input: no query (pipe one in, e.g. kg query - < question.rq)")
    return text


@click.command("query")
@click.argument("sparql")
@verbosity_options
@build_option("--graph")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a query parameter (repeatable). <iri> or akg:Term gives an IRI.")
@click.option("--format", "-f", "fmt", type=click.Choice(TABLE_FORMATS + GRAPH_FORMATS),
              default=None, help="Output format [default: table for SELECT/ASK, turtle for graphs].")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph",
              show_default=True, help="Query engine.")
@click.option("--queries", "queries_dir", type=click.Path(path_type=Path), default=None,
              help="Folder of named queries [default: ./queries].")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=float,
              help="Seconds the query may run before it is stopped (0 = no limit).")
@click.option("--max-rows", default=DEFAULT_MAX_ROWS, show_default=True, type=int,
              help="More rows (or triples) than this is an error (0 = no cap).")
def query_command(sparql: str, build: Path, params: tuple[str, ...], fmt: str | None,
                  engine: str, queries_dir: Path | None, timeout: float, max_rows: int) -> None:
    """Run SPARQL (inline text, a .rq file, a named query, or - to read it from standard input)
    over the graph (== ``kg.query()``).

    The answer streams into a temporary file and is printed once the query has succeeded, so
    an error, the timeout or the row cap never leaves half an answer on stdout.
    """
    from kg.sparql.limits import export
    from kg.sparql.query import prepare

    if timeout < 0 or max_rows < 0:
        raise InputError("--timeout and --max-rows take 0 (no limit) or a positive number")
    if sparql == "-":
        sparql = _read_stdin()
    prepared = prepare(build, sparql, engine=engine, queries_dir=queries_dir,
                       params=_params(params))
    out = click.get_binary_stream("stdout")
    try:
        export(prepared, fmt, out, timeout=timeout or None, max_rows=max_rows or None)
    except BrokenPipeError:  # the reader went away (``kg query ... | head``): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@click.command("serve")
@verbosity_options
@build_option("--graph")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback exposes the graph to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 = any free).")
@click.option("--timeout", default=10.0, show_default=True,
              type=click.FloatRange(0, min_open=True),
              help="Seconds a query may run before it is stopped.")
@click.option("--max-rows", default=10000, show_default=True, type=click.IntRange(min=1),
              help="Largest result (rows or triples) returned.")
@click.option("--max-memory", default=1024, show_default=True, type=click.IntRange(min=1),
              metavar="MB", help="Memory a query may allocate; a query needing more is stopped (503).")
@click.option("--max-queries", default=4, show_default=True, type=click.IntRange(min=1),
              help="Queries run at once (one process each); when all are busy, 503.")
@click.option("--request-timeout", default=10.0, show_default=True,
              type=click.FloatRange(0, min_open=True),
              help="Seconds a client may take to send a request (header and body) or stay idle.")
@click.option("--cors-origin", "cors_origin", multiple=True, metavar="ORIGIN",
              help="Let web pages from ORIGIN (e.g. https://yasgui.org) read answers; repeatable, "
                   "* for any origin. Default: none.")
@click.option("--queries", "queries_dir", type=click.Path(path_type=Path), default=None,
              help="Folder of the named queries served at /queries/NAME [default: ./queries].")
def serve_command(build: Path, host: str, port: int, timeout: float, max_rows: int,
                  max_memory: int, max_queries: int, request_timeout: float,
                  cors_origin: tuple[str, ...], queries_dir: Path | None) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/sparql, with a
    query page at / and the named queries at /queries/NAME?PARAM=VALUE (== ``kg.sparql.serve.serve()``).
    """
    from kg.sparql.serve import serve

    serve(build, host=host, port=port, timeout=timeout, max_rows=max_rows, max_memory=max_memory,
          max_queries=max_queries, request_timeout=request_timeout, cors_origin=cors_origin,
          queries_dir=queries_dir, access_log=not quiet())


@click.command("push")
@verbosity_options
@build_option("--from", help="Build folder (written by kg build).")
@click.option("--endpoint", required=True,
              help="Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/ds/data (Fuseki).")
@click.option("--graph", "graph_iri", default=None,
              help="IRI of the named graph for the facts [default: the project's facts graph].")
@click.option("--provenance-graph", "prov_iri", default=None,
              help="IRI of the named graph for provenance [default: the project's provenance graph].")
@click.option("--user", default=None, help="User name for HTTP basic authentication.")
@click.option("--password", default=None, envvar="KG_PUSH_PASSWORD",
              help="Password for basic authentication (or env KG_PUSH_PASSWORD).")
@click.option("--token", default=None, envvar="KG_PUSH_TOKEN",
              help="Bearer token (or env KG_PUSH_TOKEN).")
@click.option("--timeout", default=60.0, show_default=True, type=float, help="HTTP timeout in seconds.")
def push_command(build: Path, endpoint: str, graph_iri: str | None, prov_iri: str | None,
                 user: str | None, password: str | None, token: str | None, timeout: float) -> None:
    """Upload the built graph to a triple store, replacing its named graphs (== ``kg.sparql.push.push()``)."""
    from kg.sparql.push import push

    counts = push(build, endpoint, graph=graph_iri, provenance_graph=prov_iri, user=user,
                  password=password, token=token, timeout=timeout)
    for iri, n in counts.items():
        say(f"pushed {n} triples to <{iri}>")


COMMANDS: list[click.Command] = [query_command, serve_command, push_command]
