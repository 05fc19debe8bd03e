"""Write a synthetic build folder shaped like ours (companies, hubs, plants, people, quantities,
quotations, and one rdf:Statement with an evidence node and its sentence per fact), with the seed build's own
files included so the named queries' default parameters still hit. About 640 triples per
synthetic company: ``--companies 1560`` (the default) gives about 1M triples.

Usage: python bench/synthetic.py --seed-build build --out /tmp/synth --companies 1560 [--store]

With ``--store`` the folder also gets the Oxigraph store ``kg build`` writes (``store/``), so that
``kg query`` and bench/bench_query.py open it instead of loading the Turtle files.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
from pathlib import Path

A = "https://w3id.org/ampere-kg/ontology#"
ID = "https://w3id.org/ampere-kg/id/"
DOC = "https://w3id.org/ampere-kg/doc/"
S = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TYPES = {"company": [A + "Company", S + "Organization", ORG + "FormalOrganization", ORG + "Organization"],
         "plant": [A + "Plant", ORG + "Site", S + "Place"],
         "industrial-hub": [A + "IndustrialHub", ORG + "Site", S + "Place"],
         "person": [S + "Person"], "country": [S + "Country", S + "Place"],
         "brand": [S + "Brand"], "market": [A + "Market", SKOS + "Concept"]}


def iri(x: str) -> str:
    return f"<{x}>"


def lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    esc = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{esc}"@{lang}' if lang else (f'"{esc}"^^<{dtype}>' if dtype else f'"{esc}"')


class Writer:
    """Collect fact and provenance lines; every fact gets a statement pointing at a sentence."""

    def __init__(self) -> None:
        self.facts: list[str] = []
        self.prov: list[str] = []

    def fact(self, s: str, p: str, o: str, doc: str, begin: int) -> None:
        self.facts.append(f"{s} {p} {o} .")
        digest = hashlib.sha1(f"{s}{p}{o}".encode()).hexdigest()[:20]
        st, ev = (iri(f"https://w3id.org/ampere-kg/fact/{x}{digest}") for x in ("", "ev-"))
        sent = iri(f"{DOC}{doc}#char={begin},{begin + 120}")
        self.prov += [f"{st} <{RDF}type> <{RDF}Statement> .", f"{st} <{RDF}subject> {s} .",
                      f"{st} <{RDF}predicate> {p} .", f"{st} <{RDF}object> {o} .",
                      f"{st} <{A}evidence> {ev} .", f"{ev} <{PROV}wasDerivedFrom> {sent} .",
                      f"{ev} <{A}extractedBy> <https://w3id.org/ampere-kg/rule/sl/synthetic> ."]

    def entity(self, kind: str, slug: str, sl: str, en: str, doc: str) -> str:
        node = iri(f"{ID}{kind}/{slug}")
        for t in TYPES[kind]:
            self.fact(node, iri(RDF + "type"), iri(t), doc, 0)
        for prop in (SKOS + "prefLabel", RDFS + "label"):
            self.fact(node, iri(prop), lit(sl, "sl"), doc, 0)
            self.fact(node, iri(prop), lit(en, "en"), doc, 0)
        self.fact(node, iri(SKOS + "altLabel"), lit(sl + "a", "sl"), doc, 0)
        return node


def company(w: Writer, i: int, n: int, timeline: bool = False) -> None:
    doc = f"synthetic-{i}"
    w.prov += [f"<{DOC}{doc}> <{RDF}type> <{NIF}Context> .",
               f"<{DOC}{doc}> <http://purl.org/dc/terms/title> {lit(f'Novica {i}', 'sl')} .",
               f"<{DOC}{doc}> <{S}url> {lit(doc + '.txt')} ."]
    for k in range(6):
        sent = iri(f"{DOC}{doc}#char={k * 130},{k * 130 + 120}")
        w.prov += [f"{sent} <{RDF}type> <{NIF}Sentence> .", f"{sent} <{NIF}referenceContext> <{DOC}{doc}> .",
                   f"{sent} <{NIF}beginIndex> {lit(str(k * 130), dtype=XSD + 'nonNegativeInteger')} .",
                   f"{sent} <{NIF}endIndex> {lit(str(k * 130 + 120), dtype=XSD + 'nonNegativeInteger')} .",
                   f"{sent} <{NIF}anchorOf> {lit(f'Stavek {k} o podjetju Podjetje {i}.')} ."]
    c = w.entity("company", f"podjetje-{i}", f"Podjetje {i}", f"Company {i}", doc)
    w.fact(c, iri(OWL + "sameAs"), iri(f"http://www.wikidata.org/entity/Q9{i}"), doc, 0)
    parent = iri(f"{ID}company/podjetje-{(i * 7 + 1) % n}")
    w.fact(c, iri(S + "founder"), parent, doc, 0)
    w.fact(c, iri(S + "parentOrganization"), parent, doc, 0)
    country = iri(f"{ID}country/drzava-{i % 50}")
    hub = w.entity("industrial-hub", f"vozlisce-{i}", f"Vozlišče {i}", f"Hub {i}", doc)
    w.fact(c, iri(ORG + "hasSite"), hub, doc, 130)
    w.fact(hub, iri(S + "containedInPlace"), country, doc, 130)
    for j in range(4):
        plant = w.entity("plant", f"tovarna-{i}-{j}", f"Tovarna {i}-{j}", f"Plant {i}-{j}", doc)
        w.fact(plant, iri(S + "containedInPlace"), country, doc, 130)
        w.fact(hub if j < 3 else c, iri(S + "containsPlace" if j < 3 else ORG + "hasSite"), plant, doc, 130)
    ceo = w.entity("person", f"oseba-{i}", f"Oseba {i}", f"Person {i}", doc)
    w.fact(ceo, iri(A + "chiefExecutiveOf"), c, doc, 260)
    for prop, extra in ((S + "numberOfEmployees", [(S + "minValue", lit(str(1000 + i), dtype=XSD + "integer"))]),
                        (A + "numberOfSites", [(S + "value", lit(str(i % 20 + 1), dtype=XSD + "integer")),
                                               (A + "inPlace", country)]),
                        (A + "workforceShare", [(S + "value", lit(str(i % 90), dtype=XSD + "decimal")),
                                                (A + "occupation", lit("inženir", "sl"))])):
        qv = iri(f"{ID}company/podjetje-{i}/{prop.rsplit('/', 1)[-1].rsplit('#', 1)[-1]}")
        w.fact(c, iri(prop), qv, doc, 390)
        w.fact(qv, iri(RDF + "type"), iri(S + "QuantitativeValue"), doc, 390)
        for p, o in extra:
            w.fact(qv, iri(p), o, doc, 390)
    w.fact(c, iri(S + "brand"), iri(f"{ID}brand/znamka-{i % 300}"), doc, 520)
    w.fact(c, iri(A + "targetsMarket"), iri(f"{ID}market/trg-{i % 40}"), doc, 520)
    w.fact(c, iri(A + "aimsToLead"), iri(f"{ID}market/trg-{i % 40}"), doc, 520)
    w.fact(c, iri(A + "yearsOfExperience"), lit(str(i % 30), dtype=XSD + "integer"), doc, 520)
    quote = iri(f"{ID}quotation/q{i}")
    w.fact(quote, iri(RDF + "type"), iri(S + "Quotation"), doc, 650)
    w.fact(quote, iri(S + "text"), lit(f"Izjava številka {i}.", "sl"), doc, 650)
    w.fact(quote, iri(S + "creator"), ceo, doc, 650)
    if timeline:
        dated(w, i, n, c, parent, doc)


def dated(w: Writer, i: int, n: int, c: str, parent: str, doc: str) -> None:
    """Roles and events in time (``--timeline``): the company's chief executive now (2024), the one
    a 2020 document named and a 2024 one says has left, an acquisition by its parent, and the
    date of its head count, so that who-leads, leadership-history and events-of have work to do."""
    year = lit("2024", dtype=XSD + "gYear")
    for k, (person, status, as_of) in enumerate(((i, "Current", year), ((i + 1) % n, "Current",
                                                 lit("2020", dtype=XSD + "gYear")),
                                                 ((i + 1) % n, "Former", year))):
        m = iri(f"{ID}membership/m{i}-{k}")
        for p, o in ((RDF + "type", iri(ORG + "Membership")), (ORG + "organization", c),
                     (ORG + "member", iri(f"{ID}person/oseba-{person}")),
                     (ORG + "role", iri(A + "ChiefExecutive")), (A + "roleStatus", iri(A + status)),
                     (A + "asOf", as_of)):
            w.fact(m, iri(p), o, doc, 260)
    event = iri(f"{ID}event/e{i}")
    for p, o in ((RDF + "type", iri(A + "Acquisition")), (S + "agent", parent), (S + "object", c),
                 ("http://purl.org/dc/terms/date", lit(f"{2000 + i % 25}", dtype=XSD + "gYear")),
                 (A + "asOf", year)):
        w.fact(event, iri(p), o, doc, 520)
    w.fact(iri(f"{ID}company/podjetje-{i}/numberOfEmployees"), iri(A + "asOf"), year, doc, 390)


def write(seed_build: Path, out: Path, companies: int, timeline: bool = False) -> int:
    """Write ``out/graph.ttl`` and ``out/provenance.ttl``; return the number of triples written."""
    w = Writer()
    for i in range(companies):
        company(w, i, companies, timeline)
    for k in range(50):
        w.entity("country", f"drzava-{k}", f"Država {k}", f"Country {k}", "synthetic-0")
    out.mkdir(parents=True, exist_ok=True)
    for name, lines in (("graph.ttl", w.facts), ("provenance.ttl", w.prov)):
        seed = (seed_build / name).read_text(encoding="utf-8")
        (out / name).write_text(seed + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return len(w.facts) + len(w.prov)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-build", type=Path, default=Path("build"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--companies", type=int, default=1560)
    parser.add_argument("--store", action="store_true", help="also write the store (store/)")
    parser.add_argument("--timeline", action="store_true",
                        help="also dated roles, events and head counts (about 170 triples a company)")
    args = parser.parse_args()
    n = write(args.seed_build, args.out, args.companies, args.timeline)
    print(f"wrote {n} synthetic triples (+ the seed build) to {args.out}")
    if args.store:
        write_store_folder(args.out)
        print(f"wrote {args.out / 'store'}")


def write_store_folder(out: Path) -> None:
    """The build's store for the Turtle files in ``out`` (via N-Triples, as ``kg build`` loads it)."""
    import sys
    import tempfile

    import pyoxigraph as ox

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH
    from kg.sparql.store import write_store

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name, graph in (("graph.ttl", FACTS_GRAPH), ("provenance.ttl", PROVENANCE_GRAPH)):
            nt = Path(tmp) / f"{name}.nt"
            ox.serialize(ox.parse(path=out / name), output=nt, format=ox.RdfFormat.N_TRIPLES)
            files.append((nt, str(graph)))
        shutil.rmtree(out / "store", ignore_errors=True)
        write_store(out / "store", files)  # the store is closed as its handle is dropped


if __name__ == "__main__":
    main()
