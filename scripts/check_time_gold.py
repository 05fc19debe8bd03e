"""Check gold files that use the time tables ``[[role]]``, ``[[event]]`` and ``date`` on literals.

Usage: PYTHONPATH=. python3 scripts/check_time_gold.py [PATH ...]     (default: eval)

``kg.gold.read_gold`` does not know the tables the time corpus (``eval/*/time/``, see
``eval/time-README.md``) adds. For every ``*.gold.toml`` under the given files or folders this
script

1. blanks the ``[[role]]`` and ``[[event]]`` tables and the ``date`` key of ``[[literal]]`` tables
   (line by line, so line numbers stay the same), writes the rest to a temporary file and
   validates it with ``kg.gold.read_gold`` (the classic part: entities, relations, literals,
   quotes);
2. checks the new tables: required and unknown keys, allowed values, date format ("YYYY",
   "YYYY-MM" or "YYYY-MM-DD", a real calendar date), that every name is a listed entity of a
   fitting class, that ``amount`` and ``unit`` come together; and, against the document's
   ``date`` in ``NAME.meta.toml``, that a role's ``status`` fits its ``start``/``end`` and that
   the current/former/future roles agree with the ``akg:chiefExecutiveOf`` and
   ``akg:holdsRoleIn`` relations of the file (see the conventions in ``eval/time-README.md``).

Every error is printed as one line ``FILE:LINE: message``; the exit code is 1 when there was
any error, else 0 (with a one-line summary on stdout).

A ``date`` on a literal must fit on one line (it is a short string), like every key the
corpus writes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.gold import GOLD_SUFFIX, norm, read_gold

ROLE_KEYS_REQUIRED = frozenset({"person", "organization", "role", "status"})
ROLE_KEYS_OPTIONAL = frozenset({"start", "end"})
ROLES = frozenset({"chiefExecutive", "boardChair", "boardMember", "supervisoryChair", "other"})
STATUSES = frozenset({"current", "former", "future"})
EVENT_KEYS_REQUIRED = frozenset({"type"})
EVENT_KEYS_OPTIONAL = frozenset({"date", "agent", "object", "amount", "unit"})
EVENT_TYPES = frozenset({"founding", "acquisition", "investment", "appointment", "resignation",
                         "siteOpening", "siteClosing"})
COMPANY = frozenset({"akg:Company"})
PERSON = frozenset({"schema:Person"})
PLACE = frozenset({"akg:Plant", "schema:City", "schema:Country", "akg:IndustrialHub"})
# event type -> (classes the agent may have, classes the object may have); None: any listed entity
EVENT_CLASSES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "founding": (PERSON | COMPANY, COMPANY),
    "acquisition": (COMPANY, COMPANY),
    "investment": (COMPANY | PERSON, PLACE | COMPANY),
    "appointment": (COMPANY, PERSON),
    "resignation": (PERSON, COMPANY),
    "siteOpening": (COMPANY, frozenset({"akg:Plant"})),
    "siteClosing": (COMPANY, frozenset({"akg:Plant"})),
}
MONEY_EVENTS = frozenset({"acquisition", "investment"})
ROLE_PREDICATE = {"chiefExecutive": "akg:chiefExecutiveOf"}   # every other role: akg:holdsRoleIn
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
UNIT = re.compile(r"^[A-Z]{3}$")
HEADER = re.compile(r"^\s*\[\[\s*(\w+)\s*\]\]")
ANY_HEADER = re.compile(r"^\s*\[")
NEW_TABLES = ("role", "event")


@dataclass
class FileCheck:
    """The errors found in one gold file, with helpers that know its line numbers."""

    path: Path
    text: str
    errors: list[str] = field(default_factory=list)

    def headers(self, table: str) -> list[int]:
        """1-based line numbers of the ``[[table]]`` headers, in file order."""
        return [n for n, line in enumerate(self.text.splitlines(), start=1)
                if (m := HEADER.match(line)) and m.group(1) == table]

    def line_of(self, table: str, index: int, key: str | None = None) -> int:
        """The line of ``key`` in the ``index``-th ``[[table]]`` (its header line without a key)."""
        starts = self.headers(table)
        start = starts[index] if index < len(starts) else 1
        if key is None:
            return start
        lines = self.text.splitlines()
        for number in range(start, len(lines)):
            if ANY_HEADER.match(lines[number]):
                break
            if re.match(rf"^\s*{re.escape(key)}\s*=", lines[number]):
                return number + 1
        return start

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"{self.path}:{line}: {message}")


def stripped_text(text: str) -> str:
    """The gold text with the new tables and literal dates blanked (same number of lines)."""
    out: list[str] = []
    table = ""
    for line in text.splitlines():
        match = HEADER.match(line)
        if match:
            table = match.group(1)
        elif ANY_HEADER.match(line):
            table = ""
        if table in NEW_TABLES or (table == "literal" and re.match(r"^\s*date\s*=", line)):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def parse_date(value: Any) -> tuple[int, ...] | None:
    """``(year,)``, ``(year, month)`` or ``(year, month, day)`` of a valid date string, else None.

    >>> parse_date("2022-06-15"), parse_date("2023-03"), parse_date("2019")
    ((2022, 6, 15), (2023, 3), (2019,))
    >>> parse_date("2023-02-30") is None, parse_date(2021) is None, parse_date("2023-13") is None
    (True, True, True)
    """
    if not isinstance(value, str):
        return None
    match = DATE.match(value)
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p is not None)
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return parts


def doc_date(gold: Path) -> tuple[int, ...] | None:
    """The ``date`` of the document's ``NAME.meta.toml`` as a date tuple, if there is one."""
    meta = gold.with_name(gold.name[: -len(GOLD_SUFFIX)] + ".meta.toml")
    if not meta.exists():
        return None
    value = tomllib.loads(meta.read_text(encoding="utf-8")).get("date")
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    if isinstance(value, int):
        return (value,)
    return parse_date(value)


