"""Export the entity graph for other tools: GraphML and GEXF (Gephi, Cytoscape), JSON-LD and
N-Triples (any RDF tool), CSV (spreadsheets: ``nodes.csv`` and ``edges.csv``).

Graph formats are written from :func:`to_networkx` with list attributes joined by ``" | "``; RDF
formats hold the facts-graph triples of the exported entities (their types, labels, literal facts
and value nodes) and of the exported relations. Every file is written to a temporary file in the
target folder and renamed into place, and the output is byte-identical for the same graph.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.errors import InputError
from kg.namespaces import PREFIXES, SCHEMA, bind_prefixes
from kg.rdf.graph import file_mode

from .convert import VALUE_TYPES, entity_nodes, to_networkx
from .source import GraphInput, open_source

FORMATS = {"graphml": "graph.graphml", "gexf": "graph.gexf", "jsonld": "graph.jsonld",
           "nt": "graph.nt", "csv": None}
JOIN = " | "


def export(graph: GraphInput, fmt: str, out: str | Path, *, classes: Iterable[str] | None = None,
           predicates: Iterable[str] | None = None, history: bool = False) -> list[Path]:
    """Write the entity graph in ``fmt`` to ``out``; return the files written.

    Parameters
    ----------
    graph : rdflib.Dataset, rdflib.Graph or build folder
    fmt : {"graphml", "gexf", "jsonld", "nt", "csv"}
    out : str or Path
        A file path (any name with an extension that is not an existing folder), or a folder
        (created if missing) to write ``graph.<ext>`` into; for ``csv`` always a folder
        (``nodes.csv``, ``edges.csv``).
    classes, predicates : iterable of str, optional
        Restrict the export as in :func:`to_networkx`.
    history : bool
        Every statement of every document (by default the current view, as :func:`to_networkx`).

    Examples
    --------
    >>> from kg.analytics import export
    >>> export("build", "graphml", "export")
    [PosixPath('export/graph.graphml')]
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    out = Path(out)
    src = open_source(graph)
    G = to_networkx(src, classes=classes, predicates=predicates, history=history)
    if fmt == "csv":
        return _write_all([(out / "nodes.csv", nodes_csv(G)), (out / "edges.csv", edges_csv(G))])
    name = FORMATS[fmt]
    assert name is not None  # only csv writes more than one file
    target = out if out.suffix and not out.is_dir() else out / name
    if fmt in ("graphml", "gexf"):
        return _write_all([(target, graphml(G) if fmt == "graphml" else gexf(G))])
    triples = rdf_subset(src.facts, G)
    return _write_all([(target, ntriples(triples) if fmt == "nt" else jsonld(triples))])


def flat(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only (lists joined by ``" | "``, no graph-level data)."""
    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **{k: _scalar(x) for k, x in data.items()})
    return H


def _scalar(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return JOIN.join(str(v) for v in value)
    return value


def graphml(G: nx.MultiDiGraph) -> str:
    """GraphML text (for Gephi, Cytoscape, yEd)."""
    return "\n".join(nx.generate_graphml(_safe_keys(flat(G)))) + "\n"


def gexf(G: nx.MultiDiGraph) -> str:
    """GEXF 1.2 text (for Gephi), without the writer's date so the output is reproducible."""
    H = _safe_keys(flat(G))
    for node, data in H.nodes(data=True):
        data.setdefault("label", node)
    text = "\n".join(nx.generate_gexf(H)) + "\n"
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)


def _safe_keys(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Rename attributes like ``schema:foundingDate`` to XML-friendly ``schema_foundingDate``."""
    H = nx.MultiDiGraph()
    for node, data in G.nodes(data=True):
        H.add_node(node, **_xml_names(data))
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **_xml_names(data))
    return H


def _xml_names(data: dict[str, Any]) -> dict[str, Any]:
    return {re.sub(r"[^\w.-]", "_", key): value for key, value in data.items()}


def nodes_csv(G: nx.MultiDiGraph) -> str:
    """One row per entity: ``id``, ``label``, ``label_en``, ``class``, then every other attribute."""
    first = ["label", "label_en", "class", "classes", "labels"]
    keys = first + sorted({k for _, d in G.nodes(data=True) for k in d} - set(first))
    rows = ([node] + [_scalar(data.get(k, "")) for k in keys] for node, data in G.nodes(data=True))
    return _csv(["id"] + keys, rows)


def edges_csv(G: nx.MultiDiGraph) -> str:
    """One row per relation: source and target IRIs and labels, predicate, label, sentences."""
    header = ["source", "source_label", "predicate", "label", "target", "target_label", "sentences", "sources"]
    rows = ([u, G.nodes[u]["label"], d["predicate"], d["label"], v, G.nodes[v]["label"],
             _scalar(d.get("sentences", [])), _scalar(d.get("sources", []))]
            for u, v, d in G.edges(data=True))
    return _csv(header, rows)


def _csv(header: list[str], rows: Iterable[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def rdf_subset(facts: Graph, G: nx.MultiDiGraph) -> list[tuple]:
    """The facts triples behind ``G``: its entities' own triples, their value nodes, its relations."""
    every_entity = entity_nodes(facts)
    edges = {(URIRef(u), URIRef(d["predicate"]), URIRef(v)) for u, v, d in G.edges(data=True)}
    kept: set[tuple] = set(edges)
    for s in (URIRef(n) for n in G):
        for p, o in facts.predicate_objects(s):
            if o in every_entity:
                continue  # a relation: kept only if it is an edge of G
            kept.add((s, p, o))
            if set(facts.objects(o, RDF.type)) & VALUE_TYPES:
                kept.update((o, p2, o2) for p2, o2 in facts.predicate_objects(o))
        for quote in facts.subjects(SCHEMA.creator, s):
            if set(facts.objects(quote, RDF.type)) & VALUE_TYPES:
                kept.update((quote, p2, o2) for p2, o2 in facts.predicate_objects(quote))
    return sorted(kept, key=lambda t: tuple(x.n3() for x in t))


def ntriples(triples: list[tuple]) -> str:
    """Sorted N-Triples lines (canonical enough to diff)."""
    return "".join(sorted(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples))


def jsonld(triples: list[tuple]) -> str:
    """JSON-LD with the project prefixes as context, one object per subject, keys sorted."""
    g = bind_prefixes(Graph())
    for triple in triples:
        g.add(triple)
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda item: item.get("@id", ""))
        for item in data["@graph"]:
            for value in item.values():
                if isinstance(value, list):
                    value.sort(key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _write_all(files: list[tuple[Path, str]]) -> list[Path]:
    """Write every file to a temporary file in its folder first, then rename them all into place."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.chmod(tmp, file_mode())  # mkstemp makes 0600; give the usual permissions
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as err:
        raise InputError(f"{err.filename or files[0][0]}: cannot write the export: {err.strerror}") from None
    finally:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
    return [path for path, _ in files]
