"""Large documents: the indexes that keep extraction linear give the answers of the scans they
replace, and the bounded-memory assembly (a large document in parts, sorted runs on disk, the
lines cache skipped for huge shares) writes the same bytes. Timings are measured by
``bench/bench_large_document.py``, not here."""
from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest
from rdflib import Graph

import kg
import kg.builder
import kg.extract.relations
import kg.extract.sites
import kg.parallel
import kg.rdf.assembly
import kg.rdf.triples
import kg.sparql.store
from kg.extract.document import Document, Mention
from kg.extract.link import _Groups, _Salience, _Topics
from kg.extract.pipeline import extract
from kg.extract.quotes import _latest_person
from kg.namespaces import FACTS_GRAPH
from kg.ontology import load_ontology
from tests.conftest import ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
from bench_large_document import large_document
from corpus import write_corpus

FILES = ("graph.ttl", "provenance.ttl")


def _residue(m: int, r: int):
    return lambda g: g % m == r % m


def test_salience_picks_what_a_scan_over_all_groups_picks():
    rng = random.Random(1)
    for _ in range(200):
        sal, counts, last = _Salience(), {}, {}
        conditions = {name: _residue(rng.randrange(1, 4), rng.randrange(3)) for name in ("a", "b", "c")}
        for i in range(rng.randrange(1, 60)):
            g = rng.randrange(12)
            sal.see(g, i)
            counts[g] = counts.get(g, 0) + 1
            last[g] = i
            name = rng.choice("abc")
            member = conditions[name]
            cands = [h for h in counts if member(h)]
            want = {"count": max(cands, key=lambda h: (counts[h], last[h])) if cands else None,
                    "last": max(cands, key=lambda h: last[h]) if cands else None,
                    "id": max(cands) if cands else None}
            by = rng.choice(["count", "last", "id"])
            assert sal.best(name, member, by) == want[by]


def test_core_name_index_finds_what_a_scan_finds():
    rng = random.Random(2)
    words = ["novo", "mesto", "ob", "savi", "krka", "ana", "novak", "d.", "zorko"]
    groups = _Groups()
    keys = []
    for g in range(300):
        key = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 4)))
        groups.file(key, g)
        keys.append(key)
    for _ in range(300):
        probes = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 3))) for _ in range(3)]
        prefixes, suffixes = [p + " " for p in probes], [" " + p for p in probes]
        want = [k for k in groups.by_core if any(k.startswith(p) for p in prefixes)
                or any(k.endswith(s) for s in suffixes)]
        assert groups.keys_with(prefixes, suffixes) == want


def test_topics_find_the_latest_earlier_sentence():
    rng = random.Random(3)
    topic, seen = _Topics(), set()
    for _ in range(500):
        sent = rng.randrange(100)
        topic.setdefault(sent, []).append(0)
        seen.add(sent)
        probe = rng.randrange(101)
        earlier = [k for k in seen if k < probe]
        assert topic.before(probe) == (max(earlier) if earlier else None)


def test_latest_person_is_the_scan_it_replaces():
    rng = random.Random(4)
    for _ in range(500):
        mentions = []
        for _ in range(rng.randrange(8)):
            start = rng.randrange(20)
            mentions.append(Mention(start, start + rng.randrange(1, 4), 0, 0, "", 0, "schema:Person", "", "person"))
        doc = Document("d", Path("d.txt"), "", {})
        doc.mentions = mentions
        order = list(range(len(mentions)))
        rng.shuffle(order)
        persons = {t: k for k in order for t in range(mentions[k].tok_start, mentions[k].tok_end)}
        latest = _latest_person(doc, persons)
        for before in range(25):
            earlier = [persons[t] for t in persons if t < before]
            assert latest(before) == (max(earlier, key=lambda k: mentions[k].tok_start) if earlier else None)


