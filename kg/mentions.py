"""Recognise mentions: spans of text that name an entity, with the class the text gives them.

Evidence, strongest first: a trigger noun before or inside the name ("tovarno Cléon", "Skupina
Renault"), a legal suffix ("d.o.o."), a list after a trigger ("tri tovarne (Douai, Maubeuge in
Ruitz)"), the reference data and the gazetteer (countries from pycountry, places), a given name
("Luca de Meo"), a market phrase ("trg električnih vozil"), a demonym ("evropski") and a locative
("v Douaiju"). Capitalised spans with no evidence stay untyped: a relation rule may type them
later (``kg.relations``), otherwise they are dropped. Coreferring words ("Podjetje", "Ta") become
mentions to be resolved by ``kg.link``.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.document import Document, Mention, Token
from kg.lang import LanguagePack, first_names
from kg.lemmatize import dictionary_form, is_known_word, name_candidates
from kg.reference import reference_index

OPENING_QUOTES = "»„“\"'«"
LIST_SEPARATORS = {",", "in", "ter", "and", "&"}
# priority of evidence when choosing a class (higher wins)
STRENGTH = {"plant-town": 6, "definition": 7, "trigger": 6, "legal": 6, "list": 5, "reference": 4, "gazetteer": 4, "market": 4,
            "person": 3, "speaker": 3, "acronym": 1, "locative": 1, "capitalised": 0,
            "demonym": 2, "coref": 0}


@dataclass
class _Span:
    start: int  # token index
    end: int    # exclusive
    cls: str | None
    name: str
    source: str
    weak: bool = False


def _is_name_token(tok: Token) -> bool:
    return tok.is_capitalised and tok.is_word and not tok.text.isdigit()


def _sentence_initial(doc: Document, i: int) -> bool:
    """True at the start of a sentence or of a quote (where any word is capitalised)."""
    s = doc.sentences[doc.tokens[i].sent]
    j = i - 1
    while j >= s.tok_start and doc.tokens[j].text in OPENING_QUOTES + "(-–—":
        j -= 1
    if j < s.tok_start or doc.tokens[j].text in ".!?:…":
        return True
    # "... skupine Voyageur S.A. Podjetje zaposluje": the splitter kept an abbreviation-ended
    # sentence together; a short capitalised abbreviation before counts as a sentence end
    prev = doc.tokens[j].text
    return prev.endswith(".") and len(prev) <= 3 and prev[:1].isupper()


def _legal_suffix_end(doc: Document, i: int, pack: LanguagePack) -> int:
    """If a legal suffix ("d. o. o.", "GmbH") starts at token i (maybe after a comma), its end."""
    toks = doc.tokens
    sent_end = doc.sentences[toks[i].sent].tok_end if i < len(toks) else i
    start = i + 1 if i < sent_end and toks[i].text == "," else i
    for suffix in pack.legal_suffixes:
        joined = "".join(suffix)
        text = ""
        j = start
        while j < sent_end and len(text) < len(joined):
            text += toks[j].text
            j += 1
            if text == joined:
                return j
    return -1


def _capitalised_runs(doc: Document, pack: LanguagePack, known_caps: set[str]) -> list[_Span]:
    """Maximal runs of capitalised words (with name particles and legal suffixes inside)."""
    spans: list[_Span] = []
    toks = doc.tokens
    for sent in doc.sentences:
        i = sent.tok_start
        while i < sent.tok_end:
            tok = toks[i]
            if not _is_name_token(tok) or tok.text.lower() in pack.function_words:
                i += 1
                continue
            j = i + 1
            legal_end = -1
            while j < sent.tok_end:
                legal_end = _legal_suffix_end(doc, j, pack)
                if legal_end > 0:
                    break  # "Adriaenergia S.p.A." ends at its legal form
                if _is_name_token(toks[j]):
                    j += 1
                elif toks[j].text in pack.name_particles:
                    k = j
                    while k < sent.tok_end and toks[k].text in pack.name_particles:
                        k += 1  # "Jan van der Berg"
                    if k < sent.tok_end and _is_name_token(toks[k]):
                        j = k + 1
                    else:
                        break
                elif toks[j].text in "-&" and j + 1 < sent.tok_end and _is_name_token(toks[j + 1]) \
                        and toks[j].start == toks[j - 1].end:
                    j += 2
                else:
                    break
            # "Tessaro CEO Marco Bellini": a role word inside a run ends the name before it
            for k in range(i + 1, j):
                if (toks[k].lemma,) in pack.roles or (toks[k].text,) in pack.roles:
                    j = k
                    break
            if j - i == 1 and toks[i].lemma in pack.demonyms:
                i += 1  # "the German subsidiary": an adjective of place, not a name
                continue
            # "Krke Ana Novak": a given name inside a run starts a new name
            for k in range(i + 1, j - 1):
                if _is_given_name(toks[k].text, pack, doc.lang) and toks[k - 1].text not in pack.name_particles:
                    j = k
                    break
            # "Direktorica Voltanove": a role word that opens a sentence is not part of a name
            k = _role_prefix_end(doc, i, j, pack)
            if k > i:
                i = k
                continue
            if j < sent.tok_end and toks[j].text.isdigit() and (
                    pack.triggers.get((toks[j + 1].lemma,) if j + 1 < sent.tok_end else ()) == "schema:Product"
                    or i > sent.tok_start and pack.triggers.get((toks[i - 1].lemma,)) == "schema:Product"):
                j += 1  # "the K-Cell 90 battery", "model Clio 5": the number is part of the name
            source, cls = "capitalised", None
            if legal_end < 0:
                legal_end = _legal_suffix_end(doc, j, pack)
            if legal_end > 0:
                j, source, cls = legal_end, "legal", "akg:Company"
            if j - i == 1 and _sentence_initial(doc, i) and j < sent.tok_end and \
                    not toks[j].is_capitalised and (toks[j].lemma,) in pack.triggers:
                i += 1  # "Logistična družba Transadria": an adjective before the class noun
                continue
            # a dictionary word at the start of a sentence ("Danes Kodera", "Logistična") is not
            # part of a name unless the document also writes it capitalised elsewhere
            if (_sentence_initial(doc, i) and is_known_word(tok.text, doc.lang) and tok.text not in known_caps
                    and not tok.text.isupper() and (j - i == 1 and source == "capitalised"
                                                    or j - i >= 2 and not _is_given_name(tok.text, pack, doc.lang)
                                                    and (tok.lemma,) not in pack.triggers)):
                i += 1
                continue
            spans.append(_Span(i, j, cls, doc.text[toks[i].start:toks[j - 1].end], source))
            i = j
    return spans


def _lexicon_spans(doc: Document, pack: LanguagePack) -> list[_Span]:
    """Known multi-word names in any listed form: "v Novem mestu" -> Novo mesto, "Renault Group"."""
    ref = reference_index()
    spans: list[_Span] = []
    toks = doc.tokens
    for sent in doc.sentences:
        i = sent.tok_start
        while i < sent.tok_end:
            found = None
            if toks[i].is_capitalised:
                for n in (4, 3, 2):
                    if i + n > sent.tok_end:
                        continue
                    text = doc.text[toks[i].start:toks[i + n - 1].end]
                    if text in pack.places:
                        place = pack.places[text]
                        found = _Span(i, i + n, place.cls, place.label, "gazetteer")
                    elif text in ref.by_alias:
                        row = ref.by_alias[text][0]
                        found = _Span(i, i + n, row.cls, row.label, "reference")
                    if found:
                        break
            if found:
                spans.append(found)
                i = found.end
            else:
                i += 1
    return spans


def _role_prefix_end(doc: Document, i: int, j: int, pack: LanguagePack) -> int:
    """If tokens from i start with a role phrase ("Direktorica", "Predsednik uprave"), its end."""
    for n in (3, 2, 1):
        if i + n <= j and tuple(t.lemma for t in doc.tokens[i:i + n]) in pack.roles:
            return i + n
    return i


def _split_known_prefix(doc: Document, spans: list[_Span], pack: LanguagePack) -> list[_Span]:
    """Split "Mehatrona Boris Kranjc" into an organisation the document names elsewhere and a person."""
    orgs = {s.name.lower() for s in spans if s.cls and s.cls.startswith("akg:Company")}
    orgs |= {form.lower() for form in pack.places}
    orgs |= {" ".join(s.name.lower().split()[:-1]) for s in spans if s.source == "legal"}
    orgs |= {s.name.lower().split()[-1] for s in spans if s.source == "trigger" and s.cls == "akg:Company"}
    out: list[_Span] = []
    for span in spans:
        n = span.end - span.start
        if (span.cls is not None and span.source != "trigger") or n < 3:
            out.append(span)
            continue
        cut = 0
        for k in (1, 2):
            words = [t.text for t in doc.tokens[span.start:span.start + k]]
            cands = name_candidates(words[-1], doc.lang, pack.inflection)
            if any(" ".join(words[:-1] + [c]).lower() in orgs for c in cands):
                cut = k
        if cut and n - cut >= 2:
            toks = doc.tokens
            head = _Span(span.start, span.start + cut, span.cls if span.source == "trigger" else None,
                         doc.text[toks[span.start].start:toks[span.start + cut - 1].end],
                         "trigger" if span.source == "trigger" else "capitalised")
            tail = _Span(span.start + cut, span.end, "schema:Person",
                         doc.text[toks[span.start + cut].start:toks[span.end - 1].end], "person")
            out.extend([head, tail])
        else:
            out.append(span)
    return out


def _plants_in_towns(doc: Document, spans: list[_Span], pack: LanguagePack) -> list[_Span]:
    """"tovarno v Hočah", "tri tovarne: v Velenju, Šoštanju in Žalcu": plants named after towns.

    Each such town gets a second, hidden span: a plant of the same name (see ``kg.relations``,
    which links the plant to its town). Returns the new plant spans.
    """
    toks = doc.tokens
    by_start = {s.start: s for s in spans}
    plants: list[_Span] = []
    for sent in doc.sentences:
        for i in range(sent.tok_start, sent.tok_end - 2):
            if pack.triggers.get((toks[i].lemma,)) not in ("akg:Plant",):
                continue
            j = i + 1
            while j < sent.tok_end and j - i <= 5 and not toks[j].text.lower() in pack.locative_prepositions:
                if toks[j].text in ".;" or j in by_start:
                    break
                j += 1
            if j >= sent.tok_end - 1 or toks[j].text.lower() not in pack.locative_prepositions:
                continue
            k = j + 1
            while k in by_start and by_start[k].cls in ("schema:City",):
                town = by_start[k]
                plants.append(_Span(town.start, town.end, "akg:Plant", town.name, "plant-town"))
                k = town.end
                if k < sent.tok_end and toks[k].text.lower() in LIST_SEPARATORS:
                    k += 1
                    if k < sent.tok_end and toks[k].text.lower() in pack.locative_prepositions:
                        k += 1
                else:
                    break
        # "v Kidričevem bo zgradil novo tovarno": the town before the trigger
        for i in range(sent.tok_start + 1, sent.tok_end):
            if pack.triggers.get((toks[i].lemma,)) != "akg:Plant" or any(
                    _is_name_token(t) for t in toks[i + 1:min(i + 3, sent.tok_end)]) or (
                    i + 1 < sent.tok_end and toks[i + 1].text.lower() in pack.locative_prepositions):
                continue  # "tovarna zdravil Krka" names the plant; "tovarno v X" is handled above
            for k in range(max(sent.tok_start + 1, i - 5), i):
                town = by_start.get(k)
                if town and town.cls == "schema:City" and toks[k - 1].text.lower() in pack.locative_prepositions \
                        and town.end >= i - 3 and not any(town.end <= q < i for q in by_start) \
                        and all(t.is_word for t in toks[town.end:i]) \
                        and not any(p.start == town.start for p in plants):
                    plants.append(_Span(town.start, town.end, "akg:Plant", town.name, "plant-town"))
    return plants


def _mid_sentence_capitalised(doc: Document) -> set[str]:
    return {t.text for t in doc.tokens if _is_name_token(t) and not _sentence_initial(doc, t.i)}


def _trigger_ending_at(doc: Document, i: int, start: int, pack: LanguagePack) -> tuple[int, str] | None:
    for n in range(pack.max_trigger_len, 0, -1):
        a = i - n
        if a >= start:
            cls = pack.triggers.get(tuple(t.lemma for t in doc.tokens[a:i]))
            if cls:
                return a, cls
    return None


def _trigger_after(doc: Document, end: int, pack: LanguagePack) -> str | None:
    """The class of a trigger noun right after a name ("Douai plant"), for head-final languages."""
    s = doc.sentences[doc.tokens[end - 1].sent]
    for n in range(pack.max_trigger_len, 0, -1):
        if end + n <= s.tok_end:
            cls = pack.triggers.get(tuple(t.lemma for t in doc.tokens[end:end + n]))
            if cls:
                return cls
    return None


def _trigger_before(doc: Document, i: int, pack: LanguagePack) -> tuple[int, str] | None:
    """The trigger noun that heads a name at token i: (its first token, class).

    Right before the name ("tovarno Cléon"), or before a genitive complement of one or two
    words ("proizvajalec pnevmatik Michelin", "tovarna zdravil Krka"): the farthest head wins.
    """
    s = doc.sentences[doc.tokens[i].sent]
    found = _trigger_ending_at(doc, i, s.tok_start, pack)
    if found:
        return found  # the noun next to the name: "tovarna podjetja Hidria", "battery start-up Fjord"
    j = i
    for _ in range(2):
        j -= 1
        tok = doc.tokens[j] if j >= s.tok_start else None
        if tok is None or not tok.is_word or tok.is_capitalised or tok.text.lower() in pack.function_words:
            break
        head = _trigger_ending_at(doc, j, s.tok_start, pack)
        if head:
            found = head
    return found


def _trigger_inside(doc: Document, span: _Span, pack: LanguagePack) -> str | None:
    """The class of a capitalised trigger that opens a name ("Skupina Renault")."""
    if span.end - span.start < 2:
        return None
    return pack.triggers.get((doc.tokens[span.start].lemma,))


def _name_with_trigger(doc: Document, span: _Span) -> str:
    """Canonical name of "Skupine Renault": the trigger noun in its dictionary form, the rest as written."""
    first = doc.tokens[span.start]
    rest = doc.text[doc.tokens[span.start + 1].start:doc.tokens[span.end - 1].end]
    return f"{dictionary_form(first.text, doc.lang)} {rest}"


def _classify(doc: Document, span: _Span, pack: LanguagePack, known_caps: set[str]) -> _Span:
    toks = doc.tokens
    words = [t.text for t in toks[span.start:span.end]]
    ref = reference_index()
    # reference data and gazetteer, by surface form or dictionary form
    for form in (span.name, " ".join(dictionary_form(w, doc.lang) for w in words)):
        if form in pack.places and span.cls is None:
            place = pack.places[form]
            span.cls, span.name, span.source = place.cls, place.label, "gazetteer"
        if form in ref.by_alias and span.source in ("capitalised", "gazetteer"):
            row = ref.by_alias[form][0]
            span.cls, span.name, span.source = row.cls, row.label, "reference"
            break
    inside = _trigger_inside(doc, span, pack)
    if inside and (doc.text[toks[span.start].start:toks[span.end - 1].end] in ref.by_alias
                   or not _sentence_initial(doc, span.start)
                   or toks[span.start].text in known_caps):
        span.cls, span.name, span.source = inside, _name_with_trigger(doc, span), "trigger"
        name_ref = ref.by_alias.get(span.name)
        if name_ref:
            span.name = name_ref[0].label
    elif inside and span.end - span.start >= 2:
        # sentence-initial "Podjetje Krka": the trigger gives the class, the name is the rest
        span.start += 1
        span.name = doc.text[toks[span.start].start:toks[span.end - 1].end]
        span.cls, span.source = inside, "trigger"
    if span.source in ("capitalised", "trigger") and len(words) >= 2 and _is_given_name(words[0], pack, doc.lang) \
            and span.cls in (None, "schema:Person"):
        # a given name makes a person, whatever noun stands before ("direktorica tovarne Marija Kos")
        span.cls, span.source = "schema:Person", "person"
        span.name = " ".join([_nominative_first_name(words[0], pack, doc.lang), *words[1:]])
        return span
    if span.cls is None and len(words) == 1 and _is_given_name(words[0], pack, doc.lang) and \
            span.end + 1 < len(toks) and toks[span.end].text.lower() in LIST_SEPARATORS and \
            _is_given_name(toks[span.end + 1].text, pack, doc.lang):
        # "brata Marko in Janez Kovač": a given name coordinated with a full name
        span.cls, span.source = "schema:Person", "person"
        return span
    if span.cls is None and len(words) == 2 and _looks_like_person(words, doc, span.start, pack):
        span.cls, span.source = "schema:Person", "person"
        return span
    if span.cls is None and len(words) >= 2 and _after_speech_verb(doc, span.start, pack):
        span.cls, span.source = "schema:Person", "speaker"
        return span
    before = _trigger_before(doc, span.start, pack)
    if before and span.source != "legal":
        # the trigger decides the class: "blagovno znamko Renault" is the brand, not the group
        span.cls = before[1]
        if span.source != "trigger":
            surface = doc.text[toks[span.start].start:toks[span.end - 1].end]
            row = ref.find(surface, span.cls)
            place = pack.places.get(surface)
            span.name = row.label if row else place.label if place and place.cls == span.cls else surface
        span.source = "trigger"
    if span.name.endswith(("'s", "’s")):
        span.name = span.name[:-2]  # "Brenner's plant": the possessor, not the plant
    elif pack.head_final and span.source not in ("legal", "trigger"):
        after = _trigger_after(doc, span.end, pack)
        if after:
            # "the Douai plant", "the Renault brand": the class noun follows the name
            span.cls, span.source = after, "trigger"
            surface = doc.text[toks[span.start].start:toks[span.end - 1].end]
            row = ref.find(surface, span.cls)
            span.name = row.label if row else surface
    if span.cls is None and len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        span.source = "acronym"
    return span


def _looks_like_person(words: list[str], doc: Document, i: int, pack: LanguagePack) -> bool:
    """"Stojan Petrič": a two-word name with a surname ending, or right after a role phrase
    ("direktor Iztok Seljak"), whose first word is no dictionary word or place."""
    first, last = words
    if is_known_word(first, doc.lang) or first in pack.places or "." in first:
        return False
    after_role = any(tuple(t.lemma for t in doc.tokens[max(0, i - n):i]) in pack.roles for n in (1, 2, 3))
    return after_role or last.endswith(tuple(pack.surname_endings))


def _after_speech_verb(doc: Document, i: int, pack: LanguagePack) -> bool:
    """True if a verb of saying stands right before token i ("je dejal Hans-Peter Müller")."""
    s = doc.sentences[doc.tokens[i].sent]
    return any(doc.tokens[j].lemma in pack.speech_verbs for j in range(max(s.tok_start, i - 2), i))


def _is_given_name(word: str, pack: LanguagePack, lang: str) -> bool:
    """A given name in any case form ("Luca", "Luce", "Ane")."""
    names = first_names()
    if "-" in word:  # "Hans-Peter", "Jean-Luc"
        word = word.split("-", 1)[0]
    return word in names or any(c in names for c in name_candidates(word, lang, pack.inflection)[1:3])


def _nominative_first_name(word: str, pack: LanguagePack, lang: str) -> str:
    for cand in name_candidates(word, lang, pack.inflection):
        if cand in first_names():
            return cand
    return word


def _list_after_trigger(doc: Document, spans: list[_Span], pack: LanguagePack) -> None:
    """Names listed after a plural trigger take its class: "tri tovarne (Douai, Maubeuge in Ruitz)"."""
    by_start = {s.start: s for s in spans}
    toks = doc.tokens
    for sent in doc.sentences:
        for i in range(sent.tok_start, sent.tok_end - 1):
            if toks[i].lemma not in pack.list_triggers:
                continue
            cls = pack.triggers.get((toks[i].lemma,))
            j = i + 1
            if j < sent.tok_end and toks[j].text in "(:":
                j += 1
            first = by_start.get(j)
            nxt = by_start.get(first.end + 1) if first and first.end < sent.tok_end else None
            if first is None or nxt is None or toks[first.end].text.lower() not in LIST_SEPARATORS:
                if j == i + 1:
                    continue  # a single name right after the trigger: _classify already typed it
            while j < sent.tok_end and j in by_start:
                span = by_start[j]
                if span.source not in ("trigger", "legal", "person"):
                    span.cls, span.source = cls, "list"
                j = span.end
                if j < sent.tok_end and toks[j].text.lower() in LIST_SEPARATORS:
                    j += 1
                    if j < sent.tok_end and toks[j].text.lower() in LIST_SEPARATORS:
                        j += 1
                else:
                    break


def _list_before_trigger(doc: Document, spans: list[_Span], pack: LanguagePack) -> None:
    """Head-final lists: "the Douai, Maubeuge and Ruitz plants" all take the trigger's class."""
    by_end = {s.end: s for s in spans}
    toks = doc.tokens
    for sent in doc.sentences:
        for i in range(sent.tok_start + 1, sent.tok_end):
            cls = pack.triggers.get((toks[i].lemma,))
            if not cls or toks[i].lemma not in pack.list_triggers or i not in by_end:
                continue
            j = i
            while j in by_end:
                span = by_end[j]
                if span.source not in ("legal", "person"):
                    span.cls, span.source = cls, "list"
                    row = reference_index().find(span.name, cls)
                    if row is None and span.source == "list":
                        span.name = doc.text[toks[span.start].start:toks[span.end - 1].end]
                j = span.start
                while j - 1 >= sent.tok_start and toks[j - 1].text.lower() in LIST_SEPARATORS:
                    j -= 1
                if j == span.start:
                    break


