"""The second wall behind the query guard: a query process cut off the network cannot connect,
even when Oxigraph is handed a SERVICE query directly; ``kg serve`` says at start-up whether its
query children run sandboxed."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

import pytest

from kg.sparql.sandbox import probe_sandbox

pytestmark = pytest.mark.skipif(probe_sandbox() is not None, reason="no network namespaces here")


@pytest.fixture
def listener():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.1)
    seen: list[int] = []
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            seen.append(1)
            conn.close()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    yield sock.getsockname()[1], seen
    stop.set()
    thread.join(2)
    sock.close()


CHILD = """
import sys, pyoxigraph as ox
from kg.sparql.sandbox import deny_network
if sys.argv[2] == "deny":
    assert deny_network() is None
try:
    list(ox.Store().query("SELECT * WHERE { SERVICE <http://127.0.0.1:%s/> { ?s ?p ?o } }" % sys.argv[1]))
except Exception as err:
    print(type(err).__name__, err)
"""


@pytest.mark.parametrize("mode", ["allow", "deny"])
def test_oxigraph_in_a_sandboxed_process_cannot_connect(listener, mode):
    port, seen = listener
    subprocess.run([sys.executable, "-c", CHILD, str(port), mode], timeout=60, check=True,
                   capture_output=True)
    time.sleep(0.3)
    # the unguarded control connects, so no connection in the sandbox means the wall holds
    assert (len(seen) > 0) == (mode == "allow"), seen


def test_serve_startup_line_says_queries_run_without_network(seed_build):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(["kg", "serve", "--build", str(seed_build), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
    finally:
        proc.terminate()
        proc.wait(10)
    assert f"127.0.0.1:{port}/sparql" in line and "queries run without network access" in line


def test_a_query_with_a_timeout_reaches_no_server_even_past_a_broken_guard(listener, monkeypatch):
    """Simulate a guard bug (SERVICE let through): the child that runs the query is sandboxed,
    so Oxigraph's connection fails and nothing arrives; in-process, the same query connects."""
    import pyoxigraph as ox

    import kg
    import kg.sparql.query
    from kg.sparql.safety import SafeQuery

    port, seen = listener
    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"
    monkeypatch.setattr(kg.sparql.query, "safe_query", lambda t, source="query": SafeQuery("SELECT", t, False))
    monkeypatch.setattr(kg.sparql.query, "quick_query", lambda t, source="query": SafeQuery("SELECT", t, False))
    store = ox.Store()
    with pytest.raises(Exception):  # noqa: B017 - the connection error is Oxigraph's own type
        kg.query(store, text, timeout=30)
    time.sleep(0.3)
    assert seen == []
    with pytest.raises(Exception):  # noqa: B017 - the control: without the sandbox it does connect
        kg.query(store, text)
    time.sleep(0.3)
    assert len(seen) > 0
