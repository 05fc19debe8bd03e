"""``kg push`` against a real Oxigraph server (``oxigraph serve``) started on loopback: the named
graphs are replaced, not appended; an unreachable endpoint or a bad file is a one-line error and
nothing is loaded. Against a fake loopback store that fails at chosen steps: the error says what
the store holds, also when putting a graph back fails, and credentials never follow a redirect
to another origin."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
        res = kg_push("--endpoint", store, "--build", str(seed_build))
        assert res.returncode == 0, res.stderr
        assert counts(oxigraph_server) == expected
    assert f"pushed {expected[str(FACTS_GRAPH)]} triples" in res.stdout


def test_push_to_custom_graph_iri(seed_build, oxigraph_server):
    res = kg_push("--endpoint", f"{oxigraph_server}/store", "--build", str(seed_build),
                  "--graph", "urn:x:facts", "--provenance-graph", "urn:x:prov")
    assert res.returncode == 0, res.stderr
    assert set(counts(oxigraph_server)) == {"urn:x:facts", "urn:x:prov"}


def test_unreachable_endpoint_is_one_line_error(seed_build):
    res = kg_push("--endpoint", f"http://127.0.0.1:{free_port()}/store", "--build", str(seed_build))
    assert res.returncode == 2
    assert res.stderr.startswith("error: cannot reach") and "nothing was loaded" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_bad_provenance_file_loads_nothing(seed_build, oxigraph_server, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    shutil.copy(seed_build / "graph.ttl", broken / "graph.ttl")
    (broken / "provenance.ttl").write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    res = kg_push("--endpoint", f"{oxigraph_server}/store", "--build", str(broken))
    assert res.returncode == 2 and "provenance.ttl" in res.stderr and "syntax" in res.stderr
    assert counts(oxigraph_server) == {}


def test_failed_second_graph_restores_the_first(seed_build, oxigraph_server, monkeypatch):
    """If the provenance upload fails, the facts graph is put back as it was."""
    import kg.sparql.push as push_module

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


# ---------------------------------------------------------------- a fake store that fails on cue

class FakeStore:
    """A Graph Store Protocol server on a free loopback port, holding graphs (N-Triples or Turtle
    bytes) in ``graphs``. ``plan`` maps (method, graph IRI, n-th such request) to what goes
    wrong: ``"error"`` (HTTP 500, nothing applied), ``"drop"`` (connection closed without an
    answer, nothing applied) or ``"apply-then-drop"``. ``redirect_to`` answers every request
    with a 307 to another base URL. Every request is kept in ``requests``."""

    def __init__(self, graphs: dict[str, bytes] | None = None, plan: dict | None = None,
                 redirect_to: str | None = None) -> None:
        self.graphs = dict(graphs or {})
        self.plan = dict(plan or {})
        self.redirect_to = redirect_to
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._seen: dict[tuple[str, str], int] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        store = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _reply(self, status: int, body: bytes = b"") -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self) -> None:
                store.requests.append((self.command, self.path, dict(self.headers)))
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if store.redirect_to:
                    self.send_response(307)
                    self.send_header("Location", store.redirect_to + self.path)
                    self.send_header("Content-Length", "0")
                    return self.end_headers()
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                graph = query["graph"][0]
                key = (self.command, graph)
                store._seen[key] = store._seen.get(key, 0) + 1
                action = store.plan.get((self.command, graph, store._seen[key]))
                if action == "error":
                    return self._reply(500, b"disk full\n")
                if action == "drop":
                    self.close_connection = True
                    return None
                if self.command == "GET":
                    if graph not in store.graphs:
                        return self._reply(404)
                    return self._reply(200, store.graphs[graph])
                if self.command == "PUT":
                    store.graphs[graph] = body
                elif self.command == "DELETE" and store.graphs.pop(graph, None) is None:
                    return self._reply(404)
                if action == "apply-then-drop":
                    self.close_connection = True
                    return None
                return self._reply(204)

            do_GET = do_PUT = do_DELETE = _handle

        return Handler


@pytest.fixture
def fake_store():
    stores: list[FakeStore] = []

    def make(**kwargs) -> FakeStore:
        stores.append(FakeStore(**kwargs))
        return stores[-1]

    yield make
    for store in stores:
        store.close()


FACTS, PROV = str(FACTS_GRAPH), str(PROVENANCE_GRAPH)
OLD = {FACTS: b"<urn:x:old> <urn:x:p> <urn:x:facts> .\n", PROV: b"<urn:x:old> <urn:x:p> <urn:x:prov> .\n"}


def push_module_cli(*args: str) -> subprocess.CompletedProcess:
    """``python -m kg push`` (the worktree's package), with a short HTTP timeout."""
    return subprocess.run([sys.executable, "-m", "kg", "push", "--timeout", "10", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def one_error_line(res: subprocess.CompletedProcess) -> str:
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    return lines[0]


def test_redirect_to_another_origin_is_refused_and_never_gets_the_token(seed_build, fake_store):
    other = fake_store(graphs=OLD)
    endpoint = fake_store(redirect_to=other.base)
    for auth in (["--token", "s3cret-token"], ["--user", "admin", "--password", "s3cret"]):
        res = push_module_cli("--endpoint", f"{endpoint.base}/store", "--build", str(seed_build), *auth)
        leaked = [h["Authorization"] for _, _, h in other.requests if "Authorization" in h]
        assert leaked == [], f"the other origin got {leaked}"
        assert other.requests == [] and other.graphs == OLD
        line = one_error_line(res)
        assert "redirected to" in line and "another origin" in line and "nothing was loaded" in line
        assert "s3cret" not in res.stderr + res.stdout
    assert endpoint.requests and all("Authorization" in h for _, _, h in endpoint.requests)


def test_failed_rollback_is_reported_with_what_the_store_holds(seed_build, fake_store):
    """The provenance upload fails, and so does putting the facts graph back."""
    store = fake_store(graphs=OLD, plan={("PUT", PROV, 1): "error", ("PUT", FACTS, 2): "error"})
    line = one_error_line(push_module_cli("--endpoint", f"{store.base}/store", "--build", str(seed_build)))
    assert store.graphs[FACTS] == (seed_build / "graph.ttl").read_bytes()  # the new upload stayed
    assert store.graphs[PROV] == OLD[PROV]
    assert f"upload of <{PROV}> failed (HTTP 500: disk full)" in line
    assert "NOT left as it was" in line and f"<{FACTS}> holds the new upload" in line
    assert f"<{PROV}> is unchanged" in line and "kg push again" in line
    assert "left unchanged" not in line and "nothing was loaded" not in line


def test_rollback_without_an_answer_is_reported_as_unknown(seed_build, fake_store):
    store = fake_store(graphs=OLD, plan={("PUT", PROV, 1): "error", ("PUT", FACTS, 2): "drop"})
    line = one_error_line(push_module_cli("--endpoint", f"{store.base}/store", "--build", str(seed_build)))
    assert store.graphs[FACTS] == (seed_build / "graph.ttl").read_bytes()
    assert f"<{FACTS}> may hold the new upload or its old content" in line
    assert "cannot reach" in line and "NOT left as it was" in line
    assert "left unchanged" not in line and "nothing was loaded" not in line


def test_successful_rollback_leaves_the_store_as_it_was(seed_build, fake_store):
    """The facts graph did not exist: it is deleted again when the provenance upload fails."""
    store = fake_store(graphs={PROV: OLD[PROV]}, plan={("PUT", PROV, 1): "error"})
    line = one_error_line(push_module_cli("--endpoint", f"{store.base}/store", "--build", str(seed_build)))
    assert store.graphs == {PROV: OLD[PROV]}
    assert f"<{FACTS}> was removed again, so the store was left unchanged" in line


def test_upload_whose_answer_was_lost_is_put_back_too(seed_build, fake_store):
    """The store applies the facts PUT but the connection drops before it answers."""
    store = fake_store(graphs=OLD, plan={("PUT", FACTS, 1): "apply-then-drop"})
    line = one_error_line(push_module_cli("--endpoint", f"{store.base}/store", "--build", str(seed_build)))
    assert store.graphs == OLD
    assert f"upload of <{FACTS}> failed (cannot reach" in line
    assert f"<{FACTS}> was put back as it was, so the store was left unchanged" in line


def test_push_to_the_fake_store_works_and_sends_the_token(seed_build, fake_store):
    store = fake_store(graphs=OLD)
    res = push_module_cli("--endpoint", f"{store.base}/store", "--build", str(seed_build),
                          "--token", "t0k")
    assert res.returncode == 0, res.stderr
    assert store.graphs[FACTS] == (seed_build / "graph.ttl").read_bytes()
    assert store.graphs[PROV] == (seed_build / "provenance.ttl").read_bytes()
    assert {h.get("Authorization") for _, _, h in store.requests} == {"Bearer t0k"}
