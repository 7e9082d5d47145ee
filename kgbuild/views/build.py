"""``build_view`` and ``write_view``: what the ``kgbuild viz`` command calls."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, get_args

import networkx as nx

from kgbuild.views.budget import DEFAULT_NODE_BUDGET
from kgbuild.views.claims import claims_view
from kgbuild.views.comention import comention_view
from kgbuild.views.custom import query_view
from kgbuild.views.errors import ViewError
from kgbuild.views.export import write_gexf, write_graphml, write_png
from kgbuild.views.focus import neighbourhood, resolve_focus
from kgbuild.views.load import load
from kgbuild.views.page import render_html
from kgbuild.views.reporting import reporting_view
from kgbuild.views.sparql import engine

View = Literal["claims", "reporting", "comention"]
Format = Literal["html", "graphml", "gexf", "png"]
VIEWS: tuple[str, ...] = get_args(View)
FORMATS: tuple[str, ...] = get_args(Format)

_TITLES = {
    "claims": "Who claims what about whom",
    "reporting": "Who relays whom",
    "comention": "Named together",
}


def build_view(
    dataset: object,
    view: str = "claims",
    *,
    focus: str | None = None,
    hops: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    publisher: str | None = None,
    query: str | None = None,
) -> nx.Graph:
    """A view of the store as a networkx graph.

    ``claims`` gives a MultiDiGraph (one edge per claim and entity it is about), ``reporting`` a DiGraph
    (weighted by claims relayed), ``comention`` an undirected Graph (weighted by articles), and ``query``
    (the text of a SELECT or CONSTRUCT, which replaces ``view``) a DiGraph. ``dataset`` is an rdflib
    Graph/Dataset or a pyoxigraph Store; its default graph is read as the union of the named graphs.
    """
    source = engine(dataset)
    if query is not None:
        if date_from or date_to or publisher:
            raise ViewError(
                "--from, --to and --publisher select articles of a built-in view; put them in the query"
            )
        graph: nx.Graph = query_view(source, query)
    else:
        if view not in VIEWS:
            raise ViewError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
        corpus = load(
            source,
            claims=view in ("claims", "reporting"),
            targets=view == "claims",
            derivations=view in ("claims", "reporting"),
            mentions=view == "comention",
            date_from=date_from,
            date_to=date_to,
            publisher=publisher,
        )
        if view == "claims":
            graph = claims_view(corpus)
        elif view == "reporting":
            graph = reporting_view(corpus)
        else:
            graph = comention_view(corpus)
    if focus is not None:
        graph = neighbourhood(graph, resolve_focus(graph, focus), hops)
    graph.graph["title"] = _title(graph, view if query is None else "query", date_from, date_to, publisher)
    return graph


def write_view(
    dataset: object,
    out: Path,
    *,
    view: str = "claims",
    format: Format | None = None,
    focus: str | None = None,
    hops: int = 1,
    date_from: str | None = None,
    date_to: str | None = None,
    publisher: str | None = None,
    query: str | None = None,
    title: str | None = None,
    node_budget: int = DEFAULT_NODE_BUDGET,
) -> nx.Graph:
    """Build a view and write it to ``out``; the format defaults to the file's extension. Returns the graph."""
    fmt = format or infer_format(out)
    if fmt not in FORMATS:
        raise ViewError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    graph = build_view(
        dataset,
        view,
        focus=focus,
        hops=hops,
        date_from=date_from,
        date_to=date_to,
        publisher=publisher,
        query=query,
    )
    write_graph(graph, out, format=fmt, title=title, node_budget=node_budget)
    return graph


def write_graph(
    graph: nx.Graph,
    out: Path,
    *,
    format: Format = "html",
    title: str | None = None,
    node_budget: int = DEFAULT_NODE_BUDGET,
) -> None:
    heading = title or str(graph.graph.get("title") or "kgbuild view")
    if node_budget < 1:
        raise ViewError(f"the node budget must be at least 1, not {node_budget}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if format == "html":
            out.write_text(render_html(graph, title=heading, node_budget=node_budget), encoding="utf-8")
        elif format == "graphml":
            write_graphml(graph, out)
        elif format == "gexf":
            write_gexf(graph, out)
        elif format == "png":
            write_png(graph, out, title=heading, node_budget=node_budget)
        else:
            raise ViewError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    except OSError as err:
        raise ViewError(f"cannot write {out}: {err.strerror or err}") from err


def infer_format(out: Path) -> Format:
    suffix = out.suffix.lower().lstrip(".")
    formats: dict[str, Format] = {
        "html": "html",
        "htm": "html",
        "graphml": "graphml",
        "gexf": "gexf",
        "png": "png",
    }
    if suffix not in formats:
        raise ViewError(f"cannot tell the format of {out.name}: give --format ({', '.join(FORMATS)})")
    return formats[suffix]


def _title(
    graph: nx.Graph, view: str, date_from: str | None, date_to: str | None, publisher: str | None
) -> str:
    parts = [_TITLES.get(view, "Query")]
    if publisher:
        parts.append(f"in {publisher}")
    if date_from or date_to:
        parts.append(f"{date_from or '…'} to {date_to or '…'}")
    focus = graph.graph.get("focus")
    if focus is not None:
        label = graph.nodes[focus].get("label", focus)
        hops = graph.graph.get("hops", 1)
        parts.append(f"around {label} ({hops} hop{'s' if hops != 1 else ''})")
    return " · ".join(parts)
