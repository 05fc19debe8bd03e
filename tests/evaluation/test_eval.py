"""Tests of ``kg eval`` / ``kg.evaluate``: gold validation, the scorer, the CLI and quality gates.

Three groups:
- gold files are validated before anything is built (InputError naming file and line, exit 2);
- scoring rules, with ``builder=`` set to a function that returns a fixed facts graph, so each
  rule (labels, classes, sub-properties, bounds, qualifiers, one-to-one) is checked exactly;
- the real builder end to end: small hand-written documents, the CLI (exit codes, JSON) and the
  issue's quality gates on ``eval/sl/seed`` and ``eval/sl/heldout``.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.namespace import SKOS

import kg
from kg.errors import InputError
from kg.namespaces import FACTS_GRAPH

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "eval"

PREFIXES = """\
@prefix akg: <https://w3id.org/ampere-kg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@base <https://w3id.org/ampere-kg/id/> .
"""

# A facts graph as docs/graph-model.md describes it (types materialised), for the text below.
FACTS = PREFIXES + """\
<company/skupina-renault> a akg:Company, schema:Organization ;
    skos:prefLabel "Skupina Renault"@sl, "Renault Group"@en ; skos:altLabel "Skupine Renault"@sl .
<company/ampere> a akg:Company, schema:Organization ; skos:prefLabel "Ampere"@sl ;
    schema:founder <company/skupina-renault> ;
    akg:aimsToLead <market/trg-elektricnih-vozil> ;
    org:hasSite <plant/cleon> ;
    schema:numberOfEmployees <company/ampere/numberOfEmployees> ;
    akg:numberOfSites <company/ampere/numberOfSites> ;
    akg:workforceShare <company/ampere/workforceShare> ;
    akg:yearsOfExperience 15 .
<company/ampere/numberOfEmployees> a schema:QuantitativeValue ; schema:minValue 11000 .
<company/ampere/numberOfSites> a schema:QuantitativeValue ; schema:value 11 ; akg:inPlace <country/francija> .
<company/ampere/workforceShare> a schema:QuantitativeValue ; schema:value 35.0 ;
    schema:unitText "percent" ; akg:occupation "inženir"@sl .
<plant/cleon> a akg:Plant, org:Site, schema:Place ; skos:prefLabel "Cléon"@sl ; skos:altLabel "Cléonu"@sl .
<country/francija> a schema:Country, schema:Place ; skos:prefLabel "Francija"@sl, "France"@en ;
    skos:altLabel "Franciji"@sl .
<market/trg-elektricnih-vozil> a akg:Market, skos:Concept ; skos:prefLabel "trg električnih vozil"@sl .
<person/luca-de-meo> a schema:Person ; skos:prefLabel "Luca de Meo"@sl ;
    akg:chiefExecutiveOf <company/ampere> .
<quote/1> a schema:Quotation ; schema:text "»Ustvarjanje novega modela podjetja je naš cilj.«"@sl ;
    schema:creator <person/luca-de-meo> .
"""

TEXT = ("Skupina Renault je ustvarila Ampere. Ampere ima enajst lokacij v Franciji, med njimi tovarno "
        "Cléon. Podjetje zaposluje več kot 11.000 ljudi, od katerih je 35 odstotkov inženirjev.\n")

GOLD = """\
[[entity]]
label = "Skupina Renault"
class = "akg:Company"

[[entity]]
label = "Ampere"
class = "akg:Company"

[[entity]]
label = "Cléon"
class = "akg:Plant"

[[entity]]
label = "Francija"
class = "schema:Country"

[[entity]]
label = "trg električnih vozil"
class = "akg:Market"

[[entity]]
label = "Luca de Meo"
class = "schema:Person"

[[relation]]
subject = "Ampere"
predicate = "schema:founder"
object = "Skupina Renault"

[[relation]]
subject = "Ampere"
predicate = "akg:aimsToLead"
object = "trg električnih vozil"

[[relation]]
subject = "Ampere"
predicate = "org:hasSite"
object = "Cléon"

[[relation]]
subject = "Luca de Meo"
predicate = "akg:chiefExecutiveOf"
object = "Ampere"

[[literal]]
subject = "Ampere"
predicate = "schema:numberOfEmployees"
value = 11000
bound = "min"

[[literal]]
subject = "Ampere"
predicate = "akg:numberOfSites"
value = 11
place = "Francija"

[[literal]]
subject = "Ampere"
predicate = "akg:workforceShare"
value = 35
occupation = "inženir"

[[literal]]
subject = "Ampere"
predicate = "akg:yearsOfExperience"
value = 15

[[quote]]
speaker = "Luca de Meo"
starts_with = "Ustvarjanje novega modela podjetja"
"""


PERSON_AND_COMPANY = '[[entity]]\nlabel = "P"\nclass = "schema:Person"\n\n[[entity]]\nlabel = "C"\nclass = "akg:Company"\n\n'


def fixed_builder(turtle: str):
    """A builder that returns ``turtle`` as the facts graph (to test the scorer exactly)."""
    def build(seeds: Path, out: Path) -> Dataset:
        assert [p.name for p in seeds.glob("*.txt")], "the document was copied to the seeds folder"
        ds = Dataset()
        ds.graph(FACTS_GRAPH).parse(data=turtle, format="turtle")
        return ds
    return build


def write_case(folder: Path, name: str, text: str, gold: str, language: str = "sl", date: str = "") -> Path:
    """Write NAME.txt, NAME.meta.toml and NAME.gold.toml into ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    dated = f'date = "{date}"\n' if date else ""
    (folder / f"{name}.meta.toml").write_text(f'language = "{language}"\n{dated}', encoding="utf-8")
    (folder / f"{name}.gold.toml").write_text(gold, encoding="utf-8")
    return folder


