"""Incremental rebuilds (``kg.rdf.incremental``): adding, changing or removing a document changes
the previous build in place, and gives the bytes of a full build of the same documents."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus

FILES = ("graph.ttl", "provenance.ttl", "graph.html")


def build(seeds: Path, out: Path, capsys: pytest.CaptureFixture[str], full: bool = False) -> str:
    """Build and return the summary's documents line."""
    import kg

    kg.build(seeds, out, jobs=1, full=full, report=True)
    return next(line for line in capsys.readouterr().out.splitlines() if "from cache" in line)


def contents(out: Path) -> dict[str, object]:
    """The bytes of the output files and the quads of the store (sorted)."""
    found: dict[str, object] = {name: (out / name).read_bytes() for name in FILES if (out / name).exists()}
    store = ox.Store.read_only(str(out / "current" / "store"))
    found["store"] = sorted(str(q) for q in store)
    return found


def same_as_full(seeds: Path, out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    full = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
    build(seeds, full, capsys, full=True)
    mine, theirs = contents(out), contents(full)
    assert mine.keys() == theirs.keys() == {*FILES, "store"}
    for name in mine:
        assert mine[name] == theirs[name], name


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    write_corpus(8, folder, seed=7)
    for f in SEEDS.iterdir():
        shutil.copy(f, folder)
    return folder


def test_add_change_remove_and_nothing_give_the_full_build(seeds, tmp_path, capsys):
    aside = tmp_path / "doc-00007.txt"
    shutil.move(seeds / "doc-00007.txt", aside)
    out = tmp_path / "out"
    assert "incremental" not in build(seeds, out, capsys)  # the first build is a full one

    shutil.copy(aside, seeds)  # a document added
    line = build(seeds, out, capsys)
    assert "incremental" in line and "9 from cache" not in line
    same_as_full(seeds, out, tmp_path, capsys)

    with open(seeds / "doc-00002.txt", "a", encoding="utf-8") as fh:  # a document changed
        fh.write("\nPodjetje Krka ima sedež v Novem mestu. Krka zaposluje več kot 12.000 ljudi.\n")
    assert "incremental" in build(seeds, out, capsys)
    same_as_full(seeds, out, tmp_path, capsys)

    (seeds / "doc-00004.txt").unlink()  # a document removed
    assert "incremental" in build(seeds, out, capsys)
    same_as_full(seeds, out, tmp_path, capsys)

    before = contents(out)  # nothing changed
    line = build(seeds, out, capsys)
    assert "incremental" in line and "0 assembled" in line
    assert contents(out) == before


def test_the_lookup_keys_follow_a_new_name(seeds, tmp_path, capsys):
    from kg.sparql.lookup import lookup_key

    out = tmp_path / "out"
    build(seeds, out, capsys)
    (seeds / "doc-krka.txt").write_text("Podjetje Krka ima sedež v Novem mestu.\n", encoding="utf-8")
    assert "incremental" in build(seeds, out, capsys)
    store = ox.Store.read_only(str(out / "current" / "store"))
    rows = list(store.query(f'SELECT ?e WHERE {{ GRAPH ?g {{ ?e ?k "{lookup_key("KRKA")}" }} }}'))
    assert rows
    same_as_full(seeds, out, tmp_path, capsys)


def test_a_full_build_after_an_incremental_one_changes_nothing(seeds, tmp_path, capsys):
    out = tmp_path / "out"
    build(seeds, out, capsys)
    (seeds / "doc-00001.txt").unlink()
    assert "incremental" in build(seeds, out, capsys)
    before = contents(out)
    assert "incremental" not in build(seeds, out, capsys, full=True)
    assert contents(out) == before


def test_the_checks_of_a_change_see_the_types_of_values_and_the_whole_graph():
    from kg.namespaces import FACTS_GRAPH
    from kg.rdf.incremental import Change, validate_change
    from kg.rdf.shacl_sparql import compile_shapes, sparql_violations
    from kg.rdf.validate import load_shapes

    org, time = "http://www.w3.org/ns/org#", "http://www.w3.org/2006/time#"
    a, akg = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "https://w3id.org/ampere-kg/ontology#"
    membership = {f"<urn:m> {a} <{org}Membership>", f"<urn:m> <{org}member> <urn:p>",
                  f"<urn:m> <{org}organization> <urn:o>", f"<urn:m> <{org}role> <{akg}ChiefExecutive>",
                  f"<urn:m> <{akg}roleStatus> <{akg}Current>"}
    before = {f"<urn:o> {a} <{org}Organization>", f"<urn:p> {a} <https://schema.org/Place>",  # not a Person
              f"<urn:i> {a} <{time}Interval>", f"<urn:i> <{time}hasBeginning> <urn:b>",
              f"<urn:i> <{time}hasEnd> <urn:e>", f"<urn:b> {a} <{time}Instant>", f"<urn:e> {a} <{time}Instant>",
              f'<urn:b> <{time}inXSDgYear> "2020"^^<http://www.w3.org/2001/XMLSchema#gYear>',
              f'<urn:e> <{time}inXSDgYear> "2019"^^<http://www.w3.org/2001/XMLSchema#gYear>'}
    store = ox.Store()
    text = "".join(f"{line} .\n" for line in sorted(before | membership)).encode()
    store.extend([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(FACTS_GRAPH)))
                  for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)])
    change = Change((membership, set()), (set(), set()), ({}, {}))
    found = validate_change(store, load_shapes(), change)
    checks = compile_shapes(load_shapes())
    everywhere = sparql_violations(store, str(FACTS_GRAPH), checks)
    # the Core checks look at the changed subject, the sh:sparql ones (urn:i) at the whole graph
    assert found == [v for v in everywhere if v.split()[0] in ("urn:m", "urn:i")]
    assert "urn:m http://www.w3.org/ns/org#member: Value does not have class https://schema.org/Person" in found
    assert "urn:i : the interval starts after it ends" in found


