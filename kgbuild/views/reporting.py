"""Reporting view: who relays whom.

The publisher relays the speakers its articles quote; a speaker whose claim derives from another claim
(prov:wasDerivedFrom, outer -> inner) relays the inner claim's speaker. Edge weight = claims relayed.
"""

from __future__ import annotations

import networkx as nx

from kgbuild.views.load import Corpus
from kgbuild.views.speakers import add_node, new_graph, relayers, remember, speaker_node


def reporting_view(corpus: Corpus) -> nx.DiGraph:
    graph = new_graph(nx.DiGraph, "reporting")
    relayed_by = relayers(corpus)
    for claim in corpus.claims.values():
        article = corpus.articles[claim.article]
        relayer = relayed_by.get(claim.iri)
        source = relayer or article.publisher
        for who in claim.speakers:
            if source is None or source == who:
                continue  # unpublished, or an outlet quoting itself
            speaker = speaker_node(graph, corpus, claim, relayer, who)
            if speaker is None or speaker == source:
                continue
            add_node(graph, corpus, source)
            remember(graph, corpus, claim)
            if graph.has_edge(source, speaker):
                data = graph.edges[source, speaker]
                data["claims"] += (claim.iri,)
                data["weight"] += 1
                data["anonymous"] += int(claim.source_kind == "anonymous")
            else:
                graph.add_edge(
                    source,
                    speaker,
                    relation="relays" if relayer else "publishes",
                    style="relay" if relayer else "report",
                    claims=(claim.iri,),
                    weight=1,
                    anonymous=int(claim.source_kind == "anonymous"),
                )
    return graph