def scores(report, category: str):
    """The overall counts of ``category`` in a report."""
    return report.overall()[category]


def only_doc(report):
    """The one document of a one-document report."""
    [subset] = report.subsets
    [doc] = subset.documents
    return doc


# ------------------------------------------------------------------ gold validation


@pytest.mark.parametrize("gold, line, words", [
    ('[[entity]]\nlabel = "A"\nclass = akg:Company\n', 3, "invalid TOML"),
    ('[[entity]]\nlabel = "A"\nclass = "akg:Company"\n\n[[entity]]\nlabel = "B"\nclass = "akg:Firm"\n', 7,
     "unknown class 'akg:Firm'"),
    ('[[entity]]\nlabel = "A"\nclass = "akg:Company"\n\n[[relation]]\nsubject = "A"\n'
     'predicate = "schema:owns"\nobject = "A"\n', 7, "unknown relation predicate 'schema:owns'"),
    ('[[entity]]\nlabel = "A"\nclass = "akg:Company"\n\n[[relation]]\nsubject = "A"\n'
     'predicate = "schema:founder"\nobject = "B"\n', 8, "object 'B' is not a listed [[entity]]"),
    ('[[entity]]\nlabel = "A"\nclass = "akg:Company"\n\n[[literal]]\nsubject = "A"\n'
     'predicate = "schema:numberOfEmployees"\nvalue = 5\nbound = "about"\n', 9, "bound must be"),
    ('[[entity]]\nlabel = "A"\n', 1, "missing 'class'"),
    ('[[entity]]\nlabel = "A"\nclass = "akg:Company"\nlabels = ["B"]\n', 4, "unknown key 'labels'"),
    (PERSON_AND_COMPANY + '[[role]]\nperson = "P"\norganization = "C"\nrole = "ceo"\nstatus = "current"\n', 12,
     "unknown role 'ceo'"),
    (PERSON_AND_COMPANY + '[[role]]\nperson = "C"\norganization = "C"\nrole = "other"\nstatus = "current"\n', 10,
     "person 'C' is a akg:Company, expected schema:Person"),
    (PERSON_AND_COMPANY + '[[role]]\nperson = "P"\norganization = "C"\nrole = "other"\nstatus = "former"\n'
     'start = "2023-02-30"\n', 14, 'start must be a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"'),
    (PERSON_AND_COMPANY + '[[role]]\nperson = "P"\norganization = "C"\nrole = "other"\nstatus = "former"\n'
     'start = "2020"\nend = "2019-05"\n', 15, "end 2019-05 is before start 2020"),
    (PERSON_AND_COMPANY + '[[role]]\nperson = "P"\norganization = "C"\nrole = "other"\nstatus = "former"\n'
     'end = "2024-03"\n', 13, "a former role cannot end (2024-03) after the document date"),
    (PERSON_AND_COMPANY + '[[event]]\ntype = "merger"\n', 10, "unknown event type 'merger'"),
    (PERSON_AND_COMPANY + '[[event]]\ntype = "acquisition"\nagent = "C"\nobject = "C"\namount = 5\n', 13,
     "amount and unit go together"),
    (PERSON_AND_COMPANY + '[[event]]\ntype = "resignation"\nagent = "P"\n', 9, "a resignation event needs 'object'"),
    (PERSON_AND_COMPANY + '[[literal]]\nsubject = "C"\npredicate = "akg:revenue"\nvalue = 5\ndate = "2021-04"\n',
     13, "a literal's date is a year"),
])
def test_malformed_gold_is_an_input_error_naming_file_and_line(tmp_path, gold, line, words):
    folder = write_case(tmp_path / "set", "doc", TEXT, gold, date="2023-05-11")
    with pytest.raises(InputError) as err:
        kg.evaluate(folder, builder=fixed_builder(FACTS))
    message = str(err.value)
    assert message.startswith(f"{folder / 'doc.gold.toml'}:{line}: "), message
    assert words in message
    assert "\n" not in message


def test_gold_without_document_and_empty_folder_are_input_errors(tmp_path):
    (tmp_path / "lonely.gold.toml").write_text(GOLD, encoding="utf-8")
    with pytest.raises(InputError, match=r"lonely\.gold\.toml: no document lonely\.txt"):
        kg.evaluate(tmp_path, builder=fixed_builder(FACTS))
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no \*\.gold\.toml files"):
        kg.evaluate(tmp_path / "empty")
    with pytest.raises(InputError, match="no such file or folder"):
        kg.evaluate(tmp_path / "missing")


