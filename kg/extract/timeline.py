"""Facts in time: read roles over time and dated events from one document's facts and text.

Runs after ``kg.extract.entities.resolve_entities`` (see ``kg/extract/pipeline.py``). It reads the date
expressions of each sentence (``kg/lang/<code>/time.toml``: "od leta 2011", "do konca leta
2023", "15. junija 2022", "marca", "lani", "v začetku leta 2024", "since 2016", "in May 2018",
"last year"), relative ones resolved against the document's date, and then

- turns every role fact (``akg:chiefExecutiveOf``, ``akg:holdsRoleIn`` and the former/future
  role facts the frames read) into a :class:`kg.document.TimedRole`: its kind from the role
  phrase, its status from the cues before it ("nekdanji", "dosedanji", "former") or after the
  person ("bo prevzela", "je odstopil") and from its dates against the document date, its start
  and end from a start or end date next to it. A former role keeps no ``akg:chiefExecutiveOf``
  or ``akg:holdsRoleIn`` fact; neither does a future one while the document names a current
  holder (the former/future role facts stay, and ``kg.rdf.triples`` writes no triple for them);
- turns founder, acquisition, investment, appointment, resignation and site opening/closing
  facts into :class:`kg.document.Event` values, dated by the date nearest to them in their
  sentence (a founding by its founding year), with the price or sum of money they name;
- gives a value the year its clause ties it to ("leta 2019 jih je imela 450": ``akg:validYear``);
- reads the roles no relation rule names from the ``[text]`` cues of ``time.toml`` (a verb of
  leading, "ki ga vodi še danes", "had led the company since 2010"; a copula with a role phrase,
  "ki je bil direktor do leta 2020"; a take-over, "bo 1. julija prevzela vodenje"), completes
  the rules' roles with their dates, ends the outgoing holder's role at a dated hand-over and a
  former role at its holder's dated resignation, and dates an appointment by a take-over.

Precision first: a date is attached only when it stands in the same clause, close to the fact;
a relative date in a document without a date is not resolved, and the fact stays undated.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from kg.errors import InputError
from kg.extract.document import (
    POSSESSIVE_MARKS,
    Document,
    Event,
    Fact,
    Mention,
    MentionSource,
    Quantity,
    TimedRole,
    Token,
)
from kg.extract.mentions.spans import opens_paragraph
from kg.extract.relations import _number_at, named_after_family_noun
from kg.extract.wordphrases import has_phrase, phrases_by_first
from kg.lang import LANG_DIR, LanguagePack
from kg.timeterms import as_of

ROLE_PREDICATES = {  # fact predicate -> (role property it stands for, status it fixes or "")
    "akg:chiefExecutiveOf": ("akg:chiefExecutiveOf", ""),
    "akg:holdsRoleIn": ("akg:holdsRoleIn", ""),
    "akg:formerChiefExecutiveOf": ("akg:chiefExecutiveOf", "former"),
    "akg:formerlyHeldRoleIn": ("akg:holdsRoleIn", "former"),
    "akg:futureChiefExecutiveOf": ("akg:chiefExecutiveOf", "future"),
}
# role facts the frames read that only become memberships (kg.rdf.triples writes no triple for them)
READ_ONLY = {"akg:formerChiefExecutiveOf", "akg:formerlyHeldRoleIn", "akg:futureChiefExecutiveOf"}
EVENT_PREDICATES = {  # fact predicate -> (event type, the fact's subject is the event's agent)
    "schema:founder": ("founding", False),
    "akg:acquired": ("acquisition", True),
    "akg:investment": ("investment", True),
    "akg:appointed": ("appointment", True),
    "akg:resignedFrom": ("resignation", True),
    "akg:openedSite": ("siteOpening", True),
    "akg:closedSite": ("siteClosing", True),
}
DATED_VALUES = {"schema:numberOfEmployees", "akg:revenue", "akg:productionCapacity"}
NEAR = 8  # tokens: how far a date or a cue may stand from the words it qualifies


@dataclass(frozen=True)
class TimeWords:
    """The words of one language's ``time.toml``."""

    months: dict[str, int]
    title_months: bool
    start: frozenset[str]
    end: frozenset[str]
    year: frozenset[str]
    filler: frozenset[str]
    relative_years: dict[tuple[str, ...], int]
    relative_days: dict[str, int]
    future_tense: frozenset[str]
    former: frozenset[str]
    future: frozenset[str]
    future_verbs: tuple[tuple[str, ...], ...]
    start_verbs: frozenset[str]
    leave_verbs: frozenset[str]
    role_kinds: dict[str, str]
    text: TextCues
    offsets: Offsets = field(default_factory=lambda: Offsets())
    end_after_start: frozenset[str] = frozenset()  # "from 2005 to 2021": "to" ends what "from" starts
    weekdays: dict[str, int] = field(default_factory=dict)  # "on Monday": 0 (Monday) .. 6, near the document date
    speech: frozenset[str] = frozenset()  # "said on Monday": the day of the saying, no fact's
    appointment_refs: tuple[tuple[str, ...], ...] = ()  # "approved the appointment on Monday": the one named before
    investment_refs: tuple[tuple[str, ...], ...] = ()  # "Naložba bo stala ...": the plant named before
    took_post: tuple[tuple[str, ...], ...] = ()  # "X, who took up the post in May": X's role starts then
    left_post: tuple[tuple[str, ...], ...] = ()  # "X stepped down in 2015": X's one role ends then
    appoint_verbs: frozenset[str] = frozenset()  # "the board appointed him on Monday", "ga je imenoval včeraj":
    object_pronouns: frozenset[str] = frozenset()  # the person the sentence before gives a role
    retire_words: frozenset[str] = frozenset()  # "se bo upokojil", "will retire": the holder leaves (no plain fact)


@dataclass(frozen=True)
class TextCues:
    """The ``[text]`` words of ``time.toml``: roles read from the text where no rule names them."""

    lead_current: tuple[tuple[str, ...], ...] = ()
    lead_former: tuple[tuple[str, ...], ...] = ()
    led_bodies: dict[str, str] = field(default_factory=dict)
    lead_kinds: dict[str, str] = field(default_factory=dict)
    not_led: frozenset[str] = frozenset()
    refers: frozenset[str] = frozenset()
    copula_current: tuple[tuple[str, ...], ...] = ()
    copula_former: tuple[tuple[str, ...], ...] = ()
    copula_future: tuple[tuple[str, ...], ...] = ()
    take_over: tuple[tuple[str, ...], ...] = ()
    take_needs: frozenset[str] = frozenset()
    subject_first: bool = False
    conjunctions: frozenset[str] = frozenset()
    handover: tuple[tuple[str, ...], ...] = ()
    passive: frozenset[str] = frozenset()  # "had been appointed chief executive": an auxiliary, no copula
    price_before: frozenset[str] = frozenset()  # "za 36 milijonov evrov", "for $45 million": a price
    price_nouns: frozenset[str] = frozenset()  # "its $340 million acquisition": a price
    hand_to: tuple[tuple[str, ...], ...] = ()  # "funkcijo predal X", "hand over to X": X takes the role
    appointed: tuple[tuple[str, ...], ...] = ()  # "X was appointed in 2019": an appointment
    parts: frozenset[str] = frozenset()  # "Vantage's Asian business": a part of the company, led by no chief executive
    part_owners: frozenset[str] = frozenset()  # "its Asian business": the owner named by a possessive word
    succeed: tuple[tuple[str, ...], ...] = ()  # "X will succeed Y": X takes Y's role
    succeeded_by: tuple[tuple[str, ...], ...] = ()  # "Y was succeeded by X": the same, the other way round
    other_bodies: frozenset[str] = frozenset()  # "predsednik zbornice", "head of the agency": no company's role
    replaced: frozenset[str] = frozenset()  # "replacing X, who has run the firm since 2011": X's role is past
    writers: frozenset[str] = frozenset()  # "Naša direktorica X": the writer's title, not the topic's
    now: frozenset[str] = frozenset()  # "succeeded X, who now chairs the board": X's role is current


@dataclass(frozen=True)
class Offsets:
    """The ``[offsets]`` words of ``time.toml``: a date given as a distance from another one
    ("two days later", "three days after", "dan pozneje", "dve leti kasneje")."""

    numbers: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # word -> "day", "week", "month" or "year"
    unit_filler: frozenset[str] = frozenset()  # "teden dni": "dni" after the unit adds nothing
    later: frozenset[str] = frozenset()  # anchor + distance: "two days later"
    earlier: frozenset[str] = frozenset()  # anchor - distance: "a year earlier"
    after: frozenset[str] = frozenset()  # "on 18 October, three days after X resigned": X on anchor - distance
    before: frozenset[str] = frozenset()  # "on 18 October, a week before X": X on anchor + distance
    same: tuple[tuple[str, ...], ...] = ()  # "the same day": the date before it


@dataclass(frozen=True)
class DateExpr:
    """A date expression in a sentence: token span, value "YYYY[-MM[-DD]]" and what it marks."""

    start: int
    end: int
    value: str
    mark: str  # "start", "end" or "point"


@functools.cache
def time_words(code: str) -> TimeWords:
    """Load ``kg/lang/<code>/time.toml`` (empty words for a language without one)."""
    path = LANG_DIR / code / "time.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: invalid TOML: {err}") from None
    words, status = data.get("words", {}), data.get("status", {})

    def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(item.split()) for item in items)

    kinds = {phrase: kind for kind, items in data.get("role_kinds", {}).items() for phrase in items}
    text = data.get("text", {})
    cues = TextCues(phrases(text.get("lead_current", [])), phrases(text.get("lead_former", [])),
                    dict(text.get("led_bodies", {})), dict(text.get("lead_kinds", {})),
                    frozenset(text.get("not_led", [])), frozenset(text.get("refers", [])),
                    phrases(text.get("copula_current", [])), phrases(text.get("copula_former", [])),
                    phrases(text.get("copula_future", [])), phrases(text.get("take_over", [])),
                    frozenset(text.get("take_needs", [])), bool(text.get("subject_first", False)),
                    frozenset(text.get("conjunctions", [])),
                    phrases(text.get("handover", [])), frozenset(text.get("passive", [])),
                    frozenset(text.get("price_before", [])), frozenset(text.get("price_nouns", [])),
                    phrases(text.get("hand_to", [])), phrases(text.get("appointed", [])),
                    frozenset(text.get("parts", [])), frozenset(text.get("part_owners", [])),
                    phrases(text.get("succeed", [])), phrases(text.get("succeeded_by", [])),
                    frozenset(text.get("other_bodies", [])), frozenset(text.get("replaced", [])),
                    frozenset(text.get("writers", [])), frozenset(text.get("now", [])))
    return TimeWords({k.lower(): int(v) for k, v in data.get("months", {}).items()},
                     data.get("month_case") == "title", frozenset(words.get("start", [])),
                     frozenset(words.get("end", [])), frozenset(words.get("year", [])),
                     frozenset(words.get("filler", [])),
                     {tuple(k.split()): int(v) for k, v in words.get("relative_years", {}).items()},
                     {k: int(v) for k, v in words.get("relative_days", {}).items()},
                     frozenset(words.get("future", [])), frozenset(status.get("former", [])),
                     frozenset(status.get("future", [])), phrases(status.get("future_verbs", [])),
                     frozenset(status.get("start_verbs", [])),
                     frozenset(status.get("leave_verbs", [])), kinds, cues, _offsets(data.get("offsets", {})),
                     frozenset(words.get("end_after_start", [])),
                     {k: int(v) for k, v in words.get("weekdays", {}).items()}, frozenset(words.get("speech", [])),
                     phrases(words.get("appointment_refs", [])), phrases(words.get("investment_refs", [])),
                     phrases(words.get("took_post", [])), phrases(words.get("left_post", [])),
                     frozenset(words.get("appoint_verbs", [])), frozenset(words.get("object_pronouns", [])),
                     frozenset(status.get("retire_words", [])))


def _offsets(data: dict) -> Offsets:
    return Offsets({k: int(v) for k, v in data.get("numbers", {}).items()}, dict(data.get("units", {})),
                   frozenset(data.get("unit_filler", [])), frozenset(data.get("later", [])),
                   frozenset(data.get("earlier", [])), frozenset(data.get("after", [])),
                   frozenset(data.get("before", [])), tuple(tuple(p.split()) for p in data.get("same", [])))


def _doc_date(doc: Document) -> tuple[int, ...]:
    """The document date as (year[, month[, day]]), or () when it has none."""
    date = as_of(str(doc.meta.get("date", "")))
    return tuple(int(part) for part in date.split("-")) if date else ()


def _fmt(*parts: int) -> str:
    return "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])


def _year(text: str) -> int | None:
    return int(text) if len(text) == 4 and text.isascii() and text.isdigit() and 1800 <= int(text) <= 2100 else None


def _month(tok: Token, words: TimeWords) -> int | None:
    text = tok.text
    if (words.title_months and not text[:1].isupper()) or (not words.title_months and not text.islower()):
        return None
    return words.months.get(text.lower())


def _first_month(toks: list[Token], i: int, end: int, words: TimeWords) -> int | None:
    """A lower-case language's month capitalised as a sentence's first word, when a year or a
    relative year follows ("Decembra lani", "Marca 2023"; "Maja Novak" is a name)."""
    tok = toks[i]
    if words.title_months or (i > 0 and toks[i - 1].sent == tok.sent) or not tok.text[1:].islower():
        return None
    month = words.months.get(tok.text.lower())
    follows = i + 1 < end and (_year(toks[i + 1].text) is not None or _relative_year(toks, i + 1, words) is not None)
    return month if follows else None


