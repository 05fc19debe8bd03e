"""Language packs: what the extractor knows about a language, read from data files.

Each language has a folder ``kg/lang/<code>/`` with
- ``lexicon.toml``: entity trigger nouns, roles, coreference words, number words, bounds,
  demonyms, name particles, legal suffixes, speech verbs, name endings;
- ``places.tsv``: a gazetteer of place names with inflected forms (countries come from pycountry);
- ``patterns.toml``: the relation rules (see ``kg/extract/matcher.py`` for the pattern language).
Adding a language is adding a folder; no code changes. Phrases in the data are written naturally
and lemmatised here, so one entry matches every inflection simplemma knows.
"""
from __future__ import annotations

import csv
import gettext
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.extract.lemmatize import lemma
from kg.iri import without_accents

LANG_DIR = Path(__file__).parent
DATA_DIR = LANG_DIR.parent / "data"
Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: canonical label, ontology class and the forms it appears in."""

    label: str
    cls: str
    forms: tuple[str, ...]


@dataclass
class LanguagePack:
    """Everything language-specific the pipeline needs, keyed by lemma sequences."""

    code: str
    triggers: dict[Phrase, str] = field(default_factory=dict)          # lemmas -> class
    list_triggers: set[str] = field(default_factory=set)               # lemmas
    roles: dict[Phrase, tuple[str, str]] = field(default_factory=dict)  # lemmas -> (property, phrase)
    coreference: dict[str, str] = field(default_factory=dict)          # lemma -> class
    function_words: set[str] = field(default_factory=set)
    common_acronyms: frozenset[str] = frozenset()  # "IPO", "CDMO": capitals that name nothing alone
    clause_latter_pronouns: frozenset[str] = frozenset()  # ", ta pa ima": the organisation named last
    oblique_name_endings: list[tuple[str, str, str]] = field(default_factory=list)  # ("emu", "u", ""): "Termopanu" -> "Termopan"
    prepositional_relatives: frozenset[str] = frozenset()  # "kateri": ", v kateri ..." opens a relative clause
    family_nouns: frozenset[str] = frozenset()  # "family": "the Salgueiro family" is no town
    role_compound_nouns: frozenset[str] = frozenset()  # "its head office": "head" is no role before these
    family_business_nouns: frozenset[str] = frozenset()  # "the Annapolis Capital family office": a firm
    predicates_after_subject: frozenset[str] = frozenset()  # "je podjetje del skupine X": the noun before is the subject
    first_person_plural_endings: tuple[str, ...] = ()  # "izdelujemo": the company that writes speaks
    writer_pronouns: frozenset[str] = frozenset()  # "we", "our" outside a quotation: the company that writes
    writer_object_pronouns: frozenset[str] = frozenset()  # "nas" before a buying verb: the company that writes was bought
    family_words: frozenset[str] = frozenset()  # "družine Ažman": a family before its name, no organisation (as written)
    counterpart_reach: int = 0  # lower-case words (and commas) a partner noun may stand before its name
    seller_prepositions: frozenset[str] = frozenset()  # "od": "kupil od družbe X", X sold and is no topic
    region_heads: frozenset[str] = frozenset()  # "Nagano Prefecture": a region, no entity
    region_openers: frozenset[str] = frozenset()  # "Co Galway"
    region_abbreviations: frozenset[str] = frozenset()  # "Que." after a town
    possessive_endings: tuple[str, ...] = ()  # "Turnškov oče": a possessive adjective before a family noun
    # [possessive ending, the name's ending it replaces]: "Balkanikini" is "Balkanika"'s
    possessive_stems: tuple[tuple[str, str], ...] = ()
    public_body_nouns: frozenset[str] = frozenset()  # "Ministry": "the Ministry of Economy" is no company
    public_body_joiners: frozenset[str] = frozenset()  # "of": the words after it belong to the body's name
    body_phrases: tuple[tuple[str, ...], ...] = ()  # "Board of Directors", "Annual General Meeting": no entity
    region_nouns_after: frozenset[str] = frozenset()  # "state": "in India's Gujarat state" names a region
    event_nouns: frozenset[str] = frozenset()  # "sejmu": "na sejmu Ambiente" names a fair, no organisation
    source_prepositions: frozenset[str] = frozenset()  # "od": "od družbe X kupil" governs X through its noun
    source_phrase_endings: tuple[str, ...] = ()  # of genitive words between them ("od stečajnega upravitelja družbe X")
    region_compass: frozenset[str] = frozenset()  # "Central": "Kendal, Central Java" names a region
    region_names: frozenset[str] = frozenset()  # "Ohio", "Gujarat": first-level regions, no entity
    inhabitant_endings: tuple[str, ...] = ()  # "-ians": "jobs for Kentuckians" names no organisation
    inhabitant_nouns: frozenset[str] = frozenset()  # "Čehi": "bodo Čehi namenili" names no place
    nationality_nouns: frozenset[str] = frozenset()  # lemmas: "Italijan Paolo Rinaldi": no name of its own
    maker_nouns: frozenset[str] = frozenset()  # lemmas: "proizvajalec" refers back to no ...
    non_maker_nouns: frozenset[str] = frozenset()  # ... company named with these ("Banka X")
    name_particles: set[str] = field(default_factory=set)
    legal_suffixes: list[tuple[str, ...]] = field(default_factory=list)  # token sequences
    legal_suffix_initials: set[str] = field(default_factory=set)  # first characters, a quick test
    speech_verbs: set[str] = field(default_factory=set)
    numbers: dict[str, int | float] = field(default_factory=dict)  # "pol" = 0.5
    scales: dict[str, int] = field(default_factory=dict)
    currency_scales: dict[str, int] = field(default_factory=dict)  # "£14m": abbreviations after a currency sign
    percent_adjectives: set[str] = field(default_factory=set)  # lemmas: "70-odstotni" delež is 70 %
    percent_nouns: frozenset[str] = frozenset()  # lemmas: "70 odstotkov" is 70 %
    # the lemmas a share adjective takes over and under half: "v 60-odstotni lasti" reads "v večinski lasti"
    share_lemmas: tuple[str, str] | None = None
    bounds: dict[Phrase, str] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)             # adjective lemma -> place label
    town_adjectives: dict[str, str] = field(default_factory=dict)      # "velenjsko" -> "Velenje"
    market_heads: set[str] = field(default_factory=set)
    market_complements: set[str] = field(default_factory=set)  # "trg senzorjev za skladiščenje žita"
    list_final_joiners: set[str] = field(default_factory=set)  # "A, B in C": no item after "in C,"
    object_pronouns: set[str] = field(default_factory=set)  # "ga", "jo": refer back anywhere
    surname_endings: list[str] = field(default_factory=list)  # "-ič", "-nik": a two-word name is a person
    given_name_endings_first: tuple[str, ...] = ()  # "Marka" is Marko before Mark or Marek
    given_name_stem_consonants: tuple[str, ...] = ()  # "Jureta": Jure + "t" + the case ending "-a"
    masculine_o_name_endings: tuple[str, ...] = ()  # "Marka Kosa" -> Marko, but "Roberta X" -> Robert
    copulas: set[str] = field(default_factory=set)  # "je", "bo", "ostal": a noun after them is a predicate
    relative_pronouns: set[str] = field(default_factory=set)  # "ki": "..., ki ga je" refers to the noun before
    known_town_names: frozenset[str] = frozenset()  # nominatives that win when a case form is read
    settlement_names: frozenset[str] = frozenset()  # smaller places, tried when no known town fits (settlements.txt)
    masculine_genitive_surname: str = ""  # "rja": "Marka Pintarja" is "Marko Pintar" inflected
    split_suffixes: tuple[str, ...] = ()  # "-based": "Munich-based" is read as "Munich" "-based"
    relative_openers: frozenset[str] = frozenset()  # "ki", "kjer": a comma before them opens a relative clause
    # "X is a Swedish maker of vaccines, headquartered in Uppsala": such a clause after a predicate
    # noun is about the subject of "is"
    predicate_participles: frozenset[str] = frozenset()
    copula_lemmas: frozenset[str] = frozenset()  # "be": the subject of "X is a maker ..." is X
    possessives: set[str] = field(default_factory=set)  # "its plant": refers back even before a noun
    specific_coref_nouns: set[str] = field(default_factory=set)  # "skupina": refers to a group called so
    subsidiary_nouns: set[str] = field(default_factory=set)  # "hčerinski": ... and not to a subsidiary
    buying_verbs: set[str] = field(default_factory=set)  # lemmas: "kupiti": ... nor to a company bought
    bought_adjectives: set[str] = field(default_factory=set)  # lemmas: "Prevzeta družba" is the company bought
    parent_adjectives: set[str] = field(default_factory=set)  # lemmas: "matičen": "Matična družba" is the parent
    closing_words: set[str] = field(default_factory=set)  # "zaprl", "closed": a plant closed is no site
    unreal_site_words: set[str] = field(default_factory=set)  # "razmišlja", "talks": a plant only considered is none
    considered_site_words: frozenset[str] = frozenset()  # "possibly in X": no plant at all, a town only
    town_tail_nouns: dict[str, str] = field(default_factory=dict)  # "vasi" -> "vas": "v Dobrli vasi" is "Dobrla vas"
    nominative_class_adjectives: set[str] = field(default_factory=set)  # "konkurenčni X": X may be the subject
    speech_complementisers: set[str] = field(default_factory=set)  # "je povedal, da bo podjetje": the speaker's
    newness_words: set[str] = field(default_factory=set)  # lemmas: "nov" ("nova družba")
    plant_opening_words: set[str] = field(default_factory=set)  # lemmas: "odpreti" (a plant opened is the new one)
    adjective_endings: list[str] = field(default_factory=list)  # "-ski": "Kočevski gozd" is one name
    # any case of an adjective that may open a company's name: "Kmetijske zadruge Slivnica z.o.o."
    name_adjective_endings: list[str] = field(default_factory=list)
    # (noun lemma ending, the nominative ending of an adjective agreeing with it), first match wins
    adjective_agreement: list[tuple[str, str]] = field(default_factory=list)
    adjective_case_endings: list[str] = field(default_factory=list)  # "Kmetijsk|ega": lexicon town_adjective_endings
    founding_words: set[str] = field(default_factory=set)  # "ustanoviti", "ustanovitev": a year near them founds
    months: set[str] = field(default_factory=set)  # month names and their lemmas, for full dates
    month_prepositions: frozenset[str] = frozenset()  # "in January X": the month is a time, X a name
    year_word: str = ""  # the word the rules expect before a year ("leta 2001")
    until_words: frozenset[str] = frozenset()  # "do" (leta 2019): a year that ends something founds nothing
    prepositions: set[str] = field(default_factory=set)  # "v", "za": the noun after them is no subject
    generic_nouns: set[str] = field(default_factory=set)  # "podjetje": not part of a name even when capitalised
    place_name_particles: list[str] = field(default_factory=list)  # "ob": "Zagorje ob Savi" is also "Zagorje"
    street_nouns: frozenset[str] = frozenset()  # "ulica", "trg": "Trg svobode 14," is an address, no market
    pronoun_genders: dict[str, str] = field(default_factory=dict)  # "jo" -> "f": whom an object pronoun refers to
    infinitive_ending: str = ""  # a lemma ending so is a verb ("ustanoviti")
    clause_openers: set[str] = field(default_factory=set)  # ",", "da", "ki": a clause starts after them
    role_possessives: set[str] = field(default_factory=set)  # "njenega" inside a role phrase
    role_verb_forms: set[str] = field(default_factory=set)  # "heads", "chairs": a verb, not the role "head"
    owner_possessives: set[str] = field(default_factory=set)  # "njeno" (hčerinsko podjetje)
    role_owner_possessives: set[str] = field(default_factory=set)  # "its" (chief executive) mid-sentence
    topic_pronouns: set[str] = field(default_factory=set)  # "It", "Its": the organisation a recent sentence was about
    articles: set[str] = field(default_factory=set)  # "the", "a": may stand between a preposition and its name
    place_modifiers: set[str] = field(default_factory=set)  # "nearby": may stand between a preposition and a town
    counterpart_nouns: set[str] = field(default_factory=set)  # "kupec": "pri kupcu X" governs X (lemmas)
    companion_nouns: set[str] = field(default_factory=set)  # "žena": "z ženo X" governs X (lemmas)
    party_subject_nouns: set[str] = field(default_factory=set)  # "Novi lastnik ... ima": a noun subject (lemmas)
    counterpart_referents: set[str] = field(default_factory=set)  # "Dobavitelj domuje ...": the company named so
    initial_runs_are_names: bool = False  # "Meridian Metals ..." opening a sentence is a name as a whole
    person_relatives: set[str] = field(default_factory=set)  # "who": ", who ..." after a name says it is a person
    occupation_nouns: set[str] = field(default_factory=set)  # "mizar": "mizar Just Mermolja" is a person (lemmas)
    trade_nouns: set[str] = field(default_factory=set)  # "Gradbinec X d.o.o.": opening a sentence, no part of the name
    weekdays: set[str] = field(default_factory=set)  # "Friday": a time, no name
    company_name_heads: set[str] = field(default_factory=set)  # "Bakeries": a name ending so is a company's
    town_name_heads: frozenset[str] = frozenset()  # "City": "Dawson City" is a town's name, no person's
    company_name_openers: set[str] = field(default_factory=set)  # "Grupo": a name opening so is a company's
    compound_adjective_heads: set[str] = field(default_factory=set)  # "Danish-owned": an adjective, no name
    sentence_openers: set[str] = field(default_factory=set)  # "Today Ferrandi Cicli": no part of the name
    naming_words: set[str] = field(default_factory=set)  # "a hub called X": X is the hub; "podjetje, ki se imenuje X"
    non_referring_modifiers: set[str] = field(default_factory=set)  # "the leading maker": not one named before
    plant_nouns_too: set[str] = field(default_factory=set)  # "pivovarna": a company, or a plant before "v X"
    adverbs_before_places: set[str] = field(default_factory=set)  # "pivovarne še v Linzu"
    having_verbs: frozenset[str] = frozenset()  # "imeti": "V Žimaricah ima žago X" names a plant
    plant_verbs: frozenset[str] = frozenset()  # words as written: "makes its buses in Kolín" names a plant
    passive_plant_verbs: frozenset[str] = frozenset()  # "are made": "its staplers are made in Lowell" too
    seat_words: frozenset[str] = frozenset()  # lemmas: "s sedežem v Celju ima tovarne": Celje is no plant
    site_pronouns: frozenset[str] = frozenset()  # "Tam ...", "V njej ...": the plant or hub named last
    non_occupations: frozenset[str] = frozenset()  # lemmas: "60 odstotkov delnic" is no share of the staff
    hedges: tuple[tuple[str, ...], ...] = ()  # "naj bi", "reportedly": a sentence reporting hearsay states no fact
    whole_share_phrases: tuple[tuple[str, ...], ...] = ()  # lemmas: "vse deleže", "all shares": a whole company bought
    polar_question_openers: frozenset[str] = frozenset()  # "ali", "is": a yes-no question states no fact
    subject_question_words: frozenset[str] = frozenset()  # "kdo": "Kdo je ustanovil X?" drops no subject
    denials: tuple[tuple[str, ...], ...] = ()  # "zanikal", "denied": nor does the clause a denial governs
    denied_clause_openers: frozenset[str] = frozenset()  # "da": what a bare "Ni res," denies opens so
    founding_participles: frozenset[str] = frozenset()  # "founded": a two-word name after ...
    founded_by_words: frozenset[str] = frozenset()  # ... and "by" is a person ("founded in 1948 by Tokujiro Kanemori")
    courtesy_titles: frozenset[str] = frozenset()  # "Ms Mokoena": a title before any surname, not only a given name
    rarer_first_names: bool = False  # kg/data/first_names_more.txt marks persons too (English: no inflection)
    fronted_openers: frozenset[str] = frozenset()  # "Under his leadership it ...": words opening an adverbial
    fronted_pronouns: frozenset[str] = frozenset()  # ... and the subject pronouns that may follow it
    titles: set[str] = field(default_factory=set)  # "dr", "mag": academic titles before a name
    dotted_titles: frozenset[str] = frozenset()  # "gov": a title only with its full stop ("Gov. X")
    feminine_surname_endings: list[str] = field(default_factory=list)  # "Mlakarjeva": a woman's surname form
    feminine_name_ending: str = ""  # "a": the usual ending of women's given names
    business_noun_endings: list[str] = field(default_factory=list)  # "-arna": "Sirarna Gorjanka d.o.o."
    surname_cases: dict[tuple[str, str], str] = field(default_factory=dict)  # ("o", "a") -> "om"
    surname_dropped_endings: list[str] = field(default_factory=list)  # "o": "Murku" may be "Murko"
    surname_case_variants: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # "om" -> [("rjem", "r")]
    where_words: set[str] = field(default_factory=set)  # "kjer": "v X, kjer ima tovarno"
    clause_coordinators: set[str] = field(default_factory=set)  # ", while": a main clause of its own
    relative_continuers: set[str] = field(default_factory=set)  # ", od leta 2019 pa je ...,": still the relative clause
    legal_form_countries: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "Kft." -> ("Madžarska",)
    accusative_endings: list[tuple[str, str]] = field(default_factory=list)  # ("a", "o"): "družbo" is no subject
    latter_words: set[str] = field(default_factory=set)  # "slednji": the organisation mentioned last
    other_words: set[str] = field(default_factory=set)  # lemmas: "drug" ("drugo tovarno"): not a reference
    lemma_overrides: dict[str, str] = field(default_factory=dict)  # word -> lemma
    thousands_separator: str = "."
    decimal_separator: str = ","
    head_final: bool = False  # English: the class noun follows the name ("the Douai plant")
    pro_drop: bool = False  # Slovenian drops subject pronouns ("Ima tri tovarne."), see kg.extract.link
    far_referents_main_only: bool = False  # a dropped subject or "podjetje" a sentence away: only the main company
    subject_bodies: frozenset[str] = frozenset()  # lemmas: "Nadzorni svet ... je imenoval": the subject is named
    coref_determiners: set[str] = field(default_factory=set)  # English: "the company"
    market_skip_words: set[str] = field(default_factory=set)  # "leading", "growing": not part of a market name
    noun_genders: list[tuple[str, str]] = field(default_factory=list)  # (lemma ending, gender)
    verb_genders: list[tuple[str, str]] = field(default_factory=list)  # (participle ending, gender)
    adjective_genders: list[tuple[str, str]] = field(default_factory=list)  # (nominative adjective ending, gender)

    def noun_gender(self, word: str) -> str:
        """The gender a noun's lemma ending suggests ("skupina" -> "f"), or ""."""
        return next((g for end, g in self.noun_genders if word.endswith(end)), "")

    def is_verb_lemma(self, lemma: str) -> bool:
        """Does the lemma end as the pack's infinitives do ("ustanoviti")? False without one."""
        return bool(self.infinitive_ending) and lemma.endswith(self.infinitive_ending)

    def is_seat_suffix(self, word: str) -> bool:
        """Is ``word`` a suffix split off a town's name that says it is a seat ("-based" of
        "Cork-based", "-headquartered"; not "'s")?"""
        return word.startswith("-") and word.lower() in self.split_suffixes

    def adjective_gender(self, word: str) -> str:
        """The gender of a nominative adjective ("avstrijska" -> "f"), or ""."""
        return next((g for end, g in self.adjective_genders if word.endswith(end)), "")

    def verb_gender(self, word: str) -> str:
        """The gender of a past participle ("prevzela" -> "f"), or ""."""
        return next((g for end, g in self.verb_genders if word.endswith(end)), "")
    inflection: list[tuple[str, str]] = field(default_factory=list)
    locative_endings: list[tuple[str, ...]] = field(default_factory=list)  # (ending, replacement[, V|C])
    stem_repairs: list[tuple[str, str]] = field(default_factory=list)  # "Leobn" -> "Leoben" (ending, nominative)
    town_stem_repairs: list[tuple[str, str]] = field(default_factory=list)  # ... of towns only: "Podolj" -> "Podolje"
    masculine_oblique_endings: tuple[str, ...] = ()  # a masculine noun's singular oblique cases: "Holding-a"
    locative_prepositions: set[str] = field(default_factory=set)
    origin_prepositions: frozenset[str] = frozenset()  # "iz Sežane": a company's town, never its plant's
    places: dict[str, Place] = field(default_factory=dict)             # any form -> place
    rules: list = field(default_factory=list)                          # kg.extract.matcher.Rule
    frames: list = field(default_factory=list)                         # kg.extract.frames.Frame
    # derived once in load_pack, for speed:
    places_lower: frozenset[str] = frozenset()  # every place form, lower-cased
    place_forms_by_lower: dict[str, str] = field(default_factory=dict)  # "taipei" -> "Taipei"
    role_starts: frozenset[str] = frozenset()   # first lemmas of role phrases
    legal_suffix_texts: tuple[str, ...] = ()   # each legal suffix's tokens joined ("d.o.o."), in order
    max_trigger_len: int = 1                    # the longest trigger phrase, in words
    goods_nouns: frozenset[str] = frozenset()  # the one-word nouns of products ("zamašek", "kolo")
    class_nouns: frozenset[str] = frozenset()  # one-word class nouns ("tovarna", "livarna"), derived
    max_role_len: int = 1                       # the longest role phrase, in words


