"""ampere-kg: turn text documents into an RDF knowledge graph with sentence-level provenance.

The public Python API mirrors the ``kg`` command line:

>>> import kg
>>> ds = kg.build("seeds", "build")
>>> ds = kg.load("build")

Names are imported lazily so that ``import kg`` stays fast.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_API = {
    "build": "kg.builder",
    "load": "kg.rdf.graph",
    "KgError": "kg.errors",
    "InputError": "kg.errors",
    "KgWarning": "kg.errors",
    "query": "kg.sparql.query",
    "show": "kg.viz",
    "to_networkx": "kg.analytics",
    "evaluate": "kg.evaluation.runner",
}

__all__ = sorted(_API)


def __dir__() -> list[str]:
    """The module's names with the lazy ones, so tab completion (IPython, Jupyter) offers them."""
    return sorted(set(globals()) | set(_API))


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
