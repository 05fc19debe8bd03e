"""Link mentions of one document into entities (groups) and resolve coreference.

Mentions are one entity when their canonical names agree after inflection ("Skupine Renault" and
"Skupino Renault" -> "Skupina Renault", "Douaiju" -> "Douai" when "Douai" is seen), when a short
form matches a longer name of a compatible class ("Novak" -> "Ana Novak", "Krka" -> "Krka d.d."),
or through the reference data's aliases. Each group gets one class by the strongest evidence of
its mentions. A referring word joins a group by what it says (``_referent``): "Podjetje" the
organisation the title names, else the one the sentence before was about, "skupina" the group named so, "Hčerinska družba" the
subsidiary, "Slednja" the organisation mentioned last, "jo"/"ga" one of the pronoun's gender,
else the most salient group of its class (the most often mentioned, the latest on ties). A
sentence whose organisations cannot be its subject gets a dropped subject (``_zero_subjects``).
"""
from __future__ import annotations

import bisect
import heapq
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable

from kg.extract.document import POSSESSIVE_MARKS, CorefHint, Document, Group, Mention, MentionSource, Sentence
from kg.extract.frames import PLACE_CLASSES
from kg.extract.lemmatize import lemma, name_candidates
from kg.extract.mentions import STRENGTH
from kg.extract.mentions.spans import is_given_name, looks_east_asian, opens_paragraph
from kg.lang import LanguagePack
from kg.ontology import Ontology

UNTYPED_PREFERENCE = {"akg:Company": 0, "schema:Person": 1}


def core_name(name: str, pack: LanguagePack) -> str:
    """A name without its legal suffix, a leading class noun and punctuation, lower-cased:
    "Krka, d. d." -> "krka", "Skupina Bosch" -> "bosch"."""
    words = name.replace(",", " ").split()
    # drop the trailing words that make up a suffix exactly ("ASA" does not end in "SA")
    tails = _tails(words, max(map(len, pack.legal_suffix_texts), default=0))
    k = next((tails[s] for s in pack.legal_suffix_texts if tails.get(s, 0) > 0), len(words))
    # "Skupina Renault", "Livarna Ferolit d.o.o.", but the noun is the name in "Kapsula d.o.o."
    first = 1 if k > 1 and (words[0].lower(),) in pack.triggers else 0
    return " ".join(words[first:k]).lower()


def _tails(words: list[str], longest: int) -> dict[str, int]:
    """The last words joined without spaces, up to ``longest`` characters, each with the index
    of its first word: ["Krka", "d.", "d."] -> {"d.": 2, "d.d.": 1, ...}."""
    out: dict[str, int] = {}
    k, acc = len(words), ""
    while k > 0 and len(acc) < longest:
        k -= 1
        acc = words[k] + acc
        out[acc] = k
    return out


def _compatible(a: str | None, b: str | None, onto: Ontology) -> bool:
    return a is None or b is None or onto.is_a(a, b) or onto.is_a(b, a)


