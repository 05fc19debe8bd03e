"""The pattern language of relation rules, and the matcher that runs it over one sentence.

A sentence is seen as a sequence of *units*: a mention (``ent``), a role phrase (``role``), a number
with its bound and unit (``num``) or a plain token (``tok``). A rule is a sequence of elements, each
matching units; ``kg/lang/<code>/patterns.toml`` holds the rules. Elements:

- ``{ent = "schema:Organization", as = "x", type = "akg:Company"}``: a mention whose class is (a
  subclass of) the given one; with ``type``, an untyped mention also matches and gets that class;
- ``{list = "org:Site", as = "xs"}``: one or more such mentions joined by ",", "in", "ter", "and";
  with ``scope = "rest"``: every such mention from here to the end of the sentence outside brackets;
- ``{lemma = [...]}``, ``{word = [...]}`` (lower-case surface), ``{punct = [...]}``;
- ``{role = true, as = "r"}`` a role phrase; ``{num = true, as = "n"}`` a number;
  ``{demonym = true, as = "p"}`` an adjective naming a place; ``{any = true, as = "w"}`` any word
  (with ``ends = ["ec", "ik"]``: whose lemma has one of those endings);
- ``{skip = N}``: up to N units of anything; with ``not = ["schema:Organization", "za"]``: of
  anything but a mention of that class or that word, written or referring ("ta") (so that the
  next element is the nearest one); ``opt = true`` makes an element optional;
  ``subject = true`` on an ``ent`` element: only the sentence's first mention of that class;
  ``bare = true``: only a mention no preposition governs ("v družbo vložili": not the investor);
  ``overt = true``: only a mention written in the text (not a dropped subject, see ``kg.extract.link``);
  ``named = true`` (also on ``list``): only a name, not a referring word ("tovarno") or a dropped subject;
  ``sole = true``: only when every mention of that class in the sentence is the same entity.

Each rule lists ``facts`` to emit from the bindings; see ``kg.extract.relations``.
"""
from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.extract.document import MentionSource, Quantity
from kg.extract.lemmatize import lemma
from kg.extract.memo import by_identity

ELEMENT_KINDS = ("ent", "list", "lemma", "word", "punct", "role", "num", "demonym", "any", "skip")
LIST_JOINERS = {",", "in", "ter", "and", "&", "ali", "or", "as well as"}
# "..., Oražmova pa je tehnična direktorica": a name before a contrastive "pa" opens a clause
CLAUSE_PARTICLES = {"pa"}


@dataclass(frozen=True)
class Element:
    """One position of a pattern."""

    kind: str
    values: frozenset[str] = frozenset()
    bind: str | None = None
    optional: bool = False
    type_as: str | None = None
    n: int = 0
    scope: str = ""
    subject: bool = False
    sole: bool = False
    bare: bool = False
    overt: bool = False
    named: bool = False


@dataclass(frozen=True)
class Rule:
    """A named pattern and the facts it yields."""

    id: str
    lang: str
    comment: str
    elements: tuple[Element, ...]
    facts: tuple[dict, ...]
    required: tuple[frozenset[str], ...]  # each set: one of its lemmas/words must occur
    first_only: bool = False  # only the first match in a sentence (its subject)
    unless: frozenset[str] = frozenset()  # skip in a sentence where one of these rules matched
    agreement: tuple[str, str, str] | None = None  # (verb, subject, object) bindings, see kg.extract.relations


@dataclass
class Unit:
    """A position in a sentence as the matcher sees it."""

    kind: str  # "tok", "ent", "role", "num"
    start: int  # first token index
    end: int  # exclusive
    lemma: str = ""
    word: str = ""
    depth: int = 0  # bracket depth
    mention: int = -1
    group: int = -1
    cls: str | None = None
    source: MentionSource | None = None  # of an entity's mention
    prop: str = ""
    quantity: Quantity | None = None
    governed: bool = False  # a preposition stands right before this mention


Binding = dict[str, "Unit | list[Unit]"]
IsA = Callable[[str, str], bool]


