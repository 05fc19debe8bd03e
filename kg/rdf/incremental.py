"""Incremental rebuilds: the previous build, changed by the shares of the documents that changed.

A build's graph is the union of per-document shares (``kg.rdf.assembly``). Every build keeps,
beside its files, what the next one needs to change it in place (``State``, a folder of plain
data files): each document's cache key and the lines key of its share, the reference data's
share, the number of triples, and for each line in two shares or more, how many (``Counts``; a
line of one share only counts one). It is laid out so that a rebuild reads and parses only the
parts it needs (parsing and writing it whole as 45 MB of JSON took 2.4 s, profiled, of a
10,000-document rebuild).
A build whose documents differ from the previous one in a few places then:

1. finds the shares that changed: of added, removed and changed documents, and of documents
   naming a merged entity that changed (their lines key differs);
2. counts, per line, new shares minus old ones (old shares come from the lines cache): a line
   whose count falls to 0 leaves the graph, one whose count rises from 0 enters it;
3. copies the previous store by hard links (``Store.backup``: RocksDB never rewrites a file)
   into the staging folder and applies the change there, with the lookup keys of changed names;
4. writes each Turtle file by copying the previous one and rewriting only the blocks of the
   subjects whose triples changed: Oxigraph writes one block per subject, in the order of the
   sorted lines, whose text depends on that subject's triples only, so the bytes are those of a
   full build (tested against ``--full``);
5. validates the focus nodes of the change, in a small store of what their checks read
   (``validate_change``).

Whatever it cannot do this way (no state, another version, a share missing from the cache, a
large document, most documents changed) raises ``NotIncremental``, and the build is a full one.
"""
from __future__ import annotations

import json
import mmap
import os
import shutil
import sys
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph

from kg.extract.document import Entity
from kg.namespaces import FACTS_GRAPH, LOOKUP_GRAPH, PROVENANCE_GRAPH
from kg.rdf.docstate import Stamp, Summary, decode_entities, encode_entities
from kg.rdf.graph import TURTLE_PREFIXES
from kg.rdf.shacl_sparql import Check, ShapeChecks, compile_shapes, sparql_violations
from kg.sparql.lookup import LABEL_PROPERTIES, LOOKUP_KEY, _key_pairs

STATE_DIR = "incremental"
FORMAT = "kg-incremental-3"
HEAD, FILES, DOCS, ENTRIES = "head.json", "files.json", "docs.tsv", "entries.json"
COUNTS = ("multi-facts.tsv", "multi-provenance.tsv")  # per graph: lines in two shares or more
GRAPHS = (str(FACTS_GRAPH), str(PROVENANCE_GRAPH))  # index 0: facts, 1: provenance
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
MAX_CHANGED = 0.25  # of the shares: past this a full build is faster
Part = tuple[list[str], list[str]]


class NotIncremental(Exception):
    """The previous build cannot be changed in place; build in full."""


def _seek(data: bytes | mmap.mmap, key: bytes) -> int:
    r"""The offset of the first line of ``data`` (``key<TAB>value`` lines, sorted by key) whose
    key is ``key`` or after it; ``len(data)`` if none.

    >>> data = b"a\t2\nc d\t3\n"
    >>> _seek(data, b"a"), _seek(data, b"b"), _seek(data, b"c d"), _seek(data, b"z")
    (0, 4, 4, 10)
    """
    lo, hi = 0, len(data)  # lo: a line start, every line before it is before key; hi: a line start or the end
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", lo, mid) + 1 or lo
        end = data.find(b"\n", start)
        if data[start:data.rfind(b"\t", start, end)] < key:
            lo = end + 1
        else:
            hi = start
    return lo


