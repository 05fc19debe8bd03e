"""The provenance graph checked block by block in memory (``kg.rdf.blockcheck``): the same
violations as the SPARQL checks on the whole store, whatever the block size, and a build that
reports them."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

import kg
from kg.errors import ValidationError
from kg.namespaces import NIF, PROVENANCE_GRAPH
from kg.rdf.blockcheck import blocked_violations, subject_blocks
from kg.rdf.shacl_sparql import compile_shapes, graph_types, sparql_violations
from kg.rdf.validate import load_shapes
from tests.conftest import SEEDS
from tests.test_scale import _injected

GRAPH = str(PROVENANCE_GRAPH)


def _damaged(prov: Graph) -> Graph:
    """The seed provenance with ``test_scale``'s damage to sentences and a phrase, and more whose
    checks read nodes of other subjects (which a small block does not hold)."""
    g = _injected(prov)
    phrases = sorted(prov.subjects(RDF.type, NIF.Phrase))
    g.set((phrases[1], NIF.sentence, phrases[2]))                           # class: a typed node
    g.set((phrases[3], NIF.sentence, Literal("a sentence")))                # class: a literal
    g.set((phrases[4], NIF.sentence, sorted(prov.subjects(RDF.type, NIF.Sentence))[-1]))  # fine: far away
    g.add((sorted(prov.subjects(RDF.type, RDF.Statement))[0], RDF.object, URIRef("urn:another")))  # maxCount
    return g


def _sorted_nt(g: Graph) -> bytes:
    lines = sorted(line for line in g.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines() if line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _store(nt: bytes) -> ox.Store:
    store = ox.Store()
    store.load(nt, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(GRAPH))
    return store


@pytest.mark.parametrize("size", [1, 300, 4096, 1 << 30])
def test_blocks_find_the_violations_the_whole_store_finds(seed_dataset, size):
    shapes = load_shapes()
    nt = _sorted_nt(_damaged(seed_dataset.graph(PROVENANCE_GRAPH)))
    store = _store(nt)
    whole = sparql_violations(store, GRAPH, compile_shapes(shapes, only_targets=graph_types(store, GRAPH)))
    assert len(whole) == 7  # the far sentence is fine
    assert blocked_violations(store, GRAPH, shapes, nt, size=size) == whole


def test_blocks_of_the_clean_seed_provenance_have_no_violations(seed_dataset):
    nt = _sorted_nt(seed_dataset.graph(PROVENANCE_GRAPH))
    assert blocked_violations(_store(nt), GRAPH, load_shapes(), nt, size=1000) == []


def test_a_block_holds_all_lines_of_its_subjects(seed_dataset):
    nt = _sorted_nt(seed_dataset.graph(PROVENANCE_GRAPH))
    blocks = list(subject_blocks(io.BytesIO(nt), 700))
    assert b"".join(blocks) == nt and len(blocks) > 10
    subjects = [{line.split(b" ", 1)[0] for line in block.splitlines()} for block in blocks]
    assert all(a.isdisjoint(b) for i, a in enumerate(subjects) for b in subjects[i + 1:])


def test_shapes_with_a_sparql_constraint_or_blank_nodes_are_left_to_the_store():
    shapes = Graph().parse(format="turtle", data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ;
  sh:sparql [ a sh:SPARQLConstraint ; sh:select "SELECT $this WHERE { $this <urn:p> <urn:q> }" ] .""")
    typed = b"<urn:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:C> .\n"
    assert blocked_violations(_store(typed), GRAPH, shapes, typed) is None
    blank = b"_:b <urn:p> <urn:q> .\n"
    assert blocked_violations(_store(blank), GRAPH, load_shapes(), blank) is None


def test_a_build_reports_violations_in_the_provenance_graph(tmp_path):
    """Shapes the provenance cannot meet: the build fails and names a sentence."""
    shapes = tmp_path / "strict.ttl"
    shapes.write_text((SEEDS.parent / "shapes.ttl").read_text(encoding="utf-8") + """
<urn:strict> a sh:NodeShape ; sh:targetClass nif:Sentence ;
  sh:property [ sh:path <urn:x:reviewedBy> ; sh:minCount 1 ] .""", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"doc/.*#char=\d+,\d+ urn:x:reviewedBy: Less than 1 values"):
        kg.build(SEEDS, tmp_path / "out", jobs=1, shapes=shapes)


def test_set_stop_leaves_the_blocks_unchecked(seed_dataset):
    import threading

    from kg.rdf.blockcheck import check_blocks

    nt = _sorted_nt(seed_dataset.graph(PROVENANCE_GRAPH))
    stop = threading.Event()
    stop.set()
    assert check_blocks(GRAPH, load_shapes(), nt, size=1000, stop=stop) is None
    assert check_blocks(GRAPH, load_shapes(), nt, size=1000) is not None


def test_a_build_whose_store_fails_stops_its_checks_and_keeps_the_previous_build(seed_build, tmp_path, monkeypatch):
    """The checks run on a thread while the store is written; if writing fails, the build fails
    with that error, no checking thread is left, and the previous build is in place."""
    import shutil
    import threading

    import kg.builder

    out = tmp_path / "out"
    shutil.copytree(seed_build, out, symlinks=True)
    before = (out / "provenance.ttl").read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(kg.builder, "write_store", fail)
    with pytest.raises(Exception, match="No space left on device"):
        kg.build(SEEDS, out, jobs=1, full=True)
    assert not [t for t in threading.enumerate() if t.name.startswith("kg-check")]
    assert (out / "provenance.ttl").read_bytes() == before
