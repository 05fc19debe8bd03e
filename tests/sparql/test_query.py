"""SPARQL queries over the real seed build: the competency questions in queries/, both engines,
safe parameters, the refusals (update, SERVICE, LOAD, syntax errors) and the output formats."""
from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import Literal
from rdflib.namespace import XSD

import kg
from kg.errors import InputError
from kg.namespaces import AKG, KGID, ORG, SCHEMA
from kg.sparql.query import iter_named_queries
from tests.listener import Listener

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
REQUIRED = {"plants-of-hub", "sites-of-company", "who-leads", "created-by", "workforce",
            "fact-provenance", "entities-of-class", "shortest-connection"}


def run_kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the installed ``kg`` command (for exit codes and error lines)."""
    return subprocess.run(["kg", *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def invoke(*args: str):
    """Run ``kg`` in-process through click's CliRunner (faster, for successful commands)."""
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def q(build: Path, name: str, **params):
    """Run a named query with Oxigraph and return its rows as dicts."""
    return kg.query(build, name, queries_dir=QUERIES, **params).dicts()


def labels(rows, key: str) -> set[str]:
    return {str(r[key]) for r in rows if key in r}


# ---------------------------------------------------------------- the queries themselves

def test_queries_folder_has_the_competency_questions_with_bilingual_headers():
    found = {nq.name: nq for nq in iter_named_queries(QUERIES)}
    assert set(found) >= REQUIRED
    for nq in found.values():
        assert len(nq.question_en) > 15 and len(nq.question_sl) > 15, nq.name
        assert nq.question_en != nq.question_sl


def test_plants_of_hub_by_any_label_any_case(seed_build):
    for hub in ("ElectriCity", "electricity", "ELECTRICITY"):
        rows = q(seed_build, "plants-of-hub", hub=hub)
        assert labels(rows, "plantLabel") == {"Douai", "Maubeuge", "Ruitz"}
        assert {r["country"] for r in rows} == {KGID["country/francija"]}
    assert q(seed_build, "plants-of-hub", hub="Nowhere") == []


def test_sites_of_company_include_plants_inside_hubs(seed_build):
    rows = q(seed_build, "sites-of-company", company="ampere")
    direct = {str(r["siteLabel"]) for r in rows if "partOf" not in r}
    inside = {str(r["siteLabel"]) for r in rows if r.get("partOf") == KGID["industrial-hub/electricity"]}
    assert direct == {"ElectriCity", "Cléon"}
    assert inside == {"Douai", "Maubeuge", "Ruitz"}
    assert {r["country"] for r in rows} == {KGID["country/francija"]}


def test_number_of_sites(seed_build):
    rows = q(seed_build, "number-of-sites", company="Ampere")
    assert [(int(r["sites"]), r["place"]) for r in rows] == [(11, KGID["country/francija"])]


def test_who_leads_ampere_and_renault_group_by_english_label(seed_build):
    for org in ("Ampere", "Renault Group", "skupina renault"):
        rows = q(seed_build, "who-leads", organisation=org)
        assert [(str(r["personLabel"]), r["role"]) for r in rows] == [
            ("Luca de Meo", AKG.chiefExecutiveOf)], org


def test_renault_group_created_ampere_and_is_its_parent(seed_build):
    rows = q(seed_build, "created-by")
    assert [(str(r["creatorLabel"]), str(r["createdLabel"]), r["isParent"].toPython())
            for r in rows] == [("Skupina Renault", "Ampere", True)]


def test_employees_and_engineer_share(seed_build):
    [row] = q(seed_build, "workforce", company="Ampere")
    assert int(row["minEmployees"]) == 11000 and "employees" not in row
    assert Decimal(str(row["sharePercent"])) == 35
    assert row["occupation"] == Literal("inženir", lang="sl")


def test_fact_provenance_points_at_the_real_sentence(seed_build):
    rows = q(seed_build, "fact-provenance", entity="Ampere")
    founder = [r for r in rows if r["predicate"] == SCHEMA.founder]
    assert founder, "no provenance for Ampere schema:founder"
    text = (ROOT / "seeds" / "ampere-sl.txt").read_text(encoding="utf-8")
    for r in founder:
        assert str(r["file"]) == "ampere-sl.txt"
        assert text[int(r["begin"]):int(r["end"])] == str(r["sentence"])
        assert "ustvarila Ampere" in str(r["sentence"])
        assert str(r["rule"]).startswith("https://w3id.org/ampere-kg/rule/")


