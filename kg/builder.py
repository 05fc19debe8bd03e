"""``kg.build``: read a folder of documents and write the knowledge graph, with provenance.

Steps: check the inputs (ontology, shapes, documents, output folder) -> extract every document,
on ``jobs`` processes, reusing cached results (``kg.parallel``, ``kg.cache``) -> merge entities
across documents -> triples with provenance, per document on ``jobs`` processes, as sorted
N-Triples (``kg.rdf.assembly`` over ``kg.rdf.triples``) -> validate against the SHACL shapes -> write
``graph.ttl``, ``provenance.ttl`` and ``graph.html`` into a staging folder and switch it in with
one atomic step (``kg.outdir``) -> update the cache -> print a summary. All of it holds the
output folder's lock. Every graph is validated by SPARQL on the build's store
(``kg.rdf.largegraph``); small graphs are returned as an in-memory rdflib Dataset, large ones as a
read-only view of that store. Any bad input, failure or kill leaves the previous build in place, whole.
"""
from __future__ import annotations

import hashlib
import logging
import mmap
import os
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Self

from rdflib import Dataset, Graph, URIRef

from kg.cache import Cache, assembly_version, document_key, extractor_version
from kg.cachefmt import EXTRACTED, LINES
from kg.cluster import describe, require_dask
from kg.errors import InputError, KgWarning
from kg.extract.document import Document
from kg.extract.entities import merge_entities
from kg.extract.reading import META_SUFFIX, find_documents, shown, sidecar
from kg.extract.relations import CODE_RULES
from kg.lang import load_pack
from kg.namespaces import FACTS_GRAPH, KGRULE, PROVENANCE_GRAPH
from kg.ontology import Ontology, default_file, load_ontology
from kg.outdir import (
    checkpoint,
    discard,
    flush_early,
    locked,
    new_scratch,
    new_staging,
    prepare,
    publish,
    remove_scratch,
)
from kg.parallel import Extracted, default_jobs, extract_documents
from kg.rdf.assembly import (
    Part,
    assemble_lines,
    document_lines,
    is_large,
    lines_key,
    reference_lines,
)
from kg.rdf.docstate import Stamp, Summary, merge_touched, stamp
from kg.rdf.graph import (
    CURRENT_LINK,
    FACTS_FILE,
    HTML_FILE,
    PROVENANCE_FILE,
    STORE_DIR,
    build_folder,
    ensure_writable,
    new_dataset,
)
from kg.rdf.incremental import FORMAT as INCREMENTAL_FORMAT
from kg.rdf.incremental import (
    STATE_DIR,
    Blocks,
    Counts,
    NotIncremental,
    State,
    changed_keys,
    count_change,
    splice_turtle,
    update_store,
    validate_change,
)
from kg.rdf.largegraph import check_early
from kg.rdf.shacl_sparql import Unsupported, compile_shapes
from kg.rdf.triples import (
    MENTION_RULES,
    TripleSink,
    add_document,
    add_facts,
    add_reference,
    provenance_statements,
    rule_iri,
)
from kg.rdf.turtlejob import turtle_writer
from kg.rdf.validate import load_shapes, raise_violations
from kg.sparql.store import open_read_only, store_dataset, write_store

if TYPE_CHECKING:
    from distributed import Client
    from rich.progress import Progress

PROGRESS_MIN_DOCUMENTS = 20
RDFLIB_MAX_TRIPLES = 150_000  # above this the Dataset is the build's store, checked by SPARQL


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
    assembled: int = 0
    html_skipped: bool = False
    incremental: bool = False  # the previous build changed in place (``kg.rdf.incremental``)
    timings: dict[str, float] = field(default_factory=dict)
    cluster: str = ""  # where extraction ran, when on a Dask cluster


def _progress(show: bool) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn())
    return Progress(*columns, transient=True, disable=not show)


