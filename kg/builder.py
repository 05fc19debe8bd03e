"""``kg.build``: read a folder of documents and write the knowledge graph, with provenance.

Steps: check the inputs (ontology, shapes, documents, output folder) -> extract every document
(``kg.pipeline``) -> merge entities across documents -> triples with provenance (``kg.triples``)
-> validate against the SHACL shapes -> write ``graph.ttl``, ``provenance.ttl`` and
``graph.html`` atomically -> print a summary. Any bad input stops the build before anything is
written.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.document import Document
from kg.documents import find_documents, read_document
from kg.entities import merge_entities
from kg.graph import FACTS_FILE, PROVENANCE_FILE, ensure_writable, new_dataset, turtle_bytes, write_atomic
from kg.lang import load_pack
from kg.ontology import Ontology, load_ontology
from kg.pipeline import extract
from kg.triples import MENTION_RULES, TripleSink, add_document, add_facts, add_reference, provenance_statements, rule_iri
from kg.validate import load_shapes, validate

HTML_FILE = "graph.html"
PROGRESS_MIN_DOCUMENTS = 20


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


def _extract_all(paths: list[Path], root: Path, onto: Ontology, show_progress: bool) -> list[Document]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    docs: list[Document] = []
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn())
    with Progress(*columns, transient=True, disable=not show_progress) as progress:
        task = progress.add_task("extract", total=len(paths), rate="-")
        start = time.perf_counter()
        for path in paths:
            docs.append(extract(read_document(path, root), onto))
            elapsed = max(time.perf_counter() - start, 1e-9)
            progress.update(task, advance=1, rate=f"{len(docs) / elapsed:.0f}")
    return docs


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


def build(seeds_dir: str | Path = "seeds", out_dir: str | Path = "build", *,
          ontology: str | Path | None = None, shapes: str | Path | None = None,
          report: bool = False, html: bool = True) -> Dataset:
    """Build the knowledge graph of the documents in ``seeds_dir`` and write it to ``out_dir``.

    Returns the graph as an rdflib Dataset with two named graphs (facts, provenance); see
    docs/graph-model.md. With ``report=True`` a summary is printed.

    >>> ds = build("seeds", "build")        # doctest: +SKIP
    """
    start = time.perf_counter()
    seeds, out = Path(seeds_dir), Path(out_dir)
    onto = load_ontology(Path(ontology) if ontology else None)
    shapes_graph = load_shapes(Path(shapes) if shapes else None)
    paths = find_documents(seeds)
    ensure_writable(out)
    show_progress = report and sys.stderr.isatty() and len(paths) >= PROGRESS_MIN_DOCUMENTS
    docs = _extract_all(paths, seeds, onto, show_progress)
    sink = assemble(docs, onto)
    ds = new_dataset(sink.facts, sink.provenance)
    validate(ds, shapes_graph)
    rep = BuildReport(documents=len(docs), sentences=sum(len(d.sentences) for d in docs),
                      tokens=sum(len(d.tokens) for d in docs),
                      entities_by_class=Counter(e.cls for e in merge_entities(docs).values()),
                      facts_triples=len(sink.facts), provenance_triples=len(sink.provenance),
                      without_facts=[d.meta["path"] for d in docs if not d.facts])
    for name, triples in ((FACTS_FILE, sink.facts), (PROVENANCE_FILE, sink.provenance)):
        write_atomic(out / name, turtle_bytes(triples))
        rep.files.append(out / name)
    if html and _write_html(ds, out / HTML_FILE):
        rep.files.append(out / HTML_FILE)
    rep.seconds = time.perf_counter() - start
    if report:
        print_summary(rep)
    return ds


def print_summary(rep: BuildReport) -> None:
    """The end-of-build summary: counts, files written, documents without facts, time."""
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False, highlight=False)
    table = Table(title="kg build", show_header=False, box=None)
    table.add_row("documents", str(rep.documents))
    table.add_row("sentences", str(rep.sentences))
    table.add_row("tokens", str(rep.tokens))
    table.add_row("entities", str(sum(rep.entities_by_class.values())))
    for cls, n in sorted(rep.entities_by_class.items()):
        table.add_row(f"  {cls}", str(n))
    table.add_row("triples (facts)", str(rep.facts_triples))
    table.add_row("triples (provenance)", str(rep.provenance_triples))
    table.add_row("time", f"{rep.seconds:.2f} s")
    console.print(table)
    for f in rep.files:
        console.print(f"wrote {f}")
    for path in rep.without_facts:
        console.print(f"[yellow]note[/]: no facts found in {path}")
