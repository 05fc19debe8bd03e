"""``kg push``: upload a build to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol
(Oxigraph ``/store``, Fuseki ``/<dataset>/data``, GraphDB ``/repositories/<id>/rdf-graphs/service``,
Virtuoso ``/sparql-graph-crud``). Each named graph is replaced with one ``PUT``, which the store
applies atomically. The files are parsed locally first and each graph's current content is read
before anything is written; if an upload fails, the graphs already written are put back as they
were, and the error says exactly what the store holds afterwards (also when putting back fails).
Credentials never leave the endpoint's origin: a redirect to another origin is an error.
"""
from __future__ import annotations

import base64
import http.client
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH
from kg.sparql.store import graph_files


class PushError(KgError):
    """The store could not be reached or refused the upload."""


class _NoAnswer(PushError):
    """A request that got no HTTP answer; ``maybe_applied``: the store may have acted on it."""

    def __init__(self, reason: str, maybe_applied: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.maybe_applied = maybe_applied


class _OtherOrigin(Exception):
    """Raised inside urllib when a response redirects to another origin."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port of a URL (the default port filled in), as browsers compare them.

    Examples
    --------
    >>> origin("http://127.0.0.1/store") == origin("HTTP://127.0.0.1:80/other")
    True
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or {"http": 80, "https": 443}.get(scheme)
    return scheme, (parts.hostname or "").lower(), port


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect (urllib's rules) only within the request's origin, so the
    Authorization header is never sent anywhere else."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        if origin(newurl) != origin(req.full_url):
            fp.close()
            raise _OtherOrigin(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SameOriginRedirects)


def _headers(user: str | None, password: str | None, token: str | None) -> dict[str, str]:
    """Authorization header for basic auth or a bearer token (none if neither is given)."""
    if token:
        return {"Authorization": f"Bearer {token}"}
    if user is not None:
        raw = f"{user}:{password or ''}".encode()
        return {"Authorization": "Basic " + base64.b64encode(raw).decode("ascii")}
    return {}


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of one named graph (``?graph=<encoded IRI>``).

    Examples
    --------
    >>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/ampere-kg/graph/facts")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fampere-kg%2Fgraph%2Ffacts'
    """
    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}graph={quote(graph, safe='')}"


