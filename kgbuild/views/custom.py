"""A view drawn from the user's own query.

A SELECT gives one edge per solution from its first column to its second, labelled by the third column
when there is one; a CONSTRUCT (or DESCRIBE) gives one edge per triple, labelled by the predicate.
IRIs are named and typed from the store; literals become nodes of kind ``literal``.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from kgbuild.graph.namespace import PREFIXES
from kgbuild.views.errors import ViewError
from kgbuild.views.load import label_from_iri
from kgbuild.views.sparql import PREFIX_BLOCK, Source, Term, ask_user_query, select

# Node kind of an IRI by its rdf:type, when it is not an entity (kg:entityKind says that).
_TYPE_KINDS: dict[str, str] = {
    PREFIXES["schema"] + "NewsArticle": "article",
    PREFIXES["schema"] + "Claim": "claim",
    PREFIXES["kg"] + "AnonymousSource": "anonymous",
    PREFIXES["kg"] + "Document": "document",
    PREFIXES["prov"] + "Agent": "source",
}
_KIND_RANK = ("anonymous", "document", "article", "claim", "source")
_LOOKUP_CHUNK = 400


def query_view(source: Source, query: str) -> nx.DiGraph:
    answer = ask_user_query(source, _with_prefixes(query))
    graph = nx.DiGraph(view="query", claims={}, articles={})
    if answer.triples is not None:
        links: list[tuple[Term | None, Term | None, str]] = [
            (s, o, _short(p.value)) for s, p, o in answer.triples
        ]
    else:
        if len(answer.variables) < 2:
            raise ViewError(
                "a SELECT for a view needs two node columns (and an optional edge label column); "
                f"this one has {len(answer.variables)}"
            )
        links = [(row[0], row[1], _text(row[2]) if len(row) > 2 else "") for row in answer.rows]
    for u, v, label in links:
        if u is None or v is None:
            continue
        a, b = _node(graph, u), _node(graph, v)
        if graph.has_edge(a, b):
            data = graph.edges[a, b]
            data["weight"] += 1
            if label and label not in data["label"].split(" | "):
                data["label"] = f"{data['label']} | {label}" if data["label"] else label
        else:
            graph.add_edge(a, b, label=label, weight=1, style="plain")
    _describe(source, graph)
    for _, data in graph.nodes(data=True):
        data.pop("default_label", None)
    return graph


def _with_prefixes(query: str) -> str:
    # Redeclaring a prefix is allowed, so the user's own PREFIX lines still win.
    return PREFIX_BLOCK + query


def _node(graph: nx.DiGraph, term: Term) -> str:
    if term.kind == "literal":
        node = f'"{term.value}"'
        if node not in graph:
            graph.add_node(node, label=term.value, kind="literal", iri="")
        return node
    node = term.value if term.kind == "iri" else f"_:{term.value}"
    if node not in graph:
        label = label_from_iri(term.value)
        iri = node if term.kind == "iri" else ""
        graph.add_node(node, label=label, kind="resource", iri=iri, default_label=label)
    return node


def _describe(source: Source, graph: nx.DiGraph) -> None:
    """Names and kinds of the IRI nodes, looked up in the store a few hundred at a time.

    One pattern per query: descriptions are repeated in every article graph, and the union default
    graph keeps every copy, so joining them would multiply rows.
    """
    iris = [n for n, data in graph.nodes(data=True) if data["iri"] and _safe_iri(n)]
    for chunk in _chunks(iris, _LOOKUP_CHUNK):
        values = " ".join(f"<{iri}>" for iri in chunk)
        for pattern in _DESCRIPTIONS:
            query = f"SELECT DISTINCT ?x ?v WHERE {{ VALUES ?x {{ {values} }} {pattern} }}"
            for iri, value in select(source, query):
                if iri is not None and value is not None and iri in graph:
                    _note(graph.nodes[iri], pattern, value)


_DESCRIPTIONS = (
    "?x schema:name|rdfs:label|schema:headline|skos:prefLabel ?v",
    "?x kg:entityKind ?v",
    "?x a ?v",
)


def _note(data: dict[str, str], pattern: str, value: str) -> None:
    if pattern == _DESCRIPTIONS[0]:
        if data["label"] == data["default_label"] or len(value) > len(data["label"]):
            data["label"] = value
        return
    found = value if pattern == _DESCRIPTIONS[1] else _TYPE_KINDS.get(value)
    if found and _rank(found) < _rank(data["kind"]):
        data["kind"] = found


def _rank(kind: str) -> int:
    if kind in ("person", "organisation", "place", "group", "publisher"):
        return 0
    return 1 + _KIND_RANK.index(kind) if kind in _KIND_RANK else len(_KIND_RANK) + 1


def _safe_iri(iri: str) -> bool:
    return not any(c in iri for c in '<>"{}|\\^` \n')


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _short(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _text(term: Term | None) -> str:
    if term is None:
        return ""
    return _short(term.value) if term.kind == "iri" else term.value
