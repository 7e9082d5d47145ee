"""ontology/ and the code agree: the same kg: terms, the same schemes, the same cue acts."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kgbuild.graph import mapping
from kgbuild.graph.ids import cue_act_iri
from kgbuild.graph.namespace import CUE, KG
from kgbuild.validate import load_ontology, load_shapes, ontology_path

SH = Namespace("http://www.w3.org/ns/shacl#")
DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.Concept, SKOS.ConceptScheme)
KG_BASE = str(KG._NS)


def kgbuild_ttl() -> Graph:
    return Graph().parse(ontology_path() / "kgbuild.ttl", format="turtle")


def cues_ttl() -> Graph:
    return Graph().parse(ontology_path() / "cues.ttl", format="turtle")


def code_terms() -> set[URIRef]:
    return {KG[name] for name in KG.__annotations__}


def declared_kg_terms(graph: Graph) -> set[URIRef]:
    return {
        s
        for kind in DECLARATIONS
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(KG_BASE)
    }


def test_ontology_namespace_matches() -> None:
    declared = declared_kg_terms(kgbuild_ttl())
    assert code_terms() - declared == set(), "in namespace.py but not declared in ontology/kgbuild.ttl"
    assert declared - code_terms() == set(), "declared in ontology/kgbuild.ttl but missing from namespace.py"


def test_ontology_uses_no_undeclared_kg_term() -> None:
    # A typo in the ontology or the shapes (kg:quotetype) would otherwise go unnoticed.
    declared = declared_kg_terms(kgbuild_ttl())
    for graph in (kgbuild_ttl(), cues_ttl(), load_shapes()):
        used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_BASE)}
        assert used - declared == set()


@pytest.mark.parametrize("term", sorted(code_terms()))
def test_ontology_term_is_labelled_in_english_and_french(term: URIRef) -> None:
    graph = kgbuild_ttl()
    labels = set(graph.objects(term, RDFS.label)) | set(graph.objects(term, SKOS.prefLabel))
    assert {label.language for label in labels if isinstance(label, Literal)} >= {"en", "fr"}


@pytest.mark.parametrize("act", mapping.CUE_ACTS)
def test_ontology_cue_act_is_a_top_concept_with_labels(act: str) -> None:
    graph = cues_ttl()
    concept = cue_act_iri(act)
    assert concept == CUE[act.capitalize()]
    assert (concept, RDF.type, SKOS.Concept) in graph
    assert (KG.Cues, SKOS.hasTopConcept, concept) in graph
    assert (concept, SKOS.topConceptOf, KG.Cues) in graph
    languages = {
        label.language for label in graph.objects(concept, SKOS.prefLabel) if isinstance(label, Literal)
    }
    assert languages == {"en", "fr"}


def test_ontology_cue_scheme_has_exactly_the_mapped_acts() -> None:
    tops = set(cues_ttl().objects(KG.Cues, SKOS.hasTopConcept))
    assert tops == {cue_act_iri(act) for act in mapping.CUE_ACTS}


def _shape_in_list(path: URIRef) -> set[URIRef]:
    shapes = load_shapes()
    for prop in shapes.subjects(SH.path, path):
        for values in shapes.objects(prop, SH["in"]):
            return set(Collection(shapes, values))  # type: ignore[arg-type]
    raise AssertionError(f"no sh:in constraint on {path}")


@pytest.mark.parametrize(
    ("path", "scheme", "table"),
    [
        (KG.quoteType, KG.QuoteTypes, mapping.QUOTE_TYPE),
        (KG.sourceKind, KG.SourceKinds, mapping.SOURCE_KIND),
    ],
)
def test_ontology_scheme_members_are_what_shapes_allow_and_mapping_uses(
    path: URIRef, scheme: URIRef, table: dict[str, URIRef]
) -> None:
    members = set(kgbuild_ttl().subjects(SKOS.inScheme, scheme))
    assert members == _shape_in_list(path)
    assert members == set(table.values())


def test_ontology_cue_acts_allowed_by_shapes_are_the_scheme_tops() -> None:
    assert _shape_in_list(SKOS.broader) == set(cues_ttl().objects(KG.Cues, SKOS.hasTopConcept))


def test_ontology_loads_both_files_and_has_no_blank_nodes() -> None:
    ontology = load_ontology()
    assert (KG.Cues, SKOS.hasTopConcept, CUE.Deny) in ontology
    assert (KG.Mention, RDF.type, OWL.Class) in ontology
    assert not any(isinstance(term, BNode) for triple in ontology for term in triple)