def _element(spec: dict, lang: str, where: str) -> Element:
    kinds = [k for k in ELEMENT_KINDS if k in spec]
    if len(kinds) != 1:
        raise InputError(f"{where}: each pattern element needs exactly one of {', '.join(ELEMENT_KINDS)}: {spec}")
    kind = kinds[0]
    raw = spec[kind]
    if kind == "skip":
        barred = spec.get("not", [])
        return Element("skip", frozenset([barred] if isinstance(barred, str) else barred), n=int(raw))
    values = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
    if kind == "num" and "unit" in spec:
        values = [spec["unit"]]
    if kind == "any" and "ends" in spec:
        values = list(spec["ends"])
    if kind == "lemma":
        # keep the word as written too: lemmatising "found" alone would give "find"
        values = [v for raw in values for v in (raw, lemma(raw, lang))]
    elif kind == "word":
        values = [v.lower() for v in values]
    return Element(kind, frozenset(values), spec.get("as"), bool(spec.get("opt", False)),
                   spec.get("type"), scope=spec.get("scope", ""), subject=bool(spec.get("subject", False)),
                   sole=bool(spec.get("sole", False)), bare=bool(spec.get("bare", False)),
                   overt=bool(spec.get("overt", False)), named=bool(spec.get("named", False)))


