"""Ownership and acquisitions in English texts written for these tests: legal forms in entity
keys, a filing's defined term "the Company", majority purchases (a minority stake stays silent)."""
from __future__ import annotations

from pathlib import Path

from kg.extract.document import Document, Quantity
from kg.extract.pipeline import extract


def build(text: str) -> tuple[dict[str, str], set[str]]:
    """The document's entity keys by name, and its facts as 'Subject predicate Object' lines."""
    doc = extract(Document("t", Path("t.txt"), text, {}, lang="en"))
    names = {key: ent.name for key, ent in doc.entities.items()}
    facts = set()
    for f in doc.facts:
        obj = f"{f.o.value} {f.o.unit}".strip() if isinstance(f.o, Quantity) else names.get(str(f.o), str(f.o))
        facts.add(f"{names.get(f.s, f.s)} {f.p} {obj}")
    return {name: key for key, name in names.items()}, facts


def test_a_legal_form_is_cut_off_the_key_only_as_whole_words():
    keys, _ = build("Haldor Fisk ASA and Brattvik Kraft ASA signed a supply deal in Bergen.")
    assert keys["Haldor Fisk ASA"] == "company/haldor-fisk"  # "ASA", not "SA" eating the name
    assert keys["Brattvik Kraft ASA"] == "company/brattvik-kraft"


def test_a_filings_defined_company_is_the_filer_not_the_company_named_last():
    _, facts = build("Brattvik Kraft ASA ('Brattvik' or 'the Company') has completed the purchase of Haldor Vind AS "
                     "('Haldor'). Haldor operates two plants. Haldor will operate as a wholly owned subsidiary of "
                     "the Company.")
    assert "Haldor Vind AS schema:parentOrganization Brattvik Kraft ASA" in facts
    assert not any(f.startswith("Haldor Vind AS schema:parentOrganization Haldor") for f in facts)


def test_a_prefixed_dollar_and_a_currency_word_after_the_amount_keep_their_currency():
    _, facts = build("Coralline Marine bought Tasman Hulls for NZ$38 million. Wattle Foods bought Otway Cheese "
                     "for A$48.5 million. Kericho Tea bought Rift Cartons for 1.8 billion shillings.")
    assert {"Tasman Hulls akg:acquisitionPrice 38000000 NZD", "Otway Cheese akg:acquisitionPrice 48500000 AUD",
            "Rift Cartons akg:acquisitionPrice 1800000000 KES"} <= facts
    assert not any(f.endswith(" USD") for f in facts)


def test_a_quoted_short_name_in_brackets_is_the_company_before_them():
    keys, facts = build("Vidrios del Norte, S.A. (\"Vinosa\" or \"the Company\") informs that it has bought the "
                        "glass maker Cristales Duero. Vinosa, headquartered in Zaragoza, employs 1,750 people.")
    assert "Vinosa" not in keys  # one entity, not two
    assert "Vidrios del Norte, S.A. akg:headquarteredIn Zaragoza" in facts


def test_a_majority_purchase_is_an_acquisition_with_its_price_and_a_minority_stake_is_not():
    _, facts = build("Halden Robotics bought 51% of the drone maker Skyvik for €40 million.")
    assert {"Halden Robotics akg:acquired Skyvik", "Skyvik akg:acquisitionPrice 40000000 EUR"} <= facts
    for text in ("Halden Robotics bought 30% of the drone maker Skyvik for €40 million.",
                 "Halden Robotics completed the acquisition of 49% of Skyvik for €40 million."):
        _, facts = build(text)
        assert not any("acquired" in f or "acquisitionPrice" in f for f in facts), facts


def test_a_name_after_a_finished_list_is_not_governed_by_the_lists_preposition():
    _, facts = build("Founded in 2014 by Marcus Delgado and Hannah Cho, Brightpath Controls employs 95 people "
                     "and will operate as a wholly owned subsidiary of Solvanta.")
    assert {"Brightpath Controls schema:parentOrganization Solvanta",
            "Brightpath Controls schema:numberOfEmployees 95"} <= facts
