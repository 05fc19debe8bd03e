"""What every mention recogniser shares: the span being built, token tests, and name tests."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.document import CorefHint, Document, MentionSource, Token
from kg.extract.lemmatize import is_known_word, name_candidates
from kg.lang import LanguagePack, east_asian_family_names, first_names, written_first_names

OPENING_QUOTES = "»„“\"'«"
ENUMERATOR = re.compile(r"\d{1,2}(?:[./]\d{1,2})*[.)]?")  # "3/6", "2.", "4)", "3.1": a caption's or list item's number
LIST_SEPARATORS = {",", "in", "ter", "and", "&"}
# priority of evidence when choosing a class (higher wins)
STRENGTH: dict[MentionSource, int] = {MentionSource.DEFINITION: 7, MentionSource.PLANT_TOWN: 6,
            MentionSource.TRIGGER: 6, MentionSource.LEGAL: 6, MentionSource.LIST: 5,
            MentionSource.REFERENCE: 4, MentionSource.GAZETTEER: 4, MentionSource.MARKET: 4,
            MentionSource.PERSON: 3, MentionSource.NAME_HEAD: 3, MentionSource.SPEAKER: 3,
            MentionSource.DEMONYM: 2, MentionSource.ACRONYM: 1, MentionSource.LOCATIVE: 1, MentionSource.MODIFIER: 1,
            MentionSource.CAPITALISED: 0, MentionSource.COREF: 0}


@dataclass
class Span:
    """A candidate mention while it is being recognised (token span, class, canonical name)."""

    start: int  # token index
    end: int    # exclusive
    cls: str | None
    name: str
    source: MentionSource
    weak: bool = False
    seat_town: int = -1  # "the Houston-based panel maker": the token of the town its head office is in
    hint: CorefHint | None = None  # a referring phrase's clue to its referent (``Mention.hint``)
    hint_adjective: str = ""  # with ``CorefHint.OF``: the adjective's lemma


_LETTER_COMPOUND = re.compile(r"[A-Z]-[a-z]{3,}")  # "T-shirt", "U-bolt", "X-ray": a common noun


ELIDED_NAME = re.compile(r"[a-z]{1,4}['’](\w)")  # "l'Escaut", "dell'Adige": an elided article and a name


def is_name_token(tok: Token) -> bool:
    if (elided := ELIDED_NAME.match(tok.text)) is not None and elided.group(1).isupper():
        return True  # "Biscuiterie de l'Escaut"
    return tok.is_capitalised and tok.is_word and not tok.text.isdigit() and not _LETTER_COMPOUND.fullmatch(tok.text)


DATELINE_WORDS = 8  # at most so many tokens before the dash of a dateline


def sentence_initial(doc: Document, i: int) -> bool:
    """True at the start of a sentence or of a quote (where any word is capitalised)."""
    s = doc.sentences[doc.tokens[i].sent]
    j = i - 1
    while j >= s.tok_start and doc.tokens[j].text in OPENING_QUOTES + "(-–—*•":  # "* Says ...": a bullet
        j -= 1
    if j <= s.tok_start + 1 and ENUMERATOR.fullmatch(doc.tokens[j].text) \
            and (j == s.tok_start or doc.tokens[s.tok_start].is_capitalised):
        return True  # "3/6 Podjetje sta ...", "2) Družba ...", "Item 4.1 Re-elect ...": a list's number
    if j < s.tok_start or doc.tokens[j].text in ".!?:…|":  # (and a table's cell: "| Masa: 540 kg")
        return True
    # "... skupine Voyageur S.A. Podjetje zaposluje": the splitter kept an abbreviation-ended
    # sentence together; a short capitalised abbreviation before counts as a sentence end
    prev = doc.tokens[j].text
    return (prev.endswith(".") and len(prev) <= 3 and prev[:1].isupper()) or after_dateline(doc, i)


def after_dateline(doc: Document, i: int) -> bool:
    """Does token ``i`` follow the dash of a dateline opening its paragraph ("Ptuj – Ptujski
    Snopteh je ...", "Ljubljana, 12. marca (STA) – Družba ...", "2022 – Vodenje ...")?"""
    start = doc.sentences[doc.tokens[i].sent].tok_start
    dash = i - 1
    if dash <= start or doc.tokens[dash].text not in ("–", "—", "-"):  # (a spaced hyphen stands for a dash)
        return False
    first = doc.tokens[start]
    # (a timeline's year too: "2022 – Vodenje prevzame hči ...", and a news ticker's time: "08.05 – Velenjski X")
    return dash - start <= DATELINE_WORDS and (first.text[:1].isupper() or first.text[:1].isdigit()) \
        and opens_paragraph(doc, first.start)


def opens_paragraph(doc: Document, offset: int) -> bool:
    """Does only a line start (and spaces or tabs) stand before character ``offset``?"""
    j = offset - 1
    while j >= 0 and doc.text[j] in " \t":
        j -= 1
    return j < 0 or doc.text[j] == "\n"


def is_given_name(word: str, pack: LanguagePack, lang: str) -> bool:
    """A given name in any case form ("Luca", "Luce", "Ane")."""
    names = first_names()
    if "-" in word:  # "Hans-Peter", "Jean-Luc"
        word = word.split("-", 1)[0]
    candidates = name_candidates(word, lang, pack.inflection)
    # (the likeliest two forms, or a form with the ending names in -o prefer: "Stanku" is Stanko's)
    return is_written_given_name(word, pack) or any(c in names for c in candidates[1:3]) \
        or (bool(pack.given_name_endings_first)
            and any(c in names and c.endswith(pack.given_name_endings_first) for c in candidates[3:])) \
        or any(c[-1:] in pack.given_name_stem_consonants and c[-2:-1] == "e" and c[:-1] in names
               for c in candidates[1:3]) \
        or any(_with_fleeting_e(c) in names for c in candidates[1:3])  # "Jožetom": "Jože"; "Klemnom": "Klemen"


def _with_fleeting_e(stem: str) -> str:
    """"Klemn" -> "Klemen", "Pavl" -> "Pavel": a stem that lost the "e" before its last consonant."""
    if len(stem) > 3 and stem[-1].lower() not in "aeiouy" and stem[-2].lower() not in "aeiouy":
        return stem[:-1] + "e" + stem[-1]
    return stem


def is_written_given_name(word: str, pack: LanguagePack) -> bool:
    """A given name as written, not inflected ("Edna" in English; "Tamika" is no name in Slovenian)."""
    return word in first_names() or (pack.rarer_first_names and word in written_first_names())


def nominative_first_name(word: str, pack: LanguagePack, lang: str) -> str:
    if is_written_given_name(word, pack):
        return word
    # of several, the longest ("Matejem" is Matej's, not Mate's: the shorter strips too much)
    candidates = name_candidates(word, lang, pack.inflection)
    names = sorted((c for c in candidates if c in first_names()), key=len, reverse=True) \
        or [n for c in candidates if (n := _with_fleeting_e(c)) in first_names()][:1]  # "Klemnom": Klemen
    preferred = [c for c in names if c.endswith(pack.given_name_endings_first)] if pack.given_name_endings_first else []
    return (preferred or names or [word])[0]


def looks_like_person(words: list[str], doc: Document, i: int, pack: LanguagePack) -> bool:
    """"Stojan Petrič": a two-word name with a surname ending, or right after a role phrase
    ("direktor Iztok Seljak"), whose first word is no dictionary word or place."""
    first, last = words
    if is_known_word(first, doc.lang) or first in pack.places or "." in first:
        return False
    after_role = any(tuple(t.lemma for t in doc.tokens[max(0, i - n):i]) in pack.roles for n in (1, 2, 3))
    return after_role or last.endswith(tuple(pack.surname_endings))


_SYLLABLES = re.compile(r"[A-Z][a-z]{1,6}-[a-z]{2,6}")  # a romanised given name: "Yi-ting", "Seo-yeon"
_SYLLABLE = re.compile(r"[A-Z][a-z]{1,5}")  # one syllable of a given name: "Mei", "Ling"


def looks_east_asian(words: list[str], lang: str) -> bool:
    """"Chen Yi-ting", "Yoon Seo-yeon", "Min-jun Park", "Tan Mei Ling": a family name with a
    hyphenated given name, or with two one-syllable given names that are no dictionary words.

    >>> looks_east_asian(["Chen", "Yi-ting"], "en"), looks_east_asian(["Hong", "Kong", "Land"], "en")
    (True, False)
    >>> looks_east_asian(["Nguyen", "Thi", "Lan"], "en")
    True
    """
    family = east_asian_family_names()
    if len(words) == 2:
        return (words[0] in family and bool(_SYLLABLES.fullmatch(words[1]))) or \
            (words[1] in family and bool(_SYLLABLES.fullmatch(words[0])))
    return len(words) == 3 and words[0] in family and all(_SYLLABLE.fullmatch(w) for w in words[1:]) and (
        not any(is_known_word(w, lang) for w in words[1:]) or words[1] in written_first_names())  # "Nguyen Thi Lan"


def after_speech_verb(doc: Document, i: int, pack: LanguagePack) -> bool:
    """True if a verb of saying stands right before token i ("je dejal Hans-Peter Müller"; not
    "announced that Daesan Energy Materials will ...": the name opens what was said)."""
    s = doc.sentences[doc.tokens[i].sent]
    if i > s.tok_start and doc.tokens[i - 1].text.lower() in pack.speech_complementisers:
        return False
    return any(doc.tokens[j].lemma in pack.speech_verbs for j in range(max(s.tok_start, i - 2), i))


MAX_ROLE_WORDS = 4


def role_starts_at(toks: list, i: int, end: int, pack: LanguagePack, written: bool = False) -> bool:
    """Does a role phrase ("chief executive", "direktorica") start at token ``i`` (before ``end``)?
    ``written``: compare the words as written, lower-cased ("heads" is no role "head")."""
    def key(t: Token) -> str:
        return t.text.lower() if written else t.lemma
    return any(tuple(key(t) for t in toks[i:i + n]) in pack.roles for n in range(1, MAX_ROLE_WORDS + 1) if i + n <= end)


def role_ends_at(toks: list, end: int, start: int, pack: LanguagePack) -> bool:
    """Does a role phrase, as written, end right before token ``end`` (and start at or after ``start``)?"""
    return any(tuple(t.text.lower() for t in toks[end - n:end]) in pack.roles
               for n in range(1, MAX_ROLE_WORDS + 1) if end - n >= start)
