"""What a build's state keeps of each document, so that the next build need not read it again.

An incremental rebuild (``kg.rdf.incremental``) needs, of a document that did not change, only
its cache key, the entities it names (to merge entities across documents) and what the summary
counts. Hashing every file and decoding every cached ``Document`` for that costs about 1 ms a
document (10 s at 10,000 documents); the state keeps instead (``kg.rdf.incremental.State``):

- a ``stamp`` of each document file and its metadata sidecar (size, mtime, ctime, inode, device),
  taken before the file was hashed: a file whose stamp did not change keeps its key unread. As
  git does with "racily clean" entries, a stamp taken less than ``RACY_NS`` after the file last
  changed is not kept, since the file could change again within one clock tick at the same size;
- a ``Summary`` of each document: its counts, the keys of the entities it names, and those
  entities (encoded as in the cache, left as JSON text unless one of them changed);
- the merged entities, of which a change recomputes only those the changed documents name
  (``merge_touched``), from the summaries of the documents naming them, in path order.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from kg.cachefmt import _decoder, _encoder
from kg.extract.document import Document, Entity
from kg.extract.entities import merge_entities

RACY_NS = 2_000_000_000  # a stamp younger than this (after the file's last change) is not kept
Stamp = list[int]  # the file's and then the sidecar's size, mtime, ctime, inode, device

_ENTITIES_OUT = _encoder(dict[str, Entity])
_ENTITIES_IN = _decoder(dict[str, Entity])


def _stat(path: Path) -> list[int]:
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def stamp(path: Path, meta: Path | None, now: int) -> Stamp | None:
    """The stamp of a document file and its sidecar ``meta``, taken at ``now`` (``time.time_ns()``);
    None if either changed in the last ``RACY_NS`` or cannot be read.

    >>> import tempfile, time
    >>> f = Path(tempfile.mkdtemp()) / "a.txt"; _ = f.write_text("x")
    >>> stamp(f, None, time.time_ns()) is None, len(stamp(f, None, time.time_ns() + RACY_NS))
    (True, 5)
    """
    try:
        found = _stat(path) + (_stat(meta) if meta is not None else [])
    except OSError:
        return None
    changed = max(found[1:3] + found[6:8])  # mtimes and ctimes
    return found if changed < now - RACY_NS else None


@dataclass
class Summary:
    """What a build reads of a document it does not extract or read again: the keys of the
    entities it names, and the entities themselves as the cache encodes them, kept as JSON text
    until an entity it names changes (reading all of them costs as much as the rest)."""

    rel: str  # path relative to the seeds folder, as the summary prints it
    lang: str
    sentences: int
    tokens: int
    facts: bool
    warnings: list[tuple[str, str]]
    names: list[str]  # the keys of the entities it names
    encoded_json: str  # JSON text: entity key -> the entity as the cache encodes it
    head_json: str = field(default="", compare=False)  # ``head()`` as JSON text, if read as such

    @classmethod
    def of(cls, doc: Document, tokens: int) -> Summary:
        encoded = json.dumps(_ENTITIES_OUT(doc.entities), ensure_ascii=False, separators=(",", ":"))
        return cls(doc.meta["path"], doc.lang, len(doc.sentences), tokens, bool(doc.facts),
                   [(a, b) for a, b in doc.warnings], list(doc.entities), encoded)

    def head(self) -> list:
        """All but the entities, as JSON data (``from_json`` reads it back)."""
        return [self.rel, self.lang, self.sentences, self.tokens, self.facts,
                [list(w) for w in self.warnings], self.names]

    @classmethod
    def from_json(cls, head: list, encoded_json: str, head_json: str = "") -> Summary:
        """The summary of ``head`` (see ``head``; ``head_json`` its text, written back as it is)
        and the entities' JSON text (read when needed).

        >>> s = Summary.from_json(["a.txt", "sl", 1, 2, True, [], ["k"]], '{"k": []}')
        >>> s.named().entities, Summary.from_json(s.head(), s.encoded_json) == s
        ({'k': None}, True)
        """
        rel, lang, sentences, tokens, facts, warnings, names = head
        if not (isinstance(rel, str) and type(sentences) is int and type(tokens) is int
                and isinstance(names, list) and all(isinstance(n, str) for n in names)):
            raise ValueError("a malformed document summary")
        return cls(rel, lang, sentences, tokens, bool(facts), [(str(a), str(b)) for a, b in warnings], names,
                   encoded_json, head_json)

    def entities(self, only: set[str]) -> dict[str, Entity]:
        """This document's entities whose keys are in ``only`` (ValueError if malformed)."""
        encoded = json.loads(self.encoded_json)
        if not isinstance(encoded, dict):
            raise ValueError("a malformed document summary")
        return decode_entities({k: v for k, v in encoded.items() if k in only})

    def named(self) -> Document:
        """A stand-in for the document where only the keys of its entities are read
        (``kg.rdf.assembly.lines_key``)."""
        return cast(Document, _Named(dict.fromkeys(self.names)))


@dataclass
class _Named:
    """A document as ``merge_entities`` and ``lines_key`` read it: its entities only."""

    entities: dict[str, Any]


def merge_touched(merged: dict[str, Entity], summaries: list[Summary], touched: set[str]) -> dict[str, Entity]:
    """``merged`` (the entities merged over the previous documents) with the entities of keys
    ``touched`` merged again over ``summaries`` (the current documents, in path order), as
    ``merge_entities`` over all documents would merge them: a merged entity depends only on the
    documents naming its key, in their order. Keys no document names any more are dropped.

    >>> e = Entity("k", "schema:Person", "Ana", "sl")
    >>> s = [Summary("a", "sl", 1, 1, True, [], ["k"], json.dumps(_ENTITIES_OUT({"k": e})))]
    >>> merge_touched({}, s, {"k", "gone"})["k"].name
    'Ana'
    """
    named = [_Named(s.entities(touched)) for s in summaries if not touched.isdisjoint(s.names)]
    again = merge_entities(named)  # type: ignore[arg-type]
    out = {k: e for k, e in merged.items() if k not in touched}
    out.update(again)
    return dict(sorted(out.items()))


def encode_entities(entities: dict[str, Entity]) -> Any:
    """The merged entities as JSON data."""
    return _ENTITIES_OUT(entities)


def decode_entities(data: Any) -> dict[str, Entity]:
    """The merged entities from JSON data; ValueError if malformed."""
    return cast(dict[str, Entity], _ENTITIES_IN(data))
