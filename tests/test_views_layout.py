"""Layout, PageRank and the node budget, on generated graphs."""

from __future__ import annotations

import time

import networkx as nx
import numpy as np
import pytest

from kgbuild.views.budget import merge_links, select
from kgbuild.views.centrality import pagerank
from kgbuild.views.layout import layout


def edges_of(graph: nx.Graph) -> list[tuple[int, int, float]]:
    return [(u, v, 1.0) for u, v in graph.edges()]


@pytest.mark.parametrize(
    "graph",
    [
        nx.path_graph(2),
        nx.star_graph(12),
        nx.barabasi_albert_graph(300, 2, seed=1),
        nx.barabasi_albert_graph(1200, 2, seed=2),  # sampled repulsion
        nx.empty_graph(40),
    ],
    ids=["pair", "star", "ba300", "ba1200", "isolated"],
)
def test_views_layout_is_finite_deterministic_and_spread(graph: nx.Graph) -> None:
    n = graph.number_of_nodes()
    first = layout(n, edges_of(graph), seed=3)
    again = layout(n, edges_of(graph), seed=3)
    assert first.shape == (n, 2)
    assert np.isfinite(first).all()
    assert np.array_equal(first, again)
    distances = np.hypot(*(first[:, None, :] - first[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(distances, np.inf)
    assert distances.min() > 1.0  # no two nodes drawn on top of each other


def test_views_layout_puts_linked_nodes_closer_than_others() -> None:
    graph = nx.connected_caveman_graph(12, 8)
    pos = layout(graph.number_of_nodes(), edges_of(graph), seed=0)
    linked = np.mean([np.hypot(*(pos[u] - pos[v])) for u, v in graph.edges()])
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, graph.number_of_nodes(), (500, 2))
    anywhere = np.mean([np.hypot(*(pos[u] - pos[v])) for u, v in pairs if u != v])
    assert linked < anywhere / 2


def test_views_layout_keeps_components_apart() -> None:
    graph = nx.disjoint_union_all([nx.cycle_graph(30), nx.star_graph(20), nx.path_graph(5)])
    pos = layout(graph.number_of_nodes(), edges_of(graph), seed=0)
    boxes = []
    for component in nx.connected_components(graph):
        members = pos[sorted(component)]
        boxes.append((members.min(axis=0), members.max(axis=0)))
    for i, (low_a, high_a) in enumerate(boxes):
        for low_b, high_b in boxes[i + 1 :]:
            overlap = (low_a < high_b).all() and (low_b < high_a).all()
            assert not overlap


def test_views_layout_of_a_page_sized_graph_takes_under_two_seconds() -> None:
    graph = nx.barabasi_albert_graph(1500, 3, seed=4)
    start = time.perf_counter()
    layout(1500, edges_of(graph))
    assert time.perf_counter() - start < 2.0


def _pagerank_oracle(graph: nx.DiGraph, alpha: float = 0.85) -> np.ndarray:
    # Closed form for graphs without dangling nodes: r = (1 - alpha) / n * (I - alpha * M)^-1 * 1.
    n = graph.number_of_nodes()
    matrix = nx.to_numpy_array(graph, nodelist=range(n), weight="weight")
    transition = (matrix / matrix.sum(axis=1, keepdims=True)).T
    return np.linalg.solve(np.eye(n) - alpha * transition, np.full(n, (1 - alpha) / n))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_views_pagerank_matches_the_closed_form(seed: int) -> None:
    rng = np.random.default_rng(seed)
    graph = nx.DiGraph()
    n = 25
    for u in range(n):  # every node has an out-link, so none is dangling
        for v in rng.choice([x for x in range(n) if x != u], size=rng.integers(1, 5), replace=False):
            graph.add_edge(u, int(v), weight=float(rng.integers(1, 4)))
    edges = [(u, v, d["weight"]) for u, v, d in graph.edges(data=True)]
    assert np.allclose(pagerank(n, edges, directed=True), _pagerank_oracle(graph), atol=1e-8)
    undirected = graph.to_undirected()
    both = nx.DiGraph()
    for u, v, d in undirected.edges(data=True):
        both.add_edge(u, v, weight=d["weight"])
        both.add_edge(v, u, weight=d["weight"])
    found = pagerank(n, [(u, v, d["weight"]) for u, v, d in undirected.edges(data=True)])
    assert np.allclose(found, _pagerank_oracle(both), atol=1e-8)


def test_views_pagerank_spreads_dangling_rank_and_sums_to_one() -> None:
    scores = pagerank(4, [(0, 1, 1.0), (1, 2, 1.0)], directed=True)
    assert scores.sum() == pytest.approx(1.0)
    assert scores[2] > scores[1] > scores[0]
    assert scores[3] == pytest.approx(scores[0])


def test_views_merge_links_groups_parallel_edges_by_style() -> None:
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", style="assert", claims=("c1",), weight=1)
    graph.add_edge("a", "b", style="assert", claims=("c2",), weight=1)
    graph.add_edge("a", "b", style="deny", claims=("c3",), weight=1)
    graph.add_edge("b", "a", style="assert", claims=("c4",), weight=1)
    merged = {(k.source, k.target, k.style): (k.weight, k.claims) for k in merge_links(graph)}
    assert merged == {
        ("a", "b", "assert"): (2.0, ["c1", "c2"]),
        ("a", "b", "deny"): (1.0, ["c3"]),
        ("b", "a", "assert"): (1.0, ["c4"]),
    }


def test_views_merge_links_treats_undirected_edges_as_one_pair() -> None:
    graph = nx.Graph()
    graph.add_edge("z", "a", style="comention", articles=("x", "y"), weight=2)
    [link] = merge_links(graph)
    assert (link.source, link.target, link.weight, link.articles) == ("a", "z", 2.0, ["x", "y"])


def test_views_select_keeps_each_kept_node_linked_within_the_link_budget() -> None:
    graph = nx.complete_graph(30)
    nx.set_edge_attributes(graph, {e: {"weight": 1 + (e[0] * e[1]) % 7} for e in graph.edges})
    links = merge_links(graph)
    chosen = select(graph, links, node_budget=30, link_budget=40)
    assert len(chosen.links) == 40
    linked = {n for k in chosen.links for n in (k.source, k.target)}
    assert linked == set(graph.nodes)
    assert chosen.omitted.edges_total == 435
    assert chosen.omitted.edges_shown == 40


def test_views_select_rejects_an_empty_budget() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        select(nx.path_graph(3), [], node_budget=0)
