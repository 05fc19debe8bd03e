"""``kg serve`` for browser tools: CORS for the origins given (preflight included), the named
queries at ``/queries/NAME`` behind the same guard, slots and limits as ``/sparql``, and the query
page at ``/`` driven in headless Chromium."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

import kg
from tests.listener import Listener
from tests.sparql.test_serve import http
from tests.sparql.test_serve_abuse import raw, request, serving, status_of

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
YASGUI = "https://yasgui.example"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def queries(tmp_path_factory) -> Path:
    """The project's named queries plus a slow one, a large one and one with SERVICE."""
    folder = tmp_path_factory.mktemp("queries")
    for rq in (ROOT / "queries").glob("*.rq"):
        (folder / rq.name).write_bytes(rq.read_bytes())
    (folder / "slow.rq").write_text(f"# en: Never ends.\n{SLOW}\n", encoding="utf-8")
    (folder / "everything.rq").write_text("SELECT * WHERE { ?s ?p ?o }\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(seed_build, queries, tmp_path_factory):
    with serving(seed_build, tmp_path_factory.mktemp("serve"), "--cors-origin", YASGUI,
                 "--queries", str(queries), "--timeout", "2", "--max-rows", "50",
                 "--max-queries", "1") as srv:
        yield srv
    assert "Traceback" not in srv.stderr()


def base(server) -> str:
    return f"http://127.0.0.1:{server.port}"


def headers_of(response: bytes) -> dict[str, str]:
    head = response.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head)}


# ---------------------------------------------------------------- CORS


def test_preflight_from_an_allowed_origin(server):
    answer = raw(server.port, request("/sparql", f"Origin: {YASGUI}", "Access-Control-Request-Method: POST",
                                      "Access-Control-Request-Headers: content-type", method="OPTIONS",
                                      port=server.port))
    assert status_of(answer) == 204
    got = headers_of(answer)
    assert got["access-control-allow-origin"] == YASGUI
    assert "POST" in got["access-control-allow-methods"]
    assert "content-type" in got["access-control-allow-headers"].lower()


def test_other_origins_get_no_cors(server):
    answer = raw(server.port, request("/sparql", "Origin: https://evil.example",
                                      "Access-Control-Request-Method: POST", method="OPTIONS",
                                      port=server.port))
    assert status_of(answer) == 403 and "access-control-allow-origin" not in headers_of(answer)
    get = raw(server.port, request("/sparql?query=ASK%7B%7D", "Origin: https://evil.example", port=server.port))
    assert status_of(get) == 200 and "access-control-allow-origin" not in headers_of(get)
    ok = raw(server.port, request("/sparql?query=ASK%7B%7D", f"Origin: {YASGUI}", port=server.port))
    assert headers_of(ok)["access-control-allow-origin"] == YASGUI


def test_preflight_asking_for_an_update_method_is_refused(server):
    answer = raw(server.port, request("/sparql", f"Origin: {YASGUI}", "Access-Control-Request-Method: PUT",
                                      method="OPTIONS", port=server.port))
    assert status_of(answer) == 403


def test_no_cors_unless_asked(seed_build, tmp_path):
    with serving(seed_build, tmp_path) as srv:
        answer = raw(srv.port, request("/sparql", f"Origin: {YASGUI}", "Access-Control-Request-Method: GET",
                                       method="OPTIONS", port=srv.port))
        assert status_of(answer) == 403 and "access-control-allow-origin" not in headers_of(answer)


def test_a_malformed_origin_is_a_one_line_error(seed_build):
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "-b", str(seed_build), "--port", "0",
                           "--cors-origin", "https://yasgui.example/path"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--cors-origin" in done.stderr


# ---------------------------------------------------------------- named queries


