"""Places: the gazetteer and reference names in any listed form, names after a locative preposition
("v Douaiju"), plants named after the town they are in, and adjectives naming a place."""
from __future__ import annotations

from kg.extract.document import Document, MentionSource, Token
from kg.extract.lemmatize import name_candidates
from kg.extract.mentions.spans import LIST_SEPARATORS, Span, after_dateline, is_name_token, opens_paragraph
from kg.extract.wordphrases import has_phrase
from kg.lang import LanguagePack
from kg.reference import reference_index


def attributive(toks: list[Token], start: int, end: int, pack: LanguagePack) -> bool:
    """Is the country name at ``[start, end)`` used as an adjective of a company named right after
    a few lower-case words ("U.S. brake maker Caswell", "at New Zealand rival Kahikatea"; not "the
    U.S. market")? Only in a language that puts modifiers before the noun.

    >>> from kg.lang import load_pack
    >>> words = ["the", "US", "biotech", "Alveda", "in", "US", "markets", "."]
    >>> toks = [Token(i, w, 0, 0, 0) for i, w in enumerate(words)]
    >>> attributive(toks, 1, 2, load_pack("en")), attributive(toks, 5, 6, load_pack("en"))
    (True, False)
    """
    if not pack.head_final:
        return False
    k = end
    while k < min(len(toks), end + MODIFIER_REACH) and toks[k].text.isalpha() and toks[k].text.islower() \
            and toks[k].text not in pack.function_words:
        k += 1
    return end < k < len(toks) and toks[k].is_capitalised and toks[k].sent == toks[start].sent


MODIFIER_REACH = 3  # lower-case words between a country used as an adjective and the company's name


def lexicon_spans(doc: Document, pack: LanguagePack) -> list[Span]:
    """Known multi-word names in any listed form: "v Novem mestu" -> Novo mesto, "Renault Group"."""
    ref = reference_index()
    spans: list[Span] = []
    toks = doc.tokens
    for sent in doc.sentences:
        i = sent.tok_start
        while i < sent.tok_end:
            found = _dateline_settlement(doc, i, sent.tok_end, pack) if i == sent.tok_start else None
            if toks[i].is_capitalised and found is None:
                for n in (5, 4, 3, 2):  # ("iz Svete Trojice v Slovenskih goricah")
                    if i + n > sent.tok_end:
                        continue
                    text = doc.text[toks[i].start:toks[i + n - 1].end]
                    if text in pack.places:
                        place = pack.places[text]
                        found = Span(i, i + n, place.cls, place.label, MentionSource.GAZETTEER)
                        if place.cls == "schema:Country" and attributive(toks, i, i + n, pack):
                            found.source = MentionSource.DEMONYM  # "New Zealand rival X": its origin
                    elif text in ref.by_alias:
                        row = ref.by_alias[text][0]
                        found = Span(i, i + n, row.cls, row.label, MentionSource.REFERENCE)
                    if found:
                        break
            if found:
                spans.append(found)
                i = found.end
            else:
                i += 1
    return spans


DATELINE_ENDS = frozenset({",", "–", "—", "-"})


def _dateline_settlement(doc: Document, i: int, end: int, pack: LanguagePack) -> Span | None:
    """A town or settlement written as it is that opens a paragraph before a comma or a dash: a
    dateline ("Ločica ob Savinji, 9. junija – Družba ...")."""
    toks = doc.tokens
    if not toks[i].is_capitalised or not opens_paragraph(doc, toks[i].start):
        return None
    for n in (4, 3, 2, 1):
        if i + n < end and toks[i + n].text in DATELINE_ENDS:
            text = doc.text[toks[i].start:toks[i + n - 1].end]
            if _is_known_town(text, pack):
                return Span(i, i + n, "schema:City", text, MentionSource.GAZETTEER)
    return None


def street_address_tokens(doc: Document, pack: LanguagePack) -> set[int]:
    """The tokens of street addresses: after a comma or colon, up to four words, one of them a street
    noun or all of them before a postal code and town, and a house number before a comma or the
    line's end ("X d.o.o., Cesta Staneta Žagarja 41, Kranj", "Y GmbH, Hauptstraße 7, 9020
    Celovec"): no word there names a person, a market or a company.

    >>> from pathlib import Path
    >>> from kg.extract.document import Document
    >>> from kg.extract.segment import segment
    >>> from kg.lang import load_pack
    >>> doc = segment(Document("d", Path("d.txt"), "Kupec: Mlin d.o.o., Trg svobode 14, Bovec", {}))
    >>> sorted(doc.tokens[i].text for i in street_address_tokens(doc, load_pack("sl")))
    ['14', 'Trg', 'svobode']
    >>> doc = segment(Document("d", Path("d.txt"), "Kupec: Alpin GmbH, Hauptstraße 7, 9020 Celovec", {}))
    >>> sorted(doc.tokens[i].text for i in street_address_tokens(doc, load_pack("sl")))
    ['7', 'Hauptstraße']
    """
    toks = doc.tokens
    out: set[int] = set()
    if not pack.street_nouns:
        return out
    for i, tok in enumerate(toks):
        if tok.text not in (",", ":"):
            continue
        for k in range(i + 2, min(i + 6, len(toks))):
            if toks[k].sent != tok.sent or (not toks[k].text[:1].isalpha() and not toks[k].text.isdigit()):
                break
            closed = k + 1 >= len(toks) or toks[k + 1].text == "," or toks[k + 1].sent != tok.sent
            words = toks[i + 1:k]
            if toks[k].text.isdigit() and closed and (any(w.text.lower() in pack.street_nouns for w in words)
                                                      or _postcode_follows(toks, k + 1, tok.sent)):
                out.update(range(i + 1, k + 1))
                break
    return out