def test_site_owners_answer_as_site_owner(monkeypatch):
    """Every question of the head-count-at-sites frame gets _site_owner's answer."""
    asked = []
    owner = kg.extract.sites.SiteOwners.owner

    def both(self, sites):
        found = owner(self, sites)
        assert found == kg.extract.relations._site_owner(self.doc, sites)
        asked.append(found)
        return found

    monkeypatch.setattr(kg.extract.sites.SiteOwners, "owner", both)
    rng = random.Random(5)
    towns = ["Kopru", "Celju", "Kranju", "Logatcu", "Vrhniki"]
    texts = []
    for i in range(40):
        a, b = rng.sample(towns, 2)
        name = f"Termokava{i % 7}"
        texts.append(rng.choice([
            f"Družba {name} d.o.o. ima tovarni v {a} in {b}. V tovarnah v {a} in {b} dela {20 + i} ljudi.",
            f"Podjetje {name} ima tovarno v {a}. V tovarni v {a} dela {30 + i} ljudi.",
            f"Družba {name} ima štiri tovarne. V tovarnah v {a} in {b} dela 300 ljudi.",
            ("Skupina Glinotop ima tovarni na Rakeku in v Kanižarici. V tovarnah na Rakeku in v Kanižarici "
             "dela 740 ljudi.")]))
    onto = load_ontology()
    extract(Document("d", Path("d.txt"), " ".join(texts), {}), onto)  # one document: owners build up
    for text in texts[:10]:
        extract(Document("d", Path("d.txt"), text, {}), onto)
    assert len(asked) > 40 and any(a is not None for a in asked)


# session scope, not module: tests/conftest.py starts this module's slow tests first, apart from
# the rest of it, and a module fixture is built again each time a worker comes back to the module
@pytest.fixture(scope="session")
def mixed(tmp_path_factory) -> Path:
    """A 60 kB generated document, the seed document and 6 news documents."""
    folder = tmp_path_factory.mktemp("mixed") / "seeds"
    write_corpus(6, folder, seed=3)
    for f in SEEDS.iterdir():
        shutil.copy(f, folder / f.name)
    (folder / "large.txt").write_text(large_document(60_000), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def mixed_build(mixed, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("mixed-build")
    kg.build(mixed, out, jobs=1, html=False)
    return out


@pytest.mark.parametrize("jobs", [1, 2])
def test_bounded_memory_assembly_writes_the_same_bytes(mixed, mixed_build, tmp_path, monkeypatch, jobs):
    """Tiny limits: every document is large (assembled in parts), the sets of lines spill into
    many runs, no share fits the lines cache; the files are the same, with a cold and a warm cache."""
    monkeypatch.setattr(kg.rdf.assembly, "LARGE_DOCUMENT", 20)
    monkeypatch.setattr(kg.rdf.assembly, "SPILL_LINES", 700)
    monkeypatch.setattr(kg.rdf.assembly, "LINES_CACHE_MAX", 2_000)
    monkeypatch.setattr(kg.rdf.triples, "DRAIN_FACTS", 30)
    monkeypatch.setattr(kg.rdf.triples, "DRAIN_PROVENANCE", 300)
    out = tmp_path / "out"
    for _ in range(2):
        kg.build(mixed, out, jobs=jobs, html=False)
        assert {f: (out / f).read_bytes() for f in FILES} == {f: (mixed_build / f).read_bytes() for f in FILES}
    # shares over LINES_CACHE_MAX lines are not cached; the others are, and nothing is left behind
    cached = len(list((out / ".cache" / "lines").glob("*.lines.gz")))
    assert 0 < cached < len(list(mixed.glob("*.txt")))
    assert [p.name for p in (out / ".builds").iterdir()] == [(out / "current").readlink().name]


def test_large_path_validates_on_the_builds_store_and_returns_a_view_of_it(mixed, mixed_build, tmp_path,
                                                                             monkeypatch):
    """Past RDFLIB_MAX_TRIPLES the graph is validated on the build's on-disk store (bulk-loaded,
    so memory stays bounded) and the Dataset returned reads that store; no other copy is left."""
    monkeypatch.setattr(kg.builder, "RDFLIB_MAX_TRIPLES", 100)
    monkeypatch.setattr(kg.sparql.store, "BULK_LOAD_MIN_BYTES", 0)
    out = tmp_path / "out"
    ds = kg.build(mixed, out, jobs=1, html=False)
    assert {f: (out / f).read_bytes() for f in FILES} == {f: (mixed_build / f).read_bytes() for f in FILES}
    assert [p.name for p in (out / ".builds").iterdir()] == [(out / "current").readlink().name]
    assert len(ds.graph(FACTS_GRAPH)) == len(Graph().parse(out / "graph.ttl"))
    assert set(ds.graph(FACTS_GRAPH)) == set(kg.load(mixed_build).graph(FACTS_GRAPH))


def test_large_file_is_extracted_in_a_worker(mixed, mixed_build, tmp_path, monkeypatch):
    """With one job, a large document is extracted in a worker process (its memory goes back to
    the system): the same files."""
    monkeypatch.setattr(kg.parallel, "LARGE_FILE", 10_000)
    out = tmp_path / "out"
    kg.build(mixed, out, jobs=1, html=False, full=True)
    assert {f: (out / f).read_bytes() for f in FILES} == {f: (mixed_build / f).read_bytes() for f in FILES}
