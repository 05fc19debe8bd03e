"""Phrases that are not names: markets ("trg električnih vozil") and words that refer back
("Podjetje ...", "Ta ...", "ga")."""
from __future__ import annotations

from kg.extract.document import POSSESSIVE_MARKS, CorefHint, Document, MentionSource, Token
from kg.extract.mentions.names import names_a_company
from kg.extract.mentions.spans import OPENING_QUOTES, Span, is_given_name, is_name_token, role_starts_at
from kg.lang import LanguagePack


def _names_its_place(toks: list[Token], i: int, end: int, pack: LanguagePack) -> bool:
    """A plant noun followed (past one particle: "še", "tudi") by a preposition and a name or
    number names a plant there: "tovarne še v Avstriji" is no reference back to a plant."""
    j = i + 1
    if j < end and toks[j].text.lower() in pack.function_words and toks[j].text.lower() not in pack.locative_prepositions:
        j += 1
    if j + 1 >= end or toks[j].text.lower() not in pack.locative_prepositions:
        return False
    after = toks[j + 1]
    return is_name_token(after) or after.lemma in pack.numbers or after.text[:1].isdigit()

def _counted(toks: list[Token], i: int, start: int, pack: LanguagePack) -> bool:
    """A number before the noun at ``i``, past up to two lower-case words: "14 proizvodnih obratov"."""
    j = i - 1
    while j >= start and i - j <= 2 and toks[j].text.islower() and toks[j].lemma not in pack.numbers \
            and toks[j].text not in pack.function_words:
        j -= 1
    return j >= start and j < i - 1 and (toks[j].text.isdigit() or toks[j].lemma in pack.numbers)


def markets(doc: Document, pack: LanguagePack) -> list[Span]:
    """Market phrases: "trg električnih vozil", "evropski trg" (head noun + genitive words)."""
    spans: list[Span] = []
    toks = doc.tokens
    for sent in doc.sentences:
        for i in range(sent.tok_start, sent.tok_end):
            if toks[i].lemma not in pack.market_heads:
                continue
            if pack.head_final:
                spans.append(market_head_final(doc, i, sent.tok_start, sent.tok_end, pack))
                continue
            j = i + 1
            while (j < sent.tok_end and j - i <= 3 and toks[j].is_word and not toks[j].is_capitalised
                   and toks[j].text.lower() not in pack.function_words and toks[j].lemma not in pack.numbers
                   and not _is_verb(toks[j], pack)):  # "na trg poslala nov model": no market's name
                j += 1
            if j > i + 1:
                j = _past_complement(toks, j, sent.tok_end, pack)
            complement = doc.text[toks[i + 1].start:toks[j - 1].end] if j > i + 1 else ""
            head = toks[i].lemma
            span = Span(i, j, "akg:Market", f"{head} {complement}".strip(), MentionSource.MARKET)
            if not complement:
                # a bare "trg" refers back to the last market (see kg.extract.link); with a demonym
                # before it and no earlier market it is named by that ("evropski trg")
                span.weak = True
                if i > sent.tok_start and toks[i - 1].lemma in pack.demonyms:
                    span.name = f"{toks[i - 1].lemma} {head}"
            spans.append(span)
    return spans


def _is_verb(tok: Token, pack: LanguagePack) -> bool:
    """A participle of a verb ("poslala", "poslali": its lemma "poslati" ends as an infinitive);
    not a masculine one, which a genitive plural noun shares ("trg vozil", from "voziti")."""
    gender = pack.verb_gender(tok.text.lower())
    return pack.is_verb_lemma(tok.lemma) and gender not in ("", "m")


def _past_complement(toks: list, j: int, end: int, pack: LanguagePack) -> int:
    """The end of a market phrase past a complement that names it further ("trg baterij za
    avtobuse": "za" is one of the pack's ``market_complements``), else ``j``."""
    if j >= end or toks[j].text.lower() not in pack.market_complements:
        return j
    k = j + 1
    while (k < end and k - j <= 2 and toks[k].is_word and not toks[k].is_capitalised
           and toks[k].text.lower() not in pack.function_words):
        k += 1
    return k if k > j + 1 else j


