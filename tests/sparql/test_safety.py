"""The query guard reads SPARQL as the engine does: generated queries hide SERVICE, LOAD and
updates in comments (ended by either line-end character), strings, IRIs, escapes and odd
whitespace; whatever the guard lets through is executed by Oxigraph next to a loopback listener,
and no connection may ever arrive. The same texts given to Oxigraph without the guard show that
the generator does produce queries that connect. rdflib's FROM is refused, not fetched."""
from __future__ import annotations

import contextlib
import threading

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.errors import InputError
from tests.listener import Listener


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture(scope="module")
def store():
    st_ = ox.Store()
    ex = "http://example.org/"
    st_.add(ox.Quad(ox.NamedNode(ex + "a"), ox.NamedNode(ex + "p"), ox.Literal("x")))
    return st_


def _raw_connects(store: ox.Store, text: str, listener: Listener) -> bool:
    """Would Oxigraph, given ``text`` unguarded, connect to the listener?"""
    before = listener.settle()
    return _connections_after(store, text, listener) > before


def _connections_after(store: ox.Store, text: str, listener: Listener) -> int:
    """The listener's settled count after Oxigraph ran ``text`` unguarded (the count before it
    is the caller's: a settled count taken before the call)."""
    with contextlib.suppress(Exception):
        list(store.query(text))
    return listener.settle()


LINE_ENDS = ["\n", "\r", "\r\n", "\n\r"]
# mostly SPARQL whitespace, now and then a character only some readers take for a space
SPACES = [" ", " ", "\t", "\n", "\r", "\r\n", " ", "\t", "\n", "\r", "\x0c", "\u00a0", "\u2028"]


@st.composite
def hidden_service_queries(draw: st.DrawFn, port: int) -> str:
    """A query with a SERVICE (or LOAD, or an update) to the listener, dressed to hide it."""
    url = f"<http://127.0.0.1:{port}/sparql>"
    keyword = draw(st.sampled_from(["SERVICE", "service", "SeRvIcE", "SERVICE SILENT", "SERVICE",
                                    "\\u0053ERVICE", "SERV\\u0049CE"]))
    space = st.lists(st.sampled_from(SPACES), min_size=1, max_size=3).map("".join)
    comment = st.builds(lambda body, end: "#" + body + end,
                        st.sampled_from(["", " x", " }", " \"", " '", " <", " #", " SERVICE"]),
                        st.sampled_from(LINE_ENDS + [""]))
    decoy = st.sampled_from(['"# not a comment"', "'''#\r'''", '"""a\rb"""', "<http://x/#frag>",
                             "?x <http://example.org/p> ?y .", "FILTER(?x < ?y)", "# a\r",
                             "ex:a\\#b", "'a\\'#'", "\"\\\"#\""])
    filler = st.lists(st.one_of(space, space, comment, decoy), max_size=3).map("".join)
    clause = draw(st.sampled_from([
        f"{keyword}{draw(space)}{url}{draw(space)}{{ ?a ?b ?c }}",
        f"BIND({url} AS ?e) {keyword} ?e {{ ?a ?b ?c }}",
        f"OPTIONAL {{ {keyword} {url} {{ ?a ?b ?c }} }}",
    ]))
    head = draw(st.sampled_from(["SELECT * WHERE {", "ASK {", "SELECT ?x WHERE { ?x ?y ?z .",
                                 "CONSTRUCT { ?a ?b ?c } WHERE {"]))
    # a comment opened before the clause and a line end after it: readers that end comments at
    # different characters disagree about whether the clause is code
    opener = draw(st.sampled_from(["", "#", "# x", "#}", "# SELECT", "#\t"]))
    if opener or draw(st.booleans()):
        opener += draw(st.sampled_from(["\r", "\r", "\r ", "\n", "\r\n", "\n\r", "\x0b", "\x85"]))
    closer = draw(st.sampled_from(["", "\n", "\n", " # y\n", "\r\n", "\r"]))
    text = f"{head}{draw(filler)}{opener}{clause}{closer}{draw(filler)}}}"
    if draw(st.integers(0, 3)) == 0:  # or an update / LOAD disguised the same way
        text = draw(st.sampled_from([f"LOAD {url}", f"LOAD SILENT {url} INTO GRAPH <g:x>",
                                     "INSERT DATA { <a:a> <a:b> <a:c> }"])) + draw(filler) + " ; " + text
    return draw(filler) + text


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_generated_query_reaches_the_network(store, listener, data):
    text = data.draw(hidden_service_queries(listener.port))
    # three settled counts, not four: the count after the unguarded run is the one before the
    # guarded run (each settle waits 50 ms, 200 examples)
    start = listener.settle()
    before = _connections_after(store, text, listener)
    raw = before > start
    try:
        result = kg.query(store, text)  # the guard, then Oxigraph on what the guard returned
    except InputError:
        result = None
    assert listener.settle() == before, f"a connection arrived for {text!r}"
    if raw:  # Oxigraph alone would connect: the guard must have refused
        assert result is None, f"the guard let through {text!r}"