POSTCODE_DIGITS = (4, 5)  # "9020 Celovec", "21000 Split", "8605 Kapfenberg"


def _postcode_follows(toks: list[Token], comma: int, sent: int) -> bool:
    """", 9020 Celovec": a postal code and a capitalised town after the comma at ``comma``, so
    the words before are a street and its house number in any language ("Hauptstraße 7",
    "Put Brodarice 6")."""
    return comma + 2 < len(toks) and toks[comma].text == "," and toks[comma + 2].sent == sent \
        and toks[comma + 1].text.isdigit() and len(toks[comma + 1].text) in POSTCODE_DIGITS \
        and toks[comma + 2].text[:1].isupper()


def _person_surnames(spans: list[Span]) -> set[str]:
    """The last words of the full names of people, lower-case: a name listed after a place
    that is one of them is the person ("in Morgantown, Hale said" after "Marcus Hale")."""
    return {s.name.split()[-1].lower() for s in spans if s.cls == "schema:Person" and " " in s.name}


def plants_in_towns(doc: Document, spans: list[Span], pack: LanguagePack) -> list[Span]:
    """"tovarno v Hočah", "tri tovarne: v Velenju, Šoštanju in Žalcu": plants named after towns.

    Each such town gets a second, hidden span: a plant of the same name (see ``kg.extract.relations``,
    which links the plant to its town). Returns the new plant spans.
    """
    toks = doc.tokens
    by_start = {s.start: s for s in spans}
    surnames = _person_surnames(spans)  # ("in Morgantown, Hale said": no second plant)
    # "its Longue Hougue plant in St Sampson": a plant named so (no company's name: "the Agroval
    # plant, in Kecskemét" is the company's plant in the town) right before its noun and the town
    company_words = {s.name.split()[0] for s in spans if s.cls == "akg:Company"}
    named_plant_ends = {s.end for s in spans if s.cls == "akg:Plant" and s.source != MentionSource.PLANT_TOWN
                        and s.name.split()[0] not in company_words and s.name not in pack.places}
    plants: list[Span] = []
    plants += _towns_before_plant_nouns(doc, spans, pack)
    plants += _towns_that_make(doc, spans, pack)
    for sent in doc.sentences:
        plants += _towns_after_plant_verbs(doc, sent.tok_start, sent.tok_end, by_start, pack)
        plants += _towns_before_plant_verbs(doc, sent.tok_start, sent.tok_end, by_start, pack)
        triggers = _plant_triggers(doc, sent.tok_start, sent.tok_end, pack)
        for i in triggers:
            if i >= sent.tok_end - 2 or (i in named_plant_ends and toks[i + 1].text.lower() in pack.locative_prepositions):
                continue  # "its Longue Hougue plant in St Sampson": the named plant's town, no plant
            j = i + 1
            while j < sent.tok_end and j - i <= 7 and toks[j].text.lower() not in pack.locative_prepositions:
                if toks[j].text in ".;" or toks[j].lemma in pack.seat_words or (
                        j in by_start and by_start[j].source != MentionSource.COREF
                        and not (j == i + 1 and by_start[j].cls == "akg:Company")):
                    # "tovarno je podjetje odprlo v X" passes over a referring noun, "obrata X v Y" over its
                    # owner; "v tovarni podjetje s sedežem v X" stops: X is the head office's town
                    break
                j = by_start[j].end if j in by_start else j + 1
            if j >= sent.tok_end - 1 or toks[j].text.lower() not in pack.locative_prepositions:
                continue
            if toks[j].text.lower() in pack.origin_prepositions and i + 1 in by_start \
                    and by_start[i + 1].source == MentionSource.LEGAL and by_start[i + 1].end == j:
                continue  # "livarno Cerlit d.o.o. iz Pivke prodala": a company named by its trade, and its seat
            k = j + 1 + (j + 1 < sent.tok_end and toks[j + 1].text.lower() in pack.place_modifiers)  # "in nearby X"
            k = _past_demonym(_past_region(toks, k, by_start, pack), by_start)
            closed = False  # "v Zrečah in Vitanju, v Gradcu pa ...": a comma after "in" ends the list
            while k in by_start and by_start[k].cls in ("schema:City",) \
                    and not (k > j + 1 and by_start[k].name.lower() in surnames):
                town = by_start[k]
                plants.append(Span(town.start, town.end, "akg:Plant", town.name, MentionSource.PLANT_TOWN))
                k = town.end
                if k < sent.tok_end and toks[k].text.lower() in LIST_SEPARATORS \
                        and not (closed and toks[k].text == ","):
                    closed = closed or toks[k].text.lower() in pack.list_final_joiners
                    k += 1
                    if k < sent.tok_end and toks[k].text.lower() in pack.locative_prepositions:
                        k += 1
                    k = _past_demonym(k, by_start)  # "v Solkanu in v italijanski Gorici"
                else:
                    break
        # "v Kidričevem bo zgradil novo tovarno", "bo v Ostravi na Češkem odprl drugo": the town
        # before the trigger (not "sedež v X in dva obrata", where the town belongs to the phrase
        # before "in")
        for i in triggers:
            # ("V Žimaricah ima žago družba X": a class noun after the plant's opens the subject)
            subject_next = i + 1 < sent.tok_end and toks[i + 1].lemma in pack.generic_nouns
            if (not subject_next and any(is_name_token(t) for t in toks[i + 1:min(i + 3, sent.tok_end)])) or (
                    i + 2 < sent.tok_end and toks[i + 1].text.lower() in pack.locative_prepositions
                    and i + 2 in by_start and by_start[i + 2].cls == "schema:City"):
                continue  # "tovarna zdravil Krka" names the plant; "tovarno v X" is handled above
            for k in range(max(sent.tok_start + 1, i - 10), i):
                before = by_start.get(k)
                if before and before.cls == "schema:City" and toks[k - 1].text.lower() in pack.locative_prepositions \
                        and (toks[k - 1].text.lower() not in pack.origin_prepositions or before.source == MentionSource.DEMONYM
                             # (but "iz X, kjer ima tovarno", "iz velenjske tovarne")
                             or any(t.text.lower() in pack.where_words for t in toks[before.end:i])) \
                        and not (k >= 2 and toks[k - 2].lemma in pack.seat_words
                                 and not any(t.text.lower() in pack.where_words for t in toks[before.end:i])) \
                        and not any(q in by_start and by_start[q].cls in ("schema:City", "akg:Plant")
                                    and toks[q - 1].text.lower() not in pack.origin_prepositions  # "V Lokvi ima X iz Y tovarno"
                                    for q in range(before.end, i)) \
                        and not any((t.text.lower() in LIST_SEPARATORS or t.text in ".;:()")
                                    and not _where_clause(toks, k2, pack)
                                    for k2, t in enumerate(toks[before.end:i], before.end)) \
                        and not any(p.start == before.start for p in plants):
                    plants.append(Span(before.start, before.end, "akg:Plant", before.name, MentionSource.PLANT_TOWN))
    return [p for p in plants if not _only_considered(toks, p, pack)]