def market_head_final(doc: Document, i: int, start: int, end: int, pack: LanguagePack) -> Span:
    """English market phrases: "the electric vehicle market", "the market for collaborative robots"."""
    toks = doc.tokens
    a = i
    while a - 1 >= start and i - (a - 1) <= 3 and toks[a - 1].is_word and not toks[a - 1].is_capitalised \
            and toks[a - 1].text.lower() not in pack.function_words and toks[a - 1].lemma not in pack.demonyms \
            and toks[a - 1].lemma not in pack.market_skip_words:
        a -= 1
    b = i + 1
    if a == i and b + 1 < end and toks[b].text.lower() in ("for", "of"):
        b += 1
        while b < end and b - i <= 4 and toks[b].is_word and (not toks[b].is_capitalised or toks[b].text.isupper()) \
                and toks[b].text.lower() not in pack.function_words:
            b += 1  # "the market for EV batteries": an acronym may stand in the complement
        if b == i + 2:
            b = i + 1  # "market for" with no complement after it
    name = doc.text[toks[a].start:toks[b - 1].end].lower()
    span = Span(a, b, "akg:Market", name, MentionSource.MARKET)
    if a == i and b == i + 1:
        span.weak = True  # "that market": refers back (kg.extract.link)
        if a > start and toks[a - 1].lemma in pack.demonyms:
            span.name = f"{toks[a - 1].text.lower()} {toks[i].text.lower()}"
    return span


def _is_predicate_noun(toks: list, start: int, i: int, pack: LanguagePack, taken: set[int],
                       spans: list[Span]) -> bool:
    """A class noun after a copula says what a subject named before is ("X je mednarodna
    skupina"); after a fronted adverbial it is the subject ("Leta 2023 je podjetje ...") and
    after a role it is the organisation ("je direktorica družbe")."""
    if any(tuple(t.lemma for t in toks[i - n:i]) in pack.roles for n in (1, 2, 3) if i - n >= start):
        return False
    if i + 1 < len(toks) and toks[i + 1].text in POSSESSIVE_MARKS:
        return False  # "X is the company's finance director": the noun owns what follows
    copulas = [c for c in range(max(start, i - 3), i) if toks[c].text.lower() in pack.copulas]
    if not copulas:
        return False
    if copulas[0] > start and toks[copulas[0] - 1].text.lower() in pack.object_pronouns | pack.relative_pronouns:
        return False  # "..., ki ga je skupina kupila": an auxiliary, the noun is the subject
    clause = start  # only a subject in the copula's own clause: not "X je povedal, da bo podjetje ..."
    for c in range(copulas[0] - 1, start - 1, -1):
        if toks[c].text.lower() in pack.clause_openers:
            clause = c + 1
            break
    before = set(range(clause, copulas[0]))
    if before & taken or any(sp.start in before for sp in spans):
        return True
    if i + 1 < len(toks) and toks[i + 1].text.lower() in pack.predicates_after_subject:
        return False  # "Že deset let je podjetje del skupine X": the predicate follows the noun
    # no subject before the copula: the noun is the subject only if a participle follows in its
    # clause ("Leta 2023 je podjetje ... ustanovilo"), not in "danes pa je to podjetje z 90 ..."
    first = i + 1
    if first + 1 < len(toks) and toks[first].text == "," and toks[first + 1].text.lower() in pack.relative_pronouns:
        # "Po zaprtju bo družba, ki je v lasti X, šivala ...": the participle comes after the
        # relative clause on the noun
        first += 2
        while first < len(toks) and toks[first].sent == toks[i].sent and toks[first].text not in ",.!?":
            first += 1
        first += 1
    end = first
    while end < len(toks) and toks[end].sent == toks[i].sent and toks[end].text.lower() not in pack.clause_openers \
            and toks[end].text not in ".!?":
        end += 1
    return not any(pack.verb_gender(t.text.lower()) and pack.is_verb_lemma(t.lemma)
                   for t in toks[first:end])


SEAT_NAME_REACH = 3  # words of a town before a seat suffix ("The São Paulo-based ...")


def _after_seat_suffix(toks: list, start: int, i: int, pack: LanguagePack) -> bool:
    """Is token ``i`` the noun of a sentence-opening "The <Town>-based <noun>" ("The
    Mumbai-headquartered converter ...", "The Bogotá-based maker ...", "The Basel-headquartered CDMO")?"""
    word = toks[i].text
    if not ((word.isalpha() and word.islower()) or word in pack.common_acronyms) or not (start + 2 < i <= start + 1 + SEAT_NAME_REACH) \
            or toks[start].text.lower() not in pack.coref_determiners:
        return False
    return pack.is_seat_suffix(toks[i - 1].text) and all(t.is_capitalised for t in toks[start + 1:i - 1])