def _advancer(progress: Progress, name: str, total: int) -> Callable[[int], None]:
    task = progress.add_task(name, total=total, rate="-")
    start, done = time.perf_counter(), [0]

    def advance(n: int) -> None:
        done[0] += n
        elapsed = max(time.perf_counter() - start, 1e-9)
        progress.update(task, advance=n, rate=f"{done[0] / elapsed:.0f}")

    return advance


class StepBars:
    """Progress bars for the steps after assembly (writing Turtle, storing, validating), which
    take seconds per million triples and would otherwise be silent; nothing shows if disabled."""

    def __init__(self, show: bool) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(TextColumn("{task.description:<22}"), BarColumn(), TaskProgressColumn(),
                                 TimeRemainingColumn(), transient=True, disable=not show)

    def __enter__(self) -> Self:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def reading(self, name: str, files: list[Path]) -> Callable[[int], None]:
        """A bar for a step that reads ``files`` once; call the result with each block's size."""
        task = self.progress.add_task(name, total=sum(f.stat().st_size for f in files) or 1)
        return lambda n: self.progress.update(task, advance=n)

    def in_turn(self, steps: list[tuple[str, Path]]) -> Callable[[int], None]:
        """A bar for each step that reads its file once, the steps one after another; call the
        result with the size of each block read, whichever step it is in."""
        bars = [(self.reading(name, [path]), path.stat().st_size) for name, path in steps]
        done = [0]

        def advance(n: int) -> None:
            start = done[0]
            done[0] += n
            offset = 0
            for bar, size in bars:  # the part of [start, start + n) in each file
                part = min(done[0], offset + size) - max(start, offset)
                if part > 0:
                    bar(part)
                offset += size

        return advance

    def waiting(self, name: str) -> Callable[[], None]:
        """A bar without an end for a step that reports no progress; call the result when done."""
        task = self.progress.add_task(name, total=None)
        return lambda: self.progress.remove_task(task)

    def checks(self, graph: str) -> Callable[[int, int], None]:
        """A bar for validating one graph; call the result with (checks done, checks in all)."""
        task = self.progress.add_task(f"validating {graph}", total=None)
        return lambda done, total: self.progress.update(task, completed=done, total=total)


def _rule_comments(langs: set[str]) -> dict:
    comments = {}
    for lang in sorted(langs):
        for rule in load_pack(lang).rules:
            comments[rule_iri(lang, rule.id)] = rule.comment
        for source, text in MENTION_RULES.items():
            comments[rule_iri(lang, f"mention-{source}")] = text
        comments[rule_iri(lang, "quote-attribution")] = "A quotation and the person a speech verb attributes it to."
        for rule_id, text in CODE_RULES.items():
            comments[rule_iri(lang, rule_id)] = text
    return comments


def _comments_of(state: State, langs: set[str]) -> dict:
    """``_rule_comments(langs)``, from the state if it holds those of ``langs`` (its version covers
    the language packs): loading a pack only for its comments cost 0.2 s a language."""
    if {iri[len(KGRULE):].split("/")[0] for iri in state.comments} == langs:  # rule_iri: <KGRULE><lang>/<id>
        return {URIRef(iri): text for iri, text in state.comments.items()}
    return _rule_comments(langs)


def assemble(docs: list[Document], onto: Ontology) -> TripleSink:
    """The facts and provenance triples of extracted documents, in one rdflib sink.

    The reference for ``kg.rdf.assembly.assemble_lines``, which the build uses: same triples,
    computed per document on several processes (tests compare the two).
    """
    entities = merge_entities(docs)
    sink = TripleSink()
    for doc in docs:
        add_document(sink, doc)
        add_facts(sink, doc, onto, entities)
    add_reference(sink, entities)
    provenance_statements(sink, _rule_comments({d.lang for d in docs}))
    return sink


def _write_html(ds: Dataset, path: Path) -> None:
    from kg.viz import write_html

    write_html(ds, path)


