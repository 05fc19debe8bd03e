"""Turn a document's mention groups into entities with stable keys, and its relations into facts.

An entity's key is ``<class>/<slug of its core name>`` (``company/renault`` for "Skupina Renault"), so
the same entity gets the same key in every document; names the reference data knows are
replaced by its canonical label first ("Renault Group" -> "Skupina Renault"). Slugs keep letters
of any script and never merge two different names (``kg.iri``); a name that mixes look-alike
scripts is kept apart and the document gets a warning. Groups without a class, and weak groups
(a demonym, a bare locative) that no fact uses, are dropped.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter

from kg.extract.document import Document, Entity, Fact, MentionSource, Quantity, Relation
from kg.extract.link import core_name
from kg.iri import CONFUSABLE_SCRIPTS, odd_letters, script, slug
from kg.lang import LanguagePack, load_pack
from kg.reference import REFERENCE_LANGUAGE, reference_index

QUOTE_LABEL_WORDS = 8


def class_slug(cls: str) -> str:
    """``akg:IndustrialHub`` -> ``industrial-hub``."""
    local = cls.split(":", 1)[1]
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


# Names repeat across documents (the same groups, towns and people): their slugs and look-alike
# letters are worked out once. Both are pure functions of the text.
_slug = functools.lru_cache(maxsize=1 << 16)(slug)


@functools.lru_cache(maxsize=1 << 16)
def _odd_letters(name: str) -> tuple[str, ...]:
    return tuple(odd_letters(name))


def entity_key(cls: str, name: str, pack: LanguagePack) -> str:
    """The key of an entity: its class and its name without a legal suffix ("Krka d.d." = "Krka")."""
    return f"{class_slug(cls)}/{_slug(core_name(name, pack))}"


def _used_groups(doc: Document) -> set[int]:
    used = set()
    for r in doc.relations:
        used.add(r.subj)
        if r.obj is not None:
            used.add(r.obj)
        if r.place is not None:
            used.add(r.place)
    used.update(doc.mentions[q.speaker].group for q in doc.quotes)
    return used


def _make_entities(doc: Document, pack: LanguagePack) -> dict[int, Entity]:
    ref = reference_index()
    used = _used_groups(doc)
    weak_only = {m.group for m in doc.mentions if m.weak} - {m.group for m in doc.mentions if not m.weak}
    out: dict[int, Entity] = {}
    for g, group in enumerate(doc.groups):
        cls = group.cls
        if cls is None or (g in weak_only and g not in used):
            continue
        name = group.name
        row = ref.find(name, cls)
        if row:
            name = row.label  # reference labels are Slovenian, so the Slovenian pack makes their key
        key_pack = load_pack(REFERENCE_LANGUAGE) if row else pack  # one IRI whatever the document's language
        ent = Entity(entity_key(cls, name, key_pack), cls, name, lang=REFERENCE_LANGUAGE if row else doc.lang)
        if row:
            ent.ref = {"label_en": row.label_en, "wikidata": row.wikidata}
        out[g] = ent
    for m in doc.mentions:
        named = out.get(m.group)
        # adjectives ("evropski") and a bare "trg" refer to an entity but are not its names
        if named is not None and m.source not in (MentionSource.COREF, MentionSource.DEMONYM) and not (m.weak and m.cls == "akg:Market"):
            named.surface_forms.add(m.text)
            if "expansion" in m.attrs:
                named.expansions.add(m.attrs["expansion"])
    return out


def _quote_entity(doc: Document, text: str) -> Entity:
    words = text.split()
    label = " ".join(words[:QUOTE_LABEL_WORDS]) + (" …" if len(words) > QUOTE_LABEL_WORDS else "")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return Entity(f"quotation/{digest}", "schema:Quotation", f"»{label}«", lang=doc.lang)


def _fact(r: Relation, ents: dict[int, Entity]) -> Fact | None:
    s = ents.get(r.subj)
    if s is None:
        return None
    if r.obj is not None:
        o = ents.get(r.obj)
        return Fact(s.key, r.pred, o.key, r.rule, r.sent, r.mentions) if o else None
    value = r.value
    assert value is not None, r  # a relation has an object entity or a value
    if isinstance(value, Quantity) and r.place is not None:
        place = ents.get(r.place)
        value = Quantity(value.value, value.bound, value.unit, place.key if place else "", value.occupation)
    return Fact(s.key, r.pred, value, r.rule, r.sent, r.mentions, object_is_entity=False)


def resolve_entities(doc: Document, pack: LanguagePack) -> Document:
    """Fill ``doc.entities`` (by key) and ``doc.facts`` from groups, relations and quotes."""
    ents = _make_entities(doc, pack)
    # (a company is no site of its own: "Livarna Lipovec d.o.o." and its plant "Livarna Lipovec"
    # are one name read twice)
    facts = [f for f in (_fact(r, ents) for r in doc.relations) if f is not None
             and not (f.p == "org:hasSite" and str(f.o).split("/", 1)[-1] == f.s.split("/", 1)[-1])]
    for q in doc.quotes:
        speaker = ents.get(doc.mentions[q.speaker].group)
        if speaker is None:
            continue
        qe = _quote_entity(doc, q.text)
        doc.entities[qe.key] = qe
        facts.append(Fact(qe.key, "schema:text", q.text, "quote-attribution", q.sent, (q.speaker,), False))
        facts.append(Fact(qe.key, "schema:creator", speaker.key, "quote-attribution", q.sent, (q.speaker,)))
    used_keys = {f.s for f in facts} | {f.o for f in facts if f.object_is_entity} | \
                {f.o.place for f in facts if isinstance(f.o, Quantity) and f.o.place}
    strong = {m.group for m in doc.mentions if not m.weak}
    for g, ent in ents.items():
        # strong entities stay even without facts; weak ones only when a fact uses them
        if ent.key in used_keys or g in strong:
            existing = doc.entities.get(ent.key)
            if existing:
                existing.surface_forms |= ent.surface_forms
                existing.expansions |= ent.expansions
            else:
                doc.entities[ent.key] = ent
    doc.facts = facts
    for g, e in ents.items():
        if e.key in doc.entities:
            doc.groups[g].key = e.key
    doc.warnings += [(doc.meta.get("path", str(doc.path)), w) for w in look_alike_warnings(doc.entities)]
    return doc


def look_alike_warnings(entities: dict[str, Entity]) -> list[str]:
    """A warning for each entity whose name mixes look-alike scripts ("Renаult", Cyrillic "а").

    >>> look_alike_warnings({"company/ren%D0%B0ult": Entity("company/ren%D0%B0ult", "akg:Company", "Renаult")})
    ["the name 'Renаult' mixes Cyrillic and Latin letters (U+0430 CYRILLIC SMALL LETTER A); kept apart from look-alike names as kgid:company/ren%D0%B0ult"]
    """
    out = []
    for key in sorted(entities):
        name = entities[key].name
        odd = _odd_letters(name)
        if odd:
            scripts = " and ".join(sorted({script(c).title() for c in name if script(c) in CONFUSABLE_SCRIPTS}))
            letters = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in dict.fromkeys(odd))
            out.append(f"the name {name!r} mixes {scripts} letters ({letters}); kept apart from look-alike "
                       f"names as kgid:{key}")
    return out


def merge_entities(docs: list[Document]) -> dict[str, Entity]:
    """One entity per key across documents; its name is the one used most (then the longest).

    A Slovenian name is preferred as the main name; a name from documents in another language
    is kept in ``other_names``; all other names are kept as surface forms (skos:altLabel).
    """
    names: dict[str, dict[str, Counter]] = {}
    merged: dict[str, Entity] = {}
    for doc in docs:
        for key, ent in doc.entities.items():
            names.setdefault(key, {}).setdefault(ent.lang, Counter())[ent.name] += 1
            m = merged.setdefault(key, Entity(key, ent.cls, ent.name, ent.lang))
            m.surface_forms |= ent.surface_forms
            m.expansions |= ent.expansions
    for key, m in merged.items():
        for i, lang in enumerate(sorted(names[key], key=lambda lang: (lang != "sl", lang))):
            counter = names[key][lang]
            best = max(counter, key=lambda n: (counter[n], len(n), n))
            m.surface_forms |= set(counter) - {best}
            if i == 0:
                m.name, m.lang = best, lang
            else:
                m.other_names[lang] = best
    return merged
