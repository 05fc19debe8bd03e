"""Awkward input to ``kg build``: document names that fold to the same slug, links out of the
seeds folder, metadata of the wrong type, invisible format characters and names in other
scripts. Each case goes through the command line (or ``kg.build``) and checks the graph files."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

import kg
from kg.namespaces import AKG, KGDOC, KGID, NIF, PROVENANCE_GRAPH, SCHEMA
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
    return {str(prov.value(d, SCHEMA.url)): URIRef(str(d)) for d in prov.subjects(RDF.type, NIF.Context)}


def assert_anchors_match(prov: Graph, texts: dict[str, str]) -> None:
    """Every sentence and phrase anchor equals its document's text at its offsets (a phrase's
    document is its sentence's, its offsets those of its IRI)."""
    from kg.viz.sources import char_span

    by_iri = {iri: texts[url] for url, iri in documents(prov).items()}
    for cls in (NIF.Sentence, NIF.Phrase):
        for node in prov.subjects(RDF.type, cls):
            sentence = node if cls == NIF.Sentence else prov.value(node, NIF.sentence)
            text = by_iri[URIRef(str(prov.value(sentence, NIF.referenceContext)))]
            begin, end = char_span(node)
            assert begin is not None and end is not None, node
            if cls == NIF.Sentence:
                assert (begin, end) == (int(str(prov.value(node, NIF.beginIndex))),
                                        int(str(prov.value(node, NIF.endIndex))))
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


def _seeds_with_links(tmp_path: Path) -> Path:
    """A seeds folder with links out of it (a file, a folder, a metadata file), one link inside
    it and a broken one."""
    outside = write_seeds(tmp_path / "outside", {"secret.txt": SENTENCE.format("Tajna"),
                                                  "sub/far.txt": SENTENCE.format("Daljna"),
                                                  "meta.toml": 'title = "outside title"'})
    seeds = write_seeds(tmp_path / "seeds", {"a.txt": SENTENCE.format("Krka"), "sub/real.txt": SENTENCE.format("Lek")})
    (seeds / "link.txt").symlink_to(outside / "secret.txt")
    (seeds / "far").symlink_to(outside / "sub", target_is_directory=True)
    (seeds / "a.meta.toml").symlink_to(outside / "meta.toml")
    (seeds / "inside.txt").symlink_to(Path("sub") / "real.txt")
    (seeds / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    return seeds


def test_links_out_of_the_seeds_folder_are_skipped_with_a_warning_each(tmp_path):
    seeds = _seeds_with_links(tmp_path)
    res = build_cli(seeds, tmp_path / "out")
    assert res.returncode == 0, res.stderr
    outside, follow = tmp_path / "outside", "outside the seeds folder; skipped (--follow-links reads it)"
    assert sorted(res.stderr.splitlines()) == [
        f"warning: {seeds}/a.meta.toml: links to {outside}/meta.toml, outside the seeds folder; "
        + "metadata of a.txt not read (--follow-links reads it)",
        f"warning: {seeds}/broken.txt: broken symbolic link; skipped",
        f"warning: {seeds}/far: links to the folder {outside}/sub, {follow}",
        f"warning: {seeds}/link.txt: links to {outside}/secret.txt, {follow}"]
    prov_text = (tmp_path / "out" / "provenance.ttl").read_text(encoding="utf-8")
    assert sorted(documents(Graph().parse(data=prov_text))) == ["a.txt", "inside.txt", "sub/real.txt"]
    assert "Tajna" not in prov_text and "Daljna" not in prov_text and "outside title" not in prov_text


def test_follow_links_reads_them(tmp_path):
    seeds = _seeds_with_links(tmp_path)
    res = build_cli(seeds, tmp_path / "out", "--follow-links")
    assert res.returncode == 0, res.stderr
    assert res.stderr.splitlines() == [f"warning: {seeds}/broken.txt: broken symbolic link; skipped"]
    prov = Graph().parse(tmp_path / "out" / "provenance.ttl")
    docs = documents(prov)
    assert sorted(docs) == ["a.txt", "far/far.txt", "inside.txt", "link.txt", "sub/real.txt"]
    assert str(prov.value(docs["a.txt"], DCTERMS.title)) == "outside title"


def test_python_api_warns_with_kg_warning(tmp_path):
    seeds = _seeds_with_links(tmp_path)
    with pytest.warns(kg.KgWarning) as caught:
        kg.build(seeds, tmp_path / "out", html=False, jobs=1)
    ours = [str(w.message) for w in caught if w.category is kg.KgWarning]
    assert len(ours) == 4 and all(m.startswith(str(seeds)) for m in ours)


DATE_MUST = "field 'date' must be a date (2023, 2023-05 or 2023-05-01),"
BAD_METADATA = {
    "title array": ("title = [1, {a=3}]", "field 'title' must be a string, not an array"),
    "date not a date": ('date = "not a date"', f"{DATE_MUST} not 'not a date'"),
    "impossible date": ('date = "2023-02-30"', "field 'date' must be a date"),
    "date boolean": ("date = true", f"{DATE_MUST} not a boolean"),
    "language integer": ("language = 5", "field 'language' must be a string, not an integer"),
    "source not an IRI": ('source = "https://example.org/a b"', "field 'source' is not a valid IRI"),
}


@pytest.mark.parametrize("case", sorted(BAD_METADATA))
def test_metadata_of_the_wrong_type_is_one_error_line_naming_file_and_field(tmp_path, case):
    meta, expected = BAD_METADATA[case]
    seeds = write_seeds(tmp_path / "seeds", {"a.txt": SENTENCE.format("Krka"), "a.meta.toml": meta})
    res = build_cli(seeds, tmp_path / "out")
    assert res.returncode == 2
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {seeds}/a.meta.toml: {expected}"), res.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_metadata_dates_in_every_accepted_form_and_unknown_fields_warned(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", {
        "a.txt": SENTENCE.format("Krka"), "a.meta.toml": "date = 2023",
        "b.txt": SENTENCE.format("Lek"), "b.meta.toml": 'date = 2023-05-01\ntitel = "typo"',
        "c.txt": SENTENCE.format("Petrol"), "c.meta.toml": 'date = "2023-05"\ntitle = ""'})
    res = build_cli(seeds, tmp_path / "out")
    assert res.returncode == 0, res.stderr
    known = "title, language, source, publisher, date"
    assert res.stderr.splitlines() == [f"warning: {seeds}/b.meta.toml: unknown field 'titel' ignored (known: {known})"]
    prov = Graph().parse(tmp_path / "out" / "provenance.ttl")
    docs = documents(prov)
    assert {url: str(prov.value(d, DCTERMS.date)) for url, d in docs.items()} == \
        {"a.txt": "2023", "b.txt": "2023-05-01", "c.txt": "2023-05"}
    assert str(prov.value(docs["c.txt"], DCTERMS.title)) == "c"  # an empty title counts as none


BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
INVISIBLE_TEXT = ("Podjetje Amp\u200dere d.o.o. ima 500 zaposlenih.\n"          # zero-width joiner
                  "Podjetje \u202eKrka\u202c ima sedež v Novem mestu.\n"         # right-to-left override
                  "Družba Pe\u00adtrol d.d. ima 300 zaposlenih.\n"                # soft hyphen
                  "\ufeffSkupina Re\u200bnault\u2066 je ustanovila podjetje Ampere. "
                  "»Gradimo prihodnost za \u200evse nas,« je dejal Luca de Meo.\n")


def test_invisible_characters_do_not_cut_names_and_offsets_stay_true(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", {"a.txt": INVISIBLE_TEXT})
    out = tmp_path / "out"
    assert build_cli(seeds, out).returncode == 0
    facts = Graph().parse(out / "graph.ttl")
    labels = {str(o) for o in facts.objects(None, SKOS.prefLabel)}
    assert {"Ampere d.o.o.", "Krka", "Petrol d.d."} <= labels, labels
    assert not [t for t in facts.objects() if isinstance(t, Literal) and any(unicodedata.category(c) == "Cf" for c in t)]
    assert any("Gradimo prihodnost za vse nas" in t for t in facts.objects(None, SCHEMA.text))
    prov = Graph().parse(out / "provenance.ttl")
    assert_anchors_match(prov, {"a.txt": INVISIBLE_TEXT})  # offsets into the text as read
    assert "Podjetje Amp\u200dere d.o.o. ima 500 zaposlenih." in {str(o) for o in prov.objects(None, NIF.anchorOf)}
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "Krka" in page and not BIDI_CONTROLS.search(page)  # no override reaches the view


def employees(facts: Graph) -> dict[str, set[int]]:
    """Entity IRI -> its schema:numberOfEmployees values."""
    return {str(s): {int(str(v)) for v in facts.objects(node, SCHEMA.value)}
            for s, node in facts.subject_objects(SCHEMA.numberOfEmployees)}


def test_names_without_ascii_letters_get_their_own_iris(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", {
        "a.txt": "Podjetje Яндекс d.o.o. ima 500 zaposlenih.\n\nPodjetje Газпром d.o.o. ima 300 zaposlenih.\n",
        "b.txt": "Podjetje Яндекс d.o.o. ima sedež v Novem mestu.\n"})
    res = build_cli(seeds, tmp_path / "out")
    assert res.returncode == 0 and res.stderr == "", res.stderr
    facts = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert employees(facts) == {str(KGID["company/яндекс"]): {500}, str(KGID["company/газпром"]): {300}}
    # the same name in another document is the same entity
    assert (KGID["company/яндекс"], AKG.headquarteredIn, KGID["city/novo-mesto"]) in facts


def test_a_look_alike_name_is_kept_apart_with_a_warning(tmp_path):
    seeds = write_seeds(tmp_path / "seeds", {"a.txt": "Podjetje Ren\u0430ult d.o.o. ima 500 zaposlenih.\n",
                                             "b.txt": "Podjetje Renault d.o.o. ima 300 zaposlenih.\n"})
    res = build_cli(seeds, tmp_path / "out")
    assert res.returncode == 0
    expected = (f"warning: {seeds}/a.txt: the name 'Ren\u0430ult d.o.o.' mixes Cyrillic and Latin letters "
                "(U+0430 CYRILLIC SMALL LETTER A); kept apart from look-alike names as kgid:company/ren%D0%B0ult")
    assert res.stderr.splitlines() == [expected]
    facts = Graph().parse(tmp_path / "out" / "graph.ttl")
    # the odd letter is percent-encoded, so the IRI does not look like the real one either
    assert employees(facts) == {str(KGID["company/ren%D0%B0ult"]): {500}, str(KGID["company/renault"]): {300}}


def test_a_thousand_tiny_files_with_awkward_names_are_a_thousand_documents(tmp_path):
    files = {f"d{i % 10}/" + ("n{}.txt", "n {}.txt", "Č{}.md", "株{}.txt")[i % 4].format(i):
             f"Podjetje Krka{i} ima {i + 10} zaposlenih.\n" for i in range(1000)}
    ds = kg.build(write_seeds(tmp_path / "seeds", files), tmp_path / "out", html=False, jobs=2)
    docs = documents(ds.graph(PROVENANCE_GRAPH))
    assert sorted(docs) == sorted(files) and len(set(docs.values())) == 1000