def test_named_query_with_parameters_answers_as_kg_query(server, seed_build, queries):
    status, media, body = http(f"{base(server)}/queries/plants-of-hub?hub=ElectriCity",
                               headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and media == "application/sparql-results+json"
    got = [b["plantLabel"]["value"] for b in json.loads(body)["results"]["bindings"]]
    expected = kg.query(seed_build, "plants-of-hub", queries_dir=queries, hub="ElectriCity")
    assert got == [str(row[expected.vars.index("plantLabel")]) for row in expected] and got


def test_named_query_list_and_unknown_names(server):
    status, _, body = http(f"{base(server)}/queries")
    assert status == 200 and "plants-of-hub" in {q["name"] for q in json.loads(body)}
    status, _, body = http(f"{base(server)}/queries/plants-of-hubb")
    assert status == 404 and "did you mean 'plants-of-hub'" in body
    status, _, body = http(f"{base(server)}/queries/plants-of-hub?hubb=x")
    assert status == 400 and "did you mean 'hub'" in body
    status, _, body = http(f"{base(server)}/queries/everything?x=1")  # nothing is bound unasked
    assert status == 400 and "unknown parameter" in body


def test_named_queries_have_the_same_limits(server):
    status, _, body = http(f"{base(server)}/queries/everything")
    assert status == 400 and "add a LIMIT" in body  # --max-rows 50
    started = time.monotonic()
    status, _, body = http(f"{base(server)}/queries/slow")
    assert status == 503 and "timed out" in body and time.monotonic() - started < 10  # --timeout 2


def test_named_queries_share_the_query_slots(server):
    answers: list[int] = []
    threads = [threading.Thread(target=lambda: answers.append(http(f"{base(server)}/queries/slow")[0]))
               for _ in range(2)]
    for t in threads:
        t.start()
        time.sleep(0.2)
    status, _, body = server.get("ASK { ?s ?p ?o }")  # --max-queries 1: busy while slow runs
    for t in threads:
        t.join(30)
    assert status == 503 and "busy" in body
    assert sorted(answers) == [503, 503]  # one timed out, one found no free slot


def test_named_queries_pass_the_guard(seed_build, tmp_path):
    folder = tmp_path / "queries"
    folder.mkdir()
    listener = Listener()
    try:
        (folder / "remote.rq").write_text(
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}\n")
        (folder / "drop.rq").write_text("DROP ALL\n")
        with serving(seed_build, tmp_path, "--queries", str(folder)) as srv:
            status, _, body = http(f"http://127.0.0.1:{srv.port}/queries/remote")
            assert status == 403 and "SERVICE is refused" in body
            status, _, body = http(f"http://127.0.0.1:{srv.port}/queries/drop")
            assert status == 403 and "refused" in body
        assert listener.settle() == 0
    finally:
        listener.close()


def test_host_check_covers_the_page_and_the_named_queries(server):
    for path in ("/", "/queries", "/queries/plants-of-hub"):
        data = f"GET {path} HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n".encode()
        assert status_of(raw(server.port, data)) == 403


# ---------------------------------------------------------------- the query page


@pytest.mark.browser
def test_query_page_runs_free_and_named_queries_offline(server, browser):
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(base(server) + "/", wait_until="load")
    # the page's CSP forbids eval, so waits use selectors, not wait_for_function
    page.wait_for_selector("#named-name option[value=plants-of-hub]", state="attached")
    page.select_option("#named-name", "plants-of-hub")
    assert page.input_value("#named-params input[name=hub]") == "ElectriCity"
    page.click("#named button")
    page.wait_for_selector("#status:has-text('rows')")
    cells = page.locator("#answer td").all_text_contents()
    assert {"Douai @sl", "Maubeuge @sl", "Ruitz @sl"} <= set(cells)
    page.fill("#query", 'SELECT ?x WHERE { BIND("<img src=x onerror=alert(1)>" AS ?x) }')
    page.click("#free button")
    page.wait_for_selector("#status:text-is('1 row')")
    assert page.text_content("#answer td") == "<img src=x onerror=alert(1)>"
    assert page.query_selector("#answer img") is None
    page.fill("#query", "DROP ALL")
    page.click("#free button")
    page.wait_for_selector("#status.error")
    assert "403" in page.text_content("#status")
    page.close()
    assert not dialogs and not [e for e in errors if "403" not in e]
    assert all(urllib.parse.urlsplit(u).netloc == f"127.0.0.1:{server.port}" for u in requests)
