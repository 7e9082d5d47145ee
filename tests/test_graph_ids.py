from __future__ import annotations

import pytest

from kgbuild.graph.ids import (
    anonymous_source_iri,
    article_iri,
    claim_iri,
    cue_act_iri,
    cue_iri,
    entity_iri,
    graph_iri,
    hedge_iri,
    identity_key,
    mention_iri,
    publisher_iri,
    source_iri,
)

BASE = "https://w3id.org/kgbuild/"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sergueï  Lavrov", "serguei-lavrov"),
        ("SERGUEÏ LAVROV", "serguei-lavrov"),
        ("Sergueï Lavrov.", "serguei-lavrov"),
        ("La Gazette de l'Ouest", "la-gazette-de-l-ouest"),
        ("La Gazette de l’Ouest", "la-gazette-de-l-ouest"),
        ("Jean-Yves Le Drian", "jean-yves-le-drian"),
        ("  Élysée_Palais ", "elysee-palais"),
        ("Straße", "strasse"),
        ("Ангела Меркель", "ангела-меркель"),
        ("!!!", ""),
    ],
)
def test_graph_ids_identity_key_normalises(name: str, key: str) -> None:
    assert identity_key(name) == key


@pytest.mark.parametrize(
    ("article_id", "encoded"),
    [("plage", "plage"), ("a/b#c", "a%2Fb%23c"), ("été 2024", "%C3%A9t%C3%A9%202024")],
)
def test_graph_ids_article_ids_are_percent_encoded_whole(article_id: str, encoded: str) -> None:
    assert str(article_iri(article_id)) == f"{BASE}id/article/{encoded}"
    assert str(graph_iri(article_id)) == f"{BASE}id/graph/{encoded}"
    assert str(claim_iri(article_id, 3)) == f"{BASE}id/claim/{encoded}/3"
    assert str(source_iri(article_id, 2)) == f"{BASE}id/source/{encoded}/2"
    assert str(anonymous_source_iri(article_id, 1)) == f"{BASE}id/source/{encoded}/anon-1"
    assert str(mention_iri(article_id, 4, 9)) == f"{BASE}id/article/{encoded}#char=4,9"


def test_graph_ids_publisher_is_the_entity_of_its_name() -> None:
    assert publisher_iri("Le Monde") == entity_iri("le-monde")
    assert str(publisher_iri("Le Monde")) == f"{BASE}id/entity/le-monde"


def test_graph_ids_entity_rejects_empty_key() -> None:
    with pytest.raises(ValueError, match="key"):
        entity_iri("")


def test_graph_ids_concepts() -> None:
    assert str(cue_iri("fr", "déclarer")) == f"{BASE}cue/fr/d%C3%A9clarer"
    assert str(cue_iri("en", "according to")) == f"{BASE}cue/en/according%20to"
    assert str(cue_act_iri("deny")) == f"{BASE}cue/Deny"
    assert str(hedge_iri("fr", "Prétendument")) == f"{BASE}hedge/fr/pretendument"


@pytest.mark.parametrize(
    "name", ["Sergueï  Lavrov", "La Gazette de l’Ouest", "Jean-Yves Le Drian", "Straße", "!!!"]
)
def test_graph_ids_identity_key_agrees_with_the_entity_extractor(name: str) -> None:
    # Publisher IRIs come from this module, in-text outlets from the extractor: the keys must match to merge.
    from kgbuild.extractors.names import identity_key as extractor_key

    assert identity_key(name) == extractor_key(name)
