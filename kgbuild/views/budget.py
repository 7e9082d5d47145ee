"""What a page can show: parallel edges merged into links, then the most central nodes within a budget.

vis-network pans smoothly with a couple of thousand nodes and links; a corpus has far more. The page
keeps the nodes with the highest PageRank, the strongest links between them (each kept node keeps at
least its strongest link), and says what it left out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from kgbuild.views.centrality import pagerank

DEFAULT_NODE_BUDGET = 1500
LINKS_PER_NODE = 3  # default link budget = LINKS_PER_NODE x node budget (vis-network builds ~10k items/s)


@dataclass
class Link:
    """One drawn edge: every edge of the view between two nodes with the same style."""

    source: str
    target: str
    style: str
    weight: float = 0.0
    claims: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Omitted:
    nodes_total: int
    edges_total: int
    nodes_shown: int
    edges_shown: int
    kinds: dict[str, int]  # node kind -> nodes left out
    most_central: tuple[str, ...]  # labels of the most central nodes left out

    @property
    def anything(self) -> bool:
        return self.nodes_shown < self.nodes_total or self.edges_shown < self.edges_total


@dataclass(frozen=True)
class Selection:
    nodes: list[str]
    links: list[Link]
    rank: dict[str, float]
    omitted: Omitted


def merge_links(graph: nx.Graph) -> list[Link]:
    """Edges between the same two nodes, with the same style, as one link (both ways when undirected)."""
    directed = graph.is_directed()
    links: dict[tuple[str, str, str], Link] = {}
    for u, v, data in graph.edges(data=True):
        if not directed and str(v) < str(u):
            u, v = v, u
        style = str(data.get("style") or "plain")
        link = links.get((u, v, style))
        if link is None:
            link = links[(u, v, style)] = Link(u, v, style)
        weight = data.get("weight", 1)
        link.weight += float(weight) if isinstance(weight, int | float) else 1.0
        link.claims.extend(data.get("claims", ()))
        link.articles.extend(data.get("articles", ()))
        label = data.get("label")
        if label and label not in link.labels:
            link.labels.append(str(label))
    for link in links.values():
        link.claims = list(dict.fromkeys(link.claims))
        link.articles = list(dict.fromkeys(link.articles))
    return list(links.values())


def select(
    graph: nx.Graph,
    links: list[Link],
    *,
    node_budget: int = DEFAULT_NODE_BUDGET,
    link_budget: int | None = None,
    keep: tuple[str, ...] = (),
) -> Selection:
    """The most central ``node_budget`` nodes (and ``keep``) and the strongest links between them."""
    if node_budget < 1:
        raise ValueError(f"node budget must be at least 1, not {node_budget}")
    link_budget = LINKS_PER_NODE * node_budget if link_budget is None else link_budget
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    scores = pagerank(len(nodes), [(index[k.source], index[k.target], k.weight) for k in links])
    degree = Counter[str]()
    for link in links:
        degree[link.source] += 1
        degree[link.target] += 1
    # Ties (common in small graphs) go to the better connected node, then to the name, for stable output.
    order = sorted(nodes, key=lambda n: (-scores[index[n]], -degree[n], str(n)))
    kept = list(dict.fromkeys(n for n in keep if n in index))
    forced = set(kept)
    kept += [n for n in order if n not in forced][: max(node_budget - len(kept), 0)]
    kept_set = set(kept)
    inside = [k for k in links if k.source in kept_set and k.target in kept_set]
    shown = _strongest(inside, link_budget)
    dropped = [n for n in order if n not in kept_set]
    omitted = Omitted(
        nodes_total=len(nodes),
        edges_total=len(links),
        nodes_shown=len(kept),
        edges_shown=len(shown),
        kinds=dict(Counter(str(graph.nodes[n].get("kind", "resource")) for n in dropped).most_common()),
        most_central=tuple(str(graph.nodes[n].get("label", n)) for n in dropped[:10]),
    )
    rank = {n: float(scores[index[n]]) for n in kept}
    return Selection(kept, shown, rank, omitted)


def _strongest(links: list[Link], budget: int) -> list[Link]:
    if len(links) <= budget:
        return links
    by_weight = sorted(range(len(links)), key=lambda i: -links[i].weight)
    chosen: set[int] = set()
    covered: set[str] = set()
    # First every node's strongest link, so no kept node is left floating, then the heaviest of the rest.
    for i in by_weight:
        link = links[i]
        if len(chosen) >= budget:
            break
        if link.source not in covered or link.target not in covered:
            chosen.add(i)
            covered.update((link.source, link.target))
    for i in by_weight:
        if len(chosen) >= budget:
            break
        chosen.add(i)
    return [links[i] for i in sorted(chosen)]


def sizes(rank: dict[str, float]) -> dict[str, float]:
    """Node size values for the page: square root of PageRank, so hubs stand out without hiding the rest."""
    if not rank:
        return {}
    top = max(rank.values()) or 1.0
    return {n: float(np.sqrt(r / top)) for n, r in rank.items()}
