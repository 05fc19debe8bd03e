"""Facts in time: roles over time and dated events read from text (kg/extract/timeline.py), the time model
and its SHACL shapes (docs/graph-model.md), and the current view of the named queries who-leads,
leadership-history, events-of and workforce over two documents of different dates."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg
from kg.analytics import shortest_path, stats
from kg.cli import cli
from kg.extract.document import Document
from kg.namespaces import AKG, FACTS_GRAPH, SCHEMA
from kg.ontology import load_ontology
from kg.rdf.shacl_sparql import compile_shapes, graph_types, sparql_violations
from kg.rdf.validate import load_shapes, violations
from kg.viz.model import read_model
from kg.viz.page import page_data
from tests.extract.timeread import events, read, roles

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"




def role_facts(doc: Document) -> set[tuple[str, str, str]]:
    return {(f.s, f.p, str(f.o)) for f in doc.facts if f.p in ("akg:chiefExecutiveOf", "akg:holdsRoleIn")}


@pytest.mark.parametrize(("text", "lang", "former", "current"), [
    ("Lipa d.o.o. vodi Ana Kos, nekdanja direktorica podjetja Hrast d.d.", "sl",
     ("person/ana-kos", "company/hrast"), ("person/ana-kos", "company/lipa")),
    ("Jon Aas, chief executive of Nordvik Ltd, was previously chief executive of Halvorsen Industri.", "en",
     ("person/jon-aas", "company/halvorsen-industri"), ("person/jon-aas", "company/nordvik")),
])
def test_a_former_role_is_a_membership_without_a_chief_executive_fact(text, lang, former, current):
    doc = read(text, "2025-06-01", lang)
    assert roles(doc) == {(*former, "chiefExecutive", "former", "", ""), (*current, "chiefExecutive", "current", "", "")}
    assert role_facts(doc) == {(current[0], "akg:chiefExecutiveOf", current[1])}


def test_a_former_role_named_before_the_organisation_gives_no_chief_executive_fact():
    doc = read("The former Halvorsen Industri chief executive Jon Aas joined Nordvik Ltd.", "2021-10-19", "en")
    assert roles(doc) == {("person/jon-aas", "company/halvorsen-industri", "chiefExecutive", "former", "", "")}
    assert role_facts(doc) == set()


def test_dates_are_read_as_precise_as_the_text_and_relative_words_against_the_document_date():
    doc = read("Od 2. maja Ferox d.o.o. vodi Primož Kotnik. Ferox d.o.o. je lani za 9 milijonov evrov "
               "kupil podjetje Gusswerk GmbH.", "2023-05-11")
    assert ("person/primoz-kotnik", "company/ferox", "chiefExecutive", "current", "2023-05-02", "") in roles(doc)
    [acquisition] = [e for e in doc.events if e.kind == "acquisition"]
    assert (acquisition.agent, acquisition.obj, acquisition.date) == ("company/ferox", "company/gusswerk", "2022")
    assert acquisition.amount is not None and (acquisition.amount.value, acquisition.amount.unit) == (9000000, "EUR")
    doc = read("Kari Lunde has been chief executive of Halvorsen Industri since 2016.", "2021-10-19", "en")
    assert roles(doc) == {("person/kari-lunde", "company/halvorsen-industri", "chiefExecutive", "current", "2016", "")}
    text = "Marko Novak, ki je družbo Lipa d.o.o. vodil od leta 2011 do leta 2020, je lani odstopil."
    assert events(read(text, "2025-06-01")) == {("resignation", "person/marko-novak", "company/lipa", "2024")}
    assert events(read(text)) == {("resignation", "person/marko-novak", "company/lipa", "")}  # no date to resolve "lani"


@pytest.mark.parametrize(("text", "date", "role", "event"), [
    # a past-tense clause of a sentence that is also about the future: the nearest past January
    (("Rozman bo nasledil Ireno Gorjup, ki je bila na čelu uprave družbe Alpeks d.d. od leta 2011, januarja pa je "
     "odstopila."), "2023-03-16", None, ("resignation", "person/irena-gorjup", "company/alpeks", "2023-01")),
    ("Podjetje Zaznava d.o.o. je decembra lani kupila družba Agritec AG.", "2025-09-09", None,
     ("acquisition", "company/agritec", "company/zaznava", "2024-12")),
    # a resignation ends the role it leaves: former, with the resignation's date as its end
    ("Igor Zupet, direktor družbe Nitka d.o.o., je 1. decembra odstopil.", "2020-12-10",
     ("person/igor-zupet", "company/nitka", "chiefExecutive", "former", "", "2020-12-01"),
     ("resignation", "person/igor-zupet", "company/nitka", "2020-12-01")),
    # a retirement ahead: still current, ending then
    ("Direktor podjetja Nitka d.o.o. je Igor Zupet, ki se bo 1. septembra upokojil.", "2020-12-10",
     ("person/igor-zupet", "company/nitka", "chiefExecutive", "current", "", "2021-09-01"), None),
])
def test_tense_relative_months_and_resignations(text, date, role, event):
    doc = read(text, date)
    assert roles(doc) == ({role} if role else set())
    assert events(doc) == ({event} if event else set())
    if role and role[3] == "former":
        assert role_facts(doc) == set()


@pytest.mark.parametrize(("text", "date", "lang", "expected"), [
    # a verb of leading, the organisation referred back to by a pronoun, the holder the relative clause's antecedent
    ("Podjetje Lipa d.o.o. je leta 1990 ustanovil Jan Kos, ki ga vodi še danes.", "2024-05-01", "sl",
     ("person/jan-kos", "company/lipa", "chiefExecutive", "current", "", "")),
    # the past tense: a former role, with its start
    ("Ana Kos, ki je družbo Hrast d.d. vodila od leta 2005, zdaj živi v Kopru.", "2024-05-01", "sl",
     ("person/ana-kos", "company/hrast", "chiefExecutive", "former", "2005", "")),
    # the body led gives the kind of role
    ("Upravo družbe Hrast d.d. od leta 2021 vodi Peter Rus.", "2024-05-01", "sl",
     ("person/peter-rus", "company/hrast", "boardChair", "current", "2021", "")),
    # a copula in the past with a role phrase: former, with start and end
    (("Lipa d.o.o. ima novega direktorja. Njen predhodnik Jan Kos, ki je bil direktor od leta 2009 do leta 2019, "
      "živi v Celju."), "2024-05-01", "sl", ("person/jan-kos", "company/lipa", "chiefExecutive", "former", "2009", "2019")),
    # taking over the lead ahead: a future role from that date
    ("Jana Rus bo 1. julija prevzela vodenje družbe Lipa d.o.o.", "2024-05-01", "sl",
     ("person/jana-rus", "company/lipa", "chiefExecutive", "future", "2024-07-01", "")),
    ("Chief executive Mary Blake, who has run the company since 2015, spoke at Corvin Tools.", "2024-05-01", "en",
     ("person/mary-blake", "company/corvin-tools", "chiefExecutive", "current", "2015", "")),
    ("Corvin Tools is based in York. Tom Hale had led the company since 2001.", "2024-05-01", "en",
     ("person/tom-hale", "company/corvin-tools", "chiefExecutive", "former", "2001", "")),
    # running the business is leading the company; chairing a company is chairing its board
    ("Corvin Tools is based in York. Her son Tom Hale runs the business today.", "2024-05-01", "en",
     ("person/tom-hale", "company/corvin-tools", "chiefExecutive", "current", "", "")),
    ("Jane Hale, who also chairs the tool maker Corvin Tools, spoke in York.", "2024-05-01", "en",
     ("person/jane-hale", "company/corvin-tools", "boardChair", "current", "", "")),
])
def test_roles_read_from_cues_no_relation_rule_names(text, date, lang, expected):
    doc = read(text, date, lang)
    assert expected in roles(doc)
    shortcut = (expected[0], "akg:chiefExecutiveOf" if expected[2] == "chiefExecutive" else "akg:holdsRoleIn", expected[1])
    assert (shortcut in role_facts(doc)) == (expected[3] == "current")


def test_leading_a_plant_or_a_plan_to_lead_is_no_role():
    assert roles(read("Jan Kos vodi tovarno podjetja Lipa d.o.o. v Celju.", "2024-05-01")) == set()
    assert roles(read("Jan Kos bo podjetje Lipa d.o.o. vodil tudi v prihodnje.", "2024-05-01")) == set()
    # a division of the company is a role in it ("other", eval/time-README.md) but no chief
    # executive and no plain fact ("heading a division gives nothing", eval/README.md); a body
    # outside it is not the company
    doc = read("Corvin Tools is based in York. Tom Hale heads the group's export division.", "2024-05-01", "en")
    assert roles(doc) == {("person/tom-hale", "company/corvin-tools", "other", "current", "", "")}
    assert not role_facts(doc)
    assert roles(read("Corvin Tools is based in York. Tom Hale, who chairs the town's business forum, "
                      "spoke.", "2024-05-01", "en")) == set()


def test_a_hand_over_ends_the_outgoing_role_and_a_take_over_dates_the_appointment():
    doc = read("Jana Rus bo 1. julija prevzela vodenje družbe Lipa d.o.o. Dosedanji direktor Jan Kos, ki podjetje "
               "vodi od leta 2010, se bo takrat upokojil.", "2024-05-01")
    assert ("person/jan-kos", "company/lipa", "chiefExecutive", "current", "2010", "2024-07-01") in roles(doc)
    assert ("appointment", "company/lipa", "person/jana-rus", "2024-07-01") in events(doc)


@pytest.mark.parametrize(("text", "predicate", "value", "year"), [
    ("Leta 2021 je podjetje Lipa d.o.o. zaposlovalo 800 ljudi.", "schema:numberOfEmployees", 800, "2021"),
    ("Podjetje Lipa d.o.o. je lani ustvarilo 31 milijonov evrov prihodkov.", "akg:revenue", 31000000, "2022"),
    ("Podjetje Lipa d.o.o. zdaj zaposluje 610 ljudi.", "schema:numberOfEmployees", 610, ""),
])
def test_a_value_keeps_the_year_its_clause_ties_it_to(text, predicate, value, year):
    doc = read(text, "2023-05-11")
    # (two rules may read the same value: one fact with two pieces of evidence)
    assert {(f.o.value, f.o.year) for f in doc.facts if f.p == predicate} == {(value, year)}


SHAPES_PREFIXES = """\
@prefix akg: <https://w3id.org/ampere-kg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/ampere-kg/id/> .
<person/p> a schema:Person ; skos:prefLabel "P"@sl .
<company/c> a schema:Organization , org:Organization ; skos:prefLabel "C"@sl .
<m> a org:Membership ; org:member <person/p> ; org:organization <company/c> ; org:role akg:ChiefExecutive ;
    akg:roleStatus akg:Former ; org:memberDuring <m/i> .
