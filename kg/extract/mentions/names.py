"""Names: capitalised spans, their class from trigger nouns, legal suffixes and given names, lists
after (or, in English, before) a trigger noun, and acronyms defined in brackets."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

from kg.extract.document import POSSESSIVE_MARKS, Document, MentionSource, Token
from kg.extract.lemmatize import dictionary_form, is_known_word, lemma, name_candidates
from kg.extract.mentions.places import attributive, repaired_stem
from kg.extract.mentions.spans import (
    LIST_SEPARATORS,
    MAX_ROLE_WORDS,
    Span,
    after_speech_verb,
    is_given_name,
    is_name_token,
    is_written_given_name,
    looks_east_asian,
    looks_like_person,
    nominative_first_name,
    opens_paragraph,
    role_ends_at,
    role_starts_at,
    sentence_initial,
)
from kg.lang import LanguagePack, east_asian_family_names, first_names
from kg.reference import reference_index


def is_demonym(words: list[str], pack: LanguagePack, lang: str) -> bool:
    """Are ``words`` a nationality adjective, of one word or of several ("South Korean")?"""
    return " ".join(lemma(w.lower(), lang) for w in words) in pack.demonyms


def legal_suffix_end(doc: Document, i: int, pack: LanguagePack) -> int:
    """If a legal suffix ("d. o. o.", "GmbH") starts at token i (maybe after a comma), its end."""
    toks = doc.tokens
    sent_end = doc.sentences[toks[i].sent].tok_end if i < len(toks) else i
    start = i + 1 if i < sent_end and toks[i].text == "," else i
    if start >= sent_end or toks[start].text[:1] not in pack.legal_suffix_initials:
        return -1
    ends = _joined_ends(toks, start, sent_end, max(map(len, pack.legal_suffix_texts), default=0))
    # the longest form written ("Ltda." over "Ltda")
    return max((ends[text] for text in pack.legal_suffix_texts if text in ends), default=-1)


def _joined_ends(toks: list[Token], start: int, end: int, longest: int) -> dict[str, int]:
    """The texts of the tokens from ``start`` joined without spaces, up to ``longest``
    characters, each with the token it ends before ("d.", "d.o." -> 2 ...)."""
    out: dict[str, int] = {}
    text = ""
    j = start
    while j < end and len(text) < longest:
        text += toks[j].text
        j += 1
        out.setdefault(text, j)
    return out


NAMED_BY_ADJECTIVE = ("schema:Brand", "schema:Product", "akg:IndustrialHub")
YEAR = re.compile(r"1[89]\d\d|20\d\d")
NUMBERED = ("schema:Brand", "schema:Product")  # classes whose names may end in a number


def _adjective_opens_name(toks: list, i: int, pack: LanguagePack) -> bool:
    """A capitalised adjective after a brand, product or hub noun takes the lower-case noun after
    it into the name ("znamko Kočevski gozd", "linije Pohorski zajtrk")."""
    nxt = toks[i + 1]
    return pack.triggers.get((toks[_list_head(toks, i, pack) - 1].lemma,)) in NAMED_BY_ADJECTIVE \
        and toks[i].text.lower().endswith(tuple(pack.adjective_endings)) \
        and nxt.text.isalpha() and nxt.text.islower() and nxt.text not in pack.function_words \
        and not pack.is_verb_lemma(nxt.lemma)  # "znamko Kvota zagotavlja"


LIST_ITEM_WORDS = 8  # words of earlier items a list item may look back over for its trigger noun


def _list_head(toks: list, i: int, pack: LanguagePack) -> int:
    """Where the list whose item starts at ``i`` starts: "piva Knap, Zlati hmelj in Temna noč"
    gives the index of "Knap" for "Zlati" and "Temna"; ``i`` itself when no capitalised item
    and separator stand before it."""
    k = i
    while k - 2 >= max(0, i - LIST_ITEM_WORDS) and toks[k - 1].sent == toks[i].sent \
            and (toks[k - 1].text == "," or toks[k - 1].text.lower() in LIST_SEPARATORS):
        j = k - 2  # the last word of the item before
        while j > max(0, i - LIST_ITEM_WORDS) and toks[j].text.isalpha() and toks[j].text.islower() \
                and toks[j].text.lower() not in LIST_SEPARATORS:
            j -= 1  # "Zlati hmelj": the item's lower-case words
        if not toks[j].text[:1].isupper() or toks[j].sent != toks[i].sent:
            break
        while j - 1 > max(0, i - LIST_ITEM_WORDS) and toks[j - 1].text[:1].isupper() and toks[j - 1].sent == toks[i].sent:
            j -= 1  # "sira Bovški Rovtar in Kaninski hlebec": an item of several capitalised words
        k = j
    return k


def _masculine_genitive(words: list[str], pack: LanguagePack, lang: str,
                        alone: Callable[[str], bool] = lambda word: False,
                        written: Callable[[str], bool] = lambda word: False) -> tuple[str, list[str]] | None:
    """A man's name in the genitive or accusative, told by its surname: a surname in "-rja"
    ("Pintarja", "Weberja") is a masculine noun in "-r" inflected, which a woman's surname never
    is; nor does one in "-a" whose form without it stands alone in the text (``alone``), or whose
    form in a dropped ending (``surname_dropped_endings``) the text writes (``written``: "Petra
    Jenka" beside "Franc Jenko"). Returns the nominative given name (the "-o" name first: "Marka"
    -> "Marko"; a fleeting e: "Petra" -> "Peter") and surnames, or None."""
    ending = pack.masculine_genitive_surname
    if not ending or len(words) < 2 or not words[0].endswith("a"):
        return None
    dropped = next((words[-1][:-1] + e for e in pack.surname_dropped_endings
                    if words[-1].endswith("a") and written(words[-1][:-1] + e)), "")
    if words[-1].endswith(ending):
        surname = words[-1][: -len(ending) + 1]
    elif dropped:
        surname = dropped  # ("Tomaža Vrečka" beside "Vrečko bo ...": the ending the text writes)
    elif words[-1].endswith("a") and alone(words[-1][:-1]):
        # "Mateja Grudnika" and, elsewhere, "Grudnik je ...": a man's surname inflected ("Tomaža Režka":
        # "Režek", a fleeting e, unless the text writes the stem: "Tilen Pograjc, vnuk Franca Pograjca")
        bare = words[-1][:-1]
        surname = bare if written(bare) else repaired_stem(bare, pack)
    else:
        return None
    stem = words[0][:-1]
    fleeting = stem[:-1] + "e" + stem[-1] if len(stem) > 2 and not set(stem[-2:].lower()) & set("aeiou") else stem
    o_first = (stem + "o").endswith(pack.masculine_o_name_endings) if pack.masculine_o_name_endings else True
    order = (stem + "o", fleeting, stem) if o_first else (fleeting, stem, stem + "o")
    first = next((c for c in order if c in first_names()), None)
    if first is None:
        return None
    return first, [*words[1:-1], surname]


def _stands_alone(doc: Document, span: Span, word: str) -> bool:
    """Does ``word`` stand in the text outside ``span``, not after another capitalised word
    ("Grudnik je zdaj direktor")?"""
    toks = doc.tokens
    # the text is searched (in C) and only its hits mapped to tokens: a scan of every token for
    # each name made a long document cost more per word
    for hit in re.finditer(re.escape(word), doc.text):
        k = bisect_left(toks, hit.start(), key=_token_start)
        if k < len(toks) and toks[k].start == hit.start() and toks[k].text == word and not span.start <= k < span.end \
                and not (k > 0 and toks[k - 1].is_capitalised and toks[k - 1].sent == toks[k].sent):
            return True
    return False


def _after_masculine_participle(doc: Document, i: int, pack: LanguagePack) -> bool:
    """Does a verb's masculine past participle stand right before token i ("je imenoval Simona
    Korenta")? A name in "-a ... -a" there is its object, a man's: a woman's would be "Simono"."""
    if i == 0:
        return False
    t = doc.tokens[i - 1]
    return t.text.islower() and pack.verb_gender(t.text) == "m" and pack.is_verb_lemma(t.lemma)


def _after_masculine_role(doc: Document, i: int, pack: LanguagePack) -> bool:
    """Does a man's role in the genitive or accusative stand before token i, with at most a
    company's name between ("po besedah direktorja Lesvita Andreja Furlana")? A woman named so
    would be "Andreje Furlan"."""
    sent = doc.sentences[doc.tokens[i].sent]
    j = i - 1
    while j > sent.tok_start and j >= i - 3 and doc.tokens[j].is_capitalised:
        j -= 1
    t = doc.tokens[j]
    return j >= sent.tok_start and t.text.islower() and t.lemma in pack.role_starts and t.text != t.lemma \
        and t.text.endswith("a") and pack.noun_gender(t.lemma) == "m"


def _written_surname(doc: Document, stem: str, pack: LanguagePack) -> str:
    """``stem`` with the ending its inflection dropped, when the text writes it so: "sinu Marjanu
    Murku" beside "Anton Murko" gives "Murko", not "Murk"."""
    return next((stem + e for e in pack.surname_dropped_endings if _written(doc, stem + e)), stem)


def _written(doc: Document, word: str) -> bool:
    """Does the text write ``word`` as a word of its own?"""
    return re.search(rf"\b{re.escape(word)}\b", doc.text) is not None


def _verb_before_object(toks: list[Token], start: int, ending: str, pack: LanguagePack) -> bool:
    """Does a verb stand right before token ``start``, or before one adjective agreeing with it
    ("prevzel konkurenčno Kartonažo ...")?"""
    k = start - 1
    if k > 0 and toks[k].text.islower() and toks[k].text.endswith(ending) and not pack.is_verb_lemma(toks[k].lemma):
        k -= 1
    return k >= 0 and toks[k].sent == toks[start].sent and pack.is_verb_lemma(toks[k].lemma)


def _token_start(t: Token) -> int:
    return t.start


def _after_name_noun(doc: Document, span: Span, pack: LanguagePack) -> bool:
    """True after a brand or product noun: "znamko Zlati Panj" names no person."""
    i = span.start
    return i > 0 and pack.triggers.get((doc.tokens[i - 1].lemma,)) in NUMBERED


def is_business_noun(lemma: str, pack: LanguagePack) -> bool:
    """A noun naming a kind of business ("sirarna", "vrtnarstvo"), by its ending: part of the
    company's name when it opens it ("Sirarna Gorjanka d.o.o.")."""
    return (lemma,) in pack.triggers or (bool(pack.business_noun_endings) and lemma.endswith(tuple(pack.business_noun_endings)))


def _business_noun_nominative(word: str, pack: LanguagePack) -> str:
    """The nominative of a business noun in the accusative that the dictionary does not know, by
    its ending ("Pražarno Kofetar d.o.o. sta ustanovila" -> "pražarna"); "" for any other word."""
    for ending in pack.business_noun_endings:
        for nominative, accusative in pack.accusative_endings:
            if ending.endswith(nominative) and word.endswith(ending[: len(ending) - len(nominative)] + accusative):
                return word[: len(word) - len(accusative)] + nominative
    return ""


def _adjective_noun_nominative(words: list[str], pack: LanguagePack, lang: str) -> str:
    """The nominative of a capitalised adjective and a lower-case noun opening a company's name in
    an oblique case ("Kmetijske zadruge" -> "Kmetijska zadruga", "Lesno industrijo" -> "Lesna
    industrija"); "" when they are not so, or already nominative."""
    adjective, noun = words[0], words[1]
    if not (noun.islower() and adjective[:1].isupper() and adjective.lower().endswith(tuple(pack.name_adjective_endings))):
        return ""
    noun_lemma = lemma(noun, lang)
    ending = next((e for e in pack.adjective_case_endings if adjective.endswith(e)), "")
    nominative = next((adj for noun_end, adj in pack.adjective_agreement if noun_lemma.endswith(noun_end)), "")
    if noun_lemma == noun or not ending or not nominative:
        return ""
    return f"{adjective[: len(adjective) - len(ending)]}{nominative} {noun_lemma}"