def test_fact_provenance_gives_types_and_labels_the_mentions_that_name_the_entity(seed_build):
    """An entity's types and labels have no statement: the query reads them from its mentions."""
    rows = q(seed_build, "fact-provenance", entity="Ampere")
    typed = [r for r in rows if r["predicate"] == rdflib.RDF.type
             and r["object"] == rdflib.URIRef("https://w3id.org/ampere-kg/ontology#Company")]
    assert len({int(r["begin"]) for r in typed}) >= 3  # one row per sentence naming Ampere
    for r in typed:
        assert "Ampere" in str(r["sentence"])
        assert str(r["rule"]).startswith("https://w3id.org/ampere-kg/rule/sl/mention-")
    labels = {str(r["object"]) for r in rows if r["predicate"] == rdflib.namespace.SKOS.prefLabel}
    assert "Ampere" in labels


def test_entities_of_class_uses_materialised_superclasses(seed_build):
    plants = q(seed_build, "entities-of-class")  # default akg:Plant
    assert labels(plants, "labelSl") == {"Douai", "Maubeuge", "Ruitz", "Cléon"}
    sites = q(seed_build, "entities-of-class", **{"class": "org:Site"})
    assert labels(sites, "labelSl") == {"Douai", "Maubeuge", "Ruitz", "Cléon", "ElectriCity"}
    orgs = q(seed_build, "entities-of-class", **{"class": "<https://schema.org/Organization>"})
    assert {"Ampere", "Skupina Renault"} <= labels(orgs, "labelSl")
    assert "Renault Group" in labels(orgs, "labelEn")


def test_quotation_said_by_luca_de_meo(seed_build):
    rows = q(seed_build, "quotations")
    assert [str(r["personLabel"]) for r in rows] == ["Luca de Meo"]
    assert "Ampere" in str(rows[0]["text"]) and rows[0]["text"].language == "sl"


def test_company_profile_brand_markets_plan_roots(seed_build):
    rows = q(seed_build, "company-profile", company="Ampere")
    pairs = {(r["relation"], r["value"]) for r in rows}
    market = {v for p, v in pairs if p == AKG.aimsToLead}
    assert (SCHEMA.brand, KGID["brand/renault"]) in pairs
    assert len(market) == 1 and (AKG.targetsMarket, next(iter(market))) in pairs
    assert (AKG.foundingPlanIncludes, KGID["concept/esg"]) in pairs
    assert (AKG.yearsOfExperience, Literal(15)) in pairs
    roots = q(seed_build, "company-profile", company="Renault Group")
    assert (AKG.hasRootsIn, KGID["continent/evropa"]) in {(r["relation"], r["value"]) for r in roots}


def test_labels_and_wikidata(seed_build):
    rows = q(seed_build, "labels", entity="renault group")
    values = {(str(r["property"]).rsplit("#", 1)[-1], r["value"]) for r in rows}
    assert ("prefLabel", Literal("Skupina Renault", lang="sl")) in values
    assert ("prefLabel", Literal("Renault Group", lang="en")) in values
    assert ("altLabel", Literal("Skupine Renault", lang="sl")) in values
    assert any(p == "sameAs" and str(v).startswith("http://www.wikidata.org/entity/Q") for p, v in values)

