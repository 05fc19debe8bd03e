"""Assemble the graph document by document, in parallel, as sorted N-Triples lines.

``kg.rdf.triples`` builds rdflib terms into one ``TripleSink`` for the whole corpus: fine for a
press release, but slow (rdflib term hashing) and large (over 1 GB per million triples) for an
archive. Its output is a union over documents: for one document, ``add_document`` +
``add_facts`` (with the merged entity table) + ``provenance_statements`` give that document's
share of the facts and provenance graphs, and a statement's triples for a fact seen in several
documents are the union of each document's share (plus the reference data's share). So each
worker process runs those functions on its documents and sends back plain N-Triples lines;
the main process keeps two sets of strings, sorts them and has Oxigraph write the Turtle.
The result is byte-identical to ``turtle_bytes`` over the single-sink assembly (tested).
A document's share only changes with the document, the merged entities it names and this
code, so it is cached under that key (``lines_key``) for incremental builds.

Memory stays bounded for large inputs, whatever their size (a 20 MB document is one share of
about ten million lines): a large document is assembled in the main process in parts of bounded
size (``add_facts``' ``drain``; the union of the parts is the share, as above), the sets of lines
are sorted into run files in a scratch folder whenever they hold ``SPILL_LINES`` lines
(``LineSet``) and merged into sorted N-Triples files, and the Turtle is written from those files
as a stream (``write_turtle``). Shares of over ``LINES_CACHE_MAX`` lines are not cached.
"""
from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from kg.cache import Cache, assembly_version
from kg.extract.document import Document, Entity
from kg.ontology import Ontology
from kg.parallel import Extracted, worker_pool
from kg.rdf.graph import TURTLE_PREFIXES, _ox_term
from kg.rdf.triples import (
    TripleSink,
    add_document,
    add_facts,
    add_reference,
    provenance_statements,
)

CHUNK = 16
LARGE_DOCUMENT = 20_000  # mentions + facts: assembled in the main process, in parts
LINES_CACHE_MAX = 2_000_000  # lines of a share, at most, to keep it in the lines cache
SPILL_LINES = 1_000_000  # lines a LineSet holds in memory before it sorts them into a run file
MEMO_MAX = 500_000  # terms in _MEMO, at most
_STATE: dict = {}  # what forked workers inherit: docs, entities, ontology, rule comments
_MEMO: dict = {}  # rdflib term -> N-Triples text, per process


def nt(term: Node) -> str:
    """The N-Triples form of an rdflib term, as Oxigraph writes it (memoised, up to MEMO_MAX terms).

    >>> from rdflib import XSD, Literal
    >>> nt(URIRef("https://example.org/a")), nt(Literal("5", datatype=XSD.nonNegativeInteger))
    ('<https://example.org/a>', '"5"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>')
    """
    if isinstance(term, URIRef):  # Oxigraph writes an IRI as it is (the store's loader checks it)
        return f"<{term}>"
    found = _MEMO.get(term)
    if found is None:
        if len(_MEMO) >= MEMO_MAX:
            _MEMO.clear()  # a large document has millions of terms, each used a few times
        found = _MEMO[term] = str(_ox_term(term))
    return found


def sink_lines(sink: TripleSink) -> tuple[list[str], list[str]]:
    """A sink's facts and provenance triples as ``"<s> <p> <o>"`` lines."""
    # subjects and predicates are IRIs (``kg.rdf.triples.Triple``): written as ``nt`` writes them
    facts = [f"<{s}> <{p}> {nt(o)}" for s, p, o in sink.facts]
    prov = [f"<{s}> <{p}> {nt(o)}" for s, p, o in sink.provenance]
    return facts, prov


Part = tuple[list[str], list[str]]  # facts lines, provenance lines


def document_parts(doc: Document, onto: Ontology, entities: dict[str, Entity], comments: dict,
                   emit: Callable[[Part], None]) -> None:
    """One document's share of the facts and provenance graphs, given to ``emit`` in parts of
    bounded size whose union is the share (a part may repeat lines of another)."""
    def drain(sink: TripleSink) -> None:
        provenance_statements(sink, comments)
        emit(sink_lines(sink))
        sink.facts.clear()
        sink.provenance.clear()

    sink = TripleSink()
    add_document(sink, doc)
    add_facts(sink, doc, onto, entities, drain)
    drain(sink)


