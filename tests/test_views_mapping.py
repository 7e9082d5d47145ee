"""Records mapped by kgbuild.graph.mapping come out of the views as expected, and render."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kgbuild.graph.ids import entity_iri, publisher_iri
from kgbuild.records import Article, Attribution, CoSpeaker, EntityMention, Extraction, Span
from kgbuild.views import build_view, render_html

mapping = pytest.importorskip("kgbuild.graph.mapping")

TEXT = (
    "Selon l'agence Nova, des proches du ministre Paul Girard assurent qu'il pourrait quitter Lyon. "
    "Paul Girard a démenti tout départ de Lyon."
)


def span(text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return Span(start, start + len(text), text)


def extraction() -> Extraction:
    article = Article(
        id="m/1",  # a slash in an id must not change the IRIs' shape
        text=TEXT,
        origin="test",
        lang="fr",
        date="2021-05-04",
        title="Girard <i>reste</i>",
        url="https://example.org/m1",
        publisher="La Voix du Centre",
    )
    entities = (
        EntityMention(span("Nova"), "organisation", "Nova", "nova"),
        EntityMention(span("Paul Girard"), "person", "Paul Girard", "paul-girard"),
        EntityMention(span("Lyon"), "place", "Lyon", "lyon"),
        EntityMention(span("Paul Girard", 1), "person", "Paul Girard", "paul-girard"),
        EntityMention(span("Lyon", 1), "place", "Lyon", "lyon"),
    )
    relayed = Attribution(
        cue=span("Selon"),
        content=span("des proches du ministre Paul Girard assurent qu'il pourrait quitter Lyon"),
        source=span("l'agence Nova"),
        type="indirect",
        source_kind="organisation",
        cue_lemma="selon",
        cue_act="report",
        resolved="Nova",
        source_key="nova",
    )
    anonymous = Attribution(
        cue=span("assurent"),
        content=span("qu'il pourrait quitter Lyon"),
        source=span("des proches du ministre Paul Girard"),
        type="indirect",
        source_kind="anonymous",
        cue_lemma="assurer",
        relayed_by=0,
        hedges=("pourrait",),
        certainty="possible",
    )
    denial = Attribution(
        cue=span("a démenti"),
        content=span("tout départ de Lyon"),
        source=span("Paul Girard", 1),
        type="indirect",
        source_kind="person",
        cue_lemma="démentir",
        cue_act="deny",
        resolved="Paul Girard",
        source_key="paul-girard",
        negated=True,
    )
    return Extraction(
        article, "fr", entities, (relayed, anonymous, denial), ("entities.v1", "attributions.v1")
    )


def test_views_mapped_extraction_gives_chain_denial_and_hedge() -> None:
    run = mapping.RunInfo(
        "kgbuild 0.1.0", "test", ("entities.v1", "attributions.v1"), datetime(2024, 1, 1, tzinfo=UTC)
    )
    dataset = mapping.extraction_graph(extraction(), run)
    nova, girard = str(entity_iri("nova")), str(entity_iri("paul-girard"))
    lyon, outlet = str(entity_iri("lyon")), str(publisher_iri("La Voix du Centre"))
    anonymous = "anonymous-sources@" + nova

    claims = build_view(dataset, "claims")
    links = {(u, v, d["style"]) for u, v, d in claims.edges(data=True)}
    assert (nova, girard, "assert") in links
    assert (anonymous, lyon, "hedged") in links
    assert (girard, lyon, "deny") in links
    assert claims.nodes[anonymous]["wordings"] == "des proches du ministre Paul Girard"

    reporting = build_view(dataset, "reporting")
    assert {(u, v) for u, v in reporting.edges} == {(outlet, nova), (nova, anonymous), (outlet, girard)}
    assert reporting.nodes[outlet]["kind"] == "publisher"
    assert reporting.nodes[outlet]["label"] == "La Voix du Centre"

    page = render_html(claims, title="mapped")
    assert "Girard <i>reste</i>" not in page
    assert "Girard \\u003ci\\u003ereste\\u003c/i\\u003e" in page


def test_views_coordinated_speakers_each_draw_the_claim() -> None:
    text = "Paul Girard et Nova affirment que Lyon va bien."

    def part(needle: str) -> Span:
        start = text.index(needle)
        return Span(start, start + len(needle), needle)

    article = Article(id="m/2", text=text, origin="test", lang="fr", publisher="La Voix du Centre")
    entities = (
        EntityMention(part("Paul Girard"), "person", "Paul Girard", "paul-girard"),
        EntityMention(part("Nova"), "organisation", "Nova", "nova"),
        EntityMention(part("Lyon"), "place", "Lyon", "lyon"),
    )
    both = Attribution(
        cue=part("affirment"),
        content=part("Lyon va bien"),
        source=part("Paul Girard et Nova"),
        type="indirect",
        source_kind="person",
        cue_lemma="affirmer",
        resolved="Paul Girard",
        source_key="paul-girard",
        co_speakers=(CoSpeaker("Nova", "nova", "organisation"),),
    )
    run = mapping.RunInfo("kgbuild 0.1.0", "test", ("attributions.v2",), datetime(2024, 1, 1, tzinfo=UTC))
    dataset = mapping.extraction_graph(Extraction(article, "fr", entities, (both,)), run)
    nova, girard = str(entity_iri("nova")), str(entity_iri("paul-girard"))
    lyon, outlet = str(entity_iri("lyon")), str(publisher_iri("La Voix du Centre"))

    claims = build_view(dataset, "claims")
    assert {(u, v) for u, v in claims.edges()} == {(girard, lyon), (nova, lyon)}
    reporting = build_view(dataset, "reporting")
    assert {(u, v) for u, v in reporting.edges} == {(outlet, girard), (outlet, nova)}
