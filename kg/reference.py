"""Reference data shipped with the project: English labels, Wikidata ids and coordinates.

``kg/data/reference.tsv`` (from public copies of Wikidata and GeoNames) names known entities and
their aliases in any language. The extractor uses it to recognise and label entities the text
mentions ("Renault Group" and "Skupina Renault" are one entity), never to add facts on its own.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REFERENCE_FILE = Path(__file__).parent / "data" / "reference.tsv"
REFERENCE_LANGUAGE = "sl"  # the language of the reference labels (the "label" column)


@dataclass(frozen=True)
class ReferenceRow:
    """One known entity."""

    label: str
    cls: str
    label_en: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str = ""
    geonames: str = ""
    lat: str = ""
    long: str = ""


@dataclass
class ReferenceIndex:
    """Rows by every name they go by (label, English label, aliases)."""

    rows: list[ReferenceRow] = field(default_factory=list)
    by_alias: dict[str, list[ReferenceRow]] = field(default_factory=dict)

    def find(self, name: str, cls: str | None = None) -> ReferenceRow | None:
        """The row called ``name`` (of class ``cls`` if given).

        >>> reference_index().find("Renault Group").label
        'Skupina Renault'
        """
        for row in self.by_alias.get(name, []):
            if cls is None or row.cls == cls:
                return row
        return None


@lru_cache(maxsize=1)
def reference_index(path: Path = REFERENCE_FILE) -> ReferenceIndex:
    """Read the reference table once."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    index = ReferenceIndex()
    for rec in csv.DictReader(lines, delimiter="\t"):
        row = ReferenceRow(
            label=rec["label"], cls=rec["class"], label_en=rec.get("label_en") or "",
            aliases=tuple(a for a in (rec.get("aliases") or "").split("|") if a),
            wikidata=rec.get("wikidata") or "", geonames=rec.get("geonames") or "",
            lat=rec.get("lat") or "", long=rec.get("long") or "",
        )
        index.rows.append(row)
        for name in {row.label, row.label_en, *row.aliases} - {""}:
            index.by_alias.setdefault(name, []).append(row)
    return index
