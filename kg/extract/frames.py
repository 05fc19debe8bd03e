"""Relation frames: facts signalled by a trigger word and the role of each argument in its clause.

Slovenian word order is free, so a frame does not list words in order. It names a **trigger**
(a lemma sequence: ``"v lasti"``, ``"prihodek"``, ``"owned by"``; with ``exact = true`` the
words as written: ``"runs"`` but not ``"would run"``) and **slots**, each found in
the trigger's clause by where it stands relative to the trigger and which preposition governs it:

- ``find = "subject"``: what the clause is about: the antecedent of a relative clause ("obrati v
  A in B, ki sestavljajo H": A and B), else the first organisation of the clause that no
  preposition governs, else the sentence's dropped subject (``kg.extract.link``); in a
  "where"/"kjer" clause a subject of the clause's own comes before its antecedent place;
- ``find = "antecedent"``: only the antecedent of a relative clause or apposition ("Kaltwerk, a
  Munich-based maker": Kaltwerk), when the trigger is among the clause's first ``within`` units;
- ``find = "after"`` / ``"before"``: the nearest fitting mention after / before the trigger;
- ``find = "demonym"``: a nationality adjective at most ``within`` units before the trigger;
- ``find = "number"``: the nearest amount (with ``currency = true``: an amount of money);
  ``"number-before"`` only before the trigger;
- ``prep = [...]``: the mention must follow one of these prepositions; ``bare = true``: none;
- ``fallback = "subject"`` / ``"topic"``: when nothing is found where the slot looks, the clause's
  subject / the organisation the sentences before were about ('"...," chief executive X said');
  ``"person-topic"``: the person who opened the sentence before, in a sentence naming no person,
  if the trigger's gender agrees ("Irena Sosič je ... Podjetje X je ustanovila leta 2009").
- ``majority = true``: only a share over 50 % ("bought 70% of X": a purchase; 30 % is a stake).

``unless_before`` lists lemmas and words that may not stand right before the trigger; a word
marked ``=`` ("=ni") counts only as written, not by its lemma ("biti" is also "je").

A frame with ``unless_frame = [ids]`` yields nothing in a clause where one of those earlier
frames yielded facts (a plant's yearly output before the company's).

Frames live in ``kg/lang/<code>/frames.toml``, are checked against a schema when loaded (an
unknown key, a fact naming an unbound slot, or a class or property the ontology lacks stops with
an error naming the file and line), and each carries example sentences with the facts expected
and, under ``not``, facts a trap in the sentence must not give (``tests/extract/test_frames.py``
runs them all). Frames run after the word-order rules of
``patterns.toml`` on every sentence and emit through the same fact specs (``kg.extract.relations``).
"""
from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.extract.document import POSSESSIVE_MARKS, Group, MentionSource
from kg.extract.lemmatize import lemma
from kg.extract.matcher import Binding, Rule, Unit
from kg.extract.memo import by_identity

FRAME_KEYS = {"id", "comment", "trigger", "exact", "slots", "facts", "examples", "unless_word", "requires_word",
              "unless_before", "unless_after", "unless_class", "unless_antecedent", "unless_frame"}
SLOT_KEYS = {"class", "find", "prep", "bare", "within", "currency", "plain", "list", "via", "following", "named", "overt",
             "type", "after_word", "fallback", "sole", "majority", "pronoun"}
FIND = {"subject", "antecedent", "after", "before", "near", "trigger", "number", "number-before", "role", "role-after",
        "site-owner"}
FALLBACK = {"subject", "topic", "person-topic"}
DEMONYM = "<demonym>"  # a trigger word that matches a nationality adjective ("nemški", "German")
ROLE = "<role>"  # a trigger word that matches any role phrase ("chief executive", "direktorica")
LIST_CONJUNCTIONS = frozenset({"in", "ter", "and", "&"})  # join the last item of a list ("A, B in C", "A and B")
QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00bb\u00ab')  # quotation marks that open or close a quotation
REFERRING = "<ref:"  # a trigger "<ref:its>" matches the referring word "its" as a mention ("Its Seaflow packs ...")
ANY_WORD = "<word>"  # in ``via``: any lower-case word ("proizvajalec kavnih aparatov X")
PLACE = "<place>"  # in ``via``: a place name ("the Basel-based Aeschbach group")
NUMBER = "<number>"  # in ``via``: any number ("bo 1. julija postal direktor")
NAME = "<name>"  # in ``unless_after``/``unless_before``: any mention ("set up Ampere in 2023")
MINORITY = "<minority>"  # in ``unless_before``: a share of at most 50 % ("40 percent owned by")
FACT_KEYS = {"s", "p", "p_from", "o", "quantity", "unit", "value", "datatype", "if_single", "unless_in_sentence", "place", "town"}
EXAMPLE_KEYS = {"text", "facts", "not"}  # "not": facts the sentence must not give (its traps)


@dataclass(frozen=True)
class Slot:
    """Where a frame argument is found in the trigger's clause, and what it may be."""

    name: str
    find: str
    cls: tuple[str, ...] = ()  # the mention must be of one of these classes
    prep: frozenset[str] = frozenset()
    bare: bool = False
    within: int = 8
    currency: bool = False
    plain: bool = False
    as_list: bool = False
    via: frozenset[str] = frozenset()  # if set, only these lemmas may stand between trigger and slot
    following: str = ""  # look after the mention of this (earlier) slot instead of the trigger
    named: bool = False  # only a written name, no "podjetje" referring back nor a dropped subject
    type_as: str = ""  # an untyped name may fill the slot, and then gets this class
    after_word: frozenset[str] = frozenset()  # look only after one of these words ("founded in 2009 by X")
    fallback: str = ""  # "subject"/"topic": when nothing is found where the slot looks, take the clause subject / topic
    sole: bool = False  # the clause may name no other entity that could fill the slot
    majority: bool = False  # only a share over 50 % ("bought 70% of X"; a minority stake is no purchase)
    overt: bool = False  # a name or a word referring back, no dropped subject ("Obrat ... so prodali družbi X")
    pronoun: bool = False  # only an object pronoun referring back ("jo ima v lasti skupina Y")