def test_bad_gold_is_rejected_before_any_build(tmp_path):
    write_case(tmp_path / "a", "good", TEXT, GOLD)
    write_case(tmp_path / "b", "bad", TEXT, '[[entity]]\nlabel = "X"\nclass = "schema:Thing"\n')
    built = []

    def builder(seeds: Path, out: Path) -> Dataset:
        built.append(seeds)
        return fixed_builder(FACTS)(seeds, out)

    with pytest.raises(InputError, match=r"bad\.gold\.toml:3"):
        kg.evaluate(tmp_path, builder=builder)
    assert built == []


def test_shipped_gold_files_are_valid():
    from kg.evaluation.gold import read_gold

    golds = sorted(EVAL.rglob("*.gold.toml"))
    assert len([g for g in golds if "en/dev" in g.as_posix()]) >= 6
    for gold in golds:
        parsed = read_gold(gold)
        assert parsed.entities, gold
        meta = gold.with_name(gold.name.replace(".gold.toml", ".meta.toml"))
        if "/en/" in gold.as_posix():
            assert 'language = "en"' in meta.read_text(encoding="utf-8"), meta


# ------------------------------------------------------------------ scoring rules


def test_perfect_match_scores_one(tmp_path):
    folder = write_case(tmp_path / "set", "doc", TEXT, GOLD)
    report = kg.evaluate(folder, builder=fixed_builder(FACTS))
    doc = only_doc(report)
    for category in ("entities", "relations", "literals", "quotes", "markets"):
        counts = doc.scores[category].counts
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), category
        assert doc.scores[category].missed == doc.scores[category].extra == []
    assert scores(report, "relations").tp == 4
    assert scores(report, "literals").tp == 4


def test_missing_relation_lowers_recall_only(tmp_path):
    gold = GOLD + '\n[[relation]]\nsubject = "Cléon"\npredicate = "schema:containedInPlace"\nobject = "Francija"\n'
    report = kg.evaluate(write_case(tmp_path / "s", "doc", TEXT, gold), builder=fixed_builder(FACTS))
    rel = only_doc(report).scores["relations"]
    assert (rel.counts.tp, rel.counts.fp, rel.counts.fn) == (4, 0, 1)
    assert rel.counts.precision == 1.0 and rel.counts.recall == pytest.approx(0.8)
    assert rel.missed == ["Cléon --schema:containedInPlace--> Francija"]
    assert scores(report, "entities").f1 == 1.0


def test_counts_by_predicate_add_up_and_name_the_wrong_predicate(tmp_path):
    gold = GOLD + '\n[[relation]]\nsubject = "Cléon"\npredicate = "schema:containedInPlace"\nobject = "Francija"\n'
    facts = FACTS + "<person/luca-de-meo> akg:holdsRoleIn <company/skupina-renault> .\n"
    report = kg.evaluate(write_case(tmp_path / "s", "doc", TEXT, gold), builder=fixed_builder(facts))
    per = report.subsets[0].by_predicate()
    assert (per["akg:holdsRoleIn"].tp, per["akg:holdsRoleIn"].fp, per["akg:holdsRoleIn"].fn) == (0, 1, 0)
    assert per["schema:containedInPlace"].fn == 1
    total = report.subsets[0].totals()
    for kind in ("tp", "fp", "fn"):
        assert sum(getattr(n, kind) for n in per.values()) == \
            getattr(total["relations"], kind) + getattr(total["literals"], kind)
    res = run_kg("eval", str(tmp_path / "s"), "--by-predicate", "--no-show-errors")
    assert "by predicate" in res.stdout and "schema:containedInPlace" in res.stdout


def test_extra_relation_lowers_precision_only(tmp_path):
    facts = FACTS + "<person/luca-de-meo> akg:holdsRoleIn <company/skupina-renault> .\n"
    report = kg.evaluate(write_case(tmp_path / "s", "doc", TEXT, GOLD), builder=fixed_builder(facts))
    rel = only_doc(report).scores["relations"]
    assert (rel.counts.tp, rel.counts.fp, rel.counts.fn) == (4, 1, 0)
    assert rel.counts.recall == 1.0 and rel.counts.precision == pytest.approx(0.8)
    assert rel.extra == ["Luca de Meo --akg:holdsRoleIn--> Skupina Renault"]


def test_labels_match_any_language_alias_inflection_case_and_nfc(tmp_path):
    gold = (GOLD.replace('label = "Skupina Renault"', 'label = "RENAULT GROUP"')
                .replace('"Skupina Renault"', '"RENAULT GROUP"')
                .replace('label = "Francija"', 'label = "Franciji"')
                .replace('place = "Francija"', 'place = "Franciji"')
                .replace('label = "Cléon"', 'label = "Cle\u0301on"')
                .replace('object = "Cléon"', 'object = "Cle\u0301on"')
                .replace('label = "Ampere"\nclass = "akg:Company"',
                         'label = "Ampère SAS"\nclass = "akg:Company"\naliases = ["ampere"]'))
    assert "RENAULT GROUP" in gold and "Cle\u0301on" in gold and "Franciji" in gold
    report = kg.evaluate(write_case(tmp_path / "s", "doc", TEXT, gold), builder=fixed_builder(FACTS))
    for category in ("entities", "relations", "literals"):
        assert scores(report, category).f1 == 1.0, only_doc(report).scores[category]


