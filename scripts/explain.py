"""Show what the extractor sees in a document: sentences, mentions, units, relations.

Usage: python scripts/explain.py FILE [SENTENCE_NUMBER]
A debugging aid for writing rules; it prints, it changes nothing.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kg.extract.pipeline import extract
from kg.extract.reading import read_document
from kg.extract.relations import mentions_by_start, sentence_units
from kg.lang import load_pack


def main() -> None:
    path = Path(sys.argv[1])
    only = int(sys.argv[2]) if len(sys.argv) > 2 else None
    doc = extract(read_document(path, path.parent))
    pack = load_pack(doc.lang)
    by_start = mentions_by_start(doc)
    for s in doc.sentences:
        if only is not None and s.i != only:
            continue
        print(f"[{s.i}] {doc.text[s.start:s.end]}")
        units = sentence_units(doc, s.i, pack, by_start).units
        shown = []
        for u in units:
            if u.kind == "ent":
                m = doc.mentions[u.mention]
                shown.append(f"<{m.text}|{u.cls}|{doc.groups[m.group].name}|{m.source}>")
            elif u.kind == "role":
                shown.append(f"<ROLE {u.prop}>")
            elif u.kind == "num":
                shown.append(f"<NUM {u.quantity.value} {u.quantity.bound} {u.quantity.unit}>")
            else:
                shown.append(u.word)
        print("    " + " ".join(shown))
        for r in doc.relations:
            if r.sent == s.i:
                obj = doc.groups[r.obj].name if r.obj is not None else r.value
                print(f"    => {doc.groups[r.subj].name} {r.pred} {obj}  ({r.rule})")


if __name__ == "__main__":
    main()
