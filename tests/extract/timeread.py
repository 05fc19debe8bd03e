"""Helpers of the time tests: extract one dated document and list its roles and events."""
from __future__ import annotations

from pathlib import Path

from kg.extract.document import Document
from kg.extract.pipeline import extract


def read(text: str, date: str = "", lang: str = "sl") -> Document:
    """Extract one document with the given date (``.meta.toml`` ``date``)."""
    return extract(Document("t", Path("t.txt"), text, {"date": date} if date else {}, lang=lang))


def roles(doc: Document) -> set[tuple[str, ...]]:
    return {(r.person, r.org, r.kind, r.status, r.start, r.end) for r in doc.roles}


def events(doc: Document) -> set[tuple[str, ...]]:
    return {(e.kind, e.agent, e.obj, e.date) for e in doc.events}
