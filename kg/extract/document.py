"""The objects that flow through the pipeline: one ``Document`` collects what each step adds.

Steps run in order over a document (see ``kg/extract/pipeline.py``): segment -> lemmatize -> mentions ->
link -> relations. Each step reads what earlier steps wrote and adds its own part; none reaches back.
All objects are plain dataclasses, so a finished document can be sent to worker processes and
stored in the build cache as JSON (``kg.cachefmt``).
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


@dataclass(slots=True)
class Token:
    """A word or punctuation mark with character offsets into the document text."""

    i: int
    text: str
    start: int
    end: int
    sent: int
    lemma: str = ""

    @property
    def is_word(self) -> bool:
        return any(ch.isalnum() for ch in self.text)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True)
class Sentence:
    """A sentence: character span in the document and its token range ``[tok_start, tok_end)``."""

    i: int
    start: int
    end: int
    tok_start: int
    tok_end: int


POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})  # the possessive tokens: "the company's", "the firms'"


class MentionSource(StrEnum):
    """What found a mention: the evidence for it and its class (``STRENGTH`` in
    ``kg.extract.mentions.spans`` ranks them; the provenance names the rule ``mention-<value>``).

    >>> MentionSource("plant-town") is MentionSource.PLANT_TOWN, f"mention-{MentionSource.COREF}"
    (True, 'mention-coref')
    """

    CAPITALISED = "capitalised"  # a run of capitalised words, class unknown
    LEGAL = "legal"  # a legal suffix ("Krka d.d.")
    TRIGGER = "trigger"  # a class noun before or inside the name ("tovarna Cléon")
    LIST = "list"  # listed after a trigger noun
    PERSON = "person"  # starts with a known given name
    SPEAKER = "speaker"  # the one who says something
    ACRONYM = "acronym"
    DEFINITION = "definition"  # an acronym defined by its expansion
    EXPANSION = "expansion"  # that expansion (not an entity of its own)
    NAME_HEAD = "name-head"  # a name ending in a company noun
    GAZETTEER = "gazetteer"  # the language pack's places
    REFERENCE = "reference"  # the shipped reference data
    MARKET = "market"  # a market phrase
    PLANT_TOWN = "plant-town"  # a town that stands for the plant in it
    LOCATIVE = "locative"  # an unknown name after a locative preposition
    MODIFIER = "modifier"  # an unknown town before a company's descriptor ("Bristol food group X")
    DEMONYM = "demonym"  # an adjective naming a place
    COREF = "coref"  # a word that refers back ("družba", "its")
    ZERO = "zero"  # a dropped subject (kg.extract.link)


class CorefHint(StrEnum):
    """What the words around a referring phrase say about its referent (set by
    ``kg.extract.mentions.phrases.coreferring``, read by ``kg.extract.link``).

    >>> CorefHint("of") is CorefHint.OF
    True
    """

    NEW = "new"  # "nova družba": the organisation introduced last
    OF = "of"  # "Italijanska skupina": the one introduced with that adjective (``Mention.hint_adjective``)
    SPEAKER = "speaker"  # "Marsh said the group would ...": the organisation named before
    LATTER = "latter"  # "Omenjena družba": the organisation mentioned last


@dataclass(slots=True)
class Mention:
    """A span of tokens that names (or refers back to) an entity.

    ``cls`` is the ontology class as a CURIE (``akg:Company``) or ``None`` while unknown;
    ``name`` is the canonical (nominative) label; ``key`` the entity it is linked to.
    """

    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    sent: int
    cls: str | None
    name: str
    source: MentionSource
    weak: bool = False  # only becomes an entity if a relation uses it (demonyms, locatives)
    group: int = -1  # mentions of one entity in a document share a group (set by kg.extract.link)
    attrs: dict[str, str] = field(default_factory=dict)  # e.g. "expansion", "region"
    hint: CorefHint | None = None  # a referring phrase's clue to its referent (kg.extract.link)
    hint_adjective: str = ""  # with ``CorefHint.OF``: the adjective's lemma ("italijanski")

    @property
    def span(self) -> tuple[int, int]:
        return (self.tok_start, self.tok_end)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number read from text, with its bound and qualifiers (becomes a schema:QuantitativeValue)."""

    value: float | int
    bound: str = "exact"  # "exact", "min" ("več kot"), "max" ("do"), "approx" ("okoli")
    unit: str = ""
    place: str = ""  # entity key of a place that qualifies the value (akg:inPlace)
    occupation: str = ""
    year: str = ""  # the year the value holds for, when the text ties it to one (akg:validYear)


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation read from one sentence, between mention groups (or a group and a value).

    ``obj`` is a mention group (int) when ``value`` is None; otherwise ``value`` is the object.
    """

    subj: int
    pred: str
    obj: int | None
    value: str | int | float | Quantity | None
    rule: str
    sent: int
    mentions: tuple[int, ...] = ()
    place: int | None = None  # the mention group of a place qualifying a quantity ("v Franciji")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted statement (»…«) and the mention of the person it is attributed to."""

    text: str
    start: int  # character offsets of the quoted text (without the quote marks)
    end: int
    sent: int  # the sentence with the attribution
    speaker: int  # mention index


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted statement: subject entity key, predicate CURIE, object (entity key or value)."""

    s: str
    p: str
    o: str | int | float | Quantity
    rule: str
    sent: int
    mentions: tuple[int, ...] = ()
    object_is_entity: bool = True


@dataclass(frozen=True, slots=True)
class TimedRole:
    """A person's role in an organisation as one sentence states it (becomes an org:Membership):
    entity keys, the role kind and status (``kg.timeterms``), and dates "YYYY[-MM[-DD]]" or ""."""

    person: str
    org: str
    kind: str
    status: str
    start: str
    end: str
    rule: str
    sent: int
    mentions: tuple[int, ...] = ()
    leaving: bool = False  # the text says the holder will leave ("se bo upokojil"): no plain fact


@dataclass(frozen=True, slots=True)
class Event:
    """An event one sentence reports (becomes an akg:Event node): its type (``kg.timeterms``),
    agent and object entity keys ("" when the text names none), date and amount."""

    kind: str
    agent: str
    obj: str
    date: str
    amount: Quantity | None
    rule: str
    sent: int
    mentions: tuple[int, ...] = ()


@dataclass(slots=True)
class Entity:
    """An entity of one document: its key, class, labels and the surface forms seen."""

    key: str
    cls: str
    name: str
    lang: str = "sl"  # language of ``name``
    surface_forms: set[str] = field(default_factory=set)
    expansions: set[str] = field(default_factory=set)  # "ESG" -> "Environmental, social, ..."
    other_names: dict[str, str] = field(default_factory=dict)  # language -> name, besides ``name``
    ref: dict[str, str] = field(default_factory=dict)  # from the reference data, if known


@dataclass(slots=True)
class Group:
    """The mentions of one entity in a document (``Mention.group`` is its index in ``Document.groups``).

    ``name`` is the canonical name, ``cls`` the class (None while unknown; a rule may type it
    later), ``key`` the entity key ("" until ``kg.extract.entities`` sets it, and for a group that
    becomes no entity).
    """

    name: str
    cls: str | None
    key: str = ""


@dataclass(slots=True)
class Document:
    """A text document and everything the pipeline learns about it."""

    doc_id: str
    path: Path
    text: str
    meta: dict[str, str]
    lang: str = "sl"
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)  # the mention groups (kg.extract.link)
    # sentence -> the organisation the sentences before it were about (kg.extract.link)
    sentence_topics: dict[int, int] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    roles: list[TimedRole] = field(default_factory=list)  # roles over time (kg.extract.timeline)
    events: list[Event] = field(default_factory=list)  # dated events (kg.extract.timeline)
    # what the build should warn about: (file relative to the seeds folder, message)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def mentions_starting(self, lo: int, hi: int) -> Iterator[tuple[int, Mention]]:
        """The mentions (index, mention) whose first token is in ``[lo, hi)``, found by bisection:
        linking leaves ``mentions`` sorted by position, and a scan of every mention for each
        clause or list made long documents cost more per word.

        >>> doc = Document("d", Path("d.txt"), "", {}, mentions=[Mention(s, s + 1, 0, 0, "", 0, "schema:Person", "",
        ...     MentionSource.PERSON) for s in (1, 4, 4, 9)])
        >>> [k for k, _ in doc.mentions_starting(2, 9)]
        [1, 2]
        """
        start = bisect_left(self.mentions, lo, key=_tok_start)
        return ((k, self.mentions[k]) for k in range(start, bisect_left(self.mentions, hi, lo=start, key=_tok_start)))

    def key_of(self, group: int) -> str | None:
        """The entity key of mention group ``group``; None for no group (-1) or one that is no entity.

        >>> doc = Document("d", Path("d.txt"), "", {}, groups=[Group("Krka", "akg:Company", "company/krka"),
        ...                                                    Group("trg", None)])
        >>> doc.key_of(0), doc.key_of(1), doc.key_of(-1)
        ('company/krka', None, None)
        """
        return (self.groups[group].key or None) if group >= 0 else None


def _tok_start(m: Mention) -> int:
    return m.tok_start
