"""``kg.build``: read a folder of documents and write the knowledge graph, with provenance.

Steps: check the inputs (ontology, shapes, documents, output folder) -> extract every document,
on ``jobs`` processes, reusing cached results (``kg.parallel``, ``kg.cache``) -> merge entities
across documents -> triples with provenance (``kg.triples``) -> validate against the SHACL
shapes -> write ``graph.ttl``, ``provenance.ttl`` and ``graph.html`` atomically -> update the
cache -> print a summary. Small graphs are returned as an in-memory rdflib Dataset validated by
pyshacl; large ones as an Oxigraph-backed Dataset validated by SPARQL (``kg.largegraph``). Any
bad input stops the build before anything is written.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.cache import Cache, extractor_version
from kg.document import Document
from kg.documents import find_documents
from kg.entities import merge_entities
from kg.graph import FACTS_FILE, PROVENANCE_FILE, ensure_writable, new_dataset, turtle_bytes, write_atomic
from kg.lang import load_pack
from kg.largegraph import oxigraph_dataset, validate_large
from kg.ontology import Ontology, default_file, load_ontology
from kg.parallel import Extracted, default_jobs, extract_documents
from kg.triples import MENTION_RULES, TripleSink, add_document, add_facts, add_reference, provenance_statements, rule_iri
from kg.validate import load_shapes, validate

HTML_FILE = "graph.html"
PROGRESS_MIN_DOCUMENTS = 20
RDFLIB_MAX_TRIPLES = 300_000  # above this the Dataset is Oxigraph-backed and checked by SPARQL
HTML_MAX_DOCUMENTS = 1_000  # above this graph.html is not written (use `kg viz --focus/--class`)


@dataclass
class BuildReport:
    """What a build read and wrote (printed as the summary)."""

    documents: int = 0
    sentences: int = 0
    tokens: int = 0
    entities_by_class: Counter = field(default_factory=Counter)
    facts_triples: int = 0
    provenance_triples: int = 0
    without_facts: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1
    cached: int = 0
    html_skipped: bool = False
    timings: dict[str, float] = field(default_factory=dict)


def _extract_all(paths: list[Path], root: Path, onto: Ontology, jobs: int, cache: Cache,
                 show_progress: bool) -> list[Extracted]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn())
    with Progress(*columns, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("extract", total=len(paths), rate="-")
        start, done = time.perf_counter(), [0]

        def advance(n: int) -> None:
            done[0] += n
            elapsed = max(time.perf_counter() - start, 1e-9)
            progress.update(task, advance=n, rate=f"{done[0] / elapsed:.0f}")

        return extract_documents(paths, root, onto, jobs=jobs, cache=cache, on_done=advance)


def _rule_comments(docs: list[Document]) -> dict:
    comments = {}
    for lang in sorted({d.lang for d in docs}):
        for rule in load_pack(lang).rules:
            comments[rule_iri(lang, rule.id)] = rule.comment
        for source, text in MENTION_RULES.items():
            comments[rule_iri(lang, f"mention-{source}")] = text
        comments[rule_iri(lang, "quote-attribution")] = "A quotation and the person a speech verb attributes it to."
    return comments


def assemble(docs: list[Document], onto: Ontology) -> TripleSink:
    """The facts and provenance triples of extracted documents."""
    entities = merge_entities(docs)
    sink = TripleSink()
    for doc in docs:
        add_document(sink, doc)
        add_facts(sink, doc, onto, entities)
    add_reference(sink, entities)
    provenance_statements(sink, _rule_comments(docs))
    return sink


def _write_html(ds: Dataset, path: Path) -> bool:
    try:
        from kg.viz import write_html
    except ImportError:
        return False
    write_html(ds, path)
    return True


def _report(results: list[Extracted], sink: TripleSink, cache: Cache, jobs: int) -> BuildReport:
    docs = [r.doc for r in results]
    return BuildReport(documents=len(docs), sentences=sum(len(d.sentences) for d in docs),
                       tokens=sum(r.tokens for r in results),
                       entities_by_class=Counter(e.cls for e in merge_entities(docs).values()),
                       facts_triples=len(sink.facts), provenance_triples=len(sink.provenance),
                       without_facts=[d.meta["path"] for d in docs if not d.facts],
                       jobs=jobs, cached=cache.hits)


def build(seeds_dir: str | Path = "seeds", out_dir: str | Path = "build", *,
          ontology: str | Path | None = None, shapes: str | Path | None = None,
          report: bool = False, html: bool = True, jobs: int | None = None,
          full: bool = False) -> Dataset:
    """Build the knowledge graph of the documents in ``seeds_dir`` and write it to ``out_dir``.

    Returns the graph as an rdflib Dataset with two named graphs (facts, provenance); see
    docs/graph-model.md. Extraction runs on ``jobs`` processes (default: one per core) and
    reuses the per-document cache in ``out_dir/.cache`` unless ``full`` is set; the files
    written are the same whatever ``jobs`` and the cache state. With ``report=True`` a summary
    is printed (and a progress bar, on a terminal).

    >>> ds = build("seeds", "build", jobs=2)        # doctest: +SKIP
    """
    start = time.perf_counter()
    clock = {"start": start}
    seeds, out = Path(seeds_dir), Path(out_dir)
    onto_file = Path(ontology) if ontology else default_file("ontology.ttl")
    onto = load_ontology(onto_file)
    shapes_graph = load_shapes(Path(shapes) if shapes else None)
    paths = find_documents(seeds)
    ensure_writable(out)
    jobs = jobs or default_jobs()
    cache = Cache(out, extractor_version(onto_file), enabled=not full)
    show_progress = report and sys.stderr.isatty() and len(paths) >= PROGRESS_MIN_DOCUMENTS
    results = _extract_all(paths, seeds, onto, jobs, cache, show_progress)
    timings = {"extract": time.perf_counter() - start}
    sink = assemble([r.doc for r in results], onto)
    timings["assemble"] = time.perf_counter() - start - sum(timings.values())
    data = {FACTS_FILE: turtle_bytes(sink.facts), PROVENANCE_FILE: turtle_bytes(sink.provenance)}
    timings["serialize"] = time.perf_counter() - start - sum(timings.values())
    large = len(sink.facts) + len(sink.provenance) > RDFLIB_MAX_TRIPLES
    if large:
        ds = oxigraph_dataset(data[FACTS_FILE], data[PROVENANCE_FILE])
        validate_large(ds, shapes_graph, sink.facts, sink.provenance)
    else:
        ds = new_dataset(sink.facts, sink.provenance)
        validate(ds, shapes_graph)
    timings["store+validate"] = time.perf_counter() - start - sum(timings.values())
    rep = _report(results, sink, cache, jobs)
    del results, sink
    for name, blob in data.items():
        write_atomic(out / name, blob)
        rep.files.append(out / name)
    rep.html_skipped = html and rep.documents > HTML_MAX_DOCUMENTS
    if html and not rep.html_skipped and _write_html(ds, out / HTML_FILE):
        rep.files.append(out / HTML_FILE)
    cache.commit()
    timings["write"] = time.perf_counter() - start - sum(timings.values())
    rep.timings = timings
    rep.seconds = time.perf_counter() - start
    if report:
        print_summary(rep)
    return ds


def print_summary(rep: BuildReport) -> None:
    """The end-of-build summary: counts, speed, files written, documents without facts, time."""
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False, highlight=False)
    table = Table(title="kg build", show_header=False, box=None)
    table.add_row("documents", f"{rep.documents} ({rep.cached} from cache, {rep.jobs} jobs)")
    table.add_row("sentences", str(rep.sentences))
    table.add_row("tokens", str(rep.tokens))
    table.add_row("entities", str(sum(rep.entities_by_class.values())))
    for cls, n in sorted(rep.entities_by_class.items()):
        table.add_row(f"  {cls}", str(n))
    table.add_row("triples (facts)", str(rep.facts_triples))
    table.add_row("triples (provenance)", str(rep.provenance_triples))
    table.add_row("time", f"{rep.seconds:.2f} s ({rep.documents / max(rep.seconds, 1e-9):.0f} documents/s)")
    table.add_row("  steps", ", ".join(f"{k} {v:.2f} s" for k, v in rep.timings.items()))
    console.print(table)
    for f in rep.files:
        console.print(f"wrote {f}")
    if rep.html_skipped:
        console.print(f"[yellow]note[/]: {HTML_FILE} not written for {rep.documents} documents "
                      f"(> {HTML_MAX_DOCUMENTS}); draw a part with `kg viz --focus ...` or `--class ...`")
    for path in rep.without_facts:
        console.print(f"[yellow]note[/]: no facts found in {path}")