FRONTED_REACH = 5  # words a fronted adverbial may have ("Under his leadership", "In March 2019")


def _after_fronted_adverbial(toks: list, start: int, i: int, pack: LanguagePack) -> bool:
    """Is the pronoun at ``i`` a subject after a fronted adverbial with no comma ("Under his
    leadership it added factories", "Last year it opened a plant")?"""
    return 0 < i - start <= FRONTED_REACH and toks[start].text.lower() in pack.fronted_openers \
        and toks[i].text.lower() in pack.fronted_pronouns and all(t.text != "," for t in toks[start:i])


def _over_compounds(toks: list, i: int, start: int) -> int:
    """The token before ``i`` and any hyphenated adjectives before it ("the 60-year-old firm")."""
    j = i - 1
    while j > start:
        k = j  # the tokeniser may split a compound: "60-year", "-", "old"
        while k > start and toks[k - 1].end == toks[k].start:
            k -= 1
        word = "".join(t.text for t in toks[k:j + 1])
        if not ("-" in word and word.islower() and len(word) > 2):
            break
        j = k - 1
    return j


def _town_modifier(toks: list, i: int, start: int, pack: LanguagePack) -> int:
    """"The Houston-based panel maker ...", "The Busan company, which ...": the token of the town
    between the determiner and the class noun ``i`` (the company's head office), else -1. Only
    where the noun phrase opens the sentence or follows a comma, where it refers to the topic."""
    j = i - 1
    if j > start and toks[j].text.isalpha() and toks[j].text.islower() and (toks[j].lemma,) not in pack.triggers:
        j -= 1  # one noun before the class noun: "panel", "drone"
    based = j > start and pack.is_seat_suffix(toks[j].text)
    if based:
        j -= 1  # "Houston-based"
    place = pack.places.get(toks[j].text) if j > start else None
    # (a capitalised word before "-based" is a town the gazetteer may lack: "The Oldbury-based firm")
    town = (place is not None and place.cls == "schema:City") or (based and toks[j].is_capitalised and j > start)
    if not town or not _opens_reference(toks, j - 1, start, pack):
        return -1
    if based and place is None and j - 3 >= start and toks[j - 2].text == "," and toks[j - 3].is_capitalised:
        return -1  # "X Pvt Ltd, the Phuentsholing-headquartered maker": X's apposition, no reference back
    return j


def _noun_modifier(toks: list, i: int, start: int, pack: LanguagePack) -> bool:
    """"The craft brewer was started ...", "The furniture maker, which ...": one noun between the
    determiner and the class noun ``i``, where the phrase refers back (see ``_opens_reference``);
    not an adjective that sets it apart ("the other maker", "the largest maker", "a new firm")."""
    j = i - 1
    word = toks[j].text.lower() if j > start else ""
    if not (word.isalpha() and toks[j].text.islower()) or word.endswith("est") or toks[j].lemma in pack.demonyms \
            or {word, toks[j].lemma} & (pack.other_words | pack.newness_words | pack.non_referring_modifiers):
        return False
    return _opens_reference(toks, j - 1, start, pack)


def _opens_reference(toks: list, det: int, start: int, pack: LanguagePack) -> bool:
    """Is ``det`` a determiner where a noun phrase refers back to the topic: opening the sentence
    (after "Today"), after a comma, or opening reported speech ("said the Leeds-based group would")?"""
    if det < start or toks[det].text.lower() not in pack.coref_determiners:
        return False
    before = _before_reported(toks, det, start)
    return before is None or before.text == "," or before.lemma in pack.speech_verbs \
        or (det - 1 == start and before.text.lower() in pack.sentence_openers)


def _before_reported(toks: list, det: int, start: int) -> Token | None:
    """The token before the determiner ``det``, past a "that" opening reported speech ("said that
    the group ..."); None at the sentence start ``start``."""
    before = toks[det - 1] if det > start else None
    if before is not None and before.text.lower() == "that" and det - 1 > start:
        before = toks[det - 2]
    return before


