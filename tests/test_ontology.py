"""The one Ontology object: hierarchies, labels and names, on a small hand-made ontology."""
from __future__ import annotations

import pytest
from rdflib import Graph

from kg.errors import InputError
from kg.ontology import Ontology, curie, expand, load_ontology

SMALL = """
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix akg: <https://w3id.org/ampere-kg/ontology#> .
akg:Thing a owl:Class ; rdfs:label "thing"@en .
akg:Site a owl:Class ; rdfs:subClassOf akg:Thing ; rdfs:label "site"@en, "lokacija"@sl .
akg:Works a owl:Class ; rdfs:subClassOf akg:Site ; rdfs:label "works"@en, "obrat"@sl .
akg:Mill a owl:Class ; rdfs:subClassOf akg:Site ; rdfs:label "obrat"@sl .
akg:near a owl:ObjectProperty .
akg:nextTo a owl:ObjectProperty ; rdfs:subPropertyOf akg:near ; rdfs:label "ob"@sl .
"""


@pytest.fixture(scope="module")
def small() -> Ontology:
    return Ontology.from_graph(Graph().parse(data=SMALL, format="turtle"))


def test_superclasses_and_super_properties_are_transitive(small):
    assert small.self_and_supers(expand("akg:Works")) == {expand("akg:Works"), expand("akg:Site"),
                                                           expand("akg:Thing")}
    assert small.self_and_supers(expand("akg:nextTo")) == {expand("akg:nextTo"), expand("akg:near")}
    assert small.self_and_supers(expand("akg:near")) == {expand("akg:near")}
    assert small.is_a("akg:Works", "akg:Thing") and not small.is_a("akg:Thing", "akg:Works")
    assert small.types_of("akg:Mill") == sorted(map(expand, ("akg:Mill", "akg:Site", "akg:Thing")))


def test_most_specific_ignores_classes_outside_the_ontology(small):
    types = [expand("akg:Thing"), expand("akg:Works"), expand("schema:Zebra"), expand("akg:Site")]
    assert small.most_specific(types) == expand("akg:Works")
    assert small.leaves([expand("akg:Mill"), expand("akg:Works"), expand("akg:Site")]) == [
        expand("akg:Mill"), expand("akg:Works")]
    assert small.most_specific([expand("schema:Zebra")]) is None


def test_label_falls_back_to_the_other_language_then_the_curie(small):
    assert small.label(expand("akg:Works"), "sl") == "obrat"
    assert small.label(expand("akg:Mill"), "en") == "obrat"
    assert small.label(str(expand("akg:Thing")), "sl") == "thing"
    assert small.label(expand("akg:near"), "sl") == "akg:near"


def test_names_resolve_and_a_shared_label_is_ambiguous(small):
    assert small.resolve_class("works") == expand("akg:Works")
    assert small.resolve_class("akg:Mill") == expand("akg:Mill")
    assert small.resolve_predicate("OB") == expand("akg:nextTo")
    with pytest.raises(InputError, match="ambiguous: akg:Mill, akg:Works"):
        small.resolve_class("obrat")
    with pytest.raises(InputError, match="did you mean 'akg:Site'"):
        small.resolve_class("akg:Sitte")


def test_the_project_ontology_knows_its_file_and_is_read_once():
    onto = load_ontology()
    assert onto.path is not None and onto.path.name == "ontology.ttl"
    assert load_ontology() is onto
    assert curie(onto.resolve_class("tovarna")) == "akg:Plant"