def _request(method: str, url: str, headers: dict[str, str], timeout: float,
             body: bytes | None = None, media: str | None = None) -> tuple[int, bytes]:
    """One HTTP request; returns (status, body). No answer (a network failure, or a redirect
    to another origin, which is not followed) raises :class:`_NoAnswer`."""
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    if media:
        req.add_header("Content-Type", media)
    req.add_header("Accept", "application/n-triples")
    base = url.split("?")[0]
    try:
        with _OPENER.open(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()
    except _OtherOrigin as err:
        raise _NoAnswer(f"{base} redirected to {err.target.split('?')[0]}, another origin; "
                        "kg push does not follow that, so credentials stay with the endpoint "
                        "(give the final URL as --endpoint)", maybe_applied=False) from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
        reason = getattr(err, "reason", err)
        refused = isinstance(reason, ConnectionRefusedError)
        raise _NoAnswer(f"cannot reach {base}: {reason or type(reason).__name__}",
                        maybe_applied=method != "GET" and not refused) from None


def _status_text(status: int, body: bytes) -> str:
    """``HTTP 500: first line of the body`` for an error message."""
    detail = body.decode("utf-8", "replace").strip().splitlines()[:1]
    return f"HTTP {status}" + (f": {detail[0]}" if detail else "")


def _backup(url: str, headers: dict[str, str], timeout: float) -> bytes | None:
    """Current content of a graph as N-Triples, ``None`` if it does not exist yet."""
    try:
        status, body = _request("GET", url, headers, timeout)
    except _NoAnswer as err:
        raise PushError(f"{err.reason}; nothing was loaded") from None
    if status == 404:
        return None
    if status in (401, 403):
        raise PushError(f"{url.split('?')[0]}: access denied (HTTP {status}); "
                        "check --user/--token; nothing was loaded")
    if status >= 300:
        raise PushError(f"{url.split('?')[0]}: {_status_text(status, body)} when reading the "
                        "graph; nothing was loaded")
    return body


def _restore(url: str, old: bytes | None, headers: dict[str, str],
             timeout: float) -> tuple[str | None, bool]:
    """Put a graph back as it was before the push (delete it if it did not exist).

    Returns ``(None, False)`` if that worked, else why not and whether the attempt may still
    have been applied.
    """
    try:
        if old is None:
            status, body = _request("DELETE", url, headers, timeout)
            done = 200 <= status < 300 or status == 404
        else:
            status, body = _request("PUT", url, headers, timeout, old, "application/n-triples")
            done = 200 <= status < 300
    except _NoAnswer as err:
        return err.reason, err.maybe_applied
    return (None, False) if done else (_status_text(status, body), False)


def _roll_back(endpoint: str, iris: list[str], written: dict[str, bool],
               backups: dict[str, bytes | None], headers: dict[str, str], timeout: float) -> str:
    """Put back every graph in ``written`` (IRI -> True if the new upload is surely in it,
    False if it may be) and say what each graph of ``iris`` holds afterwards."""
    states: list[str] = []
    intact = True
    for iri in iris:
        if iri not in written:
            states.append(f"<{iri}> is unchanged")
            continue
        why, maybe = _restore(graph_url(endpoint, iri), backups[iri], headers, timeout)
        if why is None:
            again = "put back as it was" if backups[iri] is not None else "removed again"
            states.append(f"<{iri}> was {again}")
            continue
        intact = False
        holds = ("holds the new upload" if written[iri] and not maybe
                 else "may hold the new upload or its old content")
        states.append(f"<{iri}> {holds} (putting it back failed: {why})")
    if intact:
        changed = [s for s in states if not s.endswith("is unchanged")]
        return (", ".join(changed) + ", so " if changed else "") + "the store was left unchanged"
    return ("the store was NOT left as it was: " + "; ".join(states)
            + "; run kg push again to finish the upload")


def push(source: Path | str, endpoint: str, *, graph: str | None = None,
         provenance_graph: str | None = None, user: str | None = None,
         password: str | None = None, token: str | None = None,
         timeout: float = 60.0) -> dict[str, int]:
    """Replace the facts and provenance named graphs in a Graph Store Protocol endpoint.

    Parameters
    ----------
    source : Path or str
        A build folder (``graph.ttl``, ``provenance.ttl``) or a single RDF file.
    endpoint : str
        The store's Graph Store Protocol URL, e.g. ``http://127.0.0.1:7878/store``.
    graph, provenance_graph : str, optional
        Named graph IRIs (default: the project's FACTS_GRAPH and PROVENANCE_GRAPH).
    user, password, token : str, optional
        HTTP basic authentication, or a bearer token.
    timeout : float
        Seconds for each HTTP request.

    Returns
    -------
    dict
        Graph IRI -> number of triples uploaded.

    Raises
    ------
    PushError
        Unreachable endpoint, refused access, a redirect to another origin, or a failed upload.
        The store is then put back as it was, and the message says what it holds if that fails.

    Examples
    --------
    It needs a Graph Store endpoint to write to (``tests/sparql/test_push.py`` runs one), so the example
    is not run here::

        push("build", "http://127.0.0.1:7878/store")
        # {'https://w3id.org/ampere-kg/graph/facts': 1234, ...}
    """
    names = {str(FACTS_GRAPH): graph or str(FACTS_GRAPH),
             str(PROVENANCE_GRAPH): provenance_graph or str(PROVENANCE_GRAPH)}
    uploads: list[tuple[str, bytes, int]] = []
    for path, default_name in graph_files(Path(source)):
        if path.suffix.lower() not in (".ttl", ".nt"):
            raise PushError(f"{path}: push takes a build folder or a .ttl/.nt file")
        data = path.read_bytes()
        try:
            count = sum(1 for _ in ox.parse(data, format=ox.RdfFormat.TURTLE))
        except SyntaxError as err:
            raise PushError(f"{path}: RDF syntax error: {err}; nothing was loaded") from None
        uploads.append((names[default_name], data, count))
    headers = _headers(user, password, token)
    backups = {iri: _backup(graph_url(endpoint, iri), headers, timeout) for iri, _, _ in uploads}
    written: dict[str, bool] = {}  # graph IRI -> True: holds the upload, False: may hold it
    for iri, data, _count in uploads:
        try:
            status, body = _request("PUT", graph_url(endpoint, iri), headers, timeout, data,
                                    "text/turtle")
        except _NoAnswer as err:
            failure = err.reason
            if err.maybe_applied:
                written[iri] = False
        else:
            if 200 <= status < 300:
                written[iri] = True
                continue
            failure = _status_text(status, body)  # a refused PUT changes nothing (it is atomic)
        state = _roll_back(endpoint, [i for i, _, _ in uploads], written, backups, headers, timeout)
        raise PushError(f"{endpoint}: upload of <{iri}> failed ({failure}); {state}")
    return {iri: count for iri, _, count in uploads}
