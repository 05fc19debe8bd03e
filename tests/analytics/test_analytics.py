"""networkx analytics (issue 5): ``kg.to_networkx``, ``kg stats``, ``kg path``, ``kg export``.

The seed build is checked against independent SPARQL over its RDF graphs (round trip); small
hand-made graphs check value nodes, filters and inflected label lookup precisely.
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

import kg
from kg.analytics import export, shortest_path, stats
from kg.cli import cli
from kg.errors import InputError
from kg.namespaces import AKG, FACTS_GRAPH, KGID, NIF, ORG, PROVENANCE_GRAPH, SCHEMA, sparql_prefixes
from kg.ontology import curie
from kg.sparql.labels import find_entities, find_entity

ENTITIES = sparql_prefixes() + """
SELECT DISTINCT ?e WHERE {
  ?e skos:prefLabel ?l .
  FILTER(isIRI(?e))
  FILTER NOT EXISTS { ?e a schema:QuantitativeValue }
  FILTER NOT EXISTS { ?e a schema:Quotation }
}"""
RELATIONS = sparql_prefixes() + """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o . FILTER(?p != rdf:type)
  ?s skos:prefLabel ?ls . ?o skos:prefLabel ?lo .
  FILTER NOT EXISTS { ?s a schema:QuantitativeValue } FILTER NOT EXISTS { ?s a schema:Quotation }
  FILTER NOT EXISTS { ?o a schema:QuantitativeValue } FILTER NOT EXISTS { ?o a schema:Quotation }
}"""
SUPPORT = sparql_prefixes() + """
SELECT ?s ?p ?o ?sentence WHERE {
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; akg:evidence/prov:wasDerivedFrom ?sentence .
  ?sentence nif:anchorOf ?text .
}"""


def _facts(ds: rdflib.Dataset) -> rdflib.Graph:
    return ds.graph(FACTS_GRAPH)


def _prov(ds: rdflib.Dataset) -> rdflib.Graph:
    return ds.graph(PROVENANCE_GRAPH)


@pytest.fixture(scope="module")
def G(seed_dataset: rdflib.Dataset) -> nx.MultiDiGraph:
    return kg.to_networkx(seed_dataset)


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``kg`` entry point (real exit codes and stderr)."""
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args],
                          capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120)


# ---------------------------------------------------------------- to_networkx: round trip


def test_nodes_are_exactly_the_labelled_entities(G, seed_dataset):
    expected = {str(row[0]) for row in _facts(seed_dataset).query(ENTITIES)}
    assert expected, "the seed build has no entities"
    assert set(G.nodes) == expected
    assert not any(n.startswith(("https://w3id.org/ampere-kg/doc/", "https://w3id.org/ampere-kg/fact/",
                                 "https://w3id.org/ampere-kg/rule/")) for n in G)


def test_one_edge_per_object_relation(G, seed_dataset):
    expected = {(str(s), str(p), str(o)) for s, p, o in _facts(seed_dataset).query(RELATIONS)}
    got = [(u, k, v) for u, v, k in G.edges(keys=True)]
    assert expected, "the seed build has no relations between entities"
    assert len(got) == len(set(got))
    assert set(got) == expected
    for _, _, k, data in G.edges(keys=True, data=True):
        assert data["predicate"] == k
        assert data["label"] and data["label"] != k


def test_node_attributes_come_from_the_rdf(G, seed_dataset):
    facts = _facts(seed_dataset)
    for node, data in G.nodes(data=True):
        iri = URIRef(node)
        labels = {str(o) for p in (SKOS.prefLabel, RDFS.label, SKOS.altLabel) for o in facts.objects(iri, p)}
        assert set(data["labels"]) == labels
        assert data["label"] in {str(o) for o in facts.objects(iri, SKOS.prefLabel)}
        types = {str(t) for t in facts.objects(iri, RDF.type)}
        assert set(data["classes"]) == types and data["class"] in types