def _lemmas_and_words(words: dict, key: str, code: str) -> set[str]:
    """A word list as lemmas and as written: simplemma gives some forms other lemmas than their
    base words do ("hčerinsko" -> "hčerinsko", "hčerinski" -> "hčerinski")."""
    listed = words.get(key, [])
    return {lemma(w, code) for w in listed} | set(listed)


def phrase_lemmas(phrase: str, lang: str) -> Phrase:
    """The lemma sequence of a phrase written in natural form."""
    return tuple(lemma(w, lang) for w in phrase.split())


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: language data file is missing") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: malformed language data: {err}") from None


def _declined_forms(label: str, declension: list[list[str]], particles: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Case forms of a place name by its ending: "Celje" -> "Celja", "Celju", "Celjem"; in "Radlje
    ob Dravi" the first word declines, in "Murska Sobota" both ("Murske Sobote", ...).

    >>> _declined_forms("Stari trg pri Ložu", [], ("pri",))[:2]
    ('Starega trga pri Ložu', 'Starem trgu pri Ložu')
    >>> _declined_forms("Dob", [["", "a", "u", "om"]])
    ('Doba', 'Dobu', 'Dobom')
    >>> _declined_forms("Stara Cerkev", [])[:2]
    ('Stare Cerkve', 'Stari Cerkvi')
    >>> _declined_forms("Rimske Toplice", [])[:2]
    ('Rimskih Toplic', 'Rimskih Toplicah')
    """
    if " " in label:
        words = label.split(" ")
        at = next((i for i, w in enumerate(words) if i and w in particles), 0)
        if at:  # "Stari trg pri Ložu": the words before the particle decline, the rest keeps its case
            head, tail = " ".join(words[:at]), " ".join(words[at:])
            return tuple(f"{form} {tail}" for form in _declined_forms(head, declension))
        first, rest = words[0], " ".join(words[1:])
        if " " not in rest and first.endswith("a") and rest.endswith("a"):
            return tuple(f"{first[:-1]}{e} {rest[:-1]}{e}" for e in ("e", "i", "o"))
        if " " not in rest and first.endswith("a") and rest.endswith("ev"):
            # ... one in "-ev" loses its e ("v Stari Cerkvi", "iz Stare Cerkve", "s Staro Cerkvijo")
            return tuple(f"{first[:-1]}{e} {rest[:-2]}{n}" for e, n in (("e", "ve"), ("i", "vi"), ("o", "ev"), ("o", "vijo")))
        if " " not in rest and first.endswith("a") and rest[-1:].isalpha() and rest[-1] not in "aeiou":
            # a feminine adjective before a noun in a consonant: the noun declines like "vas", "peč"
            # ("v Gorenji vasi", "iz Mirne Peči", "Gorenjo vas")
            return tuple(f"{first[:-1]}{e} {rest}{n}" for e, n in (("e", "i"), ("i", "i"), ("o", ""), ("o", "jo")))
        if " " not in rest and first.endswith("e") and rest.endswith("e"):
            # a plural adjective before a plural noun ("iz Slovenskih Konjic", "v Rimskih Toplicah")
            return tuple(f"{first[:-1]}{e} {rest[:-1]}{n}" for e, n in (("ih", ""), ("ih", "ah"), ("im", "am"), ("imi", "ami")))
        if " " not in rest and first.endswith("i") and rest[-1:].isalpha() and rest[-1] not in "aeiou":
            # a masculine adjective before a masculine noun ("v Črnem Kalu", "iz Starega trga")
            return tuple(f"{first[:-1]}{e} {rest}{n}" for e, n in (("ega", "a"), ("em", "u"), ("emu", "u"), ("im", "om")))
        return ()
    # every rule whose (non-empty) ending fits: "Radlje" may be neuter ("v Radlju") or plural
    # ("v Radljah"); a form a text never uses does no harm
    out: list[str] = []
    for rule in declension:
        ending, forms = rule[0], rule[1:]
        if label.endswith(ending) and (ending or not out):
            stem = label[: len(label) - len(ending)] if ending else label
            out += [stem + f for f in forms if stem + f not in out and stem + f != label]
    return tuple(out)


def _read_towns(path: Path, declension: list[list[str]], subdivisions: list[str],
                particles: tuple[str, ...] = ()) -> dict[str, Place]:
    """``towns.txt``: one town a line (nominative), and the municipalities of the countries in
    ``subdivisions`` (pycountry's ISO 3166-2 names, which are their seats' names); case forms
    come from the declension rules."""
    import pycountry

    labels = []
    if path.exists():
        labels = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                  if ln.strip() and not ln.startswith("#")]
    for country in subdivisions:
        # "Gorenja vas-Poljane" is named after two places, "Gorenja vas" and "Poljane"
        labels += sorted({part.strip() for s in pycountry.subdivisions.get(country_code=country) or ()
                          if "municipality" in s.type.lower() for part in s.name.split("-")})
    places: dict[str, Place] = {}
    for label in labels:
        place = Place(label, "schema:City", (label, *_declined_forms(label, declension, particles)))
        for form in place.forms:
            places.setdefault(form, place)
    return places


def _abbreviated_forms(towns: dict[str, Place], abbreviations: list[list[str]]) -> dict[str, Place]:
    """Each form of several words whose first word starts so, with that word abbreviated
    (``[["Svet", "Sv."]]``: "Svetega Jurija ob Ščavnici" -> "Sv. Jurija ob Ščavnici").

    >>> town = Place("Sveti Jurij", "schema:City", ("Sveti Jurij", "Svetega Jurija"))
    >>> sorted(_abbreviated_forms({f: town for f in town.forms}, [["Svet", "Sv."]]))
    ['Sv. Jurij', 'Sv. Jurija']
    """
    out: dict[str, Place] = {}
    for form, place in sorted(towns.items()):
        first, _, rest = form.partition(" ")
        for start, short in abbreviations:
            if rest and first.startswith(start):
                out.setdefault(f"{short} {rest}", place)
    return {form: place for form, place in out.items() if form not in towns}


def label_words(label: str) -> int:
    return len(label.split())


def _town_adjectives(places: dict[str, Place], words: dict[str, Any]) -> dict[str, str]:
    """Every case form of the adjectives of the known one-word towns (lexicon ``town_adjective_stems``),
    lower-case, to the town; a stem two towns share is left out.

    >>> town = Place("Velenje", "schema:City", ("Velenje",))
    >>> words = {"town_adjective_stems": [["e", "sk"]], "town_adjective_endings": ["o", "i"]}
    >>> _town_adjectives({"Velenje": town}, words)
    {'velenjsko': 'Velenje', 'velenjski': 'Velenje'}
    """
    rules = words.get("town_adjective_stems", [])
    stop = set(words.get("town_adjective_stoplist", []))
    firsts = words.get("town_adjective_first_words", [])  # "Murska Sobota" -> "murskosoboški"
    stems: dict[str, set[str]] = {}
    first_label: dict[str, str] = {}  # one town listed twice ("Novo mesto", "Novo Mesto"): the first
    for p in places.values():
        if p.cls == "schema:City" and label_words(p.label) <= 2:
            first_label.setdefault(p.label.lower(), p.label)
    for label in sorted(first_label.values()):
        low = label.lower()
        prefix = ""
        if " " in low:
            first, low = low.split(" ")
            prefix = next((first[:len(first) - len(end)] + repl for end, repl in firsts if first.endswith(end)), "")
            if not prefix:
                continue
        for end, repl in rules:
            if low.endswith(end) and len(low) - len(end) >= (2 if prefix else 3) and (end or low[-1] not in "aeiou"):
                stems.setdefault(prefix + low[:len(low) - len(end)] + repl, set()).add(label)
    for stem, town in words.get("town_adjective_irregular", []):  # "trebanjski": Trebnje
        stems[stem] = {town}
    return {stem + e: min(towns) for stem, towns in sorted(stems.items()) if len(towns) == 1 and stem not in stop
            for e in words.get("town_adjective_endings", [])}


def _read_places(path: Path, code: str, declension: Sequence[list[str]] = ()) -> dict[str, Place]:
    """``places.tsv`` (label, class, listed forms) and pycountry's country names in the language,
    whose case forms come from ``declension`` when places.tsv does not list them ("Finska" ->
    "na Finskem")."""
    places: dict[str, Place] = {}
    if path.exists():
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            forms = tuple(f for f in (row.get("forms") or "").split("|") if f)
            place = Place(row["label"], row["class"], (row["label"], *forms))
            for form in place.forms:
                places.setdefault(form, place)
    for label in _country_names(code):
        place = places.get(label) or Place(label, "schema:Country", (label, *_country_forms(label, declension)))
        for form in place.forms:
            places.setdefault(form, place)
    return places


def _country_forms(label: str, declension: Sequence[list[str]]) -> tuple[str, ...]:
    """Case forms of a one-word country name by the first rule whose ending fits, and of two
    nouns joined by "in", each declined ("Bosna in Hercegovina" -> "v Bosni in Hercegovini").

    >>> _country_forms("Bosna in Hercegovina", [["a", "e", "i", "o"]])
    ('Bosne in Hercegovine', 'Bosni in Hercegovini', 'Bosno in Hercegovino')
    """
    words = label.split(" ")
    if len(words) == 3 and words[1] == "in":
        first, second = _country_forms(words[0], declension), _country_forms(words[2], declension)
        return tuple(f"{a} in {b}" for a, b in zip(first, second, strict=False)) if len(first) == len(second) else ()
    if " " in label:
        return ()
    for ending, *forms in declension:
        if label.endswith(ending):
            return tuple(label[: len(label) - len(ending)] + f for f in forms)
    return ()


def _country_names(code: str) -> list[str]:
    """Country names in the language, from pycountry's packaged ISO 3166 translations."""
    import pycountry

    names = [c.name for c in pycountry.countries]
    if code == "en":
        return [n for n in names if "," not in n]
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
    except OSError:
        return []
    return [n for n in (tr.gettext(c.name) for c in pycountry.countries) if "," not in n]


def _build_pack(code: str, lex: dict) -> LanguagePack:
    p = LanguagePack(code)
    words = lex.get("words", {})
    for cls, phrases in lex.get("triggers", {}).items():
        for ph in phrases:
            p.triggers[phrase_lemmas(ph, code)] = cls
    p.list_triggers = {lemma(w, code) for w in words.get("list_triggers", [])}
    for prop, phrases in lex.get("roles", {}).items():
        for ph in phrases:
            p.roles[phrase_lemmas(ph, code)] = (prop, ph)
    for cls, coref_words in lex.get("coreference", {}).items():
        for w in coref_words:
            p.coreference.setdefault(lemma(w, code), cls)
    p.function_words = {w.lower() for w in words.get("function_words", [])}
    p.common_acronyms = frozenset(words.get("common_acronyms", []))
    p.clause_latter_pronouns = frozenset(words.get("clause_latter_pronouns", []))
    p.oblique_name_endings = [(a, n, nom[0] if nom else "") for a, n, *nom in words.get("oblique_name_endings", [])]
    p.prepositional_relatives = frozenset(words.get("prepositional_relatives", []))
    p.family_nouns = frozenset(words.get("family_nouns", []))
    p.role_compound_nouns = frozenset(words.get("role_compound_nouns", []))
    p.family_business_nouns = frozenset(words.get("family_business_nouns", []))
    p.family_words = frozenset(words.get("family_words", []))
    p.first_person_plural_endings = tuple(words.get("first_person_plural_endings", []))
    p.writer_pronouns = frozenset(w.lower() for w in words.get("writer_pronouns", []))
    p.writer_object_pronouns = frozenset(w.lower() for w in words.get("writer_object_pronouns", []))
    p.predicates_after_subject = frozenset(words.get("predicates_after_subject", []))
    p.counterpart_reach = int(words.get("counterpart_reach", 0))
    p.seller_prepositions = frozenset(w.lower() for w in words.get("seller_prepositions", []))
    p.region_heads = frozenset(words.get("region_heads", []))
    p.region_openers = frozenset(words.get("region_openers", []))
    p.region_abbreviations = frozenset(words.get("region_abbreviations", []))
    p.possessive_endings = tuple(words.get("possessive_endings", []))
    p.possessive_stems = tuple((a, b) for a, b in words.get("possessive_stems", []))
    p.public_body_nouns = frozenset(words.get("public_body_nouns", []))
    p.public_body_joiners = frozenset(words.get("public_body_joiners", []))
    p.body_phrases = tuple(sorted((tuple(b.split()) for b in words.get("body_phrases", [])), key=len, reverse=True))
    p.region_nouns_after = frozenset(words.get("region_nouns_after", []))
    p.event_nouns = frozenset(words.get("event_nouns", []))
    p.source_prepositions = frozenset(words.get("source_prepositions", []))
    p.source_phrase_endings = tuple(words.get("source_phrase_endings", []))
    p.region_compass = frozenset(words.get("region_compass", []))
    p.region_names = frozenset(words.get("region_names", []))
    p.inhabitant_endings = tuple(words.get("inhabitant_endings", []))
    p.inhabitant_nouns = frozenset(words.get("inhabitant_nouns", []))
    p.nationality_nouns = frozenset(words.get("nationality_nouns", []))
    p.maker_nouns = frozenset(lemma(w, code) for w in words.get("maker_nouns", []))
    p.non_maker_nouns = frozenset(lemma(w, code) for w in words.get("non_maker_nouns", []))
    p.name_particles = set(words.get("name_particles", []))
    p.legal_suffixes = sorted((tuple(s.split()) for s in words.get("legal_suffixes", [])), key=len, reverse=True)
    p.legal_suffix_initials = {s[0][:1] for s in p.legal_suffixes if s}
    p.speech_verbs = {lemma(w, code) for w in words.get("speech_verbs", [])}
    p.numbers = {lemma(k, code): v for k, v in lex.get("numbers", {}).items()}
    p.scales = {lemma(k, code): int(v) for k, v in lex.get("scales", {}).items()}
    p.currency_scales = {k.lower(): int(v) for k, v in lex.get("currency_scales", {}).items()}
    p.percent_adjectives = {lemma(w, code) for w in words.get("percent_adjectives", [])}
    p.percent_nouns = frozenset(lemma(w, code) for w in words.get("percent_nouns", []))
    if "share_lemmas" in lex:
        p.share_lemmas = (lex["share_lemmas"]["majority"], lex["share_lemmas"]["minority"])
    for bound, phrases in lex.get("bounds", {}).items():
        for ph in phrases:
            p.bounds[phrase_lemmas(ph, code)] = bound
    for cur, cur_words in lex.get("currencies", {}).items():
        for w in cur_words:
            p.currencies[w] = cur
            if len(w) > 3:  # a name ("dollars"), not a code: its lemma too ("aed" is no form of "a")
                p.currencies.setdefault(lemma(w, code), cur)
    p.lemma_overrides = {k.lower(): v for k, v in lex.get("lemma_overrides", {}).items()}
    p.noun_genders = [tuple(e) for e in words.get("noun_genders", [])]
    p.thousands_separator = words.get("thousands_separator", ".")
    p.decimal_separator = words.get("decimal_separator", ",")
    p.head_final = bool(words.get("head_final", False))
    p.pro_drop = bool(words.get("pro_drop", False))
    p.far_referents_main_only = bool(words.get("far_referents_main_only", False))
    p.subject_bodies = frozenset(lemma(w, code) for w in words.get("subject_bodies", []))
    p.market_skip_words = {lemma(w, code) for w in words.get("market_skip_words", [])}
    p.coref_determiners = {w.lower() for w in words.get("coref_determiners", [])}
    p.verb_genders = [tuple(e) for e in words.get("verb_genders", [])]
    p.adjective_genders = [tuple(e) for e in words.get("adjective_genders", [])]
    for place, adjectives in lex.get("demonyms", {}).items():
        for adj in adjectives:
            p.demonyms[" ".join(lemma(w, code) for w in adj.split())] = place  # "north american": two words
    p.market_heads = {lemma(w, code) for w in words.get("market_heads", [])}
    p.market_complements = {w.lower() for w in words.get("market_complements", [])}
    p.list_final_joiners = {w.lower() for w in words.get("list_final_joiners", [])}
    p.object_pronouns = {w.lower() for w in words.get("object_pronouns", [])}
    p.relative_pronouns = {w.lower() for w in words.get("relative_pronouns", [])}
    p.masculine_genitive_surname = words.get("masculine_genitive_surname", "")
    p.split_suffixes = tuple(w.lower() for w in words.get("split_suffixes", []))
    p.relative_openers = frozenset(w.lower() for w in words.get("relative_openers", [])) | frozenset(p.relative_pronouns)
    p.possessives = {w.lower() for w in words.get("possessives", [])}
    p.predicate_participles = frozenset(w.lower() for w in words.get("predicate_participles", []))
    p.copula_lemmas = frozenset(words.get("copula_lemmas", []))
    p.copulas = {w.lower() for w in words.get("copulas", [])}
    p.specific_coref_nouns = {lemma(w, code) for w in words.get("specific_coref_nouns", [])}
    p.subsidiary_nouns = _lemmas_and_words(words, "subsidiary_nouns", code)
    p.buying_verbs = set(words.get("buying_verbs", []))
    p.bought_adjectives = set(words.get("bought_adjectives", []))
    p.parent_adjectives = set(words.get("parent_adjectives", []))
    p.closing_words = {w.lower() for w in words.get("closing_words", [])}
    p.unreal_site_words = {w.lower() for w in words.get("unreal_site_words", [])}
    p.considered_site_words = frozenset(w.lower() for w in words.get("considered_site_words", []))
    p.town_tail_nouns = dict(words.get("town_tail_nouns", []))
    p.nominative_class_adjectives = {w.lower() for w in words.get("nominative_class_adjectives", [])}
    p.speech_complementisers = {w.lower() for w in words.get("speech_complementisers", [])}
    p.surname_endings = list(words.get("surname_endings", []))
    p.given_name_endings_first = tuple(words.get("given_name_endings_first", []))
    p.given_name_stem_consonants = tuple(words.get("given_name_stem_consonants", []))
    p.masculine_o_name_endings = tuple(words.get("masculine_o_name_endings", []))
    p.newness_words = {lemma(w, code) for w in words.get("newness_words", [])}
    p.plant_opening_words = {lemma(w, code) for w in words.get("plant_opening_words", [])}
    p.adjective_endings = list(words.get("adjective_endings", []))
    p.name_adjective_endings = list(words.get("name_adjective_endings", []))
    p.adjective_case_endings = sorted(words.get("town_adjective_endings", []), key=len, reverse=True)
    p.adjective_agreement = [(noun, adjective) for noun, adjective in words.get("adjective_agreement", [])]
    p.founding_words = _lemmas_and_words(words, "founding_words", code)
    p.months = {w.lower() for w in words.get("months", [])} | {lemma(w, code) for w in words.get("months", [])}
    p.month_prepositions = frozenset(w.lower() for w in words.get("month_prepositions", []))
    p.year_word = words.get("year_word", "")
    p.until_words = frozenset(words.get("until_words", []))
    p.prepositions = {w.lower() for w in words.get("prepositions", [])}
    p.generic_nouns = {lemma(w, code) for w in words.get("generic_nouns", [])}
    p.place_name_particles = list(words.get("place_name_particles", []))
    p.street_nouns = frozenset(w.lower() for w in words.get("street_nouns", []))
    p.pronoun_genders = dict(words.get("pronoun_genders", []))
    p.infinitive_ending = words.get("infinitive_ending", "")
    p.clause_openers = set(words.get("clause_openers", []))
    p.role_possessives = {w.lower() for w in words.get("role_possessives", [])}
    p.role_verb_forms = {w.lower() for w in words.get("role_verb_forms", [])}
    p.owner_possessives = {w.lower() for w in words.get("owner_possessives", [])}
    p.role_owner_possessives = {w.lower() for w in words.get("role_owner_possessives", [])}
    p.topic_pronouns = {w.lower() for w in words.get("topic_pronouns", [])}
    p.articles = {w.lower() for w in words.get("articles", [])}
    p.place_modifiers = {w.lower() for w in words.get("place_modifiers", [])}
    p.counterpart_nouns = _lemmas_and_words(words, "counterpart_nouns", code)
    p.companion_nouns = _lemmas_and_words(words, "companion_nouns", code)
    p.party_subject_nouns = {lemma(w, code) for w in words.get("party_subject_nouns", []) if " " not in w}
    p.counterpart_referents = _lemmas_and_words(words, "counterpart_referents", code)
    p.initial_runs_are_names = bool(words.get("initial_runs_are_names", False))
    p.person_relatives = {w.lower() for w in words.get("person_relatives", [])}
    p.occupation_nouns = _lemmas_and_words(words, "occupation_nouns", code)
    p.trade_nouns = _lemmas_and_words(words, "trade_nouns", code)
    p.weekdays = {w.lower() for w in words.get("weekdays", [])}
    p.company_name_heads = {w.lower() for w in words.get("company_name_heads", [])}
    p.town_name_heads = frozenset(w.lower() for w in words.get("town_name_heads", []))
    p.company_name_openers = {w.lower() for w in words.get("company_name_openers", [])}
    p.compound_adjective_heads = set(words.get("compound_adjective_heads", []))
    p.sentence_openers = {w.lower() for w in words.get("sentence_openers", [])}
    p.naming_words = {w.lower() for w in words.get("naming_words", [])}
    p.non_referring_modifiers = {w.lower() for w in words.get("non_referring_modifiers", [])}
    p.plant_nouns_too = _lemmas_and_words(words, "plant_nouns_too", code)
    p.adverbs_before_places = {w.lower() for w in words.get("adverbs_before_places", [])}
    p.having_verbs = frozenset(words.get("having_verbs", []))
    p.plant_verbs = frozenset(w.lower() for w in words.get("plant_verbs", []))
    p.passive_plant_verbs = frozenset(w.lower() for w in words.get("passive_plant_verbs", []))
    p.seat_words = frozenset(_lemmas_and_words(words, "seat_words", code))
    p.site_pronouns = frozenset(w.lower() for w in words.get("site_pronouns", []))
    p.hedges = tuple(tuple(h.lower().split()) for h in words.get("hedges", []))
    p.whole_share_phrases = tuple(phrase_lemmas(ph, code) for ph in words.get("whole_share_phrases", []))
    p.polar_question_openers = frozenset(words.get("polar_question_openers", []))
    p.subject_question_words = frozenset(words.get("subject_question_words", []))
    p.denials = tuple(tuple(h.lower().split()) for h in words.get("denials", []))
    p.denied_clause_openers = frozenset(w.lower() for w in words.get("denied_clause_openers", []))
    p.non_occupations = frozenset(_lemmas_and_words(words, "non_occupations", code))
    p.rarer_first_names = bool(words.get("rarer_first_names", False))
    p.courtesy_titles = frozenset(w.lower() for w in words.get("courtesy_titles", []))
    p.founding_participles = frozenset(w.lower() for w in words.get("founding_participles", []))
    p.founded_by_words = frozenset(w.lower() for w in words.get("founded_by_words", []))
    p.fronted_openers = frozenset(w.lower() for w in words.get("fronted_openers", []))
    p.fronted_pronouns = frozenset(w.lower() for w in words.get("fronted_pronouns", []))
    p.titles = {w.lower().rstrip(".") for w in words.get("titles", [])}
    p.dotted_titles = frozenset(w.lower() for w in words.get("dotted_titles", []))
    p.feminine_surname_endings = list(words.get("feminine_surname_endings", []))
    p.feminine_name_ending = words.get("feminine_name_ending", "")
    p.business_noun_endings = list(words.get("business_noun_endings", []))
    p.surname_cases = {(w, n): s for w, n, s in words.get("surname_cases", [])}
    p.surname_dropped_endings = list(words.get("surname_dropped_endings", []))
    p.surname_case_variants = {k: [(e, r) for e, r in v] for k, v in lex.get("surname_case_variants", {}).items()}
    p.where_words = {w.lower() for w in words.get("where_words", [])}
    p.clause_coordinators = {w.lower() for w in words.get("clause_coordinators", [])}
    p.relative_continuers = {w.lower() for w in words.get("relative_continuers", [])}
    p.legal_form_countries = {form: tuple(countries) for form, countries in lex.get("legal_form_countries", {}).items()}
    p.accusative_endings = [tuple(e) for e in words.get("accusative_endings", [])]
    p.latter_words = _lemmas_and_words(words, "latter_words", code)
    p.other_words = _lemmas_and_words(words, "other_words", code)
    p.inflection = sorted(((a, b) for a, b in words.get("inflection", [])), key=lambda e: -len(e[0]))
    p.locative_endings = [tuple(e) for e in words.get("locative_endings", [])]
    p.stem_repairs = [(a, b) for a, b in words.get("stem_repairs", [])]
    p.town_stem_repairs = [(a, b) for a, b in words.get("town_stem_repairs", [])]
    p.masculine_oblique_endings = tuple(words.get("masculine_oblique_endings", []))
    p.locative_prepositions = set(words.get("locative_prepositions", []))
    p.origin_prepositions = frozenset(words.get("origin_prepositions", []))
    return p


def _read_names(path: Path) -> frozenset[str]:
    """A pack's list of names, one a line (``#`` comments); none when the file is missing."""
    if not path.exists():
        return frozenset()
    return frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def world_towns() -> frozenset[str]:
    """Names of the world's towns of 15,000 people or more (``kg/data/world_towns.txt``), Romanian
    ones also with the comma below that Romanian writes ("Braşov" in GeoNames, "Brașov" in text)."""
    names = _read_names(DATA_DIR / "world_towns.txt")
    return names | {name.translate(ROMANIAN_COMMAS) for name in names if set(name) & {"ş", "ţ", "Ş", "Ţ"}}


ROMANIAN_COMMAS = str.maketrans("şţŞŢ", "șțȘȚ")


def _use_world_towns(pack: LanguagePack, how: str) -> None:
    """``"towns"``: the world's towns are towns of the pack (English names them as they are);
    ``"nominatives"``: they only choose among the nominatives of an inflected name ("v Leobnu")."""
    if how == "towns":
        names = sorted(world_towns())
        for name in names:
            pack.places.setdefault(name, Place(name, "schema:City", (name,)))
        given = written_first_names()
        for name in names:
            # ... also as English often writes them, without their accents ("Zurich", "Malmo"),
            # unless that is a given name ("Unaí" -> "Unai")
            plain = without_accents(name)
            if plain not in given:
                pack.places.setdefault(plain, Place(plain, "schema:City", (plain,)))
    elif how == "nominatives":
        pack.known_town_names = world_towns()
    elif how:
        raise InputError(f"lexicon: world_towns must be \"towns\" or \"nominatives\", not {how!r}")


@lru_cache(maxsize=8)
def load_pack(code: str) -> LanguagePack:
    """The language pack for ``code`` (``sl``, ``en``), read once per process.

    >>> pack = load_pack("sl")
    >>> pack.triggers[("tovarna",)], pack.numbers["enajst"]
    ('akg:Plant', 11)
    """
    from kg.extract.frames import load_frames
    from kg.extract.matcher import load_rules
    from kg.ontology import load_ontology

    folder = LANG_DIR / code
    if not folder.is_dir():
        raise InputError(f"no language pack for {code!r} in {LANG_DIR}")
    lex = _read_toml(folder / "lexicon.toml")
    pack = _build_pack(code, lex)
    pack.places = _read_places(folder / "places.tsv", code, lex.get("words", {}).get("country_declension", []))
    words = lex.get("words", {})
    towns = _read_towns(folder / "towns.txt", words.get("town_declension", []), words.get("town_subdivisions", []),
                        tuple(words.get("town_name_particles", words.get("place_name_particles", []))))
    towns.update(_abbreviated_forms(towns, words.get("town_abbreviations", [])))
    for form, place in towns.items():
        pack.places.setdefault(form, place)
    _use_world_towns(pack, words.get("world_towns", ""))
    if pack.known_town_names:  # the pack's own towns win too ("iz Sovodnja" -> "Sovodenj")
        pack.known_town_names = pack.known_town_names | {place.label for place in towns.values()}
    # ... then its settlements, where no town fits ("v Tepanju" -> "Tepanje"; "v Leskovcu v Srbiji" is
    # the town Leskovac before the village Leskovec)
    pack.settlement_names = _read_names(folder / "settlements.txt") - pack.known_town_names
    pack.town_adjectives = _town_adjectives(pack.places, words)
    pack.rules = load_rules(folder / "patterns.toml", code)
    pack.frames = load_frames(folder / "frames.toml", code, load_ontology().curies())
    clash = sorted({r.id for r in pack.rules} & {f.id for f in pack.frames})
    if clash:  # provenance names the rule of each fact: ids must say which one
        raise InputError(f"{folder}: rule and frame ids must differ: {', '.join(clash)}")
    pack.place_forms_by_lower = {form.lower(): form for form in sorted(pack.places)}
    pack.places_lower = frozenset(pack.place_forms_by_lower)
    pack.role_starts = frozenset(phrase[0] for phrase in pack.roles)
    pack.legal_suffix_texts = tuple("".join(suffix) for suffix in pack.legal_suffixes)
    pack.max_trigger_len = max((len(k) for k in pack.triggers), default=1)
    pack.goods_nouns = frozenset(k[0] for k, cls in pack.triggers.items() if len(k) == 1 and cls == "schema:Product")
    pack.class_nouns = frozenset(k[0] for k in pack.triggers if len(k) == 1)
    pack.max_role_len = max((len(k) for k in pack.roles), default=1)
    return pack


@lru_cache(maxsize=1)
def east_asian_family_names() -> frozenset[str]:
    """Family names written first in Chinese, Korean and Vietnamese names (``kg/data/east_asian_family_names.txt``)."""
    text = (DATA_DIR / "east_asian_family_names.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names from ``kg/data/first_names.txt``: they also mark a person in an inflected form."""
    text = (DATA_DIR / "first_names.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def written_first_names() -> frozenset[str]:
    """Every given name known as written: ``first_names`` and ``kg/data/first_names_more.txt``
    (the world's rarer given names, for packs with ``rarer_first_names``: in Slovenian they would
    turn declined names into persons, "predsednik uprave Tamika" being Tamiko's).

    >>> "Edna" in written_first_names(), "Edna" in first_names()
    (True, False)
    """
    text = (DATA_DIR / "first_names_more.txt").read_text(encoding="utf-8")
    more = frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return first_names() | more