def _day(tok: Token, nxt: Token | None) -> tuple[int, int] | None:
    """A day number ("15." or "15" "." or "15") and how many tokens it takes."""
    text = tok.text.rstrip(".")
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 31 or len(text) > 2:
        return None
    return int(text), 2 if nxt is not None and nxt.text == "." and not tok.text.endswith(".") else 1


def _relative_year(toks: list[Token], i: int, words: TimeWords) -> tuple[int, int] | None:
    """(tokens, years from the document's year) of a relative year at token ``i`` ("lani": -1)."""
    groups = phrases_by_first(words.relative_years)
    anywhere = None in groups or not 0 <= i < len(toks)  # an empty phrase matches anywhere, the first one wins
    candidates = words.relative_years if anywhere else groups.get(toks[i].text.lower(), ())
    for phrase in candidates:
        if tuple(t.text.lower() for t in toks[i:i + len(phrase)]) == phrase:
            return len(phrase), words.relative_years[phrase]
    return None


def _resolve(month: int, day: int | None, doc: tuple[int, ...], future: bool) -> str:
    """A month (and day) without a year: the nearest such date before the document date (after
    it in the future tense); "" when the document has no month to compare with."""
    if len(doc) < 2:
        return ""
    here = (doc[1], doc[2] if len(doc) > 2 else 0)
    there = (month, day or 0)
    year = doc[0] + (1 if future and there < here else 0) - (1 if not future and there > here else 0)
    return _fmt(year, month, day) if day else _fmt(year, month)


def _date_at(toks: list[Token], i: int, end: int, words: TimeWords, doc: tuple[int, ...],
             future: Callable[[], bool]) -> tuple[int, str] | None:
    """A date starting at token ``i``: (end token, value), or None; ``future`` says whether its
    clause is in the future tense (asked only for a date with no year)."""
    tok = toks[i]
    low = tok.text.lower()
    shift = _relative_year(toks, i, words)
    if shift is not None:  # "lani", "letos januarja"
        j = i + shift[0]
        month = _month(toks[j], words) if j < end else None
        if not doc:
            return j + (1 if month else 0), ""
        return (j + 1, _fmt(doc[0] + shift[1], month)) if month else (j, _fmt(doc[0] + shift[1]))
    month = _month(tok, words) or _first_month(toks, i, end, words)
    relative = _relative_year(toks, i + 1, words) if month and i + 1 < end else None
    if month and relative is not None:  # "decembra lani"
        return (i + 1 + relative[0], _fmt(doc[0] + relative[1], month)) if doc else (i + 1 + relative[0], "")
    if low in words.weekdays and (tok.text[:1].isupper() == words.title_months):
        return i + 1, _weekday(words.weekdays[low], doc, future())
    if low in words.relative_days:
        if len(doc) < 3:
            return i + 1, ""
        then = dt.date(doc[0], doc[1], doc[2]) + dt.timedelta(days=words.relative_days[low])
        return i + 1, _fmt(then.year, then.month, then.day)
    if (year := _year(tok.text)) is not None:
        return i + 1, _fmt(year)
    nxt = toks[i + 1] if i + 1 < end else None
    day = _day(tok, nxt)
    if day is not None and i + day[1] < end and (month := _month(toks[i + day[1]], words)):
        j = i + day[1] + 1
        if j < end and (year := _year(toks[j].text.rstrip(","))) is not None:
            return j + 1, _fmt(year, month, day[0])
        return j, _resolve(month, day[0], doc, future())
    if (month := _month(tok, words) or _first_month(toks, i, end, words)) is not None:
        j = i + 1
        if j < end and (day := _day(toks[j], toks[j + 1] if j + 1 < end else None)) is not None \
                and (j + day[1] >= end or not toks[j + day[1]].text[:1].isalpha()):
            if j + day[1] < end and toks[j + day[1]].text == ",":
                j += 1  # "March 1, 2024"
            stop = j + day[1]
            if stop < end and (year := _year(toks[stop].text)) is not None:
                return stop + 1, _fmt(year, month, day[0])
            return stop, _resolve(month, day[0], doc, future())
        if j < end and (year := _year(toks[j].text)) is not None:
            return j + 1, _fmt(year, month)
        return j, _resolve(month, None, doc, future())
    return None


def _weekday(day: int, doc: tuple[int, ...], future: bool) -> str:
    """A weekday (0 = Monday) as the nearest such day before the document date (after it in the
    future tense); "" without a full document date or on the document's own weekday (either week).

    >>> _weekday(0, (2021, 6, 8), False), _weekday(4, (2021, 6, 8), True), _weekday(1, (2021, 6, 8), False)
    ('2021-06-07', '2021-06-11', '')
    """
    if len(doc) < 3:
        return ""
    today = dt.date(doc[0], doc[1], doc[2])
    gap = (day - today.weekday()) % 7 if future else (today.weekday() - day) % 7
    if not gap:
        return ""
    then = today + dt.timedelta(days=gap if future else -gap)
    return _fmt(then.year, then.month, then.day)


def _closed_sites(doc: Document, words: TimeWords, pack: LanguagePack) -> set[tuple[str, str]]:
    """(organisation, plant) of the sites the text says were closed: a past form of a closing verb
    in the plant's clause ("je lani zaprl obrat", "Obrat v X smo marca zaprli", "closed its
    foundry"; not "bo zaprl", "namerava zapreti", "will close"), or any clause naming the plant,
    also one that says it was only considered or sold (``unreal_site_words``)."""
    out = set()
    closed = {doc.groups[m.group].key for m in doc.mentions if m.group >= 0
              and doc.groups[m.group].key.startswith("plant/") and _closed_at(doc, m.tok_start, words, pack)}
    # "v obratih v Mokronogu in Šentrupertu, šentrupertskega pa je zaprl": the plant by its town's adjective
    plants = {g.name: g.key for g in doc.groups if g.cls == "akg:Plant" and g.key}
    # (the adjective alone or before a plant noun: "Lenarški župan" names no plant)
    closed |= {plants[town] for i, t in enumerate(doc.tokens)
               if (town := pack.town_adjectives.get(t.text.lower(), "")) in plants and _plant_adjective(doc, i, pack)
               and _closed_at(doc, i, words, pack)}
    for f in doc.facts:
        if f.p not in ("akg:closedSite", "org:hasSite") or not f.mentions:
            continue
        if f.p == "org:hasSite" and _named_after_sale(doc, doc.mentions[f.mentions[0]], pack):
            continue  # "so prodali družbi Y": the buyer's plant is open
        # the fact's own clause, or any clause that names the plant ("Obrat v Komendi je bil zaprt leta 2003")
        if _closed_at(doc, doc.mentions[f.mentions[-1]].tok_start, words, pack) or \
                (f.p == "org:hasSite" and str(f.o).startswith("plant/") and str(f.o) in closed):
            out.add((f.s, str(f.o)))
    return out


SALE_REACH = 3  # words from a selling verb to the buyer it was sold to ("prodali hrvaški družbi Y")


