"""Benchmark the HTML view: synthetic graphs shaped like ours (companies with parent groups, hubs,
plants, CEOs, brands, markets; shared countries and continents; a source sentence per entity)
with 100 / 1,000 / 5,000 entity nodes. For each: time to write the page (model + layout + HTML),
file size, and time to first draw in headless chromium (``performance.now()`` at vis-network's
first ``afterDrawing``, i.e. since navigation start), plus requests and console errors.

    python bench/bench_html.py                       # 100, 1000, 5000
    python bench/bench_html.py --sizes 100 1000      # some sizes
    python bench/bench_html.py --screenshot docs/screenshot.png   # README screenshot of the seed graph
    python bench/bench_html.py --shots docs       # also save docs/graph-100.png, graph-1000.png, ...

Results are printed as a table and written to bench/out/html.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from kg.namespaces import AKG, FACTS_GRAPH, ITSRDF, KGDOC, KGID, NIF, ORG, PROVENANCE_GRAPH, SCHEMA  # noqa: E402 (after the sys.path line)

SUPERS = {
    AKG.Company: [SCHEMA.Organization, ORG.FormalOrganization, ORG.Organization],
    AKG.Plant: [ORG.Site, SCHEMA.Place], AKG.IndustrialHub: [ORG.Site, SCHEMA.Place],
    SCHEMA.Country: [SCHEMA.Place], SCHEMA.Continent: [SCHEMA.Place],
    SCHEMA.Person: [], SCHEMA.Brand: [], AKG.Market: [SKOS.Concept],
}


class Synthetic:
    """Builds a Dataset with facts and provenance named graphs, entity by entity."""

    def __init__(self) -> None:
        self.ds = Dataset()
        self.facts = self.ds.graph(FACTS_GRAPH)
        self.prov = self.ds.graph(PROVENANCE_GRAPH)
        self.count = 0

    def entity(self, cls: URIRef, slug: str, sl: str, en: str, doc: URIRef) -> URIRef:
        iri = KGID[f"{slug}"]
        if (iri, SKOS.prefLabel, None) in self.facts:
            return iri
        self.count += 1
        for t in (cls, *SUPERS[cls]):
            self.facts.add((iri, RDF.type, t))
        for lang, text in (("sl", sl), ("en", en)):
            self.facts.add((iri, SKOS.prefLabel, Literal(text, lang=lang)))
            self.facts.add((iri, RDFS.label, Literal(text, lang=lang)))
        sentence = URIRef(f"{doc}#char={self.count * 100},{self.count * 100 + 60}")
        text = f"{sl} je omenjen v tem stavku o podjetjih in tovarnah."
        self.prov.add((sentence, RDF.type, NIF.Sentence))
        self.prov.add((sentence, NIF.referenceContext, doc))
        self.prov.add((sentence, NIF.beginIndex, Literal(self.count * 100)))
        self.prov.add((sentence, NIF.anchorOf, Literal(text)))
        mention = URIRef(f"{doc}#char={self.count * 100},{self.count * 100 + len(sl)}")
        self.prov.add((mention, RDF.type, NIF.Phrase))
        self.prov.add((mention, NIF.sentence, sentence))
        self.prov.add((mention, NIF.beginIndex, Literal(self.count * 100)))
        self.prov.add((mention, NIF.endIndex, Literal(self.count * 100 + len(sl))))
        self.prov.add((mention, NIF.anchorOf, Literal(sl)))
        self.prov.add((mention, ITSRDF.taIdentRef, iri))
        return iri


def synthetic(entities: int) -> Dataset:
    """A graph with about ``entities`` entity nodes, shaped like a build of business news."""
    g = Synthetic()
    countries = [g.entity(SCHEMA.Country, f"country/c{i}", f"Država {i}", f"Country {i}", KGDOC.ref)
                 for i in range(max(3, entities // 100))]
    continents = [g.entity(SCHEMA.Continent, f"continent/k{i}", f"Celina {i}", f"Continent {i}", KGDOC.ref)
                  for i in range(3)]
    for c, country in enumerate(countries):
        g.facts.add((country, SCHEMA.containedInPlace, continents[c % 3]))
    n = 0
    while g.count < entities:
        doc = KGDOC[f"doc{n}"]
        g.prov.add((doc, RDF.type, NIF.Context))
        g.prov.add((doc, DCTERMS.title, Literal(f"Novica {n}")))
        company = g.entity(AKG.Company, f"company/p{n}", f"Podjetje {n}", f"Company {n}", doc)
        if n % 4:
            parent = KGID[f"company/p{n - n % 4}"]
            g.facts.add((company, SCHEMA.parentOrganization, parent))
            g.facts.add((company, SCHEMA.founder, parent))
        ceo = g.entity(SCHEMA.Person, f"person/o{n}", f"Oseba {n}", f"Person {n}", doc)
        g.facts.add((ceo, AKG.chiefExecutiveOf, company))
        hub = g.entity(AKG.IndustrialHub, f"industrial-hub/h{n}", f"Vozlišče {n}", f"Hub {n}", doc)
        g.facts.add((company, ORG.hasSite, hub))
        country = countries[(n * 7) % len(countries)]
        g.facts.add((hub, SCHEMA.containedInPlace, country))
        for k in range(4):
            plant = g.entity(AKG.Plant, f"plant/t{n}-{k}", f"Tovarna {n}-{k}", f"Plant {n}-{k}", doc)
            g.facts.add((hub if k < 3 else company, SCHEMA.containsPlace if k < 3 else ORG.hasSite, plant))
            g.facts.add((plant, SCHEMA.containedInPlace, country))
        brand = g.entity(SCHEMA.Brand, f"brand/b{n}", f"Znamka {n}", f"Brand {n}", doc)
        g.facts.add((company, SCHEMA.brand, brand))
        market = g.entity(AKG.Market, f"market/m{n % 20}", f"Trg {n % 20}", f"Market {n % 20}", doc)
        g.facts.add((company, AKG.targetsMarket, market))
        g.facts.add((market, AKG.region, continents[n % 3]))
        qv = URIRef(f"{company}/numberOfEmployees")
        g.facts.add((company, SCHEMA.numberOfEmployees, qv))
        g.facts.add((qv, RDF.type, SCHEMA.QuantitativeValue))
        g.facts.add((qv, SCHEMA.minValue, Literal(1000 + n, datatype=XSD.integer)))
        g.facts.add((company, OWL.sameAs, URIRef(f"http://www.wikidata.org/entity/Q{100000 + n}")))
        n += 1
    return g.ds


def first_draw(browser, path: Path) -> dict:
    from browser import open_page

    visit = open_page(browser, path)
    visit.wait_drawn(timeout_ms=120_000)
    result = visit.page.evaluate("({first: kgView.firstDraw, stats: kgView.stats()})")
    t0 = time.perf_counter()
    visit.page.evaluate("kgView.network.moveTo({scale: 1.5}); kgView.network.redraw()")
    visit.page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    result["zoom_redraw_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    result["filter_ms"] = visit.page.evaluate("""(() => { const t = performance.now();
        document.querySelector('#classes input[data-class="akg:Plant"]').click();
        return performance.now() - t; })()""")
    t0 = time.perf_counter()
    visit.page.fill("#search", "Podjetje 1")
    visit.page.press("#search", "Enter")
    visit.page.locator("#details h2").wait_for(state="visible")
    result["search_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    result["hood_nodes"] = visit.page.evaluate("kgView.stats().nodes")
    result["errors"] = visit.console_errors + visit.page_errors
    result["other_requests"] = len(visit.other_requests())
    visit.page.close()
    return result


def shoot(browser, path: Path, target: Path) -> None:
    """A screenshot of the whole graph as it first opens (1200 x 760, PNG)."""
    from browser import open_page

    visit = open_page(browser, path, width=1200, height=760)
    visit.wait_drawn(timeout_ms=120_000)
    visit.page.wait_for_timeout(300)
    visit.page.screenshot(path=str(target))
    visit.page.close()
    try:  # 256 colours: a third of the bytes, and the picture still looks the same
        from PIL import Image

        with Image.open(target) as shot:
            small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE,
                                                 dither=Image.Dither.NONE)
        small.save(target, optimize=True)
    except ImportError:
        pass
    print(f"wrote {target} ({target.stat().st_size / 1e3:.0f} kB)", flush=True)


def bench(sizes: list[int], out_dir: Path, shots: Path | None = None) -> list[dict]:
    from browser import chromium

    import kg.viz

    rows = []
    with chromium() as browser:
        for size in sizes:
            ds = synthetic(size)
            path = out_dir / f"synthetic-{size}.html"
            t0 = time.perf_counter()
            kg.viz.write_html(ds, path)
            write_s = time.perf_counter() - t0
            drawn = [first_draw(browser, path) for _ in range(3)]
            if shots:
                shoot(browser, path, shots / f"graph-{size}.png")
            firsts = sorted(d["first"] for d in drawn)
            rows.append({"entities": drawn[0]["stats"]["totalNodes"], "relations": drawn[0]["stats"]["totalEdges"],
                         "write_s": round(write_s, 2), "file_mb": round(path.stat().st_size / 1e6, 2),
                         "first_draw_ms_median": round(firsts[1], 0), "first_draw_ms_runs": firsts,
                         "zoom_redraw_ms": drawn[0]["zoom_redraw_ms"],
                         "filter_ms": round(drawn[0]["filter_ms"], 1), "search_ms": drawn[0]["search_ms"],
                         "hood_nodes": drawn[0]["hood_nodes"],
                         "console_errors": len(drawn[0]["errors"]), "other_requests": drawn[0]["other_requests"]})
            print(json.dumps(rows[-1]), flush=True)
    return rows


def screenshot(target: Path) -> None:
    """Build seeds/ into a temporary folder and save a screenshot of its graph page."""
    from browser import chromium, open_page

    import kg
    import kg.viz

    work = Path(tempfile.mkdtemp(prefix="kg-shot-"))
    try:
        kg.build(ROOT / "seeds", work / "build")
        page = work / "build" / "graph.html"
        with chromium() as browser:
            visit = open_page(browser, page, width=1400, height=820)
            visit.wait_drawn()
            visit.page.fill("#search", "Ampere")
            visit.page.press("#search", "Enter")
            visit.page.evaluate("kgView.fit()")
            visit.page.wait_for_timeout(200)
            visit.page.screenshot(path=str(target))
        print(f"wrote {target}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--screenshot", type=Path, help="write a screenshot of the seed graph here and stop")
    parser.add_argument("--shots", type=Path, help="also save a screenshot per size in this folder (graph-SIZE.png)")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
        return
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = bench(args.sizes, out_dir, args.shots)
    (out_dir / "html.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print("\n| entities | relations | write page (s) | file (MB) | first draw (ms, median of 3) "
          "| zoom redraw (ms) | class filter, re-layout (ms) | search to neighbourhood (ms) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['entities']:,} | {r['relations']:,} | {r['write_s']} | {r['file_mb']} "
              f"| {r['first_draw_ms_median']:.0f} | {r['zoom_redraw_ms']:.0f} | {r['filter_ms']:.0f} "
              f"| {r['search_ms']:.0f} |")


if __name__ == "__main__":
    main()
