"""Scale features of `kg build`: --jobs equivalence, the incremental cache, determinism, the
Oxigraph/SPARQL path for large graphs, and clean failure on bad input with several processes."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.cli import cli
from kg.namespaces import FACTS_GRAPH, NIF, PROVENANCE_GRAPH
from tests.conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
from corpus import write_corpus

FILES = ("graph.ttl", "provenance.ttl")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seed document plus 14 generated news documents."""
    folder = tmp_path_factory.mktemp("corpus") / "seeds"
    write_corpus(14, folder, seed=7)
    for f in SEEDS.iterdir():
        shutil.copy(f, folder / f.name)
    return folder


def run_build(seeds: Path, out: Path, *args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--out", str(out), *args])
    if res.exception and not isinstance(res.exception, SystemExit):
        raise res.exception
    return res.exit_code, res.output


def from_cache(output: str) -> int:
    return int(re.search(r"\((\d+) from cache", output).group(1))


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


@pytest.fixture(scope="module")
def full_build(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("full") / "out"
    code, text = run_build(corpus, out, "--jobs", "1", "--full")
    assert code == 0, text
    return out


def test_jobs_2_gives_the_same_bytes_as_jobs_1(corpus, full_build, tmp_path):
    code, text = run_build(corpus, tmp_path / "j2", "--jobs", "2", "--full")
    assert code == 0, text
    assert "15 (0 from cache, 15 assembled, 2 jobs)" in text
    assert outputs(tmp_path / "j2") == outputs(full_build)
    g = Graph().parse(full_build / "provenance.ttl")
    assert len(set(g.subjects(RDF.type, NIF.Context))) == 15


def test_second_build_comes_from_the_cache_with_identical_files(corpus, full_build, tmp_path):
    out = tmp_path / "out"
    assert run_build(corpus, out, "-j", "2")[0] == 0
    code, text = run_build(corpus, out, "-j", "2")
    assert code == 0 and "15 (15 from cache, 0 assembled, 2 jobs, incremental)" in text
    assert outputs(out) == outputs(full_build)
    code, text = run_build(corpus, out, "--full")
    assert code == 0 and from_cache(text) == 0
    assert outputs(out) == outputs(full_build)


def test_editing_one_document_re_extracts_only_it(corpus, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(corpus, seeds)
    out = tmp_path / "out"
    assert run_build(seeds, out, "-j", "2")[0] == 0
    doc = seeds / "doc-00003.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nPodjetje Zvezdar ima sedež v Mariboru.\n", encoding="utf-8")
    code, text = run_build(seeds, out, "-j", "2")
    assert code == 0 and from_cache(text) == 14
    # the edited document, and those naming an entity whose merged labels changed, are assembled again
    assert 1 <= int(re.search(r"(\d+) assembled", text).group(1)) < 15
    assert "company/zvezdar" in (out / "graph.ttl").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert run_build(seeds, fresh, "--full", "-j", "1")[0] == 0
    assert outputs(out) == outputs(fresh)
    assert len(list((out / ".cache").glob("*.json.gz"))) == 15  # the old entry of the edited file is gone


def test_deleting_a_document_removes_its_facts(corpus, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(corpus, seeds)
    out = tmp_path / "out"
    assert run_build(seeds, out)[0] == 0
    assert "doc/ampere-sl>" in (out / "provenance.ttl").read_text(encoding="utf-8")
    assert "company/ampere>" in (out / "graph.ttl").read_text(encoding="utf-8")
    (seeds / "ampere-sl.txt").unlink()
    code, text = run_build(seeds, out)
    assert code == 0 and from_cache(text) == 14
    assert "doc/ampere-sl" not in (out / "provenance.ttl").read_text(encoding="utf-8")
    assert "company/ampere>" not in (out / "graph.ttl").read_text(encoding="utf-8")
    assert len(list((out / ".cache").glob("*.json.gz"))) == 14
    fresh = tmp_path / "fresh"
    assert run_build(seeds, fresh)[0] == 0
    assert outputs(out) == outputs(fresh)


def test_cache_key_changes_with_the_ontology(tmp_path):
    from kg.cache import extractor_version
    from kg.ontology import default_file

    onto = tmp_path / "o.ttl"
    onto.write_bytes(default_file("ontology.ttl").read_bytes())
    before = extractor_version(onto)
    assert extractor_version(onto) == before
    onto.write_bytes(onto.read_bytes() + b"\n# edited\n")
    assert extractor_version(onto) != before


def test_bad_document_with_two_jobs_fails_cleanly_and_writes_nothing(corpus, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(corpus, seeds)
    (seeds / "doc-00009.txt").write_bytes(b"Podjetje Krka \xff\xfe ima sedez.")
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "kg", "build", "--seeds", str(seeds), "--out", str(out),
                          "--jobs", "2"], check=False, capture_output=True, text=True, timeout=300)
    assert res.returncode == 2
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "doc-00009.txt:1" in lines[0]
    assert list(out.iterdir()) == []  # no graph files, no cache entries


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_large_path_writes_the_same_files_and_an_oxigraph_dataset(corpus, full_build, tmp_path, monkeypatch):
    import kg.builder

    monkeypatch.setattr(kg.builder, "RDFLIB_MAX_TRIPLES", 100)
    ds = kg.build(corpus, tmp_path / "big", jobs=2, html=False)
    from oxrdflib import OxigraphStore

    assert isinstance(ds.store, OxigraphStore)  # a read-only view of the build's store
    assert outputs(tmp_path / "big") == outputs(full_build)
    small = kg.load(full_build)
    for name in (FACTS_GRAPH, PROVENANCE_GRAPH):
        assert len(ds.graph(name)) == len(small.graph(name)) > 100


def _injected(prov: Graph) -> Graph:
    """The seed provenance graph with four kinds of damage to sentences and phrases."""
    g = Graph()
    for t in prov:
        g.add(t)
    sentences = sorted(prov.subjects(RDF.type, NIF.Sentence))
    phrases = sorted(prov.subjects(RDF.type, NIF.Phrase))
    g.remove((sentences[0], NIF.anchorOf, None))                                   # minCount
    g.add((sentences[1], NIF.beginIndex, Literal(99999, datatype=XSD.nonNegativeInteger)))  # maxCount
    g.set((sentences[2], NIF.endIndex, Literal("zwei")))                           # datatype
    g.set((phrases[0], NIF.sentence, URIRef("urn:not-a-sentence")))               # class
    return g


def test_sparql_checks_find_what_pyshacl_finds(seed_dataset):
    import pyoxigraph as ox

    from kg.rdf.shacl_sparql import compile_shapes, graph_types, sparql_violations
    from kg.rdf.validate import load_shapes, violations

    shapes = load_shapes()
    bad = _injected(seed_dataset.graph(PROVENANCE_GRAPH))
    store = ox.Store()
    store.load(bad.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode(str(PROVENANCE_GRAPH)))
    checks = compile_shapes(shapes, only_targets=graph_types(store, str(PROVENANCE_GRAPH)))
    mine = sparql_violations(store, str(PROVENANCE_GRAPH), checks)
    theirs = violations(bad, shapes)
    assert len(mine) == 4
    assert {line.split(" ", 1)[0] for line in mine} == {line.split(" ", 1)[0] for line in theirs}
    clean = ox.Store()
    clean.load(seed_dataset.graph(PROVENANCE_GRAPH).serialize(format="nt", encoding="utf-8"),
               format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(PROVENANCE_GRAPH)))
    assert sparql_violations(clean, str(PROVENANCE_GRAPH), checks) == []


def test_sparql_checks_tell_too_few_from_too_many_values_of_one_path():
    """The minimum and maximum count of a path are checked by one query; each node gets the
    message of the bound it breaks, and a node within both gets none."""
    import pyoxigraph as ox

    from kg.rdf.shacl_sparql import compile_shapes, sparql_violations

    shapes = Graph().parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ;
  sh:property [ sh:path <urn:p> ; sh:minCount 1 ; sh:maxCount 2 ] .""", format="turtle")
    store = ox.Store()
    store.load(b"""<urn:none> a <urn:C> .
<urn:one> a <urn:C> . <urn:one> <urn:p> "a" .
<urn:two> a <urn:C> . <urn:two> <urn:p> "a" . <urn:two> <urn:p> "b" .
<urn:three> a <urn:C> . <urn:three> <urn:p> "a" . <urn:three> <urn:p> "b" . <urn:three> <urn:p> "c" .
""", format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:g"))
    assert sparql_violations(store, "urn:g", compile_shapes(shapes)) == [
        "urn:none urn:p: Less than 1 values", "urn:three urn:p: More than 2 values"]


def test_parallel_assembly_equals_the_single_sink_reference(corpus, full_build):
    """The per-document, multi-process assembly writes exactly what kg.rdf.triples' one-sink path gives."""
    from kg.builder import assemble
    from kg.extract.reading import find_documents
    from kg.ontology import load_ontology
    from kg.parallel import extract_documents
    from kg.rdf.graph import turtle_bytes

    onto = load_ontology()
    docs = [r.doc for r in extract_documents(find_documents(corpus), corpus, onto, jobs=1)]
    sink = assemble(docs, onto)
    assert turtle_bytes(sink.facts) == (full_build / "graph.ttl").read_bytes()
    assert turtle_bytes(sink.provenance) == (full_build / "provenance.ttl").read_bytes()