CONSIDERED_REACH = 8  # words either side of a town to a word saying its plant is only thought of


def _only_considered(toks: list, plant: Span, pack: LanguagePack) -> bool:
    """Is the plant named after a town only thought of, by a word in the town's clause ("A third
    plant, possibly in Steinbach", "razmišlja o obratu v Naklem"; not "in Pune and Hosur, and it
    is considering a third")? Then the text names the town, no plant."""
    sent = toks[plant.start].sent
    # (a town in an apposition, "A fourth X plant, in Pemba, was shelved": the clause goes on after it)
    aside = plant.start >= 2 and toks[plant.start - 2].text == "," and toks[plant.start - 1].text.lower() in pack.prepositions
    for step, first in ((-1, plant.start - 1), (1, plant.end)):
        k = first
        # the one comma that closes an apposition ("O tretjem obratu, v Varaždinu na Hrvaškem, ..."),
        # not one after a list ("in Pune and Hosur, and it is considering a third")
        passed = False
        seen: list[str] = []
        while 0 <= k < len(toks) and abs(k - first) < CONSIDERED_REACH and toks[k].sent == sent \
                and (toks[k].text not in ",;:" or (step == 1 and not passed and toks[k].text == ","
                                                   and (aside or _opens_relative(toks, k + 1, pack)))):
            passed = passed or toks[k].text == "," or toks[k].text.lower() in LIST_SEPARATORS
            if toks[k].text.lower() in pack.considered_site_words:
                return True
            seen.append(toks[k].text.lower())
            k += step
        # "da naj bi Litona gradila drugo tovarno v Sevnici": hearsay (lexicon ``hedges``), unless
        # denied ("It denied rumours that the Farafenni plant would close": the plant is there)
        if has_phrase(seen[::-1] if step == -1 else seen, pack.hedges) and not _denied_before(toks, plant.start, pack):
            return True
    return False


def _opens_relative(toks: list, k: int, pack: LanguagePack) -> bool:
    """Does a relative clause open at token ``k`` ("ki", "o katerem")? After a town it says more
    of the plant: "drugega obrata v Poljčanah, o katerem so razmišljali"."""
    words = [t.text.lower() for t in toks[k:k + 2]]
    return bool(words) and (words[0] in pack.relative_pronouns
                            or (len(words) == 2 and words[0] in pack.prepositions and words[1] in pack.prepositional_relatives))


