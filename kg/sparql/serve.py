"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the graph.

HTTP is spoken by waitress (a pure-Python WSGI server): its I/O thread reads every request whole,
header and body, before one of a fixed pool of worker threads sees it, so a slow client holds a
socket and never a worker; it validates ``Content-Length`` and refuses oversized headers and
bodies itself. This module is the WSGI application on top: ``GET /sparql?query=...`` and ``POST``
(form-encoded or ``application/sparql-query``), answered with content negotiation (SPARQL
JSON/XML/CSV/TSV results; Turtle, N-Triples or JSON-LD for graphs).

Every query passes :func:`kg.sparql.safety.check_query` first (no update, SERVICE or LOAD), then
runs in a forked child process. The child closes every file descriptor it inherited but its result
pipe and leaves the network (:func:`kg.sparql.sandbox.deny_network`) before it runs the query, over the
graph the server loaded into memory, or, for a build folder with a store, over that store, which
the child opens read-only itself (its parent's file descriptors are closed): each query sees the
build in place when it starts, so a new ``kg build`` is served without a restart; a query that exceeds the timeout is
killed, not just abandoned, and results above ``max_rows`` are refused. Binds to 127.0.0.1 unless
told otherwise.

Besides the protocol: ``GET /`` is a small query page (plain HTML and JavaScript from
``kg/sparql/serve_page``, no network), ``GET /queries`` lists the named queries and ``/queries/NAME``
runs one, its parameters given as query-string (or form) fields; a named query goes through the
same guard, slots and limits as any other. CORS is off unless origins are given
(``cors_origins``), so that browser tools such as YASGUI on those origins can read answers.
"""
from __future__ import annotations

import errno
import ipaddress
import json
import logging
import math
import os
import re
import resource
import select
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer

from kg.errors import InputError, KgError, did_you_mean
from kg.sparql.query import (
    NamedQuery,
    available_queries,
    default_queries_dir,
    iter_named_queries,
    prepare,
    resolve_query,
)
from kg.sparql.query import bindings as named_bindings
from kg.sparql.results import MEDIA_TYPES, collect
from kg.sparql.safety import check_query
from kg.sparql.sandbox import deny_network, probe_sandbox
from kg.sparql.store import Source, open_store, store_folder

PATHS = ("/sparql", "/query", "/")
PAGE_DIR = Path(__file__).resolve().parent / "serve_page"
PAGE_FILES = {"/": ("index.html", "text/html; charset=utf-8"),
              "/page/query.js": ("query.js", "text/javascript; charset=utf-8"),
              "/page/query.css": ("query.css", "text/css; charset=utf-8")}
# the page loads only its own script and style and talks only to this server
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
PAGE_HEADERS = [("Content-Security-Policy", PAGE_CSP), ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", "no-referrer")]
CORS_METHODS = "GET, HEAD, POST, OPTIONS"
CORS_HEADERS = "Accept, Content-Type"
CORS_MAX_AGE = "600"
NAMED_PREFIX = "/queries/"
_QUERY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                 "application/sparql-results+xml": "xml", "application/xml": "xml",
                 "text/csv": "csv", "text/tab-separated-values": "tsv"}
_GRAPH_TYPES = {"text/turtle": "turtle", "application/x-turtle": "turtle",
                "application/n-triples": "nt", "text/plain": "nt", "application/ld+json": "jsonld"}
MAX_BODY = 1 << 20      # bytes of a POST body; waitress answers 413 above it
MAX_URI = 1 << 16       # bytes of a query string; 414 above it
MAX_HEADER = 1 << 17    # bytes of the request line and header fields; waitress answers 431 above
BACKLOG = 1024          # connections the kernel queues before waitress accepts them
QUEUE_WAIT = 2.0        # seconds a query waits for a free slot before 503
QUEUE_PER_SLOT = 16     # queries that may wait, per slot; any more get 503 at once
SPARE_THREADS = 4       # worker threads beyond the queries running and waiting
TEXT = "text/plain; charset=utf-8"


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


@dataclass(frozen=True)
class Limits:
    """What a query may use.

    Attributes
    ----------
    timeout : float
        Seconds a query may run; then its process is killed and 503 is returned.
    max_rows : int
        Largest result (rows or triples); larger ones get 400 and a hint to add LIMIT.
    max_memory : int
        Megabytes of memory a query process may allocate beyond the server's own; a query that
        needs more is stopped and gets 503.
    max_queries : int
        Queries run at once, each in its own process. ``QUEUE_PER_SLOT`` times as many may
        wait up to ``QUEUE_WAIT`` seconds for a slot (then 503); any others get 503 at once.
    request_timeout : float
        Seconds a client may take to send one request, header and body; then the connection is
        closed. Also how long a connection may sit idle between requests.
    max_connections : int
        Open client connections; beyond it waitress stops accepting (the kernel queues up to
        ``BACKLOG`` more) until one closes.
    """

    timeout: float = 10.0
    max_rows: int = 10000
    max_memory: int = 1024
    max_queries: int = 4
    request_timeout: float = 10.0
    max_connections: int = 200

    def __post_init__(self) -> None:
        for name in ("timeout", "request_timeout"):
            if not 0 < getattr(self, name) < math.inf:
                raise InputError(f"{name} must be a positive number of seconds, "
                                 f"not {getattr(self, name)}")
        for name in ("max_rows", "max_memory", "max_queries", "max_connections"):
            if getattr(self, name) < 1:
                raise InputError(f"{name} must be at least 1, not {getattr(self, name)}")


def _close_inherited(keep: int) -> None:
    """Close every descriptor above stderr but ``keep``: the child must hold no client socket, no
    listening socket and no other query's pipe (which would keep that pipe from reaching EOF)."""
    top = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    top = top if top != resource.RLIM_INFINITY and top > keep else 1 << 16
    os.closerange(3, keep)
    os.closerange(keep + 1, top)


def _cap_resources(limits: Limits) -> None:
    """Cap this process: ``max_memory`` MB of address space on top of what it inherited, and CPU
    time a little above the timeout (a backstop should the server die and leave it running)."""
    with open("/proc/self/statm", "rb") as statm:
        inherited = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    cap = inherited + limits.max_memory * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    cpu = math.ceil(limits.timeout) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


StoreOpener = Callable[[], ox.Store]  # gives the store a query child runs on


def _run_child(open_graph: StoreOpener, text: str, fmt: str, limits: Limits, fd: int,
               binds: dict[str, Any]) -> None:
    """In the forked child: drop what it inherited, leave the network, cap memory and CPU, run
    the query, write b'O'+body, b'E'+message or b'M' (out of memory) to ``fd``, exit. Never
    returns, whatever happens."""
    code = 1
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)  # Oxigraph reports a failed allocation on stderr: the server says why
        _close_inherited(fd)
        deny_network()  # whether it works was said at start-up (probe_sandbox)
        try:
            store = open_graph()  # before the cap: what opening a store takes is not the query's
            if sys.platform.startswith("linux"):
                _cap_resources(limits)
            result = collect(prepare(store, text, params=binds).answer(), limit=limits.max_rows)
            if result.truncated:
                payload = b"E" + f"result has more than {limits.max_rows} rows; add a LIMIT".encode()
            else:
                payload = b"O" + result.serialize(fmt).encode("utf-8")
        except MemoryError:
            payload = b"M"
        except KgError as err:
            payload = b"E" + str(err).encode("utf-8")
        except Exception as err:
            payload = b"E" + f"query failed: {err}".encode()
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        code = 0
    finally:
        os._exit(code)


