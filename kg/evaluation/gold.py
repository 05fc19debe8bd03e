"""Read and validate gold annotations (``NAME.gold.toml`` sidecars, see docs/eval-format.md).

A gold file lists what a careful human reads from one document: entities (label, class,
aliases), relations between them (by label), literal facts (optionally dated), quotations, and
roles over time and dated events (``[[role]]``, ``[[event]]``; eval/time-README.md). This module
turns one file into a :class:`Gold` value and rejects malformed files with a one-line
:class:`kg.errors.InputError` naming the file and line (bad TOML, unknown class or predicate,
a relation or literal naming an entity the file does not list, a missing or unknown key, a bad
date, a role whose status does not fit the document date).
"""
from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.errors import InputError

ENTITY_CLASSES = frozenset({
    "akg:Company", "schema:Person", "akg:Plant", "akg:IndustrialHub", "schema:Country",
    "schema:City", "schema:Continent", "schema:Brand", "schema:Product", "akg:Market",
    "skos:Concept",
})
RELATION_PREDICATES = frozenset({
    "schema:founder", "schema:parentOrganization", "org:hasSite", "schema:containsPlace",
    "schema:containedInPlace", "akg:chiefExecutiveOf", "akg:holdsRoleIn", "schema:brand",
    "akg:targetsMarket", "akg:aimsToLead", "akg:hasRootsIn", "akg:headquarteredIn",
    "akg:foundingPlanIncludes", "akg:produces", "akg:acquired", "akg:region",
})
LITERAL_PREDICATES = frozenset({
    "schema:numberOfEmployees", "akg:numberOfSites", "akg:workforceShare",
    "akg:yearsOfExperience", "schema:foundingDate", "akg:investment", "akg:revenue",
    "akg:acquisitionPrice", "akg:productionCapacity",
})
GOLD_SUFFIX = ".gold.toml"
META_SUFFIX = ".meta.toml"
BOUNDS = frozenset({"exact", "min", "max"})
QUALIFIERS = ("place", "occupation", "unit")
ROLE_KINDS = frozenset({"chiefExecutive", "boardChair", "boardMember", "supervisoryChair", "other"})
ROLE_STATUSES = frozenset({"current", "former", "future"})
EVENT_TYPES = frozenset({"founding", "acquisition", "investment", "appointment", "resignation",
                         "siteOpening", "siteClosing"})
_PERSON, _COMPANY = frozenset({"schema:Person"}), frozenset({"akg:Company"})
_PLACE = frozenset({"akg:Plant", "schema:City", "schema:Country", "akg:IndustrialHub"})
# event type -> (classes its agent may have, classes its object may have, keys it must have)
EVENT_ARGUMENTS: dict[str, tuple[frozenset[str], frozenset[str], tuple[str, ...]]] = {
    "founding": (_PERSON | _COMPANY, _COMPANY, ("object",)),
    "acquisition": (_COMPANY, _COMPANY, ("agent", "object")),
    "investment": (_COMPANY | _PERSON, _PLACE | _COMPANY, ()),
    "appointment": (_COMPANY, _PERSON, ("agent", "object")),
    "resignation": (_PERSON, _COMPANY, ("agent", "object")),
    "siteOpening": (_COMPANY, frozenset({"akg:Plant"}), ("agent", "object")),
    "siteClosing": (_COMPANY, frozenset({"akg:Plant"}), ("agent", "object")),
}
MONEY_EVENTS = frozenset({"acquisition", "investment"})
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")

_TABLE_KEYS = {
    "entity": ({"label", "class"}, {"aliases"}),
    "relation": ({"subject", "predicate", "object"}, set()),
    "literal": ({"subject", "predicate", "value"}, {"bound", "date", *QUALIFIERS}),
    "quote": ({"speaker", "starts_with"}, set()),
    "role": ({"person", "organization", "role", "status"}, {"start", "end"}),
    "event": ({"type"}, {"date", "agent", "object", "amount", "unit"}),
}
_HEADER = re.compile(r"^\s*\[\[\s*(\w+)\s*\]\]")