ONE_PARTICIPANT = """\
@prefix akg: <https://w3id.org/ampere-kg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix kgid: <https://w3id.org/ampere-kg/id/> .
kgid:company\\/lipa skos:prefLabel "Lipa"@sl .
kgid:company\\/hrast skos:prefLabel "Hrast"@sl .
kgid:person\\/ana skos:prefLabel "Ana"@sl .
kgid:event\\/1 a akg:Resignation ; schema:agent kgid:person\\/ana ; akg:asOf "2025" .
kgid:event\\/2 a akg:Acquisition ; schema:agent kgid:company\\/lipa ; schema:object kgid:company\\/hrast .
"""


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_events_of_an_event_without_other_participant_is_one_row(tmp_path, engine):
    graph = tmp_path / "events.ttl"
    graph.write_text(ONE_PARTICIPANT, encoding="utf-8")
    ana = kg.query(graph, "events-of", queries_dir=QUERIES, engine=engine, entity="Ana").dicts()
    assert [(r["what"], r.get("other"), r.get("otherLabel")) for r in ana] == [(AKG.Resignation, None, None)]
    lipa = kg.query(graph, "events-of", queries_dir=QUERIES, engine=engine, entity="lipa").dicts()
    assert [(r["what"], r["other"], str(r["otherLabel"])) for r in lipa] == [
        (AKG.Acquisition, KGID["company/hrast"], "Hrast")]



def test_shortest_connection_douai_to_luca_de_meo(seed_build):
    rows = q(seed_build, "shortest-connection")
    assert rows and {int(r["length"]) for r in rows} == {3}
    path = [rows[0][k] for k in ("a", "h1", "h2", "h3")]
    assert path == [KGID["plant/douai"], KGID["industrial-hub/electricity"], KGID["company/ampere"],
                    KGID["person/luca-de-meo"]]
    assert [rows[0][k] for k in ("p1", "p2", "p3")] == [SCHEMA.containsPlace, ORG.hasSite,
                                                      AKG.chiefExecutiveOf]
    direct = q(seed_build, "shortest-connection", **{"from": "Ampere", "to": "Renault Group"})
    assert {int(r["length"]) for r in direct} == {1}
    assert {r["p1"] for r in direct} >= {SCHEMA.founder}


# ---------------------------------------------------------------- engines agree

def _canon(term):
    """Oxigraph stores xsd:integer subtypes (nonNegativeInteger) as xsd:integer: compare values."""
    if isinstance(term, Literal) and term.datatype and term.datatype != XSD.string:
        try:
            value = term.toPython()
        except Exception:
            return term
        if isinstance(value, int) and not isinstance(value, bool):
            return Literal(value, datatype=XSD.integer)
    return term


@pytest.mark.parametrize("name", sorted(nq.name for nq in iter_named_queries(QUERIES)))
def test_oxigraph_and_rdflib_give_the_same_answers(seed_build, seed_dataset, name):
    ox_rows = kg.query(seed_build, name, queries_dir=QUERIES)
    rl_rows = kg.query(seed_dataset, name, queries_dir=QUERIES, engine="rdflib")
    assert ox_rows.vars == rl_rows.vars
    assert len(ox_rows) > 0, f"{name} has no answer on the seed graph"
    def norm(rows):
        return sorted((tuple(_canon(t) for t in r) for r in rows), key=repr)
    assert norm(ox_rows) == norm(rl_rows)


# ---------------------------------------------------------------- parameters are bound, not pasted

@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
@example("<0>")  # "<...>" is read as an IRI (kg.sparql.query.to_term): a bad one is a clear error
def test_any_parameter_text_is_a_value_never_query_text(seed_build, text):
    if len(text) > 2 and text[0] == "<" and text[-1] == ">":
        try:
            rows = kg.query(seed_build, "plants-of-hub", queries_dir=QUERIES, hub=text).rows
        except InputError as err:
            assert "is not a valid IRI or RDF term" in str(err)
            return
    else:
        rows = kg.query(seed_build, "plants-of-hub", queries_dir=QUERIES, hub=text).rows
    assert all(str(r[0]) == text for r in rows)
    assert (len(rows) == 3) == (text.lower() == "electricity")


def test_injection_attempt_is_just_a_string(seed_build):
    evil = 'x")) } UNION { ?site ?p ?plant } #'
    assert kg.query(seed_build, "plants-of-hub", queries_dir=QUERIES, hub=evil).rows == []


