"""Ownership read from a purchase: who bought a whole company is its parent.

"X je kupil vse deleže v družbi Y", "Za stoodstotni delež je odštel ...", "acquired 100% of the
shares in Y": a purchase of all of a company makes the buyer its parent as well (rule
``parent-by-whole-purchase``). The words that say "all of it" are the language pack's
``whole_share_phrases``; a share of 100 percent says so in any language.
"""
from __future__ import annotations

from kg.extract.document import Document, Relation
from kg.extract.lemmatize import percent_adjective_number
from kg.extract.wordphrases import has_phrase
from kg.lang import LanguagePack
from kg.ontology import Ontology

WHOLE = "100"


def says_whole_share(lemmas: list[str], words: list[str], pack: LanguagePack) -> bool:
    """Whether the words speak of all of a company's shares.

    >>> from kg.lang import load_pack
    >>> sl = load_pack("sl")
    >>> says_whole_share(["za", "100-odstotni", "delež"], ["za", "100-odstotni", "delež"], sl)
    True
    >>> says_whole_share(["za", "večinski", "delež"], ["za", "70-odstotni", "delež"], sl)
    False
    >>> says_whole_share(["kupiti", "ves", "delež"], ["kupil", "vse", "deleže"], sl)
    True
    """
    if has_phrase(lemmas, pack.whole_share_phrases):
        return True
    for i, word in enumerate(words):
        if percent_adjective_number(word, pack.code, pack.percent_adjectives) == WHOLE:
            return True
        if word == WHOLE and i + 1 < len(words) and (lemmas[i + 1] in pack.percent_nouns or words[i + 1] == "%"):
            return True
    return False


def parents_of_whole_purchases(doc: Document, relations: list[Relation], pack: LanguagePack,
                               onto: Ontology) -> list[Relation]:
    """``target schema:parentOrganization buyer`` for each purchase whose sentence, or the next one
    naming no other organisation, says all of the company was bought; none for a company that has
    a parent already, or owns its buyer."""
    if not pack.whole_share_phrases:
        return []
    owners = {(r.subj, r.obj) for r in relations if r.pred == "schema:parentOrganization"}  # (child, parent)
    parented = {child for child, _ in owners}
    out: list[Relation] = []
    for r in relations:
        if r.pred != "akg:acquired" or r.obj is None or r.obj in parented or (r.subj, r.obj) in owners:
            continue
        if _whole_in_sentence(doc, r.sent, pack) or (
                r.sent + 1 < len(doc.sentences) and _whole_in_sentence(doc, r.sent + 1, pack)
                and _names_only(doc, r.sent + 1, {r.subj, r.obj}, onto)):
            parented.add(r.obj)
            out.append(Relation(r.obj, "schema:parentOrganization", r.subj, None, "parent-by-whole-purchase",
                                r.sent, r.mentions))
    return out


def _whole_in_sentence(doc: Document, sent_i: int, pack: LanguagePack) -> bool:
    s = doc.sentences[sent_i]
    tokens = doc.tokens[s.tok_start:s.tok_end]
    return says_whole_share([t.lemma.lower() for t in tokens], [t.text.lower() for t in tokens], pack)


def _names_only(doc: Document, sent_i: int, groups: set[int], onto: Ontology) -> bool:
    """Whether the sentence names no organisation but these."""
    return all(m.group in groups for m in doc.mentions if m.sent == sent_i and m.group >= 0
               and (cls := doc.groups[m.group].cls) and onto.is_a(cls, "schema:Organization"))