def _locatives(doc: Document, spans: list[_Span], pack: LanguagePack) -> None:
    """Untyped names after "v"/"na"/"iz" (and listed after them) are places ("v Douaiju" -> Douai)."""
    toks = doc.tokens
    by_start = {s.start: s for s in spans}
    after_locative: set[int] = set()
    for span in spans:
        prev = toks[span.start - 1] if span.start > 0 else None
        if prev is None or prev.sent != toks[span.start].sent:
            continue
        listed = span.start in after_locative
        if not listed and prev.text.lower() not in pack.locative_prepositions:
            continue
        # "v Novem mestu, Ljutomeru in Krškem": the names listed after a locative are places too
        j = span.end
        if j < len(toks) and toks[j].text.lower() in LIST_SEPARATORS and j + 1 in by_start:
            after_locative.add(j + 1)
        if span.cls:
            continue
        span.cls, span.source = "schema:City", "locative"
        span.name = locative_nominative(span.name, pack)


def locative_nominative(name: str, pack: LanguagePack) -> str:
    """"Douaiju" -> "Douai", "Bohinju" -> "Bohinj", "Hočah" -> "Hoče", "Ivančni Gorici" ->
    "Ivančna Gorica" (endings from the language pack).

    In a two-word name the adjective agrees with the noun: feminine "-a", neuter "-o", else "-i".
    """
    words = name.split()
    if len(words) == 2 and words[0].endswith(("i", "em", "ega")):
        noun = _locative_word(words[1], pack)
        stem = words[0][:-3] if words[0].endswith("ega") else words[0][:-2] if words[0].endswith("em") else words[0][:-1]
        ending = "a" if noun.endswith("a") else "o" if noun.endswith(("o", "e")) else "i"
        return f"{stem}{ending} {noun}"
    if len(words) == 1:
        return _locative_word(name, pack)
    return name