def _denied_before(toks: list, start: int, pack: LanguagePack) -> bool:
    """Does a one-word denial ("denied", "zanikal") stand in the sentence before token ``start``?"""
    j = start - 1
    while j >= 0 and toks[j].sent == toks[start].sent:
        if (toks[j].text.lower(),) in pack.denials:
            return True
        j -= 1
    return False


def _towns_that_make(doc: Document, spans: list[Span], pack: LanguagePack) -> list[Span]:
    """"Passo Fundo builds the Tchê 75 and Tchê 110 models": a town opening its sentence as the
    subject of a production verb is the plant there."""
    toks = doc.tokens
    out = []
    for span in spans:
        if span.cls == "schema:City" and span.source == MentionSource.GAZETTEER and span.end < len(toks) \
                and span.start == doc.sentences[toks[span.start].sent].tok_start \
                and toks[span.end].text.lower() in pack.plant_verbs and toks[span.end].sent == toks[span.start].sent:
            out.append(Span(span.start, span.end, "akg:Plant", span.name, MentionSource.PLANT_TOWN))
    return out


def _towns_before_plant_nouns(doc: Document, spans: list[Span], pack: LanguagePack) -> list[Span]:
    """Head-final: "its Valladolid plant", "the Douai, Maubeuge and Ruitz plants": each town right
    before a plant noun (or listed before it) names a plant."""
    if not pack.head_final:
        return []
    toks = doc.tokens
    by_end = {s.end: s for s in spans}
    company_starts = {s.start for s in spans if s.cls == "akg:Company"}
    out: list[Span] = []
    for i, tok in enumerate(toks):
        if pack.triggers.get((tok.lemma,)) != "akg:Plant" and tok.lemma not in pack.plant_nouns_too:
            continue
        if i + 1 < len(toks) and pack.triggers.get((toks[i + 1].lemma,)) in ("akg:Company", "schema:Organization"):
            continue  # "Melbourne dairy group": the noun names the group's trade, not a plant
        if i + 1 in company_starts and toks[i + 1].sent == tok.sent:
            continue  # "Camborne bakery Trevellick's Pasties Ltd": so is a noun before a company's name
        name = by_end.get(i)
        while name is not None and name.cls in ("schema:City", "akg:Plant"):  # "the Wakefield and Hull factories"
            if name.cls == "schema:City" and name.source == MentionSource.GAZETTEER:
                out.append(Span(name.start, name.end, "akg:Plant", name.name, MentionSource.PLANT_TOWN))
            j = name.start
            while j > 0 and toks[j - 1].text.lower() in LIST_SEPARATORS and toks[j - 1].sent == tok.sent:
                j -= 1
            name = by_end.get(j) if j < name.start else None
    return out


PLANT_VERB_AFTER_TOWN_REACH = 3  # tokens between "v <town>" and a production verb after it


def _towns_before_plant_verbs(doc: Document, start: int, end: int, by_start: dict[int, Span],
                              pack: LanguagePack) -> list[Span]:
    """"v Preski pa brizgajo ohišja", "V Žireh šivajo nahrbtnike": a town after a locative
    preposition that opens its clause, right before a production verb (no comma, no name
    between), is a plant named after it ("podjetje s sedežem v Litiji izdeluje" names none)."""
    toks = doc.tokens
    out: list[Span] = []
    for k in range(start + 1, end):
        town = by_start.get(k)
        if town is None or town.cls != "schema:City" or toks[k - 1].text.lower() not in pack.locative_prepositions \
                or not (k - 1 == start or toks[k - 2].text in ",:;" or toks[k - 2].text.lower() in LIST_SEPARATORS):
            continue
        j = town.end
        while j < min(end, town.end + PLANT_VERB_AFTER_TOWN_REACH) and toks[j].text.lower() not in pack.plant_verbs \
                and toks[j].text.isalpha() and toks[j].text.islower() and j not in by_start:
            j += 1
        if j < end and toks[j].text.lower() in pack.plant_verbs:
            out.append(Span(town.start, town.end, "akg:Plant", town.name, MentionSource.PLANT_TOWN))
    return out


PLANT_VERB_REACH = 8  # tokens between a plant verb and "in <town>"


