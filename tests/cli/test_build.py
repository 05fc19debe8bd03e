"""`kg build` through the command line: output files, summary, determinism and bad input."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import ROOT, SEEDS


def run_kg(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd or ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=300)


def seeds_with(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (seeds / name).write_bytes(data)
    return seeds


def test_build_writes_graph_provenance_and_summary(tmp_path):
    out = tmp_path / "out"
    res = run_kg("build", "--seeds", str(SEEDS), "--out", str(out))
    assert res.returncode == 0, res.stderr
    for name in ("graph.ttl", "provenance.ttl"):
        g = Graph().parse(out / name, format="turtle")
        assert len(g) > 50
    for word in ("documents", "sentences", "entities", "akg:Plant", "triples (facts)", "time"):
        assert word in res.stdout
    assert "Traceback" not in res.stderr


def test_default_folders_are_seeds_and_build(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    res = run_kg("build", "-q", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "build" / "graph.ttl").exists()
    assert res.stdout == ""


def test_same_seeds_give_byte_identical_files(tmp_path):
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        res = run_kg("build", "-q", "--seeds", str(SEEDS), "--out", str(out), env={"PYTHONHASHSEED": seed})
        assert res.returncode == 0, res.stderr
        outs.append(out)
    for name in ("graph.ttl", "provenance.ttl"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()


BAD_INPUTS = {
    "missing folder": (None, "does not exist"),
    "empty folder": ({}, "no documents"),
    "binary file": ({"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"}, "a.txt: binary file"),
    "not utf-8": ({"a.txt": "Podjetje Krka.\nTovarna Cléon je v Franciji.".encode("latin-1")}, "a.txt:2: not valid UTF-8"),
    "empty document": ({"a.txt": "  \n\n "}, "a.txt: empty document"),
    "only invisible characters": ({"a.txt": "\u200b\u200d\n\u202e \u00ad"}, "a.txt: empty document"),
    "bad metadata": ({"a.txt": "Podjetje Krka ima sedež v Novem mestu.", "a.meta.toml": "title = ["}, "a.meta.toml: malformed metadata"),
    "unknown language": ({"a.txt": "Podjetje Krka.", "a.meta.toml": 'language = "xx"'}, "unsupported language"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, case):
    files, expected = BAD_INPUTS[case]
    seeds = tmp_path / "seeds" if files is None else seeds_with(tmp_path, files)
    out = tmp_path / "out"
    res = run_kg("build", "--seeds", str(seeds), "--out", str(out))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    assert expected in lines[0]
    assert not (out / "graph.ttl").exists()


@pytest.mark.parametrize("which,content,expected", [
    ("ontology", "@prefix x: <http://x/> . x:a x:b", "malformed ontology"),
    ("shapes", "this is not turtle", "malformed SHACL shapes"),
])
def test_malformed_ontology_or_shapes(tmp_path, which, content, expected):
    bad = tmp_path / f"bad-{which}.ttl"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    res = run_kg("build", "--seeds", str(SEEDS), "--out", str(out), f"--{which}", str(bad))
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1
    assert expected in res.stderr and str(bad) in res.stderr
    assert not out.exists() or not (out / "graph.ttl").exists()


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root can write to read-only folders")
def test_unwritable_output_folder_non_root(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    res = run_kg("build", "--seeds", str(SEEDS), "--out", str(out))
    assert res.returncode == 2 and "not writable" in res.stderr


def test_unwritable_output_folder(tmp_path):
    # a path under a regular file can never be created, even by root
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run_kg("build", "--seeds", str(SEEDS), "--out", str(blocker / "out"))
    assert res.returncode == 2
    assert "not writable" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_previous_build_survives_a_failed_build(tmp_path):
    out = tmp_path / "out"
    assert run_kg("build", "-q", "--seeds", str(SEEDS), "--out", str(out)).returncode == 0
    before = (out / "graph.ttl").read_bytes()
    seeds = seeds_with(tmp_path, {"good.txt": "Podjetje Krka ima sedež v Novem mestu.", "bad.txt": b"\x00\x01"})
    res = run_kg("build", "--seeds", str(seeds), "--out", str(out))
    assert res.returncode == 2
    assert (out / "graph.ttl").read_bytes() == before
    # no temporary file left behind (the incremental cache folder is not one)
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.is_file()]


def test_document_without_facts_is_reported_not_fatal(tmp_path):
    seeds = seeds_with(tmp_path, {"a.txt": "Danes je lep dan. Sonce sije.",
                                  "b.txt": "Podjetje Krka ima sedež v Novem mestu."})
    res = run_kg("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert "no facts found in a.txt" in res.stdout


def test_shapes_violation_fails_the_build_with_the_violations(tmp_path):
    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
<urn:s> a sh:NodeShape ; sh:targetClass schema:Person ;
  sh:property [ sh:path schema:birthDate ; sh:minCount 1 ] .""", encoding="utf-8")
    out = tmp_path / "out"
    res = run_kg("build", "--seeds", str(SEEDS), "--out", str(out), "--shapes", str(shapes))
    assert res.returncode == 1
    assert "violates 1 SHACL constraint" in res.stderr and "luca-de-meo" in res.stderr
    assert not (out / "graph.ttl").exists()


