"""Extract relations: run the language pack's rules over each sentence and record what they yield.

Every sentence is turned into units (mentions, role phrases, numbers, tokens; see
``kg.extract.matcher``); each rule that matches emits the facts its ``facts`` list names:

- ``{s = "a", p = "schema:founder", o = "b"}``: a relation between two bound mentions (lists
  give one relation per item);
- ``{s = "a", p = "schema:numberOfEmployees", quantity = "n", place = "x", occupation = "w"}``:
  a quantity with its bound ("več kot") and qualifiers;
- ``{s = "a", p = "akg:yearsOfExperience", value = "n", datatype = "xsd:integer"}``: a literal;
- ``{s = "a", p_from = "r", o = "b"}``: the predicate comes from the bound role phrase;
- ``{s_all = "org:Site", p = "...", o = "b"}``: every mention of that class in the sentence;
- ``if_single = "b"`` on a fact: only when the list bound to ``b`` has one item;
- ``unless_in_sentence = [words]`` on a fact: only when the sentence has none of those words
  ("ustanovila jo je zadruga X, ki ima v njem 20-odstotni delež": the founder is no parent);
- ``town = true`` on a fact: an object that is a plant named after its town stands for the town;
- ``plant = true`` on a fact: a subject that is a town stands for the plant named after it (or
  the fact is dropped);
- ``yields = true`` on a fact: a weak reading, dropped where another rule's fact, which does not
  yield, gives the same object to another subject ("Skupina bo v obrat v Dramljah vložila ..."
  after "Hidropres v obratu v Dramljah izdela ...": the plant stays Hidropres's).

A rule with ``unless = ["other-rule"]`` is skipped in a sentence where one of those rules matched
(rules run in file order).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping

from kg.extract.document import Document, Group, Mention, MentionSource, Quantity, Relation, Sentence, Token
from kg.extract.frames import (
    LIST_CONJUNCTIONS,
    Clause,
    Context,
    clauses,
    frames_that_may_start,
    match_frame,
    start_index,
    type_untyped,
)
from kg.extract.lemmatize import percent_adjective_number
from kg.extract.link import core_name
from kg.extract.matcher import LIST_JOINERS, Binding, Rule, SentenceUnits, Unit, UnitIndex, find_matches
from kg.extract.mentions.names import is_demonym
from kg.extract.ownership import parents_of_whole_purchases
from kg.extract.sites import SiteOwners
from kg.extract.wordphrases import has_phrase, phrase_at
from kg.lang import LanguagePack
from kg.ontology import Ontology

# Relations made by code rather than by a pattern of patterns.toml, with what they mean.
CODE_RULES = {
    "plant-named-after-town": "A plant named after a town is in that town.",
    "founding-year-near-word": "A year next to a founding word is the founding date of the organisation founded.",
    "seat-town-before-class-noun": "The town in 'the Busan company' referring back is the company's head office.",
}


def parse_number(text: str, thousands: str = ".", decimal: str = ",") -> float | int | None:
    """A number as the language writes it: Slovenian ``11.000`` -> 11000, ``2,5`` -> 2.5;
    English (``thousands=","``, ``decimal="."``) ``11,000`` -> 11000, ``1.2`` -> 1.2.

    >>> parse_number("11.000"), parse_number("2,5"), parse_number("35"), parse_number("11,000", ",", ".")
    (11000, 2.5, 35, 11000)
    """
    grouped, plain = _number_patterns(thousands, decimal)
    if grouped.fullmatch(text):
        text = text.replace(thousands, "")
    elif not plain.fullmatch(text):
        return None
    value = float(text.replace(decimal, ".")) if decimal in text else int(text)
    return int(value) if isinstance(value, float) and value.is_integer() else value


@functools.cache
def _number_patterns(thousands: str, decimal: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number with thousands groups ("11.000,5"), and one without ("2,5"), compiled once."""
    t, d = re.escape(thousands), re.escape(decimal)
    return re.compile(rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?"), re.compile(rf"\d+(?:{d}\d+)?")


# predicates whose values count things: never an amount of money or a share
COUNTED = frozenset({"akg:numberOfSites", "schema:numberOfEmployees", "akg:productionCapacity"})
# predicates whose values are sums of money: never a bare count
MONEY = frozenset({"akg:investment", "akg:revenue", "akg:acquisitionPrice"})
COMPANY_NOUN_CLASSES = frozenset({"akg:Company", "schema:Organization"})  # "70 odstotkov proizvajalca": a company, no occupation


def _number_at(doc: Document, i: int, end: int, pack: LanguagePack) -> tuple[int, Quantity] | None:
    """A number starting at token i (digits or a number word, maybe a scale word, %, currency)."""
    toks = doc.tokens
    unit = ""
    sign = toks[i].text.lower()
    if (toks[i].lemma in pack.currencies or sign in pack.currencies) and i + 1 < end and toks[i + 1].text[:1].isdigit():
        unit = pack.currencies.get(toks[i].lemma) or pack.currencies[sign]  # "€2.3 billion", "SEK 6 billion"
        glued = toks[i - 1].text.lower() + sign if i >= 1 and toks[i - 1].end == toks[i].start else ""
        unit = pack.currencies.get(glued, unit)  # "A$48.5 million", "NT$12 billion": a dollar of its own
        i += 1
    value = parse_number(toks[i].text, pack.thousands_separator, pack.decimal_separator)
    if value is None:
        value = pack.numbers.get(toks[i].lemma)
    if value is None:
        return _percent_adjective(toks[i].text, i, pack)
    j = i + 1
    if j < end and toks[j].lemma in pack.scales:
        value = round(value * pack.scales[toks[j].lemma], 6)  # 2.3 * 10**9 is not exact in binary
        j += 1
    elif unit and j < end and toks[j].text.lower() in pack.currency_scales:
        value = round(value * pack.currency_scales[toks[j].text.lower()], 6)  # "£14m", "$2bn"
        j += 1
    if not unit and j < end and toks[j].text == "%":
        unit, j = "percent", j + 1
    elif not unit and j < end and (toks[j].lemma in pack.currencies or toks[j].text.lower() in pack.currencies):
        unit, j = pack.currencies.get(toks[j].lemma) or pack.currencies[toks[j].text.lower()], j + 1
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return j, Quantity(value, unit=unit)


def _percent_adjective(word: str, i: int, pack: LanguagePack) -> tuple[int, Quantity] | None:
    """"70-odstotni (delež)", "a 70-percent stake": a share written as one adjective."""
    number = percent_adjective_number(word, pack.code, pack.percent_adjectives)
    value = parse_number(number, pack.thousands_separator, pack.decimal_separator) if number is not None else None
    if value is None:
        return None
    return i + 1, Quantity(int(value) if isinstance(value, float) and value.is_integer() else value, unit="percent")


def _date_at(doc: Document, i: int, end: int, pack: LanguagePack) -> tuple[int, int] | None:
    """A full date starting at token i ("3. junija 2001", "4. 3. 2024"): (end, year)."""
    toks = doc.tokens
    if not pack.months or i + 2 >= end:
        return None
    if toks[i].text.isdigit() and toks[i + 1].text == ".":
        j = i + 2  # reldi may keep "3." as one ordinal token or split it
    elif toks[i].text[:-1].isdigit() and toks[i].text.endswith("."):
        j = i + 1
    else:
        return None
    if j < end and (toks[j].lemma in pack.months or toks[j].text.lower() in pack.months):
        j += 1
    elif j + 1 < end and toks[j].text.isdigit() and int(toks[j].text) <= 12 and toks[j + 1].text == ".":
        j += 2
    elif j < end and toks[j].text[:-1].isdigit() and toks[j].text.endswith(".") and int(toks[j].text[:-1]) <= 12:
        j += 1
    else:
        return None
    if j < end and len(toks[j].text) == 4 and toks[j].text.isdigit():
        return j + 1, int(toks[j].text)
    return None


def _bound_before(doc: Document, i: int, start: int, pack: LanguagePack) -> tuple[int, str]:
    for n in (2, 1):
        a = i - n
        if a >= start:
            b = pack.bounds.get(tuple(t.lemma for t in doc.tokens[a:i]))
            if b:
                return a, b
    return i, "exact"


def _role_at(doc: Document, i: int, end: int, pack: LanguagePack) -> tuple[int, str] | None:
    """A role phrase starting at token i: (end, property). A possessive inside it is skipped
    ("predsednica njenega nadzornega sveta")."""
    if doc.tokens[i].lemma not in pack.role_starts or doc.tokens[i].text.lower() in pack.role_verb_forms:
        return None
    longest = pack.max_role_len  # "chairman of the supervisory board": five words
    for n in range(longest + 1, 0, -1):
        if i + n <= end:
            lemmas = tuple(t.lemma for t in doc.tokens[i:i + n] if t.text.lower() not in pack.role_possessives)
            # one token more than the longest role is only allowed if it was a possessive
            hit = pack.roles.get(lemmas) if len(lemmas) <= longest else None
            if hit and doc.tokens[i].text.lower() not in pack.role_possessives:
                if i + n < end and doc.tokens[i + n].text.lower() in pack.role_compound_nouns:
                    return None  # "keeps its head office in Foetz": a compound noun, no role
                return i + n, hit[0]
    return None


def mentions_by_start(doc: Document) -> dict[int, tuple[int, Mention]]:
    """token index -> (mention index, mention) for every linked mention.

    Where a plant named after a town shares its span with the town ("tovarno v Hočah"), the
    plant is the unit the rules see; ``town_relations`` links it to the town. A dropped subject
    (an empty mention, see ``kg.extract.link``) is keyed by ``-1 - sentence``.
    """
    out: dict[int, tuple[int, Mention]] = {}
    for k, m in enumerate(doc.mentions):
        if m.group < 0:
            continue
        if m.source == MentionSource.ZERO:
            out[-1 - m.sent] = (k, m)
        elif m.tok_start not in out or m.attrs.get("shadow"):
            out[m.tok_start] = (k, m)
    return out


def town_relations(doc: Document, onto: Ontology) -> list[Relation]:
    """A plant named after a town is in that town (rule ``plant-named-after-town``), when the
    town's name stayed a place's (not a surname linked to a person: "in Morgantown, Hale said")."""
    by_span = {(m.tok_start, m.tok_end): k for k, m in enumerate(doc.mentions) if not m.attrs.get("shadow")}
    out = []
    for k, m in enumerate(doc.mentions):
        town = by_span.get((m.tok_start, m.tok_end)) if m.attrs.get("shadow") else None
        if town is not None and m.group >= 0 and (g := doc.mentions[town].group) >= 0 \
                and (cls := doc.groups[g].cls) and onto.is_a(cls, "schema:Place"):
            out.append(Relation(m.group, "schema:containedInPlace", doc.mentions[town].group, None,
                                "plant-named-after-town", m.sent, (k, town)))
    return out


def seat_towns(doc: Document) -> list[Relation]:
    """"The Busan company, which ...": the organisation a noun refers back to has its head office
    in the town written before the noun (rule ``seat-town-before-class-noun``)."""
    towns = {m.tok_start: k for k, m in enumerate(doc.mentions) if m.cls == "schema:City" and m.group >= 0}
    out = []
    for k, m in enumerate(doc.mentions):
        town = towns.get(int(m.attrs.get("seat_town", -1)))
        if town is not None and m.group >= 0 and m.cls and m.cls != "schema:City":
            out.append(Relation(m.group, "akg:headquarteredIn", doc.mentions[town].group, None,
                                "seat-town-before-class-noun", m.sent, (k, town)))
    return out


def _genitive_of_noun(before: Token, m: Mention, name: str, pack: LanguagePack) -> bool:
    """A name in an oblique case right after a class noun is that noun's complement, no subject
    ("hčerinsko podjetje Slavonke"; "podjetje Slavonka" is an apposition)."""
    return m.source != MentionSource.COREF and before.text.islower() and (before.lemma,) in pack.triggers \
        and not name.lower().startswith(m.text.lower())


SOURCE_NOUN_REACH = 3  # genitive words between a source preposition and the class noun of a name


def _after_preposition_and_noun(toks: list[Token], i: int, first: int, pack: LanguagePack) -> str:
    """The preposition of where something comes from that governs the name at ``i`` through its class
    noun ("je od družbe Lašček d.o.o. kupil obrat": the seller), or "" ("v družbi X, ki domuje v Y"
    is still X's sentence). Genitive words may stand between them ("od stečajnega upravitelja
    družbe Zlivar d.o.o."; the pack's ``source_phrase_endings``)."""
    if i - 2 < first or not toks[i - 1].text.islower() or (toks[i - 1].lemma,) not in pack.triggers:
        return ""
    for j in range(i - 2, max(first, i - 2 - SOURCE_NOUN_REACH) - 1, -1):
        if toks[j].text.lower() in pack.source_prepositions:
            return toks[j].text.lower()
        if not (toks[j].text.isalpha() and toks[j].text.islower() and toks[j].text.endswith(pack.source_phrase_endings)):
            return ""
    return ""


def sentence_units(doc: Document, sent_i: int, pack: LanguagePack,
                   by_start: dict[int, tuple[int, Mention]]) -> SentenceUnits:
    """The units of one sentence for the matcher (``by_start`` from ``mentions_by_start``)."""
    s = doc.sentences[sent_i]
    toks = doc.tokens
    out = SentenceUnits()
    if -1 - sent_i in by_start:  # a dropped subject (kg.extract.link) comes first
        k, m = by_start[-1 - sent_i]
        out.units.append(Unit("ent", s.tok_start, s.tok_start, mention=k, group=m.group,
                              cls=doc.groups[m.group].cls, source=MentionSource.ZERO))
    depth = 0
    i = s.tok_start
    while i < s.tok_end:
        tok = toks[i]
        out.present.update((tok.lemma, tok.text.lower()))
        if i in by_start:
            k, m = by_start[i]
            governed = i > s.tok_start and (toks[i - 1].text.lower() in pack.prepositions
                                            or _genitive_of_noun(toks[i - 1], m, doc.groups[m.group].name
                                                                 if m.group >= 0 else m.name, pack)
                                            or bool(_after_preposition_and_noun(toks, i, s.tok_start, pack)))
            out.units.append(Unit("ent", i, m.tok_end, depth=depth, mention=k, group=m.group,
                                  cls=doc.groups[m.group].cls, source=m.source, governed=governed,
                                  word=m.text if m.source == MentionSource.COREF else ""))  # "Its": a frame may name it
            for t in toks[i:m.tok_end]:
                out.present.update((t.lemma, t.text.lower()))
            i = m.tok_end
            continue
        date = _date_at(doc, i, s.tok_end, pack)
        if date:  # "3. junija 2001" reads like "leta 2001" for the rules
            j, year = date
            out.units.append(Unit("tok", i, i, lemma=pack.year_word, word=pack.year_word, depth=depth))
            out.units.append(Unit("num", i, j, lemma=toks[j - 1].lemma, word=toks[j - 1].text, depth=depth,
                                  quantity=Quantity(year)))
            i = j
            continue
        number = _number_at(doc, i, s.tok_end, pack)
        if number:
            j, q = number
            a, bound = _bound_before(doc, i, s.tok_start, pack)
            while out.units and out.units[-1].start >= a and out.units[-1].kind == "tok":
                out.units.pop()
            # "75 odstotkov družbe X": a share, though the noun stays a word of its own for the rules
            unit = "percent" if not q.unit and j < s.tok_end and toks[j].lemma in pack.percent_nouns else q.unit
            out.units.append(Unit("num", a, j, lemma=tok.lemma, word=tok.text.lower(), depth=depth,
                                  quantity=Quantity(q.value, bound, unit)))
            i = j
            continue
        role = _role_at(doc, i, s.tok_end, pack)
        if role:
            j, prop = role
            out.units.append(Unit("role", i, j, lemma=toks[j - 1].lemma, depth=depth, prop=prop))
            for t in toks[i:j]:
                out.present.update((t.lemma, t.text.lower()))
            i = j
            continue
        if tok.text == "(":
            depth += 1
        out.units.append(Unit("tok", i, i + 1, lemma=tok.lemma, word=tok.text.lower(), depth=depth))
        if tok.text == ")":
            depth = max(0, depth - 1)
        i += 1
    return out


def _units_of(binding: Binding, name: str | None) -> list[Unit]:
    if not name or name not in binding:
        return []
    v = binding[name]
    return v if isinstance(v, list) else [v]


def _plant_named(doc: Document, g: int) -> int | None:
    """A plant's group, or for a town the plant named after it in the document ("... pa
    izdelujejo le v Apačah" after "obrat v Apačah"); None if there is no such plant."""
    if doc.groups[g].cls == "akg:Plant":
        return g
    name = doc.groups[g].name
    return next((p for p, group in enumerate(doc.groups) if group.cls == "akg:Plant" and group.name == name), None)


def _town_of(doc: Document, k: int) -> int:
    """The town mention behind a plant named after it ("sedež in tovarno v Kamniku": the town
    is the head office's place), else the mention itself."""
    m = doc.mentions[k]
    if not m.attrs.get("shadow"):
        return k
    return next((j for j, t in enumerate(doc.mentions) if j != k and (t.tok_start, t.tok_end) ==
                 (m.tok_start, m.tok_end) and not t.attrs.get("shadow") and t.group >= 0), k)


def _type_untyped(doc: Document, rule: Rule, binding: Binding, used: set[str]) -> None:
    """Mentions that matched only through ``type = ...`` get that class (domain/range typing)."""
    for el in rule.elements:
        if el.bind in used and el.type_as:
            for u in _units_of(binding, el.bind):
                g = doc.mentions[u.mention].group
                if doc.groups[g].cls is None:
                    doc.groups[g].cls = el.type_as


def _gender_of_mention(doc: Document, m: Mention, pack: LanguagePack) -> str:
    """Grammatical gender of a mention: from the noun that heads it ("skupina Hisense": feminine),
    else from the name's ending ("Krka": feminine, "Petrol": masculine); "" when unknown."""
    s = doc.sentences[m.sent]
    for j in range(m.tok_start - 1, max(s.tok_start, m.tok_start - 3) - 1, -1):
        if (doc.tokens[j].lemma,) in pack.triggers:
            return pack.noun_gender(doc.tokens[j].lemma)
    before = doc.tokens[m.tok_start - 1] if m.tok_start > s.tok_start else None
    if before is not None and before.text.islower() and (before.lemma in pack.demonyms or before.text in pack.town_adjectives):
        return pack.adjective_gender(before.text)  # "avstrijska Imkerei Bachmann GmbH": feminine
    first = doc.tokens[m.tok_start]
    if (first.lemma,) in pack.triggers and m.tok_end - m.tok_start > 1:
        return pack.noun_gender(first.lemma)
    second = doc.tokens[m.tok_start + 1] if m.tok_end - m.tok_start > 2 else None
    if second is not None and second.text.islower() and (second.lemma,) in pack.triggers:
        return pack.noun_gender(second.lemma)  # "Kovinska zadruga Konjice": feminine
    core = core_name(m.name, pack).split() if m.name else []  # "Vlagomer d.o.o.": masculine
    return pack.noun_gender(core[-1]) if core else ""


def _is_accusative(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """A noun or name visibly in the accusative, by the pack's ending pairs: "družbo Salvia",
    "Krko" (nominative "-a", accusative "-o")."""
    def inflected(written: str, nominative: str) -> bool:
        return any(written.endswith(acc) and nominative.endswith(nom) and written[:-len(acc)] == nominative[:-len(nom)]
                   for nom, acc in pack.accusative_endings)

    s = doc.sentences[m.sent]
    if m.source == MentionSource.COREF and m.text.lower() in pack.writer_object_pronouns:
        return True  # "nas je kupila skupina Y": "us", the company that writes, is bought
    if m.source == MentionSource.COREF and m.text.lower() in pack.object_pronouns:
        # "v celoti ga je kupila družba Y": "ga" is the company bought; but in "X, ki so jo
        # ustanovili kmetje, je prevzela Y" it stands for X, the subject, inside its relative clause
        return not any(doc.tokens[j].text.lower() in pack.relative_pronouns
                       for j in range(max(s.tok_start, m.tok_start - 2), m.tok_start))
    if any(inflected(doc.tokens[j].text.lower(), doc.tokens[j].lemma)
           for j in range(max(s.tok_start, m.tok_start - 2), m.tok_start)):
        return True
    name = doc.groups[m.group].name.split()[0] if m.group >= 0 and doc.groups[m.group].name else ""
    return inflected(doc.tokens[m.tok_start].text, name)


def _agreement_swaps(doc: Document, rule: Rule, binding: Binding, pack: LanguagePack) -> bool:
    """Slovenian word order is free: in "Podjetje X je prevzela skupina Y" the verb's gender
    (feminine "prevzela") agrees with "skupina Y", so Y is the subject. True when the verb agrees
    with the rule's object and not with its subject."""
    verb_b, subj_b, obj_b = rule.agreement or ("", "", "")
    verb, subj, obj = (_units_of(binding, b) for b in (verb_b, subj_b, obj_b))
    if not (verb and subj and obj) or len(subj) != 1 or len(obj) != 1:
        return False
    if pack.accusative_endings:  # a case-marking language: an accusative first is the object
        sa = _is_accusative(doc, doc.mentions[subj[0].mention], pack)
        oa = _is_accusative(doc, doc.mentions[obj[0].mention], pack)
        if sa != oa:
            return sa
    vg = pack.verb_gender(doc.tokens[verb[0].start].text.lower())
    sg = _gender_of_mention(doc, doc.mentions[subj[0].mention], pack)
    og = _gender_of_mention(doc, doc.mentions[obj[0].mention], pack)
    # a dropped subject yields to a named one the verb agrees with ("ko nas je prevzela skupina Y")
    return bool(vg) and og == vg and (sg not in ("", vg) or subj[0].source == MentionSource.ZERO)


def _plural_verb_of_one(doc: Document, rule: Rule, binding: Binding, pack: LanguagePack) -> bool:
    """True when the verb is plural ("ki sta jo ustanovili A in B", "so ustanovile družbe ...")
    but the rule bound one entity on each side: the verb's subject is elsewhere."""
    verb_b, subj_b, obj_b = rule.agreement or ("", "", "")
    verb, subj, obj = (_units_of(binding, b) for b in (verb_b, subj_b, obj_b))
    return bool(verb) and len(subj) == 1 and len(obj) == 1 \
        and pack.verb_gender(doc.tokens[verb[0].start].text.lower()) == "p"


def _stale(doc: Document, rule: Rule, binding: Binding, onto: Ontology) -> bool:
    """True if a bound mention's entity has since been typed (by an earlier rule on this
    sentence) with a class the rule's element does not accept: "Vertika S" typed a company by
    one rule is no product for the next."""
    for el in rule.elements:
        if el.kind in ("ent", "list") and el.bind and el.values:
            for u in _units_of(binding, el.bind):
                cls = doc.groups[doc.mentions[u.mention].group].cls
                if cls and not any(onto.is_a(cls, v) for v in el.values):
                    return True
    return False


def _coordinated_roles(units: list[Unit], role: Unit, pred: str | None) -> list[str]:
    """The other roles coordinated with ``role`` right next to it by a list conjunction ("Shivneri's
    chairman and managing director, X", "predsednik in direktor"): their properties, other than ``pred``."""
    i = next((k for k, u in enumerate(units) if u is role), -1)
    found: list[str] = []
    for step in (-1, 1):
        k = i + step
        if 0 <= k + step < len(units) and units[k].kind == "tok" and units[k].word.lower() in LIST_CONJUNCTIONS:
            other = units[k + step]
            if other.kind == "role" and other.prop and other.prop != pred and other.prop not in found:
                found.append(other.prop)
    return found if i >= 0 else []


def _sentence_has_word(doc: Document, sent_i: int, words: list[str]) -> bool:
    """Does sentence ``sent_i`` have one of ``words`` (lower-cased token texts)?"""
    s = doc.sentences[sent_i]
    return any(t.text.lower() in words for t in doc.tokens[s.tok_start:s.tok_end])


def _emit(doc: Document, rule: Rule, binding: Binding, sent_i: int, onto: Ontology,
          units: list[Unit], pack: LanguagePack) -> list[Relation]:
    out: list[Relation] = []
    used: set[str] = set()
    if _stale(doc, rule, binding, onto):
        return out
    if rule.agreement and _plural_verb_of_one(doc, rule, binding, pack):
        return out
    if rule.agreement and _agreement_swaps(doc, rule, binding, pack):
        _, subj_b, obj_b = rule.agreement
        binding = {**binding, subj_b: binding[obj_b], obj_b: binding[subj_b]}
    for spec in rule.facts:
        if "if_single" in spec and len(_units_of(binding, spec["if_single"])) != 1:
            continue
        if "unless_in_sentence" in spec and _sentence_has_word(doc, sent_i, spec["unless_in_sentence"]):
            continue
        subjects = _units_of(binding, spec.get("s"))
        if "s_all" in spec:
            # sites named in the sentence from the match on, not words referring back ("Tam dela 1.150
            # ljudi, ...") nor another's before it ("X, ki ima tovarno v A, ..., Y pa ima tri tovarne na Švedskem")
            bound = {id(u) for u in _bound_units(binding)}
            first = next((i for i, u in enumerate(units) if id(u) in bound), 0)
            subjects = [u for u in units[first:] if u.kind == "ent"
                        and u.source not in (MentionSource.DEMONYM, MentionSource.COREF)
                        and u.cls and onto.is_a(u.cls, spec["s_all"])]
        if not subjects:
            continue
        pred = spec.get("p")
        also: list[str] = []  # "chairman and managing director": each coordinated role
        if "p_from" in spec:
            role = _units_of(binding, spec["p_from"])
            pred = role[0].prop if role else None
            also = _coordinated_roles(units, role[0], pred) if role else []
        if not pred:
            continue
        used.update(k for k in (spec.get("s"), spec.get("o")) if k)
        for su in subjects:
            sg = doc.mentions[su.mention].group
            if spec.get("plant"):
                plant = _plant_named(doc, sg)
                if plant is None:
                    continue
                sg = plant
            if "o" in spec:
                for ou in _units_of(binding, spec["o"]):
                    om = _town_of(doc, ou.mention) if spec.get("town") else ou.mention
                    og = doc.mentions[om].group
                    if og == sg:
                        continue
                    for p in (pred, *also):
                        if p.startswith("^"):  # an inverse role: "ustanovitelj podjetja" -> founder
                            out.append(Relation(og, p[1:], sg, None, rule.id, sent_i, (om, su.mention)))
                        else:
                            out.append(Relation(sg, p, og, None, rule.id, sent_i, (su.mention, om)))
            elif "quantity" in spec or "value" in spec:
                num = _units_of(binding, spec.get("quantity") or spec.get("value"))
                if not num or num[0].quantity is None:
                    continue
                q = num[0].quantity
                if "value" in spec:
                    if spec.get("datatype") == "xsd:gYear" and not _is_year(q.value):
                        continue  # "pred tridesetimi leti" is no year
                    value = q.value if spec.get("datatype", "xsd:integer") != "xsd:gYear" else str(q.value)
                    out.append(Relation(sg, pred, None, value, rule.id, sent_i, (su.mention,)))
                    continue
                place = _units_of(binding, spec.get("place"))
                occ = _units_of(binding, spec.get("occupation"))
                if occ and (occ[0].lemma in pack.non_occupations or pack.triggers.get((occ[0].lemma,)) in COMPANY_NOUN_CLASSES):
                    continue  # "60 odstotkov delnic", "70 odstotkov proizvajalca X": no share of the staff
                if pred in COUNTED and (q.unit in pack.currencies.values() or q.unit == "percent"):
                    continue  # "a $180 million plant" is one plant; "60 %" of the staff is no head count
                if pred in MONEY and q.unit not in pack.currencies.values():
                    continue  # "Po naložbi bodo izdelali do osem milijonov vezij": vezij are no money
                used.update(k for k in (spec.get("place"),) if k)
                q = Quantity(q.value, q.bound, spec.get("unit", q.unit), "", occ[0].lemma if occ else "")
                ms = (su.mention, *(p.mention for p in place))
                place_group = doc.mentions[place[0].mention].group if place else None
                out.append(Relation(sg, pred, None, q, rule.id, sent_i, ms, place_group))
    _type_untyped(doc, rule, binding, used)
    return out


def _bound_units(binding: Binding) -> list[Unit]:
    """Every unit a match bound, lists flattened."""
    return [u for name in binding for u in _units_of(binding, name)]


def extract_relations(doc: Document, pack: LanguagePack, onto: Ontology) -> Document:
    """Fill ``doc.relations`` from the language pack's rules, sentence by sentence."""
    seen: set[tuple] = set()
    by_start = mentions_by_start(doc)
    owners = SiteOwners(doc)  # _site_owner without reading all relations at each question
    tally = MentionTally(doc)  # _topic_unit without counting all mentions at each question

    def add(rel: Relation) -> None:
        key = (rel.subj, rel.pred, rel.obj, rel.value, rel.place, rel.rule, rel.sent)
        if key not in seen:
            seen.add(key)
            doc.relations.append(rel)

    for sent_i in range(len(doc.sentences)):
        su = sentence_units(doc, sent_i, pack, by_start)
        if not any(u.kind in ("ent", "num") for u in su.units):
            continue  # a sentence with a number but no name may still speak of the topic ("Revenue rose to ...")
        fired: set[str] = set()
        first = len(doc.relations)
        split = sentence_clauses(su.units, pack)
        relative = _relative_clauses(su.units, split)
        index = UnitIndex(su.units)
        for rule in pack.rules:
            if rule.unless & fired:
                continue
            for binding in find_matches(rule, su.units, su.present, onto.is_a, index):
                if _straddles(binding, su.units, relative):
                    continue
                fired.add(rule.id)
                for rel in _emit(doc, rule, binding, sent_i, onto, su.units, pack):
                    add(rel)
        for rel in frame_relations(doc, sent_i, su, pack, onto, owners, split, tally):
            add(rel)
        for rel in founding_year(doc, sent_i, su.units, doc.relations[first:], pack, onto):
            add(rel)
        doc.relations[first:] = _without_hearsay(doc, sent_i, doc.relations[first:], pack)
    for rel in town_relations(doc, onto) + seat_towns(doc):
        add(rel)
    doc.relations = _without_indirect_sites(doc.relations)
    doc.relations = _without_possessor_roles(doc, doc.relations, pack)
    doc.relations = _without_yielding(doc.relations, _yielding_rules(pack))
    doc.relations += _working_plants_of_the_one_company(doc, doc.relations)
    doc.relations += _products_of_site_owners(doc.relations)
    doc.relations += parents_of_whole_purchases(doc, doc.relations, pack, onto)
    return doc


# What hearsay cannot establish: a deal, an owner, a price, an investment, who leads ("naj bi X
# kupil Y", "X is reportedly in talks to buy Y"); a seat or a country named on the way stands.
ROLE_PREDICATES = frozenset({"akg:chiefExecutiveOf", "akg:holdsRoleIn"})  # a person's (the subject's) role
HEARSAY_PREDICATES = frozenset({"akg:acquired", "schema:parentOrganization", "akg:acquisitionPrice",
                                "akg:investment"}) | ROLE_PREDICATES


def _without_hearsay(doc: Document, sent_i: int, relations: list[Relation], pack: LanguagePack) -> list[Relation]:
    """The sentence's relations but those of ``HEARSAY_PREDICATES`` read in a stretch between
    commas that holds a word of hearsay (lexicon ``hedges``: "naj bi", "reportedly"), or that
    holds or follows a word of denial (``denials``: "je zanikal, da ...")."""
    s = doc.sentences[sent_i]
    toks = doc.tokens
    hedged: set[int] = set()
    start = s.tok_start
    denied = False  # the stretch before ended in a denial
    for end in [i for i in range(s.tok_start, s.tok_end) if toks[i].text in ",;:"] + [s.tok_end]:
        words = [t.text.lower() for t in toks[start:end]]
        hedge = has_phrase(words, pack.hedges)
        if denied or hedge:
            hedged.update(range(start, end))
        denial = phrase_at(words, pack.denials)
        if denial >= 0:  # who denies stands; what is denied does not
            hedged.update(range(start + denial, end))
        # a bare "Ni res," answers what was said before: what follows is the correction, unless
        # it opens with "da" ("Ni res, da ...")
        bare = denial == 0 and tuple(words) in pack.denials
        opener = toks[end + 1].text.lower() if end + 1 < s.tok_end else ""
        # ("Govorice, da bo X kupil Y, ...": the clause a hedge opens is hedged too)
        denied, start = (denial >= 0 and not (bare and opener not in pack.denied_clause_openers)) \
            or (hedge and opener in pack.denied_clause_openers), end + 1
    hedged.update(_polar_question(doc, s, pack))
    if not hedged:
        return relations
    # (a role stands when its person does: "Ugibanja, da bo X ..., je njen predsednik Y zanikal")
    return [r for r in relations if r.pred not in HEARSAY_PREDICATES
            or not any(doc.mentions[m].tok_start in hedged for m in (r.mentions[:1] if r.pred in ROLE_PREDICATES else r.mentions))]


def _polar_question(doc: Document, s: Sentence, pack: LanguagePack) -> range:
    """The tokens of a yes-no question that ends the sentence, after a speaker's name and colon
    ("Vi: Ste res v lasti Nemcev?"), or an empty range."""
    toks = doc.tokens
    if toks[s.tok_end - 1].text != "?":
        return range(0)
    start = max((i + 1 for i in range(s.tok_start, s.tok_end) if toks[i].text == ":"), default=s.tok_start)
    if start < s.tok_end and toks[start].text.lower() in pack.polar_question_openers:
        return range(start, s.tok_end)
    return range(0)


def _class_nouns_after_names(pack: LanguagePack) -> frozenset[str]:
    """The one-word class nouns that follow a name in a head-final language ("the Jutland hub")."""
    return pack.class_nouns if pack.head_final else frozenset()


def sentence_clauses(units: list[Unit], pack: LanguagePack) -> list[Clause]:
    """A sentence's clauses with the language pack's words (``kg.extract.frames.clauses``)."""
    return clauses(units, pack.relative_openers, _clause_glue(pack), frozenset(pack.where_words),
                   _class_nouns_after_names(pack), frozenset(pack.articles), frozenset(pack.possessives),
                   (pack.predicate_participles, pack.copula_lemmas), pack.prepositional_relatives,
                   frozenset(pack.clause_coordinators), frozenset(pack.relative_continuers))


def _clause_glue(pack: LanguagePack) -> frozenset[str]:
    """Words that may stand inside a list of entities without ending it ("v A, B in na C")."""
    return frozenset({","}) | LIST_CONJUNCTIONS | frozenset(pack.prepositions)


def _relative_clauses(units: list[Unit], split: list[Clause]) -> list[frozenset[int]]:
    """The unit indices of each relative clause ("..., ki ...,", "..., kjer ...") of a sentence
    split into ``split``, without those that name its antecedent again ("Pekarna B, ki sta jo
    ustanovila ...": "jo")."""
    out = []
    for c in split:
        if c.antecedent or c.where:
            same = {units[i].group for i in c.antecedent}
            out.append(frozenset(i for i in c.units if units[i].kind != "ent" or units[i].group not in same))
    return [c for c in out if c]


def _straddles(binding: Binding, units: list[Unit], relative: list[frozenset[int]]) -> bool:
    """Does a word-order match take one argument from inside a relative clause and another from
    after it? ("Ostris, ki je v lasti sklada R, ... zaposluje 520 ljudi": not R's head count.)

    >>> u = [Unit("ent", 0, 1), Unit("tok", 1, 2, word=","), Unit("ent", 2, 3), Unit("num", 3, 4)]
    >>> _straddles({"org": u[2], "n": u[3]}, u, [frozenset({2})]), _straddles({"org": u[0], "n": u[3]}, u, [frozenset({2})])
    (True, False)
    """
    if not relative:
        return False
    where = {id(u): i for i, u in enumerate(units)}
    bound = [where[id(u)] for u in _bound_units(binding) if id(u) in where]
    return any(any(i in c for i in bound) and any(i not in c and i > max(c) for i in bound) for c in relative)


def _site_owner(doc: Document, sites: list[Unit]) -> Unit | None:
    """The one organisation that, by the relations read so far (not through a noun referring
    back), has all these sites, directly or through a hub, and no more of them by a count of its
    sites; else None."""
    groups = {u.group for u in sites}
    hubs: dict[int, set[int]] = {}
    for r in doc.relations:
        if r.pred == "schema:containsPlace" and r.obj is not None:
            hubs.setdefault(r.subj, set()).add(r.obj)
    owners: dict[int, tuple[int, set[int]]] = {}  # organisation group -> (a mention of it, its sites)
    for r in doc.relations:
        if r.pred == "org:hasSite" and r.obj is not None and r.mentions and \
                doc.mentions[r.mentions[0]].source != MentionSource.COREF:
            mention, held = owners.get(r.subj, (r.mentions[0], set()))
            owners[r.subj] = (mention, held | {r.obj} | hubs.get(r.obj, set()))
    fitting = [(g, k) for g, (k, held) in owners.items() if groups <= held]
    if len(fitting) != 1:
        return None
    g, k = fitting[0]
    counted = [r.value.value for r in doc.relations if r.subj == g and r.pred == "akg:numberOfSites"
               and isinstance(r.value, Quantity) and not r.place]
    if any(isinstance(n, (int, float)) and n > len(groups) for n in counted):
        return None  # "ima štiri tovarne ... v obratih na Ptuju in v Ormožu": only some of them
    m = doc.mentions[k]
    return Unit("ent", m.tok_start, m.tok_end, mention=k, group=g, cls=doc.groups[g].cls, source=m.source)


LIST_ENDS = frozenset({".", ";", ")", "!", "?"})


def _list_goes_on(units: list[Unit], i: int, joiners: set[str]) -> bool:
    """Does a joiner, or the end of the sentence, follow the entity at ``i``?"""
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is None or (nxt.kind == "tok" and (nxt.word in joiners or nxt.word in LIST_ENDS))


def _list_prepositions(units: list[Unit], own_prep: Callable[[int], str], joiners: set[str]) -> dict[int, str]:
    """Start token -> preposition for entities that continue a list after a joiner and have no
    preposition of their own: "v Železnikih in Selcih" gives Selcih "v". A list closed by a
    conjunction does not go on after a comma ("by A and B, C employs ...": C is no third founder),
    and an item after a comma only continues it if the list goes on or ends after it ("in A, B
    and C", but not "Now led by A, B employs ...")."""
    out: dict[int, str] = {}
    current = ""
    closed = False  # the list's last item came after a conjunction
    for i, u in enumerate(units):
        if u.kind == "ent":
            joiner = units[i - 1].word if i and units[i - 1].kind == "tok" and units[i - 1].word in joiners else ""
            if joiner == "," and (closed or not _list_goes_on(units, i, joiners)):
                joiner = ""
            current = own_prep(u.start) or (current if joiner else "")
            closed = bool(joiner) and joiner != ","
            if current and not own_prep(u.start):
                out[u.start] = current
        elif not (u.kind == "tok" and u.word in joiners):
            current, closed = "", False
    return out


def frame_relations(doc: Document, sent_i: int, su: SentenceUnits, pack: LanguagePack,
                    onto: Ontology, owners: SiteOwners | None = None,
                    split: list[Clause] | None = None, tally: MentionTally | None = None) -> list[Relation]:
    """The facts of the pack's relation frames (``kg.extract.frames``) in each clause of one sentence
    (``owners``: the document's ``SiteOwners``, else ``_site_owner`` reads all relations;
    ``split``: the sentence's clauses, if the caller has them already; ``tally``: the document's
    ``MentionTally``, brought forward sentence by sentence, else a new one)."""
    toks = doc.tokens
    first = doc.sentences[sent_i].tok_start
    passed = pack.articles | pack.place_modifiers | pack.possessives  # "at its Davao City plant"
    named_before = {u.end: u.start for u in su.units if u.kind == "ent"}  # a name ending before a token

    def own_prep(start: int) -> str:
        """The preposition right before token ``start``, also over a class noun ("za družbo X"),
        a noun for a business partner with its nationality ("pri nemškem kupcu X") or a companion
        ("skupaj z ženo X"), an article
        ("at the Bamberg plant") and "nearby" ("in nearby Rossano")."""
        j = start - 1
        while j > first:
            if j in named_before and (pack.is_seat_suffix(toks[j].text) or (toks[j].text[:1] == "-"
                                                                           and toks[j].text[1:] in pack.compound_adjective_heads)):
                j = named_before[j] - 1  # "chief executive of Sneek-based Brandsma": over the adjective and its town
                continue
            if not ((((toks[j].lemma,) in pack.triggers or toks[j].lemma in pack.counterpart_nouns
                      or toks[j].lemma in pack.companion_nouns)
                     and toks[j].text.islower())
                    or toks[j].text.lower() in passed
                    or (j + 1 < start and toks[j + 1].lemma in pack.counterpart_nouns
                        and toks[j].text.islower() and is_demonym([toks[j].text], pack, doc.lang))):
                break
            j -= 1
        word = toks[j].text.lower() if j >= first and start > first else ""
        if word in pack.prepositions:
            return word
        # "od stečajnega upravitelja družbe X": a source preposition over lower-case words
        return _after_preposition_and_noun(toks, start, first, pack)

    inherited = _list_prepositions(su.units, own_prep, LIST_JOINERS)

    def prep_of(u: Unit) -> str:
        """The preposition governing a mention; a list item after "in" or a comma takes the one
        of the list ("v Železnikih in Selcih")."""
        return own_prep(u.start) or inherited.get(u.start, "")

    ctx = Context(onto.is_a, prep_of, owner_of=owners.owner if owners else lambda sites: _site_owner(doc, sites),
                  glue=_clause_glue(pack), topic=lambda: _topic_unit(doc, sent_i, onto, tally or MentionTally(doc)),
                  person_topic=lambda verb: _person_before(doc, sent_i, verb, pack), class_nouns=pack.class_nouns,
                  object_pronouns=frozenset(pack.object_pronouns), is_verb=pack.is_verb_lemma)
    if split is None:
        split = sentence_clauses(su.units, pack)
    out: list[Relation] = []
    for clause in split:
        fired: set[str] = set()
        index = start_index(su.units, clause)
        may_start = frames_that_may_start(pack.frames, index)
        for k, frame in enumerate(pack.frames):
            if k not in may_start or frame.unless_frames & fired:
                continue
            for binding in match_frame(frame, su.units, clause, su.present, ctx, index):
                # an entity in no relation with itself ("Its owner ... bought it")
                found = [r for r in _emit(doc, frame.rule, binding, sent_i, onto, su.units, pack) if r.subj != r.obj]
                if found:
                    fired.add(frame.id)
                    type_untyped(frame, binding, doc.groups)
                    _show_classes(su.units, doc.groups)
                out.extend(found)
    return out


class MentionTally:
    """For each group, how many mentions stand before a sentence and the last of them, brought
    forward as the sentence asked about moves on (sentences are read in order), so that a
    question costs the number of groups, not the number of mentions in the document.

    >>> from pathlib import Path
    >>> doc = Document("d", Path("d.txt"), "", {})
    >>> doc.mentions = [Mention(0, 1, 0, 4, "Krka", s, "akg:Company", "Krka", MentionSource.LEGAL, group=g)
    ...                 for s, g in ((0, 0), (0, 1), (1, 0))]
    >>> tally = MentionTally(doc)
    >>> [dict(d) for d in tally.before(1)], [dict(d) for d in tally.before(2)]
    ([{0: 1, 1: 1}, {0: 0, 1: 1}], [{0: 2, 1: 1}, {0: 2, 1: 1}])
    """

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._reset()

    def _reset(self) -> None:
        self._next = 0  # the first mention not counted yet
        self._counts: Counter[int] = Counter()
        self._last: dict[int, int] = {}

    def before(self, sent_i: int) -> tuple[Mapping[int, int], Mapping[int, int]]:
        """(group -> its mentions before sentence ``sent_i``, group -> the last of them); both
        change as later sentences are asked about."""
        mentions = self.doc.mentions
        if self._next and mentions[self._next - 1].sent >= sent_i:
            self._reset()  # asked about an earlier sentence: count again
        while self._next < len(mentions) and mentions[self._next].sent < sent_i:
            m = mentions[self._next]
            if m.group >= 0:
                self._counts[m.group] += 1
                self._last[m.group] = self._next
            self._next += 1
        return self._counts, self._last


def _topic_unit(doc: Document, sent_i: int, onto: Ontology, tally: MentionTally) -> Unit | None:
    """The company the sentences before ``sent_i`` were about, if it is also the organisation
    mentioned most so far (a speaker's role, "chief executive X said", is held there), as an
    empty unit at the start of the sentence; None when that is not clear."""
    g = doc.sentence_topics.get(sent_i)
    cls = doc.groups[g].cls if g is not None else None
    if g is None or not cls or not onto.is_a(cls, "akg:Company"):
        return None
    counts, last = tally.before(sent_i)
    if g not in last or any(n >= counts[g] for h, n in counts.items() if h != g and (c := doc.groups[h].cls)
                            and onto.is_a(c, "schema:Organization")):
        return None  # not mentioned yet, or another organisation mentioned as often or more
    start = doc.sentences[sent_i].tok_start
    return Unit("ent", start, start, mention=last[g], group=g, cls=cls, source=MentionSource.ZERO)


def _person_before(doc: Document, sent_i: int, verb: str, pack: LanguagePack) -> Unit | None:
    """The person whose name opens sentence ``sent_i - 1``, as an empty unit at the start of
    sentence ``sent_i``, if the verb's gender agrees ("Irena Sosič je ... Podjetje je ustanovila")."""
    if sent_i == 0 or not pack.feminine_name_ending or not verb[-1:].isalpha():
        return None
    before = doc.sentences[sent_i - 1]
    k, first = next(((k, m) for k, m in enumerate(doc.mentions) if m.sent == sent_i - 1 and m.source != MentionSource.ZERO),
                    (-1, None))
    if first is None or first.tok_start != before.tok_start or first.cls != "schema:Person" or first.group < 0:
        return None
    feminine = doc.groups[first.group].name.split()[0].lower().endswith(pack.feminine_name_ending)
    if verb.lower().endswith(pack.feminine_name_ending) != feminine:
        return None  # "je ustanovila" after a man, "je ustanovil" after a woman
    start = doc.sentences[sent_i].tok_start
    return Unit("ent", start, start, mention=k, group=first.group, cls="schema:Person",
                source=MentionSource.ZERO)


def _show_classes(units: list[Unit], groups: list[Group]) -> None:
    """A name a frame has just typed ("Voltera Mobility, the unit of Y": a company) has that
    class for the frames that follow in the sentence."""
    for u in units:
        if u.kind == "ent" and u.cls is None and u.group >= 0:
            u.cls = groups[u.group].cls


def _is_year(value: object) -> bool:
    """A plausible calendar year ("pred tridesetimi leti" gives 30, which is none)."""
    return isinstance(value, int) and 1000 <= value <= 2999


def founding_year(doc: Document, sent_i: int, units: list[Unit], found: list[Relation],
                  pack: LanguagePack, onto: Ontology) -> list[Relation]:
    """A year next to a founding word ("Leta 1999 sta brata ... ustanovila", "od ustanovitve
    leta 2012") is the founding date of the organisation the sentence founds: the one a founder
    relation names, else the sentence's only organisation (rule ``founding-year-near-word``)."""
    if not pack.founding_words or not pack.year_word or any(r.pred == "schema:foundingDate" for r in found):
        return []
    years = [i + 1 for i, u in enumerate(units[:-1]) if u.kind == "tok" and u.word == pack.year_word
             and units[i + 1].kind == "num" and (q := units[i + 1].quantity) is not None
             and _is_year(q.value) and not (i > 0 and units[i - 1].word in pack.until_words)]
    near = [i for i in years if any(u.lemma in pack.founding_words or u.word in pack.founding_words
                                    for u in units[max(0, i - 10):i + 12])]
    if not near:
        return []
    created = {r.subj for r in found if r.pred == "schema:founder"}
    if not created:
        created = {u.group for u in units if u.kind == "ent" and u.cls and u.source != MentionSource.DEMONYM
                   and onto.is_a(u.cls, "schema:Organization")}
    if len(created) != 1:
        return []
    org = created.pop()
    mention = next((u.mention for u in units if u.kind == "ent" and u.group == org),
                   next(k for k, m in enumerate(doc.mentions) if m.group == org))
    quantity = units[near[0]].quantity
    assert quantity is not None  # a year's unit has one (see ``years``)
    year = quantity.value
    return [Relation(org, "schema:foundingDate", None, str(year), "founding-year-near-word", sent_i, (mention,))]


def named_after_family_noun(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Is the person ``m`` named in an oblique case right after a family noun in the nominative
    ("sin Jožeta Kuharja": Jože is the son's father)? ("sinu Marjanu Murku" is the son himself.)"""
    before = doc.tokens[m.tok_start - 1] if m.tok_start > doc.sentences[m.sent].tok_start else None
    return m.cls == "schema:Person" and before is not None and before.text.lower() in pack.family_nouns \
        and before.text.lower() == before.lemma and m.text != m.name


def _without_possessor_roles(doc: Document, relations: list[Relation], pack: LanguagePack) -> list[Relation]:
    """Drop a role whose holder is named in an oblique case right after a family noun: in
    "Direktor je sin Jožeta Kuharja" the director is the son, not Jože Kuhar ("Direktor je njen
    sin Tomaž Kuhar" names him in the nominative)."""
    return [r for r in relations if not (r.pred in ROLE_PREDICATES
                                         and any(named_after_family_noun(doc, doc.mentions[i], pack) for i in r.mentions))]


def _without_indirect_sites(relations: list[Relation]) -> list[Relation]:
    """Drop "ORG has site P" where the document says a hub contains P: the plant is the hub's,
    and through it the organisation's ("the ElectriCity hub, which brings together
    the Douai ... plants, and the Cléon plant")."""
    contained = {r.obj for r in relations if r.pred == "schema:containsPlace"}
    return [r for r in relations if not (r.pred == "org:hasSite" and r.obj in contained)]


def _yielding_rules(pack: LanguagePack) -> frozenset[tuple[str, str]]:
    """(rule id, predicate) of the pack's facts marked ``yields = true``."""
    return frozenset((r.id, f["p"]) for r in pack.rules for f in r.facts if f.get("yields") and "p" in f)


def _without_yielding(relations: list[Relation], yielding: frozenset[tuple[str, str]]) -> list[Relation]:
    """Drop a yielding fact (s, p, o) where another fact gives (p, o) to another subject: one
    that does not yield, or a yielding one from an earlier sentence (the first reading stands).

    >>> r = [Relation(1, "org:hasSite", 9, None, "weak", 4), Relation(2, "org:hasSite", 9, None, "strong", 1),
    ...      Relation(3, "org:hasSite", 8, None, "weak", 1), Relation(4, "org:hasSite", 8, None, "weak", 2)]
    >>> [(x.subj, x.rule) for x in _without_yielding(r, frozenset({("weak", "org:hasSite")}))]
    [(2, 'strong'), (3, 'weak')]
    """
    if not yielding:
        return relations
    firm: dict[tuple[str, int], set[int]] = {}
    first: dict[tuple[str, int], dict[int, int]] = {}  # (p, o) -> yielding subject -> first sentence
    for r in relations:
        if r.obj is None:
            continue
        if (r.rule, r.pred) not in yielding:
            firm.setdefault((r.pred, r.obj), set()).add(r.subj)
        else:
            seen = first.setdefault((r.pred, r.obj), {})
            seen[r.subj] = min(seen.get(r.subj, r.sent), r.sent)

    def stands(r: Relation) -> bool:
        if r.obj is None or (r.rule, r.pred) not in yielding:
            return True
        key = (r.pred, r.obj)
        earlier = {g for g, sent in first[key].items() if sent < first[key][r.subj]}
        return not (firm.get(key, set()) | earlier) - {r.subj}

    return [r for r in relations if stands(r)]


def _working_plants_of_the_one_company(doc: Document, relations: list[Relation]) -> list[Relation]:
    """"The Leeds plant produces the AquaMax range" in a document that names one company: a plant
    that makes something and has no owner yet is that company's (rule ``plant-of-the-one-company``)."""
    companies = {m.group for m in doc.mentions if m.group >= 0 and doc.groups[m.group].cls == "akg:Company"}
    if len(companies) != 1:
        return []
    company = next(iter(companies))
    owned = {r.obj for r in relations if r.pred == "org:hasSite"}
    own_words = set(doc.groups[company].name.lower().split())
    # (not "the Solvane Automotive plant": a plant named with the company's own name is no town's)
    working = {r.subj: r for r in relations if r.pred in ("akg:produces", "akg:productionCapacity")
               and doc.groups[r.subj].cls == "akg:Plant" and r.subj not in owned
               and not own_words & set(doc.groups[r.subj].name.lower().split())}
    return [Relation(company, "org:hasSite", plant, None, "plant-of-the-one-company", r.sent, r.mentions)
            for plant, r in sorted(working.items())]


def _products_of_site_owners(relations: list[Relation]) -> list[Relation]:
    """"The Zaragoza plant will produce Glucora": what a plant makes, the organisation that has
    the plant makes too (rule ``site-owner-produces``, from the sentence that names the product),
    but not a parent group that has it through its subsidiary (the subsidiary makes it)."""
    owners: dict[int, list[int]] = {}
    for r in relations:
        if r.pred == "org:hasSite" and r.obj is not None:
            owners.setdefault(r.obj, []).append(r.subj)
    parents = {(r.subj, r.obj) for r in relations if r.pred == "schema:parentOrganization"}
    made = {(r.subj, r.obj) for r in relations if r.pred == "akg:produces"}
    out: list[Relation] = []
    for r in relations:
        if r.pred != "akg:produces" or r.obj is None:
            continue
        plant_owners = set(owners.get(r.subj, []))
        for org in sorted(o for o in plant_owners if not any((c, o) in parents for c in plant_owners)):
            if (org, r.obj) not in made:
                made.add((org, r.obj))
                out.append(Relation(org, "akg:produces", r.obj, None, "site-owner-produces", r.sent, r.mentions))
    return out