def _reports_speech(toks: list, i: int, start: int, pack: LanguagePack) -> bool:
    """Does the noun phrase of class noun ``i`` open reported speech ("Marsh said the Leeds-based
    group would ...")? Then it is the speaker's organisation, named before in the sentence."""
    det = next((d for d in range(i - 1, max(start, i - 5) - 1, -1) if toks[d].text.lower() in pack.coref_determiners), -1)
    before = _before_reported(toks, det, start) if det > start else None
    if before is not None and before.lemma in pack.speech_verbs:
        return True
    # "je povedal, da bo podjetje ...": a complementiser after a comma and a speech verb, a few words before
    that = next((d for d in range(i - 1, max(start, i - 4) - 1, -1) if toks[d].text.lower() in pack.speech_complementisers), -1)
    return that - 2 >= start and toks[that - 1].text == "," and toks[that - 2].lemma in pack.speech_verbs


def _demonym_modifier(toks: list, i: int, start: int, pack: LanguagePack) -> str:
    """"The South Korean battery maker ...", "The German carmaker, which ...": the nationality
    adjective between the determiner and the class noun ``i`` (its last word's lemma), else "".
    Only where the noun phrase opens the sentence or follows a comma, where it refers back."""
    j = i - 1
    if j > start and toks[j].text.isalpha() and toks[j].text.islower() and toks[j].lemma not in pack.demonyms:
        j -= 1  # one noun before the class noun: "battery"
    if j <= start or toks[j].lemma not in pack.demonyms:
        return ""
    k = j - 1 if f"{toks[j - 1].lemma} {toks[j].lemma}" in pack.demonyms else j  # "South Korean"
    if not _opens_reference(toks, k - 1, start, pack):
        return ""
    return str(toks[j].lemma)


def site_pronouns(doc: Document, pack: LanguagePack, taken: set[int]) -> list[Span]:
    """"Tam na leto izdelajo ...", "V njej bodo izdelovali ...": a word opening its sentence that
    refers to the plant or hub named last (lexicon ``site_pronouns``; kg.extract.link resolves it)."""
    spans = []
    for sent in doc.sentences:
        i = sent.tok_start
        if i + 1 < sent.tok_end and doc.tokens[i].text.lower() in pack.locative_prepositions:
            i += 1  # "V njem ..."
        if i not in taken and i + 1 < sent.tok_end and doc.tokens[i].text.lower() in pack.site_pronouns:
            span = Span(i, i + 1, "org:Site", doc.tokens[i].text.lower(), MentionSource.COREF)
            span.hint = CorefHint.LATTER
            spans.append(span)
    return spans


def _apposition_to_name(toks: list[Token], i: int, start: int, pack: LanguagePack, taken: set[int]) -> bool:
    """Is the noun at ``i`` the head of an apposition right after a name: ", the German group"
    after "Stahlwerk Kessner" (an article, lower-case words and a nationality adjective; "Founded
    by Per Almqvist, the company employs ..." opens the main clause)?"""
    j, demonym = i - 1, False
    while j > start and (toks[j].text.islower() or toks[j].lemma in pack.demonyms) and toks[j].text.isalpha() \
            and toks[j].text.lower() not in pack.coref_determiners:
        demonym = demonym or toks[j].lemma in pack.demonyms
        j -= 1
    if not demonym or j <= start + 1 or toks[j].text.lower() not in pack.coref_determiners - pack.possessives:
        return False
    return toks[j - 1].text == "," and j - 2 in taken and toks[j - 2].is_capitalised


OWNER_REACH = 5  # words from a plant noun to the name of its owner ("tovarna nemškega proizvajalca filtrov X")


def _names_its_owner(toks: list[Token], i: int, end: int, pack: LanguagePack) -> bool:
    """Does the plant noun at ``i`` name its owner after it, through a company noun in the
    genitive ("tovarna nemškega proizvajalca filtrov Luftmann GmbH")? Then it is that company's
    plant, not one named before (but "v obratu družbe X v Kropi" may be the Kropa plant)."""
    company_noun = False
    if i + 1 < end and toks[i + 1].text in pack.predicates_after_subject and toks[i + 1].text not in pack.prepositions:
        return False  # "je steklarna del skupine X": the noun is the subject, what follows its predicate
    for j in range(i + 1, min(end, i + 1 + OWNER_REACH)):
        if not toks[j].text.isalpha():
            return False
        if toks[j].text.islower():
            company_noun = company_noun or pack.triggers.get((toks[j].lemma,)) == "akg:Company"
            continue
        return company_noun and not _place_after_name(toks, j, end, pack)
    return False


