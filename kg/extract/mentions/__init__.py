"""Recognise mentions: spans of text that name an entity, with the class the text gives them.

Evidence, strongest first: a trigger noun before or inside the name ("tovarno Cléon", "Skupina
Renault"), a legal suffix ("d.o.o."), a list after a trigger ("tri tovarne (Douai, Maubeuge in
Ruitz)"), the reference data and the gazetteer (countries from pycountry, places), a given name
("Luca de Meo"), a market phrase ("trg električnih vozil"), a demonym ("evropski") and a locative
("v Douaiju"). Capitalised spans with no evidence stay untyped: a relation rule may type them
later (``kg.extract.relations``), otherwise they are dropped. Coreferring words ("Podjetje", "Ta") become
mentions to be resolved by ``kg.extract.link``.
"""
from __future__ import annotations

from kg.extract.document import Document, Mention, MentionSource
from kg.extract.lemmatize import lemma, name_candidates
from kg.extract.mentions.names import (
    acronym_expansions,
    capitalised_runs,
    classify,
    companies_by_name_head,
    company_name_openings,
    company_possessives,
    given_names_sharing_a_surname,
    is_business_noun,
    list_after_trigger,
    list_before_trigger,
    mid_sentence_capitalised,
    people_by_context,
    short_forms_over_towns,
    split_known_prefix,
    split_maker_after_product,
)
from kg.extract.mentions.phrases import coreferring, markets, site_pronouns
from kg.extract.mentions.places import (
    demonyms,
    join_particle_towns,
    lexicon_spans,
    locatives,
    plants_in_towns,
    street_address_tokens,
)
from kg.extract.mentions.spans import STRENGTH, Span, sentence_initial
from kg.lang import LanguagePack

OPENING_REACH = 3  # words from a plant to the verb that opens it ("v Beltincih odprl svoj obrat")

__all__ = ["STRENGTH", "recognise_mentions"]

def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep the strongest of overlapping spans (then the longest, then the first)."""
    chosen: list[Span] = []
    used: set[int] = set()
    for span in sorted(spans, key=lambda s: (-STRENGTH.get(s.source, 0), -(s.end - s.start), s.start)):
        if any(k in used for k in range(span.start, span.end)):
            continue
        chosen.append(span)
        used.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def _business_nouns_of_names(doc: Document, spans: list[Span], pack: LanguagePack) -> frozenset[str]:
    """Lemmas of business nouns that open the document's company names ("Sirarna Gorjanka d.o.o."
    -> "sirarna"), or of partner nouns right before them ("dobavitelja ulitkov Alulivar d.o.o." ->
    "dobavitelj"): later, "sirarna", "Dobavitelj" alone refers back to that company."""
    out = set()
    for s in spans:
        if s.cls == "akg:Company" and s.end - s.start > 1:
            first = lemma(doc.tokens[s.start].text.lower(), doc.lang)
            words = s.name.split()
            named_on = len(words) > 1 and words[1][:1].isupper() and words[1] not in pack.legal_suffix_texts
            if is_business_noun(first, pack) and not (
                    named_on and pack.triggers.get((first,)) in ("schema:Product", "schema:Brand")):
                out.add(first)  # (but a product noun before a name is none: "Etiketa Print d.o.o." -> "etiket")
        if s.cls == "akg:Company":
            before = doc.tokens[max(doc.sentences[doc.tokens[s.start].sent].tok_start, s.start - 2):s.start]
            out.update(t.lemma for t in before if t.lemma in pack.counterpart_referents and t.text.islower())
    return frozenset(out)


def _extend_listed_names(names: list[Span], known: list[Span]) -> None:
    """A listed name that is the start of a known longer place ("Gorenja" of "Gorenja vas") is
    that place, with the list's class."""
    longer = {k.start: k for k in known if k.source == MentionSource.GAZETTEER}
    for span in names:
        k = longer.get(span.start)
        if span.source == MentionSource.LIST and k is not None and k.end > span.end:
            span.end, span.name = k.end, k.name


def _caps_as_written_elsewhere(names: list[Span]) -> None:
    """A headline in capitals ("SUTERA OLEOCHEMICALS BERHAD") names what the text writes in mixed
    case ("Sutera Oleochemicals Berhad"): the name as written there."""
    written = {s.name.lower(): s for s in names if not s.name.isupper()}
    for s in names:
        other = written.get(s.name.lower()) if s.name.isupper() and " " in s.name else None
        if other is not None:
            s.name, s.cls, s.source = other.name, other.cls, other.source


