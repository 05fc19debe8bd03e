"""``kg push``: upload a build to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol
(Oxigraph ``/store``, Fuseki ``/<dataset>/data``, GraphDB ``/repositories/<id>/rdf-graphs/service``,
Virtuoso ``/sparql-graph-crud``). Each named graph is replaced with one ``PUT``, which the store
applies atomically. The files are parsed locally first and the endpoint is probed before anything
is written; if the second graph fails, the first is put back as it was, so a failed push leaves
the store as it found it.
"""
from __future__ import annotations

import base64
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH
from kg.store import graph_files


class PushError(KgError):
    """The store could not be reached or refused the upload."""


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
    """One HTTP request; returns (status, body). Network failures raise PushError."""
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
    if media:
        req.add_header("Content-Type", media)
    req.add_header("Accept", "application/n-triples")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise PushError(f"cannot reach {url.split('?')[0]}: {reason}; nothing was loaded") from None


def _backup(url: str, headers: dict[str, str], timeout: float) -> bytes | None:
    """Current content of a graph as N-Triples, ``None`` if it does not exist yet."""
    status, body = _request("GET", url, headers, timeout)
    if status == 404:
        return None
    if status in (401, 403):
        raise PushError(f"{url.split('?')[0]}: access denied (HTTP {status}); check --user/--token")
    if status >= 300:
        raise PushError(f"{url.split('?')[0]}: HTTP {status} when reading the graph; nothing was loaded")
    return body


def _restore(url: str, old: bytes | None, headers: dict[str, str], timeout: float) -> None:
    """Put a graph back as it was before the push (delete it if it did not exist)."""
    if old is None:
        _request("DELETE", url, headers, timeout)
    else:
        _request("PUT", url, headers, timeout, old, "application/n-triples")


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
        Unreachable endpoint, refused access or a failed upload (the store is left unchanged).

    Examples
    --------
    >>> push("build", "http://127.0.0.1:7878/store")          # doctest: +SKIP
    {'https://w3id.org/ampere-kg/graph/facts': 1234, ...}
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
    done: list[str] = []
    for iri, data, _count in uploads:
        url = graph_url(endpoint, iri)
        try:
            status, body = _request("PUT", url, headers, timeout, data, "text/turtle")
        except PushError:
            status, body = 0, b"connection lost"
        if not 200 <= status < 300:
            for earlier in done:
                _restore(graph_url(endpoint, earlier), backups[earlier], headers, timeout)
            detail = body.decode("utf-8", "replace").strip().splitlines()[:1]
            raise PushError(f"{endpoint}: upload of <{iri}> failed (HTTP {status}"
                            f"{': ' + detail[0] if detail else ''}); the store was left unchanged")
        done.append(iri)
    return {iri: count for iri, _, count in uploads}