class _Groups:
    """Union of mentions into groups with a representative name and class."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.classes: list[str | None] = []
        self.strength: list[int] = []
        self.by_core: dict[str, list[int]] = {}
        self.introduced_new: set[int] = set()  # groups introduced as new ("novo podjetje X")
        self.given_names: set[int] = set()  # untyped groups named by one given name ("draga Lara")
        self.first_sentence: list[int] = []  # the sentence each group was first named in
        self.titled = False  # the first sentence is a title (no closing punctuation)
        self.nouns: dict[int, set[str]] = {}  # group -> class nouns it was named with ("skupina")
        self.referred: dict[int, set[str]] = {}  # group -> class nouns that referred back to it ("Družbo")
        # the keys of ``by_core`` by their word-boundary prefixes ("zagorje ob ") and suffixes
        # (" zorko"), so a short form finds longer names without a scan over all of them
        self._rank: dict[str, int] = {}
        self._prefixes: dict[str, list[str]] = {}
        self._suffixes: dict[str, list[str]] = {}
        self._all_nouns: set[str] | None = None
        self._name_words: dict[str, set[int]] | None = None
        self._openers: dict[str, list[int]] = {}  # first word of a name, lower-case -> groups
        self._stems: dict[str, list[int]] = {}  # a name with its first word's ending cut -> groups (see _stem_key)

    def new(self, m: Mention, core: str) -> int:
        self.names.append(m.name)
        self.classes.append(m.cls)
        self.first_sentence.append(m.sent)
        self.strength.append(STRENGTH.get(m.source, 0) if m.cls else -1)
        self.file(core, len(self.names) - 1)
        self._opens(len(self.names) - 1)
        return len(self.names) - 1

    def _opens(self, g: int) -> None:
        self._openers.setdefault(self.names[g].split()[0].lower(), []).append(g)
        self._stems.setdefault(_stem_key(self.names[g]), []).append(g)

    def with_stem(self, name: str) -> list[int]:
        """The groups whose name was at some point ``name`` with its first word's ending changed
        ("Dobrolano d.o.o." for "Dobrolana d.o.o."), by an index, not a scan of every group."""
        return list(dict.fromkeys(self._stems.get(_stem_key(name), ())))

    def opened_by(self, word: str) -> set[int]:
        """The groups whose name now opens with ``word`` (lower-case), found by an index kept as
        names are added and grow, not by a scan over every group.

        >>> groups = _Groups()
        >>> groups.names, groups._openers = ["Livarna Jevnica d.o.o.", "Peklar d.d."], {"livarna": [0], "peklar": [1]}
        >>> groups.opened_by("livarna")
        {0}
        """
        return {g for g in self._openers.get(word, ()) if self.names[g].split()[0].lower() == word}

    def file(self, core: str, g: int) -> None:
        """Add group ``g`` under the core name ``core`` (``by_core``)."""
        gs = self.by_core.get(core)
        if gs is None:
            gs = self.by_core[core] = []
            self._rank[core] = len(self._rank)
            for j, ch in enumerate(core):
                if ch == " ":
                    self._prefixes.setdefault(core[:j + 1], []).append(core)
                    self._suffixes.setdefault(core[j:], []).append(core)
        gs.append(g)

    def all_nouns(self) -> set[str]:
        """Every class noun some group was named with (computed once: call it after naming)."""
        if self._all_nouns is None:
            self._all_nouns = set().union(*self.nouns.values())
        return self._all_nouns

    def named_with(self, word: str) -> set[int]:
        """The groups whose name has ``word`` (lower-case) after its first word ("tea" ->
        "Thyolo Highlands Tea Estates"); computed once: call it after naming."""
        if self._name_words is None:
            self._name_words = {}
            for g, name in enumerate(self.names):
                for w in name.split()[1:]:
                    self._name_words.setdefault(w.lower(), set()).add(g)
        return self._name_words.get(word, set())

    def keys_with(self, prefixes: Iterable[str] = (), suffixes: Iterable[str] = ()) -> list[str]:
        """The keys of ``by_core``, in its order, that start with one of ``prefixes`` or end with
        one of ``suffixes``; each prefix must end and each suffix start with a space.

        >>> groups = _Groups()
        >>> for core in ("zagorje ob savi", "ana novak", "novo mesto"):
        ...     groups.file(core, 0)
        >>> groups.keys_with(prefixes=["novo ", "zagorje ob "], suffixes=[" novak"])
        ['zagorje ob savi', 'ana novak', 'novo mesto']
        """
        found = {key for p in prefixes for key in self._prefixes.get(p, ())}
        found.update(key for s in suffixes for key in self._suffixes.get(s, ()))
        return sorted(found, key=self._rank.__getitem__)

    def add(self, g: int, m: Mention, lang: str, endings: list[tuple[str, str]]) -> None:
        s = STRENGTH.get(m.source, 0) if m.cls else -1
        if s > self.strength[g]:
            self.classes[g], self.strength[g] = m.cls, s
        if m.source in (MentionSource.COREF, MentionSource.LOCATIVE, MentionSource.ZERO):
            return
        old = self.names[g]
        if m.name in name_candidates(old, lang, endings)[1:] or _better_first_word(old, m.name, lang, endings):
            self.names[g] = m.name  # "Otokar" after "Otokarja": the nominative wins
        elif old not in name_candidates(m.name, lang, endings)[1:] and len(m.name) > len(old):
            # the fullest name wins ("Krka d.d." over "Krka"), in the case the two share
            self.names[g] = _agreed_nominative(m.name, old, lang, endings)
        else:
            self.names[g] = _agreed_nominative(old, m.name, lang, endings)
        if self.names[g] != old:
            self._opens(g)


def _stem_key(name: str) -> str:
    """A name with its first word cut to four letters: the key its case forms share, whatever
    their endings.

    >>> _stem_key("Dobrolana d.o.o."), _stem_key("Dobrolano d.o.o."), _stem_key("Elkroja d.d.")
    ('dobr d.o.o.', 'dobr d.o.o.', 'elkr d.d.')
    """
    first, _, rest = name.lower().partition(" ")
    return f"{first[:4]} {rest}"


def _better_first_word(old: str, new: str, lang: str, endings: list[tuple[str, str]]) -> bool:
    """Is ``new`` the same legal name as ``old`` with a better first word: its likeliest nominative
    ("Dobrolana d.o.o." after "Dobrolano d.o.o. vodila"), or written in lower case after capitals
    ("Elkroj d.d." after a letterhead's "ELKROJ d.d.")?"""
    firsts = _first_words_apart(old, new)
    if firsts is None:
        return False
    a, b = firsts
    if a.isupper() and not b.isupper() and a.lower() == b.lower():
        return True
    return name_candidates(a, lang, endings)[1:2] == [b]


def _agreed_nominative(name: str, other: str, lang: str, endings: list[tuple[str, str]]) -> str:
    """``name`` (of two words or more) with its first word in the nominative that it and the
    one-word ``other`` share as their likeliest one: "Lovorko d.o.o." beside "Lovorki" is
    "Lovorka d.o.o."; else ``name``."""
    words = name.split()
    if len(words) < 2 or " " in other or other == words[0]:
        return name
    ours, theirs = name_candidates(words[0], lang, endings)[1:2], name_candidates(other, lang, endings)[1:2]
    return " ".join([ours[0], *words[1:]]) if ours and ours == theirs else name


def _same_legal_name(a: str, b: str, lang: str, endings: list[tuple[str, str]]) -> bool:
    """Are ``a`` and ``b`` one legal name, its first word in two cases ("Dobrolana d.o.o.",
    "Dobrolano d.o.o.")?"""
    firsts = _first_words_apart(a, b)
    return firsts is not None and (firsts[1] in name_candidates(firsts[0], lang, endings)[1:]
                                   or firsts[0] in name_candidates(firsts[1], lang, endings)[1:])


def _first_words_apart(a: str, b: str) -> tuple[str, str] | None:
    """The first words of two names of two words or more that differ only there, else None.

    >>> _first_words_apart("Dobrolano d.o.o.", "Dobrolana d.o.o."), _first_words_apart("Krka d.d.", "Krka d.o.o.")
    (('Dobrolano', 'Dobrolana'), None)
    """
    x, y = a.split(), b.split()
    return (x[0], y[0]) if len(x) >= 2 and len(x) == len(y) and x[1:] == y[1:] and x[0] != y[0] else None


def _other_cases(name: str, lang: str, pack: LanguagePack) -> set[str]:
    """The nominatives a name in another case may have, lower-case ("Orehka" -> "orehek", ...)."""
    return {c.lower() for c in name_candidates(name, lang, pack.inflection)[1:]}


def _first_word_other_cases(name: str, lang: str, pack: LanguagePack) -> set[str]:
    """The nominatives a name of several words may have when its first word is in another case,
    lower-case ("Zobate Šmartno" -> "zobata šmartno", ...)."""
    first, _, rest = name.partition(" ")
    return {f"{c} {rest}".lower() for c in name_candidates(first, lang, pack.inflection)[1:]} if rest else set()


def _named_with_noun_first(groups: _Groups, noun: str, lang: str) -> int | None:
    """The one company whose name of several words opens with the class noun ``noun``
    ("Livarna Ložnica d.o.o." for "livarna"), else None."""
    found = [g for g, name in enumerate(groups.names) if groups.classes[g] == "akg:Company" and " " in name
             and lemma(name.split(" ", 1)[0], lang) == noun]
    return found[0] if len(found) == 1 else None


def _title_groups(groups: _Groups) -> list[int]:
    """The groups first named in the first sentence (the title), in order: groups are made in
    the order of their first mention, so the scan stops at the first one named later."""
    out = []
    for g, first in enumerate(groups.first_sentence):
        if first != 0:
            break
        out.append(g)
    return out


def _same_one_word_name(name: str, groups: _Groups, lang: str, pack: LanguagePack) -> int | None:
    """The one organisation named earlier by one word in another case of the same nominative
    ("v idrijskem Borinoxu" after "direktorico Borinoxa": both "Borinox"), else None."""
    nominative = name_candidates(name, lang, pack.inflection)[1:2]
    if not nominative:
        return None
    same = [g for g, other in enumerate(groups.names) if " " not in other and groups.classes[g] in (None, "akg:Company")
            and other != name and name_candidates(other, lang, pack.inflection)[1:2] == nominative]
    return same[0] if len(same) == 1 else None


def _find_group(m: Mention, core: str, groups: _Groups, pack: LanguagePack, onto: Ontology,
                lang: str) -> int | None:
    keys = [core] + [c.lower() for c in name_candidates(m.name, lang, pack.inflection)[1:]]
    words = m.name.split()
    if len(words) > 1:  # "Adrie Vodik" -> "Adria Vodik": the first word is inflected too
        keys += [" ".join([c, *words[1:]]).lower() for c in name_candidates(words[0], lang, pack.inflection)[1:]]
    if len(words) > 1 and any((c.lower(),) in pack.triggers for c in name_candidates(words[0], lang, pack.inflection)[1:]):
        keys.append(" ".join(words[1:]).lower())  # "Livarno Sotla": a class noun in another case opens "Livarna Sotla d.o.o."
    if len(words) == 2:  # "Celico Energijo" -> "Celica Energija": both words are
        keys += [f"{a} {b}".lower() for a in name_candidates(words[0], lang, pack.inflection)[1:4]
                 for b in name_candidates(words[1], lang, pack.inflection)[1:4]]
    for key in keys:
        found = [g for g in groups.by_core.get(key, ()) if _compatible(groups.classes[g], m.cls, onto)]
        if not found and m.source == MentionSource.PERSON:
            # a name only guessed to be a person ("Direktor Bertoldi Adrie bo ...") that is an
            # organisation's name in another case
            found = [g for g in groups.by_core.get(key, ()) if groups.classes[g] == "akg:Company"]
        if found:
            # an untyped name ("Krke") prefers an organisation of that name over a plant or brand
            return min(found, key=lambda g: (UNTYPED_PREFERENCE.get(groups.classes[g] or "", 9), g))
    if m.cls in (None, "akg:Company") and " " not in core \
            and (same := _same_one_word_name(m.name, groups, lang, pack)) is not None:
        return same
    if m.cls == "akg:Company" and groups.titled and m.sent > 0:
        # "Trekart d.o.o." after a title's "Na čelu Trekarta ...": a title's untyped name in
        # another case
        in_title = [g for g in _title_groups(groups) if groups.classes[g] is None
                    and core in _other_cases(groups.names[g], lang, pack)]
        if not in_title and m.source == MentionSource.LEGAL and " " in core:
            # "Nina Ferlež na čelu Zobate Šmartno" over "Zobata Šmartno d.d.": a title's company
            # whose first word is in another case
            in_title = [g for g in _title_groups(groups) if groups.classes[g] in (None, "akg:Company")
                        and core in _first_word_other_cases(groups.names[g], lang, pack)]
        if len(in_title) == 1:
            return in_title[0]
    if m.source == MentionSource.LEGAL:
        # "Dobrolana d.o.o." and "Dobrolano d.o.o. vodila": one legal name, its first word in two cases
        cased = [g for g in groups.with_stem(m.name) if groups.classes[g] == "akg:Company"
                 and _same_legal_name(groups.names[g], m.name, lang, pack.inflection)]
        if len(cased) == 1:
            return cased[0]
    if m.source == MentionSource.LEGAL and " " not in core:
        # "... moj zadnji delovni dan v Kolesnici" before "Kolesnica d.d.": a one-word name written
        # earlier in another case is the company's
        # (the legal name itself may be inflected: "vodenje Dobrolane" before "Dobrolano d.o.o. vodila")
        first = m.name.split()[0]
        forms = {core, *(c.lower() for c in name_candidates(first, lang, pack.inflection)[1:2] if first.lower() == core)}
        earlier = [g for g, name in enumerate(groups.names) if groups.classes[g] in (None, "akg:Company")
                   and " " not in name and forms & _other_cases(name, lang, pack)]
        if len(earlier) == 1:
            return earlier[0]
    if m.cls == "akg:Company" and len(core.split()) > 1:
        # "Carrocerías Albeniz S.A." after a title's "Albeniz": a name of no class yet, its first
        # word(s) or last word, is its short form written first; so is a title's company named by
        # the last word ("... to buy rival Tupã"; "Dronika" is not "Dronika Agro d.o.o.")
        words = core.split()
        last = words[-1]
        # "Myakka Marine Group" after "Myakka Marine": a company named so without its class noun (not
        # "Medikor Holding d.d." after "Medikor d.o.o.": a legal name is a company of its own)
        bare = {g for k in range(1, len(words)) if all((w,) in pack.triggers for w in words[k:])
                for g in groups.by_core.get(" ".join(words[:k]), ()) if groups.classes[g] == m.cls} \
            if m.source != MentionSource.LEGAL else set()
        if len(bare) == 1:
            return bare.pop()
        # (its first words too: "Brazos Crest" in a title before "Brazos Crest Foods Inc.")
        heads = [" ".join(words[:k]) for k in range(1, len(words))]
        # (... or its last words: "Pico Alto completes ..." before "Laticínios Pico Alto S.A.")
        tails = [" ".join(words[k:]) for k in range(1, len(words))]
        # (a title's company so named is its short form too: "Sizwe Snacks swallows Durban crisp maker
        # Amanzi" before "Amanzi Crisps"; not before a legal name, a company of its own, nor once
        # a longer name has taken it: "Floramed" and "Floramed d.o.o." before "Floramed Balkan EOOD")
        titled = set(_title_groups(groups)) if m.source != MentionSource.LEGAL else set()
        short = {g for w in (*heads, *tails) for g in groups.by_core.get(w, ())
                 if groups.classes[g] is None or (g in titled and groups.classes[g] == m.cls and " " not in groups.names[g])}
        # (... also in another case: "kupili večino postojnskega Orehka" before "Orehek Elektro d.o.o.",
        # unless the short form is a name of its own: "Vatrixa" before "Vatrix d.d." and "Vatrix CE s.r.o.")
        # ("Dobrodošli v Lovorki!" before "Lovorko d.o.o." and its subsidiary "Lovorka Adria d.o.o.": a
        # company already named so in another case is the title's)
        forms = {w for w in (*heads, last) if w not in groups.by_core}
        inflected = {g: cases for g in _title_groups(groups) if groups.classes[g] is None
                     and (cases := _other_cases(groups.names[g], lang, pack) & forms)}
        if inflected:
            written = {c.lower() for g, cls in enumerate(groups.classes) if cls == "akg:Company"
                       for c in name_candidates(groups.names[g].split()[0], lang, pack.inflection)}
            short |= {g for g, cases in inflected.items() if cases - written}
        short |= {g for g in groups.by_core.get(last, ())
                  if groups.titled and groups.classes[g] == m.cls and groups.first_sentence[g] == 0}
        if len(short) == 1:
            return short.pop()
    # a surname or short form ("Zorkova" -> "Maja Zorko", "Mehatrona" -> "Skupina Mehatron"):
    # the last or first word(s) of a longer name of a compatible class
    if m.cls in ("schema:City", "akg:Plant"):
        # "v Zagorju" after "v Zagorju ob Savi": a town's short name
        for key in groups.keys_with(prefixes=[f"{k} {p} " for k in keys for p in pack.place_name_particles]):
            gs = groups.by_core[key]
            if groups.classes[gs[0]] == m.cls:
                return gs[0]
    if m.source == MentionSource.GAZETTEER and " " not in m.name:
        # "Delgado left the company" after "Marcus Delgado": a surname that is also a town
        people = [groups.by_core[key][0] for key in groups.keys_with(suffixes=[" " + core])
                  if groups.classes[groups.by_core[key][0]] == "schema:Person"]
        if people:
            m.cls = "schema:Person"  # the person's, so that the group keeps its class
            return people[0]
    if m.source == MentionSource.TRIGGER and m.cls == "akg:Company":
        # "skupina Hayashi" after "skupine Hayashi Industries": the first word(s) of that name
        for key in groups.keys_with(prefixes=[k + " " for k in keys if len(k) > 2]):
            gs = groups.by_core[key]
            if groups.classes[gs[0]] == m.cls:
                return gs[0]
        # "skupine Moretti" after "Officine Moretti S.p.A.": its last word, when the first is no
        # name of its own and no other company ends so
        ending = {groups.by_core[key][0] for key in groups.keys_with(suffixes=[" " + k for k in keys if len(k) > 2])
                  if key.split()[0] not in groups.by_core and groups.classes[groups.by_core[key][0]] == m.cls}
        if len(ending) == 1:
            return ending.pop()
    if m.source == MentionSource.CAPITALISED and " " not in m.name and (m.name.lower(),) in pack.triggers \
            and m.cls in (None, "akg:Company"):
        # "Livarna zaposluje ..." after "Livarna Jevnica d.o.o.": a class noun alone that opens the
        # one company's name the document has
        opened = {g for g in groups.opened_by(m.name.lower()) if groups.classes[g] == "akg:Company"
                  and len(groups.names[g].split()) > 1}
        if len(opened) == 1:
            return opened.pop()
    if m.source == MentionSource.CAPITALISED and " " not in m.name and m.cls is None and len(core) > 2:
        # "Oro od oktobra pražimo ..." after "kave Tropik Oro": the last word of the one product
        # so named, when no organisation's name has it
        goods = {groups.by_core[key][0] for key in groups.keys_with(suffixes=[" " + core])
                 if groups.classes[groups.by_core[key][0]] in ("schema:Product", "schema:Brand")}
        if len(goods) == 1 and not any(core in name.lower().split() for g, name in enumerate(groups.names)
                                       if groups.classes[g] not in ("schema:Product", "schema:Brand")):
            return goods.pop()
    if m.source not in (MentionSource.CAPITALISED, MentionSource.PERSON, MentionSource.ACRONYM, MentionSource.SPEAKER,
                        MentionSource.NAME_HEAD):  # ("Kombo Agro" after "Kombo Agro Industries Ltd")
        return None  # otherwise a name typed by its own noun ("skupine Bosch") is no short form
    found = []
    long_keys = [k for k in keys if len(k) > 2]
    for key in groups.keys_with(prefixes=[k + " " for k in long_keys], suffixes=[" " + k for k in long_keys]):
        gs = groups.by_core[key]
        g = gs[0]
        if not _compatible(groups.classes[g], m.cls, onto) or \
                (m.cls or groups.classes[g]) not in ("schema:Person", "akg:Company", None):
            continue
        # a person is named by the surname (the last word), an organisation by its first or last
        # word(s) ("Lumora" for "Lumora Lighting", "Valsesia" for "Acciaierie Valsesia"); not by
        # the last when the first is a name of its own ("Pomurje" in "Kovotech Pomurje" after "Kovotech")
        person = (m.cls or groups.classes[g]) == "schema:Person"
        if any(key.endswith(" " + k) or (key.startswith(k + " ") and looks_east_asian(groups.names[g].split(), lang))
               if person else key.startswith(k + " ") or
               (key.endswith(" " + k) and key.split()[0] not in groups.by_core) for k in keys if len(k) > 2):
            if m.source in (MentionSource.CAPITALISED, MentionSource.PERSON, MentionSource.ACRONYM) or groups.classes[g] == m.cls:
                found.append(g)
    if not found and " " not in m.name and (m.cls == "schema:Person" or (m.cls is None and m.source == MentionSource.CAPITALISED)) \
            and is_given_name(m.name, pack, lang):
        # "Podjetje vodi Boris, Aleš pa ..." after "brata Aleš in Boris Bratina": the one person
        # of the document with that given name (and no other name opens with it)
        named = {groups.by_core[key][0] for k in long_keys for key in groups.keys_with(prefixes=[k + " "])}
        if len(named) == 1 and groups.classes[(only := next(iter(named)))] == "schema:Person":
            return only
    if len(found) > 1 and pack.feminine_name_ending and m.name.lower().endswith(tuple(pack.feminine_surname_endings)):
        # "Mlakarjeva" after "Jože Mlakar" and "Petra Mlakar": the woman
        women = [g for g in found if groups.names[g].split()[0].lower().endswith(pack.feminine_name_ending)]
        found = women or found
    return found[0] if found else None


TOWN_ADJECTIVE_REACH = 5  # words from a town adjective to the name it introduces


def _naming_nouns(doc: Document, m: Mention, pack: LanguagePack) -> set[str]:
    """The class nouns a name is introduced with: "skupine Hayashi Industries" -> {"skupina"}; and
    the town of a town adjective: "semiškem podjetju Belkab" -> {"podjetje", "town:Semič"}."""
    first = doc.sentences[m.sent].tok_start
    toks = doc.tokens[max(first, m.tok_start - 3):m.tok_start + 1]
    nouns = {t.lemma for t in toks if (t.lemma,) in pack.triggers or t.lemma in pack.subsidiary_nouns
             or t.lemma in pack.demonyms or (t.lemma in pack.counterpart_referents and t.text.islower())}
    # a town adjective may open a longer noun phrase ("Trebanjski proizvajalec aluminijastih oken X")
    phrase = doc.tokens[max(first, m.tok_start - TOWN_ADJECTIVE_REACH):m.tok_start]
    while phrase and any(not (t.is_word and (t.text.islower() or t.text.lower() in pack.town_adjectives)) for t in phrase):
        phrase = phrase[1:]
    towns = {f"town:{pack.town_adjectives[t.text.lower()]}" for t in phrase if t.text.lower() in pack.town_adjectives}
    return nouns | towns | _bought(doc, m, pack) | _possessive_country_demonyms(doc, m, pack) | _town_before_name(doc, m, pack)


def _town_before_name(doc: Document, m: Mention, pack: LanguagePack) -> set[str]:
    """"Neenah's Fox Cities Gear", "Menomonee Falls-based Granite Ridge": the town the name is
    introduced with ({"town:Neenah"}), so that "The Neenah company" finds it; not one a
    preposition governs ("a subsidiary of Dili's Belo Holdings")."""
    mark = doc.tokens[m.tok_start - 1].text if m.tok_start else ""
    if not (mark in POSSESSIVE_MARKS or pack.is_seat_suffix(mark)) or _after_preposition(doc, m, pack):
        return set()
    for name in _words_before_mark(doc, m):
        place = pack.places.get(name)
        if place is not None and place.cls == "schema:City":
            return {f"town:{place.label}"}
    return set()


def _words_before_mark(doc: Document, m: Mention) -> list[str]:
    """The last one, two and three words of its sentence before the token right before ``m`` (a
    possessive mark or a seat suffix): "Lithuania", "South Africa", "United Arab Emirates"."""
    i, first = m.tok_start - 1, doc.sentences[m.sent].tok_start
    return [" ".join(t.text for t in doc.tokens[i - n:i]) for n in (1, 2, 3) if i - n >= first]


def _seat_town_named(doc: Document, m: Mention, groups: _Groups, sal: _Salience, pack: LanguagePack,
                     onto: Ontology) -> int | None:
    """"The Neenah company" after "Neenah's Fox Cities Gear": the company introduced with the town
    before its class noun, if one was."""
    at = int(m.attrs.get("seat_town", -1))
    place = pack.places.get(doc.tokens[at].text) if at >= 0 else None
    if place is None:
        return None
    town = f"town:{place.label}"
    name, typed = _of_class(groups, "akg:Company", onto)
    return sal.best(("of", town, *name), lambda g: typed(g) and town in groups.nouns.get(g, ()), "count")


def _possessive_country_demonyms(doc: Document, m: Mention, pack: LanguagePack) -> set[str]:
    """"Lithuania's Dotnuva Composites" is introduced as the Lithuanian one: the demonyms of a
    country in the possessive right before the name."""
    if m.tok_start < 2 or doc.tokens[m.tok_start - 1].text not in POSSESSIVE_MARKS:
        return set()
    for name in _words_before_mark(doc, m):  # "Lithuania's", "South Africa's", "United Arab Emirates'"
        demonyms = {d for d, country in pack.demonyms.items() if country == name}
        if demonyms:
            return demonyms
    return set()


def _bought(doc: Document, m: Mention, pack: LanguagePack) -> set[str]:
    """{the verb's lemma} for a name that is what a verb of buying took: "je kupil družbo
    Termokava" (the class noun in an oblique case, or none); a group bought is no "skupina"."""
    k = m.tok_start - 1
    toks = doc.tokens
    if k > doc.sentences[m.sent].tok_start and (toks[k].lemma,) in pack.triggers and toks[k].text.islower():
        k -= 1  # "družbo", "podjetje" (the accusative of a neuter noun is its nominative)
    return {toks[k].lemma} if k >= doc.sentences[m.sent].tok_start and toks[k].lemma in pack.buying_verbs else set()


class _Topics(dict):
    """Sentence -> the groups of its organisation mentions, in order (filled with ``setdefault``),
    that also finds the latest such sentence before a given one without a scan over all of them.

    >>> topic = _Topics()
    >>> topic.setdefault(7, []).append(1); topic.setdefault(3, []).append(2)
    >>> topic.before(7), topic.before(8), topic.before(3)
    (3, 7, None)
    """

    def __init__(self) -> None:
        super().__init__()
        self._sorted: list[int] = []
        self.headline: int | None = None  # the one organisation the document's title names
        self.free: dict[int, set[int]] = {}  # sentence -> its groups named once at least not after a preposition
        self.partners: set[int] = set()  # groups named as a partner ("od družbe X kupil", "kupec X") ...
        self.principals: set[int] = set()  # ... and those named otherwise too
        self.oblique: dict[int, set[int]] = {}  # sentence -> groups a referring noun in an oblique case names there

    def setdefault(self, key, default=None):
        if key not in self:
            bisect.insort(self._sorted, key)
        return super().setdefault(key, default)

    def before(self, sent: int) -> int | None:
        """The latest sentence before ``sent`` that has organisation mentions, or None."""
        i = bisect.bisect_left(self._sorted, sent)
        return self._sorted[i - 1] if i else None


class _Salience:
    """How often each group was mentioned so far and where last (``counts``, ``last``; updated by
    ``see``), and ``best``: among the groups mentioned so far that satisfy a condition which does
    not change while coreference is resolved (a class, a naming noun), the most mentioned (the
    latest on ties), the latest mentioned or the last introduced. Each condition keeps a heap that
    catches up with the mentions seen since its last use, so a referring word costs no scan over
    all groups.

    >>> sal = _Salience()
    >>> for i, g in enumerate([0, 1, 1, 2, 0]):
    ...     sal.see(g, i)
    >>> [sal.best("all", lambda g: True, by) for by in ("count", "last", "id")]
    [0, 0, 2]
    >>> sal.best("odd", lambda g: g % 2 == 1, "count"), sal.best("none", lambda g: False, "id")
    (1, None)
    """

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.last: dict[int, int] = {}
        self._seen: list[int] = []  # the group of each mention seen, in order
        self._heaps: dict[tuple[Hashable, str], tuple[list, dict[int, bool], list[int]]] = {}

    def see(self, g: int, i: int) -> None:
        """Mention ``i`` refers to group ``g``."""
        self.counts[g] += 1
        self.last[g] = i
        self._seen.append(g)

    def _key(self, g: int, by: str) -> tuple:
        """A heap entry for group ``g`` (smallest first; the group is the last item)."""
        if by == "count":
            return (-self.counts[g], -self.last[g], g)
        return (-self.last[g], g) if by == "last" else (-g, g)

    def best(self, name: Hashable, member: Callable[[int], bool], by: str = "count") -> int | None:
        """The best group mentioned so far for which ``member`` (the condition called ``name``)
        holds: ``by`` "count" the most mentioned, then the latest; "last" the latest mentioned;
        "id" the highest group number (the last introduced). None if there is none."""
        entry = self._heaps.get((name, by))
        if entry is None:
            entry = self._heaps[(name, by)] = ([], {}, [0])
        heap, members, done = entry
        for g in dict.fromkeys(self._seen[done[0]:]):  # the groups mentioned since the last call
            ok = members.get(g)
            first = ok is None
            if first:
                ok = members[g] = member(g)
            if ok and (first or by != "id"):
                heapq.heappush(heap, self._key(g, by))
        done[0] = len(self._seen)
        while heap and heap[0] != self._key(heap[0][-1], by):
            heapq.heappop(heap)  # made before the group's latest mention
        return heap[0][-1] if heap else None


def _opens_sentence(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Does the mention open its sentence, but for sentence adverbs ("Today Ferrandi Cicli ...")?"""
    start = doc.sentences[m.sent].tok_start
    return all(t.text.lower() in pack.sentence_openers for t in doc.tokens[start:m.tok_start])


def _in_relative_clause(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Does the mention stand in a relative clause ("..., ki jo prodaja tudi veriga X"): after a
    relative pronoun that follows the last comma before it?"""
    start = doc.sentences[m.sent].tok_start
    for k in range(m.tok_start - 1, start - 1, -1):
        word = doc.tokens[k].text.lower()
        if word == ",":
            return k + 1 < m.tok_start and doc.tokens[k + 1].text.lower() in pack.relative_pronouns
    return False


PREPOSITION_REACH = 4  # words between a preposition and the name it governs ("from the American group X")


def _after_preposition(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Is the mention governed by a preposition, past articles, adjectives, class nouns and a
    possessor ("an offer from the American group Trailhawk", "of Adelaide's Spencer Foods")?"""
    toks = doc.tokens
    start = doc.sentences[m.sent].tok_start
    possessor = False
    for k in range(m.tok_start - 1, max(start, m.tok_start - 1 - PREPOSITION_REACH) - 1, -1):
        word = toks[k].text.lower()
        if word in pack.prepositions:
            return True
        if toks[k].text in POSSESSIVE_MARKS or (possessor and toks[k].is_capitalised):
            possessor = True  # "chief financial officer of Adelaide's Spencer Gulf Seafoods"
            continue
        possessor = False
        if toks[k].is_capitalised and toks[k].text in pack.places and k + 1 < m.tok_start and toks[k + 1].text.islower():
            continue  # "from Brașov cable maker Electroplast": a town before the descriptor
        if not (toks[k].is_word and (word == toks[k].text or toks[k].lemma in pack.demonyms)) \
                or (word in pack.function_words and word not in pack.articles):
            return False  # "Od takrat je Lesonit ...": a verb or conjunction ends the phrase
    return False


def _topic(topic: _Topics, sent: int, groups: _Groups | None = None, noun: str = "", free: bool = False) -> int | None:
    """"Podjetje ...", "Družba ...": the organisation a recent sentence was about: its first one,
    or the only one of them named with the same noun ("... koncern X je ustanovil hčerinsko
    podjetje Y. Podjetje bo ..." -> Y). With ``free``, a sentence that names organisations only
    after prepositions ("... turned down an offer from the group X.") is passed over."""
    earlier = topic.before(sent)
    if free:
        while earlier is not None and not topic.free.get(earlier):
            earlier = topic.before(earlier)
    if earlier is None:
        return None
    orgs = [g for g in topic[earlier] if g in topic.free[earlier]] if free else topic[earlier]
    free_orgs = [g for g in orgs if g in topic.free.get(earlier, ())]
    if groups is not None and noun and earlier == sent - 1:
        # (only from the sentence right before: after a sentence about the subject, "Družbo vodi
        # ..." is the subject again, not the company it bought two sentences before)
        same = {g for g in orgs if noun in groups.nouns.get(g, ())}
        if len(same) == 1 and (same <= set(free_orgs) or not free_orgs):
            return same.pop()
    # of several, the one the headline names ("Dolavto z novim direktorjem" after "Skupina X ima
    # v lasti družbo Dolavto ..."), else the first not governed by a preposition ("Na razpisu
    # podjetja X je ponudbo oddala družba Y. Ormoško podjetje ...": Y)
    if topic.headline in orgs:
        return topic.headline
    return free_orgs[0] if free_orgs else orgs[0]


def _other_of_previous(doc: Document, topic: _Topics, sent: int, first: int, pack: LanguagePack) -> int:
    """"X je kupil podjetje Y. Za družbo je odštel ...": a referring noun governed by a preposition
    is not the subject of the sentence before but the one other organisation it named; ``first``
    when that sentence had no visible subject or several others."""
    earlier = topic.before(sent)
    if earlier is None:
        return first
    sentence = doc.sentences[earlier]
    subjects = [m.group for _, m in doc.mentions_starting(sentence.tok_start, sentence.tok_end) if m.group in topic[earlier]
                and m.text.lower() not in pack.object_pronouns and _may_be_subject(doc, m, pack)]
    if not subjects:
        return first
    others = list(dict.fromkeys(g for g in topic[earlier] if g != subjects[0]))
    return others[0] if len(others) == 1 else first


def _salient(groups: _Groups, sal: _Salience, cls: str, onto: Ontology, newest: bool = False,
             noun: str = "", subsidiary: set[str] | frozenset[str] = frozenset()) -> int | None:
    """The group a referring word points to: the most mentioned so far (the latest on ties), or,
    for "nova družba", the group introduced last. A specific noun ("skupina") prefers a group
    named with it."""
    name, member = _of_class(groups, cls, onto)
    if sal.best(name, member, "id") is None and cls == "akg:Company":
        # no typed company yet: an untyped name (a relation may type it later) is the best guess
        name, member = ("untyped",), lambda g: groups.classes[g] is None and g not in groups.given_names
    if sal.best(name, member, "id") is None:
        return None
    if noun:
        narrower = (
            (("noun", noun), lambda g, base=member: base(g) and noun in groups.nouns.get(g, ())),
            # ("vodenje zadruge" after "Kmetijska zadruga Konjice z.o.o.": the one whose name holds the noun)
            (("in-name", noun), lambda g, base=member: base(g) and noun in groups.names[g].lower().split()),
            (("not-subsidiary", frozenset(subsidiary)),
             lambda g, base=member: base(g) and not groups.nouns.get(g, set()) & subsidiary))
        for extra, test in narrower:
            if sal.best(name + extra, test, "id") is not None:
                name, member = name + extra, test
                break
    if newest:
        # the organisation introduced as new ("novo podjetje X"), else the one introduced last
        # (groups are numbered in order of first mention)
        base = member

        def new_member(g: int) -> bool:
            return base(g) and g in groups.introduced_new

        fresh = sal.best(name + ("new",), new_member, "id")
        return fresh if fresh is not None else sal.best(name, member, "id")
    return sal.best(name, member, "count")


def _of_class(groups: _Groups, cls: str, onto: Ontology) -> tuple[tuple, Callable[[int], bool]]:
    """The condition "the group has class ``cls`` or a subclass", and its name for ``_Salience``."""
    return ("class", cls), lambda g: bool((c := groups.classes[g]) and onto.is_a(c, cls))


def _headline(doc: Document, groups: _Groups, pack: LanguagePack, onto: Ontology) -> int | None:
    """The one organisation the document's title names, its words in any case ("Dolavto z
    novim direktorjem" -> Dolavto): the metadata's title, else a title line opening the text;
    None for neither (the file name stands in for a title)."""
    title = doc.meta.get("title", "")
    if not title or title == doc.path.stem:
        if not (groups.titled and doc.sentences):
            return None
        first = doc.sentences[0]
        title = doc.text[doc.tokens[first.tok_start].start:doc.tokens[first.tok_end - 1].end]
    words = re.findall(r"\w[\w'’-]*", title)
    named: list[int] = []
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        for n in (3, 2, 1):  # the longest name first ("Moravia Metal")
            rest = " ".join(words[i + 1:i + n]).lower()
            # an untyped name ("Hofmann Bräu") may be an organisation too: it counts as a second one
            orgs = [g for cand in name_candidates(w, doc.lang, pack.inflection)
                    for g in groups.by_core.get(f"{cand.lower()} {rest}".strip(), ())
                    if (c := groups.classes[g]) is None or onto.is_a(c, "schema:Organization")]
            if orgs:
                named.append(orgs[0])
                break
    # a title naming two ("X kupil Y") does not say which the text is about
    return named[0] if len(set(named)) == 1 and groups.classes[named[0]] else None


def _may_be_subject(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """False for a mention that is visibly not the main clause's subject: after a preposition
    ("v družbo"), in a subordinate clause, or named with an inflected class noun ("koncerna X",
    "družbe")."""
    first = doc.sentences[m.sent].tok_start
    if m.tok_start > first and doc.tokens[m.tok_start - 1].text.lower() in pack.prepositions:
        return False
    if any(t.text.lower() in pack.clause_openers and t.is_word for t in doc.tokens[first:m.tok_start]):
        return False  # in a subordinate clause ("..., kamor družba izvozi ...")
    for t in doc.tokens[max(first, m.tok_start - 2):m.tok_end]:
        if (t.lemma,) in pack.triggers and pack.triggers[(t.lemma,)] == "akg:Company":
            return t.text.lower() == t.lemma or t.text.lower() in pack.nominative_class_adjectives
    return not _after_inflected_noun(doc, m, pack)


def _as_counterpart(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Is the name introduced as a business partner ("švedski kupec Kylvärme AB", "dobavitelj X",
    "našega dobavitelja gume, družbe X", "največji kupec je gradbinec X")?"""
    first = doc.sentences[m.sent].tok_start
    last = m.tok_start - 1
    while last > first and doc.tokens[last].lemma in pack.demonyms:
        last -= 1  # "švedski kupec X"
    for j in range(last, max(first, last - pack.counterpart_reach) - 1, -1):
        t = doc.tokens[j]
        if t.text in pack.list_final_joiners and (item := _list_item_before(doc, m, j)) is not None:
            return _as_counterpart(doc, item, pack)  # "Med kupci sta veriga X iz Malmöja in danski Y": Y too
        if not (t.text == "," or (t.is_word and t.text.islower())):
            return False  # a name or a stop ends the phrase
        if t.lemma in pack.counterpart_nouns:
            return True
        if t.text.lower() in pack.seller_prepositions and _buys(doc, m.sent, pack):
            return True  # "X je od nemške družbe Y kupil tovarno": Y sold it
    return False


def _buys(doc: Document, sent: int, pack: LanguagePack) -> bool:
    """Does a buying verb ("kupiti", "buy") stand in sentence ``sent``?"""
    s = doc.sentences[sent]
    return any(t.lemma in pack.buying_verbs for t in doc.tokens[s.tok_start:s.tok_end])


def _list_item_before(doc: Document, m: Mention, conjunction: int) -> Mention | None:
    """The organisation named last before token ``conjunction`` in ``m``'s sentence: the list item
    the conjunction joins ``m`` to (None if there is none)."""
    before = [o for _, o in doc.mentions_starting(doc.sentences[m.sent].tok_start, conjunction) if o.tok_end <= conjunction
              and o.cls is not None and o.cls.endswith(("Company", "Organization"))]
    return before[-1] if before else None


def _after_inflected_noun(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Does an inflected noun naming a kind of business stand right before the name ("delež
    avstrijske pakirnice Kräuterhof GmbH")? The name is then its apposition in that case, no
    subject ("Proizvajalec izolacijskih plošč NordIsol AB" is one: the noun is no business)."""
    if m.tok_start == doc.sentences[m.sent].tok_start:
        return False
    t = doc.tokens[m.tok_start - 1]
    return t.text.isalpha() and t.text.islower() and t.text != t.lemma \
        and t.lemma.endswith(tuple(pack.business_noun_endings))


def _oblique_referring_noun(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Is the mention a referring noun in an oblique case ("sin lastnika skupine": "skupine"), so
    no subject, where the language marks case on nouns?"""
    t = doc.tokens[m.tok_start]
    return pack.pro_drop and m.source == MentionSource.COREF and m.tok_end == m.tok_start + 1 \
        and t.is_word and t.text.lower() != t.lemma


BODY_OWNER_REACH = 5  # words from a sentence's start to the organisation its opening body belongs to


def _opens_with_party_noun(doc: Document, start: int, pack: LanguagePack) -> bool:
    """Does the sentence at token ``start`` open with a nominative noun for another party, alone or
    after an adjective ("Kupec ima tovarne ...", "Novi lastnik ...", "Nemški kupec ...")?"""
    first = doc.tokens[start]
    if first.lemma in pack.party_subject_nouns and first.text.lower() == first.lemma:
        return True
    t = doc.tokens[start + 1] if start + 1 < len(doc.tokens) else None
    return t is not None and t.lemma in pack.party_subject_nouns and t.text.lower() == t.lemma \
        and doc.tokens[start].text[-1:] in "iaoe" and doc.tokens[start].is_word


def _zero_subjects(doc: Document, groups: _Groups, sal: _Salience, onto: Ontology, pack: LanguagePack,
                   topic: _Topics) -> None:
    """Slovenian drops pronoun subjects ("Ima tri tovarne.", "Direktor je Ivan Novak.", "Od leta 2019
    je v lasti koncerna X."): a sentence whose organisations cannot be its subject gets an empty
    mention at its start of the organisation the title names, else of the one the sentences before
    were about (else the most salient company); "we" ("izdelujemo") is the company that writes."""
    if not pack.pro_drop:
        return
    by_sent: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sent.setdefault(m.sent, []).append(m)
    zero: list[Mention] = []
    first_sentence: dict[int, int] = {}
    for m in doc.mentions:
        first_sentence.setdefault(m.group, m.sent)
    for sent in doc.sentences:
        ms = by_sent.get(sent.i, [])
        if any(m.group >= 0 and (c := groups.classes[m.group]) and onto.is_a(c, "schema:Organization")
               and _may_be_subject(doc, m, pack) for m in ms):
            continue
        first = doc.tokens[sent.tok_start]
        if not first.is_word or sent.tok_end - sent.tok_start < 4:
            continue
        if any(m.tok_start == sent.tok_start and m.group >= 0 and groups.classes[m.group] is None for m in ms):
            continue  # "Salvia proizvaja ...": an untyped name opening the sentence is its subject
        if any(m.source == MentionSource.PERSON and m.tok_start == sent.tok_start + 1 and first.is_capitalised
               and first.lemma in pack.occupation_nouns for m in ms):
            continue  # "Kovač Jernej Koser je ustanovil ...": the person is the subject
        if first.lemma in pack.demonyms and doc.tokens[sent.tok_start + 1].text.islower():
            continue  # "Kitajski partner ima tovarne ...": a noun phrase is the subject, none is dropped
        if _opens_with_party_noun(doc, sent.tok_start, pack):
            continue  # "Novi lastnik, ki ima tovarni v X, ne načrtuje ...": the owner is the subject
        if doc.tokens[sent.tok_end - 1].text == "?" and any(
                t.text.lower() in pack.subject_question_words for t in doc.tokens[sent.tok_start:sent.tok_start + 3]):
            continue  # "3.1 Kdo je ustanovil družbo X?": the question asks for the subject
        if any(t.lemma in pack.subject_bodies or (t.lemma,) in pack.roles for t in doc.tokens[sent.tok_start:sent.tok_start + 2]) \
                and any(m.tok_start < sent.tok_start + BODY_OWNER_REACH and m.group >= 0
                        and (c := groups.classes[m.group]) and onto.is_a(c, "schema:Organization") for m in ms):
            continue  # "Nadzorni svet Pivovarne X je imenoval ...", "Direktor družbe X je povedal": of X
        # the company the title names, else the one the sentences before were about ("Direktor ostaja
        # X" after a sentence about the buyer, in a text titled by the company bought)
        g = topic.headline if topic.headline is not None else _topic(topic, sent.i)
        if pack.first_person_plural_endings and _speaks_as_we(doc, sent, pack):
            # "... kjer letno predelamo 30.000 ton" in a notice: the company that writes, not the
            # owner named last
            writer = _writer(doc, groups, onto, sent.i, pack, topic)
            if writer is None and g is None:  # a letter may name its company only later, in the signature
                writer = _salient(groups, sal, "akg:Company", onto)
            g = writer if writer is not None else g
        if g is None:
            g = _salient(groups, sal, "akg:Company", onto)
            if g is not None and first_sentence.get(g, sent.i) > sent.i:
                # a dropped subject refers back, never to an organisation named later
                g = _named_before(groups, sal, onto, first_sentence, sent.i)
        if g in topic.partners and g not in topic.principals:
            continue  # only named as the seller or a customer: not what the text is about
        if g is not None:
            zero.append(Mention(sent.tok_start, sent.tok_start, first.start, first.start, "", sent.i,
                                "akg:Company", "", MentionSource.ZERO, group=g))
            # the dropped subject is what its sentence is about, ahead of an owner named in a
            # relative clause ("Destilarna, ki je v lasti X, ... Lani je ustvarila ...": not X)
            topic.setdefault(sent.i, []).insert(0, g)
    doc.mentions = sorted(doc.mentions + zero, key=lambda m: (m.tok_start, m.tok_end))


BOUGHT_REACH = 4  # words from an object pronoun to the buying verb after it ("nas je leta 2016 kupila")


def _writer_as_object_bought(doc: Document, groups: _Groups, onto: Ontology, pack: LanguagePack,
                             topic: _Topics) -> None:
    """"... ko nas je leta 2016 kupila skupina X": "us" bought is the company that writes (in a
    letter, a diary, a speaker's answer), so a mention of it stands at the pronoun. Only before a
    buying verb: "nas je bilo 90", "pri nas" name people or a place."""
    added: list[Mention] = []
    for t in doc.tokens:
        if t.text.lower() not in pack.writer_object_pronouns:
            continue
        after = doc.tokens[t.i + 1:min(t.i + 1 + BOUGHT_REACH, doc.sentences[t.sent].tok_end)]
        if not any(a.lemma in pack.buying_verbs for a in after):
            continue
        writer = _writer(doc, groups, onto, t.sent, pack, topic)
        if writer is not None:
            added.append(Mention(t.i, t.i + 1, t.start, t.end, t.text, t.sent, "akg:Company", "",
                                 MentionSource.COREF, group=writer))
    if added:
        doc.mentions = sorted(doc.mentions + added, key=lambda m: (m.tok_start, m.tok_end))


QUOTE_MARKS = frozenset('"“”„«»‘')  # (not "’", which is an apostrophe too)


def _quoted(doc: Document, m: Mention) -> bool:
    """Does the mention's sentence hold a quotation mark (so "we" may be a speaker's company)?"""
    sent = doc.sentences[m.sent]
    return any(ch in QUOTE_MARKS for ch in doc.text[sent.start:sent.end])


def _speaks_as_we(doc: Document, sent: Sentence, pack: LanguagePack) -> bool:
    """Does a verb in the first person plural carry the sentence ("smo", "izdelujemo")?"""
    return any(t.text.islower() and t.text.endswith(pack.first_person_plural_endings) and pack.is_verb_lemma(t.lemma)
               for t in doc.tokens[sent.tok_start:sent.tok_end])


def _writer(doc: Document, groups: _Groups, onto: Ontology, sent: int, pack: LanguagePack, topic: _Topics) -> int | None:
    """The company that writes the text ("we", "izdelujemo"): the one its title names, else the
    first one it names by sentence ``sent`` that is no partner."""
    return topic.headline if topic.headline is not None else _first_company(doc, groups, onto, sent, pack)


def _first_company(doc: Document, groups: _Groups, onto: Ontology, sent: int, pack: LanguagePack) -> int | None:
    """The company the text names first by sentence ``sent``, not introduced as a partner ("našega
    dobavitelja gume, družbe X")."""
    for m in doc.mentions:
        if m.sent > sent:
            break
        if m.group >= 0 and (c := groups.classes[m.group]) and onto.is_a(c, "akg:Company") \
                and m.source not in (MentionSource.COREF, MentionSource.ZERO) and not _as_counterpart(doc, m, pack):
            return m.group
    return None


def _named_before(groups: _Groups, sal: _Salience, onto: Ontology, first_sentence: dict[int, int],
                  sent: int) -> int | None:
    """The most mentioned company named by sentence ``sent``, else such an untyped name."""
    before = [g for g, first in first_sentence.items() if first <= sent and g >= 0]
    for typed in (True, False):
        found = [g for g in before if (onto.is_a(c, "akg:Company") if (c := groups.classes[g]) else not typed)]
        if found:
            return max(found, key=lambda g: (sal.counts[g], sal.last.get(g, -1), -g))
    return None


def _agrees(groups: _Groups, g: int, genders: str, pack: LanguagePack) -> bool:
    """Whether a group's grammatical gender (of the class noun it was named with, else of its
    name; or of a noun that referred back to it: "podjetje X ... Družbo ... jo") is one of
    ``genders`` ("mn"); unknown genders agree."""
    if not genders:
        return True
    if any(pack.noun_gender(n) in genders for n in groups.referred.get(g, ())):
        return True
    nouns = sorted(n for n in groups.nouns.get(g, ()) if (n,) in pack.triggers)
    gender = pack.noun_gender(nouns[0]) if nouns else pack.noun_gender(groups.names[g].split()[0].lower())
    return not gender or gender in genders


def _defined_terms(doc: Document) -> dict[str, tuple[int, int]]:
    """The capitalised referring words a filing defines, each with the token where it is defined
    and the group it stands for: in "Wattleridge Foods Limited ('Wattleridge' or 'the Company')"
    every later "the Company" is Wattleridge, not the company named last. Read once per document."""
    named_before: dict[int, int] = {}  # token a name ends at -> its group
    places_before: dict[int, int] = {}  # token a place's name ends at -> where it starts
    for n in doc.mentions:
        if n.source != MentionSource.COREF and n.group >= 0:
            named_before.setdefault(n.tok_end, n.group)
            if n.cls in PLACE_CLASSES:
                places_before.setdefault(n.tok_end, n.tok_start)
    out: dict[str, tuple[int, int]] = {}
    toks = doc.tokens
    for d in doc.mentions:
        word = toks[d.tok_start].text
        quoted = d.tok_start > 0 and d.tok_end == d.tok_start + 1 < len(toks) \
            and toks[d.tok_start - 1].text in QUOTES and toks[d.tok_end].text in QUOTES  # '(the "Group")'
        if not (d.source == MentionSource.COREF or quoted) or not word[:1].isupper() or word in out:
            continue
        opening = next((j for j in range(d.tok_start - 1, max(-1, d.tok_start - 16), -1)
                        if doc.tokens[j].text in "()"), -1)
        # ('Garonne SAS, Toulouse, France ("Buyer")': the name before its address)
        while opening in places_before and places_before[opening] > 0 and toks[places_before[opening] - 1].text == ",":
            opening = places_before[opening] - 1
        if opening >= 0 and doc.tokens[opening].text in ("(", ",") and opening in named_before:
            out[word] = (d.tok_start, named_before[opening])
    return out


NAMING_REACH = 4  # words between the relative pronoun and the name: "ki se danes imenuje"


def _named_in_relative_clause(doc: Document, m: Mention, pack: LanguagePack) -> int | None:
    """The group of the name a relative clause right after a referring noun gives it ("je
    ustanovil podjetje, ki se danes imenuje Kuhar Okovje d.o.o.": that company), else None."""
    toks, end = doc.tokens, doc.sentences[m.sent].tok_end
    k = m.tok_end
    if not pack.naming_words or k + 1 >= end or toks[k].text != "," or toks[k + 1].text.lower() not in pack.relative_pronouns:
        return None
    for j in range(k + 2, min(end - 1, k + 2 + NAMING_REACH)):
        if toks[j].lemma in pack.naming_words or toks[j].text.lower() in pack.naming_words:
            after = next((o for _, o in doc.mentions_starting(j + 1, j + 2) if o.group >= 0
                          and o.source != MentionSource.COREF), None)
            return after.group if after is not None else None
        if not toks[j].text.islower():
            return None
    return None


def _referent(doc: Document, m: Mention, groups: _Groups, sal: _Salience, topic: _Topics,
              pack: LanguagePack, onto: Ontology, defined: dict[str, tuple[int, int]] | None = None) -> int | None:
    """The group a referring word ("Podjetje", "skupina", "Hčerinska družba", "Ta") points to
    (``defined``: the document's defined terms, ``_defined_terms``)."""
    term = (defined or {}).get(doc.tokens[m.tok_start].text)
    if term is not None and term[0] <= m.tok_start:
        return term[1]
    called = _named_in_relative_clause(doc, m, pack)
    if called is not None:
        return called
    cls = m.cls or "akg:Company"
    noun = doc.tokens[m.tok_start].lemma
    prev = doc.tokens[m.tok_start - 1] if m.tok_start > doc.sentences[m.sent].tok_start else None
    if prev is not None and {prev.lemma, prev.text.lower()} & pack.subsidiary_nouns and cls == "akg:Company":
        # "Hčerinska družba ...": the organisation last introduced as a subsidiary
        subs = _newest_subsidiary(groups, sal, pack)
        if subs is not None:
            return subs
    if prev is not None and prev.lemma in pack.bought_adjectives and cls == "akg:Company":
        # "Kupljena družba", "Prevzeta družba": the company bought last, not the buyer
        bought = sal.best(("bought",), lambda g: bool(groups.nouns.get(g, set()) & pack.buying_verbs), "id")
        if bought is not None:
            return bought
    if prev is not None and prev.lemma in pack.parent_adjectives and cls == "akg:Company":
        # "Matična družba ...", "članica uprave matičnega koncerna": the most salient organisation
        # that is neither introduced as a subsidiary nor what the sentence is about
        # (its first organisation not named by a referring noun in an oblique case: not "lastnika
        # skupine" in "sin lastnika skupine, je ...")
        first = [g for g in topic.get(m.sent, []) if g not in topic.oblique.get(m.sent, ())][:1]
        about = {g for g in (first + [_topic(topic, m.sent)]) if g is not None}
        parent = sal.best(("parent", frozenset(about)), lambda g: groups.classes[g] == "akg:Company" and g not in about
                          and not groups.nouns.get(g, set()) & pack.subsidiary_nouns, "count")
        if parent is not None:
            return parent
    if m.hint == CorefHint.NEW:
        return _salient(groups, sal, cls, onto, newest=True)
    if m.hint is None and cls == "akg:Company" and (seated_at := _seat_town_named(doc, m, groups, sal, pack, onto)) is not None:
        return seated_at
    if m.hint == CorefHint.SPEAKER and topic.get(m.sent):
        return topic[m.sent][0]  # "Brantwood's boss said the group would ...": Brantwood
    if m.hint == CorefHint.LATTER or noun in pack.latter_words or m.text.lower() in pack.latter_words:
        # "Slednja", "Omenjena družba": the organisation mentioned last
        return sal.best(*_of_class(groups, cls, onto), "last")
    if m.hint == CorefHint.OF:
        # "Italijanska skupina": the organisation introduced with that adjective, if any
        adjective = m.hint_adjective
        name, typed = _of_class(groups, cls, onto)  # the company, not the country the adjective names
        # (an untyped name may be it: "Lithuania's Dotnuva Composites ... The Lithuanian company")
        of_place = sal.best(("of", adjective, *name),
                            lambda g: (typed(g) or groups.classes[g] is None) and adjective in groups.nouns.get(g, ()),
                            "count")
        if of_place is None and adjective.startswith("town:"):
            # "Pivško podjetje" after "Kartonaža Pivka d.o.o.": the company named after the town
            town = adjective[len("town:"):]
            of_place = sal.best(("named", adjective, *name),
                                lambda g: typed(g) and town in groups.names[g].split(), "count")
        if of_place is None and cls == "akg:Company" and adjective in pack.demonyms:
            of_place = _one_of_a_countrys_legal_form(groups, pack.demonyms[adjective], pack)
        if of_place is not None or cls == "akg:Plant":
            return of_place  # "komendsko tovarno": the plant in Komenda or none, whichever plant came before
    if m.text.lower() in pack.writer_pronouns and cls == "akg:Company" and not _quoted(doc, m):
        writer = _writer(doc, groups, onto, m.sent, pack, topic)
        if writer is not None:
            return writer
    if m.text.lower() in pack.topic_pronouns and cls == "akg:Company" and (prev is None or not prev.is_word):
        g = _topic(topic, m.sent, free=True)  # "Kolora was founded in 1994 ... Its factory in Přerov ..."
        if g is not None:
            return g
    genders = pack.pronoun_genders.get(m.text.lower(), "")
    if m.text.lower() in pack.object_pronouns | pack.owner_possessives | pack.role_owner_possessives \
            and topic.get(m.sent):
        return _pronoun_of_sentence(doc, m, groups, topic, pack, genders)
    if genders:
        agreeing = _pronoun_by_gender(m, groups, sal, topic, pack, onto, cls, genders)
        if agreeing is not None:
            return agreeing
    if cls == "akg:Company" and noun not in pack.generic_nouns and doc.tokens[m.tok_start].is_capitalised \
            and pack.triggers.get((noun,)) in ("akg:Company", "akg:Plant") and m.tok_end < len(doc.tokens) \
            and doc.tokens[m.tok_end].text.lower() in pack.copulas \
            and (opened := _named_with_noun_first(groups, noun, doc.lang)) is not None and sal.counts[opened]:
        # "Livarno je ustanovil ..." after "družbe Livarna Ložnica d.o.o.": the one so named (not
        # "Livarno stečajnega dolžnika", a plant of someone's)
        return opened
    if noun in pack.specific_coref_nouns or (((noun,) not in pack.triggers or noun in pack.counterpart_referents)
                                             and noun in groups.all_nouns()):
        # "skupina", or a noun the document names a company with ("sirarna"): that company
        # ... and neither to one introduced as a subsidiary nor to one bought
        return _salient(groups, sal, cls, onto, noun=noun, subsidiary=pack.subsidiary_nouns | pack.buying_verbs)
    if cls == "akg:Company" and pack.coref_determiners and (owner := _named_by_modifier(doc, m, groups)) is not None \
            and sal.counts[owner]:
        return owner  # "The Blantyre-based tea company" after "Thyolo Highlands Tea Estates": that one
    if cls == "akg:Company" and (noun,) in pack.triggers and noun not in pack.generic_nouns:
        # (the scan over the groups only for a specific class noun: a long text has many groups;
        # only those named before: "The group employs ..." is no "steel group X" of a later sentence)
        named_so = [g for g, nouns in groups.nouns.items() if noun in nouns and groups.classes[g] == cls and sal.counts[g]]
        if len(named_so) == 1:
            return named_so[0]  # "članica uprave banke X" after "Banka Voglajna d.d.": the one bank
    seated = m.tok_start > 0 and pack.is_seat_suffix(doc.tokens[m.tok_start - 1].text)  # "The Mumbai-headquartered converter"
    if ((noun,) in pack.triggers or seated) and cls == "akg:Company":
        named = [g for g in topic.get(m.sent, []) if g in topic.free.get(m.sent, ()) and groups.classes[g] is not None]
        if pack.coref_determiners and named:
            return named[0]  # "X's managing director told a paper that the company would ...": X, named before it
        g = _topic(topic, m.sent, groups, noun)
        if pack.coref_determiners and g is not None and g not in topic.free.get(topic.before(m.sent) or 0, ()):
            # "The Darwin-headquartered company" after "... was finance director of Adelaide's X":
            # not X, the company of a sentence before that names one not governed so
            free = _topic(topic, m.sent, groups, noun, free=True)
            g = free if free is not None and groups.classes[free] == cls else g
        if g is not None and pack.pro_drop and prev is not None and prev.text.lower() in pack.prepositions:
            g = _other_of_previous(doc, topic, m.sent, g, pack)
        if g is not None and noun in pack.generic_nouns and topic.headline is not None and topic.headline != g:
            # "Novi prokurist družbe je X" after a sentence about "Skupina", "Tomc, ki podjetje vodi"
            # after one about a buyer: the company the title names, not the one named last
            g = topic.headline
        if g is not None and noun in pack.maker_nouns and _makes_nothing(groups.names[g], doc.lang, pack):
            # "Banka X je družbi Y odobrila posojilo. Proizvajalec kozarcev ...": Y, no bank
            earlier = topic.before(m.sent)
            g = next((o for o in topic.get(earlier, []) if o != g and groups.classes[o] == "akg:Company"
                      and not _makes_nothing(groups.names[o], doc.lang, pack)), None) if earlier is not None else None
        return g if g is not None else _salient(groups, sal, cls, onto)
    return _salient(groups, sal, cls, onto)


def _pronoun_of_sentence(doc: Document, m: Mention, groups: _Groups, topic: _Topics, pack: LanguagePack,
                         genders: str) -> int:
    """"Elektrokabel bo ostal samostojen, vodil pa ga bo ...": the organisation named before in
    the same sentence; of several, one not named after a preposition or a noun ("Je v lasti
    skupine X, vodi pa jo Y": not X, the dropped subject of the sentence before)."""
    named_freely = any(g in topic.free.get(m.sent, ()) for g in topic[m.sent])
    previous = _topic(topic, m.sent, free=True)
    # (not in a relative clause: "v lasti družbe X, ki jo je ustanovil ... in jo vodi" is X)
    relative = any(t.text.lower() in pack.relative_pronouns
                   for t in doc.tokens[doc.sentences[m.sent].tok_start:m.tok_start])
    if pack.pro_drop and not named_freely and not relative and previous is not None and previous not in topic[m.sent] \
            and _agrees(groups, previous, genders, pack):
        return previous
    return next((g for g in topic[m.sent] if _agrees(groups, g, genders, pack)), topic[m.sent][0])


def _pronoun_by_gender(m: Mention, groups: _Groups, sal: _Salience, topic: _Topics, pack: LanguagePack,
                       onto: Ontology, cls: str, genders: str) -> int | None:
    """"Vodi jo ...": a subsidiary the sentence before introduced ("... je ustanovila hčerinsko
    družbo Y. Vodil jo bo ..."), else the organisation the sentence right before was about (a
    digest's next item), else the most salient one, each of the pronoun's gender."""
    name, typed = _of_class(groups, cls, onto)
    sub = _newest_subsidiary(groups, sal, pack)
    if sub is not None and sal.counts[sub] == 1 and sub in topic.get(m.sent - 1, ()) \
            and typed(sub) and _agrees(groups, sub, genders, pack):
        return sub
    if topic.before(m.sent) == m.sent - 1 and (previous := _topic(topic, m.sent, free=True)) is not None \
            and typed(previous) and _agrees(groups, previous, genders, pack):
        return previous
    return sal.best(name + ("gender", genders), lambda g: typed(g) and _agrees(groups, g, genders, pack))


def _newest_subsidiary(groups: _Groups, sal: _Salience, pack: LanguagePack) -> int | None:
    """The organisation last introduced as a subsidiary ("hčerinsko družbo Y"), if any."""
    return sal.best(("subsidiary",), lambda g: bool(groups.nouns.get(g, set()) & pack.subsidiary_nouns), "id")


def _one_of_a_countrys_legal_form(groups: _Groups, country: str, pack: LanguagePack) -> int | None:
    """The one company whose legal form is used in ``country`` ("Madžarska družba" after "Zalai
    Pékség Kft." and "Pekotek d.o.o."), or None when none or several are."""
    forms = tuple(" " + form for form, countries in pack.legal_form_countries.items() if country in countries)
    found = {g for g, name in enumerate(groups.names) if groups.classes[g] == "akg:Company" and name.endswith(forms)}
    return found.pop() if len(found) == 1 else None


MODIFIER_REACH = 2  # words before a referring noun that may name what the company does ("tea", "knitwear")


def _named_by_modifier(doc: Document, m: Mention, groups: _Groups) -> int | None:
    """The one company whose name holds the lower-case noun right before the referring noun
    ("the tea company" -> "Thyolo Highlands Tea Estates", "the knitwear maker" -> "Pieter Both
    Knitwear"), if exactly one does."""
    first = doc.sentences[m.sent].tok_start
    words = {t.text for t in doc.tokens[max(first, m.tok_start - MODIFIER_REACH):m.tok_start]
             if t.is_word and t.text.isalpha() and t.text.islower() and len(t.text) >= 3}
    if not words:
        return None
    named = {g for w in words for g in groups.named_with(w) if groups.classes[g] == "akg:Company"}
    return named.pop() if len(named) == 1 else None


def _makes_nothing(name: str, lang: str, pack: LanguagePack) -> bool:
    """Does the name open with a noun of a business that makes nothing ("Banka Voglajna d.d.")?"""
    words = name.split()
    return bool(words) and lemma(words[0].lower(), lang) in pack.non_maker_nouns


QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")  # quotation marks around a defined short name


def _bracketed_short_name(doc: Document, i: int, by_end: dict[int, list[int]]) -> int | None:
    """The mention a bracketed acronym right after it names ("Energel d.d. (EGL)"), or None
    (``by_end``: the indices of the mentions that end at each token, in order)."""
    m = doc.mentions[i]
    toks = doc.tokens
    if m.tok_start >= 3 and m.tok_end < len(toks) \
            and toks[m.tok_start - 1].text in QUOTES and toks[m.tok_end].text in QUOTES:
        # 'Vidrios del Ebro, S.A. ("Vidrebro" or "the Company")', '(Pty) Ltd ("KSG")': a filing's
        # short name in quotes
        opening = m.tok_start - 2
        if toks[opening].text != "(":
            return None
    elif m.source not in (MentionSource.ACRONYM, MentionSource.CAPITALISED) or m.tok_start < 2 \
            or m.tok_end >= len(toks) or toks[m.tok_start - 1].text != "(" or toks[m.tok_end].text != ")":
        return None
    else:
        opening = m.tok_start - 1
        if m.source == MentionSource.CAPITALISED:
            # "Explosivos del Pacífico (Expac)": a short name made of the full name's letters
            return next((k for k in by_end.get(opening, ()) if k != i and doc.mentions[k].cls in (None, "akg:Company")
                         and _abbreviates(m.name, doc.mentions[k].name)), None)
    return next((k for k in by_end.get(opening, ()) if k != i
                 and doc.mentions[k].cls == "akg:Company"), None)


def _abbreviates(short: str, full: str) -> bool:
    """Is ``short`` one word made of ``full``'s letters, in order, from its first ("Expac" of
    "Explosivos del Pacífico", "Vidrebro" of "Vidrios del Ebro")?

    >>> _abbreviates("Expac", "Explosivos del Pacífico"), _abbreviates("Kora", "Explosivos del Pacífico")
    (True, False)
    """
    letters = iter(unicodedata.normalize("NFKD", full.lower()))
    low = unicodedata.normalize("NFKD", short.lower())
    return " " not in short and " " in full and short[:1].lower() == full[:1].lower() \
        and all(ch in letters for ch in low if ch.isalpha())


def _main_company(doc: Document, groups: _Groups, onto: Ontology, topic: _Topics) -> int | None:
    """The company the document is about: the one its title names, else the one it names most
    often (the first of those). (Per paragraph instead, the dev texts lost precision: their
    paragraphs mostly go on with one story.)"""
    if topic.headline is not None:
        return topic.headline
    counts: dict[int, int] = {}
    for m in doc.mentions:
        if m.group >= 0 and m.source not in (MentionSource.COREF, MentionSource.ZERO) \
                and (c := groups.classes[m.group]) and onto.is_a(c, "akg:Company"):
            counts[m.group] = counts.get(m.group, 0) + 1
    return max(counts, key=lambda g: counts[g], default=None)


def _unlink_far_referents(doc: Document, groups: _Groups, onto: Ontology, pack: LanguagePack,
                          main: int | None) -> None:
    """Leave unresolved a dropped subject, a bare class noun ("podjetje") or a pronoun ("jo") that
    points to a company other than the one the text is about (``main``) that no other word of its
    sentence names or refers to: which company it means is a guess
    (``LanguagePack.far_referents_main_only``), and a fact needs its arguments resolved. Referents
    with a clue (a nationality, "slednja", a noun of the name) stay linked."""
    guesses = [m for m in doc.mentions if m.group >= 0 and m.group != main and _bare_referent(doc, m, pack)
               and (c := groups.classes[m.group]) and onto.is_a(c, "akg:Company")
               and not _partner_named_so(doc, m, groups, pack)]
    guessed = {id(m) for m in guesses}
    anchored = {(m.sent, m.group) for m in doc.mentions if m.group >= 0 and id(m) not in guessed}
    for m in guesses:
        if (m.sent, m.group) not in anchored:
            m.group = -1


def _bare_referent(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Is ``m`` a dropped subject, or a class noun or pronoun with no clue to its company?"""
    return m.source == MentionSource.ZERO or (m.source == MentionSource.COREF and m.hint is None and (
        doc.tokens[m.tok_start].lemma in pack.generic_nouns or m.text.lower() in pack.pronoun_genders)
        and not _kind_before(doc, m, pack))


def _partner_named_so(doc: Document, m: Mention, groups: _Groups, pack: LanguagePack) -> bool:
    """Is the referring noun a partner's ("Dobavitelj") that its company was introduced with
    ("dobavitelja ulitkov X")?"""
    noun = doc.tokens[m.tok_start].lemma
    return m.source == MentionSource.COREF and noun in pack.counterpart_referents and noun in groups.nouns.get(m.group, ())


def _kind_before(doc: Document, m: Mention, pack: LanguagePack) -> bool:
    """Does a word before the referring noun say which company it is ("Hčerinsko družbo", "Matična
    družba", "Kupljena družba")?"""
    if m.tok_start == doc.sentences[m.sent].tok_start:
        return False
    prev = doc.tokens[m.tok_start - 1]
    return bool({prev.lemma, prev.text.lower()} & (pack.subsidiary_nouns | pack.latter_words)) \
        or prev.lemma in pack.parent_adjectives or prev.lemma in pack.bought_adjectives


PLACE_MENTION_CLASSES = ("schema:City", "akg:Plant")


def _name_party_terms(doc: Document, onto: Ontology) -> None:
    """A contract's parties defined on lines of their own ("Proizvajalec: Gorkeram d.d., Celjska
    cesta 3"): a later capitalised "Proizvajalec" is that organisation, no company of its own.
    Renames those mentions before grouping."""
    toks = doc.tokens
    terms: dict[str, Mention] = {}
    for m in doc.mentions:
        colon = m.tok_start - 1
        if colon < 1 or toks[colon].text != ":" or m.source == MentionSource.COREF \
                or not (m.cls and onto.is_a(m.cls, "schema:Organization")):
            continue
        term = toks[colon - 1]
        if term.text[:1].isupper() and term.text[1:].islower() and opens_paragraph(doc, term.start):
            terms.setdefault(term.text, m)
    for m in doc.mentions:
        party = terms.get(m.text) if m.tok_end == m.tok_start + 1 else None
        if party is not None and m is not party and m.source == MentionSource.CAPITALISED:
            m.name, m.cls = party.name, party.cls


def _lengthen_short_town_names(doc: Document, pack: LanguagePack) -> None:
    """A town named short anywhere in the document ("Žagotok odprl novo žago v Lovrencu") is the
    one the document names in full ("v Lovrencu na Pohorju"), if only one full name so begins.

    >>> from pathlib import Path
    >>> doc = Document("d", Path("d.txt"), "", {})
    >>> doc.mentions = [Mention(0, 1, 0, 8, "Lovrenc", 0, "akg:Plant", "Lovrenc", MentionSource.GAZETTEER),
    ...                 Mention(1, 4, 9, 27, "Lovrencu na Pohorju", 1, "schema:City", "Lovrenc na Pohorju", MentionSource.GAZETTEER)]
    >>> _lengthen_short_town_names(doc, LanguagePack("sl", place_name_particles=["na"]))
    >>> [m.name for m in doc.mentions]
    ['Lovrenc na Pohorju', 'Lovrenc na Pohorju']
    """
    full: dict[str, set[str]] = {}  # "Lovrenc" -> {"Lovrenc na Pohorju"}
    for m in doc.mentions:
        words = m.name.split()
        if m.cls in PLACE_MENTION_CLASSES and len(words) >= 3:
            for i, w in enumerate(words[1:-1], 1):
                if w in pack.place_name_particles:
                    full.setdefault(" ".join(words[:i]), set()).add(m.name)
    if not full:
        return
    for m in doc.mentions:
        longer = full.get(m.name, set()) if m.cls in PLACE_MENTION_CLASSES else set()
        if len(longer) == 1:
            m.name = next(iter(longer))


def link_mentions(doc: Document, pack: LanguagePack, onto: Ontology) -> Document:
    """Set ``mention.group`` for every mention; coreferring mentions join a salient group."""
    _lengthen_short_town_names(doc, pack)
    _name_party_terms(doc, onto)
    groups = _Groups()
    groups.titled = len(doc.sentences) > 1 and doc.tokens[doc.sentences[0].tok_end - 1].text not in ".!?…:\"”«»"
    last_market: int | None = None
    g: int | None  # a group number, None while not found
    by_end: dict[int, list[int]] = {}
    for k, m in enumerate(doc.mentions):
        by_end.setdefault(m.tok_end, []).append(k)
    # names first, in text order, so that later short forms find earlier full names
    ordered = sorted(range(len(doc.mentions)), key=lambda i: (doc.mentions[i].source == MentionSource.COREF, i))
    for i in ordered:
        m = doc.mentions[i]
        if m.source == MentionSource.COREF:
            continue
        core = core_name(m.name, pack)
        named = _bracketed_short_name(doc, i, by_end)
        if m.cls == "akg:Market" and m.weak and last_market is None and " " not in m.name:
            continue  # a bare "trg" with no market named before is no entity ("na tujih trgih")
        if m.cls == "akg:Market" and m.weak and last_market is not None:
            g = last_market
        elif named is not None and doc.mentions[named].group >= 0:
            g = doc.mentions[named].group  # "Energel d.d. (EGL)": the short name in brackets
            groups.file(core, g)
        else:
            g = _find_group(m, core, groups, pack, onto, doc.lang)
        if g is None:
            g = groups.new(m, core)
            if m.cls is None and " " not in m.name and is_given_name(m.name, pack, doc.lang):
                groups.given_names.add(g)  # ("Govor na poroki Žige in Lare": no company for "podjetje" to mean)
        else:
            groups.add(g, m, doc.lang, pack.inflection)
            if (" " in core or m.source == MentionSource.LEGAL) and g not in groups.by_core.get(core, ()):
                # "Inagh Medical" after a sentence-opening "Medical": "Inagh" finds it too; so does
                # "Trekartu" a legal name "Trekart d.o.o." joined to a title's "Trekarta"
                groups.file(core, g)
        if m.source == MentionSource.LEGAL and " " not in core and m.cls == "akg:Company":
            # "Lovorko d.o.o. sta ustanovili": a one-word legal name in the accusative is found by
            # its other cases too ("Prihodki Lovorke ...")
            for nominative, accusative in pack.accusative_endings:
                if core.endswith(accusative) and not groups.by_core.get(other := core[: len(core) - len(accusative)] + nominative):
                    groups.file(other, g)
        m.group = g
        groups.nouns.setdefault(g, set()).update(_naming_nouns(doc, m, pack))
        if m.attrs.get("new"):
            groups.introduced_new.add(g)
        if m.cls == "akg:Market":
            last_market = g
    # coreference in text order, with salience counted up to the mention
    topic = _Topics()  # sentence -> groups of its organisation mentions, in order
    topic.headline = _headline(doc, groups, pack, onto)
    sal = _Salience()
    defined = _defined_terms(doc)
    for i, m in enumerate(doc.mentions):
        if m.source == MentionSource.COREF:
            g = _referent(doc, m, groups, sal, topic, pack, onto, defined)
            if g is None:
                continue
            m.group = g
            if (noun := doc.tokens[m.tok_start].lemma) and (noun,) in pack.triggers:
                groups.referred.setdefault(g, set()).add(noun)  # "Družbo" after "podjetje X": also "jo"
        if m.group >= 0:
            sal.see(m.group, i)
            cls = groups.classes[m.group]
            # an untyped name may still be an organisation (a rule types it later)
            if ((cls is None and m.source == MentionSource.CAPITALISED and _opens_sentence(doc, m, pack)
                 and m.group not in groups.given_names)
                    or (cls and onto.is_a(cls, "schema:Organization"))) \
                    and m.text.lower() not in pack.owner_possessives:  # "njeno" names no topic
                if sal.counts[m.group] == 1 and _in_relative_clause(doc, m, pack):
                    continue  # "..., ki jo prodaja tudi veriga X": X, new here, is not what the sentence is about
                if _as_counterpart(doc, m, pack):
                    topic.partners.add(m.group)
                    continue  # "Delež ima švedski kupec X": a customer or supplier is not what the text is about
                topic.principals.add(m.group)
                topic.setdefault(m.sent, []).append(m.group)
                if not _after_preposition(doc, m, pack) and not _after_inflected_noun(doc, m, pack):
                    topic.free.setdefault(m.sent, set()).add(m.group)
                if _oblique_referring_noun(doc, m, pack):
                    topic.oblique.setdefault(m.sent, set()).add(m.group)
    _zero_subjects(doc, groups, sal, onto, pack, topic)
    _writer_as_object_bought(doc, groups, onto, pack, topic)
    if pack.far_referents_main_only:
        _unlink_far_referents(doc, groups, onto, pack, _main_company(doc, groups, onto, topic))
    doc.sentence_topics = {s.i: g for s in doc.sentences if (g := _topic(topic, s.i)) is not None}
    for m in doc.mentions:
        if m.group >= 0 and m.source not in (MentionSource.COREF, MentionSource.ZERO):
            m.cls = groups.classes[m.group]
    doc.groups = [Group(name, cls) for name, cls in zip(groups.names, groups.classes, strict=True)]
    return doc