class Counts:
    r"""Of one graph, each line held by two shares or more and by how many: a text file of
    ``line<TAB>count`` lines sorted by line, searched in place (a memory map, so reading it costs
    nothing: 164,000 provenance lines, 32 MB, at 10,000 documents), with the counts changed since
    kept aside until ``write`` merges them in.

    >>> import io
    >>> c = Counts(); c.set("<urn:b> <urn:p> 1", 2); c.set("<urn:a> <urn:p> 2", 3)
    >>> out = io.BytesIO(); c.write(out); out.getvalue()
    b'<urn:a> <urn:p> 2\t3\n<urn:b> <urn:p> 1\t2\n'
    >>> d = Counts(out.getvalue()); d.set("<urn:a> <urn:p> 2", 1); d.set("<urn:c> <urn:p> 3", 4)
    >>> d.get("<urn:b> <urn:p> 1"), d.get("<urn:a> <urn:p> 2"), d.get("<urn:x> <urn:p> 0")
    (2, 0, 0)
    >>> out = io.BytesIO(); d.write(out); out.getvalue()
    b'<urn:b> <urn:p> 1\t2\n<urn:c> <urn:p> 3\t4\n'
    """

    def __init__(self, data: bytes | mmap.mmap = b"", path: Path | None = None) -> None:
        if data and data[-1:] != b"\n":
            raise ValueError("a truncated file of counts")
        self.data = data
        self.path = path  # the file ``data`` maps, if any
        self.changes: dict[str, int] = {}  # line -> its count now (0 or 1: not kept)

    @classmethod
    def of(cls, counts: dict[str, int]) -> Counts:
        new = cls()
        new.changes.update(counts)
        return new

    @classmethod
    def open(cls, path: Path) -> Counts:
        with open(path, "rb") as fh:
            if os.fstat(fh.fileno()).st_size == 0:
                return cls()
            return cls(mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ), path)

    def _find(self, key: bytes) -> tuple[int, int, int]:
        """(start, end, count) of the line of ``key``; (start, start, 0) where it would go."""
        data = self.data
        start = _seek(data, key)
        end = data.find(b"\n", start) + 1
        tab = data.rfind(b"\t", start, end)
        if end and data[start:tab] == key:
            return start, end, int(data[tab + 1:end - 1])
        return start, start, 0

    def get(self, line: str) -> int:
        """How many shares hold ``line``, if two or more; else 0."""
        if line in self.changes:
            return self.changes[line]
        return self._find(line.encode("utf-8"))[2]

    def set(self, line: str, count: int) -> None:
        self.changes[line] = count if count > 1 else 0

    def write(self, out: IO[bytes]) -> None:
        """The counts with the changes merged in, as the file ``open`` reads."""
        with ExitStack() as stack:
            source = stack.enter_context(open(self.path, "rb")).fileno() if self.path is not None else None
            pos = 0
            for line in sorted(self.changes):  # str order is UTF-8 byte order
                key = line.encode("utf-8")
                start, end, _ = self._find(key)
                _copy(self.data, source, pos, start, out)
                if self.changes[line] > 1:
                    out.write(b"%b\t%d\n" % (key, self.changes[line]))
                pos = end
            _copy(self.data, source, pos, len(self.data), out)