def classic_part(check: FileCheck) -> None:
    """Validate everything but the new tables with ``kg.gold.read_gold`` (via a temporary file)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / check.path.name
        copy.write_text(stripped_text(check.text), encoding="utf-8")
        try:
            read_gold(copy)
        except InputError as err:
            message = str(err).replace(str(copy), str(check.path))
            check.errors.append(message)


def entity_classes(data: dict[str, Any]) -> dict[str, set[str]]:
    """Normalised name (label or alias) -> the classes of the entities that carry it."""
    names: dict[str, set[str]] = {}
    for row in data.get("entity", []):
        if not isinstance(row, dict):
            continue
        for name in [row.get("label", ""), *row.get("aliases", [])]:
            if isinstance(name, str) and name.strip():
                names.setdefault(norm(name), set()).add(str(row.get("class", "")))
    return names


def canonical(data: dict[str, Any], name: str, classes: frozenset[str]) -> str:
    """The label of the listed entity of one of ``classes`` named ``name`` (else ``name``)."""
    for row in data.get("entity", []):
        if isinstance(row, dict) and row.get("class") in classes \
                and norm(name) in {norm(n) for n in [row.get("label", ""), *row.get("aliases", [])]}:
            return str(row.get("label"))
    return name


def same(data: dict[str, Any], a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are one name, or label/aliases of one listed entity."""
    if norm(a) == norm(b):
        return True
    for row in data.get("entity", []):
        if isinstance(row, dict):
            names = {norm(n) for n in [row.get("label", ""), *row.get("aliases", [])] if isinstance(n, str)}
            if norm(a) in names and norm(b) in names:
                return True
    return False


def check_keys(check: FileCheck, table: str, index: int, row: Any,
               required: frozenset[str], optional: frozenset[str]) -> bool:
    """Report missing and unknown keys; False when the row is not a table at all."""
    if not isinstance(row, dict):
        check.error(check.line_of(table, index), f"{table} must be written as [[{table}]] tables")
        return False
    for key in sorted(required - row.keys()):
        check.error(check.line_of(table, index), f"[[{table}]] is missing '{key}'")
    for key in sorted(row.keys() - required - optional):
        check.error(check.line_of(table, index, key), f"[[{table}]] has unknown key '{key}'")
    return True