def document_lines(doc: Document, onto: Ontology, entities: dict[str, Entity],
                   comments: dict) -> Part:
    """One document's share of the facts and provenance graphs."""
    facts: list[str] = []
    provenance: list[str] = []

    def emit(part: Part) -> None:
        facts.extend(part[0])
        provenance.extend(part[1])

    document_parts(doc, onto, entities, comments, emit)
    return facts, provenance


def reference_lines(entities: dict[str, Entity], comments: dict) -> tuple[list[str], list[str]]:
    """The reference data's share (English labels, Wikidata links, coordinates)."""
    sink = TripleSink()
    add_reference(sink, entities)
    provenance_statements(sink, comments)
    return sink_lines(sink)


def _chunk_lines(indices: list[int]) -> list[tuple[list[str], list[str]]]:
    docs, onto, entities, comments = (_STATE[k] for k in ("docs", "onto", "entities", "comments"))
    return [document_lines(docs[i], onto, entities, comments) for i in indices]


def lines_key(doc: Document, entities: dict[str, Entity], version: str, memo: dict[str, str]) -> str:
    """What a document's share depends on besides the document: the merged entities it names."""
    h = hashlib.sha256(version.encode())
    for key in sorted(doc.entities):
        text = memo.get(key)
        if text is None:
            e = entities[key]
            text = memo[key] = repr((e.key, e.cls, e.name, e.lang, sorted(e.surface_forms),
                                     sorted(e.expansions), sorted(e.other_names.items())))
        h.update(text.encode("utf-8") + b"\0")
    return h.hexdigest()


class LineSet:
    """A set of N-Triples lines (``"<s> <p> <o>"``) given share by share, written out sorted by
    ``write``, which also counts the shares of each line held by more than one (``multi``). Given a
    ``folder``, it sorts the lines it holds into a run file there whenever they reach ``limit``,
    and ``write`` merges the runs: memory stays bounded whatever the number of lines.

    >>> lines = LineSet()
    >>> lines.update(["<urn:b> <urn:p> <urn:o>", "<urn:a> <urn:p> <urn:o>", "<urn:b> <urn:p> <urn:o>"])
    >>> lines.update(["<urn:b> <urn:p> <urn:o>"])  # another share
    >>> list(lines.sorted())
    [b'<urn:a> <urn:p> <urn:o>', b'<urn:b> <urn:p> <urn:o>']
    >>> lines.multi  # the lines in two shares or more (kept for incremental rebuilds)
    {'<urn:b> <urn:p> <urn:o>': 2}
    """

    def __init__(self, folder: Path | None = None, name: str = "lines", limit: int | None = None) -> None:
        self.folder, self.name = folder, name
        self.limit = SPILL_LINES if limit is None else limit
        self._held: Counter[str] = Counter()
        self._extra: Counter[str] = Counter()  # of the run files: shares beyond the first, per line
        self._runs: list[Path] = []
        self.multi: dict[str, int] = {}  # set by ``sorted``: lines in two shares or more, and in how many

    def update(self, lines: Iterable[str]) -> None:
        """Add one share's lines (``multi`` counts the shares a line is in; a share given in
        parts that repeat lines counts such a line more than once)."""
        self._held.update(set(lines))
        if self.folder is not None and len(self._held) >= self.limit:
            path = self.folder / f"{self.name}-{len(self._runs)}.run"
            with open(path, "xb") as fh:
                fh.writelines(line.encode("utf-8") + b"\n" for line in sorted(self._held))
            self._extra.update({line: n - 1 for line, n in self._held.items() if n > 1})
            self._runs.append(path)
            self._held = Counter()

    def sorted(self) -> Iterator[bytes]:
        """The distinct lines in order, UTF-8 encoded (the order of the strings: UTF-8 keeps the
        order of code points); empties the set and deletes its run files."""
        self.multi = {line: n for line, n in self._held.items() if n > 1}
        held = [line.encode("utf-8") for line in sorted(self._held)]
        self._held = Counter()
        if not self._runs:
            yield from held
            return
        extra, self._extra = self._extra, Counter()
        try:
            with ExitStack() as stack:
                files = [stack.enter_context(open(path, "rb")) for path in self._runs]
                previous, seen = None, 0
                for line in heapq.merge(held, *((row[:-1] for row in fh) for fh in files)):
                    if line != previous:
                        if seen > 1:
                            self._count(previous, seen, extra)  # type: ignore[arg-type]
                        yield line
                        previous, seen = line, 1
                    else:
                        seen += 1
                if seen > 1:
                    self._count(previous, seen, extra)  # type: ignore[arg-type]
                for text, n in extra.items():  # lines in two shares of one run file only
                    self.multi[text] = 1 + n
        finally:
            for path in self._runs:
                path.unlink(missing_ok=True)
            self._runs = []

    def _count(self, line: bytes, sources: int, extra: Counter[str]) -> None:
        """Record a line found in ``sources`` of the held set and the run files."""
        text = line.decode("utf-8")
        self.multi[text] = self.multi.get(text, 1) - 1 + sources + extra.pop(text, 0)

    def write(self, out: IO[bytes]) -> int:
        """Write the sorted lines as N-Triples (``ntriples_bytes``' bytes); returns how many."""
        n, batch = 0, []
        for line in self.sorted():
            batch.append(line)
            if len(batch) == 10_000:
                out.write(b" .\n".join(batch) + b" .\n")
                n, batch = n + len(batch), []
        if batch:
            out.write(b" .\n".join(batch) + b" .\n")
        return n + len(batch)