@dataclass
class State:
    """What a build leaves for the next one to change it in place (see the module docstring),
    and what it knows of each document without reading it (``kg.rdf.docstate``). It is a folder
    (``STATE_DIR``) of plain data files: ``head.json`` (format, version, reference share, numbers
    of triples, merged entities, rule comments), ``files.json`` and ``entries.json`` (stamps of
    the documents and of their cache entries), ``docs.tsv`` (per document, sorted by
    key: ``key<TAB>lines key<TAB>summary JSON<TAB>entities JSON``, the entities parsed only for
    the documents naming a changed entity) and the ``Counts`` of each graph. A rebuild reads what
    it needs of it and writes the lines of unchanged documents back as they were read."""

    version: str
    docs: dict[str, str]  # document cache key -> lines key of its share
    reference: Part
    multi: tuple[Counts, Counts]  # per graph: line -> shares holding it, if over 1
    triples: tuple[int, int]
    files: dict[str, tuple[str, Stamp]] = field(default_factory=dict)  # relative path -> key, stamp
    summaries: dict[str, Summary] = field(default_factory=dict)  # document cache key -> summary
    entities: dict[str, Entity] = field(default_factory=dict)  # the merged entities
    comments: dict[str, str] = field(default_factory=dict)  # rule IRI -> comment, of the documents' languages
    entries: dict[str, list[int]] = field(default_factory=dict)  # document key -> stamp of its cache entry

    def write(self, folder: Path) -> None:
        """Write the state into the new folder ``folder``."""
        if self.docs.keys() != self.summaries.keys():
            raise ValueError("a state whose documents and summaries differ")
        folder.mkdir()
        files = sorted([rel, key, st] for rel, (key, st) in self.files.items())
        entries = sorted([key, *st] for key, st in self.entries.items() if key in self.docs)
        for name, data in ((FILES, files), (ENTRIES, entries)):
            with open(folder / name, "xb") as fh:
                fh.write(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        rows = []
        for key in sorted(self.docs):  # json.dumps escapes tabs and line breaks: they separate
            s = self.summaries[key]
            text = s.head_json or json.dumps(s.head(), ensure_ascii=False)
            rows.append(f"{key}\t{self.docs[key]}\t{text}\t{s.encoded_json}\n")
        with open(folder / DOCS, "xb") as fh:
            fh.write("".join(rows).encode("utf-8"))
        for counts, name in zip(self.multi, COUNTS, strict=True):
            with open(folder / name, "xb") as fh:
                counts.write(fh)
        head = {"format": FORMAT, "version": self.version,
                "sizes": {name: (folder / name).stat().st_size for name in (FILES, ENTRIES, DOCS, *COUNTS)},
                "reference": [sorted(set(self.reference[0])), sorted(set(self.reference[1]))],
                "triples": list(self.triples), "entities": encode_entities(dict(sorted(self.entities.items()))),
                "comments": sorted(self.comments.items())}
        with open(folder / HEAD, "xb") as fh:  # last: it tells the sizes of the others
            fh.write(json.dumps(head, ensure_ascii=False).encode("utf-8"))

    @classmethod
    def read(cls, folder: Path, version: str) -> State:
        """The state in ``folder``; NotIncremental if there is none, or of another version or
        layout (an older build's ``incremental.json.gz`` is not read: the build is a full one)."""
        try:
            head = json.loads((folder / HEAD).read_bytes())
            if head["format"] != FORMAT or head["version"] != version:
                raise NotIncremental("the previous build is of another version")
            for name, size in head["sizes"].items():  # a file cut short would count lines wrongly
                if (folder / name).stat().st_size != size:
                    raise ValueError(f"{name} is not the size written")
            text = (folder / DOCS).read_bytes().decode("utf-8")
            if text and not text.endswith("\n"):
                raise ValueError("a truncated list of documents")
            rows = [line.split("\t") for line in text.split("\n")[:-1]]
            heads = json.loads("[" + ",".join(row[2] for row in rows) + "]")
            summaries = {row[0]: Summary.from_json(h, row[3], row[2]) for row, h in zip(rows, heads, strict=True)}
            return cls(version, {row[0]: row[1] for row in rows}, (head["reference"][0], head["reference"][1]),
                       (Counts.open(folder / COUNTS[0]), Counts.open(folder / COUNTS[1])),
                       (head["triples"][0], head["triples"][1]),
                       {rel: (key, st) for rel, key, st in json.loads((folder / FILES).read_bytes())},
                       summaries, decode_entities(head["entities"]), {str(k): str(v) for k, v in head["comments"]},
                       {row[0]: row[1:] for row in json.loads((folder / ENTRIES).read_bytes())})
        except (OSError, ValueError, KeyError, TypeError, IndexError) as err:
            raise NotIncremental(f"no usable state of the previous build ({err})") from None


def changed_keys(state: State, keys: dict[str, str]) -> tuple[list[str], list[str]]:
    """The document keys whose share left (removed or changed) and came (added or changed).

    >>> s = State("v", {"a": "1", "b": "1"}, ([], []), (Counts(), Counts()), (0, 0))
    >>> changed_keys(s, {"a": "1", "b": "2", "c": "1"})
    (['b'], ['b', 'c'])
    """
    gone = [k for k, lk in state.docs.items() if keys.get(k) != lk]
    came = [k for k, lk in keys.items() if state.docs.get(k) != lk]
    if len(gone) + len(came) > MAX_CHANGED * max(len(keys), 1) and len(keys) > 8:
        raise NotIncremental(f"{len(came)} of {len(keys)} shares changed")
    return gone, came


def subject(line: str) -> str:
    """The subject of an N-Triples line (IRIs and blank nodes have no space)."""
    return line[:line.index(" ")]


class Blocks:
    """The subject blocks of a Turtle file written by Oxigraph from sorted lines: each starts at a
    line that does not start with a tab, in the order of the subjects' N-Triples text."""

    def __init__(self, data: bytes | mmap.mmap, source: int | None = None) -> None:
        self.data = data
        self.source = source  # the file descriptor of the file ``data`` maps, if any
        pos = 0
        while data[pos:pos + 7] == b"@prefix":
            pos = data.find(b"\n", pos) + 1 or len(data)
        self.start, self.end = pos, len(data)
        self.header = bytes(data[:pos])
        if self.start >= self.end:
            raise NotIncremental("an empty graph")

    def _next(self, pos: int) -> int:
        """The first block start at ``pos`` or after (``end`` if none)."""
        data = self.data
        if pos <= self.start:
            return self.start
        if data[pos - 1:pos] != b"\n":
            pos = data.find(b"\n", pos) + 1 or self.end
        while pos < self.end and data[pos:pos + 1] == b"\t":
            pos = data.find(b"\n", pos) + 1 or self.end
        return pos

    def _subject(self, pos: int) -> str:
        data = self.data
        if data[pos:pos + 1] == b"<":
            return bytes(data[pos:data.find(b">", pos) + 1]).decode("utf-8")
        token = bytes(data[pos:data.find(b" ", pos)]).decode("utf-8")
        prefix, _, local = token.partition(":")
        if prefix not in TURTLE_PREFIXES or "\\" in local:
            raise NotIncremental(f"a subject written {token!r}")
        return f"<{TURTLE_PREFIXES[prefix]}{local}>"

    def find(self, name: str) -> tuple[int, int]:
        """The byte range of the block of subject ``name`` (N-Triples), or the empty range where
        it would go."""
        lo, hi, found = self.start, self.end, self.end  # no block starts in [hi, found)
        while lo < hi:
            mid = (lo + hi) // 2
            b = self._next(mid)
            if b >= hi:
                hi = mid
            elif self._subject(b) < name:
                lo = b + 1
            else:
                found, hi = b, mid
        if found < self.end and self._subject(found) == name:
            return found, self._next(found + 1)
        return found, found

    def lines(self, span: tuple[int, int]) -> set[str]:
        """The N-Triples lines of the block in ``span``."""
        if span[0] == span[1]:
            return set()
        text = self.header + bytes(self.data[span[0]:span[1]])
        return {str(t) for t in ox.parse(text, format=ox.RdfFormat.TURTLE)}


def _triples(lines: Iterable[str]) -> list[ox.Triple]:
    text = "".join(f"{line} .\n" for line in lines)
    return list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)) if text else []


