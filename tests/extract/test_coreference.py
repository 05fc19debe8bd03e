"""Referring phrases carry their clue to the referent in ``Mention.hint`` ("nova družba", "Italijanska
skupina", "Omenjena družba", "said the group"), not in their name, and the build cache keeps it."""
from __future__ import annotations

from pathlib import Path

from kg.cachefmt import decode_extracted, encode_extracted
from kg.extract.document import CorefHint, Document, MentionSource
from kg.extract.pipeline import extract
from kg.parallel import Extracted


def referring(text: str, lang: str) -> tuple[Document, list[tuple[str, str, CorefHint | None, str, str]]]:
    """The document, and per referring mention: (text, name, hint, adjective, name of its referent)."""
    doc = extract(Document("t", Path("t.txt"), text, {}, lang=lang))
    return doc, [(m.text, m.name, m.hint, m.hint_adjective, doc.groups[m.group].name if m.group >= 0 else "")
                 for m in doc.mentions if m.source == MentionSource.COREF]


def test_slovenian_referring_phrases_keep_their_name_and_carry_a_hint():
    doc, found = referring("Skupino Marelli iz Italije je leta 2020 kupilo podjetje Krka. Italijanska skupina "
                           "zaposluje 500 ljudi. Podjetje Krka je ustanovilo novo podjetje Medis d.o.o. Nova družba "
                           "ima sedež v Kranju. Omenjena družba izdeluje zdravila.", "sl")
    assert found == [("skupina", "skupina", CorefHint.OF, "italijanski", "Skupina Marelli"),
                     ("družba", "družba", CorefHint.NEW, "", "Medis d.o.o."),
                     ("družba", "družba", CorefHint.LATTER, "", "Medis d.o.o.")]
    again = decode_extracted("k", encode_extracted("k", Extracted(doc, 1))).doc
    assert [(m.hint, m.hint_adjective) for m in again.mentions] == [(m.hint, m.hint_adjective) for m in doc.mentions]


def test_english_referring_phrases_keep_their_name_and_carry_a_hint():
    _, found = referring("Brantwood Ltd makes ovens. The South Korean battery maker opened a plant in Leeds. "
                         "Brantwood's boss Ann Marsh said the group would grow.", "en")
    assert [(text, name, hint, adjective) for text, name, hint, adjective, _ in found] == [
        ("maker", "maker", CorefHint.OF, "korean"), ("group", "group", CorefHint.SPEAKER, "")]
    assert found[1][4] == "Brantwood Ltd"  # the organisation named before "said"


def test_a_group_is_not_the_company_it_bought():
    """"X je kupil družbo Y ... direktor skupine": the group is the buyer, though Y is named more."""
    _, found = referring("Proizvajalec orodij Steinwerk AG iz Ulma je kupil družbo Vijakom d.o.o. iz Celja. "
                         "Vijakom ima v Celju tovarno. Vijakom zaposluje 90 ljudi. »Vijakom je dobra naložba,« "
                         "je dejal direktor skupine Jonas Weber.", "sl")
    assert [(text, referent) for text, _, _, _, referent in found if text == "skupine"] == [("skupine", "Steinwerk AG")]