def _towns_after_plant_verbs(doc: Document, start: int, end: int, by_start: dict[int, Span],
                             pack: LanguagePack) -> list[Span]:
    """"X makes its Urbis buses in Kolín and Jihlava": the towns after a production verb and a
    locative preposition, in the same clause (no comma, no organisation or person in between),
    are plants named after them."""
    toks = doc.tokens
    out: list[Span] = []
    for i in range(start, end):
        if toks[i].text.lower() not in pack.plant_verbs and not _products_made(toks, start, i, by_start, pack):
            continue
        j = i + 1
        while j < min(end, i + PLANT_VERB_REACH) and toks[j].text.lower() not in pack.locative_prepositions:
            span = by_start.get(j)
            if toks[j].text in ",;:.()" or (span is not None and span.cls not in (None, "schema:Product", "schema:Brand")) \
                    or toks[j].lemma in pack.seat_words:
                break  # ("a manufacturing services provider headquartered in X": the seat, no plant)
            j = span.end if span is not None else j + 1
        if j >= end or toks[j].text.lower() not in pack.locative_prepositions:
            continue
        k = j + 1
        while k in by_start and by_start[k].cls == "schema:City":
            town = by_start[k]
            out.append(Span(town.start, town.end, "akg:Plant", town.name, MentionSource.PLANT_TOWN))
            k = town.end
            if k < end and toks[k].text.lower() in LIST_SEPARATORS:
                k += 1 + (k + 1 < end and toks[k + 1].text.lower() in pack.locative_prepositions)
            else:
                break
    return out


PRODUCTS = ("schema:Product", "schema:Brand")


def _products_made(toks: list, start: int, i: int, by_start: dict[int, Span], pack: LanguagePack) -> bool:
    """"Its SureLine staplers are made in Lowell": a passive production verb (``passive_plant_verbs``)
    after a named product of the same sentence ("the decision was made in Paris" names no plant)."""
    adverb = i - 2 >= start and toks[i - 1].text.isalpha() and toks[i - 1].text.islower()  # "is still made"
    if i == start or (f"{toks[i - 1].text} {toks[i].text}".lower() not in pack.passive_plant_verbs
                      and not (adverb and f"{toks[i - 2].text} {toks[i].text}".lower() in pack.passive_plant_verbs)):
        return False
    return any(span.cls in PRODUCTS for k, span in by_start.items() if start <= k < i)


REGIONS = ("schema:Country",)


def _past_region(toks: list, k: int, by_start: dict[int, Span], pack: LanguagePack) -> int:
    """Where the towns start in "three plants in Scotland, in Aberdeen, Montrose and Peterhead":
    past a country or region and its comma (and a repeated preposition); else ``k``."""
    region = by_start.get(k)
    if region is None or region.cls not in REGIONS or region.end + 1 >= len(toks) \
            or toks[region.end].text != ",":
        return k
    after = region.end + 1
    if toks[after].text.lower() in pack.locative_prepositions:
        after += 1
    town = by_start.get(after)
    return after if town is not None and town.cls == "schema:City" else k


def _past_demonym(k: int, by_start: dict[int, Span]) -> int:
    """Where the town starts in "v italijanski Gorici": past a nationality adjective that stands
    right before a town; else ``k``."""
    adjective = by_start.get(k)
    if adjective is None or adjective.source != MentionSource.DEMONYM:
        return k
    town = by_start.get(adjective.end)
    return adjective.end if town is not None and town.cls == "schema:City" else k


def _where_clause(toks: list, k: int, pack: LanguagePack) -> bool:
    """True for the comma of "v X, kjer ima tudi tovarno": the town is the plant's."""
    return toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].text.lower() in pack.where_words


def _plant_triggers(doc: Document, start: int, end: int, pack: LanguagePack) -> list[int]:
    """Positions of plant nouns in a sentence, and of ordinals standing for one named before
    ("Poleg tovarn v X ... bo zgradila še tretjo, v Y")."""
    toks = doc.tokens
    out: list[int] = []
    for i in range(start, end):
        if i > start and toks[i].is_capitalised:
            continue  # "Glanmor Bakeries in Swansea": a word of a name, not a plant noun
        nxt = i + 1
        while nxt < end and toks[nxt].text.lower() in pack.adverbs_before_places:
            nxt += 1  # "pivovarne še v Linzu"
        if pack.triggers.get((toks[i].lemma,)) == "akg:Plant" or (
                i > start and pack.triggers.get((toks[i - 1].lemma, toks[i].lemma)) == "akg:Plant") or (
                toks[i].lemma in pack.plant_nouns_too and ((nxt < end and toks[nxt].text.lower() in pack.locative_prepositions)
                                                         or (i > start and toks[i - 1].lemma in pack.having_verbs))):
            out.append(i)  # "tovarno", "pivovarno v Radljah", and "V Žimaricah ima žago X"
        elif out and {toks[i].lemma, toks[i].text.lower()} & pack.other_words:
            out.append(i)
    return out