def test_class_must_match_and_matching_is_one_to_one(tmp_path):
    gold = GOLD.replace('label = "Cléon"\nclass = "akg:Plant"', 'label = "Cléon"\nclass = "schema:City"')
    facts = FACTS + '<company/ampere-2> a akg:Company ; skos:prefLabel "Ampere"@sl .\n'
    doc = only_doc(kg.evaluate(write_case(tmp_path / "s", "doc", TEXT, gold), builder=fixed_builder(facts)))
    ents = doc.scores["entities"]
    assert ents.missed == ["Cléon (schema:City)"]
    assert ents.extra == ["Ampere (akg:Company)", "Cléon (akg:Plant)"]
    assert (ents.counts.tp, ents.counts.fp, ents.counts.fn) == (5, 2, 1)
    assert doc.scores["relations"].missed == ["Ampere --org:hasSite--> Cléon"]


def test_sub_property_matches_the_super_property_but_not_the_reverse(tmp_path):
    targets = GOLD.replace('predicate = "akg:aimsToLead"', 'predicate = "akg:targetsMarket"')
    rel = only_doc(kg.evaluate(write_case(tmp_path / "a", "doc", TEXT, targets),
                               builder=fixed_builder(FACTS))).scores["relations"]
    assert rel.counts.f1 == 1.0
    facts = FACTS.replace("akg:aimsToLead <market", "akg:targetsMarket <market")
    rel = only_doc(kg.evaluate(write_case(tmp_path / "b", "doc", TEXT, GOLD),
                               builder=fixed_builder(facts))).scores["relations"]
    assert rel.missed == ["Ampere --akg:aimsToLead--> trg električnih vozil"]
    assert rel.extra == ["Ampere --akg:targetsMarket--> trg električnih vozil"]


def test_literals_match_on_value_bound_and_given_qualifiers(tmp_path):
    gold = (GOLD.replace('value = 11000\nbound = "min"', "value = 11000")
                .replace('occupation = "inženir"', 'occupation = "ekonomist"'))
    lits = only_doc(kg.evaluate(write_case(tmp_path / "s", "doc", TEXT, gold),
                                builder=fixed_builder(FACTS))).scores["literals"]
    assert sorted(lits.missed) == ["Ampere akg:workforceShare = 35 [occupation=ekonomist]",
                                   "Ampere schema:numberOfEmployees = 11000"]
    assert sorted(lits.extra) == ["Ampere akg:workforceShare = 35 [occupation=inženir] [unit=percent]",
                                  "Ampere schema:numberOfEmployees >= 11000"]
    assert (lits.counts.tp, lits.counts.fp, lits.counts.fn) == (2, 2, 2)


def test_a_literal_year_must_match_when_the_gold_gives_one(tmp_path):
    gold = GOLD.replace('value = 11\nplace = "Francija"', 'value = 11\nplace = "Francija"\ndate = "2021"')
    facts = FACTS.replace("akg:inPlace <country/francija> .", "akg:inPlace <country/francija> ; akg:validYear \"2021\" .")
    lits = only_doc(kg.evaluate(write_case(tmp_path / "a", "doc", TEXT, gold), builder=fixed_builder(facts))).scores["literals"]
    assert (lits.counts.tp, lits.counts.fp, lits.counts.fn) == (4, 0, 0)
    lits = only_doc(kg.evaluate(write_case(tmp_path / "b", "doc", TEXT, gold), builder=fixed_builder(FACTS))).scores["literals"]
    assert lits.missed == ["Ampere akg:numberOfSites = 11 [place=Francija] [date=2021]"]


TIME_FACTS = PREFIXES + """\
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<company/ferox> a akg:Company ; skos:prefLabel "Ferox"@sl .
<company/gusswerk> a akg:Company ; skos:prefLabel "Gusswerk"@sl .
<person/mateja-pusnik> a schema:Person ; skos:prefLabel "Mateja Pušnik"@sl .
<m/1> a org:Membership ; org:member <person/mateja-pusnik> ; org:organization <company/ferox> ;
    org:role akg:ChiefExecutive ; akg:roleStatus akg:Former ; org:memberDuring <m/1/interval> .
<m/1/interval> a time:Interval ; time:hasBeginning <m/1/start> ; time:hasEnd <m/1/end> .
<m/1/start> a time:Instant ; time:inXSDgYearMonth "2017-01"^^xsd:gYearMonth .
<m/1/end> a time:Instant ; time:inXSDDate "2023-03-14"^^xsd:date .
<e/1> a akg:Acquisition ; schema:agent <company/ferox> ; schema:object <company/gusswerk> ;
    dcterms:date "2022"^^xsd:gYear ; akg:amount <e/1/amount> .
<e/1/amount> a schema:MonetaryAmount ; schema:value 9000000 ; schema:currency "EUR" .
<e/2> a akg:Resignation ; schema:agent <person/mateja-pusnik> ; schema:object <company/ferox> .
"""

TIME_GOLD = """\
[[entity]]
label = "Ferox"
class = "akg:Company"

[[entity]]
label = "Gusswerk"
class = "akg:Company"

[[entity]]
label = "Mateja Pušnik"
class = "schema:Person"

[[role]]
person = "Mateja Pušnik"
organization = "Ferox"
role = "chiefExecutive"
status = "former"
start = "2017-01"
end = "2023-03"

[[event]]
type = "acquisition"
date = "2022"
agent = "Ferox"
object = "Gusswerk"
amount = 9000000
unit = "EUR"

[[event]]
type = "resignation"
date = "2023-03"
agent = "Mateja Pušnik"
object = "Ferox"
"""


