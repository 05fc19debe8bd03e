"""``kg push`` against a real Oxigraph server (``oxigraph serve``) started on loopback: the named
graphs are replaced, not appended; an unreachable endpoint or a bad file is a one-line error and
nothing is loaded."""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph_server(tmp_path):
    port = free_port()
    proc = subprocess.Popen(["oxigraph", "serve", "--location", str(tmp_path / "db"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield base
    proc.terminate()
    proc.wait(10)


def counts(base: str) -> dict[str, int]:
    """Triples per named graph, asked over the server's SPARQL endpoint."""
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    req = urllib.request.Request(f"{base}/query?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        lines = resp.read().decode().splitlines()[1:]
    return {line.split(",")[0]: int(line.split(",")[1]) for line in lines if line}


def local_count(path) -> int:
    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def kg_push(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["kg", "push", *args], capture_output=True, text=True, timeout=120, check=False)


def test_push_replaces_named_graphs(seed_build, oxigraph_server):
    store = f"{oxigraph_server}/store"
    stale = b"<urn:x:stale> <urn:x:p> <urn:x:o> .\n"
    req = urllib.request.Request(f"{store}?graph={urllib.parse.quote(str(FACTS_GRAPH), safe='')}",
                                 data=stale, method="PUT", headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(req, timeout=10).close()
    expected = {str(FACTS_GRAPH): local_count(seed_build / "graph.ttl"),
                str(PROVENANCE_GRAPH): local_count(seed_build / "provenance.ttl")}
    for _ in range(2):  # pushing twice gives the same store: PUT replaces
        res = kg_push("--endpoint", store, "--from", str(seed_build))
        assert res.returncode == 0, res.stderr
        assert counts(oxigraph_server) == expected
    assert f"pushed {expected[str(FACTS_GRAPH)]} triples" in res.stdout


def test_push_to_custom_graph_iri(seed_build, oxigraph_server):
    res = kg_push("--endpoint", f"{oxigraph_server}/store", "--from", str(seed_build),
                  "--graph", "urn:x:facts", "--provenance-graph", "urn:x:prov")
    assert res.returncode == 0, res.stderr
    assert set(counts(oxigraph_server)) == {"urn:x:facts", "urn:x:prov"}


def test_unreachable_endpoint_is_one_line_error(seed_build):
    res = kg_push("--endpoint", f"http://127.0.0.1:{free_port()}/store", "--from", str(seed_build))
    assert res.returncode == 2
    assert res.stderr.startswith("error: cannot reach") and "nothing was loaded" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_bad_provenance_file_loads_nothing(seed_build, oxigraph_server, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    shutil.copy(seed_build / "graph.ttl", broken / "graph.ttl")
    (broken / "provenance.ttl").write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    res = kg_push("--endpoint", f"{oxigraph_server}/store", "--from", str(broken))
    assert res.returncode == 2 and "provenance.ttl" in res.stderr and "syntax" in res.stderr
    assert counts(oxigraph_server) == {}


def test_failed_second_graph_restores_the_first(seed_build, oxigraph_server, monkeypatch):
    """If the provenance upload fails, the facts graph is put back as it was."""
    import kg.push as push_module

    store = f"{oxigraph_server}/store"
    push_module.push(seed_build, store)
    before = counts(oxigraph_server)
    real = push_module._request

    def failing(method, url, headers, timeout, body=None, media=None):
        if method == "PUT" and "provenance" in url and body and b"#char=" in body:
            return 500, b"disk full"
        return real(method, url, headers, timeout, body, media)

    monkeypatch.setattr(push_module, "_request", failing)
    small = seed_build.parent / "small"
    small.mkdir(exist_ok=True)
    (small / "graph.ttl").write_text("<urn:x:a> <urn:x:b> <urn:x:c> .\n", encoding="utf-8")
    shutil.copy(seed_build / "provenance.ttl", small / "provenance.ttl")
    with pytest.raises(push_module.PushError, match="left unchanged"):
        push_module.push(small, store)
    assert counts(oxigraph_server) == before