def join_particle_towns(doc: Document, spans: list[Span], pack: LanguagePack) -> list[Span]:
    """"v Šempetru pri Gorici": a town, a place-name particle and a name are one town,
    "Šempeter pri Gorici" (the part after the particle keeps its case)."""
    toks = doc.tokens
    by_start = {s.start: s for s in spans}
    out: list[Span] = []
    skip: set[int] = set()
    for s in spans:
        if s.start in skip:
            continue
        end, town = _town_before_particle(doc, s, pack)
        nxt = by_start.get(end + 1)
        if town and end < len(toks) and toks[end].text in pack.place_name_particles and nxt is not None \
                and nxt.cls in (None, "schema:City") and toks[nxt.start].sent == toks[s.start].sent:
            name = f"{town} {toks[end].text} {doc.text[toks[nxt.start].start:toks[nxt.end - 1].end]}"
            out.append(Span(s.start, nxt.end, "schema:City", name, s.source))
            skip.update(range(s.start + 1, nxt.end))  # "trgu" of "v Starem trgu pri Ložu" is no market
        elif town and end + 1 < len(toks) and toks[end].text == "-" and nxt is not None and nxt.end - nxt.start == 1 \
                and nxt.cls in (None, "schema:City") and toks[nxt.start].sent == toks[s.start].sent:
            # "v Šmarju - Sapu", "v Račah - Framu": a town named after two places, both declined
            out.append(Span(s.start, nxt.end, "schema:City", f"{town} - {locative_word(toks[nxt.start].text, pack)}", s.source))
            skip.update(range(s.start + 1, nxt.end))
        else:
            out.append(s)
    return [s for s in out if s.start not in skip]


def _town_before_particle(doc: Document, s: Span, pack: LanguagePack) -> tuple[int, str]:
    """Where the town's own words end and their nominative, for a town after a locative
    preposition or listed after one ("v Beljaku in Špitalu ob Dravi"), or a capitalised adjective
    and a lower-case noun after a preposition ("v Starem trgu pri Ložu" -> "Stari trg"); else (0, "")."""
    toks = doc.tokens
    prev = toks[s.start - 1].text.lower() if s.start > 0 else ""
    if s.cls in (None, "schema:City") and s.end - s.start == 1 and prev in pack.locative_prepositions \
            and s.end + 1 < len(toks) and toks[s.end].is_word and toks[s.end].text.islower() \
            and toks[s.end].text not in pack.function_words and toks[s.end + 1].text in pack.place_name_particles:
        return s.end + 1, locative_nominative(f"{toks[s.start].text} {toks[s.end].text}", pack)
    if s.cls == "schema:City" and (prev in pack.locative_prepositions or prev in LIST_SEPARATORS):
        return s.end, s.name
    return 0, ""


def locatives(doc: Document, spans: list[Span], pack: LanguagePack) -> None:
    """Untyped names after "v"/"na"/"iz" (and listed after them) are places ("v Douaiju" -> Douai)."""
    toks = doc.tokens
    by_start = {s.start: s for s in spans}
    after_locative: set[int] = set()
    # "pri Senzoriki" after "Senzorika d.o.o.", "iz Polyparka" after "vozlišče Polypark": a company
    # or hub the document names is no town
    org_words = {w.lower() for s in spans if s.cls in ("akg:Company", "akg:IndustrialHub") for w in s.name.split()[:1]}
    # "at Lumora's factory", "in Valsesia's plant" after "Lumora Lighting", "Acciaierie Valsesia":
    # the first or last word of a longer untyped or company name is its short form, no town
    org_words |= {w.lower() for s in spans if s.cls in (None, "akg:Company") and " " in s.name
                  for w in (s.name.split()[0], s.name.split()[-1])}
    # "Head of Operations at Tessitura Bardelli" before "Tessitura Bardelli S.p.A.": a longer name
    # sharing a word with a company's name is that company
    company_words = {w.lower() for s in spans if s.cls == "akg:Company" and " " in s.name
                     for w in (s.name.split()[0], s.name.split()[-1])}
    surnames = _person_surnames(spans)
    for span in spans:
        prev = toks[span.start - 1] if span.start > 0 else None
        if prev is None or prev.sent != toks[span.start].sent:
            continue
        listed = span.start in after_locative
        # "v kanadskem Hamiltonu": a nationality adjective may stand between (Slovenian agrees it)
        adjective = not pack.head_final and span.start >= 2 and prev.text.islower() and prev.lemma in pack.demonyms \
            and toks[span.start - 2].text.lower() in pack.locative_prepositions
        if not listed and not adjective and prev.text.lower() not in pack.locative_prepositions:
            continue
        # "its plant in Ballyvourney" after "Ballyvourney Creamery": after a plant noun, the town
        after_plant = span.start >= 2 and pack.triggers.get((toks[span.start - 2].lemma,)) == "akg:Plant"
        if span.cls not in (None, "schema:City", "schema:Country") or \
                (org_words & {c.lower() for c in name_candidates(span.name, doc.lang, pack.inflection)} and not after_plant) \
                or (" " in span.name and company_words & {w.lower() for w in span.name.split()}) \
                or span.name.lower() in pack.months or span.source == MentionSource.ACRONYM \
                or (listed and span.name.lower() in surnames):
            continue  # "in January": a time; "at KSG's factory", "in Cape Town, KSG is": no town
        # "v Novem mestu, Ljutomeru in Krškem": the names listed after a locative place are places
        # too ("at Linwood Apparel, I'm starting": not after a company)
        j = span.end
        if j < len(toks) and toks[j].text.lower() in LIST_SEPARATORS and j + 1 in by_start:
            after_locative.add(j + 1)
        if span.cls:
            continue
        span.cls, span.source = "schema:City", MentionSource.LOCATIVE
        written = span.name
        span.name = locative_nominative(span.name, pack)
        if prev.text.lower() in pack.origin_prepositions and _genitive_plural(written, span.name, pack):
            # "iz Križ", "iz Kunovic": a plural town's genitive ("Križe", "Kunovice"); "iz Deskel", "iz
            # Gotovelj": with a fleeting "e" ("Deskle", "Gotovlje"), the known one first
            span.name = _plural_nominative(written, pack)
        tail = toks[span.end].text if span.end < len(toks) and toks[span.end].sent == prev.sent else ""
        if " " not in span.name and tail in pack.town_tail_nouns:
            span.end += 1  # "v Dobrli vasi": "Dobrla vas"
            span.name = f"{span.name} {pack.town_tail_nouns[tail]}"