def check_name(check: FileCheck, names: dict[str, set[str]], table: str, index: int,
               row: dict[str, Any], key: str, classes: frozenset[str]) -> None:
    """``row[key]`` must name a listed entity of one of ``classes``."""
    if key not in row:
        return
    value = row[key]
    line = check.line_of(table, index, key)
    if not isinstance(value, str) or not value.strip():
        check.error(line, f"[[{table}]] {key} must be a non-empty string")
        return
    found = names.get(norm(value))
    if not found:
        check.error(line, f"{key} '{value}' is not a listed [[entity]]")
    elif not found & classes:
        check.error(line, f"{key} '{value}' is a {'/'.join(sorted(found))}, expected "
                          + " or ".join(sorted(classes)))


def check_date_key(check: FileCheck, table: str, index: int, row: dict[str, Any], key: str) -> None:
    if key in row and parse_date(row[key]) is None:
        check.error(check.line_of(table, index, key),
                    f"[[{table}]] {key} must be a date string \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", "
                    f"not {row[key]!r}")


def fits(date: tuple[int, ...], doc: tuple[int, ...]) -> int:
    """Compare ``date`` with the document date at the coarser precision: -1, 0 or 1."""
    size = min(len(date), len(doc))
    a, b = date[:size], doc[:size]
    return (a > b) - (a < b)


def check_roles(check: FileCheck, data: dict[str, Any], names: dict[str, set[str]],
                doc: tuple[int, ...] | None) -> None:
    relations = {(canonical(data, str(r.get("subject", "")), PERSON), r.get("predicate"),
                  canonical(data, str(r.get("object", "")), COMPANY))
                 for r in data.get("relation", []) if isinstance(r, dict)}
    rows = data.get("role", [])
    roles: list[tuple[int, str, str, str, str]] = []
    for i, row in enumerate(rows):
        if not check_keys(check, "role", i, row, ROLE_KEYS_REQUIRED, ROLE_KEYS_OPTIONAL):
            continue
        check_name(check, names, "role", i, row, "person", PERSON)
        check_name(check, names, "role", i, row, "organization", COMPANY)
        if "role" in row and row["role"] not in ROLES:
            check.error(check.line_of("role", i, "role"),
                        f"unknown role {row['role']!r} (use one of {', '.join(sorted(ROLES))})")
        if "status" in row and row["status"] not in STATUSES:
            check.error(check.line_of("role", i, "status"),
                        f"unknown status {row['status']!r} (use current, former or future)")
        check_date_key(check, "role", i, row, "start")
        check_date_key(check, "role", i, row, "end")
        start, end = parse_date(row.get("start")), parse_date(row.get("end"))
        if start and end and fits(start, end) > 0:
            check.error(check.line_of("role", i, "end"), f"end {row['end']} is before start {row['start']}")
        status = row.get("status")
        if doc and status in STATUSES:
            line = check.line_of("role", i, "status")
            if status == "former" and end and fits(end, doc) > 0:
                check.error(line, f"a former role cannot end ({row['end']}) after the document date")
            if status == "future" and start and fits(start, doc) < 0:
                check.error(line, f"a future role cannot start ({row['start']}) before the document date")
            if status == "current" and ((start and fits(start, doc) > 0) or (end and fits(end, doc) < 0)):
                check.error(line, "a current role must start on or before and end on or after the document date")
        if {"person", "organization", "role", "status"} <= row.keys() and row["role"] in ROLES \
                and row["status"] in STATUSES:
            roles.append((i, canonical(data, str(row["person"]), PERSON),
                          canonical(data, str(row["organization"]), COMPANY),
                          str(row["role"]), str(row["status"])))
    # roles and relations must agree: current roles give a relation, former/future ones none,
    # except a future chief executive of an organisation that has no current one
    current_ceo = {org for _, _, org, role, status in roles if role == "chiefExecutive" and status == "current"}
    wanted: set[tuple[str, str, str]] = set()
    for i, person, org, role, status in roles:
        predicate = ROLE_PREDICATE.get(role, "akg:holdsRoleIn")
        expected = status == "current" or (status == "future" and role == "chiefExecutive"
                                           and org not in current_ceo)
        if expected:
            wanted.add((person, predicate, org))
            if (person, predicate, org) not in relations:
                check.error(check.line_of("role", i), f"{status} role {role} of '{person}' in '{org}' "
                                                      f"needs the relation {predicate}")
    for i, person, org, role, status in roles:
        predicate = ROLE_PREDICATE.get(role, "akg:holdsRoleIn")
        if (person, predicate, org) in relations and (person, predicate, org) not in wanted:
            check.error(check.line_of("role", i), f"{status} role {role} of '{person}' in '{org}' "
                                                  f"must not have the relation {predicate}")