@pytest.mark.parametrize("line_end", ["\r", "\n", "\r\n"])
def test_a_comment_ends_at_either_line_end_and_oxigraph_connects_without_the_guard(
        store, listener, line_end):
    """The generator's threat is real: without the guard Oxigraph connects; with it, nothing."""
    text = (f"SELECT * WHERE {{ # x{line_end}SERVICE <http://127.0.0.1:{listener.port}/> "
            "{ ?a ?b ?c }\n?x ?y ?z }")
    assert _raw_connects(store, text, listener)
    before = listener.settle()
    with pytest.raises(InputError, match="SERVICE is refused"):
        kg.query(store, text)
    assert listener.settle() == before


def test_comments_are_removed_from_the_text_the_engine_runs(store):
    """A comment the guard strips cannot change what Oxigraph sees: answers are the same."""
    plain = kg.query(store, "SELECT ?o WHERE { ?s ?p ?o }").dicts()
    commented = kg.query(store, "SELECT ?o # x\rWHERE { ?s ?p ?o # \"y\n}").dicts()
    assert plain == commented == [{"o": plain[0]["o"]}]


@pytest.mark.parametrize("clause", ["FROM", "FROM NAMED"])
def test_rdflib_engine_refuses_from_and_reads_no_file(tmp_path, seed_build, clause):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<http://example.org/s> <http://example.org/p> \"SECRET\" .\n")
    text = f"SELECT ?o {clause} <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"
    with pytest.raises(InputError, match="FROM and FROM NAMED are refused"):
        kg.query(seed_build, text, engine="rdflib")
    # Oxigraph reads FROM as a graph of its own store: nothing is loaded, nothing leaks
    rows = kg.query(seed_build, text).dicts()
    assert all("SECRET" not in str(r.get("o")) for r in rows)


def test_rdflib_graph_loading_is_off(seed_build):
    import rdflib.plugins.sparql

    # the rdflib engine turns loading off when it opens a source (not on import: the test passed
    # alone only when an earlier test in the same worker had run an rdflib query)
    kg.query(seed_build, "ASK { ?s ?p ?o }", engine="rdflib")
    assert rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS is False


def test_the_guard_can_be_called_from_many_threads_at_once():
    """rdflib's parser is not thread-safe; ``kg serve`` checks queries on a thread pool."""
    from kg.sparql.safety import safe_query

    errors: list[str] = []
    go = threading.Event()

    def check(i: int) -> None:
        go.wait(10)
        try:
            assert safe_query(f"SELECT ?s WHERE {{ ?s ?p ?o FILTER(?o != {i}) }} LIMIT {i + 1}"
                              ).kind == "SELECT"
        except Exception as err:
            errors.append(f"{type(err).__name__}: {err}")

    threads = [threading.Thread(target=check, args=(i,), daemon=True) for i in range(32)]
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join(60)
    assert errors == []