<m/i> a time:Interval ; time:hasBeginning <m/i/start> ; time:hasEnd <m/i/end> .
<m/i/start> a time:Instant ; time:inXSDgYearMonth "START"^^xsd:gYearMonth .
<m/i/end> a time:Instant ; time:inXSDgYear "2023"^^xsd:gYear .
<e> a akg:Resignation , akg:Event , schema:Event ; schema:agent <person/p> ; schema:object <company/c> DATE .
"""


@pytest.mark.parametrize(("start", "date", "expected"), [
    ("2023-03", '; dcterms:date "2023-03"^^xsd:gYearMonth', []),  # same year at the coarser precision
    ("2024-01", '; dcterms:date "2023-03"^^xsd:gYearMonth', ["id/m/i : the interval starts after it ends"]),
    ("2019-01", "; akg:undated true", []),
    ("2019-01", "", ["id/e : Node <https://w3id.org/ampere-kg/id/e> must conform to one or more shapes"]),
    ("2019-01", '; akg:undated true . <e> a akg:Event ; a schema:Event . <f> a akg:Event ; akg:undated true', ["id/f : the event has none of the event types"]),
])
def test_shapes_check_interval_order_and_that_an_event_has_a_date_or_says_it_has_none(start, date, expected):
    data = Graph().parse(data=SHAPES_PREFIXES.replace("START", start).replace("DATE", date), format="turtle")
    found = violations(data, load_shapes())
    assert len(found) == len(expected), found
    for line, words in zip(found, expected, strict=True):
        assert words in line, line
    # the SPARQL checks large builds use find the same focus nodes
    store = ox.Store()
    store.load(data.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode(str(FACTS_GRAPH)))
    checks = compile_shapes(load_shapes(), only_targets=graph_types(store, str(FACTS_GRAPH)))
    fast = sparql_violations(store, str(FACTS_GRAPH), checks)
    assert [line.split(" ", 1)[0] for line in fast] == [line.split(" ", 1)[0] for line in found]


@pytest.fixture(scope="module")
def two_dates(tmp_path_factory) -> Path:
    """A build of two documents about one company, two years apart, with a new chief executive
    and a new head count."""
    seeds = tmp_path_factory.mktemp("seeds")
    for name, date, text in (
        ("lipa-2023", "2023-03-01", "Podjetje Lipa d.o.o. zaposluje 4.000 ljudi. Direktor družbe Lipa d.o.o. je Marko Novak."),
        ("lipa-2025", "2025-06-01", ("Lipa d.o.o. zaposluje 4.500 ljudi. Direktorica družbe Lipa d.o.o. je Ana Kos, "
                                    "nekdanji direktor Marko Novak pa je lani odstopil.")),
    ):
        (seeds / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (seeds / f"{name}.meta.toml").write_text(f'language = "sl"\ndate = "{date}"\n', encoding="utf-8")
    out = tmp_path_factory.mktemp("build")
    kg.build(seeds, out)
    return out


def ask(build: Path, name: str, **params: str) -> list[dict]:
    return kg.query(build, name, queries_dir=QUERIES, **params).dicts()


def test_who_leads_answers_the_newer_documents_chief_executive(two_dates):
    rows = ask(two_dates, "who-leads", organisation="Lipa d.o.o.")
    assert [(str(r["personLabel"]), r["role"], str(r["asOf"])) for r in rows] == [
        ("Ana Kos", AKG.chiefExecutiveOf, "2025-06-01")]


def test_leadership_history_lists_both_chief_executives_with_their_documents_dates(two_dates):
    rows = ask(two_dates, "leadership-history", organisation="lipa d.o.o.")
    # the newer document also tells of the former one ("nekdanji direktor Marko Novak ... lani odstopil")
    assert [(str(r["personLabel"]), r["role"], r["status"], str(r["asOf"]), str(r.get("end") or "")) for r in rows] == [
        ("Marko Novak", AKG.ChiefExecutive, AKG.Current, "2023-03-01", ""),
        ("Marko Novak", AKG.ChiefExecutive, AKG.Former, "2025-06-01", "2024"),
        ("Ana Kos", AKG.ChiefExecutive, AKG.Current, "2025-06-01", "")]


def test_changes_of_tells_what_each_dated_document_states_first_and_last(two_dates):
    rows = ask(two_dates, "changes-of", entity="Lipa d.o.o.")
    counts = [(int(r["value"]), str(r["firstStated"]), str(r["lastStated"])) for r in rows
              if r["predicate"] == SCHEMA.numberOfEmployees]
    assert counts == [(4000, "2023-03-01", "2023-03-01"), (4500, "2025-06-01", "2025-06-01")]
    # Marko Novak led Lipa as of 2023; the 2025 document no longer says he does
    rows = ask(two_dates, "changes-of", entity="Marko Novak")
    assert [(str(r["objectLabel"]), str(r["firstStated"]), str(r["lastStated"])) for r in rows
            if r["predicate"] == AKG.chiefExecutiveOf] == [("Lipa d.o.o.", "2023-03-01", "2023-03-01")]


def test_conflicting_head_counts_are_both_kept_and_the_current_view_shows_the_newer(two_dates):
    rows = ask(two_dates, "events-of", entity="Lipa d.o.o.")
    counts = [(str(r["date"]), int(r["value"])) for r in rows if r["what"] == SCHEMA.numberOfEmployees]
    assert counts == [("2023-03-01", 4000), ("2025-06-01", 4500)]
    assert [(str(r["date"]), str(r["otherLabel"])) for r in rows if r["what"] == AKG.Resignation] == [
        ("2024", "Marko Novak")]
    [current] = ask(two_dates, "workforce", company="Lipa d.o.o.")
    assert (int(current["employees"]), str(current["asOf"])) == (4500, "2025-06-01")


def test_the_page_lists_dated_facts_in_order_and_draws_a_former_role_dashed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "lipa.txt").write_text("Podjetje Lipa d.o.o. je leta 2019 kupilo družbo Hrast d.o.o. Lipa d.o.o. vodi "
                                    "Ana Kos, nekdanja direktorica podjetja Hrast d.o.o.\n", encoding="utf-8")
    (seeds / "lipa.meta.toml").write_text('language = "sl"\ndate = "2025-06-01"\n', encoding="utf-8")
    kg.build(seeds, tmp_path / "out")
    data = page_data(read_model(kg.load(tmp_path / "out"), load_ontology()), load_ontology())
    hrast = next(n for n in data["nodes"] if n["sl"] == "Hrast d.o.o.")
    assert [f for f in hrast["f"] if f[0] in (str(AKG.Acquisition), str(AKG.ChiefExecutive))] == [
        [str(AKG.Acquisition), "2019: Lipa d.o.o. → Hrast d.o.o."],
        [str(AKG.ChiefExecutive), "Ana Kos → Hrast d.o.o. · former · 2025-06-01"]]
    dashed = [e for e in data["vis"]["edges"] if e.get("dashes")]
    assert [e["label"] for e in dashed] == ["former CEO of"]
    assert next(e for e in data["edges"] if e[0] == str(AKG.formerChiefExecutiveOf))[3] == ""  # no interval given


def _chief_edges(G) -> set[tuple[str, str]]:
    return {(G.nodes[a]["label"], G.nodes[b]["label"]) for a, b, k in G.edges(keys=True) if k == str(AKG.chiefExecutiveOf)}


def test_the_analytics_read_the_current_view_and_the_history_on_request(two_dates):
    G = kg.to_networkx(kg.load(two_dates))
    assert _chief_edges(G) == {("Ana Kos", "Lipa d.o.o.")}  # the 2025 text names a new chief executive
    lipa = next(n for n, d in G.nodes(data=True) if d["label"] == "Lipa d.o.o.")
    assert G.nodes[lipa]["schema:numberOfEmployees.schema:value"] == 4500
    H = kg.to_networkx(kg.load(two_dates), history=True)
    assert _chief_edges(H) == {("Ana Kos", "Lipa d.o.o."), ("Marko Novak", "Lipa d.o.o.")}
    assert H.nodes[lipa]["schema:numberOfEmployees.schema:value"] == [4000, 4500]
    assert stats(two_dates)["relations"] == stats(two_dates, history=True)["relations"] - 1


def _path_predicates(*args: str) -> set[str]:
    result = CliRunner().invoke(cli, ["path", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return {r["predicate"] for step in json.loads(result.output)["steps"] for r in step["relations"]}


def test_kg_path_uses_the_current_view_unless_asked_for_the_history(two_dates):
    now = _path_predicates("Marko Novak", "Lipa d.o.o.", "--build", str(two_dates))
    assert str(AKG.chiefExecutiveOf) not in now and now  # still connected, by his resignation
    before = _path_predicates("Marko Novak", "Lipa d.o.o.", "--build", str(two_dates), "--history")
    assert str(AKG.chiefExecutiveOf) in before
    assert shortest_path(two_dates, "Ana Kos", "Lipa d.o.o.")["steps"][0]["relations"][0]["predicate"] == \
        str(AKG.chiefExecutiveOf)


@pytest.fixture(scope="module")
def dated_hand_over(tmp_path_factory) -> Path:
    """Two documents with dated roles: a chief executive since 2015, then his resignation and a successor."""
    seeds = tmp_path_factory.mktemp("seeds")
    for name, date, text in (
        ("hrast-2023", "2023-03-01", "Družbo Hrast d.o.o. od leta 2015 vodi Marko Novak."),
        ("hrast-2025", "2025-06-01", ("Od 1. marca 2025 družbo Hrast d.o.o. vodi Ana Kos. Marko Novak, ki je "
                                      "družbo Hrast d.o.o. vodil od leta 2015, je februarja odstopil.")),
    ):
        (seeds / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (seeds / f"{name}.meta.toml").write_text(f'language = "sl"\ndate = "{date}"\n', encoding="utf-8")
    out = tmp_path_factory.mktemp("build")
    kg.build(seeds, out)
    return out


def test_leadership_history_lists_both_chief_executives_with_their_intervals(dated_hand_over):
    assert [(str(r["personLabel"]), str(r["asOf"])) for r in ask(dated_hand_over, "who-leads",
                                                                   organisation="Hrast d.o.o.")] == [
        ("Ana Kos", "2025-06-01")]
    rows = ask(dated_hand_over, "leadership-history", organisation="Hrast d.o.o.")
    assert [(str(r["personLabel"]), r["status"], str(r.get("start") or ""), str(r.get("end") or ""), str(r["asOf"]))
            for r in rows] == [
        ("Marko Novak", AKG.Current, "2015", "", "2023-03-01"),
        ("Marko Novak", AKG.Former, "2015", "2025-02", "2025-06-01"),
        ("Ana Kos", AKG.Current, "2025-03-01", "", "2025-06-01")]
