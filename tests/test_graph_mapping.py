"""Mapping rules, one at a time, on small hand-built extractions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef

from kgbuild.graph import mapping
from kgbuild.graph.ids import (
    anonymous_source_iri,
    article_iri,
    claim_iri,
    cue_act_iri,
    cue_iri,
    entity_iri,
    graph_iri,
    mention_iri,
    publisher_iri,
    source_iri,
)
from kgbuild.graph.mapping import MappingError, RunInfo, article_fingerprint, extraction_quads
from kgbuild.graph.namespace import GAF, KG, NIF
from kgbuild.records import Article, Attribution, CoSpeaker, EntityMention, Extraction, Span
from kgbuild.validate import validate

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

RUN = RunInfo(
    "kgbuild 0.1.0", "fr_core_news_md 3.8.0", ("entities.v1", "attributions.v1"), datetime(2024, 5, 1)
)

TEXT = (
    "Des diplomates européens affirment que le sommet est reporté. "
    "Un diplomate européen assure que rien n'est décidé. "
    "La source ajoute que Paris hésite. "
    "Le rapport estime que la dette progresse."
)


def span(needle: str, text: str = TEXT) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def said(source: str | None, cue: str, content: str, text: str = TEXT, **fields: object) -> Attribution:
    values: dict[str, object] = {
        "cue": span(cue, text),
        "content": span(content, text),
        "source": span(source, text) if source else None,
        "type": "indirect",
        "source_kind": "anonymous",
        "cue_lemma": cue.lower(),
    }
    values.update(fields)
    return Attribution(**values)  # type: ignore[arg-type]


def article(**fields: object) -> Article:
    values: dict[str, object] = {"id": "a1", "text": TEXT, "origin": "a1.txt", "lang": "fr"}
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def mapped(
    attributions: tuple[Attribution, ...] = (),
    entities: tuple[EntityMention, ...] = (),
    run: RunInfo = RUN,
    **article_fields: object,
) -> Graph:
    extraction = Extraction(article(**article_fields), "fr", entities, attributions)
    graph = Graph()
    for s, p, o, _ in extraction_quads(extraction, run):
        graph.add((s, p, o))
    return graph


def test_graph_mapping_all_quads_in_the_article_graph() -> None:
    extraction = Extraction(
        article(), "fr", (), (said("Des diplomates européens", "affirment", "le sommet"),)
    )
    assert {quad[3] for quad in extraction_quads(extraction, RUN)} == {graph_iri("a1")}


@pytest.mark.parametrize(
    ("value", "datatype"),
    [("2018-07-16", XSD.date), ("2018-07", XSD.gYearMonth), ("2018", XSD.gYear)],
)
def test_graph_mapping_date_typed_by_precision(value: str, datatype: URIRef) -> None:
    graph = mapped(date=value)
    assert list(graph.objects(article_iri("a1"), SCHEMA.datePublished)) == [Literal(value, datatype=datatype)]


def test_graph_mapping_unknown_date_is_left_out() -> None:
    assert list(mapped(date=None).objects(article_iri("a1"), SCHEMA.datePublished)) == []


@pytest.mark.parametrize("value", ["16/07/2018", "2018-13", "2018-02-30", "2018-07-16T10:00:00"])
def test_graph_mapping_bad_date_is_a_clear_error(value: str) -> None:
    with pytest.raises(MappingError, match=rf"article 'a1': date '{value}' is not YYYY-MM-DD"):
        mapped(date=value)


def test_graph_mapping_article_literals() -> None:
    graph = mapped(title="Sommet reporté", publisher="Le Courrier", url="https://example.org/a b")
    art = article_iri("a1")
    assert (art, SCHEMA.headline, Literal("Sommet reporté", lang="fr")) in graph
    assert (art, NIF.isString, Literal(TEXT)) in graph  # plain string, for SUBSTR in SHACL
    assert (art, SCHEMA.inLanguage, Literal("fr")) in graph
    assert (art, SCHEMA.url, URIRef("https://example.org/a%20b")) in graph
    assert (art, SCHEMA.publisher, publisher_iri("Le Courrier")) in graph
    assert (publisher_iri("Le Courrier"), SCHEMA.name, Literal("Le Courrier")) in graph


def test_graph_mapping_relative_url_is_kept_as_text() -> None:
    graph = mapped(url="www.example.org/a")
    assert list(graph.objects(article_iri("a1"), SCHEMA.url)) == [Literal("www.example.org/a")]


def test_graph_mapping_publisher_and_outlet_in_text_are_one_node() -> None:
    text = "Selon Le Courrier, la dette progresse."
    outlet = EntityMention(span("Le Courrier", text), "organisation", "Le Courrier", "le-courrier")
    graph = mapped(entities=(outlet,), text=text, publisher="Le Courrier")
    node = entity_iri("le-courrier")
    assert (article_iri("a1"), SCHEMA.publisher, node) in graph
    assert (node, GAF.denotedBy, mention_iri("a1", 6, 17)) in graph
    assert list(graph.objects(node, SCHEMA.name)) == [Literal("Le Courrier")]


KINDS_TEXT = "Selon Le Courrier, Le Courrier et Le Courrier, la dette progresse."


@pytest.mark.parametrize(
    ("kinds", "publisher", "expected"),
    [
        (("place", "organisation", "organisation"), None, "organisation"),  # most mentions
        (("place", "organisation", "place"), None, "place"),
        (("organisation", "place"), None, "organisation"),  # a tie: the first mention's
        (("place", "person"), None, "place"),
        (("place", "place", "person"), "Le Courrier", "organisation"),  # the publisher is an organisation
    ],
)
def test_graph_mapping_entity_with_several_kinds_is_one_node_of_one_kind(
    kinds: tuple[str, ...], publisher: str | None, expected: str
) -> None:
    starts = [i for i in range(len(KINDS_TEXT)) if KINDS_TEXT.startswith("Le Courrier", i)]
    mentions = tuple(
        EntityMention(Span(start, start + 11, "Le Courrier"), kind, "Le Courrier", "le-courrier")  # type: ignore[arg-type]
        for start, kind in zip(starts, kinds, strict=False)
    )
    graph = mapped(entities=mentions, text=KINDS_TEXT, publisher=publisher)
    node = entity_iri("le-courrier")
    assert len(set(graph.objects(node, GAF.denotedBy))) == len(kinds)
    assert list(graph.objects(node, KG.entityKind)) == [Literal(expected)]
    classes = {"person": SCHEMA.Person, "organisation": SCHEMA.Organization, "place": SCHEMA.Place}
    assert list(graph.objects(node, RDF.type)) == [classes[expected]]
    assert validate(graph).conforms


def test_graph_mapping_unknown_kind_is_a_clear_error_even_when_outvoted() -> None:
    text = "Le Courrier et Le Courrier."
    mentions = (
        EntityMention(span("Le Courrier", text), "organisation", "Le Courrier", "le-courrier"),
        EntityMention(Span(15, 26, "Le Courrier"), "organisation", "Le Courrier", "le-courrier"),
        EntityMention(Span(15, 26, "Le Courrier"), "journal", "Le Courrier", "le-courrier"),  # type: ignore[arg-type]
    )
    with pytest.raises(MappingError, match="unknown entity kind 'journal'"):
        mapped(entities=mentions, text=text)


@pytest.mark.parametrize("lang", ["", "français", "fr_FR"])
def test_graph_mapping_bad_language_is_a_clear_error(lang: str) -> None:
    extraction = Extraction(article(lang=None), lang)
    with pytest.raises(MappingError, match="is not a language tag"):
        extraction_quads(extraction, RUN)


def test_graph_mapping_same_anonymous_wording_is_one_node() -> None:
    graph = mapped(
        (
            said("Des diplomates européens", "affirment", "le sommet est reporté"),
            said("Un diplomate européen", "assure", "rien n'est décidé"),
            said("La source", "ajoute", "Paris hésite"),
        )
    )
    anonymous = set(graph.subjects(RDF.type, KG.AnonymousSource))
    assert anonymous == {
        anonymous_source_iri("a1", 1),
        anonymous_source_iri("a1", 2),
        anonymous_source_iri("a1", 3),
    }
    assert (
        anonymous_source_iri("a1", 1),
        RDFS.label,
        Literal("Des diplomates européens", lang="fr"),
    ) in graph


def test_graph_mapping_anonymous_marker_joins_different_wordings() -> None:
    graph = mapped(
        (
            said("Un diplomate européen", "assure", "rien n'est décidé", source_key="anon:diplomate"),
            said("Des diplomates européens", "affirment", "le sommet est reporté"),
            said("La source", "ajoute", "Paris hésite", source_key="anon:diplomate", source_kind="person"),
        )
    )
    first, second = anonymous_source_iri("a1", 1), anonymous_source_iri("a1", 2)
    assert set(graph.objects(claim_iri("a1", 0), SCHEMA.author)) == {first}
    assert set(graph.objects(claim_iri("a1", 1), SCHEMA.author)) == {second}
    assert set(graph.objects(claim_iri("a1", 2), SCHEMA.author)) == {first}
    assert list(graph.objects(first, RDFS.label)) == [Literal("Un diplomate européen", lang="fr")]
    assert set(graph.objects(first, GAF.denotedBy)) == {
        mention_iri("a1", *_offsets("Un diplomate européen")),
        mention_iri("a1", *_offsets("La source")),
    }


def _offsets(needle: str) -> tuple[int, int]:
    found = span(needle)
    return found.start, found.end


def test_graph_mapping_case_only_differences_are_the_same_anonymous_source() -> None:
    text = "Des sources affirment que X. Selon des sources, Y."
    graph = mapped(
        (
            said("Des sources", "affirment", "X", text),
            said("des sources", "Selon", "Y", text),
        ),
        text=text,
    )
    assert len(set(graph.subjects(RDF.type, KG.AnonymousSource))) == 1


def test_graph_mapping_anonymous_sources_never_shared_across_articles() -> None:
    attributions = (said("Des diplomates européens", "affirment", "le sommet est reporté"),)
    one = set(mapped(attributions).subjects(RDF.type, KG.AnonymousSource))
    two = set(mapped(attributions, id="a2").subjects(RDF.type, KG.AnonymousSource))
    assert one
    assert two
    assert not one & two


@pytest.mark.parametrize(
    ("kind", "types"),
    [("person", {PROV.Agent}), ("document", {PROV.Agent, KG.Document}), ("none", {PROV.Agent})],
)
def test_graph_mapping_unidentified_speaker_is_a_labelled_agent(kind: str, types: set[URIRef]) -> None:
    graph = mapped((said("Le rapport", "estime", "la dette progresse", source_kind=kind),))
    node = source_iri("a1", 0)
    assert set(graph.objects(claim_iri("a1", 0), SCHEMA.author)) == {node}
    assert set(graph.objects(claim_iri("a1", 0), PROV.wasAttributedTo)) == {node}
    assert set(graph.objects(node, RDF.type)) == types
    assert list(graph.objects(node, RDFS.label)) == [Literal("Le rapport", lang="fr")]


def test_graph_mapping_resolved_speaker_is_the_entity() -> None:
    text = "Anne Lebrun est arrivée. Elle a affirmé que tout va bien."
    anne = EntityMention(span("Anne Lebrun", text), "person", "Anne Lebrun", "anne-lebrun")
    attribution = said(
        "Elle",
        "a affirmé",
        "tout va bien",
        text,
        source_kind="person",
        source_key="anne-lebrun",
        resolved="Anne Lebrun",
    )
    graph = mapped((attribution,), (anne,), text=text)
    node = entity_iri("anne-lebrun")
    assert set(graph.objects(claim_iri("a1", 0), SCHEMA.author)) == {node}
    assert set(graph.objects(node, GAF.denotedBy)) == {mention_iri("a1", 0, 11), mention_iri("a1", 25, 29)}
    assert set(graph.objects(node, RDF.type)) == {SCHEMA.Person}


def test_graph_mapping_coordinated_speakers_are_all_authors() -> None:
    text = "Anne Lebrun et la Croix-Rouge ont affirmé que tout va bien."
    anne = EntityMention(span("Anne Lebrun", text), "person", "Anne Lebrun", "anne-lebrun")
    red_cross = EntityMention(span("Croix-Rouge", text), "organisation", "Croix-Rouge", "croix-rouge")
    attribution = said(
        "Anne Lebrun et la Croix-Rouge",
        "ont affirmé",
        "tout va bien",
        text,
        source_kind="person",
        source_key="anne-lebrun",
        resolved="Anne Lebrun",
        # the kind of the entity wins over the kind given with the co-speaker
        co_speakers=(CoSpeaker("Croix-Rouge", "croix-rouge", "person"),),
    )
    graph = mapped((attribution,), (anne, red_cross), text=text)
    claim = claim_iri("a1", 0)
    speakers = {entity_iri("anne-lebrun"), entity_iri("croix-rouge")}
    assert set(graph.objects(claim, SCHEMA.author)) == speakers
    assert set(graph.objects(claim, PROV.wasAttributedTo)) == speakers
    assert (entity_iri("croix-rouge"), RDF.type, SCHEMA.Organization) in graph
    assert validate(graph).conforms


def test_graph_mapping_co_speaker_without_entity_mention_is_described() -> None:
    attribution = said(
        "Le rapport",
        "estime",
        "la dette progresse",
        source_kind="organisation",
        source_key="cour-des-comptes",
        resolved="Cour des comptes",
        co_speakers=(CoSpeaker("Insee", "insee", "organisation"),),
    )
    graph = mapped((attribution,))
    node = entity_iri("insee")
    assert node in set(graph.objects(claim_iri("a1", 0), SCHEMA.author))
    assert (node, SCHEMA.name, Literal("Insee")) in graph


def test_graph_mapping_speaker_key_without_entity_mention_is_described() -> None:
    attribution = said(
        "Le rapport",
        "estime",
        "la dette progresse",
        source_kind="organisation",
        source_key="cour-des-comptes",
        resolved="Cour des comptes",
    )
    graph = mapped((attribution,))
    node = entity_iri("cour-des-comptes")
    assert (node, SCHEMA.name, Literal("Cour des comptes")) in graph
    assert (node, KG.identityKey, Literal("cour-des-comptes")) in graph
    assert (node, KG.entityKind, Literal("organisation")) in graph


def test_graph_mapping_no_source_is_agentless() -> None:
    graph = mapped((said(None, "estime", "la dette progresse", source_kind="none", type="nosource"),))
    claim = claim_iri("a1", 0)
    assert (claim, KG.agentless, Literal(True)) in graph
    assert list(graph.objects(claim, SCHEMA.author)) == []
    assert list(graph.objects(claim, KG.sourceSpan)) == []
    assert (claim, KG.sourceKind, KG.UnnamedSource) in graph
    assert (claim, KG.quoteType, KG.NoSource) in graph


def test_graph_mapping_outer_claim_derives_from_inner() -> None:
    graph = mapped(
        (
            said("Des diplomates européens", "affirment", "le sommet est reporté", relayed_by=1),
            said("Le rapport", "estime", "la dette progresse", source_kind="document"),
        )
    )
    claims = {claim_iri("a1", 0), claim_iri("a1", 1)}
    links = [(s, o) for s, o in graph.subject_objects(PROV.wasDerivedFrom) if s in claims]
    assert links == [(claim_iri("a1", 1), claim_iri("a1", 0))]


@pytest.mark.parametrize("relay", [0, 5, -1])
def test_graph_mapping_bad_relay_is_a_clear_error(relay: int) -> None:
    with pytest.raises(MappingError, match=f"attribution 0 has relayed_by={relay}"):
        mapped((said("Des diplomates européens", "affirment", "le sommet", relayed_by=relay),))


@pytest.mark.parametrize(
    ("act", "broader", "accusation"),
    [("accuse", cue_act_iri("accuse"), True), ("deny", cue_act_iri("deny"), False), ("rumour", None, False)],
)
def test_graph_mapping_cue_act(act: str, broader: URIRef | None, accusation: bool) -> None:
    graph = mapped((said("Le rapport", "estime", "la dette progresse", cue_lemma="estimer", cue_act=act),))
    concept = cue_iri("fr", "estimer")
    assert (claim_iri("a1", 0), KG.cue, concept) in graph
    assert (concept, SKOS.prefLabel, Literal("estimer", lang="fr")) in graph
    assert set(graph.objects(concept, SKOS.broader)) == ({broader} if broader else set())
    assert ((claim_iri("a1", 0), RDF.type, KG.Accusation) in graph) is accusation


def test_graph_mapping_claim_values() -> None:
    attribution = said(
        "Le rapport",
        "estime",
        "la dette progresse",
        negated=True,
        certainty="probable",
        hedges=("Prétendument", "aurait"),
        confidence=0.25,
        type="mixed",
    )
    graph = mapped((attribution,))
    claim = claim_iri("a1", 0)
    assert (claim, SCHEMA.text, Literal("la dette progresse", lang="fr")) in graph
    assert (
        claim,
        KG.polarity,
        URIRef("http://groundedannotationframework.org/grasp/factuality#NEGATIVE"),
    ) in graph
    assert (
        claim,
        KG.certainty,
        URIRef("http://groundedannotationframework.org/grasp/factuality#PROBABLE"),
    ) in graph
    assert (claim, KG.confidence, Literal("0.25", datatype=XSD.decimal)) in graph
    assert (claim, KG.quoteType, KG.Mixed) in graph
    hedges = set(graph.objects(claim, KG.hedge))
    assert {str(h).rsplit("/", 1)[1] for h in hedges} == {"pretendument", "aurait"}
    assert {str(label) for h in hedges for label in graph.objects(h, SKOS.prefLabel)} == {
        "prétendument",
        "aurait",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("type", "hearsay", "quote type 'hearsay'"),
        ("source_kind", "rumour", "source kind 'rumour'"),
        ("certainty", "sure", "certainty 'sure'"),
        ("confidence", float("nan"), "confidence nan"),
    ],
)
def test_graph_mapping_value_outside_the_records_contract_is_a_clear_error(
    field: str, value: Any, message: str
) -> None:
    attribution = replace(said("Le rapport", "estime", "la dette progresse"), **{field: value})
    with pytest.raises(MappingError, match=f"article 'a1': attribution 0 has {message}"):
        mapped((attribution,))


def test_graph_mapping_one_mention_node_per_span() -> None:
    text = "Paris a démenti."
    paris = EntityMention(span("Paris", text), "place", "Paris", "paris")
    attribution = said("Paris", "a démenti", "Paris", text, source_kind="organisation", source_key="paris")
    graph = mapped((attribution,), (paris,), text=text)
    mention = mention_iri("a1", 0, 5)
    assert set(graph.subjects(RDF.type, KG.Mention)) == {mention, mention_iri("a1", 6, 15)}
    assert list(graph.objects(mention, NIF.anchorOf)) == [Literal("Paris")]
    assert list(graph.objects(mention, NIF.beginIndex)) == [Literal(0)]
    # the speaker resolves to the place entity that the entity extractor found
    assert set(graph.objects(claim_iri("a1", 0), SCHEMA.author)) == {entity_iri("paris")}


def test_graph_mapping_run_iri_ignores_the_time_but_not_the_configuration() -> None:
    later = replace(RUN, started=datetime(2025, 1, 1, tzinfo=UTC))
    assert later.iri == RUN.iri
    assert replace(RUN, pipeline="fr_core_news_sm 3.8.0").iri != RUN.iri
    assert replace(RUN, extractors=("entities.v1",)).iri != RUN.iri
    assert replace(RUN, software_version="kgbuild 0.2.0").iri != RUN.iri
    graph = mapped(run=later)
    assert (RUN.iri, PROV.startedAtTime, Literal("2025-01-01T00:00:00+00:00", datatype=XSD.dateTime)) in graph
    assert set(graph.objects(RUN.iri, KG.extractor)) == {Literal("entities.v1"), Literal("attributions.v1")}


@pytest.mark.parametrize(
    ("changed", "same"),
    [
        ({"text": TEXT + " Fin."}, False),
        ({"title": "Autre titre"}, False),
        ({"date": "2024-01-02"}, False),
        ({"origin": "elsewhere.jsonl:7"}, True),
    ],
)
def test_graph_mapping_fingerprint_follows_the_input(changed: dict[str, str], same: bool) -> None:
    assert (article_fingerprint(article(**changed), RUN) == article_fingerprint(article(), RUN)) is same


def test_graph_mapping_fingerprint_follows_the_settings() -> None:
    base = article_fingerprint(article(), RUN)
    assert article_fingerprint(article(), replace(RUN, started=datetime(2030, 1, 1))) == base
    assert article_fingerprint(article(), replace(RUN, pipeline="other 1.0")) != base
    assert article_fingerprint(article(), replace(RUN, extractors=("x.v1",))) != base


def test_graph_mapping_fingerprint_follows_the_mapping_version(monkeypatch: pytest.MonkeyPatch) -> None:
    base = article_fingerprint(article(), RUN)
    monkeypatch.setattr(mapping, "MAPPING_VERSION", mapping.MAPPING_VERSION + 1)
    assert article_fingerprint(article(), RUN) != base
    assert len(base) == 64


@pytest.mark.parametrize(
    ("accused_key", "expected"),
    [
        pytest.param("chimiral", {entity_iri("chimiral")}, id="accused-entity"),
        pytest.param(None, set(), id="accused-not-an-entity"),
        pytest.param("nobody-here", set(), id="accused-key-unknown"),
    ],
)
def test_graph_mapping_accused_party_is_the_entity(accused_key: str | None, expected: set[URIRef]) -> None:
    text = "Les riverains accusent Chimiral de polluer la rivière."
    chimiral = EntityMention(span("Chimiral", text), "organisation", "Chimiral", "chimiral")
    accusation = said(
        "Les riverains",
        "accusent",
        "de polluer la rivière",
        text,
        source_kind="person",
        cue_act="accuse",
        accused=span("Chimiral", text),
        accused_key=accused_key,
    )
    graph = mapped((accusation,), (chimiral,), text=text)
    assert (claim_iri("a1", 0), RDF.type, KG.Accusation) in graph
    assert set(graph.objects(claim_iri("a1", 0), KG.accused)) == expected
