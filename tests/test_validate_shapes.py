"""SHACL validation: the golden graph conforms, and each kind of breakage is reported with its own message."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rdflib import XSD, Dataset, Graph, Literal, Namespace, URIRef

from kgbuild.graph.mapping import RunInfo, extraction_graph
from kgbuild.graph.namespace import GRASPF, KG, NIF
from kgbuild.records import Article, Attribution, Extraction, Span
from kgbuild.validate import load_ontology, load_shapes, ontology_path, validate

# rdflib 7.6 warns about its own deprecated internals when a Dataset parses TriG.
pytestmark = pytest.mark.filterwarnings(
    r"ignore:(Dataset\.\w+|ConjunctiveGraph) is deprecated:DeprecationWarning"
)

GOLDEN = Path(__file__).resolve().parent / "golden" / "gazette.trig"
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ART = URIRef("https://w3id.org/kgbuild/id/article/gazette-0312")
CLAIM = Namespace("https://w3id.org/kgbuild/id/claim/gazette-0312/")
MARCHETTI = URIRef("https://w3id.org/kgbuild/id/entity/helene-marchetti")
RENNES_MENTION = URIRef(f"{ART}#char=65,71")
LAST_MENTION = URIRef(f"{ART}#char=367,387")


def golden_graph() -> Graph:
    dataset = Dataset()
    dataset.parse(GOLDEN, format="trig")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _replace(subject: URIRef, predicate: URIRef, value: URIRef | Literal) -> Callable[[Graph], None]:
    def edit(graph: Graph) -> None:
        graph.set((subject, predicate, value))

    return edit


def _remove(subject: URIRef, *predicates: URIRef) -> Callable[[Graph], None]:
    def edit(graph: Graph) -> None:
        for predicate in predicates:
            graph.remove((subject, predicate, None))

    return edit


def _add_speaker_to_agentless(graph: Graph) -> None:
    graph.add((CLAIM["4"], SCHEMA.author, MARCHETTI))
    graph.add((CLAIM["4"], PROV.wasAttributedTo, MARCHETTI))


BROKEN = {
    "anchor mismatch": (
        _replace(RENNES_MENTION, NIF.anchorOf, Literal("Renne")),
        'anchor mismatch: nif:anchorOf "Renne" is not the article text "Rennes" at these offsets',
    ),
    "end before begin": (
        _replace(RENNES_MENTION, NIF.endIndex, Literal(60)),
        "bad offsets: nif:beginIndex must be lower than nif:endIndex",
    ),
    "end past the text": (
        _replace(LAST_MENTION, NIF.endIndex, Literal(400)),
        "bad offsets: nif:endIndex 400 is past the end of the article text (388 characters)",
    ),
    "negative begin": (
        _replace(RENNES_MENTION, NIF.beginIndex, Literal(-1)),
        "bad offsets: a mention needs exactly one non-negative integer nif:beginIndex",
    ),
    "claim without appearance": (
        _remove(CLAIM["0"], SCHEMA.appearance),
        "a claim must appear in exactly one article (schema:appearance)",
    ),
    "claim without text": (
        _remove(CLAIM["0"], SCHEMA.text),
        "a claim needs its content as exactly one non-empty schema:text",
    ),
    "unknown quote type": (
        _replace(CLAIM["0"], KG.quoteType, URIRef(str(KG.Direct).replace("Direct", "Hearsay"))),
        "kg:quoteType must be exactly one concept of kg:QuoteTypes",
    ),
    "cue not a concept": (
        _replace(CLAIM["0"], KG.cue, URIRef("https://w3id.org/kgbuild/cue/fr/inconnu")),
        "a claim needs exactly one cue (kg:cue), a skos:Concept",
    ),
    "missing author without agentless": (
        _remove(CLAIM["0"], SCHEMA.author, PROV.wasAttributedTo),
        "a claim needs a speaker (schema:author) unless it is marked kg:agentless true, and not both",
    ),
    "agentless with an author": (
        _add_speaker_to_agentless,
        "a claim needs a speaker (schema:author) unless it is marked kg:agentless true, and not both",
    ),
    "author differs from attribution": (
        _replace(CLAIM["0"], PROV.wasAttributedTo, URIRef("https://w3id.org/kgbuild/id/entity/rennes")),
        "schema:author and prov:wasAttributedTo must name the same speaker",
    ),
    "certainty outside GRaSP": (
        _replace(CLAIM["0"], KG.certainty, URIRef(str(GRASPF.CERTAIN).replace("CERTAIN", "SURE"))),
        "kg:certainty must be one GRaSP certainty value",
    ),
    "polarity outside GRaSP": (
        _replace(CLAIM["3"], KG.polarity, GRASPF.PROBABLE),
        "kg:polarity must be one GRaSP polarity value",
    ),
    "article without text": (
        _remove(ART, NIF.isString),
        "an article needs its text as exactly one plain nif:isString",
    ),
    "article without language": (
        _remove(ART, SCHEMA.inLanguage),
        "an article needs exactly one schema:inLanguage language tag",
    ),
    "date as free text": (
        _replace(ART, SCHEMA.datePublished, Literal("12 mars 2024")),
        "schema:datePublished must be an xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    "entity kind outside the list": (
        _replace(MARCHETTI, KG.entityKind, Literal("politician")),
        'kg:entityKind must be one of "person", "organisation", "place", "group"',
    ),
}


def test_validate_golden_graph_conforms() -> None:
    result = validate(golden_graph())
    assert result.conforms, result.text
    assert result.violations == 0


def test_validate_golden_graph_warns_about_the_accusation_without_accused() -> None:
    result = validate(golden_graph())
    assert "no accused party identified for this accusation (kg:accused)" in result.text
    assert "Severity: sh:Warning" in result.text


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_validate_broken_graph_reports_its_violation(case: str) -> None:
    edit, message = BROKEN[case]
    graph = golden_graph()
    edit(graph)
    result = validate(graph)
    assert not result.conforms
    assert result.violations >= 1
    assert set(result.violation_messages) == {message}


@pytest.mark.parametrize(
    "edit",
    [
        _remove(ART, SCHEMA.datePublished),  # unknown dates are left out
        _replace(ART, SCHEMA.datePublished, Literal("2024-03", datatype=XSD.gYearMonth)),
        _remove(ART, SCHEMA.publisher, SCHEMA.headline, SCHEMA.url),
        _remove(CLAIM["1"], KG.hedge),
    ],
    ids=["no date", "month precision", "no metadata", "no hedge"],
)
def test_validate_optional_fields_may_be_missing(edit: Callable[[Graph], None]) -> None:
    graph = golden_graph()
    edit(graph)
    result = validate(graph)
    assert result.conforms, result.text


def test_validate_dataset_is_validated_as_one_graph() -> None:
    # The speaker's description lives in another named graph than the claim: still one valid whole.
    dataset = Dataset()
    claims, others = dataset.graph(URIRef("urn:test:claims")), dataset.graph(URIRef("urn:test:rest"))
    for triple in golden_graph():
        (claims if triple[0] == CLAIM["0"] else others).add(triple)
    result = validate(dataset)
    assert result.conforms, result.text
    assert len(claims) > 0


def test_validate_offsets_count_code_points_beyond_the_bmp() -> None:
    text = "Le titre 📰 dit tout. « Tout va bien », a déclaré Anne."
    content, cue = "Tout va bien", "a déclaré"
    attribution = Attribution(
        cue=Span(text.index(cue), text.index(cue) + len(cue), cue),
        content=Span(text.index(content), text.index(content) + len(content), content),
        source=Span(text.index("Anne"), text.index("Anne") + 4, "Anne"),
        type="direct",
        source_kind="person",
        cue_lemma="déclarer",
    )
    extraction = Extraction(Article("emoji", text, "t"), "fr", attributions=(attribution,))
    run = RunInfo("kgbuild test", "none", (), datetime(2024, 1, 1, tzinfo=UTC))
    assert validate(extraction_graph(extraction, run)).conforms
    start = text.index(content) + 1  # one code point off, as an offset bug after the emoji would be
    shifted = replace(attribution, content=Span(start, start + len(content), content))
    result = validate(extraction_graph(Extraction(extraction.article, "fr", attributions=(shifted,)), run))
    assert not result.conforms
    assert any(m.startswith("anchor mismatch") for m in result.violation_messages)


def test_validate_finds_the_ontology_files() -> None:
    folder = ontology_path()
    assert {"kgbuild.ttl", "cues.ttl", "shapes.ttl"} <= {p.name for p in folder.iterdir()}
    assert len(load_shapes()) > 0
    assert (KG.Cues, None, None) in load_ontology()


def test_validate_store_literals_typed_as_xsd_string(memory_dataset: Dataset) -> None:
    # Oxigraph hands back simple literals as "x"^^xsd:string: the same literal, which sh:in must still accept.
    from kgbuild.store import replace_graphs

    graph = URIRef("urn:test:golden")
    replace_graphs(memory_dataset, {graph: [(s, p, o, graph) for s, p, o in golden_graph()]})
    result = validate(memory_dataset)
    assert result.conforms, result.violation_messages