def check_events(check: FileCheck, data: dict[str, Any], names: dict[str, set[str]]) -> None:
    relations = {(r.get("subject"), r.get("predicate"), r.get("object"))
                 for r in data.get("relation", []) if isinstance(r, dict)}
    for i, row in enumerate(data.get("event", [])):
        if not check_keys(check, "event", i, row, EVENT_KEYS_REQUIRED, EVENT_KEYS_OPTIONAL):
            continue
        kind = row.get("type")
        if kind not in EVENT_TYPES:
            check.error(check.line_of("event", i, "type"),
                        f"unknown event type {kind!r} (use one of {', '.join(sorted(EVENT_TYPES))})")
            continue
        agents, objects = EVENT_CLASSES[kind]
        check_name(check, names, "event", i, row, "agent", agents)
        check_name(check, names, "event", i, row, "object", objects)
        check_date_key(check, "event", i, row, "date")
        if ("amount" in row) != ("unit" in row):
            check.error(check.line_of("event", i, "amount" if "amount" in row else "unit"),
                        "[[event]] amount and unit go together")
        if "amount" in row:
            amount = row["amount"]
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount <= 0:
                check.error(check.line_of("event", i, "amount"), "amount must be a positive plain number")
            if kind not in MONEY_EVENTS:
                check.error(check.line_of("event", i, "amount"), f"a {kind} event carries no amount")
        if "unit" in row and (not isinstance(row["unit"], str) or not UNIT.match(row["unit"])):
            check.error(check.line_of("event", i, "unit"), "unit must be an ISO currency code like \"EUR\"")
        if kind in {"appointment", "resignation", "siteOpening", "siteClosing", "acquisition"}:
            for key in ("agent", "object"):
                if key not in row:
                    check.error(check.line_of("event", i), f"a {kind} event needs '{key}'")
        if kind == "founding" and "object" not in row:
            check.error(check.line_of("event", i), "a founding event needs 'object'")
        if kind == "acquisition" and {"agent", "object"} <= row.keys():
            buyer, target = str(row["agent"]), str(row["object"])
            if not any(p == "akg:acquired" and same(data, str(s), buyer) and same(data, str(o), target)
                       for s, p, o in relations):
                check.error(check.line_of("event", i), f"acquisition '{buyer}' -> '{target}' has no "
                                                       "akg:acquired relation")
        if kind == "founding" and {"agent", "object"} <= row.keys() and not any(
                p == "schema:founder" and same(data, str(s), str(row["object"]))
                and same(data, str(o), str(row["agent"])) for s, p, o in relations):
            check.error(check.line_of("event", i), f"founding of '{row['object']}' by '{row['agent']}' "
                                                   "has no schema:founder relation")


def check_literal_dates(check: FileCheck, data: dict[str, Any]) -> None:
    for i, row in enumerate(data.get("literal", [])):
        if isinstance(row, dict):
            check_date_key(check, "literal", i, row, "date")


def check_file(path: Path) -> list[str]:
    """All errors of one gold file (an empty list when it is clean)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return [f"{path}:1: cannot read gold file ({err.__class__.__name__})"]
    check = FileCheck(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"line (\d+)", str(err))
        return [f"{path}:{line.group(1) if line else 1}: invalid TOML: {str(err).split(' (at')[0]}"]
    for table in NEW_TABLES:
        if table in data and not isinstance(data[table], list):
            check.error(1, f"'{table}' must be written as [[{table}]] tables")
            data[table] = []
    classic_part(check)
    names = entity_classes(data)
    check_literal_dates(check, data)
    check_roles(check, data, names, doc_date(path))
    check_events(check, data, names)
    return sorted(check.errors, key=_line_number)


def _line_number(error: str) -> int:
    """The line an error names (for sorting one file's errors), 0 if none."""
    match = re.match(r"^.*?:(\d+): ", error)
    return int(match.group(1)) if match else 0


def gold_files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(path.rglob("*" + GOLD_SUFFIX)))
        else:
            out.append(path)
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
