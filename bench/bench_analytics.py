"""Measure the networkx analytics (to_networkx, stats, shortest_path, export) on synthetic graphs.

Usage: ``python bench/bench_analytics.py [N ...]`` (default sizes 1000 10000 entities). Each
synthetic graph follows docs/graph-model.md: companies with sites in countries, a CEO each, about
three relations per entity, one provenance statement with a sentence per relation. Prints one line
per size and step: seconds and peak resident memory of the process so far.
"""
from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from kg.analytics import export, shortest_path, stats, to_networkx
from kg.namespaces import AKG, FACTS_GRAPH, KGDOC, KGFACT, KGID, NIF, ORG, PROVENANCE_GRAPH, SCHEMA


def synthetic(n: int, seed: int = 0) -> Dataset:
    """A Dataset with ``n`` entities (1/4 companies, 1/2 plants, 1/8 people, 1/8 countries)."""
    rng = random.Random(seed)
    ds = Dataset()
    facts, prov = ds.graph(FACTS_GRAPH), ds.graph(PROVENANCE_GRAPH)
    kinds = [("company", AKG.Company, n // 4), ("plant", AKG.Plant, n // 2),
             ("person", SCHEMA.Person, n // 8), ("country", SCHEMA.Country, n - n // 4 - n // 2 - n // 8)]
    ids: dict[str, list[URIRef]] = {}
    for slug, cls, count in kinds:
        ids[slug] = [KGID[f"{slug}/e{i}"] for i in range(count)]
        for i, iri in enumerate(ids[slug]):
            facts.add((iri, RDF.type, cls))
            facts.add((iri, SKOS.prefLabel, Literal(f"{slug} {i}", lang="sl")))
    rels = []
    for plant in ids["plant"]:
        rels.append((rng.choice(ids["company"]), ORG.hasSite, plant))
        rels.append((plant, SCHEMA.containedInPlace, rng.choice(ids["country"])))
    for person in ids["person"]:
        rels.append((person, AKG.chiefExecutiveOf, rng.choice(ids["company"])))
    for company in ids["company"]:
        rels.append((company, SCHEMA.parentOrganization, rng.choice(ids["company"])))
    for k, (s, p, o) in enumerate(rels):
        facts.add((s, p, o))
        sentence = KGDOC[f"doc{k // 20}#char={k},{k + 1}"]
        st, ev = KGFACT[f"f{k}"], KGFACT[f"ev-f{k}"]
        for pred, obj in ((RDF.type, RDF.Statement), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
                          (AKG.evidence, ev)):
            prov.add((st, pred, obj))
        prov.add((ev, PROV.wasDerivedFrom, sentence))
        prov.add((sentence, NIF.anchorOf, Literal(f"sentence {k}", lang="sl")))
    return ds


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(label: str, n: int, fn):
    start = time.perf_counter()
    value = fn()
    print(f"n={n:>7} {label:<24} {time.perf_counter() - start:8.2f} s   peak RSS {_peak_mb():7.0f} MB", flush=True)
    return value


def main(sizes: list[int]) -> None:
    for n in sizes:
        ds = _timed("synthetic dataset", n, lambda n=n: synthetic(n))
        print(f"n={n:>7} triples: facts {len(ds.graph(FACTS_GRAPH))}, provenance {len(ds.graph(PROVENANCE_GRAPH))}")
        G = _timed("to_networkx", n, lambda ds=ds: to_networkx(ds))
        _timed("stats (top 10)", n, lambda G=G: stats(G))
        _timed("shortest_path", n, lambda G=G: shortest_path(G, "person 0", "country 0"))
        with tempfile.TemporaryDirectory() as tmp:
            for fmt in ("graphml", "gexf", "csv", "nt", "jsonld"):
                _timed(f"export {fmt}", n, lambda ds=ds, fmt=fmt, tmp=tmp: export(ds, fmt, Path(tmp)))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000])
