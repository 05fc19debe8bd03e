"""The build's Oxigraph store: ``kg build`` writes it with the Turtle files and switches it in with
them; every reader opens it read-only instead of parsing; a folder without one (an older build)
and a single file still work; names are found by their lookup keys."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.sparql.lookup import lookup_key
from tests.conftest import ROOT, SEEDS

EXTRA_DOC = "Podjetje Krka ima sedež v Novem mestu. Krka zaposluje več kot 12.000 ljudi.\n"
KRKA = "https://w3id.org/ampere-kg/id/company/krka"
LABELS = "SELECT ?label WHERE { ?x skos:prefLabel ?label } ORDER BY ?label"


def run_kg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], check=False, cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def labels(source) -> list[str]:
    return [str(row[0]) for row in kg.query(source, LABELS)]


def break_turtle(out: Path) -> None:
    """Make the Turtle files of the build in place unreadable: only the store can answer."""
    for name in ("graph.ttl", "provenance.ttl"):
        target = out / "current" / name
        target.unlink()
        target.write_text("this is not turtle {{{\n", encoding="utf-8")


@pytest.fixture(scope="module")
def store_build(seed_build: Path, tmp_path_factory) -> Path:
    """A copy of the seed build whose Turtle files are garbage: what still works reads the store."""
    out = tmp_path_factory.mktemp("store") / "out"
    shutil.copytree(seed_build, out, symlinks=True)
    break_turtle(out)
    return out


def test_build_writes_a_store_that_holds_the_turtle_files_graphs(seed_build, seed_dataset):
    store = seed_build / "current" / "store"
    assert (store / "CURRENT").is_file()
    from_files = kg.query(seed_build / "graph.ttl", LABELS).rows
    assert kg.query(seed_build, LABELS).rows == from_files != []
    count = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    by_graph = {str(g): int(n) for g, n in kg.query(seed_build, count)}
    import rdflib
    assert by_graph["https://w3id.org/ampere-kg/graph/facts"] == len(rdflib.Graph().parse(seed_build / "graph.ttl"))
    assert by_graph["https://w3id.org/ampere-kg/graph/provenance"] == len(
        rdflib.Graph().parse(seed_build / "provenance.ttl"))


def test_a_store_bulk_loaded_in_small_blocks_holds_the_same_quads(seed_build, tmp_path, monkeypatch):
    """The bulk loader is fed blocks of whole lines (its memory follows the block, not the file):
    the same quads as one load of each file, lookup keys included."""
    import pyoxigraph as ox

    import kg.sparql.store as store_module
    from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH

    files = []
    for name, graph in (("graph", FACTS_GRAPH), ("provenance", PROVENANCE_GRAPH)):
        nt = tmp_path / f"{name}.nt"
        nt.write_bytes(ox.serialize(ox.parse(path=str(seed_build / f"{name}.ttl")), format=ox.RdfFormat.N_TRIPLES))
        files.append((nt, str(graph)))
    monkeypatch.setattr(store_module, "BULK_LOAD_MIN_BYTES", 0)
    monkeypatch.setattr(store_module, "BULK_LOAD_BLOCK", 1000)  # many blocks, most lines cut by a read
    seen: list[int] = []
    blocks = store_module.write_store(tmp_path / "blocks", files, seen.append)
    assert len(seen) > 50 and sum(seen) == sum(path.stat().st_size for path, _ in files)
    whole = ox.Store()
    for path, graph in files:
        whole.load(path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
    store_module.add_store_keys(whole)
    assert set(blocks) == set(whole) and len(whole) > 800


def test_every_reader_answers_from_the_store_without_the_turtle_files(store_build, seed_build, tmp_path):
    assert labels(store_build) == labels(seed_build)
    res = run_kg("query", "--build", str(store_build), "who-leads", "--format", "csv")
    assert res.returncode == 0 and "luca-de-meo" in res.stdout, res.stderr
    for command in (["stats", "--build", str(store_build)], ["path", "Douai", "Luca de Meo", "--build", str(store_build)],
                    ["export", "--build", str(store_build), "--format", "graphml", "--out", str(tmp_path / "g.graphml")],
                    ["viz", "--build", str(store_build), "--out", str(tmp_path / "g.html")]):
        res = run_kg(*command)
        assert res.returncode == 0, (command, res.stderr)
    assert "Luca de Meo" in (tmp_path / "g.html").read_text(encoding="utf-8")
    ds = kg.load(store_build)
    assert len(kg.to_networkx(ds)) == len(kg.to_networkx(seed_build)) > 0
    # the lookup keys are the store's index for queries, not part of the graph kg.load shows
    assert "https://w3id.org/ampere-kg/graph/lookup" not in {str(g.identifier) for g in ds.graphs()}
    assert not any("lookupKey" in str(quad[1]) for quad in ds.quads((None, None, None, None)))


def test_a_build_without_a_store_and_a_single_file_are_loaded(seed_build, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(seed_build, old, symlinks=True)
    shutil.rmtree(old / "current" / "store")  # as versions before the store wrote it
    assert labels(old) == labels(seed_build) == labels(seed_build / "graph.ttl")
    for source in (old, seed_build / "graph.ttl"):
        rows = kg.query(source, "who-leads", organisation="ampere")
        assert [str(r[2]) for r in rows] == ["https://w3id.org/ampere-kg/id/person/luca-de-meo"]


def test_the_store_changes_with_the_turtle_files_or_not_at_all(seed_build, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "krka.txt").write_text(EXTRA_DOC, encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, symlinks=True)
    before = labels(out)
    failed = run_kg("build", "-q", "--seeds", str(seeds), "--out", str(out), env={"KG_DEBUG_AT": "html:fail"})
    assert failed.returncode == 2 and labels(out) == before  # the failed build's store is gone with it
    done = run_kg("build", "-q", "--seeds", str(seeds), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Krka" in labels(out) and "Krka" not in before
    assert labels(out) == labels(out / "graph.ttl")
    assert [p.name for p in (out / ".builds").iterdir()] == [os.readlink(out / "current").split("/")[1]]


def test_readers_open_the_store_while_others_read_it(store_build):
    """Read-only opening takes no lock: several processes query one store at once."""
    procs = [subprocess.Popen([sys.executable, "-m", "kg", "query", "--build", str(store_build), "labels",
                               "--param", "entity=Ampere", "--format", "csv"], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, outputs
    assert len({out for out, _ in outputs}) == 1 and "company/ampere" in outputs[0][0]


def test_a_damaged_store_is_one_line_error(seed_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out, symlinks=True)
    (out / "current" / "store" / "CURRENT").write_text("MANIFEST-999999\n", encoding="ascii")
    res = run_kg("query", "--build", str(out), "ASK { ?s ?p ?o }")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert res.stderr.strip().count("\n") == 0 and "cannot open the graph store" in res.stderr


def test_lookup_keys_fold_case_diacritics_and_space():
    assert lookup_key("  Trg  ELEKTRIČNIH vozil ") == "trg elektricnih vozil"
    assert lookup_key("Škoda") == lookup_key("skoda") == lookup_key("ŠKODA")


@pytest.mark.parametrize("name", ["Skupina Renault", "skupine renault", "SKUPINE RENAULT", "Renault Group"])
def test_named_queries_find_an_entity_by_any_form_of_its_name(store_build, name):
    rows = kg.query(store_build, "labels", entity=name)
    assert {str(r[1]) for r in rows} == {"https://w3id.org/ampere-kg/id/company/renault"}
    assert rows.vars == ["entity", "thing", "property", "value"]  # the key column is kg's own


def test_names_without_diacritics_find_the_entity(seed_build):
    rows = kg.query(seed_build, "labels", entity="trg elektricnih vozil")
    assert {str(r[1]).rsplit("/", 1)[-1] for r in rows} == {"trg-elektricnih-vozil"}


def test_an_iri_parameter_is_not_a_name(seed_build):
    assert kg.query(seed_build, "plants-of-hub", hub="<https://w3id.org/x>").rows == []


def test_parallel_evaluation_after_opening_a_store_does_not_hang(seed_build, tmp_path):
    """A process that has opened a store (RocksDB threads) can still evaluate on several workers,
    each of which writes a build's store."""
    golds = sorted((ROOT / "eval" / "sl" / "heldout").glob("*.gold.toml"))[:2]
    for gold in golds:
        stem = gold.name.removesuffix(".gold.toml")
        for part in gold.parent.glob(f"{stem}.*"):
            shutil.copy(part, tmp_path / part.name)
    code = (f"import kg; kg.load({str(seed_build)!r}); "
            f"print(sum(len(s.documents) for s in kg.evaluate({str(tmp_path)!r}, jobs=2).subsets))")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=240,
                         check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert res.returncode == 0 and res.stdout.strip() == "2", res.stderr[-2000:]
