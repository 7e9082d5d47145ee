"""Where graphs live: an rdflib Dataset over Oxigraph on disk, in memory, or a SPARQL server.

There is no storage abstraction of kgbuild's own: callers get an rdflib ``Dataset``
whose default graph is the union of the article graphs. Only replacing a whole
article graph takes a fast path, pyoxigraph's bulk loader, when the store is local.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.term import Node

from kgbuild.graph.namespace import KG, PREFIXES

DEFAULT_STORE = "kg"
MEMORY = ":memory:"

Quad = tuple[Node, Node, Node, URIRef]


class StoreError(Exception):
    """A store that cannot be opened or written; the message is one line for the user."""


def is_remote(location: str | Path) -> bool:
    return str(location).startswith(("http://", "https://"))


def open_dataset(location: str | Path = DEFAULT_STORE) -> Dataset:
    """Open the store at ``location``, creating it if needed.

    ``location`` is a folder (Oxigraph on disk), ``:memory:``, or a SPARQL endpoint URL.
    """
    if str(location) == MEMORY:
        dataset = Dataset(store=OxigraphStore(store=ox.Store()), default_union=True)
    elif is_remote(location):
        query_url, update_url = sparql_endpoints(str(location))
        sparql = SPARQLUpdateStore(query_endpoint=query_url, update_endpoint=update_url, autocommit=True)
        dataset = Dataset(store=sparql, default_union=True)
    else:
        path = Path(location)
        if path.exists() and not path.is_dir():
            raise StoreError(f"store path {path} exists and is not a folder")
        try:
            inner = ox.Store(str(path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(
                    f"store {path} is in use by another kgbuild process (it holds the lock)"
                ) from err
            raise StoreError(f"cannot open store {path}: {_first_line(err)}") from err
        dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    return dataset


@contextlib.contextmanager
def opened(location: str | Path = DEFAULT_STORE) -> Iterator[Dataset]:
    """``open_dataset`` for a ``with`` block: the store is flushed and closed on the way out."""
    dataset = open_dataset(location)
    try:
        yield dataset
    finally:
        close(dataset)


def sparql_endpoints(url: str) -> tuple[str, str]:
    """Query and update endpoints of a server: ``http://h:7878`` -> ``/query`` and ``/update``.

    A URL that already ends in ``/query`` or ``/sparql`` is the query endpoint; its
    update endpoint is the sibling ``/update`` (Oxigraph's and Fuseki's convention).
    """
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith(("/query", "/sparql")):
        base = path.rsplit("/", 1)[0]
        query_path = path
    else:
        base = path
        query_path = f"{base}/query"
    return (
        urlunsplit((parts.scheme, parts.netloc, query_path, parts.query, "")),
        urlunsplit((parts.scheme, parts.netloc, f"{base}/update", parts.query, "")),
    )


def oxigraph_of(dataset: Dataset) -> ox.Store | None:
    """The pyoxigraph store behind ``dataset``, when it is a local one."""
    store = dataset.store
    return store._inner if isinstance(store, OxigraphStore) else None


def replace_graphs(dataset: Dataset, graphs: Mapping[URIRef, Iterable[Quad]]) -> None:
    """Drop each named graph and load its new quads in its place."""
    inner = oxigraph_of(dataset)
    if inner is not None:
        drop_graphs(dataset, graphs)
        inner.bulk_extend(_to_ox_quad(q) for quads in graphs.values() for q in quads)
        return
    for graph, quads in graphs.items():
        triples = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o, _ in quads)
        try:
            dataset.update(
                f"DROP SILENT GRAPH {graph.n3()} ;\nINSERT DATA {{ GRAPH {graph.n3()} {{\n{triples} }} }}"
            )
        except Exception as err:  # network and server errors come in many types
            raise StoreError(f"SPARQL update of {graph} failed: {_first_line(err)}") from err


def drop_graphs(dataset: Dataset, graphs: Iterable[URIRef]) -> None:
    inner = oxigraph_of(dataset)
    for graph in graphs:
        if inner is not None:
            if inner.contains_named_graph(_to_ox_graph(graph)):
                inner.remove_graph(_to_ox_graph(graph))
        else:
            dataset.update(f"DROP SILENT GRAPH {graph.n3()}")


def select(dataset: Dataset, query: str) -> list[tuple[Any, ...]]:
    """The rows of a SELECT query as plain tuples (rdflib terms, None where unbound)."""
    return [tuple(row) for row in dataset.query(query)]  # type: ignore[arg-type]


def fingerprints(dataset: Dataset) -> dict[URIRef, str]:
    """Fingerprint of every article graph in the store, to skip unchanged re-imports."""
    rows = select(dataset, f"SELECT ?g ?f WHERE {{ GRAPH ?g {{ ?g <{KG.fingerprint}> ?f }} }}")
    return {URIRef(str(graph)): str(value) for graph, value in rows}


def count_triples(dataset: Dataset) -> int:
    """Distinct triples in the union of all graphs (what a query sees)."""
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    return int(select(dataset, query)[0][0])


def close(dataset: Dataset) -> None:
    inner = oxigraph_of(dataset)
    if inner is not None:
        inner.flush()
    dataset.close()


def _to_ox_graph(node: URIRef) -> ox.NamedNode:
    return ox.NamedNode(str(node))


def _to_ox(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"cannot store {node!r}")


def _to_ox_quad(quad: Quad) -> ox.Quad:
    s, p, o, g = quad
    return ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), _to_ox(g))  # type: ignore[arg-type]


def _first_line(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0]
