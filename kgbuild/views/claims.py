"""Claims view: who says what about whom.

One edge per claim and entity its content mentions, from the speaker to the entity. The publisher is a
hop only where the claim would otherwise be lost: a claim about no entity links the publisher to its
speaker (the outlet quotes them), an agentless claim links the publisher to the entities it is about.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kgbuild.views.load import Corpus
from kgbuild.views.model import ArticleInfo, ClaimInfo
from kgbuild.views.speakers import add_node, new_graph, relayers, remember, speaker_node


def claims_view(corpus: Corpus) -> nx.MultiDiGraph:
    graph = new_graph(nx.MultiDiGraph, "claims")
    relayed_by = relayers(corpus)
    for claim in corpus.claims.values():
        article = corpus.articles[claim.article]
        targets = [t for t in dict.fromkeys(corpus.targets.get(claim.iri, ())) if t not in claim.speakers]
        for who in claim.speakers or (None,):
            if who is not None and (targets or article.publisher not in (None, who)):
                speaker = speaker_node(graph, corpus, claim, relayed_by.get(claim.iri), who)
                assert speaker is not None
                links = [(speaker, target, "claims") for target in targets]
                if not links and article.publisher:
                    links = [(article.publisher, speaker, "reports")]
            elif who is None and article.publisher and targets:
                links = [(article.publisher, target, "states") for target in targets]
            else:
                continue  # nobody to draw it from, or nothing to draw it to
            remember(graph, corpus, claim)
            for u, v, relation in links:
                add_node(graph, corpus, u)  # no-op for the speaker, already drawn
                add_node(graph, corpus, v)
                graph.add_edge(u, v, key=claim.iri, **edge_attributes(claim, article, relation))
    return graph


def edge_attributes(claim: ClaimInfo, article: ArticleInfo, relation: str) -> dict[str, Any]:
    """Scalar attributes of one claim edge (GraphML and GEXF take nothing else)."""
    return {
        "relation": relation,
        "claims": (claim.iri,),
        "claim": claim.iri,
        "cue": claim.cue,
        "act": claim.act or "",
        "quote": claim.quote,
        "article": article.iri,
        "title": article.title or "",
        "url": article.url or "",
        "date": article.date or "",
        "publisher": article.publisher_name or "",
        "source_kind": claim.source_kind or "",
        "quote_type": claim.quote_type or "",
        "polarity": "negative" if claim.negative else "positive",
        "certainty": claim.certainty or "",
        "hedges": "; ".join(claim.hedges),
        "denial": claim.denial,
        "hedged": claim.hedged,
        "style": claim.style if relation != "reports" else "report",
        "weight": 1,
    }
