"""The interactive HTML view (issue 4), checked in real headless chromium: what it draws (counts
derived from the graph by SPARQL), that it is offline and error-free, search, the details panel
with source sentences, the class filter, that document text never runs as HTML, determinism, the
``kg viz`` command, and inline display in an executed notebook.
"""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL

import kg
import kg.viz
from kg.namespaces import FACTS_GRAPH, sparql_prefixes

sys.path.insert(0, str(Path(__file__).parent.parent))
from browser import open_page

ROOT = Path(__file__).resolve().parents[2]

ENTITIES = sparql_prefixes() + """
SELECT DISTINCT ?e WHERE {
  ?e skos:prefLabel ?label .
  FILTER(isIRI(?e) && STRSTARTS(STR(?e), STR(kgid:)))
  FILTER NOT EXISTS { ?e a schema:QuantitativeValue }
  FILTER NOT EXISTS { ?e a schema:Quotation }
}"""

RELATIONS = sparql_prefixes() + """
SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o .
  FILTER(isIRI(?o) && STRSTARTS(STR(?s), STR(kgid:)) && STRSTARTS(STR(?o), STR(kgid:)))
  FILTER(?p NOT IN (rdf:type, owl:sameAs, rdfs:seeAlso))
  FILTER EXISTS { ?s skos:prefLabel ?l1 } FILTER EXISTS { ?o skos:prefLabel ?l2 }
  FILTER NOT EXISTS { ?s a schema:QuantitativeValue } FILTER NOT EXISTS { ?o a schema:QuantitativeValue }
  FILTER NOT EXISTS { ?s a schema:Quotation } FILTER NOT EXISTS { ?o a schema:Quotation }
}"""

XSS_DOC = (
    'Skupina Renault <img src=x onerror="window.__xss=1;alert(1)"> je ustvarila Ampere '
    "<script>window.__xss=2;alert(2)</script>, novo podjetje.\n"
    'Ampere ima tovarno Cléon <a href="javascript:window.__xss=3">klikni</a> v Franciji.\n'
    'Luca de Meo <svg onload="window.__xss=4">, glavni izvršni direktor Ampere, je dejal: '
    '»<b>Hvala</b> <iframe src="javascript:alert(5)"></iframe>«\n'
)


@pytest.fixture(scope="module")
def seed_union(seed_dataset) -> Graph:
    """Facts and provenance in one graph, for SPARQL without GRAPH clauses."""
    union = Graph()
    for graph in seed_dataset.graphs():
        union += graph
    return union


def expected_entities(ds) -> set[str]:
    return {str(r.e) for r in ds.query(ENTITIES)}


