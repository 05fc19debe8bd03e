"""Open the knowledge graph as a pyoxigraph (Oxigraph) store, the engine behind ``kg query`` and
``kg serve``. A build folder becomes two named graphs (``graph.ttl`` -> FACTS_GRAPH,
``provenance.ttl`` -> PROVENANCE_GRAPH); a single RDF file, an rdflib Graph or Dataset (also one
backed by oxrdflib) or an existing store are accepted too. :func:`open_rdflib` gives the same data
as an rdflib Dataset, for the rdflib engine that the tests compare against.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from kg.errors import InputError
from kg.rdf.graph import FACTS_FILE, PROVENANCE_FILE, build_folder
from kg.namespaces import FACTS_GRAPH, PROVENANCE_GRAPH

Source = str | Path | rdflib.Graph | ox.Store

log = logging.getLogger(__name__)
_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
            ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG, ".rdf": ox.RdfFormat.RDF_XML,
            ".owl": ox.RdfFormat.RDF_XML}
_RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
                   ".rdf": "xml", ".owl": "xml"}


def graph_files(path: Path) -> list[tuple[Path, str]]:
    """The RDF files behind ``path`` with the graph IRI each belongs in.

    A build folder gives ``graph.ttl`` (facts) and, if present, ``provenance.ttl``, both of the
    build in place (``kg.rdf.graph.build_folder``), so they never come from two builds; a file gives
    itself, in the facts graph. Raises :class:`InputError` if there is nothing to read.

    Examples
    --------
    >>> graph_files(Path("build"))                      # doctest: +SKIP
    [(PosixPath('build/graph.ttl'), 'https://w3id.org/ampere-kg/graph/facts'), ...]
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
    """Return an in-memory Oxigraph store holding the graph in ``source``.

    Parameters
    ----------
    source : str, Path, rdflib.Graph or pyoxigraph.Store
        A build folder, an RDF file, an rdflib Graph/Dataset, or a store (returned as is).

    Examples
    --------
    >>> store = open_store("build")                     # doctest: +SKIP
    >>> len(store) > 0                                  # doctest: +SKIP
    True
    """
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, rdflib.Graph):
        return _from_rdflib(source)
    store = ox.Store()
    for path, graph in graph_files(Path(source)):
        _load_file(store, path, graph)
    return store


def open_rdflib(source: Source) -> rdflib.Dataset:
    """Return ``source`` as an rdflib Dataset whose default graph is the union of its graphs.

    Examples
    --------
    >>> ds = open_rdflib("build")                       # doctest: +SKIP
    """
    if isinstance(source, rdflib.Dataset):  # same store, but the default graph is the union
        return source if source.default_union else rdflib.Dataset(store=source.store,
                                                                  default_union=True)
    ds = rdflib.Dataset(default_union=True)
    if isinstance(source, rdflib.Graph):
        for quad in source.quads((None, None, None, None)) if source.context_aware else (
                (s, p, o, FACTS_GRAPH) for s, p, o in source):
            ds.add((quad[0], quad[1], quad[2], _graph_id(quad[3])))
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