@dataclass
class Lines:
    """The distinct lines of the facts and provenance graphs, and the documents assembled anew."""

    facts: LineSet = field(default_factory=LineSet)
    provenance: LineSet = field(default_factory=LineSet)
    assembled: list[int] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)  # document cache key -> its share's lines key
    reference: Part = field(default_factory=lambda: ([], []))  # the reference data's share

    @classmethod
    def spilling(cls, folder: Path | None) -> Lines:
        """Lines whose sets sort into run files in ``folder`` when large (see ``LineSet``)."""
        return cls(LineSet(folder, "facts"), LineSet(folder, "provenance"))

    def add(self, part: tuple[Iterable[str], Iterable[str]]) -> None:
        self.facts.update(part[0])
        self.provenance.update(part[1])


class _Share:
    """One document's share as its parts come: added to ``lines``, and kept for the lines cache
    while it has at most ``LINES_CACHE_MAX`` lines (``kept`` is None past that)."""

    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        self.kept: Part | None = ([], [])

    def __call__(self, part: Part) -> None:
        self.lines.add(part)
        if self.kept is not None:
            if len(self.kept[0]) + len(self.kept[1]) + len(part[0]) + len(part[1]) > LINES_CACHE_MAX:
                self.kept = None
            else:
                self.kept[0].extend(part[0])
                self.kept[1].extend(part[1])


def is_large(doc: Document) -> bool:
    return len(doc.mentions) + len(doc.facts) > LARGE_DOCUMENT