def _report(results: list[Extracted], entities: dict, assembled: int, cache: Cache, jobs: int) -> BuildReport:
    """The summary so far (the numbers of triples are set when they are written)."""
    docs = [r.doc for r in results]
    return BuildReport(documents=len(docs), sentences=sum(len(d.sentences) for d in docs),
                       tokens=sum(r.tokens for r in results),
                       entities_by_class=Counter(e.cls for e in entities.values()),
                       without_facts=[d.meta["path"] for d in docs if not d.facts],
                       jobs=jobs, cached=cache.hits, assembled=assembled)


def _warn(notes: list[tuple[str, str]], seeds: Path) -> None:
    """One ``KgWarning`` per note the documents carry (e.g. an unknown metadata field), in path order."""
    for rel, message in notes:
        warnings.warn(KgWarning(f"{shown(seeds / rel)}: {message}"), stacklevel=4)


def _dataset(nt: dict[str, Path], shapes: Graph, triples: int, folder: Path, bars: StepBars) -> Dataset:
    """Write the build's store into ``folder`` (``nt``: the sorted N-Triples file of each output
    file), validate it by SPARQL on that store, and return the graph as a Dataset: when large, a
    read-only view of that store; when small, an in-memory rdflib Dataset (for ``graph.html``).

    pyshacl is not run on the whole graph of any size: it parses the query of a SPARQL-based
    constraint (``shapes:Interval``, ``shapes:Event``) again for each focus node, minutes for a
    200-document corpus; ``kg.rdf.largegraph`` uses it only for a graph whose shapes it cannot
    translate. The checks that need no store (``check_early``) run while the store is written.
    """
    stop = threading.Event()
    # the checks that need no store run on a thread beside the bulk loader (both release the GIL)
    with ThreadPoolExecutor(1, thread_name_prefix="kg-check") as pool:
        early = pool.submit(check_early, shapes, nt[FACTS_FILE], nt[PROVENANCE_FILE], bars.checks, stop)
        try:
            store = write_store(folder, [(nt[FACTS_FILE], str(FACTS_GRAPH)),
                                         (nt[PROVENANCE_FILE], str(PROVENANCE_GRAPH))],
                                bars.reading("storing", list(nt.values())))
        except BaseException:
            stop.set()  # the thread stops at its next block
            raise
        finish = early.result()
    raise_violations(finish(store))
    del store  # closes the writing instance: the build's store is only read from now on
    if triples > RDFLIB_MAX_TRIPLES:
        return store_dataset(open_read_only(folder))
    done = bars.waiting("reading the graph")
    ds = new_dataset((), ())
    for file, name in ((FACTS_FILE, FACTS_GRAPH), (PROVENANCE_FILE, PROVENANCE_GRAPH)):
        ds.graph(name).parse(data=nt[file].read_bytes(), format="nt")
    done()
    return ds


def _run(paths: list[Path], seeds: Path, out: Path, onto: Ontology, shapes: Graph, jobs: int,
         caches: tuple[Cache, Cache], html: bool, show_progress: bool, follow_links: bool,
         lap: Callable[[str], None], cluster: object = None) -> tuple[Dataset, BuildReport]:
    """Extract, assemble, validate and write (everything but the cache commit), with a scratch
    folder for the sorted lines that is deleted at the end."""
    scratch = new_scratch(out)
    try:
        return _run_in(scratch, paths, seeds, out, onto, shapes, jobs, caches, html, show_progress,
                       follow_links, lap, cluster)
    finally:
        remove_scratch(out, scratch)