def test_unknown_and_missing_parameters_are_errors(seed_build, tmp_path):
    with pytest.raises(InputError, match=r"unknown parameter.*takes: hub"):
        kg.query(seed_build, "plants-of-hub", queries_dir=QUERIES, plant="Douai")
    rq = tmp_path / "needs.rq"
    rq.write_text("# param who\nSELECT ?who ?x WHERE { ?x skos:prefLabel ?who }\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"missing parameter.*who"):
        kg.query(seed_build, rq)
    assert len(kg.query(seed_build, rq, who=Literal("Douai", lang="sl"))) == 1


# ---------------------------------------------------------------- inputs accepted by kg.query

def test_python_api_accepts_folder_file_graph_and_dataset(seed_build, seed_dataset):
    text = "SELECT ?p WHERE { ?p a akg:Plant } ORDER BY ?p"
    expected = [(KGID[f"plant/{n}"],) for n in ("cleon", "douai", "maubeuge", "ruitz")]
    graph = rdflib.Graph().parse(seed_build / "graph.ttl")
    for source in (seed_build, str(seed_build), seed_build / "graph.ttl", graph, seed_dataset):
        assert kg.query(source, text).rows == expected
    df = kg.query(seed_build, "plants-of-hub", queries_dir=QUERIES).to_dataframe()
    assert list(df.columns) == ["hub", "site", "plant", "plantLabel", "country"]
    assert sorted(df["plantLabel"]) == ["Douai", "Maubeuge", "Ruitz"]


def test_ask_and_construct(seed_build):
    assert kg.query(seed_build, "ASK { ?x schema:founder ?y }").boolean is True
    assert kg.query(seed_build, "ASK { ?x akg:acquired kgid:nothing }").boolean is False
    g = kg.query(seed_build, "CONSTRUCT { ?h schema:containsPlace ?p } WHERE { ?h schema:containsPlace ?p }").graph
    assert len(g) == 3


# ---------------------------------------------------------------- refusals

@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


def test_listener_sees_a_real_connection(listener):
    socket.create_connection(("127.0.0.1", listener.port), timeout=2).close()
    threading.Event().wait(0.5)
    assert listener.connections == 1  # the probe works, so 0 below means "no connection"


SERVICE_QUERIES = [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
    "select * where {{ ?a ?b ?c OPTIONAL {{ service   <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }}",
    "ASK {{ FILTER EXISTS {{ SERVICE SILENT <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }}",
    "SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }} }} }}",
]


@pytest.mark.parametrize("template", SERVICE_QUERIES)
@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_service_is_refused_before_any_connection(seed_build, listener, template, engine):
    with pytest.raises(InputError, match="SERVICE is refused"):
        kg.query(seed_build, template.format(port=listener.port), engine=engine)
    threading.Event().wait(0.3)
    assert listener.connections == 0


def test_cli_refuses_service_and_load_without_connecting(seed_build, listener):
    res = run_kg("query", "--build", str(seed_build),
                 f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/> {{ ?s ?p ?o }} }}")
    assert res.returncode == 2 and "SERVICE is refused" in res.stderr
    res = run_kg("query", "--build", str(seed_build), f"SELECT * WHERE {{ # x\rSERVICE "
                 f"<http://127.0.0.1:{listener.port}/> {{ ?a ?b ?c }} ?x a akg:Plant }}")
    assert res.returncode == 2 and "SERVICE is refused" in res.stderr
    res = run_kg("query", "--build", str(seed_build), f"LOAD <http://127.0.0.1:{listener.port}/x.ttl>")
    assert res.returncode == 2 and "LOAD is refused" in res.stderr
    assert listener.connections == 0
    assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_cli_refuses_update(seed_build):
    res = run_kg("query", "--build", str(seed_build), "DELETE WHERE { ?s ?p ?o }")
    assert res.returncode == 2 and "UPDATE is refused" in res.stderr
    assert (seed_build / "graph.ttl").stat().st_size > 0


def test_cli_syntax_error_has_line_and_column(seed_build):
    res = run_kg("query", "--build", str(seed_build), "SELECT ?s\nWHERE { ?s ?p }")
    assert res.returncode == 2
    assert res.stderr.startswith("error: query: SPARQL syntax error at line 2, column")
    assert len(res.stderr.strip().splitlines()) == 1


def test_cli_unknown_named_query_lists_available(seed_build):
    res = run_kg("query", "--build", str(seed_build), "plants-of-hubb")
    assert res.returncode == 2
    assert "unknown query 'plants-of-hubb'" in res.stderr
    for name in REQUIRED:
        assert name in res.stderr