def expected_relations(ds) -> set[tuple[str, str, str]]:
    """Entity-to-entity triples, minus those a more specific sub-property already states."""
    onto = Graph().parse(ROOT / "ontology.ttl")
    supers = {(str(a), str(b)) for a, b in onto.query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?a ?b WHERE { ?a rdfs:subPropertyOf+ ?b }")}
    triples = {(str(r.s), str(r.p), str(r.o)) for r in ds.query(RELATIONS)}
    between: dict[tuple[str, str], set[str]] = {}
    for s, p, o in triples:
        between.setdefault((s, o), set()).add(p)
    return {(s, p, o) for s, p, o in triples if not any((q, p) in supers for q in between[(s, o)])}


def page_json(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.DOTALL).group(1)
    return json.loads(raw)


def edge_end(data: dict, i: int) -> str:
    """The English (else Slovenian) label of node ``i`` in page data."""
    return data["nodes"][i]["en"] or data["nodes"][i]["sl"]


@pytest.fixture(scope="module")
def seed_html(seed_dataset, tmp_path_factory) -> Path:
    return kg.viz.write_html(seed_dataset, tmp_path_factory.mktemp("html") / "graph.html")


@pytest.fixture(scope="module")
def xss_build(tmp_path_factory) -> tuple[Path, object]:
    work = tmp_path_factory.mktemp("xss")
    seeds = work / "seeds"
    seeds.mkdir()
    (seeds / "napad-sl.txt").write_text(XSS_DOC, encoding="utf-8")
    (seeds / "napad-sl.meta.toml").write_text(
        'title = "<script>window.__xss=9</script> Napad"\nlanguage = "sl"\n', encoding="utf-8")
    ds = kg.build(seeds, work / "build")
    return work, ds


@pytest.mark.browser
def test_page_draws_every_entity_and_relation_offline(browser, seed_union, seed_html, tmp_path):
    entities, relations = expected_entities(seed_union), expected_relations(seed_union)
    assert len(entities) >= 10 and len(relations) >= 10
    visit = open_page(browser, seed_html)
    visit.wait_drawn()
    stats = visit.page.evaluate("kgView.stats()")
    assert stats["drawnNodes"] == stats["nodes"] == len(entities)
    assert stats["drawnEdges"] == stats["edges"] == len(relations)
    assert {n["iri"] for n in page_json(seed_html)["nodes"]} == entities
    labels = set(visit.page.evaluate("kgView.nodes.get().map(n => n.label)"))
    assert {"Ampere", "ElectriCity", "Douai", "Maubeuge", "Ruitz", "Cléon", "Luca de Meo"} <= labels
    edge_labels = set(visit.page.evaluate("kgView.edges.get().map(e => e.label)"))
    assert "founded by" in edge_labels and not any(":" in x or "/" in x for x in edge_labels)
    assert visit.console_errors == [] and visit.page_errors == []
    assert visit.other_requests() == []
    shot = tmp_path / "seed.png"
    visit.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    visit.page.close()


def test_file_is_self_contained_with_a_precomputed_layout(seed_html):
    text = seed_html.read_text(encoding="utf-8")
    vis = page_json(seed_html)["vis"]
    assert vis["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in vis["nodes"])
    assert not re.search(r"<(link|img|iframe)\b", text)
    assert not re.search(r"<script[^>]+src=", text)
    assert not any(host in text for host in ("jsdelivr", "unpkg", "cdnjs", "bootstrapcdn", "googleapis"))
    assert "default-src 'none'" in text


def test_title_is_escaped(seed_dataset):
    page = kg.viz.render_html(seed_dataset, title="</title><script>window.__xss=1</script>")
    assert "<script>window.__xss" not in page
    assert "&lt;/title&gt;&lt;script&gt;window.__xss=1&lt;/script&gt;" in page


@pytest.mark.browser
def test_search_focuses_node_and_shows_source_sentence(browser, seed_union, seed_html):
    sentence = seed_union.query(sparql_prefixes() + """
        SELECT ?text WHERE { ?m itsrdf:taIdentRef kgid:plant/maubeuge ; nif:sentence ?s . ?s nif:anchorOf ?text }
    """.replace("kgid:plant/maubeuge", "<https://w3id.org/ampere-kg/id/plant/maubeuge>"))
    texts = {str(r.text) for r in sentence}
    assert texts
    visit = open_page(browser, seed_html)
    visit.wait_drawn()
    visit.page.fill("#search", "maub")
    assert visit.page.locator("#results li").first.inner_text().startswith("Maubeuge")
    visit.page.press("#search", "Enter")
    panel = visit.page.locator("#details")
    assert panel.is_visible()
    assert panel.locator("h2").inner_text() == "Maubeuge"
    assert visit.page.locator(".sentence mark").first.inner_text() == "Maubeuge"
    shown = visit.page.locator(".sentence").first.inner_text()
    assert any(t in shown for t in texts)
    selected = visit.page.evaluate("kgView.network.getSelectedNodes()")
    assert [page_json(seed_html)["nodes"][i]["iri"] for i in selected] == [
        "https://w3id.org/ampere-kg/id/plant/maubeuge"]
    assert visit.console_errors == [] and visit.other_requests() == []


@pytest.mark.browser
def test_click_on_node_shows_class_labels_identifiers_and_facts(browser, seed_union, seed_html):
    data = page_json(seed_html)
    ampere = next(i for i, n in enumerate(data["nodes"]) if n["iri"].endswith("/company/ampere"))
    wikidata = {str(o) for o in seed_union.objects(
        URIRef("https://w3id.org/ampere-kg/id/company/ampere"), OWL.sameAs)}
    visit = open_page(browser, seed_html)
    visit.wait_drawn()
    x, y = visit.page.evaluate(
        f"(() => {{ const p = kgView.network.canvasToDOM(kgView.network.getPositions([{ampere}])[{ampere}]);"
        " const r = document.getElementById('graph').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()")
    visit.page.mouse.click(x, y)
    panel = visit.page.locator("#details")
    panel.wait_for(state="visible")
    assert panel.locator("h2").inner_text() == "Ampere"
    assert panel.locator(".class").inner_text() == "Company"
    hrefs = panel.locator(".ids a").evaluate_all("as => as.map(a => a.href)")
    assert wikidata and {"https://www.wikidata.org/wiki/" + w.rsplit("/", 1)[-1] for w in wikidata} <= set(hrefs)
    facts = panel.locator(".facts").inner_text()
    assert "number of employees" in facts and "11,000" in facts and "11000" not in facts
    assert panel.locator(".sentence mark").count() >= 1
    assert visit.page.locator("#lang").inner_text() == "Slovenščina"  # the language it switches to
    visit.page.click("#lang")
    assert visit.page.locator("#lang").inner_text() == "English"
    assert panel.locator(".class").inner_text() == "podjetje"
    assert "število zaposlenih" in panel.locator(".facts").inner_text()


@pytest.mark.browser
def test_click_on_an_arrow_shows_the_sentences_behind_the_relation(browser, seed_union, seed_html):
    data = page_json(seed_html)
    visit = open_page(browser, seed_html)
    visit.wait_drawn()
    # the arrow whose middle is farthest from every node, so the click cannot land on a node
    j, x, y = visit.page.evaluate("""(() => {
        const net = kgView.network, pos = net.getPositions(), r = document.getElementById('graph').getBoundingClientRect();
        let best = null;
        kgView.edges.getIds().forEach(id => {
          const p = net.body.edges[id].edgeType.getPoint(0.5);
          const gap = Math.min(...Object.values(pos).map(q => Math.hypot(q.x - p.x, q.y - p.y)));
          if (!best || gap > best[0]) { const d = net.canvasToDOM(p); best = [gap, id, r.left + d.x, r.top + d.y]; }
        });
        return best.slice(1); })()""")
    edge = data["vis"]["edges"][j]
    s, o, pred = data["nodes"][edge["from"]]["iri"], data["nodes"][edge["to"]]["iri"], data["edges"][j][0]
    texts = {str(r.text) for r in seed_union.query(sparql_prefixes() + f"""
        SELECT ?text WHERE {{ ?st rdf:subject <{s}> ; rdf:predicate <{pred}> ; rdf:object <{o}> ;
                              akg:evidence/prov:wasDerivedFrom ?sen . ?sen nif:anchorOf ?text }}""")}
    assert texts
    visit.page.mouse.click(x, y)
    panel = visit.page.locator("#details")
    panel.wait_for(state="visible")
    assert panel.locator("h2").inner_text() == f"{edge_end(data, edge['from'])} → {edge_end(data, edge['to'])}"
    assert panel.locator(".sub").inner_text() == edge["label"]
    shown = panel.locator(".sentence").all_inner_texts()
    assert all(any(t in box for box in shown) for t in texts)



@pytest.mark.browser
def test_class_filter_hides_a_class(browser, seed_union, seed_html):
    plants = {str(r.e) for r in seed_union.query(ENTITIES + "")} & {
        str(s) for s in seed_union.subjects(None, URIRef("https://w3id.org/ampere-kg/ontology#Plant"))}
    assert plants
    visit = open_page(browser, seed_html)
    visit.wait_drawn()
    before = visit.page.evaluate("kgView.stats()")
    visit.page.uncheck('#classes input[data-class="akg:Plant"]')
    after = visit.page.evaluate("kgView.stats()")
    assert after["nodes"] == before["nodes"] - len(plants)
    assert after["drawnNodes"] == after["nodes"] and after["edges"] < before["edges"]
    box = _inside_view(visit)  # laid out again and fitted: all on screen, filling it
    assert 0 <= box["left"] < box["right"] <= box["width"] and 0 <= box["top"] < box["bottom"] <= box["height"]
    filled = box["right"] - box["left"] > box["width"] / 2 or box["bottom"] - box["top"] > box["height"] / 2
    assert filled or visit.page.evaluate("kgView.network.getScale()") == 1.2  # 1.2: the closest a fit zooms
    visit.page.check('#classes input[data-class="akg:Plant"]')
    home = {n["id"]: [n["x"], n["y"]] for n in page_json(seed_html)["vis"]["nodes"]}
    assert visit.page.evaluate("kgView.network.getPositions()") == {
        str(i): {"x": x, "y": y} for i, (x, y) in home.items()}  # every class again: the first layout


@pytest.mark.browser
def test_document_text_never_runs(browser, xss_build):
    work, ds = xss_build
    ds.add((URIRef("https://w3id.org/ampere-kg/id/company/ampere"), OWL.sameAs,
            URIRef("javascript:window.__xss=7")))
    path = kg.viz.write_html(ds, work / "xss.html")
    text = path.read_text(encoding="utf-8")
    assert "<img src=x" not in text and "<script>window" not in text
    visit = open_page(browser, path)
    visit.wait_drawn()
    page = visit.page
    page.fill("#search", "Skupina Renault")
    page.press("#search", "Enter")
    sentence = page.locator(".sentence").first.inner_text()
    assert "<script>window.__xss=9</script> Napad" in sentence  # the document title
    assert '<img src=x onerror="window.__xss=1;alert(1)">' in sentence
    assert "<script>window.__xss=2;alert(2)</script>" in sentence
    page.fill("#search", "Ampere")
    page.press("#search", "Enter")
    body = page.locator("#details").inner_text()
    assert '<a href="javascript:window.__xss=3">klikni</a>' in body
    assert page.locator("#details a[href^='javascript']").count() == 0
    page.fill("#search", "Luca")
    page.press("#search", "Enter")
    assert '<svg onload="window.__xss=4">' in page.locator("#details").inner_text()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#details img, #details script, #details svg, #details iframe").count() == 0
    assert visit.dialogs == [] and visit.page_errors == [] and visit.other_requests() == []


def test_same_graph_same_bytes(seed_build, seed_dataset, seed_union, tmp_path):
    a = kg.viz.write_html(seed_dataset, tmp_path / "a.html")
    assert (seed_build / "graph.html").read_bytes() == a.read_bytes()  # written by kg build
    plain = kg.viz.write_html(seed_union, tmp_path / "plain.html")  # one rdflib Graph works too
    assert plain.read_bytes() == a.read_bytes()
    for seed in ("1", "2"):
        out = tmp_path / f"cli-{seed}.html"
        run = subprocess.run(["kg", "viz", "--build", str(seed_build), "--out", str(out)],
                             check=False, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        assert out.read_bytes() == a.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files left


def test_kg_viz_focus_depth_and_class(seed_build, seed_union, tmp_path):
    out = tmp_path / "focus.html"
    run = subprocess.run(["kg", "viz", "--build", str(seed_build), "--out", str(out),
                          "--focus", "ElectriCity", "--depth", "1"], check=False, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    hub = "https://w3id.org/ampere-kg/id/industrial-hub/electricity"
    near = {hub} | {s for s, _, o in expected_relations(seed_union) if o == hub} \
        | {o for s, _, o in expected_relations(seed_union) if s == hub}
    data = page_json(out)
    assert {n["iri"] for n in data["nodes"]} == near
    assert data["nodes"][data["focus"]]["iri"] == hub

    out = tmp_path / "class.html"
    run = subprocess.run(["kg", "viz", "--build", str(seed_build), "--out", str(out),
                          "--class", "akg:Plant", "--class", "Country"], check=False, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    typed = {str(r.e) for r in seed_union.query(sparql_prefixes() + """
        SELECT ?e WHERE { ?e skos:prefLabel ?l . { ?e a akg:Plant } UNION { ?e a schema:Country } }""")}
    assert {n["iri"] for n in page_json(out)["nodes"]} == typed


def test_kg_viz_bad_input_is_one_line_and_writes_nothing(seed_build, tmp_path):
    out = tmp_path / "x.html"
    for args, needle in ((["--build", str(seed_build), "--focus", "Nobody Atall"], "graph.ttl"),
                         (["--build", str(seed_build), "--class", "Spaceship"], "graph.ttl"),
                         (["--build", str(tmp_path / "missing")], "missing/graph.ttl")):
        run = subprocess.run(["kg", "viz", "--out", str(out), *args], check=False, capture_output=True, text=True)
        assert run.returncode == 2
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and needle in lines[0]
        assert "Traceback" not in run.stderr and not out.exists()


@pytest.mark.browser
def test_show_draws_inside_an_isolated_iframe(browser, seed_dataset, tmp_path):
    view = kg.show(seed_dataset, focus="Ampere")
    frame_html = view._repr_html_()
    src = re.fullmatch(r'<iframe srcdoc="([^"]*)" [^>]*sandbox="allow-scripts[^"]*"[^>]*></iframe>', frame_html)
    assert src and html.unescape(src.group(1)) == view.html
    host = tmp_path / "notebook-output.html"
    host.write_text(f"<!DOCTYPE html><html><body><h1>cell output</h1>{frame_html}</body></html>",
                    encoding="utf-8")
    visit = open_page(browser, host)
    frame = visit.page.frames[1]
    frame.wait_for_function("window.kgView && window.kgView.ready === true", timeout=20000)
    stats = frame.evaluate("kgView.stats()")
    assert stats["nodes"] == stats["drawnNodes"] >= 5
    assert frame.locator("#details h2").inner_text() == "Ampere"
    assert visit.console_errors == [] and visit.page_errors == []
    assert visit.other_requests() == [], visit.requests


@pytest.mark.browser
def test_large_graph_uses_the_fast_path_and_draws_everything(browser, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_html import synthetic  # graphs shaped like ours, also used by the benchmark

    ds = synthetic(1200)
    facts = ds.graph(FACTS_GRAPH)  # entities and relations live here; smaller for rdflib's SPARQL
    entities = expected_entities(facts)
    path = kg.viz.write_html(ds, tmp_path / "large.html")
    options = page_json(path)["vis"]["options"]
    assert options["edges"]["smooth"] is False and options["interaction"]["hideEdgesOnDrag"] is True
    visit = open_page(browser, path)
    visit.wait_drawn()
    stats = visit.page.evaluate("kgView.stats()")
    assert stats["drawnNodes"] == len(entities) > 1000
    assert stats["drawnEdges"] == len(expected_relations(facts))
    data = page_json(path)
    hubs = sorted(range(len(data["nodes"])), key=lambda i: -data["nodes"][i]["k"])[:3]
    labelled = visit.page.evaluate("kgView.hubLabels")  # drawn although zoomed out below vis's own labels
    assert visit.page.evaluate("kgView.network.getScale()") < 0.3 and set(hubs) <= set(labelled)
    assert visit.console_errors == [] and visit.page_errors == [] and visit.other_requests() == []


@pytest.mark.browser
def test_empty_graph_gives_an_empty_page_without_errors(browser, tmp_path):
    path = kg.viz.write_html(Graph(), tmp_path / "empty.html")
    visit = open_page(browser, path)
    visit.wait_drawn()
    assert visit.page.evaluate("kgView.stats()")["totalNodes"] == 0
    assert visit.console_errors == [] and visit.page_errors == []


@pytest.mark.notebook
def test_show_in_an_executed_notebook(seed_build, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(f"import kg\nkg.show(kg.load({str(seed_build)!r}))")]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = nb.cells[0].outputs
    assert outputs and outputs[0]["output_type"] == "execute_result"
    frame = outputs[0]["data"]["text/html"]
    assert frame.startswith('<iframe srcdoc="') and "vis.Network" in html.unescape(frame)


# ---------- a readable big graph: neighbourhood view, class filter, labels, numbers ----------

def _town_and_plant_graph() -> Graph:
    """Two entities called "Ormož" (a plant and its town), a company that invests 18,000,000 EUR,
    and an unrelated company with a plant of its own."""
    from rdflib import Literal
    from rdflib.namespace import RDF, SKOS, XSD

    from kg.namespaces import AKG, KGID, ORG, SCHEMA

    g = Graph()
    kinds = {"plant/ormoz": (AKG.Plant, "Ormož"), "city/ormoz": (SCHEMA.City, "Ormož"),
             "country/slovenija": (SCHEMA.Country, "Slovenija"), "company/talum": (AKG.Company, "Talum"),
             "person/marko": (SCHEMA.Person, "Marko Drobnič"), "company/kolpa": (AKG.Company, "Kolpa"),
             "plant/metlika": (AKG.Plant, "Metlika")}
    for slug, (cls, label) in kinds.items():
        g.add((KGID[slug], RDF.type, cls))
        g.add((KGID[slug], SKOS.prefLabel, Literal(label, lang="sl")))
    for s, p, o in (("company/talum", ORG.hasSite, "plant/ormoz"),
                    ("plant/ormoz", SCHEMA.containedInPlace, "city/ormoz"),
                    ("city/ormoz", SCHEMA.containedInPlace, "country/slovenija"),
                    ("person/marko", AKG.chiefExecutiveOf, "company/talum"),
                    ("company/kolpa", ORG.hasSite, "plant/metlika")):
        g.add((KGID[s], p, KGID[o]))
    money = KGID["company/talum/investment"]
    g.add((KGID["company/talum"], AKG.investment, money))
    g.add((money, RDF.type, SCHEMA.QuantitativeValue))
    g.add((money, SCHEMA.value, Literal(18000000, datatype=XSD.integer)))
    g.add((money, SCHEMA.unitText, Literal("EUR")))
    return g


@pytest.fixture(scope="module")
def town_html(tmp_path_factory) -> Path:
    return kg.viz.write_html(_town_and_plant_graph(), tmp_path_factory.mktemp("town") / "town.html")


def _labels_by_iri(data: dict) -> dict[str, str]:
    return {n["iri"].rsplit("/id/", 1)[1]: v["label"] for n, v in zip(data["nodes"], data["vis"]["nodes"], strict=True)}


def test_a_label_shared_by_two_entities_names_their_class(town_html):
    labels = _labels_by_iri(page_json(town_html))
    assert labels["plant/ormoz"] == "Ormož (plant)" and labels["city/ormoz"] == "Ormož (city or town)"
    assert labels["company/talum"] == "Talum"  # a label nobody else has stays as it is


def test_node_size_grows_with_degree(seed_html):
    data = page_json(seed_html)
    size = {n["k"]: v["size"] for n, v in zip(data["nodes"], data["vis"]["nodes"], strict=True)}
    degrees = sorted(size)
    assert len(degrees) >= 3 and [size[d] for d in degrees] == sorted(size[d] for d in degrees)
    assert size[degrees[-1]] > 2 * size[degrees[0]]


def _visible_iris(visit, data: dict) -> set[str]:
    return {data["nodes"][i]["iri"].rsplit("/id/", 1)[1] for i in visit.page.evaluate("kgView.visibleIds()")}


def _inside_view(visit) -> dict:
    """Where the visible nodes are on screen, against the canvas size."""
    return visit.page.evaluate("""(() => {
        const net = kgView.network, ids = kgView.visibleIds(), pos = net.getPositions(ids);
        const r = document.getElementById('graph').getBoundingClientRect();
        const xy = ids.map(i => net.canvasToDOM(pos[i]));
        const xs = xy.map(p => p.x), ys = xy.map(p => p.y);
        return {left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
                width: r.width, height: r.height}; })()""")


@pytest.mark.browser
def test_search_opens_a_neighbourhood_a_click_expands_it_and_back_restores_all(browser, town_html):
    data = page_json(town_html)
    visit = open_page(browser, town_html)
    visit.wait_drawn()
    page = visit.page
    page.fill("#search", "ormoz")
    assert page.locator("#results li").all_inner_texts() == ["Ormož (city or town)", "Ormož (plant)"]
    page.locator("#results li", has_text="Ormož (plant)").dispatch_event("mousedown")
    assert _visible_iris(visit, data) == {"plant/ormoz", "company/talum", "city/ormoz"}  # one relation away
    assert page.locator("#hood").is_visible() and page.locator("#hood-name").inner_text() == "Ormož (plant)"
    assert page.locator("#details h2").inner_text() == "Ormož (plant)"
    box = _inside_view(visit)
    assert 0 <= box["left"] < box["right"] <= box["width"] and 0 <= box["top"] <= box["bottom"] <= box["height"]
    town = next(i for i, n in enumerate(data["nodes"]) if n["iri"].endswith("/city/ormoz"))
    x, y = page.evaluate(
        f"(() => {{ const p = kgView.network.canvasToDOM(kgView.network.getPositions([{town}])[{town}]);"
        " const r = document.getElementById('graph').getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()")
    page.mouse.click(x, y)
    assert _visible_iris(visit, data) == {"plant/ormoz", "company/talum", "city/ormoz", "country/slovenija"}
    page.click("#back")
    assert page.locator("#hood").is_hidden()
    assert page.evaluate("kgView.stats()")["nodes"] == len(data["nodes"]) == 7
    assert visit.console_errors == [] and visit.page_errors == []


@pytest.mark.browser
def test_numbers_are_written_the_way_each_language_writes_them(browser, town_html):
    visit = open_page(browser, town_html)
    visit.wait_drawn()
    page = visit.page
    page.fill("#search", "Talum")
    page.press("#search", "Enter")
    facts = page.locator("#details .facts")
    assert facts.inner_text() == "investment\t18,000,000 EUR"
    page.click("#lang")
    assert facts.inner_text() == "naložba\t18.000.000 EUR"