def _run_in(scratch: Path, paths: list[Path], seeds: Path, out: Path, onto: Ontology, shapes: Graph,
            jobs: int, caches: tuple[Cache, Cache], html: bool, show_progress: bool, follow_links: bool,
            lap: Callable[[str], None], cluster: object = None) -> tuple[Dataset, BuildReport]:
    cache, lines_cache = caches
    version = _state_version(cache.version, shapes)
    done: dict[Path, tuple[Extracted, Stamp | None]] = {}
    if lines_cache.enabled and version is not None:
        try:
            return _run_incremental(paths, seeds, out, onto, shapes, caches, version, html, jobs, follow_links,
                                    show_progress, lap, done, cluster)
        except NotIncremental as why:
            logging.getLogger(__name__).info("full build: %s", why)
    stamps = _stamps([p for p in paths if p not in done], seeds, follow_links)  # before hashing
    with _progress(show_progress) as progress:
        todo = [p for p in paths if p not in done]
        found = dict(zip(todo, extract_documents(todo, seeds, onto, jobs=jobs, cache=cache, follow_links=follow_links,
                                                 on_done=_advancer(progress, "extracting", len(todo)), cluster=cluster),
                         strict=True))
    items = [found[p] if p in found else done[p][0] for p in paths]
    stamps.update((p, st) for p, (_, st) in done.items())
    lap("extract")
    checkpoint("extracted")
    docs = [it.doc for it in items]
    entities = merge_entities(docs)
    with _progress(show_progress) as progress:
        comments = _rule_comments({d.lang for d in docs})
        lines = assemble_lines(items, onto, entities, comments, jobs=jobs, cache=lines_cache,
                               on_done=_advancer(progress, "assembling", len(docs)), scratch=scratch)
    _warn([w for it in items for w in it.doc.warnings], seeds)
    rep = _report(items, entities, len(lines.assembled), cache, jobs)
    cache.stage()
    keyed = all(it.key for it in items)
    summaries = {it.key: Summary.of(it.doc, it.tokens) for it in items} if keyed else {}
    files = _files(seeds, {p: it.key for p, it in zip(paths, items, strict=True)}, stamps)
    del items, docs
    lap("assemble")
    checkpoint("assembled")
    nt = {FACTS_FILE: scratch / "graph.nt", PROVENANCE_FILE: scratch / "provenance.nt"}
    with open(nt[FACTS_FILE], "xb") as fh:
        rep.facts_triples = lines.facts.write(fh)
    with open(nt[PROVENANCE_FILE], "xb") as fh:
        rep.provenance_triples = lines.provenance.write(fh)
    state = None
    if version is not None and keyed:
        state = State(version, lines.keys, lines.reference, (Counts.of(lines.facts.multi), Counts.of(lines.provenance.multi)),
                      (rep.facts_triples, rep.provenance_triples), files, summaries, entities, comments,
                      cache.stamps)
    del lines
    staging = new_staging(out)
    try:
        if state is not None:
            state.write(staging / STATE_DIR)
        with StepBars(show_progress) as bars:
            lap("serialize")
            # the Turtle files are written alongside the store and its checks (kg.rdf.turtlejob)
            turtles = [(path, staging / name) for name, path in nt.items()]
            with turtle_writer(turtles, bars.in_turn([(f"writing {name}", path) for name, path in nt.items()])
                               ) as turtles_written:
                large = rep.facts_triples + rep.provenance_triples > RDFLIB_MAX_TRIPLES
                ds = _dataset(nt, shapes, rep.facts_triples + rep.provenance_triples, staging / STORE_DIR, bars)
                turtles_written()
            for name in nt:
                checkpoint(f"staged-{name}")
        lap("store+validate")
        checkpoint("validated")
        _page_and_publish(ds, rep, out, staging, html, large)
    except BaseException:
        discard(out, staging)
        raise
    return ds, rep


def _page_and_publish(ds: Dataset, rep: BuildReport, out: Path, staging: Path, html: bool, large: bool) -> None:
    """Write the page into the staging folder (not for a graph too large for it: the view reads
    every triple through rdflib), switch the build to it, and list the files in ``rep``."""
    rep.html_skipped = html and large
    if html and not large:
        checkpoint("html")
        _write_html(ds, staging / HTML_FILE)
        checkpoint(f"staged-{HTML_FILE}")
    publish(out, staging)
    rep.files = [out / FACTS_FILE, out / PROVENANCE_FILE] + ([out / HTML_FILE] if html and not large else [])
    rep.files.append(out / CURRENT_LINK / STORE_DIR)