@dataclass(frozen=True)
class Frame:
    """A trigger, its slots and the facts they yield; ``rule`` carries the facts for ``kg.extract.relations``."""

    id: str
    triggers: tuple[tuple[str, ...], ...]
    slots: tuple[Slot, ...]
    rule: Rule
    unless_words: frozenset[str] = frozenset()
    requires_words: frozenset[str] = frozenset()
    unless_before: frozenset[str] = frozenset()  # lemmas that may not stand right before the trigger
    unless_class: str = ""  # no match in a clause that holds a mention of this class
    unless_after: frozenset[str] = frozenset()  # lemmas that may not stand right after the trigger
    examples: tuple[dict[str, Any], ...] = ()
    unless_frames: frozenset[str] = frozenset()  # earlier frames whose facts in the clause stop this one
    unless_antecedent: str = ""  # no match in a relative clause about a mention of this class

    @property
    def first_words(self) -> frozenset[str]:
        """The first word of each trigger: a unit that is none of them starts no trigger."""
        return _first_words(self.triggers)


@dataclass(frozen=True)
class Context:
    """What matching needs from the ontology and the language pack."""

    is_a: Callable[[str, str], bool]
    prep_of: Callable[[Unit], str]  # the preposition governing a mention, or ""
    owner_of: Callable[[list[Unit]], Unit | None] = lambda sites: None  # the organisation that has these sites
    glue: frozenset[str] = frozenset({","}) | LIST_CONJUNCTIONS  # may stand inside a list
    topic: Callable[[], Unit | None] = lambda: None  # the organisation the sentences before were about
    person_topic: Callable[[str], Unit | None] = lambda verb: None  # the person opening the sentence before
    class_nouns: frozenset[str] = frozenset()  # lemmas of the pack's one-word class nouns ("plant")
    object_pronouns: frozenset[str] = frozenset()  # "jo", "ga": what a slot with ``pronoun`` takes
    is_verb: Callable[[str], bool] = lambda lemma: False  # a verb's lemma ("izdelovati")


@dataclass
class Clause:
    """Unit indices of one clause of a sentence, and the antecedent a relative clause refers to."""

    units: list[int] = field(default_factory=list)
    antecedent: list[int] = field(default_factory=list)
    where: bool = False  # opened by "where"/"kjer": the antecedent is a place, the clause has its own subject
    governed: bool = False  # its relative word follows a preposition ("v kateri", "in which")


# ------------------------------------------------------------------ loading and checking