def test_edge_sentences_come_from_the_provenance_graph(G, seed_dataset):
    support: dict[tuple[str, str, str], set[str]] = {}
    for s, p, o, sentence in _prov(seed_dataset).query(SUPPORT):
        support.setdefault((str(s), str(p), str(o)), set()).add(str(sentence))
    with_sentences = 0
    for u, v, k, data in G.edges(keys=True, data=True):
        assert set(data["sentences"]) == support.get((u, k, v), set())
        with_sentences += bool(data["sentences"])
        for sentence in data["sentences"]:
            text = _prov(seed_dataset).value(URIRef(sentence), NIF.anchorOf)
            assert G.graph["sentences"][sentence]["text"] == str(text)
    assert with_sentences > 0


def test_rebuilding_triples_from_networkx_gives_the_rdf_relations(G, seed_dataset):
    facts = _facts(seed_dataset)
    rebuilt = rdflib.Graph()
    for u, v, k in G.edges(keys=True):
        rebuilt.add((URIRef(u), URIRef(k), URIRef(v)))
    for node, data in G.nodes(data=True):
        for cls in data["classes"]:
            rebuilt.add((URIRef(node), RDF.type, URIRef(cls)))
    assert all(triple in facts for triple in rebuilt)
    assert len(rebuilt) == len(G.edges) + sum(len(d["classes"]) for _, d in G.nodes(data=True))


def test_class_and_predicate_filters(G, seed_dataset):
    sites = kg.to_networkx(seed_dataset, classes=["org:Site"])
    expected = {str(s) for s in _facts(seed_dataset).subjects(RDF.type, ORG.Site)} & set(G.nodes)
    assert set(sites.nodes) == expected
    assert all(G.has_edge(u, v, k) for u, v, k in sites.edges(keys=True))
    some = sorted({k for _, _, k in G.edges(keys=True)})[0]
    only = kg.to_networkx(seed_dataset, predicates=[curie(some)])
    assert set(only.nodes) == set(G.nodes)
    assert {k for _, _, k in only.edges(keys=True)} == {some}
    assert only.number_of_edges() == sum(1 for _, _, k in G.edges(keys=True) if k == some)
    with pytest.raises(InputError):
        kg.to_networkx(seed_dataset, classes=["nosuchprefix:Plant"])


def test_to_networkx_reads_a_build_folder(G, seed_build):
    H = kg.to_networkx(seed_build)
    assert nx.utils.graphs_equal(G, H)
    assert list(H.nodes) == sorted(H.nodes)


# ---------------------------------------------------------------- small hand-made graph


def _tiny() -> rdflib.Graph:
    g = rdflib.Graph()
    company, country, plant = KGID["company/acme"], KGID["country/francija"], KGID["plant/lyon"]
    qv, quote = URIRef(str(company) + "/numberOfEmployees"), KGID["quotation/q1"]
    for node, cls, label in ((company, AKG.Company, "Skupina Acme"), (country, SCHEMA.Country, "Francija"),
                             (plant, AKG.Plant, "Lyon")):
        g.add((node, RDF.type, cls))
        g.add((node, SKOS.prefLabel, Literal(label, lang="sl")))
    g.add((company, ORG.hasSite, plant))
    g.add((plant, SCHEMA.containedInPlace, country))
    g.add((company, SCHEMA.numberOfEmployees, qv))
    g.add((qv, RDF.type, SCHEMA.QuantitativeValue))
    g.add((qv, SCHEMA.minValue, Literal(11000)))
    g.add((company, AKG.yearsOfExperience, Literal(15)))
    g.add((quote, RDF.type, SCHEMA.Quotation))
    g.add((quote, SKOS.prefLabel, Literal("izjava", lang="sl")))
    g.add((quote, SCHEMA.text, Literal("Gradimo prihodnost.", lang="sl")))
    g.add((quote, SCHEMA.creator, company))
    g.add((AKG.Company, RDF.type, rdflib.OWL.Class))
    g.add((AKG.Company, SKOS.prefLabel, Literal("podjetje", lang="sl")))
    return g


def test_value_nodes_and_quotations_become_attributes_not_nodes():
    G = kg.to_networkx(_tiny())
    acme = str(KGID["company/acme"])
    assert set(G.nodes) == {acme, str(KGID["country/francija"]), str(KGID["plant/lyon"])}
    assert G.nodes[acme]["schema:numberOfEmployees.schema:minValue"] == 11000
    assert G.nodes[acme]["akg:yearsOfExperience"] == 15
    assert G.nodes[acme]["quotations"] == "Gradimo prihodnost."
    assert G.nodes[acme]["class"] == str(AKG.Company)
    assert G.number_of_edges() == 2