def _oblique_after_word(doc: Document, i: int, first_lemma: str, pack: LanguagePack) -> bool:
    """Is the dictionary noun opening the name at token i in the genitive after a body or role
    ("Nadzorni svet Armature Vrhnika d.d.", "direktor Armature ...")? Elsewhere the name may be
    a plural as written ("Lekarne Zeleni križ d.o.o. so ...", "proizvajalec testenin Testenine
    Zlatko d.d.")."""
    word = doc.tokens[i].text
    if i == 0 or first_lemma == word.lower():
        return False
    before = doc.tokens[i - 1]
    sent = doc.sentences[doc.tokens[i].sent]
    return before.sent == doc.tokens[i].sent and before.text.islower() \
        and (before.lemma in pack.subject_bodies or role_ends_at(doc.tokens, i, sent.tok_start, pack))


def _after_case_adjective(adjective: str, name: str, pack: LanguagePack) -> str:
    """A one-word company name in the case of the adjective before it, in the nominative:
    "gornjeradgonskemu Termopanu d.o.o." -> "Termopan", "tržiške Tekstilke" -> "Tekstilka"
    (``oblique_name_endings``: adjective ending, the name's ending in that case, its nominative's)."""
    for adjective_ending, name_ending, nominative in pack.oblique_name_endings:
        if adjective.islower() and adjective.endswith(adjective_ending) and name.endswith(name_ending) \
                and len(name) - len(name_ending) >= 4:
            return name[: len(name) - len(name_ending)] + nominative
    return name


def _lowercase_then_legal(doc: Document, j: int, end: int, pack: LanguagePack) -> int:
    """"Posavska toplota d.o.o.": one or two lower-case words right before a legal form belong
    to the company's name; the end of that form, or -1."""
    toks = doc.tokens
    k = j
    while k < min(j + 2, end) and legal_suffix_end(doc, k, pack) < 0 and (
            _name_noun_word(toks[k], pack) or _noun_before_legal_form(doc, k, pack)):
        k += 1
    names = k
    while k < min(names + 3, end) and k > j and legal_suffix_end(doc, k, pack) < 0 and is_name_token(toks[k]):
        k += 1  # "Kmetijske zadruge Slivnica z.o.o.", "Vinska klet Lastovica d.o.o."
    legal = legal_suffix_end(doc, k, pack) if k > j else -1
    # a capitalised adjective opens a name with a noun and names after it only where no sentence
    # starts ("Japonska družba Hoshino Corp." is a description and a name)
    return legal if legal > 0 and (k == names or (_opens_with_adjective(toks[j - 1], pack)
                                                  and not sentence_initial(doc, j - 1))) else -1


REGISTER_DESCRIPTION_WORDS = 5  # lower-case words of a business register's description between commas


def _register_description_then_legal(doc: Document, j: int, end: int, pack: LanguagePack) -> int:
    """"GRADIPOR, proizvodnja gradbenih izolacij, d.o.o.", "KRKA, tovarna zdravil, d.d.": a
    register's name with its description between commas before the legal form; the end of that
    form, or -1."""
    toks = doc.tokens
    if j >= end or toks[j].text != ",":
        return -1
    k = j + 1
    while k < min(end, j + 1 + REGISTER_DESCRIPTION_WORDS) and toks[k].is_word and toks[k].text.islower():
        k += 1
    if k == j + 1 or k >= end or toks[k].text != ",":
        return -1
    return legal_suffix_end(doc, k + 1, pack)


def _noun_before_legal_form(doc: Document, k: int, pack: LanguagePack) -> bool:
    """"Savinjski tekstil d.d.": a lower-case word that only looks like a past participle
    ("tekstil" like "naredil") right before the legal form is a noun of the name."""
    t = doc.tokens[k]
    return t.is_word and t.text.islower() and t.text not in pack.function_words and bool(pack.verb_gender(t.text)) \
        and not pack.is_verb_lemma(t.lemma) and legal_suffix_end(doc, k + 1, pack) > 0


def _name_noun_word(t: Token, pack: LanguagePack) -> bool:
    """A lower-case word that may stand inside a company's name: no function word, no verb."""
    return t.is_word and t.text.islower() and t.text not in pack.function_words \
        and t.text not in pack.town_adjectives and t.lemma not in pack.demonyms \
        and not pack.verb_gender(t.text) and not pack.is_verb_lemma(t.lemma)


def _opens_with_adjective(t: Token, pack: LanguagePack) -> bool:
    """A capitalised adjective ("Kmetijske", "Vinska", "Lesno") that may open a name with a
    lower-case noun after it: by its ending in any case."""
    return t.text.lower().endswith(tuple(pack.name_adjective_endings))


def _title_before_name(toks: list, i: int, end: int, pack: LanguagePack, lang: str) -> bool:
    """"Dr. Anjali Kapur", "Mr Smith", "Gov. Ellen Whitaker": an academic, courtesy or official
    title is no part of the name."""
    word = toks[i].text
    if word.lower() in pack.dotted_titles:
        return i + 2 < end and toks[i + 1].text == "." and is_name_token(toks[i + 2])
    if word.lower().rstrip(".") not in pack.titles or i + 1 >= end or not is_name_token(toks[i + 1]):
        return False
    return word.endswith(".") or word.lower() in pack.courtesy_titles or is_given_name(toks[i + 1].text, pack, lang)


def dateline_town(doc: Document, span: Span, pack: LanguagePack) -> str:
    """"TAIPEI, April 25 –", "SANTIAGO –", "KUWAIT CITY:" opening a paragraph: the town a news agency dateline
    names, or ""."""
    toks = doc.tokens
    sent = doc.sentences[toks[span.start].sent]
    words = [t.text for t in toks[span.start:span.end]]
    if span.start != sent.tok_start or span.end >= sent.tok_end or toks[span.end].text not in (",", "(", "–", "—", "-", ":") \
            or not all(w.isupper() for w in words) or not opens_paragraph(doc, toks[span.start].start):
        return ""
    return pack.place_forms_by_lower.get(" ".join(words).lower(), "")


def _inflected_place_end(doc: Document, i: int, j: int, pack: LanguagePack) -> int:
    """"v Velenju Elvita d.o.o. izdeluje": a place in a case form after a locative preposition
    is a name of its own, not the opening of the company name after it; the run's new end (else
    ``j``)."""
    toks = doc.tokens
    if i == 0 or toks[i - 1].text.lower() not in pack.locative_prepositions:
        return j
    for k in range(j, i, -1):  # the longest place first ("v Mirni Peči", not "Mirni")
        place = pack.places.get(doc.text[toks[i].start:toks[k - 1].end])
        if place is not None:
            return k if place.label != doc.text[toks[i].start:toks[k - 1].end] else j
    return j


def _common_acronym(toks: list[Token], i: int, end: int, pack: LanguagePack) -> bool:
    """Is token ``i`` an abbreviation of a common noun standing alone ("a possible IPO"), a short
    unit after a number ("od 50 KM", "20 MW") or a dollar's country ("R$ 210 million", "NZ$"), not a
    word of a longer name ("IPO Holdings")?"""
    number = toks[i - 1].text.replace(".", "").replace(",", "") if i > 0 else ""
    short = len(toks[i].text) <= 3 and toks[i].text.isupper()
    # (not after a year: "In 2021 BMW opened ...")
    unit = number.isdigit() and not YEAR.fullmatch(number) and short
    dollar = short and i + 1 < len(toks) and toks[i + 1].text == "$" and toks[i + 1].start == toks[i].end
    return (toks[i].text in pack.common_acronyms or unit or dollar) and not (i + 1 < end and is_name_token(toks[i + 1]))


def names_a_company(doc: Document, i: int, end: int, pack: LanguagePack) -> bool:
    """Does a legal form close the capitalised words from token ``i`` ("Kolbe Agency Ltd",
    "pivovarne Eder Bräu GmbH" from "Eder")?"""
    j = i
    while j < end and is_name_token(doc.tokens[j]) and legal_suffix_end(doc, j, pack) < 0:
        j += 1
    return j < end and legal_suffix_end(doc, j, pack) > 0


def _title_case_role_end(toks: list[Token], i: int, end: int, pack: LanguagePack) -> int:
    """The end of a role phrase of two or more words written in capitals from token ``i``
    ("Executive Chairman", "Chair of the Board"), or ``i``."""
    for n in range(MAX_ROLE_WORDS, 1, -1):
        words = toks[i:i + n]
        if i + n <= end and tuple(t.text.lower() for t in words) in pack.roles \
                and all(t.is_capitalised for t in words if t.text.lower() not in pack.function_words):
            return i + n
    return i


def _public_body_end(toks: list[Token], i: int, end: int, pack: LanguagePack) -> int:
    """Past the name of a public body opening at token ``i``: its noun, and a joining word
    (``public_body_joiners``) with the capitalised words after it ("Ministry of Economy",
    "Agency for Energy")."""
    j = i + 1
    if j + 1 < end and toks[j].text in pack.public_body_joiners and is_name_token(toks[j + 1]):
        j += 1
        while j < end and (is_name_token(toks[j]) or toks[j].text == "and"):
            j += 1
    return j


def _names_a_region(toks: list[Token], i: int, j: int, pack: LanguagePack) -> bool:
    """Does the run ``[i, j)`` name a region that the graph does not hold: one ending in a region
    noun ("Nagano Prefecture"), opening with one ("Co Galway"), or an abbreviated province or
    state before its full stop ("Que.")?"""
    if j - i >= 2 and (toks[j - 1].text in pack.region_heads or toks[i].text in pack.region_openers):
        return True
    if j < len(toks) and toks[j].text in pack.region_nouns_after and toks[j].sent == toks[i].sent:
        return True  # "in India's Gujarat state"
    if " ".join(t.text for t in toks[i:j]) in pack.region_names:
        return True  # "Conway, Arkansas", "an Ohio foundry"
    if j - i >= 2 and i >= 2 and toks[i].text in pack.region_compass and toks[i - 1].text == "," \
            and toks[i - 2].is_capitalised and " ".join(t.text for t in toks[i:j]) not in pack.places:
        return True  # "Kendal, Central Java"
    if j - i == 1 and toks[i].text in pack.region_abbreviations and j < len(toks) and toks[j].text == ".":
        return True
    # "Greenville, S.C.": the abbreviation split at its full stops
    joined = "".join(t.text for t in toks[i:j]) + ("." if j < len(toks) and toks[j].text == "." else "")
    return j - i <= 3 and all(toks[k].start == toks[k - 1].end for k in range(i + 1, j)) \
        and joined.endswith(".") and joined.rstrip(".") in pack.region_abbreviations


def _capitals_label(toks: list[Token], i: int, end: int, lang: str) -> bool:
    """A dictionary word in capitals, alone or before a colon ("OWNERSHIP:", "LEADERSHIP"): a
    label of a fact box, where acronyms are short ("IKEA", "BMW") or no words (a dateline's town,
    "MILAN", is checked by the caller)."""
    word = toks[i].text
    return len(word) >= 5 and word.isalpha() and word.isupper() \
        and (i + 1 >= end or not toks[i + 1].text[:1].isupper() or toks[i + 1].text == ":") \
        and is_known_word(word.lower(), lang)


