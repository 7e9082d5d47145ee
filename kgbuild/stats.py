"""Counts that describe what a store holds."""

from __future__ import annotations

from collections import Counter

from rdflib import Dataset

from kgbuild.query.kinds import KIND_VOTES, usual_kinds
from kgbuild.store import count_triples, select

_PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/kgbuild/ontology#>
"""

_TOTALS = (
    _PREFIXES
    + """SELECT
  (COUNT(DISTINCT ?article) AS ?articles) (COUNT(DISTINCT ?claim) AS ?claims)
  (COUNT(DISTINCT ?entity) AS ?entities) (COUNT(DISTINCT ?anon) AS ?anonymous_sources)
WHERE {
  { ?article a schema:NewsArticle } UNION { ?claim a schema:Claim } UNION { ?entity kg:identityKey ?key }
  UNION { ?anon a kg:AnonymousSource }
}"""
)

_BREAKDOWNS = {
    "articles_by_language": "SELECT ?key (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle ; "
    "schema:inLanguage ?key } GROUP BY ?key ORDER BY DESC(?n)",
    "articles_by_publisher": "SELECT ?key (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle ; "
    "schema:publisher/schema:name ?key } GROUP BY ?key ORDER BY DESC(?n) LIMIT 20",
    "claims_by_quote_type": "SELECT ?key (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a schema:Claim ; "
    "kg:quoteType ?t . BIND(STRAFTER(STR(?t), '#') AS ?key) } GROUP BY ?key ORDER BY DESC(?n)",
    "claims_by_source_kind": "SELECT ?key (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a schema:Claim ; "
    "kg:sourceKind ?t . BIND(STRAFTER(STR(?t), '#') AS ?key) } GROUP BY ?key ORDER BY DESC(?n)",
}


def store_stats(dataset: Dataset) -> dict[str, object]:
    """Totals and breakdowns of the union graph, as plain values."""
    articles, claims, entities, anonymous = select(dataset, _TOTALS)[0]
    stats: dict[str, object] = {
        "triples": count_triples(dataset),
        "articles": int(articles),
        "claims": int(claims),
        "entities": int(entities),
        "anonymous_sources": int(anonymous),
    }
    for name, query in _BREAKDOWNS.items():
        stats[name] = {str(key): int(n) for key, n in select(dataset, _PREFIXES + query)}
    by_kind = Counter(usual_kinds(select(dataset, _PREFIXES + KIND_VOTES)).values())
    stats["entities_by_kind"] = dict(sorted(by_kind.items(), key=lambda item: (-item[1], item[0])))
    return stats
