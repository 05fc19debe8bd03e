"""The SHACL shapes (``shapes.ttl``), pyshacl's violations of them, and the error that lists them.

A violation fails the build with the list of violations (focus node, path, message), so a
rule that produces ill-typed facts is caught before anything is written (the build validates
by SPARQL on its store, ``kg.rdf.largegraph``, and uses pyshacl only for shapes that cannot be
translated).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.errors import InputError, ValidationError
from kg.ontology import default_file, parse_rdf_file

MAX_LISTED = 20


@lru_cache(maxsize=4)
def load_shapes(path: Path | None = None) -> Graph:
    """Parse the shapes file (the project's ``shapes.ttl`` by default)."""
    path = Path(path) if path else default_file("shapes.ttl")
    g = parse_rdf_file(path, "SHACL shapes")
    if not any(g.subjects(RDF.type, SH.NodeShape)) and not any(g.subjects(RDF.type, SH.PropertyShape)):
        raise InputError(f"{path}: no SHACL shapes (sh:NodeShape) found")
    return g


def violations(data: Graph, shapes: Graph) -> list[str]:
    """One readable line per violation (empty when the graph conforms).

    ``data`` may be a Dataset: pyshacl then validates each named graph on its own.
    """
    import pyshacl

    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                           advanced=False, allow_warnings=True)
    if conforms:
        return []
    lines = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        lines.append(f"{focus} {path or ''}: {message}")
    return sorted(lines)


def raise_violations(found: list[str]) -> None:
    """Raise ValidationError listing ``found`` (one line per violation), if it is not empty."""
    if found:
        shown = "\n  ".join(found[:MAX_LISTED])
        more = f"\n  ... and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
        raise ValidationError(f"the graph violates {len(found)} SHACL constraint(s):\n  {shown}{more}")
