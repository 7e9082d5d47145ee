from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from kgbuild.graph.namespace import KG
from kgbuild.store import (
    StoreError,
    close,
    count_triples,
    drop_graphs,
    fingerprints,
    open_dataset,
    replace_graphs,
    sparql_endpoints,
)

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")


def _quads(graph: URIRef, word: str) -> list[tuple[URIRef, URIRef, Literal, URIRef]]:
    return [
        (URIRef(EX + "s"), URIRef(EX + "says"), Literal(word, lang="fr"), graph),
        (graph, KG.fingerprint, Literal(f"fp-{word}"), graph),  # type: ignore[list-item]
    ]


def _words(dataset: Dataset) -> set[str]:
    return {str(row[0]) for row in dataset.query(f"SELECT ?o WHERE {{ ?s <{EX}says> ?o }}")}  # type: ignore[index]


def test_store_replace_graphs_replaces_only_the_named_graph(memory_dataset: Dataset) -> None:
    replace_graphs(memory_dataset, {G1: _quads(G1, "un"), G2: _quads(G2, "deux")})
    replace_graphs(memory_dataset, {G1: _quads(G1, "trois")})
    assert _words(memory_dataset) == {"deux", "trois"}
    assert fingerprints(memory_dataset) == {G1: "fp-trois", G2: "fp-deux"}


def test_store_default_graph_is_union_without_duplicates(memory_dataset: Dataset) -> None:
    shared = (URIRef(EX + "e"), URIRef(EX + "name"), Literal("Lavrov"))
    replace_graphs(memory_dataset, {G1: [(*shared, G1)], G2: [(*shared, G2)]})
    assert count_triples(memory_dataset) == 1
    drop_graphs(memory_dataset, [G1])
    assert count_triples(memory_dataset) == 1
    drop_graphs(memory_dataset, [G2])
    assert count_triples(memory_dataset) == 0


def test_store_on_disk_keeps_graphs_between_opens(tmp_path: Path) -> None:
    location = tmp_path / "kg"
    dataset = open_dataset(location)
    replace_graphs(dataset, {G1: _quads(G1, "persiste")})
    close(dataset)
    again = open_dataset(location)
    try:
        assert _words(again) == {"persiste"}
    finally:
        close(again)


def test_store_open_twice_says_it_is_locked(tmp_path: Path) -> None:
    first = open_dataset(tmp_path / "kg")
    try:
        with pytest.raises(StoreError, match="in use by another"):
            open_dataset(tmp_path / "kg")
    finally:
        close(first)


def test_store_open_on_a_file_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("not a store")
    with pytest.raises(StoreError, match="not a folder"):
        open_dataset(target)


@pytest.mark.parametrize(
    ("url", "query", "update"),
    [
        ("http://localhost:7878", "http://localhost:7878/query", "http://localhost:7878/update"),
        ("http://h:1/", "http://h:1/query", "http://h:1/update"),
        ("http://h:3030/ds/sparql", "http://h:3030/ds/sparql", "http://h:3030/ds/update"),
        ("https://h/ds/query", "https://h/ds/query", "https://h/ds/update"),
    ],
)
def test_store_sparql_endpoints_follow_server_conventions(url: str, query: str, update: str) -> None:
    assert sparql_endpoints(url) == (query, update)