def _line_of(text: str, frame_id: str) -> int:
    """The line of ``id = "<frame_id>"`` in the file (for error messages)."""
    match = re.search(rf'^\s*id\s*=\s*"{re.escape(frame_id)}"', text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _check_keys(spec: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(spec) - allowed)
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def _slot(name: str, spec: dict[str, Any], lang: str, where: str, terms: set[str]) -> Slot:
    _check_keys(spec, SLOT_KEYS, f"{where}: slot {name!r}")
    find = spec.get("find", "after")
    if spec.get("fallback", "subject") not in FALLBACK:
        raise InputError(f"{where}: slot {name!r}: fallback may only be \"subject\", \"topic\" or \"person-topic\"")
    if find not in FIND:
        raise InputError(f"{where}: slot {name!r}: find must be one of {', '.join(sorted(FIND))}, not {find!r}")
    given = spec.get("class", [])
    classes = (given,) if isinstance(given, str) else tuple(given)
    for term in (*classes, spec.get("type")):
        if term and term not in terms:
            raise InputError(f"{where}: slot {name!r}: class {term!r} is not in the ontology")
    return Slot(name, find, classes, frozenset(w.lower() for w in spec.get("prep", [])), bool(spec.get("bare")),
                int(spec.get("within", 8)), bool(spec.get("currency")), bool(spec.get("plain")),
                bool(spec.get("list")), frozenset(w if w in (ANY_WORD, DEMONYM, PLACE, ROLE, NUMBER) else lemma(w, lang) for w in spec.get("via", [])),
                spec.get("following", ""), bool(spec.get("named")), spec.get("type", ""),
                frozenset(w.lower() for w in spec.get("after_word", [])), spec.get("fallback", ""),
                bool(spec.get("sole")), bool(spec.get("majority")), bool(spec.get("overt")), bool(spec.get("pronoun")))


def _facts(specs: list[dict[str, Any]], slots: dict[str, Slot], where: str, terms: set[str]) -> tuple[dict, ...]:
    for spec in specs:
        _check_keys(spec, FACT_KEYS, f"{where}: fact")
        for key in ("s", "o", "quantity", "value", "p_from", "place"):
            if key in spec and spec[key] not in slots:
                raise InputError(f"{where}: fact {key} = {spec[key]!r} names no slot "
                                 f"(slots: {', '.join(sorted(slots))})")
        if "p_from" not in spec and spec.get("p") not in terms:
            raise InputError(f"{where}: fact property {spec.get('p')!r} is not in the ontology")
    return tuple(specs)


def _frame(spec: dict[str, Any], lang: str, where: str, terms: set[str]) -> Frame:
    _check_keys(spec, FRAME_KEYS, where)
    for key in ("id", "trigger", "slots", "facts", "examples"):
        if key not in spec:
            raise InputError(f"{where}: a frame needs {key!r}")
    if len(spec["examples"]) < 2:
        raise InputError(f"{where}: a frame needs at least two examples")
    for example in spec["examples"]:
        _check_keys(example, EXAMPLE_KEYS, f"{where}: example")
    slots = {name: _slot(name, s, lang, where, terms) for name, s in spec["slots"].items()}
    for slot in slots.values():
        if slot.find == "site-owner" and not slot.following:
            raise InputError(f"{where}: slot {slot.name!r}: find = \"site-owner\" needs following = <a slot of sites>")
        if slot.following and slot.following not in slots:
            raise InputError(f"{where}: slot {slot.name!r}: following = {slot.following!r} names no slot")
    facts = _facts(spec["facts"], slots, where, terms)
    unless_class, unless_antecedent = spec.get("unless_class", ""), spec.get("unless_antecedent", "")
    for key, cls in (("unless_class", unless_class), ("unless_antecedent", unless_antecedent)):
        if cls and cls not in terms:
            raise InputError(f"{where}: {key} {cls!r} is not in the ontology")
    exact = bool(spec.get("exact"))  # match the trigger words as written ("runs", not "would run")
    triggers = tuple(tuple(w if w in (DEMONYM, ROLE) else w.lower() if exact else lemma(w, lang) for w in phrase.split())
                     for phrase in spec["trigger"])
    rule = Rule(spec["id"], lang, spec.get("comment", ""), (), facts, ())
    return Frame(spec["id"], triggers, tuple(slots.values()), rule,
                 frozenset(w.lower() for w in spec.get("unless_word", [])),
                 frozenset(w.lower() for w in spec.get("requires_word", [])),
                 # (lemmas, and the words as written for a referring word: "jo")
                 _before_words(spec.get("unless_before", []), lang), unless_class,
                 frozenset(w if w == NAME else lemma(w, lang) for w in spec.get("unless_after", [])),
                 tuple(spec["examples"]), frozenset(spec.get("unless_frame", [])), unless_antecedent)


def _before_words(words: list[str], lang: str) -> frozenset[str]:
    """The words an ``unless_before`` list bars: each as written and by its lemma, but one
    marked "=" only as written ("=ni": "ni v lasti" is denied, while its lemma "biti" is
    also the "je" of "je v lasti").

    >>> sorted(_before_words(["=ni", "imeti"], "sl"))
    ['imeti', 'ni']
    """
    exact = frozenset(w[1:].lower() for w in words if w.startswith("="))
    rest = [w for w in words if not w.startswith("=")]
    return exact | frozenset(w if w == NAME else lemma(w, lang) for w in rest) | frozenset(w.lower() for w in rest)


def load_frames(path: Path, lang: str, terms: set[str]) -> list[Frame]:
    """Read and check a frame file; ``terms`` are the ontology's class and property CURIEs.

    >>> from kg.ontology import load_ontology
    >>> frames = load_frames(Path("kg/lang/sl/frames.toml"), "sl", load_ontology().curies())
    >>> len(frames) > 3
    True
    """
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: invalid TOML: {err}") from None
    _check_keys(data, {"frame"}, str(path))
    frames: list[Frame] = []
    for spec in data.get("frame", []):
        where = f"{path}:{_line_of(text, str(spec.get('id', '')))}"
        frame = _frame(spec, lang, where, terms)
        if unknown := frame.unless_frames - {f.id for f in frames}:
            raise InputError(f"{where}: unless_frame names no earlier frame: {', '.join(sorted(unknown))}")
        if any(f.id == frame.id for f in frames):
            raise InputError(f"{where}: a second frame with the id {frame.id!r}")
        frames.append(frame)
    return frames


# ------------------------------------------------------------------ clauses


def _is_glue(u: Unit, glue: frozenset[str]) -> bool:
    return u.kind == "tok" and (u.word in glue or u.lemma in glue)


def _is_list_comma(units: list[Unit], i: int, glue: frozenset[str]) -> bool:
    """A comma inside a coordination ("v A, B in C", "v A, na B"): entities on both sides."""
    if not 0 < i < len(units) - 1 or units[i - 1].kind != "ent":
        return False
    j = i + 1
    while j < len(units) - 1 and _is_glue(units[j], glue) and units[j].word != ",":
        j += 1  # a preposition may open the next item
    return units[j].kind == "ent"


def _antecedent(units: list[Unit], comma: int, glue: frozenset[str], class_nouns: frozenset[str] = frozenset()
                ) -> list[int]:
    """The entity, or the coordinated entities, right before a comma that opens a relative clause
    ("obrati v A, B in na C, ki ...": A, B and C), also past a class noun after the name ("the
    Jutland hub, which ...": Jutland)."""
    out: list[int] = []
    i = comma - 1
    if i > 0 and units[i].kind == "tok" and units[i].lemma in class_nouns and units[i - 1].kind == "ent":
        i -= 1
    while i >= 0:
        u = units[i]
        if u.kind == "ent":
            out.insert(0, i)
        elif not out or not _is_glue(u, glue):
            break
        i -= 1
    return out


def _copula_subject(units: list[Unit], main: list[int], copulas: frozenset[str]) -> list[int]:
    """The entity that opens the clause so far when a copula follows it ("X is a maker ..."), else none."""
    if len(main) > 1 and units[main[0]].kind == "ent" and units[main[1]].lemma in copulas:
        return [main[0]]
    return []


def _without_quotations(units: list[Unit]) -> tuple[list[int], list[Clause]]:
    """The unit indices outside quotation marks, and each quotation as a clause of its own: what
    a speaker says is no part of the clause that attributes it ("»…,« je dejal direktor X").
    A sentence with an odd number of marks (a quotation that runs over sentences) is left whole."""
    marks = sum(1 for u in units if u.kind == "tok" and u.word in QUOTE_MARKS)
    if marks % 2:
        return list(range(len(units))), []
    outside: list[int] = []
    quoted: list[Clause] = []
    inside = False
    for i, u in enumerate(units):
        if u.kind == "tok" and u.word in QUOTE_MARKS:
            inside = not inside
            if inside:
                quoted.append(Clause())
        elif inside:
            quoted[-1].units.append(i)
        else:
            outside.append(i)
    return outside, quoted


def _names_its_noun(units: list[Unit], comma: int, articles: frozenset[str], possessives: frozenset[str]) -> bool:
    """Does the comma at ``comma`` open an apposition that names a possessed noun ("Its owner, the
    investment house X, bought it", "its flagship model, the Monte Grappa, ...")? That apposition
    belongs to the clause of the noun."""
    if comma + 1 >= len(units) or units[comma + 1].word not in articles or units[comma - 1].kind != "tok":
        return False
    return any(u.word.lower() in possessives and u.kind in ("tok", "ent") for u in units[max(0, comma - 4):comma - 1])


def _names_class_noun(units: list[Unit], comma: int, articles: frozenset[str], class_nouns: frozenset[str]) -> bool:
    """Does the comma open an apposition that names the class noun before it ("into a single hub,
    the Complexo Gaúcho")? It belongs to the noun's clause too."""
    return comma + 1 < len(units) and units[comma + 1].word in articles and units[comma - 1].kind == "tok" \
        and units[comma - 1].lemma in class_nouns


def clauses(units: list[Unit], relative_words: frozenset[str], glue: frozenset[str],
            where_words: frozenset[str] = frozenset(), class_nouns: frozenset[str] = frozenset(),
            articles: frozenset[str] = frozenset(), possessives: frozenset[str] = frozenset(),
            predicate: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
            after_preposition: frozenset[str] = frozenset(), coordinators: frozenset[str] = frozenset(),
            continuers: frozenset[str] = frozenset()) -> list[Clause]:
    """Split a sentence's units into clauses: a quotation is a clause of its own; a relative
    clause ("..., ki ...", "..., kjer ...") runs from its pronoun to the next comma that closes
    it, and knows its antecedent (``class_nouns``: the nouns that may follow it, "the Jutland
    hub"); what surrounds it is one clause, and so is an apposition naming a possessed noun
    ("its owner, the X"). Semicolons end a clause. A relative word of ``after_preposition`` may
    follow a preposition ("..., v kateri izdelujejo", "..., in which it makes"). ``predicate`` (participles, copula lemmas): a
    participle clause after a predicate noun refers to the subject of the copula ("X is a maker of
    vaccines, headquartered in Uppsala": X). A comma and a word of ``coordinators`` open a main
    clause of its own ("X makes A at its P plant, while its Q plant assembles B"); a stretch with a
    word of ``continuers`` goes on with the relative clause before it (:func:`_goes_on`)."""
    outside, out = _without_quotations(units)
    main = Clause()
    current: Clause | None = None
    for i in outside:
        u = units[i]
        pronoun = i + 1
        if _after_preposition(units, i + 1, glue) and i + 2 < len(units) and units[i + 2].word in after_preposition:
            pronoun = i + 2  # ", v kateri ...", ", in which ..."
        opens = (u.kind == "tok" and u.word == "," and pronoun < len(units)
                 and units[pronoun].kind == "tok" and units[pronoun].word in relative_words
                 and not (i > 0 and (_names_its_noun(units, i, articles, possessives)
                                     or _names_class_noun(units, i, articles, class_nouns))))
        if opens:
            if current is not None:
                out.append(current)
            current = Clause(antecedent=_antecedent(units, i, glue, class_nouns), where=units[pronoun].word in where_words,
                             governed=pronoun > i + 1)
            if not current.antecedent and units[pronoun].word in predicate[0]:
                current.antecedent = _copula_subject(units, main.units, predicate[1])
            continue
        if current is not None and u.kind == "tok" and u.word == "," and not _is_list_comma(units, i, glue) \
                and not _goes_on(units, i, continuers):
            out.append(current)
            current = None
            continue
        if u.kind == "tok" and u.word == "," and i + 1 < len(units) and units[i + 1].word in coordinators:
            out += [c for c in (current, main) if c is not None]
            main, current = Clause(), None
            continue
        if u.kind == "tok" and u.word == ";":
            out.append(current or main)
            if current is None:
                main = Clause()
            current = None
            continue
        (current or main).units.append(i)
    if current is not None:
        out.append(current)
    out.append(main)
    return [c for c in out if c.units]


def _goes_on(units: list[Unit], comma: int, continuers: frozenset[str]) -> bool:
    """Does the stretch after ``comma`` go on with the relative clause the comma would close? It
    does when a word of ``continuers`` stands among its words after the first and another comma
    ends it with more to come: "Lesomis, ki ga je ustanovila zadruga, od leta 2019 pa je v lasti Y,
    zaposluje 210 ljudi" (the main clause is "Lesomis zaposluje ...").

    >>> u = [Unit("tok", i, i + 1, word=w) for i, w in enumerate(", od leta pa je v lasti , zaposluje 210".split())]
    >>> _goes_on(u, 0, frozenset({"pa"})), _goes_on(u[:8], 0, frozenset({"pa"}))
    (True, False)
    """
    j, inside = comma + 1, False
    while j < len(units) and not (units[j].kind == "tok" and units[j].word in (",", ";")):
        inside = inside or (1 <= j - comma - 1 <= 4 and units[j].kind == "tok" and units[j].word.lower() in continuers)
        j += 1
    return inside and j + 2 < len(units) and units[j].word == ","


def _after_preposition(units: list[Unit], i: int, glue: frozenset[str]) -> bool:
    """Is unit ``i`` a preposition (a word of ``glue`` that is no comma or conjunction)?"""
    u = units[i] if i < len(units) else None
    return u is not None and u.kind == "tok" and u.word in glue and u.word != "," and u.word not in LIST_CONJUNCTIONS


# ------------------------------------------------------------------ matching


def _trigger_at(units: list[Unit], clause: list[int], pos: int, trigger: tuple[str, ...]) -> int:
    """Length in units of ``trigger`` starting at clause position ``pos`` (0: no match)."""
    if pos + len(trigger) > len(clause):
        return 0
    for n, want in enumerate(trigger):
        u = units[clause[pos + n]]
        if want == DEMONYM:
            if not (u.kind == "ent" and u.source == MentionSource.DEMONYM):
                return 0
        elif want == ROLE:
            if not (u.kind == "role" and u.prop):
                return 0
        elif want.startswith(REFERRING):
            if not _refers_with(u, want):
                return 0
        elif u.kind not in ("tok", "role", "num") or (u.lemma != want and u.word != want):
            return 0
    return len(trigger)


def _refers_with(u: Unit, want: str) -> bool:
    """Is ``u`` a word referring back that is written ``want``'s word ("<ref:its>": "Its" opening
    a sentence, which coreference has made the company)?"""
    return u.kind == "ent" and u.source == MentionSource.COREF and u.word.lower() == want[len(REFERRING):-1]


@functools.cache
def _first_words(triggers: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(t[0] for t in triggers if t)


StartKey = str | tuple[str, str]  # a word or lemma; DEMONYM or ROLE; ("ref", word) for a referring mention


def _start_keys(u: Unit) -> tuple[StartKey, ...]:
    """The keys under which a trigger's first word could start at ``u``: its lemma and word,
    ROLE for a role phrase, DEMONYM or ("ref", its word) for a mention of those sources."""
    if u.kind == "ent":
        if u.source == MentionSource.DEMONYM:
            return (DEMONYM,)
        return (("ref", u.word.lower()),) if u.source == MentionSource.COREF else ()
    return (u.lemma, u.word, ROLE) if u.kind == "role" else (u.lemma, u.word)


@functools.cache
def _lookup_keys(first: frozenset[str]) -> tuple[StartKey, ...]:
    """The :func:`_start_keys` that a trigger starting with one of ``first`` looks for
    ("<ref:its>" looks for ("ref", "its"))."""
    refs = tuple(("ref", w[len(REFERRING):-1]) for w in first if w.startswith(REFERRING))
    return (*first, *refs)


def start_index(units: list[Unit], clause: Clause) -> dict[StartKey, list[int]]:
    """Clause positions by start key, so that a frame looks only where one of its triggers may
    start instead of testing every unit of the clause against every frame.

    >>> units = [Unit("tok", 0, 1, lemma="biti", word="je"), Unit("role", 1, 2, lemma="direktor", word="")]
    >>> start_index(units, Clause([0, 1]))
    {'biti': [0], 'je': [0], 'direktor': [1], '': [1], '<role>': [1]}
    """
    index: dict[StartKey, list[int]] = {}
    for pos, i in enumerate(clause.units):
        for key in _start_keys(units[i]):
            index.setdefault(key, []).append(pos)
    return index


@by_identity
def _frames_by_key(frames: list[Frame]) -> dict[StartKey, frozenset[int]]:
    """For each start key, the positions in ``frames`` of the frames a trigger of which it may start."""
    out: dict[StartKey, set[int]] = {}
    for k, frame in enumerate(frames):
        for key in _lookup_keys(frame.first_words):
            out.setdefault(key, set()).add(k)
    return {key: frozenset(ks) for key, ks in out.items()}


def frames_that_may_start(frames: list[Frame], index: dict[StartKey, list[int]]) -> set[int]:
    """The positions in ``frames`` of the frames one of whose triggers may start in the clause
    of ``index`` (the others match nothing there).

    >>> from kg.lang import load_pack
    >>> frames = load_pack("en").frames
    >>> units = [Unit("tok", 0, 1, lemma="own", word="owned"), Unit("tok", 1, 2, lemma="by", word="by")]
    >>> may = frames_that_may_start(frames, start_index(units, Clause([0, 1])))
    >>> 0 < len(may) < len(frames), all(frames[k].first_words & {"own", "owned", "by"} for k in may)
    (True, True)
    """
    by_key = _frames_by_key(frames)
    return {k for key in index for k in by_key.get(key, ())}


def _start_positions(frame: Frame, index: dict[StartKey, list[int]]) -> list[int]:
    """The clause positions, in order, where one of ``frame``'s triggers may start."""
    return sorted({pos for key in _lookup_keys(frame.first_words) for pos in index.get(key, ())})


def _is_one_of(cls: str | None, classes: tuple[str, ...], ctx: Context) -> bool:
    return bool(cls) and any(ctx.is_a(cls or "", c) for c in classes)


def _fits(u: Unit, slot: Slot, ctx: Context) -> bool:
    if u.kind != "ent" or u.source == MentionSource.DEMONYM or u.group < 0:
        return False
    if slot.cls and not _is_one_of(u.cls, slot.cls, ctx) and not (slot.type_as and u.cls is None):
        return False
    if (slot.named and u.source in (MentionSource.COREF, MentionSource.ZERO)) or (slot.overt and u.source == MentionSource.ZERO):
        return False
    if slot.pronoun and not (u.source == MentionSource.COREF and u.word.lower() in ctx.object_pronouns):
        return False
    word = ctx.prep_of(u)
    if slot.prep and word not in slot.prep:
        return False
    return not (slot.bare and word)


def _same_kind(u: Unit, first: Unit, slot: Slot, ctx: Context) -> bool:
    """May ``u`` be coordinated with ``first`` in a list slot? The same class, or one the slot takes."""
    if u.source in (MentionSource.DEMONYM, MentionSource.COREF) or u.group < 0:  # "... in hčerinsko podjetje": no name
        return False
    if u.cls == first.cls or (u.cls is None and slot.type_as):
        return True
    return _is_one_of(u.cls, slot.cls, ctx)


NAMED_GOODS = ("schema:Product", "schema:Brand")  # listed by commas and conjunctions, never by prepositions
MAX_MODIFIERS = 4  # words that may stand between a conjunction and the next item of a list
MAX_PRODUCT_NOUNS = 2  # words after a product's name in a list ("Crunchwood vegetable crisps and ...")


def _is_modifier(u: Unit) -> bool:
    """A nationality adjective or a lower-case word, as in "in avstrijska jeklarska skupina B",
    "and the Japanese engineering group B"."""
    return (u.kind == "ent" and u.source == MentionSource.DEMONYM) or \
        (u.kind == "tok" and u.word.isalpha() and u.word.islower())


def _with_list(units: list[Unit], clause: list[int], pos: int, slot: Slot, step: int, ctx: Context) -> list[Unit]:
    """The mention at ``pos`` and, for a list slot, the entities coordinated with it (joined by
    commas, conjunctions and prepositions: "v A, B in na C")."""
    first = units[clause[pos]]
    found = [first]
    if not slot.as_list:
        return found
    j, glued, modifiers, nouns = pos + step, False, 0, 0
    product = first.cls in NAMED_GOODS or (first.cls is None and slot.type_as in NAMED_GOODS)
    joined = closed = False  # a conjunction came before the last item: a comma after it ends the list
    organisations = first.kind == "ent" and bool(first.cls) and ctx.is_a(first.cls or "", "schema:Organization")
    while 0 <= j < len(clause):
        u = units[clause[j]]
        if step > 0 and not glued and _seat_of_item(units, clause, j, first, ctx):
            j += 2  # "družbi A d.o.o. iz Zagreba in B s.r.o. iz Bratislave": an item's town, the list goes on
            continue
        if u.kind == "ent" and glued and _same_kind(u, first, slot, ctx):
            found.append(u)
            glued, modifiers, closed, joined, nouns = False, 0, joined, False, 0
        elif step > 0 and not glued and nouns < MAX_PRODUCT_NOUNS and first.cls == "schema:Product" \
                and u.kind == "tok" and _is_modifier(u) and not _is_glue(u, ctx.glue):
            nouns += 1  # "its Crunchwood vegetable crisps and Hedgerow popcorn": a product's own nouns
        elif step > 0 and closed and u.kind == "tok" and u.word == ",":
            break  # "by A and B, was acquired by C": C is no third founder
        elif product and _is_glue(u, ctx.glue) and u.word != "," and u.word not in LIST_CONJUNCTIONS:
            break  # "the Glen Corran malt at its Rothes distillery": products are listed by "and" only
        elif step > 0 and _is_glue(u, ctx.glue) and modifiers and units[clause[j - 1]].lemma not in ctx.class_nouns:
            break  # "by A and now run by his grandson B" ("and at a second plant in B" goes on)
        elif organisations and _after_preposition(units, clause[j], ctx.glue):
            break  # "hčerinsko družbo A d.o.o., v družbi B pa ima delež": a phrase of its own, no item
        elif _is_glue(u, ctx.glue):
            glued, joined = True, joined or u.word in LIST_CONJUNCTIONS
        elif glued and modifiers < MAX_MODIFIERS and _is_modifier(u):
            modifiers += 1  # "A in avstrijska jeklarska skupina B"
        else:
            break
        j += step
    return found if step > 0 else found[:1] + sorted(found[1:], key=lambda x: x.start)


PLACE_CLASSES = ("schema:City", "schema:Country")


def _seat_of_item(units: list[Unit], clause: list[int], j: int, first: Unit, ctx: Context) -> bool:
    """Are units j, j+1 a preposition and the town it governs, right after an organisation of a list
    ("A d.o.o. iz Zagreba")?"""
    if j + 1 >= len(clause) or first.kind != "ent" or not first.cls or not ctx.is_a(first.cls, "schema:Organization"):
        return False
    u, town = units[clause[j]], units[clause[j + 1]]
    return u.kind == "tok" and town.kind == "ent" and town.cls in PLACE_CLASSES and ctx.prep_of(town) == u.word


def _possessor(units: list[Unit], i: int) -> bool:
    """Is unit ``i`` a possessor ("Hoshida Motors' battery arm X")? Then it is not the subject."""
    return i + 1 < len(units) and units[i + 1].kind == "tok" and units[i + 1].word in POSSESSIVE_MARKS


def _subject(units: list[Unit], clause: Clause, t_pos: int, slot: Slot, ctx: Context) -> list[Unit]:
    # the antecedent is the subject whatever governs it ("comes from X, which makes it in Y")
    free = replace(slot, prep=frozenset(), bare=False)
    ants = [units[i] for i in clause.antecedent if _fits(units[i], free, ctx)]
    if ants and not clause.where:
        return ants
    seated = _organisation_before_seat(units, clause.antecedent[0], slot, ctx) \
        if clause.antecedent and not clause.where and not clause.governed else []
    if seated:  # "X s sedežem v Beljaku, ki je v lasti Y": X, like an antecedent, not Y
        return seated
    # a clause opened by the trigger ("Founded in 1928 by planter Alasdair Munro, Thyolo
    # Highlands employs ..."): an untyped name before the first comma is the phrase's, no subject
    opening_end = next((pos for pos in range(t_pos + 1, len(clause.units))
                        if units[clause.units[pos]].kind == "tok" and units[clause.units[pos]].word == ","),
                       0) if t_pos <= 1 else 0
    # ("Podjetje ima dve tovarni: ..., v Mirnu pa enote Minicil": a class noun is the subject before it)
    noun_first = t_pos == 1 and units[clause.units[0]].kind == "tok" and units[clause.units[0]].lemma in ctx.class_nouns
    cut = False
    for pos, i in enumerate(clause.units):
        if pos > max(t_pos, opening_end) and units[i].kind == "tok" and units[i].word == "," \
                and _verb_after_comma(units, clause.units[pos + 1:], ctx):
            cut = True  # "A sestavljajo v X, ohišja zanje pa izdeluje Y": Y is the next verb's subject
            break
        if pos > t_pos and (t_pos > 1 or noun_first) and units[i].cls is None:
            # a name of unknown class after the trigger is its object ("The yard ... already produces
            # Lomvi 16"), unless the trigger opens the clause ("Run by Anna Smit since 2015, X makes")
            continue
        if t_pos < pos < opening_end and units[i].cls is None:
            continue
        if pos > t_pos and units[i].cls is None and any(units[clause.units[k]].cls in NAMED_GOODS for k in range(t_pos + 1, pos)):
            continue  # "najbolj znana sta lepilo A in pena B": a name after a product is another one
        if pos != t_pos and _fits(units[i], slot, ctx) and not ctx.prep_of(units[i]) and not _possessor(units, i):
            return _with_list(units, clause.units, pos, slot, 1, ctx)
        if slot.named and pos < t_pos and units[i].source == MentionSource.COREF and not ctx.prep_of(units[i]) \
                and _fits(units[i], replace(slot, named=False), ctx) and not _possessor(units, i):
            return []  # "Podjetje ima dve tovarni: ... enote Minicil": the noun before is the subject
    if ants:  # "v Kopru, kjer proizvedejo ...": with no subject of its own, the place
        return ants
    zero = [u for u in units if u.source == MentionSource.ZERO and _fits(u, slot, ctx)]
    if not zero and cut and (topic := ctx.topic()) is not None and _fits(topic, slot, ctx):
        return [topic]  # "... izdeluje elektromotorje X, vodi pa ga Y": the company the text is about
    return zero[:1]


ADDRESS_UNITS = 8  # "X d.o.o., Tržaška cesta 40, 1360 Vrhnika, ki ...": a street, a number, a postcode, a town


def _verb_after_comma(units: list[Unit], rest: list[int], ctx: Context) -> bool:
    """Does a verb stand in ``rest`` (the clause after a comma) before any entity? Then a name
    after it is that verb's ("A sestavljajo v X, ohišja zanje pa izdeluje Y")."""
    for i in rest:
        if units[i].kind == "ent":
            return False
        if units[i].kind == "tok" and ctx.is_verb(units[i].lemma):
            return True
    return False


def _organisation_before_address(units: list[Unit], first: int, slot: Slot, ctx: Context) -> list[Unit]:
    """The organisation whose address stands before a relative clause ("Hale Vrhnika d.o.o.,
    Tržaška cesta 40, 1360 Vrhnika, ki jo zastopa direktorica Y": the company, not the town),
    else none: a comma right after the name, then only words, numbers (one at least) and places."""
    place = units[first]
    if not (place.cls in PLACE_CLASSES and not ctx.prep_of(place)):
        return []
    numbers = 0
    for i in range(first - 1, max(-1, first - 1 - ADDRESS_UNITS), -1):
        u = units[i]
        if u.kind == "ent" and u.cls not in PLACE_CLASSES:
            named = u.source not in (MentionSource.COREF, MentionSource.ZERO)
            return [u] if named and numbers and units[i + 1].word == "," and _fits(u, slot, ctx) else []
        numbers += u.kind == "num"
        if u.kind not in ("tok", "num", "ent"):
            return []
    return []


def _organisation_before_seat(units: list[Unit], first: int, slot: Slot, ctx: Context) -> list[Unit]:
    """The organisation a place before a relative clause is the seat or origin of ("Hollbrunner AG
    s sedežem v Beljaku, ki ...", "Velokor d.o.o. iz Kranja, ki ...": the relative clause is about
    the organisation), else none."""
    place = units[first]
    if not (place.cls in PLACE_CLASSES and ctx.prep_of(place)):
        return []
    i = first - 1
    while i >= 0 and first - i <= 3 and units[i].kind == "tok" and units[i].word.islower():
        i -= 1
    if i < first - 1 and i >= 0 and units[i].kind == "ent" and units[i].source not in (MentionSource.COREF, MentionSource.ZERO) \
            and _fits(units[i], replace(slot, prep=frozenset(), bare=False), ctx):
        return [units[i]]
    return []


def _hit(u: Unit, slot: Slot, ctx: Context) -> bool:
    """Does unit ``u`` fill ``slot``?"""
    if slot.find in ("role", "role-after"):
        return u.kind == "role" and bool(u.prop)
    if slot.majority:
        return u.kind == "num" and u.quantity is not None and u.quantity.unit == "percent" \
            and u.quantity.bound != "max" and u.quantity.value > 50  # "up to 60%" may be a minority
    if slot.find in ("number", "number-before"):
        if u.kind != "num" or u.quantity is None:
            return False
        money = u.quantity.unit not in ("", "percent")
        return (money or not slot.currency) and not (slot.plain and u.quantity.unit)
    return _fits(u, slot, ctx)


def _passable(u: Unit, via: frozenset[str], ctx: Context) -> bool:
    """May a ``via`` slot look past unit ``u``? ``<word>`` passes lower-case words, but not
    prepositions and conjunctions ("the German subsidiary of X": X is not the German one)."""
    if u.kind == "ent" and u.source == MentionSource.DEMONYM:
        return DEMONYM in via  # "by the Belgian drinks group X"
    if u.kind == "ent" and u.source == MentionSource.COREF and "'s" in via:
        return True  # "build the firm's aluminum Bayrunner trailers": a possessor referring back
    if u.kind == "ent":
        return PLACE in via and bool(u.cls) and ctx.is_a(u.cls or "", "schema:Place")
    if u.kind == "role":
        return u.lemma in via or ROLE in via  # "run by its founder X", "founder and chief executive"
    if u.kind == "num":
        return u.word.lower() in via or NUMBER in via  # "one of Australia's largest ..."
    if u.kind != "tok":
        return False
    if NUMBER in via and u.word.rstrip(".").isdigit():
        return True  # "1." of a date
    return u.lemma in via or (ANY_WORD in via and u.word.replace("-", "").isalpha() and u.word.islower()
                              and not _is_glue(u, ctx.glue))


def _scan(units: list[Unit], clause: list[int], span: range, slot: Slot, ctx: Context) -> list[Unit]:
    """The first unit over clause positions ``span`` that fills ``slot`` (with its list); with
    ``via``, only those words may be passed on the way."""
    for pos in span:
        u = units[clause[pos]]
        if _hit(u, slot, ctx):
            return _with_list(units, clause, pos, slot, span.step, ctx)
        if slot.via and not _passable(u, slot.via, ctx):
            return []
    return []


def _fill(units: list[Unit], clause: Clause, t_pos: int, t_len: int, slot: Slot, ctx: Context) -> list[Unit]:
    """The units that fill ``slot`` for the trigger at clause position ``t_pos``."""
    if slot.find == "subject":
        return _subject(units, clause, t_pos, slot, ctx)
    if slot.find == "antecedent":  # with the trigger among the clause's first ``within`` units
        found = [units[i] for i in clause.antecedent if t_pos < slot.within and _fits(units[i], slot, ctx)]
        if not found and clause.antecedent and t_pos < slot.within:
            found = _organisation_before_address(units, clause.antecedent[0], slot, ctx)
        return found
    if slot.find == "site-owner":  # "V tovarnah v A in B dela 900 ljudi": the company of A and B
        return []  # filled in match_frame from the slot it follows
    if slot.find == "trigger":
        trigger = units[clause.units[t_pos]]
        return [trigger] if not slot.cls or _is_one_of(trigger.cls, slot.cls, ctx) else []
    after = range(t_pos + t_len, min(len(clause.units), t_pos + t_len + slot.within))
    before = range(t_pos - 1, max(-1, t_pos - 1 - slot.within), -1)
    if slot.find in ("after", "role-after"):
        return _scan(units, clause.units, after, slot, ctx)
    if slot.find in ("number", "near"):
        return (_scan(units, clause.units, after, slot, ctx)
                or _scan(units, clause.units, before, slot, ctx))
    # "number-before": only before the trigger ("can make 400,000 inverters a year and will employ 450")
    return _scan(units, clause.units, before, slot, ctx)


def type_untyped(frame: Frame, binding: Binding, groups: list[Group]) -> None:
    """Names that filled a slot only through its ``type`` get that class (as a rule's ``type``)."""
    for slot in frame.slots:
        if slot.type_as and slot.name in binding:
            found = binding[slot.name]
            for u in found if isinstance(found, list) else [found]:
                if groups[u.group].cls is None:
                    groups[u.group].cls = slot.type_as


def _others(units: list[Unit], clause: Clause, found: list[Unit], slot: Slot, ctx: Context) -> bool:
    """Does the clause name another entity, not in ``found``, that could fill ``slot``?"""
    groups = {u.group for u in found}
    return any(_fits(units[i], Slot(slot.name, slot.find, slot.cls), ctx) and units[i].group not in groups
               for i in clause.units)


def _as_list(value: Unit | list[Unit] | None) -> list[Unit]:
    return [] if value is None else value if isinstance(value, list) else [value]


AFTER_WORD_REACH = 9  # units from the trigger to a slot's ``after_word``
CLAUSE_CONJUNCTIONS = frozenset({"and", "ter", "&"})  # (not "in": a preposition in English, "and" in Slovenian)


def _after_word_position(units: list[Unit], clause: Clause, start: int, words: frozenset[str]) -> int:
    """The clause position of the first of ``words`` after ``start``, not past a conjunction
    ("founded in 2004 and led by X": X led it), or -1."""
    for k in range(start, min(len(clause.units), start + AFTER_WORD_REACH)):
        word = units[clause.units[k]].word
        if word in words:
            return k
        if k > start and word in CLAUSE_CONJUNCTIONS:
            return -1
    return -1


def _slot_units(slot: Slot, binding: Binding, units: list[Unit], clause: Clause, pos: int, n: int,
                ctx: Context) -> list[Unit]:
    """The units that fill ``slot`` for the trigger at clause position ``pos`` (``n`` units long),
    given the slots bound so far; empty if none does."""
    if slot.find == "site-owner":
        prior = _as_list(binding.get(slot.following))
        owner = ctx.owner_of(prior) if prior else None
        return [owner] if owner is not None else []
    start, length = pos, n
    if slot.following:
        prior = _as_list(binding.get(slot.following))
        start = next((k for k, i in enumerate(clause.units) if prior and units[i] is prior[-1]), pos)
        length = 1
    if slot.after_word:  # "founded in 1994 by", not "established in 2008 and ... majority-owned by"
        start = _after_word_position(units, clause, start, slot.after_word)
        if start < 0:
            return []
        length = 1
    found = _fill(units, clause, start, length, slot, ctx)
    if not found and slot.fallback == "subject":
        found = _subject(units, clause, pos, slot, ctx)
    if not found and slot.fallback == "topic":
        topic = ctx.topic()
        found = [topic] if topic is not None and _fits(topic, slot, ctx) else []
    if not found and slot.fallback == "person-topic" and not any(
            units[i].kind == "ent" and units[i].cls == "schema:Person" for i in clause.units):
        person = ctx.person_topic(units[clause.units[pos]].word)
        found = [person] if person is not None and _fits(person, slot, ctx) else []
    if found and slot.sole and _others(units, clause, found, slot, ctx):
        return []
    return found


def _bind(frame: Frame, units: list[Unit], clause: Clause, pos: int, n: int, ctx: Context) -> Binding | None:
    """Fill every slot of ``frame`` for one trigger occurrence, in order; None if one stays empty."""
    binding: Binding = {}
    for slot in frame.slots:
        found = _slot_units(slot, binding, units, clause, pos, n, ctx)
        if not found:
            return None
        binding[slot.name] = found if slot.as_list else found[0]
    return binding


def _barred(units: list[Unit], clause: list[int], pos: int, n: int, frame: Frame) -> bool:
    """Does a word the frame bars stand right before or right after the trigger (before it, also
    past a nationality adjective: "from Australian owner X")?"""
    back = pos - 1
    while back > 0 and units[clause[back]].source == MentionSource.DEMONYM:
        back -= 1
    before = units[clause[pos - 1]] if pos else None
    if pos and back != pos - 1 and units[clause[back]].kind == "tok":
        before = units[clause[back]]
    after = units[clause[pos + n]] if pos + n < len(clause) else None
    def barred(u: Unit | None, words: frozenset[str]) -> bool:
        # (a referring word by its form: "jo ima v lasti")
        return u is not None and (u.lemma in words or (u.kind == "ent" and NAME in words)
                                  or (u.kind == "tok" and u.word.lower() in words)  # "=ni" as written
                                  or (u.source == MentionSource.COREF and u.word.lower() in words))
    return barred(before, frame.unless_before) or barred(after, frame.unless_after) \
        or (MINORITY in frame.unless_before and _minority_share_before(units, clause, pos))


PERCENT_WORDS = frozenset({"percent", "per", "cent", "pct", "%", "-", "odstotkov", "odstotka", "odstotno"})


def _minority_share_before(units: list[Unit], clause: list[int], pos: int) -> bool:
    """Does a share of at most 50 % stand right before the trigger ("40 percent owned by", "30%-owned
    by")?"""
    k, worded = pos - 1, False
    while k >= 0 and units[clause[k]].kind == "tok" and units[clause[k]].word.lower() in PERCENT_WORDS:
        worded, k = worded or units[clause[k]].word.lower() != "-", k - 1
    u = units[clause[k]] if k >= 0 else None
    return u is not None and u.kind == "num" and u.quantity is not None and u.quantity.value <= 50 \
        and (u.quantity.unit == "percent" or worded)


def _clause_words(units: list[Unit], clause: Clause) -> set[str]:
    """The words and lemmas of a clause's tokens, lower-cased."""
    # (a pronoun that refers back is a mention, and still a word: "ga je za N evrov prevzel X")
    toks = [units[i] for i in clause.units if units[i].kind in ("tok", "role") or (units[i].kind == "ent" and units[i].word)]
    return ({u.word.lower() for u in toks} | {u.lemma for u in toks}) - {""}


def match_frame(frame: Frame, units: list[Unit], clause: Clause, present: set[str], ctx: Context,
                index: dict[StartKey, list[int]] | None = None) -> list[Binding]:
    """Every binding of ``frame`` in one clause (all slots filled, each trigger occurrence once);
    ``index``: the clause's :func:`start_index`, if the caller has it already."""
    starts = _start_positions(frame, start_index(units, clause) if index is None else index)
    if not starts:
        return []
    if frame.requires_words and not frame.requires_words & present:
        return []
    if frame.unless_words & present and frame.unless_words & _clause_words(units, clause):
        return []  # "is led by X, who previously ran Y": the word bars only in the trigger's clause
    if frame.unless_class and any(units[i].kind == "ent" and _is_one_of(units[i].cls, (frame.unless_class,), ctx)
                                  for i in clause.units):
        return []
    if frame.unless_antecedent and any(units[i].kind == "ent" and _is_one_of(units[i].cls, (frame.unless_antecedent,), ctx)
                                       for i in clause.antecedent):
        return []  # "obrat v Kanalu, ki ga je X prodal družbi Y": a plant sold, no company
    out: list[Binding] = []
    for pos in starts:
        n = next((n for t in frame.triggers if (n := _trigger_at(units, clause.units, pos, t))), 0)
        if not n or _barred(units, clause.units, pos, n, frame):
            continue
        binding = _bind(frame, units, clause, pos, n, ctx)
        if binding is not None:
            out.append(binding)
    return out
