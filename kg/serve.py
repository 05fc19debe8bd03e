"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the graph, on the standard library
HTTP server. ``GET /sparql?query=...`` and ``POST`` (form-encoded or ``application/sparql-query``)
are answered with content negotiation (SPARQL JSON/XML/CSV/TSV results; Turtle, N-Triples or
JSON-LD for graphs). Every query passes :func:`kg.sparql_safety.check_query` first (no update,
SERVICE or LOAD), then runs in a forked child process over the in-memory Oxigraph store, so a
query that exceeds the timeout is killed, not just abandoned; results above ``max_rows`` are
refused. Binds to 127.0.0.1 unless told otherwise.
"""
from __future__ import annotations

import os
import select
import signal
import sys
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.results import MEDIA_TYPES
from kg.sandbox import deny_network, probe_sandbox
from kg.sparql_safety import check_query
from kg.store import Source, open_store

PATHS = ("/sparql", "/query", "/")
_RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                 "application/sparql-results+xml": "xml", "application/xml": "xml",
                 "text/csv": "csv", "text/tab-separated-values": "tsv"}
_GRAPH_TYPES = {"text/turtle": "turtle", "application/x-turtle": "turtle",
                "application/n-triples": "nt", "text/plain": "nt", "application/ld+json": "jsonld"}
MAX_BODY = 1 << 20


def negotiate(accept: str, kind: str) -> str | None:
    """Pick a result format from an Accept header (q-values honoured); ``None`` if none fits.

    Examples
    --------
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "SELECT")
    'xml'
    """
    table = _GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else _RESULT_TYPES
    default = "turtle" if table is _GRAPH_TYPES else "json"
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media in table:
            choices.append((-q, index, table[media]))
        elif media in ("*/*", "application/*", "text/*"):
            choices.append((-q, index + 1000, default))
    return min(choices)[2] if choices else None


def _run_child(store: ox.Store, text: str, kind: str, fmt: str, max_rows: int, fd: int) -> None:
    """In the forked child: leave the network, run the query, write b'O'+body or b'E'+message to
    ``fd``, exit."""
    from kg.sparql import query

    deny_network()  # whether it works was said at start-up (probe_sandbox)
    try:
        result = query(store, text, limit=max_rows)
        if result.truncated:
            payload = b"E" + f"result has more than {max_rows} rows; add a LIMIT".encode()
        else:
            payload = b"O" + result.serialize(fmt).encode("utf-8")
    except KgError as err:
        payload = b"E" + str(err).encode("utf-8")
    except Exception as err:  # report anything else as a query error, never crash the server
        payload = b"E" + f"query failed: {err}".encode()
    view = memoryview(payload)
    while view:
        view = view[os.write(fd, view):]
    os._exit(0)


def execute(store: ox.Store, text: str, kind: str, fmt: str, timeout: float,
            max_rows: int) -> tuple[int, bytes]:
    """Run one checked query in a forked child with a hard timeout; return (HTTP status, body)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _run_child(store, text, kind, fmt, max_rows, write_fd)
    os.close(write_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([read_fd], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                return HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out after {timeout:g} s".encode()
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
        os.waitpid(pid, 0)
    data = b"".join(chunks)
    if data[:1] == b"O":
        return HTTPStatus.OK, data[1:]
    return HTTPStatus.BAD_REQUEST, data[1:] or b"query failed"


def make_handler(store: ox.Store, timeout: float, max_rows: int) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to ``store`` and the limits."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "ampere-kg-sparql/1.0"

        def log_message(self, format: str, *args: object) -> None:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

        def _send(self, status: int, body: bytes, media: str = "text/plain; charset=utf-8") -> None:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _answer(self, fields: dict[str, list[str]], body_query: str | None) -> None:
            if "update" in fields:
                return self._send(HTTPStatus.FORBIDDEN, b"SPARQL UPDATE is refused: read-only endpoint")
            if "default-graph-uri" in fields or "named-graph-uri" in fields:
                return self._send(HTTPStatus.BAD_REQUEST,
                                  b"default-graph-uri/named-graph-uri are not supported here")
            texts = ([body_query] if body_query is not None else []) + fields.get("query", [])
            if len(texts) != 1:
                return self._send(HTTPStatus.BAD_REQUEST, b"give exactly one query")
            try:
                kind = check_query(texts[0])
            except KgError as err:
                status = HTTPStatus.FORBIDDEN if "refused" in str(err) else HTTPStatus.BAD_REQUEST
                return self._send(status, str(err).encode("utf-8"))
            fmt = negotiate(self.headers.get("Accept", ""), kind)
            if fmt is None:
                return self._send(HTTPStatus.NOT_ACCEPTABLE, b"no acceptable result format")
            status, body = execute(store, texts[0], kind, fmt, timeout, max_rows)
            media = MEDIA_TYPES[fmt] if status == HTTPStatus.OK else "text/plain; charset=utf-8"
            self._send(status, body, media)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path not in PATHS:
                return self._send(HTTPStatus.NOT_FOUND, b"the SPARQL endpoint is /sparql")
            fields = parse_qs(url.query, keep_blank_values=True)
            if "query" not in fields and "update" not in fields:
                return self._send(HTTPStatus.OK, b"ampere-kg read-only SPARQL endpoint: "
                                  b"GET or POST /sparql?query=...\n")
            self._answer(fields, None)

        do_HEAD = do_GET

        def do_POST(self) -> None:
            url = urlsplit(self.path)
            if url.path not in PATHS:
                return self._send(HTTPStatus.NOT_FOUND, b"the SPARQL endpoint is /sparql")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"request body too large")
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            fields = parse_qs(url.query, keep_blank_values=True)
            if media == "application/x-www-form-urlencoded":
                for key, values in parse_qs(body, keep_blank_values=True).items():
                    fields.setdefault(key, []).extend(values)
                return self._answer(fields, None)
            if media == "application/sparql-update":
                return self._send(HTTPStatus.FORBIDDEN, b"SPARQL UPDATE is refused: read-only endpoint")
            if media == "application/sparql-query":
                return self._answer(fields, body)
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, b"POST application/sparql-query or a form")

        def do_PUT(self) -> None:
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"read-only endpoint")

        do_DELETE = do_PATCH = do_PUT

    return Handler