def test_cli_missing_graph_is_one_line_error(tmp_path):
    res = run_kg("query", "--build", str(tmp_path / "nope"), "ASK { ?s ?p ?o }")
    assert res.returncode == 2 and "nope" in res.stderr and "kg build" in res.stderr


# ---------------------------------------------------------------- CLI output formats

def test_cli_named_query_with_param_all_formats(seed_build):
    base = ["query", "plants-of-hub", "--build", str(seed_build), "--param", "hub=ElectriCity"]
    table = invoke(*base)
    assert "Maubeuge" in table.output and "(3 rows)" in table.output
    csv = invoke(*base, "--format", "csv").output.splitlines()
    assert csv[0] == "hub,site,plant,plantLabel,country" and len(csv) == 4
    tsv = invoke(*base, "--format", "tsv").output.splitlines()
    assert tsv[0].split("\t")[0] == "?hub" and '"Douai"@sl' in tsv[1]
    data = json.loads(invoke(*base, "--format", "json").output)
    assert {b["plantLabel"]["value"] for b in data["results"]["bindings"]} == {"Douai", "Maubeuge", "Ruitz"}
    xml = invoke(*base, "--format", "xml").output
    parsed = rdflib.query.Result.parse(io.BytesIO(xml.encode()), format="xml")
    assert len(list(parsed)) == 3


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json", "xml"])
def test_cli_answers_every_named_query_as_the_api_does(seed_build, fmt):
    """``kg query`` writes Oxigraph's terms itself (no rdflib); the text is the same as the
    API's Result, whose rows are rdflib terms, for every named query and SELECT format."""
    for named in iter_named_queries(QUERIES):
        result = kg.query(seed_build, named.name, queries_dir=QUERIES)
        if result.graph is not None:
            continue
        cli = invoke("query", named.name, "--build", str(seed_build), "--queries", str(QUERIES),
                     "--format", fmt)
        assert cli.exit_code == 0, cli.output
        assert cli.stdout_bytes.decode("utf-8") == result.serialize(fmt), named.name