GENITIVE_REACH = 3  # lower-case words between a company noun and the name it heads


def _heads_a_name(toks: list[Token], i: int, end: int, pack: LanguagePack) -> bool:
    """Does the company noun at ``i`` head a name after its genitive complement ("proizvajalca
    bučnega olja Oljarna Kapela d.o.o."; a language whose complements follow their noun)? Then it
    names that company, it refers to none before. A verb or function word between ("podjetje je
    prevzelo Kovino") ends the phrase."""
    for j in range(i + 1, min(end, i + 2 + GENITIVE_REACH)):
        t = toks[j]
        if t.text.isalpha() and t.text.islower():
            if j == i + 1 + GENITIVE_REACH or t.text in pack.function_words or t.text in pack.prepositions \
                    or pack.verb_gender(t.text) or pack.is_verb_lemma(t.lemma):
                return False
            continue
        return j > i + 1 and is_name_token(t)
    return False


def _place_after_name(toks: list[Token], j: int, end: int, pack: LanguagePack) -> bool:
    """Does a place follow the name at ``j`` in its phrase ("družbe Vigrad d.o.o. v Kropi")?"""
    for k in range(j + 1, min(end - 1, j + 1 + OWNER_REACH)):
        if toks[k].text in ",;":
            return False
        if toks[k].text.lower() in pack.locative_prepositions:
            return is_name_token(toks[k + 1])
    return False


