"""Print the evaluation corpus's size as Markdown: per subset, and per document with its phenomena.

Usage: python scripts/corpus_stats.py [EVAL_DIR] [--documents SUBSET]

The counts are the ones in eval/README.md: words are ``\\w+`` runs of the text; entities,
relations (``akg:region`` included), literals and quotes are the gold's tables. With
``--documents sl/dev`` it also prints one row per document of that subset: its words and the
phenomena its gold file's first comment names (the held-out texts are never printed).
"""
from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.gold.toml"))


def text_of(gold: Path) -> str:
    stem = gold.name[: -len(".gold.toml")]
    for suffix in (".txt", ".md"):
        doc = gold.with_name(stem + suffix)
        if doc.exists():
            return doc.read_text(encoding="utf-8")
    return ""


def phenomena(gold: Path) -> str:
    """The first comment of a gold file, without its "NAME:" prefix, on one line."""
    lines = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
    text = " ".join(lines)
    return text.split(":", 1)[1].strip() if ":" in text else text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", default="eval", type=Path)
    parser.add_argument("--documents", help="also list the documents of this subset (e.g. sl/dev)")
    args = parser.parse_args()
    subsets: dict[str, Counter] = {}
    for gold in gold_files(args.eval_dir):
        subset = gold.parent.relative_to(args.eval_dir).as_posix()
        data = tomllib.loads(gold.read_text(encoding="utf-8"))
        c = subsets.setdefault(subset, Counter())
        c["docs"] += 1
        c["words"] += len(re.findall(r"\w+", text_of(gold)))
        for key, table in (("entities", "entity"), ("relations", "relation"), ("literals", "literal"),
                           ("quotes", "quote")):
            c[key] += len(data.get(table, []))
    print("| subset | docs | words | entities | relations | literals | quotes |")
    print("|---|---|---|---|---|---|---|")
    for subset, c in sorted(subsets.items()):
        print(f"| `{subset}` | {c['docs']} | {c['words']:,} | {c['entities']} | {c['relations']} "
              f"| {c['literals']} | {c['quotes']} |")
    if args.documents:
        if "heldout" in args.documents:
            print("error: held-out documents are not listed", file=sys.stderr)
            return 2
        print("\n| document | words | phenomena |\n|---|---|---|")
        for gold in gold_files(args.eval_dir / args.documents):
            name = gold.name[: -len(".gold.toml")]
            words = len(re.findall(r"\w+", text_of(gold)))
            text = phenomena(gold).replace("|", "/")
            if len(text) > 240:  # the gold file has the whole list
                text = text[:240].rsplit(" ", 1)[0] + " …"
            print(f"| `{name}` | {words} | {text} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
