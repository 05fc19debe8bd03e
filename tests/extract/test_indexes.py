"""The look-up indexes that make extraction cheaper find exactly what trying every position
finds: word-order rules (``kg.extract.matcher.UnitIndex``) and frame triggers
(``kg.extract.frames.start_index``) over every sentence of the development texts, and phrases
searched by their first word."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.document import Document
from kg.extract.frames import _start_positions, _trigger_at, clauses, frames_that_may_start, start_index
from kg.extract.lemmatize import lemmatize
from kg.extract.link import core_name, link_mentions
from kg.extract.matcher import Element, Rule, SentenceUnits, Unit, UnitIndex, find_matches
from kg.extract.mentions import recognise_mentions
from kg.extract.reading import read_document
from kg.extract.relations import _class_nouns_after_names, _clause_glue, has_phrase, mentions_by_start, sentence_units
from kg.extract.segment import segment
from kg.extract.textview import extraction_text
from kg.extract.timeline import _phrase_len, time_words
from kg.lang import LanguagePack, load_pack
from kg.ontology import load_ontology

EVAL = Path(__file__).resolve().parents[2] / "eval"
ONTO = load_ontology()


class EveryPosition(UnitIndex):
    """An index that prunes nothing: every position may start a match."""

    def candidates(self, el: Element) -> range:
        return range(self.size)

    def last_start(self, rule: Rule, units: list[Unit], is_a) -> int:
        return self.size - 1


def sentences(lang: str, limit: int) -> list[tuple[LanguagePack, SentenceUnits]]:
    """The units of each sentence of the first ``limit`` development texts of ``lang``."""
    pack = load_pack(lang)
    root = EVAL / lang / "dev"
    out = []
    for path in sorted(root.glob("*.txt"))[:limit]:
        doc: Document = read_document(path, root)
        with extraction_text(doc):
            segment(doc, pack.split_suffixes)
            lemmatize(doc, pack.lemma_overrides)
            recognise_mentions(doc, pack)
            link_mentions(doc, pack, ONTO)
            by_start = mentions_by_start(doc)
            out += [(pack, sentence_units(doc, i, pack, by_start)) for i in range(len(doc.sentences))]
    return out


@pytest.mark.parametrize("lang", ["sl", "en"])
def test_rules_find_the_same_matches_with_the_index(lang):
    checked = matched = 0
    for pack, su in sentences(lang, 40):
        index, every = UnitIndex(su.units), EveryPosition(su.units)
        for rule in pack.rules:
            want = find_matches(rule, su.units, su.present, ONTO.is_a, every)
            assert find_matches(rule, su.units, su.present, ONTO.is_a, index) == want, rule.id
            checked, matched = checked + 1, matched + len(want)
    assert checked > 1000 and matched > 20  # the texts exercise the rules


@pytest.mark.parametrize("lang", ["sl", "en"])
def test_frames_look_at_every_position_a_trigger_starts(lang):
    starts = 0
    for pack, su in sentences(lang, 40):
        split = clauses(su.units, pack.relative_openers, _clause_glue(pack), frozenset(pack.where_words),
                        _class_nouns_after_names(pack), frozenset(pack.articles), frozenset(pack.possessives))
        for clause in split:
            index = start_index(su.units, clause)
            may_start = frames_that_may_start(pack.frames, index)
            for k, frame in enumerate(pack.frames):
                looked = set(_start_positions(frame, index)) if k in may_start else set()
                for pos in range(len(clause.units)):
                    if any(_trigger_at(su.units, clause.units, pos, t) for t in frame.triggers):
                        starts += 1
                        assert pos in looked, (frame.id, pos)
    assert starts > 100


def test_phrase_search_by_first_word_finds_what_a_scan_finds():
    cues = time_words("sl").text
    sets = [load_pack("sl").hedges, cues.lead_current, cues.succeed, (("je", "bil"), ("je",), ()), ()]
    words = ["on", "je", "bil", "naj", "bi", "lani", "vodil", "direktor", ",", "ki", "je", "bil", "od", "leta"]
    for phrases in sets:
        for lo in range(len(words)):
            part = words[lo:]
            assert has_phrase(part, phrases) == any(tuple(part[i:i + len(p)]) == p for p in phrases
                                                    for i in range(len(part)))
            for i in range(-1, len(part) + 1):
                want = max((len(p) for p in phrases if tuple(part[i:i + len(p)]) == p), default=0)
                assert _phrase_len(part, i, phrases) == want
    assert has_phrase(["naj", "bi"], load_pack("sl").hedges)


def _core_name_by_scan(name: str, pack: LanguagePack) -> str:
    """``core_name`` as it was written first: every suffix compared with the name's last words."""
    words = name.replace(",", " ").split()
    if len(words) > 1 and (words[0].lower(),) in pack.triggers:
        words = words[1:]
    for suffix in pack.legal_suffixes:
        s, k, acc = "".join(suffix), len(words), ""
        while k > 0 and len(acc) < len(s):
            k -= 1
            acc = words[k] + acc
        if acc == s and k > 0:
            return " ".join(words[:k]).lower()
    return " ".join(words).lower()


@pytest.mark.parametrize("lang", ["sl", "en"])
def test_core_name_drops_the_same_suffixes_as_a_scan(lang):
    pack = load_pack(lang)
    names = [f"{head} {' '.join(suffix)}" for head in ("Krka", "Skupina Renault", "A", "")
             for suffix in pack.legal_suffixes] + ["Krka, d. d.", "ASA", "Bosch GmbH & Co. KG", "Foo SA"]
    assert [core_name(n, pack) for n in names] == [_core_name_by_scan(n, pack) for n in names]
    assert core_name("Livarna Ferolit d.o.o.", load_pack("sl")) == "ferolit"
