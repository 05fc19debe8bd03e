"""Open the knowledge graph as a pyoxigraph (Oxigraph) store, the engine behind ``kg query`` and
``kg serve``. A build folder holds the store itself (``store/``, written by ``kg build`` beside
``graph.ttl`` and ``provenance.ttl``), which is opened read-only, without parsing anything. A
folder without one (an older build) is loaded from its Turtle files into memory: ``graph.ttl`` ->
FACTS_GRAPH, ``provenance.ttl`` -> PROVENANCE_GRAPH; a single RDF file, an rdflib Graph or Dataset
(also one backed by oxrdflib) or an existing store are accepted too. Every store it gives has the
lookup keys of the entities' names (:mod:`kg.sparql.lookup`). :func:`open_rdflib` gives the same data as
an in-memory rdflib Dataset, for the rdflib engine that the tests compare against;
:func:`open_dataset` gives an rdflib view of the build's store where there is one.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
import rdflib
from oxrdflib import OxigraphStore

from kg.buildfolder import (
    FACTS_FILE,
    PROVENANCE_FILE,
    build_folder,
)
from kg.buildfolder import (
    open_read_only as open_read_only,  # re-exported
)
from kg.buildfolder import (
    store_folder as store_folder,
)
from kg.errors import InputError
from kg.namespaces import FACTS_GRAPH, LOOKUP_GRAPH, NIF, PROVENANCE_GRAPH, bind_prefixes
from kg.rdf.assembly import ReadProgress
from kg.sparql.lookup import LOOKUP_KEY, add_store_keys, dataset_key_triples

Source = str | Path | rdflib.Graph | ox.Store

log = logging.getLogger(__name__)
_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
            ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML,
            ".owl": ox.RdfFormat.RDF_XML}
_RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
                   ".rdf": "xml", ".owl": "xml"}
BULK_LOAD_MIN_BYTES = 1 << 20  # N-Triples above this are bulk-loaded (3.5x less CPU at 20 MB)
# N-Triples per bulk_load call: Oxigraph's bulk loader holds what one call reads (up to ~2 GB a
# thread) before writing it out: the 410 MB of N-Triples of 10,000 documents in one call peaked
# at 1.5 GB RSS. Each call writes a set of index files, so small blocks cost CPU: measured alone,
# twice each (load 3), 32 MB blocks 39-45 CPU s and 0.33 GB, 64 MB 33-34 CPU s and 0.54-0.57 GB,
# 128 MB 32.5 CPU s and 1.0-1.1 GB. With 64 MB the 10,000-document rebuild peaked at 1.46 GiB
# (1.17-1.23 GiB with 32 MB): the memory target (1.5 GB) comes first
BULK_LOAD_BLOCK = 32 << 20
_XSD_STRING = rdflib.XSD.string
_LOOKUP_KEY = rdflib.URIRef(LOOKUP_KEY)
_OFFSETS = frozenset({NIF.beginIndex, NIF.endIndex})  # typed xsd:nonNegativeInteger by kg.triples


def write_store(folder: Path, files: list[tuple[Path, str]],
                on_bytes: Callable[[int], None] | None = None) -> ox.Store:
    """Write a new on-disk store in ``folder``: each N-Triples file into its named graph, then the
    lookup keys. Returns the store, still open for writing; ``on_bytes`` is told how many bytes of
    the files have been read.

    Large files go through Oxigraph's bulk loader, which keeps memory bounded; small ones through
    a transaction, which is faster for them (the bulk loader writes a set of index files per
    call). The caller makes the files durable (``kg.outdir.publish`` syncs every file).

    >>> _ = Path("graph.nt").write_text("<urn:x:s> <urn:x:p> <urn:x:o> .\\n", encoding="utf-8")
    >>> Path("staging").mkdir()
    >>> len(write_store(Path("staging/store"), [(Path("graph.nt"), str(FACTS_GRAPH))]))
    1
    """
    store = ox.Store(str(folder))
    bulk = sum(path.stat().st_size for path, _ in files) > BULK_LOAD_MIN_BYTES
    for path, graph in files:
        with open(path, "rb") as raw:
            if not bulk:
                source: Any = ReadProgress(raw, on_bytes) if on_bytes else raw
                store.load(source, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
                continue
            for block in line_blocks(raw, BULK_LOAD_BLOCK):
                store.bulk_load(block, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph))
                if on_bytes:
                    on_bytes(len(block))
    add_store_keys(store, bulk=bulk)
    if bulk:
        store.flush()
    return store


def line_blocks(raw: IO[bytes], size: int) -> Iterator[bytes]:
    """The bytes of ``raw`` in blocks of about ``size`` bytes that end at a line's end (a line
    longer than ``size`` is one block).

    >>> import io
    >>> list(line_blocks(io.BytesIO(b"a\\nbb\\nccc\\nd"), 3))
    [b'a\\n', b'bb\\n', b'ccc\\n', b'd']
    """
    rest = b""
    while data := raw.read(size):
        data = rest + data
        cut = data.rfind(b"\n") + 1
        if cut:
            yield data[:cut]
        rest = data[cut:]
    if rest:
        yield rest


class ReadOnlyOxigraphStore(OxigraphStore):
    """oxrdflib's rdflib store over a read-only Oxigraph store, giving the terms an rdflib graph
    parsed from the Turtle files would give: a plain string literal comes back as a plain
    ``Literal`` (oxrdflib types it ``xsd:string``, which rdflib holds unequal to a plain one), and
    the character offsets the build types ``xsd:nonNegativeInteger`` get that type back (Oxigraph
    keeps their value as ``xsd:integer``; SHACL checks the type).
    rdflib "adds" a named graph each time one is looked up (``Dataset.graph(name)``); here that is
    a no-op instead of a failed write (a graph without triples is nowhere to be seen anyway).
    The lookup graph is left out: it is the store's index for queries, not part of the graph.
    """

    def add_graph(self, graph: rdflib.Graph) -> None:
        return None

    def contexts(self, triple: Any = None) -> Any:
        return (graph for graph in super().contexts(triple) if graph.identifier != LOOKUP_GRAPH)

    def triples(self, triple_pattern: Any, context: Any = None) -> Any:
        for (subject, predicate, obj), contexts in super().triples(triple_pattern, context):
            if predicate == _LOOKUP_KEY:
                continue
            if predicate in _OFFSETS and isinstance(obj, rdflib.Literal):
                obj = rdflib.Literal(str(obj), datatype=rdflib.XSD.nonNegativeInteger)
            yield (subject, predicate, _plain(obj)), contexts

    def query(self, *args: Any, **kwargs: Any) -> Any:
        result = super().query(*args, **kwargs)
        if result.type == "SELECT":
            rows = result.bindings
            result.bindings = ({k: _plain(v) for k, v in row.items()} for row in rows)
        elif result.type == "CONSTRUCT" and result.graph is not None:
            graph = rdflib.Graph()
            graph += ((s, p, _plain(o)) for s, p, o in result.graph)
            result.graph = graph
        return result


def _plain(term: Any) -> Any:
    """An ``xsd:string`` literal as a plain one (the same RDF 1.1 term); other terms unchanged."""
    if isinstance(term, rdflib.Literal) and term.datatype == _XSD_STRING:
        return rdflib.Literal(str(term))
    return term


def store_dataset(store: ox.Store) -> rdflib.Dataset:
    """An rdflib Dataset (the union of its graphs as default graph) over a read-only ``store``."""
    ds = rdflib.Dataset(store=ReadOnlyOxigraphStore(store=store), default_union=True)
    bind_prefixes(ds)
    return ds


def open_dataset(source: str | Path) -> rdflib.Dataset:
    """A build folder or RDF file as an rdflib Dataset: a read-only view of the build's store if
    it has one (nothing is parsed), else loaded into memory (:func:`open_rdflib`).

    >>> ds = open_dataset("build")
    >>> len(ds.graph(FACTS_GRAPH)) > 0
    True
    """
    folder = store_folder(Path(source))
    return store_dataset(open_read_only(folder)) if folder is not None else open_rdflib(source)


def graph_files(path: Path) -> list[tuple[Path, str]]:
    """The RDF files behind ``path`` with the graph IRI each belongs in.

    A build folder gives ``graph.ttl`` (facts) and, if present, ``provenance.ttl``, both of the
    build in place (``kg.rdf.graph.build_folder``), so they never come from two builds; a file gives
    itself, in the facts graph. Raises :class:`InputError` if there is nothing to read.

    Examples
    --------
    >>> graph_files(Path("build"))
    [(PosixPath('build/.builds/.../graph.ttl'), 'https://w3id.org/ampere-kg/graph/facts'), ...]
    """
    path = Path(path)
    if path.is_dir():
        folder = build_folder(path)
        facts = folder / FACTS_FILE
        if not facts.is_file():
            raise InputError(f"{path}: no graph.ttl in this folder (run `kg build` first)")
        files = [(facts, str(FACTS_GRAPH))]
        prov = folder / PROVENANCE_FILE
        if prov.is_file():
            files.append((prov, str(PROVENANCE_GRAPH)))
        return files
    if not path.is_file():
        raise InputError(f"{path}: no such graph file or build folder (run `kg build` first)")
    if path.suffix.lower() not in _FORMATS:
        raise InputError(f"{path}: unknown RDF file type (use .ttl, .nt, .nq, .trig or .rdf)")
    return [(path, str(FACTS_GRAPH))]


def _load_file(store: ox.Store, path: Path, graph: str) -> None:
    """Parse one RDF file into ``store``; a syntax error becomes an InputError naming the file."""
    fmt = _FORMATS[path.suffix.lower()]
    target = None if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG) else ox.NamedNode(graph)
    start = time.perf_counter()
    try:
        store.load(path=str(path), format=fmt, to_graph=target)
    except SyntaxError as err:
        raise InputError(f"{path}: RDF syntax error: {err}") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err}") from None
    log.info("read %s into Oxigraph in %.2f s", path, time.perf_counter() - start)


def _from_rdflib(graph: rdflib.Graph) -> ox.Store:
    """Copy an rdflib Graph or Dataset into a new in-memory store (shared if oxrdflib-backed)."""
    inner = getattr(graph.store, "_store", None)
    if isinstance(inner, ox.Store):
        return inner
    store = ox.Store()
    data = graph.serialize(format="nquads") if graph.context_aware else None
    if data is None:
        name = str(graph.identifier) if isinstance(graph.identifier, rdflib.URIRef) else str(FACTS_GRAPH)
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.NamedNode(name))
    else:
        store.load(data.encode("utf-8") if isinstance(data, str) else data,
                   format=ox.RdfFormat.N_QUADS)
    return store


def open_store(source: Source) -> ox.Store:
    """Return an Oxigraph store holding the graph in ``source``, with its lookup keys.

    Parameters
    ----------
    source : str, Path, rdflib.Graph or pyoxigraph.Store
        A build folder (its store, opened read-only; or its Turtle files loaded into memory if it
        has none), an RDF file, an rdflib Graph/Dataset (copied into memory), or a store
        (returned as is; its lookup graph is added if it has none).

    Examples
    --------
    >>> store = open_store("build")
    >>> len(store) > 0
    True
    """
    if isinstance(source, (str, Path)) and (folder := store_folder(Path(source))) is not None:
        return open_read_only(folder)
    if isinstance(source, ox.Store):
        store = source
    elif isinstance(source, rdflib.Graph):
        store = _from_rdflib(source)
    else:
        store = ox.Store()
        for path, graph in graph_files(Path(source)):
            _load_file(store, path, graph)
    _add_keys(store)
    return store


def _add_keys(store: ox.Store) -> None:
    """Give a store its lookup graph if it has none; a read-only one without it stays as it is."""
    try:
        add_store_keys(store)
    except (RuntimeError, OSError):  # read-only: name look-ups then find nothing, nothing breaks
        pass


def open_rdflib(source: Source) -> rdflib.Dataset:
    """Return ``source`` as a new in-memory rdflib Dataset whose default graph is the union of its
    graphs, with the lookup graph (a Dataset given is copied, not changed).

    Examples
    --------
    >>> ds = open_rdflib("build")
    >>> len(ds.graph(FACTS_GRAPH)) > 0
    True
    """
    ds = _rdflib_dataset(source)
    lookup = ds.graph(LOOKUP_GRAPH)
    if len(lookup) == 0:
        for triple in list(dataset_key_triples(ds)):
            lookup.add(triple)
    return ds


def _rdflib_dataset(source: Source) -> rdflib.Dataset:
    """``source`` as a new in-memory rdflib Dataset."""
    ds = rdflib.Dataset(default_union=True)
    if isinstance(source, rdflib.Graph):
        quads: Iterable[tuple[Any, Any, Any, Any]] = (
            source.quads((None, None, None, None)) if isinstance(source, rdflib.ConjunctiveGraph)
            else ((s, p, o, FACTS_GRAPH) for s, p, o in source))
        graphs: dict[rdflib.URIRef, rdflib.Graph] = {}
        for s, p, o, g in quads:
            name = _graph_id(g)
            target = graphs[name] if name in graphs else graphs.setdefault(name, ds.graph(name))
            target.add((s, p, o))
        return ds
    if isinstance(source, ox.Store):
        data = source.dump(format=ox.RdfFormat.N_QUADS) or b""
        ds.parse(data=data.decode("utf-8"), format="nquads")
        return ds
    for path, graph in graph_files(Path(source)):
        fmt = _RDFLIB_FORMATS[path.suffix.lower()]
        target = ds if fmt in ("nquads", "trig") else ds.graph(rdflib.URIRef(graph))
        start = time.perf_counter()
        try:
            target.parse(path, format=fmt)
        except Exception as err:  # rdflib parsers raise many types
            raise InputError(f"{path}: RDF syntax error: {err}") from None
        log.info("read %s into rdflib in %.2f s", path, time.perf_counter() - start)
    return ds


def _graph_id(context: object) -> rdflib.URIRef:
    """The IRI of a quad's graph (contexts may come as Graph objects or identifiers)."""
    ident = getattr(context, "identifier", context)
    return ident if isinstance(ident, rdflib.URIRef) else FACTS_GRAPH
