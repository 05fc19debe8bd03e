"""Extract many documents, on several processes and from the cache, in a fixed order.

Each document is read and run through ``kg.extract.pipeline.extract`` on its own (in a worker process
when ``jobs > 1``); what comes back is a compact result: the ``Document`` without its tokens,
relations and quotes, which later steps do not need (about a fifth of the size). Results
come back in the order of the paths whatever ``jobs`` is, so the build output does not depend
on it. Documents whose cache entry matches are not read again. With ``cluster`` set, the
documents left to extract go to a Dask cluster instead (``kg.cluster``), in the same order.
"""
from __future__ import annotations

import ctypes
import dataclasses
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kg.cache import Cache, document_key
from kg.extract.document import Document
from kg.extract.pipeline import extract
from kg.extract.reading import read_document, sidecar
from kg.ontology import Ontology

CHUNK = 8  # documents per task sent to a worker
LARGE_FILE = 1_000_000  # bytes: a document this large is extracted in a worker process even with one job
PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_POLL_SECONDS = 0.5

_WORKER_ONTOLOGY: Ontology | None = None


@dataclass
class Extracted:
    """One document's extraction result, without the per-token data; ``key`` is its cache key."""

    doc: Document
    tokens: int
    key: str = ""


def compact(doc: Document) -> Extracted:
    """Drop what assembling the graph does not read (tokens, relations, quotes); the mention
    groups stay whole (assembly reads their keys; their names and classes are a few words each)."""
    small = dataclasses.replace(doc, tokens=[], relations=[], quotes=[])
    return Extracted(small, len(doc.tokens))


def extract_path(path: Path, root: Path, onto: Ontology | None = None, follow_links: bool = False) -> Extracted:
    """Read, extract and compact one document (``follow_links``: see ``kg.extract.reading.sidecar``).

    >>> extract_path(Path("seeds/ampere-sl.txt"), Path("seeds")).tokens
    421
    """
    return compact(extract(read_document(path, root, follow_links), onto or _WORKER_ONTOLOGY))


def _signal_on_parent_death() -> bool:
    """Ask Linux to SIGKILL this process when its parent dies; False where that is not possible."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def die_with_parent(parent: int) -> None:
    """Pool initializer: end this worker as soon as the build process ``parent`` is gone, even
    when it was killed with SIGKILL (which runs no clean-up in the parent).

    Linux delivers SIGKILL on the parent's death (``prctl(PR_SET_PDEATHSIG)``); elsewhere a
    thread polls the parent pid. Either way a parent that died before this ran is noticed.
    """
    watched = _signal_on_parent_death()
    if os.getppid() != parent:
        os._exit(1)
    if not watched:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` forked workers that die with this process."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))


def _work(args: tuple[Path, Path, bool]) -> Extracted:
    path, root, follow_links = args
    return extract_path(path, root, None, follow_links)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _keys(paths: list[Path], root: Path, cache: Cache, follow_links: bool) -> list[str | None]:
    keys: list[str | None] = []
    for p in paths:
        try:
            keys.append(document_key(cache.version, p.relative_to(root).as_posix(), p,
                                     sidecar(p, root, follow_links)))
        except OSError:
            keys.append(None)  # read_document reports it
    return keys


def _is_large(path: Path) -> bool:
    try:
        return path.stat().st_size >= LARGE_FILE
    except OSError:
        return False  # read_document reports it


def _extract_apart(path: Path, root: Path, follow_links: bool) -> Extracted:
    """``extract_path`` in a worker process: the memory a large document's extraction takes
    (its tokens: about 70 MB per MB of text) goes back to the system when the worker ends,
    and the build keeps only the compact result."""
    with worker_pool(1) as pool:
        return pool.submit(_work, (path, root, follow_links)).result()


def _run(todo: list[Path], root: Path, onto: Ontology, jobs: int, follow_links: bool,
         cluster: object = None) -> Iterator[Extracted]:
    global _WORKER_ONTOLOGY
    if cluster is not None and todo:
        from kg.cluster import connect, extract_on  # imports Dask only when asked to

        with connect(cluster, jobs) as client:
            yield from extract_on(client, todo, root, onto, follow_links)
        return
    _WORKER_ONTOLOGY = onto  # inherited by the forked workers
    if jobs <= 1 or len(todo) < 2:
        for p in todo:
            yield _extract_apart(p, root, follow_links) if _is_large(p) else extract_path(p, root, onto, follow_links)
        return
    with worker_pool(min(jobs, len(todo))) as pool:
        try:
            yield from pool.map(_work, [(p, root, follow_links) for p in todo], chunksize=CHUNK)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def extract_documents(paths: list[Path], root: Path, onto: Ontology, *, jobs: int = 1,
                      cache: Cache | None = None, on_done: Callable[[int], None] | None = None,
                      follow_links: bool = False, cluster: object = None) -> list[Extracted]:
    """Extraction results of ``paths``, in that order, using ``jobs`` processes and the cache.

    The first bad document (in path order) raises its ``InputError``, whatever ``jobs`` is.
    ``cluster`` (see ``kg.cluster``): extract the documents the cache lacks on a Dask cluster;
    none is started when the cache has them all.

    >>> from kg.extract.reading import find_documents
    >>> from kg.ontology import load_ontology
    >>> docs = extract_documents(find_documents(Path("seeds")), Path("seeds"), load_ontology(), jobs=1)
    >>> [d.doc.path.name for d in docs]
    ['ampere-sl.txt']
    """
    keys = _keys(paths, root, cache, follow_links) if cache is not None else [None] * len(paths)
    results: list[Extracted | None] = [None] * len(paths)
    for i, key in enumerate(keys):
        if key is not None and cache is not None:
            results[i] = hit = cache.get(key)
            if hit is not None:
                hit.key = key
    if on_done and any(r is not None for r in results):
        on_done(sum(r is not None for r in results))
    todo = [i for i, r in enumerate(results) if r is None]
    for i, res in zip(todo, _run([paths[i] for i in todo], root, onto, jobs, follow_links, cluster),
                      strict=True):
        results[i] = res
        key = keys[i]
        if cache is not None and key is not None:
            res.key = key
            cache.put(key, res)
        if on_done:
            on_done(1)
    return results  # type: ignore[return-value]