@dataclass
class Change:
    """The lines that enter and leave each graph, and each changed subject's old block."""

    added: tuple[set[str], set[str]]
    removed: tuple[set[str], set[str]]
    spans: tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]


def count_change(state: State, old: list[Part], new: list[Part], blocks: tuple[Blocks, Blocks]) -> Change:
    """The lines whose count of shares falls to 0 or rises from 0 when the ``old`` shares are
    replaced by the ``new`` ones (the reference share included); updates ``state.multi``. Whether
    a line counted once is in the graph is read in the previous Turtle file's block."""
    change = Change((set(), set()), (set(), set()), ({}, {}))
    for g in (0, 1):
        delta: Counter[str] = Counter()
        for share in new:
            delta.update(set(share[g]))
        for share in old:
            delta.subtract(set(share[g]))
        multi, spans, present = state.multi[g], change.spans[g], dict[str, set[str]]()
        for line, d in sorted(delta.items()):
            if d == 0:
                continue
            s = subject(line)
            if s not in spans:
                spans[s] = blocks[g].find(s)
                present[s] = blocks[g].lines(spans[s])
            before = multi.get(line) or (1 if line in present[s] else 0)
            after = before + d
            if after < 0 or (d < 0 and line not in present[s]):
                raise NotIncremental("the previous build's state does not match its files")
            multi.set(line, after)
            if before and not after:
                change.removed[g].add(line)
            elif after and not before:
                change.added[g].add(line)
    return change