def _state_version(extractor: str, shapes: Graph) -> str | None:
    """What the state of a build for incremental rebuilds depends on: the extractor, the
    assembly code and the compiled shapes; None if the shapes are outside the SPARQL subset."""
    try:
        checks = compile_shapes(shapes).checks
    except Unsupported:
        return None
    text = f"{INCREMENTAL_FORMAT}\0{extractor}\0{assembly_version()}\0{checks!r}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _shares(items: list[Extracted], keys: dict[str, str], gone: list[str], came: list[str],
            state: State, onto: Ontology, entities: dict, comments: dict,
            caches: tuple[Cache, Cache]) -> tuple[list[Part], list[Part]]:
    """The old shares that leave (from the lines cache) and the new ones that come (from it, or
    assembled and cached); every other entry of the lines cache is kept for later builds."""
    cache, lines_cache = caches
    old: list[Part] = []
    for key in gone:
        kept = lines_cache.get(key)
        if key not in keys:
            lines_cache.used.discard(key)  # a removed document's entry goes at commit
        if kept is None or kept[0] != state.docs[key]:
            raise NotIncremental("a changed document's previous share is not in the cache")
        old.append((kept[1], kept[2]))
    by_key = {it.key: it for it in items}
    new: list[Part] = []
    for key in came:
        doc = by_key[key].doc
        if is_large(doc):
            raise NotIncremental("a large document changed")
        kept = lines_cache.get(key)
        if kept is not None and kept[0] == keys[key]:
            new.append((kept[1], kept[2]))
            continue
        share = document_lines(doc, onto, entities, comments)
        lines_cache.put(key, (keys[key], share[0], share[1]))
        lines_cache.stage(key)
        new.append(share)
    fresh = (set(cache.pending) | set(cache.staged)) - set(came)  # extracted anew, share unchanged:
    for key in sorted(fresh & keys.keys()):  # its cache entries may be unreadable; rewrite them
        kept = lines_cache.get(key)
        if kept is None or kept[0] != keys[key]:
            share = document_lines(by_key[key].doc, onto, entities, comments)
            lines_cache.put(key, (keys[key], share[0], share[1]))
            lines_cache.stage(key)
    lines_cache.used.update(keys)
    return old, new


def _stamps(paths: list[Path], seeds: Path, follow_links: bool) -> dict[Path, Stamp | None]:
    """The stamp of each document (``kg.rdf.docstate``), to take before its key is computed.
    Each folder is listed once, so that a document without a metadata file costs one stat, not
    three (a sidecar that appears after the listing is seen by the next build: the stamp differs)."""
    now = time.time_ns()
    listed: dict[Path, set[str] | None] = {}
    stamps = {}
    for p in paths:
        if p.parent not in listed:
            try:
                listed[p.parent] = set(os.listdir(p.parent))
            except OSError:
                listed[p.parent] = None
        names = listed[p.parent]
        meta = None if names is not None and p.stem + META_SUFFIX not in names else sidecar(p, seeds, follow_links)
        stamps[p] = stamp(p, meta, now)
    return stamps


def _files(seeds: Path, keys: dict[Path, str], stamps: dict[Path, Stamp | None]) -> dict[str, tuple[str, Stamp]]:
    """Relative path -> (cache key, stamp) of the documents with a key and a stamp, for the state."""
    return {p.relative_to(seeds).as_posix(): (key, st) for p, key in keys.items()
            if key and (st := stamps.get(p)) is not None}


def _current_keys(paths: list[Path], seeds: Path, state: State, version: str, follow_links: bool
                  ) -> tuple[dict[Path, str], dict[Path, Stamp | None]]:
    """Each document's cache key: the state's if its stamp did not change, else its hash."""
    stamps = _stamps(paths, seeds, follow_links)
    keys = {}
    for p in paths:
        rel = p.relative_to(seeds).as_posix()
        kept = state.files.get(rel)
        if kept is not None and stamps[p] is not None and kept[1] == stamps[p]:
            keys[p] = kept[0]
            continue
        try:
            keys[p] = document_key(version, rel, p, sidecar(p, seeds, follow_links))
        except OSError as err:
            raise NotIncremental(f"{p}: unreadable") from err  # the full build reports it
    return keys, stamps