@pytest.mark.parametrize("query, expected", [
    ("Skupina Acme", "company/acme"), ("skupina acme", "company/acme"),
    ("Skupine Acme", "company/acme"), ("Franciji", "country/francija"),
    ("Francije", "country/francija"), (str(KGID["plant/lyon"]), "plant/lyon"),
])
def test_find_entity_by_any_inflection(query, expected):
    assert find_entity(_tiny(), query) == str(KGID[expected])


def test_find_entity_unknown_or_ambiguous_is_an_input_error():
    g = _tiny()
    with pytest.raises(InputError, match="no entity"):
        find_entity(g, "Nemčija")
    g.add((KGID["company/acme-2"], SKOS.prefLabel, Literal("Skupina Acme", lang="sl")))
    assert len(find_entities(g, "Skupine Acme")) == 2
    with pytest.raises(InputError, match="ambiguous"):
        find_entity(g, "Skupina Acme")


# ---------------------------------------------------------------- stats


def test_stats_counts_agree_with_the_graph(G, seed_dataset):
    report = stats(seed_dataset, top=5)
    assert report["entities"] == G.number_of_nodes() and report["relations"] == G.number_of_edges()
    assert sum(report["classes"].values()) == G.number_of_nodes()
    assert sum(report["predicates"].values()) == G.number_of_edges()
    assert sum(report["components"]["sizes"]) == G.number_of_nodes()
    assert report["components"]["count"] == nx.number_weakly_connected_components(G)
    assert len(report["degree"]) == min(5, G.number_of_nodes())
    values = [row["value"] for row in report["degree"]]
    assert values == sorted(values, reverse=True)
    assert report["degree"][0]["value"] == round(max(nx.degree_centrality(G).values()), 6)
    best = max(nx.betweenness_centrality(nx.Graph(G.to_undirected())).values())
    assert report["betweenness"][0]["value"] == round(best, 6)


def test_sampled_betweenness_is_reproducible(G):
    first = stats(G, exact_limit=2, samples=3)
    assert first["betweenness_sampled"] is True and first["betweenness_samples"] == 3
    assert stats(G, exact_limit=2, samples=3) == first
    assert stats(G)["betweenness_sampled"] is False


