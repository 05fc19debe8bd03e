"""The incremental build cache: per document, its extraction result in ``<out>/.cache/`` and its
assembled share of the graph in ``<out>/.cache/lines/`` (see ``kg.rdf.assembly``).

Entries are data, never code: gzip-compressed JSON or text in the formats of ``kg.cachefmt``
(no pickle), so a crafted file in the output folder cannot run anything. An entry that does not
decode (corrupt, foreign, from another format) is treated as missing, rebuilt and reported.

An entry's key is a hash of the extractor version and the document's identity (its path relative
to the seeds folder, its bytes and its metadata sidecar's bytes). The extractor version is a hash
of the source of the extraction modules, the language data, the reference data, the ontology
and the versions of the NLP libraries, so editing a rule, a lexicon or the code invalidates
every entry. New entries are staged in temporary files and renamed into place only when the
build succeeds; entries no document uses any more are deleted then, so a deleted document leaves
nothing behind.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import zlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from kg.outdir import is_real_folder, remove_path

PACKAGE_DIR = Path(__file__).resolve().parent
CACHE_DIR = ".cache"
PARTS = ("lines",)  # subfolders of CACHE_DIR that hold other kinds of entry
FORMAT = "kg-cache-3"
KEY_LENGTH = 64  # hex SHA-256
GZIP_LEVEL = 6  # zlib's default: entries are small, a tenth of the size of their N-Triples
MAX_ENTRY_BYTES = 1 << 31  # a decompression bomb is refused, not inflated
# modules whose code decides what a document's extraction result is
ASSEMBLY_MODULES = ("rdf/triples.py", "rdf/assembly.py", "rdf/graph.py", "namespaces.py", "prefixes.py",
                    "reference.py")
EXTRACTION_MODULES = ("extract",  # the whole extractor package, its subpackages (mentions/) included
                      "iri.py", "reference.py", "ontology.py", "parallel.py",
                      "cache.py", "cachefmt.py", "timeterms.py")
DATA_FOLDERS = ("lang", "data")
LIBRARIES = ("simplemma", "lemmagen3", "reldi-tokeniser", "pycountry", "rdflib")


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def extractor_version(ontology_file: Path) -> str:
    """A hash of everything that decides what extraction produces (code, data, ontology, libraries).

    >>> len(extractor_version(Path("ontology.ttl")))
    64
    """
    h = hashlib.sha256(FORMAT.encode())
    files: list[Path] = []
    for m in EXTRACTION_MODULES:  # a module, or a package folder ("extract") with its subfolders
        path = PACKAGE_DIR / m
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
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


@dataclass(frozen=True)
class Codec:
    """How one kind of entry is stored: file suffix, and bytes to value and back (data only)."""

    suffix: str
    encode: Callable[[str, Any], bytes]
    decode: Callable[[str, bytes], Any]  # raises ValueError for anything but a valid entry
    header: Callable[[str], bytes] | None = None  # how a valid entry for a key starts, if known


class Cache:
    """Per-document results under ``<out>/.cache/`` (or its ``part`` subfolder), one gzip file per
    entry in ``codec``'s data-only format; writes are staged and only renamed into place by
    ``commit``. An unreadable entry is treated as missing and noted in ``problems``.

    >>> from kg.cachefmt import EXTRACTED
    >>> cache = Cache(Path("build"), "v1", EXTRACTED)
    >>> cache.get("ab12" * 16) is None
    True
    """

    def __init__(self, out_dir: Path, version: str, codec: Codec, enabled: bool = True, part: str = "") -> None:
        self.folder = Path(out_dir) / CACHE_DIR / part if part else Path(out_dir) / CACHE_DIR
        self.part = part
        self.version = version
        self.codec = codec
        self.enabled = enabled
        self.pending: dict[str, Any] = {}
        self.staged: dict[str, Path] = {}
        self.used: set[str] = set()
        self.hits = 0
        self.unreadable: list[str] = []  # "name: reason" of entries that were ignored
        self.stamps: dict[str, list[int]] = {}  # key -> stamp of an entry read, checked or staged
        self.foreign: list[str] = []  # names of files removed by ``commit`` that are no entries

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}{self.codec.suffix}"

    def get(self, key: str) -> Any | None:
        """The cached result for ``key``, or None (also when disabled, missing or unreadable)."""
        self.used.add(key)
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None  # no entry yet
        try:
            value = self.codec.decode(key, _gunzip(data))
        except (ValueError, RecursionError, MemoryError) as err:
            self.unreadable.append(f"{path.name}: {str(err) or type(err).__name__}")
            return None
        self.hits += 1
        with suppress(OSError):
            self.stamps[key] = stamp(os.stat(path))
        return value

    def reuse(self, keys: list[str], known: dict[str, list[int]] | None = None) -> list[str]:
        """Keep the entries of ``keys`` at commit without decoding them (the build knows what it
        needs of them from its state, ``kg.rdf.docstate``). An entry whose stamp (``stamp``) is
        the one ``known`` for it (as a previous build left it) is kept as it is; any other is
        checked to start as one of its key does, reading and inflating only its first bytes
        (opening 10,000 entries for that cost 0.6 s at load 5); a damaged end is found by
        ``get`` when the entry is read. The keys of those that fail are returned, for ``get`` to
        rebuild and report; the stamps of the others go to ``stamps``."""
        known = known or {}
        bad = []
        for key in keys:
            path = self._path(key)
            try:
                found = stamp(os.stat(path))
            except OSError:
                bad.append(key)
                continue
            if known.get(key) != found:
                header = self.codec.header(key) if self.codec.header is not None else None
                if header is None or _gunzip_head(path, len(header)) != header:
                    bad.append(key)
                    continue
            self.stamps[key] = found
        self.used |= set(keys) - set(bad)
        return bad

    def put(self, key: str, value: Any) -> None:
        """Remember a new or updated result; it is written by ``stage``/``commit``."""
        self.used.add(key)
        self.pending[key] = value

    def stage(self, key: str | None = None) -> None:
        """Write pending entries (or just ``key``) to temporary files, so memory can be freed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for k in sorted(self.pending) if key is None else [key]:
            data = gzip.compress(self.codec.encode(k, self.pending.pop(k)), compresslevel=GZIP_LEVEL, mtime=0)
            fd, tmp = tempfile.mkstemp(prefix=f".{k}.", suffix=".tmp", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                self.stamps[k] = stamp(os.fstat(fd))  # commit renames it: the stamp stays
            old = self.staged.get(k)
            # mkstemp answers an absolute path; commit() compares it with folder.iterdir()
            self.staged[k] = self.folder / Path(tmp).name
            if old is not None:
                old.unlink(missing_ok=True)

    def commit(self) -> None:
        """Move staged entries into place and delete every other file: entries no current
        document uses, temporary files of a killed build, and anything that is no entry (an old
        pickle cache, foreign files), which is removed unread and listed in ``foreign``."""
        self.stage()
        keep = {p.name for p in self.staged.values()}
        with os.scandir(self.folder) as found:  # names and types only: no stat per entry
            entries = sorted(found, key=lambda e: e.name)
        for entry in entries:
            name = entry.name
            if name in keep or (not self.part and name in PARTS and is_real_folder(Path(entry.path))):
                continue
            key = name[:-len(self.codec.suffix)] if name.endswith(self.codec.suffix) else ""
            if len(key) == KEY_LENGTH and key in self.used and key not in self.staged and entry.is_file():
                continue  # an entry this build read
            if len(key) != KEY_LENGTH and not (name.startswith(".") and name.endswith(".tmp")):
                self.foreign.append(name)
            remove_path(Path(entry.path))
        for key, tmp in sorted(self.staged.items()):
            os.replace(tmp, self._path(key))
        self.staged.clear()

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

    def problems(self) -> list[str]:
        """One line per kind of problem met, for a warning: unreadable entries, foreign files."""
        found = []
        if self.unreadable:
            found.append(f"{self.folder}: ignored {len(self.unreadable)} unreadable cache "
                         f"{_plural(len(self.unreadable), 'entry', 'entries')} and rebuilt "
                         f"{_plural(len(self.unreadable), 'it', 'them')} ({self.unreadable[0]}"
                         f"{', ...' if len(self.unreadable) > 1 else ''})")
        if self.foreign:
            found.append(f"{self.folder}: removed {len(self.foreign)} "
                         f"{_plural(len(self.foreign), 'file that is', 'files that are')} not a cache entry, "
                         f"without reading {_plural(len(self.foreign), 'it', 'them')} ({self.foreign[0]}"
                         f"{', ...' if len(self.foreign) > 1 else ''})")
        return found




def _plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def stamp(st: os.stat_result) -> list[int]:
    """What tells an entry from a changed one without reading it: size, mtime and inode (which a
    rename keeps; an entry is only ever replaced whole, by a new file)."""
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _gunzip_head(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of the gzip file ``path`` inflated (fewer if it is shorter or
    not gzip data; empty if unreadable), reading only its first few KiB."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(4096)
        return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(data, size)
    except (OSError, zlib.error):
        return b""


def _gunzip(data: bytes) -> bytes:
    """The content of one gzip member; ValueError if it is not one or would exceed the limit."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_ENTRY_BYTES)
    except zlib.error:
        raise ValueError("not gzip data") from None
    if inflater.unconsumed_tail:
        raise ValueError(f"larger than {MAX_ENTRY_BYTES >> 20} MiB uncompressed")
    if not inflater.eof or inflater.unused_data:
        raise ValueError("truncated or trailing data after the gzip stream")
    return out


def assembly_version() -> str:
    """A hash of the code that turns an extracted document into triples (``kg.rdf.triples`` & co)."""
    h = hashlib.sha256(FORMAT.encode())
    for m in ASSEMBLY_MODULES:
        h.update(m.encode() + b"\0" + (PACKAGE_DIR / m).read_bytes() + b"\0")
    return h.hexdigest()