def _run_incremental(paths: list[Path], seeds: Path, out: Path, onto: Ontology, shapes: Graph,
                     caches: tuple[Cache, Cache], version: str, html: bool, jobs: int, follow_links: bool,
                     show_progress: bool, lap: Callable[[str], None],
                     done: dict[Path, tuple[Extracted, Stamp | None]],
                     cluster: object = None) -> tuple[Dataset, BuildReport]:
    """The build as a change of the previous one (``kg.rdf.incremental``): only new and changed
    documents are extracted, only the entities they name merged again, only the shares that
    changed assembled, and the files, store and checks of the previous build are changed where
    they differ. NotIncremental if the previous build does not allow it; ``done`` then holds
    the documents extracted (and their stamps) for the full build."""
    cache = caches[0]
    previous = build_folder(out)
    state = State.read(previous / STATE_DIR, version)
    paths_keys, stamps = _current_keys(paths, seeds, state, cache.version, follow_links)
    unread = [paths_keys[p] for p in paths if paths_keys[p] in state.summaries]
    bad = set(cache.reuse(unread, state.entries))  # get() reports and rebuilds them
    todo = [p for p in paths if paths_keys[p] not in state.summaries or paths_keys[p] in bad]
    with _progress(show_progress and len(todo) >= PROGRESS_MIN_DOCUMENTS) as progress:
        fresh = extract_documents(todo, seeds, onto, jobs=jobs, cache=cache, follow_links=follow_links,
                                  on_done=_advancer(progress, "extracting", len(todo)), cluster=cluster)
    for p, it in zip(todo, fresh, strict=True):
        done[p] = (it, stamps[p])
        if not it.key:
            raise NotIncremental("a document without a cache key")
        paths_keys[p] = it.key  # hashed again: the file may have changed since
    lap("extract")
    checkpoint("extracted")
    by_key = {it.key: it for it in fresh}
    summaries = [state.summaries.get(k) or Summary.of(by_key[k].doc, by_key[k].tokens) for k in paths_keys.values()]
    current = dict(zip(paths_keys.values(), summaries, strict=True))
    touched = {e for k in state.summaries.keys() - current.keys() for e in state.summaries[k].names}
    touched |= {e for it in fresh for e in it.doc.entities}
    try:
        entities = merge_touched(state.entities, summaries, touched)
    except ValueError as err:  # a summary's entities do not decode
        raise NotIncremental(f"no usable state of the previous build ({err})") from None
    changed = {e for e in touched if entities.get(e) != state.entities.get(e)}
    memo: dict[str, str] = {}
    assembly = assembly_version()
    keys = {k: state.docs[k] if k in state.docs and changed.isdisjoint(s.names) and k not in by_key
            else lines_key(s.named(), entities, assembly, memo) for k, s in current.items()}
    gone, came = changed_keys(state, keys)
    again = [p for p in paths if paths_keys[p] in came and paths_keys[p] not in by_key]
    items = fresh + extract_documents(again, seeds, onto, jobs=jobs, cache=cache, follow_links=follow_links,
                                      cluster=cluster)
    cache.hits += len(unread) - len(bad) - len(again)  # the others were read (counted) or extracted
    comments = _comments_of(state, {s.lang for s in summaries})
    old, new = _shares(items, keys, gone, came, state, onto, entities, comments, caches)
    reference = reference_lines(entities, comments)
    rep = BuildReport(documents=len(summaries), sentences=sum(s.sentences for s in summaries),
                      tokens=sum(s.tokens for s in summaries),
                      entities_by_class=Counter(e.cls for e in entities.values()),
                      without_facts=[s.rel for s in summaries if not s.facts], jobs=jobs, cached=cache.hits,
                      assembled=len(came), incremental=True)
    files = _files(seeds, paths_keys, stamps)
    cache.stage()
    lap("assemble")
    checkpoint("assembled")
    with ExitStack() as stack:
        maps = [stack.enter_context(open(previous / name, "rb")) for name in (FACTS_FILE, PROVENANCE_FILE)]
        blocks = tuple(Blocks(stack.enter_context(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)), fh.fileno())
                       for fh in maps)
        change = count_change(state, old + [state.reference], new + [reference], blocks)  # type: ignore[arg-type]
        triples = tuple(state.triples[g] + len(change.added[g]) - len(change.removed[g]) for g in (0, 1))
        if not all(triples):
            raise NotIncremental("a graph without triples")
        rep.facts_triples, rep.provenance_triples = triples
        staging = new_staging(out)
        try:
            for g, name in enumerate((FACTS_FILE, PROVENANCE_FILE)):
                with open(staging / name, "xb") as fh:
                    splice_turtle(blocks[g], change.spans[g], change.added[g], change.removed[g], fh)
                checkpoint(f"staged-{name}")
            stack.close()  # the previous files are not read any more
            State(version, keys, reference, state.multi, triples, files, current,  # type: ignore[arg-type]
                  entities, comments, cache.stamps).write(staging / STATE_DIR)
            written = [staging / FACTS_FILE, staging / PROVENANCE_FILE, *sorted((staging / STATE_DIR).iterdir())]
            flushed = flush_early(written)  # while the store changes
            lap("serialize")
            store = update_store(previous / STORE_DIR, staging / STORE_DIR, change)
            raise_violations(validate_change(store, shapes, change))
            del store
            lap("store+validate")
            checkpoint("validated")
            large = sum(triples) > RDFLIB_MAX_TRIPLES
            if large:
                ds = store_dataset(open_read_only(staging / STORE_DIR))
            else:
                ds = new_dataset((), ())
                for file, name in ((FACTS_FILE, FACTS_GRAPH), (PROVENANCE_FILE, PROVENANCE_GRAPH)):
                    ds.graph(name).parse(staging / file, format="turtle")
            flushed()
            _page_and_publish(ds, rep, out, staging, html, large)
        except BaseException:
            discard(out, staging)
            raise
    _warn([w for s in summaries for w in s.warnings], seeds)  # once the build cannot fall back
    return ds, rep