def _locative_word(word: str, pack: LanguagePack) -> str:
    """One word's nominative by the first matching ending (a condition V/C: after a vowel/consonant)."""
    for suffix, repl, *cond in pack.locative_endings:
        stem = word[: len(word) - len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        if cond and (stem[-1].lower() in "aeiouy") != (cond[0] == "V"):
            continue
        return stem + repl
    return word


def _acronym_expansions(doc: Document, spans: list[_Span]) -> dict[int, str]:
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
                    span.cls, span.source = "skos:Concept", "definition"
                for other in spans:
                    if span.end < other.start < j:
                        other.cls, other.source = None, "expansion"
    return out


def _markets(doc: Document, pack: LanguagePack) -> list[_Span]:
    """Market phrases: "trg električnih vozil", "evropski trg" (head noun + genitive words)."""
    spans: list[_Span] = []
    toks = doc.tokens
    for sent in doc.sentences:
        for i in range(sent.tok_start, sent.tok_end):
            if toks[i].lemma not in pack.market_heads:
                continue
            if pack.head_final:
                spans.append(_market_head_final(doc, i, sent.tok_start, sent.tok_end, pack))
                continue
            j = i + 1
            while (j < sent.tok_end and j - i <= 3 and toks[j].is_word and not toks[j].is_capitalised
                   and toks[j].text.lower() not in pack.function_words and toks[j].lemma not in pack.numbers):
                j += 1
            complement = doc.text[toks[i + 1].start:toks[j - 1].end] if j > i + 1 else ""
            head = toks[i].lemma
            span = _Span(i, j, "akg:Market", f"{head} {complement}".strip(), "market")
            if not complement:
                # a bare "trg" refers back to the last market (see kg.link); with a demonym
                # before it and no earlier market it is named by that ("evropski trg")
                span.weak = True
                if i > sent.tok_start and toks[i - 1].lemma in pack.demonyms:
                    span.name = f"{toks[i - 1].lemma} {head}"
            spans.append(span)
    return spans


def _market_head_final(doc: Document, i: int, start: int, end: int, pack: LanguagePack) -> _Span:
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
        while b < end and b - i <= 4 and toks[b].is_word and not toks[b].is_capitalised \
                and toks[b].text.lower() not in pack.function_words:
            b += 1
    name = doc.text[toks[a].start:toks[b - 1].end].lower()
    span = _Span(a, b, "akg:Market", name, "market")
    if a == i and b == i + 1:
        span.weak = True  # "that market": refers back (kg.link)
        if a > start and toks[a - 1].lemma in pack.demonyms:
            span.name = f"{toks[a - 1].text.lower()} {toks[i].text.lower()}"
    return span


def _demonyms(doc: Document, pack: LanguagePack) -> list[_Span]:
    spans = []
    for tok in doc.tokens:
        label = pack.demonyms.get(tok.lemma)
        if label and (not tok.is_capitalised or pack.head_final):
            place = pack.places.get(label)
            spans.append(_Span(tok.i, tok.i + 1, place.cls if place else "schema:Place", label, "demonym", weak=True))
    return spans


def _coreferring(doc: Document, pack: LanguagePack, taken: set[int]) -> list[_Span]:
    """Words that refer back: "Podjetje zaposluje ...", "Ta želi ...", "... da bo podjetje vložilo".

    Pronouns count only at the start of a sentence; nouns ("podjetje") anywhere, when no name
    follows them.
    """
    spans = []
    toks = doc.tokens
    for sent in doc.sentences:
        start = sent.tok_start
        while start < sent.tok_end and toks[start].text in OPENING_QUOTES:
            start += 1
        for i in range(start, sent.tok_end - 1):
            cls = "akg:Company" if toks[i].text.lower() in pack.object_pronouns else pack.coreference.get(toks[i].lemma)
            if not cls or i in taken:
                continue
            is_noun = (toks[i].lemma,) in pack.triggers
            if is_noun and i != start and any(t.text.lower() in pack.copulas for t in toks[max(start, i - 3):i]):
                continue  # "je mednarodna skupina", "bo ostal samostojna družba": says what, not who
            after_clause_break = i > sent.tok_start and toks[i - 1].text.lower() in (",", "and", "in", "ter", "but")
            if i != start and not is_noun and toks[i].text.lower() not in pack.object_pronouns \
                    and not after_clause_break:
                continue
            if toks[i].text.lower() in pack.object_pronouns and i > sent.tok_start and \
                    toks[i - 1].text.lower() in pack.relative_pronouns:
                continue  # "..., ki ga je": the pronoun refers to the noun before, not back
            nxt = toks[i + 1]
            prev = toks[i - 1] if i > sent.tok_start else None
            if i != start and prev is not None and (prev.lemma in pack.demonyms or prev.lemma in pack.numbers):
                continue  # "evropski proizvajalec", "dve podjetji": not a reference back
            if is_noun and pack.coref_determiners and i != start and (
                    prev is None or prev.text.lower() not in pack.coref_determiners):
                continue  # English: "the company" refers back, "the leading manufacturer" does not
            after = toks[i + 2] if i + 2 < sent.tok_end else None
            if cls == "akg:Plant" and after is not None and nxt.text.lower() in pack.locative_prepositions and \
                    (_is_name_token(after) or after.lemma in pack.numbers or after.text[:1].isdigit()):
                continue  # "tovarno v Valjevu", "tovarne na treh celinah": not a reference back
            if toks[i].text.lower() in pack.object_pronouns or (
                    not _is_name_token(nxt) and nxt.lemma not in pack.coreference and
                    (nxt.lemma,) not in pack.triggers and nxt.text not in "(:"):
                span = _Span(i, i + 1, cls, toks[i].text, "coref")
                if prev is not None and prev.lemma in pack.newness_words:
                    span.name = "new"  # "nova družba": the organisation introduced last (kg.link)
                spans.append(span)
    return spans


def _resolve_overlaps(spans: list[_Span]) -> list[_Span]:
    """Keep the strongest of overlapping spans (then the longest, then the first)."""
    chosen: list[_Span] = []
    used: set[int] = set()
    for span in sorted(spans, key=lambda s: (-STRENGTH.get(s.source, 0), -(s.end - s.start), s.start)):
        if any(k in used for k in range(span.start, span.end)):
            continue
        chosen.append(span)
        used.update(range(span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def recognise_mentions(doc: Document, pack: LanguagePack) -> Document:
    """Fill ``doc.mentions`` (sorted by position)."""
    known_caps = _mid_sentence_capitalised(doc)
    names = [_classify(doc, s, pack, known_caps) for s in _capitalised_runs(doc, pack, known_caps)]
    names = _split_known_prefix(doc, names, pack)
    if pack.head_final:
        _list_before_trigger(doc, names, pack)
    else:
        _list_after_trigger(doc, names, pack)
    expansions = _acronym_expansions(doc, names)
    known = _lexicon_spans(doc, pack)
    names = [s for s in names if s.source != "expansion"]
    _locatives(doc, sorted(known + names, key=lambda s: (s.start, -s.end)), pack)
    spans = _resolve_overlaps(known + names + _markets(doc, pack) + _demonyms(doc, pack))
    taken = {k for s in spans for k in range(s.start, s.end)}
    spans = _resolve_overlaps(spans + _coreferring(doc, pack, taken))
    spans += _plants_in_towns(doc, spans, pack)
    toks = doc.tokens
    for s in sorted(spans, key=lambda s: (s.start, s.source == "plant-town")):
        introduced_new = any(t.lemma in pack.newness_words for t in toks[max(s.start - 3, 0):s.start])
        m = Mention(s.start, s.end, toks[s.start].start, toks[s.end - 1].end,
                    doc.text[toks[s.start].start:toks[s.end - 1].end], toks[s.start].sent,
                    s.cls, s.name, s.source, weak=s.weak)
        if introduced_new and s.source != "coref":
            m.attrs["new"] = "1"  # "novo hčerinsko podjetje Medis Biotech" (see "nova družba" in kg.link)
        if s.source == "plant-town":
            m.attrs["shadow"] = "town"  # same span as its town; not a unit of its own
        if s.start in expansions:
            m.attrs["expansion"] = expansions[s.start]
        doc.mentions.append(m)
    return doc
