"""A document's cached share (``kg.cachefmt.encode_lines``): its bytes depend on the set of lines
only, the rows are sorted by term number, and it decodes to the sorted lines."""
from __future__ import annotations

import random

import pytest

from kg.cachefmt import decode_lines, encode_lines

FACTS = ['<urn:b> <urn:p> "x"@en-GB', '<urn:b> <urn:p> "x"@en', "<urn:a> <urn:p> <urn:b>", "<urn:a#1> <urn:q> <urn:a>"]
PROVENANCE = ['<urn:s> <urn:q> "two words"', "<urn:a> <urn:q> <urn:s>", '<urn:s> <urn:q> "5"^^<urn:int>']


def test_the_entry_depends_on_the_lines_not_their_order():
    entry = encode_lines("k", ("v", FACTS, PROVENANCE))
    for seed in range(5):
        facts, prov = FACTS[:], PROVENANCE[:]
        random.Random(seed).shuffle(facts)
        random.Random(seed).shuffle(prov)
        assert encode_lines("k", ("v", facts, prov)) == entry
    assert decode_lines("k", entry) == ("v", sorted(FACTS), sorted(PROVENANCE))


def test_rows_are_sorted_by_term_number():
    rows = encode_lines("k", ("v", FACTS, PROVENANCE)).decode("utf-8").split("\n")
    terms = int(rows[0].split('"terms": ')[1].split(",")[0])
    numbered = [tuple(map(int, row.split(" "))) for row in rows[1 + terms:]]
    facts, prov = numbered[:len(FACTS)], numbered[len(FACTS):]
    assert facts == sorted(facts) and prov == sorted(prov)


def test_a_line_that_is_no_triple_is_refused():
    with pytest.raises(ValueError, match="not a triple"):
        encode_lines("k", ("v", ["<urn:a> <urn:p>"], []))