def _run_cached(paths: list[Path], seeds: Path, out: Path, onto: Ontology, shapes: Graph, jobs: int,
                version: str, full: bool, html: bool, show_progress: bool, follow_links: bool,
                lap: Callable[[str], None], cluster: object = None) -> tuple[Dataset, BuildReport]:
    """``_run`` with the cache: new entries are kept only if the build succeeds; its problems
    (unreadable entries, foreign files) become warnings."""
    caches = (Cache(out, version, EXTRACTED, enabled=not full),
              Cache(out, version, LINES, enabled=not full, part="lines"))
    try:
        ds, rep = _run(paths, seeds, out, onto, shapes, jobs, caches, html, show_progress, follow_links, lap,
                       cluster)
    except BaseException as err:
        for c in reversed(caches):
            c.discard()
        if isinstance(err, OSError):  # reading is checked before: this is writing the build
            raise InputError(f"{err.filename or out}: cannot write the build ({err.strerror or err})") from None
        raise
    for c in caches:
        try:
            c.commit()
        except OSError as err:  # the build is in place; only the next one will be slower
            warnings.warn(f"{c.folder}: cache not updated ({err.strerror or err})", KgWarning, stacklevel=3)
        checkpoint(f"committed-{c.part or 'extract'}-cache")
        for problem in c.problems():
            warnings.warn(problem, KgWarning, stacklevel=3)
    return ds, rep


def _waiting_note(out: Path) -> Callable[[str], None]:
    def note(pid: str) -> None:
        warnings.warn(f"{out}: another build (pid {pid}) is writing to this folder; waiting for it to finish",
                      KgWarning, stacklevel=2)
    return note