def test_a_small_build_is_validated_by_sparql_on_its_store_not_by_pyshacl(tmp_path, monkeypatch):
    """pyshacl parses a SPARQL constraint's query again for each focus node (minutes for 200
    documents), so every build checks its store by SPARQL; a violation is still caught."""
    import pyshacl

    import kg
    from kg.errors import ValidationError
    from kg.namespaces import FACTS_GRAPH

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pyshacl ran on the whole graph")

    monkeypatch.setattr(pyshacl, "validate", refuse)
    ds = kg.build(SEEDS, tmp_path / "out", jobs=1)
    assert len(ds.graph(FACTS_GRAPH)) > 100
    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
<urn:s> a sh:NodeShape ; sh:targetClass schema:Person ;
  sh:property [ sh:path schema:birthDate ; sh:minCount 1 ] .""", encoding="utf-8")
    with pytest.raises(ValidationError, match="luca-de-meo"):
        kg.build(SEEDS, tmp_path / "strict", jobs=1, shapes=shapes)


def test_the_facts_are_checked_alike_in_memory_and_on_the_store(tmp_path, monkeypatch):
    """The facts graph is checked on an in-memory copy when small (kg.rdf.largegraph.facts_store),
    on the build's store past FACTS_IN_MEMORY_MAX: the same violations either way."""
    import kg
    import kg.rdf.largegraph as largegraph
    from kg.errors import ValidationError

    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
<urn:s> a sh:NodeShape ; sh:targetClass schema:Organization ;
  sh:property [ sh:path schema:foundingDate ; sh:minCount 1 ] .""", encoding="utf-8")
    stores: list[str] = []
    real = largegraph.facts_store
    monkeypatch.setattr(largegraph, "facts_store", lambda store, nt: stores.append(
        "memory" if (found := real(store, nt)) is not store else "disk") or found)
    messages = []
    for limit in (largegraph.FACTS_IN_MEMORY_MAX, 0):
        monkeypatch.setattr(largegraph, "FACTS_IN_MEMORY_MAX", limit)
        with pytest.raises(ValidationError) as err:
            kg.build(SEEDS, tmp_path / f"strict-{limit}", jobs=1, shapes=shapes)
        messages.append(str(err.value))
    assert stores == ["memory", "disk"]
    assert messages[0] == messages[1] and "renault" in messages[0]


def test_python_api_returns_dataset_and_load_reads_it_back(tmp_path):
    import kg
    from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH

    ds = kg.build(SEEDS, tmp_path / "out")
    again = kg.load(tmp_path / "out")
    for name in (FACTS_GRAPH, PROVENANCE_GRAPH):
        assert len(ds.graph(name)) == len(again.graph(name)) > 0
        assert set(ds.graph(name)) == set(again.graph(name))


def test_load_without_a_build_is_an_input_error(tmp_path):
    import kg

    with pytest.raises(kg.InputError, match="no built graph"):
        kg.load(tmp_path)


def test_a_build_on_a_terminal_shows_progress_for_writing_storing_and_validating(tmp_path):
    """Each long step after extraction has a bar of its own (they are silent without a terminal)."""
    import pty

    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import write_corpus

    seeds = tmp_path / "seeds"
    write_corpus(20, seeds, seed=5)
    main, child = pty.openpty()
    shown = bytearray()

    def read_terminal() -> None:
        while True:
            try:
                chunk = os.read(main, 1 << 16)
            except OSError:  # the terminal is closed once the build has ended
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=read_terminal)
    reader.start()
    proc = subprocess.run([sys.executable, "-m", "kg", "build", "--seeds", str(seeds), "--out", str(tmp_path / "out"),
                           "-j", "1"], cwd=ROOT, stdout=child, stderr=child, check=False, timeout=300,
                          env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(child)
    reader.join(timeout=30)
    os.close(main)
    assert proc.returncode == 0
    for step in (b"extracting", b"writing graph.ttl", b"writing provenance.ttl", b"storing", b"validating"):
        assert step in shown, step