def _plural_nominative(written: str, pack: LanguagePack) -> str:
    """The nominative of a plural town's genitive ("Križ" -> "Križe"), without a fleeting "e" before
    its last consonant ("Deskel" -> "Deskle", "Gotovelj" -> "Gotovlje"); a known town wins."""
    last = 2 if written.lower().endswith(("lj", "nj")) else 1
    fleeting = len(written) > 2 + last and written[-1 - last] == "e" and written[-last] in "lrnj" \
        and written[-2 - last] not in "aeiou"
    plain, shorter = written + "e", written[:-1 - last] + written[-last:] + "e"
    if _is_known_town(plain, pack) or not fleeting:
        return plain
    return shorter


def _is_known_town(name: str, pack: LanguagePack) -> bool:
    """Is ``name`` a known town's nominative or a settlement's (without joining the two big sets)?"""
    return name in pack.known_town_names or name in pack.settlement_names


def _genitive_plural(written: str, nominative: str, pack: LanguagePack) -> bool:
    """Is a one-word town after "iz" that no ending declined, and that ends in a consonant, a
    plural's genitive ("iz Križ" of "Križe")? A singular's genitive ends in a vowel ("iz Kranja"),
    so a known plural wins over a known singular of that spelling (both "Križ" and "Križe" are towns)."""
    if written != nominative or " " in written or not written[-1:].isalpha() or written[-1].lower() in "aeiouy":
        return False
    return _is_known_town(written + "e", pack) or (not _is_known_town(written, pack) and written not in pack.places)


def locative_nominative(name: str, pack: LanguagePack) -> str:
    """"Douaiju" -> "Douai", "Bohinju" -> "Bohinj", "Hočah" -> "Hoče", "Ivančni Gorici" ->
    "Ivančna Gorica", "Slovenskih Konjicah" -> "Slovenske Konjice" (endings from the language pack).

    >>> from kg.lang import load_pack
    >>> [locative_nominative(n, load_pack("sl")) for n in ("Ribčevem Lazu", "Selnici ob Dravi")]
    ['Ribčev Laz', 'Selnica ob Dravi']

    In a two-word name the adjective agrees with the noun: feminine "-a", neuter "-o", else "-i".
    """
    words = name.split()
    if len(words) == 2 and words[0].endswith("ih") and words[1].endswith("ah"):
        # plural: "Slovenskih Konjicah" -> "Slovenske Konjice"
        return f"{words[0][:-2]}e {locative_word(words[1], pack, prefer_known=False)}"
    if len(words) == 2 and words[0].endswith("ih") and words[1].endswith("ih") and words[1][:1].isupper():
        # masculine plural: "Gornjih Petrovcih" -> "Gornji Petrovci"
        return f"{words[0][:-2]}i {words[1][:-2]}i"
    if len(words) == 2 and words[0].endswith("e") and words[1].endswith("e") and words[1][:1].isupper():
        # feminine genitive: "iz Bohinjske Bistrice" -> "Bohinjska Bistrica"
        return f"{words[0][:-1]}a {words[1][:-1]}a"
    if len(words) == 2 and words[0].endswith(("i", "em", "ega")):
        noun = locative_word(words[1], pack, prefer_known=False)  # a word of a name, not a town
        stem = words[0][:-3] if words[0].endswith("ega") else words[0][:-2] if words[0].endswith("em") else words[0][:-1]
        ending = "a" if noun.endswith("a") else "o" if noun.endswith(("o", "e")) else "i"
        if ending == "i" and stem.endswith(("ov", "ev")):
            ending = ""  # a possessive adjective: "Ribčevem Lazu" -> "Ribčev Laz"
        return f"{stem}{ending} {noun}"
    if len(words) == 1:
        return locative_word(name, pack)
    known = _known_town_declined_at_an_end(words, pack)
    if not known and len(words) >= 3 and words[1] in pack.place_name_particles:
        # "Šentvidu pri Stični" -> "Šentvid pri Stični": only the word before "pri" declines
        return " ".join([locative_word(words[0], pack, prefer_known=False), *words[1:]])
    return known or name