def _phrase_end(toks: list[Token], i: int, end: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The end of the first of ``phrases`` (words as written) that starts at token ``i``, else ``i``."""
    for phrase in phrases:
        if i + len(phrase) <= end and tuple(t.text for t in toks[i:i + len(phrase)]) == phrase:
            return i + len(phrase)
    return i


def _glued(toks: list[Token], i: int) -> bool:
    """Does token ``i`` touch the next one ("US$")?"""
    return i + 1 < len(toks) and toks[i].end == toks[i + 1].start


def _is_heading(toks: list[Token]) -> bool:
    """Is this sentence a heading in capitals ("PRODUCT RECALL NOTICE.")? Its words give no
    names: where capitals start names cannot be told, and the text below writes them again."""
    words = [t.text for t in toks if t.is_word and any(c.isalpha() for c in t.text)]  # ("FOR EUR 73 MLN")
    return len(words) >= 2 and all(w.isupper() for w in words)


POSSESSIVE_NAME_WORDS = 4  # name words between "'s" and a legal form in "Mona's Oven Ltd"


def _possessive_legal_names(doc: Document, pack: LanguagePack) -> set[tuple[str, str]]:
    """The (owner, next word) pairs of names with a possessive inside that end in a legal form
    ("Mona's Oven Ltd" gives ("Mona", "Oven")). The word after the possessive is a dictionary
    word: before a name of its own it is an owner's or a town's ("Bristol's Kingsweston Group
    plc", "Liverpool's Rotunda Foods Group")."""
    toks = doc.tokens
    pairs = set()
    for p in range(1, len(toks) - 2):
        if toks[p].text not in ("'s", "’s") or toks[p - 1].text in pack.places or not is_name_token(toks[p - 1]) \
                or not is_known_word(toks[p + 1].text.lower(), doc.lang):
            continue
        k = p + 1
        while k < min(len(toks), p + 1 + POSSESSIVE_NAME_WORDS) and is_name_token(toks[k]) \
                and legal_suffix_end(doc, k, pack) < 0:
            k += 1
        if k > p + 1 and k < len(toks) and legal_suffix_end(doc, k, pack) > 0:
            pairs.add((toks[p - 1].text, toks[p + 1].text))
    return pairs


def _chat_handle(doc: Document, i: int, start: int, pack: LanguagePack) -> bool:
    """Is the given name at ``i`` alone before a colon that opens its line, after at most a time
    in brackets ("[18:09] Špela: ...", "Tina: Pozdravljeni ...")?"""
    toks = doc.tokens
    return i + 1 < len(toks) and toks[i + 1].text == ":" and is_given_name(toks[i].text, pack, doc.lang) \
        and all(not t.is_word or t.text.replace(":", "").isdigit() for t in toks[start:i]) \
        and opens_paragraph(doc, toks[start].start)


def capitalised_runs(doc: Document, pack: LanguagePack, known_caps: set[str]) -> list[Span]:
    """Maximal runs of capitalised words (with name particles and legal suffixes inside)."""
    spans: list[Span] = []
    toks = doc.tokens
    possessive_names = _possessive_legal_names(doc, pack)
    # ("Livarno je ustanovil ..." after "družbe Livarna Ložnica d.o.o.": the class noun refers back)
    known_alone = known_caps - _class_nouns_opening_names_only(doc, pack)
    for sent in doc.sentences:
        i = sent.tok_start
        heading = _is_heading(toks[sent.tok_start:sent.tok_end])
        while i < sent.tok_end:
            tok = toks[i]
            if not is_name_token(tok) or tok.text.lower() in pack.function_words or _title_before_name(toks, i, sent.tok_end, pack, doc.lang) \
                    or _common_acronym(toks, i, sent.tok_end, pack) or heading:
                i += 1
                continue
            if tok.text.endswith(".") and len(tok.text) <= 4 and i + 1 < sent.tok_end and toks[i + 1].text == ":":
                i += 1  # "Op.: ...", "Tel.: ...": an abbreviated field label, no name
                continue
            if i + 1 < sent.tok_end and toks[i + 1].text == ":" and pack.verb_gender(tok.text.lower()) \
                    and is_known_word(tok.text.lower(), doc.lang):
                i += 1  # "Izvedel: Denis Rudaš", "Pripravila: ...": a participle labels a signature, no name
                continue
            if (role_end := _title_case_role_end(toks, i, sent.tok_end, pack)) > i:
                i = role_end  # "will become Executive Chairman", "Chair of the Board": a role, no name
                continue
            if ((pack.inhabitant_endings and tok.text.endswith(pack.inhabitant_endings)) or tok.text in pack.inhabitant_nouns) \
                    and tok.text not in pack.places and (i + 1 >= sent.tok_end or not is_name_token(toks[i + 1])):
                i += 1  # "creating 850 jobs for Kentuckians", "bodo Čehi namenili": inhabitants, no name
                continue
            if tok.lemma in pack.nationality_nouns and i + 1 < sent.tok_end and is_name_token(toks[i + 1]):
                i += 1  # "Direktor bo Italijan Paolo Rinaldi": the man's nation, no name
                continue
            if _capitals_label(toks, i, sent.tok_end, doc.lang) and tok.text.title() not in pack.places:
                i += 1  # "* OWNERSHIP: ...", "LEADERSHIP": a heading word in capitals, no name
                continue
            if i > sent.tok_start and toks[i - 1].text.lower() in pack.event_nouns:
                i += 1  # "na sejmu Ambiente": a fair's name, no organisation
                while i < sent.tok_end and is_name_token(toks[i]):
                    i += 1
                continue
            if (body_end := _phrase_end(toks, i, sent.tok_end, pack.body_phrases)) > i:
                i = body_end  # "the Board of Directors", "the Annual General Meeting": no entity
                continue
            if tok.text in pack.public_body_nouns and not names_a_company(doc, i, sent.tok_end, pack):
                i = _public_body_end(toks, i, sent.tok_end, pack)  # "Ministry of Economy": no company, no entity
                continue
            j = i + 1
            legal_end = -1
            while j < sent.tok_end:
                legal_end = legal_suffix_end(doc, j, pack)
                if legal_end > 0:
                    break  # "Adriaenergia S.p.A." ends at its legal form
                if toks[j].text in pack.public_body_nouns and not names_a_company(doc, j, sent.tok_end, pack):
                    break  # "Portuguese Ministry of Economy": the body's name starts a run of its own
                if is_name_token(toks[j]):
                    j += 1
                elif toks[j].text in pack.name_particles:
                    k = j
                    while k < sent.tok_end and toks[k].text in pack.name_particles:
                        k += 1  # "Jan van der Berg"
                    if k < sent.tok_end and is_name_token(toks[k]):
                        j = k + 1
                    else:
                        break
                elif j == i + 1 and j + 1 < sent.tok_end and toks[j].text in ("'s", "’s") \
                        and (toks[i].text, toks[j + 1].text) in possessive_names:
                    j += 2  # "Mona's Oven Ltd" (and "Mona's Oven" where the text names it so)
                elif toks[j].text in "-&" and j + 1 < sent.tok_end and is_name_token(toks[j + 1]) \
                        and (toks[j].start == toks[j - 1].end or toks[j].text == "&"):  # "Tufton & Sons"
                    j += 2
                else:
                    legal_end = _lowercase_then_legal(doc, j, sent.tok_end, pack)
                    if legal_end < 0:
                        legal_end = _register_description_then_legal(doc, j, sent.tok_end, pack)
                    break
            resume = -1  # where the next run may start, when not right after this one
            if j - i >= 2 and j < sent.tok_end and toks[j].text in pack.public_body_nouns and toks[i].text in pack.places:
                resume, j = j, i + 1  # "Brantford City Council", "Vaasa Regional Transport Authority": the town, then a body
            # (only before a legal form: "v Mirni Peči" is one town whose case form is not known)
            if legal_end > 0 and (cut := _inflected_place_end(doc, i, j, pack)) < j:
                j, legal_end = cut, -1
            # "Tessaro CEO Marco Bellini", "Bellbird Managing Director and CEO Andrew Pettigrew": a role
            # inside a run ends the name before it
            for k in range(i + 1, j):
                if (toks[k].lemma,) in pack.roles or (toks[k].text,) in pack.roles \
                        or role_prefix_end(doc, k, sent.tok_end, pack) - k >= 2:
                    j = k
                    break
            if j - i == 1 and j < sent.tok_end and i > sent.tok_start and _adjective_opens_name(toks, i, pack):
                j += 1  # "pod blagovno znamko Kočevski gozd", "vozlišče Posavski park"
                while j < sent.tok_end and is_name_token(toks[j]) and toks[j].text[:1].isupper():
                    j += 1  # "znamko Zeleni križ Vital"
            noun_class = _class_of_noun_after_adjective(toks, i, sent.tok_end, pack) if j - i == 1 else None
            if noun_class == "schema:City":
                i += 1  # "ustanovila Mestna občina Velenje": a municipality, no organisation's name
                continue
            body = noun_class == "akg:Company" and not sentence_initial(doc, i) \
                and _adjective_before_company_noun(toks, i, sent.tok_end, pack)
            if body:
                j += 2  # "ustanovila Čebelarska zadruga Radovljica": the adjective, the noun and the name
                while j < sent.tok_end and is_name_token(toks[j]) and toks[j].text[:1].isupper():
                    j += 1
            if _names_a_region(toks, i, j, pack):
                i = j  # "Nagano Prefecture", "Co Galway", "Beauce, Que.": a region, no entity
                continue
            adjective = next((k for k in range(j - 1, i - 1, -1) if "-" in toks[k].text
                              and toks[k].text.rsplit("-", 1)[1] in pack.compound_adjective_heads), -1)
            if adjective >= 0:
                # "the Danish-owned company", "Manila-listed Tala Holdings", "Kuala Lumpur-listed Lion
                # Gate Agri": an adjective, no name (the name follows it)
                i = adjective + 1
                continue
            if j - i == 1 and i > sent.tok_start and toks[i].text.lower() in pack.coreference \
                    and toks[i - 1].text.lower() in pack.coref_determiners:
                i += 1  # "the Company" of a filing: a word referring back, no name
                continue
            month = toks[i].text.lower() in pack.months or toks[i].text.lower() + "." in pack.months
            if (month and i + 1 < sent.tok_end and toks[i + 1].text.isdigit()) \
                    or (j - i == 1 and toks[i].text.lower() in pack.months):
                i = j  # "in January", "Jan. 15": a date, no name
                continue
            if month and i > sent.tok_start and toks[i - 1].text.lower() in pack.month_prepositions:
                i += 1  # "In January Mureșan handed ...": the month is a time, the name follows it
                continue
            if j - i == 1 and (toks[i].text.lower() in pack.weekdays or
                               (toks[i].text.isupper() and toks[i].text.lower() in pack.currencies
                                and not (toks[i].text in pack.places and not _glued(toks, i)))):  # "US", "US$"
                i += 1  # "in January", "on Friday": a time; "SEK 6 billion": a currency; no names
                continue
            if j - i == 1 and toks[i].lemma in pack.demonyms and toks[i].text not in pack.places:
                i += 1  # "the German subsidiary": an adjective of place, not a name ("na Madžarskem" is)
                continue
            if j - i >= 2 and pack.head_final and toks[i].lemma in pack.demonyms and toks[i].text not in pack.places \
                    and legal_end < 0 and (toks[j - 1].text.lower() not in pack.company_name_heads
                                           or (i > sent.tok_start and toks[i - 1].text.lower() in pack.articles)):
                i += 1  # "the Finnish Metsävirta group", "the Austrian Hollerer Group": no part of the name ("American Airlines" is)
                continue
            if j - i >= 2 and not pack.head_final and sentence_initial(doc, i) \
                    and (tok.lemma in pack.demonyms or tok.text.lower() in pack.town_adjectives
                         or _adjective_the_name_goes_without(doc, i, j, pack)) \
                    and doc.text[tok.start:toks[j - 1].end] not in pack.places:
                i += 1  # "Ptujski Snopteh je ...", "Avstrijski Seeberger": the adjective opens the sentence
                continue
            if j - i >= 2 and (tok.text.lower() in pack.sentence_openers or (tok.lemma in pack.trade_nouns and legal_end > 0)) \
                    and sentence_initial(doc, i):
                # "Today Ferrandi Cicli builds ...", "Rival Hongxin Electronics"; a trade before a
                # company's legal name: "Vinar Trtnica d.o.o. je kupil ...", "Metalworker Lysá Kovo s.r.o."
                i += 1
                continue
            if j - i == 1 and _chat_handle(doc, i, sent.tok_start, pack):
                i += 1  # "[18:09] Špela: Pakfix je ...": a chat's or a caller's first name labels a line, names no one
                continue
            # "Krke Ana Novak": a given name inside a run starts a new name, unless only given names
            # stand before it ("Eva Maria Huber") or an East Asian family name ("Nguyen Thi Lan")
            for k in range(i + 1, j - 1):
                if is_given_name(toks[k].text, pack, doc.lang) and toks[k - 1].text not in pack.name_particles \
                        and not all(is_written_given_name(t.text, pack) for t in toks[i:k]) \
                        and not (k == i + 1 and toks[i].text in east_asian_family_names()) \
                        and not looks_east_asian([t.text for t in toks[i:j]], doc.lang):  # "Tan Mei Ling"
                    j = k
                    break
            # "Direktorica Voltanove", "Managing Director Jane Roe": a role that opens a run is not part of a name
            k = role_prefix_end(doc, i, sent.tok_end, pack)
            if k > i:
                i = k
                continue
            if j < sent.tok_end and toks[j].text.isdigit() and (
                    pack.triggers.get((toks[j + 1].lemma,) if j + 1 < sent.tok_end else ()) in NUMBERED
                    # ("črpalki Kamnik in Termo Pro 9": a list item after the class noun, too)
                    or ((head := _list_head(toks, i, pack)) > sent.tok_start and pack.triggers.get((toks[head - 1].lemma,)) in NUMBERED)
                    # ("Ventile Termo 15 in Termo 20 sestavljajo ...": the class noun opens the run)
                    or (j - i >= 2 and pack.triggers.get((toks[i].lemma,)) in NUMBERED)):
                j += 1  # "the K-Cell 90 battery", "model Clio 5", "znamkami Lisjak 1912": the number is part of the name
            elif j + 1 < sent.tok_end and _is_model_number(toks[j].text) and not sentence_initial(doc, i) and (
                    toks[j + 1].text in ",;:)" or toks[j + 1].text.lower() in LIST_SEPARATORS
                    # "izdeluje sedeže Flexo 3 za ...": an object's number before a preposition
                    or (len(toks[j].text) <= 2 and toks[j + 1].text in pack.prepositions and i > sent.tok_start
                        and toks[i - 1].text.isalpha() and toks[i - 1].text.islower()
                        and toks[i - 1].text not in pack.prepositions)
                    or (toks[j + 1].text == "." and j + 2 == sent.tok_end and "." in toks[j].text)
                    # "Termo 15 in Termo 20 sestavljajo": the model before had its number
                    or (bool(spans) and spans[-1].start >= sent.tok_start
                        and spans[-1].name.split()[-2:] == [tok.text, spans[-1].name.split()[-1]]
                        and _is_model_number(spans[-1].name.split()[-1]))
                    # "turns out the Graneleiro 9000.", "builds the Nova 8 air-to-water unit": an article
                    # before the name makes the number a model's
                    or (_after_article(toks, i, sent.tok_start, pack) and toks[j].text.isdigit()
                        and (toks[j + 1].text == "." or toks[j + 1].text.islower()))):
                # "tečaj Mehko 110, ...", "the popular Kaimoana 7.5.": a model number closes the name
                # (a whole number ending a sentence is more often a count: "v Passauu 900.")
                j += 1
            source, cls = MentionSource.CAPITALISED, "akg:Company" if body else None
            if legal_end < 0:
                legal_end = legal_suffix_end(doc, j, pack)
            if legal_end < 0 and j + 3 < sent.tok_end and toks[j].text == "(" and toks[j + 2].text == ")" \
                    and is_name_token(toks[j + 1]):
                legal_end = legal_suffix_end(doc, j + 3, pack)  # "Jade River Textile (Vietnam) Co., Ltd."
            name_end = j  # where the name's words end, before a legal form
            if legal_end > 0:
                j, source, cls = legal_end, MentionSource.LEGAL, "akg:Company"
            if j - i == 1 and sentence_initial(doc, i) and j < sent.tok_end and \
                    not toks[j].is_capitalised and (toks[j].lemma,) in pack.triggers and \
                    (tok.text not in known_caps or toks[j].text.lower() == toks[j].lemma):
                # "Logistična družba Transadria": an adjective before the class noun (not a name the
                # text writes capitalised elsewhere before a word in another form: "Pekovita peče
                # kruh", where "peče" bakes)
                i += 1
                continue
            if j - i == 1 and j < sent.tok_end and tok.text.lower().endswith(tuple(pack.feminine_surname_endings)) \
                    and toks[j].is_word and toks[j].text.islower() and toks[j].text not in pack.function_words \
                    and toks[j].text not in pack.object_pronouns and not pack.verb_gender(toks[j].text.lower()) \
                    and not pack.is_verb_lemma(toks[j].lemma):
                i += 1  # "Kumpova vnukinja", "Gregorjeva hči": a possessive adjective, not a name
                continue
            if pack.head_final and j < sent.tok_end and toks[j].text.lower() in pack.family_nouns \
                    and i > sent.tok_start and toks[i - 1].text.lower() in pack.articles \
                    and not (j + 1 < sent.tok_end and toks[j + 1].text.lower() in pack.family_business_nouns):
                i = j  # "founded by the Vila family": a family, no person ("the X family office" is a firm)
                continue
            if legal_end < 0 and j - i == 1 and i > sent.tok_start and toks[i - 1].text.lower() in pack.family_words \
                    and not is_given_name(tok.text, pack, doc.lang):
                i = j  # "od družine Ažman": a family, no organisation ("družine Marjan Hvala" names a person)
                continue
            if j - i == 1 and j < sent.tok_end and toks[j].text.lower() in pack.family_nouns \
                    and tok.text.lower().endswith(tuple(pack.possessive_endings)):
                i += 1  # "Turnškov oče", "Majin brat": a possessive adjective, not a name
                continue
            nxt = j
            while nxt < sent.tok_end and (toks[nxt].text.lower().rstrip(".") in pack.titles or toks[nxt].text == "."):
                nxt += 1  # "Farmacevtka dr. Mojca Lesjak": titles stand between
            if j - i == 1 and source == MentionSource.CAPITALISED and sentence_initial(doc, i) and nxt < sent.tok_end \
                    and tok.text not in known_caps and is_given_name(toks[nxt].text, pack, doc.lang) \
                    and not is_given_name(tok.text, pack, doc.lang):
                i += 1  # "Podjetnica Lara Vidic": a word describing the person who follows
                continue
            if j - i == 1 and source == MentionSource.CAPITALISED and sentence_initial(doc, i) and j < sent.tok_end \
                    and tok.text not in known_caps and tok.text.lower().endswith(tuple(pack.name_adjective_endings)) \
                    and _name_noun_word(toks[j], pack):
                i += 1  # "Sterilne raztopine izdeluje ...": an adjective before its noun, no name
                continue
            if j - i == 1 and source == MentionSource.CAPITALISED and sentence_initial(doc, i) and j + 1 < sent.tok_end \
                    and tok.text not in known_caps and toks[j].text.isalpha() and toks[j].text.lower() in LIST_SEPARATORS \
                    and toks[j + 1].text.isalpha() and toks[j + 1].text.islower():
                i += 1  # "Salame in klobase izdeluje ...": a common noun coordinated with another
                continue
            # a dictionary word at the start of a sentence ("Danes Kodera", "Logistična") is not
            # part of a name unless the document also writes it (in any case) capitalised elsewhere
            seat_suffix = j < sent.tok_end and pack.is_seat_suffix(toks[j].text)  # "Cork-based Glenmore Dairies": a town's name
            # ("Ana in Jože Gorišek": a given name coordinated with a full name is one)
            couple = j - i == 1 and j + 1 < sent.tok_end and toks[j].text.lower() in LIST_SEPARATORS \
                and is_given_name(tok.text, pack, doc.lang) and is_given_name(toks[j + 1].text, pack, doc.lang)
            if sentence_initial(doc, i) and j - i >= 2 and tok.lemma in pack.party_subject_nouns:
                i += 1  # "Predajnik Kalorplin d.o.o. in prevzemnik ...": a party noun opens no name
                continue
            if (sentence_initial(doc, i) and (is_known_word(tok.text, doc.lang) or tok.lemma in pack.goods_nouns
                                              or (j - i == 1 and tok.lemma.lower() in pack.class_nouns))
                    and tok.text not in pack.places
                    and not seat_suffix and not couple
                    and not known_alone.intersection(name_candidates(tok.text, doc.lang, pack.inflection))
                    and not tok.text.isupper() and ((j - i == 1 and source == MentionSource.CAPITALISED)
                                                    or (j - i >= 2 and not pack.initial_runs_are_names
                                                    and not is_given_name(tok.text, pack, doc.lang)
                                                    and (tok.lemma,) not in pack.triggers
                                                    # "Lesko d.o.o. ima ...": one word and a legal form
                                                    and not (source == MentionSource.LEGAL and name_end - i == 1)
                                                    and not (source == MentionSource.LEGAL and tok.text.lower() == tok.lemma
                                                             and tok.lemma not in pack.generic_nouns
                                                             and tok.lemma not in pack.demonyms)))):
                i += 1
                continue
            if j - i == 1 and source == MentionSource.CAPITALISED and pack.head_final and not tok.text.isupper() \
                    and tok.text not in pack.places and tok.lemma not in pack.demonyms \
                    and _town_before_descriptor(toks, j, sent.tok_end, pack):
                cls, source = "schema:City", MentionSource.MODIFIER  # "sold to Bristol food group Brunelgate Foods"
            written = doc.text[toks[i].start:toks[j - 1].end]
            if body and (opening := _adjective_noun_nominative(written.split(), pack, doc.lang)):
                written = " ".join([opening, *written.split()[2:]])  # "Kovinske zadruge Konjice"
            spans.append(Span(i, j, cls, written, source))
            i = max(j, resume)
    return spans


DESCRIPTOR_WORDS = 3  # lower-case words of a company's descriptor ("food group", "crisp maker")


def _town_before_descriptor(toks: list[Token], j: int, end: int, pack: LanguagePack) -> bool:
    """Does a lower-case descriptor ending in a company noun follow at ``j``, and a name after it
    ("Bristol food group Brunelgate Foods")? Then the one word before it names the company's town."""
    k = j
    while k < end and k - j < DESCRIPTOR_WORDS and toks[k].text.isalpha() and toks[k].text.islower() \
            and toks[k].text not in pack.function_words:
        k += 1
    # (a company noun only: "Chagres general manager X", "Kootenay founder X", "Awamori distiller X"
    # name no town)
    return j < k < end and pack.triggers.get((toks[k - 1].lemma,)) == "akg:Company" \
        and toks[k - 1].lemma not in pack.generic_nouns and is_name_token(toks[k]) and toks[k].text[:1].isupper()


def _class_of_noun_after_adjective(toks: list[Token], i: int, end: int, pack: LanguagePack) -> str | None:
    """The class of a lower-case class noun right after a capitalised adjective at ``i`` that is no
    nationality's ("Čebelarska zadruga": akg:Company, "Mestna občina": schema:City), else None."""
    if i + 1 >= end:
        return None
    adjective, noun = toks[i], toks[i + 1]
    if not (adjective.text.lower().endswith(tuple(pack.name_adjective_endings)) and adjective.lemma not in pack.demonyms
            and noun.text.isalpha() and noun.text.islower()):
        return None
    return pack.triggers.get((noun.lemma,))


def _adjective_before_company_noun(toks: list[Token], i: int, end: int, pack: LanguagePack) -> bool:
    """Does the adjective and company noun at ``i`` (``_class_of_noun_after_adjective``) open a
    name: a noun that is no generic one and a capitalised word after it ("Čebelarska zadruga
    Radovljica", "Kovinske zadruge Konjice"; not "italijanska družba X", not a town's adjective)?"""
    if i + 2 >= end:
        return False
    adjective, noun, name = toks[i], toks[i + 1], toks[i + 2]
    return adjective.text.lower() not in pack.town_adjectives and noun.lemma not in pack.generic_nouns \
        and is_name_token(name) and name.text[:1].isupper()


def role_prefix_end(doc: Document, i: int, j: int, pack: LanguagePack) -> int:
    """If tokens from i start with a role phrase ("Direktorica", "Predsednik uprave"), its end."""
    for n in (3, 2, 1):
        if i + n <= j and tuple(t.lemma for t in doc.tokens[i:i + n]) in pack.roles:
            return i + n
    return i


def _adjective_the_name_goes_without(doc: Document, i: int, j: int, pack: LanguagePack) -> bool:
    """Is token ``i``, opening a sentence and the run ``i:j``, an adjective ("Železnikarska
    Orodjarna Dražgoše d.o.o. ...") that the document leaves out where it names the rest elsewhere
    ("Orodjarna Dražgoše bo povečala proizvodnjo")?"""
    toks = doc.tokens
    if not toks[i].text.lower().endswith(tuple(pack.name_adjective_endings)) or j - i < 3:
        return False
    rest = doc.text[toks[i + 1].start:toks[j - 1].end]
    return doc.text.count(rest) > doc.text.count(doc.text[toks[i].start:toks[j - 1].end])


def split_known_prefix(doc: Document, spans: list[Span], pack: LanguagePack) -> list[Span]:
    """Split "Mehatrona Boris Kranjc" into an organisation the document names elsewhere and a person."""
    orgs = {s.name.lower() for s in spans if s.cls and s.cls.startswith("akg:Company")}
    orgs |= pack.places_lower
    orgs |= {" ".join(s.name.lower().split()[:-1]) for s in spans if s.source == MentionSource.LEGAL}
    orgs |= {s.name.lower().split()[-1] for s in spans if s.source == MentionSource.TRIGGER and s.cls == "akg:Company"}
    out: list[Span] = []
    for span in spans:
        n = span.end - span.start
        if (span.cls is not None and span.source != MentionSource.TRIGGER) or n < 3:
            out.append(span)
            continue
        cut = 0
        for k in (1, 2):
            words = [t.text for t in doc.tokens[span.start:span.start + k]]
            cands = name_candidates(words[-1], doc.lang, pack.inflection)
            if any(" ".join(words[:-1] + [c]).lower() in orgs for c in cands):
                cut = k
        toks = doc.tokens
        whole = doc.text[toks[span.start].start:toks[span.end - 1].end]
        if cut and (whole in pack.places or toks[span.end - 1].text.lower() in pack.company_name_heads
                    or not is_given_name(toks[span.start + cut].text, pack, doc.lang)):
            cut = 0  # "Ontario Milk Partners", "Ho Chi Minh City": one name, no person after a place
        if cut and n - cut >= 2:
            head = Span(span.start, span.start + cut, span.cls if span.source == MentionSource.TRIGGER else None,
                         doc.text[toks[span.start].start:toks[span.start + cut - 1].end],
                         MentionSource.TRIGGER if span.source == MentionSource.TRIGGER else MentionSource.CAPITALISED)
            tail = Span(span.start + cut, span.end, "schema:Person",
                         doc.text[toks[span.start + cut].start:toks[span.end - 1].end], MentionSource.PERSON)
            out.extend([head, tail])
        else:
            out.append(span)
    return out


def split_maker_after_product(doc: Document, spans: list[Span], pack: LanguagePack) -> list[Span]:
    """Split "(Vrtne hiške) Domek Ravenka (izdeluje ...)" into a product and the company after it,
    when the last word is, in some case, the one-word name of a company the document writes with
    its legal form ("Ravenka d.o.o."): an object named first, then the subject."""
    from kg.extract.link import core_name  # (link imports this package)

    cores = [core_name(s.name, pack) for s in spans if s.cls == "akg:Company" and len(s.name.split()) >= 2]
    companies = {core for core in cores if core and " " not in core}
    out: list[Span] = []
    toks = doc.tokens
    for span in spans:
        last = toks[span.end - 1].text
        if span.cls == "schema:Product" and span.source == MentionSource.TRIGGER and span.end - span.start >= 2 \
                and any(c.lower() in companies for c in name_candidates(last, doc.lang, pack.inflection)):
            head = Span(span.start, span.end - 1, span.cls, doc.text[toks[span.start].start:toks[span.end - 2].end], span.source)
            out.extend([head, Span(span.end - 1, span.end, None, last, MentionSource.CAPITALISED)])
        else:
            out.append(span)
    return out


def _opening_known_mid_sentence(doc: Document, span: Span, known_caps: set[str]) -> bool:
    """Is the name's first word written capitalised mid-sentence before the same next word, so part of
    this name ("Prikolice Mula" is no name when only "Prikolice Vrbovec d.o.o." stands mid-sentence)?"""
    toks = doc.tokens
    first = toks[span.start].text
    if first not in known_caps:
        return False
    if span.end - span.start < 2:
        return True
    second = toks[span.start + 1].text
    return any(t.text == first and t.i + 1 < len(toks) and toks[t.i + 1].text == second
               and not sentence_initial(doc, t.i) for t in toks if t.i != span.start)


def _class_nouns_opening_names_only(doc: Document, pack: LanguagePack) -> set[str]:
    """Nouns for a company or plant written capitalised mid-sentence only as the first word of a
    longer name ("družbe Livarna Ložnica d.o.o."): no sign that the word alone is a name."""
    toks = doc.tokens
    opening: set[str] = set()
    alone: set[str] = set()
    for t in toks:
        if is_name_token(t) and not sentence_initial(doc, t.i) \
                and pack.triggers.get((t.lemma.lower(),)) in ("akg:Company", "akg:Plant"):
            nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
            (opening if nxt is not None and nxt.sent == t.sent and is_name_token(nxt) else alone).add(t.text)
    return opening - alone


def mid_sentence_capitalised(doc: Document) -> set[str]:
    return {t.text for t in doc.tokens if is_name_token(t) and not sentence_initial(doc, t.i)}


def trigger_ending_at(doc: Document, i: int, start: int, pack: LanguagePack) -> tuple[int, str] | None:
    for n in range(pack.max_trigger_len, 0, -1):
        a = i - n
        if a >= start:
            cls = pack.triggers.get(tuple(t.lemma for t in doc.tokens[a:i]))
            if cls:
                return a, cls
    return None


def trigger_after(doc: Document, end: int, pack: LanguagePack) -> str | None:
    """The class of a trigger noun right after a name ("Douai plant"), for head-final languages."""
    s = doc.sentences[doc.tokens[end - 1].sent]
    for n in range(pack.max_trigger_len, 0, -1):
        if end + n <= s.tok_end:
            cls = pack.triggers.get(tuple(t.lemma for t in doc.tokens[end:end + n]))
            if cls in NUMBERED and end + n < s.tok_end and doc.tokens[end + n].text.islower():
                return trigger_after(doc, end + n, pack) or cls  # "Timberjack beer brands": the last noun heads
            if cls:
                return cls
    return None


FOUNDED_BY_REACH = 6  # tokens from a founding participle to the "by" before the founder


def _founded_by(doc: Document, i: int, pack: LanguagePack) -> bool:
    """Does the name at token i follow "by" after a founding participle ("was founded in 1948 by X")?"""
    toks = doc.tokens
    start = doc.sentences[toks[i].sent].tok_start
    if i - 1 <= start or toks[i - 1].text.lower() not in pack.founded_by_words:
        return False
    return any(t.text.lower() in pack.founding_participles for t in toks[max(start, i - 1 - FOUNDED_BY_REACH):i - 1])


def _after_article(toks: list[Token], i: int, start: int, pack: LanguagePack) -> bool:
    """Does an article stand before token ``i``, also past one lower-case adjective ("the smaller
    Toofan 70")?"""
    if i - 1 >= start and toks[i - 1].text.lower() in pack.articles:
        return True
    return i - 2 >= start and toks[i - 1].text.isalpha() and toks[i - 1].text.islower() \
        and toks[i - 2].text.lower() in pack.articles | pack.possessives


def _is_model_number(word: str) -> bool:
    """A number that may end a model's name: up to four digits, or one decimal ("7.5").

    >>> [_is_model_number(w) for w in ("110", "7.5", "2,500", "12345")]
    [True, True, False, False]
    """
    whole, _, decimal = word.partition(".")
    return whole.isdigit() and len(whole) <= 4 and (decimal == "" or (decimal.isdigit() and len(decimal) == 1))


def _apposition_trigger(doc: Document, i: int, start: int, pack: LanguagePack) -> tuple[int, str] | None:
    """A product, brand or hub noun the name at token i stands in apposition to: "its flagship
    model, the Monte Grappa" (a company noun is left alone: "the company, Kora, ..." may name anything)."""
    k = i - 1
    if k >= start and doc.tokens[k].text.lower() in pack.articles:
        k -= 1
    if k <= start or doc.tokens[k].text != ",":
        return None
    found = trigger_ending_at(doc, k, start, pack)
    if found is None or found[1] not in NAMED_BY_ADJECTIVE or doc.tokens[k - 1].is_capitalised:
        return None  # "Kericho Highlands Tea, Kenya's ...": the noun ends the name before the comma
    return found  # also "a single hub, the Complexo Gaúcho"


APPOSITION_REACH = 4  # words between the article and the class noun ("a fully electric workboat")


def _apposition_after(doc: Document, end: int, pack: LanguagePack) -> str | None:
    """The product or brand class an apposition after a name gives it: "the Lomvi 24, a fully
    electric workboat", "Glucora, an insulin pen" (the last class noun before a preposition decides:
    "X, a tractor maker with plants" is no product)."""
    toks = doc.tokens
    sent_end = doc.sentences[toks[end - 1].sent].tok_end
    if end + 2 >= sent_end or toks[end].text != "," or \
            toks[end + 1].text.lower() not in pack.articles | pack.possessives:  # ", its best-known model"
        return None
    head = None  # English noun phrases end in their head: "a tractor maker with plants" is a maker
    for k in range(end + 2, min(sent_end, end + 2 + APPOSITION_REACH)):
        if not (toks[k].is_word and toks[k].text.islower()) or toks[k].text in pack.prepositions:
            break
        head = pack.triggers.get((toks[k].lemma,)) or head
    return head if head in NUMBERED else None


def trigger_before(doc: Document, i: int, pack: LanguagePack) -> tuple[int, str] | None:
    """The trigger noun that heads a name at token i: (its first token, class).

    Right before the name ("tovarno Cléon"), or before a genitive complement of one or two
    words ("proizvajalec pnevmatik Michelin", "tovarna zdravil Krka"): the farthest head wins.
    """
    s = doc.sentences[doc.tokens[i].sent]
    found = trigger_ending_at(doc, i, s.tok_start, pack)
    if found:
        return found  # the noun next to the name: "tovarna podjetja Hidria", "battery start-up Fjord"
    appositive = _apposition_trigger(doc, i, s.tok_start, pack)
    if appositive:
        return appositive
    j = i
    for _ in range(2):
        j -= 1
        tok = doc.tokens[j] if j >= s.tok_start else None
        if tok is None or not tok.is_word or tok.is_capitalised or tok.text.lower() in pack.function_words \
                or tok.text.lower() in pack.copulas \
                or (pack.head_final and tok.text.lower() not in pack.naming_words):
            break  # English: "a hub called X", but "the hub near Castellón" names no hub
        head = trigger_ending_at(doc, j, s.tok_start, pack)
        if head:
            found = head
    return found


def trigger_inside(doc: Document, span: Span, pack: LanguagePack) -> str | None:
    """The class of a capitalised trigger that opens a name ("Skupina Renault")."""
    if span.end - span.start < 2:
        return None
    return pack.triggers.get((doc.tokens[span.start].lemma,))


def name_with_trigger(doc: Document, span: Span) -> str:
    """Canonical name of "Skupine Renault": the trigger noun in its dictionary form, the rest as written."""
    first = doc.tokens[span.start]
    rest = doc.text[doc.tokens[span.start + 1].start:doc.tokens[span.end - 1].end]
    word = dictionary_form(first.text, doc.lang)
    if word == first.text and first.lemma and first.lemma != first.text.lower():
        word = first.lemma[:1].upper() + first.lemma[1:]  # "Papirnice Trnovec": the lemma the noun matched by
    return f"{word} {rest}"


def _between_legal_name_and_country(doc: Document, span: Span, pack: LanguagePack) -> bool:
    """Is ``span`` written after a company's legal form and a comma or bracket, and before a
    comma and a country ("Tongrui Cells Co., Ltd., Ningbo, Kitajska", "Pesotec GmbH (Wetzlar,
    Nemčija)")? Then it is the town of the company's address.

    >>> from pathlib import Path
    >>> from kg.extract.pipeline import extract
    >>> doc = extract(Document("d", Path("d.txt"), "Dobavitelj je Tongrui Cells Co., Ltd., Ningbo, Kitajska.", {}))
    >>> [(m.name, m.cls) for m in doc.mentions if m.name == "Ningbo"]
    [('Ningbo', 'schema:City')]
    """
    toks = doc.tokens
    before, after = span.start - 1, span.end
    if before < 1 or after + 1 >= len(toks) or toks[before].text not in ",(" or toks[after].text != ",":
        return False
    if not any(legal_suffix_end(doc, k, pack) == before for k in range(max(0, before - 6), before)):
        return False
    country = pack.places.get(toks[after + 1].text)
    return country is not None and country.cls == "schema:Country"


def classify(doc: Document, span: Span, pack: LanguagePack, known_caps: set[str]) -> Span:
    toks = doc.tokens
    words = [t.text for t in toks[span.start:span.end]]
    ref = reference_index()
    dateline = dateline_town(doc, span, pack)
    if dateline:
        span.cls, span.name, span.source = pack.places[dateline].cls, pack.places[dateline].label, MentionSource.GAZETTEER
        return span
    # reference data and gazetteer, by surface form or dictionary form
    family = span.end < len(toks) and toks[span.end].text.lower() in pack.family_nouns  # "the Salgueiro family"
    for form in (span.name, " ".join(dictionary_form(w, doc.lang) for w in words)):
        # (a dictionary form only as a place's own name: "v Trenti" -> "Trenta" is no case form of Trento)
        if form in pack.places and span.cls is None and not family \
                and (form == span.name or pack.places[form].label == form):
            place = pack.places[form]
            span.cls, span.name, span.source = place.cls, place.label, MentionSource.GAZETTEER
            if place.cls == "schema:Country" and attributive(toks, span.start, span.end, pack):
                span.source = MentionSource.DEMONYM  # "U.S. brake maker X", "New Zealand rival X": its origin
        if form in ref.by_alias and span.source in (MentionSource.CAPITALISED, MentionSource.GAZETTEER):
            row = ref.by_alias[form][0]
            span.cls, span.name, span.source = row.cls, row.label, MentionSource.REFERENCE
            break
    if span.cls is None and span.source == MentionSource.CAPITALISED and span.end < len(toks) \
            and pack.is_seat_suffix(toks[span.end].text):
        span.cls, span.source = "schema:City", MentionSource.LOCATIVE  # "Quarmby-based maker X": a town
    if span.cls is None and span.source == MentionSource.CAPITALISED and _between_legal_name_and_country(doc, span, pack):
        span.cls, span.source = "schema:City", MentionSource.LOCATIVE  # "Tongrui Cells Co., Ltd., Ningbo, Kitajska"
    business = _business_noun_nominative(words[0].lower(), pack)  # "" unless an accusative business noun opens
    first_lemma = business or lemma(words[0].lower(), doc.lang)
    # (after a class noun the name is written as it is: "družba Testenine Zvonček d.o.o.")
    after_class_noun = span.start > 0 and toks[span.start - 1].lemma in pack.generic_nouns
    # ("je ustanovil Kartonažo Nadiža d.o.o.", "prevzel konkurenčno Kartonažo Bela d.o.o.": a
    # verb's object, its first word in the accusative)
    after_verb = any(first_lemma == words[0].lower()[: len(words[0]) - len(acc)] + nom and words[0].endswith(acc)
                     and _verb_before_object(toks, span.start, acc, pack) for nom, acc in pack.accusative_endings)
    if span.source == MentionSource.LEGAL and len(words) > 2 and (is_business_noun(first_lemma, pack) or after_verb) \
            and first_lemma != words[0].lower() and (after_verb or not after_class_noun):
        # "Livarno Ferolit d.o.o. so ustanovili": a class noun opening the name is inflected
        span.name = first_lemma.capitalize() + span.name[len(words[0]):]
    elif span.source == MentionSource.CAPITALISED and len(words) >= 2 and business:
        # "je ustanovil Orodjarno Nanos": a business noun's accusative opens no name ("Orodjarna Nanos")
        span.name = business.capitalize() + span.name[len(words[0]):]
    elif span.source == MentionSource.LEGAL and len(words) > 2 and (opening := _adjective_noun_nominative(words, pack, doc.lang)):
        span.name = opening + span.name[len(words[0]) + 1 + len(words[1]):]  # "Kmetijske zadruge X" -> "Kmetijska zadruga X"
    elif span.source == MentionSource.LEGAL and len(words) > 2 and _oblique_after_word(doc, span.start, first_lemma, pack):
        span.name = first_lemma.capitalize() + span.name[len(words[0]):]  # "Nadzorni svet Armature Vrhnika d.d."
    elif span.source == MentionSource.LEGAL and len(words) >= 2 and span.start > 0 \
            and (nominative := _after_case_adjective(toks[span.start - 1].text, words[0], pack)) != words[0]:
        # "tržiške Tekstilke d.d." -> "Tekstilka d.d.", "koprske Terme Holding d.d." -> "Terma Holding d.d."
        span.name = nominative + span.name[len(words[0]):]
    elif span.source == MentionSource.LEGAL and len(words) > 2 and (noun := _inflected_business_noun_inside(words, pack, doc.lang)):
        k, base = noun  # "v lasti Ledava Holdinga d.d." -> "Ledava Holding d.d."
        span.name = " ".join([*words[:k], base, *words[k + 1:]])
    legal = span.source == MentionSource.LEGAL
    inside = trigger_inside(doc, span, pack)
    if inside in ("akg:Plant", "akg:IndustrialHub", "schema:Product") and span.source == MentionSource.LEGAL:
        inside = None  # "Livarna Kovina d.o.o.", "Folija Plus d.o.o.": a legal form makes a company, whatever noun opens the name
    # a sentence-initial generic or product noun only gives the class ("Ploščice Lipnica in Bistra ...")
    generic = toks[span.start].lemma in pack.generic_nouns or inside == "schema:Product"
    if inside and (doc.text[toks[span.start].start:toks[span.end - 1].end] in ref.by_alias
                   or not sentence_initial(doc, span.start)
                   or _opening_known_mid_sentence(doc, span, known_caps)
                   or not generic):
        span.cls, span.name, span.source = inside, name_with_trigger(doc, span), MentionSource.TRIGGER
        if inside == "schema:City" and span.end - span.start >= 2 and not pack.head_final:
            # "Občina Šentjernej", "Mesto Celje": the town is named by the words after the noun
            span.name = doc.text[toks[span.start + 1].start:toks[span.end - 1].end]
        name_ref = ref.by_alias.get(span.name)
        if name_ref:
            span.name = name_ref[0].label
    elif inside and span.end - span.start >= 2:
        # sentence-initial "Podjetje Krka": a generic noun gives the class, the name is the rest
        span.start += 1
        if span.end - span.start == 1 and span.end < len(toks) and toks[span.end].sent == toks[span.start].sent \
                and _adjective_opens_name(toks, span.start, pack):
            span.end += 1  # "Sokove Haloško jabolko polnimo ...": the adjective's noun too
        span.name = doc.text[toks[span.start].start:toks[span.end - 1].end]
        span.cls, span.source = inside, MentionSource.TRIGGER
    if span.source in (MentionSource.CAPITALISED, MentionSource.TRIGGER) and len(words) >= 2 and is_given_name(words[0], pack, doc.lang) \
            and span.cls in (None, "schema:Person") and not _after_name_noun(doc, span, pack) \
            and words[-1].lower() not in pack.company_name_heads and "&" not in words \
            and not (len(words) == 2 and words[-1].lower() in pack.town_name_heads
                     and not (span.start > 0 and is_name_token(toks[span.start - 1]))) \
            and not (pack.head_final and trigger_after(doc, span.end, pack) in NUMBERED):
        # ("Corvin Tools", "Hadley & Frome" are companies; "the Lee Valley brand" a brand; "Dawson City" a town)
        # a given name makes a person, whatever noun stands before ("direktorica tovarne Marija Kos")
        span.cls, span.source = "schema:Person", MentionSource.PERSON
        first = nominative_first_name(words[0], pack, doc.lang)
        rest = words[1:]
        masculine = _masculine_genitive(words, pack, doc.lang, lambda word: _stands_alone(doc, span, word)
                                        or _after_masculine_participle(doc, span.start, pack)
                                        or _after_masculine_role(doc, span.start, pack),
                                        lambda word: _written(doc, word))
        if masculine:  # "Marka Pintarja", "Mateja Lozarja" -> "Marko Pintar", "Matej Lozar"
            first, rest = masculine
        else:
            case = _given_name_case(words[0], first, pack)
            # "Janom Kosom" -> "Jan Kos", "Aljošo Vrhovnikom" -> "Aljoša Vrhovnik", "Janezom Mlakarjem"
            # -> "Janez Mlakar" (a surname in a soft consonant takes "-jem")
            for ending, repl in ([*pack.surname_case_variants.get(case, []), (case, "")] if case and rest else []):
                if rest[-1].endswith(ending) and len(rest[-1]) > len(ending) + 2:
                    # "Štimca" -> "Štimec": a stem no nominative ends in lost a fleeting e
                    rest[-1] = rest[-1][: -len(ending)] + repl if repl else repaired_stem(rest[-1][: -len(ending)], pack)
                    break
            if case and rest:
                rest[-1] = _written_surname(doc, rest[-1], pack)
        span.name = " ".join([first, *rest])
        return span
    if (span.cls is None or span.source == MentionSource.GAZETTEER) and len(words) == 1 \
            and is_given_name(words[0], pack, doc.lang) and \
            span.end + 1 < len(toks) and toks[span.end].text.lower() in LIST_SEPARATORS and \
            is_given_name(toks[span.end + 1].text, pack, doc.lang):
        # "brata Marko in Janez Kovač": a given name coordinated with a full name shares its surname
        # (also one that is a town: "by Gary and Donna Brandvold")
        span.cls, span.source = "schema:Person", MentionSource.PERSON
        k = span.end + 2
        surname = toks[k] if k < len(toks) and toks[k].sent == toks[span.start].sent else None
        if surname is not None and surname.is_capitalised and not is_given_name(surname.text, pack, doc.lang):
            span.name = f"{nominative_first_name(words[0], pack, doc.lang)} {surname.text}"
        return span
    if span.cls is None and span.source == MentionSource.CAPITALISED and len(words) <= 3 and span.start > 0 \
            and toks[span.start].sent == toks[span.start - 1].sent \
            and _title_before_name(toks, span.start - 1, span.end, pack, doc.lang):
        span.cls, span.source = "schema:Person", MentionSource.PERSON  # "Ms Koh", "Dr. Narelle Koh"
        return span
    if span.cls is None and span.source == MentionSource.CAPITALISED and looks_east_asian(words, doc.lang):
        span.cls, span.source = "schema:Person", MentionSource.PERSON
        return span
    if span.cls is None and len(words) == 2 and looks_like_person(words, doc, span.start, pack) \
            and not _after_name_noun(doc, span, pack):  # ("tlakovce Kora Tlak": a product, whatever its last word ends in)
        span.cls, span.source = "schema:Person", MentionSource.PERSON
        return span
    if span.cls is None and len(words) >= 2 and after_speech_verb(doc, span.start, pack):
        span.cls, span.source = "schema:Person", MentionSource.SPEAKER
        return span
    if span.cls is None and len(words) == 2 and _founded_by(doc, span.start, pack) \
            and words[-1].lower() not in pack.company_name_heads:
        span.cls, span.source = "schema:Person", MentionSource.PERSON  # "founded in 1948 by Tokujiro Kanemori"
        return span
    before = trigger_before(doc, span.start, pack)
    if before and legal and span.cls == "akg:Company":
        before = None  # "proizvajalca bučnega olja Oljarna Kapela d.o.o.": a legal form makes a company
    if before is None and span.cls is None and span.source == MentionSource.CAPITALISED:
        after_cls = _apposition_after(doc, span.end, pack)
        before = (span.start, after_cls) if after_cls else None
    if before and before[1] == "akg:Plant" and (country := pack.places.get(span.name)) and country.cls == "schema:Country":
        before = None  # "prvo tovarno zunaj Nemčije": a country names no plant
    if before and span.source != MentionSource.LEGAL:
        # the trigger decides the class: "blagovno znamko Renault" is the brand, not the group
        span.cls = before[1]
        if span.source != MentionSource.TRIGGER:
            surface = doc.text[toks[span.start].start:toks[span.end - 1].end]
            known = ref.find(surface, span.cls)
            town = pack.places.get(surface)
            span.name = known.label if known else town.label if town and town.cls == span.cls else surface
        span.source = MentionSource.TRIGGER
    if span.name.endswith(("'s", "’s")):
        span.name = span.name[:-2]  # "Brenner's plant": the possessor, not the plant
    elif pack.head_final and span.source not in (MentionSource.LEGAL, MentionSource.TRIGGER, MentionSource.MODIFIER):
        after = trigger_after(doc, span.end, pack)
        if after is None and span.source == MentionSource.GAZETTEER and span.cls == "schema:City" and span.end < len(toks) \
                and toks[span.end].lemma in pack.plant_nouns_too:
            after = "akg:Plant"  # "its Duluth brewery": a plant, where "the brewery X" is a company
        nxt = toks[span.end + 1] if span.end + 1 < len(toks) else None
        if after == "schema:City" and nxt is not None and nxt.text.isalpha() and nxt.text.islower():
            after = None  # "its Urbis city buses": "city" modifies the noun after it
        if after and ((span.source in (MentionSource.GAZETTEER, MentionSource.REFERENCE)
                       and after not in ("akg:Plant", "akg:IndustrialHub"))  # "its Pearl River cluster"
                      or (nxt is not None and is_name_token(nxt) and nxt.sent == toks[span.start].sent)):
            after = None  # "a Ho Chi Minh City maker", "the Istanbul conglomerate Boğaziçi Holding"
        if after and span.source in (MentionSource.GAZETTEER, MentionSource.DEMONYM) and span.cls == "schema:Country":
            after = None  # "a first US plant": a plant in the country, not one named after it
        if after == "schema:Product" and _letters_acronym(words):
            after = None  # "CNC lathes", "BOPP film": a technique, not a model's name
        if after == "akg:Plant" and _is_town(span):
            after = None  # "its Valladolid plant": the town stays; kg.extract.mentions.places adds its plant
        if after == "akg:Company" and _in_apposition_to_a_name(toks, span.start, pack):
            after = None  # "Fennick & Daw, the Nailsworth cloth maker,": the name before is the maker
        if after and not is_demonym(words, pack, doc.lang):
            # "the Douai plant" (not "its first African car plant": a nationality adjective)
            # "the Douai plant", "the Renault brand": the class noun follows the name
            span.cls, span.source = after, MentionSource.TRIGGER
            surface = doc.text[toks[span.start].start:toks[span.end - 1].end]
            known = ref.find(surface, span.cls)
            span.name = known.label if known else surface
    if span.cls is None and len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        span.source = MentionSource.ACRONYM
    return span


def _in_apposition_to_a_name(toks: list[Token], start: int, pack: LanguagePack) -> bool:
    """Does the word at ``start`` open, after an article, an apposition right after a name ("X, the
    Nailsworth cloth maker")? Then it modifies the class noun of the name before it."""
    return start >= 3 and toks[start - 1].text.lower() in pack.articles and toks[start - 2].text == "," \
        and toks[start - 3].sent == toks[start].sent and is_name_token(toks[start - 3])


def list_after_trigger(doc: Document, spans: list[Span], pack: LanguagePack) -> None:
    """Names listed after a plural trigger take its class: "tri tovarne (Douai, Maubeuge in Ruitz)"."""
    by_start = {s.start: s for s in spans}
    hub_ends = {s.end - 1 for s in spans if s.cls == "akg:IndustrialHub"}
    toks = doc.tokens
    for sent in doc.sentences:
        for i in range(sent.tok_start, sent.tok_end - 1):
            if i in hub_ends and toks[i + 1].text == "(":
                cls: str | None = "akg:Plant"  # "vozlišče Loški Park (Škofja Loka, Žiri in ...)": its plants
            elif toks[i].lemma in pack.list_triggers or pack.triggers.get((toks[i].lemma,)) in NUMBERED:
                cls = pack.triggers.get((toks[i].lemma,))  # "tovarne", "sire Gorjanc, Trdinka in Slivnik"
            else:
                continue
            j = i + 1
            if j < sent.tok_end and toks[j].text in "(:":
                j += 1
            first = by_start.get(j)
            nxt = by_start.get(first.end + 1) if first and first.end < sent.tok_end else None
            if first is None or nxt is None or toks[first.end].text.lower() not in LIST_SEPARATORS:
                if j == i + 1:
                    continue  # a single name right after the trigger: classify already typed it
            while j < sent.tok_end and j in by_start:
                span = by_start[j]
                if span.source == MentionSource.PERSON and cls in NUMBERED:
                    # a brand list is brands: "znamkama Satovje in Zlati Panj" names no person
                    span.name = doc.text[toks[span.start].start:toks[span.end - 1].end]
                    span.cls, span.source = cls, MentionSource.LIST
                elif span.source not in (MentionSource.TRIGGER, MentionSource.LEGAL, MentionSource.PERSON) \
                        and not (_is_town(span) and cls in ("akg:Company", "schema:Organization")):
                    span.cls, span.source = cls, MentionSource.LIST  # (not "družbo X d.o.o., Celje": its town)
                j = span.end
                if j < sent.tok_end and toks[j].text.lower() in LIST_SEPARATORS:
                    j += 1
                    if j < sent.tok_end and toks[j].text.lower() in LIST_SEPARATORS:
                        j += 1
                else:
                    break


def _ends_product_noun(doc: Document, i: int, cls: str, pack: LanguagePack) -> bool:
    """Is token ``i`` a product or brand noun that ends its noun phrase? "its Alpina gondolas", but
    not "the Ankara drone maker", where the noun only modifies the class noun after it."""
    if cls not in NUMBERED:
        return False
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    return nxt is None or (pack.triggers.get((nxt.lemma,)) is None and nxt.lemma not in pack.generic_nouns)


def _modifies_noun_phrase(toks: list, name_start: int, k: int, pack: LanguagePack) -> bool:
    """Is token ``k`` a lower-case word between a name and its noun inside one noun phrase opened
    by an article or possessive ("the Alpenfil membrane cloth", "its Durazin floor coatings"; not
    "Kolding makes pontoons")?"""
    word = toks[k].text
    opener = toks[name_start - 1].text.lower() if name_start > 0 else ""
    return opener in pack.articles | pack.possessives \
        and word.replace("-", "").isalpha() and word.islower() and (toks[k].lemma,) not in pack.triggers \
        and word not in LIST_SEPARATORS and word not in pack.prepositions


def _letters_acronym(words: list[str]) -> bool:
    """One word of capital letters only ("CNC", "BOPP"): before a product noun a technique, not a
    model, which carries digits ("HX-20") or lower case ("FreshLayer").

    >>> [_letters_acronym(w.split()) for w in ("CNC", "HX-20", "FreshLayer", "Kora Max")]
    [True, False, False, False]
    """
    return len(words) == 1 and words[0].isalpha() and words[0].isupper()


def _given_name_case(written: str, first: str, pack: LanguagePack) -> str:
    """The case ending a given name shows, which its surname takes too: "Janezom" -> "om" (from
    "Janez"), "Aljošo" -> "om" and "Markom" -> "om" (``surname_cases``: "Aljoša", "Marko")."""
    if written == first:
        return ""
    if written.startswith(first) and not (pack.given_name_endings_first and first.endswith(pack.given_name_endings_first)):
        ending = written[len(first):]
        # "Jureta" -> "a": the consonant a name in "-e" adds is no part of the case ending
        return ending[1:] if len(ending) > 1 and ending[0] in pack.given_name_stem_consonants else ending
    return pack.surname_cases.get((written[-1:], first[-1:]), "")


def _is_town(span: Span) -> bool:
    return span.source == MentionSource.GAZETTEER and span.cls == "schema:City"


def list_before_trigger(doc: Document, spans: list[Span], pack: LanguagePack) -> None:
    """Head-final lists: "the Douai, Maubeuge and Ruitz plants" all take the trigger's class, as do
    names before any product or brand noun ("its Alpina and Vertex gondolas")."""
    by_end = {s.end: s for s in spans}
    toks = doc.tokens
    for sent in doc.sentences:
        for i in range(sent.tok_start + 1, sent.tok_end):
            cls = pack.triggers.get((toks[i].lemma,))
            end = i
            if cls == "schema:Product" and i not in by_end and i - 1 in by_end and pack.head_final \
                    and _modifies_noun_phrase(toks, by_end[i - 1].start, i - 1, pack):
                end = i - 1  # "the Alpenfil membrane cloth", "its Durazin floor coatings"
            if not cls or end not in by_end or not (toks[i].lemma in pack.list_triggers or _ends_product_noun(doc, i, cls, pack)):
                continue
            if cls in NUMBERED and not toks[i].text.islower():
                continue  # "Ahlqvist Pump", "Ventora Blades": a capitalised noun is part of a company's name
            listed = _names_listed_before(by_end, end, sent.tok_start, toks)
            if cls == "akg:Company" and len(listed) < 2:
                continue  # "the Paarl company" is the company from Paarl; "the A and B companies" are two
            for span in listed:
                if cls == "akg:Plant" and _is_town(span):
                    continue  # "the Douai and Ruitz plants": towns, each with its plant (kg.extract.mentions.places)
                if span.source == MentionSource.GAZETTEER and span.cls == "schema:Country":
                    continue  # "a first US plant": a plant in the country
                if cls == "schema:Product" and _letters_acronym(doc.text[toks[span.start].start:toks[span.end - 1].end].split()):
                    continue  # "BOPP film": a technique
                if span.source not in (MentionSource.LEGAL, MentionSource.PERSON):
                    span.cls, span.source = cls, MentionSource.LIST
                    row = reference_index().find(span.name, cls)
                    if row is None and span.source == MentionSource.LIST:
                        span.name = doc.text[toks[span.start].start:toks[span.end - 1].end]


def _names_listed_before(by_end: dict[int, Span], i: int, start: int, toks: list) -> list[Span]:
    """The names ending at token ``i`` and coordinated before it ("Douai, Maubeuge and Ruitz")."""
    out: list[Span] = []
    j = i
    while j in by_end:
        span = by_end[j]
        out.append(span)
        j = span.start
        while j - 1 >= start and toks[j - 1].text.lower() in LIST_SEPARATORS:
            j -= 1
        if j == span.start:
            break
    return out


def acronym_expansions(doc: Document, spans: list[Span]) -> dict[int, str]:
    """ESG (Environmental, social, and corporate governance): the expansion of an acronym span.

    Returns {span start: expansion}; the spans inside the parentheses are removed.
    """
    toks = doc.tokens
    out: dict[int, str] = {}
    for span in spans:
        word = span.name
        if span.end - span.start != 1 or not (word.isupper() and len(word) >= 2) \
                or span.end >= len(toks) or toks[span.end].text != "(":
            continue
        sent_end = doc.sentences[toks[span.start].sent].tok_end
        j = span.end + 1
        while j < sent_end and toks[j].text != ")":
            j += 1
        inner = toks[span.end + 1:j]
        if j < sent_end and len([t for t in inner if t.is_word]) >= 2:
            initials = "".join(t.text[0] for t in inner if t.is_word and t.text.lower() not in ("and", "in", "of", "za", "&"))
            if initials.upper().startswith(span.name[0]):
                out[span.start] = doc.text[inner[0].start:inner[-1].end]
                # an expansion in lower-case words defines a term ("ESG (Environmental, social,
                # and corporate governance)"); a company's expansion is a capitalised name
                if any(t.is_word and t.text.islower() and len(t.text) > 3 for t in inner):
                    span.cls, span.source = "skos:Concept", MentionSource.DEFINITION
                for other in spans:
                    if span.end < other.start < j:
                        other.cls, other.source = None, MentionSource.EXPANSION
    return out


def _name_joins(pack: LanguagePack) -> set[str]:
    """Words that join two names of people: "and", not "in Port Talbot" nor an apposition's comma."""
    return LIST_SEPARATORS - pack.prepositions - {","}


def people_by_context(doc: Document, spans: list[Span], pack: LanguagePack) -> None:
    """Untyped names of two to four words that the sentence shows to be people become persons:
    "Rhian Pryce, who took over ...", "Chief operating officer Beat Zürcher said", "Ola Strand,
    the chief financial officer" (given names alone miss "Rhian", "Beat", "Ola")."""
    toks = doc.tokens
    people_end = {s.end for s in spans if s.cls == "schema:Person"}
    people_start = {s.start for s in spans if s.cls == "schema:Person"}
    joins = _name_joins(pack)
    # a person's surname that no organisation's name holds: "Everett Grindle" beside "Cole Grindle"
    in_orgs = {w for s in spans if s.cls is not None and s.cls != "schema:Person" for w in s.name.split()}
    family = {s.name.split()[-1] for s in spans if s.cls == "schema:Person" and " " in s.name} - in_orgs
    written = Counter(s.name for s in spans)  # (a company is named in full again and again: "Officine Varesi")
    for span in spans:
        if span.cls is not None or span.source != MentionSource.CAPITALISED or not 2 <= span.end - span.start <= 4:
            continue
        if any((t.lemma,) in pack.triggers or not t.text[:1].isupper() for t in toks[span.start:span.end]):
            continue
        plain = not any(t.text.lower() in pack.function_words or t.text.lower() in pack.months
                        or t.text.lower() in pack.sentence_openers for t in toks[span.start:span.end])
        if plain and span.name.split()[-1].lower() not in pack.company_name_heads and (
                (span.start - 1 in people_end and toks[span.start - 1].text.lower() in joins)
                or (span.end + 1 in people_start and span.end < len(toks) and toks[span.end].text.lower() in joins)):
            span.cls, span.source = "schema:Person", MentionSource.PERSON  # "Lars Eidsvik and Marte Bjørnstad"
            continue
        if plain and span.end - span.start == 2 and span.name.split()[-1] in family and written[span.name] == 1 \
                and not (span.end < len(toks) and toks[span.end].text in POSSESSIVE_MARKS):  # "Officine Varesi's forge"
            span.cls, span.source = "schema:Person", MentionSource.PERSON  # "Everett Grindle ... Cole Grindle"
            continue
        sent = doc.sentences[toks[span.start].sent]
        after = [t.text.lower() for t in toks[span.end:min(span.end + 2, sent.tok_end)]]
        relative = after[:1] == [","] and after[1:2] and after[1] in pack.person_relatives
        role_before = role_ends_at(toks, span.start, sent.tok_start, pack) or (
            span.start - 1 > sent.tok_start and toks[span.start - 1].text == ","
            and role_ends_at(toks, span.start - 1, sent.tok_start, pack))
        j = span.end + 1 if after[:1] == [","] else span.end
        while j < sent.tok_end and toks[j].text.lower() in pack.articles:
            j += 1
        if j + 1 < sent.tok_end and toks[j].is_capitalised and toks[j + 1].text in POSSESSIVE_MARKS:
            j += 2  # "Siri Lunde, Kvitfjell's chief executive, ..."
        elif j < sent.tok_end and toks[j].text.lower() in pack.possessives:
            j += 1  # "X, its founder"
        role_after = after[:1] == [","] and role_starts_at(toks, j, sent.tok_end, pack, written=True)
        occupation = span.start > sent.tok_start and toks[span.start - 1].text.islower() \
            and toks[span.start - 1].lemma in pack.occupation_nouns  # "mizar Just Mermolja"
        # ("a second plant in Sweet Home, chief executive X told ...": a place, the role is the next name's)
        placed = span.start > sent.tok_start and toks[span.start - 1].text.lower() in pack.locative_prepositions
        if relative or role_before or (role_after and not placed) or occupation:
            span.cls, span.source = "schema:Person", MentionSource.PERSON


def _inflected_business_noun_inside(words: list[str], pack: LanguagePack, lang: str) -> tuple[int, str] | None:
    """The position and nominative of a business noun inflected inside a legal name, after its
    first word ("Ledava Holdinga d.d." -> (1, "Holding")), by the pack's
    ``masculine_oblique_endings``; None if there is none. Only a masculine noun in an oblique
    case of the singular is sure: "Ravnik Stroji d.o.o." is a plural in the nominative,
    "Skupine" may be one; English declines no names ("Fox Cities Gear Co.")."""
    for k, word in enumerate(words[1:-1], 1):
        base = lemma(word.lower(), lang)
        if word[:1].isupper() and base[-1:].isalpha() and base[-1:] not in "aeiou" \
                and word.lower() in {base + ending for ending in pack.masculine_oblique_endings} and is_business_noun(base, pack):
            return k, base.capitalize()
    return None


def given_names_sharing_a_surname(doc: Document, spans: list[Span], pack: LanguagePack) -> None:
    """"by brothers Michael and Seán Brannock", "zakonca Ivan in Zdenka Cvetko": a lone given name
    (untyped, or a person of one word) joined to a person's full name shares its surname (after
    ``people_by_context`` has found the full name a person)."""
    toks = doc.tokens
    people = {s.start: s for s in spans if s.cls == "schema:Person" and len(s.name.split()) == 2}
    joins = _name_joins(pack)
    for span in spans:
        if span.cls not in (None, "schema:Person") or span.end - span.start != 1 or not is_given_name(span.name, pack, doc.lang) \
                or span.end >= len(toks) or toks[span.end].text.lower() not in joins:
            continue
        full = people.get(span.end + 1)
        if full is not None and toks[full.start].sent == toks[span.start].sent:
            span.cls, span.source = "schema:Person", MentionSource.PERSON
            span.name = f"{nominative_first_name(span.name, pack, doc.lang)} {full.name.split()[-1]}"


def company_name_openings(doc: Document, spans: list[Span], pack: LanguagePack) -> None:
    """A "person" that opens the name of a company the document writes in full is that company:
    "direktorica Lekarn Zeleni križ" is no person "Lekarn Zeleni" when "Lekarne Zeleni križ d.o.o."
    is named (a name run stops at the lower-case "križ")."""
    orgs = [s for s in spans if s.cls == "akg:Company" and s.source in (MentionSource.LEGAL, MentionSource.TRIGGER)]
    for span in spans:
        words = span.name.split()
        if span.cls != "schema:Person" or len(words) < 2 or is_given_name(words[0], pack, doc.lang):
            continue
        rest = " ".join(words[1:]).lower()
        heads = {lemma(c.lower(), doc.lang) for c in name_candidates(words[0], doc.lang, pack.inflection)}
        for org in orgs:
            org_words = org.name.lower().split()
            if len(org_words) > len(words) and lemma(org_words[0], doc.lang) in heads \
                    and " ".join(org_words[1:]).startswith(rest):
                span.cls, span.name, span.source = org.cls, org.name, MentionSource.CAPITALISED
                break


def companies_by_name_head(spans: list[Span], pack: LanguagePack) -> None:
    """Untyped names of two or more words that end in a word companies are named with are
    companies: "Glanmor Bakeries", "Redgum Estates", "Marmara Elektrik"; so are those that open
    with one in another language ("Grupo Serrano", "Acciaierie Valsesia")."""
    for span in spans:
        words = span.name.split()
        if span.cls is None and span.source == MentionSource.CAPITALISED and len(words) >= 2 \
                and (words[-1].lower() in pack.company_name_heads or words[0].lower() in pack.company_name_openers):
            span.cls, span.source = "akg:Company", MentionSource.NAME_HEAD


def company_possessives(doc: Document, spans: list[Span], pack: LanguagePack) -> list[Span]:
    """"Hanbitove tovarne v Ulsanu", "Folipakova tovarna" after "Hanbit Energy Co.", "Folipak":
    a capitalised possessive adjective of the first word of a company the document names is a
    mention of that company (its owner), replacing an untyped name of that word."""
    firsts: dict[str, str] = {}
    for s in spans:
        if s.cls == "akg:Company" and len(s.name.split()[0]) >= 3:
            firsts.setdefault(s.name.split()[0].lower(), s.name)
    if not firsts or not pack.possessive_endings:
        return spans
    # "Žitkonovo trgovsko podjetje Žitomarket d.o.o.": an adjective of a company named right after
    # it is no argument of its own
    companies = {s.start for s in spans if s.cls == "akg:Company"}
    stems = [(e, "") for e in pack.possessive_endings] + list(pack.possessive_stems)
    replaced = {s.start for s in spans
                if s.cls is None and s.end - s.start == 1 and _possessive_of(doc.tokens[s.start].text, firsts, stems)}
    out = [s for s in spans if not (s.start in replaced and s.end - s.start == 1 and s.cls is None)]
    taken = {k for s in out for k in range(s.start, s.end)}
    for i, t in enumerate(doc.tokens):
        if i not in taken and t.is_capitalised and (name := _possessive_of(t.text, firsts, stems)) \
                and not companies & set(range(i + 1, i + 4)):
            out.append(Span(i, i + 1, "akg:Company", name, MentionSource.CAPITALISED))
    return sorted(out, key=lambda s: (s.start, -s.end))


def _possessive_of(word: str, firsts: dict[str, str], stems: list[tuple[str, str]]) -> str:
    """The company whose first word ``word`` is a possessive adjective of, by ``stems`` (a
    possessive ending and the ending of the name it replaces: ("ova", ""), ("ini", "a")), else ""."""
    low = word.lower()
    return next((firsts[low[: len(low) - len(e)] + name_end] for e, name_end in stems
                 if low.endswith(e) and low[: len(low) - len(e)] + name_end in firsts), "")


def short_forms_over_towns(doc: Document, spans: list[Span], pack: LanguagePack) -> None:
    """"Ribeira, a unit of ..." after "Têxteis Ribeira": a one-word town name that is the first or
    last word of a company (or an untyped name) named before, and that no preposition governs ("in Ribeira" stays the
    town), is that company's short form: it is left untyped for the linker (``kg.extract.link``)."""
    toks = doc.tokens
    seen: set[str] = set()
    for span in sorted(spans, key=lambda s: s.start):
        words = span.name.split()
        while len(words) > 2 and words[-1] in pack.legal_suffix_texts:
            words = words[:-1]  # "Implementos Tupã Ltda." -> "Tupã"
        if span.cls in ("akg:Company", None) and span.source != MentionSource.COREF and len(words) >= 2:
            seen.update({words[0], words[-1]})
        elif span.source == MentionSource.GAZETTEER and span.cls == "schema:City" and span.end - span.start == 1 \
                and span.name in seen and not (span.start > 0 and toks[span.start - 1].text.lower() in pack.prepositions):
            span.cls, span.source = None, MentionSource.CAPITALISED