def test_kg_stats_json_is_the_library_result(seed_build):
    result = CliRunner().invoke(cli, ["stats", "--build", str(seed_build), "--format", "json", "--top", "3"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == stats(seed_build, top=3)


def test_kg_stats_table(seed_build, G):
    result = CliRunner().invoke(cli, ["stats", "--build", str(seed_build)])
    assert result.exit_code == 0, result.output
    assert f"{G.number_of_nodes()} entities, {G.number_of_edges()} relations" in result.output
    assert "Betweenness centrality" in result.output
    top = stats(G, top=1)["degree"][0]["label"]
    assert top in result.output


# ---------------------------------------------------------------- path


def test_path_luca_de_meo_to_douai(G, seed_dataset):
    found = shortest_path(G, "Luca de Meo", "Douai")
    start, goal = found["source"]["iri"], found["target"]["iri"]
    assert found["source"]["label"] == "Luca de Meo" and found["target"]["label"] == "Douai"
    assert len(found["steps"]) == nx.shortest_path_length(G.to_undirected(), start, goal)
    prov = _prov(seed_dataset)
    for step in found["steps"]:
        assert step["relations"]
        for rel in step["relations"]:
            a, b = step["from"]["iri"], step["to"]["iri"]
            if not rel["forward"]:
                a, b = b, a
            assert G.has_edge(a, b, rel["predicate"])
            for sentence in rel["sentences"]:
                assert sentence["text"] == str(prov.value(URIRef(sentence["iri"]), NIF.anchorOf))
    assert any(rel["sentences"] for step in found["steps"] for rel in step["relations"])


def test_kg_path_prints_the_chain_with_sentences(seed_build, G):
    result = CliRunner().invoke(cli, ["path", "Luca de Meo", "Douai", "--build", str(seed_build)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Luca de Meo → Douai")
    found = shortest_path(G, "Luca de Meo", "Douai")
    for step in found["steps"]:
        labels = " | ".join(r["label"] for r in step["relations"] if r["forward"]) or \
            " | ".join(r["label"] for r in step["relations"])
        assert any(f"—[{labels}]→" in line for line in lines)
    quoted = [line for line in lines if line.lstrip().startswith("“")]
    assert quoted and all(" ".join(s["text"].split())[:20] in result.output
                          for st in found["steps"] for r in st["relations"] for s in r["sentences"])


def test_path_finds_entities_by_their_inflected_surface_forms(G):
    for node, data in G.nodes(data=True):
        for form in data["labels"]:
            found = find_entities(G, form)
            assert node in found, (form, found)


def test_kg_path_unknown_label_exits_2_with_one_line(seed_build):
    done = _kg("path", "Nikogaršnja Oseba", "Douai", "--build", str(seed_build))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("error: ") and "Nikogaršnja" in done.stderr


def test_kg_stats_missing_folder_exits_2_naming_it(tmp_path):
    done = _kg("stats", "--build", str(tmp_path / "nowhere"))
    assert done.returncode == 2 and "nowhere" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- export


@pytest.fixture(scope="module")
def exported(seed_build, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    for fmt in ("graphml", "gexf", "jsonld", "nt", "csv"):
        result = CliRunner().invoke(cli, ["export", "--build", str(seed_build), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
    return out


def test_graphml_and_gexf_read_back_with_networkx(exported, G):
    for H in (nx.read_graphml(exported / "graph.graphml"), nx.read_gexf(exported / "graph.gexf")):
        assert set(H.nodes) == set(G.nodes)
        assert H.number_of_edges() == G.number_of_edges()
        assert {(u, v) for u, v, _ in H.edges(keys=True)} == {(u, v) for u, v, _ in G.edges(keys=True)}
    H = nx.read_graphml(exported / "graph.graphml")
    node = next(iter(G.nodes))
    assert H.nodes[node]["label"] == G.nodes[node]["label"]


def test_rdf_exports_hold_the_facts_of_the_exported_graph(exported, G, seed_dataset):
    facts = _facts(seed_dataset)
    nt = rdflib.Graph().parse(exported / "graph.nt", format="nt")
    assert len(nt) > 0 and all(triple in facts for triple in nt)
    for u, v, k in G.edges(keys=True):
        assert (URIRef(u), URIRef(k), URIRef(v)) in nt
    assert {str(s) for s in nt.subjects(SKOS.prefLabel, None)} >= set(G.nodes)
    from rdflib.compare import isomorphic

    assert isomorphic(rdflib.Graph().parse(exported / "graph.jsonld", format="json-ld"), nt)
    lines = (exported / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)


def test_csv_export_has_one_row_per_node_and_edge(exported, G):
    with open(exported / "nodes.csv", encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with open(exported / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert [row["id"] for row in nodes] == list(G.nodes)
    assert len(edges) == G.number_of_edges()
    for row in edges:
        data = G.get_edge_data(row["source"], row["target"], row["predicate"])
        assert row["sentences"] == " | ".join(data["sentences"])
        assert row["source_label"] == G.nodes[row["source"]]["label"]


def test_exports_are_deterministic_across_processes(seed_build, tmp_path, exported):
    script = ("import sys; from kg.analytics import export\n"
              "for fmt in ('graphml', 'gexf', 'jsonld', 'nt', 'csv'): export(sys.argv[1], fmt, sys.argv[2])")
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", script, str(seed_build), str(tmp_path / seed)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in exported.iterdir())
    assert names == ["edges.csv", "graph.gexf", "graph.graphml", "graph.jsonld", "graph.nt", "nodes.csv"]
    for name in names:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes() \
            == (exported / name).read_bytes(), name


def test_export_to_a_file_path_and_no_leftovers(seed_build, tmp_path):
    written = export(seed_build, "graphml", tmp_path / "mine.graphml")
    assert written == [tmp_path / "mine.graphml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.graphml"]


def test_bad_export_leaves_existing_files_alone(seed_build, tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("keep me\n", encoding="utf-8")
    done = _kg("export", "--build", str(seed_build), "--format", "nt", "--out", str(tmp_path),
               "--class", "nosuchprefix:Thing")
    assert done.returncode == 2 and done.stderr.startswith("error: ")
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt"]