def splice_turtle(blocks: Blocks, spans: dict[str, tuple[int, int]], added: set[str], removed: set[str],
                  out: IO[bytes]) -> None:
    """Write the previous Turtle file with the blocks of the subjects in ``spans`` rewritten."""
    by_subject: dict[str, list[str]] = {}
    plus: dict[str, set[str]] = {}
    minus: dict[str, set[str]] = {}
    for line in added:
        plus.setdefault(subject(line), set()).add(line)
    for line in removed:
        minus.setdefault(subject(line), set()).add(line)
    for s in sorted(spans):
        lines = (blocks.lines(spans[s]) - minus.get(s, set())) | plus.get(s, set())
        if lines:
            by_subject[s] = sorted(lines)
    text = ox.serialize(_triples(line for s in sorted(by_subject) for line in by_subject[s]),
                        format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES) or b""
    cuts: list[int] = []
    if by_subject:
        new = Blocks(text)
        p = new.start
        while p < new.end:
            cuts.append(p)
            p = new._next(p + 1)
        if len(cuts) != len(by_subject):
            raise NotIncremental("the Turtle writer did not write one block per subject")
    starts = iter(zip(cuts, cuts[1:] + [len(text)], strict=True))
    pos = 0
    for s in sorted(spans):
        a, b = spans[s]
        _copy(blocks.data, blocks.source, pos, a, out)
        if s in by_subject:
            c, d = next(starts)
            out.write(text[c:d])
        pos = b
    _copy(blocks.data, blocks.source, pos, blocks.end, out)


def _copy(data: bytes | mmap.mmap, source: int | None, start: int, end: int, out: IO[bytes]) -> None:
    """Write bytes ``[start, end)`` of ``data``, which maps the file ``source`` if not None: then
    in the kernel (the 254 MB provenance.ttl of 10,000 documents: 0.3-1.1 s, against 1.6 s
    through memory)."""
    if source is not None and start < end:
        try:
            out.flush()
            while start < end:
                n = os.copy_file_range(source, out.fileno(), end - start, start)
                if n == 0:
                    break
                start += n
        except (OSError, AttributeError, ValueError):  # not supported here: copy it ourselves
            pass
    out.write(data[start:end])


def copy_store(old: Path, new: Path) -> None:
    """Copy a closed RocksDB store: its table files as hard links (RocksDB never changes one; the
    copy deletes its own links as it compacts), the rest (write-ahead logs, manifest) as copies,
    ``CURRENT`` last. ``Store.backup`` would leave out what is only in the write-ahead log."""
    new.mkdir()
    files = sorted(p for p in old.iterdir() if p.name not in ("LOCK", "CURRENT") and not p.name.startswith("LOG"))
    for path in [*files, old / "CURRENT"]:
        if path.suffix == ".sst":
            try:
                os.link(path, new / path.name)
                continue
            except OSError:  # another file system
                pass
        shutil.copyfile(path, new / path.name)


def update_store(old: Path, new: Path, change: Change) -> ox.Store:
    """A copy of the store ``old`` in ``new`` (``copy_store``) with ``change`` applied, and the
    lookup keys of the subjects whose labels changed; returned open for writing."""
    copy_store(old, new)
    store = ox.Store(str(new))
    named = set()
    for g, graph in enumerate(GRAPHS):
        name = ox.NamedNode(graph)
        for t in _triples(sorted(change.removed[g])):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, name))
        store.extend([ox.Quad(t.subject, t.predicate, t.object, name) for t in _triples(sorted(change.added[g]))])
        named |= {subject(line) for line in change.added[g] | change.removed[g]
                  if any(f" <{p}> " in line for p in LABEL_PROPERTIES)}
    key, lookup = ox.NamedNode(str(LOOKUP_KEY)), ox.NamedNode(str(LOOKUP_GRAPH))
    for s in sorted(named):
        node = ox.NamedNode(s[1:-1])
        for quad in list(store.quads_for_pattern(node, key, None, lookup)):
            store.remove(quad)
        pairs = [(s, q.object.value) for p in LABEL_PROPERTIES
                 for q in store.quads_for_pattern(node, ox.NamedNode(str(p)), None, None)
                 if isinstance(q.object, ox.Literal)]
        store.extend([ox.Quad(node, key, ox.Literal(k), lookup) for _, k in _key_pairs(pairs)])
    store.flush()
    return store


