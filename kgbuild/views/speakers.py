"""Nodes shared by the claims and reporting views: speakers, and anonymous sources grouped by relayer.

An anonymous source is one node per article in the store (nobody knows whether two articles' "sources
proches du dossier" are the same people). Drawn as is, a corpus gives thousands of single-claim nodes
that say nothing. Grouped by who relays them (the outer claim's speaker, else the article's publisher),
they show what the views are for: which outlet or speaker relies on unnamed sources, and about whom.
"""

from __future__ import annotations

from typing import TypeVar

import networkx as nx

from kgbuild.views.load import Corpus
from kgbuild.views.model import ArticleInfo, ClaimInfo

G = TypeVar("G", bound=nx.Graph)

ANONYMOUS_GROUP = "anonymous-sources@"  # node id prefix of a group of anonymous sources


def new_graph(cls: type[G], view: str) -> G:
    """An empty view graph with its claim and article registries (see ``kgbuild.views.model``)."""
    return cls(view=view, claims={}, articles={})


def add_node(graph: nx.Graph, corpus: Corpus, iri: str) -> str:
    if iri not in graph:
        graph.add_node(iri, label=corpus.label(iri), kind=corpus.kinds.get(iri, "resource"), iri=iri)
    return iri


def relayers(corpus: Corpus) -> dict[str, str]:
    """Inner claim -> speaker of the outer claim that relays it."""
    found: dict[str, str] = {}
    for outer, inner in corpus.derivations:
        speaker = corpus.claims[outer].speaker
        if speaker is not None:
            found.setdefault(inner, speaker)
    return found


def speaker_node(
    graph: nx.Graph, corpus: Corpus, claim: ClaimInfo, relayed_by: str | None, speaker: str | None = None
) -> str | None:
    """The node drawn for the claim's speaker, or for ``speaker``, one of its speakers (None for an
    agentless claim)."""
    speaker = speaker or claim.speaker
    if speaker is None:
        return None
    if corpus.kinds.get(speaker) != "anonymous":
        return add_node(graph, corpus, speaker)
    article = corpus.articles[claim.article]
    relayer = relayed_by or article.publisher or article.iri
    node = ANONYMOUS_GROUP + relayer
    wording = corpus.label(speaker)
    if node not in graph:
        label = f"anonymous sources via {_relayer_label(corpus, relayer, article)}"
        graph.add_node(node, label=label, kind="anonymous", iri="", wordings=wording)
    data = graph.nodes[node]
    if wording not in data["wordings"].split(" | "):
        data["wordings"] += " | " + wording
    return node


def _relayer_label(corpus: Corpus, relayer: str, article: ArticleInfo) -> str:
    if relayer == article.iri:
        return article.title or corpus.label(relayer)
    return corpus.label(relayer)


def remember(graph: nx.Graph, corpus: Corpus, claim: ClaimInfo) -> None:
    """Keep the claim and its article in the graph's registry, for the page and for tooltips."""
    graph.graph["claims"][claim.iri] = claim
    graph.graph["articles"][claim.article] = corpus.articles[claim.article]
