"""The incremental build cache: per document, a pickled extraction result in ``<out>/.cache/``
and its assembled share of the graph in ``<out>/.cache/lines/`` (see ``kg.assembly``).

An entry's key is a hash of the extractor version and the document's identity (its path relative
to the seeds folder, its bytes and its metadata sidecar's bytes). The extractor version is a hash
of the source of the extraction modules, the language data, the reference data, the ontology
and the versions of the NLP libraries, so editing a rule, a lexicon or the code invalidates
every entry. New entries are staged in temporary files and renamed into place only when the
build succeeds; entries no document uses any more are deleted then, so a deleted document leaves
nothing behind.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
CACHE_DIR = ".cache"
FORMAT = "kg-cache-1"
# modules whose code decides what a document's extraction result is
ASSEMBLY_MODULES = ("triples.py", "assembly.py", "graph.py", "namespaces.py", "reference.py")
EXTRACTION_MODULES = ("document.py", "documents.py", "metadata.py", "segment.py", "lemmatize.py",
                      "mentions", "link.py", "relations.py", "matcher.py", "quotes.py", "entities.py", "iri.py",
                      "reference.py", "pipeline.py", "textview.py", "ontology.py", "parallel.py", "cache.py")
DATA_FOLDERS = ("lang", "data")
LIBRARIES = ("simplemma", "lemmagen3", "reldi-tokeniser", "pycountry", "rdflib")


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def extractor_version(ontology_file: Path) -> str:
    """A hash of everything that decides what extraction produces (code, data, ontology, libraries).

    >>> len(extractor_version(Path("ontology.ttl")))       # doctest: +SKIP
    64
    """
    h = hashlib.sha256(FORMAT.encode())
    files: list[Path] = []
    for m in EXTRACTION_MODULES:  # a module, or a package folder ("mentions")
        path = PACKAGE_DIR / m
        files += sorted(path.glob("*.py")) if path.is_dir() else [path]
    for folder in DATA_FOLDERS:
        files += sorted(p for p in (PACKAGE_DIR / folder).rglob("*")
                        if p.is_file() and "__pycache__" not in p.parts)
    files.append(Path(ontology_file))
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    for lib in LIBRARIES:
        h.update(f"{lib}={_library_version(lib)}\0".encode())
    return h.hexdigest()


def document_key(version: str, relative: str, path: Path, meta_path: Path | None) -> str:
    """The cache key of one document: extractor version + relative path + file and sidecar bytes
    (``meta_path`` is None when there is no sidecar to read)."""
    h = hashlib.sha256(version.encode() + b"\0" + relative.encode("utf-8") + b"\0")
    h.update(path.read_bytes())
    h.update(b"\0" + (meta_path.read_bytes() if meta_path is not None else b"-"))
    return h.hexdigest()


class Cache:
    """Per-document results under ``<out>/.cache/`` (or its ``part`` subfolder); writes are
    staged and only renamed into place by ``commit``.

    >>> cache = Cache(Path("build"), "v1")                 # doctest: +SKIP
    >>> cache.get("ab12...") is None                       # doctest: +SKIP
    True
    """

    def __init__(self, out_dir: Path, version: str, enabled: bool = True, part: str = "") -> None:
        self.folder = Path(out_dir) / CACHE_DIR / part if part else Path(out_dir) / CACHE_DIR
        self.version = version
        self.enabled = enabled
        self.pending: dict[str, Any] = {}
        self.staged: dict[str, Path] = {}
        self.used: set[str] = set()
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.pkl"

    def get(self, key: str) -> Any | None:
        """The cached result for ``key``, or None (also when disabled or unreadable)."""
        self.used.add(key)
        if not self.enabled:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                value = pickle.load(fh)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        """Remember a new or updated result; it is written by ``stage``/``commit``."""
        self.used.add(key)
        self.pending[key] = value

    def stage(self, key: str | None = None) -> None:
        """Write pending entries (or just ``key``) to temporary files, so memory can be freed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for k in sorted(self.pending) if key is None else [key]:
            fd, tmp = tempfile.mkstemp(prefix=f".{k}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(self.pending.pop(k), fh, protocol=pickle.HIGHEST_PROTOCOL)
            old = self.staged.get(k)
            self.staged[k] = Path(tmp)
            if old is not None:
                old.unlink(missing_ok=True)

    def commit(self) -> None:
        """Move staged entries into place and delete entries no current document uses."""
        self.stage()
        for key, tmp in sorted(self.staged.items()):
            os.replace(tmp, self._path(key))
        self.staged.clear()
        for entry in self.folder.glob(".*.tmp"):  # left by a build that was killed
            entry.unlink(missing_ok=True)
        for entry in self.folder.glob("*.pkl"):
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)

    def discard(self) -> None:
        """Forget pending entries and delete staged ones (the build failed)."""
        self.pending.clear()
        for tmp in self.staged.values():
            tmp.unlink(missing_ok=True)
        self.staged.clear()
        try:
            self.folder.rmdir()  # only if this build created it and left nothing
        except OSError:
            pass


def assembly_version() -> str:
    """A hash of the code that turns an extracted document into triples (``kg.triples`` & co)."""
    h = hashlib.sha256(FORMAT.encode())
    for m in ASSEMBLY_MODULES:
        h.update(m.encode() + b"\0" + (PACKAGE_DIR / m).read_bytes() + b"\0")
    return h.hexdigest()