def _named_after_sale(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Is the mention named right after a verb of closing or selling ("so prodali družbi Y")? Then
    it is the buyer, not the one that let the plant go."""
    lo = max(doc.sentences[m.sent].tok_start, m.tok_start - SALE_REACH)
    return any(t.text.lower() in pack.closing_words for t in doc.tokens[lo:m.tok_start])


def _plant_adjective(doc: Document, i: int, pack: LanguagePack) -> bool:
    """Does the town adjective at token i stand for a plant: before a plant noun ("ruškega obrata")
    or with its noun left out ("šentrupertskega pa je zaprl")?"""
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    return nxt is None or not nxt.is_word or nxt.text.lower() in pack.function_words \
        or pack.triggers.get((nxt.lemma,)) == "akg:Plant"


def _closed_at(doc: Document, i: int, words: TimeWords, pack: LanguagePack) -> bool:
    """Does the clause of token ``i`` say in the past that something closed, or that it was only
    considered, talked of or sold ("razmišlja o obratu v X", "held talks on a plant in X")?"""
    lo, hi = _clause(doc, i, words.text.conjunctions)  # "moved it to Bolton and closed X": not Bolton
    said = {t.text.lower() for t in doc.tokens[lo:hi]}
    # "obrat v Kanalu, ki ga je prodal ...": a relative clause right after the plant may say it went
    # (only a verb: "tovarna X, ki nosi ime nekdanjega kombinata" is no former plant)
    relative = {t.text.lower() for t in doc.tokens[hi:_relative_clause_end(doc, hi, pack)]}
    after = _after_relative_clause(doc, hi, pack)
    if after < 0:
        after = _pronoun_clause_after(doc, hi, words, pack)
    if after >= 0:  # "Obrat v Mozirju, kjer so sušili les, so prodali ...": the clause goes on after it
        said |= {t.text.lower() for t in doc.tokens[after:_clause(doc, after, words.text.conjunctions)[1]]}
        i = after
    return bool(said & pack.unreal_site_words) or (bool(said & pack.closing_words) and not _future_at(doc, i, words)) \
        or bool(relative & pack.closing_words and not relative & words.future_tense)


PRONOUN_REACH = 4  # words from a clause's end to an object pronoun that opens the next one


def _pronoun_clause_after(doc: Document, hi: int, words: TimeWords, pack: LanguagePack) -> int:
    """Where the next clause starts when it is about what the clause before named, by an object
    pronoun near its start after a conjunction ("kupila predilnico v Lodžu in jo lani zaprla",
    "odprl še obrat v Taboru, a so ga pozneje zaprli"), or -1."""
    if hi >= len(doc.tokens) or doc.tokens[hi].text.lower() not in words.text.conjunctions | {","}:
        return -1
    sent = doc.tokens[hi].sent
    for k in range(hi + 1, min(len(doc.tokens), hi + 1 + PRONOUN_REACH)):
        if doc.tokens[k].sent != sent:
            return -1
        if doc.tokens[k].text.lower() in pack.object_pronouns:
            return k
    return -1


def _relative_clause_end(doc: Document, comma: int, pack: LanguagePack) -> int:
    """The end of a relative clause that opens at ``comma`` (", kjer ..." up to the next comma,
    semicolon or the sentence's end), or ``comma`` when none opens there."""
    s = doc.sentences[doc.tokens[comma].sent] if comma < len(doc.tokens) else None
    if s is None or comma + 1 >= s.tok_end or doc.tokens[comma].text != "," \
            or doc.tokens[comma + 1].text.lower() not in pack.relative_openers:
        return comma
    return next((k for k in range(comma + 2, s.tok_end) if doc.tokens[k].text in ",;"), s.tok_end)


def _after_relative_clause(doc: Document, comma: int, pack: LanguagePack) -> int:
    """Where the clause goes on when a relative clause opens at ``comma`` (", kjer ... ,"): the
    token after the comma that closes it, or -1."""
    close = _relative_clause_end(doc, comma, pack)
    if close == comma or close >= doc.sentences[doc.tokens[comma].sent].tok_end - 1 or doc.tokens[close].text != ",":
        return -1
    return close + 1


def _future_at(doc: Document, i: int, words: TimeWords) -> bool:
    """Is the clause around token ``i`` (between commas) in the future tense?"""
    s = doc.sentences[doc.tokens[i].sent]
    lo = max((k for k in range(s.tok_start, i) if doc.tokens[k].text in (",", ";")), default=s.tok_start)
    hi = min((k for k in range(i, s.tok_end) if doc.tokens[k].text in (",", ";")), default=s.tok_end)
    return any(t.text.lower() in words.future_tense for t in doc.tokens[lo:hi])


def sentence_dates(doc: Document, sent: int, words: TimeWords) -> list[DateExpr]:
    """The date expressions of one sentence, each with what it marks (a start, an end or a point)."""
    s = doc.sentences[sent]
    toks, end = doc.tokens, s.tok_end
    here = _doc_date(doc)
    out: list[DateExpr] = []
    i = _after_dateline(doc, sent)
    while i < end:
        same = _phrase_len([t.text.lower() for t in toks[i:min(end, i + 4)]], 0, words.offsets.same)
        if same:  # "will become chairman the same day"
            last = _last_point(doc, sent, out, words)
            if last:
                out.append(DateExpr(i, i + same, last, "point"))
            i += same
            continue
        offset = _offset_at(toks, i, end, words.offsets)
        if offset is not None:
            j, value = _offset_value(doc, sent, out, offset, words)
            if value:
                out.append(DateExpr(i, j, value, "point"))
            i = j
            continue
        found = _date_at(toks, i, end, words, here, functools.partial(_future_at, doc, i, words))
        if found is None:
            i += 1
            continue
        j, value = found
        k = i - 1
        while k >= s.tok_start and (toks[k].text.lower() in words.filler or toks[k].text.lower() in words.year):
            k -= 1
        word = toks[k].text.lower() if k >= s.tok_start else ""
        mark = "start" if word in words.start else "end" if word in words.end else "point"
        if word in words.end_after_start and out and out[-1].mark == "start" and out[-1].end == k:
            mark = "end"  # "from 2005 to 2021"
        said = toks[i].text.lower() in words.weekdays and \
            any(t.text.lower() in words.speech for t in toks[max(s.tok_start, k - 3):min(end, j + 2)])
        if value and not said:  # "said in a statement on Monday", "je v ponedeljek sporočila": the day of the saying
            out.append(DateExpr(k if mark != "point" else i, j, value, mark))
        i = j
    return out


def _after_dateline(doc: Document, sent: int) -> int:
    """The first token of a sentence after its dateline: "ODENSE, Denmark, 3 February 2025 – X
    announces ...": the date before the dash is the document's, no fact's."""
    s = doc.sentences[sent]
    if sent > 0:
        return s.tok_start
    dash = next((k for k in range(s.tok_start, min(s.tok_end, s.tok_start + 10))
                 if doc.tokens[k].text in ("–", "—", "-", "--")), -1)
    digits = dash > 0 and any(t.text[:1].isdigit() for t in doc.tokens[s.tok_start:dash])
    return dash + 1 if digits else s.tok_start


def _offset_at(toks: list[Token], i: int, end: int, words: Offsets) -> tuple[int, int, str, str] | None:
    """A distance from another date at token ``i``: (end token, how many, unit, direction word),
    "three days after", "A week later", "dan pozneje" (a unit without a number is one)."""
    j, n = i, 1
    word = toks[i].text.lower()
    if word in words.numbers:
        n, j = words.numbers[word], i + 1
    elif word.isascii() and word.isdigit() and len(word) <= 2:
        n, j = int(word), i + 1
    if j >= end or toks[j].text.lower() not in words.units:
        return None
    unit = words.units[toks[j].text.lower()]
    j += 1
    while j < end and toks[j].text.lower() in words.unit_filler:
        j += 1
    if j >= end:
        return None
    way = toks[j].text.lower()
    if way not in words.later | words.earlier | words.after | words.before:
        return None
    return j + 1, n, unit, way


def _shift(value: str, n: int, unit: str) -> str:
    """A date moved by ``n`` units, at the precision of ``value``; "" when the unit is finer than
    the date ("three days after" a month) or the result is no calendar date."""
    parts = [int(p) for p in value.split("-")]
    try:
        if unit in ("day", "week"):
            if len(parts) < 3:
                return ""
            then = dt.date(*parts) + dt.timedelta(days=n * (7 if unit == "week" else 1))
            return _fmt(then.year, then.month, then.day)
        if unit == "month":
            if len(parts) < 2:
                return ""
            months = parts[0] * 12 + parts[1] - 1 + n
            moved = [months // 12, months % 12 + 1, *parts[2:]]
            dt.date(moved[0], moved[1], moved[2] if len(moved) > 2 else 1)
            return _fmt(*moved)
        if unit == "year":
            moved = [parts[0] + n, *parts[1:]]
            dt.date(moved[0], moved[1] if len(moved) > 1 else 1, moved[2] if len(moved) > 2 else 1)
            return _fmt(*moved)
    except ValueError:
        return ""
    return ""


def _offset_value(doc: Document, sent: int, before: list[DateExpr], offset: tuple[int, int, str, str],
                  words: TimeWords) -> tuple[int, str]:
    """(end token, date) of a distance from another date: "two days later" counts from the last
    date before it (in this sentence, else the sentence before); "three days after X resigned"
    from the date of this sentence's main clause, backwards (X resigned three days before it)."""
    j, n, unit, way = offset
    if way in words.offsets.after | words.offsets.before:
        points = [d.value for d in before if d.mark == "point"]
        return j, _shift(points[-1], -n if way in words.offsets.after else n, unit) if points else ""
    last = _last_point(doc, sent, before, words)
    return j, _shift(last, n if way in words.offsets.later else -n, unit) if last else ""


def _last_point(doc: Document, sent: int, before: list[DateExpr], words: TimeWords) -> str:
    """The last point date before here: in this sentence, else in the sentence before ("" if none)."""
    points = [d.value for d in before if d.mark == "point"]
    if not points and sent > 0:
        points = [d.value for d in sentence_dates(doc, sent - 1, words) if d.mark == "point"]
    return points[-1] if points else ""


def _compare(a: str, b: tuple[int, ...]) -> int:
    """-1, 0 or 1: date ``a`` before, at or after the date ``b`` at the coarser precision."""
    parts = tuple(int(p) for p in a.split("-"))
    size = min(len(parts), len(b))
    return (parts[:size] > b[:size]) - (parts[:size] < b[:size])


def _span(doc: Document, fact: Fact) -> tuple[int, int]:
    """The token span of a fact's mentions (written ones; a dropped subject has none)."""
    spans = [(doc.mentions[k].tok_start, doc.mentions[k].tok_end) for k in fact.mentions
             if doc.mentions[k].tok_end > doc.mentions[k].tok_start]
    if not spans:
        s = doc.sentences[fact.sent]
        return s.tok_start, s.tok_start
    return min(a for a, _ in spans), max(b for _, b in spans)


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _commas_between(doc: Document, a: tuple[int, int], b: tuple[int, int], relative: frozenset[str]) -> bool:
    """Is there a comma between two spans, other than one that opens a relative clause ("X, ki je
    od leta 2014 ...": the clause is still about X)?"""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return any(doc.tokens[k].text in (",", ";") and not (k + 1 < len(doc.tokens) and doc.tokens[k + 1].text.lower() in relative)
               for k in range(lo, hi))


def _role_phrases(doc: Document, sent: int, pack: LanguagePack) -> list[tuple[int, int, str, str]]:
    """(start, end, property, phrase) of every role phrase in a sentence (longest first at a token)."""
    s = doc.sentences[sent]
    out = []
    i = s.tok_start
    while i < s.tok_end:
        if doc.tokens[i].lemma not in pack.role_starts:  # a quick test: most words start no role
            i += 1
            continue
        for n in (5, 4, 3, 2, 1):
            hit = pack.roles.get(tuple(t.lemma for t in doc.tokens[i:i + n])) if i + n <= s.tok_end else None
            if hit:
                out.append((i, i + n, hit[0], hit[1]))
                i += n - 1
                break
        i += 1
    return out


def _is_org(doc: Document, k: int) -> bool:
    cls = doc.groups[doc.mentions[k].group].cls if doc.mentions[k].group >= 0 else None
    return cls in ("akg:Company", "schema:Organization")


def _phrase_of(doc: Document, fact: Fact, pack: LanguagePack, prop: str, person: Mention | None,
               org: Mention | None) -> tuple[int, int, str, str] | None:
    """The role phrase that names this role: the one right next to the organisation ("nekdanja
    direktorica podjetja X"), else one near the person that no other organisation follows
    ("Predsednik uprave Boštjan Kern", "X, ki je bil doslej direktor proizvodnje")."""
    phrases = [p for p in _role_phrases(doc, fact.sent, pack) if p[2] == prop]
    if org is not None:
        by_org = [p for p in phrases if _distance((p[0], p[1]), (org.tok_start, org.tok_end)) <= 3]
        if by_org:
            return min(by_org, key=lambda p: _distance((p[0], p[1]), (org.tok_start, org.tok_end)))
    if person is None:
        return None
    others = [(m.tok_start, m.tok_end) for k, m in _in_sentence(doc, fact.sent)
              if (org is None or m.group != org.group) and _is_org(doc, k)]
    by_person = [p for p in phrases if _distance((p[0], p[1]), (person.tok_start, person.tok_end)) <= 6
                 and not any(_distance((p[0], p[1]), o) <= 3 for o in others)]
    return min(by_person, key=lambda p: _distance((p[0], p[1]), (person.tok_start, person.tok_end)), default=None)


def _status_after(doc: Document, after: int, sent: int, words: TimeWords, dates: list[DateExpr],
                  relative: frozenset[str], anchor: int = -1) -> tuple[str, str]:
    """Status and end from a verb after the person, in the same stretch between commas and
    before another person: "bo prevzela" (future), "je 1. decembra odstopil" (former, ended
    then), "se bo ob tem upokojila" (current, ending then); ("", "") when there is none."""
    s = doc.sentences[sent]
    stop = next((i for i in range(after, s.tok_end) if doc.tokens[i].text in (",", ";")), s.tok_end)
    if stop == after and after + 1 < s.tok_end and doc.tokens[after + 1].text.lower() in relative:
        # "X, ki je ..., se bo upokojila": the relative clause and the clause after it are about X,
        # but a role the relative clause itself names has its own verb ("X, who heads Y's arm, will ...")
        closing = next((i for i in range(stop + 1, s.tok_end) if doc.tokens[i].text in (",", ";")), s.tok_end)
        for _ in range(2):
            stop = next((i for i in range(stop + 1, s.tok_end) if doc.tokens[i].text in (",", ";")), s.tok_end)
    else:
        closing = stop
    person = next((m.tok_start for _, m in doc.mentions_starting(after, stop) if m.sent == sent
                   and m.group >= 0 and doc.groups[m.group].cls == "schema:Person"), stop)
    stop = min(stop, person)
    seen = [t.text.lower() for t in doc.tokens[after:min(stop, after + 2 * NEAR)]]
    # taking a post is about a new role, not one the relative clause names; leaving ends any
    own = seen[:max(0, closing - after)] if after < anchor < closing else seen
    if has_phrase(own, words.future_verbs):
        return "future", ""
    verb = next((i for i in range(after, min(stop, after + 2 * NEAR)) if doc.tokens[i].text.lower() in words.leave_verbs), -1)
    if verb < 0:
        return "", ""
    near = [d for d in dates if d.mark == "point" and after <= d.start <= verb + 3 and d.end <= stop]
    end = near[-1].value if near else ""
    future = any(w in words.future_tense for w in seen)
    return ("current" if future else "former"), end


def _role(doc: Document, fact: Fact, pack: LanguagePack, words: TimeWords,
          dates: list[DateExpr]) -> TimedRole:
    """The role over time a role fact states."""
    prop, status = ROLE_PREDICATES[fact.p]
    person = doc.mentions[fact.mentions[0]] if fact.mentions else None
    where = _span(doc, fact)
    org = doc.mentions[fact.mentions[1]] if len(fact.mentions) > 1 else None
    phrase = _phrase_of(doc, fact, pack, prop, person, org)
    kind = "chiefExecutive" if prop == "akg:chiefExecutiveOf" else \
        words.role_kinds.get(phrase[3], "other") if phrase else "other"
    if not status and phrase is not None:
        # the cue stands before the phrase, or before the organisation that opens it ("Former
        # Halvorsen Industri chief executive Jon Aas")
        first = org.tok_start if org is not None and 0 <= phrase[0] - org.tok_end <= 1 else phrase[0]
        status = _cue_status(doc, first, fact.sent, words, person is not None and person.tok_start >= first)
    start = end = ""
    leaving = False
    if person is not None and status in ("", "former"):
        after, end = _status_after(doc, person.tok_end, fact.sent, words, dates, pack.relative_openers,
                                   phrase[0] if phrase else _span(doc, fact)[1] - 1)
        if not status or (after == "current" and fact.p not in READ_ONLY):
            status = after  # "dosedanja direktorica X, ki se bo upokojila": still current until then
        # (a retirement or resignation to come: "se bo upokojil"; not "bo odšel na čelo Y", a new post)
        s = doc.sentences[fact.sent]
        leaving = after == "current" and any(t.text.lower() in words.retire_words
                                             for t in doc.tokens[person.tok_end:s.tok_end])
    anchor = (phrase[0], phrase[1]) if phrase else where
    for d in sorted(dates, key=lambda d: _distance((d.start, d.end), anchor)):
        close = _distance((d.start, d.end), anchor) <= NEAR and \
            not _commas_between(doc, (d.start, d.end), anchor, pack.relative_openers)
        if not close:
            continue
        if d.mark == "start" and not start:
            start = d.value
        elif d.mark == "end" and not end:
            end = d.value
        elif d.mark == "point" and not start and (status == "future" or _starts(doc, d, words)):
            start = d.value  # "bo 1. aprila postal direktor", "je vodenje prevzela januarja 2017"
    here = _doc_date(doc)
    if start and end and _compare(start, tuple(int(p) for p in end.split("-"))) > 0:
        start = end = ""  # a misread: no interval rather than a wrong one
    if here and not status:
        if end and _compare(end, here) < 0:
            status = "former"
        elif start and _compare(start, here) > 0:
            status = "future"
    return TimedRole(fact.s, str(fact.o), kind, status or "current", start, end, fact.rule, fact.sent, fact.mentions,
                     leaving)


def _cue_status(doc: Document, first: int, sent: int, words: TimeWords, named_after: bool) -> str:
    """Status of a role phrase starting at ``first`` from a cue right before it ("nekdanji",
    "bodoča") or, when its holder is named after it, from a verb of leaving office that opens its
    clause: "Marca se je upokojil dolgoletni direktor X" (former), "Junija se bo upokojil direktor
    X" (current until then); "" when there is none."""
    lo = doc.sentences[sent].tok_start
    # ("Dosedanja lastnica in direktorica X": the cue before a coordinated noun qualifies both)
    reach = 4 if first > lo and doc.tokens[first - 1].text.lower() in words.text.conjunctions else 2
    before = {t.text.lower() for t in doc.tokens[max(lo, first - reach):first]}
    if before & words.former or before & words.future:
        return "former" if before & words.former else "future"
    if not named_after:
        return ""
    start = next((i + 1 for i in range(first - 1, max(lo, first - NEAR) - 1, -1) if doc.tokens[i].text in (",", ";")),
                 max(lo, first - NEAR))
    seen = [t.text.lower() for t in doc.tokens[start:first]]
    if not any(w in words.leave_verbs for w in seen):
        return ""
    return "current" if any(w in words.future_tense for w in seen) else "former"


def _starts(doc: Document, date: DateExpr, words: TimeWords) -> bool:
    """Does a verb of taking office stand next to the date ("prevzela januarja 2017")?"""
    s = doc.sentences[doc.tokens[date.start].sent]
    near = doc.tokens[max(s.tok_start, date.start - 3):min(s.tok_end, date.end + 3)]
    return any(t.text.lower() in words.start_verbs for t in near)


def _event_date(doc: Document, fact: Fact, dates: list[DateExpr], kind: str) -> str:
    """The date nearest to a fact in its sentence, else "". A start or end date belongs to a
    role ("je družbo vodil od leta 2011"), not to the event, except that an appointment may be
    dated by the start of the role ("od 2. maja vodi")."""
    where = _span(doc, fact)
    marks = {"point", "start"} if kind == "appointment" else {"point"}
    near = [d for d in dates if d.mark in marks and _distance((d.start, d.end), where) <= 2 * NEAR]
    obj = doc.mentions[fact.mentions[-1]] if len(fact.mentions) > 1 else None
    if obj is not None and obj.tok_end > obj.tok_start and obj.tok_start >= where[1] - (obj.tok_end - obj.tok_start):
        # "X invested in a plant that opened in March 2019, and it closed its works last year": the
        # object's own clause (the object named last) dates the fact, when it has a date
        lo, hi = _clause(doc, doc.mentions[fact.mentions[-1]].tok_start, time_words(doc.lang).text.conjunctions)
        near = [d for d in near if lo <= d.start and d.end <= hi] or near
    first = doc.mentions[fact.mentions[0]].span if fact.mentions else where
    # on a tie the date nearer the fact's first name: "on October 18, three days after Moe resigned"
    best = min(near, key=lambda d: (_distance((d.start, d.end), where), _distance((d.start, d.end), first)),
               default=None)
    return best.value if best else ""


def _money_span(doc: Document, sent: int, money: Quantity, pack: LanguagePack) -> tuple[int, int] | None:
    """The tokens of the one sum of money in a sentence that is this quantity, if just one is."""
    s = doc.sentences[sent]
    found: list[tuple[int, int]] = []
    for i in range(s.tok_start, s.tok_end):
        hit = _number_at(doc, i, s.tok_end, pack)
        if hit is not None and (hit[1].value, hit[1].unit) == (money.value, money.unit) \
                and not any(a <= i < b for a, b in found):
            found.append((i, hit[0]))
    return found[0] if len(found) == 1 else None


def _invested_when_where(doc: Document, money: tuple[int, int], dates: list[DateExpr],
                         date: str) -> tuple[str, str]:
    """The date and the plant of an investment from the clause of its sum (between commas):
    "lani je odprla pekarno, letos pa je vložila 4,8 milijona evrov" (this year), "invested
    NOK 2.4 billion in a plant at Tonstad" (that plant); the date nearest the fact otherwise."""
    lo, hi = _clause(doc, money[0])
    inside = [d for d in dates if d.mark == "point" and lo <= d.start and d.end <= hi]
    if len(inside) == 1:
        date = inside[0].value
    plants = {doc.groups[m.group].key for k, m in doc.mentions_starting(money[1], hi)
              if m.tok_end > m.tok_start and _of_class(doc, k, ("akg:Plant",))}
    if not plants:  # "je v tovarni v Štorah vložil 7,4 milijona evrov": the plant before the sum
        plants = {doc.groups[m.group].key for k, m in doc.mentions_starting(lo, money[0])
                  if m.tok_end > m.tok_start and _of_class(doc, k, ("akg:Plant",))}
    return date, (plants.pop() if len(plants) == 1 else "")


def _plant_referred_to(doc: Document, sent: int) -> str:
    """The plant an investment refers back to: a sentence that opens with a word for the
    investment ("Naložba bo stala 18 milijonov evrov", "The investment will cost ...") and names
    no place is about the one plant the sentence before names ("" otherwise)."""
    refs = time_words(doc.lang).investment_refs
    s = doc.sentences[sent]
    opening = _words(doc, s.tok_start, min(s.tok_end, s.tok_start + 3))
    if sent == 0 or not any(tuple(opening[:len(p)]) == p for p in refs) or \
            any(m.tok_end > m.tok_start and _of_class(doc, k, ("akg:Plant", "schema:City", "schema:Country"))
                for k, m in _in_sentence(doc, sent)):
        return ""
    plants = {doc.groups[m.group].key for k, m in _in_sentence(doc, sent - 1)
              if m.tok_end > m.tok_start and _of_class(doc, k, ("akg:Plant",))}
    return plants.pop() if len(plants) == 1 else ""


def _year_of_value(doc: Document, fact: Fact, value: Quantity, dates: list[DateExpr]) -> str:
    """The year a value's own clause (between commas) names, if one does and says no "now"."""
    s = doc.sentences[fact.sent]
    toks = doc.tokens
    number = [i for i in range(s.tok_start, s.tok_end) if toks[i].text[:1].isdigit()
              and toks[i].text.replace(".", "").replace(",", "").isdigit()
              and str(value.value).startswith(toks[i].text.replace(".", "").replace(",", "")[:2])
              and not _year(toks[i].text)]
    for i in number:
        lo = max((k for k in range(s.tok_start, i) if toks[k].text in (",", ";")), default=s.tok_start)
        hi = min((k for k in range(i, s.tok_end) if toks[k].text in (",", ";")), default=s.tok_end)
        inside = [d for d in dates if d.mark == "point" and lo <= d.start and d.end <= hi]
        if len(inside) == 1 and len(inside[0].value) == 4:
            return inside[0].value
    return ""


def _amount(doc: Document, fact: Fact, kind: str, pack: LanguagePack) -> Quantity | None:
    """The sum of an investment, or the price of an acquisition: the target's price in this
    sentence or the next, else the one price of its sentence (a rule may hang it on the
    buyer), else the one sum of money its sentence names as a price ("za 36 milijonov evrov
    kupil", "bought X for $45 million", "its $340 million acquisition of")."""
    if kind == "investment" and isinstance(fact.o, Quantity):
        return fact.o
    if kind != "acquisition":
        return None
    prices = [f.o for f in doc.facts if f.p == "akg:acquisitionPrice" and isinstance(f.o, Quantity)
              and f.o.bound == "exact"]
    exact = [f.o for f in doc.facts if f.p == "akg:acquisitionPrice" and f.s == fact.o
             and f.sent in (fact.sent, fact.sent + 1) and isinstance(f.o, Quantity) and f.o.bound == "exact"]
    if exact:
        return exact[0]
    bought = {f.o for f in doc.facts if f.p == "akg:acquired" and f.sent == fact.sent}
    here = [f.o for f in doc.facts if f.p == "akg:acquisitionPrice" and f.sent == fact.sent
            and isinstance(f.o, Quantity) and f.o.bound == "exact"]
    if len(bought) == 1 and len({(q.value, q.unit) for q in here}) == 1:
        return here[0]
    if prices or len(bought) != 1:
        return None
    return _price_in_text(doc, fact.sent, pack)


def _price_in_text(doc: Document, sent: int, pack: LanguagePack) -> Quantity | None:
    """The one sum of money in a sentence, if a price cue of ``time.toml`` marks it as a price."""
    cues = time_words(doc.lang).text
    s = doc.sentences[sent]
    found: list[tuple[int, int, Quantity]] = []
    i = s.tok_start
    while i < s.tok_end:
        hit = _number_at(doc, i, s.tok_end, pack) if doc.tokens[i].text[:1].isdigit() or \
            doc.tokens[i].text.lower() in pack.currencies or doc.tokens[i].lemma in pack.currencies else None
        if hit is not None and hit[1].unit not in ("", "percent"):
            found.append((i, hit[0], hit[1]))
            i = hit[0]
            continue
        i += 1
    if len(found) != 1:
        return None
    start, end, money = found[0]
    before = doc.tokens[start - 1].text.lower() if start > s.tok_start else ""
    after = doc.tokens[end].text.lower() if end < s.tok_end else ""
    return money if before in cues.price_before or after in cues.price_nouns else None


def _distinct(roles: list[TimedRole]) -> list[TimedRole]:
    """One role per person, organisation, kind and status (several rules may read it): the one
    with the most dates, else the first."""
    best: dict[tuple[str, str, str, str], TimedRole] = {}
    for role in roles:
        key = (role.person, role.org, role.kind, role.status)
        if key not in best or bool(role.start) + bool(role.end) > bool(best[key].start) + bool(best[key].end):
            best[key] = role
    return [r for r in roles if best[(r.person, r.org, r.kind, r.status)] is r]


def _started_by_appointment(roles: list[TimedRole], events: list[Event]) -> list[TimedRole]:
    """A role without a start whose holder the same sentence says was appointed on a date
    starts then ("je 2. marca za predsednico izvolila Bredo Kolar")."""
    appointed = {(e.obj, e.sent): e.date for e in events if e.kind == "appointment" and e.date}
    # a title before the name is a role held already ("imenoval finančno direktorico X"): not started then
    return [replace(r, start=appointed[r.person, r.sent]) if not r.start and r.status != "former"
            and r.rule != "time-title-role" and (r.person, r.sent) in appointed else r for r in roles]


def _ended_by_resignation(roles: list[TimedRole], events: list[Event], here: tuple[int, ...]) -> list[TimedRole]:
    """A role in an organisation that its holder resigns from in the same sentence ends then:
    it is former if the resignation is dated on or before the document date (or undated and
    told in the past), and current with that end if it lies ahead."""
    left = {(e.agent, e.obj, e.sent): e.date for e in events if e.kind == "resignation"}
    dated = {(e.agent, e.obj): e.date for e in events if e.kind == "resignation" and e.date}
    out = []
    for r in roles:
        key = (r.person, r.org, r.sent)
        if r.status == "former" and not r.end and (r.person, r.org) in dated:
            r = replace(r, end=dated[r.person, r.org])  # "je marca odstopila", in this sentence or another
        elif key in left and r.status == "current":
            date = left[key]
            ahead = bool(date and here and _compare(date, here) > 0)
            r = replace(r, status="current" if ahead else "former", end=r.end or date)
        out.append(r)
    return out


def read_time(doc: Document, pack: LanguagePack) -> Document:
    """Fill ``doc.roles`` and ``doc.events``; drop role facts of roles not current, date values."""
    # the searches of ``_starting`` rely on the order linking leaves
    assert all(a.tok_start <= b.tok_start for a, b in itertools.pairwise(doc.mentions)), "mentions unsorted"
    words = time_words(doc.lang)
    heads = [_part_head(doc, f, words.text) for f in doc.facts]
    doc.facts = [f for f, _ in heads]
    dates = {i: sentence_dates(doc, i, words) for i in sorted({f.sent for f in doc.facts})}
    events = _events(doc, dates, pack)
    here = _doc_date(doc)
    roles = [_role(doc, f, pack, words, dates[f.sent]) for f in doc.facts if f.p in ROLE_PREDICATES]
    read = read_text_roles(doc, pack, dates)
    roles, events = _left_post(doc, _merged(roles, read, here), events, dates, words, pack)
    roles = _succeeded(doc, roles, events, dates, words, pack)
    # one role per key once resignations have given their ends (two rules may read one stint)
    roles = _distinct(_ended_by_resignation(_started_by_appointment(roles, events), events, here))
    roles, events = _took_post(doc, roles, events, dates, words, pack)
    roles = _as_of(_handed_over(doc, roles, words), here)
    taken = read + [r for r in roles if r.rule == "time-succeeds"]
    # the date of a later "approved the appointment on Monday" is the act's, not the role's start
    events = _take_over_events(taken, _appointment_dated_after(doc, events, roles, words))
    events = _appointed_events(doc, roles, events, dates, words, pack)
    # a future role keeps its plain fact only while nobody holds that role ("Direktor novega podjetja bo ...")
    held = {(r.org, r.kind) for r in roles if r.status == "current"}
    # (... and a role the text says its holder will leave, "bo konec junija odšel v pokoj", gives no
    # plain fact: the one leaving holds no role, eval/README.md; the membership keeps its end)
    dropped = {(r.person, _shortcut(r), r.org, r.sent) for r in roles
               if r.status == "former" or (r.status == "future" and (r.org, r.kind) in held) or r.leaving}
    doc.roles, doc.events = roles, events
    # the head of a part of a company holds a role in it, but no plain fact: "heading a division
    # gives nothing" (eval/README.md); the membership says it
    parts = {(f.s, str(f.o)) for f, part in heads if part} | \
        {(r.person, r.org) for r in roles if r.rule == "time-leads-part"}
    closed = _closed_sites(doc, words, pack)
    facts = []
    for f in doc.facts:
        if f.p not in READ_ONLY and f.p in ROLE_PREDICATES and (f.s, f.p, str(f.o), f.sent) in dropped:
            continue
        if f.p == "org:hasSite" and (f.s, str(f.o)) in closed:
            continue  # "je lani zaprl obrat v Ormožu": no longer its site ("bo zaprl": still is)
        if f.p == "akg:holdsRoleIn" and (f.s, str(f.o)) in parts:
            continue
        if f.p in DATED_VALUES and isinstance(f.o, Quantity):
            year = _year_of_value(doc, f, f.o, dates.get(f.sent, []))
            if year:
                f = replace(f, o=replace(f.o, year=year))
        facts.append(f)
    doc.facts = facts + _shortcuts(roles, facts)
    return doc


def _owned_part(words: list[str], cues: TextCues) -> bool:
    """Do the words after a verb of leading name a part of a company by its owner ("Vantage 's
    Asian business", "its European arm")?"""
    owner = next((k for k, w in enumerate(words[:4]) if w in POSSESSIVE_MARKS or w in cues.part_owners), -1)
    part = next((k for k in range(owner + 1, min(len(words), owner + 4)) if words[k] in cues.parts), -1)
    # "the town's business forum": the part noun is the last of its phrase
    return owner >= 0 and part >= 0 and not (part + 1 < len(words) and words[part + 1] in cues.not_led)


def _part_head(doc: Document, fact: Fact, cues: TextCues) -> tuple[Fact, bool]:
    """A chief executive fact about the head of a part of the organisation ("Seo heads Vantage's
    Asian business", "who runs its European arm") is a role in it, no chief executive; and
    whether it is one."""
    if fact.p != "akg:chiefExecutiveOf" or len(fact.mentions) < 2 or not cues.parts:
        return fact, False
    org = doc.mentions[fact.mentions[1]]
    s = doc.sentences[org.sent]
    after = [t.text.lower() for t in doc.tokens[org.tok_end:min(s.tok_end, org.tok_end + 4)]]
    owned = org.text.lower() in cues.part_owners or (after[:1] and after[0] in POSSESSIVE_MARKS)
    words = after[1:] if after[:1] and after[0] in POSSESSIVE_MARKS else after
    if owned and _owned_part([after[0] if after[:1] and after[0] in POSSESSIVE_MARKS else "its", *words], cues):
        return replace(fact, p="akg:holdsRoleIn"), True
    return fact, False


def _shortcut(role: TimedRole) -> str:
    """The plain predicate that stands for a role of this kind."""
    return "akg:chiefExecutiveOf" if role.kind == "chiefExecutive" else "akg:holdsRoleIn"


def _shortcuts(roles: list[TimedRole], facts: list[Fact]) -> list[Fact]:
    """The plain ``akg:chiefExecutiveOf`` / ``akg:holdsRoleIn`` fact of each current role read
    from the text alone, which no rule has given."""
    have = {(f.s, f.p, str(f.o)) for f in facts}
    out = []
    for r in roles:
        p = _shortcut(r)
        if r.rule in _TEXT_RULES and r.rule != "time-leads-part" and r.status == "current" \
                and (r.person, p, r.org) not in have:
            have.add((r.person, p, r.org))
            out.append(Fact(r.person, p, r.org, r.rule, r.sent, r.mentions))
    return out


def _events(doc: Document, dates: dict[int, list[DateExpr]], pack: LanguagePack) -> list[Event]:
    """The events the document's facts report, each dated by the nearest date of its sentence."""
    founded = {f.s: f for f in doc.facts if f.p == "schema:foundingDate"}
    events: list[Event] = []
    seen: set[tuple[str, str, str, int]] = set()  # one event of a sentence's fact, whichever rules read it
    for f in doc.facts:
        if f.p not in EVENT_PREDICATES:
            continue
        kind, subject_acts = EVENT_PREDICATES[f.p]
        agent, obj = (f.s, str(f.o) if f.object_is_entity else "") if subject_acts else (str(f.o), f.s)
        if f.object_is_entity:
            if (kind, agent, obj, f.sent) in seen:
                continue
            seen.add((kind, agent, obj, f.sent))
        date = _event_date(doc, f, dates[f.sent], kind)
        if kind == "investment" and isinstance(f.o, Quantity) and (money := _money_span(doc, f.sent, f.o, pack)):
            date, obj = _invested_when_where(doc, money, dates[f.sent], date)
        if kind == "investment" and not obj:
            obj = _plant_referred_to(doc, f.sent)
        if kind == "founding" and f.s in founded:
            year = str(founded[f.s].o)
            date = date if date.startswith(year) else year
        events.append(Event(kind, agent, obj, date, _amount(doc, f, kind, pack), f.rule, f.sent, f.mentions))
    founders = {f.s for f in doc.facts if f.p == "schema:founder"}
    for org, f in founded.items():
        if org not in founders:
            date = _event_date(doc, f, dates[f.sent], "founding")
            date = date if date.startswith(str(f.o)) else str(f.o)
            events.append(Event("founding", "", org, date, None, f.rule, f.sent, f.mentions))
    return events


# ---- roles read from the text itself, where no relation rule names them

_ORG_CLASSES = ("akg:Company", "schema:Organization")


def _words(doc: Document, lo: int, hi: int) -> list[str]:
    return [t.text.lower() for t in doc.tokens[lo:hi]]


def _phrase_len(words: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the longest of ``phrases`` that starts at ``words[i]`` (0: none does)."""
    if not 0 <= i < len(words):
        return max((len(p) for p in phrases if tuple(words[i:i + len(p)]) == p), default=0)
    group = phrases_by_first(phrases).get(words[i])
    return max((len(p) for p in group if tuple(words[i:i + len(p)]) == p), default=0) if group else 0


def _clause(doc: Document, i: int, conjunctions: frozenset[str] = frozenset()) -> tuple[int, int]:
    """The tokens ``[lo, hi)`` around token ``i`` between commas (and, if given, conjunctions)."""
    s = doc.sentences[doc.tokens[i].sent]
    stops = {",", ";", *conjunctions}
    lo = max((k + 1 for k in range(s.tok_start, i) if doc.tokens[k].text.lower() in stops), default=s.tok_start)
    hi = min((k for k in range(i + 1, s.tok_end) if doc.tokens[k].text.lower() in stops), default=s.tok_end)
    return lo, hi


def _of_class(doc: Document, k: int, classes: tuple[str, ...]) -> bool:
    m = doc.mentions[k]
    return m.group >= 0 and doc.groups[m.group].cls in classes and doc.groups[m.group].key != ""


def _in_sentence(doc: Document, sent: int) -> Iterator[tuple[int, Mention]]:
    """The mentions that start inside sentence ``sent`` (a dropped subject sits at its first token)."""
    s = doc.sentences[sent]
    return doc.mentions_starting(s.tok_start, max(s.tok_end, s.tok_start + 1))


def _named(doc: Document, lo: int, hi: int, classes: tuple[str, ...], pack: LanguagePack) -> list[int]:
    """Written mentions of these classes in ``[lo, hi)`` that no preposition governs ("od X" is
    no subject)."""
    # (a person governed past the words of a phrase is none either: "od upokojenega X"; an
    # organisation so named is where a role is held: "direktor prodaje v družbi X")
    reach = GOVERNED_REACH if classes == ("schema:Person",) else 0
    return [k for k, m in doc.mentions_starting(lo, hi + 1) if m.tok_end <= hi
            and m.tok_end > m.tok_start and _of_class(doc, k, classes) and not _governed(doc, m, pack, reach)]


GOVERNED_REACH = 3  # words between a preposition and the name it governs ("od upokojenega direktorja X")


def _governed(doc: Document, m: Mention, pack: LanguagePack, reach: int = GOVERNED_REACH) -> bool:
    """Does a preposition govern the mention, right before it or past words of its phrase that
    are no verbs ("od upokojenega Ivana Bezjaka", "od očeta Mirka Kmetca")? Only where verbs are
    known by their lemmas: without them the phrase has no end."""
    first = doc.sentences[m.sent].tok_start
    if m.tok_start > first and doc.tokens[m.tok_start - 1].text.lower() in pack.prepositions:
        return True
    if not pack.infinitive_ending:
        return False
    for k in range(m.tok_start - 1, max(first - 1, m.tok_start - 1 - reach), -1):
        t = doc.tokens[k]
        if t.text.lower() in pack.prepositions:
            return True
        if not t.is_word or t.text != t.text.lower() or pack.is_verb_lemma(t.lemma) or t.text in pack.function_words:
            return False
    return False


def _antecedent(doc: Document, lo: int, pack: LanguagePack, classes: tuple[str, ...] = ("schema:Person",)) -> int | None:
    """The person (or mention of ``classes``) a relative clause starting at ``lo`` refers back to
    ("Alenka Meško, ki ...", "V Celvit Metalu, katerega upravi predseduje ...")."""
    if lo < 2 or doc.tokens[lo - 1].text != "," or doc.tokens[lo].text.lower() not in pack.relative_openers:
        return None
    end = _before_date(doc, lo - 1, time_words(doc.lang))
    return next((k for k, m in _in_sentence(doc, doc.tokens[lo].sent) if m.tok_end == end
                 and _of_class(doc, k, classes)), None)


def _before_date(doc: Document, i: int, words: TimeWords) -> int:
    """Where the words before token ``i`` stop being a date ("from Jo Lee on 1 February, who":
    the token after "Lee"), so that a relative clause after a date finds its person."""
    s = doc.sentences[doc.tokens[i].sent]
    k = i
    while k > s.tok_start and i - k < 5:
        word = doc.tokens[k - 1].text.lower()
        if not (word.rstrip(".").isdigit() or word in words.months or word in words.filler or word in words.year
                or word == "."):
            break
        k -= 1
    return k


def _holder(doc: Document, at: int, lo: int, hi: int, pack: LanguagePack, cues: TextCues) -> int | None:
    """The person a role verb or phrase at token ``at`` is about: the one its relative clause
    refers back to, else the nearest in its clause (before it, in English), else the sentence's
    only person."""
    # (not a possessor after a family noun: "Direktor je sin Jožeta Kuharja" is the son)
    persons = [k for k in _named(doc, lo, hi, ("schema:Person",), pack)
               if not named_after_family_noun(doc, doc.mentions[k], pack)]
    ante = _antecedent(doc, lo, pack)
    if cues.subject_first:
        before = [k for k in persons if doc.mentions[k].tok_end <= at]
        if ante is not None and not before:
            return ante
        s = doc.sentences[doc.tokens[at].sent]
        if not before:
            before = list(_named(doc, s.tok_start, at, ("schema:Person",), pack))
            inside = _embedded(doc, s.tok_start, at, pack)
            # "X, who founded it with her husband Y, runs it": the subject, not a name in its clause
            before = [k for k in before if doc.mentions[k].tok_start not in inside] or before
        return max(before, key=lambda k: doc.mentions[k].tok_end, default=None)
    if persons:
        return min(persons, key=lambda k: _distance(doc.mentions[k].span, (at, at + 1)))
    if ante is not None:
        return ante
    if any(t.is_capitalised for t in doc.tokens[max(lo, doc.sentences[doc.tokens[at].sent].tok_start + 1):hi]):
        return None  # a name the recogniser missed may be the holder ("do takrat pa družbo vodi Golob")
    if lo > 1 and doc.tokens[lo - 1].text == "," and doc.tokens[lo].text.lower() in pack.relative_openers \
            and doc.tokens[lo - 2].is_capitalised and not any(
                _of_class(doc, k, _ORG_CLASSES) for k, m in doc.mentions_starting(max(0, lo - 6), lo) if m.tok_end == lo - 1):
        return None  # "Zupančeva, ki podjetje vodi, ...": a name the recogniser missed, no other person
    if any(t.text.lower() in pack.family_nouns for t in doc.tokens[lo:hi]):
        return None  # "..., oče pa je ostal predsednik nadzornega sveta": the father, not the person before
    s = doc.sentences[doc.tokens[at].sent]
    everyone = _named(doc, s.tok_start, s.tok_end, ("schema:Person",), pack)
    return everyone[0] if len({doc.mentions[k].group for k in everyone}) == 1 else None


def _embedded(doc: Document, start: int, end: int, pack: LanguagePack) -> set[int]:
    """Tokens in ``[start, end)`` inside a relative clause or apposition closed by a comma
    (", who ... ,", ", the ... ,")."""
    toks, opened = doc.tokens, -1
    out: set[int] = set()
    for k in range(start, end):
        if toks[k].text == ",":
            if opened >= 0:
                out.update(range(opened, k))
                opened = -1
            elif k + 1 < end and toks[k + 1].text.lower() in pack.relative_openers:
                opened = k + 1
    return out


def _topic(doc: Document) -> int | None:
    """The first mention of the organisation the document names first (what "the company" is)."""
    return next((k for k in range(len(doc.mentions)) if _of_class(doc, k, _ORG_CLASSES)), None)


def _led_org(doc: Document, at: int, lo: int, hi: int, pack: LanguagePack, implicit: bool) -> int | None:
    """The organisation a role verb or phrase at ``at`` is about: a named one in its clause (the
    nearest; in English the nearest after it) unless the clause refers back ("ki ga vodi", "the
    company"); else, when it refers back or ``implicit``, the one organisation the sentence names,
    or the document's first when the sentence names none ("Upravo od leta 2022 vodi X")."""
    orgs = _named(doc, lo, hi, _ORG_CLASSES, pack)
    cues = time_words(doc.lang).text
    toks = doc.tokens
    refers = any(toks[j].text.lower() in cues.refers and not (j + 1 < hi and toks[j + 1].is_capitalised)
                 for j in range(lo, hi))
    if orgs and not refers:
        after = [k for k in orgs if doc.mentions[k].tok_start >= at] if cues.subject_first else []
        return min(after or orgs, key=lambda k: _distance(doc.mentions[k].span, (at, at + 1)))
    if not (implicit or refers):
        return None
    if not orgs and (about := _antecedent(doc, lo, pack, _ORG_CLASSES)) is not None:
        return about  # "V Celvit Metalu, katerega upravi predseduje X": the organisation the clause is about
    sent = doc.tokens[at].sent
    topic = _topic(doc)
    if orgs and len({doc.mentions[k].group for k in orgs}) == 1:
        return orgs[0]
    dropped = [k for k, m in _in_sentence(doc, sent) if m.tok_end == m.tok_start
               and _of_class(doc, k, _ORG_CLASSES)]
    if topic is not None and any(doc.mentions[k].group == doc.mentions[topic].group for k in dropped):
        return topic  # the sentence's dropped subject is the document's organisation
    written = [k for k, m in _in_sentence(doc, sent) if m.tok_end > m.tok_start
               and _of_class(doc, k, _ORG_CLASSES)
               and not (m.source != MentionSource.COREF and not cues.subject_first
                        and _in_other_relative_clause(doc, m, at, pack))]
    if written:
        return written[0] if len({doc.mentions[k].group for k in written}) == 1 else None
    return _paragraph_org(doc, sent, topic)


def _in_other_relative_clause(doc: Document, m: Mention, at: int, pack: LanguagePack) -> bool:
    """Is the mention inside a relative clause that token ``at`` is not in ("Podjetje vodi X, ki
    je bil prej direktor konkurenčnega Y": Y is not the company led)?"""
    s = doc.sentences[m.sent]
    comma = next((k for k in range(m.tok_start - 1, s.tok_start, -1) if doc.tokens[k].text == ","
                  and doc.tokens[k + 1].text.lower() in pack.relative_openers), -1)
    end = _relative_clause_end(doc, comma, pack) if comma >= 0 else -1
    return comma >= 0 and m.tok_end <= end and not comma < at < end


def _dated(doc: Document, role: TimedRole, dates: list[DateExpr], lo: int, hi: int, take: bool) -> TimedRole:
    """A role with the start and end dates of its clause ``[lo, hi)``; a point date is its
    start when the role is taken over then (``take``) or lies ahead."""
    start = end = ""
    for d in dates:
        if not (lo <= d.start and d.end <= hi):
            continue
        if d.mark == "start" and not start:
            start = d.value
        elif d.mark == "end" and not end:
            end = d.value
        elif d.mark == "point" and not start and (take or role.status == "future"):
            start = d.value
    if start and end and _compare(start, tuple(int(p) for p in end.split("-"))) > 0:
        start = end = ""
    return replace(role, start=start, end=end)


def _text_role(doc: Document, at: int, clause: tuple[int, int], kind: str, status: str, rule: str,
               pack: LanguagePack, implicit: bool, holder: int | None = None) -> TimedRole | None:
    lo, hi = _clause(doc, at)
    person = holder if holder is not None else _holder(doc, at, lo, hi, pack, time_words(doc.lang).text)
    org = _led_org(doc, at, clause[0], clause[1], pack, implicit)
    if person is None or org is None:
        return None
    p, o = doc.mentions[person], doc.mentions[org]
    return TimedRole(doc.groups[p.group].key, doc.groups[o.group].key, kind, status, "", "", rule,
                     doc.tokens[at].sent, (person, org))


REPLACED_REACH = 5  # words from a relative clause back to the verb that replaced its antecedent


def _antecedent_words(doc: Document, lo: int, first: int, words: list[str]) -> list[str]:
    """The two words before a clause starting at ``lo`` and its comma ("Nadzorni svet, ki ga vodi X");
    when they end an organisation's name, also the two before the name ("Uprava družbe Akrotek d.d.,
    ki jo vodi X": the board is what is led)."""
    near = words[max(0, lo - first - 3):lo - first]
    named = next((m for k, m in doc.mentions_starting(first, lo) if m.tok_end == lo - 1
                  and doc.tokens[lo - 1].text == "," and _is_org(doc, k)), None)
    if named is None:
        return near
    return words[max(0, named.tok_start - first - 2):named.tok_start - first] + near


def _lead_roles(doc: Document, sent: int, pack: LanguagePack, cues: TextCues,
                dates: list[DateExpr]) -> list[TimedRole]:
    """Roles a verb of leading states: "Tevel od leta 2020 vodi Sabina Lesar", "X, ki je
    podjetje vodil od leta 2011", "who has run the company since 2016", "Reilly now chairs the board"."""
    s = doc.sentences[sent]
    words = _words(doc, s.tok_start, s.tok_end)
    out = []
    covered = 0  # "has led": the "led" inside a longer phrase is no verb of its own
    for i in range(len(words)):
        n_cur, n_past = _phrase_len(words, i, cues.lead_current), _phrase_len(words, i, cues.lead_former)
        n = max(n_cur, n_past)
        if not n or i < covered:
            continue
        covered = i + n
        at = s.tok_start + i
        lo, hi = _clause(doc, at, cues.conjunctions)
        inside = words[lo - s.tok_start:hi - s.tok_start]
        part = _owned_part(words[i + n:hi - s.tok_start], cues)
        # "razvojni oddelek, ki ga vodi X", "Sindikat, ki ga vodi Y": the noun a relative clause
        # is about is what is led
        antecedent = _antecedent_words(doc, lo, s.tok_start, words) if lo > s.tok_start else []
        # "Tovarna zmore ..., vodi pa jo X": the pronoun is the plant the sentence opens with
        plant_pronoun = words[0] in cues.not_led and bool(set(inside) & pack.object_pronouns)
        if (set(inside + antecedent) & cues.not_led and not part) or plant_pronoun or \
                (n_past > n_cur and set(inside) & time_words(doc.lang).future_tense):
            continue  # no organisation led; "bo podjetje vodil": a plan, not a past role
        # ("Upravi, ki jo vodi predsednik X": the board a relative clause is about is what is led)
        body = "other" if part else next((cues.led_bodies[w] for w in inside + antecedent if w in cues.led_bodies), "")
        kind = body or cues.lead_kinds.get(words[i + n - 1], "")
        if not kind:
            continue
        refers = bool(set(inside) & cues.refers) or bool(body)
        status = "current" if n_cur >= n_past else "former"
        if lo > s.tok_start and set(words[max(0, lo - s.tok_start - REPLACED_REACH):lo - s.tok_start]) & cues.replaced \
                and not set(inside) & cues.now:
            status = "former"  # "replacing Montserrat Vila, who has run the firm since 2011" (not "who now chairs")
        role = _text_role(doc, at, (lo, hi), kind, status,
                          "time-leads-part" if part else "time-leads", pack,
                          refers or not _named(doc, lo, hi, _ORG_CLASSES, pack))
        if role is not None:
            out.append(_dated(doc, role, dates, lo, hi, False))
    return out


def _copula_roles(doc: Document, sent: int, pack: LanguagePack, cues: TextCues, words: TimeWords,
                  dates: list[DateExpr]) -> list[TimedRole]:
    """Roles a copula gives a role phrase: "X, ki je bil direktor do leta 2020", "Direktorica je
    od 1. marca 2024 Eva Bratina", "bo 1. aprila postal predsednik uprave", "was ... chief
    operating officer from 2019"."""
    out = []
    for start, end, prop, phrase in _role_phrases(doc, sent, pack):
        if prop not in ("akg:chiefExecutiveOf", "akg:holdsRoleIn"):
            continue  # a founder holds no role
        lo, hi = _clause(doc, start, cues.conjunctions)
        before = _words(doc, max(lo, start - 4), start)
        after = _words(doc, end, min(hi, end + 2))
        status = ""
        for k in range(len(before)):
            if _phrase_len(before, k, cues.copula_future):
                status = "future"
            elif _phrase_len(before, k, cues.copula_former):
                status = status or "former"
        if not status and (set(before[-2:]) | set(after[:1])) & {p[0] for p in cues.copula_current if len(p) == 1}:
            status = "current"
        if status == "current" and ((before[-1:] and before[-1] in words.former) or set(before) & words.leave_verbs):
            status = "former"  # "saj je nekdanji direktor odšel v pokoj", "se je upokojil direktor X"
        if not status or set(before[-2:]) & pack.prepositions or set(before) & cues.passive:
            continue  # "je za direktorja imenovala X", "had been appointed chief executive": an auxiliary
        if status == "future" and not set(_words(doc, lo, hi)) & words.future_tense and not cues.subject_first:
            continue  # "je postal direktor": taken over, current (the rules read that)
        if _of_other_body(doc, end, hi, cues):
            continue  # "je podelil predsednik zbornice X": the chamber's president, not the company's
        kind = "chiefExecutive" if prop == "akg:chiefExecutiveOf" else words.role_kinds.get(phrase, "other")
        # "..., and the managing director is Ewa Nowicka": the person after the copula holds it
        after_copula = _person_at(doc, end + 1) if cues.subject_first and after[:1] and after[0] in \
            {p[0] for p in cues.copula_current if len(p) == 1} else None
        role = _text_role(doc, start, (lo, hi), kind, status, "time-copula-role", pack, True, after_copula)
        if role is not None:
            out.append(_dated(doc, role, dates, lo, hi, False))
    return out


def _person_at(doc: Document, tok: int) -> int | None:
    """The mention of a person starting at token ``tok``, if any."""
    return next((k for k, m in doc.mentions_starting(tok, tok + 1) if m.cls == "schema:Person"), None)


def _of_other_body(doc: Document, end: int, hi: int, cues: TextCues) -> bool:
    """Does the role phrase ending at ``end`` name a body that is no company right after it, before
    any name ("predsednik zbornice Ivan Sukič", "head of the regional agency")?"""
    for t in doc.tokens[end:min(hi, end + 3)]:
        if t.is_capitalised or not t.is_word:
            return False
        if t.text.lower() in cues.other_bodies:
            return True
    return False


def _take_over_roles(doc: Document, sent: int, pack: LanguagePack, cues: TextCues, words: TimeWords,
                     dates: list[DateExpr], known: list[TimedRole]) -> list[TimedRole]:
    """Chief executives who take over the lead: "je vodenje prevzela januarja 2017" (current from
    then), "bo 1. septembra prevzel vodenje družbe X", "will take over on March 1" (future)."""
    s = doc.sentences[sent]
    all_words = _words(doc, s.tok_start, s.tok_end)
    out = []
    for i in range(len(all_words)):
        n = _phrase_len(all_words, i, cues.take_over)
        if not n:
            continue
        at = s.tok_start + i
        lo, hi = _clause(doc, at, cues.conjunctions)
        inside = set(_words(doc, lo, hi))
        if cues.take_needs and not inside & cues.take_needs:
            continue
        future = bool(inside & words.future_tense)
        status = "future" if future else "current"
        role = _text_role(doc, at, (lo, hi), "chiefExecutive", status, "time-takes-over", pack, True) \
            or _taken_from(doc, at, hi, status, pack, known)
        if role is not None:
            out.append(_dated(doc, role, dates, lo, hi, True))
    return out


def _taken_from(doc: Document, at: int, hi: int, status: str, pack: LanguagePack,
                known: list[TimedRole]) -> TimedRole | None:
    """A take-over in a sentence naming several organisations: the lead of the one organisation
    a rule already makes its holder's (future) chief executive in the sentence, else of the one
    a person the lead is taken from leads ("will take over on 2 April from Helen Marsh, who has
    run Brightwell")."""
    lo, _ = _clause(doc, at)
    person = _holder(doc, at, lo, hi, pack, time_words(doc.lang).text)
    if person is None:
        return None
    sent, key = doc.tokens[at].sent, doc.groups[doc.mentions[person].group].key
    wanted = "akg:futureChiefExecutiveOf" if status == "future" else "akg:chiefExecutiveOf"
    orgs = {(str(f.o), f.mentions[1]) for f in doc.facts if f.sent == sent and f.s == key and f.p == wanted
            and len(f.mentions) > 1}
    if not orgs:
        after = {doc.groups[m.group].key for k, m in doc.mentions_starting(at + 1, hi)
                 if _of_class(doc, k, ("schema:Person",)) and m.group != doc.mentions[person].group}
        orgs = {(str(f.o), f.mentions[1]) for f in doc.facts if f.sent == sent and f.s in after
                and f.p == "akg:chiefExecutiveOf" and len(f.mentions) > 1}
        orgs |= {(r.org, r.mentions[1]) for r in known if r.sent == sent and r.person in after
                 and (r.kind, r.status) == ("chiefExecutive", "current") and len(r.mentions) > 1}
    if len({o for o, _ in orgs}) != 1:
        return None
    [(org, mention), *_] = sorted(orgs)
    return TimedRole(key, org, "chiefExecutive", status, "", "", "time-takes-over", sent, (person, mention))


PARAGRAPH_REACH = 6  # sentences back to a paragraph's start; further, a paragraph says nothing


def _paragraph_orgs(doc: Document, sent: int) -> dict[int, int]:
    """The organisations written in the sentences before ``sent`` in its paragraph (group -> a
    mention of it), when the paragraph opens at most ``PARAGRAPH_REACH`` sentences before (else,
    or at its start: none)."""
    out: dict[int, int] = {}
    for k in range(sent, max(-1, sent - PARAGRAPH_REACH - 1), -1):
        if k == 0 or opens_paragraph(doc, doc.sentences[k].start):
            # (an acronym may be the topic's short form, not linked to it: "NTU" and "Natchez Trace Upholstery")
            return {} if any(doc.groups[g].name.isupper() for g in out) else out
        out.update((m.group, j) for j, m in _in_sentence(doc, k - 1) if m.group >= 0 and m.tok_end > m.tok_start
                   and doc.groups[m.group].cls in _ORG_CLASSES)
    return {}


def _paragraph_org(doc: Document, sent: int, topic: int | None) -> int | None:
    """The organisation a sentence naming none is about in a news digest: ``topic`` (a mention)
    unless the sentences of its paragraph name others; then the one they name, or None."""
    paragraph = _paragraph_orgs(doc, sent)
    if not paragraph or (topic is not None and doc.mentions[topic].group in paragraph):
        return topic
    return next(iter(paragraph.values())) if len(paragraph) == 1 else None


class _SentenceMentions:
    """The first mention of each group of a document, and the mentions of organisations counted
    sentence by sentence (asked in order), so that ``_title_roles`` costs a sentence's mentions,
    not all of the document's, at each sentence (its own are found by ``_in_sentence``)."""

    def __init__(self, doc: Document) -> None:
        self.first: dict[int, int] = {}
        for k, m in enumerate(doc.mentions):
            self.first.setdefault(m.group, k)
        self._orgs = sorted((m.sent, m.group) for m in doc.mentions
                            if m.group >= 0 and doc.groups[m.group].cls in _ORG_CLASSES)
        self._next = 0
        self._counts: dict[int, int] = {}

    def org_counts_before(self, sent: int) -> dict[int, int]:
        """Group -> its mentions as an organisation in the sentences before ``sent`` (asked
        with ``sent`` never going back)."""
        while self._next < len(self._orgs) and self._orgs[self._next][0] < sent:
            group = self._orgs[self._next][1]
            self._counts[group] = self._counts.get(group, 0) + 1
            self._next += 1
        return self._counts


def _title_roles(doc: Document, sent: int, pack: LanguagePack, words: TimeWords,
                 mentions: _SentenceMentions) -> list[TimedRole]:
    """Roles a title right before a name gives in a sentence that names no organisation but
    the one the text is about, the one the sentences before named most ("Direktor Jure
    Ambrožič je povedal ...", "prokuristka Saša Kralj"): held there, current unless a cue
    before the title says former or future."""
    topic = doc.sentence_topics.get(sent)
    if topic is None or doc.groups[topic].cls not in _ORG_CLASSES or not doc.groups[topic].key:
        return []
    s = doc.sentences[sent]
    here = list(_in_sentence(doc, sent))
    if any(m.group != topic for _, m in here if m.tok_end > m.tok_start
           and m.group >= 0 and doc.groups[m.group].cls in _ORG_CLASSES):
        return []  # another organisation in the sentence may be the one the title is held in
    counts = mentions.org_counts_before(sent)
    named = mentions.first[topic] if any(m.group == topic for _, m in here) else \
        _paragraph_org(doc, sent, mentions.first[topic])
    if named is None:
        return []  # a news digest's item that names several organisations
    if doc.mentions[named].group != topic:
        # a news digest's item: "Komenska klet X bo vložila ... je povedal direktor Y" is X's director,
        # not the company of the items before
        topic = doc.mentions[named].group
    elif any(n >= counts.get(topic, 0) for g, n in counts.items() if g != topic):
        return []  # the text so far is as much about another organisation (kg.extract.relations does the same)
    org = mentions.first[topic]
    out = []
    for start, end, prop, phrase in _role_phrases(doc, sent, pack):
        person = next((k for k, m in here if m.tok_start == end and m.tok_end > end
                       and _of_class(doc, k, ("schema:Person",))), None)
        if person is None or prop not in ("akg:chiefExecutiveOf", "akg:holdsRoleIn"):
            continue
        if start > s.tok_start and doc.tokens[start - 1].text.lower() in words.text.not_led | words.text.writers:
            continue  # "site head Zsófia Kertész": the head of a plant holds no role in the company; "Naša
            # direktorica": the writer's (a company the text may name only in its signature)
        status = _cue_status(doc, start, sent, words, True) or "current"
        kind = "chiefExecutive" if prop == "akg:chiefExecutiveOf" else words.role_kinds.get(phrase, "other")
        p = doc.mentions[person]
        out.append(TimedRole(doc.groups[p.group].key, doc.groups[topic].key, kind, status, "", "",
                             "time-title-role", sent, (person, org)))
    return out


def _hand_to_roles(doc: Document, sent: int, pack: LanguagePack, words: TimeWords, dates: list[DateExpr],
                   known: list[TimedRole]) -> list[TimedRole]:
    """The role a holder hands to the person right after a verb of handing over ("Rado Kump bo
    septembra funkcijo predal Metki Avsec", "Tom Hale will hand over to Jane Reed in June"):
    the giver's role in this sentence, from the clause's date (ahead: future)."""
    s = doc.sentences[sent]
    all_words = _words(doc, s.tok_start, s.tok_end)
    here = _doc_date(doc)
    out = []
    for i in range(len(all_words)):
        n = _phrase_len(all_words, i, words.text.hand_to)
        if not n:
            continue
        at = s.tok_start + i
        lo, hi = _clause(doc, at, words.text.conjunctions)
        receiver = next((k for k, m in doc.mentions_starting(at + n, at + n + 2)
                         if m.tok_end > m.tok_start and _of_class(doc, k, ("schema:Person",))), None)
        givers = _named(doc, s.tok_start, at, ("schema:Person",), pack)  # the subject, before
        if receiver is None or not givers:
            continue
        giver = doc.groups[doc.mentions[max(givers, key=lambda k: doc.mentions[k].tok_end)].group].key
        held = {(r.org, r.kind, r.mentions[1] if len(r.mentions) > 1 else receiver) for r in known
                if r.sent == sent and r.person == giver and r.status == "current"}
        held |= {(r.org, r.kind, r.mentions[1] if len(r.mentions) > 1 else receiver)
                 for f in doc.facts if f.sent == sent and f.s == giver and f.p in ("akg:chiefExecutiveOf", "akg:holdsRoleIn")
                 for r in [_role(doc, f, pack, words, dates)] if r.status == "current"}
        if len({(o, k) for o, k, _ in held}) != 1:
            continue
        [(org, kind, mention), *_] = sorted(held)
        role = TimedRole(doc.groups[doc.mentions[receiver].group].key, org, kind, "current", "", "",
                         "time-handed-to", sent, (receiver, mention))
        role = _dated(doc, role, dates, lo, hi, True)
        ahead = bool(set(_words(doc, lo, hi)) & words.future_tense) or \
            bool(role.start and here and _compare(role.start, here) > 0)
        out.append(replace(role, status="future" if ahead else "current"))
    return out


def read_text_roles(doc: Document, pack: LanguagePack, dates: dict[int, list[DateExpr]]) -> list[TimedRole]:
    """The roles the time cues of ``time.toml`` (``[text]``) state in each sentence."""
    words = time_words(doc.lang)
    out: list[TimedRole] = []
    mentions = _SentenceMentions(doc)
    for sent in range(len(doc.sentences)):
        found = dates.get(sent)
        if found is None:
            found = dates[sent] = sentence_dates(doc, sent, words)
        out += _lead_roles(doc, sent, pack, words.text, found)
        out += _copula_roles(doc, sent, pack, words.text, words, found)
        out += _take_over_roles(doc, sent, pack, words.text, words, found, out)
        out += _title_roles(doc, sent, pack, words, mentions)
        out += _hand_to_roles(doc, sent, pack, words, found, out)
    return [r for r in out if r.person != r.org]


def _merged(roles: list[TimedRole], read: list[TimedRole], here: tuple[int, ...]) -> list[TimedRole]:
    """The rules' roles, completed by the ones read from the text: a missing start or end filled
    in, a role the rules read as current that the text tells in the past made former; a role of
    a person and organisation the rules do not name added."""
    out = list(roles)
    for new in read:
        if here and new.end and new.status == "current" and _compare(new.end, here) < 0:
            new = replace(new, status="former")
        same = [k for k, r in enumerate(out) if (r.person, r.org, r.kind) == (new.person, new.org, new.kind)]
        if same and new.rule == "time-title-role":
            continue  # a bare title adds a role no other reading gives, and changes none
        exact = [k for k in same if out[k].status == new.status]
        if exact:
            k = exact[0]
            out[k] = replace(out[k], start=out[k].start or new.start, end=out[k].end or new.end)
        elif same and all(out[k].status == "current" and out[k].rule not in _TEXT_RULES for k in same) \
                and new.status in ("former", "future"):
            for k in same:  # every rule's reading of it: "named X chief executive" read by two rules
                start = (new.start or out[k].start) if new.status == "future" else (out[k].start or new.start)
                out[k] = replace(out[k], status=new.status, start=start, end=out[k].end or new.end)
        elif not same or all(out[k].rule in _TEXT_RULES or out[k].status == "former" for k in same):
            out.append(new)  # also a second stint ("njegov predhodnik X, ki je bil direktor do ...")
    return out


_TEXT_RULES = frozenset({"time-leads", "time-leads-part", "time-copula-role", "time-takes-over", "time-title-role",
                         "time-handed-to", "time-succeeds", "time-succeeded"})


def _as_of(roles: list[TimedRole], here: tuple[int, ...]) -> list[TimedRole]:
    """A current role that starts after the document date is future ("appointed ..., effective
    1 July"), one that ended before it former."""
    if not here:
        return roles
    out = []
    for r in roles:
        if r.status == "current" and r.start and _compare(r.start, here) > 0:
            r = replace(r, status="future")
        elif r.status == "current" and r.end and _compare(r.end, here) < 0:
            r = replace(r, status="former")
        out.append(r)
    return out


def _handed_over(doc: Document, roles: list[TimedRole], words: TimeWords) -> list[TimedRole]:
    """When the text tells of a hand-over ("nasledila", "do prihoda", "take over from") and one
    holder of a role in an organisation comes in on a date, the one holder who goes out
    (a former role with no end, or the current one while the newcomer's is still ahead) ends then."""
    if not any(has_phrase(_words(doc, s.tok_start, s.tok_end), words.text.handover) for s in doc.sentences):
        return roles
    out = list(roles)
    for org, kind in sorted({(r.org, r.kind) for r in roles}):
        mine = [k for k, r in enumerate(out) if (r.org, r.kind) == (org, kind)]
        incoming = [k for k in mine if out[k].start and out[k].status == "future"] or \
            [k for k in mine if out[k].start and out[k].status == "current"]
        if len(incoming) != 1:
            continue
        new = out[incoming[0]]
        going = "current" if new.status == "future" else "former"
        outgoing = [k for k in mine if out[k].status == going and out[k].person != new.person and not out[k].end]
        if len(outgoing) == 1 and not (out[outgoing[0]].start and _compare(
                out[outgoing[0]].start, tuple(int(p) for p in new.start.split("-"))) > 0):
            out[outgoing[0]] = replace(out[outgoing[0]], end=new.start)
    return out


def _appointed_events(doc: Document, roles: list[TimedRole], events: list[Event], dates: dict[int, list[DateExpr]],
                      words: TimeWords, pack: LanguagePack) -> list[Event]:
    """An appointment a passive states of a person whose role the sentence names ("chief
    executive Anna Brooks was appointed in 2019", "direktorica Ana Kos je bila imenovana
    marca"): in that role's organisation, dated by the clause."""
    out = list(events)
    for sent, s in enumerate(doc.sentences):
        all_words = _words(doc, s.tok_start, s.tok_end)
        for i in range(len(all_words)):
            if not _phrase_len(all_words, i, words.text.appointed):
                continue
            at = s.tok_start + i
            before = _named(doc, s.tok_start, at, ("schema:Person",), pack)
            if not before:
                continue
            person = doc.groups[doc.mentions[max(before, key=lambda k: doc.mentions[k].tok_end)].group].key
            orgs = {r.org for r in roles if r.sent == sent and r.person == person and r.status != "former"}
            if len(orgs) != 1:
                continue
            org = orgs.pop()
            lo, hi = _clause(doc, at, words.text.conjunctions)
            found = dates.get(sent)
            if found is None:
                found = dates[sent] = sentence_dates(doc, sent, words)
            inside = [d for d in found if d.mark == "point" and lo <= d.start and d.end <= hi and d.start >= at]
            date = inside[0].value if len(inside) == 1 else ""
            same = [k for k, e in enumerate(out) if e.kind == "appointment" and (e.agent, e.obj) == (org, person)]
            if same:
                out[same[0]] = replace(out[same[0]], date=out[same[0]].date or date)
            else:
                mention = next(k for k, m in _in_sentence(doc, sent) if m.group >= 0
                               and doc.groups[m.group].key == person)
                out.append(Event("appointment", org, person, date, None, "time-appointed", sent, (mention,)))
    return out


def _take_over_events(roles: list[TimedRole], events: list[Event]) -> list[Event]:
    """An appointment dated by a taking over the text tells ("je vodenje prevzela januarja 2017"),
    unless the text reports the appointment otherwise (then only its missing date is filled)."""
    out = list(events)
    for r in roles:
        if r.rule not in ("time-takes-over", "time-handed-to", "time-succeeds") or not r.start:
            continue
        same = [k for k, e in enumerate(out) if e.kind == "appointment" and (e.agent, e.obj) == (r.org, r.person)]
        if same:
            k = same[0]
            out[k] = replace(out[k], date=out[k].date or r.start)
        else:
            out.append(Event("appointment", r.org, r.person, r.start, None, r.rule, r.sent, r.mentions))
    return out


def _successions(doc: Document, sent: int, words: TimeWords, pack: LanguagePack) -> list[tuple[int, int, int, int]]:
    """(successor mention, predecessor mention, cue start, cue end) of each succession a sentence
    tells with both persons named: "Strachan will succeed Keith Lumsden", "Rozman bo nasledil
    Ireno Gorjup" (successor before the cue, predecessor right after it), "Lumsden was
    succeeded that month by Moira Falconer" (the other way round)."""
    s = doc.sentences[sent]
    all_words = _words(doc, s.tok_start, s.tok_end)
    cues = words.text
    out = []
    covered = 0  # "was succeeded": the "succeeded" inside it is no active cue
    for i in range(len(all_words)):
        active, passive = _phrase_len(all_words, i, cues.succeed), _phrase_len(all_words, i, cues.succeeded_by)
        if (not active and not passive) or i < covered:
            continue
        at, n = s.tok_start + i, max(active, passive)
        covered = i + n
        lo, hi = _clause(doc, at, cues.conjunctions)
        before = _named(doc, lo, at, ("schema:Person",), pack) or \
            (_named(doc, s.tok_start, at, ("schema:Person",), pack) if cues.subject_first else [])
        # the person right after the cue, past a date or a few words ("that month by")
        after = [k for k in _named(doc, at + n, min(hi, at + n + NEAR), ("schema:Person",), pack)
                 if not any(doc.tokens[j].text in (",", ";") for j in range(at + n, doc.mentions[k].tok_start))]
        after += [k for k, m in doc.mentions_starting(at + n, min(hi, at + n + NEAR))
                  if m.tok_start > 0 and doc.tokens[m.tok_start - 1].text.lower() in pack.prepositions
                  and _of_class(doc, k, ("schema:Person",)) and passive >= active]  # "by X"
        if not before or not after:
            continue
        first = min(after, key=lambda k: doc.mentions[k].tok_start)
        last = max(before, key=lambda k: doc.mentions[k].tok_end)
        new, old = (last, first) if active >= passive else (first, last)
        if doc.mentions[new].group != doc.mentions[old].group:
            out.append((new, old, at, at + n))
    return out


def _succeeded(doc: Document, roles: list[TimedRole], events: list[Event], dates: dict[int, list[DateExpr]],
               words: TimeWords, pack: LanguagePack) -> list[TimedRole]:
    """Hand-overs by succession: the successor takes the one role the text gives the predecessor
    (from the date of the cue's clause; future when that lies ahead or the clause is in the
    future tense) and the predecessor's role ends then (it stays current until a future date,
    and ends at the predecessor's own dated resignation if the text gives one). When only the
    successor's role is named, the predecessor held it ("X bo postal direktor. X bo nasledil Y")."""
    if not (words.text.succeed or words.text.succeeded_by):
        return roles
    here = _doc_date(doc)
    resigned = {(e.agent, e.obj): e.date for e in events if e.kind == "resignation" and e.date}
    out = list(roles)
    for sent in range(len(doc.sentences)):
        found = dates.get(sent)
        if found is None:
            found = dates[sent] = sentence_dates(doc, sent, words)
        for new, old, at, _ in _successions(doc, sent, words, pack):
            newcomer, leaver = (doc.groups[doc.mentions[k].group].key for k in (new, old))
            lo, hi = _clause(doc, at, words.text.conjunctions)
            points = [d for d in found if d.mark in ("point", "start") and lo <= d.start and d.end <= hi]
            rel = _relative_after(doc, old, pack)  # "succeeded X, who had run it since 2012, in January"
            if not points and rel[1] > rel[0] and rel[1] < doc.sentences[sent].tok_end and doc.tokens[rel[1]].text == ",":
                points = [d for d in found if d.mark == "point" and rel[1] < d.start <= rel[1] + 3]
            date = points[0].value if len(points) == 1 else ""
            future = bool(set(_words(doc, lo, hi)) & words.future_tense)
            if future and date and here and _compare(date, here) < 0 and \
                    not any(_year(t.text) for t in doc.tokens[points[0].start:points[0].end]):
                date = _shift(date, 1, "year")  # "will succeed X, who ..., on 1 June": the next 1 June
            ahead = future or bool(date and here and _compare(date, here) > 0)
            if not ahead and any(r.person == leaver and r.mentions[0] == old and r.status == "current"
                                 and r.rule == "time-leads" for r in out):
                continue  # "X succeeded Y, who now chairs the supervisory board": Y's role now, not what X took
            held = _one_held(out, leaver, sent) or _one_held(out, newcomer, sent, taken=True)
            if held is None:
                continue
            org, kind, mention = held
            mine = [k for k, r in enumerate(out) if (r.person, r.org, r.kind) == (newcomer, org, kind)]
            date = date or next((out[k].start for k in mine if out[k].status == "future" and out[k].start), "") \
                or next((r.end for r in out if (r.person, r.org, r.kind) == (leaver, org, kind) and r.end
                         and (leaver, org) in resigned and resigned[leaver, org] == r.end), "")
            ahead = ahead or bool(date and here and _compare(date, here) > 0)
            left = resigned.get((leaver, org), "")
            gone = not ahead or bool(left and here and _compare(left, here) <= 0)
            theirs = [k for k, r in enumerate(out) if (r.person, r.org, r.kind) == (leaver, org, kind) and r.status != "future"]
            if not theirs:  # the predecessor's role, dated by the relative clause after the name
                clause = _relative_after(doc, old, pack)
                start = next((d.value for d in found if d.mark == "start" and clause[0] <= d.start and d.end <= clause[1]), "")
                out.append(TimedRole(leaver, org, kind, "current", start, "", "time-succeeded", sent, (old, mention)))
                theirs = [len(out) - 1]
            for k in theirs:  # the predecessor's role ends at the hand-over (or the resignation)
                r = out[k]
                out[k] = replace(r, status="former" if gone else "current", end=r.end or left or date)
            status = "future" if ahead else "current"
            for k in mine:
                out[k] = replace(out[k], status=status, start=out[k].start or date)
            if not mine:
                out.append(TimedRole(newcomer, org, kind, status, date, "", "time-succeeds", sent, (new, mention)))
    return out


def _one_held(roles: list[TimedRole], person: str, sent: int, taken: bool = False) -> tuple[str, str, int] | None:
    """(organisation, kind, organisation's mention) of the one role the text gives a person
    (held, or when ``taken`` one ahead), else of the one given in this sentence; None if
    there is not exactly one."""
    # a successor's current role is one held already ("X, who is chief operating officer, will succeed Y")
    mine = [r for r in roles if r.person == person and len(r.mentions) > 1
            and (r.status == "future" if taken else r.status != "future")]
    for group in (mine, [r for r in mine if r.sent == sent]):
        if len({(r.org, r.kind) for r in group}) == 1:
            return group[0].org, group[0].kind, group[0].mentions[1]
    return None


def _relative_after(doc: Document, mention: int, pack: LanguagePack) -> tuple[int, int]:
    """The relative clause right after a name ("Ireno Gorjup, ki je bila ... od leta 2011"), or an empty span."""
    end = doc.mentions[mention].tok_end
    if end + 1 < len(doc.tokens) and doc.tokens[end].text == "," and doc.tokens[end + 1].text.lower() in pack.relative_openers:
        return _clause(doc, end + 1)
    return end, end


def _appointment_dated_after(doc: Document, events: list[Event], roles: list[TimedRole],
                             words: TimeWords) -> list[Event]:
    """An appointment told in the sentence after the one that names it, which names no other
    person and has one date: "X has named Y its next chief executive. The board approved the
    appointment on Monday." dates the one undated appointment before it; "Rozman bo 1. aprila
    postal predsednik uprave. Nadzorni svet ga je imenoval včeraj." is the appointment of the
    one person the sentence before gives a role that is not former."""
    out = list(events)
    for sent in range(1, len(doc.sentences)):
        s = doc.sentences[sent]
        said = _words(doc, s.tok_start, s.tok_end)
        refers = has_phrase(said, words.appointment_refs)
        pronoun = any(w in words.object_pronouns for w in said) and any(w in words.appoint_verbs for w in said)
        if not (refers or pronoun):
            continue
        before = [k for k, e in enumerate(out) if e.kind == "appointment" and e.sent == sent - 1]
        named = {(r.org, r.person) for r in roles if r.sent == sent - 1 and r.status != "former"}
        wanted = {(out[k].agent, out[k].obj) for k in before} or (named if pronoun else set())
        others = {doc.groups[m.group].key for k, m in _in_sentence(doc, sent)
                  if _of_class(doc, k, ("schema:Person",))} - {p for _, p in wanted}
        points = {d.value for d in sentence_dates(doc, sent, words) if d.mark == "point"}
        if len(points) != 1 or len(wanted) != 1 or others:
            continue
        date = points.pop()
        if before:
            if not out[before[0]].date:
                out[before[0]] = replace(out[before[0]], date=date)
            continue
        [(org, person)] = wanted
        mentions = next(r.mentions for r in roles if (r.org, r.person) == (org, person) and r.sent == sent - 1)
        out.append(Event("appointment", org, person, date, None, "time-appointed-after", sent - 1, mentions))
    return out


def _took_post(doc: Document, roles: list[TimedRole], events: list[Event], dates: dict[int, list[DateExpr]],
               words: TimeWords, pack: LanguagePack) -> tuple[list[TimedRole], list[Event]]:
    """A role named with its holder starts at the date of a relative clause after the name
    that tells of taking the post ("Managing director Ana Kos, who took up the post in May last
    year, said ...", "direktorica Ana Kos, ki je funkcijo prevzela marca, ..."); the taking
    is the appointment, when the text reports none of that person there."""
    out, found = list(roles), list(events)
    for k, r in enumerate(roles):
        if r.status != "current" or r.start or not r.mentions or not words.took_post:
            continue
        lo, hi = _relative_after(doc, r.mentions[0], pack)
        if hi <= lo or not has_phrase(_words(doc, lo, hi), words.took_post):
            continue
        # "who was appointed chairman of Lipa in 2019" is about another post, as may be a second role of the person
        others = {doc.groups[m.group].key for j, m in doc.mentions_starting(lo, hi)
                  if m.tok_end > m.tok_start and _of_class(doc, j, _ORG_CLASSES)} - {r.org}
        if others or len({(o.org, o.kind) for o in roles if o.person == r.person and o.sent == r.sent}) != 1:
            continue
        points = {d.value for d in dates.get(r.sent, []) if d.mark == "point" and lo <= d.start and d.end <= hi}
        if len(points) != 1:
            continue
        date = points.pop()
        out[k] = replace(r, start=date)
        same = [j for j, e in enumerate(found) if e.kind == "appointment" and (e.agent, e.obj) == (r.org, r.person)]
        if not same:
            found.append(Event("appointment", r.org, r.person, date, None, "time-took-post", r.sent, r.mentions))
        elif not found[same[0]].date:
            found[same[0]] = replace(found[same[0]], date=date)
    return out, found


def _left_post(doc: Document, roles: list[TimedRole], events: list[Event], dates: dict[int, list[DateExpr]],
               words: TimeWords, pack: LanguagePack) -> tuple[list[TimedRole], list[Event]]:
    """A person who leaves with no post named ("Robert Iveson stepped down in 2015", "Kos je
    lani odstopil") leaves the one role the text gives him (in the organisation a rule read as
    left, if one did): it ends at the date of the clause (former when that is not ahead), and
    the leaving is a resignation from that organisation."""
    out, found = list(roles), list(events)
    for sent, s in enumerate(doc.sentences):
        all_words = _words(doc, s.tok_start, s.tok_end)
        for i in range(len(all_words)):
            n = _phrase_len(all_words, i, words.left_post)
            if not n:
                continue
            at = s.tok_start + i
            lo, hi = _clause(doc, at, words.text.conjunctions)
            persons = _named(doc, lo, at, ("schema:Person",), pack)
            if not persons and lo - 2 > s.tok_start:  # "X, who has led Y since 2012, will retire"
                ante = _antecedent(doc, _clause(doc, lo - 2)[0], pack)
                persons = [ante] if ante is not None else []
            if not persons:
                continue
            person = doc.groups[doc.mentions[max(persons, key=lambda k: doc.mentions[k].tok_end)].group].key
            # a rule read the organisation left: the role there ("Zupanova je lani odstopila")
            read = {e.obj for e in found if e.kind == "resignation" and e.sent == sent and e.agent == person}
            mine = [k for k, r in enumerate(out) if r.person == person and r.status != "future"
                    and (not read or r.org in read)]
            if len({(out[k].org, out[k].kind) for k in mine}) != 1 or any(out[k].end for k in mine):
                continue
            points = {d.value for d in dates.get(sent, []) if d.mark == "point" and lo <= d.start and d.end <= hi}
            date = points.pop() if len(points) == 1 else ""
            here = _doc_date(doc)
            ahead = bool(set(_words(doc, lo, hi)) & words.future_tense) or bool(date and here and _compare(date, here) > 0)
            if ahead and not date:
                continue  # "se bo takrat upokojil": a hand-over elsewhere may date it (_handed_over)
            for k in mine:
                # ("Dosedanji predsednik X se bo marca upokojil": a cue said former, the date stays its end)
                out[k] = replace(out[k], status="current" if ahead and out[k].status != "former" else "former", end=date)
            r = out[mine[0]]
            if not read:
                found.append(Event("resignation", person, r.org, date, None, "time-left-post", sent, r.mentions))
    return out, found
