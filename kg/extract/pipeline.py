"""The extraction pipeline: the steps that turn one document's text into entities and facts.

Steps run in order over one ``Document``; each is a small module that adds its part:

    segment -> lemmatize -> recognise_mentions -> link_mentions -> extract_relations
    -> find_quotes -> resolve_entities -> read_time

They read the document text without its invisible format characters (zero-width, soft hyphen,
bidirectional controls; ``kg.extract.textview``); the offsets they write are mapped back to the text as read.

``extract`` is a pure function of the document and the language data, so documents can be
processed in any order, in parallel, or taken from a cache.
"""
from __future__ import annotations

from kg.extract.document import Document
from kg.extract.entities import resolve_entities
from kg.extract.lemmatize import lemmatize
from kg.extract.link import link_mentions
from kg.extract.mentions import recognise_mentions
from kg.extract.quotes import find_quotes
from kg.extract.relations import extract_relations
from kg.extract.segment import segment
from kg.extract.textview import extraction_text
from kg.extract.timeline import read_time
from kg.lang import load_pack
from kg.ontology import Ontology, load_ontology


def extract(doc: Document, onto: Ontology | None = None) -> Document:
    """Run every step over the document and return it with entities and facts filled in.

    >>> from pathlib import Path
    >>> d = extract(Document("d", Path("d.txt"), "Podjetje Krka ima sedež v Novem mestu.", {}))
    >>> sorted(d.entities)
    ['city/novo-mesto', 'company/krka']
    """
    onto = onto or load_ontology()
    pack = load_pack(doc.lang)
    with extraction_text(doc):  # the steps read the text without invisible format characters
        segment(doc, pack.split_suffixes)
        lemmatize(doc, pack.lemma_overrides, pack.goods_nouns,
                  (pack.percent_adjectives, pack.share_lemmas) if pack.share_lemmas else None, pack.class_nouns)
        recognise_mentions(doc, pack)
        link_mentions(doc, pack, onto)
        extract_relations(doc, pack, onto)
        find_quotes(doc, pack)
        resolve_entities(doc, pack)
        read_time(doc, pack)
    return doc