def make_server(source: Source, host: str = "127.0.0.1", port: int = 7878, *,
                timeout: float = 10.0, max_rows: int = 10000) -> ThreadingHTTPServer:
    """Load the graph and return a ready (not yet serving) HTTP server.

    Examples
    --------
    >>> server = make_server("build", port=0)        # doctest: +SKIP
    >>> server.server_address                        # doctest: +SKIP
    ('127.0.0.1', 40123)
    """
    store = open_store(source)
    server = ThreadingHTTPServer((host, port), make_handler(store, timeout, max_rows))
    server.daemon_threads = True
    return server


def serve(source: Source, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 10.0,
          max_rows: int = 10000, ready: Callable[[str], None] | None = None) -> None:
    """Serve ``source`` read-only at ``http://host:port/sparql`` until interrupted.

    Parameters
    ----------
    source : build folder, RDF file or graph
        What to serve (loaded once into memory).
    host, port : str, int
        Where to listen; the default is loopback only. ``port=0`` picks a free port.
    timeout : float
        Seconds a query may run; then its process is killed and 503 is returned.
    max_rows : int
        Largest result (rows or triples); larger ones get 400 and a hint to add LIMIT.
    ready : callable, optional
        Called with the endpoint URL once the server listens (default: print it).

    Examples
    --------
    >>> serve("build", port=7878)                    # doctest: +SKIP
    """
    server = make_server(source, host, port, timeout=timeout, max_rows=max_rows)
    url = f"http://{server.server_address[0]}:{server.server_address[1]}/sparql"
    no_sandbox = probe_sandbox()
    sandbox = ("queries run without network access" if no_sandbox is None else
               f"WARNING: {no_sandbox}: queries are checked but not sandboxed")
    (ready or (lambda u: print(f"serving {Path(str(source))} read-only at {u} ({sandbox})",
                               flush=True)))(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