def _legal_names_as_written_elsewhere(doc: Document, names: list[Span], pack: LanguagePack) -> None:
    """"V Toplotniku d.d.", "uprava Stikalnika d.d.": a one-word name with a legal form in an
    oblique case takes the nominative the text writes elsewhere ("Toplotnik zaposluje ..."), also
    when the oblique form stands alone too ("Sedež Pastifika d.o.o. ... Pastifik ... Pastifika")."""
    lang = doc.lang
    written = {s.name for s in names if " " not in s.name and s.cls in (None, "akg:Company")}
    # (a name opening a sentence is in the nominative; "Direktor Kovita" is a genitive)
    opening = {s.name for s in names if s.name in written and sentence_initial(doc, s.start)}
    for s in names:
        words = s.name.split()
        if s.source != MentionSource.LEGAL or len(words) != 2:
            continue
        # (a shorter form only: "Toplotniku" -> "Toplotnik"; "Kovito" is not "Kovita" written elsewhere)
        nominative = next((c for c in name_candidates(words[0], lang, pack.inflection)[1:]
                           if c in written and len(c) < len(words[0])), "") or _accusative_written(words[0], written, opening, pack)
        if nominative:
            s.name = f"{nominative} {words[1]}"


def _accusative_written(word: str, written: set[str], opening: set[str], pack: LanguagePack) -> str:
    """"ustanovila Frigolino d.o.o." beside "Frigolina hladi ...": the nominative of a feminine
    name in the accusative when the text opens a sentence with it alone and never writes the
    accusative alone ("" if not).

    >>> from kg.lang import load_pack
    >>> _accusative_written("Frigolino", {"Frigolina"}, {"Frigolina"}, load_pack("sl"))
    'Frigolina'
    >>> _accusative_written("Kovito", {"Kovita"}, set(), load_pack("sl"))  # "Direktor Kovita je ..."
    ''
    """
    if word in written:
        return ""
    for nominative, accusative in pack.accusative_endings:
        stem = word[: len(word) - len(accusative)]
        if accusative and word.endswith(accusative) and stem + nominative in opening:
            return stem + nominative
    return ""


def _accusative_names_as_written_elsewhere(doc: Document, names: list[Span], pack: LanguagePack) -> None:
    """"najbolj prodajano Ravnico Setev" beside "Ravnica Stroji d.o.o.", "Vrhniško Barjanko" beside
    "Barjanka d.o.o.": a name opening with a word in the accusative after an adjective that agrees
    takes the nominative the text writes elsewhere ("Ravnica Setev", "Barjanka";
    ``accusative_endings``: nominative, accusative)."""
    firsts = {s.name.split()[0] for s in names if " " in s.name}
    # (a lone word after any lower-case word, when a legal name opens with its nominative: "obiskal
    # Volturno" beside "Volturna d.o.o.")
    legal = {s.name.split()[0] for s in names if " " in s.name and s.source == MentionSource.LEGAL}
    for s in names:
        words = s.name.split()
        if s.start == 0 or not (doc.tokens[s.start - 1].text.islower() or (
                len(words) == 1 and doc.tokens[s.start - 1].text.lower() in pack.town_adjectives)):
            continue  # (one word after a town adjective: "Vrhniško Barjanko kupili" beside "Barjanka d.o.o.")
        before = doc.tokens[s.start - 1].text
        alone = len(words) == 1 and s.cls is None
        for nominative, accusative in pack.accusative_endings:
            stem = words[0][: len(words[0]) - len(accusative)]
            if accusative and words[0].endswith(accusative) \
                    and (before.endswith(accusative) or (alone and stem + nominative in legal and words[0] not in firsts)) \
                    and stem + nominative in firsts and stem + nominative != words[0]:
                s.name = " ".join([stem + nominative, *words[1:]])
                break


