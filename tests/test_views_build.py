"""Views projected from a hand-written store (tests/data/views/small.trig), through pyoxigraph and rdflib."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kgbuild.views import ViewError, build_view

FIXTURE = Path(__file__).parent / "data" / "views" / "small.trig"
ENT = "https://w3id.org/kgbuild/id/entity/"
MACRON = ENT + "emmanuel-macron"
MERKEL = ENT + "angela-merkel"
DUPONT = ENT + "jean-dupont"
REUTERS = ENT + "reuters"
LE_MONDE = ENT + "le-monde"
GUARDIAN = ENT + "the-guardian"
FRANCE, ALLEMAGNE, SYRIA = ENT + "france", ENT + "allemagne", ENT + "syria"
UN_REPORT = "https://w3id.org/kgbuild/id/source/a2/1"
ANONYMOUS_VIA_REUTERS = "anonymous-sources@" + REUTERS


def oxigraph_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    return store


def rdflib_dataset() -> Dataset:
    dataset = Dataset()  # default_union is off: build_view must still read the union of the graphs
    dataset.parse(FIXTURE, format="trig")
    return dataset


@pytest.fixture(params=["pyoxigraph", "rdflib"])
def store(request: pytest.FixtureRequest) -> object:
    return oxigraph_store() if request.param == "pyoxigraph" else rdflib_dataset()


def links(graph: nx.Graph) -> set[tuple[str, str, str]]:
    return {(u, v, data["style"]) for u, v, data in graph.edges(data=True)}


def test_views_fixture_offsets_match_the_text() -> None:
    dataset = Dataset(default_union=True)
    dataset.parse(FIXTURE, format="trig")
    rows = dataset.query(
        """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        SELECT ?text ?b ?e ?anchor WHERE {
          ?m nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
          ?a nif:isString ?text }"""
    )
    checked = 0
    for text, begin, end, anchor in rows:  # type: ignore[misc]
        assert str(text)[int(begin) : int(end)] == str(anchor)
        checked += 1
    assert checked > 30


def test_views_claims_link_speakers_to_entities_in_the_content(store: object) -> None:
    graph = build_view(store, "claims")
    assert isinstance(graph, nx.MultiDiGraph)
    assert {
        (MACRON, FRANCE, "assert"),
        (MACRON, ALLEMAGNE, "assert"),
        (MERKEL, MACRON, "deny"),
        (MERKEL, MACRON, "assert"),
        (MERKEL, SYRIA, "assert"),
        (REUTERS, MERKEL, "assert"),
        (ANONYMOUS_VIA_REUTERS, MERKEL, "hedged"),
        (UN_REPORT, SYRIA, "assert"),
        (DUPONT, REUTERS, "assert"),
    } <= links(graph)


def test_views_claims_edges_carry_cue_quote_article_and_date(store: object) -> None:
    graph = build_view(store, "claims")
    denial = next(d for u, v, d in graph.edges(data=True) if d["style"] == "deny")
    assert denial["cue"] == "démentir"
    assert denial["quote"] == "toute rupture avec Emmanuel Macron"
    assert denial["article"].endswith("/article/a1")
    assert denial["date"] == "2018-07-16"
    assert denial["publisher"] == "Le Monde"
    assert denial["denial"] is True
    hedged = next(d for u, v, d in graph.edges(data=True) if d["style"] == "hedged")
    assert hedged["hedges"] == "pourrait"
    assert hedged["certainty"] == "POSSIBLE"


@pytest.mark.parametrize(
    ("source", "target", "relation"),
    [
        (GUARDIAN, MERKEL, "reports"),  # Merkel's claim about no entity: the outlet quotes her
        (LE_MONDE, REUTERS, "states"),  # agentless claim: the outlet says it about Reuters
    ],
)
def test_views_claims_publisher_hop_only_where_a_claim_would_be_lost(
    store: object, source: str, target: str, relation: str
) -> None:
    graph = build_view(store, "claims")
    assert relation in {d["relation"] for d in graph.get_edge_data(source, target).values()}
    publisher_edges = [d["relation"] for u, _, d in graph.edges(data=True) if u in (GUARDIAN, LE_MONDE)]
    assert sorted(publisher_edges) == ["reports", "states"]


def test_views_nodes_have_kinds_and_names(store: object) -> None:
    graph = build_view(store, "claims")
    kinds = {node: data["kind"] for node, data in graph.nodes(data=True)}
    assert kinds[MERKEL] == "person"
    assert kinds[REUTERS] == "organisation"
    assert kinds[SYRIA] == "place"
    assert kinds[LE_MONDE] == kinds[GUARDIAN] == "publisher"
    assert kinds[UN_REPORT] == "document"
    assert kinds[ANONYMOUS_VIA_REUTERS] == "anonymous"
    # The longest of the names an entity is given across articles ("Macron" in a2).
    assert graph.nodes[MACRON]["label"] == "Emmanuel Macron"
    assert graph.nodes[ANONYMOUS_VIA_REUTERS]["wordings"] == "des sources proches du dossier"


def test_views_reporting_follows_the_chain_and_counts_claims(store: object) -> None:
    graph = build_view(store, "reporting")
    assert isinstance(graph, nx.DiGraph)
    assert (LE_MONDE, REUTERS, "report") in links(graph)
    assert (REUTERS, ANONYMOUS_VIA_REUTERS, "relay") in links(graph)
    assert graph.edges[GUARDIAN, MERKEL]["weight"] == 2  # two claims by Merkel in The Guardian
    assert graph.edges[REUTERS, ANONYMOUS_VIA_REUTERS]["anonymous"] == 1
    # The relayed claim is not also counted as published directly.
    assert not graph.has_edge(LE_MONDE, ANONYMOUS_VIA_REUTERS)


def test_views_comention_weights_by_articles(store: object) -> None:
    graph = build_view(store, "comention")
    assert not graph.is_directed()
    assert graph.edges[MERKEL, MACRON]["weight"] == 2  # a1 and a2
    assert graph.edges[SYRIA, MACRON]["weight"] == 1
    assert not graph.has_edge(SYRIA, FRANCE)
    assert LE_MONDE not in graph  # a publisher is not mentioned in the texts


@pytest.mark.parametrize(
    ("filters", "articles"),
    [
        ({"date_from": "2019-01-01"}, {"a2", "a3"}),
        ({"date_to": "2018-12-31"}, {"a1"}),
        ({"date_from": "2019-03-15", "date_to": "2019-03-15"}, {"a2"}),  # a2 is dated 2019-03 (whole month)
        ({"date_from": "2020-06"}, {"a3"}),  # a3 is dated 2020 (whole year)
        ({"publisher": "Le Monde"}, {"a1", "a3"}),
        ({"publisher": "le-monde"}, {"a1", "a3"}),
        ({"publisher": "ent:the-guardian"}, {"a2"}),
        ({"publisher": "LE MONDE", "date_from": "2019"}, {"a3"}),
    ],
)
def test_views_filters_select_articles(store: object, filters: dict[str, str], articles: set[str]) -> None:
    graph = build_view(store, "claims", **filters)  # type: ignore[arg-type]
    found = {d["article"].rsplit("/", 1)[-1] for _, _, d in graph.edges(data=True)}
    assert found == articles


@pytest.mark.parametrize(
    ("focus", "hops", "node", "expected"),
    [
        ("Syria", 1, SYRIA, {SYRIA, MERKEL, UN_REPORT}),
        ("ent:syria", 1, SYRIA, {SYRIA, MERKEL, UN_REPORT}),
        (SYRIA, 1, SYRIA, {SYRIA, MERKEL, UN_REPORT}),
        ("entity/syria", 0, SYRIA, {SYRIA}),
        ("syria", 2, SYRIA, {SYRIA, MERKEL, UN_REPORT, MACRON, REUTERS, GUARDIAN, ANONYMOUS_VIA_REUTERS}),
        ("dupont", 1, DUPONT, {DUPONT, REUTERS}),  # part of a name is enough when only one node has it
    ],
)
def test_views_focus_keeps_the_neighbourhood(
    store: object, focus: str, hops: int, node: str, expected: set[str]
) -> None:
    graph = build_view(store, "claims", focus=focus, hops=hops)
    assert set(graph.nodes) == expected
    assert graph.graph["focus"] == node


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"view": "gossip"}, "unknown view 'gossip'"),
        ({"view": "claims", "date_from": "16/07/2018"}, "not a date"),
        ({"view": "claims", "date_from": "2020", "date_to": "2019"}, "date range is empty"),
        ({"view": "claims", "publisher": "Nobody Times"}, "publishers in the store: Le Monde, The Guardian"),
        ({"view": "claims", "focus": "Atlantis"}, "matches no node"),
        ({"view": "claims", "focus": "a"}, "matches several nodes"),
        ({"view": "claims", "focus": "Syria", "hops": -1}, "--hops must be 0 or more"),
        (
            {"view": "claims", "query": "SELECT ?s ?o WHERE { ?s ?p ?o }", "publisher": "x"},
            "put them in the query",
        ),
        ({"view": "claims", "query": "SELECT ?s WHERE { ?s ?p ?o }"}, "needs two node columns"),
        ({"view": "claims", "query": "ASK { ?s ?p ?o }"}, "SELECT or a CONSTRUCT"),
        ({"view": "claims", "query": "SELECT ?s ?o WHERE { ?s ?p "}, "cannot run the query"),
    ],
)
def test_views_bad_input_is_a_clear_error(store: object, kwargs: dict[str, object], message: str) -> None:
    options = dict(kwargs)
    view = str(options.pop("view"))
    with pytest.raises(ViewError, match=re.escape(message)):
        build_view(store, view, **options)  # type: ignore[arg-type]


def test_views_reject_what_is_not_a_store() -> None:
    with pytest.raises(ViewError, match="pass an rdflib Graph or a pyoxigraph Store"):
        build_view({"not": "a store"}, "claims")


def test_views_select_query_draws_its_two_columns(store: object) -> None:
    query = """SELECT ?speaker ?publisher ?cue WHERE {
        ?c prov:wasAttributedTo ?speaker ; schema:appearance ?a ; kg:cue ?cue . ?a schema:publisher ?publisher }"""
    graph = build_view(store, "claims", query=query)
    assert graph.has_edge(MERKEL, GUARDIAN)
    edge = graph.edges[MERKEL, GUARDIAN]
    assert edge["weight"] == 2
    assert set(edge["label"].split(" | ")) == {"cue:en/say", "cue:en/add"}
    # Names and kinds come from the store, as for the built-in views.
    assert graph.nodes[MERKEL]["label"] == "Angela Merkel"
    assert graph.nodes[MERKEL]["kind"] == "person"
    assert graph.nodes[UN_REPORT]["kind"] == "document"


def test_views_construct_query_draws_its_triples(store: object) -> None:
    query = "CONSTRUCT { ?a schema:publisher ?p . ?a schema:headline ?h } WHERE { ?a schema:publisher ?p ; schema:headline ?h }"
    graph = build_view(store, "claims", query=query)
    article = "https://w3id.org/kgbuild/id/article/a2"
    assert graph.edges[article, GUARDIAN]["label"] == "schema:publisher"
    assert graph.nodes[article]["kind"] == "article"
    assert graph.nodes['"Merkel backs Macron"']["kind"] == "literal"


def test_views_dataset_with_default_union_over_oxigraph_is_read_through_pyoxigraph() -> None:
    from oxrdflib import OxigraphStore

    inner = oxigraph_store()
    dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
    graph = build_view(dataset, "comention")
    assert graph.edges[MERKEL, MACRON]["weight"] == 2