def norm(text: str) -> str:
    """Matching key of a label: Unicode NFC, case-folded, inner whitespace collapsed.

    Examples
    --------
    >>> norm("  Skupina   RENAULT ") == norm("skupina renault")
    True
    """
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class GoldEntity:
    """An expected entity: canonical label, class (CURIE) and other names."""

    label: str
    cls: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        """Normalised label and aliases."""
        return frozenset(norm(n) for n in (self.label, *self.aliases))


@dataclass(frozen=True)
class GoldRelation:
    """An expected relation ``subject --predicate--> object`` between entity labels."""

    subject: str
    predicate: str
    object: str


@dataclass(frozen=True)
class GoldLiteral:
    """An expected literal fact, with its bound (exact/min/max) and optional qualifiers."""

    subject: str
    predicate: str
    value: str
    bound: str = "exact"
    qualifiers: tuple[tuple[str, str], ...] = ()
    date: str = ""  # the year the value holds for ("leta 2019 je imela 450 zaposlenih"), if the text ties it to one


@dataclass(frozen=True)
class GoldRole:
    """A person's role in an organisation as the document states it, with its status on the
    document date and the start and end dates the text gives ("" when it gives none)."""

    person: str
    organization: str
    role: str
    status: str
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class GoldEvent:
    """An event the document reports: its type, date, agent, object and amount ("" when absent)."""

    type: str
    date: str = ""
    agent: str = ""
    object: str = ""
    amount: str = ""
    unit: str = ""


@dataclass(frozen=True)
class GoldQuote:
    """An expected quotation: who said it and how it starts."""

    speaker: str
    starts_with: str


@dataclass
class Gold:
    """Everything one gold file expects from its document."""

    path: Path
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    literals: list[GoldLiteral] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    roles: list[GoldRole] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)

    def named(self, label: str) -> list[GoldEntity]:
        """The listed entities with ``label`` as label or alias (normalised); one name may
        belong to entities of different classes, e.g. the plant and the town "Hoče"."""
        key = norm(label)
        return [ent for ent in self.entities if key in ent.names]


def number_key(value: Any) -> str:
    """Canonical text of a value so that 11000, "11000" and 11000.0 compare equal.

    Examples
    --------
    >>> number_key(35), number_key("35.0"), number_key("2023")
    ('35', '35', '2023')
    """
    text = str(value).strip()
    try:
        num = Decimal(text)
    except InvalidOperation:
        return norm(text)
    if num == num.to_integral_value():
        return str(num.quantize(Decimal(1)))
    return format(num.normalize(), "f")


def parse_date(value: object) -> tuple[int, ...] | None:
    """``(year,)``, ``(year, month)`` or ``(year, month, day)`` of a date string, else None.

    >>> parse_date("2022-06-15"), parse_date("2023-03"), parse_date("2019")
    ((2022, 6, 15), (2023, 3), (2019,))
    >>> parse_date("2023-02-30") is None, parse_date(2021) is None, parse_date("2023-13") is None
    (True, True, True)
    """
    match = _DATE.match(value) if isinstance(value, str) else None
    if not match:
        return None
    parts = tuple(int(p) for p in match.groups() if p is not None)
    try:
        dt.date(parts[0], *(parts[1:] + (1, 1))[:2])
    except ValueError:
        return None
    return parts