def _known_town_declined_at_an_end(words: list[str], pack: LanguagePack) -> str:
    """A known town of several words whose first or last word alone declines: "Bassanu del
    Grappa" -> "Bassano del Grappa"; "" when none is known.

    >>> from kg.lang import load_pack
    >>> _known_town_declined_at_an_end(["Bassanu", "del", "Grappa"], load_pack("sl"))
    'Bassano del Grappa'
    """
    for known in (pack.known_town_names, pack.settlement_names):
        for i in (0, len(words) - 1):
            for stem in _locative_stems(words[i], pack):
                for word in (stem, stem + "o", stem + "a", stem + "e", _with_fleeting_e(stem)):
                    form = " ".join([*words[:i], word, *words[i + 1:]])
                    if form in known:
                        return form
    return ""


def _locative_stems(word: str, pack: LanguagePack) -> list[str]:
    """The nominatives one word in another case may have, by the pack's endings in order (an
    ending's condition V/C: after a vowel/consonant), not checked against known towns."""
    out = []
    for suffix, repl, *cond in pack.locative_endings:
        stem = word[: len(word) - len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        if cond and (stem[-1].lower() in "aeiouy") != (cond[0] == "V"):
            continue
        out.append(stem + repl)
    return out


def locative_word(word: str, pack: LanguagePack, prefer_known: bool = True) -> str:
    """One word's nominative by the first matching ending (a condition V/C: after a vowel/consonant),
    unless another ending, or a fleeting "e" ("Leobnu" -> "Leoben"), gives a known town.

    >>> from kg.lang import load_pack
    >>> [locative_word(w, load_pack("sl")) for w in ("Leobnu", "Karlovcu", "Čačku", "Bergamu", "Vukovarju", "Zagorju", "Pordenona")]
    ['Leoben', 'Karlovac', 'Čačak', 'Bergamo', 'Vukovar', 'Zagorje', 'Pordenone']
    """
    candidates = _locative_stems(word, pack)
    if not candidates:
        return word
    # the known towns first, then the smaller settlements ("Leskovcu": the town Leskovac, not the village Leskovec)
    for known in (pack.known_town_names, pack.settlement_names) if prefer_known else ():
        for cand in candidates:
            # "Bergamu" -> "Bergamo", "Örebru" -> "Örebro": foreign towns in "-o" decline like neuters
            # "Karlovcu" -> "Karlovac", "Čačku" -> "Čačak": South Slavic towns' fleeting "a";
            # "Vukovarju" -> "Vukovar": a "j" after a final "r"
            rj = cand[:-1] if cand.endswith("rj") else cand
            # ... and Italian towns in "-e" like masculines ("Pordenonu" -> "Pordenone")
            for form in (cand, _with_fleeting_e(cand), cand + "o", cand + "a", _with_fleeting_e(cand, "a"), rj, cand + "e"):
                if form in known:
                    return form
    return repaired_stem(candidates[0], pack, town=True)


def repaired_stem(stem: str, pack: LanguagePack, town: bool = False) -> str:
    """A stem with an ending no nominative has, repaired by the pack's ``stem_repairs``
    ("Leobn" -> "Leoben"), and a town's also by its ``town_stem_repairs`` ("Podolj" -> "Podolje");
    else the stem."""
    repairs = [*pack.town_stem_repairs, *pack.stem_repairs] if town else pack.stem_repairs
    return next((stem[: len(stem) - len(a)] + b for a, b in repairs if stem.endswith(a)), stem)


def _with_fleeting_e(word: str, vowel: str = "e") -> str:
    """"Leobn" -> "Leoben", "Karlovc" -> "Karlovec" (or, with ``vowel`` "a", "Karlovac"): a
    vowel between two final consonants."""
    last = 2 if word.lower().endswith(("nj", "lj")) else 1  # "Sovodnj" -> "Sovodenj": one sound
    if len(word) > 2 + last and word[-1].lower() not in "aeiouy" and word[-1 - last].lower() not in "aeiouy":
        return word[:-last] + vowel + word[-last:]
    return word


def demonyms(doc: Document, pack: LanguagePack) -> list[Span]:
    spans = []
    toks = doc.tokens
    skip = -1
    for tok in toks:
        if tok.i <= skip:
            continue
        nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) and toks[tok.i + 1].sent == tok.sent else None
        pair = pack.demonyms.get(f"{tok.lemma} {nxt.lemma}") if nxt is not None else None
        if pair:  # "the North American market"
            place = pack.places.get(pair)
            spans.append(Span(tok.i, tok.i + 2, place.cls if place else "schema:Place", pair, MentionSource.DEMONYM, weak=True))
            skip = tok.i + 1
            continue
        # a nationality adjective, or a town's ("velenjsko podjetje X")
        label = pack.demonyms.get(tok.lemma) or pack.town_adjectives.get(tok.text.lower())
        # "Japonska družba X" opens a sentence (or follows a dateline: "Ptuj – Ptujski Snopteh")
        first = doc.sentences[tok.sent].tok_start == tok.i or after_dateline(doc, tok.i)
        if label and (not tok.is_capitalised or pack.head_final or first):
            place = pack.places.get(label)
            spans.append(Span(tok.i, tok.i + 1, place.cls if place else "schema:Place", label, MentionSource.DEMONYM, weak=True))
    return spans
