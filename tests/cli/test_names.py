"""Names on the command line: labels two entities share ("Ormož", a plant and its town) are shown
and accepted with their class, a lookup prefers the reading the question implies, names printed
in tables paste back into queries, and unknown names get a "did you mean"."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import kg
from kg.analytics import shortest_path
from kg.cli import cli, main
from kg.errors import InputError
from kg.iri import slug
from kg.namespaces import ENTITY_CLASS_PARTS, KGID, QUERY_PREFIXES, sparql_name
from kg.sparql.labels import display_names, find_entities, resolve_pair

ROOT = Path(__file__).resolve().parents[2]
TOWN = """
@prefix akg: <https://w3id.org/ampere-kg/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix company: <https://w3id.org/ampere-kg/id/company/> .
@prefix plant: <https://w3id.org/ampere-kg/id/plant/> .
@prefix city: <https://w3id.org/ampere-kg/id/city/> .
@prefix country: <https://w3id.org/ampere-kg/id/country/> .
company:x a akg:Company ; skos:prefLabel "Podjetje X"@sl , "Company X"@en ; org:hasSite plant:ormoz .
company:y a akg:Company ; skos:prefLabel "Podjetje Y"@sl , "Company Y"@en ;
    akg:headquarteredIn city:ormoz .
plant:ormoz a akg:Plant ; skos:prefLabel "Ormož"@sl ; schema:containedInPlace city:ormoz .
city:ormoz a schema:City ; skos:prefLabel "Ormož"@sl ; schema:containedInPlace country:slovenija .
country:slovenija a schema:Country ; skos:prefLabel "Slovenija"@sl , "Slovenia"@en .
"""
PLANT, TOWN_IRI = str(KGID["plant/ormoz"]), str(KGID["city/ormoz"])


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("town") / "town.ttl"
    path.write_text(TOWN, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def G(town: Path):
    return kg.to_networkx(rdflib.Graph().parse(town))


def run_kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=120, check=False)


# ---------------------------------------------------------------- shared labels


def test_a_shared_label_is_shown_with_its_class_in_the_language_asked(G):
    assert display_names(G)[PLANT] == "Ormož (plant)"
    assert display_names(G)[TOWN_IRI] == "Ormož (city or town)"
    assert display_names(G, "sl")[PLANT] == "Ormož (tovarna)"
    assert display_names(G)[str(KGID["company/x"])] == "Company X"  # a unique label stays plain


@pytest.mark.parametrize("lang", ["en", "sl"])
def test_every_shown_name_finds_its_entity(G, lang):
    for node, name in display_names(G, lang).items():
        assert find_entities(G, name) == [node], name


@pytest.mark.parametrize("text", ["Ormož (town)", "Ormož (schema:City)", "Ormoža (mesto ali kraj)",
                                  "city:ormoz", f"<{TOWN_IRI}>"])
def test_the_class_or_the_name_picks_one_reading(G, text):
    assert find_entities(G, text) == [TOWN_IRI]


def test_the_question_picks_the_nearer_reading(G):
    x, y = str(KGID["company/x"]), str(KGID["company/y"])
    assert resolve_pair(G, "Company X", "Ormož") == (x, PLANT)  # X has a site named Ormož
    assert resolve_pair(G, "Podjetje Y", "Ormož") == (y, TOWN_IRI)  # Y is seated in the town
    assert resolve_pair(G, "Ormož", "Company X") == (PLANT, x)
    assert resolve_pair(G, "Slovenia", "Ormož") == (str(KGID["country/slovenija"]), TOWN_IRI)
    assert shortest_path(G, "Slovenia", "Ormož (plant)")["target"]["name"] == "Ormož (plant)"


def test_resolve_pair_tie_is_an_error_listing_both_names(G):
    with pytest.raises(InputError) as err:
        resolve_pair(G, "Ormož", "Ormož")
    assert "Ormož (plant)" in str(err.value) and "Ormož (city or town)" in str(err.value)


def test_kg_path_answers_with_class_names_in_the_language_asked(town):
    done = run_kg("path", "Company X", "Ormož", "--build", str(town), "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == ["Company X → Ormož (plant): 1 step(s)",
                                            "  Company X —[has site]→ Ormož (plant)"]
    sl = run_kg("path", "Podjetje X", "Ormož (town)", "--build", str(town), "--lang", "sl")
    assert sl.stdout.splitlines()[0] == "Podjetje X → Ormož (mesto ali kraj): 2 step(s)"
    assert "—[ima lokacijo]→ Ormož (tovarna)" in sl.stdout


def test_kg_stats_shows_class_names_and_sparql_names(town):
    report = json.loads(CliRunner().invoke(cli, ["stats", "-b", str(town), "--format", "json"]).stdout)
    names = {row["name"] for row in report["degree"]}
    assert {"Ormož (plant)", "Ormož (city or town)"} <= names
    table = CliRunner().invoke(cli, ["stats", "-b", str(town), "--lang", "sl"]).stdout
    assert "Ormož (tovarna)" in table and "plant:ormoz" in table and "city:ormoz" in table


# ---------------------------------------------------------------- names that paste into queries


def test_table_names_paste_back_into_a_query(seed_build):
    table = CliRunner().invoke(cli, ["query", "-b", str(seed_build),
                                     "SELECT ?e WHERE { ?e a akg:Plant } ORDER BY ?e"]).stdout
    names = [line.strip() for line in table.splitlines()[2:-1]]
    assert names and all(":" in n and "/" not in n for n in names)
    for name in names:
        again = CliRunner().invoke(cli, ["query", "-b", str(seed_build), f"ASK {{ {name} a akg:Plant }}"])
        assert again.stdout == "yes\n", (name, again.output)


def test_every_class_of_the_ontology_has_an_entity_prefix():
    from kg.extract.entities import class_slug
    from kg.ontology import load_ontology

    parts = {class_slug(sparql_name(c)) for c in load_ontology().classes
             if sparql_name(c).split(":")[0] in ("akg", "schema", "org", "skos")}
    assert parts - {"extraction-rule", "reference-data", "evidence"} <= set(ENTITY_CLASS_PARTS)  # provenance classes aside


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(ENTITY_CLASS_PARTS), st.text(min_size=1, max_size=12))
def test_any_entity_iri_prints_as_a_name_both_engines_read(part, name):
    iri = f"{KGID}{part}/{slug(name)}"
    printed = sparql_name(iri)
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in QUERY_PREFIXES.items())
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(iri), ox.NamedNode("urn:p"), ox.Literal("x")))
    assert store.query(f"{prefixes}ASK {{ {printed} <urn:p> ?o }}")
    graph = rdflib.Graph()
    graph.add((rdflib.URIRef(iri), rdflib.URIRef("urn:p"), rdflib.Literal("x")))
    assert graph.query(f"{prefixes}ASK {{ {printed} <urn:p> ?o }}").askAnswer


# ---------------------------------------------------------------- did you mean


@pytest.mark.parametrize("args, needles", [
    (("stats", "--class", "akg:Plantt"), ("unknown class 'akg:Plantt'", "did you mean 'akg:Plant'")),
    (("export", "--format", "nt", "--class", "akg:Plantt"), ("did you mean 'akg:Plant'",)),
    (("stats", "--predicate", "org:hasSit"), ("did you mean 'org:hasSite'",)),
    (("path", "Luce de Mee", "Douai"), ("did you mean 'Luca de Meo'",)),
    (("viz", "--focus", "Luce de Mee"), ("did you mean 'Luca de Meo'",)),
    (("viz", "--class", "Plantt"), ("did you mean 'Plant'",)),
    (("query", "plants-of-hubb"), ("did you mean 'plants-of-hub'",)),
    (("query", "plants-of-hub", "-p", "hubb=x"), ("did you mean 'hub'",)),
])
def test_unknown_names_are_one_line_errors_with_did_you_mean(seed_build, tmp_path, args, needles,
                                                            monkeypatch, capsys):
    extra = ["--out", str(tmp_path / "out.html")] if args[0] == "viz" else []
    monkeypatch.setattr(sys, "argv", ["kg", *args, "--build", str(seed_build), *extra])
    with pytest.raises(SystemExit) as ended:  # the entry point itself, in this process
        main()
    out, err = capsys.readouterr()
    assert ended.value.code == 2 and out == "", (out, err)
    assert err.count("\n") == 1 and err.startswith("error: "), err
    assert all(n in err for n in needles), err
    assert not (tmp_path / "out.html").exists()
