"""Time cues read from new text (kg/extract/timeline.py, kg/lang/<code>/time.toml): each cue is a
general phrasing, checked here on invented sentences (two or more each), through ``extract``."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.document import Document
from kg.extract.pipeline import extract


def read(text: str, date: str = "", lang: str = "sl") -> Document:
    """Extract one document with the given date (``.meta.toml`` ``date``)."""
    return extract(Document("t", Path("t.txt"), text, {"date": date} if date else {}, lang=lang))


def roles(doc: Document) -> set[tuple[str, ...]]:
    return {(r.person, r.org, r.kind, r.status, r.start, r.end) for r in doc.roles}


def events(doc: Document) -> set[tuple[str, ...]]:
    return {(e.kind, e.agent, e.obj, e.date) for e in doc.events}


@pytest.mark.parametrize(("text", "event"), [
    ("Decembra lani je podjetje Lipa d.o.o. kupila družba Hrast d.d.", ("acquisition", "company/hrast", "company/lipa", "2024-12")),
    ("Marca 2023 je družba Hrast d.d. kupila podjetje Lipa d.o.o.", ("acquisition", "company/hrast", "company/lipa", "2023-03")),
])
def test_a_month_that_opens_the_sentence_is_a_date_when_a_year_follows(text, event):
    assert event in events(read(text, "2025-09-09"))


def test_a_capitalised_name_that_is_also_a_month_is_no_date():
    doc = read("Maja Novak je direktorica podjetja Lipa d.o.o.", "2025-09-09")
    assert roles(doc) == {("person/maja-novak", "company/lipa", "chiefExecutive", "current", "", "")}


@pytest.mark.parametrize("text", [
    "Direktor družbe Lipa d.o.o. Jan Kos je včeraj odstopil, le leto dni po tem, ko je v začetku leta 2024 prevzel vodenje.",
    "Direktorica družbe Lipa d.o.o. Ana Kos je včeraj odstopila, dve leti po tem, ko je v začetku leta 2024 prevzela vodenje.",
])
def test_one_stint_read_by_two_rules_is_one_role_with_both_dates(text):
    doc = read(text, "2026-06-15")
    person = "person/jan-kos" if "Jan" in text else "person/ana-kos"
    assert roles(doc) == {(person, "company/lipa", "chiefExecutive", "former", "2024", "2026-06-14")}