def focus_nodes(store: ox.Store, g: int, change: Change) -> list[str]:
    """The nodes whose conformance the change can alter: the subjects of changed triples, and the
    nodes having as a value one whose types changed (``sh:class`` reads the value's type)."""
    lines = change.added[g] | change.removed[g]
    focus = {subject(line) for line in lines}
    retyped = sorted({subject(line) for line in lines if f" {RDF_TYPE} " in line})
    for i in range(0, len(retyped), 500):
        values = " ".join(retyped[i:i + 500])
        rows = store.query(f"SELECT DISTINCT ?f WHERE {{ GRAPH <{GRAPHS[g]}> {{ VALUES ?x {{ {values} }} ?f ?p ?x }} }}")
        focus |= {str(row["f"]) for row in rows}  # type: ignore[union-attr]
    return sorted(f for f in focus if f.startswith("<"))


ALL = sys.maxsize


def _needs(checks: list[Check]) -> tuple[dict[str, dict[str, int]], dict[str, set[str]]]:
    """Per target class, how many values of each path the SHACL Core ``checks`` read to decide
    (a count check on at most N values: N + 1 of them; any other check: all), and the paths
    whose values' types they read."""
    needs: dict[str, dict[str, int]] = {}
    typed: dict[str, set[str]] = {}
    for c in checks:
        for t in c.targets:
            need = needs.setdefault(t, {})
            for path in c.paths if c.kind == "node" else [c.path]:
                k = {"min": c.count, "max": c.count + 1, "node": 1}.get(c.kind, ALL)
                need[path] = max(need.get(path, 0), k)
            if c.kind == "value":
                typed.setdefault(t, set()).add(c.path)
    return needs, typed


def neighbourhood(store: ox.Store, graph: str, focus: list[str], checks: list[Check]) -> ox.Store:
    """An in-memory store of what the SHACL Core ``checks`` of the ``focus`` nodes (IRIs,
    N-Triples) read in ``graph``: their types, the values of the paths their classes' checks
    constrain (for a count check, no more than it takes to decide: a statement drawn from 1,000
    documents has 1,000 sources, of which ``sh:minCount 1`` needs one) and, for value checks,
    the types of the values (``sh:class``). Those checks look no further; run on the whole store,
    Oxigraph scans every instance of the target class before it joins the focus nodes (2.5 s a
    check on the 10,000-document provenance), and copying every triple of the focus nodes took
    0.6-0.8 s there (21,168 triples for the 91 focus nodes of one added document)."""
    name, rdf_type = ox.NamedNode(graph), ox.NamedNode(RDF_TYPE[1:-1])
    needs, typed = _needs(checks)
    quads: list[ox.Quad] = []
    values: set[ox.NamedNode | ox.BlankNode] = set()  # each looked up once: focus nodes share many
    for f in focus:
        node = ox.NamedNode(f[1:-1])
        types = list(store.quads_for_pattern(node, rdf_type, None, name))
        quads += types
        need: dict[str, int] = {}
        with_types: set[str] = set()
        for cls in (t.object.value for t in types if isinstance(t.object, ox.NamedNode)):
            for path, k in needs.get(cls, {}).items():
                need[path] = max(need.get(path, 0), k)
            with_types |= typed.get(cls, set())
        for path in sorted(need):
            found = list(islice(store.quads_for_pattern(node, ox.NamedNode(path), None, name), need[path]))
            quads += found
            if path in with_types:
                values.update(q.object for q in found if not isinstance(q.object, ox.Literal))  # type: ignore[misc]
    for value in values:
        quads += store.quads_for_pattern(value, rdf_type, None, name)
    local = ox.Store()
    local.extend(quads)
    return local


def validate_change(store: ox.Store, shapes: Graph, change: Change) -> list[str]:
    """The violations the change can have brought (the previous build conformed): SHACL Core
    checks on the focus nodes (in their ``neighbourhood``), ``sh:sparql`` ones on the whole graph."""
    checks = compile_shapes(shapes)
    core = ShapeChecks([c for c in checks.checks if c.kind != "sparql"])
    whole = ShapeChecks([c for c in checks.checks if c.kind == "sparql"])
    found: list[str] = []
    for g, graph in enumerate(GRAPHS):
        focus = focus_nodes(store, g, change)
        found += sparql_violations(neighbourhood(store, graph, focus, core.checks), graph, core, focus=focus)
        found += sparql_violations(store, graph, whole)
    return sorted(found)
