"""Awkward input to ``kg build``: document names that fold to the same slug, links out of the
seeds folder, metadata of the wrong type, invisible format characters and names in other
scripts. Each case goes through the command line (or ``kg.build``) and checks the graph files."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.namespaces import KGDOC, NIF, SCHEMA
from tests.conftest import ROOT

SENTENCE = "Podjetje {} ima sedež v Novem mestu."


def run_kg(*args: str) -> subprocess.CompletedProcess:
    """``python -m kg ARGS`` in a subprocess, output captured."""
    return subprocess.run([sys.executable, "-m", "kg", *args], check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def write_seeds(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``folder``; returns ``folder``."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return folder


def build_cli(seeds: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    """``kg build -q`` of ``seeds`` into ``out``; fails the test on a traceback."""
    res = run_kg("build", "-q", "--seeds", str(seeds), "--out", str(out), *args)
    assert "Traceback" not in res.stderr, res.stderr
    return res


def documents(prov: Graph) -> dict[str, URIRef]:
    """Relative path (``schema:url``) -> document IRI, for every document of a provenance graph."""
    return {str(prov.value(d, SCHEMA.url)): d for d in prov.subjects(RDF.type, NIF.Context)}


def assert_anchors_match(prov: Graph, texts: dict[str, str]) -> None:
    """Every sentence and phrase anchor equals its document's text at its offsets."""
    by_iri = {iri: texts[url] for url, iri in documents(prov).items()}
    for cls in (NIF.Sentence, NIF.Phrase):
        for node in prov.subjects(RDF.type, cls):
            text = by_iri[prov.value(node, NIF.referenceContext)]
            begin, end = int(prov.value(node, NIF.beginIndex)), int(prov.value(node, NIF.endIndex))
            assert str(prov.value(node, NIF.anchorOf)) == text[begin:end]


# names that used to fold into one document IRI; equal-length texts made the sentences of a
# collided pair share an IRI too, which failed the SHACL check (exit 1)
COLLIDING = ["Čas.txt", "Cas.txt", "a b.txt", "a-b.txt", "株式会社.txt", "トヨタ.txt", "a/b.txt", "a--b.txt",
             "x.txt", "x.md"]


def test_document_names_that_fold_alike_get_distinct_iris(tmp_path):
    texts = {name: SENTENCE.format(f"Kor{chr(ord('a') + i)}") for i, name in enumerate(COLLIDING)}
    seeds = write_seeds(tmp_path / "seeds", texts)
    assert build_cli(seeds, tmp_path / "out").returncode == 0
    prov = Graph().parse(tmp_path / "out" / "provenance.ttl")
    docs = documents(prov)
    assert sorted(docs) == sorted(COLLIDING) and len(set(docs.values())) == len(COLLIDING)
    assert_anchors_match(prov, texts)
    # a plain .txt name stays readable; the others keep a readable slug plus a hash of the path
    assert docs["a/b.txt"] == KGDOC["a--b"] and docs["x.txt"] == KGDOC["x"] and docs["Čas.txt"] == KGDOC["Čas"]
    assert re.fullmatch(re.escape(str(KGDOC)) + r"a-b-[0-9a-f]{10}", str(docs["a--b.txt"]))
    assert re.fullmatch(re.escape(str(KGDOC)) + r"x-[0-9a-f]{10}", str(docs["x.md"]))
    # a document's IRI depends on its own path only, not on which other files are there
    alone = write_seeds(tmp_path / "alone", {"x.md": texts["x.md"]})
    assert build_cli(alone, tmp_path / "out-alone").returncode == 0
    assert documents(Graph().parse(tmp_path / "out-alone" / "provenance.ttl"))["x.md"] == docs["x.md"]


def test_file_name_that_is_not_utf8_is_one_error_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / os.fsdecode(b"caf\xe9.txt")).write_text(SENTENCE.format("Krka"), encoding="utf-8")
    res = build_cli(seeds, tmp_path / "out")
    assert res.returncode == 2
    assert res.stderr.splitlines() == [f"error: {seeds}/caf\\xe9.txt: file name is not valid UTF-8; rename the file"]
    assert not (tmp_path / "out" / "graph.ttl").exists()