def execute(open_graph: StoreOpener, text: str, fmt: str, limits: Limits,
            binds: dict[str, Any] | None = None) -> tuple[HTTPStatus, bytes]:
    """Run one checked query in a forked, sandboxed, capped child; return (HTTP status, body).
    ``binds`` are the values of a named query's parameters (RDF terms).

    503 when it runs out of time or memory (the child is killed, or dies, and the server goes on),
    400 for a query error or a result over ``max_rows``.
    """
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        _run_child(open_graph, text, fmt, limits, write_fd, binds or {})
    os.close(write_fd)
    chunks: list[bytes] = []
    size, too_big = 0, limits.max_memory * 2**20
    deadline = time.monotonic() + limits.timeout
    poller = select.poll()
    poller.register(read_fd, select.POLLIN)
    wait_status = 0
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not poller.poll(left * 1000):
                os.kill(pid, signal.SIGKILL)
                return (HTTPStatus.SERVICE_UNAVAILABLE,
                        f"query timed out after {limits.timeout:g} s".encode())
            chunk = os.read(read_fd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > too_big:
                os.kill(pid, signal.SIGKILL)
                return (HTTPStatus.SERVICE_UNAVAILABLE,
                        f"result is larger than {limits.max_memory} MB; add a LIMIT".encode())
    finally:
        os.close(read_fd)
        wait_status = os.waitpid(pid, 0)[1]
    data = b"".join(chunks)
    if data[:1] == b"O":
        return HTTPStatus.OK, data[1:]
    if data[:1] == b"E":
        return HTTPStatus.BAD_REQUEST, data[1:] or b"query failed"
    died = os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else None
    if data[:1] == b"M" or died == signal.SIGABRT:  # Oxigraph aborts when an allocation fails
        return (HTTPStatus.SERVICE_UNAVAILABLE,
                f"query stopped: it needed more than {limits.max_memory} MB of memory".encode())
    if died in (signal.SIGXCPU, signal.SIGKILL):
        return (HTTPStatus.SERVICE_UNAVAILABLE,
                f"query timed out after {limits.timeout:g} s".encode())
    return (HTTPStatus.INTERNAL_SERVER_ERROR, b"the query process ended without an answer"
            + (f" (signal {died})".encode() if died else b""))


Reply = tuple[HTTPStatus, bytes, str, list[tuple[str, str]]]


def _reply(status: HTTPStatus, message: str | bytes, media: str = TEXT,
           headers: list[tuple[str, str]] | None = None) -> Reply:
    body = message.encode("utf-8") if isinstance(message, str) else message
    return status, body, media, headers or []


_UPDATE_REFUSED = "SPARQL UPDATE is refused: read-only endpoint"
_RETRY = [("Retry-After", "1")]


def loopback_hosts(address: str, port: int) -> frozenset[str] | None:
    """The Host header values a server bound to ``address`` accepts: for a loopback address the
    loopback names with the port (a web page cannot read answers by rebinding its own name to
    127.0.0.1); ``None`` (any Host) for other addresses.

    Examples
    --------
    >>> sorted(loopback_hosts("127.0.0.1", 7878))
    ['127.0.0.1:7878', '[::1]:7878', 'localhost:7878']
    >>> loopback_hosts("192.0.2.7", 7878) is None
    True
    """
    ip = ipaddress.ip_address(address.split("%")[0])
    if not ip.is_loopback:
        return None
    names = {"localhost", "127.0.0.1", "[::1]", f"[{ip}]" if ip.version == 6 else str(ip)}
    return frozenset({f"{name}:{port}" for name in names} | (names if port == 80 else set()))


class SparqlApp:
    """The WSGI application: a read-only SPARQL 1.1 Protocol endpoint over what ``open_graph`` gives.

    ``hosts``, when given, are the only Host header values answered (see :func:`loopback_hosts`).
    ``cors_origins`` are the web origins allowed to read answers (``"*"``: any); ``queries_dir``
    holds the named queries served at ``/queries/NAME``; ``access_log`` writes a line per request
    to stderr.
    """

    def __init__(self, open_graph: StoreOpener, limits: Limits, hosts: frozenset[str] | None = None, *,
                 cors_origins: frozenset[str] = frozenset(), queries_dir: Path | None = None,
                 access_log: bool = True):
        self.open_graph, self.limits, self.hosts = open_graph, limits, hosts
        self.cors_origins, self.access_log = cors_origins, access_log
        self.queries_dir = Path(queries_dir) if queries_dir else default_queries_dir()
        self.slots = threading.Semaphore(limits.max_queries)        # queries running
        self.admitted = threading.Semaphore((1 + QUEUE_PER_SLOT) * limits.max_queries)

    def __call__(self, environ: dict[str, Any],
                 start_response: Callable[..., Any]) -> Iterable[bytes]:
        start = time.monotonic()
        status, body, media, headers = self.handle(environ)
        start_response(f"{status.value} {status.phrase}",
                       [("Content-Type", media), ("Content-Length", str(len(body))),
                        ("Vary", "Accept, Origin" if self.cors_origins else "Accept"),
                        *self.cors_headers(environ), *headers])
        if self.access_log:
            sys.stderr.write(f"{environ.get('REMOTE_ADDR', '-')} {environ['REQUEST_METHOD']} "
                             f"{environ.get('PATH_INFO', '')[:200]!r} {status.value} {len(body)} "
                             f"{(time.monotonic() - start) * 1000:.0f}ms\n")
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def allowed_origin(self, environ: dict[str, Any]) -> str | None:
        """The request's Origin if it may read the answer, else ``None``."""
        origin = str(environ.get("HTTP_ORIGIN", "")).strip()
        if origin and ("*" in self.cors_origins or origin in self.cors_origins):
            return origin
        return None

    def cors_headers(self, environ: dict[str, Any]) -> list[tuple[str, str]]:
        """``Access-Control-Allow-Origin`` for an allowed origin (none otherwise)."""
        origin = self.allowed_origin(environ)
        if origin is None:
            return []
        return [("Access-Control-Allow-Origin", "*" if "*" in self.cors_origins else origin)]

    def handle(self, environ: dict[str, Any]) -> Reply:
        """Answer one request: (status, body, media type, extra headers)."""
        method = environ["REQUEST_METHOD"]
        if self.hosts is not None:
            host = environ.get("HTTP_HOST", "").strip().lower()
            if host not in self.hosts:
                return _reply(HTTPStatus.FORBIDDEN,
                              f"Host {host[:100]!r} is refused: this endpoint listens on loopback and "
                              f"answers only for {', '.join(sorted(self.hosts))} "
                              "(protection against DNS rebinding)")
        raw_query = environ.get("QUERY_STRING", "")
        if len(raw_query) > MAX_URI:
            return _reply(HTTPStatus.REQUEST_URI_TOO_LONG,
                          f"query string longer than {MAX_URI} bytes: POST the query instead")
        if method == "OPTIONS":
            return self.preflight(environ)
        path = environ.get("PATH_INFO", "")
        is_named = path.startswith(NAMED_PREFIX)
        if path not in PATHS and path not in PAGE_FILES and path != "/queries" and not is_named:
            return _reply(HTTPStatus.NOT_FOUND, "the SPARQL endpoint is /sparql; named queries are "
                                                "under /queries/")
        # WSGI hands the query string over as latin-1; its bytes are UTF-8
        fields = parse_qs(raw_query.encode("latin-1").decode("utf-8", errors="replace"),
                          keep_blank_values=True)
        if method in ("GET", "HEAD"):
            if path == "/queries":
                return self.list_queries()
            if is_named:
                return self.answer_named(environ, path[len(NAMED_PREFIX):], fields)
            if "query" not in fields and "update" not in fields:
                if path in PAGE_FILES:
                    return self.page_file(path)
                return _reply(HTTPStatus.OK, "ampere-kg read-only SPARQL endpoint: "
                                             "GET or POST /sparql?query=...\n")
            return self.answer(environ, fields, None)
        if method != "POST":
            return _reply(HTTPStatus.METHOD_NOT_ALLOWED, "read-only endpoint: use GET or POST",
                          headers=[("Allow", "GET, HEAD, POST")])
        length = int(environ.get("CONTENT_LENGTH") or 0)  # waitress checked it is a number
        body = environ["wsgi.input"].read(length).decode("utf-8", errors="replace")
        media = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if is_named:
            if media == "application/x-www-form-urlencoded":
                for key, values in parse_qs(body, keep_blank_values=True).items():
                    fields.setdefault(key, []).extend(values)
            elif body or media:
                return _reply(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                              "POST the parameters of a named query as a form")
            return self.answer_named(environ, path[len(NAMED_PREFIX):], fields)
        if not body and not media:
            return self.answer(environ, fields, None)  # an empty POST: as GET with its URL fields
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                fields.setdefault(key, []).extend(values)
            return self.answer(environ, fields, None)
        if media == "application/sparql-update":
            return _reply(HTTPStatus.FORBIDDEN, _UPDATE_REFUSED)
        if media == "application/sparql-query":
            return self.answer(environ, fields, body)
        return _reply(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "POST application/sparql-query or a form")

    def preflight(self, environ: dict[str, Any]) -> Reply:
        """A CORS preflight: 204 with the methods and headers allowed, for an allowed origin."""
        if not environ.get("HTTP_ORIGIN"):
            return _reply(HTTPStatus.METHOD_NOT_ALLOWED, "read-only endpoint: use GET or POST",
                          headers=[("Allow", "GET, HEAD, POST")])
        if self.allowed_origin(environ) is None:
            return _reply(HTTPStatus.FORBIDDEN,
                          f"origin {environ['HTTP_ORIGIN'][:100]!r} may not query this endpoint "
                          "(start kg serve with --cors-origin ORIGIN to allow it)")
        wanted = environ.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD", "").strip().upper()
        if wanted not in ("GET", "HEAD", "POST"):
            return _reply(HTTPStatus.FORBIDDEN, "read-only endpoint: only GET and POST are allowed")
        return _reply(HTTPStatus.NO_CONTENT, b"", headers=[
            ("Access-Control-Allow-Methods", CORS_METHODS),
            ("Access-Control-Allow-Headers", CORS_HEADERS),
            ("Access-Control-Max-Age", CORS_MAX_AGE)])

    def page_file(self, path: str) -> Reply:
        """The query page and its script and style (files of ``kg/sparql/serve_page``)."""
        name, media = PAGE_FILES[path]
        return _reply(HTTPStatus.OK, (PAGE_DIR / name).read_bytes(), media, headers=PAGE_HEADERS)

    def list_queries(self) -> Reply:
        """The named queries as JSON: name, questions (en, sl) and parameters with defaults."""
        listing = [{"name": q.name, "en": q.question_en, "sl": q.question_sl, "params": q.params}
                   for q in iter_named_queries(self.queries_dir)]
        return _reply(HTTPStatus.OK, json.dumps(listing, ensure_ascii=False, indent=1) + "\n",
                      "application/json")

    def answer_named(self, environ: dict[str, Any], name: str, fields: dict[str, list[str]]) -> Reply:
        """Run the named query ``name``, its parameters taken from ``fields``."""
        if not _QUERY_NAME.fullmatch(name) or name not in available_queries(self.queries_dir):
            hint = did_you_mean(name, available_queries(self.queries_dir))
            return _reply(HTTPStatus.NOT_FOUND, f"unknown query {name[:100]!r}{hint} "
                                                "(GET /queries lists them)")
        repeated = sorted(k for k, v in fields.items() if len(v) > 1)
        if repeated:
            return _reply(HTTPStatus.BAD_REQUEST, f"give each parameter once: {', '.join(repeated)}")
        try:
            named: NamedQuery = resolve_query(name, self.queries_dir)
            unknown = sorted(set(fields) - set(named.params))
            if unknown:  # even for a query without parameters: nothing is bound unasked
                hint = did_you_mean(unknown[0], named.params) if len(unknown) == 1 else ""
                takes = ", ".join(sorted(named.params)) or "none"
                raise InputError(f"unknown parameter(s) {', '.join(unknown)}{hint} "
                                 f"({name} takes: {takes})")
            binds = named_bindings(named, {k: v[0] for k, v in fields.items()})
        except KgError as err:
            return _reply(HTTPStatus.BAD_REQUEST, str(err).replace(str(self.queries_dir), "queries"))
        return self.run(environ, named.text, binds)

    def answer(self, environ: dict[str, Any], fields: dict[str, list[str]],
               body_query: str | None) -> Reply:
        """Check one query, then run it in a sandboxed child."""
        if "update" in fields:
            return _reply(HTTPStatus.FORBIDDEN, _UPDATE_REFUSED)
        if "default-graph-uri" in fields or "named-graph-uri" in fields:
            return _reply(HTTPStatus.BAD_REQUEST,
                          "default-graph-uri/named-graph-uri are not supported here")
        texts = ([body_query] if body_query is not None else []) + fields.get("query", [])
        if not texts:
            return _reply(HTTPStatus.BAD_REQUEST, "no query: give one as query=... (in the URL or "
                                                  "a form) or as an application/sparql-query body")
        if len(texts) != 1:
            return _reply(HTTPStatus.BAD_REQUEST, "give exactly one query")
        return self.run(environ, texts[0], {})

    def run(self, environ: dict[str, Any], text: str, binds: dict[str, Any]) -> Reply:
        """The one way every query runs: the guard, content negotiation, a slot, then a
        sandboxed child under the limits."""
        try:
            kind = check_query(text)
        except KgError as err:
            status = HTTPStatus.FORBIDDEN if "refused" in str(err) else HTTPStatus.BAD_REQUEST
            return _reply(status, str(err))
        fmt = negotiate(environ.get("HTTP_ACCEPT", ""), kind)
        if fmt is None:
            return _reply(HTTPStatus.NOT_ACCEPTABLE, "no acceptable result format")
        busy = (f"server busy: {self.limits.max_queries} queries are running and more are "
                "waiting; try again shortly")
        if not self.admitted.acquire(blocking=False):
            return _reply(HTTPStatus.SERVICE_UNAVAILABLE, busy, headers=_RETRY)
        try:
            if not self.slots.acquire(timeout=QUEUE_WAIT):
                return _reply(HTTPStatus.SERVICE_UNAVAILABLE, busy, headers=_RETRY)
            try:
                status, body = execute(self.open_graph, text, fmt, self.limits, binds)
            finally:
                self.slots.release()
        finally:
            self.admitted.release()
        return _reply(status, body, MEDIA_TYPES[fmt] if status == HTTPStatus.OK else TEXT)


def cors_origins(origins: Iterable[str]) -> frozenset[str]:
    """Check ``--cors-origin`` values: ``*`` or ``scheme://host[:port]``, as browsers send them.

    Examples
    --------
    >>> sorted(cors_origins(["http://localhost:3000", "https://yasgui.org"]))
    ['http://localhost:3000', 'https://yasgui.org']
    """
    checked = set()
    for origin in origins:
        parts = urlsplit(origin)
        if origin != "*" and (parts.scheme not in ("http", "https") or not parts.hostname
                              or parts.path or parts.query or parts.fragment or parts.username
                              or origin.endswith("/")):
            raise InputError(f"--cors-origin {origin!r}: give an origin such as "
                             "https://example.org or http://localhost:3000 (no path), or *")
        checked.add(origin)
    return frozenset(checked)


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port`` (IPv4 or IPv6); a one-line error if impossible."""
    where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError) as err:
        raise InputError(f"cannot listen on {where}: {getattr(err, 'strerror', None) or err}") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError as err:
        sock.close()
        hint = ("; is another server running there? pick another --port"
                if err.errno == errno.EADDRINUSE else "")
        raise InputError(f"cannot listen on {where}: {err.strerror or err}{hint}") from None
    return sock


class _Channel(HTTPChannel):
    """waitress' connection, noting when the request now being received began."""

    request_started = 0.0

    def received(self, data: bytes) -> bool:
        if self.request is None:  # no request is partly received: this data starts one
            self.request_started = time.monotonic()
        return bool(super().received(data))


class SparqlServer(TcpWSGIServer):
    """waitress' TCP server for :class:`SparqlApp` on a socket bound by :func:`_listen`.

    waitress closes a connection only after ``channel_timeout`` seconds *without any data*, so a
    client sending a byte now and then could hold one for ever; :meth:`maintenance` (run by
    waitress every ``cleanup_interval`` seconds) also closes a connection whose request has not
    arrived whole within ``request_timeout`` seconds of its first byte.
    """

    channel_class = _Channel
    url = ""  # the endpoint, set by make_server
    request_timeout = 10.0

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # type: ignore[arg-type]  # waitress passes time.time()
        cutoff = time.monotonic() - self.request_timeout
        channels: dict[int, _Channel] = self.active_channels  # type: ignore[assignment]
        for channel in list(channels.values()):
            if (channel.request is not None and not channel.requests
                    and channel.request_started < cutoff):
                channel.will_close = True


def _opener(source: Source, store: ox.Store) -> StoreOpener:
    """What a query child runs on: the build's store, opened anew in the child, if ``source`` is a
    build folder with one (a forked child cannot use its parent's RocksDB files, whose
    descriptors it closes); else ``store``, the graph loaded into memory, inherited by the fork."""
    if isinstance(source, (str, Path)) and store_folder(Path(source)) is not None:
        return lambda: open_store(source)
    return lambda: store


def make_server(source: Source, host: str = "127.0.0.1", port: int = 7878, *,
                limits: Limits | None = None, cors_origin: Iterable[str] = (),
                queries_dir: Path | None = None, access_log: bool = True) -> SparqlServer:
    """Load the graph and return a listening (not yet serving) server; ``.run()`` serves.
    ``cors_origin``, ``queries_dir`` and ``access_log`` are as in :func:`serve`.

    Examples
    --------
    >>> server = make_server("build", port=0)
    >>> server.url
    'http://127.0.0.1:.../sparql'
    >>> server.close()
    """
    limits = limits or Limits()
    origins = cors_origins(cors_origin)
    sock = _listen(host, port)  # first: a port in use is said before the graph is loaded
    try:
        store = open_store(source)
    except BaseException:
        sock.close()
        raise
    adjustments = Adjustments(
        sockets=[sock], backlog=BACKLOG, threads=(1 + QUEUE_PER_SLOT) * limits.max_queries + SPARE_THREADS,
        connection_limit=limits.max_connections,
        channel_timeout=math.ceil(limits.request_timeout), cleanup_interval=1, max_request_body_size=MAX_BODY,
        max_request_header_size=MAX_HEADER, asyncore_use_poll=True, ident="ampere-kg-sparql",
        expose_tracebacks=False)
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # a queue is normal under load
    address = sock.getsockname()
    app = SparqlApp(_opener(source, store), limits, loopback_hosts(address[0], address[1]), cors_origins=origins,
                    queries_dir=queries_dir, access_log=access_log)
    server = SparqlServer(app, map={}, _sock=sock, adj=adjustments,
                          bind_socket=False, sockinfo=(sock.family, sock.type, sock.proto, address))
    server.request_timeout = limits.request_timeout
    bound = f"[{address[0]}]" if sock.family == socket.AF_INET6 else address[0]
    server.url = f"http://{bound}:{address[1]}/sparql"
    return server


def serve(source: Source, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 10.0,
          max_rows: int = 10000, max_memory: int = 1024, max_queries: int = 4,
          request_timeout: float = 10.0, cors_origin: Iterable[str] = (),
          queries_dir: Path | None = None, access_log: bool = True,
          ready: Callable[[str], None] | None = None) -> None:
    """Serve ``source`` read-only at ``http://host:port/sparql`` until interrupted, with a
    query page at ``/`` and the named queries at ``/queries/NAME``.

    Parameters
    ----------
    source : build folder, RDF file or graph
        What to serve: a build folder's store (each query opens the build in place, read-only),
        or a folder without one, a file or a graph, loaded once into memory.
    host, port : str, int
        Where to listen; the default is loopback only. ``port=0`` picks a free port.
    timeout : float
        Seconds a query may run; then its process is killed and 503 is returned.
    max_rows : int
        Largest result (rows or triples); larger ones get 400 and a hint to add LIMIT.
    max_memory : int
        Megabytes of memory a query process may allocate beyond the server's own; a query that
        needs more is stopped and gets 503.
    max_queries : int
        Queries run at once, each in its own process. ``QUEUE_PER_SLOT`` times as many may
        wait up to ``QUEUE_WAIT`` seconds for a slot (then 503); any others get 503 at once.
    request_timeout : float
        Seconds a client may take to send a request (header and body), or stay idle.
    cors_origin : iterable of str
        Web origins (``https://yasgui.org``, or ``*`` for any) whose pages may read the answers
        (CORS); none by default, so a web page elsewhere cannot read the graph.
    queries_dir : Path, optional
        Folder of the named queries (default: as ``kg query``).
    access_log : bool
        Write one line per request to stderr.
    ready : callable, optional
        Called with the endpoint URL once the server listens (default: print it).

    Raises
    ------
    kg.errors.InputError
        On a limit that is not positive, a malformed origin, or an address that cannot be
        listened on.

    Examples
    --------
    It runs until interrupted, so the example is not run here::

        serve("build", port=7878)
    """
    limits = Limits(timeout=timeout, max_rows=max_rows, max_memory=max_memory,
                    max_queries=max_queries, request_timeout=request_timeout)
    server = make_server(source, host, port, limits=limits, cors_origin=cors_origin,
                         queries_dir=queries_dir, access_log=access_log)
    no_sandbox = probe_sandbox()
    sandbox = ("queries run without network access" if no_sandbox is None else
               f"WARNING: {no_sandbox}: queries are checked but not sandboxed")
    (ready or (lambda u: print(f"serving {Path(str(source))} read-only at {u} ({sandbox})",
                               flush=True)))(server.url)
    try:
        server.run()
    finally:
        server.close()