def coreferring(doc: Document, pack: LanguagePack, taken: set[int], naming_nouns: frozenset[str] = frozenset()
                ) -> list[Span]:
    """Words that refer back: "Podjetje zaposluje ...", "Ta želi ...", "... da bo podjetje vložilo".

    Pronouns count only at the start of a sentence; nouns ("podjetje", and ``naming_nouns``, the
    nouns that open this document's company names: "sirarna") anywhere, when no name follows them.
    """
    spans = []
    toks = doc.tokens
    for sent in doc.sentences:
        start = sent.tok_start
        while start < sent.tok_end and toks[start].text in OPENING_QUOTES:
            start += 1
        for i in range(start, sent.tok_end - 1):
            word = toks[i].text.lower()
            if i not in taken and (
                    (word in pack.owner_possessives and {toks[i + 1].lemma, toks[i + 1].text.lower()} & pack.subsidiary_nouns)
                    or (word in pack.role_owner_possessives and i != start and role_starts_at(toks, i + 1, sent.tok_end, pack))):
                # "njeno hčerinsko podjetje X", "who is now its chief executive": the possessive is
                # the organisation named before in the sentence (kg.extract.link)
                spans.append(Span(i, i + 1, "akg:Company", toks[i].text.lower(), MentionSource.COREF))
                continue
            cls = "akg:Company" if toks[i].text.lower() in pack.object_pronouns or toks[i].lemma in naming_nouns \
                else pack.coreference.get(toks[i].lemma)
            seated = cls is None and _after_seat_suffix(toks, start, i, pack)
            if seated:
                cls = "akg:Company"  # "The Mumbai-headquartered converter, ...": any noun after a seat refers back
            if not cls or i in taken:
                continue
            is_noun = seated or (toks[i].lemma,) in pack.triggers or toks[i].lemma in naming_nouns \
                or (i == start + 1 and toks[start].text.lower() in pack.coref_determiners)  # "The business was started"
            if is_noun and i != start and _is_predicate_noun(toks, start, i, pack, taken, spans):
                continue  # "je mednarodna skupina", "bo ostal samostojna družba": says what, not who
            after_clause_break = i > sent.tok_start and (toks[i - 1].text.lower() in (",", "and", "in", "ter", "but") or (
                toks[i - 1].text == ";" and word in pack.clause_latter_pronouns))  # "...; ta ima sedež v X"
            if i != start and not is_noun and toks[i].text.lower() not in pack.object_pronouns \
                    and not after_clause_break and not _after_fronted_adverbial(toks, start, i, pack):
                continue
            if toks[i].text.lower() in pack.object_pronouns and i > sent.tok_start and \
                    toks[i - 1].text.lower() in pack.relative_pronouns:
                continue  # "..., ki ga je": the pronoun refers to the noun before, not back
            nxt = toks[i + 1]
            prev = toks[i - 1] if i > sent.tok_start else None
            of_place = is_noun and prev is not None and i - 1 == start and prev.lemma in pack.demonyms
            town = pack.town_adjectives.get(prev.text.lower(), "") if is_noun and prev is not None else ""
            adjective = _demonym_modifier(toks, i, start, pack) if is_noun and cls == "akg:Company" \
                and pack.coref_determiners and i != start else ""
            if prev is not None and not of_place and not adjective and (
                    prev.lemma in pack.demonyms or prev.lemma in pack.numbers or (is_noun and prev.text.isdigit())
                    or prev.lemma in pack.other_words or prev.text.lower() in pack.other_words
                    or (is_noun and _counted(toks, i, sent.tok_start, pack))):
                continue  # "evropski proizvajalec", "dve podjetji", "drugo tovarno": not a reference back
            seat = -1
            if is_noun and pack.coref_determiners and i != start and \
                    toks[_over_compounds(toks, i, start)].text.lower() not in pack.coref_determiners:
                seat = _town_modifier(toks, i, start, pack) if cls == "akg:Company" else -1  # "the Houston-based panel maker" does
                if seat < 0 and not adjective and not _noun_modifier(toks, i, start, pack):
                    # nor "the South Korean battery maker", "The craft brewer ..."
                    continue  # English: "the (family-owned) company" refers back, "the leading manufacturer" does not
            if is_noun and pack.coref_determiners and _apposition_to_name(toks, i, start, pack, taken):
                continue  # "Stahlwerk Kessner, the German group whose ...": the name before, not the topic
            if (cls == "akg:Plant" or toks[i].lemma in pack.plant_nouns_too) and (
                    _names_its_place(toks, i, sent.tok_end, pack) or _names_its_owner(toks, i, sent.tok_end, pack)):
                continue  # "tovarno v Valjevu", "tovarna proizvajalca filtrov Luftmann": not a reference back
            if cls == "akg:Company" and is_noun and not pack.head_final and _heads_a_name(toks, i, sent.tok_end, pack):
                continue  # "lendavskega proizvajalca bučnega olja Oljarna Kapela d.o.o."
            if toks[i].text.lower() in pack.object_pronouns | pack.possessives or (
                    (not is_name_token(nxt) or (is_given_name(nxt.text, pack, doc.lang)
                                                and not names_a_company(doc, i + 1, sent.tok_end, pack)))
                    and nxt.lemma not in pack.coreference and
                    (nxt.lemma,) not in pack.triggers and nxt.text not in "(:"):
                span = Span(i, i + 1, cls, toks[i].text, MentionSource.COREF, seat_town=seat)
                if prev is not None and prev.lemma in pack.newness_words:
                    span.hint = CorefHint.NEW  # "nova družba": the organisation introduced last (kg.extract.link)
                elif of_place and prev is not None:
                    # "Italijanska skupina ...": the Italian one (kg.extract.link)
                    span.hint, span.hint_adjective = CorefHint.OF, prev.lemma
                elif town:
                    # "Semiško podjetje ...": the company introduced as the Semič one (kg.extract.link)
                    span.hint, span.hint_adjective = CorefHint.OF, f"town:{town}"
                elif adjective:
                    # "The South Korean battery maker": the Korean one, else the topic
                    span.hint, span.hint_adjective = CorefHint.OF, adjective
                elif is_noun and cls == "akg:Company" and toks[i].lemma not in pack.specific_coref_nouns \
                        and _reports_speech(toks, i, start, pack):
                    span.hint = CorefHint.SPEAKER  # "Marsh said the group would ...": the organisation named before
                elif prev is not None and {prev.lemma, prev.text.lower()} & pack.latter_words:
                    span.hint = CorefHint.LATTER  # "Omenjena družba": the organisation mentioned last
                elif (prev is None or prev.text in ",;") and toks[i].text.lower() in pack.clause_latter_pronouns:
                    # "X je hčerinska družba koncerna Y, ta pa ima ...", "...; ta ima", "... jo je kupil
                    # koncern Y. Ta ima sedež v Z": Y (a subject that goes on is dropped, not "ta")
                    span.hint = CorefHint.LATTER
                spans.append(span)
    return spans