def test_cli_query_on_a_store_imports_no_heavy_library(seed_build):
    """The start-up of ``kg query`` on a build's store: no rdflib, networkx, pyvis, pyshacl or rich."""
    code = ("import sys; from kg.cli import main; sys.argv = ['kg', 'query', 'who-leads', '--build', "
            f"{str(seed_build)!r}, '--format', 'csv']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'networkx', 'pyvis', "
            "'pyshacl', 'rich', 'oxrdflib'})\n"
            "print('heavy:', heavy, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=True)
    assert "Luca de Meo" in done.stdout
    assert done.stderr.strip() == "heavy: []"


def test_cli_construct_formats_parse_back_and_are_deterministic(seed_build):
    text = "CONSTRUCT WHERE { ?s a akg:Plant ; skos:prefLabel ?l }"
    outputs = {}
    for fmt, rdf in (("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        res = invoke("query", "--build", str(seed_build), "--format", fmt, text)
        assert len(rdflib.Graph().parse(data=res.output, format=rdf)) == 8
        outputs[fmt] = res.output
    again = invoke("query", "--build", str(seed_build), "--format", "nt", text).output
    assert again == outputs["nt"]
    bad = run_kg("query", "--build", str(seed_build), "--format", "csv", text)
    assert bad.returncode == 2 and "turtle" in bad.stderr


def test_the_word_service_in_strings_iris_and_names_is_not_refused(seed_build):
    text = ('PREFIX ex: <http://example.org/SERVICE/> SELECT ?service WHERE { '
            '?service ex:my-service "SERVICE <http://127.0.0.1:1/>" } # SERVICE')
    assert kg.query(seed_build, text).rows == []


# ---------------------------------------------------------------- bad input is one line, never a traceback

def run_module(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -m kg`` (the worktree's package) and capture its output."""
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, check=False)


def one_line_error(res: subprocess.CompletedProcess, *needles: str) -> None:
    """Exit code 2, nothing on stdout, and exactly one ``error: ...`` line naming ``needles``."""
    assert res.returncode == 2, (res.returncode, res.stderr)
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), res.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def nested(parentheses: int, braces: int, lists: int) -> dict[str, str]:
    """Queries whose brackets nest this deep: rdflib's recursive parser cannot read them."""
    return {"parentheses": "SELECT * WHERE { FILTER(" + "(" * parentheses + "1" + ")" * parentheses + ") }",
            "braces": "SELECT * WHERE " + "{" * braces + " ?s ?p ?o " + "}" * braces,
            "lists": "SELECT * WHERE { ?s ?p " + "(" * lists + "1" + ")" * lists + " }"}


NESTED = nested(25, 40, 120)


@pytest.mark.parametrize("args, needles", [
    (("plants-of-hub", "-p", "hub=<not an iri>"), ("parameter hub", "not a valid IRI")),
    (("SELECT ?x WHERE { ?x a akg:Plant }", "-p", "bad name=1"), ("'bad name'", "variable name")),
    (("plants-of-hub", "-p", "bad name=1"), ("unknown parameter", "bad name")),
    (("plants-of-hub", "-p", "hub"), ("NAME=VALUE",)),
    *[((text,), ("nested too deeply",)) for text in NESTED.values()],
], ids=["bad-iri", "bad-name-inline", "bad-name-named", "no-equals", *NESTED])
def test_cli_bad_parameters_and_deep_nesting_are_one_line_errors(seed_build, args, needles):
    one_line_error(run_module("query", "--build", str(seed_build), *args), *needles)


def test_api_refuses_bad_parameter_names_and_iris(seed_build):
    with pytest.raises(InputError, match="not a SPARQL variable name"):
        kg.query(seed_build, "SELECT ?x WHERE { ?x a akg:Plant }", **{"bad name": 1})
    with pytest.raises(InputError, match="parameter hub: <not an iri> is not a valid IRI"):
        kg.query(seed_build, "plants-of-hub", queries_dir=QUERIES, hub="<not an iri>")
    # deeper than in the CLI test: a library in this process may have raised the recursion limit
    deep = nested(400, 400, 2000).values()
    for text in deep:
        for engine in ("oxigraph", "rdflib"):
            with pytest.raises(InputError, match="nested too deeply"):
                kg.query(seed_build, text, engine=engine)
    # a good IRI parameter still binds
    assert kg.query(seed_build, "plants-of-hub", queries_dir=QUERIES,
                    hub="<https://w3id.org/x>").rows == []


def test_named_query_names_cannot_leave_the_queries_folder(seed_build, tmp_path):
    folder = tmp_path / "queries"
    folder.mkdir()
    (tmp_path / "secret.rq").write_text("SELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    for name in ("../secret", "..", "queries/../secret", "/secret", "%2e%2e/secret"):
        with pytest.raises(InputError):
            kg.query(seed_build, name, queries_dir=folder)


# ---------------------------------------------------------------- timeout, row cap, streaming

CARTESIAN_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def processes_mentioning(marker: str) -> list[str]:
    """PIDs of live processes whose command line contains ``marker``."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if marker.encode() in (proc / "cmdline").read_bytes():
                found.append(proc.name)
        except OSError:
            pass
    return found


def test_cli_timeout_stops_a_cartesian_count_and_kills_its_process(seed_build):
    marker = f"# timeout-test-{uuid.uuid4()}"
    start = time.monotonic()
    res = run_module("query", "--build", str(seed_build), "--timeout", "2",
                     f"{CARTESIAN_COUNT}\n{marker}")
    assert time.monotonic() - start < 30
    one_line_error(res, "stopped after 2 s", "--timeout")
    assert processes_mentioning(marker) == []  # the forked child is dead, not orphaned


def test_api_timeout_stops_the_query_and_gives_the_same_answers(seed_build):
    start = time.monotonic()
    with pytest.raises(InputError, match="stopped after 1 s"):
        kg.query(seed_build, CARTESIAN_COUNT, timeout=1)
    assert time.monotonic() - start < 30
    for name in ("plants-of-hub", "fact-provenance"):
        assert (kg.query(seed_build, name, queries_dir=QUERIES, timeout=60).rows
                == kg.query(seed_build, name, queries_dir=QUERIES).rows)
    assert kg.query(seed_build, "ASK { ?x schema:founder ?y }", timeout=60).boolean is True
    construct = "CONSTRUCT WHERE { ?h schema:containsPlace ?p }"
    assert len(kg.query(seed_build, construct, timeout=60, engine="rdflib").graph) == 3
    with pytest.raises(InputError, match="more than 5 rows"):  # an error in the child comes back
        kg.query(seed_build, "SELECT * WHERE { ?s ?p ?o }", timeout=60, max_rows=5)


def test_max_rows_is_an_error_and_nothing_is_printed(seed_build):
    everything = "SELECT * WHERE { ?s ?p ?o }"
    for fmt in ("table", "csv", "json"):
        res = run_module("query", "--build", str(seed_build), "--max-rows", "5", "-f", fmt, everything)
        one_line_error(res, "more than 5 rows", "LIMIT")
    res = run_module("query", "--build", str(seed_build), "--max-rows", "3", "plants-of-hub")
    assert res.returncode == 0 and "(3 rows)" in res.stdout
    with pytest.raises(InputError, match="more than 5 rows"):
        kg.query(seed_build, everything, max_rows=5)
    with pytest.raises(InputError, match="more than 5 rows"):
        kg.query(seed_build, "CONSTRUCT WHERE { ?s ?p ?o }", max_rows=5)
    assert len(kg.query(seed_build, everything, max_rows=5, limit=3)) == 3  # the limit cuts first
    for bad in ({"timeout": 0}, {"timeout": -1}, {"max_rows": 0}, {"max_rows": "10"}):
        with pytest.raises(InputError, match="positive number"):
            kg.query(seed_build, everything, **bad)
    one_line_error(run_module("query", "--build", str(seed_build), "--timeout", "-1", everything),
                   "--timeout")


def test_cli_streams_a_large_result_in_flat_memory(seed_build, tmp_path):
    """400,000 rows (a 120 MB CSV): before streaming, kg query held them all, about 1 GB."""
    rows, out = 400_000, tmp_path / "big.csv"
    probe = ("import resource, subprocess, sys\n"
             "with open(sys.argv[1], 'wb') as out:\n"
             "    code = subprocess.call(sys.argv[2:], stdout=out)\n"
             "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    res = subprocess.run([sys.executable, "-c", probe, str(out), sys.executable, "-m", "kg",
                          "query", "--build", str(seed_build), "-f", "csv",
                          f"SELECT * WHERE {{ ?s ?p ?o . ?a ?b ?c }} LIMIT {rows}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    code, peak_kb = map(int, res.stdout.split())
    assert code == 0, res.stderr
    with out.open("rb") as f:
        assert f.readline() == b"a,b,c,o,p,s\r\n"  # Oxigraph orders SELECT * by name
        assert sum(1 for _ in f) == rows
    assert peak_kb < 300 * 1024, f"peak RSS {peak_kb // 1024} MB"


TRICKY = """SELECT ?x ?y WHERE {
  { VALUES (?x ?y) { (1 "tab\\tnew\\nline, comma") ("q\\"uote"@sl UNDEF)
                     (<http://example.org/é> "2024-01-01"^^xsd:date) } }
  UNION { BIND(BNODE("b") AS ?x) BIND(" <&> "@en AS ?y) } }"""


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_streamed_formats_parse_back_to_the_same_rows(seed_build, fmt):
    expected = kg.query(seed_build, TRICKY).rows
    assert len(expected) == 4
    output = invoke("query", "--build", str(seed_build), "-f", fmt, TRICKY).stdout_bytes
    def blank(t):
        return "_:" if isinstance(t, rdflib.BNode) else t  # labels are not kept
    if fmt == "csv":  # SPARQL CSV keeps the text of each value only
        lines = list(csv.reader(io.StringIO(output.decode("utf-8"), newline="")))
        assert [["_:" if c.startswith("_:") else c for c in line] for line in lines] == [
            ["x", "y"]] + [["" if t is None else str(blank(t)) for t in row] for row in expected]
        return
    parsed = [tuple(r) for r in rdflib.query.Result.parse(io.BytesIO(output), format=fmt)]
    assert [tuple(map(blank, r)) for r in parsed] == [tuple(map(blank, r)) for r in expected]