def test_roles_and_events_match_every_field_with_dates_at_the_gold_precision(tmp_path):
    folder = write_case(tmp_path / "a", "doc", "Ferox.\n", TIME_GOLD, date="2023-05-11")
    doc = only_doc(kg.evaluate(folder, builder=fixed_builder(TIME_FACTS)))
    roles, events = doc.scores["roles"], doc.scores["events"]
    assert (roles.counts.tp, roles.counts.fp, roles.counts.fn) == (1, 0, 0)  # 2023-03-14 is in 2023-03
    assert (events.counts.tp, events.counts.fp, events.counts.fn) == (1, 1, 1)  # the resignation has no date
    assert events.missed == ["resignation 2023-03: Mateja Pušnik -> Ferox"]
    assert events.extra == ["resignation (no date): Mateja Pušnik -> Ferox"]
    coarser = TIME_FACTS.replace('time:inXSDDate "2023-03-14"^^xsd:date', 'time:inXSDgYear "2023"^^xsd:gYear')
    roles = only_doc(kg.evaluate(folder, builder=fixed_builder(coarser))).scores["roles"]
    assert roles.missed == ["Mateja Pušnik former chiefExecutive of Ferox [2017-01 - 2023-03]"]
    assert roles.extra == ["Mateja Pušnik former chiefExecutive of Ferox [2017-01 - 2023]"]
    current = TIME_FACTS.replace("akg:Former", "akg:Current")
    assert only_doc(kg.evaluate(folder, builder=fixed_builder(current))).scores["roles"].counts.tp == 0
    cheaper = TIME_FACTS.replace("schema:value 9000000", "schema:value 8000000")
    assert only_doc(kg.evaluate(folder, builder=fixed_builder(cheaper))).scores["events"].counts.tp == 0
    untimed = write_case(tmp_path / "b", "doc", "Ferox.\n", TIME_GOLD.split("[[role]]")[0], date="2023-05-11")
    doc = only_doc(kg.evaluate(untimed, builder=fixed_builder(TIME_FACTS)))
    assert [doc.scores[c].counts.as_dict()["tp"] + doc.scores[c].counts.fp for c in ("roles", "events")] == [0, 0]


def test_quotes_match_speaker_and_first_30_characters(tmp_path):
    long_start = "Ustvarjanje novega modela podjetja je naš cilj in še kaj drugega"
    gold = GOLD.replace("Ustvarjanje novega modela podjetja\"", long_start + '"')
    quotes = only_doc(kg.evaluate(write_case(tmp_path / "a", "doc", TEXT, gold),
                                  builder=fixed_builder(FACTS))).scores["quotes"]
    assert quotes.counts.f1 == 1.0
    wrong = FACTS.replace("schema:creator <person/luca-de-meo>", "schema:creator <company/ampere>")
    quotes = only_doc(kg.evaluate(write_case(tmp_path / "b", "doc", TEXT, GOLD),
                                  builder=fixed_builder(wrong))).scores["quotes"]
    assert (quotes.counts.tp, quotes.counts.fp, quotes.counts.fn) == (0, 1, 1)


def test_subsets_are_reported_separately_and_micro_averaged(tmp_path):
    short = GOLD.split("[[relation]]")[0]          # entities only: relations are all extra
    write_case(tmp_path / "sl" / "dev", "one", TEXT, GOLD)
    write_case(tmp_path / "sl" / "dev", "two", TEXT, short)
    write_case(tmp_path / "en" / "dev", "three", TEXT, GOLD, language="en")
    write_case(tmp_path / "en" / "dev" / ".ipynb_checkpoints", "three", TEXT, "not toml")  # skipped
    report = kg.evaluate(tmp_path, builder=fixed_builder(FACTS))
    assert [s.name for s in report.subsets] == ["en/dev", "sl/dev"]
    sl = report.subsets[1]
    assert [d.name for d in sl.documents] == ["sl/dev/one.txt", "sl/dev/two.txt"]
    rel = sl.totals()["relations"]
    assert (rel.tp, rel.fp, rel.fn) == (4, 4, 0)
    assert rel.precision == 0.5
    assert report.overall()["relations"].tp == 8
    data = json.loads(json.dumps(report.as_dict()))
    assert data["subsets"][1]["totals"]["relations"]["precision"] == 0.5
    assert data["overall"]["entities"]["f1"] == 1.0


def test_evaluate_one_document_by_path(tmp_path):
    folder = write_case(tmp_path / "set", "doc", TEXT, GOLD)
    for path in (folder / "doc.txt", folder / "doc.gold.toml"):
        report = kg.evaluate(path, builder=fixed_builder(FACTS))
        assert [s.name for s in report.subsets] == ["set"]
        assert report.overall()["entities"].tp == 6


# ------------------------------------------------------------------ the CLI


