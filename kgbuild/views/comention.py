"""Co-mention view: entities named in the same articles, edge weight = number of such articles."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from kgbuild.views.load import Corpus
from kgbuild.views.speakers import add_node, new_graph


def comention_view(corpus: Corpus) -> nx.Graph:
    graph = new_graph(nx.Graph, "comention")
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for article, entities in corpus.mentions.items():
        present = sorted(set(entities))
        for entity in present:
            add_node(graph, corpus, entity)
        for pair in combinations(present, 2):
            pairs[pair].append(article)
    articles = graph.graph["articles"]
    for (u, v), where in pairs.items():
        for iri in where:
            articles.setdefault(iri, corpus.articles[iri])
        graph.add_edge(
            u, v, relation="comention", style="comention", articles=tuple(where), weight=len(where)
        )
    return graph
