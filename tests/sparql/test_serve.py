"""``kg serve`` started on a free loopback port and queried with real SPARQL clients
(SPARQLWrapper, rdflib's SPARQLStore): content negotiation, read-only, SERVICE refused without
any outgoing connection, query timeout and result-size limit."""
from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(seed_build):
    """``kg serve`` on the seed build with a 2 s timeout and a 200-row limit."""
    port = free_port()
    proc = subprocess.Popen(["kg", "serve", "--build", str(seed_build), "--port", str(port),
                             "--timeout", "2", "--max-rows", "200"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    assert f"http://127.0.0.1:{port}/sparql" in line, line
    yield f"http://127.0.0.1:{port}/sparql"
    proc.terminate()
    proc.wait(10)


def http(url: str, data: bytes | None = None, headers: dict | None = None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers.get("Content-Type"), resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get("Content-Type"), err.read().decode()


PLANTS = """PREFIX akg: <https://w3id.org/ampere-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?l WHERE { ?p a akg:Plant ; skos:prefLabel ?l } ORDER BY ?l"""


def test_listens_on_loopback_only(endpoint):
    assert urllib.parse.urlsplit(endpoint).hostname == "127.0.0.1"


@pytest.mark.parametrize("method", ["GET", "POST", "POSTDIRECTLY"])
def test_sparqlwrapper_json_get_and_post(endpoint, method):
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(PLANTS)
    sw.setMethod("GET" if method == "GET" else "POST")
    if method == "POSTDIRECTLY":
        sw.setRequestMethod("postdirectly")
    sw.setReturnFormat(JSON)
    data = sw.query().convert()
    assert [b["l"]["value"] for b in data["results"]["bindings"]] == ["Cléon", "Douai", "Maubeuge", "Ruitz"]


def test_content_negotiation_xml_csv_tsv_turtle(endpoint):
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(PLANTS)
    sw.setReturnFormat(XML)
    assert len(sw.query().convert().getElementsByTagName("result")) == 4
    sw.setReturnFormat(CSV)
    assert sw.query().convert().decode().splitlines() == ["l", "Cléon", "Douai", "Maubeuge", "Ruitz"]
    sw.setReturnFormat(TSV)
    assert sw.query().convert().decode().splitlines()[1] == '"Cléon"@sl'
    sw.setQuery("CONSTRUCT WHERE { ?h <https://schema.org/containsPlace> ?p }")
    sw.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=sw.query().convert().decode(), format="turtle")
    assert len(graph) == 3
    status, _, _ = http(endpoint + "?" + urllib.parse.urlencode({"query": PLANTS}),
                            headers={"Accept": "image/png"})
    assert status == 406


def test_rdflib_sparqlstore_client(endpoint):
    graph = rdflib.Graph(SPARQLStore(endpoint, returnFormat="json"))
    rows = list(graph.query(PLANTS))
    assert [str(r[0]) for r in rows] == ["Cléon", "Douai", "Maubeuge", "Ruitz"]
    assert graph.query("ASK { ?x <https://schema.org/founder> ?y }").askAnswer is True


def test_updates_are_refused(endpoint):
    for data, media in ((b"update=DROP+ALL", "application/x-www-form-urlencoded"),
                        (b"DROP ALL", "application/sparql-update")):
        status, _, body = http(endpoint, data, {"Content-Type": media})
        assert status == 403 and "read-only" in body
    status, _, body = http(endpoint, b"DELETE WHERE { ?s ?p ?o }",
                           {"Content-Type": "application/sparql-query"})
    assert status == 403 and "UPDATE is refused" in body
    sw = SPARQLWrapper(endpoint)
    sw.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    sw.setReturnFormat(JSON)
    assert int(sw.query().convert()["results"]["bindings"][0]["n"]["value"]) > 100


def test_service_to_loopback_is_refused_and_never_connects(endpoint):
    lst = socket.socket()
    lst.bind(("127.0.0.1", 0))
    lst.listen(5)
    lst.settimeout(0.2)
    port = lst.getsockname()[1]
    seen = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            with contextlib.suppress(OSError):
                seen.append(lst.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        for text in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                     f"SELECT * WHERE {{ ?a ?b ?c . SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} LIMIT 1",
                     # a comment ends at a lone carriage return, as Oxigraph reads it
                     f"SELECT * WHERE {{ # x\rSERVICE <http://127.0.0.1:{port}/> {{ ?a ?b ?c }} ?x a akg:Plant }}"):
            status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": text}))
            assert status == 403 and "SERVICE is refused" in body
        time.sleep(0.5)
        assert seen == []
    finally:
        stop.set()
        thread.join(2)
        lst.close()


def test_syntax_error_is_400_with_position(endpoint):
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?s WHERE { ?s ?p }"}))
    assert status == 400 and "line 1, column" in body


def test_result_size_limit(endpoint):
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode(
        {"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 400 and "more than 200 rows" in body
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode(
        {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 200"}), headers={"Accept": "text/csv"})
    assert status == 200 and len(body.splitlines()) == 201


def test_slow_query_is_stopped_by_the_timeout_and_server_keeps_working(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    start = time.monotonic()
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": slow}))
    assert status == 503 and "timed out after 2 s" in body
    assert time.monotonic() - start < 10
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": PLANTS}),
                           headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 4


@pytest.mark.parametrize("depth", [25, 200])
def test_deeply_nested_query_is_400_and_server_keeps_working(endpoint, depth):
    nested = "SELECT * WHERE { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": nested}))
    assert status == 400 and "nested too deeply" in body and len(body.splitlines()) == 1
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": PLANTS}),
                           headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 4
