"""The files of a build folder, where the build in place is, and its store opened read-only, without
rdflib (so that ``kg query`` starts fast; ``kg.rdf.graph``, ``kg.outdir`` and ``kg.sparql.store``
use these).
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError

FACTS_FILE = "graph.ttl"
PROVENANCE_FILE = "provenance.ttl"
HTML_FILE = "graph.html"
STORE_DIR = "store"  # the build's Oxigraph store, a folder beside the files (see kg.sparql.store)
STORE_MARK = "CURRENT"  # the file every RocksDB folder has, and only a finished one
CURRENT_LINK = "current"  # <out>/current -> the folder of the build in place (see kg.outdir)

log = logging.getLogger(__name__)


def build_folder(out: Path) -> Path:
    """The folder that holds the files of the build in folder ``out``: where ``out/current`` links
    to (see ``kg.outdir``), read once, so that files taken from it belong to one build even if
    another build is switched in meanwhile; ``out`` itself when there is no such link.

    >>> build_folder(Path("build"))
    PosixPath('build/.builds/...')
    """
    try:
        return out / os.readlink(out / CURRENT_LINK)
    except OSError:
        return out


def store_folder(path: Path) -> Path | None:
    """The store of the build in folder ``path`` (of the build in place, like
    ``kg.sparql.store.graph_files``), or None: ``path`` is a file, or a build of an older version
    without a store.

    >>> store_folder(Path("build"))
    PosixPath('build/.builds/.../store')
    """
    path = Path(path)
    if not path.is_dir():
        return None
    folder = build_folder(path) / STORE_DIR
    return folder if (folder / STORE_MARK).is_file() else None


def open_read_only(folder: Path) -> ox.Store:
    """Open a build's store read-only; several processes may do so at once. A store in place is
    never written again (a build writes a new one and switches), so no writer can race them."""
    start = time.perf_counter()
    try:
        store = ox.Store.read_only(str(folder))
    except OSError as err:
        raise InputError(f"{folder}: cannot open the graph store: {err}") from None
    log.info("read %s (the build's store, read-only) in %.2f s", folder, time.perf_counter() - start)
    return store