def build(seeds_dir: str | Path = "seeds", out_dir: str | Path = "build", *,
          ontology: str | Path | None = None, shapes: str | Path | None = None,
          report: bool = False, html: bool = True, jobs: int | None = None,
          full: bool = False, follow_links: bool = False, cluster: str | Client | None = None) -> Dataset:
    """Build the knowledge graph of the documents in ``seeds_dir`` and write it to ``out_dir``.

    Returns the graph as an rdflib Dataset with two named graphs (facts, provenance); see
    docs/graph-model.md. Extraction and assembly run on ``jobs`` processes (default: one per
    core); extraction results are reused from the cache in ``out_dir/.cache`` unless ``full``
    is set. The files written are the same whatever ``jobs`` and the cache state. With
    ``report=True`` a summary is printed (and a progress bar, on a terminal). Symbolic links
    out of ``seeds_dir`` are skipped with a ``kg.KgWarning`` each unless ``follow_links``.
    ``cluster`` extracts on Dask distributed (``pip install 'ampere-kg[cluster]'``): ``"local"``
    starts a local cluster of ``jobs`` workers for the build, an address such as
    ``"tcp://host:8786"`` or a ``distributed.Client`` uses a running one; the files are the same.

    >>> ds = build("seeds", "build", jobs=2)
    """
    if cluster is not None:
        require_dask(cluster)  # before any work: the one-line hint, not a traceback later
    start = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(name: str) -> None:
        timings[name] = time.perf_counter() - start - sum(timings.values())

    seeds, out = Path(seeds_dir), Path(out_dir)
    onto_file = Path(ontology) if ontology else default_file("ontology.ttl")
    onto = load_ontology(onto_file)
    shapes_graph = load_shapes(Path(shapes) if shapes else None)
    paths = find_documents(seeds, follow_links)
    ensure_writable(out)
    jobs = jobs or default_jobs()
    version = extractor_version(onto_file)
    show_progress = report and sys.stderr.isatty() and len(paths) >= PROGRESS_MIN_DOCUMENTS
    with locked(out, on_wait=_waiting_note(out)):
        prepare(out)
        ds, rep = _run_cached(paths, seeds, out, onto, shapes_graph, jobs, version, full, html,
                              show_progress, follow_links, lap, cluster)
    lap("write")
    rep.timings = timings
    rep.cluster = describe(cluster, jobs) if cluster is not None and rep.cached < rep.documents else ""
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
    table.add_row("documents", f"{rep.documents} ({rep.cached} from cache, {rep.assembled} assembled, "
                               f"{rep.jobs} jobs{', incremental' if rep.incremental else ''})")
    if rep.cluster:
        table.add_row("extracted on", rep.cluster)
    table.add_row("sentences", str(rep.sentences))
    table.add_row("tokens", str(rep.tokens))
    # counted as kg stats and the page count them: quotations are facts of their speaker
    entities = {cls: n for cls, n in rep.entities_by_class.items() if cls != "schema:Quotation"}
    table.add_row("entities", str(sum(entities.values())))
    for cls, n in sorted(entities.items()):
        table.add_row(f"  {cls}", str(n))
    table.add_row("quotations", str(rep.entities_by_class.get("schema:Quotation", 0)))
    table.add_row("triples (facts)", str(rep.facts_triples))
    table.add_row("triples (provenance)", str(rep.provenance_triples))
    rate = rep.documents / max(rep.seconds, 1e-9)
    table.add_row("time", f"{rep.seconds:.2f} s" + (f" ({rate:.1f} documents/s)" if rep.documents > 1 else ""))
    table.add_row("  steps", ", ".join(f"{k} {v:.2f} s" for k, v in rep.timings.items()))
    console.print(table)
    for f in rep.files:
        console.print(f"wrote {f}")
    if rep.html_skipped:
        console.print(f"[yellow]note[/]: {HTML_FILE} not written: the graph has over {RDFLIB_MAX_TRIPLES:,} "
                      "triples; draw a part of it with `kg viz --focus ...` or `kg viz --class ...`")
    for path in rep.without_facts:
        console.print(f"[yellow]note[/]: no facts found in {path}")
