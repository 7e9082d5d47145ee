"""Files for other tools: GraphML and GEXF (Gephi, Cytoscape) and a PNG picture (matplotlib, Agg)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kgbuild.views.budget import DEFAULT_NODE_BUDGET, merge_links, select, sizes
from kgbuild.views.layout import layout
from kgbuild.views.page import KIND_STYLE, LINK_STYLE

PNG_LABELS = 40  # the most central nodes get their name written on the picture

# vis-network shape -> matplotlib marker
_MARKERS = {
    "dot": "o",
    "square": "s",
    "diamond": "D",
    "triangle": "^",
    "triangleDown": "v",
    "hexagon": "h",
    "star": "*",
}


def exportable(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all strings, numbers or booleans, as GraphML and GEXF require.

    Tuples of IRIs (an edge's claims or articles) become space-separated text; missing values are left out;
    the graph-level registries of claims and articles are dropped (their facts are on the edges).
    """
    out = graph.__class__()
    out.graph.update({k: v for k, v in ((k, _scalar(v)) for k, v in graph.graph.items()) if v is not None})
    for node, data in graph.nodes(data=True):
        out.add_node(str(node), **_scalars(data))
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            out.add_edge(str(u), str(v), key=str(key), **_scalars(data))
    else:
        for u, v, data in graph.edges(data=True):
            out.add_edge(str(u), str(v), **_scalars(data))
    return out


def write_graphml(graph: nx.Graph, out: Path) -> None:
    nx.write_graphml(exportable(graph), out, named_key_ids=True)


def write_gexf(graph: nx.Graph, out: Path) -> None:
    nx.write_gexf(exportable(graph), out)


def write_png(graph: nx.Graph, out: Path, *, title: str, node_budget: int = DEFAULT_NODE_BUDGET) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    selection = select(graph, merge_links(graph), node_budget=node_budget)
    index = {node: i for i, node in enumerate(selection.nodes)}
    pos = layout(len(index), [(index[k.source], index[k.target], k.weight) for k in selection.links])
    size = sizes(selection.rank)
    fig, ax = plt.subplots(figsize=(12, 12), dpi=100)
    try:
        segments: dict[str, list[list[tuple[float, float]]]] = {}
        for link in selection.links:
            (x0, y0), (x1, y1) = pos[index[link.source]], pos[index[link.target]]
            segments.setdefault(link.style, []).append([(x0, -y0), (x1, -y1)])
        for style, lines in segments.items():
            _, colour, dashes, _ = LINK_STYLE.get(style, LINK_STYLE["plain"])
            ax.add_collection(
                LineCollection(
                    lines, colors=colour, alpha=0.5, linewidths=0.6, linestyles="--" if dashes else "-"
                )
            )
        by_kind: dict[str, list[str]] = {}
        for node in selection.nodes:
            by_kind.setdefault(str(graph.nodes[node].get("kind") or "resource"), []).append(node)
        handles = []
        for kind, members in by_kind.items():
            label, colour, shape, _ = KIND_STYLE.get(kind, (kind, "#8c8c8c", "dot", False))
            marker = _MARKERS.get(shape, "o")
            rows = [index[n] for n in members]
            areas = [12 + 260 * size.get(n, 0.0) ** 2 for n in members]
            ax.scatter(
                pos[rows, 0],
                -pos[rows, 1],
                s=areas,
                c=colour,
                marker=marker,
                edgecolors="#333333",
                linewidths=0.3,
            )
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=marker,
                    linestyle="",
                    markerfacecolor=colour,
                    markeredgecolor="#333333",
                    label=label,
                )
            )
        for node in selection.nodes[:PNG_LABELS]:
            x, y = pos[index[node]]
            text = str(graph.nodes[node].get("label") or node)
            ax.annotate(
                text[:40],
                (x, -y),
                fontsize=7,
                ha="center",
                va="bottom",
                xytext=(0, 4),
                textcoords="offset points",
            )
        if handles:
            ax.legend(handles=handles, loc="lower right", fontsize=8)
        omitted = selection.omitted
        subtitle = ""
        if omitted.anything:
            subtitle = (
                f"\n{omitted.nodes_shown:,} of {omitted.nodes_total:,} nodes (most central), "
                f"{omitted.edges_shown:,} of {omitted.edges_total:,} links"
            )
        ax.set_title(title + subtitle, fontsize=11)
        ax.set_axis_off()
        ax.set_aspect("equal", adjustable="datalim")
        fig.savefig(out, format="png", bbox_inches="tight")
    finally:
        plt.close(fig)


def _scalars(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    return {k: v for k, v in ((k, _scalar(v)) for k, v in data.items()) if v is not None}


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple | list | set | frozenset):
        return " ".join(str(v) for v in value)
    return str(value)