def load_rules(path: Path, lang: str) -> list[Rule]:
    """Read ``patterns.toml`` into rules; an InputError names the file and rule on a mistake."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: malformed patterns: {err}") from None
    rules: list[Rule] = []
    for spec in data.get("rule", []):
        where = f"{path}: rule {spec.get('id', '?')!r}"
        if "id" not in spec or "pattern" not in spec or "facts" not in spec:
            raise InputError(f"{where}: a rule needs id, pattern and facts")
        if any(r.id == spec["id"] for r in rules):
            raise InputError(f"{where}: a second rule with this id (another rule's 'unless' could not tell them apart)")
        elements = tuple(_element(e, lang, where) for e in spec["pattern"])
        agreement = spec.get("agreement")
        if agreement is not None and (len(agreement) != 3 or not set(agreement) <= {e.get("as") for e in spec["pattern"]}):
            raise InputError(f"{where}: agreement names three bindings of the pattern (verb, subject, object)")
        required = tuple(e.values for e in elements if e.kind in ("lemma", "word") and not e.optional)
        rules.append(Rule(spec["id"], lang, spec.get("comment", ""), elements, tuple(spec["facts"]),
                          required, bool(spec.get("first", False)), frozenset(spec.get("unless", [])),
                          tuple(spec["agreement"]) if "agreement" in spec else None))
    return rules


def _unit_ok(el: Element, u: Unit, is_a: IsA) -> bool:
    if el.kind == "ent":
        if u.kind != "ent" or u.source == MentionSource.DEMONYM or (el.named and u.source in (MentionSource.COREF, MentionSource.ZERO)):
            return False
        if u.cls is None:
            return el.type_as is not None
        return any(is_a(u.cls, v) for v in el.values)
    if el.kind == "lemma":
        return u.kind in ("tok", "role", "num") and u.lemma in el.values
    if el.kind == "word":
        return u.kind == "tok" and u.word in el.values
    if el.kind == "punct":
        return u.kind == "tok" and u.word in el.values
    if el.kind == "role":
        return u.kind == "role" and (not el.values or u.prop in el.values or "true" in el.values)
    if el.kind == "num":
        return u.kind == "num" and u.quantity is not None and (not el.values or u.quantity.unit in el.values)
    if el.kind == "demonym":
        return u.kind == "ent" and u.source == MentionSource.DEMONYM
    if el.kind == "any":
        return u.kind == "tok" and any(ch.isalpha() for ch in u.word) and \
            (not el.values or "true" in el.values or u.lemma.endswith(tuple(el.values)))
    return False


def _is_barred(el: Element, u: Unit, is_a: IsA) -> bool:
    """True if a skip with ``not = [...]`` (classes, or words such as "za", also a referring word:
    "ta", "<role>": a role phrase, or "<untyped>": a name of no class yet) may not pass over unit u."""
    if u.kind == "tok":
        return u.word in el.values
    if u.kind == "role":
        return "<role>" in el.values  # "ustanovil nekdanji predsednik uprave X Bojan Mlakar": X is the role's
    if u.kind == "ent" and u.cls is None and u.source != MentionSource.DEMONYM and "<untyped>" in el.values:
        return True  # "je sklad Altamar Capital s sedežem v Trstu": a name whose class a later rule may give
    if u.kind == "ent" and u.source == MentionSource.COREF and u.word.lower() in el.values:
        return True
    return u.kind == "ent" and u.source != MentionSource.DEMONYM and u.cls is not None and \
        any(is_a(u.cls, c) for c in el.values if ":" in c)


def _is_first_of_class(el: Element, units: list[Unit], ui: int, is_a: IsA) -> bool:
    """True if no earlier unit of the sentence is a mention this element would also match."""
    return not any(_unit_ok(el, u, is_a) for u in units[:ui])


def _is_sole_of_class(el: Element, units: list[Unit], ui: int, is_a: IsA) -> bool:
    """True if every unit this element would match refers to the same entity as unit ui."""
    groups = {u.group for u in units if _unit_ok(el, u, is_a)}
    return groups == {units[ui].group}


def _match_list(el: Element, units: list[Unit], i: int, is_a: IsA) -> list[tuple[list[Unit], int]]:
    """Ways a list element can match at i: (items, next index), longest first."""
    one = Element("ent", el.values, type_as=el.type_as, named=el.named)
    if el.scope == "rest":
        depth = units[i].depth if i < len(units) else 0
        items = [u for u in units[i:] if u.depth == depth and _unit_ok(one, u, is_a)]
        return [(items, len(units))] if items else []
    out: list[tuple[list[Unit], int]] = []
    items = []
    j = i
    while j < len(units) and _unit_ok(one, units[j], is_a):
        if items and j + 1 < len(units) and units[j + 1].kind == "tok" and units[j + 1].word in CLAUSE_PARTICLES:
            break
        items.append(units[j])
        j += 1
        out.append((list(items), j))
        k = j
        while k < len(units) and units[k].kind == "tok" and units[k].word in LIST_JOINERS:
            k += 1
        if k == j:
            break
        # "model Clio in model Twingo": one lower-case word may stand before the next item
        if k + 1 < len(units) and units[k].kind == "tok" and units[k].word.isalpha() \
                and units[k].word.islower() and units[k + 1].kind == "ent":
            k += 1
        j = k
    return out[::-1]


def _match(elements: tuple[Element, ...], units: list[Unit], ei: int, ui: int, b: Binding,
           is_a: IsA) -> Iterator[Binding]:
    if ei == len(elements):
        yield b
        return
    el = elements[ei]
    if el.kind == "skip":
        for k in range(el.n + 1):
            if ui + k > len(units):
                break
            if k and el.values and _is_barred(el, units[ui + k - 1], is_a):
                break  # the skip may not pass over this mention
            yield from _match(elements, units, ei + 1, ui + k, b, is_a)
        return
    # optional elements are greedy: try with the element first, then without
    if ui < len(units):
        if el.kind == "list":
            for items, nxt in _match_list(el, units, ui, is_a):
                yield from _match(elements, units, ei + 1, nxt, {**b, el.bind or "_": items}, is_a)
        elif _unit_ok(el, units[ui], is_a) and (not el.subject or _is_first_of_class(el, units, ui, is_a)) \
                and (not el.sole or _is_sole_of_class(el, units, ui, is_a)) and not (el.bare and units[ui].governed) \
                and not (el.overt and units[ui].source == MentionSource.ZERO):
            nb = {**b, el.bind: units[ui]} if el.bind else b
            yield from _match(elements, units, ei + 1, ui + 1, nb, is_a)
    if el.optional:
        yield from _match(elements, units, ei + 1, ui, b, is_a)


class UnitIndex:
    """Where the units of a sentence stand, by kind, lemma and word, so that a rule looks for its
    start only among the units that can begin it and not past the last one that can end it.

    >>> index = UnitIndex([Unit("ent", 0, 1), Unit("tok", 1, 2, lemma="biti", word="je"), Unit("ent", 2, 3)])
    >>> index.by_kind["ent"], index.last_lemma["biti"], index.last_word["je"]
    ([0, 2], 1, 1)
    """

    def __init__(self, units: list[Unit]) -> None:
        self.size = len(units)
        self.by_kind: dict[str, list[int]] = {}
        self.last_lemma: dict[str, int] = {}  # of tok, role and num units (``lemma`` elements)
        self.last_word: dict[str, int] = {}  # of tok units (``word`` and ``punct`` elements)
        self._fits: dict[tuple, int] = {}  # element (as it matches a unit) -> last_fit
        for i, u in enumerate(units):
            self.by_kind.setdefault(u.kind, []).append(i)
            if u.kind in ("tok", "role", "num"):
                self.last_lemma[u.lemma] = i
            if u.kind == "tok":
                self.last_word[u.word] = i

    def candidates(self, el: Element) -> list[int] | range:
        """Positions, in order, that may match ``el`` (a superset: the matcher still tests each)."""
        kind = {"ent": "ent", "list": "ent", "demonym": "ent", "num": "num", "role": "role"}.get(el.kind)
        return self.by_kind.get(kind, []) if kind else range(self.size)

    def last_fit(self, el: Element, units: list[Unit], is_a: IsA) -> int:
        """At least the last position where ``el`` could match a unit (-1: none can)."""
        return self._last_fit(_fit_key(el), el, units, is_a)

    def _last_fit(self, key: tuple, el: Element, units: list[Unit], is_a: IsA) -> int:
        if key in self._fits:  # rules share elements ("an organisation")
            return self._fits[key]
        if el.kind == "lemma":
            fit = max((self.last_lemma.get(v, -1) for v in el.values), default=-1)
        elif el.kind in ("word", "punct"):
            fit = max((self.last_word.get(v, -1) for v in el.values), default=-1)
        else:
            probe = Element("ent", el.values, type_as=el.type_as, named=el.named) if el.kind == "list" else el
            fit = next((i for i in reversed(self.candidates(probe)) if _unit_ok(probe, units[i], is_a)), -1)
        self._fits[key] = fit
        return fit

    def last_start(self, rule: Rule, units: list[Unit], is_a: IsA) -> int:
        """The last position where a match of ``rule`` may start: each element that is not
        optional matches at or after the start. (Else a rule "ORG, skip 25, list of sites"
        tries 26 skips at each organisation of a sentence that names no site.)"""
        last = self.size - 1
        for key, el in _needed(rule):
            last = min(last, self._last_fit(key, el, units, is_a))
            if last < 0:
                break
        return last


def _fit_key(el: Element) -> tuple:
    """What matching ``el`` against one unit reads of it: equal keys, equal last fits."""
    if el.kind in ("lemma", "word", "punct"):
        return ("word" if el.kind == "punct" else el.kind, el.values)
    return ("ent" if el.kind == "list" else el.kind, el.values, el.type_as, el.named)


@by_identity
def _needed(rule: Rule) -> tuple[tuple[tuple, Element], ...]:
    """The elements of ``rule`` that every match must fit (not optional, not a skip nor "any"),
    with their keys, those looked up by word first (the cheapest)."""
    needed = [(_fit_key(el), el) for el in rule.elements if el.kind not in ("skip", "any") and not el.optional]
    return tuple(sorted(needed, key=lambda pair: pair[1].kind not in ("lemma", "word", "punct")))


def find_matches(rule: Rule, units: list[Unit], present: set[str], is_a: IsA,
                 index: UnitIndex | None = None) -> list[Binding]:
    """All bindings of a rule in a sentence (first match for each start position).

    ``present``: the lemmas and words of the sentence, to skip rules that cannot match;
    ``index``: the sentence's ``UnitIndex``, if the caller has it already.
    """
    if any(values.isdisjoint(present) for values in rule.required):
        return []
    index = index or UnitIndex(units)
    first = rule.elements[0]
    anchored = first.kind not in ("skip", "list") and not first.optional
    last = index.last_start(rule, units, is_a)
    results = []
    covered = -1  # a list that opens the rule: its later items start no match of their own
    for start in (index.candidates(first) if anchored else range(index.size)):
        if start > last:
            break
        if start <= covered:
            continue
        if anchored and not _unit_ok(first, units[start], is_a):
            continue  # cheap test of the first element before the backtracking search
        for binding in _match(rule.elements, units, 0, start, {}, is_a):
            results.append(binding)
            if first.kind == "list" and isinstance(bound := binding.get(first.bind or "_"), list):
                covered = units.index(bound[-1], start)
            break
        if results and rule.first_only:
            break
    return results


@dataclass
class SentenceUnits:
    """The units of one sentence and the words present in it."""

    units: list[Unit] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