def assemble_lines(items: list[Extracted], onto: Ontology, entities: dict[str, Entity], comments: dict,
                   *, jobs: int = 1, cache: Cache | None = None,
                   on_done: Callable[[int], None] | None = None, scratch: Path | None = None) -> Lines:
    """The facts and provenance lines of all documents, computed on ``jobs`` processes.

    ``cache`` keeps each document's share with the key of what it depends on (``lines_key``):
    a document whose share was made with the same merged entities and assembly code is read
    back instead of assembled; new shares are staged into it as they come. Large documents are
    assembled in the main process (while the workers do the others), in parts. ``scratch`` is
    a folder for the run files of large sets of lines (see ``LineSet``).

    >>> from kg.extract.entities import merge_entities
    >>> from kg.extract.reading import find_documents
    >>> from kg.ontology import load_ontology
    >>> from kg.parallel import extract_documents
    >>> onto = load_ontology()
    >>> items = extract_documents(find_documents(Path("seeds")), Path("seeds"), onto)
    >>> lines = assemble_lines(items, onto, merge_entities([it.doc for it in items]), {})
    >>> lines.assembled, next(lines.facts.sorted()).startswith(b"<")
    ([0], True)
    """
    lines = Lines.spilling(scratch)
    version, memo = assembly_version(), dict[str, str]()
    keys = [lines_key(it.doc, entities, version, memo) for it in items]
    todo = []
    for i, it in enumerate(items):
        kept = cache.get(it.key) if cache is not None and it.key else None
        if kept is not None and kept[0] == keys[i]:
            lines.add((kept[1], kept[2]))
            if on_done:
                on_done(1)
        else:
            todo.append(i)
    docs = [it.doc for it in items]

    def done(i: int, share: _Share) -> None:
        lines.assembled.append(i)
        if cache is not None and items[i].key and share.kept is not None:
            cache.put(items[i].key, (keys[i], share.kept[0], share.kept[1]))
            cache.stage(items[i].key)
        if on_done:
            on_done(1)

    small = [i for i in todo if not is_large(docs[i])]
    chunks = [small[i:i + CHUNK] for i in range(0, len(small), CHUNK)]
    _STATE.update(docs=docs, onto=onto, entities=entities, comments=comments)
    try:
        with ExitStack() as stack:
            if jobs <= 1 or len(chunks) < 2:
                results: Iterable = map(_chunk_lines, chunks)
            else:  # the workers start on the small documents now
                results = stack.enter_context(worker_pool(min(jobs, len(chunks)))).map(_chunk_lines, chunks)
            for i in todo:
                if is_large(docs[i]):
                    share = _Share(lines)
                    document_parts(docs[i], onto, entities, comments, share)
                    done(i, share)
            for chunk, result in zip(chunks, results, strict=True):
                for i, part in zip(chunk, result, strict=True):
                    share = _Share(lines)
                    share(part)
                    done(i, share)
    finally:
        _STATE.clear()
    lines.reference = reference_lines(entities, comments)
    lines.add(lines.reference)
    lines.keys = {it.key: keys[i] for i, it in enumerate(items)}
    return lines


def ntriples_bytes(lines: set[str]) -> bytes:
    """Sorted N-Triples (the order ``kg.rdf.graph.turtle_bytes`` writes in); empties ``lines``.

    >>> ntriples_bytes({"<urn:b> <urn:p> <urn:o>", "<urn:a> <urn:p> <urn:o>"})
    b'<urn:a> <urn:p> <urn:o> .\\n<urn:b> <urn:p> <urn:o> .\\n'
    """
    ordered = sorted(lines)
    lines.clear()  # the caller hands the set over: free it before the text is built
    text = " .\n".join(ordered) + " .\n" if ordered else ""
    del ordered
    return text.encode("utf-8")


def write_turtle(ntriples: Path, out: IO[bytes], on_bytes: Callable[[int], None] | None = None) -> None:
    """``turtle_from_ntriples`` from a file to a file, as a stream (the same bytes); ``on_bytes`` is
    told how many bytes of the N-Triples have been read (a progress bar)."""
    with open(ntriples, "rb") as raw:
        source: IO[bytes] = ReadProgress(raw, on_bytes) if on_bytes else raw  # type: ignore[assignment]
        ox.serialize(ox.parse(source, format=ox.RdfFormat.N_TRIPLES), out, format=ox.RdfFormat.TURTLE,
                     prefixes=TURTLE_PREFIXES)


class ReadProgress:
    """A binary file that calls ``on_bytes(n)`` with the size of each block read from it."""

    def __init__(self, raw: IO[bytes], on_bytes: Callable[[int], None]) -> None:
        self.raw, self.on_bytes = raw, on_bytes

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.on_bytes(len(data))
        return data


def turtle_from_ntriples(data: bytes) -> bytes:
    """Oxigraph's Turtle of sorted N-Triples, with the project's prefixes (order kept)."""
    turtle = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                          prefixes=TURTLE_PREFIXES)
    return turtle or b""  # bytes whenever no output file is given