def run_kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the installed ``kg`` command (as a user would) and capture its output."""
    return subprocess.run(["kg", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_cli_malformed_gold_exits_2_with_one_line(tmp_path):
    folder = write_case(tmp_path / "set", "doc", TEXT,
                        GOLD.replace('predicate = "org:hasSite"', 'predicate = "org:hasPlant"'))
    result = run_kg("eval", str(folder))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = GOLD.splitlines().index('predicate = "org:hasSite"') + 1
    assert lines[0] == (f"error: {folder / 'doc.gold.toml'}:{line}: "
                        "unknown relation predicate 'org:hasPlant'")
    assert "Traceback" not in result.stderr
    assert run_kg("eval", str(tmp_path / "nowhere")).returncode == 2


# ------------------------------------------------------------------ the real builder, end to end

SIMPLE_TEXT = "Luca de Meo je glavni izvršni direktor Skupine Renault.\n"
SIMPLE_GOLD = """\
[[entity]]
label = "Luca de Meo"
class = "schema:Person"

[[entity]]
label = "Skupina Renault"
class = "akg:Company"
aliases = ["Renault Group"]

[[relation]]
subject = "Luca de Meo"
predicate = "akg:chiefExecutiveOf"
object = "Skupina Renault"
"""
# Gold the text does not support: an entity and a relation nobody wrote.
UNSUPPORTED = """
[[entity]]
label = "Kolpa d.o.o."
class = "akg:Company"