def compare_dates(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """-1, 0 or 1: ``a`` before, at or after ``b`` at the coarser of the two precisions.

    >>> compare_dates((2023, 3), (2023,)), compare_dates((2022, 12, 1), (2023, 1))
    (0, -1)
    """
    size = min(len(a), len(b))
    return (a[:size] > b[:size]) - (a[:size] < b[:size])


def document_date(gold_path: Path) -> tuple[int, ...] | None:
    """The ``date`` of the document's ``NAME.meta.toml`` beside the gold file, if it has one."""
    meta = gold_path.with_name(gold_path.name.removesuffix(GOLD_SUFFIX) + META_SUFFIX)
    try:
        value = tomllib.loads(meta.read_text(encoding="utf-8")).get("date")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None  # kg build reports a broken sidecar; the gold is checked without the date
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    if isinstance(value, int):
        return (value,)
    return parse_date(value[:10]) if isinstance(value, str) else None


def _table_lines(text: str) -> dict[str, list[int]]:
    """Line number (1-based) of every ``[[table]]`` header, per table name, in file order."""
    lines: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADER.match(line)
        if match:
            lines.setdefault(match.group(1), []).append(number)
    return lines


def _key_line(text: str, start: int, key: str) -> int:
    """The line of ``key = ...`` in the table starting at line ``start`` (else ``start``)."""
    lines = text.splitlines()
    for number in range(start, len(lines)):
        line = lines[number]
        if _HEADER.match(line) or line.lstrip().startswith("["):
            break
        if re.match(rf"^\s*{re.escape(key)}\s*=", line):
            return number + 1
    return start


class _Reader:
    """Validates the parsed tables of one file, raising errors that carry file and line."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.lines = _table_lines(text)

    def fail(self, table: str, index: int, key: str | None, message: str) -> InputError:
        starts = self.lines.get(table, [])
        start = starts[index] if index < len(starts) else 1
        line = _key_line(self.text, start, key) if key else start
        return InputError(f"{self.path}:{line}: {message}")

    def string(self, table: str, index: int, row: dict, key: str) -> str:
        value = row.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(table, index, key, f"[[{table}]] {key} must be a non-empty string")
        return value

    def check_keys(self, table: str, index: int, row: Any) -> dict:
        if not isinstance(row, dict):
            raise self.fail(table, index, None, f"{table} must be a [[{table}]] table")
        required, optional = _TABLE_KEYS[table]
        for key in sorted(required - row.keys()):
            raise self.fail(table, index, None, f"[[{table}]] is missing '{key}'")
        for key in sorted(row.keys() - required - optional):
            raise self.fail(table, index, key, f"[[{table}]] has unknown key '{key}'")
        return row


def _entities(reader: _Reader, rows: list) -> list[GoldEntity]:
    out: list[GoldEntity] = []
    seen: dict[tuple[str, str], str] = {}
    for i, row in enumerate(rows):
        row = reader.check_keys("entity", i, row)
        label = reader.string("entity", i, row, "label")
        cls = reader.string("entity", i, row, "class")
        if cls not in ENTITY_CLASSES:
            raise reader.fail("entity", i, "class", f"unknown class '{cls}' (use one of "
                              + ", ".join(sorted(ENTITY_CLASSES)) + ")")
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise reader.fail("entity", i, "aliases", "aliases must be a list of non-empty strings")
        ent = GoldEntity(label, cls, tuple(aliases))
        for name in sorted(ent.names):
            if (name, cls) in seen:
                raise reader.fail("entity", i, "label",
                                  f"name '{name}' already used by the {cls} '{seen[name, cls]}'")
            seen[name, cls] = label
        out.append(ent)
    return out


def _known(reader: _Reader, gold: Gold, table: str, i: int, row: dict, key: str) -> str:
    label = reader.string(table, i, row, key)
    if not gold.named(label):
        raise reader.fail(table, i, key, f"{key} '{label}' is not a listed [[entity]]")
    return label


def _relations(reader: _Reader, gold: Gold, rows: list) -> list[GoldRelation]:
    out = []
    for i, row in enumerate(rows):
        row = reader.check_keys("relation", i, row)
        pred = reader.string("relation", i, row, "predicate")
        if pred not in RELATION_PREDICATES:
            raise reader.fail("relation", i, "predicate", f"unknown relation predicate '{pred}'")
        subj = _known(reader, gold, "relation", i, row, "subject")
        obj = _known(reader, gold, "relation", i, row, "object")
        out.append(GoldRelation(subj, pred, obj))
    return out


def _literals(reader: _Reader, gold: Gold, rows: list) -> list[GoldLiteral]:
    out = []
    for i, row in enumerate(rows):
        row = reader.check_keys("literal", i, row)
        pred = reader.string("literal", i, row, "predicate")
        if pred not in LITERAL_PREDICATES:
            raise reader.fail("literal", i, "predicate", f"unknown literal predicate '{pred}'")
        subj = _known(reader, gold, "literal", i, row, "subject")
        value = row["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise reader.fail("literal", i, "value", "value must be a number or a string")
        bound = row.get("bound", "exact")
        if bound not in BOUNDS:
            raise reader.fail("literal", i, "bound", f"bound must be \"min\" or \"max\", not {bound!r}")
        quals = []
        for key in QUALIFIERS:
            if key in row:
                quals.append((key, reader.string("literal", i, row, key)))
        date = _date(reader, "literal", i, row, "date")
        if len(parse_date(date) or ()) > 1:
            raise reader.fail("literal", i, "date", "a literal's date is a year (\"YYYY\")")
        out.append(GoldLiteral(subj, pred, number_key(value), bound, tuple(quals), date))
    return out


def _date(reader: _Reader, table: str, i: int, row: dict, key: str) -> str:
    """The date string under ``key`` ("" when absent); anything but "YYYY", "YYYY-MM" or
    "YYYY-MM-DD" naming a real day is an error."""
    if key not in row:
        return ""
    if parse_date(row[key]) is None:
        raise reader.fail(table, i, key, f'[[{table}]] {key} must be a date "YYYY", "YYYY-MM" or '
                                         f'"YYYY-MM-DD", not {row[key]!r}')
    return str(row[key])


def _entity_of(reader: _Reader, gold: Gold, table: str, i: int, row: dict, key: str,
               classes: frozenset[str]) -> str:
    """``row[key]``: a listed entity of one of ``classes``."""
    label = _known(reader, gold, table, i, row, key)
    found = {ent.cls for ent in gold.named(label)}
    if not found & classes:
        raise reader.fail(table, i, key, f"{key} '{label}' is a {'/'.join(sorted(found))}, expected "
                          + " or ".join(sorted(classes)))
    return label


def _status_fits(status: str, start: str, end: str, doc: tuple[int, ...]) -> str:
    """Why a role's status cannot be true on the document date ("" when it can)."""
    begin, until = parse_date(start), parse_date(end)
    if status == "former" and until and compare_dates(until, doc) > 0:
        return f"a former role cannot end ({end}) after the document date"
    if status == "future" and begin and compare_dates(begin, doc) < 0:
        return f"a future role cannot start ({start}) before the document date"
    if status == "current" and ((begin and compare_dates(begin, doc) > 0) or (until and compare_dates(until, doc) < 0)):
        return "a current role must start on or before and end on or after the document date"
    return ""


def _roles(reader: _Reader, gold: Gold, rows: list, doc: tuple[int, ...] | None) -> list[GoldRole]:
    out = []
    for i, row in enumerate(rows):
        row = reader.check_keys("role", i, row)
        person = _entity_of(reader, gold, "role", i, row, "person", _PERSON)
        org = _entity_of(reader, gold, "role", i, row, "organization", _COMPANY)
        kind, status = reader.string("role", i, row, "role"), reader.string("role", i, row, "status")
        if kind not in ROLE_KINDS:
            raise reader.fail("role", i, "role", f"unknown role {kind!r} (use one of {', '.join(sorted(ROLE_KINDS))})")
        if status not in ROLE_STATUSES:
            raise reader.fail("role", i, "status", f"unknown status {status!r} (use current, former or future)")
        start, end = _date(reader, "role", i, row, "start"), _date(reader, "role", i, row, "end")
        if start and end and compare_dates(parse_date(start) or (), parse_date(end) or ()) > 0:
            raise reader.fail("role", i, "end", f"end {end} is before start {start}")
        why = _status_fits(status, start, end, doc) if doc else ""
        if why:
            raise reader.fail("role", i, "status", why)
        out.append(GoldRole(person, org, kind, status, start, end))
    return out


def _events(reader: _Reader, gold: Gold, rows: list) -> list[GoldEvent]:
    out = []
    for i, row in enumerate(rows):
        row = reader.check_keys("event", i, row)
        kind = reader.string("event", i, row, "type")
        if kind not in EVENT_TYPES:
            raise reader.fail("event", i, "type", f"unknown event type {kind!r} (use one of "
                              f"{', '.join(sorted(EVENT_TYPES))})")
        agents, objects, required = EVENT_ARGUMENTS[kind]
        for key in required:
            if key not in row:
                raise reader.fail("event", i, None, f"a {kind} event needs '{key}'")
        agent = _entity_of(reader, gold, "event", i, row, "agent", agents) if "agent" in row else ""
        obj = _entity_of(reader, gold, "event", i, row, "object", objects) if "object" in row else ""
        if ("amount" in row) != ("unit" in row):
            raise reader.fail("event", i, "amount" if "amount" in row else "unit", "[[event]] amount and unit go together")
        amount = row.get("amount", "")
        if "amount" in row:
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount <= 0:
                raise reader.fail("event", i, "amount", "amount must be a positive plain number")
            if kind not in MONEY_EVENTS:
                raise reader.fail("event", i, "amount", f"a {kind} event carries no amount")
            if not isinstance(row["unit"], str) or not _CURRENCY.match(row["unit"]):
                raise reader.fail("event", i, "unit", 'unit must be an ISO currency code like "EUR"')
        out.append(GoldEvent(kind, _date(reader, "event", i, row, "date"), agent, obj,
                             number_key(amount) if amount != "" else "", str(row.get("unit", ""))))
    return out


def _quotes(reader: _Reader, gold: Gold, rows: list) -> list[GoldQuote]:
    out = []
    for i, row in enumerate(rows):
        row = reader.check_keys("quote", i, row)
        speaker = _known(reader, gold, "quote", i, row, "speaker")
        out.append(GoldQuote(speaker, reader.string("quote", i, row, "starts_with")))
    return out


def read_gold(path: str | Path) -> Gold:
    """Read and validate one ``NAME.gold.toml`` file.

    Parameters
    ----------
    path
        The gold file.

    Returns
    -------
    Gold
        Its entities, relations, literals, quotes, roles and events.

    Raises
    ------
    kg.errors.InputError
        One line naming the file and line when the file is unreadable or malformed.

    Examples
    --------
    >>> gold = read_gold("eval/sl/seed/ampere-sl.gold.toml")
    >>> gold.named("Renault Group")[0].label
    'Skupina Renault'
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read gold file ({err.__class__.__name__})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"line (\d+)", str(err))
        where = f"{path}:{line.group(1)}" if line else str(path)
        raise InputError(f"{where}: invalid TOML: {str(err).split(' (at')[0]}") from None
    reader = _Reader(path, text)
    for key in sorted(set(data) - set(_TABLE_KEYS)):
        raise InputError(f"{path}: unknown top-level key '{key}' (use [[entity]], [[relation]], "
                         "[[literal]], [[quote]], [[role]], [[event]])")
    for key in _TABLE_KEYS:
        if not isinstance(data.get(key, []), list):
            raise InputError(f"{path}: '{key}' must be written as [[{key}]] tables")
    gold = Gold(path)
    gold.entities = _entities(reader, data.get("entity", []))
    gold.relations = _relations(reader, gold, data.get("relation", []))
    gold.literals = _literals(reader, gold, data.get("literal", []))
    gold.quotes = _quotes(reader, gold, data.get("quote", []))
    gold.roles = _roles(reader, gold, data.get("role", []), document_date(path))
    gold.events = _events(reader, gold, data.get("event", []))
    return gold
