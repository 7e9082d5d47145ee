"""``--focus ENTITY --hops N``: the part of a view within N links of one node."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, unquote

import networkx as nx

from kgbuild.graph.ids import identity_key
from kgbuild.views.errors import ViewError
from kgbuild.views.load import expand_curie


def resolve_focus(graph: nx.Graph, focus: str) -> str:
    """The node ``focus`` names: an IRI or CURIE, ``kind/key``, an identity key, or a name.

    Names are compared without case or accents; a part of a name is enough when only one node has it.
    """
    wanted = focus.strip()
    if not wanted:
        raise ViewError("--focus is empty")
    if wanted in graph:
        return wanted
    iri = expand_curie(wanted)
    if iri in graph:
        return iri
    key = identity_key(wanted)
    tails = (
        {"/" + quote(wanted, safe="/"), "/" + quote(key, safe="")} if key else {"/" + quote(wanted, safe="/")}
    )
    stages: list[Callable[[str, dict[str, object]], bool]] = [
        lambda node, _: any(str(node).endswith(tail) for tail in tails),
        lambda _, data: bool(key) and identity_key(str(data.get("label", ""))) == key,
        lambda _, data: bool(key) and key in identity_key(str(data.get("label", ""))),
    ]
    for matches in stages:
        found = [node for node, data in graph.nodes(data=True) if matches(node, data)]
        if len(found) == 1:
            return str(found[0])
        if len(found) > 1:
            shown = ", ".join(f"{graph.nodes[n].get('label', n)} <{unquote(str(n))}>" for n in found[:8])
            more = f" and {len(found) - 8} more" if len(found) > 8 else ""
            raise ViewError(f"--focus {focus!r} matches several nodes: {shown}{more}; give one of these IRIs")
    raise ViewError(f"--focus {focus!r} matches no node of this view (try a name, a key or an IRI)")


def neighbourhood(graph: nx.Graph, node: str, hops: int) -> nx.Graph:
    """The nodes within ``hops`` links of ``node`` (whatever the links' direction), and the links between them."""
    if hops < 0:
        raise ViewError(f"--hops must be 0 or more, not {hops}")
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    near = nx.single_source_shortest_path_length(undirected, node, cutoff=hops)
    part = graph.subgraph(near).copy()
    part.graph["focus"] = node
    part.graph["hops"] = hops
    return part