[[relation]]
subject = "Luca de Meo"
predicate = "akg:holdsRoleIn"
object = "Kolpa d.o.o."
"""


def test_real_build_simple_document_scores_one(tmp_path):
    report = kg.evaluate(write_case(tmp_path / "set", "ceo", SIMPLE_TEXT, SIMPLE_GOLD))
    doc = only_doc(report)
    assert doc.scores["entities"].counts.f1 == 1.0, doc.scores["entities"]
    assert doc.scores["relations"].counts.f1 == 1.0, doc.scores["relations"]


def test_real_build_writes_no_page(tmp_path, monkeypatch):
    """The temporary builds of an evaluation skip graph.html: a failure injected where the page is
    written does not reach them."""
    monkeypatch.setenv("KG_DEBUG_AT", "html:fail")
    report = kg.evaluate(write_case(tmp_path / "set", "ceo", SIMPLE_TEXT, SIMPLE_GOLD))
    assert report.errors() == []
    assert only_doc(report).scores["relations"].counts.f1 == 1.0


def test_real_build_unsupported_gold_lowers_recall_not_precision(tmp_path):
    base = only_doc(kg.evaluate(write_case(tmp_path / "a", "ceo", SIMPLE_TEXT, SIMPLE_GOLD)))
    more = only_doc(kg.evaluate(write_case(tmp_path / "b", "ceo", SIMPLE_TEXT, SIMPLE_GOLD + UNSUPPORTED)))
    for category in ("entities", "relations"):
        before, after = base.scores[category].counts, more.scores[category].counts
        assert (after.tp, after.fp) == (before.tp, before.fp)
        assert after.fn == before.fn + 1
        assert after.recall < before.recall or before.recall == 0
    assert "Kolpa d.o.o. (akg:Company)" in more.scores["entities"].missed
    assert "Luca de Meo --akg:holdsRoleIn--> Kolpa d.o.o." in more.scores["relations"].missed


def test_real_build_gold_missing_a_found_fact_lowers_precision(tmp_path):
    entities_only = SIMPLE_GOLD.split("[[relation]]")[0]
    base = only_doc(kg.evaluate(write_case(tmp_path / "a", "ceo", SIMPLE_TEXT, SIMPLE_GOLD)))
    less = only_doc(kg.evaluate(write_case(tmp_path / "b", "ceo", SIMPLE_TEXT, entities_only)))
    before, after = base.scores["relations"].counts, less.scores["relations"].counts
    assert before.tp >= 1, "the builder finds the CEO relation"
    assert after.tp == 0 and after.fp == before.tp + before.fp
    assert after.precision < before.precision


def test_cli_json_and_thresholds(tmp_path):
    good = write_case(tmp_path / "good", "ceo", SIMPLE_TEXT, SIMPLE_GOLD)
    result = run_kg("eval", str(good), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    api = kg.evaluate(good).as_dict()
    assert data["overall"] == api["overall"]
    [subset] = data["subsets"]
    assert subset["subset"] == "good"
    assert subset["documents"][0]["document"] == "ceo.txt"

    worse = write_case(tmp_path / "worse", "ceo", SIMPLE_TEXT, SIMPLE_GOLD + UNSUPPORTED)
    result = run_kg("eval", str(worse), "--min-entity-f1", "1.0")
    assert result.returncode == 1
    assert "below threshold: worse: entities F1" in result.stderr
    assert "missed entity: Kolpa d.o.o. (akg:Company)" in result.stdout
    quiet = run_kg("eval", str(worse), "--no-show-errors", "--min-entity-f1", "0", "--min-relation-f1", "0")
    assert quiet.returncode == 0, quiet.stderr
    assert "Kolpa" not in quiet.stdout and "subset worse" in quiet.stdout


# ------------------------------------------------------------------ quality gates of the issue


def test_gate_seed_every_core_fact_found_and_nothing_wrong():
    report = kg.evaluate(EVAL / "sl" / "seed")
    doc = only_doc(report)
    missed = {c: doc.scores[c].missed for c in ("entities", "relations", "literals", "quotes")}
    assert missed == {c: [] for c in missed}, missed
    extra = {c: doc.scores[c].extra for c in ("relations", "literals", "quotes")}
    assert extra == {c: [] for c in extra}, extra


# Floors just below the scores measured on 2026-12-02 at the end of the relation-frames work
# (dev 105-144 and en07-26 added, gold on the 2026-12 conventions). A change that lowers a
# subset's score below its floor fails here; raise a floor when the scores rise. The held-out
# subsets are gated on their totals only: their per-document errors are not read.
FLOORS = {  # subset: (entity F1, relation F1), a little under the scores measured in December 2026
    "sl/heldout": (0.95, 0.82),  # measured 0.965 / 0.831 (session 8)
    "sl/heldout2": (0.95, 0.89),  # measured 0.948 / 0.886 (session 7); 0.957 / 0.897 (session 15); 0.960 / 0.908 (session 16)
    "en/heldout": (0.94, 0.74),  # measured 0.964 / 0.755 (session 6)
    "en/heldout2": (0.95, 0.78),  # written blind before session 3's rule work; measured 0.957 / 0.774 (session 15); 0.962 / 0.791 (session 16)
    "en/heldout3": (0.92, 0.78),  # written blind before session 4's rule work (0.911 / 0.698 then); measured 0.940 / 0.796
    "sl/heldout3": (0.93, 0.80),  # written blind before session 5's Slovenian work (0.879 / 0.662 then); measured 0.938 / 0.793 (session 15); 0.938 / 0.810 (session 16); 0.941 / 0.829 (session 24)
    # 209-224 and en139-en154, then 225-240 and en155-en170 added in session 10 (blind batches:
    # 0.711 / 0.551, then 0.729 / 0.645 before tuning on them); 241-288 and en171-en218 in
    # session 11 (0.769, 0.757 and 0.695; 0.675, 0.719 and 0.645 before tuning on them); 289-320 and
    # en219-en234 in session 12 (0.689 and 0.671; 0.736 before tuning on them), then 321-336 and
    # en235-en250 (0.756 and 0.787 before tuning on them)
    "sl/dev": (0.95, 0.85),  # measured 0.958 / 0.857 (336 texts) when 321-336 came; 0.959 / 0.853 (400) after 337-400; 0.962 / 0.852 (464) after 401-464; 0.965 / 0.862 (496) after 465-496; 0.965 / 0.858 (528) after 497-528; 0.965 / 0.862 (544) when 529-544 came (relation F1 0.880 on arrival); 0.964 / 0.857 (560) when 545-560 came (0.679 on arrival); 0.963 / 0.856 (576) when 561-576 came (0.747 on arrival); 0.964 / 0.853 (592) when 577-592 came (0.722 on arrival); 0.963 / 0.858 (608) at the end of session 20 (593-608: 0.773 on arrival); 0.963 / 0.859 (624) when 609-624 came (0.825 on arrival); 0.963 / 0.858 (640) when 625-640 came (0.807 on arrival); 0.963 / 0.858 (656) when 641-656 came (0.844 on arrival); 0.964 / 0.859 (656) at the end of session 21; 0.963 / 0.857 (672) when 657-672 came (0.783 on arrival); 0.965 / 0.858 (704) after 673-688 and 689-704 came (0.816 and 0.813 on arrival); 0.965 / 0.859 (704) at the end of session 22; 0.963 / 0.854 (752) when 705-720, 721-736 and 737-752 came (0.791, 0.729 and 0.795 on arrival); 0.964 / 0.858 (752) at the end of session 23; 0.963 / 0.857 (784) when 753-768 and 769-784 came (0.827 and 0.779 on arrival); 0.964 / 0.858 (816) at the end of session 24 (785-800 and 801-816: 0.827 and 0.804 on arrival); 0.962 / 0.854 (880) when 817-880 came in session 25 (0.784, 0.749, 0.805 and 0.763 on arrival); 0.964 / 0.861 (880) at its end; 0.964 / 0.864 (1072) at the end of session 26 (881-1072, twelve news batches: 0.817, 0.873, 0.866, 0.823, 0.876, 0.897, 0.819, 0.862, 0.828, 0.895, 0.812 and 0.877 on arrival); 0.963 / 0.864 (1136) at the end of session 27 (1073-1136, four news batches: 0.889, 0.834, 0.825 and 0.812 on arrival); 0.965 / 0.870 (1232) at the end of session 28 (1137-1232, six news batches: 0.921, 0.875, 0.859, 0.850, 0.902 and 0.885 on arrival); 0.967 / 0.875 (1424) at the end of session 29 (1233-1424, twelve news batches: 0.879, 0.877, 0.879, 0.821, 0.848, 0.913, 0.884, 0.901, 0.874, 0.899, 0.885 and 0.850 on arrival)
    "en/dev": (0.91, 0.73),  # 0.947 / 0.794 (282 texts) when the hard en267-en282 came (0.61 before tuning); 0.949 / 0.792 (298) after en283-en298;
    # 0.946 / 0.786 (314) when en299-en314 came (0.678 before tuning), 401-432 likewise (0.667, 0.767);
    # then 433-464 and en315-en330 (0.801, 0.732 and 0.720 before tuning on them); 0.937 / 0.786 (330) at the end;
    # 465-496 and en331-en346 in session 16 (0.749, 0.734 and 0.598 before tuning on them): 0.934 / 0.782 (346);
    # 497-528 and en347-en378 in session 17 (0.780, 0.702, 0.671 and 0.663 on arrival): 0.933 / 0.777 (378);
    # en379-en394 and en395-en410 in session 18 (0.630 and 0.600 on arrival): 0.931 / 0.771 (394), 0.928 / 0.764 (410);
    # en411-en426 and en427-en442 in session 19 (0.559 and 0.677 on arrival): 0.925 / 0.756 (426), 0.926 / 0.756 (442)
    # en443-en458 in session 20 (0.596 on arrival): 0.925 / 0.751 (458) on arrival, 0.927 / 0.757 at the end
    # en459-en474, en475-en490 and en491-en506 in session 21 (0.692, 0.641 and 0.586 on arrival): 0.926 / 0.754 (474),
    # 0.924 / 0.752 (490), 0.922 / 0.747 (506): floors lowered from (0.92, 0.75) for the harder new texts
    # en507-en522, en523-en538 and en539-en554 in session 22 (0.566, 0.672 and 0.655 on arrival): 0.921 / 0.743 (522),
    # 0.920 / 0.741 (538), 0.919 / 0.739 (554): the relation floor lowered from 0.74 for them
    # (the older 506 texts: tp 4707 -> 4709, fp 308 -> 309 over the session)
    # en555-en570 in session 23 (0.625 on arrival): 0.918 / 0.737 (570)
    # en571-en586 in session 24 (0.701 on arrival): 0.918 / 0.736 (586)
    # en587-en602 in session 25 (0.613 on arrival): 0.918 / 0.733 (602), just over the relation floor
    # en603-en650 in session 26 (0.755, 0.805 and 0.794 on arrival): 0.919 / 0.740 (650)
    # en651-en666 in session 27 (0.834 on arrival): 0.920 / 0.742 (666)
    # en667-en698 in session 28 (0.778 and 0.808 on arrival): 0.921 / 0.746 (698)
    # en699-en794 in session 29 (0.804, 0.787, 0.867, 0.816, 0.857 and 0.841 on arrival): 0.925 / 0.757 (794)
}


# Roles with their intervals and dated events (the time corpus), floors under the scores measured
# on 2026-12-03 after the second round of time cues (successions, leaving, weekdays; held-out:
# totals only, measured once before and once after the round).
TIME_FLOORS = {  # subset: (roles F1, events F1)
    "sl/time/dev": (0.57, 0.59),  # measured 0.597 / 0.617
    "en/time/dev": (0.68, 0.65),  # measured 0.707 / 0.680
    "sl/time/heldout": (0.45, 0.52),  # measured 0.476 / 0.550
    "en/time/heldout": (0.13, 0.30),  # measured 0.143 / 0.333
}


@pytest.mark.parametrize("subset", sorted(TIME_FLOORS))
def test_time_scores_do_not_fall_below_the_measured_floor(subset):
    totals = kg.evaluate(EVAL / subset, jobs=2).overall()
    roles, events = TIME_FLOORS[subset]
    assert totals["roles"].f1 >= roles, totals["roles"].as_dict()
    assert totals["events"].f1 >= events, totals["events"].as_dict()


@pytest.mark.parametrize("subset", sorted(FLOORS))
def test_scores_do_not_fall_below_the_measured_floor(subset):
    folder = EVAL / subset
    assert len(sorted(folder.glob("*.gold.toml"))) >= 5, f"{folder} needs at least 5 gold documents"
    totals = kg.evaluate(folder, jobs=2).overall()
    entities, relations = FLOORS[subset]
    assert totals["entities"].f1 >= entities, totals["entities"].as_dict()
    assert totals["relations"].f1 >= relations, totals["relations"].as_dict()


def test_entity_named_in_both_languages_is_one_node(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for doc in (EVAL / "sl" / "seed" / "ampere-sl", EVAL / "en" / "dev" / "ampere-en"):
        for suffix in (".txt", ".meta.toml"):
            (seeds / (doc.name + suffix)).write_bytes(doc.with_name(doc.name + suffix).read_bytes())
    result = run_kg("build", "--seeds", str(seeds), "--out", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    facts = kg.load(tmp_path / "out").graph(FACTS_GRAPH)

    def nodes(label: str) -> set:
        return {s for p in (SKOS.prefLabel, SKOS.altLabel)
                for s, o in facts.subject_objects(p) if str(o) == label}

    for sl, en in (("Skupina Renault", "Renault Group"), ("Francija", "France"), ("Evropa", "Europe")):
        assert nodes(sl) and nodes(sl) == nodes(en), (sl, en, nodes(sl), nodes(en))


def test_cli_prints_labels_inert(tmp_path):
    gold = SIMPLE_GOLD + '\n[[entity]]\nlabel = "Zla [/bold] \\u001b[31m d.o.o."\nclass = "akg:Company"\n'
    folder = write_case(tmp_path / "odd [set]", "ceo", SIMPLE_TEXT, gold)
    result = run_kg("eval", str(folder))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "missed entity: Zla [/bold] \\x1b[31m d.o.o. (akg:Company)" in result.stdout
    assert "subset odd [set]" in result.stdout