def _owners_after_plant_nouns(doc: Document, names: list[Span], pack: LanguagePack) -> None:
    """"Ormoška tovarna KW Slovenije", "odprtje obrata Lumadent" beside "KW Slovenija d.o.o.",
    "Lumadent d.o.o.": a name after a plant noun that is a company the text names (in any case)
    is that company, the plant's owner, not the plant's name."""
    from kg.extract.link import core_name  # (link imports this package)

    # (legal names, also after their class noun: "Podjetje Kremenit d.o.o." beside "nov obrat Kremenita")
    companies = {core: s.name for s in names if s.cls == "akg:Company"
                 and s.source in (MentionSource.LEGAL, MentionSource.TRIGGER)
                 and len(core := core_name(s.name, pack)) < len(s.name)}
    for s in names:
        if s.cls != "akg:Plant" or s.source != MentionSource.TRIGGER or s.start == 0 \
                or pack.triggers.get((doc.tokens[s.start - 1].lemma,)) != "akg:Plant":
            continue
        written = doc.text[doc.tokens[s.start].start:doc.tokens[s.end - 1].end]
        owner = next((companies[c.lower()] for c in name_candidates(written, doc.lang, pack.inflection)
                      if c.lower() in companies), None)
        if owner is not None:
            s.cls, s.name, s.source = "akg:Company", owner, MentionSource.CAPITALISED


def recognise_mentions(doc: Document, pack: LanguagePack) -> Document:
    """Fill ``doc.mentions`` (sorted by position)."""
    known_caps = mid_sentence_capitalised(doc)
    names = [classify(doc, s, pack, known_caps) for s in capitalised_runs(doc, pack, known_caps)]
    names = split_known_prefix(doc, names, pack)
    names = split_maker_after_product(doc, names, pack)
    _caps_as_written_elsewhere(names)
    _legal_names_as_written_elsewhere(doc, names, pack)
    _accusative_names_as_written_elsewhere(doc, names, pack)
    people_by_context(doc, names, pack)
    given_names_sharing_a_surname(doc, names, pack)
    company_name_openings(doc, names, pack)
    companies_by_name_head(names, pack)
    _owners_after_plant_nouns(doc, names, pack)
    names = company_possessives(doc, names, pack)
    if pack.head_final:
        list_before_trigger(doc, names, pack)
    else:
        list_after_trigger(doc, names, pack)
    expansions = acronym_expansions(doc, names)
    known = lexicon_spans(doc, pack)
    _extend_listed_names(names, known)
    names = [s for s in names if s.source != MentionSource.EXPANSION]
    locatives(doc, sorted(known + names, key=lambda s: (s.start, -s.end)), pack)
    spans = resolve_overlaps(known + names + markets(doc, pack) + demonyms(doc, pack))
    address = street_address_tokens(doc, pack)  # "Cesta Staneta Žagarja 41": no person, no market
    spans = [s for s in spans if not address.intersection(range(s.start, s.end))]
    spans = join_particle_towns(doc, spans, pack)
    short_forms_over_towns(doc, spans, pack)
    taken = {k for s in spans for k in range(s.start, s.end)} | address
    spans = resolve_overlaps(spans + coreferring(doc, pack, taken, _business_nouns_of_names(doc, spans, pack))
                             + site_pronouns(doc, pack, taken))
    spans += plants_in_towns(doc, spans, pack)
    toks = doc.tokens
    for s in sorted(spans, key=lambda s: (s.start, s.source == MentionSource.PLANT_TOWN)):
        introduced_new = any(t.lemma in pack.newness_words for t in toks[max(s.start - 3, 0):s.start]) \
            or (s.cls == "akg:Plant" and any(t.lemma in pack.plant_opening_words and t.sent == toks[s.start].sent
                                             for t in toks[s.end:s.end + OPENING_REACH]))
        m = Mention(s.start, s.end, toks[s.start].start, toks[s.end - 1].end,
                    doc.text[toks[s.start].start:toks[s.end - 1].end], toks[s.start].sent,
                    s.cls, s.name, s.source, weak=s.weak, hint=s.hint, hint_adjective=s.hint_adjective)
        if introduced_new and s.source != MentionSource.COREF:
            m.attrs["new"] = "1"  # "novo hčerinsko podjetje Medis Biotech" (see "nova družba" in kg.extract.link)
        if s.seat_town >= 0:
            m.attrs["seat_town"] = str(s.seat_town)  # kg.extract.relations.seat_towns
        if s.source == MentionSource.PLANT_TOWN:
            m.attrs["shadow"] = "town"  # same span as its town; not a unit of its own
        if s.start in expansions:
            m.attrs["expansion"] = expansions[s.start]
        doc.mentions.append(m)
    return doc
