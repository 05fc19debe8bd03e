"""Check the time corpus' conventions that go beyond the gold format: roles and events agree with
the relations of the same gold file (eval/time-README.md).

Usage: PYTHONPATH=. python3 scripts/check_time_gold.py [PATH ...]     (default: eval)

``kg.evaluation.gold.read_gold`` validates the format of every ``*.gold.toml`` (tables, keys, values, dates,
names of listed entities of fitting classes, a role's status against the document date). On top
of that, this script checks what the corpus' conventions say about the relations:

- every current role has its relation (``akg:chiefExecutiveOf`` for ``chiefExecutive``,
  ``akg:holdsRoleIn`` for the others), except an ``other`` role of a person a comment line
  ``# division head: NAME`` names (heading a division gives no relation, eval/README.md); no
  former or future role has one, except the future chief executive of an organisation that has
  no current one;
- an acquisition event has its ``akg:acquired`` relation, a founding event with an agent its
  ``schema:founder`` relation.

Every error is printed as one line ``FILE:LINE: message``; the exit code is 1 when there was
any error, else 0 (with a one-line summary on stdout).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kg.errors import InputError
from kg.evaluation.gold import GOLD_SUFFIX, Gold, norm, read_gold

ROLE_PREDICATE = {"chiefExecutive": "akg:chiefExecutiveOf"}   # every other role: akg:holdsRoleIn
HEADER = re.compile(r"^\s*\[\[\s*(\w+)\s*\]\]")
DIVISION_HEAD = re.compile(r"^#\s*division head:\s*(.+?)\s*$", re.MULTILINE)


def header_lines(text: str, table: str) -> list[int]:
    """1-based line numbers of the ``[[table]]`` headers, in file order."""
    return [n for n, line in enumerate(text.splitlines(), start=1)
            if (m := HEADER.match(line)) and m.group(1) == table]


def canonical(gold: Gold, name: str) -> str:
    """The label of the first listed entity named ``name`` (label or alias), else ``name``."""
    found = gold.named(name)
    return found[0].label if found else norm(name)


def role_errors(gold: Gold, lines: list[int], division_heads: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """Roles whose relation is missing, or present although the role is not current; the
    ``other`` roles of ``division_heads`` have none."""
    relations = {(canonical(gold, r.subject), r.predicate, canonical(gold, r.object)) for r in gold.relations}
    current_ceo = {canonical(gold, r.organization) for r in gold.roles
                   if (r.role, r.status) == ("chiefExecutive", "current")}
    wanted = set()
    out = []
    for i, role in enumerate(gold.roles):
        key = (canonical(gold, role.person), ROLE_PREDICATE.get(role.role, "akg:holdsRoleIn"),
               canonical(gold, role.organization))
        if role.role == "other" and key[0] in division_heads:
            continue
        if role.status == "current" or ((role.status, role.role) == ("future", "chiefExecutive") \
                and key[2] not in current_ceo):
            wanted.add(key)
            if key not in relations:
                message = f"{role.status} role {role.role} of '{key[0]}' in '{key[2]}' needs the relation {key[1]}"
                out.append((lines[i], message))
    for i, role in enumerate(gold.roles):
        key = (canonical(gold, role.person), ROLE_PREDICATE.get(role.role, "akg:holdsRoleIn"),
               canonical(gold, role.organization))
        if key in relations and key not in wanted:
            message = f"{role.status} role {role.role} of '{key[0]}' in '{key[2]}' must not have the relation {key[1]}"
            out.append((lines[i], message))
    return out


def event_errors(gold: Gold, lines: list[int]) -> list[tuple[int, str]]:
    """Acquisitions without ``akg:acquired`` and foundings by a named founder without ``schema:founder``."""
    relations = {(canonical(gold, r.subject), r.predicate, canonical(gold, r.object)) for r in gold.relations}
    out = []
    for i, event in enumerate(gold.events):
        agent, obj = canonical(gold, event.agent), canonical(gold, event.object)
        if event.type == "acquisition" and (agent, "akg:acquired", obj) not in relations:
            out.append((lines[i], f"acquisition '{event.agent}' -> '{event.object}' has no akg:acquired relation"))
        if event.type == "founding" and event.agent and (obj, "schema:founder", agent) not in relations:
            out.append((lines[i], f"founding of '{event.object}' by '{event.agent}' has no schema:founder relation"))
    return out


def check_file(path: Path) -> list[str]:
    """All errors of one gold file (an empty list when it is clean)."""
    try:
        gold = read_gold(path)
    except InputError as err:
        return [str(err)]
    text = path.read_text(encoding="utf-8")
    heads = frozenset(canonical(gold, name) for name in DIVISION_HEAD.findall(text))
    found = role_errors(gold, header_lines(text, "role"), heads) + event_errors(gold, header_lines(text, "event"))
    return [f"{path}:{line}: {message}" for line, message in sorted(found)]


def gold_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(path.rglob("*" + GOLD_SUFFIX)) if path.is_dir() else [path])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("eval")],
                        help="gold files or folders searched recursively (default: eval)")
    args = parser.parse_args(argv)
    files = gold_files(args.paths)
    if not files:
        print(f"error: no *{GOLD_SUFFIX} files in {', '.join(map(str, args.paths))}", file=sys.stderr)
        return 1
    errors = [error for path in files for error in check_file(path)]
    for error in errors:
        print(error)
    if errors:
        return 1
    print(f"ok: {len(files)} gold files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