def test_a_change_of_the_same_size_with_the_old_mtime_is_seen(seeds, tmp_path, capsys, monkeypatch):
    import os

    import kg.rdf.docstate

    monkeypatch.setattr(kg.rdf.docstate, "RACY_NS", 0)  # keep the stamps of files written just now
    out = tmp_path / "out"
    build(seeds, out, capsys)
    doc = seeds / "doc-00003.txt"
    before = os.stat(doc)
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("Maribor", "Mariboh", 1) if "Maribor" in text else "X" + text[1:], encoding="utf-8")
    os.utime(doc, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or `rsync -t` would
    assert os.stat(doc).st_size == before.st_size
    line = build(seeds, out, capsys)
    assert "incremental" in line and " 0 assembled" not in line  # the changed document was seen
    same_as_full(seeds, out, tmp_path, capsys)


def test_a_state_of_an_older_layout_gives_a_full_build_then_incremental_ones(seeds, tmp_path, capsys):
    import gzip
    import json

    out = tmp_path / "out"
    build(seeds, out, capsys)
    current = out / "current"
    shutil.rmtree(current / "incremental")  # as a build of the previous layout left it:
    (current / "incremental.json.gz").write_bytes(gzip.compress(json.dumps({"format": "kg-incremental-2"}).encode()))
    (seeds / "doc-00005.txt").unlink()
    assert "incremental" not in build(seeds, out, capsys)  # not read: built in full
    assert sorted(p.name for p in current.iterdir()) == ["graph.html", "graph.ttl", "incremental", "provenance.ttl", "store"]
    same_as_full(seeds, out, tmp_path, capsys)
    (seeds / "doc-00006.txt").unlink()
    assert "incremental" in build(seeds, out, capsys)  # from the state that build wrote
    same_as_full(seeds, out, tmp_path, capsys)


def test_a_damaged_state_gives_a_full_build(seeds, tmp_path, capsys):
    out = tmp_path / "out"
    build(seeds, out, capsys)
    docs = out / "current" / "incremental" / "docs.tsv"
    data = docs.read_bytes()
    docs.write_bytes(data[:data.rindex(b"\n", 0, -1) + 1])  # its last line lost, as to a full disk
    (seeds / "doc-00005.txt").unlink()
    assert "incremental" not in build(seeds, out, capsys)
    same_as_full(seeds, out, tmp_path, capsys)


def test_the_checks_of_a_change_count_values_as_on_the_whole_graph():
    from kg.namespaces import PROVENANCE_GRAPH
    from kg.rdf.incremental import Change, validate_change
    from kg.rdf.shacl_sparql import compile_shapes, sparql_violations
    from kg.rdf.validate import load_shapes

    rdf, evidence = "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "https://w3id.org/ampere-kg/ontology#evidence"
    a = f"<{rdf}type>"

    def statement(name: str, subjects: int, sources: int) -> set[str]:
        lines = {f"<urn:{name}> {a} <{rdf}Statement>", f"<urn:{name}> <{rdf}predicate> <urn:p>",
                 f"<urn:{name}> <{rdf}object> <urn:o>", f"<urn:{name}> <urn:unchecked> <urn:x>"}
        lines |= {f"<urn:{name}> <{rdf}subject> <urn:s{i}>" for i in range(subjects)}
        return lines | {f"<urn:{name}> <{evidence}> <urn:e{i}>" for i in range(sources)}

    # many readings (sh:minCount 1 needs one), none, and two subjects (sh:maxCount 1)
    graph = statement("many", 1, 40) | statement("none", 1, 0) | statement("two", 2, 3)
    store = ox.Store()
    text = "".join(f"{line} .\n" for line in sorted(graph)).encode()
    store.extend([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(PROVENANCE_GRAPH)))
                  for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)])
    change = Change((set(), {line for line in graph if "unchecked" in line}), (set(), set()), ({}, {}))
    found = validate_change(store, load_shapes(), change)
    assert found == sparql_violations(store, str(PROVENANCE_GRAPH), compile_shapes(load_shapes()))
    assert [v.split()[0] for v in found] == ["urn:none", "urn:two"]


def test_a_metadata_file_added_beside_a_document_is_seen(seeds, tmp_path, capsys, monkeypatch):
    import kg.rdf.docstate

    monkeypatch.setattr(kg.rdf.docstate, "RACY_NS", 0)  # keep the stamps of files written just now
    out = tmp_path / "out"
    build(seeds, out, capsys)
    (seeds / "doc-00003.meta.toml").write_text('title = "Novo ime"\npublisher = "Nekdo"\n', encoding="utf-8")
    line = build(seeds, out, capsys)
    assert "incremental" in line and " 0 assembled" not in line
    same_as_full(seeds, out, tmp_path, capsys)
